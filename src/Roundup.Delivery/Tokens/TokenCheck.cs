namespace Roundup.Delivery.Tokens;

/// <summary>The outcome of checking a token: <see cref="Token"/> is set only when it is genuine, of the purpose asked and not expired.</summary>
public sealed record TokenCheck(LinkToken? Token, string? Problem)
{
    public bool IsValid => Token is not null;

    public static TokenCheck Valid(LinkToken token) => new(token, null);

    public static TokenCheck Invalid(string problem) => new(null, problem);
}
