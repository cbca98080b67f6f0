using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Roundup.Ranking.Learning;
using Roundup.Ranking.Taste.History;
using Roundup.Ranking.Taste.Model;
using Roundup.Ranking.Taste.Signals;
using Roundup.Ranking.Taste.Text;
using Roundup.Selection;

namespace Roundup.Ranking.Taste.Training;

/// <summary>
/// Trains a <see cref="TasteModel"/>. Every listing row is read as of the Monday of its week, against the history
/// known before then, exactly as a paper of a later week will be read: a row never sees its own pick, and old and
/// new rows are judged alike. One logistic regression (ML.NET L-BFGS, classes balanced) per level read, with and
/// without the reputation signals. On top of a basis (the shipped default), each regression also reads the basis's
/// margin and learns the basis's judgement, as soft labels, of a sample of the basis's own training rows and of the
/// curator's rows, beside the curator's labels; it is then folded back into one linear model over the signals: a
/// curator with few picks keeps the default's judgement, one with many picks moves away from it. A model trained
/// without a basis keeps such a sample of its own rows (<see cref="ReferenceRows"/>).
/// </summary>
public static class TasteTrainer
{
    /// <param name="off">Signal groups left out of every regression (to measure what each adds).</param>
    public static TasteModel Train(TasteTrainingSet set, IEmbedder embedder, TasteSettings settings, string kind, TasteModel? basis = null, IReadOnlyCollection<SignalGroup>? off = null, CancellationToken cancellationToken = default)
    {
        var rowDays = set.Rows.Select(r => WeekStart(r.Date)).ToList();
        var featuredEnd = set.Featured.Count == 0 ? (DateOnly?)null : set.Featured.Max(f => f.Date);
        var historyEnd = new[] { featuredEnd, basis?.History.End }.Max() ?? DateOnly.MinValue.AddDays(settings.MemoryDays + 1);
        var memoryFrom = (rowDays.Count == 0 ? historyEnd.AddDays(1) : new[] { rowDays.Min(), historyEnd.AddDays(1) }.Min()).AddDays(-settings.MemoryDays);
        var history = TasteHistoryBuilder.Build(
            set.Featured,
            f => f.Source == TasteTrainingSet.CuratorSource ? settings.CuratorWeight : settings.PopularityWeight(f.Grade),
            titles => embedder.Embed(titles, cancellationToken),
            memoryFrom,
            basis?.History);

        var picks = set.Rows.Count(r => r.Picked);
        IReadOnlyDictionary<string, Combiner> combiners;
        TextScore? text = null;
        ReferenceRows? reference = null;
        if (picks > 0 && picks < set.Rows.Count)
        {
            var vectors = embedder.Embed([.. set.Rows.Select(r => r.Paper.Title)], cancellationToken);
            double[] textScores = new double[set.Rows.Count];
            if (settings.TextScore != TextScoreKind.None)
            {
                (text, textScores) = TextScores(set, vectors, rowDays, historyEnd, embedder, settings, cancellationToken);
            }

            var readings = set.Rows.Select((r, i) => PaperReading.Read(r.Paper, vectors[i], rowDays[i], history, settings, textScores[i])).ToList();
            var labels = set.Rows.Select(r => r.Picked).ToList();
            combiners = Variants
                .ToDictionary(
                    x => TasteModel.CombinerKey(x.level, x.reputation),
                    x => Fit(TasteSignals.For(x.level, [.. off ?? [], .. x.reputation ? Array.Empty<SignalGroup>() : [SignalGroup.Reputation]], settings.TextScore), readings, labels, settings, basis?.CombinerFor(x.level, x.reputation), basis?.Reference),
                    StringComparer.Ordinal);
            if (basis is null)
            {
                var all = TasteSignals.For(TasteLevel.Abstract, [], settings.TextScore);
                reference = ReferenceRows.Sample([.. all.Select(s => s.Name)], [.. readings.Select(r => all.Select(s => s.Read(r)).ToArray())], labels);
            }
        }
        else if (basis is not null)
        {
            // Nothing to fit (no rows, or only one class): the curator's picks still join the history.
            combiners = basis.Combiners;
            text = basis.Text;
            settings = settings with { TextScore = basis.Settings.TextScore };
        }
        else
        {
            throw new ArgumentException($"training needs both picked and unpicked papers among the listing rows ({picks} of {set.Rows.Count} picked)", nameof(set));
        }

        var info = new TasteModelInfo
        {
            Kind = kind,
            Sources = set.Sources,
            Rows = set.Rows.Count,
            Picks = picks,
            FirstRowDate = set.Rows.Count == 0 ? null : set.Rows.Min(r => r.Date),
            LastRowDate = set.Rows.Count == 0 ? null : set.Rows.Max(r => r.Date),
            Featured = set.Featured.Select(f => f.Id).Distinct().Count(),
            HistoryStart = set.Featured.Count == 0 ? null : set.Featured.Min(f => f.Date),
            HistoryEnd = featuredEnd,
            Basis = basis?.Hash,
            EmbeddingModel = embedder.Model,
        };
        var (_, hash) = TasteModelFile.Serialize(info, settings, history, combiners, text, reference);
        return new TasteModel(info, settings, history, combiners, text, reference, hash);
    }

    private static readonly (TasteLevel level, bool reputation)[] Variants =
        [(TasteLevel.Title, true), (TasteLevel.Title, false), (TasteLevel.Abstract, true), (TasteLevel.Abstract, false)];

    /// <summary>Papers read against a model's history, each as of its own week, with the model's text score.</summary>
    public static IReadOnlyList<PaperReading> Read(IReadOnlyList<Roundup.Papers.Paper> papers, TasteModel model, IEmbedder embedder, CancellationToken cancellationToken = default)
    {
        var vectors = embedder.Embed([.. papers.Select(p => p.Title)], cancellationToken);
        return [.. papers.Select((p, i) => PaperReading.Read(p, vectors[i], model.AsOf(p), model.History, model.Settings, model.Text?.Score(p, vectors[i]) ?? 0))];
    }

    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>
    /// The text score for scoring later weeks (trained on the history's last days and every unpicked row), and each
    /// row's score from a model that did not see the row: rows are scored fold by fold (a week a fold, or two halves of
    /// a single week), each fold by a score trained on the papers featured before its week and the other folds' rows.
    /// </summary>
    private static (TextScore Final, double[] RowScores) TextScores(TasteTrainingSet set, float[][] rowVectors, List<DateOnly> rowDays, DateOnly historyEnd, IEmbedder embedder, TasteSettings settings, CancellationToken cancellationToken)
    {
        var featured = set.Featured.Where(f => f.Title.Length > 0 && f.Date > historyEnd.AddDays(-settings.TextScoreDays))
            .GroupBy(f => f.Id).Select(g => g.MaxBy(f => f.Abstract.Length)!).OrderBy(f => f.Date).ThenBy(f => f.Id).ToList();
        var featuredVectors = settings.TextScore == TextScoreKind.TitleEmbedding ? embedder.Embed([.. featured.Select(f => f.Title)], cancellationToken) : new float[featured.Count][];
        var weeks = rowDays.Distinct().Order().ToList();
        var fold = set.Rows.Select((r, i) => weeks.Count > 1 ? weeks.IndexOf(rowDays[i]) : (int)(PaperFingerprint.Of(r.Paper.Id) & 1)).ToArray();
        var scores = new double[set.Rows.Count];
        foreach (var k in fold.Distinct().Order())
        {
            var inFold = Enumerable.Range(0, set.Rows.Count).Where(i => fold[i] == k).ToList();
            var foldIds = inFold.Select(i => set.Rows[i].Paper.Id).ToHashSet();
            var before = inFold.Min(i => rowDays[i]);
            var picked = featured.Select((f, j) => (f, j)).Where(x => x.f.Date < before && !foldIds.Contains(x.f.Id)).Select(x => (x.f.ToPaper(), featuredVectors[x.j])).ToList();
            var unpicked = Enumerable.Range(0, set.Rows.Count).Where(i => fold[i] != k && !set.Rows[i].Picked).Select(i => (set.Rows[i].Paper, rowVectors[i])).ToList();
            if (picked.Count == 0 || unpicked.Count == 0)
            {
                continue;
            }

            var model = TextScoreTrainer.Train(settings.TextScore, picked, unpicked, settings.Seed);
            foreach (var i in inFold)
            {
                scores[i] = model.Score(set.Rows[i].Paper, rowVectors[i]);
            }
        }

        var final = TextScoreTrainer.Train(
            settings.TextScore,
            [.. featured.Select((f, j) => (f.ToPaper(), featuredVectors[j]))],
            [.. set.Rows.Select((r, i) => (r, i)).Where(x => !x.r.Picked).Select(x => (x.r.Paper, rowVectors[x.i]))],
            settings.Seed);
        return (final, scores);
    }

    private static Combiner Fit(IReadOnlyList<TasteSignal> signals, List<PaperReading> readings, List<bool> labels, TasteSettings settings, Combiner? basis, ReferenceRows? basisRows)
    {
        var raw = readings.Select(r => signals.Select(s => s.Read(r)).ToArray()).ToList();
        var basisIndex = basis?.Signals.Select(name => signals.ToList().FindIndex(s => s.Name == name)).ToArray();
        if (basisIndex is not null && basisIndex.Any(i => i < 0))
        {
            basisIndex = null;   // the basis reads a signal this catalogue no longer has: learn without it
        }

        // On top of a basis, its margin is one more column, and the basis's own sample of what it learned from and the
        // curator's rows are all shown as the basis judges them (soft labels: "a pick" weighing p, "not a pick" 1 − p),
        // as much in all as the curator's own labels. The column carries the basis's judgement into directions the
        // curator's rows do not vary in, the sample keeps it over papers their listings lack, and the soft labels keep
        // its weight. Few picks leave the basis nearly as it was; many move it.
        float[] WithMargin(float[] x) => [.. x, (float)basis!.Margin([.. basisIndex!.Select(i => x[i])])];
        var columns = basisIndex is null ? raw : raw.Select(WithMargin).ToList();
        var sample = basisIndex is null || basisRows is null
            ? []
            : basisRows.For([.. signals.Select(s => s.Name)]).Where(r => basisIndex.All(i => r[i] is not null)).ToList();
        var (means, scales) = Moments(columns);
        var soft = columns.Concat(sample.Select(r => WithMargin([.. r.Select((v, j) => v ?? means[j])]))).ToList();
        var (positive, negative) = Rows.BalancedWeights(labels.Count(l => l), labels.Count);
        LabelledRow Row(float[] x, bool label, float weight) => new()
        {
            Label = label,
            Weight = weight,
            Features = new VBuffer<float>(x.Length, [.. x.Select((v, j) => (v - means[j]) / scales[j])]),
        };
        var rows = columns.Select((x, n) => Row(x, labels[n], labels[n] ? positive : negative)).ToList();
        if (basisIndex is not null)
        {
            var each = (float)columns.Count / soft.Count;
            foreach (var x in soft)
            {
                var p = Combiner.Probability(x[^1]);
                rows.Add(Row(x, true, (float)p * each));
                rows.Add(Row(x, false, (float)(1 - p) * each));
            }
        }

        var ml = new MLContext(settings.Seed);
        var data = Rows.Load(ml, rows, columns[0].Length);
        var fitted = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            LabelColumnName = nameof(LabelledRow.Label),
            FeatureColumnName = nameof(LabelledRow.Features),
            ExampleWeightColumnName = nameof(LabelledRow.Weight),
            L2Regularization = signals.All(s => s.Level == TasteLevel.Title) ? settings.TitleL2Regularization : settings.L2Regularization,
            L1Regularization = 0,
            NumberOfThreads = 1,
        }).Fit(data);
        var linear = LinearModel.From(fitted);

        // p = 1/(1 + e^(slope·m + offset)): fold the calibration into the margin, so p = 1/(1 + e^−margin).
        var weights = linear.Weights.Select(w => (float)(-linear.Slope * w)).ToArray();
        var bias = (double)((-linear.Slope * linear.Bias) - linear.Offset);
        var width = signals.Count;
        if (basisIndex is not null)
        {
            // margin = bias + Σ w·z + w_b·(m_B − μ_b)/σ_b, and m_B is the basis's own linear model: fold it into the signals.
            var b = weights[width] / scales[width];
            bias += b * (basis!.Bias - means[width]);
            for (var k = 0; k < basisIndex.Length; k++)
            {
                var j = basisIndex[k];
                weights[j] += (float)(b * basis.Weights[k] * scales[j] / basis.Scales[k]);
                bias += b * basis.Weights[k] * (means[j] - basis.Means[k]) / basis.Scales[k];
            }
        }

        return new Combiner([.. signals.Select(s => s.Name)], means[..width], scales[..width], weights[..width], (float)bias);
    }

    private static (float[] Means, float[] Scales) Moments(List<float[]> rows)
    {
        var width = rows[0].Length;
        var means = new float[width];
        var scales = new float[width];
        for (var j = 0; j < width; j++)
        {
            var mean = rows.Average(r => (double)r[j]);
            var variance = rows.Average(r => (r[j] - mean) * (r[j] - mean));
            means[j] = (float)mean;
            scales[j] = variance > 1e-12 ? (float)Math.Sqrt(variance) : 1f;
        }

        return (means, scales);
    }
}
