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

    /// <summary>
    /// The same for the title stage's regressions, which must keep nearly every pick rather than rank the best first:
    /// a smoother model kept 93–95% of the human picks at a 35% pass rate in the first dev window against 91% at 300,
    /// and the same 96% in the second.
    /// </summary>
    public float TitleL2Regularization { get; init; } = 3000f;

    /// <summary>
    /// A content signal learned from the text alone (see <see cref="Text.TextScoreKind"/>). The title's embedding
    /// score kept 2 more human picks at the title stage of the first dev window (94.3% against 92.5%) and ranked a
    /// little better there (average precision 0.349 against 0.341), the same in the second; tf-idf added nothing.
    /// </summary>
    public Text.TextScoreKind TextScore { get; init; } = Text.TextScoreKind.TitleEmbedding;

    /// <summary>The text score learns from the papers featured in this many days before the history's end.</summary>
    public int TextScoreDays { get; init; } = 180;

    /// <summary>How much one of the curator's own picks counts in a track record against one from another curator.</summary>
    public float CuratorWeight { get; init; } = 2f;

    /// <summary>
    /// Whether a popular feature counts more in a track record: one with grade g (upvotes; 11 − a top ten's rank)
    /// counts max(1, (1 + ln(1 + g)) / (1 + ln 11)), rounded to hundredths: 1 up to 10 upvotes, 1.65 at 100, 1.97 at
    /// 300; a feature without a grade (a day list) counts 1, and a paper featured by several sources counts at its
    /// highest. On the dev windows the default recipe's 15 picks held 9 and 9 human picks against 9 and 8 without it
    /// (average precision 0.343 and 0.330 against 0.338 and 0.327), within the bootstrap interval; the funnel after
    /// learn held 9 and 9 either way (README, "Selection measured against human curators").
    /// </summary>
    public bool WeighPopularity { get; init; } = true;

    /// <summary>The weight of another curator's feature of grade <paramref name="grade"/> (see <see cref="WeighPopularity"/>).</summary>
    public float PopularityWeight(double grade) =>
        WeighPopularity && grade > 0 ? (float)Math.Round(Math.Max(1, (1 + Math.Log(1 + grade)) / (1 + Math.Log(11))), 2) : 1f;

    public int Seed { get; init; } = 42;
}
