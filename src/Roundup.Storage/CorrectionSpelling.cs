using Roundup.Corrections;

namespace Roundup.Storage;

/// <summary>How every provider's <c>correction_suggestions</c> table spells a suggestion's status.</summary>
internal static class CorrectionSpelling
{
    public const string Columns = "id, week, paper_id, text, contact, received, status, decided, decided_by, erratum";

    public static string Name(SuggestionStatus status) => status switch
    {
        SuggestionStatus.Pending => "pending",
        SuggestionStatus.Published => "published",
        _ => "rejected",
    };

    public static SuggestionStatus Status(string name) => name switch
    {
        "pending" => SuggestionStatus.Pending,
        "published" => SuggestionStatus.Published,
        _ => SuggestionStatus.Rejected,
    };
}
