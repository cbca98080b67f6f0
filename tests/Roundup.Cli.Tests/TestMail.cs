using System.Globalization;

namespace Roundup.Cli.Tests;

/// <summary>The environment that points a <c>roundup</c> process at a test SMTP server on 127.0.0.1 (plain SMTP).</summary>
internal static class TestMail
{
    public const string Secret = "cli test secret, long enough to sign the links";

    public static Dictionary<string, string> Smtp(int port, int? connections = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["ROUNDUP_Mail__Sender"] = "smtp",
            ["ROUNDUP_Mail__Smtp__Host"] = "127.0.0.1",
            ["ROUNDUP_Mail__Smtp__Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["ROUNDUP_Mail__Smtp__Security"] = "None",
            ["ROUNDUP_Mail__Smtp__TimeoutSeconds"] = "30",
            ["ROUNDUP_Mail__Secret"] = Secret,
            ["ROUNDUP_Mail__From"] = "Roundup <issues@roundup.example.org>",
            ["ROUNDUP_Mail__RetryDelaySeconds"] = "0.05",
        };
        if (connections is { } count)
        {
            environment["ROUNDUP_Mail__Connections"] = count.ToString(CultureInfo.InvariantCulture);
        }

        return environment;
    }
}
