using Roundup.Application.Learning;

namespace Roundup.Application.Evaluation;

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
    bool Ablation)
{
    /// <summary>
    /// The inputs as a request gives them: wildcards in the file names expanded, and either a single test window
    /// (<paramref name="testFrom"/>, optionally <paramref name="testUntil"/> and <paramref name="trainUntil"/>, which must
    /// come before it) or none of the three (every window the data allows).
    /// </summary>
    public static EvalInputs Of(
        IEnumerable<string> listings,
        string picks,
        IEnumerable<string> history,
        IEnumerable<string> extraPositives,
        DateOnly? trainUntil,
        DateOnly? testFrom,
        DateOnly? testUntil,
        string storePath,
        bool ablation)
    {
        (DateOnly, DateOnly)? window = null;
        if (testFrom is { } from)
        {
            if (trainUntil is { } until && until >= from)
            {
                throw new UsageException("--train-until must be before --test-from: the test must be on days the model never saw");
            }

            window = (from, testUntil ?? DateOnly.MaxValue);
        }
        else if (trainUntil is not null || testUntil is not null)
        {
            throw new UsageException("--train-until and --test-until need --test-from (without them every window the data allows is tested)");
        }

        return new EvalInputs(TasteInputs.Files(listings), picks, TasteInputs.Files(history), TasteInputs.Files(extraPositives), window, trainUntil, storePath, ablation);
    }
}
