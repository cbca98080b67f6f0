using System.Reflection;
using Roundup.Ranking.Taste.Model;

namespace Roundup.Ranking.Taste.Default;

/// <summary>
/// The taste that ships with Roundup, used whenever the curator has trained none and built on by <c>roundup learn</c>:
/// trained on public curators' picks (Hugging Face Daily Papers, DAIR.AI's weekly top ten) over the June 2025
/// development listings. MODEL_CARD.md beside this file says what it learned from, what it rewards and how to switch
/// its signals off.
/// </summary>
public static class DefaultTaste
{
    private const string Prefix = "Roundup.Ranking.Taste.Default.";
    private static readonly Lazy<TasteModel?> Model = new(LoadFromResources);

    /// <summary>The shipped model, or null in a build that has none (a checkout before it was built).</summary>
    public static TasteModel? Load() => Model.Value;

    private static TasteModel? LoadFromResources()
    {
        var assembly = typeof(DefaultTaste).Assembly;
        if (assembly.GetManifestResourceInfo(Prefix + TasteModelFile.ModelFile) is null)
        {
            return null;
        }

        return TasteModelFile.Load(name => assembly.GetManifestResourceStream(Prefix + name), "the shipped default taste");
    }
}
