using LLama.Native;
using Microsoft.Extensions.Logging;

namespace Roundup.Llm.Providers;

/// <summary>
/// Sends llama.cpp's warnings and errors to a logger and drops the rest: left alone, llama.cpp writes hundreds of
/// lines about every model it loads straight to stderr. The hook is process-wide and must be set before the native
/// library loads.
/// </summary>
internal static class LlamaNativeLog
{
    private static readonly Lock Gate = new();
    private static ILogger? _logger;
    private static bool _hooked;
    private static LLamaLogLevel _previous = LLamaLogLevel.Info;

    public static void RouteTo(ILogger? logger)
    {
        lock (Gate)
        {
            _logger = logger ?? _logger;
            if (_hooked || NativeLibraryConfig.LLama.LibraryHasLoaded)
            {
                return;
            }

            NativeLibraryConfig.All.WithLogCallback(Write);
            _hooked = true;
        }
    }

    private static void Write(LLamaLogLevel level, string message)
    {
        // llama.cpp continues a message over several calls; the continuation inherits the level it continues.
        if (level == LLamaLogLevel.Continue)
        {
            level = _previous;
        }
        else
        {
            _previous = level;
        }

        if (level is LLamaLogLevel.Warning or LLamaLogLevel.Error && !string.IsNullOrWhiteSpace(message))
        {
#pragma warning disable CA1848, CA2254 // one call site, messages composed by llama.cpp
            _logger?.Log(level == LLamaLogLevel.Error ? LogLevel.Error : LogLevel.Warning, "llama.cpp: {Message}", message.TrimEnd());
#pragma warning restore CA1848, CA2254
        }
    }
}
