using System.Buffers;
using System.Text.Json;

namespace Roundup.Arxiv.Files;

/// <summary>
/// Reads one snapshot line into a <see cref="SnapshotRecord"/> straight from its UTF-8 bytes with
/// <see cref="Utf8JsonReader"/>: the fields Roundup keeps become strings once, with their whitespace already collapsed,
/// and the rest (submitter, report number, update date, unknown fields) are stepped over without a string. Malformed
/// JSON and fields of the wrong type raise <see cref="JsonException"/>, as the serializer did.
/// </summary>
internal static class SnapshotRecordReader
{
    public static SnapshotRecord? Read(ReadOnlySequence<byte> line)
    {
        var reader = new Utf8JsonReader(line);
        if (!reader.Read() || reader.TokenType == JsonTokenType.Null)
        {
            return reader.TokenType == JsonTokenType.Null && !reader.Read() ? null : throw new JsonException("the line holds no JSON value");
        }

        Expect(ref reader, JsonTokenType.StartObject, "the record");
        var text = new TextBuffer();
        string? id = null, authors = null, title = null, comments = null, journalRef = null, doi = null, categories = null, license = null, summary = null;
        SnapshotVersion[]? versions = null;
        string[]? authorsParsed = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = Field(ref reader);
            reader.Read();
            switch (name)
            {
                case Name.Id:
                    id = text.String(ref reader, "id", collapse: false);
                    break;
                case Name.Authors:
                    authors = text.String(ref reader, "authors", collapse: false);
                    break;
                case Name.Title:
                    title = text.String(ref reader, "title", collapse: true);
                    break;
                case Name.Comments:
                    comments = text.String(ref reader, "comments", collapse: true);
                    break;
                case Name.JournalRef:
                    journalRef = text.String(ref reader, "journal-ref", collapse: true);
                    break;
                case Name.Doi:
                    doi = text.String(ref reader, "doi", collapse: true);
                    break;
                case Name.Categories:
                    categories = text.String(ref reader, "categories", collapse: false);
                    break;
                case Name.License:
                    license = text.String(ref reader, "license", collapse: true);
                    break;
                case Name.Abstract:
                    summary = text.String(ref reader, "abstract", collapse: true);
                    break;
                case Name.Versions:
                    versions = Versions(ref reader, text);
                    break;
                case Name.AuthorsParsed:
                    authorsParsed = ParsedAuthors(ref reader, text);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        Expect(ref reader, JsonTokenType.EndObject, "the record");
        text.Dispose();
        if (reader.Read())
        {
            throw new JsonException($"more than one JSON value on the line (at byte {reader.TokenStartIndex})");
        }

        return new SnapshotRecord(id, authors, title, comments, journalRef, doi, categories, license, summary, versions, authorsParsed);
    }

    private enum Name
    {
        Other,
        Id,
        Authors,
        Title,
        Comments,
        JournalRef,
        Doi,
        Categories,
        License,
        Abstract,
        Versions,
        AuthorsParsed,
        Version,
        Created,
    }

    private static Name Field(ref Utf8JsonReader reader)
    {
        // A name written with escapes (\u0069d) means the same field; rare enough to decode.
        if (reader.ValueIsEscaped)
        {
            return Field(System.Text.Encoding.UTF8.GetBytes(reader.GetString()!));
        }

        return Field(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan);
    }

    private static Name Field(ReadOnlySpan<byte> n) =>
        n.SequenceEqual("id"u8) ? Name.Id
        : n.SequenceEqual("authors"u8) ? Name.Authors
        : n.SequenceEqual("title"u8) ? Name.Title
        : n.SequenceEqual("comments"u8) ? Name.Comments
        : n.SequenceEqual("journal-ref"u8) ? Name.JournalRef
        : n.SequenceEqual("doi"u8) ? Name.Doi
        : n.SequenceEqual("categories"u8) ? Name.Categories
        : n.SequenceEqual("license"u8) ? Name.License
        : n.SequenceEqual("abstract"u8) ? Name.Abstract
        : n.SequenceEqual("versions"u8) ? Name.Versions
        : n.SequenceEqual("authors_parsed"u8) ? Name.AuthorsParsed
        : n.SequenceEqual("version"u8) ? Name.Version
        : n.SequenceEqual("created"u8) ? Name.Created
        : Name.Other;

    private static SnapshotVersion[]? Versions(ref Utf8JsonReader reader, TextBuffer text)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        Expect(ref reader, JsonTokenType.StartArray, "versions");
        var versions = new List<SnapshotVersion>(4);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            Expect(ref reader, JsonTokenType.StartObject, "a version");
            string? version = null, created = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = Field(ref reader);
                reader.Read();
                switch (name)
                {
                    case Name.Version:
                        version = text.String(ref reader, "version", collapse: false);
                        break;
                    case Name.Created:
                        created = text.String(ref reader, "created", collapse: false);
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            versions.Add(new SnapshotVersion(version, created));
        }

        return [.. versions];
    }

    // [keyname, forenames, suffix...] → "Forenames Keyname Suffix", whitespace collapsed; null names dropped.
    private static string[]? ParsedAuthors(ref Utf8JsonReader reader, TextBuffer text)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        Expect(ref reader, JsonTokenType.StartArray, "authors_parsed");
        var names = new List<string>();
        var parts = new List<string?>(4);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                continue;
            }

            Expect(ref reader, JsonTokenType.StartArray, "an authors_parsed name");
            parts.Clear();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                parts.Add(text.String(ref reader, "an authors_parsed part", collapse: false));
            }

            string?[] ordered = parts.Count > 1 ? [parts[1], parts[0], .. parts.Skip(2)] : [.. parts];
            names.Add(Roundup.Papers.PaperText.Collapse(string.Join(' ', ordered)));
        }

        return [.. names];
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type, string what)
    {
        if (reader.TokenType != type)
        {
            throw new JsonException($"{what} is {Describe(reader.TokenType)}, not {Describe(type)} (at byte {reader.TokenStartIndex})");
        }
    }

    private static string Describe(JsonTokenType type) => type switch
    {
        JsonTokenType.StartObject or JsonTokenType.EndObject => "an object",
        JsonTokenType.StartArray or JsonTokenType.EndArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => type.ToString(),
    };

    /// <summary>A reusable character buffer: a string value is unescaped into it and made a string once.</summary>
    private sealed class TextBuffer : IDisposable
    {
        private char[] _chars = ArrayPool<char>.Shared.Rent(4096);

        public string? String(ref Utf8JsonReader reader, string field, bool collapse)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                return null;
            }

            Expect(ref reader, JsonTokenType.String, field);
            var most = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
            if (most > _chars.Length)
            {
                ArrayPool<char>.Shared.Return(_chars);
                _chars = ArrayPool<char>.Shared.Rent(most);
            }

            var length = reader.CopyString(_chars);
            return collapse ? Roundup.Papers.PaperText.Collapse(_chars.AsSpan(0, length)) : new string(_chars, 0, length);
        }

        public void Dispose()
        {
            ArrayPool<char>.Shared.Return(_chars);
            _chars = [];
        }
    }
}
