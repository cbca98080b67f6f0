using Roundup.Llm.Caching;
using Roundup.Papers;

namespace Roundup.Llm.Scoring;

/// <summary>
/// Checks one answer against the papers asked about. Valid entries are accepted; for every paper without one, the
/// problem is named. Entries for ids that were not asked about are never accepted.
/// </summary>
public static class AnswerCheck
{
    public static (IReadOnlyList<CachedScore> Accepted, IReadOnlyDictionary<string, string> Problems) Check(
        ScoreAnswer answer, IReadOnlyList<Paper> asked, ChatStage stage)
    {
        var byId = asked.ToDictionary(p => p.Id.Canonical, StringComparer.Ordinal);
        var entries = new Dictionary<string, List<ScoreAnswerItem>>(StringComparer.Ordinal);
        var foreign = new List<string>();
        foreach (var item in answer.Papers ?? [])
        {
            if (item is null)
            {
                continue;
            }

            if (ArxivId.TryParse(item.Id?.Trim(), out var id) && byId.ContainsKey(id.Canonical))
            {
                if (!entries.TryGetValue(id.Canonical, out var list))
                {
                    entries[id.Canonical] = list = [];
                }

                list.Add(item);
            }
            else
            {
                foreign.Add(item.Id ?? "(none)");
            }
        }

        var accepted = new List<CachedScore>();
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, paper) in byId)
        {
            if (!entries.TryGetValue(id, out var items))
            {
                problems[id] = foreign.Count == 0
                    ? "gave no score for it"
                    : $"gave no score for it (answered for unknown ids {string.Join(", ", foreign.Take(5).Select(f => ReasonText.Clean(f)))})";
                continue;
            }

            if (items.Count > 1)
            {
                problems[id] = "scored it more than once";
                continue;
            }

            var item = items[0];
            if (item.Score is < 1 or > 10)
            {
                problems[id] = $"gave a score of {item.Score}, outside 1-10";
                continue;
            }

            if (InjectionGuard.EchoesInstructions(item.Reason ?? "", PaperPrompt.Evidence(paper, stage)))
            {
                problems[id] = "echoed instructions from the paper text in its reason";
                continue;
            }

            accepted.Add(new CachedScore(id, item.Score, ReasonText.Clean(item.Reason)));
        }

        return (accepted, problems);
    }
}
