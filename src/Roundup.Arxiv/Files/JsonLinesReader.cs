using System.Globalization;
using System.Text.Json;
using Roundup.Harvesting;

namespace Roundup.Arxiv.Files;

/// <summary>
/// Reads JSON-lines files in pages of a fixed number of lines, in bounded memory. A line that is not a usable
/// record becomes a problem naming the file and line; the lines around it are kept. The position after a page is
/// <c>fileIndex:lineNumber</c>, so an interrupted import resumes after the last stored page.
/// </summary>
public sealed class JsonLinesReader<TRecord>(
    IReadOnlyList<string> files,
    int pageSize,
    Func<string, TRecord?> deserialize,
    Func<TRecord, string, HarvestedPaper> convert)
{
    public async IAsyncEnumerable<HarvestPage> ReadAsync(string? resumeFrom, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (startFile, startLine) = ParsePosition(resumeFrom);
        for (var fileIndex = startFile; fileIndex < files.Count; fileIndex++)
        {
            var file = files[fileIndex];
            if (!File.Exists(file))
            {
                throw new FileNotFoundException($"{file}: no such file", file);
            }

            using var reader = new StreamReader(file, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 1 << 16 });
            var lineNumber = 0;
            var skip = fileIndex == startFile ? startLine : 0;
            var papers = new List<HarvestedPaper>(pageSize);
            var problems = new List<HarvestProblem>();
            var firstLine = skip + 1;
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                lineNumber++;
                if (lineNumber <= skip)
                {
                    continue;
                }

                if (!string.IsNullOrWhiteSpace(line))
                {
                    Read(line, $"{file}:{lineNumber}", papers, problems);
                }

                if (lineNumber - firstLine + 1 >= pageSize)
                {
                    yield return Page(file, firstLine, lineNumber, papers, problems, $"{fileIndex}:{lineNumber}");
                    papers = new List<HarvestedPaper>(pageSize);
                    problems = [];
                    firstLine = lineNumber + 1;
                }
            }

            var last = fileIndex == files.Count - 1;
            if (papers.Count > 0 || problems.Count > 0 || last)
            {
                yield return Page(file, firstLine, lineNumber, papers, problems, last ? null : $"{fileIndex + 1}:0");
            }
        }
    }

    private void Read(string line, string location, List<HarvestedPaper> papers, List<HarvestProblem> problems)
    {
        try
        {
            var record = deserialize(line);
            if (record is null)
            {
                problems.Add(new HarvestProblem(location, "the line is JSON null, not a record"));
                return;
            }

            papers.Add(convert(record, location));
        }
        catch (JsonException e)
        {
            problems.Add(new HarvestProblem(location, $"not a JSON record: {e.Message}"));
        }
        catch (FormatException e)
        {
            problems.Add(new HarvestProblem(location, e.Message));
        }
    }

    private static HarvestPage Page(string file, int firstLine, int lastLine, List<HarvestedPaper> papers, List<HarvestProblem> problems, string? next) =>
        new(papers, problems, next, $"{file}:{firstLine}-{lastLine}");

    private static (int File, int Line) ParsePosition(string? position)
    {
        if (position is null)
        {
            return (0, 0);
        }

        var parts = position.Split(':');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var file)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var line))
        {
            throw new FormatException($"'{position}' is not a file position (fileIndex:line)");
        }

        return (file, line);
    }
}
