using Roundup.Delivery.Messages;
using Roundup.Delivery.Transport;

namespace Roundup.Web.SignUp;

/// <summary>How the sign-up form's confirmation messages are made and sent: the list's builder and its transport (pickup folder or SMTP).</summary>
public sealed record SignUpMail(IMailTransportFactory Transport, MessageBuilder Builder);
