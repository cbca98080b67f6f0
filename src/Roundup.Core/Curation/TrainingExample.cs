using Roundup.Papers;

namespace Roundup.Curation;

/// <summary>A paper a curator saw on a date, and whether they picked it: the unit of learning and evaluation.</summary>
public sealed record TrainingExample(Paper Paper, DateOnly Date, bool Picked);
