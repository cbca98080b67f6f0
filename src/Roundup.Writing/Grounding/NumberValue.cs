namespace Roundup.Writing.Grounding;

/// <summary>
/// A figure as compared: its value written without thousands separators or trailing zeros, and its unit:
/// "" (bare), "%", "x" (×, times, -fold), or a size scale "e3", "e6", "e9", "e12" (k, M, B, T and their words).
/// </summary>
public readonly record struct NumberValue(string Value, string Unit)
{
    public override string ToString() => Unit switch
    {
        "" => Value,
        "%" => Value + "%",
        "x" => Value + "×",
        "e3" => Value + "K",
        "e6" => Value + "M",
        "e9" => Value + "B",
        _ => Value + "T",
    };
}
