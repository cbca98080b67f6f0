using Roundup.Testing;

namespace Roundup.Cli.Tests;

/// <summary><c>roundup subscribers forget</c>: erasure through the real process.</summary>
public sealed class SubscribersForgetTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Forget_erases_the_subscriber_and_the_address_cannot_be_added_back()
    {
        Assert.Equal(0, (await RoundupCli.RunAsync(_dir.Path, "subscribers", "add", "grace@example.org", "--name", "Grace", "--confirmed")).ExitCode);
        Assert.Equal(0, (await RoundupCli.RunAsync(_dir.Path, "subscribers", "add", "alan@example.org", "--confirmed")).ExitCode);

        var forget = await RoundupCli.RunAsync(_dir.Path, "subscribers", "forget", "Grace@Example.org");
        Assert.True(forget.ExitCode == 0, forget.Stderr);
        Assert.Matches(@"^subscriber \d+: erased with 0 outbox row\(s\); the address's hash stays on the suppression list", forget.Stdout);
        Assert.DoesNotContain("grace", forget.Stderr, StringComparison.OrdinalIgnoreCase);

        var list = await RoundupCli.RunAsync(_dir.Path, "subscribers", "list");
        Assert.DoesNotContain("grace", list.Stdout, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("alan@example.org", list.Stdout, StringComparison.Ordinal);

        var again = await RoundupCli.RunAsync(_dir.Path, "subscribers", "add", "grace@example.org", "--confirmed");
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("suppression list", again.Stdout, StringComparison.Ordinal);

        var stranger = await RoundupCli.RunAsync(_dir.Path, "subscribers", "forget", "nobody@example.org");
        Assert.Equal(0, stranger.ExitCode);
        Assert.Contains("not a subscriber; the address's hash is now on the suppression list", stranger.Stdout, StringComparison.Ordinal);
    }
}
