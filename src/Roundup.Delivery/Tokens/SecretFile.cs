using System.Security.Cryptography;

namespace Roundup.Delivery.Tokens;

/// <summary>
/// The signing secret for the embedded default (pickup folder, no <c>Mail:Secret</c>): 32 random bytes generated
/// once and kept in a file readable by the owner only, so links stay valid from one run to the next.
/// </summary>
public static class SecretFile
{
    public static byte[] LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            var key = Convert.FromBase64String(File.ReadAllText(path).Trim());
            return key.Length >= TokenSigner.MinimumSecretBytes
                ? key
                : throw new FormatException($"{path}: the stored secret is shorter than {TokenSigner.MinimumSecretBytes} bytes; delete the file to make a new one (links already sent stop working)");
        }

        var created = RandomNumberGenerator.GetBytes(TokenSigner.MinimumSecretBytes);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var file = new StreamWriter(path, options))
        {
            file.Write(Convert.ToBase64String(created));
        }

        return created;
    }
}
