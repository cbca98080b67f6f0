using Roundup.Issues;

namespace Roundup.Writing.Grounding;

/// <summary>
/// Removes sentences from an entry's text, part by part: a summary paragraph left without sentences is dropped, the
/// remaining sentences of a paragraph are joined by a space.
/// </summary>
public static class EntryTextFilter
{
    /// <summary>The text without the sentences <paramref name="remove"/> selects.</summary>
    public static EntryText Without(EntryText text, Func<EntryPart, string, bool> remove)
    {
        string Keep(EntryPart part, string paragraph) =>
            string.Join(' ', Sentences.Split(paragraph).Where(s => !remove(part, s)));

        return new EntryText(
            Keep(EntryPart.Tldr, text.Tldr),
            [.. text.Summary.Select(p => Keep(EntryPart.Summary, p)).Where(p => p.Length > 0)],
            Keep(EntryPart.Commentary, text.Commentary));
    }

    /// <summary>Every sentence of the text with the part it stands in, in reading order.</summary>
    public static IEnumerable<(EntryPart Part, string Sentence)> SentencesOf(EntryText text)
    {
        foreach (var sentence in Sentences.Split(text.Tldr))
        {
            yield return (EntryPart.Tldr, sentence);
        }

        foreach (var sentence in text.Summary.SelectMany(Sentences.Split))
        {
            yield return (EntryPart.Summary, sentence);
        }

        foreach (var sentence in Sentences.Split(text.Commentary))
        {
            yield return (EntryPart.Commentary, sentence);
        }
    }
}
