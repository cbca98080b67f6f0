using Microsoft.Extensions.Logging;
using Roundup.Application.Hosting;
using Roundup.Ranking.Embeddings;
using Roundup.Ranking.Taste;
using Roundup.Ranking.Taste.Model;
using Roundup.Ranking.Taste.Training;

namespace Roundup.Application.Learning;

/// <summary>
/// A taste from public curation history alone, the recipe of the shipped default: listed papers the history featured
/// are the picks, the rest are not (src/Roundup.Ranking/Taste/Default/MODEL_CARD.md gives the command that rebuilds
/// the default byte for byte).
/// </summary>
public sealed class BuildTaste(RoundupHost host)
{
    public async Task<TasteModel> RunAsync(IReadOnlyList<string> listings, IReadOnlyList<string> history, DateOnly until, string folder, CancellationToken ct)
    {
        var logger = host.Logs.CreateLogger("Roundup.Learn");
        var listingFiles = TasteInputs.Files(listings);
        var historyFiles = TasteInputs.Files(history);
        var listed = await TasteInputs.ListingsAsync(listingFiles, logger, ct);
        var set = TasteSets.FromHistory(listed, TasteInputs.History(historyFiles, logger), until, [.. listingFiles.Concat(historyFiles).Select(Path.GetFileName).OfType<string>()]);
        using var miniLm = new MiniLmEmbedder();
        var model = TasteTrainer.Train(set, new InMemoryEmbeddingCache(miniLm), new TasteSettings(), "default", cancellationToken: ct);
        TasteModelFile.Save(model, folder);
        return model;
    }
}
