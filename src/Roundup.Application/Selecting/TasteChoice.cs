using System.Globalization;
using Microsoft.Extensions.Logging;
using Roundup.Application.Settings;
using Roundup.Ranking.Taste.Default;
using Roundup.Ranking.Taste.Model;

namespace Roundup.Application.Selecting;

/// <summary>
/// The taste a funnel scores with, as configured: a model (the curator's or the shipped default) with or without the
/// reputation signals, or none at all when selection runs on the profile alone.
/// </summary>
public sealed record TasteChoice(TasteModel? Model, bool Reputation, bool ProfileOnly)
{
    public static TasteChoice ProfileAlone(bool reputation) => new(null, reputation, ProfileOnly: true);

    /// <summary>Resolves <c>Selection:Taste</c> and <c>Selection:Reputation</c>, and says in the log which taste it is.</summary>
    public static TasteChoice Resolve(SelectionOptions options, ILogger logger)
    {
        if (options.Taste == "profile")
        {
            logger.LogInformation("Taste: none (Selection:Taste = profile): the profile's criteria, topics and exemplars score every stage, with the rubric");
            return ProfileAlone(options.Reputation);
        }

        TasteModel? model = null;
        if (options.Taste == "auto" && TasteModelFile.Exists(options.TasteModel))
        {
            model = TasteModelFile.Load(options.TasteModel);
        }

        model ??= DefaultTaste.Load() ?? throw new UsageException("this build has no default taste (src/Roundup.Ranking/Taste/Default): build it with roundup build-taste, or set Selection:Taste to profile");
        logger.LogInformation("Taste: {Description}{Reputation}", Describe(model, options.TasteModel), options.Reputation ? "" : "; reputation signals off (Selection:Reputation = false)");
        return new TasteChoice(model, options.Reputation, ProfileOnly: false);
    }

    public static string Describe(TasteModel model, string folder)
    {
        var info = model.Info;
        var trained = info.Rows == 0
            ? "no listing rows"
            : string.Create(CultureInfo.InvariantCulture, $"{info.Picks:N0} picks among {info.Rows:N0} papers listed {info.FirstRowDate:yyyy-MM-dd}..{info.LastRowDate:yyyy-MM-dd}");
        var history = string.Create(CultureInfo.InvariantCulture, $"{info.Featured:N0} featured papers {info.HistoryStart:yyyy-MM-dd}..{info.HistoryEnd:yyyy-MM-dd}");
        return info.Kind == "default"
            ? $"the shipped default {model.Hash[..12]} (no taste trained in {folder}; trained on {trained}, history of {history}; see MODEL_CARD.md)"
            : string.Create(CultureInfo.InvariantCulture, $"the curator's model {model.Hash[..12]} in {folder} (trained on {trained}, {(info.Basis is { } b ? $"on top of {b[..12]} with {history} added" : $"history of {history}")}; its history ends {model.History.End:yyyy-MM-dd})");
    }
}
