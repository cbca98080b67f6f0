namespace Roundup.Delivery.Subscribers;

/// <summary>A line of a subscriber file that was not imported, and why.</summary>
public sealed record CsvProblem(int Line, string Message)
{
    public override string ToString() => $"line {Line}: {Message}";
}
