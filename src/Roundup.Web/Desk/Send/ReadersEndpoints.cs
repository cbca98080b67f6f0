using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Roundup.Application.Delivering;
using Roundup.Delivery;
using Roundup.Delivery.Addresses;
using Roundup.Delivery.Subscribers;
using Roundup.Web.Desk.Components;

namespace Roundup.Web.Desk.Send;

/// <summary>
/// The readers at the desk: subscriber counts by status, a CSV import (the file <c>roundup subscribers import</c>
/// takes, uploaded; checked in the request, added by a job because confirmations are mailed), the suppression list
/// (shown, and added to as <c>roundup subscribers remove</c> does; nothing lifts a suppression, as no import does), and
/// the delivery report of each mailing.
/// </summary>
internal static class ReadersEndpoints
{
    /// <summary>The largest CSV file the desk imports (about 40,000 addresses); larger lists go through the CLI.</summary>
    public const int MaxImportBytes = 2 * 1024 * 1024;

    /// <summary>The import's request limit: a little over the file's, for the form around it, so an oversized file still gets a clear answer.</summary>
    public const int MaxImportRequestBytes = 4 * MaxImportBytes;

    /// <summary>Suppression entries shown, newest first.</summary>
    public const int ShownSuppressions = 500;

    public static void Map(RouteGroupBuilder desk, string listName)
    {
        desk.MapGet("/readers", context => ReadersAsync(context, listName));
        desk.MapGet("/readers/mailing", context => MailingAsync(context, listName));
        desk.MapPost("/readers/suppress", context => SuppressAsync(context, listName));
        // This endpoint only takes a file: its own body and form limits, the server's small ones everywhere else.
        desk.MapPost("/readers/import", context => ImportAsync(context, listName))
            .WithMetadata(new ImportSizeLimit())
            .WithFormOptions(multipartBodyLengthLimit: MaxImportRequestBytes, valueCountLimit: 8, valueLengthLimit: 1024, multipartHeadersLengthLimit: 4096);
    }

    private static async Task ReadersAsync(HttpContext context, string listName)
    {
        var desk = DeskView.Services(context);
        var ct = context.RequestAborted;
        var subscribers = new ManageSubscribers(desk.Host);
        var suppressions = await subscribers.SuppressionsAsync(ct);
        await DeskView.WriteAsync<SendReadersPage>(context, new Dictionary<string, object?>
        {
            [nameof(SendReadersPage.Desk)] = DeskView.Context(context, listName),
            [nameof(SendReadersPage.Counts)] = await subscribers.CountAsync(ct),
            [nameof(SendReadersPage.Suppressions)] = suppressions.OrderByDescending(s => s.Suppression.Recorded).Take(ShownSuppressions).ToList(),
            [nameof(SendReadersPage.SuppressionCount)] = suppressions.Count,
            [nameof(SendReadersPage.Mailings)] = await new DeliveryReports(desk.Host).ListAsync(ct),
            [nameof(SendReadersPage.Notice)] = context.Request.Query["done"].ToString() switch
            {
                "suppressed" => "The address is on the suppression list: it is never written to or added again.",
                _ => null,
            },
        });
    }

    private static async Task MailingAsync(HttpContext context, string listName)
    {
        if (!MailingKey.TryParse(context.Request.Query["key"].ToString(), out var key))
        {
            await DeskView.BadRequestAsync(context, listName, "Not understood", $"'{context.Request.Query["key"]}' is not a mailing such as 2025-W26 or 2025-W26-erratum-1.");
            return;
        }

        var desk = DeskView.Services(context);
        await DeskView.WriteAsync<SendMailingPage>(context, new Dictionary<string, object?>
        {
            [nameof(SendMailingPage.Desk)] = DeskView.Context(context, listName),
            [nameof(SendMailingPage.Report)] = await new DeliveryReports(desk.Host).ReportAsync(key, context.RequestAborted),
        });
    }

    private static async Task SuppressAsync(HttpContext context, string listName)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var email = form["email"].ToString().Trim();
        if (EmailAddress.Problem(email) is { } problem)
        {
            await DeskView.BadRequestAsync(context, listName, "Not suppressed", $"{problem}: nothing was changed.");
            return;
        }

        var desk = DeskView.Services(context);
        await new ManageSubscribers(desk.Host).RemoveAsync(email, context.RequestAborted);
        DeskView.SeeOther(context, DeskView.Root(context) + "readers?done=suppressed");
    }

    /// <summary>
    /// Checks the uploaded CSV whole in the request (size, UTF-8, header, every row), and refuses it naming the lines
    /// unless every row is good or the curator asked to skip the bad ones; then a job adds the subscribers and mails
    /// the confirmations, reporting as <c>roundup subscribers import</c> does.
    /// </summary>
    private static async Task ImportAsync(HttpContext context, string listName)
    {
        if (!context.Request.HasFormContentType)
        {
            await DeskView.BadRequestAsync(context, listName, "Not imported", "The import takes a CSV file sent from the readers page's form: nothing was changed.");
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0)
        {
            await DeskView.BadRequestAsync(context, listName, "Not imported", "Choose a CSV file (header email,name) to import: nothing was changed.");
            return;
        }

        var name = FileName(file.FileName);
        if (file.Length > MaxImportBytes)
        {
            await DeskView.BadRequestAsync(context, listName, "Not imported", string.Create(CultureInfo.InvariantCulture,
                $"{name} is {file.Length:N0} bytes; the desk imports files of at most {MaxImportBytes:N0} bytes. Split it, or use `roundup subscribers import`. Nothing was changed."));
            return;
        }

        byte[] bytes;
        await using (var stream = file.OpenReadStream())
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, context.RequestAborted);
            bytes = copy.ToArray();
        }

        var (text, undecodable) = Decode(bytes, name);
        if (text is null)
        {
            await DeskView.BadRequestAsync(context, listName, "Not imported", undecodable!);
            return;
        }

        SubscriberFile read;
        try
        {
            read = SubscriberCsv.Read(new StringReader(text), name);
        }
        catch (FormatException e)
        {
            await DeskView.BadRequestAsync(context, listName, "Not imported", $"{e.Message}. Nothing was changed.");
            return;
        }

        var confirmed = form["confirmed"].ToString() == "1";
        if (read.Problems.Count > 0 && form["skip-bad"].ToString() != "1")
        {
            await DeskView.WriteAsync<SendImportRefusedPage>(context, new Dictionary<string, object?>
            {
                [nameof(SendImportRefusedPage.Desk)] = DeskView.Context(context, listName),
                [nameof(SendImportRefusedPage.FileName)] = name,
                [nameof(SendImportRefusedPage.File)] = read,
            }, StatusCodes.Status400BadRequest);
            return;
        }

        var readers = DeskView.Root(context) + "readers";
        DeskView.StartJob(context, $"Import {name}", async (job, host, ct) =>
        {
            job.ResultUrl = readers;
            var (imported, added) = await new ManageSubscribers(host).ImportAsync(new StringReader(text), name, confirmed, ct);
            foreach (var problem in imported.Problems)
            {
                job.Report($"{name}: {problem} (skipped)");
            }

            foreach (var line in new[] { added.ConfirmationsSent, added.ConfirmationsFailed is { } failed ? $"warning: {failed}" : null })
            {
                if (line is not null)
                {
                    job.Report(line);
                }
            }

            var result = added.Result;
            job.Report($"{name}: {imported.Rows} rows: {result.Added} added, {result.Updated} updated, {result.Unchanged} unchanged, {result.Suppressed} on the suppression list (left alone), {imported.Duplicates} duplicate rows merged, {imported.Problems.Count} rows refused");
        });
    }

    /// <summary>The text of a UTF-8 file (a byte-order mark allowed), or why it is not one, naming the first bad line.</summary>
    public static (string? Text, string? Problem) Decode(byte[] bytes, string name)
    {
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        var start = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        var line = 1;
        var from = start;
        for (var i = start; i <= bytes.Length; i++)
        {
            if (i < bytes.Length && bytes[i] != (byte)'\n')
            {
                continue;
            }

            try
            {
                if (strict.GetString(bytes, from, i - from).Contains('\0', StringComparison.Ordinal))
                {
                    return (null, $"{name}: line {line}: a NUL character: this is not a CSV text file. Nothing was changed.");
                }
            }
            catch (DecoderFallbackException)
            {
                return (null, $"{name}: line {line}: not UTF-8 text; save the file as UTF-8 CSV. Nothing was changed.");
            }

            line++;
            from = i + 1;
        }

        return (strict.GetString(bytes, start, bytes.Length - start), null);
    }

    /// <summary>The uploaded file's name without any folder, shortened: it is only ever shown, never used as a path.</summary>
    private static string FileName(string? uploaded)
    {
        var name = Path.GetFileName(uploaded ?? "").Trim();
        name = new string(name.Where(c => !char.IsControl(c)).ToArray());
        return name.Length == 0 ? "the file" : name.Length > 80 ? name[..80] + "…" : name;
    }

    /// <summary>The import's own request body limit, which the routing middleware applies before the body is read.</summary>
    private sealed class ImportSizeLimit : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => MaxImportRequestBytes;
    }
}
