using Roundup.Calendar;
using Roundup.Harvesting;
using Roundup.Papers;

namespace Roundup.Arxiv.Sources;

/// <summary>
/// For sources that know submission times but not listings (OAI-PMH, the API): the listing date a paper is expected
/// on, and how the request's listings would show it. An estimate: moderation can delay a paper one to four days.
/// </summary>
public static class ExpectedListing
{
    /// <summary>
    /// New (or Cross, when the primary category is not requested) on v1's expected listing date; Replace (or
    /// ReplaceCross) on a later version's date when only that falls in the request. Papers entirely outside the
    /// window are still returned, dated by v1, so stored metadata stays current.
    /// </summary>
    public static HarvestedPaper Classify(Paper paper, ArxivCalendar calendar, HarvestRequest request)
    {
        var primary = CategoryMatch.IsPrimaryIn(paper.Categories, request.Categories);
        var firstType = primary ? AnnounceType.New : AnnounceType.Cross;
        var v1Submitted = paper.Versions.FirstOrDefault(v => v.Number == 1)?.Submitted ?? paper.Submitted;
        if (v1Submitted is null)
        {
            return new HarvestedPaper(paper with { AnnounceType = firstType }, null, firstType);
        }

        var v1Listing = calendar.ExpectedListingDate(v1Submitted.Value);
        var announced = paper with { Announced = v1Listing, AnnounceType = firstType };
        if (request.Covers(v1Listing))
        {
            return new HarvestedPaper(announced, v1Listing, firstType);
        }

        foreach (var version in paper.Versions.Where(v => v.Number > 1 && v.Submitted is not null).OrderByDescending(v => v.Number))
        {
            var listing = calendar.ExpectedListingDate(version.Submitted!.Value);
            if (request.Covers(listing))
            {
                return new HarvestedPaper(announced, listing, primary ? AnnounceType.Replace : AnnounceType.ReplaceCross);
            }
        }

        return new HarvestedPaper(announced, v1Listing, firstType);
    }
}
