using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using Xunit;

namespace Roundup.Testing.Smtp;

/// <summary>
/// A real SMTP server for tests: Debian's python3-aiosmtpd on 127.0.0.1 and a free port, writing every message it
/// accepts to a Maildir (see smtp_sink.py), in plain text, behind STARTTLS or with TLS from the first byte
/// (<see cref="SmtpSinkOptions.Tls"/>). Tests skip, saying why, where /usr/bin/python3 lacks aiosmtpd.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    public const string Python = "/usr/bin/python3";
    private static readonly Lazy<string?> Missing = new(FindProblem);
    private readonly Process _process;

    private SmtpSink(Process process, int port, string maildir, string stallFile, string protocolLog)
    {
        _process = process;
        Port = port;
        Maildir = maildir;
        StallFile = stallFile;
        ProtocolLog = protocolLog;
    }

    public int Port { get; }

    public string Maildir { get; }

    /// <summary>Exists once the server has started stalling.</summary>
    public string StallFile { get; }

    public bool IsStalled => File.Exists(StallFile);

    /// <summary>One line per stored message: the TLS version it arrived over (e.g. TLSv1.3), or "plain".</summary>
    public string ProtocolLog { get; }

    /// <summary>Skips the calling test when the server cannot be run here.</summary>
    public static void RequireAvailable()
    {
        if (Missing.Value is { } problem)
        {
            Assert.Skip(problem);
        }
    }

    public static async Task<SmtpSink> StartAsync(string folder, SmtpSinkOptions? options = null)
    {
        RequireAvailable();
        options ??= new SmtpSinkOptions();
        Directory.CreateDirectory(folder);
        var script = Path.Combine(folder, "smtp_sink.py");
        await File.WriteAllTextAsync(script, SmtpSinkScript.Text);
        var maildir = Path.Combine(folder, "Maildir");
        var stallFile = Path.Combine(folder, "stalled");
        var protocolLog = Path.Combine(folder, "protocols.log");
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { script, "--maildir", maildir, "--stall-file", stallFile, "--protocol-log", protocolLog })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var address in options.FailOnce)
        {
            start.ArgumentList.Add("--fail-once");
            start.ArgumentList.Add(address);
        }

        foreach (var address in options.Reject)
        {
            start.ArgumentList.Add("--reject");
            start.ArgumentList.Add(address);
        }

        foreach (var (flag, answer) in new[] { ("--refuse-rcpt", options.RefuseRecipients), ("--refuse-data", options.RefuseData) })
        {
            if (answer is not null)
            {
                start.ArgumentList.Add(flag);
                start.ArgumentList.Add(answer);
            }
        }

        if (options.StallAfter is { } stall)
        {
            start.ArgumentList.Add("--stall-after");
            start.ArgumentList.Add(stall.ToString(CultureInfo.InvariantCulture));
        }

        if (options.Auth is { } auth)
        {
            start.ArgumentList.Add("--auth");
            start.ArgumentList.Add(auth);
        }

        if (options.Discard)
        {
            start.ArgumentList.Add("--discard");
        }

        if (options.Tls != SmtpSinkTls.None)
        {
            if (options.CertificatePem is null || options.KeyPem is null)
            {
                throw new ArgumentException($"Tls {options.Tls} needs CertificatePem and KeyPem", nameof(options));
            }

            foreach (var arg in new[] { "--tls", options.Tls == SmtpSinkTls.StartTls ? "starttls" : "implicit", "--tls-cert", options.CertificatePem, "--tls-key", options.KeyPem })
            {
                start.ArgumentList.Add(arg);
            }
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start " + Python);
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        if (line is null || !line.StartsWith("PORT ", StringComparison.Ordinal))
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw new InvalidOperationException($"the test SMTP server did not start (said: {line ?? "nothing"})");
        }

        var port = int.Parse(line[5..], CultureInfo.InvariantCulture);
        using (var probe = new TcpClient())
        {
            await probe.ConnectAsync("127.0.0.1", port, timeout.Token);
        }

        return new SmtpSink(process, port, maildir, stallFile, protocolLog);
    }

    /// <summary>The raw messages delivered so far (the Maildir's new/ folder), oldest first.</summary>
    public IReadOnlyList<string> MessageFiles()
    {
        var folder = Path.Combine(Maildir, "new");
        return Directory.Exists(folder)
            ? Directory.GetFiles(folder).OrderBy(File.GetLastWriteTimeUtc).ThenBy(f => f, StringComparer.Ordinal).ToList()
            : [];
    }

    /// <summary>How each stored message arrived, oldest first: a TLS version such as "TLSv1.3", or "plain".</summary>
    public IReadOnlyList<string> Protocols() => File.Exists(ProtocolLog) ? File.ReadAllLines(ProtocolLog) : [];

    /// <summary>Waits until <paramref name="condition"/> holds, failing the test after <paramref name="limit"/>.</summary>
    public static Task WaitUntilAsync(Func<bool> condition, TimeSpan limit, string what) =>
        WaitUntilAsync(() => Task.FromResult(condition()), limit, what);

    /// <summary>Waits until <paramref name="condition"/> holds, failing the test after <paramref name="limit"/>.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan limit, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"waited {limit.TotalSeconds:F0} s for {what}");
            }

            await Task.Delay(20);
        }
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

    private static string? FindProblem()
    {
        if (!File.Exists(Python))
        {
            return $"{Python} is absent; the SMTP tests need it with python3-aiosmtpd (apt-get install python3-aiosmtpd)";
        }

        using var check = Process.Start(new ProcessStartInfo(Python, ["-c", "import aiosmtpd"]) { RedirectStandardError = true, UseShellExecute = false });
        check!.WaitForExit(20_000);
        return check.HasExited && check.ExitCode == 0
            ? null
            : $"{Python} cannot import aiosmtpd; the SMTP tests need python3-aiosmtpd (apt-get install python3-aiosmtpd)";
    }
}
