using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Roundup.Application.Corrections;
using Roundup.Application.Hosting;
using Roundup.Application.Publishing;
using Roundup.Application.Settings;
using Roundup.Calendar;
using Roundup.Corrections;
using Roundup.Issues;
using Roundup.Papers;
using Roundup.Testing;

namespace Roundup.Application.Tests.Corrections;

/// <summary>A reader's suggestion from the archive, through the queue, to a published erratum or a rejection.</summary>
public sealed class ModerateCorrectionsTests : IAsyncLifetime
{
    private static readonly IssueWeek W26 = new(2025, 26);
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 6, 28, 9, 0, 0, TimeSpan.Zero));
    private RoundupHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        var (options, errors, _) = ConfigurationLoader.Load(null,
        [
            new("Store:Path", _dir.File("roundup.db")),
            new("Publish:SiteUrl", "https://example.org/roundup/"),
            new("Publish:ArchiveDir", _dir.File("site")),
            new("Mail:PickupDir", _dir.File("mail")),
            new("Mail:Secret", "a test key of thirty-two bytes or more"),
        ]);
        Assert.Empty(errors);
        _host = new RoundupHost(options, NullLoggerFactory.Instance, _time);
        await (await _host.StoreAsync(TestContext.Current.CancellationToken)).Issues.SaveAsync(SampleIssue(IssueStatus.Approved));
        await new PublishIssue(_host).RunAsync(W26, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        _dir.Dispose();
    }

    private string IssuePage => File.ReadAllText(Path.Combine(_dir.File("site"), "issues", "2025-W26.html"));

    [Fact]
    public async Task The_published_archive_carries_a_suggestion_form_per_entry_posting_beside_it()
    {
        var page = IssuePage;
        Assert.Equal(2, page.Split("<form method=\"post\" action=\"../corrections\">").Length - 1);
        Assert.Contains("name=\"paper\" value=\"2506.01234\"", page, StringComparison.Ordinal);
        Assert.Contains("name=\"week\" value=\"2025-W26\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_suggestion_is_published_in_the_curators_words_and_records_the_erratum_it_became()
    {
        var ct = TestContext.Current.CancellationToken;
        var suggested = await new SuggestCorrection(_host).SubmitAsync("2025-W26", "2506.01234v1", "  The gain is 3.6 <b>not</b> 6.3\r\nsee table 2  ", "Grace", ct);
        Assert.Equal(("The gain is 3.6 <b>not</b> 6.3\nsee table 2", "2506.01234", "Grace"), (suggested.Text, suggested.Paper?.Canonical, suggested.Contact));

        var moderate = new ModerateCorrections(_host);
        var queue = await moderate.QueueAsync(50, ct);
        Assert.Equal(1, queue.PendingCount);
        Assert.Equal("Self-Verifying Chains of Thought", queue.Pending[0].Entry?.Title);

        _time.Advance(TimeSpan.FromHours(1));
        var published = await moderate.PublishAsync(suggested.Id, "The gain on MATH is 3.6 points, not 6.3.", email: false, "alice", ct);
        Assert.Equal((SuggestionStatus.Published, (int?)1, "alice"), (published.Suggestion.Status, published.Suggestion.Erratum, published.Suggestion.DecidedBy));
        Assert.Null(published.Recorded.Mailing);
        var issue = (await (await _host.StoreAsync(ct)).Issues.GetAsync(W26, ct))!;
        Assert.Equal("2506.01234", Assert.Single(issue.Corrections).Paper?.Canonical);
        Assert.Contains("The gain on MATH is 3.6 points, not 6.3.", IssuePage, StringComparison.Ordinal);
        Assert.Equal(1, (await (await _host.StoreAsync(ct)).Corrections.GetAsync(suggested.Id, ct))!.Erratum);

        var again = await Assert.ThrowsAsync<UsageException>(() => moderate.PublishAsync(suggested.Id, "twice", false, "bob", ct));
        Assert.Contains("already published by alice", again.Message, StringComparison.Ordinal);
        Assert.Single((await (await _host.StoreAsync(ct)).Issues.GetAsync(W26, ct))!.Corrections);
        queue = await moderate.QueueAsync(50, ct);
        Assert.Equal((0, 1), (queue.PendingCount, queue.Decided.Count));
    }

    [Fact]
    public async Task An_erratum_that_cannot_be_recorded_leaves_the_suggestion_pending_and_the_issue_unchanged()
    {
        var ct = TestContext.Current.CancellationToken;
        var suggested = await new SuggestCorrection(_host).SubmitAsync("2025-W26", null, "The intro is wrong.", null, ct);
        var moderate = new ModerateCorrections(_host);

        var refused = await Assert.ThrowsAsync<UsageException>(() => moderate.PublishAsync(suggested.Id, "The intro is wrong.", email: true, "alice", ct));
        Assert.Contains("has not been sent to anyone yet", refused.Message, StringComparison.Ordinal);
        Assert.Equal(SuggestionStatus.Pending, (await moderate.GetAsync(suggested.Id, ct))!.Suggestion.Status);
        Assert.Empty((await (await _host.StoreAsync(ct)).Issues.GetAsync(W26, ct))!.Corrections);
        await Assert.ThrowsAsync<UsageException>(() => moderate.PublishAsync(suggested.Id, "   ", email: false, "alice", ct));
        Assert.Equal(SuggestionStatus.Pending, (await moderate.GetAsync(suggested.Id, ct))!.Suggestion.Status);
    }

    [Fact]
    public async Task A_rejected_suggestion_leaves_the_queue_and_is_decided_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var suggested = await new SuggestCorrection(_host).SubmitAsync("2025-W26", "2506.03579", "Not a real problem.", null, ct);
        var moderate = new ModerateCorrections(_host);

        var rejected = await moderate.RejectAsync(suggested.Id, "alice", ct);
        Assert.Equal(SuggestionStatus.Rejected, rejected.Status);
        Assert.Empty((await moderate.QueueAsync(50, ct)).Pending);
        await Assert.ThrowsAsync<UsageException>(() => moderate.RejectAsync(suggested.Id, "alice", ct));
        await Assert.ThrowsAsync<UsageException>(() => moderate.PublishAsync(suggested.Id, "x", false, "alice", ct));
        await Assert.ThrowsAsync<UsageException>(() => moderate.RejectAsync(999, "alice", ct));
        Assert.Empty((await (await _host.StoreAsync(ct)).Issues.GetAsync(W26, ct))!.Corrections);
    }

    [Theory]
    [InlineData("2025-W99", "2506.01234", "text", "", "not an ISO week")]
    [InlineData("2025-W27", "2506.01234", "text", "", "no published issue for 2025-W27")]
    [InlineData("2025-W26", "2506.99999", "text", "", "has no paper '2506.99999'")]
    [InlineData("2025-W26", "javascript:alert(1)", "text", "", "has no paper")]
    [InlineData("2025-W26", "2506.01234", "   ", "", "the correction is empty")]
    [InlineData("2025-W26", "2506.01234", "bell\a", "", "control characters")]
    [InlineData("2025-W26", "2506.01234", "text", "Grace\r\nBcc: x@y", "line break")]
    public async Task Bad_suggestions_are_refused_with_a_reason_and_nothing_is_stored(string week, string paper, string text, string contact, string reason)
    {
        var ct = TestContext.Current.CancellationToken;
        var refused = await Assert.ThrowsAsync<UsageException>(() => new SuggestCorrection(_host).SubmitAsync(week, paper, text, contact, ct));
        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, await (await _host.StoreAsync(ct)).Corrections.CountAsync(SuggestionStatus.Pending, ct));
    }

    [Fact]
    public async Task Over_long_text_and_a_draft_issue_are_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        var tooLong = await Assert.ThrowsAsync<UsageException>(() => new SuggestCorrection(_host).SubmitAsync("2025-W26", "", new string('x', SuggestionLimits.MaxTextLength + 1), null, ct));
        Assert.Contains($"at most {SuggestionLimits.MaxTextLength}", tooLong.Message, StringComparison.Ordinal);
        await (await _host.StoreAsync(ct)).Issues.SaveAsync(SampleIssue(IssueStatus.Draft) with { Week = new IssueWeek(2025, 27) }, ct);
        await Assert.ThrowsAsync<UsageException>(() => new SuggestCorrection(_host).SubmitAsync("2025-W27", "", "text", null, ct));
    }

    internal static Issue SampleIssue(IssueStatus status) => SampleIssues.Issue(W26, status);
}
