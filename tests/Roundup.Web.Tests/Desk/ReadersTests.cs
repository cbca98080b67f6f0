using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Roundup.Delivery;
using Roundup.Web.Desk.Jobs;

namespace Roundup.Web.Tests.Desk;

/// <summary>
/// The readers at the desk: counts by status, a CSV upload (checked whole, a bad line named and nothing stored; larger
/// than the server's small form limit yet bounded), the suppression list, and addresses shown as text.
/// </summary>
public sealed class ReadersTests : IAsyncLifetime
{
    private DeskSite _site = null!;

    public async ValueTask InitializeAsync() => _site = await DeskSite.StartAsync();

    public async ValueTask DisposeAsync() => await _site.DisposeAsync();

    private async Task<HttpResponseMessage> UploadAsync(string page, byte[] csv, string fileName = "readers.csv", params (string Name, string Value)[] fields)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(DeskSite.FormToken(page)), "__form");
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(csv);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", fileName);
        return await _site.Client.PostAsync(new Uri(_site.Desk, "readers/import"), form, TestContext.Current.CancellationToken);
    }

    private static byte[] Csv(string text) => Encoding.UTF8.GetBytes(text);

    private async Task<IReadOnlyList<Subscriber>> SubscribersAsync() => await _site.Store.Subscribers.ListSubscribersAsync(cancellationToken: TestContext.Current.CancellationToken);

    [Fact]
    public async Task A_csv_with_a_bad_line_is_refused_naming_the_line_and_nothing_is_stored()
    {
        var page = await _site.SignInAsync();
        page = await _site.GetStringAsync("readers");

        using var answer = await UploadAsync(page, Csv("email,name\nada@example.org,Ada\nnot-an-address,Bob\n\"cy@example.org\",\"Cy\nBcc: all@example.org\"\n"));
        var text = await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("readers.csv: line 3: &#x27;not-an-address&#x27;", text, StringComparison.Ordinal);
        Assert.Contains("readers.csv: line 4: the name contains a line break", text, StringComparison.Ordinal);
        Assert.Contains("Nothing was stored", text, StringComparison.Ordinal);
        Assert.Empty(await SubscribersAsync());
        Assert.Empty(_site.Server.Services.GetRequiredService<DeskJobs>().All());
    }

    [Fact]
    public async Task A_good_csv_larger_than_the_servers_form_limit_is_imported_by_a_job_and_counted()
    {
        await _site.SignInAsync();
        var page = await _site.GetStringAsync("readers");
        var rows = Enumerable.Range(1, 1000).Select(i => $"reader{i}@mail.example.org,Reader {i}");
        var csv = Csv("email,name\n" + string.Join("\n", rows) + "\nnot-an-address,Bob\n");
        Assert.True(csv.Length > 16 * 1024, "the file must be larger than the server's 16 KB form limit");

        using var refused = await UploadAsync(page, csv, "big.csv", ("confirmed", "1"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("big.csv: line 1002:", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        using var answer = await UploadAsync(page, csv, "big.csv", ("confirmed", "1"), ("skip-bad", "1"));
        var job = await SendTests.FinishedJobAsync(_site, answer);
        Assert.True(job.State == JobState.Succeeded, string.Join("\n", job.Lines()));
        Assert.Contains("big.csv: 1001 rows: 1000 added, 0 updated, 0 unchanged, 0 on the suppression list (left alone), 0 duplicate rows merged, 1 rows refused", job.Lines());
        Assert.Contains(job.Lines(), l => l.StartsWith("big.csv: line 1002:", StringComparison.Ordinal));
        Assert.Equal("/roundup/desk/readers", job.ResultUrl);

        var readers = await _site.GetStringAsync("readers");
        Assert.Contains("<td data-status=\"active\">1,000</td>", readers, StringComparison.Ordinal);
        Assert.Contains("<td data-status=\"pending\">0</td>", readers, StringComparison.Ordinal);
        Assert.Equal(1000, (await SubscribersAsync()).Count);
    }

    [Fact]
    public async Task Oversized_malformed_and_headerless_files_are_refused_with_a_clear_message()
    {
        await _site.SignInAsync();
        var page = await _site.GetStringAsync("readers");
        var ct = TestContext.Current.CancellationToken;

        var big = new byte[(2 * 1024 * 1024) + 1];
        Array.Fill(big, (byte)'a');
        using (var answer = await UploadAsync(page, big, "huge.csv"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            Assert.Contains("huge.csv is 2,097,153 bytes; the desk imports files of at most 2,097,152 bytes", await answer.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        }

        // Beyond the import's request limit Kestrel refuses the body itself (413, the connection closed early):
        // the readers page's script says so before such a file is sent.
        var huge = new byte[9 * 1024 * 1024];
        Array.Fill(huge, (byte)'a');
        try
        {
            using var answer = await UploadAsync(page, huge, "huger.csv");
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.StatusCode);
        }
        catch (HttpRequestException)
        {
            // The server answered and closed the connection while the client was still sending.
        }

        using (var answer = await UploadAsync(page, [.. Csv("email,name\nada@example.org,Ada\n"), 0xC3, 0x28, (byte)'\n'], "latin.csv"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            Assert.Contains("latin.csv: line 3: not UTF-8 text", await answer.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        }

        using (var answer = await UploadAsync(page, Csv("address\nada@example.org\n"), "plain.csv"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            Assert.Contains("plain.csv: line 1: the header must be &#x27;email,name&#x27;", await answer.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        }

        using (var answer = await _site.PostAsync("readers/import", page, ("file", "email,name\nada@example.org,Ada")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            Assert.Contains("Choose a CSV file", await answer.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        }

        Assert.Empty(await SubscribersAsync());
    }

    [Fact]
    public async Task The_suppression_list_is_shown_added_to_and_reader_text_stays_text()
    {
        var ct = TestContext.Current.CancellationToken;
        await _site.Store.Subscribers.AddSubscribersAsync([new SubscriberImport("bea@example.org", "<script>alert(1)</script>")], SubscriberStatus.Active, ct);
        await _site.Store.Subscribers.SuppressAddressAsync("gone@example.org", SuppressionReason.Complained, ct);
        await _site.SignInAsync();
        var page = await _site.GetStringAsync("readers");
        Assert.Contains("complained", page, StringComparison.Ordinal);
        Assert.Contains("erased · " + AddressKey.Hash("gone@example.org")[..12], page, StringComparison.Ordinal);

        using (var suppress = await _site.PostAsync("readers/suppress", page, ("email", "bea@example.org")))
        {
            Assert.Equal(HttpStatusCode.SeeOther, suppress.StatusCode);
        }

        page = await _site.GetStringAsync("readers?done=suppressed");
        Assert.Contains("The address is on the suppression list", page, StringComparison.Ordinal);
        Assert.Contains("<span>bea@example.org</span>", page, StringComparison.Ordinal);
        Assert.Contains("<td data-status=\"unsubscribed\">1</td>", page, StringComparison.Ordinal);
        Assert.Equal(SubscriberStatus.Unsubscribed, (await _site.Store.Subscribers.FindSubscriberAsync("bea@example.org", ct))!.Status);

        // An address that is not one is refused; one with markup in it is shown as text.
        using var bad = await _site.PostAsync("readers/suppress", page, ("email", "<script>alert(1)</script>@example.org"));
        var text = await bad.Content.ReadAsStringAsync(ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.DoesNotContain("<script>alert(1)</script>", text, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", text, StringComparison.Ordinal);

        using var upload = await UploadAsync(page, Csv("email,name\n<script>alert(2)</script>@example.org,Eve\n"), "<b>x</b>.csv");
        var refused = await upload.Content.ReadAsStringAsync(ct);
        Assert.Equal(HttpStatusCode.BadRequest, upload.StatusCode);
        Assert.DoesNotContain("<script>alert(2)", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>x</b>", refused, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(2)&lt;/script&gt;@example.org", refused, StringComparison.Ordinal);
    }
}
