using System.Text;

namespace Roundup.Testing.Llm;

/// <summary>The sizes of a <see cref="TinyGguf"/> model; the defaults make a file of about 200 KB.</summary>
public sealed record TinyLlamaShape
{
    public int Embedding { get; init; } = 32;

    public int Blocks { get; init; } = 2;

    public int Heads { get; init; } = 4;

    public int KvHeads { get; init; } = 2;

    public int FeedForward { get; init; } = 64;

    public int ContextLength { get; init; } = 512;

    public int HeadSize => Embedding / Heads;
}

/// <summary>
/// Writes a GGUF v3 file that llama.cpp loads as a llama-architecture model: hyper-parameters, a SentencePiece
/// ("llama") vocabulary of control tokens, all 256 byte tokens and a few pieces, and F32 tensors of random weights.
/// It answers garbage, which is enough to prove loading, prompting and generation.
/// </summary>
/// <remarks>
/// The 256 <c>&lt;0xXX&gt;</c> byte tokens are not optional: llama.cpp's SentencePiece tokenizer falls back to them for
/// every character missing from the vocabulary and aborts the process when one is missing.
/// </remarks>
public static class TinyGguf
{
    public const uint UnknownId = 0;
    public const uint BosId = 1;
    public const uint EosId = 2;

    private const uint Alignment = 32;

    // GGUF metadata value types.
    private const uint TypeUInt32 = 4;
    private const uint TypeInt32 = 5;
    private const uint TypeFloat32 = 6;
    private const uint TypeString = 8;
    private const uint TypeArray = 9;

    // ggml tensor type.
    private const uint GgmlF32 = 0;

    // llama.cpp token types.
    private const int Normal = 1;
    private const int Unknown = 2;
    private const int Control = 3;
    private const int Byte = 6;

    private static readonly string[] Pieces =
    [
        "\u2581", "\u2581t", "\u2581th", "\u2581the", "\u2581a", "\u2581model", "\u2581paper", "\u2581data", "he", "in", "er", "on",
        "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "w",
        "x", "y", "z", ".", ",", "{", "}", ":", "\"",
    ];

    /// <summary>The tokens in id order: control tokens, byte tokens, then pieces.</summary>
    public static IReadOnlyList<string> Tokens { get; } =
    [
        "<unk>", "<s>", "</s>",
        .. Enumerable.Range(0, 256).Select(b => $"<0x{b:X2}>"),
        .. Pieces,
    ];

    /// <summary>Writes the model to <paramref name="path"/>; the same seed writes the same bytes.</summary>
    /// <param name="chatTemplate">Stored as <c>tokenizer.chat_template</c> when given (a Jinja template).</param>
    public static void Write(string path, TinyLlamaShape? shape = null, int seed = 1, string? chatTemplate = null)
    {
        shape ??= new TinyLlamaShape();
        if (shape.Embedding % shape.Heads != 0 || shape.Heads % shape.KvHeads != 0 || shape.HeadSize % 2 != 0)
        {
            throw new ArgumentException($"heads must divide the embedding into even head sizes and be a multiple of the KV heads: {shape}", nameof(shape));
        }

        var tensors = TensorsOf(shape);
        using var file = File.Create(path);
        using var writer = new BinaryWriter(file, Encoding.UTF8, leaveOpen: true);
        var metadata = MetadataOf(shape);
        if (chatTemplate is not null)
        {
            metadata.Add(("tokenizer.chat_template", w => WriteStringValue(w, chatTemplate)));
        }

        writer.Write("GGUF"u8);
        writer.Write(3u);
        writer.Write((ulong)tensors.Count);
        writer.Write((ulong)metadata.Count);
        foreach (var (key, write) in metadata)
        {
            WriteString(writer, key);
            write(writer);
        }

        ulong offset = 0;
        foreach (var (name, dims) in tensors)
        {
            WriteString(writer, name);
            writer.Write((uint)dims.Length);
            foreach (var dim in dims)
            {
                writer.Write((ulong)dim);
            }

            writer.Write(GgmlF32);
            writer.Write(offset);
            offset = Align(offset + ((ulong)ElementCount(dims) * sizeof(float)));
        }

        Pad(writer);
        var random = new Random(seed);
        foreach (var (name, dims) in tensors)
        {
            // Norm weights of one keep activations at their scale; everything else is small noise so nothing overflows.
            var isNorm = name.EndsWith("norm.weight", StringComparison.Ordinal);
            for (var i = 0; i < ElementCount(dims); i++)
            {
                writer.Write(isNorm ? 1f : (float)((random.NextDouble() * 2) - 1) * 0.5f);
            }

            Pad(writer);
        }
    }

    private static List<(string Key, Action<BinaryWriter> Write)> MetadataOf(TinyLlamaShape shape)
    {
        var tokenTypes = Tokens.Select((_, id) => id switch
        {
            (int)UnknownId => Unknown,
            (int)BosId or (int)EosId => Control,
            < 259 => Byte,
            _ => Normal,
        }).ToList();

        // SentencePiece merges the pair whose piece scores highest; longer pieces score higher here.
        var scores = Tokens.Select((token, id) => tokenTypes[id] == Normal ? token.Length - 10f : 0f).ToList();

        return
        [
            ("general.architecture", w => WriteStringValue(w, "llama")),
            ("general.name", w => WriteStringValue(w, "roundup-tiny-test")),
            ("general.alignment", w => WriteUInt32(w, Alignment)),
            ("llama.context_length", w => WriteUInt32(w, (uint)shape.ContextLength)),
            ("llama.embedding_length", w => WriteUInt32(w, (uint)shape.Embedding)),
            ("llama.block_count", w => WriteUInt32(w, (uint)shape.Blocks)),
            ("llama.feed_forward_length", w => WriteUInt32(w, (uint)shape.FeedForward)),
            ("llama.attention.head_count", w => WriteUInt32(w, (uint)shape.Heads)),
            ("llama.attention.head_count_kv", w => WriteUInt32(w, (uint)shape.KvHeads)),
            ("llama.attention.layer_norm_rms_epsilon", w => WriteFloat32(w, 1e-5f)),
            ("llama.rope.dimension_count", w => WriteUInt32(w, (uint)shape.HeadSize)),
            ("llama.rope.freq_base", w => WriteFloat32(w, 10000f)),
            ("llama.vocab_size", w => WriteUInt32(w, (uint)Tokens.Count)),
            ("tokenizer.ggml.model", w => WriteStringValue(w, "llama")),
            ("tokenizer.ggml.tokens", w => WriteArray(w, TypeString, Tokens, WriteString)),
            ("tokenizer.ggml.scores", w => WriteArray(w, TypeFloat32, scores, (x, s) => x.Write(s))),
            ("tokenizer.ggml.token_type", w => WriteArray(w, TypeInt32, tokenTypes, (x, t) => x.Write(t))),
            ("tokenizer.ggml.bos_token_id", w => WriteUInt32(w, BosId)),
            ("tokenizer.ggml.eos_token_id", w => WriteUInt32(w, EosId)),
            ("tokenizer.ggml.unknown_token_id", w => WriteUInt32(w, UnknownId)),
        ];
    }

    /// <summary>Names and ggml dimensions (the fastest-varying first) of a llama model's tensors.</summary>
    private static List<(string Name, long[] Dims)> TensorsOf(TinyLlamaShape shape)
    {
        long embd = shape.Embedding, vocab = Tokens.Count, ff = shape.FeedForward, kv = (long)shape.HeadSize * shape.KvHeads;
        var tensors = new List<(string, long[])>
        {
            ("token_embd.weight", [embd, vocab]),
            ("output_norm.weight", [embd]),
            ("output.weight", [embd, vocab]),
        };
        for (var block = 0; block < shape.Blocks; block++)
        {
            tensors.Add(($"blk.{block}.attn_norm.weight", [embd]));
            tensors.Add(($"blk.{block}.attn_q.weight", [embd, embd]));
            tensors.Add(($"blk.{block}.attn_k.weight", [embd, kv]));
            tensors.Add(($"blk.{block}.attn_v.weight", [embd, kv]));
            tensors.Add(($"blk.{block}.attn_output.weight", [embd, embd]));
            tensors.Add(($"blk.{block}.ffn_norm.weight", [embd]));
            tensors.Add(($"blk.{block}.ffn_gate.weight", [embd, ff]));
            tensors.Add(($"blk.{block}.ffn_up.weight", [embd, ff]));
            tensors.Add(($"blk.{block}.ffn_down.weight", [ff, embd]));
        }

        return tensors;
    }

    private static long ElementCount(long[] dims) => dims.Aggregate(1L, (a, b) => a * b);

    private static ulong Align(ulong offset) => (offset + Alignment - 1) / Alignment * Alignment;

    private static void Pad(BinaryWriter writer)
    {
        writer.Flush();
        var position = (ulong)writer.BaseStream.Position;
        for (var i = position; i < Align(position); i++)
        {
            writer.Write((byte)0);
        }
    }

    private static void WriteString(BinaryWriter writer, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        writer.Write((ulong)bytes.Length);
        writer.Write(bytes);
    }

    private static void WriteStringValue(BinaryWriter writer, string value)
    {
        writer.Write(TypeString);
        WriteString(writer, value);
    }

    private static void WriteUInt32(BinaryWriter writer, uint value)
    {
        writer.Write(TypeUInt32);
        writer.Write(value);
    }

    private static void WriteFloat32(BinaryWriter writer, float value)
    {
        writer.Write(TypeFloat32);
        writer.Write(value);
    }

    private static void WriteArray<T>(BinaryWriter writer, uint elementType, IReadOnlyList<T> items, Action<BinaryWriter, T> writeItem)
    {
        writer.Write(TypeArray);
        writer.Write(elementType);
        writer.Write((ulong)items.Count);
        foreach (var item in items)
        {
            writeItem(writer, item);
        }
    }
}
