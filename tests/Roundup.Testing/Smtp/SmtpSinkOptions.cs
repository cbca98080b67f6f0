namespace Roundup.Testing.Smtp;

/// <summary>How the test SMTP server misbehaves: 451 once for some addresses, 550 for others, a stall after N messages.</summary>
public sealed record SmtpSinkOptions
{
    public IReadOnlyList<string> FailOnce { get; init; } = [];

    public IReadOnlyList<string> Reject { get; init; } = [];

    /// <summary>After this many delivered messages, DATA is never answered (the message is not stored).</summary>
    public int? StallAfter { get; init; }

    /// <summary>"user:password" the server requires (AUTH PLAIN/LOGIN over the plain connection).</summary>
    public string? Auth { get; init; }

    /// <summary>Accept and count, write nothing: a sink for benchmarks.</summary>
    public bool Discard { get; init; }
}
