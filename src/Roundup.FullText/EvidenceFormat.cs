namespace Roundup.FullText;

/// <summary>The format a paper's full text was read from.</summary>
public enum EvidenceFormat
{
    Pdf,
    Latex,
    Html,
}
