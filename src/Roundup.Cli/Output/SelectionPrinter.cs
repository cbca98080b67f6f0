using System.Globalization;
using System.Text;
using System.Text.Json;
using Roundup.Selection;

namespace Roundup.Cli.Output;

/// <summary>
/// A funnel run as a per-stage table and the picks with their reasons, or the same as JSON. Paper text (and the
/// reasons, which may quote it) is printed through <see cref="TerminalText"/>; JSON escapes it itself.
/// </summary>
public static class SelectionPrinter
{
    public static string Table(FunnelResult result, IReadOnlyList<Judgement> judgements)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Selection for {result.Week}");
        text.AppendLine();
        TextTable.Write(text, ["stage", "in", "out", "unscored", "time", "tokens", "cost", ""], result.Stages.Select(s => (IReadOnlyList<string>)
        [
            s.Run.Stage, N(s.Run.Entered), N(s.Run.Advanced), N(s.Run.Unscored), F($"{s.Run.Seconds:0.0} s"),
            N((int)(s.Run.Usage.InputTokens + s.Run.Usage.OutputTokens)), F($"${s.Run.Usage.Cost:0.0000}"), s.Reused ? "(reused)" : "",
        ]).ToList());
        text.AppendLine();
        var byPaper = judgements.ToLookup(j => j.Paper);
        foreach (var pick in result.Picks)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{pick.Judgement.Rank,2}. {pick.Paper.Id}  {S(pick.Paper.Title)}");
            text.AppendLine(CultureInfo.InvariantCulture, $"    {S(pick.Judgement.Decision)}");
            var last = byPaper[pick.Paper.Id].LastOrDefault(j => j.Stage != Diversity.StageName && j.Contributions.Count > 0);
            foreach (var c in (last?.Contributions ?? []).OrderByDescending(c => Math.Abs(c.Value)).Take(5))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    {S(c.ToString())}");
            }
        }

        return text.ToString();
    }

    public static string Json(FunnelResult result, IReadOnlyList<Judgement> judgements) => CliJson.Serialize(Document(result, judgements));

    /// <summary>The value <see cref="Json"/> prints, for documents that embed it.</summary>
    public static object Document(FunnelResult result, IReadOnlyList<Judgement> judgements)
    {
        var byPaper = judgements.ToLookup(j => j.Paper);
        return new
        {
            week = result.Week,
            stages = result.Stages.Select(s => new
            {
                stage = s.Run.Stage,
                entered = s.Run.Entered,
                advanced = s.Run.Advanced,
                unscored = s.Run.Unscored,
                seconds = s.Run.Seconds,
                inputTokens = s.Run.Usage.InputTokens,
                outputTokens = s.Run.Usage.OutputTokens,
                cost = s.Run.Usage.Cost,
                reused = s.Reused,
            }),
            picks = result.Picks.Select(p => new
            {
                rank = p.Judgement.Rank,
                id = p.Paper.Id.Canonical,
                title = p.Paper.Title,
                score = p.Judgement.Score,
                decision = p.Judgement.Decision,
                path = byPaper[p.Paper.Id].Select(j => new { stage = j.Stage, j.Score, j.Rank, j.Decision, reasons = j.Contributions.Select(c => c.ToString()) }),
            }),
        };
    }

    public static string Explain(string week, Roundup.Papers.Paper paper, IReadOnlyList<Judgement> path)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{paper.Id}  {S(paper.Title)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"{S(string.Join(", ", paper.Authors.Take(6)))}{(paper.Authors.Count > 6 ? ", …" : "")}  [{S(string.Join(' ', paper.Categories))}]  listed {paper.Announced:yyyy-MM-dd}");
        text.AppendLine();
        if (path.Count == 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"No judgement for {week}: run roundup select --week {week} first.");
        }

        foreach (var j in path)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{j.Stage}: {S(j.Decision)}{(j.Score is { } s ? F($" (score {s:0.000})") : "")}");
            foreach (var c in j.Contributions.OrderByDescending(c => Math.Abs(c.Value)))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    {S(c.ToString())}");
            }

            if (j.ScorerIds.Count > 0)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    scorers: {S(string.Join(", ", j.ScorerIds))}");
            }
        }

        return text.ToString();
    }

    private static string S(string? text) => TerminalText.Line(text);

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
