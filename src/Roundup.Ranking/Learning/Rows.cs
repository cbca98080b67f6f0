using Microsoft.ML;
using Microsoft.ML.Data;

namespace Roundup.Ranking.Learning;

/// <summary>Builds ML.NET data views whose feature width is known only at run time.</summary>
internal static class Rows
{
    public static IDataView Load(MLContext ml, IEnumerable<LabelledRow> rows, int width)
    {
        var schema = SchemaDefinition.Create(typeof(LabelledRow));
        schema[nameof(LabelledRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        return ml.Data.LoadFromEnumerable(rows, schema);
    }

    /// <summary>Weights that give the positives and the negatives the same total, so a 4% class still counts.</summary>
    public static (float Positive, float Negative) BalancedWeights(int positives, int total)
    {
        var negatives = total - positives;
        if (positives == 0 || negatives == 0)
        {
            return (1f, 1f);
        }

        return ((float)(total / (2.0 * positives)), (float)(total / (2.0 * negatives)));
    }
}
