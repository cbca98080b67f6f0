using System.Text.RegularExpressions;

namespace Roundup.FullText.Facts.Doubts;

/// <summary>
/// The paper as the doubt checks read it: every sentence (abstract, sections with the appendix, captions), every
/// table's cells, and whether enough of it was read that an absence means something.
/// </summary>
internal sealed partial class PaperReading
{
    public const string AbstractSection = "Abstract";
    public const string CaptionsSection = "Captions";

    private readonly Lazy<string> _allText;
    private readonly Lazy<(string Name, PaperSentence Sentence)?> _introduced;
    private readonly Lazy<bool> _proposesMethod;

    public PaperReading(PaperEvidence evidence, IReadOnlyList<Fact> facts)
    {
        Evidence = evidence;
        Facts = facts;
        var sentences = FactExtractor.Sentences(evidence.Abstract).Select(s => new PaperSentence(AbstractSection, SectionKind.Other, s)).ToList();
        var kinds = EffectiveKinds(evidence.Sections);
        sentences.AddRange(evidence.Sections.SelectMany((section, i) => section.Paragraphs.SelectMany(FactExtractor.Sentences).Select(s => new PaperSentence(section.Heading, kinds[i], s))));
        sentences.AddRange(evidence.Captions.SelectMany(FactExtractor.Sentences).Select(s => new PaperSentence(CaptionsSection, SectionKind.Other, s)));
        Sentences = sentences;
        _allText = new Lazy<string>(() => string.Join(
            "\n",
            Sentences.Select(s => s.Text)
                .Concat(evidence.Tables.Select(t => t.Caption))
                .Concat(evidence.Tables.SelectMany(t => t.Rows.Select(r => string.Join(" | ", r))))));
        _introduced = new Lazy<(string, PaperSentence)?>(() => OwnBenchmarkCheck.Introduced(this));
        _proposesMethod = new Lazy<bool>(() => Opening.Any(s => MethodContribution().IsMatch(s.Text)));
        KindOf = evidence.Sections.Select((s, i) => (s.Heading, Kind: kinds[i])).GroupBy(s => s.Heading, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Kind, StringComparer.Ordinal);
    }

    public PaperEvidence Evidence { get; }

    public IReadOnlyList<Fact> Facts { get; }

    public IReadOnlyList<PaperSentence> Sentences { get; }

    /// <summary>The paper's own sentences: what it says of related work is about others.</summary>
    public IEnumerable<PaperSentence> Own => Sentences.Where(s => s.Kind != SectionKind.RelatedWork);

    /// <summary>The abstract and the introduction, where a paper says what it contributes.</summary>
    public IEnumerable<PaperSentence> Opening => Sentences.Where(s => s.Section == AbstractSection || s.Kind == SectionKind.Introduction);

    /// <summary>The kind of the section a fact's Section names, Other for the abstract, captions or a table.</summary>
    public IReadOnlyDictionary<string, SectionKind> KindOf { get; }

    /// <summary>
    /// Whether the whole paper was read: several sections with text, an experiments or results part, and its end (a
    /// conclusion or the references). Only then may a doubt say that something is missing.
    /// </summary>
    public bool WholePaperRead =>
        Evidence.Sections.Count(s => s.Paragraphs.Count > 0) >= 3
        && Evidence.Sections.Any(s => s.Kind is SectionKind.Experiments or SectionKind.Results && s.Paragraphs.Count > 0)
        && (Evidence.References.Count > 0 || Evidence.Sections.Any(s => s.Kind == SectionKind.Conclusion));

    /// <summary>Whether the paper reports measured results: a result with a number, or a table mostly of numbers.</summary>
    public bool HasMeasuredResults =>
        Facts.Any(f => f.Kind is FactKind.ResultClaim or FactKind.HeadlineResult) || Evidence.Tables.Any(IsNumeric);

    /// <summary>Whether the paper says it proposes a method of its own (rather than a dataset, survey or system report).</summary>
    public bool ProposesMethod => _proposesMethod.Value;

    /// <summary>The dataset or benchmark the paper says it introduces, with the sentence saying so, or null.</summary>
    public (string Name, PaperSentence Sentence)? IntroducedBenchmark => _introduced.Value;

    /// <summary>Whether the pattern occurs anywhere: text, appendix, captions or table cells.</summary>
    public bool AnyWhere(Regex pattern) => pattern.IsMatch(_allText.Value);

    /// <summary>A sentence cut to a phrase a commentary can use, at a word end.</summary>
    public static string Phrase(string text, int max = 110)
    {
        var trimmed = text.Trim().TrimEnd('.', ';', ',');
        if (trimmed.Length <= max)
        {
            return trimmed;
        }

        var cut = trimmed.LastIndexOf(' ', max - 1);
        return trimmed[..(cut > max / 2 ? cut : max - 1)].TrimEnd(',', ';', ' ') + "…";
    }

    /// <summary>
    /// Each section's kind, except that a subsection of related work is related work whatever its own heading says
    /// ("2.2 Summarization datasets in other domains" is about others' datasets, not the paper's experiments).
    /// </summary>
    private static SectionKind[] EffectiveKinds(IReadOnlyList<EvidenceSection> sections)
    {
        var kinds = new SectionKind[sections.Count];
        var parent = SectionKind.Other;
        for (var i = 0; i < sections.Count; i++)
        {
            parent = sections[i].Level <= 1 ? sections[i].Kind : parent;
            kinds[i] = sections[i].Level > 1 && parent == SectionKind.RelatedWork && sections[i].Kind != SectionKind.Appendix ? SectionKind.RelatedWork : sections[i].Kind;
        }

        return kinds;
    }

    private static bool IsNumeric(EvidenceTable table)
    {
        var cells = table.Rows.Skip(table.HeaderRows).SelectMany(r => r.Skip(1)).Where(c => c.Length > 0).ToList();
        return cells.Count >= 4 && cells.Count(c => Number().IsMatch(c)) * 2 >= cells.Count;
    }

    [GeneratedRegex(@"\b(we|this (paper|work))\s+(also\s+|further\s+|first\s+)?(propose|present|introduce|develop|design)s?\b[^.]{0,80}?\b(method|model|approach|framework|technique|architecture|algorithm|pipeline|objective|loss|procedure|strategy|network|module|recipe)s?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MethodContribution();

    [GeneratedRegex(@"^\$?[-−+]?\d+([.,]\d+)?", RegexOptions.CultureInvariant)]
    private static partial Regex Number();
}
