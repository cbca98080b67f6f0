using Microsoft.AspNetCore.Http;
using Roundup.Web.Forms;

namespace Roundup.Web.Links;

/// <summary>
/// Reads what a link request brings, refusing hostile input before anything is looked up: exactly one token of a
/// sane length, and for a POST a small, well-formed form that asks for the link's action.
/// </summary>
internal static class LinkInput
{
    /// <summary>Longer than any token Roundup signs (the signer itself refuses more than 512 characters).</summary>
    public const int MaxTokenLength = 512;

    public static (string? Token, string? Problem) Token(HttpRequest request)
    {
        var values = request.Query["t"];
        return values.Count switch
        {
            0 => (null, "the link has no token (t=…); copy the whole link from the message"),
            > 1 => (null, "the link has more than one token (t=…)"),
            _ when string.IsNullOrEmpty(values[0]) => (null, "the link's token (t=…) is empty; copy the whole link from the message"),
            _ when values[0]!.Length > MaxTokenLength => (null, $"the link's token is {values[0]!.Length} characters long, more than any link we send ({MaxTokenLength})"),
            _ => (values[0], null),
        };
    }

    /// <summary>Null when the body is a form asking for <paramref name="kind"/>'s action; otherwise the status and the reason.</summary>
    public static async Task<(int Status, string Problem)?> CheckFormAsync(HttpRequest request, LinkKind kind, int maxBodyBytes, CancellationToken cancellationToken)
    {
        var (form, status, problem) = await FormBody.ReadAsync(request, kind.Expected, maxBodyBytes, cancellationToken);
        if (form is null)
        {
            return (status, problem!);
        }

        return kind.IsAskedBy(form)
            ? null
            : (StatusCodes.Status400BadRequest, $"the form does not ask for this: expected {kind.Expected}");
    }
}
