using Roundup.Calendar;
using Roundup.Harvesting;

namespace Roundup.Arxiv.Files;

/// <summary>Tells a daily listing file from a metadata snapshot by its first record, and opens the right source.</summary>
public static class FileSources
{
    public static IPaperSource Open(IReadOnlyList<string> files, ArxivCalendar calendar)
    {
        var kinds = files.Select(f => (File: f, Kind: Detect(f))).ToList();
        if (kinds.Select(k => k.Kind).Distinct().Count() > 1)
        {
            throw new FormatException($"listing files and snapshot files cannot be read as one source: {string.Join(", ", kinds.Select(k => $"{Path.GetFileName(k.File)} ({k.Kind})"))}");
        }

        return kinds[0].Kind == "snapshot" ? new SnapshotFileSource(files, calendar) : new ListingFileSource(files);
    }

    /// <summary><c>listing</c> or <c>snapshot</c>; throws naming the file when it is neither.</summary>
    public static string Detect(string file)
    {
        using var reader = new StreamReader(file);
        string? line;
        var lineNumber = 0;
        do
        {
            line = reader.ReadLine();
            lineNumber++;
        }
        while (line is not null && string.IsNullOrWhiteSpace(line));

        if (line is null)
        {
            return "listing"; // an empty file is an empty listing
        }

        if (line.Contains("\"listing_date\"", StringComparison.Ordinal))
        {
            return "listing";
        }

        if (line.Contains("\"versions\"", StringComparison.Ordinal) || line.Contains("\"update_date\"", StringComparison.Ordinal))
        {
            return "snapshot";
        }

        var start = line.Length > 60 ? line[..60] + "..." : line;
        throw new FormatException($"{file}:{lineNumber}: neither a listing file (JSON lines with listing_date) nor an arXiv metadata snapshot (JSON lines with versions): \"{start}\"");
    }
}
