namespace Roundup.Delivery.Sending;

/// <summary>A dry run: how many subscribers would get the issue now, every message built and checked, nothing sent or stored.</summary>
public sealed record DeliveryPreview(MailingKey Mailing, int Recipients, string? Subject);
