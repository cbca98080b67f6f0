using System.Diagnostics;
using System.Globalization;
using System.Net;
using MimeKit;
using Roundup.Testing;
using Roundup.Testing.Certificates;

namespace Roundup.Cli.Tests;

/// <summary>
/// <c>roundup serve</c> as its own process beside <c>roundup send</c>: the List-Unsubscribe link of a delivered
/// message, POSTed one-click to the running endpoint, keeps that reader out of the next week's send.
/// </summary>
public sealed class ServeTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_one_click_unsubscribe_through_roundup_serve_is_honoured_by_the_next_send()
    {
        var environment = new Dictionary<string, string> { ["ROUNDUP_Serve__Urls"] = "http://127.0.0.1:0" };
        await SaveIssueAsync("2025-W26");
        await File.WriteAllLinesAsync(_dir.File("subscribers.csv"), ["email,name", "ada@mail.example.org,Ada", "grace@mail.example.org,Grace"]);
        Assert.Equal(0, (await RoundupCli.RunAsync(_dir.Path, environment, "subscribers", "import", "subscribers.csv", "--confirmed")).ExitCode);
        var first = await RoundupCli.RunAsync(_dir.Path, environment, "send", "--week", "2025-W26");
        Assert.True(first.ExitCode == 0, first.Stderr);
        var mails = Directory.GetFiles(_dir.File("out/mail"), "*.eml");
        Assert.Equal(2, mails.Length);
        var toAda = mails.Select(f => MimeMessage.Load(f)).Single(m => m.To.Mailboxes.Single().Address == "ada@mail.example.org");
        Assert.Equal("List-Unsubscribe=One-Click", toAda.Headers["List-Unsubscribe-Post"]);
        var published = new Uri(toAda.Headers["List-Unsubscribe"]!.Trim('<', '>'));
        Assert.Equal("https://example.org/roundup/unsubscribe", published.GetLeftPart(UriPartial.Path));

        await using var serve = await ServeProcess.StartAsync(_dir.Path, environment);
        Assert.Equal("/roundup/", serve.Url.AbsolutePath);
        // What a reverse proxy for example.org/roundup/ would do: the same path and query, to the local endpoint.
        var local = new Uri(serve.Url, published.PathAndQuery);
        using var client = new HttpClient();
        using (var page = await client.GetAsync(local))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        using var oneClick = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]);
        using (var answer = await client.PostAsync(local, oneClick))
        {
            Assert.True(answer.StatusCode == HttpStatusCode.OK, await answer.Content.ReadAsStringAsync());
        }

        await SaveIssueAsync("2025-W27");
        var next = await RoundupCli.RunAsync(_dir.Path, environment, "send", "--week", "2025-W27");
        Assert.True(next.ExitCode == 0, next.Stderr);
        Assert.Contains("2025-W27: sent 1,", next.Stdout, StringComparison.Ordinal);
        var newMails = Directory.GetFiles(_dir.File("out/mail"), "*.eml").Except(mails).ToList();
        Assert.Equal("grace@mail.example.org", MimeMessage.Load(Assert.Single(newMails)).To.Mailboxes.Single().Address);

        var stopped = await serve.StopAsync();
        Assert.True(stopped.ExitCode == 0, stopped.Stderr);
        Assert.Contains("stopped", stopped.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("@mail.example.org", stopped.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(published.Query[3..], stopped.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_speaks_https_with_the_configured_pem_files_and_serves_the_archive()
    {
        using var certificate = TestCertificate.Create(_dir.File("tls"));
        Directory.CreateDirectory(_dir.File("out/site"));
        await File.WriteAllTextAsync(_dir.File("out/site/index.html"), "<!DOCTYPE html><title>Roundup</title><p>All issues</p>");
        var environment = new Dictionary<string, string>
        {
            ["ROUNDUP_Serve__Urls"] = "https://127.0.0.1:0",
            ["ROUNDUP_Serve__Certificate"] = certificate.CertificatePem,
            ["ROUNDUP_Serve__CertificateKey"] = certificate.KeyPem,
            ["ROUNDUP_Mail__LinkBase"] = "https://news.example.org/",
        };

        await using var serve = await ServeProcess.StartAsync(_dir.Path, environment);
        Assert.Equal("https", serve.Url.Scheme);
        Assert.Equal("/", serve.Url.AbsolutePath);
        using var trusted = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(certificate.CertificatePem));
        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, presented, _, _) =>
            {
                using var chain = new System.Security.Cryptography.X509Certificates.X509Chain();
                chain.ChainPolicy.TrustMode = System.Security.Cryptography.X509Certificates.X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(trusted);
                return presented is not null && chain.Build(presented);
            },
        };
        using var client = new HttpClient(handler);
        var index = await client.GetStringAsync(serve.Url);
        Assert.Contains("All issues", index, StringComparison.Ordinal);

        var stopped = await serve.StopAsync();
        Assert.True(stopped.ExitCode == 0, stopped.Stderr);
    }

    [Fact]
    public async Task A_sign_up_through_roundup_serve_writes_its_confirmation_to_the_pickup_folder()
    {
        var environment = new Dictionary<string, string> { ["ROUNDUP_Serve__Urls"] = "http://127.0.0.1:0", ["ROUNDUP_Mail__PickupDir"] = "pickup" };
        await using var serve = await ServeProcess.StartAsync(_dir.Path, environment);
        using var client = new HttpClient();
        var form = new Uri(serve.Url, "subscribe");
        Assert.Contains("<form method=\"post\" action=\"subscribe\">", await client.GetStringAsync(form), StringComparison.Ordinal);
        using var fields = new FormUrlEncodedContent([new("email", "ada@mail.example.org"), new("name", "Ada")]);
        using (var answer = await client.PostAsync(form, fields))
        {
            var page = await answer.Content.ReadAsStringAsync();
            Assert.True(answer.StatusCode == HttpStatusCode.OK, page);
            Assert.Contains("Check your inbox", page, StringComparison.Ordinal);
        }

        // The confirmation is sent after the answer, by the server's queue.
        string[] mails = [];
        for (var waited = 0; mails.Length == 0 && waited < 300; waited++)
        {
            await Task.Delay(50);
            mails = Directory.Exists(_dir.File("pickup")) ? Directory.GetFiles(_dir.File("pickup"), "*.eml") : [];
        }

        using var message = MimeMessage.Load(Assert.Single(mails));
        Assert.Equal("ada@mail.example.org", message.To.Mailboxes.Single().Address);
        Assert.Contains("https://example.org/roundup/confirm?t=", message.TextBody, StringComparison.Ordinal);

        var stopped = await serve.StopAsync();
        Assert.True(stopped.ExitCode == 0, stopped.Stderr);
        Assert.Contains("sign-up: subscriber 1: added as pending", stopped.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("ada@", stopped.Stderr, StringComparison.Ordinal);
        var pending = await RoundupCli.RunAsync(_dir.Path, environment, "subscribers", "list", "--status", "pending");
        Assert.Contains("1\tpending\tada@mail.example.org\tAda", pending.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_serve_section_is_a_configuration_error_naming_the_key()
    {
        var https = await RoundupCli.RunAsync(_dir.Path, new Dictionary<string, string> { ["ROUNDUP_Serve__Urls"] = "https://127.0.0.1:0" }, "serve");
        Assert.Equal(2, https.ExitCode);
        Assert.Contains("Serve:Urls has an https:// address: set Serve:Certificate and Serve:CertificateKey", https.Stderr, StringComparison.Ordinal);

        var named = await RoundupCli.RunAsync(_dir.Path, new Dictionary<string, string> { ["ROUNDUP_Serve__Urls"] = "http://example.org:8080" }, "serve");
        Assert.Equal(2, named.ExitCode);
        Assert.Contains("Serve:Urls: 'http://example.org:8080/' names the host 'example.org'", named.Stderr, StringComparison.Ordinal);

        var onlyKey = await RoundupCli.RunAsync(_dir.Path, new Dictionary<string, string> { ["ROUNDUP_Serve__CertificateKey"] = "site.key.pem" }, "serve");
        Assert.Equal(2, onlyKey.ExitCode);
        Assert.Contains("Serve:Certificate and Serve:CertificateKey go together", onlyKey.Stderr, StringComparison.Ordinal);

        var proxies = await RoundupCli.RunAsync(_dir.Path, new Dictionary<string, string> { ["ROUNDUP_Serve__TrustedProxies__0"] = "proxy.example.org", ["ROUNDUP_Serve__TrustedProxies__1"] = "0.0.0.0/0" }, "serve");
        Assert.Equal(2, proxies.ExitCode);
        Assert.Contains("Serve:TrustedProxies: 'proxy.example.org' is not an IP address", proxies.Stderr, StringComparison.Ordinal);
        Assert.Contains("Serve:TrustedProxies: '0.0.0.0/0' trusts every address", proxies.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Behind_a_configured_proxy_serve_limits_each_forwarded_client_on_its_own()
    {
        await File.WriteAllTextAsync(_dir.File("roundup.json"), """{ "Serve": { "Urls": "http://127.0.0.1:0", "PostsPerMinute": 1, "TrustedProxies": [ "127.0.0.1" ] } }""");
        var shown = await RoundupCli.RunAsync(_dir.Path, "config", "show");
        Assert.True(shown.ExitCode == 0, shown.Stderr);
        Assert.Matches("\"trustedProxies\": \\[\\s*\"127.0.0.1\"\\s*\\]", shown.Stdout);

        await using var serve = await ServeProcess.StartAsync(_dir.Path, new Dictionary<string, string>());
        using var client = new HttpClient();
        var forged = new Uri(serve.Url, "unsubscribe?t=AQEAAAAAAAAAAQ.bm90LWEtc2lnbmF0dXJl");
        async Task<HttpStatusCode> PostAsync(string forwardedFor)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, forged) { Content = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]) };
            request.Headers.Add("X-Forwarded-For", forwardedFor);
            using var response = await client.SendAsync(request);
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync("203.0.113.7"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await PostAsync("203.0.113.7"));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync("198.51.100.9"));

        var stopped = await serve.StopAsync();
        Assert.True(stopped.ExitCode == 0, stopped.Stderr);
    }

    private Task SaveIssueAsync(string week) => TestIssues.SaveAsync(_dir.Path, week);

    /// <summary>A running <c>roundup serve</c>: started, its <c>listening on</c> line read, stopped with SIGTERM.</summary>
    private sealed class ServeProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly Task<string> _stderr;

        private ServeProcess(Process process, Task<string> stderr, Uri url)
        {
            _process = process;
            _stderr = stderr;
            Url = url;
        }

        public Uri Url { get; }

        public static async Task<ServeProcess> StartAsync(string workingDirectory, Dictionary<string, string> environment)
        {
            var process = RoundupCli.Start(workingDirectory, environment, "serve");
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            if (line is null || !line.StartsWith("listening on ", StringComparison.Ordinal))
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
                var error = await stderr;
                process.Dispose();
                Assert.Fail($"roundup serve did not start: {line} {error}");
            }

            var url = new Uri(line["listening on ".Length..]);
            Assert.NotEqual(0, url.Port);
            return new ServeProcess(process, stderr, url);
        }

        /// <summary>Sends SIGTERM, as a service manager would, and waits for the process to end.</summary>
        public async Task<RoundupCli.Result> StopAsync()
        {
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await _process.WaitForExitAsync(timeout.Token);
            return new RoundupCli.Result(_process.ExitCode, await _process.StandardOutput.ReadToEndAsync(), await _stderr);
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
        }
    }
}
