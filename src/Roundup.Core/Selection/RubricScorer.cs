using System.Text.RegularExpressions;
using Roundup.Papers;
using Roundup.Profiles;

namespace Roundup.Selection;

/// <summary>
/// The signals a curator looks for, read from the text with no model: claims of speed or accuracy gains, named
/// vision and language benchmarks, analysis that explains rather than only improves, released code, an accepted
/// venue, and the scale of the author list. Each found signal is a contribution quoting what it found.
/// </summary>
public sealed partial class RubricScorer(Evidence reads) : IPaperScorer
{
    public string Id => $"rubric-{(reads == Evidence.Title ? "title" : "abstract")}-v1";

    public Evidence Reads => reads;

    public Task<IReadOnlyList<ScoreResult>> ScoreAsync(IReadOnlyList<Paper> batch, CuratorProfile profile, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ScoreResult>>(batch.Select(Score).ToList());

    public ScoreResult Score(Paper paper)
    {
        var text = reads == Evidence.Title ? paper.Title : $"{paper.Title}. {paper.Abstract}";
        var found = new List<Contribution>();
        Signal(found, 0.20, "speed claim", SpeedClaim().Match(text));
        Signal(found, 0.15, "accuracy claim", AccuracyClaim().Match(text));
        var benchmarks = Benchmark().Matches(text).Select(m => m.Value).Distinct(StringComparer.OrdinalIgnoreCase).Take(4).ToList();
        if (benchmarks.Count > 0)
        {
            found.Add(new Contribution(Math.Min(0.20, 0.08 * benchmarks.Count), $"vision/language benchmarks: {string.Join(", ", benchmarks)}"));
        }

        Signal(found, 0.15, "analysis or understanding", Understanding().Match(text));
        Signal(found, 0.10, "code released", Code().Match($"{paper.Abstract} {paper.Comment}"));
        Signal(found, 0.15, "accepted venue", Venue().Match(paper.Comment ?? ""));
        if (paper.Authors.Count >= 8)
        {
            found.Add(new Contribution(paper.Authors.Count >= 20 ? 0.10 : 0.05, $"{paper.Authors.Count} authors"));
        }

        return new ScoreResult(paper.Id, Math.Min(1.0, found.Sum(c => c.Value)), found);
    }

    private static void Signal(List<Contribution> found, double value, string what, Match match)
    {
        if (match.Success)
        {
            var quote = match.Value.Trim();
            found.Add(new Contribution(value, $"{what}: '{(quote.Length > 60 ? quote[..57] + "..." : quote)}'"));
        }
    }

    [GeneratedRegex(@"\b\d+(\.\d+)?\s*(x|×|times)\s*(faster|speed-?ups?|fewer|less|smaller|cheaper|higher throughput|reduction)|\bspeed-?ups? of (up to )?\d+(\.\d+)?\s*(x|×)|\b\d+(\.\d+)?\s*%\s*(faster|less (memory|compute)|fewer (parameters|flops|tokens))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SpeedClaim();

    [GeneratedRegex(@"\bstate[- ]of[- ]the[- ]art\b|\bSOTA\b|\boutperform(s|ing)?\b|\bimprov(es|ing|ements?) (of |by )?(up to )?\d+(\.\d+)?\s*(%|points|pp|BLEU|mAP|FID)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AccuracyClaim();

    [GeneratedRegex(@"\b(ImageNet(-1k|-21k)?|COCO|ADE20K|CIFAR-?10{1,2}|Cityscapes|Kinetics(-\d+)?|VQA(v2)?|GQA|MMMU|MathVista|LAION|GLUE|SuperGLUE|MMLU(-Pro)?|GSM8K|HumanEval|MBPP|SWE-bench|BIG-?Bench|HellaSwag|ARC(-Challenge)?|TruthfulQA|SQuAD|WMT\d*|LibriSpeech|AIME|MATH-500|LongBench|AlpacaEval|MT-Bench|Chatbot Arena)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Benchmark();

    [GeneratedRegex(@"\b(we (show|find|prove|analy[sz]e|investigate|explain|study|characteri[sz]e) (that|why|how)|why (do|does|are|is)|mechanis(m|tic)|interpretab\w*|scaling laws?|theoretical (analysis|understanding)|understanding (of|how|why))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Understanding();

    [GeneratedRegex(@"github\.com/\S+|huggingface\.co/\S+|\b(code|models?|data(set)?) (is|are|will be) (publicly )?(available|released|open-sourced)|\bopen-sourc(e|ed|ing)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Code();

    [GeneratedRegex(@"\b(accepted|to appear|published|camera[- ]ready|oral|spotlight)\b.{0,40}\b(ICML|NeurIPS|ICLR|CVPR|ICCV|ECCV|ACL|EMNLP|NAACL|COLING|AAAI|IJCAI|KDD|COLT|TMLR|JMLR|TPAMI|Interspeech|ICASSP|SIGGRAPH|RSS|CoRL)\b|\b(ICML|NeurIPS|ICLR|CVPR|ICCV|ECCV|ACL|EMNLP|NAACL|COLM)\s*20\d\d\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Venue();
}
