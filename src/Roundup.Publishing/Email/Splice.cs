namespace Roundup.Publishing.Email;

/// <summary>
/// A rendered body cut at its personal slots, so each subscriber's copy is one concatenation. Slot markers are made
/// of control characters, which cleaned paper text never contains and the HTML encoder never emits, so no paper
/// can forge one.
/// </summary>
internal sealed class Splice
{
    public const string GreetingMarker = "\u0001greeting\u0001";
    public const string UnsubscribeMarker = "\u0001unsubscribe\u0001";

    private readonly string[] _literals;
    private readonly bool[] _slotIsGreeting;
    private readonly int _literalLength;

    private Splice(string[] literals, bool[] slotIsGreeting)
    {
        _literals = literals;
        _slotIsGreeting = slotIsGreeting;
        _literalLength = literals.Sum(l => l.Length);
    }

    public static Splice Cut(string rendered, string what)
    {
        var literals = new List<string>();
        var slots = new List<bool>();
        var start = 0;
        while (true)
        {
            var greeting = rendered.IndexOf(GreetingMarker, start, StringComparison.Ordinal);
            var unsubscribe = rendered.IndexOf(UnsubscribeMarker, start, StringComparison.Ordinal);
            if (greeting < 0 && unsubscribe < 0)
            {
                break;
            }

            var isGreeting = unsubscribe < 0 || (greeting >= 0 && greeting < unsubscribe);
            var at = isGreeting ? greeting : unsubscribe;
            literals.Add(rendered[start..at]);
            slots.Add(isGreeting);
            start = at + (isGreeting ? GreetingMarker.Length : UnsubscribeMarker.Length);
        }

        literals.Add(rendered[start..]);
        if (!slots.Contains(false) || literals.Any(l => l.Contains('\u0001', StringComparison.Ordinal)))
        {
            throw new InvalidOperationException($"the {what} body has no unsubscribe slot or a broken marker; the template is wrong");
        }

        return new Splice([.. literals], [.. slots]);
    }

    /// <summary>The body with each slot filled; one allocation of the exact length.</summary>
    public string Fill(string greeting, string unsubscribe)
    {
        var length = _literalLength;
        foreach (var isGreeting in _slotIsGreeting)
        {
            length += isGreeting ? greeting.Length : unsubscribe.Length;
        }

        return string.Create(length, (this, greeting, unsubscribe), static (span, state) =>
        {
            var (splice, greeting, unsubscribe) = state;
            var at = 0;
            for (var i = 0; i < splice._slotIsGreeting.Length; i++)
            {
                splice._literals[i].CopyTo(span[at..]);
                at += splice._literals[i].Length;
                var slot = splice._slotIsGreeting[i] ? greeting : unsubscribe;
                slot.CopyTo(span[at..]);
                at += slot.Length;
            }

            splice._literals[^1].CopyTo(span[at..]);
        });
    }
}
