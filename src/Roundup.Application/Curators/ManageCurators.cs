using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Roundup.Application.Hosting;
using Roundup.Curators;

namespace Roundup.Application.Curators;

/// <summary>
/// The curators who may sign in to the desk, managed from the command line only (the web cannot create one).
/// Passwords are kept as ASP.NET Core Identity's hash; a curator added without one gets a one-time sign-in link.
/// </summary>
public sealed class ManageCurators(RoundupHost host)
{
    /// <summary>How long a one-time sign-in link works.</summary>
    public static readonly TimeSpan SignInLinkLifetime = TimeSpan.FromHours(24);

    /// <summary>The shortest password accepted.</summary>
    public const int MinPasswordLength = 12;

    private static readonly PasswordHasher<Curator> Hasher = new();

    // Identity's hasher takes the user for hashers that salt with it; the default one does not read it.
    private static readonly Curator Anyone = new(0, "", null, default, 0, null);

    /// <summary>
    /// Adds a curator with <paramref name="password"/>, or without one and with a one-time sign-in link (returned; only
    /// its hash is stored). A taken name or a short password is refused.
    /// </summary>
    public async Task<(Curator Curator, Uri? SignInLink)> AddAsync(string name, string? password, CancellationToken ct)
    {
        var trimmed = CheckName(name);
        if (password is not null && password.Length < MinPasswordLength)
        {
            throw new UsageException($"the password is too short: at least {MinPasswordLength} characters");
        }

        var store = (await host.StoreAsync(ct)).Curators;
        var curator = await store.AddAsync(trimmed, password is null ? null : Hash(password), ct)
            ?? throw new UsageException($"there is already a curator named '{trimmed}'");
        return (curator, password is null ? await NewSignInLinkAsync(store, trimmed, ct) : null);
    }

    /// <summary>A fresh one-time sign-in link for an existing curator (the earlier one stops working).</summary>
    public async Task<Uri> SignInLinkAsync(string name, CancellationToken ct)
    {
        var store = (await host.StoreAsync(ct)).Curators;
        _ = await store.GetAsync(name, ct) ?? throw new UsageException($"there is no curator named '{name}'");
        return await NewSignInLinkAsync(store, name, ct);
    }

    public async Task<IReadOnlyList<Curator>> ListAsync(CancellationToken ct) => await (await host.StoreAsync(ct)).Curators.ListAsync(ct);

    public async Task RemoveAsync(string name, CancellationToken ct)
    {
        if (!await (await host.StoreAsync(ct)).Curators.RemoveAsync(name, ct))
        {
            throw new UsageException($"there is no curator named '{name}'");
        }
    }

    /// <summary>Whether <paramref name="password"/> is the curator's (false for a curator with no password yet).</summary>
    public static bool Verify(Curator curator, string password)
    {
        ArgumentNullException.ThrowIfNull(curator);
        return curator.PasswordHash is { } hash && Hasher.VerifyHashedPassword(curator, hash, password) != PasswordVerificationResult.Failed;
    }

    public static string Hash(string password) => Hasher.HashPassword(Anyone, password);

    /// <summary>The stored form of a sign-in token: its SHA-256, so a copy of the store signs nobody in.</summary>
    public static string TokenHash(string token) => Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    private async Task<Uri> NewSignInLinkAsync(ICuratorStore store, string name, CancellationToken ct)
    {
        var token = Base64UrlToken();
        await store.SetSignInTokenAsync(name, TokenHash(token), host.Time.GetUtcNow() + SignInLinkLifetime, ct);
        // Under the site's path as `roundup serve` serves it (Mail:LinkBase, else Publish:SiteUrl).
        var linkBase = host.Options.Mail.List(host.Options.Publish.Site().BaseUrl).LinkBase;
        return new Uri(new Uri(linkBase.AbsoluteUri.EndsWith('/') ? linkBase.AbsoluteUri : linkBase.AbsoluteUri + "/"), $"desk/sign-in?token={token}");
    }

    private static string Base64UrlToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string CheckName(string name)
    {
        var trimmed = name.Trim();
        return trimmed.Length is > 0 and <= 64 && trimmed.All(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_')
            ? trimmed
            : throw new UsageException($"'{name}' is not a curator name: 1 to 64 letters, digits, '.', '-' or '_'");
    }
}
