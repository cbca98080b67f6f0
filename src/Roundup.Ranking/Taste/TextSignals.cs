using System.Text.RegularExpressions;
using Roundup.Papers;

namespace Roundup.Ranking.Taste;

/// <summary>Cheap signals in a paper's text that curators tend to respond to; each returns the matched words, or null.</summary>
public static partial class TextSignals
{
    public static string? CodeLink(Paper paper) => First(CodeLinkPattern(), paper.Abstract, paper.Comment);

    public static string? Venue(Paper paper) => First(VenuePattern(), paper.Comment);

    public static string? Benchmark(Paper paper) => First(BenchmarkPattern(), paper.Title, paper.Abstract);

    public static string? StateOfTheArt(Paper paper) => First(StateOfTheArtPattern(), paper.Title, paper.Abstract);

    public static string? Speed(Paper paper) => First(SpeedPattern(), paper.Title, paper.Abstract);

    public static string? Llm(Paper paper) => First(LlmPattern(), paper.Title, paper.Abstract);

    private static string? First(Regex pattern, params string?[] texts)
    {
        foreach (var text in texts)
        {
            if (text is not null && pattern.Match(text) is { Success: true } match)
            {
                return match.Value;
            }
        }

        return null;
    }

    [GeneratedRegex(@"github\.com|gitlab\.com|huggingface\.co|\bcode (is|will be) (publicly )?(available|released)", RegexOptions.IgnoreCase)]
    private static partial Regex CodeLinkPattern();

    [GeneratedRegex(@"\b(ICML|NeurIPS|NIPS|ICLR|CVPR|ICCV|ECCV|ACL|EMNLP|NAACL|COLING|COLM|AAAI|IJCAI|KDD|SIGIR|TMLR|JMLR|TPAMI)\b|\baccepted\b", RegexOptions.IgnoreCase)]
    private static partial Regex VenuePattern();

    [GeneratedRegex(@"\bbenchmark", RegexOptions.IgnoreCase)]
    private static partial Regex BenchmarkPattern();

    [GeneratedRegex(@"state[- ]of[- ]the[- ]art|\bSOTA\b", RegexOptions.IgnoreCase)]
    private static partial Regex StateOfTheArtPattern();

    [GeneratedRegex(@"\bfaster\b|\bspeed-?ups?\b|\d+(\.\d+)?\s?[x×]\s(faster|speed)", RegexOptions.IgnoreCase)]
    private static partial Regex SpeedPattern();

    [GeneratedRegex(@"\bLLMs?\b|\blarge language models?\b", RegexOptions.IgnoreCase)]
    private static partial Regex LlmPattern();
}
