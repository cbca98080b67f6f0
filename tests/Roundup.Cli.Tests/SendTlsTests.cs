using System.Globalization;
using MimeKit;
using Roundup.Testing;
using Roundup.Testing.Certificates;
using Roundup.Testing.Smtp;

namespace Roundup.Cli.Tests;

/// <summary><c>roundup send</c> to a STARTTLS relay configured only through ROUNDUP_Mail__Smtp__* variables.</summary>
public sealed class SendTlsTests : IDisposable
{
    private const string Week = "2025-W26";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static Dictionary<string, string> StartTls(int port, string? trustedCertificate)
    {
        var environment = new Dictionary<string, string>
        {
            ["ROUNDUP_Mail__Sender"] = "smtp",
            ["ROUNDUP_Mail__Smtp__Host"] = "127.0.0.1",
            ["ROUNDUP_Mail__Smtp__Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["ROUNDUP_Mail__Smtp__Security"] = "StartTls",
            ["ROUNDUP_Mail__Smtp__User"] = "roundup",
            ["ROUNDUP_Mail__Smtp__Password"] = "relay-pass-over-tls",
            ["ROUNDUP_Mail__Smtp__TimeoutSeconds"] = "20",
            ["ROUNDUP_Mail__Secret"] = "cli tls test secret, long enough to sign the links",
            ["ROUNDUP_Mail__From"] = "Roundup <issues@roundup.example.org>",
            ["ROUNDUP_Mail__RetryDelaySeconds"] = "0.05",
        };
        if (trustedCertificate is not null)
        {
            environment["ROUNDUP_Mail__Smtp__TrustedCertificate"] = trustedCertificate;
        }

        return environment;
    }

    private Task SaveApprovedIssueAsync() => TestIssues.SaveAsync(_dir.Path, Week, title: "Private relays");

    [Fact]
    public async Task Send_delivers_over_STARTTLS_to_a_relay_trusted_through_the_environment_and_refuses_it_untrusted()
    {
        SmtpSink.RequireAvailable();
        await SaveApprovedIssueAsync();
        using var certificate = TestCertificate.Create(_dir.File("certificates"), "relay");
        await using var sink = await SmtpSink.StartAsync(_dir.File("smtp"), new SmtpSinkOptions
        {
            Tls = SmtpSinkTls.StartTls,
            CertificatePem = certificate.CertificatePem,
            KeyPem = certificate.KeyPem,
            Auth = "roundup:relay-pass-over-tls",
        });
        var trusted = StartTls(sink.Port, Path.Combine("certificates", "relay.crt.pem"));
        await File.WriteAllLinesAsync(_dir.File("subscribers.csv"), ["email,name", "ada@mail.example.org,Ada", "bo@mail.example.org,Bo"]);
        var import = await RoundupCli.RunAsync(_dir.Path, trusted, "subscribers", "import", "subscribers.csv", "--confirmed");
        Assert.True(import.ExitCode == 0, import.Stderr);

        var untrusted = await RoundupCli.RunAsync(_dir.Path, StartTls(sink.Port, trustedCertificate: null), "send", "--week", Week);
        Assert.Equal(1, untrusted.ExitCode);
        Assert.Contains("is not trusted", untrusted.Stderr, StringComparison.Ordinal);
        Assert.Contains("Mail:Smtp:TrustedCertificate", untrusted.Stderr, StringComparison.Ordinal);
        Assert.Empty(sink.MessageFiles());

        var sent = await RoundupCli.RunAsync(_dir.Path, trusted, "send", "--week", Week);

        Assert.True(sent.ExitCode == 0, sent.Stderr);
        Assert.Contains($"{Week}: sent 2, deferred 0, failed 0, suppressed 0", sent.Stdout, StringComparison.Ordinal);
        var messages = sink.MessageFiles().Select(f => MimeMessage.Load(f)).ToList();
        Assert.Equal(["ada@mail.example.org", "bo@mail.example.org"], messages.Select(m => m.To.Mailboxes.Single().Address).Order());
        Assert.All(messages, m => Assert.Contains("Private relays", m.Subject, StringComparison.Ordinal));
        Assert.All(sink.Protocols(), p => Assert.StartsWith("TLSv1.", p, StringComparison.Ordinal));
        Assert.Equal(2, sink.Protocols().Count);
    }

    [Fact]
    public async Task A_missing_trusted_certificate_file_is_a_configuration_error_naming_its_path()
    {
        var result = await RoundupCli.RunAsync(_dir.Path, StartTls(2525, Path.Combine("certificates", "company-ca.pem")), "send", "--week", Week);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"Mail:Smtp:TrustedCertificate '{_dir.File("certificates/company-ca.pem")}' does not exist", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_trusted_certificate_file_that_is_not_a_certificate_is_a_configuration_error()
    {
        using var certificate = TestCertificate.Create(_dir.File("certificates"), "relay");

        var result = await RoundupCli.RunAsync(_dir.Path, StartTls(2525, certificate.KeyPem), "subscribers", "list");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"Mail:Smtp:TrustedCertificate '{certificate.KeyPem}' is not a PEM or DER certificate", result.Stderr, StringComparison.Ordinal);
    }
}
