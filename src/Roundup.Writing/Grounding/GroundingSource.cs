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
    private readonly HashSet<NumberValue> _tables = [];
    private readonly HashSet<string> _anyUnit = new(StringComparer.Ordinal);
    private readonly List<NameToken> _tokens = [];
    private readonly Dictionary<string, List<int>> _positions = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="prose">Texts of the paper: title, abstract, headings, paragraphs, captions.</param>
    /// <param name="tableCells">Cells of its tables, where a unit is often in the header rather than beside the figure.</param>
    public GroundingSource(IEnumerable<string> prose, IEnumerable<string> tableCells)
    {
        var texts = new List<string>();
        foreach (var block in prose)
        {
            Add(block, _prose, texts);
        }

        foreach (var cell in tableCells)
        {
            Add(cell, _tables, texts);
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
        }

        prose.AddRange(related.SelectMany(r => new[] { r.Title, r.Week, r.Id.ToString() }));
        if (evidence is { HasHiddenText: true })
        {
            // That hidden text was found, how often and of which kinds (never its words): a writer may say so.
            prose.Add($"{evidence.HiddenText.Count} {string.Join(", ", evidence.HiddenText.Select(h => h.Kind).Distinct())}");
        }

        var cells = evidence?.Tables.SelectMany(t => t.Rows).SelectMany(r => r) ?? [];
        return new GroundingSource(prose, cells);
    }

    internal bool Contains(NumberValue claim) =>
        _prose.Contains(claim)
        || _tables.Contains(claim)
        || (claim.Unit.Length > 0 && _tables.Contains(claim with { Unit = "" }))
        || (claim.Unit.Length == 0 && _anyUnit.Contains(claim.Value));

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

    private void Add(string? block, HashSet<NumberValue> numbers, List<string> texts)
    {
        var text = CheckText.Normalise(block);
        if (text.Length == 0)
        {
            return;
        }

        texts.Add(text);
        foreach (var value in NumberReader.All(text))
        {
            numbers.Add(value);
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
    }
}
