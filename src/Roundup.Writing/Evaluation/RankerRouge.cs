namespace Roundup.Writing.Evaluation;

/// <summary>One way of choosing a TL;DR and its mean ROUGE-1/2/L F1 × 100 over a split.</summary>
public sealed record RankerRouge(string Name, string Description, double Rouge1, double Rouge2, double RougeL);
