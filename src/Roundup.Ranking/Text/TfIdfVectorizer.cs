namespace Roundup.Ranking.Text;

/// <summary>
/// TF-IDF over word 1-grams and 2-grams: sublinear term frequency (1 + ln tf), smoothed idf
/// (ln((1 + n) / (1 + df)) + 1), l2-normalised. Stop words are dropped as 1-grams; a 2-gram is kept unless both
/// of its words are stop words ("state of" stays, "of the" goes).
/// </summary>
public sealed class TfIdfVectorizer
{
    private readonly Dictionary<string, int> _vocabulary;
    private readonly float[] _idf;
    private readonly bool _bigrams;

    private TfIdfVectorizer(Dictionary<string, int> vocabulary, float[] idf, bool bigrams)
    {
        _vocabulary = vocabulary;
        _idf = idf;
        _bigrams = bigrams;
    }

    public int Dimensions => _idf.Length;

    public IReadOnlyDictionary<string, int> Vocabulary => _vocabulary;

    public IReadOnlyList<float> InverseDocumentFrequencies => _idf;

    public bool Bigrams => _bigrams;

    /// <summary>A vectorizer from a stored vocabulary and its idf values (as <see cref="Vocabulary"/> and <see cref="InverseDocumentFrequencies"/> gave them).</summary>
    public static TfIdfVectorizer From(IReadOnlyDictionary<string, int> vocabulary, IReadOnlyList<float> idf, bool bigrams) =>
        new(new Dictionary<string, int>(vocabulary, StringComparer.Ordinal), [.. idf], bigrams);

    public static TfIdfVectorizer Fit(IReadOnlyList<string> corpus, TfIdfOptions? options = null)
    {
        options ??= new TfIdfOptions();
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var document in corpus)
        {
            foreach (var term in Terms(document, options.Bigrams).Distinct())
            {
                documentFrequency[term] = documentFrequency.GetValueOrDefault(term) + 1;
            }
        }

        var kept = documentFrequency
            .Where(p => p.Value >= options.MinDocumentFrequency)
            .OrderByDescending(p => p.Value)
            .ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(options.MaxFeatures)
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ToList();
        var vocabulary = new Dictionary<string, int>(kept.Count, StringComparer.Ordinal);
        var idf = new float[kept.Count];
        for (var i = 0; i < kept.Count; i++)
        {
            vocabulary[kept[i].Key] = i;
            idf[i] = (float)(Math.Log((1.0 + corpus.Count) / (1.0 + kept[i].Value)) + 1.0);
        }

        return new TfIdfVectorizer(vocabulary, idf, options.Bigrams);
    }

    public SparseVector Transform(string text)
    {
        var counts = new SortedDictionary<int, int>();
        foreach (var term in Terms(text, _bigrams))
        {
            if (_vocabulary.TryGetValue(term, out var index))
            {
                counts[index] = counts.GetValueOrDefault(index) + 1;
            }
        }

        var indices = counts.Keys.ToArray();
        var values = counts.Select(p => (float)((1.0 + Math.Log(p.Value)) * _idf[p.Key])).ToArray();
        var norm = Math.Sqrt(values.Sum(v => (double)v * v));
        for (var i = 0; norm > 0 && i < values.Length; i++)
        {
            values[i] = (float)(values[i] / norm);
        }

        return new SparseVector(Dimensions, indices, values);
    }

    /// <summary>The terms of a text, repeated as often as they occur: 1-grams, then 2-grams joined by a space.</summary>
    public static IEnumerable<string> Terms(string? text, bool bigrams = true)
    {
        var words = WordTokens.Split(text);
        for (var i = 0; i < words.Count; i++)
        {
            if (!StopWords.Contains(words[i]))
            {
                yield return words[i];
            }

            if (bigrams && i + 1 < words.Count && !(StopWords.Contains(words[i]) && StopWords.Contains(words[i + 1])))
            {
                yield return words[i] + " " + words[i + 1];
            }
        }
    }
}
