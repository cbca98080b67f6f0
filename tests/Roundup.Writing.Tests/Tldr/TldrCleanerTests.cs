using Roundup.Writing.Tldr;

namespace Roundup.Writing.Tests.Tldr;

public sealed class TldrCleanerTests
{
    [Theory]
    [InlineData("In this paper, we propose a sparse\nattention kernel.", TldrCleaning.Openers, "We propose a sparse attention kernel.")]
    [InlineData("In this work we study scaling laws.", TldrCleaning.Openers, "We study scaling laws.")]
    [InlineData("To this end, however, we introduce X.", TldrCleaning.Openers, "We introduce X.")]
    [InlineData("We extend BERT (Devlin et al., 2019) to code [3, 4].", TldrCleaning.Citations, "We extend BERT to code.")]
    [InlineData("We train deep convolutional networks (DCNs) on ImageNet.", TldrCleaning.Citations, "We train deep convolutional networks (DCNs) on ImageNet.")]
    [InlineData("We train deep convolutional networks (DCNs) on ImageNet.", TldrCleaning.Parentheses, "We train deep convolutional networks on ImageNet.")]
    [InlineData("In this paper, we propose X.", TldrCleaning.None, "In this paper, we propose X.")]
    public void Cleans_as_asked_and_always_gives_one_line(string sentence, TldrCleaning cleaning, string expected) =>
        Assert.Equal(expected, TldrCleaner.Clean(sentence, cleaning));

    [Fact]
    public void A_sentence_that_is_all_opener_is_kept_as_it_is() =>
        Assert.Equal("However,", TldrCleaner.Clean("However,", TldrCleaning.Openers));
}
