using System.Text.Json;
using System.Text.Json.Serialization;

namespace Roundup.Arxiv.Files;

/// <summary>
/// The resume position of a files source, stored with each page as the harvest checkpoint: every file read so far
/// with its identity and progress. On resume a file is skipped or continued only when its identity is unchanged;
/// a file changed since (a record appended after a kill) is read again from its start, which stores the same rows
/// for what it had and adds what is new.
/// </summary>
public sealed record FilesPosition([property: JsonPropertyName("files")] IReadOnlyList<FileProgress> Files)
{
    public static readonly FilesPosition Start = new([]);

    /// <summary>The progress recorded for this file, if it is unchanged since.</summary>
    public FileProgress? Find(FileIdentity file) => Files.FirstOrDefault(f => f.IsOf(file));

    public override string ToString() => JsonSerializer.Serialize(this, FileJson.Default.FilesPosition);

    /// <summary>
    /// Reads a stored position. Null, and the <c>fileIndex:line</c> positions stored before files had identities,
    /// start over: reading a file again only stores the same rows again.
    /// </summary>
    public static FilesPosition Parse(string? position)
    {
        if (position is null || !position.StartsWith('{'))
        {
            return Start;
        }

        try
        {
            return JsonSerializer.Deserialize(position, FileJson.Default.FilesPosition) ?? Start;
        }
        catch (JsonException e)
        {
            throw new FormatException($"the stored resume position is not a files position ({e.Message}): {position}", e);
        }
    }
}
