using System.Text;

namespace Roundup.Publishing.Text;

/// <summary>Wraps a paragraph at word boundaries for plain text; a word longer than the line (a URL) gets a line of its own.</summary>
internal static class TextWrap
{
    public static void AppendWrapped(StringBuilder builder, string text, int width, string indent = "", string firstIndent = "")
    {
        var line = new StringBuilder(firstIndent);
        var lineHasWord = false;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (lineHasWord && line.Length + 1 + word.Length > width)
            {
                builder.Append(line).Append('\n');
                line.Clear().Append(indent);
                lineHasWord = false;
            }

            if (lineHasWord)
            {
                line.Append(' ');
            }

            line.Append(word);
            lineHasWord = true;
        }

        builder.Append(line).Append('\n');
    }
}
