using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using Roundup.Ranking.Taste.Signals;

namespace Roundup.Ranking.Taste.Training;

/// <summary>
/// Learning to rank, for comparison with the taste's logistic regression: FastTree's LambdaMART (ML.NET) over the
/// same signals, rows grouped by listing day, graded labels (a paper in a weekly top ten above one with upvotes above
/// one on a day list above the rest). <c>roundup eval --ablation</c> measures it; the taste keeps what validates better.
/// </summary>
public static class GradedRanker
{
    public static Func<IReadOnlyList<PaperReading>, double[]> Train(IReadOnlyList<TasteSignal> signals, IReadOnlyList<PaperReading> readings, IReadOnlyList<int> grades, IReadOnlyList<DateOnly> days, int seed)
    {
        var ml = new MLContext(seed);
        var schema = SchemaDefinition.Create(typeof(GradedRow));
        schema[nameof(GradedRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, signals.Count);
        var rows = readings.Select((r, i) => new GradedRow { Label = grades[i], Day = (uint)days[i].DayNumber, Features = [.. signals.Select(s => s.Read(r))] })
            .OrderBy(r => r.Day).ToList();
        var data = ml.Data.LoadFromEnumerable(rows, schema);
        var groups = ml.Transforms.Conversion.MapValueToKey("Group", nameof(GradedRow.Day)).Fit(data);
        var model = ml.Ranking.Trainers.FastTree(new FastTreeRankingTrainer.Options
        {
            LabelColumnName = nameof(GradedRow.Label),
            FeatureColumnName = nameof(GradedRow.Features),
            RowGroupColumnName = "Group",
            NumberOfLeaves = 8,
            MinimumExampleCountPerLeaf = 10,
            NumberOfTrees = 200,
            LearningRate = 0.05,
            NumberOfThreads = 1,
        }).Fit(groups.Transform(data));
        return test =>
        {
            var view = ml.Data.LoadFromEnumerable(test.Select(r => new GradedRow { Day = 0, Features = [.. signals.Select(s => s.Read(r))] }), schema);
            return [.. model.Transform(groups.Transform(view)).GetColumn<float>("Score").Select(s => (double)s)];
        };
    }

    private sealed class GradedRow
    {
        public float Label { get; set; }

        public uint Day { get; set; }

        public float[] Features { get; set; } = [];
    }
}
