using Roundup.Papers;

namespace Roundup.Storage.Tests.Contract;

internal static class SamplePapers
{
    public static Paper Sample(string id) => new()
    {
        Id = ArxivId.Parse(id),
        Title = $"A paper numbered {id}",
        Abstract = "We show that a thing improves another thing by 3.2x.",
        Authors = ["Ada Lovelace", "Alan Turing"],
        Categories = ["cs.LG", "cs.CL"],
    };
}
