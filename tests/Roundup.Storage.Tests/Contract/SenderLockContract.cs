using Roundup.Delivery;

namespace Roundup.Storage.Tests.Contract;

/// <summary>What every store's sender lock (<see cref="ISenderLock"/>) must do, whatever the database: one holder at a time, free once let go.</summary>
public abstract class SenderLockContract : StoreContract
{
    [Fact]
    public async Task Only_one_sender_holds_the_lock_and_it_is_free_again_once_released()
    {
        await using var one = await OpenAsync();
        await using var two = await OpenAsync();
        var held = await one.SenderLock.LockSenderAsync();
        var busy = await Assert.ThrowsAsync<DeliveryBusyException>(() => two.SenderLock.LockSenderAsync());
        Assert.Contains("another delivery run", busy.Message, StringComparison.Ordinal);
        await held.DisposeAsync();
        await (await two.SenderLock.LockSenderAsync()).DisposeAsync();
    }

    [Fact]
    public async Task A_second_lock_through_the_same_store_is_refused_too()
    {
        await using var store = await OpenAsync();
        await using (await store.SenderLock.LockSenderAsync())
        {
            await Assert.ThrowsAsync<DeliveryBusyException>(() => store.SenderLock.LockSenderAsync());
        }

        await (await store.SenderLock.LockSenderAsync()).DisposeAsync();
    }

    [Fact]
    public async Task A_refusal_leaves_the_holder_holding_and_whoever_takes_it_next_holds_it_alone()
    {
        await using var one = await OpenAsync();
        await using var two = await OpenAsync();
        await using var three = await OpenAsync();
        var held = await one.SenderLock.LockSenderAsync();
        await Assert.ThrowsAsync<DeliveryBusyException>(() => two.SenderLock.LockSenderAsync());
        await Assert.ThrowsAsync<DeliveryBusyException>(() => three.SenderLock.LockSenderAsync());
        await Assert.ThrowsAsync<DeliveryBusyException>(() => two.SenderLock.LockSenderAsync());

        await held.DisposeAsync();
        await using var taken = await two.SenderLock.LockSenderAsync();
        await Assert.ThrowsAsync<DeliveryBusyException>(() => one.SenderLock.LockSenderAsync());
        await Assert.ThrowsAsync<DeliveryBusyException>(() => three.SenderLock.LockSenderAsync());
    }
}
