using Roundup.Papers;

namespace Roundup.Issues;

/// <summary>An erratum to a published issue, about one paper or (with no id) the whole issue.</summary>
public sealed record Correction(ArxivId? Paper, string Text, DateTimeOffset Recorded);
