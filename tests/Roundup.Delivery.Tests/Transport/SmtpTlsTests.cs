using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using Roundup.Delivery.Sending;
using Roundup.Delivery.Transport;
using Roundup.Testing.Certificates;
using Roundup.Testing.Smtp;

namespace Roundup.Delivery.Tests.Transport;

/// <summary>
/// Delivery over STARTTLS and TLS from the first byte to a real TLS server (aiosmtpd with a certificate made for the
/// test), the relay's certificate trusted through Mail:Smtp:TrustedCertificate, and the ways a secure connection
/// is refused: untrusted, for another host, STARTTLS not offered, TLS spoken to a plain server.
/// </summary>
public sealed class SmtpTlsTests : IAsyncLifetime
{
    private static readonly DeliveryOptions NoRetries = new() { Retries = 0, RetryDelay = TimeSpan.FromMilliseconds(10) };
    private DeliveryFixture _f = null!;

    public async ValueTask InitializeAsync()
    {
        SmtpSink.RequireAvailable();
        _f = await DeliveryFixture.CreateAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_f is not null)
        {
            await _f.DisposeAsync();
        }
    }

    private TestCertificate SelfSigned(string name = "relay") => TestCertificate.Create(_f.Dir.File("certificates"), name);

    private Task<SmtpSink> SinkAsync(SmtpSinkTls tls, string certificatePem, string keyPem, string? auth = null) =>
        SmtpSink.StartAsync(_f.Dir.File("smtp"), new SmtpSinkOptions { Tls = tls, CertificatePem = certificatePem, KeyPem = keyPem, Auth = auth });

    private static SmtpTransportFactory Relay(int port, SmtpSecurity security, string? trusted, string host = "127.0.0.1", string? user = null, string? password = null, double timeoutSeconds = 20) =>
        new(new SmtpRelay(host, port, security)
        {
            TrustedCertificate = trusted is null ? null : CertificateTrust.Load(trusted),
            User = user,
            Password = password,
            Timeout = TimeSpan.FromSeconds(timeoutSeconds),
        });

    private async Task<DeliveryException> RefusedAsync(SmtpTransportFactory relay)
    {
        var refused = await Assert.ThrowsAsync<DeliveryException>(() => _f.Run(relay, NoRetries).RunAsync(DeliveryFixture.Week, new TestContent()));
        Assert.Equal(0, (await _f.Store.CountAsync(DeliveryFixture.Week)).Sent);
        Assert.Equal(0, (await _f.Store.CountAsync(DeliveryFixture.Week)).Sending);
        return refused;
    }

    private static void AssertDeliveredOverTls(SmtpSink sink, int count)
    {
        var messages = sink.MessageFiles().Select(f => MimeMessage.Load(f)).ToList();
        Assert.Equal(Enumerable.Range(1, count).Select(DeliveryFixture.Address).Order(), messages.Select(m => m.To.Mailboxes.Single().Address).Order());
        Assert.All(messages, m => Assert.Equal("Roundup 2025-W26: sparse attention, faster", m.Subject));
        Assert.All(messages, m => Assert.Contains("unsubscribe", m.TextBody, StringComparison.Ordinal));
        var protocols = sink.Protocols();
        Assert.Equal(count, protocols.Count);
        Assert.All(protocols, p => Assert.StartsWith("TLSv1.", p, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_self_signed_relay_named_in_TrustedCertificate_takes_the_messages_over_STARTTLS()
    {
        await _f.AddReadersAsync(3);
        using var certificate = SelfSigned();
        await using var sink = await SinkAsync(SmtpSinkTls.StartTls, certificate.CertificatePem, certificate.KeyPem);

        var report = await _f.Run(Relay(sink.Port, SmtpSecurity.StartTls, certificate.CertificatePem)).RunAsync(DeliveryFixture.Week, new TestContent());

        Assert.Equal((3, 0, 0), (report.Sent, report.Failed, report.Deferred));
        AssertDeliveredOverTls(sink, 3);
    }

    [Fact]
    public async Task Tls_from_the_first_byte_delivers_to_a_relay_on_an_implicit_TLS_port()
    {
        await _f.AddReadersAsync(2);
        using var certificate = SelfSigned();
        await using var sink = await SinkAsync(SmtpSinkTls.Implicit, certificate.CertificatePem, certificate.KeyPem);

        var report = await _f.Run(Relay(sink.Port, SmtpSecurity.Tls, certificate.CertificatePem)).RunAsync(DeliveryFixture.Week, new TestContent());

        Assert.Equal(2, report.Sent);
        AssertDeliveredOverTls(sink, 2);
    }

    [Fact]
    public async Task A_relay_whose_certificate_a_private_CA_issued_is_trusted_through_the_CA_s_DER_file()
    {
        await _f.AddReadersAsync(2);
        using var authority = TestAuthority.Create();
        var (certificatePem, keyPem) = authority.Issue(_f.Dir.File("certificates"), "relay", "localhost");
        var trusted = authority.WriteCertificate(_f.Dir.File("certificates/company-ca.der"), der: true);
        await using var sink = await SinkAsync(SmtpSinkTls.StartTls, certificatePem, keyPem);

        var report = await _f.Run(Relay(sink.Port, SmtpSecurity.StartTls, trusted, host: "localhost")).RunAsync(DeliveryFixture.Week, new TestContent());

        Assert.Equal(2, report.Sent);
        AssertDeliveredOverTls(sink, 2);
    }

    [Fact]
    public async Task Credentials_go_only_over_STARTTLS_and_are_accepted_there()
    {
        await _f.AddReadersAsync(2);
        using var certificate = SelfSigned();
        await using var sink = await SinkAsync(SmtpSinkTls.StartTls, certificate.CertificatePem, certificate.KeyPem, auth: "roundup:s3cret-pass");

        var wrong = await RefusedAsync(Relay(sink.Port, SmtpSecurity.StartTls, certificate.CertificatePem, user: "roundup", password: "wrong"));
        Assert.Contains("refused the credentials of Mail:Smtp:User", wrong.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong", wrong.Message, StringComparison.Ordinal);

        var report = await _f.Run(Relay(sink.Port, SmtpSecurity.StartTls, certificate.CertificatePem, user: "roundup", password: "s3cret-pass")).RunAsync(DeliveryFixture.Week, new TestContent());

        Assert.Equal(2, report.Sent);
        AssertDeliveredOverTls(sink, 2);
    }

    [Fact]
    public async Task A_certificate_nobody_trusts_is_refused_naming_TrustedCertificate_and_nothing_is_sent()
    {
        await _f.AddReadersAsync(2);
        using var certificate = SelfSigned();
        await using var sink = await SinkAsync(SmtpSinkTls.StartTls, certificate.CertificatePem, certificate.KeyPem);

        var refused = await RefusedAsync(Relay(sink.Port, SmtpSecurity.StartTls, trusted: null));

        Assert.Contains("is not trusted", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Mail:Smtp:TrustedCertificate", refused.Message, StringComparison.Ordinal);
        Assert.Contains("CN=localhost", refused.Message, StringComparison.Ordinal);
        Assert.Equal(2, (await _f.Store.CountAsync(DeliveryFixture.Week)).Pending);
        Assert.Empty(sink.MessageFiles());
    }

    [Fact]
    public async Task Trusting_another_certificate_does_not_let_the_relay_s_through_and_the_error_names_the_file()
    {
        await _f.AddReadersAsync(1);
        using var presented = SelfSigned("presented");
        using var other = SelfSigned("other");
        await using var sink = await SinkAsync(SmtpSinkTls.Implicit, presented.CertificatePem, presented.KeyPem);

        var refused = await RefusedAsync(Relay(sink.Port, SmtpSecurity.Tls, other.CertificatePem));

        Assert.Contains($"Mail:Smtp:TrustedCertificate '{other.CertificatePem}'", refused.Message, StringComparison.Ordinal);
        Assert.Empty(sink.MessageFiles());
    }

    [Fact]
    public async Task A_trusted_certificate_for_another_host_is_refused_as_a_name_mismatch()
    {
        await _f.AddReadersAsync(1);
        using var authority = TestAuthority.Create();
        var (certificatePem, keyPem) = authority.Issue(_f.Dir.File("certificates"), "elsewhere", "relay.example.org");
        var trusted = authority.WriteCertificate(_f.Dir.File("certificates/company-ca.pem"));
        await using var sink = await SinkAsync(SmtpSinkTls.StartTls, certificatePem, keyPem);

        var refused = await RefusedAsync(Relay(sink.Port, SmtpSecurity.StartTls, trusted));

        Assert.Contains("is for 'relay.example.org', not for '127.0.0.1'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Mail:Smtp:Host", refused.Message, StringComparison.Ordinal);
        Assert.Empty(sink.MessageFiles());
    }

    [Fact]
    public async Task StartTls_against_a_relay_that_does_not_offer_it_is_refused_naming_Security()
    {
        await _f.AddReadersAsync(1);
        await using var plain = await SmtpSink.StartAsync(_f.Dir.File("smtp"));

        var refused = await RefusedAsync(Relay(plain.Port, SmtpSecurity.StartTls, trusted: null));

        Assert.Contains("does not offer STARTTLS", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Mail:Smtp:Security", refused.Message, StringComparison.Ordinal);
        Assert.Empty(plain.MessageFiles());
    }

    [Fact]
    public async Task Tls_spoken_to_a_plain_relay_fails_clearly_within_the_timeout()
    {
        await _f.AddReadersAsync(1);
        await using var plain = await SmtpSink.StartAsync(_f.Dir.File("smtp"));
        var clock = Stopwatch.StartNew();

        var refused = await RefusedAsync(Relay(plain.Port, SmtpSecurity.Tls, trusted: null, timeoutSeconds: 5));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed.TotalSeconds:F1} s");
        Assert.Contains("Mail:Smtp:Security", refused.Message, StringComparison.Ordinal);
        Assert.Empty(plain.MessageFiles());
    }

    [Fact]
    public async Task A_handshake_cancelled_by_the_caller_is_a_cancellation_not_a_relay_error()
    {
        // When one connection of a run fails, the run cancels the others mid-handshake; their cancellation must not
        // pass for the relay's fault and hide the first connection's reason.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var accepted = silent.AcceptTcpClientAsync();
        using var cancel = new CancellationTokenSource();
        var relay = new SmtpRelay("127.0.0.1", port, SmtpSecurity.Tls) { Timeout = TimeSpan.FromSeconds(30) };

        var connecting = SmtpTransport.ConnectAsync(relay, cancel.Token);
        using var held = await accepted;
        await cancel.CancelAsync();

        var e = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => connecting);
        Assert.Equal(cancel.Token, e.CancellationToken);
    }

    [Fact]
    public async Task A_relay_that_never_answers_the_handshake_is_given_up_after_TimeoutSeconds()
    {
        await _f.AddReadersAsync(1);
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        using var stop = new CancellationTokenSource();
        var held = new List<TcpClient>();
        var accepting = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                held.Add(await silent.AcceptTcpClientAsync(stop.Token));
            }
        });
        var clock = Stopwatch.StartNew();

        try
        {
            var refused = await RefusedAsync(Relay(port, SmtpSecurity.Tls, trusted: null, timeoutSeconds: 2));

            Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(15));
            Assert.Contains("within 2 s (Mail:Smtp:TimeoutSeconds)", refused.Message, StringComparison.Ordinal);
            Assert.Contains("Mail:Smtp:Security Tls expects TLS from the first byte", refused.Message, StringComparison.Ordinal);
            Assert.Equal(1, (await _f.Store.CountAsync(DeliveryFixture.Week)).Pending);
        }
        finally
        {
            await stop.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => accepting);
            held.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public void A_missing_or_malformed_trusted_certificate_file_is_named_with_the_key()
    {
        var missing = _f.Dir.File("nowhere/ca.pem");
        var absent = Assert.Throws<InvalidDataException>(() => CertificateTrust.Load(missing));
        Assert.Equal($"Mail:Smtp:TrustedCertificate '{missing}' does not exist", absent.Message);

        var garbage = _f.Dir.File("garbage.pem");
        File.WriteAllText(garbage, "-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n");
        var malformed = Assert.Throws<InvalidDataException>(() => CertificateTrust.Load(garbage));
        Assert.StartsWith($"Mail:Smtp:TrustedCertificate '{garbage}' holds no readable certificate", malformed.Message, StringComparison.Ordinal);

        var key = _f.Dir.File("key-only.pem");
        using (var certificate = SelfSigned())
        {
            File.Copy(certificate.KeyPem, key);
        }

        var notACertificate = Assert.Throws<InvalidDataException>(() => CertificateTrust.Load(key));
        Assert.StartsWith($"Mail:Smtp:TrustedCertificate '{key}' is not a PEM or DER certificate", notACertificate.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_PEM_bundle_loads_every_certificate_in_it()
    {
        using var first = SelfSigned("first");
        using var second = SelfSigned("second");
        var bundle = _f.Dir.File("bundle.pem");
        File.WriteAllText(bundle, File.ReadAllText(first.CertificatePem) + "\n" + File.ReadAllText(second.CertificatePem) + "\n");

        Assert.Equal(2, CertificateTrust.Load(bundle).Count);
        Assert.Equal(1, CertificateTrust.Load(first.CertificatePem).Count);
    }
}
