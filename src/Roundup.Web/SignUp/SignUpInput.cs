using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Roundup.Delivery.Addresses;

namespace Roundup.Web.SignUp;

/// <summary>
/// What the sign-up form posts: the address, an optional name, and the trap field that people never see (hidden by
/// the page's stylesheet) but form-filling bots do. <see cref="Problem"/> is for the person and may quote what they
/// typed; <see cref="Field"/> is all the log is told.
/// </summary>
internal sealed record SignUpInput(string Email, string Name, bool Trapped, string? Problem, string? Field)
{
    public const string EmailField = "email";
    public const string NameField = "name";
    public const string TrapField = "website";
    public const string Expected = "email=… and optionally name=…";
    public const int MaxNameLength = 100;

    public static SignUpInput Read(IFormCollection form)
    {
        var email = One(form, EmailField, out var emailProblem);
        var name = One(form, NameField, out var nameProblem);
        var trap = One(form, TrapField, out _);
        var trapped = trap.Length > 0;
        if (emailProblem is not null)
        {
            return new SignUpInput(email, name, trapped, emailProblem, EmailField);
        }

        if (nameProblem is not null)
        {
            return new SignUpInput(email, name, trapped, nameProblem, NameField);
        }

        if (EmailAddress.Problem(email) is { } addressProblem)
        {
            return new SignUpInput(email, name, trapped, addressProblem, EmailField);
        }

        if (HeaderText.Problem(name, "name") is { } headerProblem)
        {
            return new SignUpInput(email, name, trapped, headerProblem, NameField);
        }

        return name.Length > MaxNameLength
            ? new SignUpInput(email, name, trapped, $"the name is {name.Length} characters long; at most {MaxNameLength} are kept", NameField)
            : new SignUpInput(email, name, trapped, null, null);
    }

    private static string One(IFormCollection form, string field, out string? problem)
    {
        var values = form.TryGetValue(field, out var found) ? found : StringValues.Empty;
        problem = values.Count > 1 ? $"the form has {values.Count} '{field}' fields; send one" : null;
        return values.Count == 0 ? "" : (values[0] ?? "").Trim();
    }
}
