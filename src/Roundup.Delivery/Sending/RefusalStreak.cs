using System.Text.RegularExpressions;
using Roundup.Delivery.Transport;

namespace Roundup.Delivery.Sending;

/// <summary>
/// Tells a recipient's refusal from the relay's. A 5xx to RCPT is held, not believed: the row is neither failed nor
/// its address suppressed until an answer of another kind shows the relay is not refusing everyone. When
/// <see cref="Limit"/> recipients in a row are refused with the same answer, or a run's every answer is the same
/// refusal, the refusal is the relay's (a relay that will not relay for us, a blocked sender): the held rows go back
/// to the outbox untouched and the run stops.
/// </summary>
/// <remarks>
/// "The same answer" is the SMTP code with its enhanced status code (RFC 3463) when the relay gives one, else the
/// whole answer: relays put host names, times and queue ids in the text. A false alarm (several bad addresses in a
/// row) stops a run and says so; a missed one would suppress a whole list for good, so the test errs that way.
/// </remarks>
public sealed partial class RefusalStreak(int limit)
{
    private readonly Lock _gate = new();
    private readonly List<(OutboxItem Item, SendResult Result)> _held = [];
    private string? _key;
    private int _otherAnswers;
    private SendResult? _tripped;

    /// <summary>Identical refusals in a row that make the refusal the relay's; 0 believes every refusal at once.</summary>
    public int Limit => limit;

    /// <summary>The refusal that was found to be the relay's, once it has been.</summary>
    public SendResult? Tripped
    {
        get
        {
            lock (_gate)
            {
                return _tripped;
            }
        }
    }

    /// <summary>
    /// A recipient was refused. Returns the held refusals now believed (an earlier streak of another answer ended)
    /// and, when this refusal made the streak the relay's, the rows to put back (this one among them).
    /// </summary>
    public StreakStep Refused(OutboxItem item, SendResult result)
    {
        lock (_gate)
        {
            if (_tripped is not null)
            {
                return new StreakStep([], [item]);
            }

            if (limit == 0)
            {
                return new StreakStep([(item, result)], []);
            }

            var key = Key(result.Answer);
            List<(OutboxItem Item, SendResult Result)> believed = key == _key ? [] : Take();
            _key = key;
            _held.Add((item, result));
            if (_held.Count < limit)
            {
                return new StreakStep(believed, []);
            }

            _tripped = result;
            return new StreakStep(believed, Take().Select(h => h.Item).ToList());
        }
    }

    /// <summary>Any answer but a recipient's refusal: the streak ends and its refusals are believed.</summary>
    public IReadOnlyList<(OutboxItem Item, SendResult Result)> OtherAnswer()
    {
        lock (_gate)
        {
            _otherAnswers++;
            return Take();
        }
    }

    /// <summary>
    /// The run has nothing more to send. Returns the held refusals to believe, or, when every answer of the run was
    /// the same refusal (two or more), the rows to put back because the refusal was the relay's.
    /// </summary>
    public StreakStep End()
    {
        lock (_gate)
        {
            if (_tripped is null && limit > 0 && _held.Count >= 2 && _otherAnswers == 0)
            {
                _tripped = _held[^1].Result;
                return new StreakStep([], Take().Select(h => h.Item).ToList());
            }

            return new StreakStep(Take(), []);
        }
    }

    /// <summary>The run stopped for another reason: the held rows go back to the outbox, neither believed nor blamed.</summary>
    public IReadOnlyList<OutboxItem> Abandon()
    {
        lock (_gate)
        {
            return Take().Select(h => h.Item).ToList();
        }
    }

    /// <summary>The code and enhanced status of an answer ("554 5.7.1"), or the whole answer when it has no enhanced status.</summary>
    public static string Key(string answer) =>
        EnhancedStatus().Match(answer) is { Success: true } m ? $"{m.Groups[1].Value} {m.Groups[2].Value}" : answer;

    private List<(OutboxItem Item, SendResult Result)> Take()
    {
        var taken = _held.ToList();
        _held.Clear();
        _key = null;
        return taken;
    }

    [GeneratedRegex(@"^([2-5]\d\d)[ -]([2-5]\.\d{1,3}\.\d{1,3})(?=\s|$)")]
    private static partial Regex EnhancedStatus();
}
