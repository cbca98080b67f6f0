using Roundup.Storage.Tests.Contract;
using Roundup.Testing.Postgres;

namespace Roundup.Storage.Tests.Postgres;

// The PostgreSQL store against every contract suite: each subclass only says how to open a database of the test's own.

public sealed class PostgresPaperHarvestStoreTests(PostgresFixture postgres) : PaperHarvestStoreContract
{
    private readonly PostgresTestDatabase _db = new(postgres);

    protected override Task<IRoundupStore> OpenAsync(TimeProvider time) => _db.OpenAsync(time);
}

public sealed class PostgresSelectionStoreTests(PostgresFixture postgres) : SelectionStoreContract
{
    private readonly PostgresTestDatabase _db = new(postgres);

    protected override Task<IRoundupStore> OpenAsync(TimeProvider time) => _db.OpenAsync(time);
}

public sealed class PostgresEmbeddingStoreTests(PostgresFixture postgres) : EmbeddingStoreContract
{
    private readonly PostgresTestDatabase _db = new(postgres);

    protected override Task<IRoundupStore> OpenAsync(TimeProvider time) => _db.OpenAsync(time);
}

public sealed class PostgresIssueStoreTests(PostgresFixture postgres) : IssueStoreContract
{
    private readonly PostgresTestDatabase _db = new(postgres);

    protected override Task<IRoundupStore> OpenAsync(TimeProvider time) => _db.OpenAsync(time);
}

public sealed class PostgresSubscriberStoreTests(PostgresFixture postgres) : SubscriberStoreContract
{
    private readonly PostgresTestDatabase _db = new(postgres);

    protected override Task<IRoundupStore> OpenAsync(TimeProvider time) => _db.OpenAsync(time);
}

public sealed class PostgresOutboxStoreTests(PostgresFixture postgres) : OutboxStoreContract
{
    private readonly PostgresTestDatabase _db = new(postgres);

    protected override Task<IRoundupStore> OpenAsync(TimeProvider time) => _db.OpenAsync(time);
}

public sealed class PostgresErratumMailingTests(PostgresFixture postgres) : ErratumMailingContract
{
    private readonly PostgresTestDatabase _db = new(postgres);

    protected override Task<IRoundupStore> OpenAsync(TimeProvider time) => _db.OpenAsync(time);
}

public sealed class PostgresCuratorStoreTests(PostgresFixture postgres) : CuratorStoreContract
{
    private readonly PostgresTestDatabase _db = new(postgres);

    protected override Task<IRoundupStore> OpenAsync(TimeProvider time) => _db.OpenAsync(time);
}

public sealed class PostgresCorrectionStoreTests(PostgresFixture postgres) : CorrectionStoreContract
{
    private readonly PostgresTestDatabase _db = new(postgres);

    protected override Task<IRoundupStore> OpenAsync(TimeProvider time) => _db.OpenAsync(time);
}
