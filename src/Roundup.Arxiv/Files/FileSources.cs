using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using Roundup.Calendar;
using Roundup.Harvesting;
using Roundup.Papers;

namespace Roundup.Arxiv.Files;

/// <summary>
/// Tells a daily listing file from a metadata snapshot by its first records, and opens the right source. A file of
/// neither kind is refused with the reason and costs the other files nothing.
/// </summary>
public static class FileSources
{
    /// <summary>How many records are looked at for a sign of the file's kind before it is refused.</summary>
    private const int RecordsLookedAt = 10;

    private static readonly byte[] ListingMark = "\"listing_date\""u8.ToArray();
    private static readonly byte[][] SnapshotMarks = ["\"versions\""u8.ToArray(), "\"update_date\""u8.ToArray()];

    /// <summary>One source for the listing files and one for the snapshot files given; the other files refused.</summary>
    public static async Task<FileSelection> OpenAsync(IReadOnlyList<string> files, ArxivCalendar calendar, CancellationToken cancellationToken = default)
    {
        var listings = new List<string>();
        var snapshots = new List<string>();
        var refused = new List<HarvestProblem>();
        foreach (var file in files)
        {
            try
            {
                switch (await ClassifyAsync(file, cancellationToken))
                {
                    case (FileKind.Snapshot, _):
                        snapshots.Add(file);
                        break;
                    case (FileKind.Listing, _):
                        listings.Add(file);
                        break;
                    case (_, { } why):
                        refused.Add(why);
                        break;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                refused.Add(new HarvestProblem(file, $"cannot be read: {e.Message}"));
            }
        }

        var groups = new List<FileSelection.Group>();
        if (listings.Count > 0)
        {
            groups.Add(new FileSelection.Group(FileKind.Listing, listings, new ListingFileSource(listings)));
        }

        if (snapshots.Count > 0)
        {
            groups.Add(new FileSelection.Group(FileKind.Snapshot, snapshots, new SnapshotFileSource(snapshots, calendar)));
        }

        return new FileSelection(groups, refused);
    }

    /// <summary>The file's kind; throws naming the file and line when it is neither.</summary>
    public static async Task<FileKind> DetectAsync(string file, CancellationToken cancellationToken = default) =>
        await ClassifyAsync(file, cancellationToken) switch
        {
            ({ } kind, _) => kind,
            (_, var why) => throw new FormatException(why!.ToString()),
        };

    // Reads at most RecordsLookedAt non-blank lines, each bounded like every line we read: an over-long line is let
    // go, never held. An empty file, or one of only over-long lines, is an empty listing (its lines are reported then).
    private static async Task<(FileKind? Kind, HarvestProblem? Refusal)> ClassifyAsync(string file, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan | FileOptions.Asynchronous);
        var pipe = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 1 << 16));
        var splitter = new LineSplitter(PaperLimits.MaxRecordBytes);
        var lineNumber = 0;
        var records = 0;
        (int Line, string Start)? first = null;
        try
        {
            while (true)
            {
                var result = await pipe.ReadAsync(cancellationToken);
                var buffer = result.Buffer;
                while (splitter.TryRead(ref buffer, result.IsCompleted, out var line, out var overLong))
                {
                    lineNumber++;
                    if (overLong > 0 || IsBlank(line))
                    {
                        continue;
                    }

                    var bytes = line.IsSingleSegment ? line.FirstSpan : line.ToArray();
                    if (bytes.IndexOf(ListingMark) >= 0)
                    {
                        return (FileKind.Listing, null);
                    }

                    foreach (var mark in SnapshotMarks)
                    {
                        if (bytes.IndexOf(mark) >= 0)
                        {
                            return (FileKind.Snapshot, null);
                        }
                    }

                    first ??= (lineNumber, Start(bytes));
                    if (++records == RecordsLookedAt)
                    {
                        return (null, Refusal(file, first.Value));
                    }
                }

                pipe.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted)
                {
                    return first is { } seen ? (null, Refusal(file, seen)) : (FileKind.Listing, null);
                }
            }
        }
        finally
        {
            await pipe.CompleteAsync();
        }
    }

    private static HarvestProblem Refusal(string file, (int Line, string Start) first) =>
        new($"{file}:{first.Line}", $"neither a listing file (JSON lines with listing_date) nor an arXiv metadata snapshot (JSON lines with versions): \"{first.Start}\"");

    private static string Start(ReadOnlySpan<byte> line)
    {
        var text = Encoding.UTF8.GetString(line[..Math.Min(line.Length, 240)]);
        return text.Length > 60 ? text[..60] + "..." : text;
    }

    private static bool IsBlank(ReadOnlySequence<byte> line)
    {
        foreach (var segment in line)
        {
            if (segment.Span.IndexOfAnyExcept(" \t\r"u8) >= 0)
            {
                return false;
            }
        }

        return true;
    }
}
