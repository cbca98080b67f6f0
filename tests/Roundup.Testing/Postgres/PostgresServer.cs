using Xunit;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace Roundup.Testing.Postgres;

/// <summary>
/// A private PostgreSQL server for tests: Debian's initdb into a temporary folder, pg_ctl on a free 127.0.0.1 port,
/// password (SCRAM) sign-in, run as an unprivileged user (as the <c>postgres</c> account when the tests run as root,
/// since PostgreSQL refuses root). Removed on dispose. Each test takes a database of its own with
/// <see cref="CreateDatabaseAsync"/>. Without the binaries the tests skip saying why, except in CI, where that is a
/// failure: CI installs postgresql.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string User = "roundup";
    private static readonly Lazy<(string? Bin, string? Problem)> Binaries = new(FindBinaries);
    private int _databases;

    private PostgresServer(string bin, string folder, int port, string password)
    {
        Bin = bin;
        Folder = folder;
        Port = port;
        Password = password;
    }

    public string Bin { get; }

    public string Folder { get; }

    public string DataDirectory => Path.Combine(Folder, "data");

    public int Port { get; }

    public string Password { get; }

    private static bool AsRoot => Environment.UserName == "root";

    /// <summary>Skips the test (or fails it in CI) when PostgreSQL's server binaries are not installed.</summary>
    public static void RequireAvailable()
    {
        if (Binaries.Value.Problem is { } problem)
        {
            if (Environment.GetEnvironmentVariable("CI") is { Length: > 0 })
            {
                throw new InvalidOperationException($"{problem}; CI must install Debian's postgresql (.ci/run does)");
            }

            Assert.Skip(problem);
        }
    }

    public static async Task<PostgresServer> StartAsync(CancellationToken cancellationToken = default)
    {
        RequireAvailable();
        var bin = Binaries.Value.Bin!;
        var folder = Path.Combine(Path.GetTempPath(), $"roundup-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
        var passwordFile = Path.Combine(folder, "password");
        await File.WriteAllTextAsync(passwordFile, password, cancellationToken);
        if (AsRoot)
        {
            await RunAsync("chown", ["-R", "postgres:postgres", folder], asPostgres: false, cancellationToken);
        }

        var server = new PostgresServer(bin, folder, FreePort(), password);
        await server.RunAsync(Path.Combine(bin, "initdb"),
            ["-D", server.DataDirectory, "-U", User, "--pwfile", passwordFile, "--auth", "scram-sha-256", "-E", "UTF8", "--locale", "C.UTF-8", "--no-sync"],
            asPostgres: AsRoot, cancellationToken);
        File.Delete(passwordFile);
        await server.StartServerAsync(cancellationToken);
        return server;
    }

    /// <summary>A connection string to <paramref name="database"/> as the server's user, with its password.</summary>
    public string ConnectionString(string database = "postgres") =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = User,
            Password = Password,
            Database = database,
            Pooling = true,
        }.ConnectionString;

    /// <summary>Creates an empty database of its own for one test and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "t", CancellationToken cancellationToken = default)
    {
        var name = $"{prefix[..Math.Min(prefix.Length, 20)]}_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}".ToLowerInvariant();
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return ConnectionString(name);
    }

    /// <summary>Stops the server at once (as a crash would) and starts it again on the same port and data.</summary>
    public async Task RestartAsync(TimeSpan down, CancellationToken cancellationToken = default)
    {
        await StopServerAsync("immediate", cancellationToken);
        await Task.Delay(down, cancellationToken);
        await StartServerAsync(cancellationToken);
    }

    public async Task StopServerAsync(string mode = "fast", CancellationToken cancellationToken = default) =>
        await RunAsync(Path.Combine(Bin, "pg_ctl"), ["-D", DataDirectory, "-m", mode, "-w", "stop"], AsRoot, cancellationToken);

    /// <remarks>
    /// fsync is off (nothing here must survive the machine), but synchronous_commit stays on: a commit is in the WAL
    /// before it is acknowledged, so an immediate stop, like a crashed server process, loses no acknowledged commit.
    /// </remarks>
    public async Task StartServerAsync(CancellationToken cancellationToken = default)
    {
        var options = $"-c listen_addresses=127.0.0.1 -p {Port} -c unix_socket_directories='' -c fsync=off -c full_page_writes=off -c max_connections=200";
        await RunAsync(Path.Combine(Bin, "pg_ctl"),
            ["-D", DataDirectory, "-l", Path.Combine(Folder, "server.log"), "-o", options, "-w", "-t", "60", "start"],
            AsRoot, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            NpgsqlConnection.ClearAllPools();
            await StopServerAsync("immediate");
        }
        catch (InvalidOperationException)
        {
            // Already stopped (a test stopped it and failed before starting it again).
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres, CancellationToken cancellationToken) =>
        await RunAsync(program, arguments, asPostgres, cancellationToken, Folder);

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres, CancellationToken cancellationToken, string? folder = null)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres)
        {
            foreach (var a in new[] { "-u", "postgres", "--", program })
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {program}");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            var log = folder is not null && File.Exists(Path.Combine(folder, "server.log")) ? await File.ReadAllTextAsync(Path.Combine(folder, "server.log"), cancellationToken) : "";
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} exited {process.ExitCode}: {await error}{await output}{log}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static (string? Bin, string? Problem) FindBinaries()
    {
        var candidates = new List<string>();
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin")));
        }

        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries));
        var bin = candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
        if (bin is null)
        {
            return (null, "PostgreSQL's server binaries (initdb, pg_ctl) are not installed: apt-get install postgresql");
        }

        if (AsRoot && !File.ReadLines("/etc/passwd").Any(l => l.StartsWith("postgres:", StringComparison.Ordinal)))
        {
            return (null, "the tests run as root, and PostgreSQL refuses root: the 'postgres' account (made by Debian's postgresql package) is missing");
        }

        return (bin, null);
    }
}
