using Roundup.Writing.Tldr;

namespace Roundup.Writing.Tests.Tldr;

public sealed class AbstractSentencesTests
{
    [Fact]
    public void Splits_at_sentence_ends_but_not_after_abbreviations_initials_or_decimals()
    {
        var text = "We follow Smith et al. (2019) and J. Doe.\nAccuracy rises by 3.5 points, e.g. on GLUE, vs. the baseline. Does it help? Yes (see Fig. 2).";

        Assert.Equal(
            ["We follow Smith et al. (2019) and J. Doe.", "Accuracy rises by 3.5 points, e.g. on GLUE, vs. the baseline.", "Does it help?", "Yes (see Fig. 2)."],
            AbstractSentences.Split(text));
    }

    [Fact]
    public void A_closing_quote_or_bracket_stays_with_its_sentence_and_empty_text_has_none()
    {
        Assert.Equal(["They call it \"attention.\"", "It works."], AbstractSentences.Split("They call it \"attention.\" It works."));
        Assert.Empty(AbstractSentences.Split("  \n "));
    }
}
