using Roundup.Papers;

namespace Roundup.Profiles;

/// <summary>
/// What a curator wants, in their words: the file <c>profile.yaml</c> they edit. Scorers read it; its hash is part of
/// every stage's input, so editing it reruns selection.
/// </summary>
public sealed record CuratorProfile
{
    public string Name { get; init; } = "Roundup";

    /// <summary>The criteria in plain language, one per entry.</summary>
    public IReadOnlyList<string> Criteria { get; init; } = [];

    public IReadOnlyList<string> FavouredTopics { get; init; } = [];

    public IReadOnlyList<string> DisfavouredTopics { get; init; } = [];

    /// <summary>Papers the curator holds up as the kind they pick.</summary>
    public IReadOnlyList<ArxivId> Exemplars { get; init; } = [];

    public IReadOnlyList<string> FollowedAuthors { get; init; } = [];

    /// <summary>The categories in scope; empty means the harvest's categories.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>How many papers the issue features.</summary>
    public int Picks { get; init; } = 15;

    /// <summary>A text that changes whenever anything above does.</summary>
    public string Fingerprint() => string.Join('\u001f', [Name, .. Criteria, "|", .. FavouredTopics, "|", .. DisfavouredTopics, "|", .. Exemplars.Select(e => e.ToString()), "|", .. FollowedAuthors, "|", .. Categories, Picks.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
}
