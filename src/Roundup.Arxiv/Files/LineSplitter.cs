using System.Buffers;

namespace Roundup.Arxiv.Files;

/// <summary>
/// Cuts buffered UTF-8 input into lines ending at '\n' (the last one may not), never keeping more than
/// <c>maxLineBytes</c> of one line: a longer line is let go as it streams past and reported by its length alone.
/// Fed the buffer of a <see cref="System.IO.Pipelines.PipeReader"/>; what it leaves in the buffer is the start of a
/// line still to come.
/// </summary>
internal sealed class LineSplitter(long maxLineBytes, long offset = 0)
{
    // Bytes of an over-long line let go so far; -1 while no such line is being let go.
    private long _dropped = -1;

    /// <summary>The byte offset in the file of the start of the next line.</summary>
    public long Offset { get; private set; } = offset;

    /// <summary>
    /// The next whole line of <paramref name="buffer"/>, or an over-long line's length in <paramref name="overLong"/>
    /// (its text left empty); false when the buffer holds no line end yet and more input is needed.
    /// </summary>
    public bool TryRead(ref ReadOnlySequence<byte> buffer, bool isCompleted, out ReadOnlySequence<byte> line, out long overLong)
    {
        line = default;
        overLong = 0;
        var newline = buffer.PositionOf((byte)'\n');
        if (_dropped >= 0)
        {
            var part = newline is { } end ? buffer.Slice(0, end) : buffer;
            _dropped += part.Length;
            Offset += part.Length + (newline is null ? 0 : 1);
            buffer = newline is { } after ? buffer.Slice(buffer.GetPosition(1, after)) : buffer.Slice(buffer.End);
            return (newline is not null || isCompleted) && EndDropped(out overLong);
        }

        if (newline is { } position)
        {
            var text = buffer.Slice(0, position);
            buffer = buffer.Slice(buffer.GetPosition(1, position));
            Offset += text.Length + 1;
            if (text.Length > maxLineBytes)
            {
                overLong = text.Length;
                return true;
            }

            line = text;
            return true;
        }

        if (buffer.Length > maxLineBytes)
        {
            // No end in sight and already over the limit: let go of what is held, and of the rest as it comes.
            _dropped = buffer.Length;
            Offset += buffer.Length;
            buffer = buffer.Slice(buffer.End);
            return isCompleted && EndDropped(out overLong);
        }

        if (isCompleted && !buffer.IsEmpty)
        {
            line = buffer;
            Offset += buffer.Length;
            buffer = buffer.Slice(buffer.End);
            return true;
        }

        return false;
    }

    private bool EndDropped(out long length)
    {
        length = _dropped;
        _dropped = -1;
        return true;
    }
}
