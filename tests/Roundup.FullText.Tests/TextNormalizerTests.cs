namespace Roundup.FullText.Tests;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("ﬁne-tuning", "fine-tuning")]
    [InlineData("repre-\nsentation", "representation")]
    [InlineData("Pre-\nTrained", "Pre-Trained")]
    [InlineData("  a \t b\n\nc ", "a b c")]
    [InlineData("e\u0301", "é")]
    public void Text_is_normalised(string input, string expected) => Assert.Equal(expected, TextNormalizer.Normalize(input));

    [Theory]
    [InlineData("1 Introduction", SectionKind.Introduction)]
    [InlineData("3.2 Results and Discussion", SectionKind.Results)]
    [InlineData("Limitations", SectionKind.Limitations)]
    [InlineData("2 Related Work", SectionKind.RelatedWork)]
    [InlineData("4 Experimental Setup", SectionKind.Experiments)]
    [InlineData("3 Our Approach", SectionKind.Method)]
    [InlineData("7 Conclusions and Future Work", SectionKind.Conclusion)]
    [InlineData("Acknowledgements", SectionKind.Other)]
    public void Headings_are_classified(string heading, SectionKind kind) => Assert.Equal(kind, SectionClassifier.Classify(heading));
}
