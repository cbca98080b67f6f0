using Roundup.Writing.Evaluation.Dair;

namespace Roundup.Writing.Tests.Evaluation.Dair;

public sealed class StatedNumbersTests
{
    [Theory]
    [InlineData("10x faster", "10× faster")]
    [InlineData("10x faster", "a 10 × speed-up")]
    [InlineData("reaches 45.2%", "reaches 45.2 % accuracy")]
    [InlineData("reaches 45.2%", "scores 45.20 on it")]
    [InlineData("1,000 tasks", "1000 tasks")]
    [InlineData("a 1.5M-example set", "1.5 million examples")]
    [InlineData("456B parameters", "456 billion parameters")]
    [InlineData("gains of 2.5–7.5% on average", "up to 7.5 points")]
    public void The_same_value_written_two_ways_is_one_number(string curator, string ours)
    {
        Assert.True(StatedNumbers.ShareAny(StatedNumbers.Find(curator), StatedNumbers.Find(ours)));
    }

    [Theory]
    [InlineData("45.2% accuracy", "45.3% accuracy")]
    [InlineData("10x faster", "100x faster")]
    [InlineData("1.5M examples", "1.5 examples")]
    public void Different_values_do_not_match(string curator, string ours)
    {
        Assert.False(StatedNumbers.ShareAny(StatedNumbers.Find(curator), StatedNumbers.Find(ours)));
    }

    [Theory]
    [InlineData("Qwen2.5-72B and Llama-3.1-8B")]
    [InlineData("beats GPT-4o and o1 in 3D scenes")]
    [InlineData("on AIME 2024 and MATH-500")]
    [InlineData("top-1 retrieval with R1")]
    [InlineData("no digits here at all")]
    [InlineData("It does (1) retrieval and (2) reranking; 3) it explains.")]
    public void Digits_in_names_and_years_are_not_numbers(string text)
    {
        Assert.Empty(StatedNumbers.Find(text));
    }

    [Fact]
    public void A_sentence_states_each_of_its_numbers_once()
    {
        var found = StatedNumbers.Find("RAG+ outperforms vanilla RAG by 2.5–7.5% on average, with gains of up to 10% for 72B models (3 domains, 10 runs) (1).");

        Assert.Equal([2.5m, 3m, 7.5m, 10m, 72_000_000_000m], found.Order());
    }
}
