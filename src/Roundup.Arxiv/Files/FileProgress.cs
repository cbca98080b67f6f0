using System.Text.Json.Serialization;

namespace Roundup.Arxiv.Files;

/// <summary>How far one file was read: lines and bytes up to the end of the last stored page, or to its end.</summary>
public sealed record FileProgress(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("size")] long Size,
    [property: JsonPropertyName("modified")] DateTime Modified,
    [property: JsonPropertyName("line")] int Line,
    [property: JsonPropertyName("offset")] long Offset,
    [property: JsonPropertyName("done")] bool Done)
{
    public static FileProgress Of(FileIdentity file, int line, long offset, bool done) => new(file.Path, file.Size, file.Modified, line, offset, done);

    /// <summary>Whether this progress was made in this very file, unchanged since.</summary>
    public bool IsOf(FileIdentity file) => Path == file.Path && Size == file.Size && Modified == file.Modified;
}
