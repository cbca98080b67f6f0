using Roundup.Curators;

namespace Roundup.Storage.Tests.Contract;

/// <summary>What every store must do with the curators' accounts (<see cref="ICuratorStore"/>), whatever the database.</summary>
public abstract class CuratorStoreContract : StoreContract
{
    private static readonly DateTimeOffset Noon = new(2025, 6, 27, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_name_is_taken_once_whatever_its_case_and_reads_back()
    {
        await using var store = await OpenAsync();
        var added = await store.Curators.AddAsync("Alice", "hash-1", TestContext.Current.CancellationToken);

        Assert.NotNull(added);
        Assert.Null(await store.Curators.AddAsync("alice", null, TestContext.Current.CancellationToken));
        var back = await store.Curators.GetAsync("ALICE", TestContext.Current.CancellationToken);
        Assert.Equal((added.Id, "Alice", "hash-1", 0, (DateTimeOffset?)null), (back!.Id, back.Name, back.PasswordHash, back.FailedSignIns, back.LockedUntil));
    }

    [Fact]
    public async Task Curators_are_listed_by_name_and_removed_by_name()
    {
        await using var store = await OpenAsync();
        var ct = TestContext.Current.CancellationToken;
        await store.Curators.AddAsync("bob", null, ct);
        await store.Curators.AddAsync("alice", null, ct);

        Assert.Equal(["alice", "bob"], (await store.Curators.ListAsync(ct)).Select(c => c.Name));
        Assert.True(await store.Curators.RemoveAsync("bob", ct));
        Assert.False(await store.Curators.RemoveAsync("bob", ct));
        Assert.Equal(["alice"], (await store.Curators.ListAsync(ct)).Select(c => c.Name));
    }

    [Fact]
    public async Task A_sign_in_token_works_once_and_only_before_it_expires()
    {
        await using var store = await OpenAsync();
        var ct = TestContext.Current.CancellationToken;
        await store.Curators.AddAsync("alice", null, ct);
        Assert.True(await store.Curators.SetSignInTokenAsync("alice", "token-hash", Noon.AddHours(1), ct));

        Assert.Null(await store.Curators.UseSignInTokenAsync("other-hash", Noon, ct));
        Assert.Equal("alice", (await store.Curators.UseSignInTokenAsync("token-hash", Noon, ct))?.Name);
        Assert.Null(await store.Curators.UseSignInTokenAsync("token-hash", Noon, ct));

        await store.Curators.SetSignInTokenAsync("alice", "late-hash", Noon.AddHours(1), ct);
        Assert.Null(await store.Curators.UseSignInTokenAsync("late-hash", Noon.AddHours(1), ct));
        Assert.False(await store.Curators.SetSignInTokenAsync("nobody", "x", Noon, ct));
    }

    [Fact]
    public async Task Failed_sign_ins_count_up_lock_and_reset()
    {
        await using var store = await OpenAsync();
        var ct = TestContext.Current.CancellationToken;
        await store.Curators.AddAsync("alice", "hash", ct);

        Assert.Equal(1, await store.Curators.RecordFailedSignInAsync("alice", null, ct));
        Assert.Equal(2, await store.Curators.RecordFailedSignInAsync("alice", Noon.AddMinutes(15), ct));
        var locked = await store.Curators.GetAsync("alice", ct);
        Assert.True(locked!.IsLockedAt(Noon));
        Assert.False(locked.IsLockedAt(Noon.AddMinutes(15)));

        await store.Curators.ResetFailedSignInsAsync("alice", ct);
        var reset = await store.Curators.GetAsync("alice", ct);
        Assert.Equal((0, (DateTimeOffset?)null), (reset!.FailedSignIns, reset.LockedUntil));
        Assert.Equal(0, await store.Curators.RecordFailedSignInAsync("nobody", null, ct));
    }

    [Fact]
    public async Task A_password_set_later_survives_a_reopening()
    {
        var ct = TestContext.Current.CancellationToken;
        await using (var store = await OpenAsync())
        {
            await store.Curators.AddAsync("alice", null, ct);
            Assert.True(await store.Curators.SetPasswordAsync("alice", "hash-2", ct));
            Assert.False(await store.Curators.SetPasswordAsync("nobody", "hash", ct));
        }

        await using var again = await OpenAsync();
        Assert.Equal("hash-2", (await again.Curators.GetAsync("alice", ct))?.PasswordHash);
    }
}
