namespace Roundup.FullText;

/// <summary>One headed part of a paper: a section, subsection or appendix, with its paragraphs in reading order.</summary>
/// <param name="Heading">The heading as printed, numbering included (e.g. "2.1 Model").</param>
/// <param name="Level">1 for a section, 2 for a subsection, 3 below that.</param>
public sealed record EvidenceSection(string Heading, SectionKind Kind, int Level, IReadOnlyList<string> Paragraphs);
