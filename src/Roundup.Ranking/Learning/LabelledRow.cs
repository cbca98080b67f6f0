using Microsoft.ML.Data;

namespace Roundup.Ranking.Learning;

/// <summary>One training row for ML.NET: a label, its weight, and the features (dense or sparse).</summary>
internal sealed class LabelledRow
{
    public bool Label { get; set; }

    public float Weight { get; set; }

    public VBuffer<float> Features { get; set; }
}
