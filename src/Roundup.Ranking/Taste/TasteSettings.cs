namespace Roundup.Ranking.Taste;

/// <summary>How the taste reads history and learns; stored with every model, so a model is read as it was trained.</summary>
public sealed record TasteSettings
{
    /// <summary>
    /// τ of the track records' decay, in days: a feature a year old counts e^-1 ≈ 0.37. On the June 2025 dev windows
    /// 180 to 730 days ranked alike and 60 to 120 a little worse.
    /// </summary>
    public double DecayDays { get; init; } = 365;

    /// <summary>How far back "nearest past picks" looks: 60 days ranked like 120 and 365 on the dev windows.</summary>
    public int MemoryDays { get; init; } = 60;

    /// <summary>
    /// L2 penalty of the logistic regressions on standardised signals, with classes weighted to the same total.
    /// Average precision on the dev windows rose from 1 to 300 and was flat to 1,000.
    /// </summary>
    public float L2Regularization { get; init; } = 300f;

    /// <summary>How much one of the curator's own picks counts in a track record against one from another curator.</summary>
    public float CuratorWeight { get; init; } = 2f;

    public int Seed { get; init; } = 42;
}
