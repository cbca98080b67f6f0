namespace Roundup.Issues;

/// <summary>An issue is written as a Draft, approved by the curator, then published; nothing is sent before approval.</summary>
public enum IssueStatus
{
    Draft,
    Approved,
    Published,
}
