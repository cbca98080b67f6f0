using Roundup.Issues;

namespace Roundup.Writing.Grounding;

/// <summary>
/// Checks every number and name of an entry against the paper (<see cref="GroundingSource"/>), whichever writer wrote
/// it. A sentence with a claim the paper does not support is removed, not just marked: automatic entries reach
/// readers unedited, and an invented figure printed with a flag is still printed. Each removal is reported with its
/// sentence so the curator can restore or correct it. A figure found only in a table cell is accepted and said to be
/// from there (<see cref="GroundingResult.FromTables"/>), so the curator can check it against the cell.
/// </summary>
public static class GroundingCheck
{
    public static GroundingResult Check(EntryText text, GroundingSource source)
    {
        var found = 0;
        var checkedCount = 0;
        var unsupported = new List<Claim>();
        var fromTables = new List<TableClaim>();
        var rejected = new HashSet<(EntryPart, string)>();
        foreach (var (part, sentence) in EntryTextFilter.SentencesOf(text))
        {
            foreach (var claim in ClaimFinder.Find(sentence, part))
            {
                checkedCount++;
                if (claim.IsIn(source))
                {
                    found++;
                    if (claim.TablePlace(source) is { } place)
                    {
                        fromTables.Add(new TableClaim(claim.Claim, place));
                    }
                }
                else
                {
                    unsupported.Add(claim.Claim);
                    rejected.Add((part, sentence));
                }
            }
        }

        var kept = rejected.Count == 0 ? text : EntryTextFilter.Without(text, (part, sentence) => rejected.Contains((part, sentence)));
        return new GroundingResult(kept, found, checkedCount, unsupported) { FromTables = [.. fromTables.Where(t => !rejected.Contains((t.Claim.Part, t.Claim.Sentence)))] };
    }

    /// <summary>The claims <see cref="Check"/> would check in <paramref name="text"/>, for reports and tests.</summary>
    public static IReadOnlyList<Claim> ClaimsIn(EntryText text) =>
        [.. EntryTextFilter.SentencesOf(text).SelectMany(s => ClaimFinder.Find(s.Sentence, s.Part)).Select(c => c.Claim)];
}
