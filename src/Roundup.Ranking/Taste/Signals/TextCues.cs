using System.Text.RegularExpressions;

namespace Roundup.Ranking.Taste.Signals;

/// <summary>Words in a paper's text or comment that curators respond to; each returns what it matched, or null.</summary>
public static partial class TextCues
{
    public static string? CodeLink(string? text) => First(CodeLinkPattern(), text);

    public static string? ProjectPage(string? text) => First(ProjectPagePattern(), text);

    public static string? Venue(string? comment) => First(VenuePattern(), comment);

    public static string? Pages(string? comment) => First(PagesPattern(), comment);

    public static string? NamedMethod(string title) => First(NamedMethodPattern(), title);

    public static string? LanguageModels(string? text) => First(LanguageModelPattern(), text);

    public static string? Reasoning(string? text) => First(ReasoningPattern(), text);

    public static string? Multimodal(string? text) => First(MultimodalPattern(), text);

    public static string? Theory(string? text) => First(TheoryPattern(), text);

    private static string? First(Regex pattern, string? text) =>
        text is not null && pattern.Match(text) is { Success: true } match ? match.Value.Trim() : null;

    [GeneratedRegex(@"github\.com|gitlab\.com|huggingface\.co|\bcode (is|will be) (publicly |made )?(available|released)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CodeLinkPattern();

    [GeneratedRegex(@"project page|[A-Za-z0-9\-]+\.github\.io|https?://\S+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ProjectPagePattern();

    [GeneratedRegex(@"\baccepted\b|\b(ICML|NeurIPS|ICLR|CVPR|ICCV|ECCV|ACL|EMNLP|NAACL|COLING|AAAI|IJCAI|KDD)\b|\bconference\b|\bworkshop\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VenuePattern();

    [GeneratedRegex(@"\b\d+\s*pages\b|\b\d+\s*figures\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PagesPattern();

    // A coined name before a colon, with a capital or digit inside it: "CoRT:", "V-JEPA 2:", "Seedance 1.0:".
    [GeneratedRegex(@"^[A-Z][\w\-\.]*[A-Z0-9][\w\-\.]*(\s\d+(\.\d+)?)?\s*:", RegexOptions.CultureInvariant)]
    private static partial Regex NamedMethodPattern();

    [GeneratedRegex(@"\bLLMs?\b|\blarge language models?\b|\blanguage models?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LanguageModelPattern();

    [GeneratedRegex(@"\breasoning\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReasoningPattern();

    [GeneratedRegex(@"\bmulti-?modal\b|\bvision-language\b|\b(VLMs?|LVLMs?|MLLMs?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MultimodalPattern();

    [GeneratedRegex(@"\btheorems?\b|\bbounds?\b|\bconvergence\b|\bregret\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TheoryPattern();
}
