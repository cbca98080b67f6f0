using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Roundup.Papers;
using Roundup.Profiles;

namespace Roundup.Selection;

/// <summary>
/// Everything a stage's result depends on, hashed: its configuration (as text), its scorers' ids and weights, the profile,
/// the curator's decisions, and the papers entering it (ids, versions, texts). Same hash, same result.
/// </summary>
public static class StageHash
{
    public static string Compute(string configuration, IEnumerable<(string ScorerId, double Weight)> scorers, CuratorProfile profile, IEnumerable<CuratorDecision> decisions, IEnumerable<Paper> entering)
    {
        var text = new StringBuilder();
        text.Append(configuration).Append('\n');
        foreach (var (id, weight) in scorers.OrderBy(s => s.ScorerId, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"{id}={weight}\n");
        }

        text.Append(profile.Fingerprint()).Append('\n');
        foreach (var d in decisions.OrderBy(d => d.Paper))
        {
            text.Append(CultureInfo.InvariantCulture, $"{d.Paper}:{d.Kind}\n");
        }

        foreach (var p in entering.OrderBy(p => p.Id))
        {
            text.Append(CultureInfo.InvariantCulture, $"{p.Id}v{p.Version}\u001f{p.Title}\u001f{p.Abstract}\u001f{string.Join(',', p.Authors)}\u001f{string.Join(',', p.Categories)}\u001f{p.Comment}\n");
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
