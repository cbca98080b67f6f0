using Roundup.Selection;

namespace Roundup.Ranking.Taste.Model;

/// <summary>
/// The taste's verdict on one paper: the probability it is a pick (on an even prior), the probability of an average
/// paper, and what moved it from there, by facet, in probability points that add up to the difference.
/// <see cref="ReputationShare"/> is the part of what lifted it that its authors' and code owners' record gave.
/// </summary>
public sealed record TasteJudgement(double Probability, double Baseline, IReadOnlyList<Contribution> Facets, double ReputationShare);
