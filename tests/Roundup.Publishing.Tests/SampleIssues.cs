using Roundup.Calendar;
using Roundup.Issues;
using Roundup.Papers;

namespace Roundup.Publishing.Tests;

/// <summary>
/// A realistic week: three topics, six papers, the full funnel, one curator edit, one correction, and a paper whose
/// title and summary try to break out of HTML, XML and Markdown. Invented papers; ids are well-formed but fictional.
/// </summary>
public static class SampleIssues
{
    public const string HostileTitle = "<script>alert(1)</script> ]]> & \"quotes\"";
    public const string HostileSummary = "</p><img src=x onerror=alert(2)> ]]><![CDATA[ <b>bold</b> & [a link](javascript:alert(3)) \u0001\u0008 end";

    public static readonly DateTimeOffset PublishedAt = new(2025, 6, 27, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset CorrectedAt = new(2025, 6, 29, 14, 30, 0, TimeSpan.Zero);

    public static SiteOptions Site { get; } = new(
        "Roundup",
        new Uri("https://example.org/roundup/"),
        "Ada Curator",
        "A weekly, curated digest of machine-learning papers from arXiv.");

    public static IReadOnlyList<FunnelCount> Funnel { get; } =
    [
        new("scope", 3030, 1060, "cs.LG, cs.CL, cs.CV and stat.ML first announcements"),
        new("title", 1060, 150, "top 150 by title"),
        new("abstract", 150, 50, "top 50 by abstract"),
        new("skim", 50, 30, "top 30 after skimming the full text"),
        new("read", 30, 15, "15 picks, diverse (MMR)"),
    ];

    /// <summary>The published issue of 2025-W26, without corrections.</summary>
    public static Issue Week26() => new()
    {
        Week = new IssueWeek(2025, 26),
        Title = "Checking your own work, and small models that plan",
        Intro = "Two threads ran through this week's papers: models that verify their own intermediate steps, "
            + "and small models that plan as well as large ones when given the right search.\n\n"
            + "We also picked a vision paper that questions a popular benchmark.",
        Status = IssueStatus.Published,
        Version = 3,
        Written = new DateTimeOffset(2025, 6, 26, 20, 0, 0, TimeSpan.Zero),
        Approved = new DateTimeOffset(2025, 6, 27, 8, 0, 0, TimeSpan.Zero),
        Published = PublishedAt,
        Funnel = Funnel,
        Grounding = new GroundingSummary(41, 44),
        Sections =
        [
            new IssueSection("Reasoning and language models",
            [
                Entry("2506.01234", "Self-Verifying Chains of Thought", ["Mira Okafor", "Tom Lindqvist", "Priya Raman"],
                    "A model checks each reasoning step against a learned verifier and backtracks when a step fails.",
                    ["The authors train a small verifier on step-level labels and use it during decoding to prune chains that go wrong early.",
                     "On GSM8K and MATH the method gains 4.1 and 6.3 points over plain chain-of-thought at equal compute."],
                    "A clean ablation separates the verifier's effect from that of extra samples.",
                    ["cs.CL", "cs.LG"], code: "https://github.com/example/self-verify"),
                Entry("2506.02468", HostileTitle, ["Eve <Mallory>", "Bob \"Tables\""],
                    "A title that tries to close CDATA sections & inject <script> tags.",
                    [HostileSummary],
                    "Included to check escaping; <i>not</i> a real paper.",
                    ["cs.CR"], code: "javascript:alert(4)"),
            ]),
            new IssueSection("Reinforcement learning",
            [
                Entry("2506.03579", "Planning with Small World Models", ["Jun Sato", "Ines Ferreira"],
                    "A 60M-parameter world model plus tree search matches agents 20 times its size.",
                    ["Planning in a learned latent space lets a small model look ahead instead of memorising policies."],
                    "The gains shrink on tasks with long horizons; the paper says so plainly.",
                    ["cs.LG", "cs.AI"]) with
                {
                    Edits = new EntryText("Small world model + search ≈ big agent, at a twentieth of the size.", [], ""),
                },
                Entry("2506.04680", "Offline RL Without Pessimism", ["Amara Nwosu"],
                    "Careful data weighting replaces pessimistic value estimates in offline RL.",
                    ["The method reweights transitions by their estimated coverage and trains a standard critic."],
                    "Simple, and the D4RL results hold across seeds.",
                    ["cs.LG"]),
            ]),
            new IssueSection("Vision",
            [
                Entry("2506.05791", "Is ImageNet-V2 Still Hard?", ["Lena Hofmann", "Carlos Ruiz", "Wei Zhang", "Sofia Rossi", "Omar Haddad", "Kai Müller", "Nora Berg"],
                    "Most of the accuracy gap on ImageNet-V2 comes from label noise, not from harder images.",
                    ["Relabelling 2,000 images with five annotators each closes 70% of the reported gap."],
                    "A useful caution for anyone reporting robustness numbers.",
                    ["cs.CV"]),
                Entry("2506.06802", "Sparse Attention for Video Transformers", ["Yusuf Demir", "Hana Kobayashi"],
                    "Attending to 5% of patch pairs keeps 98% of accuracy on Kinetics-400.",
                    ["A learned router picks the patch pairs per layer; training cost falls by half."],
                    "Code and checkpoints are released.",
                    ["cs.CV", "cs.LG"], code: "https://github.com/example/sparse-video"),
            ]),
        ],
    };

    /// <summary>The same issue after a correction to the first paper was recorded two days later.</summary>
    public static Issue Week26Corrected() => Week26() with
    {
        Version = 4,
        Corrections = [new Correction(ArxivId.Parse("2506.01234"), "The gain on MATH is 3.6 points, not 6.3.", CorrectedAt)],
    };

    /// <summary>The previous week's issue, smaller, for archive listings.</summary>
    public static Issue Week25() => new()
    {
        Week = new IssueWeek(2025, 25),
        Title = "Longer contexts, fewer tokens",
        Intro = "This week: compressing long contexts without losing the needle.",
        Status = IssueStatus.Published,
        Written = new DateTimeOffset(2025, 6, 19, 20, 0, 0, TimeSpan.Zero),
        Approved = new DateTimeOffset(2025, 6, 20, 8, 0, 0, TimeSpan.Zero),
        Published = new DateTimeOffset(2025, 6, 20, 9, 0, 0, TimeSpan.Zero),
        Funnel = [new("scope", 2870, 990, "in-scope categories"), new("read", 30, 12, "12 picks")],
        Sections =
        [
            new IssueSection("Reasoning and language models",
            [
                Entry("2506.00042", "Context Compression by Learned Gist Tokens", ["Rosa Lind"],
                    "Gist tokens compress a 32k context tenfold with little loss on retrieval.",
                    ["The model learns to write summary tokens that later layers attend to instead of the full context."],
                    "Watch the needle-in-a-haystack numbers at 128k.",
                    ["cs.CL"]),
            ]),
        ],
    };

    /// <summary>A draft that must never reach the feeds or the archive.</summary>
    public static Issue Week27Draft() => new()
    {
        Week = new IssueWeek(2025, 27),
        Title = "Draft: not yet approved",
        Intro = "Unapproved text.",
        Status = IssueStatus.Draft,
        Written = new DateTimeOffset(2025, 7, 3, 20, 0, 0, TimeSpan.Zero),
        Sections = [new IssueSection("Drafts", [Entry("2507.00001", "Unpublished Paper Title", ["A. Author"], "t", ["s"], "c", ["cs.LG"])])],
    };

    public static IReadOnlyList<Issue> Archive() => [Week25(), Week27Draft(), Week26Corrected()];

    private static IssueEntry Entry(
        string id, string title, IReadOnlyList<string> authors, string tldr, IReadOnlyList<string> summary, string commentary,
        IReadOnlyList<string> categories, string? code = null) => new()
    {
        Id = ArxivId.Parse(id),
        Title = title,
        Authors = authors,
        CodeUrl = code,
        Categories = categories,
        Text = new EntryText(tldr, summary, commentary),
        Writer = "offline",
        Flags = ["a flag for the curator only"],
    };
}
