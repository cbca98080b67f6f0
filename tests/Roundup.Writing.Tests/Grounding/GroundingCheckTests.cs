using Roundup.Issues;
using Roundup.Writing.Grounding;
using Roundup.Writing.Tests.Llm;

namespace Roundup.Writing.Tests.Grounding;

public sealed class GroundingCheckTests
{
    private static readonly GroundingSource Source = GroundingSource.For(WritingTestData.ToWrite());

    private static GroundingResult Check(string tldr, string summary = "RouteMoE routes tokens to fewer experts.", string commentary = "") =>
        GroundingCheck.Check(new EntryText(tldr, [summary], commentary), Source);

    [Fact]
    public void A_text_whose_claims_are_all_in_the_paper_is_kept_whole()
    {
        var text = new EntryText(WritingTestData.GoodTldr, WritingTestData.GoodSummary, WritingTestData.GoodCommentary);

        var result = GroundingCheck.Check(text, Source);

        Assert.Empty(result.Unsupported);
        Assert.Equal(text, result.Kept);
        Assert.True(result.Checked >= 12, $"only {result.Checked} claims checked: {string.Join(" | ", GroundingCheck.ClaimsIn(text).Select(c => c.Text))}");
        Assert.Equal(result.Checked, result.Found);
    }

    [Fact]
    public void An_invented_number_removes_its_sentence_and_is_flagged_with_it()
    {
        var result = Check(
            "RouteMoE-7B reaches 64.3% on MMLU.",
            "RouteMoE routes tokens to fewer experts. It reaches 67.5% on GSM8K. It is evaluated on HellaSwag.");

        var claim = Assert.Single(result.Unsupported);
        Assert.Equal((ClaimKind.Number, "67.5%", EntryPart.Summary, "It reaches 67.5% on GSM8K."), (claim.Kind, claim.Text, claim.Part, claim.Sentence));
        Assert.Equal(["RouteMoE routes tokens to fewer experts. It is evaluated on HellaSwag."], result.Kept.Summary);
        Assert.Equal("RouteMoE-7B reaches 64.3% on MMLU.", result.Kept.Tldr);
        Assert.Equal(result.Checked - 1, result.Found);
        Assert.Equal("grounding: removed from the summary: number \"67.5%\" is not in the paper (\"It reaches 67.5% on GSM8K.\")", Assert.Single(result.Flags()));
    }

    [Fact]
    public void A_misspelt_benchmark_is_not_found()
    {
        var result = Check("RouteMoE-7B is evaluated on MMLU and HelaSwag.");

        var claim = Assert.Single(result.Unsupported);
        Assert.Equal((ClaimKind.Name, "HelaSwag", EntryPart.Tldr), (claim.Kind, claim.Text, claim.Part));
        Assert.Equal("", result.Kept.Tldr);
    }

    [Fact]
    public void A_number_present_only_in_the_references_is_not_found()
    {
        var result = Check("Prior work reports 93.7 on HellaSwag.");

        Assert.Equal(["93.7"], result.Unsupported.Select(c => c.Text));
    }

    [Fact]
    public void A_number_present_only_in_hidden_text_is_not_found()
    {
        var result = Check("RouteMoE reaches 99.9% on MMLU.");

        Assert.Equal(["99.9%"], result.Unsupported.Select(c => c.Text));
    }

    [Theory]
    [InlineData("It reaches 45.1 % on GSM8K.")]        // the paper writes 45.1\%
    [InlineData("It reaches 45.10% on GSM8K.")]        // trailing zero
    [InlineData("It runs 2.1x faster.")]               // the paper writes 2.1× and 2.1x
    [InlineData("It runs 2.1 times faster.")]
    [InlineData("It is trained on 1200B tokens.")]     // the paper writes 1,200B
    [InlineData("It is trained on 1,200 billion tokens.")]
    [InlineData("Mixtral-8x7B reaches 70.6% on MMLU.")] // a bare 70.6 in a table whose header carries the unit
    [InlineData("Memory use falls by 30-40%.")]        // the paper writes 30–40%
    [InlineData("Memory use falls by up to 40%.")]      // one end of the paper's range
    [InlineData("It uses 64 A100 GPUs for 11 days.")]
    [InlineData("An 8B baseline is compared.")]         // from Llama-3-8B
    [InlineData("Probes on ImageNet are reported.")]    // less specific than ImageNet-1k
    [InlineData("It compares against Llama 3 8B.")]
    [InlineData("Results are in Table 2 and Section 4.")] // pointers into the paper are not claims about it
    [InlineData("It runs on 8-bit hardware.")]          // the claim is the 8, and the paper has one
    public void Figures_and_names_written_differently_still_match(string sentence)
    {
        var result = Check("RouteMoE routes tokens to fewer experts.", sentence);

        Assert.Empty(result.Unsupported);
    }

    [Theory]
    [InlineData("It reaches 64% on MMLU.", "64%")]              // rounded: strict
    [InlineData("Half of the experts, 0.5, are idle.", "0.5")] // no 0.5 in the paper, whatever 50% means
    [InlineData("It reaches 64.3 accuracy points at 50% sparsity.", "50%")]
    [InlineData("It beats Mixtral-8x22B.", "Mixtral-8x22B")]
    [InlineData("It is trained on 1.2T tokens.", "1.2T")]      // 1,200B converted: strict
    [InlineData("It is compared on Natural Questions.", "Natural Questions")]
    [InlineData("Memory use falls by 30-50%.", "30-50%")]
    public void Claims_not_in_the_paper_are_unsupported(string sentence, string claim)
    {
        var result = Check("RouteMoE routes tokens to fewer experts.", sentence);

        Assert.Equal([claim], result.Unsupported.Select(c => c.Text));
    }

    [Theory]
    [InlineData("It beats GPT-4o.", true)]
    [InlineData("It beats GPT4o.", true)]              // hyphens and spaces inside a name do not matter
    [InlineData("It beats GPT-4.", false)]             // GPT-4o is another model
    [InlineData("It beats GPT-4o-mini.", false)]       // more specific than the paper
    [InlineData("It is probed on ImageNet.", true)]    // less specific than ImageNet-1k
    [InlineData("It is probed on Imagenet-1K.", true)] // case does not matter...
    [InlineData("It solves MATH.", false)]             // ...except that capitals must be capitals: "math" is not MATH
    [InlineData("It solves GSM8K.", false)]            // not across a full stop: "GSM. 8K"
    [InlineData("It trains a GAN.", true)]              // a plural "s" does not matter: the paper writes GANs
    [InlineData("Solving Math Word Problem is hard.", true)]
    public void Names_match_whole_and_in_order(string sentence, bool found)
    {
        var source = new GroundingSource(["We compare with GPT-4o on ImageNet-1k and solve math word problems.", "GSM. 8K", "Unlike GANs, it is stable."], []);

        var result = GroundingCheck.Check(new EntryText("", [sentence], ""), source);

        Assert.Equal(1, result.Checked);
        Assert.Equal(found, result.AllFound);
    }

    [Fact]
    public void Only_numbers_and_names_are_claims()
    {
        var claims = GroundingCheck.ClaimsIn(new EntryText(
            "Using LLMs on GPUs, RouteMoE-7B from Mistral AI beats the SOTA on MMLU by 3.2 points, reaching 64.3% with 7B parameters and 2.1× speed-ups across Natural Questions.",
            [],
            ""));

        Assert.Equal(
            [(ClaimKind.Number, "3.2"), (ClaimKind.Number, "64.3%"), (ClaimKind.Number, "7B"), (ClaimKind.Number, "2.1×"), (ClaimKind.Name, "RouteMoE-7B"), (ClaimKind.Name, "MMLU"), (ClaimKind.Name, "Natural Questions")],
            claims.Select(c => (c.Kind, c.Text)));
    }

    [Fact]
    public void A_text_without_claims_checks_nothing_and_keeps_everything()
    {
        var text = new EntryText("A careful study of routing.", ["The method is simple and the evaluation is honest."], "Worth a read.");

        var result = GroundingCheck.Check(text, Source);

        Assert.Equal((0, 0), (result.Found, result.Checked));
        Assert.Equal(text, result.Kept);
        Assert.True(result.AllFound);
    }

    [Fact]
    public void A_paragraph_left_without_sentences_is_dropped()
    {
        var text = new EntryText("RouteMoE reaches 64.3% on MMLU.", ["It reaches 81.0% on GSM8K.", "It is evaluated on HellaSwag."], "It invents BogusBench.");

        var result = GroundingCheck.Check(text, Source);

        Assert.Equal(["It is evaluated on HellaSwag."], result.Kept.Summary);
        Assert.Equal("", result.Kept.Commentary);
        Assert.Equal(["81.0%", "BogusBench"], result.Unsupported.Select(c => c.Text));
    }

    [Fact]
    public void Without_full_text_the_abstract_alone_grounds_claims()
    {
        var source = GroundingSource.For(WritingTestData.Paper(), evidence: null);

        var result = GroundingCheck.Check(new EntryText(WritingTestData.GoodTldr, ["It reaches 45.1% on GSM8K."], ""), source);

        Assert.Empty(result.In(EntryPart.Tldr));
        Assert.Equal(["45.1%", "GSM8K"], result.Unsupported.Select(c => c.Text));
    }

    [Fact]
    public void A_code_link_quoted_from_the_comment_is_grounded_in_it()
    {
        var paper = WritingTestData.Paper() with { Comment = "Code released at: https://github.com/TencentARC/GRPO-CARE" };
        var commentary = "Code: https://github.com/TencentARC/GRPO-CARE.";

        var grounded = GroundingCheck.Check(new EntryText(WritingTestData.GoodTldr, [], commentary), GroundingSource.For(paper, evidence: null));
        var withoutComment = GroundingCheck.Check(new EntryText(WritingTestData.GoodTldr, [], commentary), GroundingSource.For(paper with { Comment = null }, evidence: null));

        Assert.Equal(commentary, grounded.Kept.Commentary);
        Assert.Empty(grounded.Unsupported);
        Assert.Equal(["TencentARC", "GRPO-CARE"], withoutComment.Unsupported.Select(c => c.Text));
    }
}
