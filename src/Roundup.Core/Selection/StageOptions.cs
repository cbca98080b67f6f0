namespace Roundup.Selection;

/// <summary>
/// One stage of the funnel as configured: what it reads, which scorers with which weights, how many papers it
/// keeps (<see cref="Keep"/>, or a share of those entering with <see cref="KeepShare"/>, whichever is smaller) and
/// the least score that may advance.
/// </summary>
public sealed record StageOptions
{
    public required string Name { get; init; }

    public Evidence Reads { get; init; } = Evidence.Title;

    public int? Keep { get; init; }

    public double? KeepShare { get; init; }

    public double MinScore { get; init; }

    /// <summary>Scorer name → weight. Names are resolved by the host (<c>rubric</c>, <c>taste</c>, <c>similarity</c>, <c>llm</c>).</summary>
    public IReadOnlyDictionary<string, double> Scorers { get; init; } = new Dictionary<string, double>();

    public int BatchSize { get; init; } = 200;

    /// <summary>The settings that change the stage's result, as text for <see cref="StageHash"/>.</summary>
    public string Describe() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Name}|{Reads}|{Keep}|{KeepShare}|{MinScore}|{BatchSize}");

    /// <summary>How many of <paramref name="entering"/> papers this stage may pass on.</summary>
    public int Budget(int entering)
    {
        var budget = entering;
        if (Keep is { } keep)
        {
            budget = Math.Min(budget, keep);
        }

        if (KeepShare is { } share)
        {
            budget = Math.Min(budget, (int)Math.Ceiling(share * entering));
        }

        return Math.Max(0, budget);
    }
}
