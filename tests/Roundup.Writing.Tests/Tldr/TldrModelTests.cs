using Roundup.Testing;
using Roundup.Writing.Tldr;

namespace Roundup.Writing.Tests.Tldr;

public sealed class TldrModelTests
{
    [Fact]
    public void The_shipped_model_loads_from_the_assembly_with_the_current_features()
    {
        var model = TldrModel.Default;

        Assert.Equal(SentenceFeatures.Names, model.Weights.Features);
        Assert.Contains("SciTLDR", model.Weights.About, StringComparison.Ordinal);
        Assert.Equal(3, model.Weights.DevRouge.Count);
        Assert.Contains(model.Weights.Weights, w => w != 0);
    }

    [Fact]
    public void It_prefers_the_contribution_sentence_to_background_and_detail()
    {
        string[] sentences =
        [
            "Deep networks have recently been widely used in many applications.",
            "However, training them remains expensive.",
            "In this paper, we propose sparse gradient training, which cuts the cost of training deep networks.",
            "The learning rate was set to 0.001 for all runs.",
        ];

        var model = TldrModel.Default;

        Assert.Equal(2, model.Pick("Sparse Gradient Training for Deep Networks", sentences));
        Assert.Equal("We propose sparse gradient training, which cuts the cost of training deep networks.", model.Tldr("Sparse Gradient Training for Deep Networks", sentences));
        Assert.Equal(-1, model.Pick("Empty", []));
    }

    [Fact]
    public void A_model_trained_on_other_features_is_refused()
    {
        var json = TldrModel.Default.ToJson().Replace("\"first\"", "\"lead\"", StringComparison.Ordinal);

        var e = Assert.Throws<InvalidDataException>(() => TldrModel.FromJson(json));
        Assert.Contains("retrain", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Retraining_on_scitldr_reproduces_the_shipped_model()
    {
        var folder = SharedData.Require("summaries/scitldr");

        var retrained = TldrModelTrainer.TrainFromFolder(folder).Weights;
        var shipped = TldrModel.Default.Weights;

        TestContext.Current.SendDiagnosticMessage($"retrained: temperature {retrained.Temperature}, L2 {retrained.L2}, {retrained.Cleaning}, dev ROUGE {string.Join(" / ", retrained.DevRouge)}");
        Assert.Equal(shipped.Temperature, retrained.Temperature);
        Assert.Equal(shipped.L2, retrained.L2);
        Assert.Equal(shipped.Cleaning, retrained.Cleaning);
        Assert.All(shipped.Weights.Zip(retrained.Weights), w => Assert.Equal(w.First, w.Second, 1e-4));
        Assert.All(shipped.Means.Zip(retrained.Means), m => Assert.Equal(m.First, m.Second, 1e-4));
        Assert.All(shipped.DevRouge.Zip(retrained.DevRouge), r => Assert.Equal(r.First, r.Second, 0.05));
    }
}
