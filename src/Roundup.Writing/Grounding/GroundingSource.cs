using Roundup.FullText;
using Roundup.Papers;
using Roundup.Writing.Writers;

namespace Roundup.Writing.Grounding;

/// <summary>
/// What a claim may be grounded in: the paper's title, abstract and comment (where authors put their code link and
/// venue) and, when it was read, its full-text evidence
/// (section headings and paragraphs, captions, table cells). Never the reference list (a number there is another
/// paper's) and never hidden text (the evidence keeps it apart, and it is not read here).
/// </summary>
public sealed class GroundingSource
{
    private readonly HashSet<NumberValue> _prose = [];
    private readonly Dictionary<NumberValue, string> _tables = [];
    private readonly HashSet<string> _anyUnit = new(StringComparer.Ordinal);
    private readonly List<NameToken> _tokens = [];
    private readonly Dictionary<string, List<int>> _positions = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="prose">Texts of the paper: title, abstract, headings, paragraphs, captions.</param>
    /// <param name="tableCells">Cells of its tables, where a unit is often in the header rather than beside the figure.</param>
    public GroundingSource(IEnumerable<string> prose, IEnumerable<string> tableCells)
        : this(prose, tableCells.Select(c => (c, "a table cell")))
    {
    }

    private GroundingSource(IEnumerable<string> prose, IEnumerable<(string Text, string Place)> tableCells)
    {
        var texts = new List<string>();
        foreach (var block in prose)
        {
            _prose.UnionWith(Add(block, texts));
        }

        foreach (var (cell, place) in tableCells)
        {
            foreach (var number in Add(cell, texts))
            {
                _tables.TryAdd(number, place);
            }
        }

        Text = string.Join('\n', texts);
    }

    /// <summary>All the text, one block a line (for the check that an entry does not echo instructions from it).</summary>
    public string Text { get; }

    /// <summary>The paper's metadata and, when it was read, its evidence.</summary>
    public static GroundingSource For(Paper paper, PaperEvidence? evidence) => For(paper, evidence, []);

    /// <summary>
    /// The paper, plus the titles and weeks of the related papers from earlier issues that the writer was given: an
    /// entry may point to them ("see the 2025-W20 issue"), and they come from our own archive, not from a model.
    /// Likewise the number and kinds of hidden-text passages found (not their text).
    /// </summary>
    public static GroundingSource For(PaperToWrite paper) => For(paper.Paper, paper.Evidence, paper.Related);

    private static GroundingSource For(Paper paper, PaperEvidence? evidence, IReadOnlyList<RelatedPaper> related)
    {
        var prose = new List<string> { paper.Title, paper.Abstract, paper.Comment ?? "" };
        if (evidence is not null)
        {
            prose.Add(evidence.Title);
            prose.Add(evidence.Abstract);
            foreach (var section in evidence.Sections)
            {
                prose.Add(section.Heading);
                prose.AddRange(section.Paragraphs);
            }

            prose.AddRange(evidence.Captions);

            // A table's number ("Table 3") is how an entry points to it.
            prose.AddRange(evidence.Tables.Select(t => t.Label));
        }

        prose.AddRange(related.SelectMany(r => new[] { r.Title, r.Week, r.Id.ToString() }));
        if (evidence is { HasHiddenText: true })
        {
            // That hidden text was found, how often and of which kinds (never its words): a writer may say so.
            prose.Add($"{evidence.HiddenText.Count} {string.Join(", ", evidence.HiddenText.Select(h => h.Kind).Distinct())}");
        }

        return new GroundingSource(prose, evidence?.Tables.SelectMany(TableCells.Placed) ?? []);
    }

    internal bool Contains(NumberValue claim) =>
        _prose.Contains(claim)
        || TablePlace(claim) is not null
        || (claim.Unit.Length == 0 && _anyUnit.Contains(claim.Value));

    /// <summary>Where in a table a figure stands when the paper's prose does not have it; null when it does, or no cell has it.</summary>
    internal string? TablePlace(NumberValue claim) =>
        _prose.Contains(claim) ? null
        : _tables.TryGetValue(claim, out var place) ? place
        : claim.Unit.Length > 0 && _tables.TryGetValue(claim with { Unit = "" }, out var unitless) ? unitless
        : null;

    /// <summary>
    /// True when the name's tokens occur in a row, not across punctuation, and end where a word ends: GPT-4 is not
    /// found in GPT-4o. A name may be less specific than the paper's (ImageNet in ImageNet-1k) but not more.
    /// </summary>
    internal bool Contains(IReadOnlyList<NameToken> name)
    {
        if (name.Count == 0 || !_positions.TryGetValue(name[0].Key, out var starts))
        {
            return false;
        }

        foreach (var start in starts)
        {
            if (MatchesAt(name, start))
            {
                return true;
            }
        }

        return false;
    }

    private bool MatchesAt(IReadOnlyList<NameToken> name, int start)
    {
        if (start + name.Count > _tokens.Count)
        {
            return false;
        }

        for (var j = 0; j < name.Count; j++)
        {
            var found = _tokens[start + j];
            if ((j > 0 && found.HardBefore) || !name[j].Matches(found))
            {
                return false;
            }
        }

        var next = start + name.Count;
        return next == _tokens.Count || _tokens[next].SepBefore;
    }

    /// <summary>Adds a block's text and names; returns its figures.</summary>
    private List<NumberValue> Add(string? block, List<string> texts)
    {
        var text = CheckText.Normalise(block);
        if (text.Length == 0)
        {
            return [];
        }

        texts.Add(text);
        var numbers = NumberReader.All(text).ToList();
        foreach (var value in numbers)
        {
            _anyUnit.Add(value.Value);
        }

        var tokens = NameToken.Tokenize(text);
        for (var i = 0; i < tokens.Count; i++)
        {
            // A new block never continues the last one's name.
            var token = i == 0 ? tokens[i] with { SepBefore = true, HardBefore = true } : tokens[i];
            if (!_positions.TryGetValue(token.Key, out var list))
            {
                _positions[token.Key] = list = [];
            }

            list.Add(_tokens.Count);
            _tokens.Add(token);
        }

        return numbers;
    }
}
