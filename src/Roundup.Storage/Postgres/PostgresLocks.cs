namespace Roundup.Storage.Postgres;

/// <summary>
/// The advisory lock keys Roundup takes in its database (advisory locks are per database, so two installations on
/// one server do not meet). Numbers 0x52_55_00_xx: "RU" and a serial, unlikely to be used by anyone else.
/// </summary>
internal static class PostgresLocks
{
    /// <summary>Held while migrations are applied, so processes starting at once apply each once.</summary>
    public const long Migrations = 0x5255_0001;

    /// <summary>Held by one harvest page's transaction: the read-merge-write of papers is serialised across processes.</summary>
    public const long Harvest = 0x5255_0002;

    /// <summary>Held by a transaction that adds or signs up subscribers: one decision per address at a time.</summary>
    public const long Subscribers = 0x5255_0003;

    /// <summary>Held by the transaction saving one (selection key, stage).</summary>
    public const long Selection = 0x5255_0005;

    /// <summary>Held by the transaction enqueueing one mailing: an erratum's audience is fixed by exactly one first enqueue.</summary>
    public const long Enqueue = 0x5255_0006;
}
