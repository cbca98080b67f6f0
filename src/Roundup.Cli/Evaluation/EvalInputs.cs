namespace Roundup.Cli.Evaluation;

/// <summary>
/// What <c>roundup eval</c> reads: listings, the human picks (labels of the test windows, and the picks a curator
/// learns from before each), the public curation history (the default recipe's), other curators' featured papers
/// for <c>learn --extra-positives</c>, and either one test window (learning from what is listed up to
/// <see cref="TrainUntil"/>, else up to the window) or none (every window the data allows).
/// </summary>
public sealed record EvalInputs(
    IReadOnlyList<string> Listings,
    string Picks,
    IReadOnlyList<string> History,
    IReadOnlyList<string> ExtraPositives,
    (DateOnly From, DateOnly Until)? Window,
    DateOnly? TrainUntil,
    string StorePath,
    bool Ablation);
