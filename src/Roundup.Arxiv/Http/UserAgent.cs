namespace Roundup.Arxiv.Http;

/// <summary>The User-Agent arXiv sees: the tool, its version, and whom to write to.</summary>
public static class UserAgent
{
    public const string ProjectUrl = "https://github.com/roundup";

    public static string For(string? contact)
    {
        var version = typeof(UserAgent).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        var trimmed = contact?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return $"Roundup/{version} (+{ProjectUrl})";
        }

        var isUrl = trimmed.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
        return $"Roundup/{version} (+{ProjectUrl}; {(isUrl ? "" : "mailto:")}{trimmed})";
    }
}
