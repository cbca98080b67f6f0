namespace Roundup.Writing.Evaluation.Dair;

/// <summary>
/// How close texts written from an abstract come to DAIR.AI curators' entries. <see cref="Entries"/> counts the file's
/// picks on arXiv, <see cref="Matched"/> those whose paper's abstract was given (and scored, over <see cref="Papers"/>
/// distinct papers); <see cref="HeadingsRemoved"/> the matched entries whose leading name was removed before scoring;
/// <see cref="StatingNumbers"/> the matched entries whose text states a number (the base of each row's
/// <see cref="DairRow.SharesNumber"/>); <see cref="CuratorWords"/> the mean length of the scored entry texts.
/// </summary>
public sealed record DairEvaluationReport(
    int Lines,
    int NotOnArxiv,
    int Entries,
    int Matched,
    int Papers,
    int HeadingsRemoved,
    int StatingNumbers,
    double CuratorWords,
    IReadOnlyList<DairRow> Rows);

/// <summary>
/// One way of writing an entry from the abstract: mean words, mean ROUGE-1/2/L F1 × 100 against the curator's text, and
/// the percentage of number-stating entries where this text states at least one of the curator's numbers.
/// </summary>
public sealed record DairRow(string Name, string Description, double Words, double Rouge1, double Rouge2, double RougeL, double SharesNumber);
