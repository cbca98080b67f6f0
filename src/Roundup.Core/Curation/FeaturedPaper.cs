using Roundup.Papers;

namespace Roundup.Curation;

/// <summary>
/// A paper a curator featured on a date: one row of a curation history (Hugging Face Daily Papers, DAIR.AI's weekly
/// top ten, or the curator's own picks). Title, abstract and authors are as complete as the source gives them:
/// a day list may name only the first author, a top-ten list only the id. <see cref="Grade"/> is the source's own
/// measure when it has one (upvotes; 11 − rank), else 0. <see cref="Links"/> is text that may link to its code or
/// page: a repository URL, or a listing's comment.
/// </summary>
public sealed record FeaturedPaper(
    ArxivId Id,
    DateOnly Date,
    string Title,
    string Abstract,
    IReadOnlyList<string> Authors,
    string Source,
    double Grade = 0,
    string? Links = null)
{
    /// <summary>The featured paper as a paper (for embedding and text features), listed on the day it was featured.</summary>
    public Paper ToPaper() => new() { Id = Id, Title = Title, Abstract = Abstract, Authors = Authors, Announced = Date };
}
