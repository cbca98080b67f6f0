namespace Roundup.Harvesting;

/// <summary>A record that could not be used: where it was (file and line, URL and record) and why.</summary>
public sealed record HarvestProblem(string Location, string Message)
{
    public override string ToString() => $"{Location}: {Message}";
}
