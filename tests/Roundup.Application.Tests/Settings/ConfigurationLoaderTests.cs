using Roundup.Application.Settings;

namespace Roundup.Application.Tests.Settings;

public sealed class ConfigurationLoaderTests
{
    [Fact]
    public void A_front_ends_overrides_are_bound_like_any_other_key()
    {
        var (options, errors, _) = ConfigurationLoader.Load(null, [new("Selection:FullText:Offline", "true"), new("Selection:FullTextDir", "/tmp/papers")]);

        Assert.Empty(errors);
        Assert.True(options.Selection.FullText.Offline);
        Assert.Equal("/tmp/papers", options.Selection.FullTextDir);
    }

    [Fact]
    public void Overrides_are_validated_with_the_rest()
    {
        var (_, errors, _) = ConfigurationLoader.Load(null, [new("Selection:Taste", "mine")]);

        Assert.Contains(errors, e => e.Contains("Selection:Taste must be auto, default or profile", StringComparison.Ordinal));
    }

    [Fact]
    public void Configured_stages_bind_straight_into_the_funnels_stage_options()
    {
        var (options, errors, _) = ConfigurationLoader.Load(null,
        [
            new("Selection:Stages:0:Name", "title"),
            new("Selection:Stages:0:Keep", "40"),
            new("Selection:Stages:0:Scorers:rubric", "1"),
        ]);

        Assert.Empty(errors);
        var stage = Assert.Single(options.Selection.EffectiveStages);
        Assert.Equal(("title", 40, 1.0), (stage.Name, stage.Keep, stage.Scorers["rubric"]));
    }
}
