namespace Roundup.Storage.Migrations;

/// <summary>One numbered schema change, read from an embedded <c>Migrations/{dialect}/NNN_name.sql</c>.</summary>
public sealed record Migration(int Version, string Name, string Sql);
