namespace Roundup.Selection;

/// <summary>What a scorer reads; each costs more than the one before.</summary>
public enum Evidence
{
    Title,
    Abstract,
    Skim,
    FullText,
}
