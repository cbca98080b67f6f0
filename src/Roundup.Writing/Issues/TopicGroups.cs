using Roundup.Selection;

namespace Roundup.Writing.Issues;

/// <summary>
/// Groups the picks into the issue's sections by the closest of a fixed list of machine-learning themes (by
/// embedding similarity of the paper's title and abstract to the theme's description). Sections come in order of
/// their best pick's rank, so the issue still opens with its strongest paper.
/// </summary>
public static class TopicGroups
{
    /// <summary>Section name and the description it is matched by.</summary>
    public static readonly IReadOnlyList<(string Topic, string Description)> Themes =
    [
        ("Language models", "large language models, instruction tuning, reasoning, prompting, text generation, chat assistants"),
        ("Vision", "computer vision, image classification, object detection, segmentation, video understanding"),
        ("Multimodal models", "vision-language models, multimodal learning, image captioning, visual question answering"),
        ("Generative models", "diffusion models, image generation, video generation, generative adversarial networks, flow matching"),
        ("Agents and reinforcement learning", "reinforcement learning, agents, planning, policy optimisation, reward models, robotics"),
        ("Efficiency and systems", "efficient training and inference, quantization, pruning, distillation, speed-ups, memory, hardware kernels"),
        ("Understanding deep learning", "theory of deep learning, interpretability, scaling laws, optimisation dynamics, generalisation, analysis"),
        ("Evaluation and data", "benchmarks, datasets, evaluation methodology, data curation, annotation"),
        ("Safety and robustness", "alignment, safety, adversarial robustness, privacy, fairness, jailbreaks"),
    ];

    /// <summary>Indices of <paramref name="texts"/> grouped by theme, each group in input order.</summary>
    public static IReadOnlyList<(string Topic, IReadOnlyList<int> Members)> Group(IEmbedder embedder, IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        if (texts.Count == 0)
        {
            return [];
        }

        var themes = embedder.Embed(Themes.Select(t => $"{t.Topic}: {t.Description}").ToList(), cancellationToken);
        var papers = embedder.Embed(texts, cancellationToken);
        var best = papers.Select(v => Enumerable.Range(0, themes.Length).MaxBy(t => Dot(v, themes[t]))).ToList();
        return Enumerable.Range(0, texts.Count)
            .GroupBy(i => best[i])
            .OrderBy(g => g.Min())
            .Select(g => (Themes[g.Key].Topic, (IReadOnlyList<int>)g.ToList()))
            .ToList();
    }

    public static double Dot(float[] a, float[] b)
    {
        double sum = 0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}
