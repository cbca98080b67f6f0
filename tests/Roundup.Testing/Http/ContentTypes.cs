namespace Roundup.Testing.Http;

/// <summary>Content types for recorded files, by extension.</summary>
public static class ContentTypes
{
    public static string ForFile(string path) => Path.GetExtension(path).ToUpperInvariant() switch
    {
        ".XML" => "application/xml; charset=utf-8",
        ".ATOM" => "application/atom+xml; charset=utf-8",
        ".RSS" => "application/rss+xml; charset=utf-8",
        ".JSON" => "application/json; charset=utf-8",
        ".HTML" or ".HTM" => "text/html; charset=utf-8",
        ".TXT" => "text/plain; charset=utf-8",
        ".PDF" => "application/pdf",
        ".GZ" or ".TGZ" => "application/gzip",
        _ => "application/octet-stream",
    };
}
