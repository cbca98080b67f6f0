namespace Roundup.Web.Desk;

/// <summary>The desk's sign-in limits and form field names.</summary>
public static class DeskLimits
{
    /// <summary>Failed sign-ins in a row that lock an account.</summary>
    public const int FailuresBeforeLockout = 5;

    /// <summary>How long a locked account stays locked.</summary>
    public static readonly TimeSpan Lockout = TimeSpan.FromMinutes(15);

    /// <summary>Sign-in POSTs a client address may make per minute; more get 429.</summary>
    public const int SignInsPerMinute = 10;

    /// <summary>The hidden field that carries a form's antiforgery token.</summary>
    public const string AntiforgeryField = "__form";

    /// <summary>Fields a desk form may carry.</summary>
    public const int FormValues = 64;

    /// <summary>The longest field of a desk form (a summary or a commentary); the whole body stays within Serve:MaxBodyBytes.</summary>
    public const int FormValueBytes = 64 * 1024;

    /// <summary>The header that carries the antiforgery token of a script's request.</summary>
    public const string AntiforgeryHeader = "X-Desk-Form";
}
