using Microsoft.Extensions.AI;
using Roundup.Selection;

namespace Roundup.Llm.Scoring;

/// <summary>Sums token usage and its estimated cost across calls; thread-safe.</summary>
public sealed class UsageMeter(LlmOptions options)
{
    private readonly Lock _lock = new();
    private ScorerUsage _total = ScorerUsage.None;

    public void Add(UsageDetails? usage)
    {
        if (usage is null)
        {
            return;
        }

        var input = usage.InputTokenCount ?? 0;
        var output = usage.OutputTokenCount ?? 0;
        var spent = new ScorerUsage(input, output, options.Cost(input, output));
        lock (_lock)
        {
            _total = _total.Add(spent);
        }
    }

    /// <summary>The usage since the last call, and resets it.</summary>
    public ScorerUsage Take()
    {
        lock (_lock)
        {
            var total = _total;
            _total = ScorerUsage.None;
            return total;
        }
    }
}
