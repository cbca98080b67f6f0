using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Roundup.Ranking.Learning;

/// <summary>
/// The parameters of a trained ML.NET calibrated linear model, read out so scoring is plain arithmetic: thread-safe,
/// and able to say how much each feature added.
/// </summary>
internal sealed record LinearModel(float[] Weights, float Bias, double Slope, double Offset)
{
    public static LinearModel From(ITransformer transformer)
    {
        var model = transformer switch
        {
            ISingleFeaturePredictionTransformer<object> p => p.Model,
            TransformerChain<ITransformer> chain => chain.OfType<ISingleFeaturePredictionTransformer<object>>().Last().Model,
            _ => throw new InvalidOperationException($"not a prediction transformer: {transformer.GetType()}"),
        };
        return model switch
        {
            CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator> c =>
                new LinearModel([.. c.SubModel.Weights], c.SubModel.Bias, c.Calibrator.Slope, c.Calibrator.Offset),
            _ => throw new InvalidOperationException($"not a calibrated linear model: {model.GetType()}"),
        };
    }

    public double Margin(ReadOnlySpan<float> standardised)
    {
        var sum = (double)Bias;
        for (var i = 0; i < Weights.Length; i++)
        {
            sum += Weights[i] * standardised[i];
        }

        return sum;
    }

    public double Probability(double margin) => 1.0 / (1.0 + Math.Exp((Slope * margin) + Offset));
}
