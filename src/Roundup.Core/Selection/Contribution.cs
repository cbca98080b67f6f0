using System.Globalization;

namespace Roundup.Selection;

/// <summary>One signed part of a score, with what it rests on: "+0.21 speed claim: '3.2x faster'".</summary>
public sealed record Contribution(double Value, string Label)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Value:+0.00;-0.00;+0.00} {Label}");
}
