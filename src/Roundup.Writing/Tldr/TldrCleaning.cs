namespace Roundup.Writing.Tldr;

/// <summary>Which clean-ups turn the picked abstract sentence into the TL;DR; the trainer keeps those that help on dev.</summary>
[Flags]
public enum TldrCleaning
{
    None = 0,

    /// <summary>"In this paper, we …" → "We …"; "However, …", "To this end, …" dropped.</summary>
    Openers = 1,

    /// <summary>"(Smith et al., 2019)", "[3, 4]" dropped.</summary>
    Citations = 2,

    /// <summary>Every parenthesis dropped, acronym definitions included.</summary>
    Parentheses = 4,
}
