namespace Roundup.Application.Profiles;

/// <summary>The profile <c>roundup init</c> writes: the model curator's taste, with comments saying what each key does.</summary>
public static class DefaultProfile
{
    public const string Yaml = """
        # Roundup curator profile: what you pick, in your words. `roundup select` reads it on every run;
        # editing it reruns selection for the week. Errors are reported with their line numbers.

        # The newsletter's name, used in prompts and in the issue.
        name: Roundup

        # What makes a paper worth featuring. Each line is compared with every paper (by meaning, not keywords).
        criteria:
          - Improves our understanding of deep learning, why models work, fail, generalise or scale
          - Shows empirical gains in accuracy on vision or language tasks over strong baselines
          - Shows empirical gains in speed, memory or cost of training or inference for vision or language models
          - Practical methods practitioners can use now, or promising new directions with convincing evidence

        # Topics to lean towards, and topics to lean away from.
        favoured_topics:
          - large language models
          - vision transformers and image recognition
          - efficient training and inference
          - scaling laws and analysis of neural networks
          - multimodal vision-language models
        disfavoured_topics:
          - survey without new results
          - narrow application with no general lesson

        # Papers you would have picked, by arXiv id: new papers close to them score higher.
        exemplars:
          - 2212.08410

        # Authors whose papers you always want to see.
        followed_authors: []

        # arXiv categories in scope (a paper needs at least one).
        categories:
          - cs.LG
          - cs.CV
          - cs.CL
          - cs.AI
          - stat.ML

        # How many papers the issue features.
        picks: 15
        """;
}
