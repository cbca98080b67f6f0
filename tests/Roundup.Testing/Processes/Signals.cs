using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Roundup.Testing.Processes;

/// <summary>Sends POSIX signals to a child process straight through libc, as a service manager would.</summary>
public static partial class Signals
{
    private const int SigTerm = 15;

    /// <summary>SIGTERM: the polite stop that Ctrl-C's handler shares.</summary>
    public static void Terminate(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        if (Kill(process.Id, SigTerm) != 0)
        {
            throw new InvalidOperationException($"kill({process.Id}, SIGTERM) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>
    /// Sends SIGTERM and waits up to <paramref name="grace"/> for the process to end; one still running then is killed,
    /// with its children, and reported by a <see cref="TimeoutException"/>. Returns how long the stop took.
    /// </summary>
    public static async Task<TimeSpan> TerminateWithinAsync(Process process, TimeSpan grace)
    {
        Terminate(process);
        var clock = Stopwatch.StartNew();
        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{process.StartInfo.FileName} {string.Join(' ', process.StartInfo.ArgumentList)} still ran {grace.TotalSeconds} s after SIGTERM");
        }

        return clock.Elapsed;
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
