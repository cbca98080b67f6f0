namespace Roundup.Web.Security;

/// <summary>The Content-Security-Policy values the endpoint sends.</summary>
public static class ContentSecurityPolicy
{
    /// <summary>
    /// The archive's pages: their stylesheet and search script are files of the site; the funnel figure is inline SVG
    /// (attributes, no style elements) and the search index an inline JSON data block, which script-src does not
    /// govern. Nothing else may load, and no page may be framed.
    /// </summary>
    public const string Archive =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>The confirm and unsubscribe pages: one inline style, allowed by its hash, and a form posting back here.</summary>
    public static string LinkPage(string styleHash) =>
        $"default-src 'none'; style-src '{styleHash}'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
}
