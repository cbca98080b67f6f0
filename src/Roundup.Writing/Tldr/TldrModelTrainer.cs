using Roundup.Writing.Rouge;

namespace Roundup.Writing.Tldr;

/// <summary>
/// Trains the TL;DR scorer on SciTLDR (Cachola et al., 2020, Apache-2.0): a linear score over
/// <see cref="SentenceFeatures"/>, softmax-normalised within each abstract and fitted so that the sentences closest to
/// the human TL;DRs (mean of ROUGE-1/2/L F1) get the most weight. Train fits, dev chooses the target softness, the L2
/// penalty and the clean-ups; test is never read here. Deterministic: Newton steps from zero weights.
/// </summary>
public static class TldrModelTrainer
{
    public static readonly IReadOnlyList<double> Temperatures = [0.05, 0.1, 0.2, 0.5, 1];

    public static readonly IReadOnlyList<double> L2Penalties = [1e-4, 1e-3, 1e-2];

    public static readonly IReadOnlyList<TldrCleaning> CleaningChoices =
    [
        TldrCleaning.None, TldrCleaning.Openers, TldrCleaning.Citations, TldrCleaning.Openers | TldrCleaning.Citations,
        TldrCleaning.Parentheses, TldrCleaning.Openers | TldrCleaning.Parentheses,
    ];

    private const int MaxNewtonSteps = 50;

    /// <summary>Trains from a SciTLDR-A folder's train and dev files.</summary>
    public static TldrModel TrainFromFolder(string folder, Action<string>? log = null) =>
        Train(SciTldrFile.ReadSplit(folder, "train"), SciTldrFile.ReadSplit(folder, "dev"), log);

    public static TldrModel Train(IReadOnlyList<SciTldrPaper> train, IReadOnlyList<SciTldrPaper> dev, Action<string>? log = null)
    {
        var trainSet = train.Select(Prepare).Where(p => p.Features.Length > 0).ToList();
        var devSet = dev.Select(Prepare).Where(p => p.Features.Length > 0).ToList();
        if (trainSet.Count == 0 || devSet.Count == 0)
        {
            throw new ArgumentException("training needs papers in both train and dev");
        }

        var (means, scales) = Standardisation(trainSet);
        TldrModelWeights? best = null;
        var bestDev = double.MinValue;
        foreach (var temperature in Temperatures)
        {
            foreach (var l2 in L2Penalties)
            {
                var weights = Fit(trainSet, means, scales, temperature, l2);
                var candidate = Weights(means, scales, weights, temperature, l2, TldrCleaning.None, []);
                var model = new TldrModel(candidate);
                var devRouge1 = devSet.Average(p => p.Rouge[Pick(model, p)].Rouge1);
                log?.Invoke($"temperature {temperature}, L2 {l2}: dev ROUGE-1 of the pick {devRouge1 * 100:F2}");
                if (devRouge1 > bestDev)
                {
                    (best, bestDev) = (candidate, devRouge1);
                }
            }
        }

        var chosen = new TldrModel(best!);
        var picks = devSet.Select(p => Pick(chosen, p)).ToList();
        var (cleaning, devRouge) = (TldrCleaning.None, (IReadOnlyList<double>)[]);
        foreach (var option in CleaningChoices)
        {
            var scores = devSet.Select((p, i) => RougeScorer.ScoreBest(RougeTokenizer.Tokenize(TldrCleaner.Clean(p.Paper.Sentences[picks[i]], option)), p.Targets)).ToList();
            IReadOnlyList<double> figures = [Percent(scores.Average(s => s.Rouge1)), Percent(scores.Average(s => s.Rouge2)), Percent(scores.Average(s => s.RougeL))];
            log?.Invoke($"clean-up {option}: dev ROUGE-1/2/L {figures[0]:F2} / {figures[1]:F2} / {figures[2]:F2}");
            if (devRouge.Count == 0 || figures[0] > devRouge[0])
            {
                (cleaning, devRouge) = (option, figures);
            }
        }

        return new TldrModel(best! with { Cleaning = cleaning, DevRouge = devRouge });
    }

    private static int Pick(TldrModel model, PreparedPaper paper)
    {
        var best = 0;
        var bestScore = double.MinValue;
        for (var i = 0; i < paper.Features.Length; i++)
        {
            var score = model.Score(paper.Features[i]);
            if (score > bestScore)
            {
                (best, bestScore) = (i, score);
            }
        }

        return best;
    }

    private static PreparedPaper Prepare(SciTldrPaper paper)
    {
        var targets = paper.Targets.Select(t => (IReadOnlyList<string>)RougeTokenizer.Tokenize(t)).ToList();
        var rouge = paper.Sentences.Select(s => RougeScorer.ScoreBest(RougeTokenizer.Tokenize(s), targets)).ToArray();
        return new PreparedPaper(paper, SentenceFeatures.Compute(paper.Title, paper.Sentences), rouge, targets);
    }

    private static (double[] Means, double[] Scales) Standardisation(List<PreparedPaper> papers)
    {
        var rows = papers.SelectMany(p => p.Features).ToList();
        var d = SentenceFeatures.Names.Count;
        var means = Enumerable.Range(0, d).Select(k => Round(rows.Average(r => r[k]))).ToArray();
        var scales = Enumerable.Range(0, d).Select(k =>
        {
            var sd = Math.Sqrt(rows.Average(r => (r[k] - means[k]) * (r[k] - means[k])));
            return Round(sd > 1e-9 ? sd : 1);
        }).ToArray();
        return (means, scales);
    }

    /// <summary>
    /// Minimises the cross-entropy between each abstract's softmax and its ROUGE-softmax targets, plus L2, by Newton's
    /// method with step halving: the problem is convex and has a few dozen weights, so it converges in a few steps.
    /// </summary>
    private static double[] Fit(List<PreparedPaper> papers, double[] means, double[] scales, double temperature, double l2)
    {
        var d = means.Length;
        var x = papers.Select(p => p.Features.Select(f => f.Select((v, k) => (v - means[k]) / scales[k]).ToArray()).ToArray()).ToList();
        var targets = papers.Select(p => Softmax(p.Rouge.Select(r => r.Mean / temperature).ToArray())).ToList();
        var w = new double[d];
        var loss = Loss(x, targets, w, l2);
        for (var iteration = 0; iteration < MaxNewtonSteps; iteration++)
        {
            var (gradient, hessian) = Derivatives(x, targets, w, l2);
            var step = Solve(hessian, gradient);
            var scale = 1.0;
            double[] next;
            double nextLoss;
            do
            {
                next = w.Select((v, k) => v - (scale * step[k])).ToArray();
                nextLoss = Loss(x, targets, next, l2);
                scale /= 2;
            }
            while (nextLoss > loss && scale > 1e-6);

            var improvement = loss - nextLoss;
            (w, loss) = nextLoss <= loss ? (next, nextLoss) : (w, loss);
            if (improvement < 1e-10)
            {
                break;
            }
        }

        return w;
    }

    private static double Loss(List<double[][]> x, List<double[]> targets, double[] w, double l2)
    {
        var loss = 0.0;
        for (var n = 0; n < x.Count; n++)
        {
            var scores = x[n].Select(row => Dot(w, row)).ToArray();
            var max = scores.Max();
            var logSum = max + Math.Log(scores.Sum(s => Math.Exp(s - max)));
            for (var i = 0; i < scores.Length; i++)
            {
                loss -= targets[n][i] * (scores[i] - logSum);
            }
        }

        return (loss / x.Count) + (l2 / 2 * w.Sum(v => v * v));
    }

    private static (double[] Gradient, double[,] Hessian) Derivatives(List<double[][]> x, List<double[]> targets, double[] w, double l2)
    {
        var d = w.Length;
        var gradient = w.Select(v => l2 * v).ToArray();
        var hessian = new double[d, d];
        for (var k = 0; k < d; k++)
        {
            hessian[k, k] = l2;
        }

        var mean = new double[d];
        for (var n = 0; n < x.Count; n++)
        {
            var p = Softmax(x[n].Select(row => Dot(w, row)).ToArray());
            Array.Clear(mean);
            for (var i = 0; i < p.Length; i++)
            {
                var row = x[n][i];
                var diff = (p[i] - targets[n][i]) / x.Count;
                for (var k = 0; k < d; k++)
                {
                    gradient[k] += diff * row[k];
                    mean[k] += p[i] * row[k];
                }
            }

            // The Hessian of a softmax's log-likelihood is the covariance of the features under it.
            for (var i = 0; i < p.Length; i++)
            {
                var row = x[n][i];
                var weight = p[i] / x.Count;
                for (var a = 0; a < d; a++)
                {
                    for (var b = 0; b < d; b++)
                    {
                        hessian[a, b] += weight * (row[a] - mean[a]) * (row[b] - mean[b]);
                    }
                }
            }
        }

        return (gradient, hessian);
    }

    /// <summary>Solves H s = g by Gaussian elimination with partial pivoting (H is symmetric positive definite).</summary>
    private static double[] Solve(double[,] hessian, double[] gradient)
    {
        var d = gradient.Length;
        var a = (double[,])hessian.Clone();
        var b = (double[])gradient.Clone();
        for (var col = 0; col < d; col++)
        {
            var pivot = Enumerable.Range(col, d - col).MaxBy(r => Math.Abs(a[r, col]));
            if (pivot != col)
            {
                for (var k = 0; k < d; k++)
                {
                    (a[col, k], a[pivot, k]) = (a[pivot, k], a[col, k]);
                }

                (b[col], b[pivot]) = (b[pivot], b[col]);
            }

            for (var r = col + 1; r < d; r++)
            {
                var factor = a[r, col] / a[col, col];
                for (var k = col; k < d; k++)
                {
                    a[r, k] -= factor * a[col, k];
                }

                b[r] -= factor * b[col];
            }
        }

        var s = new double[d];
        for (var r = d - 1; r >= 0; r--)
        {
            var sum = b[r];
            for (var k = r + 1; k < d; k++)
            {
                sum -= a[r, k] * s[k];
            }

            s[r] = sum / a[r, r];
        }

        return s;
    }

    private static TldrModelWeights Weights(double[] means, double[] scales, double[] weights, double temperature, double l2, TldrCleaning cleaning, IReadOnlyList<double> dev) => new()
    {
        About = "TL;DR sentence scorer trained by Roundup's TldrModelTrainer on SciTLDR-A train, settings chosen on dev " +
                "(Cachola et al., 2020, \"TLDR: Extreme Summarization of Scientific Documents\", Apache-2.0). " +
                "Score = sum of weights * (feature - mean) / scale; the highest-scoring sentence of an abstract is the TL;DR.",
        Features = SentenceFeatures.Names,
        Means = means,
        Scales = scales,
        Weights = weights.Select(Round).ToArray(),
        Temperature = temperature,
        L2 = l2,
        Cleaning = cleaning,
        DevRouge = dev,
    };

    private static double[] Softmax(double[] scores)
    {
        var max = scores.Max();
        var exp = scores.Select(s => Math.Exp(s - max)).ToArray();
        var sum = exp.Sum();
        return exp.Select(e => e / sum).ToArray();
    }

    private static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var k = 0; k < a.Length; k++)
        {
            sum += a[k] * b[k];
        }

        return sum;
    }

    private static double Round(double value) => Math.Round(value, 6);

    private static double Percent(double value) => Math.Round(value * 100, 2);

    private sealed record PreparedPaper(SciTldrPaper Paper, double[][] Features, RougeScores[] Rouge, IReadOnlyList<IReadOnlyList<string>> Targets);
}
