using Roundup.Papers;

namespace Roundup.Core.Tests.Papers;

public sealed class ArxivIdTests
{
    [Theory]
    [InlineData("2506.01234", "2506.01234", null)]
    [InlineData("2506.01234v3", "2506.01234", 3)]
    [InlineData("0704.0001", "0704.0001", null)]
    [InlineData("1412.9999v2", "1412.9999", 2)]
    [InlineData("arXiv:2203.01250v3", "2203.01250", 3)]
    [InlineData("oai:arXiv.org:2203.01250", "2203.01250", null)]
    [InlineData("https://arxiv.org/abs/2506.16406v1", "2506.16406", 1)]
    [InlineData("https://arxiv.org/pdf/2506.16406.pdf", "2506.16406", null)]
    [InlineData("hep-th/9901001", "hep-th/9901001", null)]
    [InlineData("math.CA/0611800v2", "math/0611800", 2)]
    [InlineData("math/0611800v2", "math/0611800", 2)]
    [InlineData("cond-mat.str-el/0501001", "cond-mat/0501001", null)]
    [InlineData("  2506.01234  ", "2506.01234", null)]
    public void Parses_both_schemes_to_their_canonical_form(string text, string canonical, int? version)
    {
        var id = ArxivId.Parse(text);
        Assert.Equal(canonical, id.Canonical);
        Assert.Equal(version, id.Version);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2506.1234")]       // 4 digits after 1501
    [InlineData("1412.12345")]      // 5 digits before 1501
    [InlineData("0703.0001")]       // new scheme starts at 0704
    [InlineData("2513.01234")]      // month 13
    [InlineData("2506.01234v0")]
    [InlineData("hep-th/9913001")]  // month 13
    [InlineData("hep-th/990100")]
    [InlineData("not an id")]
    [InlineData("2506.01234; DROP TABLE papers")]
    public void Refuses_what_is_not_an_id_with_a_message_naming_it(string text)
    {
        Assert.False(ArxivId.TryParse(text, out _, out var error));
        Assert.NotEmpty(error);
        var e = Assert.Throws<FormatException>(() => ArxivId.Parse(text));
        if (text.Trim().Length > 0)
        {
            Assert.Contains(text.Trim()[..Math.Min(text.Trim().Length, 10)], e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Versions_of_one_paper_share_a_canonical_key_but_are_distinct_values()
    {
        var v1 = ArxivId.Parse("2604.10929v1");
        var v2 = ArxivId.Parse("2604.10929v2");
        Assert.NotEqual(v1, v2);
        Assert.Equal(v1.WithoutVersion(), v2.WithoutVersion());
        Assert.Equal("2604.10929v2", v2.ToString());
        Assert.Equal("2604.10929", v2.WithoutVersion().ToString());
        Assert.True(v1 < v2);
    }

    [Fact]
    public void Old_scheme_ids_keep_their_archive()
    {
        var id = ArxivId.Parse("math.CA/0611800");
        Assert.True(id.IsOldScheme);
        Assert.Equal("math/0611800", id.ToString());
        Assert.False(ArxivId.Parse("2506.01234").IsOldScheme);
    }
}
