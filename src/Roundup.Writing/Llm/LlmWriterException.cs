using Roundup.Writing.Writers;

namespace Roundup.Writing.Llm;

/// <summary>The model gave no usable entry for a paper; carries what the attempts cost.</summary>
public sealed class LlmWriterException(string message, WriterUsage usage, Exception? inner = null) : Exception(message, inner)
{
    public WriterUsage Usage { get; } = usage;
}
