using Roundup.Writing.Rouge;

namespace Roundup.Writing.Tests.Rouge;

public sealed class RougeScorerTests
{
    [Fact]
    public void Tokens_are_lower_case_alphanumerics_with_long_words_stemmed()
    {
        Assert.Equal(["gpt", "4o", "s", "accuraci", "is", "45", "1", "on", "train", "network"], RougeTokenizer.Tokenize("GPT-4o's accuracy is 45.1% on Training-Networks!"));
    }

    [Fact]
    public void Hand_computed_unigram_bigram_and_lcs_f1()
    {
        // the cat sat on the mat / the cat lay on the mat: 5 of 6 unigrams shared; bigrams "the cat", "on the",
        // "the mat" shared of 5 each; the longest common subsequence "the cat on the mat" has 5 tokens.
        var s = RougeScorer.Score("The cat sat on the mat.", "the cat lay on the mat");

        Assert.Equal(5.0 / 6, s.Rouge1, 1e-12);
        Assert.Equal(3.0 / 5, s.Rouge2, 1e-12);
        Assert.Equal(5.0 / 6, s.RougeL, 1e-12);
    }

    [Fact]
    public void Precision_and_recall_differ_when_lengths_differ()
    {
        // candidate 2 tokens, reference 4, both candidate tokens shared: P = 1, R = 1/2, F1 = 2/3.
        // Bigram "a b" shared: P = 1/1, R = 1/3, F1 = 1/2. LCS 2: same as unigrams.
        var s = RougeScorer.Score("a b", "a b c d");

        Assert.Equal(2.0 / 3, s.Rouge1, 1e-12);
        Assert.Equal(0.5, s.Rouge2, 1e-12);
        Assert.Equal(2.0 / 3, s.RougeL, 1e-12);
    }

    [Fact]
    public void Lcs_keeps_order_where_unigrams_do_not()
    {
        // Same bag of words, reversed order: ROUGE-1 is perfect, the LCS is one token long.
        var s = RougeScorer.Score("x y z", "z y x");

        Assert.Equal(1.0, s.Rouge1, 1e-12);
        Assert.Equal(0.0, s.Rouge2, 1e-12);
        Assert.Equal(1.0 / 3, s.RougeL, 1e-12);
    }

    [Fact]
    public void Repeated_words_count_only_as_often_as_the_reference_has_them()
    {
        // "the the the" against "the cat": one "the" matches: P = 1/3, R = 1/2, F1 = 0.4.
        Assert.Equal(0.4, RougeScorer.Score("the the the", "the cat").Rouge1, 1e-12);
    }

    [Fact]
    public void Stemming_makes_inflections_match()
    {
        Assert.Equal(1.0, RougeScorer.Score("Training networks", "trained network").Rouge1, 1e-12);
    }

    [Fact]
    public void With_several_references_each_measure_takes_its_best_reference()
    {
        // Reference 1 shares all unigrams in the wrong order; reference 2 shares the bigram "a b" only.
        var s = RougeScorer.ScoreBest("a b c", ["c b a", "a b x y z"]);

        Assert.Equal(1.0, s.Rouge1, 1e-12);
        Assert.Equal(2.0 * (1.0 / 2) * (1.0 / 4) / ((1.0 / 2) + (1.0 / 4)), s.Rouge2, 1e-12);
        Assert.Equal(Math.Max(1.0 / 3, 2.0 * (2.0 / 3) * (2.0 / 5) / ((2.0 / 3) + (2.0 / 5))), s.RougeL, 1e-12);
    }

    [Fact]
    public void An_empty_candidate_scores_zero_and_no_reference_is_an_error()
    {
        Assert.Equal(RougeScores.Zero, RougeScorer.Score("", "the cat"));
        Assert.Throws<ArgumentException>(() => RougeScorer.ScoreBest("the cat", []));
    }
}
