using System.Globalization;
using System.Text.RegularExpressions;

namespace Roundup.FullText.Facts.Doubts;

/// <summary>
/// A small evaluation: the paper states the size of what it tests on ("a test set of 300 claims", "we evaluate on 200
/// questions"), and even the largest size it states is a few hundred examples or fewer.
/// </summary>
internal static partial class SmallEvaluationCheck
{
    private const string Count = @"(?<n>\d{1,3}(,\d{3})+|\d+)";
    private const string Unit = @"(?<unit>examples|questions|samples|claims|instances|problems|items|images|documents|articles|papers|sentences|pairs|dialogues|conversations|prompts|queries|summaries|utterances|tweets|reviews|patients|participants|subjects|videos)\b";

    /// <summary>Test sets of at most this many examples are called small.</summary>
    public const int SmallTestSet = 500;

    public static IEnumerable<Doubt> Find(PaperReading paper)
    {
        if (!paper.WholePaperRead || !paper.HasMeasuredResults)
        {
            yield break;
        }

        var sizes = paper.Own
            .SelectMany(s => TestSize().Matches(s.Text).Select(m => (Sentence: s, Count: Parse(m.Groups["n"].Value), Unit: m.Groups["unit"].Value)))
            .Where(x => x.Count > 0)
            .ToList();
        if (sizes.Count == 0 || sizes.Max(x => x.Count) > SmallTestSet)
        {
            yield break;
        }

        var largest = sizes.MaxBy(x => x.Count);
        yield return new Doubt(
            DoubtKind.SmallEvaluation,
            $"a small evaluation: tested on {largest.Count.ToString(CultureInfo.InvariantCulture)} {largest.Unit.ToLowerInvariant()}",
            largest.Sentence.Text,
            largest.Sentence.Section);
    }

    private static int Parse(string number) =>
        int.TryParse(number.Replace(",", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    // "test set of 300 claims", "test set with $n_{test} = 300$ claims", "300 test questions", "we evaluate on 200 examples",
    // "500 examples for testing"
    [GeneratedRegex(
        @"\btest(ing)?\s+(set|split|data)\s+(of|with|contains|containing|consists of|consisting of|comprises|comprising|has|includes|including)\s+(only\s+|just\s+)?(\$?n_\{?[^=$]{0,30}=\s*)?" + Count + @"\s*\$?\s*" + Unit
        + @"|\b" + Count + @"\s+(held-out\s+|test(ing)?\s+|evaluation\s+)" + Unit
        + @"|\b(evaluat\w+|test\w*)\s+((our |the |each )?[\w\-]+\s+)?(on|using)\s+(only\s+|just\s+)?" + Count + @"\s+([\w\-]+\s+)?" + Unit
        + @"|\b" + Count + @"\s+" + Unit + @"\s+(are\s+|were\s+)?(for|used for|held out for|as the)\s+(the\s+)?(test(ing)?|evaluation)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex TestSize();
}
