using Roundup.Papers;

namespace Roundup.Core.Tests.Selection;

internal static class Sample
{
    public static Paper Paper(int n, string title = "", string abstractText = "", string category = "cs.LG", AnnounceType type = AnnounceType.New) => new()
    {
        Id = ArxivId.Parse($"2506.{n:D5}"),
        Title = title.Length > 0 ? title : $"Paper {n}",
        Abstract = abstractText,
        Authors = ["A. Author"],
        Categories = [category],
        AnnounceType = type,
        Announced = new DateOnly(2025, 6, 23),
    };
}
