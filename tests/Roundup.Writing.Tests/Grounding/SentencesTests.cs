using Roundup.Writing.Grounding;

namespace Roundup.Writing.Tests.Grounding;

public sealed class SentencesTests
{
    [Fact]
    public void Sentences_end_at_a_stop_before_a_capital_or_digit_but_not_after_abbreviations_or_inside_figures()
    {
        var sentences = Sentences.Split("It beats baselines, e.g. Mixtral, by 3.2 points. Results follow Smith et al. Tables hold the rest! 2.1× is the speed-up.");

        Assert.Equal(["It beats baselines, e.g. Mixtral, by 3.2 points.", "Results follow Smith et al. Tables hold the rest!", "2.1× is the speed-up."], sentences);
    }

    [Fact]
    public void Empty_text_has_no_sentences() => Assert.Empty(Sentences.Split("  "));
}
