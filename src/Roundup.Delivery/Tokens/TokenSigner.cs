using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Roundup.Delivery.Tokens;

/// <summary>
/// Signs and checks link tokens: <c>base64url(payload).base64url(HMAC-SHA256(secret, payload))</c>, where the payload
/// is a version byte, the purpose, the subscriber id, the expiry (Unix seconds) and the issue week. The signature is
/// compared in constant time before anything in the payload is believed; expiry is judged by the injected clock.
/// </summary>
public sealed class TokenSigner
{
    public const int MinimumSecretBytes = 32;
    private const byte Version = 1;
    private const int FixedLength = 1 + 1 + 8 + 8;
    private const int MaxTokenLength = 512;

    private readonly byte[] _key;
    private readonly TimeProvider _time;

    public TokenSigner(byte[] key, TimeProvider time)
    {
        if (key.Length < MinimumSecretBytes)
        {
            throw new ArgumentException($"the signing secret must be at least {MinimumSecretBytes} bytes; it has {key.Length}", nameof(key));
        }

        _key = key.ToArray();
        _time = time;
    }

    /// <summary>A signer keyed by a configured secret (<c>Mail:Secret</c>, at least 32 characters).</summary>
    public static TokenSigner FromSecret(string secret, TimeProvider time)
    {
        var bytes = Encoding.UTF8.GetBytes(secret);
        return bytes.Length >= MinimumSecretBytes
            ? new TokenSigner(bytes, time)
            : throw new FormatException($"Mail:Secret must be at least {MinimumSecretBytes} characters long (it has {secret.Length}); use a long random string");
    }

    public string Create(TokenPurpose purpose, long subscriberId, string week, TimeSpan lifetime)
    {
        var expires = _time.GetUtcNow().Add(lifetime).ToUnixTimeSeconds();
        var weekBytes = Encoding.UTF8.GetBytes(week);
        var payload = new byte[FixedLength + weekBytes.Length];
        payload[0] = Version;
        payload[1] = (byte)purpose;
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(2), subscriberId);
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(10), expires);
        weekBytes.CopyTo(payload.AsSpan(FixedLength));
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(HMACSHA256.HashData(_key, payload));
    }

    public TokenCheck Check(string? token, TokenPurpose purpose)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return TokenCheck.Invalid("the link is incomplete");
        }

        var dot = token.IndexOf('.', StringComparison.Ordinal);
        byte[] payload, signature;
        try
        {
            if (dot <= 0)
            {
                return TokenCheck.Invalid("the link is incomplete");
            }

            payload = Base64Url.DecodeFromChars(token.AsSpan(0, dot));
            signature = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
        }
        catch (FormatException)
        {
            return TokenCheck.Invalid("the link is damaged");
        }

        if (!CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(_key, payload), signature))
        {
            return TokenCheck.Invalid("the link's signature does not match");
        }

        if (payload.Length < FixedLength || payload[0] != Version)
        {
            return TokenCheck.Invalid("the link is of an unknown version");
        }

        if (payload[1] != (byte)purpose)
        {
            return TokenCheck.Invalid($"the link is not a {purpose.ToString().ToLowerInvariant()} link");
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(10)));
        if (_time.GetUtcNow() >= expires)
        {
            return TokenCheck.Invalid($"the link expired on {expires:yyyy-MM-dd HH:mm} UTC");
        }

        return TokenCheck.Valid(new LinkToken(
            purpose,
            BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(2)),
            Encoding.UTF8.GetString(payload.AsSpan(FixedLength)),
            expires));
    }
}
