using System.Text.RegularExpressions;

namespace Roundup.FullText.Facts.Headline;

/// <summary>Whether a higher or a lower number is better in a column, or unknown (then the column is not compared).</summary>
public enum Direction
{
    Unknown,
    HigherIsBetter,
    LowerIsBetter,
}

/// <summary>
/// A column's direction read from its header: an arrow (↑ ↓) or "higher/lower is better" wins; then cost and error
/// words (error, loss, perplexity, WER, FID, latency, time, memory, parameters, …) mean lower; then quality words
/// (accuracy, F1, BLEU, ROUGE, EM, AUC, mAP, pass@k, …) mean higher.
/// </summary>
public static partial class MetricDirection
{
    public static Direction Of(string header)
    {
        if (header.Contains('↑', StringComparison.Ordinal) || header.Contains('⇑', StringComparison.Ordinal) || HigherBetter().IsMatch(header))
        {
            return Direction.HigherIsBetter;
        }

        if (header.Contains('↓', StringComparison.Ordinal) || header.Contains('⇓', StringComparison.Ordinal) || LowerBetter().IsMatch(header))
        {
            return Direction.LowerIsBetter;
        }

        return LowerWords().IsMatch(header) ? Direction.LowerIsBetter
            : HigherWords().IsMatch(header) || HigherLetters().IsMatch(header) ? Direction.HigherIsBetter
            : Direction.Unknown;
    }

    /// <summary>
    /// The metric a caption names ("accuracy" in "Task accuracy across arithmetic reasoning datasets"), or empty: only
    /// unambiguous metric names, since a caption's "time" or "score" may be about anything.
    /// </summary>
    public static string FirstMetric(string caption) => CaptionMetric().Match(caption) is { Success: true } m ? m.Value : "";

    /// <summary>Whether the column measures cost (time, memory, size) rather than quality: a headline prefers quality.</summary>
    public static bool IsCost(string header) => CostWords().IsMatch(header);

    /// <summary>Whether the metric is a summary one (F1, accuracy, BLEU, …) rather than a part of one (precision, recall).</summary>
    public static bool IsPrimary(string header) => PrimaryWords().IsMatch(header) || (HigherLetters().IsMatch(header) && !PartLetters().IsMatch(header));

    /// <summary>Whether the column averages others ("Avg.", "Overall", "Mean"): the one a reader looks at first.</summary>
    public static bool IsSummary(string header) => SummaryWords().IsMatch(header);

    [GeneratedRegex(@"\bhigher\s+(is\s+)?better\b|\(\s*higher\s*\)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HigherBetter();

    [GeneratedRegex(@"\blower\s+(is\s+)?better\b|\(\s*lower\s*\)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LowerBetter();

    [GeneratedRegex(@"\b(err(or)?s?|error\s+rate|loss|perplexity|ppl|[WCT]ER|FID|KID|latency|(run)?time|wall[- ]?clock|seconds?|secs?|ms|hours?|memory|mem|VRAM|GB|MB|params|parameters|#\s*param\w*|FLOPs?|MACs|cost|MAE|MSE|RMSE|NLL|bpd|bpc|distance|EER|regret|violations?|hallucination\s+rate)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LowerWords();

    [GeneratedRegex(@"\b(acc(uracy)?|F-?1|F-?score|macro|micro|BLEU|sacreBLEU|chrF|ROUGE(-[12L]|-Lsum)?|R-[12L]|METEOR|CIDEr|SPICE|BERTScore|EM|exact\s+match|AUC|AUROC|AUPRC|m?AP(50|75)?|AP@?\w*|pass@\d+|pass|top-?[15]|hit(s)?@?\d*|recall(@\d+)?|precision(@\d+)?|nDCG(@\d+)?|MRR(@\d+)?|m?IoU|dice|PSNR|SSIM|spearman|pearson|correlation|kappa|win\s*rate|success(\s+rate)?|solve\s+rate|score|reward|return|throughput|speed-?up|tokens/s|coverage|agreement)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HigherWords();

    // Single letters only as a whole header word and in capitals: P, R, F (precision, recall, F-measure).
    [GeneratedRegex(@"(?<![\w-])(P|R|F|Acc)(?![\w-])", RegexOptions.CultureInvariant)]
    private static partial Regex HigherLetters();

    [GeneratedRegex(@"(?<![\w-])(P|R)(?![\w-])|\b(precision|recall)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PartLetters();

    [GeneratedRegex(@"\b(acc(uracy)?|F-?1|F-?score|BLEU|sacreBLEU|chrF|ROUGE(-[12L]|-Lsum)?|METEOR|CIDEr|EM|exact\s+match|AUC|AUROC|m?AP(50|75)?|pass@\d+|top-?1|nDCG(@\d+)?|MRR(@\d+)?|m?IoU|win\s*rate|success(\s+rate)?|solve\s+rate|score|perplexity|ppl|[WC]ER|FID|error(\s+rate)?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PrimaryWords();

    [GeneratedRegex(@"\b(latency|(run)?time|wall[- ]?clock|seconds?|secs?|ms|hours?|memory|mem|VRAM|GB|MB|params|parameters|#\s*param\w*|FLOPs?|MACs|cost|throughput|speed-?up|tokens/s)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CostWords();

    [GeneratedRegex(@"\b(accuracy|F-?1(\s+score)?|BLEU|ROUGE(-[12L]|-Lsum)?|exact\s+match|AUROC|AUC|mAP|pass@\d+|success\s+rate|win\s+rate|error\s+rate|perplexity|WER|FID)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CaptionMetric();

    [GeneratedRegex(@"\b(avg\.?|average|overall|mean|all|total)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SummaryWords();
}
