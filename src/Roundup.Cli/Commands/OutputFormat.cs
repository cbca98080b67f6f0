namespace Roundup.Cli.Commands;

public enum OutputFormat
{
    Table,
    Json,
}
