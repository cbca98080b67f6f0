using Roundup.Writing.Evaluation.Dair;

namespace Roundup.Writing.Tests.Evaluation.Dair;

public sealed class EntryHeadingTests
{
    [Theory]
    [InlineData("RAG+  Introduces RAG+, a modular framework.", "RAG+", "Introduces RAG+, a modular framework.")]
    [InlineData("**Differential Transformer** - proposes a differential attention.", "Differential Transformer", "proposes a differential attention.")]
    [InlineData("**FRAMES**: a unified evaluation.", "FRAMES", "a unified evaluation.")]
    [InlineData("MiniMax-01 - introduces a new series of models; 456B parameters.", "MiniMax-01", "introduces a new series of models; 456B parameters.")]
    [InlineData("Does RL Incentivize Reasoning in LLMs Beyond the Base Model?  This paper revisits it.", "Does RL Incentivize Reasoning in LLMs Beyond the Base Model?", "This paper revisits it.")]
    [InlineData("  LIMO: Less Is More for Reasoning  Can a handful of examples teach math?", "LIMO: Less Is More for Reasoning", "Can a handful of examples teach math?")]
    public void The_leading_name_is_split_from_the_summary(string entry, string heading, string body)
    {
        Assert.Equal((heading, body), EntryHeading.Split(entry));
    }

    [Theory]
    [InlineData("We propose a method. It works - mostly.")]
    [InlineData("This work proposes a new class of reward models that reformulate reward modeling as a reasoning task - a long way in.")]
    [InlineData("A sentence that ends here.  Another one follows.")]
    [InlineData("")]
    public void An_entry_without_a_leading_name_is_kept_whole(string entry)
    {
        Assert.Equal(((string?)null, entry.Trim()), EntryHeading.Split(entry));
    }

    [Fact]
    public void An_entry_that_is_only_a_name_leaves_no_body()
    {
        Assert.Equal(("Only A Name", ""), EntryHeading.Split("**Only A Name**"));
    }
}
