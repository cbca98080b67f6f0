using Roundup.Web.Hosting;

namespace Roundup.Web.Tests;

public sealed class WebServerOptionsTests
{
    [Theory]
    [InlineData("https://example.org/roundup/", "/roundup")]
    [InlineData("https://example.org/roundup", "/roundup")]
    [InlineData("https://example.org/", "")]
    [InlineData("https://news.example.org/a/b/", "/a/b")]
    public void The_path_base_is_the_link_bases_path(string linkBase, string pathBase)
    {
        Assert.Equal(pathBase, new WebServerOptions(new Uri(linkBase), "site").PathBase);
    }
}
