namespace Roundup.Delivery;

/// <summary>
/// What an import did: new subscribers, names updated on known ones, addresses left alone because they are on the
/// suppression list, and known addresses with nothing to change. <see cref="AddedIds"/> lists the new subscribers.
/// </summary>
public sealed record ImportResult(int Added, int Updated, int Suppressed, int Unchanged, IReadOnlyList<long> AddedIds);
