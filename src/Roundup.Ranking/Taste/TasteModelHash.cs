using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Roundup.Curation;
using Roundup.Ranking.Learning;

namespace Roundup.Ranking.Taste;

/// <summary>
/// The model id: a hash of the training data (papers, dates, labels) and of everything learned from it, so a model
/// trained on other data, or with other settings, gets another id. The training time is left out.
/// </summary>
internal static class TasteModelHash
{
    public static string Compute(IReadOnlyList<TrainingExample> examples, TasteModelMetadata metadata, LinearModel linear)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text) => hash.AppendData(Encoding.UTF8.GetBytes(text + "\n"));

        foreach (var e in examples.OrderBy(e => e.Paper.Id).ThenBy(e => e.Date))
        {
            Add($"{e.Paper.Id.Canonical}|{e.Date:yyyy-MM-dd}|{e.Picked}|{e.Paper.Title}|{string.Join(';', e.Paper.Authors)}");
        }

        Add(metadata.EmbeddingModel);
        Add(string.Join('|', metadata.FeatureNames));
        Add(Floats(metadata.Means));
        Add(Floats(metadata.Scales));
        Add(Floats(linear.Weights));
        Add(Floats([linear.Bias]));
        Add(string.Join('|', metadata.AuthorCounts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")));
        Add(string.Join('|', metadata.FollowedAuthors));
        Add(F($"{metadata.L2Regularization}|{metadata.Seed}"));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static string Floats(IEnumerable<float> values) => string.Join(',', values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
