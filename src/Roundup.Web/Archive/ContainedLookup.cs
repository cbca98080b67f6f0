namespace Roundup.Web.Archive;

/// <summary>
/// What looking a path up inside a folder found: the real path and the names below the folder that lead to it, or
/// nothing (<see cref="RealPath"/> null) — because nothing is there, or because reaching it would leave the folder,
/// in which case <see cref="Refusal"/> says how.
/// </summary>
internal sealed record ContainedLookup(string? RealPath, IReadOnlyList<string> Names, string? Refusal)
{
    public static readonly ContainedLookup NotFound = new(null, [], null);

    public static ContainedLookup Found(string realPath, IEnumerable<string> names) => new(realPath, [.. names], null);

    public static ContainedLookup Refused(string refusal) => new(null, [], refusal);
}
