namespace Roundup.Delivery.Transport;

/// <summary>The relay's answer to one message: the outcome, the SMTP code, and the text with addresses removed.</summary>
public sealed record SendResult(SendOutcome Outcome, int Code, string Answer)
{
    public static SendResult Accepted(string answer) => new(SendOutcome.Accepted, 250, RelayAnswer.Scrub(answer));
}
