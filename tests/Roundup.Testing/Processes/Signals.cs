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

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
