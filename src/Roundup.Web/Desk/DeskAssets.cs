using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;

namespace Roundup.Web.Desk;

/// <summary>The desk's stylesheet and scripts, embedded in the assembly and served under <c>desk/assets/</c> (signed in only).</summary>
internal static class DeskAssets
{
    private const string Prefix = "desk-assets/";

    private static readonly FrozenDictionary<string, (byte[] Bytes, string Type)> Files = typeof(DeskAssets).Assembly
        .GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
        .ToFrozenDictionary(n => n[Prefix.Length..], n => (Read(n), Type(n)), StringComparer.Ordinal);

    public static async Task ServeAsync(HttpContext context, string name)
    {
        if (!Files.TryGetValue(name, out var file))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        context.Response.ContentType = file.Type;
        context.Response.Headers.CacheControl = "no-cache";
        await context.Response.Body.WriteAsync(file.Bytes, context.RequestAborted);
    }

    private static byte[] Read(string resource)
    {
        using var stream = typeof(DeskAssets).Assembly.GetManifestResourceStream(resource)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string Type(string name) => Path.GetExtension(name) switch
    {
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };
}
