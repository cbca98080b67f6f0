namespace Roundup.FullText.Facts.Doubts;

/// <summary>A sentence of the paper with the heading and kind of the part it is in ("Captions" for a caption).</summary>
internal sealed record PaperSentence(string Section, SectionKind Kind, string Text);
