namespace Roundup.Issues;

/// <summary>A funnel stage as the issue reports it: papers in, papers kept, and the stage's budget in words.</summary>
public sealed record FunnelCount(string Stage, int Entered, int Kept, string Budget);
