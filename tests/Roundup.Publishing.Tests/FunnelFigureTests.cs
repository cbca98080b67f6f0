using System.Globalization;
using System.Xml.Linq;
using Roundup.Issues;
using Roundup.Publishing.Archive;

namespace Roundup.Publishing.Tests;

public sealed class FunnelFigureTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Each_stage_is_labelled_with_its_counts_and_budget()
    {
        var svg = XElement.Parse(FunnelFigure.Svg(SampleIssues.Funnel));
        var stages = svg.Elements(Svg + "g").ToList();
        Assert.Equal(5, stages.Count);
        for (var i = 0; i < stages.Count; i++)
        {
            var texts = stages[i].Elements(Svg + "text").Select(t => t.Value).ToList();
            var f = SampleIssues.Funnel[i];
            Assert.Equal(f.Stage, texts[0]);
            Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"{f.Entered:N0} → {f.Kept:N0}"), texts[1]);
            Assert.Equal("Budget: " + f.Budget, texts[2]);
        }

        Assert.StartsWith("3,030 → 1,060 → 150 → 50 → 30 → 15", svg.Elements(Svg + "text").First().Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Kept_bars_shrink_down_the_funnel_and_never_vanish()
    {
        var svg = XElement.Parse(FunnelFigure.Svg(SampleIssues.Funnel));
        var kept = svg.Elements(Svg + "g")
            .Select(g => double.Parse(g.Elements(Svg + "rect").Last().Attribute("width")!.Value, CultureInfo.InvariantCulture))
            .ToList();
        Assert.Equal(kept.OrderDescending(), kept);
        Assert.All(kept, w => Assert.True(w > 20, $"a kept bar is {w}px wide"));
    }

    [Fact]
    public void Impossible_counts_are_errors_naming_the_stage()
    {
        var error = Assert.Throws<ArgumentException>(() => FunnelFigure.Svg([new("scope", 10, 5, "b"), new("title", 5, 9, "b")]));
        Assert.Contains("stage 2 ('title')", error.Message, StringComparison.Ordinal);
        Assert.Contains("kept 9 is more than entered 5", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => FunnelFigure.Svg([new("scope", -1, 0, "b")]));
    }

    [Fact]
    public void An_empty_funnel_says_so()
    {
        var svg = XElement.Parse(FunnelFigure.Svg(Array.Empty<FunnelCount>()));
        Assert.Contains("No funnel was recorded", svg.Value, StringComparison.Ordinal);
    }
}
