using Roundup.Harvesting;

namespace Roundup.Arxiv.Files;

/// <summary>Files sorted by kind: a source per kind present (listings first), and the files of neither kind, each with why.</summary>
public sealed record FileSelection(IReadOnlyList<FileSelection.Group> Groups, IReadOnlyList<HarvestProblem> Refused)
{
    /// <summary>The files of one kind and the source that reads them.</summary>
    public sealed record Group(FileKind Kind, IReadOnlyList<string> Files, IPaperSource Source);
}
