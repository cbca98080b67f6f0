namespace Roundup.Delivery;

/// <summary>The outcome of a sign-up and the subscriber it concerns (none for a suppressed address without a row).</summary>
public sealed record SignUpResult(SignUpOutcome Outcome, long? SubscriberId)
{
    /// <summary>Whether a confirmation message is due; its time is already recorded.</summary>
    public bool SendConfirmation => Outcome is SignUpOutcome.Added or SignUpOutcome.Resend;
}
