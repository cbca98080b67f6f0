using System.Diagnostics;
using System.Text;

namespace Roundup.Workers.Tests;

/// <summary>
/// The real <c>roundup</c> program (roundup.dll beside the tests) as a process of its own, standing in for a machine:
/// its environment is only what the test gives (no ROUNDUP_* of the caller), its stderr is kept line by line.
/// </summary>
public sealed class RoundupProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly Lock _lock = new();

    private RoundupProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(_stdout, e.Data);
        _process.ErrorDataReceived += (_, e) => Append(_stderr, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Stdout
    {
        get
        {
            lock (_lock)
            {
                return _stdout.ToString();
            }
        }
    }

    public string Stderr
    {
        get
        {
            lock (_lock)
            {
                return _stderr.ToString();
            }
        }
    }

    public int ExitCode => _process.ExitCode;

    /// <summary>For signals (<see cref="Roundup.Testing.Processes.Signals"/>).</summary>
    public Process Process => _process;

    public static RoundupProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = Roundup.Testing.Processes.RoundupStart.Info(workingDirectory, environment, args);
        return new RoundupProcess(Process.Start(start)!);
    }

    /// <summary>Runs to the end (at most <paramref name="limit"/>) and returns this process.</summary>
    public static async Task<RoundupProcess> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, TimeSpan limit, params string[] args)
    {
        var process = Start(workingDirectory, environment, args);
        await process.WaitAsync(limit);
        return process;
    }

    public async Task WaitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"roundup {string.Join(' ', _process.StartInfo.ArgumentList.Skip(1))} still ran after {limit.TotalSeconds} s; its log:\n{Stderr}");
        }

        _process.WaitForExit();
    }

    /// <summary>Waits until the log has a line containing <paramref name="text"/>.</summary>
    public async Task WaitForLogAsync(string text, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (!Stderr.Contains(text, StringComparison.Ordinal) && !Stdout.Contains(text, StringComparison.Ordinal))
        {
            if (clock.Elapsed > limit || _process.HasExited)
            {
                throw new TimeoutException($"no '{text}' in the log within {limit.TotalSeconds} s (exited: {_process.HasExited}); the log:\n{Stderr}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>SIGKILL: the process ends at once, as a machine losing power would.</summary>
    public void KillOutright()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lock)
        {
            buffer.AppendLine(line);
        }
    }
}
