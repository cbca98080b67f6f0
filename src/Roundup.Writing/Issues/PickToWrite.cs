using Roundup.FullText;
using Roundup.Papers;

namespace Roundup.Writing.Issues;

/// <summary>One of the week's picks, in rank order, with the funnel's reasons and its full text when it was read.</summary>
public sealed record PickToWrite(Paper Paper, IReadOnlyList<string> Reasons, PaperEvidence? Evidence);
