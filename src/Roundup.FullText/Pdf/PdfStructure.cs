using System.Text;
using System.Text.RegularExpressions;

namespace Roundup.FullText.Pdf;

/// <summary>
/// Walks the document's lines in reading order and sorts them into title, abstract, sections, captions and
/// references. Blocks are paragraphs; a paragraph cut by a column or page break is joined back when the next block
/// continues the sentence.
/// </summary>
internal sealed partial class PdfStructure(List<PdfLine> lines, EvidenceBuilder builder)
{
    private enum State
    {
        Front,
        Abstract,
        Body,
        References,
    }

    private readonly StringBuilder _paragraph = new();
    private readonly StringBuilder _abstract = new();
    private readonly List<string> _front = [];
    private State _state = State.Front;
    private int _block = -1;
    private bool _inCaption;
    private PdfLine? _previous;
    private PdfLine? _headingLine;
    private double _referenceMargin;

    public void Read()
    {
        var bodySize = BodySize();
        var headings = new PdfHeadings(bodySize);
        builder.Title = Title(bodySize);
        foreach (var line in lines)
        {
            if (line.Table is { } table)
            {
                builder.AddTable(table.Rows, table);
            }

            var text = line.Text.Trim();
            var newBlock = line.Block != _block;
            _block = line.Block;
            if (newBlock)
            {
                _inCaption = false;
            }

            if (_state == State.Front && AbstractLead().Match(text) is { Success: true } lead)
            {
                _state = State.Abstract;
                _abstract.Append(lead.Groups["rest"].Value).Append('\n');
                continue;
            }

            if (IsHeadingContinuation(line, text))
            {
                builder.ContinueHeading(text);
                _headingLine = null;
                continue;
            }

            _headingLine = null;
            if (headings.TryRead(line, out var heading, out var level, out var appendix))
            {
                StartHeading(heading, level, appendix, headings);
                _headingLine = _state == State.Body ? line : null;
                continue;
            }

            // REVTeX prints no "References" heading: the list starts with "[1]".
            if (_state == State.Body && newBlock && text.StartsWith("[1]", StringComparison.Ordinal))
            {
                FlushParagraph();
                _state = State.References;
                headings.AppendixAllowed = true;
            }

            if (Caption().IsMatch(text) && newBlock && _state != State.References)
            {
                FlushParagraph();
                _inCaption = true;
                builder.AddCaption(text);
                continue;
            }

            if (_inCaption)
            {
                builder.AppendToLastCaption(text);
                continue;
            }

            Add(line, text, newBlock);
        }

        Finish();
    }

    /// <summary>
    /// A heading too long for its column wraps: the next line of the same block, set the same way, unnumbered and
    /// short, with no full stop, just below it, is the rest of it ("3 DESIGNING AI SUPPORTS FOR" / "EXPOSITORY WRITING").
    /// </summary>
    private bool IsHeadingContinuation(PdfLine line, string text) =>
        _headingLine is { } first
        && line.Page == first.Page
        && line.Column == first.Column
        && line.Bold == first.Bold
        && Math.Abs(line.FontSize - first.FontSize) < 0.3
        && text.Length is > 0 and <= 60
        && !text.EndsWith('.')
        && !char.IsDigit(text[0])
        && (first.Text.Any(char.IsLower) || !text.Any(char.IsLower))
        && line.Bounds.Bottom < first.Bounds.Bottom
        && first.Bounds.Bottom - line.Bounds.Top < first.FontSize * 1.5;

    private void StartHeading(string heading, int level, bool appendix, PdfHeadings headings)
    {
        FlushParagraph();
        var bare = heading.TrimEnd(':', '.').Trim();
        if (bare.Equals("abstract", StringComparison.OrdinalIgnoreCase) && _state == State.Front)
        {
            _state = State.Abstract;
            return;
        }

        if (bare.Equals("references", StringComparison.OrdinalIgnoreCase) || bare.Equals("bibliography", StringComparison.OrdinalIgnoreCase))
        {
            _state = State.References;
            headings.AppendixAllowed = true;
            return;
        }

        builder.InAppendix |= appendix;
        _state = State.Body;
        builder.StartSection(heading, level);
    }

    private void Add(PdfLine line, string text, bool newBlock)
    {
        switch (_state)
        {
            case State.Front:
                if (newBlock)
                {
                    _front.Add("");
                }

                _front[^1] += text + "\n";
                break;
            case State.Abstract:
                _abstract.Append(text).Append('\n');
                break;
            case State.Body:
                if (newBlock && !Continues(text))
                {
                    FlushParagraph();
                }

                _paragraph.Append(text).Append('\n');
                break;
            case State.References:
                AddReferenceLine(line, text);
                break;
        }

        _previous = line;
    }

    /// <summary>A new block continues the paragraph when the text so far stops mid-sentence and the block starts in lower case.</summary>
    private bool Continues(string text)
    {
        var sofar = _paragraph.ToString().TrimEnd();
        return sofar.Length > 0 && !".:!?".Contains(sofar[^1], StringComparison.Ordinal) && text.Length > 0 && (char.IsLower(text[0]) || sofar[^1] == '-');
    }

    private void AddReferenceLine(PdfLine line, string text)
    {
        if ( _previous is null || _previous.Column != line.Column || _previous.Page != line.Page)
        {
            _referenceMargin = lines.Where(l => l.Page == line.Page && l.Column == line.Column).Select(l => l.Bounds.Left).DefaultIfEmpty(line.Bounds.Left).Min();
        }

        // Entries start at the column's margin; their continuation lines are indented (hanging indent) or follow a label.
        var starts = NumberedReference().IsMatch(text) || (line.Bounds.Left <= _referenceMargin + 2 && !Continues(text) && !NumberedReference().IsMatch(_paragraph.ToString()));
        if (starts)
        {
            FlushParagraph();
        }

        _paragraph.Append(text).Append('\n');
    }

    private void FlushParagraph()
    {
        if (_paragraph.Length == 0)
        {
            return;
        }

        var text = _paragraph.ToString();
        _paragraph.Clear();
        if (_state == State.References)
        {
            builder.AddReference(text);
        }
        else
        {
            builder.AddParagraph(text);
        }
    }

    private void Finish()
    {
        FlushParagraph();
        builder.Abstract = _abstract.ToString();
        if (builder.SectionCount == 0)
        {
            builder.Warn("no section headings recognised; the text is read as one section");
            builder.StartSection("", 1);
            foreach (var paragraph in _front)
            {
                builder.AddParagraph(paragraph);
            }
        }
    }

    private double BodySize() =>
        lines.GroupBy(l => Math.Round(l.FontSize * 2) / 2).OrderByDescending(g => g.Sum(l => l.Text.Length)).Select(g => g.Key).FirstOrDefault(10);

    /// <summary>The largest text on the first page, above its middle.</summary>
    private string Title(double bodySize)
    {
        var first = lines.Where(l => l.Page == lines[0].Page && l.Text.Any(char.IsLetter)).ToList();
        if (first.Count == 0)
        {
            return "";
        }

        var largest = first.Max(l => l.FontSize);
        if (largest < bodySize + 1.5)
        {
            return "";
        }

        var titleLines = first.Where(l => Math.Abs(l.FontSize - largest) < 0.6).ToList();
        var block = titleLines[0].Block;
        return string.Join(' ', titleLines.Where(l => l.Block == block || Math.Abs(l.Bounds.Bottom - titleLines[0].Bounds.Bottom) < largest * 4).Select(l => l.Text));
    }

    [GeneratedRegex(@"^(?:Abstract|ABSTRACT)\s*[.:—–-]?\s*(?<rest>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex AbstractLead();

    [GeneratedRegex(@"^(?:Figure|Fig\.|FIG\.|Table|Tab\.|FIGURE|TABLE)\s*(?:\d+|[A-Z]\.?\d+)\s*[:.|]", RegexOptions.CultureInvariant)]
    private static partial Regex Caption();

    [GeneratedRegex(@"^\s*\[\d+\]", RegexOptions.CultureInvariant)]
    private static partial Regex NumberedReference();
}
