using System.Globalization;

namespace Roundup.Publishing.Text;

internal static class Numbers
{
    /// <summary>"3,030": thousands separated, whatever the machine's culture.</summary>
    public static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
