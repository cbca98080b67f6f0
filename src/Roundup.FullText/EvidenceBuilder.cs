namespace Roundup.FullText;

/// <summary>
/// Collects what a reader finds, in reading order, and normalises it. A subsection whose heading says nothing
/// classifiable takes its parent's kind; everything after an appendix marker is appendix.
/// </summary>
internal sealed class EvidenceBuilder(EvidenceFormat format, string source)
{
    private readonly List<EvidenceSection> _sections = [];
    private readonly List<string> _captions = [];
    private readonly List<EvidenceTable> _tables = [];
    private readonly List<string> _references = [];
    private readonly List<HiddenTextFinding> _hidden = [];
    private readonly List<string> _warnings = [];
    private List<string>? _paragraphs;
    private SectionKind _parentKind = SectionKind.Other;

    public string Title { get; set; } = "";

    public string Abstract { get; set; } = "";

    public bool InAppendix { get; set; }

    public bool HasSection => _paragraphs is not null;

    public int SectionCount => _sections.Count;

    public void StartSection(string heading, int level)
    {
        var text = TextNormalizer.Normalize(heading);
        var kind = InAppendix ? SectionKind.Appendix : SectionClassifier.Classify(text);
        if (kind == SectionKind.Appendix)
        {
            InAppendix = true;
        }

        if (level <= 1)
        {
            _parentKind = kind;
        }
        else if (kind == SectionKind.Other)
        {
            kind = _parentKind;
        }

        _paragraphs = [];
        _sections.Add(new EvidenceSection(text, kind, Math.Max(1, level), _paragraphs));
    }

    /// <summary>Adds the second line of a heading wrapped over two lines to the section just started (still empty).</summary>
    public void ContinueHeading(string text)
    {
        if (_sections.Count == 0 || _paragraphs is not { Count: 0 })
        {
            return;
        }

        var last = _sections[^1];
        var heading = TextNormalizer.Normalize(last.Heading + " " + text);
        var kind = last.Kind == SectionKind.Other && !InAppendix ? SectionClassifier.Classify(heading) : last.Kind;
        _sections[^1] = last with { Heading = heading, Kind = kind };
    }

    /// <summary>Adds a paragraph to the current section; text before the first heading is dropped (front matter).</summary>
    public void AddParagraph(string text)
    {
        var clean = TextNormalizer.Normalize(text);
        if (clean.Length > 0)
        {
            _paragraphs?.Add(clean);
        }
    }

    public void AddCaption(string text) => AddIfAny(_captions, text);

    /// <summary>Continues the last caption with another line of it (hyphenation across the break is joined).</summary>
    public void AppendToLastCaption(string text)
    {
        if (_captions.Count > 0)
        {
            _captions[^1] = TextNormalizer.Normalize(_captions[^1] + "\n" + text);
        }
    }

    public void AddReference(string text) => AddIfAny(_references, text);

    /// <summary>
    /// Adds a table: its rows squared (short rows padded with empty cells), empty rows dropped (bold marks and header
    /// rows follow their rows), and where it sits (section, appendix) filled in from the reading so far.
    /// </summary>
    public void AddTable(IEnumerable<IEnumerable<string>> rows, EvidenceTable? details = null)
    {
        var all = rows.Select(r => r.Select(TextNormalizer.Normalize).ToList()).ToList();
        var kept = Enumerable.Range(0, all.Count).Where(i => all[i].Any(c => c.Length > 0)).ToList();
        if (kept.Count == 0)
        {
            return;
        }

        var width = kept.Max(i => all[i].Count);
        var newRow = kept.Select((old, index) => (old, index)).ToDictionary(x => x.old, x => x.index);
        var clean = kept.Select(i => (IReadOnlyList<string>)[.. all[i], .. Enumerable.Repeat("", width - all[i].Count)]).ToList();
        var template = details ?? new EvidenceTable([]);
        _tables.Add(template with
        {
            Rows = clean,
            Caption = TextNormalizer.Normalize(template.Caption),
            Bold = [.. template.Bold.Where(b => newRow.ContainsKey(b.Row)).Select(b => new TableCell(newRow[b.Row], b.Column))],
            HeaderRows = kept.Count(i => i < template.HeaderRows),
            Section = template.Section.Length > 0 ? template.Section : _sections.Count > 0 ? _sections[^1].Heading : "",
            InAppendix = template.InAppendix || InAppendix,
        });
    }

    public void AddHidden(HiddenTextKind kind, string text, string location)
    {
        var finding = HiddenTextFinding.Create(kind, text, location);
        if (finding.Text.Length > 0)
        {
            _hidden.Add(finding);
        }
    }

    public void Warn(string warning) => _warnings.Add(warning);

    public PaperEvidence Build() => new()
    {
        Format = format,
        Source = source,
        Title = TextNormalizer.Normalize(Title),
        Abstract = TextNormalizer.Normalize(Abstract),
        Sections = _sections,
        Captions = _captions,
        Tables = _tables,
        References = _references,
        HiddenText = _hidden,
        Warnings = _warnings,
    };

    private static void AddIfAny(List<string> list, string text)
    {
        var clean = TextNormalizer.Normalize(text);
        if (clean.Length > 0)
        {
            list.Add(clean);
        }
    }
}
