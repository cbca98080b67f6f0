namespace Roundup.Writing.Grounding;

/// <summary>What a checkable claim is: a figure (count, score, ratio, size, range) or a name (dataset, model, benchmark).</summary>
public enum ClaimKind
{
    Number,
    Name,
}
