namespace Roundup.Issues;

/// <summary>How many checked claims (numbers and names) of the issue's text were found in the papers.</summary>
public sealed record GroundingSummary(int Found, int Checked)
{
    public double Rate => Checked == 0 ? 1 : (double)Found / Checked;

    public override string ToString() => $"{Found} of {Checked} claims found in the papers";
}
