namespace Roundup.Papers;

public static class AnnounceTypes
{
    /// <summary>Reads arXiv's spelling: new, cross, replace, replace-cross.</summary>
    public static AnnounceType Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "new" => AnnounceType.New,
        "cross" => AnnounceType.Cross,
        "replace" => AnnounceType.Replace,
        "replace-cross" => AnnounceType.ReplaceCross,
        _ => AnnounceType.Unknown,
    };

    public static string ToArxivString(this AnnounceType type) => type switch
    {
        AnnounceType.New => "new",
        AnnounceType.Cross => "cross",
        AnnounceType.Replace => "replace",
        AnnounceType.ReplaceCross => "replace-cross",
        _ => "unknown",
    };

    /// <summary>A first announcement (new or cross), as opposed to a replacement of an earlier paper.</summary>
    public static bool IsFirstAnnouncement(this AnnounceType type) => type is AnnounceType.New or AnnounceType.Cross or AnnounceType.Unknown;
}
