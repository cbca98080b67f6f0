using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Roundup.Harvesting;
using Roundup.Papers;

namespace Roundup.Arxiv.Files;

/// <summary>
/// Reads JSON-lines files in pages of a fixed number of lines, in bounded memory, straight from UTF-8 (no string
/// per line). A line that is not a usable record becomes a problem naming the file and line; the lines around it
/// are kept. A line longer than <c>maxLineBytes</c> is let go unread as it streams past, so no line, however long,
/// is held whole; a page also ends once its lines hold <c>maxPageBytes</c>. The position after a page is a
/// <see cref="FilesPosition"/>: each file's identity and how far it was read, so an interrupted import resumes after
/// the last stored page of the files that did not change, and reads a changed file again.
/// </summary>
public sealed class JsonLinesReader<TRecord>(
    IReadOnlyList<string> files,
    int pageSize,
    Func<ReadOnlySequence<byte>, TRecord?> deserialize,
    Func<TRecord, string, HarvestedPaper> convert,
    long maxLineBytes = PaperLimits.MaxRecordBytes,
    long maxPageBytes = JsonLinesReader<TRecord>.DefaultMaxPageBytes)
{
    /// <summary>A page's lines hold at most this much (a normal page of 5,000 snapshot records holds ~9 MB).</summary>
    public const long DefaultMaxPageBytes = 32 * 1024 * 1024;

    /// <summary>How much is read from the file at a time.</summary>
    public const int ReadSize = 1 << 20;
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>The most bytes of input held at once, for tests and benchmarks: at most the line limit and one read.</summary>
    public long LargestBuffered { get; private set; }

    /// <summary>
    /// The pages in file order. Lines are cut and copied on the calling thread; each full page is then parsed and
    /// converted on the thread pool, up to one per core pages at a time, and handed over in
    /// order, so reading the file, parsing pages and storing them overlap on the cores there are.
    /// </summary>
    public async IAsyncEnumerable<HarvestPage> ReadAsync(string? resumeFrom, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var converting = new Queue<Task<HarvestPage>>();
        try
        {
            await foreach (var raw in ReadLinesAsync(resumeFrom, cancellationToken))
            {
                converting.Enqueue(Task.Run(() => Convert(raw), cancellationToken));
                if (converting.Count >= _pagesConvertedAtOnce)
                {
                    yield return await converting.Dequeue();
                }
            }

            while (converting.Count > 0)
            {
                yield return await converting.Dequeue();
            }
        }
        finally
        {
            // Pages still converting when the reader stops early are let finish, never left running unobserved.
            while (converting.TryDequeue(out var task))
            {
                await Task.WhenAny(task);
            }
        }
    }

    /// <summary>How many pages are parsed at once: one per core.</summary>
    private readonly int _pagesConvertedAtOnce = Math.Max(2, Environment.ProcessorCount);

    private async IAsyncEnumerable<RawPage> ReadLinesAsync(string? resumeFrom, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var resumed = FilesPosition.Parse(resumeFrom);
        var read = new List<FileProgress>();
        for (var fileIndex = 0; fileIndex < files.Count; fileIndex++)
        {
            var file = files[fileIndex];
            var last = fileIndex == files.Count - 1;
            await using var stream = Open(file);
            var identity = FileIdentity.Of(stream);
            var before = resumed.Find(identity);
            if (before is { Done: true })
            {
                read.Add(before);
                continue;
            }

            var lineNumber = before?.Line ?? 0;
            var splitter = new LineSplitter(maxLineBytes, before?.Offset ?? 0);
            stream.Seek(splitter.Offset, SeekOrigin.Begin);
            var pipe = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: ReadSize));
            var page = new RawPage(file, lineNumber + 1, pageSize);
            while (true)
            {
                var result = await pipe.ReadAsync(cancellationToken);
                var buffer = result.Buffer;
                LargestBuffered = Math.Max(LargestBuffered, buffer.Length);
                while (splitter.TryRead(ref buffer, result.IsCompleted, out var line, out var overLong))
                {
                    lineNumber++;
                    if (overLong > 0)
                    {
                        page.AddOverLong(lineNumber, string.Create(CultureInfo.InvariantCulture, $"the line is {overLong:N0} bytes long (limit {maxLineBytes:N0}): skipped unread"));
                    }
                    else
                    {
                        if (lineNumber == 1 && line.Length >= 3 && line.Slice(0, 3).ToArray().AsSpan().SequenceEqual(Bom))
                        {
                            line = line.Slice(3);
                        }

                        if (!IsBlank(line))
                        {
                            page.AddLine(lineNumber, line);
                        }
                    }

                    if (page.Lines(lineNumber) >= pageSize || page.Bytes >= maxPageBytes)
                    {
                        page.Finish(lineNumber, Position(read, FileProgress.Of(identity, lineNumber, splitter.Offset, done: false), resumed));
                        yield return page;
                        page = new RawPage(file, lineNumber + 1, pageSize);
                    }
                }

                pipe.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted)
                {
                    break;
                }
            }

            await pipe.CompleteAsync();
            read.Add(FileProgress.Of(identity, lineNumber, splitter.Offset, done: true));
            if (page.HasContent || last)
            {
                page.Finish(lineNumber, last ? null : Position(read, null, resumed));
                yield return page;
            }
        }
    }

    private HarvestPage Convert(RawPage raw)
    {
        var papers = new List<HarvestedPaper>(raw.Entries.Count);
        var problems = new List<HarvestProblem>();
        foreach (var entry in raw.Entries)
        {
            var location = Location(raw.File, entry.Line);
            if (entry.Problem is { } problem)
            {
                problems.Add(new HarvestProblem(location, problem));
                continue;
            }

            var line = new ReadOnlySequence<byte>(raw.Buffer, entry.Start, entry.Length);
            try
            {
                var record = deserialize(line);
                if (record is null)
                {
                    problems.Add(new HarvestProblem(location, "the line is JSON null, not a record"));
                    continue;
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

        raw.Release();
        return new HarvestPage(papers, problems, raw.Next, raw.Range);
    }

    private static FileStream Open(string file)
    {
        if (Directory.Exists(file))
        {
            throw new FileNotFoundException($"{file}: a folder, not a file", file);
        }

        if (!File.Exists(file))
        {
            throw new FileNotFoundException($"{file}: no such file", file);
        }

        return new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan | FileOptions.Asynchronous);
    }

    // The files read so far, the one being read, and what an earlier run had of the files still to come.
    private static string Position(List<FileProgress> read, FileProgress? current, FilesPosition resumed)
    {
        var files = new List<FileProgress>(read);
        if (current is not null)
        {
            files.Add(current);
        }

        files.AddRange(resumed.Files.Where(f => !files.Any(seen => seen.Path == f.Path)));
        return new FilesPosition(files).ToString();
    }

    private static string Location(string file, int lineNumber) => string.Create(CultureInfo.InvariantCulture, $"{file}:{lineNumber}");

    private static bool IsBlank(ReadOnlySequence<byte> line)
    {
        foreach (var segment in line)
        {
            foreach (var b in segment.Span)
            {
                if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r'))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>A page's lines copied out of the read buffer (or why a line was skipped), waiting to be parsed.</summary>
    private sealed class RawPage(string file, int firstLine, int capacity)
    {
        public string File => file;

        public byte[] Buffer { get; private set; } = ArrayPool<byte>.Shared.Rent(1 << 20);

        public List<(int Line, int Start, int Length, string? Problem)> Entries { get; } = new(capacity);

        /// <summary>The bytes of the page's lines, held until the page is stored.</summary>
        public long Bytes { get; private set; }

        public string? Next { get; private set; }

        public string Range { get; private set; } = "";

        public bool HasContent => Entries.Count > 0;

        public int Lines(int lineNumber) => lineNumber - firstLine + 1;

        public void AddOverLong(int line, string problem) => Entries.Add((line, 0, 0, problem));

        public void AddLine(int line, ReadOnlySequence<byte> text)
        {
            var start = (int)Bytes;
            var end = Bytes + text.Length;
            if (end > Buffer.Length)
            {
                var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Max(end, Buffer.Length * 2L));
                Buffer.AsSpan(0, start).CopyTo(bigger);
                ArrayPool<byte>.Shared.Return(Buffer);
                Buffer = bigger;
            }

            text.CopyTo(Buffer.AsSpan(start));
            Bytes = end;
            Entries.Add((line, start, (int)text.Length, null));
        }

        /// <summary>Gives the buffer back once the page is parsed.</summary>
        public void Release()
        {
            ArrayPool<byte>.Shared.Return(Buffer);
            Buffer = [];
        }

        public void Finish(int lastLine, string? next)
        {
            Next = next;
            Range = $"{file}:{firstLine}-{lastLine}";
        }
    }
}
