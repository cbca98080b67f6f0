namespace Roundup.FullText.Tests.Tables;

/// <summary>A table as text for a test's diagnostics, so a failure shows what was read.</summary>
internal static class TableDump
{
    public static string Of(EvidenceTable table) =>
        $"{table.Label} [{table.Caption[..Math.Min(60, table.Caption.Length)]}] header {table.HeaderRows}, appendix {table.InAppendix}, section '{table.Section}', bold [{string.Join(" ", table.Bold.Select(b => $"{b.Row}:{b.Column}"))}]\n"
        + string.Join("\n", table.Rows.Select(r => "  | " + string.Join(" | ", r)));
}
