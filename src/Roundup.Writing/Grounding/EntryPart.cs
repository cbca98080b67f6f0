namespace Roundup.Writing.Grounding;

/// <summary>The part of an entry a sentence stands in.</summary>
public enum EntryPart
{
    Tldr,
    Summary,
    Commentary,
}

/// <summary>How an entry part is named in notes to the curator.</summary>
public static class EntryPartNames
{
    public static string Name(this EntryPart part) => part switch
    {
        EntryPart.Tldr => "TL;DR",
        EntryPart.Summary => "summary",
        _ => "commentary",
    };
}
