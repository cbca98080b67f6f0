using Roundup.Calendar;
using Roundup.Corrections;
using Roundup.Papers;

namespace Roundup.Storage.Tests.Contract;

/// <summary>What every store must do with readers' suggested corrections (<see cref="ICorrectionStore"/>), whatever the database.</summary>
public abstract class CorrectionStoreContract : StoreContract
{
    private static readonly DateTimeOffset Noon = new(2025, 6, 27, 12, 0, 0, TimeSpan.Zero);
    private static readonly IssueWeek W26 = new(2025, 26);

    [Fact]
    public async Task A_suggestion_reads_back_as_typed_and_pending_and_survives_a_reopening()
    {
        var ct = TestContext.Current.CancellationToken;
        const string text = "The gain is 3.6 points, not 6.3 <script>alert(1)</script> — ünïcode '\" kept";
        long id;
        await using (var store = await OpenAsync())
        {
            var added = await store.Corrections.AddAsync(W26, ArxivId.Parse("2506.01234v2"), text, "Grace <grace@example.org>", Noon, ct);
            id = added.Id;
            Assert.Equal(SuggestionStatus.Pending, added.Status);
        }

        await using var again = await OpenAsync();
        var back = await again.Corrections.GetAsync(id, ct);
        Assert.NotNull(back);
        Assert.Equal((W26, "2506.01234", text, "Grace <grace@example.org>", Noon, SuggestionStatus.Pending), (back.Week, back.Paper?.Canonical, back.Text, back.Contact, back.Received, back.Status));
        Assert.Equal(((DateTimeOffset?)null, (string?)null, (int?)null), (back.Decided, back.DecidedBy, back.Erratum));
        var whole = await again.Corrections.AddAsync(W26, null, "The intro names the wrong week.", null, Noon, ct);
        Assert.Equal(((ArxivId?)null, (string?)null), (whole.Paper, whole.Contact));
        Assert.Null(await again.Corrections.GetAsync(id + 1000, ct));
    }

    [Fact]
    public async Task Pending_suggestions_queue_oldest_first_and_decided_ones_list_newest_decision_first()
    {
        await using var store = await OpenAsync();
        var ct = TestContext.Current.CancellationToken;
        var late = await store.Corrections.AddAsync(W26, null, "late", null, Noon.AddHours(2), ct);
        var early = await store.Corrections.AddAsync(W26, null, "early", null, Noon, ct);
        var middle = await store.Corrections.AddAsync(W26, null, "middle", null, Noon.AddHours(1), ct);

        Assert.Equal(["early", "middle", "late"], (await store.Corrections.ListAsync(SuggestionStatus.Pending, 10, ct)).Select(s => s.Text));
        Assert.Equal(["early", "middle"], (await store.Corrections.ListAsync(SuggestionStatus.Pending, 2, ct)).Select(s => s.Text));

        await store.Corrections.DecideAsync(early.Id, SuggestionStatus.Rejected, "alice", Noon.AddHours(3), ct);
        await store.Corrections.DecideAsync(late.Id, SuggestionStatus.Rejected, "bob", Noon.AddHours(4), ct);
        Assert.Equal(["late", "early"], (await store.Corrections.ListAsync(SuggestionStatus.Rejected, 10, ct)).Select(s => s.Text));
        Assert.Equal([middle.Id], (await store.Corrections.ListAsync(SuggestionStatus.Pending, 10, ct)).Select(s => s.Id));
        Assert.Equal((1, 2, 0), (await store.Corrections.CountAsync(SuggestionStatus.Pending, ct), await store.Corrections.CountAsync(SuggestionStatus.Rejected, ct), await store.Corrections.CountAsync(SuggestionStatus.Published, ct)));
    }

    [Fact]
    public async Task A_suggestion_is_decided_once_and_records_the_erratum_it_became()
    {
        await using var store = await OpenAsync();
        var ct = TestContext.Current.CancellationToken;
        var s = await store.Corrections.AddAsync(W26, ArxivId.Parse("2506.01234"), "fix", null, Noon, ct);

        var decided = await store.Corrections.DecideAsync(s.Id, SuggestionStatus.Published, "alice", Noon.AddHours(1), ct);
        Assert.Equal((SuggestionStatus.Published, "alice", (DateTimeOffset?)Noon.AddHours(1)), (decided!.Status, decided.DecidedBy, decided.Decided));
        Assert.Null(await store.Corrections.DecideAsync(s.Id, SuggestionStatus.Rejected, "bob", Noon.AddHours(2), ct));
        Assert.Null(await store.Corrections.DecideAsync(s.Id + 1000, SuggestionStatus.Rejected, "bob", Noon.AddHours(2), ct));

        Assert.True(await store.Corrections.SetErratumAsync(s.Id, 2, ct));
        Assert.False(await store.Corrections.SetErratumAsync(s.Id, 3, ct));
        Assert.False(await store.Corrections.ReopenAsync(s.Id, ct));
        var back = await store.Corrections.GetAsync(s.Id, ct);
        Assert.Equal((SuggestionStatus.Published, (int?)2), (back!.Status, back.Erratum));
        await Assert.ThrowsAsync<ArgumentException>(() => store.Corrections.DecideAsync(s.Id, SuggestionStatus.Pending, "alice", Noon, ct));
    }

    [Fact]
    public async Task A_decision_without_an_erratum_can_be_reopened_and_a_pending_one_takes_no_erratum()
    {
        await using var store = await OpenAsync();
        var ct = TestContext.Current.CancellationToken;
        var s = await store.Corrections.AddAsync(W26, null, "fix", null, Noon, ct);

        Assert.False(await store.Corrections.SetErratumAsync(s.Id, 1, ct));
        Assert.False(await store.Corrections.ReopenAsync(s.Id, ct));
        await store.Corrections.DecideAsync(s.Id, SuggestionStatus.Rejected, "alice", Noon, ct);
        Assert.False(await store.Corrections.SetErratumAsync(s.Id, 1, ct));
        Assert.True(await store.Corrections.ReopenAsync(s.Id, ct));
        var back = await store.Corrections.GetAsync(s.Id, ct);
        Assert.Equal((SuggestionStatus.Pending, (DateTimeOffset?)null, (string?)null), (back!.Status, back.Decided, back.DecidedBy));
    }
}
