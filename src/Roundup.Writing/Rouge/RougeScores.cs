namespace Roundup.Writing.Rouge;

/// <summary>ROUGE-1, ROUGE-2 and ROUGE-L F1 of one candidate, each between 0 and 1.</summary>
public sealed record RougeScores(double Rouge1, double Rouge2, double RougeL)
{
    public static RougeScores Zero { get; } = new(0, 0, 0);

    /// <summary>The mean of the three, used to rank sentences against a reference.</summary>
    public double Mean => (Rouge1 + Rouge2 + RougeL) / 3;
}
