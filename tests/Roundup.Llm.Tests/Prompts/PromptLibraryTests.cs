using Roundup.Llm.Prompts;
using Roundup.Profiles;
using Roundup.Testing;

namespace Roundup.Llm.Tests.Prompts;

public sealed class PromptLibraryTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_built_in_prompts_load_with_their_placeholders()
    {
        var library = new PromptLibrary();

        Assert.Equal(["abstract.md", "evidence.md", "title.md"], library.Templates.Select(t => t.Name).Order(StringComparer.Ordinal));
        foreach (var template in library.Templates)
        {
            Assert.False(template.IsOverride);
            Assert.Equal(64, template.Hash.Length);
            Assert.All(new[] { "{{name}}", "{{criteria}}", "{{favoured}}", "{{disfavoured}}" }, p => Assert.Contains(p, template.Text, StringComparison.Ordinal));
        }

        Assert.Contains("drop only papers that are surely irrelevant; when unsure, keep", library.For(ChatStage.Title).Text, StringComparison.Ordinal);
        Assert.NotEqual(library.For(ChatStage.Title).Hash, library.For(ChatStage.Abstract).Hash);
    }

    [Fact]
    public void A_same_named_file_in_the_override_folder_replaces_the_built_in_prompt()
    {
        File.WriteAllText(_temp.File("title.md"), "My own title screen.\r\n");
        var builtIn = new PromptLibrary();

        var library = new PromptLibrary(_temp.Path);

        var title = library.For(ChatStage.Title);
        Assert.True(title.IsOverride);
        Assert.Equal("My own title screen.", title.Text);
        Assert.Equal(Path.GetFullPath(_temp.File("title.md")), title.Source);
        Assert.NotEqual(builtIn.For(ChatStage.Title).Hash, title.Hash);
        Assert.Equal(builtIn.For(ChatStage.Abstract), library.For(ChatStage.Abstract));
    }

    [Fact]
    public void A_missing_override_folder_means_the_built_in_prompts()
    {
        var library = new PromptLibrary(_temp.File("absent"));

        Assert.All(library.Templates, t => Assert.False(t.IsOverride));
    }

    [Fact]
    public void Rendering_fills_the_placeholders_from_the_profile()
    {
        var template = new PromptTemplate("t.md", "For {{name}}.\nCriteria:\n{{criteria}}\nLike:\n{{favoured}}\nAvoid:\n{{disfavoured}}", "test");
        var profile = new CuratorProfile
        {
            Name = "ML Weekly",
            Criteria = ["Cheaper training", "  "],
            FavouredTopics = ["inference", "optimisers"],
        };

        var text = template.Render(profile);

        Assert.Equal("For ML Weekly.\nCriteria:\n- Cheaper training\nLike:\n- inference\n- optimisers\nAvoid:\n- (none given)", text);
    }

    [Fact]
    public void An_unknown_prompt_name_is_an_error_that_lists_the_known_ones()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => new PromptLibrary().Get("skim.md"));

        Assert.Contains("abstract.md, evidence.md, title.md", error.Message, StringComparison.Ordinal);
    }
}
