using Roundup.Papers;

namespace Roundup.Writing.Evaluation.Dair;

/// <summary>One pick of DAIR.AI's "Top ML Papers of the Week": its week, rank, arXiv paper and the curator's text.</summary>
public sealed record DairEntry(DateOnly Week, int Rank, ArxivId Id, string EntryText);
