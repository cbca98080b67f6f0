using Roundup.Publishing.Templates;
using Roundup.Publishing.Text;

namespace Roundup.Publishing.Email;

/// <summary>
/// An issue's e-mail rendered once, ready for each subscriber: <see cref="ForSubscriber"/> only splices in the
/// greeting and the unsubscribe link, so thousands of copies cost a string concatenation each. Thread-safe.
/// </summary>
public sealed class PreparedEmail
{
    private const int LongestName = 100;
    private readonly Splice _html;
    private readonly Splice _text;

    internal PreparedEmail(string subject, Splice html, Splice text)
    {
        Subject = subject;
        _html = html;
        _text = text;
    }

    /// <summary>The subject line, the same for every subscriber; never contains CR or LF.</summary>
    public string Subject { get; }

    public RenderedEmail ForSubscriber(EmailPersonalisation personal)
    {
        ArgumentNullException.ThrowIfNull(personal);
        var url = personal.UnsubscribeUrl;
        if (url is null || !url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeMailto))
        {
            throw new ArgumentException($"EmailPersonalisation.UnsubscribeUrl must be an absolute https, http or mailto URL, got '{url}'", nameof(personal));
        }

        var name = CleanText.Inline(personal.Name);
        if (name.Length > LongestName)
        {
            name = name[..LongestName].TrimEnd();
        }

        var greeting = name.Length > 0 ? $"Hi {name}," : "Hello,";
        return new RenderedEmail(
            Subject,
            _html.Fill(HtmlTemplates.Encode(greeting), HtmlTemplates.Encode(url.AbsoluteUri)),
            _text.Fill(greeting, url.AbsoluteUri));
    }
}
