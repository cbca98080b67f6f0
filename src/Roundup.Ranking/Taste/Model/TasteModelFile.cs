using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Roundup.Ranking.Taste.History;

namespace Roundup.Ranking.Taste.Model;

/// <summary>
/// A taste model on disk, a folder of four files: <c>taste.json</c> (provenance, settings, the regressions),
/// <c>authors.tsv.gz</c> and <c>code-owners.tsv</c> (the track records), <c>titles.bin</c> (the title memory), and
/// <c>text-score.tsv.gz</c> when the model has a learned text score, <c>reference.tsv.gz</c> when it keeps a sample
/// of its training rows.
/// Written deterministically, so the same training writes the same bytes; the model's hash is over their contents.
/// </summary>
public static class TasteModelFile
{
    public const string ModelFile = "taste.json";
    public const string AuthorsFile = "authors.tsv.gz";
    public const string CodeOwnersFile = "code-owners.tsv";
    public const string TitlesFile = "titles.bin";
    public const string TextScoreFile = "text-score.tsv.gz";
    public const string ReferenceFile = "reference.tsv.gz";
    private const int Format = 1;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The model's files in memory, and the hash over them.</summary>
    public static (IReadOnlyDictionary<string, byte[]> Files, string Hash) Serialize(TasteModelInfo info, TasteSettings settings, TasteHistory history, IReadOnlyDictionary<string, Combiner> combiners, Text.TextScore? text, ReferenceRows? reference)
    {
        var document = new Document(Format, info, settings, new SortedDictionary<string, Combiner>(combiners.ToDictionary(), StringComparer.Ordinal));
        var json = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(document, Json) + "\n");
        var authors = Utf8(history.Authors.Write);
        var owners = Utf8(history.CodeOwners.Write);
        using var titles = new MemoryStream();
        history.Titles.Write(titles);
        var textScore = text is null ? [] : Utf8(text.Write);
        var referenceRows = reference is null ? [] : Utf8(reference.Write);

        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var part in new[] { json, authors, owners, titles.ToArray(), textScore, referenceRows })
        {
            sha.AppendData(BitConverter.GetBytes(part.LongLength));
            sha.AppendData(part);
        }

        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            [ModelFile] = json,
            [AuthorsFile] = Gzip(authors),
            [CodeOwnersFile] = owners,
            [TitlesFile] = titles.ToArray(),
        };
        if (text is not null)
        {
            files[TextScoreFile] = Gzip(textScore);
        }

        if (reference is not null)
        {
            files[ReferenceFile] = Gzip(referenceRows);
        }

        return (files, Convert.ToHexStringLower(sha.GetHashAndReset()));
    }

    public static void Save(TasteModel model, string folder)
    {
        Directory.CreateDirectory(folder);
        var (files, _) = Serialize(model.Info, model.Settings, model.History, model.Combiners, model.Text, model.Reference);
        File.Delete(Path.Combine(folder, TextScoreFile));
        File.Delete(Path.Combine(folder, ReferenceFile));
        foreach (var (name, bytes) in files)
        {
            var path = Path.Combine(folder, name);
            File.WriteAllBytes(path + ".tmp", bytes);
            File.Move(path + ".tmp", path, overwrite: true);
        }
    }

    public static bool Exists(string folder) => File.Exists(Path.Combine(folder, ModelFile));

    public static TasteModel Load(string folder) =>
        Load(name => File.Exists(Path.Combine(folder, name)) ? File.OpenRead(Path.Combine(folder, name)) : null, folder);

    /// <summary>Reads a model through <paramref name="open"/> (a folder, or the assembly's resources); errors name <paramref name="source"/> and the file.</summary>
    public static TasteModel Load(Func<string, Stream?> open, string source)
    {
        byte[] Bytes(string name)
        {
            using var stream = open(name) ?? throw new InvalidDataException($"{source}: the taste model has no {name}");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }

        var json = Bytes(ModelFile);
        Document document;
        try
        {
            document = JsonSerializer.Deserialize<Document>(json, Json) ?? throw new InvalidDataException($"{source}/{ModelFile} is empty");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}/{ModelFile}: {e.Message}", e);
        }

        if (document.Format != Format)
        {
            throw new InvalidDataException($"{source}/{ModelFile}: format {document.Format}, this Roundup reads format {Format} (train it again with roundup learn)");
        }

        foreach (var (key, c) in document.Combiners)
        {
            if (c.Means.Count != c.Signals.Count || c.Scales.Count != c.Signals.Count || c.Weights.Count != c.Signals.Count || c.Scales.Any(s => s <= 0))
            {
                throw new InvalidDataException($"{source}/{ModelFile}: the '{key}' model's signals, means, scales and weights do not match");
            }

            foreach (var signal in c.Signals)
            {
                _ = Signals.TasteSignals.Named(signal);
            }
        }

        var authors = FeatureRecord.Read(new StringReader(Encoding.UTF8.GetString(Gunzip(Bytes(AuthorsFile)))), $"{source}/{AuthorsFile}");
        var owners = FeatureRecord.Read(new StringReader(Encoding.UTF8.GetString(Bytes(CodeOwnersFile))), $"{source}/{CodeOwnersFile}");
        using var titleStream = new MemoryStream(Bytes(TitlesFile));
        var titles = TitleMemory.Read(titleStream, $"{source}/{TitlesFile}");
        var history = new TasteHistory(authors, owners, titles);
        var text = document.Settings.TextScore == Text.TextScoreKind.None
            ? null
            : Text.TextScore.Read(new StringReader(Encoding.UTF8.GetString(Gunzip(Bytes(TextScoreFile)))), $"{source}/{TextScoreFile}");
        using var referenceStream = open(ReferenceFile);
        var reference = referenceStream is null
            ? null
            : ReferenceRows.Read(new StringReader(Encoding.UTF8.GetString(Gunzip(Bytes(ReferenceFile)))), $"{source}/{ReferenceFile}");
        var (_, hash) = Serialize(document.Info, document.Settings, history, document.Combiners, text, reference);
        return new TasteModel(document.Info, document.Settings, history, document.Combiners, text, reference, hash);
    }

    private static byte[] Utf8(Action<TextWriter> write)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
        write(writer);
        return Encoding.UTF8.GetBytes(writer.ToString());
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }

    private static byte[] Gunzip(byte[] bytes)
    {
        using var input = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    private sealed record Document(int Format, TasteModelInfo Info, TasteSettings Settings, SortedDictionary<string, Combiner> Combiners);
}
