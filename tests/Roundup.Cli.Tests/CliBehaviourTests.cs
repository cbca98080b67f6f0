using Roundup.Application.Settings;
using Roundup.Cli.Output;
using Roundup.Testing;

namespace Roundup.Cli.Tests;

public sealed class CliBehaviourTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("--help")]
    [InlineData("run --help")]
    [InlineData("harvest --help")]
    [InlineData("import --help")]
    [InlineData("papers --help")]
    [InlineData("serve --help")]
    [InlineData("config --help")]
    [InlineData("config show --help")]
    [InlineData("refresh --help")]
    [InlineData("select --help")]
    [InlineData("explain --help")]
    [InlineData("pin --help")]
    [InlineData("drop --help")]
    [InlineData("init --help")]
    [InlineData("learn --help")]
    [InlineData("eval --help")]
    [InlineData("read --help")]
    [InlineData("write --help")]
    [InlineData("edit --help")]
    [InlineData("render --help")]
    [InlineData("approve --help")]
    [InlineData("publish --help")]
    [InlineData("correct --help")]
    [InlineData("subscribers --help")]
    [InlineData("subscribers import --help")]
    [InlineData("send --help")]
    [InlineData("eval-summaries --help")]
    public async Task Every_verb_has_help(string args)
    {
        var result = await RoundupCli.RunAsync(_dir.Path, args.Split(' '));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_verb_or_option_is_bad_usage()
    {
        var verb = await RoundupCli.RunAsync(_dir.Path, "frobnicate");
        Assert.Equal(2, verb.ExitCode);
        Assert.Contains("frobnicate", verb.Stderr, StringComparison.Ordinal);
        var week = await RoundupCli.RunAsync(_dir.Path, "papers", "--week", "2025-26");
        Assert.Equal(2, week.ExitCode);
        Assert.Contains("--week '2025-26' is not an ISO week", week.Stderr, StringComparison.Ordinal);
        var both = await RoundupCli.RunAsync(_dir.Path, "papers", "--week", "2025-W26", "--from", "2025-06-23");
        Assert.Equal(2, both.ExitCode);
    }

    [Fact]
    public async Task Config_show_merges_file_and_environment_and_masks_secrets()
    {
        await File.WriteAllTextAsync(_dir.File("roundup.json"), """{ "Store": { "Path": "from-file.db" }, "Arxiv": { "Http": { "Contact": "curator@example.org" } } }""");
        var result = await RoundupCli.RunAsync(_dir.Path, new Dictionary<string, string> { ["ROUNDUP_Harvest__Categories__0"] = "cs.CV" }, "config", "show");
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("\"path\": \"from-file.db\"", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"cs.CV\"", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("curator@example.org", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_show_masks_the_password_in_the_store_connection_string_and_keeps_the_rest()
    {
        var env = new Dictionary<string, string>
        {
            ["ROUNDUP_Store__Provider"] = "postgres",
            ["ROUNDUP_Store__ConnectionString"] = "Host=db.example.org;Port=5433;Username=roundup;Password='s3cr3t;p@ss';Database=roundup",
        };
        var result = await RoundupCli.RunAsync(_dir.Path, env, "config", "show");
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.DoesNotContain("s3cr3t", result.Stdout + result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("p@ss", result.Stdout + result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", ConfigurationPrinter.Render(new RoundupOptions { Store = new() { ConnectionString = "Host=x;Password=s3cr3t;what is this" } }), StringComparison.Ordinal);
        Assert.Contains("host=db.example.org;port=5433;username=roundup;password=********;database=roundup", result.Stdout, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"provider\": \"postgres\"", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_configuration_error_is_reported_at_once_with_exit_2()
    {
        await File.WriteAllTextAsync(_dir.File("roundup.json"), """{ "Harvest": { "Categories": ["cs.LG", "Not A Category"], "Sources": ["ftp"] }, "Calendar": { "Holidays": ["2025-13-01"] } }""");
        var result = await RoundupCli.RunAsync(_dir.Path, "config", "show");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("3 errors", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("'Not A Category'", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("'ftp' is not a source", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("'2025-13-01'", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task Mail_settings_are_checked_at_start_up_whatever_the_verb()
    {
        var result = await RoundupCli.RunAsync(_dir.Path, new Dictionary<string, string> { ["ROUNDUP_Mail__Sender"] = "smtp", ["ROUNDUP_Mail__Smtp__Port"] = "70000" }, "papers");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Mail:Secret is required", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Mail:Smtp:Host is required", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Mail:Smtp:Port 70000", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(_dir.File("roundup.db")), "nothing is opened before the configuration is valid");
    }

    [Fact]
    public async Task Unknown_keys_and_broken_json_are_configuration_errors()
    {
        await File.WriteAllTextAsync(_dir.File("roundup.json"), """{ "Store": { "Paht": "typo.db" } }""");
        var typo = await RoundupCli.RunAsync(_dir.Path, "config", "show");
        Assert.Equal(2, typo.ExitCode);
        Assert.Contains("Paht", typo.Stderr, StringComparison.Ordinal);

        await File.WriteAllTextAsync(_dir.File("roundup.json"), """{ "Store": { "Path": """);
        var broken = await RoundupCli.RunAsync(_dir.Path, "config", "show");
        Assert.Equal(2, broken.ExitCode);
        Assert.Contains("roundup.json", broken.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_explicit_config_file_that_does_not_exist_is_named()
    {
        var result = await RoundupCli.RunAsync(_dir.Path, "config", "show", "--config", "missing.json");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("missing.json does not exist", result.Stderr, StringComparison.Ordinal);
    }
}
