using Roundup.Papers;

namespace Roundup.FullText.Scoring;

/// <summary>
/// Full texts kept in a folder, named by id (<c>2212.08410.pdf</c>, <c>2004.14974.tar.gz</c>, <c>2506.01234.html</c>,
/// <c>….tex</c>, with or without a version): the offline source of evidence, read once per paper.
/// </summary>
public sealed class FullTextFolder(string directory, FullTextReader reader)
{
    private static readonly string[] Extensions = [".pdf", ".tar.gz", ".tgz", ".gz", ".html", ".htm", ".tex"];
    private readonly Dictionary<ArxivId, PaperEvidence?> _read = [];

    public string? Find(ArxivId id)
    {
        if (!Directory.Exists(directory))
        {
            return null;
        }

        foreach (var stem in new[] { id.ToString(), id.Canonical }.Select(s => s.Replace('/', '_')).Distinct())
        {
            foreach (var extension in Extensions)
            {
                var candidate = Path.Combine(directory, stem + extension);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            var versioned = Directory.GetFiles(directory, stem + "v*").Order(StringComparer.Ordinal).LastOrDefault();
            if (versioned is not null)
            {
                return versioned;
            }
        }

        return null;
    }

    /// <summary>
    /// The paper's evidence, or null when the folder has no file for it; unreadable files throw <see cref="FullTextException"/>,
    /// and cancellation stops a read under way (<see cref="OperationCanceledException"/>, nothing remembered).
    /// </summary>
    public PaperEvidence? Load(Paper paper, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!_read.TryGetValue(paper.Id, out var evidence))
        {
            var file = Find(paper.Id);
            _read[paper.Id] = evidence = file is null ? null : reader.Read(file, cancellationToken);
        }

        return evidence;
    }
}
