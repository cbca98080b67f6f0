using Microsoft.AspNetCore.Http;

namespace Roundup.Web.Forms;

/// <summary>
/// Reads a small posted form within the server's limits, turning every way a hostile or broken body can fail into a
/// status and a reason instead of an exception. <paramref name="expected"/> names what the form should hold.
/// </summary>
internal static class FormBody
{
    public static async Task<(IFormCollection? Form, int Status, string? Problem)> ReadAsync(HttpRequest request, string expected, int maxBodyBytes, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return (null, StatusCodes.Status400BadRequest, $"the request body is not a form: send application/x-www-form-urlencoded or multipart/form-data with {expected}");
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, e.StatusCode, $"the request body is larger than {maxBodyBytes} bytes");
        }
        catch (BadHttpRequestException)
        {
            return (null, StatusCodes.Status400BadRequest, "the request body could not be read");
        }
        catch (InvalidDataException e)
        {
            return (null, StatusCodes.Status400BadRequest, $"the form is malformed or exceeds a limit ({e.Message})");
        }
        catch (IOException) when (!cancellationToken.IsCancellationRequested)
        {
            // The multipart reader's answer to a body that ends before its boundary does.
            return (null, StatusCodes.Status400BadRequest, "the form is malformed: the body ended before the multipart boundary");
        }

        return form.Files.Count > 0
            ? (null, StatusCodes.Status400BadRequest, "the form carries a file; none is expected")
            : (form, StatusCodes.Status200OK, null);
    }
}
