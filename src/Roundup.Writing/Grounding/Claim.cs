namespace Roundup.Writing.Grounding;

/// <summary>A number or name as the text wrote it, in the sentence it stands in.</summary>
public sealed record Claim(ClaimKind Kind, string Text, EntryPart Part, string Sentence)
{
    /// <summary>The note shown to the curator when the claim is not in the paper.</summary>
    public string Flag() =>
        $"grounding: removed from the {Part.Name()}: {KindName} \"{Text}\" is not in the paper (\"{Sentence}\")";

    private string KindName => Kind == ClaimKind.Number ? "number" : "name";
}
