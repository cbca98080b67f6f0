using Roundup.Papers;

namespace Roundup.Core.Tests.Papers;

public sealed class ArxivCategoriesTests
{
    [Theory]
    [InlineData("cs.LG", true)]
    [InlineData("hep-th", true)]
    [InlineData("cond-mat.stat-mech", true)]
    [InlineData("68Q25", false)]
    [InlineData("cs LG", false)]
    [InlineData("", false)]
    public void Knows_a_category_name(string text, bool valid) => Assert.Equal(valid, ArxivCategories.IsValid(text));

    [Fact]
    public void Leaked_msc_codes_and_duplicates_are_dropped_in_order()
    {
        // As in the real listing of 2506.15774.
        Assert.Equal(
            ["cs.AI", "cond-mat.stat-mech", "cs.DS", "math.CO"],
            ArxivCategories.Clean(["cs.AI", "cond-mat.stat-mech", "cs.DS", "math.CO", "68Q25, 68W20, 90C27", "cs.AI"]));
        IReadOnlyList<string> clean = ["cs.LG", "stat.ML"];
        Assert.Same(clean, ArxivCategories.Clean(clean));
    }
}
