using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Roundup.Bench;

/// <summary>
/// Writes a synthetic file in the format of arXiv's metadata snapshot (Kaggle/Cornell), with record sizes like the
/// real one (~1.8 KB a line: 4.8 GB for 2.7M records): unique new-scheme ids (4 digits before 2015), 1–4 versions,
/// 1–12 authors, monthly volume growing over 2007–2025.
/// </summary>
public static class SnapshotGenerator
{
    private static readonly string[] Words =
    [
        "learning", "neural", "model", "attention", "transformer", "graph", "diffusion", "language", "vision", "robust",
        "efficient", "training", "inference", "benchmark", "dataset", "optimization", "gradient", "stochastic", "sparse",
        "representation", "contrastive", "reinforcement", "policy", "reward", "quantum", "field", "theory", "spectral",
        "bayesian", "kernel", "embedding", "retrieval", "reasoning", "agents", "scaling", "laws", "pretraining", "alignment",
    ];

    private static readonly string[] Categories = ["cs.LG", "cs.CV", "cs.CL", "cs.AI", "stat.ML", "math.OC", "hep-th", "quant-ph", "cond-mat.stat-mech", "eess.IV"];

    public static long Write(string path, int records, int seed)
    {
        var random = new Random(seed);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { SkipValidation = true });
        var start = new DateTime(2007, 4, 2, 12, 0, 0, DateTimeKind.Utc);
        var span = (new DateTime(2025, 6, 30, 0, 0, 0, DateTimeKind.Utc) - start).TotalMinutes;
        var month = "";
        var sequence = 0;
        for (var i = 0; i < records; i++)
        {
            // Monthly volume grows like arXiv's (t^1.5): under 10,000 a month before 2015, when ids had 4 digits.
            var created = start.AddMinutes(span * Math.Pow((double)i / records, 0.4));
            var yymm = created.ToString("yyMM", CultureInfo.InvariantCulture);
            sequence = yymm == month ? sequence + 1 : 1;
            month = yymm;
            var id = created.Year < 2015 ? $"{yymm}.{sequence:D4}" : $"{yymm}.{sequence:D5}";
            WriteRecord(json, random, id, created);
            json.Flush();
            stream.WriteByte((byte)'\n');
            json.Reset();
        }

        return stream.Position;
    }

    private static void WriteRecord(Utf8JsonWriter json, Random random, string id, DateTime created)
    {
        var authors = Enumerable.Range(0, random.Next(1, 13)).Select(_ => (Last: Capital(Word(random)), First: $"{(char)('A' + random.Next(26))}.")).ToList();
        json.WriteStartObject();
        json.WriteString("id", id);
        json.WriteString("submitter", $"{authors[0].First} {authors[0].Last}");
        json.WriteString("authors", string.Join(", ", authors.Select(a => $"{a.First} {a.Last}")));
        json.WriteString("title", Capital(Sentence(random, 6, 14)));
        json.WriteString("comments", random.Next(3) == 0 ? null : $"{random.Next(4, 40)} pages, {random.Next(1, 12)} figures");
        json.WriteString("journal-ref", random.Next(5) == 0 ? $"J. Synth. Res. {random.Next(1, 99)} ({created.Year})" : null);
        json.WriteString("doi", random.Next(4) == 0 ? $"10.{random.Next(1000, 9999)}/synth.{random.Next(100000)}" : null);
        json.WriteString("report-no", (string?)null);
        json.WriteString("categories", string.Join(' ', Enumerable.Range(0, random.Next(1, 4)).Select(_ => Categories[random.Next(Categories.Length)]).Distinct()));
        json.WriteString("license", random.Next(2) == 0 ? "http://arxiv.org/licenses/nonexclusive-distrib/1.0/" : null);
        json.WriteString("abstract", "  " + string.Join(' ', Enumerable.Range(0, random.Next(5, 11)).Select(_ => Capital(Sentence(random, 10, 22)) + ".")) + "\n");
        json.WriteStartArray("versions");
        var when = created;
        for (var v = 1; v <= random.Next(1, 5); v++)
        {
            json.WriteStartObject();
            json.WriteString("version", $"v{v}");
            json.WriteString("created", when.ToString("ddd, d MMM yyyy HH:mm:ss 'GMT'", CultureInfo.InvariantCulture));
            json.WriteEndObject();
            when = when.AddDays(random.Next(1, 200));
        }

        json.WriteEndArray();
        json.WriteString("update_date", when.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteStartArray("authors_parsed");
        foreach (var (last, first) in authors)
        {
            json.WriteStartArray();
            json.WriteStringValue(last);
            json.WriteStringValue(first);
            json.WriteStringValue("");
            json.WriteEndArray();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string Word(Random random) => Words[random.Next(Words.Length)];

    private static string Sentence(Random random, int min, int max)
    {
        var builder = new StringBuilder();
        for (var i = random.Next(min, max); i > 0; i--)
        {
            builder.Append(Word(random)).Append(i > 1 ? " " : "");
        }

        return builder.ToString();
    }

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
