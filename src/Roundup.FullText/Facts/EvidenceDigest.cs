using System.Text;

namespace Roundup.FullText.Facts;

/// <summary>
/// What a model reads of a paper's full text: its section headings and the facts found in it, each with its
/// sentence, bounded in length. Built from the evidence, so hidden text is already gone; its presence is stated.
/// </summary>
public static class EvidenceDigest
{
    public const int MaxLength = 4_000;

    private static readonly FactKind[] First = [FactKind.HeadlineResult, FactKind.UnsupportedClaim, FactKind.Doubt];

    public static string For(PaperEvidence evidence)
    {
        var text = new StringBuilder();
        text.Append("Sections: ").AppendJoin("; ", evidence.Sections.Select(s => s.Heading)).Append(". ");
        // The headline, the claims the tables do not bear out and the doubts first: they are what a commentary is
        // made of, and the digest is cut at its length limit.
        foreach (var group in FactExtractor.Extract(evidence).GroupBy(f => f.Kind).OrderBy(g => Array.IndexOf(First, g.Key) is var i and >= 0 ? i : First.Length))
        {
            text.Append(group.Key).Append(": ");
            text.AppendJoin(" | ", group.Take(5).Select(f => $"{f.Value} (\"{Short(f.Sentence)}\")"));
            text.Append(". ");
        }

        if (evidence.HasHiddenText)
        {
            text.Append("Note: the paper contained ").Append(evidence.HiddenText.Count).Append(" passage(s) of hidden text, removed from this digest. ");
        }

        return text.Length <= MaxLength ? text.ToString() : text.ToString(0, MaxLength - 3) + "...";
    }

    private static string Short(string s) => s.Length <= 200 ? s : s[..197] + "...";
}
