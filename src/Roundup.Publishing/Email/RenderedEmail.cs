namespace Roundup.Publishing.Email;

/// <summary>One message's parts: a one-line subject, the HTML body and its plain-text alternative.</summary>
public sealed record RenderedEmail(string Subject, string Html, string Text);
