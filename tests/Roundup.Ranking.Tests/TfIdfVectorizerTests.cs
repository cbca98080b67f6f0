using Roundup.Ranking.Text;

namespace Roundup.Ranking.Tests;

public sealed class TfIdfVectorizerTests
{
    private static readonly string[] Corpus =
    [
        "Diffusion models for image generation",
        "Faster diffusion models with fewer steps",
        "Graph neural networks for the molecules",
        "Graph neural networks are expressive",
        "A unique title about lattices",
    ];

    [Fact]
    public void Keeps_bigrams_and_drops_stop_words_as_single_words()
    {
        var tfidf = TfIdfVectorizer.Fit(Corpus);

        Assert.Contains("diffusion models", tfidf.Vocabulary.Keys);
        Assert.Contains("graph neural", tfidf.Vocabulary.Keys);
        Assert.DoesNotContain("for", tfidf.Vocabulary.Keys);
        Assert.DoesNotContain("the", tfidf.Vocabulary.Keys);
    }

    [Fact]
    public void Terms_seen_in_fewer_documents_than_the_minimum_are_dropped()
    {
        var tfidf = TfIdfVectorizer.Fit(Corpus);

        Assert.DoesNotContain("lattices", tfidf.Vocabulary.Keys);
        Assert.DoesNotContain("molecules", tfidf.Vocabulary.Keys);
        Assert.Contains("lattices", TfIdfVectorizer.Fit(Corpus, new TfIdfOptions { MinDocumentFrequency = 1 }).Vocabulary.Keys);
    }

    [Fact]
    public void Vectors_have_unit_length_and_sorted_indices()
    {
        var tfidf = TfIdfVectorizer.Fit(Corpus);

        var v = tfidf.Transform("Diffusion models and graph neural networks; diffusion again");

        Assert.Equal(1.0, v.Norm(), 5);
        Assert.Equal(v.Indices.Order(), v.Indices);
        Assert.Equal(tfidf.Dimensions, v.Length);
    }

    [Fact]
    public void A_text_without_known_terms_is_the_empty_vector()
    {
        var v = TfIdfVectorizer.Fit(Corpus).Transform("quarterly tax filing");

        Assert.Equal(0, v.Count);
        Assert.Equal(0.0, v.Norm());
    }

    [Fact]
    public void Max_features_keeps_the_most_frequent_terms()
    {
        var tfidf = TfIdfVectorizer.Fit(Corpus, new TfIdfOptions { MaxFeatures = 2 });

        Assert.Equal(2, tfidf.Dimensions);
    }

    [Fact]
    public void Words_are_lower_cased_runs_of_letters_and_digits() =>
        Assert.Equal(["gpt", "4o", "beats", "alpha", "x"], WordTokens.Split("GPT-4o beats $\\alpha$-X!"));
}
