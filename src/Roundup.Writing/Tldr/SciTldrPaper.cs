namespace Roundup.Writing.Tldr;

/// <summary>One SciTLDR paper: its title, its abstract split into sentences, and the human TL;DRs written for it.</summary>
public sealed record SciTldrPaper(string Id, string Title, IReadOnlyList<string> Sentences, IReadOnlyList<string> Targets);
