using System.Text.RegularExpressions;
using Roundup.FullText.Facts.Doubts;

namespace Roundup.FullText.Facts;

/// <summary>
/// Reads the facts a curator's commentary is made of out of the evidence, sentence by sentence, with no model:
/// result claims with numbers, speed-ups and costs, datasets and benchmarks, baselines compared against, ablations,
/// model sizes, compute, code links and stated limitations. Each fact keeps its source sentence. Hidden text is
/// already gone from the evidence, so none of it can become a fact.
/// </summary>
public static partial class FactExtractor
{
    public const int MaxPerKind = 12;

    /// <summary>The abstract comes first, so its statements of contribution are the ones kept.</summary>
    public const int MaxContributions = 6;

    public static IReadOnlyList<Fact> Extract(PaperEvidence evidence)
    {
        var facts = new List<Fact>();
        var blocks = new List<(string Section, SectionKind Kind, string Text)> { ("Abstract", SectionKind.Other, evidence.Abstract) };
        blocks.AddRange(evidence.Sections.Where(s => s.Kind != SectionKind.Appendix).SelectMany(s => s.Paragraphs.Select(p => (s.Heading, s.Kind, p))));
        blocks.AddRange(evidence.Captions.Select(c => ("Captions", SectionKind.Other, c)));
        foreach (var (section, kind, text) in blocks)
        {
            foreach (var sentence in Sentences(text))
            {
                if (ContributionWords().IsMatch(sentence) && kind is not (SectionKind.RelatedWork or SectionKind.Appendix))
                {
                    Add(facts, FactKind.Contribution, Short(sentence), sentence, section, MaxContributions);
                }

                Find(facts, FactKind.SpeedOrCost, SpeedOrCost(), sentence, section);
                Find(facts, FactKind.ResultClaim, ResultClaim(), sentence, section);
                Find(facts, FactKind.Dataset, Dataset(), sentence, section);
                Find(facts, FactKind.Baseline, Baseline(), sentence, section, group: "who");
                Find(facts, FactKind.ModelSize, ModelSize(), sentence, section);
                Find(facts, FactKind.Compute, Compute(), sentence, section);
                Find(facts, FactKind.CodeLink, CodeLink(), sentence, section);
                if (kind == SectionKind.Limitations || LimitationWords().IsMatch(sentence))
                {
                    Add(facts, FactKind.Limitation, Short(sentence), sentence, section);
                }
            }
        }

        if (evidence.Sections.Any(s => s.Heading.Contains("ablation", StringComparison.OrdinalIgnoreCase)))
        {
            var heading = evidence.Sections.First(s => s.Heading.Contains("ablation", StringComparison.OrdinalIgnoreCase)).Heading;
            Add(facts, FactKind.Ablation, heading, heading, heading);
        }
        else if (blocks.SelectMany(b => Sentences(b.Text).Select(s => (b.Section, s))).FirstOrDefault(x => x.s.Contains("ablation", StringComparison.OrdinalIgnoreCase)) is { s: not null } ablation)
        {
            Add(facts, FactKind.Ablation, "ablation", ablation.s, ablation.Section);
        }

        facts.AddRange(Headline.HeadlineFinder.Find(evidence));
        facts.AddRange(DoubtFinder.Find(evidence, facts));
        return facts;
    }

    /// <summary>Sentence ends: a full stop, question or exclamation mark before a space and a capital or digit.</summary>
    public static IEnumerable<string> Sentences(string text) =>
        SentenceEnd().Split(text).Select(s => s.Trim()).Where(s => s.Length > 3);

    private static void Find(List<Fact> facts, FactKind kind, Regex pattern, string sentence, string section, string? group = null)
    {
        foreach (Match m in pattern.Matches(sentence))
        {
            var value = group is null ? m.Value : m.Groups[group].Value;
            Add(facts, kind, value.Trim().TrimEnd('.', ','), sentence, section);
        }
    }

    private static string Short(string sentence) => sentence.Length > 80 ? sentence[..77] + "..." : sentence;

    private static void Add(List<Fact> facts, FactKind kind, string value, string sentence, string section, int max = MaxPerKind)
    {
        if (value.Length == 0 || facts.Count(f => f.Kind == kind) >= max || facts.Any(f => f.Kind == kind && string.Equals(f.Value, value, StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        facts.Add(new Fact(kind, value, sentence, section));
    }

    [GeneratedRegex(@"\b(we|this (paper|work|study)|our (work|results|experiments|analysis))\s+(also\s+|further\s+|then\s+|first\s+)?(propose|introduce|present|argue|show|demonstrate|find|establish|derive|develop|release|sketch|characteri[sz]e|identify|prove|report|obtain|achieve)s?\b|\bthe main results? of (this|the) (work|paper)|\b(results|experiments|evaluations?|findings) (also )?(show|demonstrate|indicate|suggest|confirm)s?\b|\boutperform(s|ed)?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ContributionWords();

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z0-9(])")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\b\d+(\.\d+)?\s*(×|x|times)\s*(faster|speed-?up|fewer|less|smaller|cheaper|reduction|higher throughput)|\bspeed-?ups? of (up to )?\d+(\.\d+)?\s*(×|x)|\b\d+(\.\d+)?\s*%\s*(less|lower|fewer|reduction in)\s*(memory|compute|latency|cost|FLOPs|parameters|tokens)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SpeedOrCost();

    [GeneratedRegex(@"\b(accuracy|BLEU|ROUGE(-[12L])?|F1|FID|perplexity|mAP|AP|top-1|top-5|pass@1|exact match|EM|win rate|success rate|WER)\b[^.;]{0,40}?\b(\d+\.\d+\s*%?|\d+\s*%)|\b\d+(\.\d+)?\s*%\s*(absolute |relative )?(top-[15] )?(accuracy|mAP|points?|pp|improvement|gain)\b|\b\d+(\.\d+)?\s*(BLEU|FID|perplexity|points|pp)\b|\bfrom \d+(\.\d+)?%? to \d+(\.\d+)?%?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ResultClaim();

    [GeneratedRegex(@"\b(ImageNet(-1k|-21k)?|COCO|ADE20K|CIFAR-?10{1,2}|Cityscapes|Kinetics(-\d+)?|VQAv?2?|GQA|MMMU|LAION(-\w+)?|GLUE|SuperGLUE|MMLU(-Pro)?|GSM8K|MATH|HumanEval|MBPP|SWE-bench|BIG-?Bench( Hard)?|HellaSwag|ARC(-Challenge|-Easy)?|TruthfulQA|SQuAD(\s?v?2\.0)?|WMT\s?\d*|LibriSpeech|StrategyQA|MAWPS|SVAMP|AQuA|CommonsenseQA|WikiText(-\d+)?|C4|The Pile|MS MARCO|BEIR|Natural Questions|TriviaQA|AlpacaEval|MT-Bench)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Dataset();

    [GeneratedRegex(@"\b(?i:compared? (with|to|against)|outperform(s|ing|ed)?|baselines? (such as|including|like)|(faster|better|stronger|more accurate) than|versus|vs\.?)\s+(?<who>([A-Z][\w\-.]*(\s[A-Z0-9][\w\-.]*){0,3}))", RegexOptions.CultureInvariant)]
    private static partial Regex Baseline();

    [GeneratedRegex(@"\b\d+(\.\d+)?\s?(B|M|billion|million)(\s?-?parameters?|\s?params)?\b(?=[^\w]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex ModelSize();

    [GeneratedRegex(@"\b\d+\s*(x\s*)?(NVIDIA\s+)?(A100|H100|V100|A6000|RTX\s?\d{4}|TPU\s?v?\d|GPUs?|TPUs?)\b[^.;]{0,30}|\b\d[\d,]*\s*(GPU|TPU)[- ]hours\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Compute();

    [GeneratedRegex(@"https?://(github\.com|gitlab\.com|huggingface\.co)/[\w\-./]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CodeLink();

    [GeneratedRegex(@"\b(a |one |the main |key )?limitations? (of|is|are)\b|\bwe (only|did not|do not|cannot) (evaluate|test|consider|compare)|\bleave .{0,40} (to|for) future work\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LimitationWords();
}
