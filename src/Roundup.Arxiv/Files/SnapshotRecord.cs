namespace Roundup.Arxiv.Files;

/// <summary>
/// What Roundup keeps of one line of arXiv's metadata snapshot (Kaggle/Cornell <c>arxiv-metadata-oai-snapshot.json</c>),
/// as <see cref="SnapshotRecordReader"/> reads it. <paramref name="AuthorsParsed"/> holds each <c>authors_parsed</c>
/// entry already turned into a name ("Forenames Keyname Suffix").
/// </summary>
public sealed record SnapshotRecord(
    string? Id,
    string? Authors,
    string? Title,
    string? Comments,
    string? JournalRef,
    string? Doi,
    string? Categories,
    string? License,
    string? Abstract,
    SnapshotVersion[]? Versions,
    string[]? AuthorsParsed);
