using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace Roundup.Web.Archive;

/// <summary>
/// The static archive, read-only: GET and HEAD of files inside the folder (index.html for a folder), no listings, no
/// hidden or dot files, only known content types. <see cref="ArchiveFileProvider"/> refuses any path, link or chain
/// of links that leaves the folder.
/// </summary>
internal static class ArchiveFiles
{
    public static ArchiveFileProvider Open(string folder, ILogger logger)
    {
        var root = Path.GetFullPath(folder);
        // `roundup serve` may start before the first `roundup publish`: the folder is made so that files published
        // later are served without a restart.
        Directory.CreateDirectory(root);
        return new ArchiveFileProvider(root, logger);
    }

    public static IApplicationBuilder UseArchiveFiles(this IApplicationBuilder app, IFileProvider files)
    {
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, DefaultFileNames = ["index.html"] });
        return app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = new FileExtensionContentTypeProvider(),
            ServeUnknownFileTypes = false,
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "public, max-age=300",
        });
    }

    /// <summary>Turns <c>/roundup</c> into <c>/roundup/</c>, so the index's relative links resolve inside the site.</summary>
    public static IApplicationBuilder UseFolderSlash(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (context.Request.PathBase.HasValue && !context.Request.Path.HasValue && HttpMethods.IsGet(context.Request.Method))
            {
                context.Response.Redirect(context.Request.PathBase + "/" + context.Request.QueryString, permanent: true);
                return Task.CompletedTask;
            }

            return next(context);
        });
}
