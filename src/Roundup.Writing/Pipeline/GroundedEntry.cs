using System.Globalization;
using Roundup.Issues;
using Roundup.Writing.Grounding;
using Roundup.Writing.Writers;

namespace Roundup.Writing.Pipeline;

/// <summary>
/// An entry as it goes into the issue: the kept text (unsupported claims removed), the grounding counts of that
/// text, the unsupported claims, and why the fallback wrote it, if it did.
/// </summary>
public sealed record GroundedEntry(WrittenEntry Entry, int Found, int Checked, IReadOnlyList<Claim> Unsupported, string? FallbackReason)
{
    public bool FellBack => FallbackReason is not null;

    public GroundingSummary Grounding => new(Found, Checked);

    /// <summary>One line for the log: writer, grounding, tokens, time and cost.</summary>
    public string Describe(string paper)
    {
        var usage = Entry.Usage;
        return string.Create(CultureInfo.InvariantCulture,
            $"{paper}: {Entry.Writer}; {Found} of {Checked} claims found; {usage.InputTokens} in + {usage.OutputTokens} out tokens, {usage.Latency.TotalSeconds:0.0} s, ${usage.Cost:0.0000}{(usage.Cached ? " (cached)" : "")}");
    }
}
