using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Roundup.Web.Tests.Desk;

/// <summary>
/// Every route the desk maps, read from the server's own routing table (so a route added later is checked without
/// being listed here): none answers signed out, no POST acts without the form's token, and none makes a curator.
/// </summary>
public sealed class DeskRoutesTests : IAsyncLifetime
{
    private DeskSite _site = null!;

    public async ValueTask InitializeAsync() => _site = await DeskSite.StartAsync();

    public async ValueTask DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task Every_desk_route_refuses_a_signed_out_request_and_every_desk_post_needs_its_token()
    {
        var routes = DeskRoutes();
        Assert.Contains(routes, r => r is ("GET", "week"));
        Assert.Contains(routes, r => r is ("POST", "issue/send"));
        Assert.True(routes.Count > 20, $"only {routes.Count} desk routes found");

        foreach (var (method, path) in routes.Where(r => !r.Path.StartsWith("sign-in", StringComparison.Ordinal)))
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(_site.Desk, path)) { Content = method == "POST" ? DeskSite.Form(null, ("week", "2025-W26")) : null };
            using var answer = await _site.Client.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.True(answer.StatusCode == HttpStatusCode.Redirect && answer.Headers.Location!.AbsolutePath.EndsWith("/desk/sign-in", StringComparison.Ordinal), $"{method} desk/{path} answered {(int)answer.StatusCode} signed out");
        }

        await _site.SignInAsync();
        foreach (var (method, path) in routes.Where(r => r.Method == "POST"))
        {
            using var answer = await _site.Client.PostAsync(new Uri(_site.Desk, path), DeskSite.Form(null, ("week", "2025-W26"), ("paper", "2506.20001")), TestContext.Current.CancellationToken);
            Assert.True(answer.StatusCode == HttpStatusCode.BadRequest, $"POST desk/{path} without its token answered {(int)answer.StatusCode}");
            Assert.Contains("did not come from the desk", await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void No_route_of_the_site_makes_or_changes_a_curator()
    {
        var all = _site.Server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().Select(e => e.RoutePattern.RawText ?? "").ToList();
        Assert.NotEmpty(all);
        Assert.DoesNotContain(all, r => r.Contains("curator", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The desk's routes as (method, path below desk/), with route parameters filled with a plausible value.</summary>
    private List<(string Method, string Path)> DeskRoutes() =>
    [
        .. _site.Server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => (e.RoutePattern.RawText ?? "").TrimStart('/').StartsWith("desk", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Method: m, Path: Fill(e.RoutePattern.RawText!))))
            .Distinct(),
    ];

    private static string Fill(string pattern)
    {
        var path = pattern.TrimStart('/')["desk".Length..].TrimStart('/');
        return System.Text.RegularExpressions.Regex.Replace(path, @"\{(\w+)(:[^}]*)?\}", m => m.Groups[1].Value switch
        {
            "id" => "1",
            "name" => "desk.css",
            _ => "2506.20001",
        });
    }
}
