using Roundup.Papers;

namespace Roundup.Issues;

/// <summary>
/// An erratum to a published issue, about one paper or (with no id) the whole issue. <paramref name="Email"/> is
/// true when the curator asked for it to be e-mailed to those who already got the issue (its own mailing).
/// </summary>
public sealed record Correction(ArxivId? Paper, string Text, DateTimeOffset Recorded, bool Email = false);
