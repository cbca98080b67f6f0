using System.Net.Sockets;
using Npgsql;

namespace Roundup.Storage.Postgres;

/// <summary>
/// <c>Store:ConnectionString</c> checked before use, and the ways a server can refuse it told in one line that names
/// the setting and the server, never the password.
/// </summary>
public static class PostgresConnectionString
{
    private const string Setting = "Store:ConnectionString";
    private const string Form = "Host=…;Port=…;Username=…;Password=…;Database=…";

    /// <summary>What is wrong with the connection string as written, or null when it can be tried.</summary>
    public static string? Problem(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return $"{Setting} must be set for Store:Provider 'postgres' ({Form})";
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            return $"{Setting} is not a PostgreSQL connection string ({Form}): {Redact(e.Message, connectionString)}";
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            return $"{Setting} names no Host ({Form})";
        }

        if (string.IsNullOrWhiteSpace(builder.Username))
        {
            return $"{Setting} names no Username ({Form})";
        }

        return null;
    }

    /// <summary>Why the server at <paramref name="connectionString"/> could not be used, as a <see cref="StoreException"/>.</summary>
    public static StoreException Refused(Exception error, string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var server = $"the PostgreSQL server at {builder.Host}:{builder.Port}";
        var reason = error switch
        {
            PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification } =>
                $"{server} refused user '{builder.Username}': wrong Username or Password",
            PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName } =>
                $"{server} has no database '{builder.Database}' (create it first: createdb)",
            PostgresException p => $"{server} answered {p.SqlState}: {p.MessageText}",
            NpgsqlException { InnerException: SocketException s } => $"cannot reach {server} ({s.SocketErrorCode}: {s.Message})",
            NpgsqlException { InnerException: TimeoutException } or TimeoutException =>
                $"{server} did not answer within {builder.Timeout} s",
            _ => $"cannot use {server}: {error.Message}",
        };
        return new StoreException($"{Setting}: {Redact(reason, connectionString)}", error);
    }

    // Belt and braces: whatever a library's message quotes, the password never reaches a log or a terminal.
    private static string Redact(string message, string connectionString)
    {
        string? password = null;
        try
        {
            password = new NpgsqlConnectionStringBuilder(connectionString).Password;
        }
        catch (ArgumentException)
        {
            // Unparsable: fall back to the raw string's Password= value below.
        }

        password ??= RawPassword(connectionString);
        return string.IsNullOrEmpty(password) ? message : message.Replace(password, "********", StringComparison.Ordinal);
    }

    private static string? RawPassword(string connectionString)
    {
        foreach (var part in connectionString.Split(';'))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && part[..eq].Trim().Replace(" ", "", StringComparison.Ordinal).Equals("password", StringComparison.OrdinalIgnoreCase))
            {
                return part[(eq + 1)..].Trim();
            }
        }

        return null;
    }
}
