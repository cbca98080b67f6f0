using Roundup.Testing;

namespace Roundup.Cli.Tests;

public sealed class CuratorsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_curator_is_added_with_a_one_time_link_listed_given_a_new_link_and_removed()
    {
        var added = await RoundupCli.RunAsync(_dir.Path, "curators", "add", "alice");
        Assert.True(added.ExitCode == 0, added.Stderr);
        Assert.Contains("curator alice added; one-time sign-in link (valid 24 h): https://example.org/roundup/desk/sign-in?token=", added.Stdout, StringComparison.Ordinal);

        var list = await RoundupCli.RunAsync(_dir.Path, "curators", "list");
        Assert.StartsWith("alice\tno password yet (sign-in link)", list.Stdout, StringComparison.Ordinal);

        var link = await RoundupCli.RunAsync(_dir.Path, "curators", "link", "alice");
        Assert.Contains("/desk/sign-in?token=", link.Stdout, StringComparison.Ordinal);
        Assert.NotEqual(added.Stdout.Split("token=")[1].Trim(), link.Stdout.Split("token=")[1].Trim());

        var twice = await RoundupCli.RunAsync(_dir.Path, "curators", "add", "Alice");
        Assert.Equal(2, twice.ExitCode);
        Assert.Contains("already a curator named 'Alice'", twice.Stderr, StringComparison.Ordinal);

        var removed = await RoundupCli.RunAsync(_dir.Path, "curators", "remove", "alice");
        Assert.True(removed.ExitCode == 0, removed.Stderr);
        Assert.Equal("", (await RoundupCli.RunAsync(_dir.Path, "curators", "list")).Stdout);
    }

    [Fact]
    public async Task A_script_gives_the_password_on_stdin_and_a_tooShortone_is_refused()
    {
        var tooShort = await RoundupCli.RunWithInputAsync(_dir.Path, "too short\n", "curators", "add", "bob", "--password-stdin");
        Assert.Equal(2, tooShort.ExitCode);
        Assert.Contains("the password is too short", tooShort.Stderr, StringComparison.Ordinal);

        var added = await RoundupCli.RunWithInputAsync(_dir.Path, "a long enough passphrase\n", "curators", "add", "bob", "--password-stdin");
        Assert.True(added.ExitCode == 0, added.Stderr);
        Assert.Equal("curator bob added", added.Stdout.Trim());
        Assert.DoesNotContain("passphrase", added.Stdout + added.Stderr, StringComparison.Ordinal);
        Assert.StartsWith("bob\tactive", (await RoundupCli.RunAsync(_dir.Path, "curators", "list")).Stdout, StringComparison.Ordinal);
    }
}
