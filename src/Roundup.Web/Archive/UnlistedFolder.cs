using System.Collections;
using Microsoft.Extensions.FileProviders;

namespace Roundup.Web.Archive;

/// <summary>A folder of the archive that exists (so its index.html can be served) and lists nothing, whoever asks.</summary>
internal sealed class UnlistedFolder : IDirectoryContents
{
    public static readonly UnlistedFolder Instance = new();

    public bool Exists => true;

    public IEnumerator<IFileInfo> GetEnumerator() => Enumerable.Empty<IFileInfo>().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
