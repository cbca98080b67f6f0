using Roundup.Ranking.Taste.History;

namespace Roundup.Ranking.Tests.Taste;

public sealed class CodeOwnersTests
{
    [Theory]
    [InlineData("Code: https://github.com/TencentARC/GRPO-CARE", "github.com/tencentarc")]
    [InlineData("see gitlab.com/inria/project and https://huggingface.co/nvidia/model", "gitlab.com/inria|huggingface.co/nvidia")]
    [InlineData("Project page: https://vincie2025.github.io/", "vincie2025.github.io")]
    [InlineData("https://huggingface.co/papers/2506.01234 and huggingface.co/datasets/x/y", "")]
    [InlineData("no links here", "")]
    [InlineData(null, "")]
    public void The_owner_of_each_code_or_page_link_is_read(string? text, string owners) =>
        Assert.Equal(owners, string.Join('|', CodeOwners.In(text)));
}
