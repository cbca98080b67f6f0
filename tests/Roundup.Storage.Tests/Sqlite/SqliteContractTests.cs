using Roundup.Storage.Tests.Contract;

namespace Roundup.Storage.Tests.Sqlite;

// The SQLite store against every contract suite: each subclass only says how to open a database of the test's own.

public sealed class SqlitePaperHarvestStoreTests : PaperHarvestStoreContract, IDisposable
{
    private readonly SqliteTestDatabase _db = new();

    protected override Task<IRoundupStore> OpenAsync(TimeProvider time) => _db.OpenAsync(time);

    public void Dispose() => _db.Dispose();
}

public sealed class SqliteSelectionStoreTests : SelectionStoreContract, IDisposable
{
    private readonly SqliteTestDatabase _db = new();

    protected override Task<IRoundupStore> OpenAsync(TimeProvider time) => _db.OpenAsync(time);

    public void Dispose() => _db.Dispose();
}

public sealed class SqliteEmbeddingStoreTests : EmbeddingStoreContract, IDisposable
{
    private readonly SqliteTestDatabase _db = new();

    protected override Task<IRoundupStore> OpenAsync(TimeProvider time) => _db.OpenAsync(time);

    public void Dispose() => _db.Dispose();
}

public sealed class SqliteIssueStoreTests : IssueStoreContract, IDisposable
{
    private readonly SqliteTestDatabase _db = new();

    protected override Task<IRoundupStore> OpenAsync(TimeProvider time) => _db.OpenAsync(time);

    public void Dispose() => _db.Dispose();
}

public sealed class SqliteSubscriberStoreTests : SubscriberStoreContract, IDisposable
{
    private readonly SqliteTestDatabase _db = new();

    protected override Task<IRoundupStore> OpenAsync(TimeProvider time) => _db.OpenAsync(time);

    public void Dispose() => _db.Dispose();
}

public sealed class SqliteOutboxStoreTests : OutboxStoreContract, IDisposable
{
    private readonly SqliteTestDatabase _db = new();

    protected override Task<IRoundupStore> OpenAsync(TimeProvider time) => _db.OpenAsync(time);

    public void Dispose() => _db.Dispose();
}

public sealed class SqliteErratumMailingTests : ErratumMailingContract, IDisposable
{
    private readonly SqliteTestDatabase _db = new();

    protected override Task<IRoundupStore> OpenAsync(TimeProvider time) => _db.OpenAsync(time);

    public void Dispose() => _db.Dispose();
}

public sealed class SqliteCuratorStoreTests : CuratorStoreContract, IDisposable
{
    private readonly SqliteTestDatabase _db = new();

    protected override Task<IRoundupStore> OpenAsync(TimeProvider time) => _db.OpenAsync(time);

    public void Dispose() => _db.Dispose();
}

public sealed class SqliteCorrectionStoreTests : CorrectionStoreContract, IDisposable
{
    private readonly SqliteTestDatabase _db = new();

    protected override Task<IRoundupStore> OpenAsync(TimeProvider time) => _db.OpenAsync(time);

    public void Dispose() => _db.Dispose();
}
