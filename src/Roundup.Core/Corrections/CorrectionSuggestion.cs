using Roundup.Calendar;
using Roundup.Papers;

namespace Roundup.Corrections;

/// <summary>Where a reader's suggestion stands: waiting for a curator, turned into a published erratum, or set aside.</summary>
public enum SuggestionStatus
{
    Pending,
    Published,
    Rejected,
}

/// <summary>
/// A reader's suggested correction of one issue (about one of its papers, or, with no paper, the issue as a whole),
/// as posted from the archive: the text as typed (data, never markup), an optional way to reach the reader, when it
/// came, and what the curator made of it. <see cref="Erratum"/> is the number of the issue's correction it became
/// (1 for its first, as <c>MailingKey.ForErratum</c> counts).
/// </summary>
public sealed record CorrectionSuggestion(
    long Id,
    IssueWeek Week,
    ArxivId? Paper,
    string Text,
    string? Contact,
    DateTimeOffset Received,
    SuggestionStatus Status,
    DateTimeOffset? Decided,
    string? DecidedBy,
    int? Erratum);

/// <summary>The bounds of a suggestion as stored.</summary>
public static class SuggestionLimits
{
    /// <summary>The longest suggestion text kept, in characters.</summary>
    public const int MaxTextLength = 2000;

    /// <summary>The longest name or address a reader may leave, in characters.</summary>
    public const int MaxContactLength = 200;
}
