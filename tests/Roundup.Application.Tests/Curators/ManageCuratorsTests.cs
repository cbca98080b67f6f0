using Microsoft.Extensions.Logging.Abstractions;
using Roundup.Application.Curators;
using Roundup.Application.Hosting;
using Roundup.Application.Settings;
using Roundup.Testing;

namespace Roundup.Application.Tests.Curators;

public sealed class ManageCuratorsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private RoundupHost Host()
    {
        var (options, errors, _) = ConfigurationLoader.Load(null,
        [
            new("Store:Path", _dir.File("roundup.db")),
            new("Publish:SiteUrl", "https://example.org/roundup/"),
        ]);
        Assert.Empty(errors);
        return new RoundupHost(options, NullLoggerFactory.Instance, TimeProvider.System);
    }

    [Fact]
    public async Task A_password_is_kept_only_as_a_hash_that_verifies_it()
    {
        await using var host = Host();
        var ct = TestContext.Current.CancellationToken;
        var (curator, link) = await new ManageCurators(host).AddAsync("alice", "correct horse battery", ct);

        Assert.Null(link);
        Assert.NotNull(curator.PasswordHash);
        Assert.DoesNotContain("correct horse", curator.PasswordHash, StringComparison.Ordinal);
        Assert.True(ManageCurators.Verify(curator, "correct horse battery"));
        Assert.False(ManageCurators.Verify(curator, "correct horse battery!"));
    }

    [Fact]
    public async Task Without_a_password_a_curator_gets_a_one_time_link_under_the_sites_path()
    {
        await using var host = Host();
        var ct = TestContext.Current.CancellationToken;
        var (curator, link) = await new ManageCurators(host).AddAsync("bob", null, ct);

        Assert.False(ManageCurators.Verify(curator, ""));
        Assert.NotNull(link);
        Assert.StartsWith("https://example.org/roundup/desk/sign-in?token=", link.AbsoluteUri, StringComparison.Ordinal);
        var token = link.Query["?token=".Length..];
        var store = (await host.StoreAsync(ct)).Curators;
        Assert.Equal("bob", (await store.UseSignInTokenAsync(ManageCurators.TokenHash(token), DateTimeOffset.UtcNow, ct))?.Name);
        Assert.Null(await store.UseSignInTokenAsync(ManageCurators.TokenHash(token), DateTimeOffset.UtcNow, ct));
    }

    [Theory]
    [InlineData("alice", "short", "too short")]
    [InlineData("al ice", null, "is not a curator name")]
    [InlineData("", null, "is not a curator name")]
    public async Task Bad_names_and_short_passwords_are_refused(string name, string? password, string reason)
    {
        await using var host = Host();
        var e = await Assert.ThrowsAsync<UsageException>(() => new ManageCurators(host).AddAsync(name, password, TestContext.Current.CancellationToken));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_is_taken_once_and_a_removed_curator_is_gone()
    {
        await using var host = Host();
        var ct = TestContext.Current.CancellationToken;
        var curators = new ManageCurators(host);
        await curators.AddAsync("alice", null, ct);

        var taken = await Assert.ThrowsAsync<UsageException>(() => curators.AddAsync("Alice", null, ct));
        Assert.Contains("already a curator named", taken.Message, StringComparison.Ordinal);
        await curators.RemoveAsync("alice", ct);
        Assert.Empty(await curators.ListAsync(ct));
        await Assert.ThrowsAsync<UsageException>(() => curators.SignInLinkAsync("alice", ct));
    }
}
