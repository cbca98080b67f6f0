namespace Roundup.Delivery.Messages;

/// <summary>One subscriber's message: the subject and the same content as HTML and as plain text.</summary>
public sealed record MessageContent(string Subject, string Html, string Text);
