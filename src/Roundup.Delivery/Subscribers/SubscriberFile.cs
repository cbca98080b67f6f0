namespace Roundup.Delivery.Subscribers;

/// <summary>
/// A subscriber CSV file as read: the valid rows (duplicates merged, the last non-empty name winning) and the
/// problems, each naming its line.
/// </summary>
public sealed record SubscriberFile(IReadOnlyList<SubscriberImport> Subscribers, IReadOnlyList<CsvProblem> Problems, int Duplicates);
