using Microsoft.Extensions.Logging;

namespace Roundup.Testing.Http;

public sealed record LogEntry(LogLevel Level, string Message, Exception? Exception);
