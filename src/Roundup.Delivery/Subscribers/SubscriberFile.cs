namespace Roundup.Delivery.Subscribers;

/// <summary>
/// A subscriber CSV file as read: the valid rows (duplicates merged, the last non-empty name winning) and the
/// problems, each naming its line. Every row is one of them: <see cref="Rows"/> = subscribers + duplicates + problems
/// (blank lines are not rows; a quoted field spanning lines makes one row).
/// </summary>
public sealed record SubscriberFile(IReadOnlyList<SubscriberImport> Subscribers, IReadOnlyList<CsvProblem> Problems, int Duplicates)
{
    public int Rows { get; init; }
}
