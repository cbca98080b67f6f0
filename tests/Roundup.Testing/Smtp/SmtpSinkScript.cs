namespace Roundup.Testing.Smtp;

/// <summary>The Python side of <see cref="SmtpSink"/>, written to the test's folder and run with /usr/bin/python3.</summary>
internal static class SmtpSinkScript
{
    public const string Text = """
        # A test SMTP server on 127.0.0.1 (aiosmtpd): writes each message to a Maildir and can misbehave on purpose.
        import argparse
        import asyncio
        import mailbox
        import ssl

        from aiosmtpd.smtp import SMTP, AuthResult

        parser = argparse.ArgumentParser()
        parser.add_argument("--maildir", required=True)
        parser.add_argument("--fail-once", action="append", default=[], help="answer 451 to the first DATA for this address")
        parser.add_argument("--reject", action="append", default=[], help="answer 550 to RCPT TO for this address")
        parser.add_argument("--refuse-rcpt", help="answer this (e.g. '554 5.7.1 Relay access denied') to every RCPT TO")
        parser.add_argument("--refuse-data", help="answer this (e.g. '554 5.7.1 policy') at the end of every DATA")
        parser.add_argument("--stall-after", type=int, help="after this many messages, never answer DATA again")
        parser.add_argument("--stall-file", help="created when the server starts stalling")
        parser.add_argument("--auth", help="USER:PASSWORD required before MAIL FROM")
        parser.add_argument("--discard", action="store_true", help="count messages without writing them")
        parser.add_argument("--tls", choices=["starttls", "implicit"], help="STARTTLS offered and required, or TLS from the first byte")
        parser.add_argument("--tls-cert", help="the server's certificate (PEM)")
        parser.add_argument("--tls-key", help="the certificate's private key (PEM)")
        parser.add_argument("--protocol-log", help="one line per stored message (not with --discard): the TLS version it came over, or plain")
        args = parser.parse_args()
        fail_once = {a.lower() for a in args.fail_once}
        reject = {a.lower() for a in args.reject}


        class Handler:
            def __init__(self):
                self.delivered = 0
                self.failed = set()
                self.box = None if args.discard else mailbox.Maildir(args.maildir, create=True)

            async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
                if address.lower() in reject:
                    return "550 5.1.1 <%s>: Recipient address rejected: mailbox unavailable" % address
                if args.refuse_rcpt:
                    return args.refuse_rcpt
                envelope.rcpt_tos.append(address)
                return "250 2.1.5 OK"

            async def handle_DATA(self, server, session, envelope):
                # No await between the check and the count: concurrent sessions cannot both slip past the stall.
                if args.stall_after is not None and self.delivered >= args.stall_after:
                    if args.stall_file:
                        open(args.stall_file, "a").close()
                    await asyncio.Event().wait()
                if args.refuse_data:
                    return args.refuse_data
                key = envelope.rcpt_tos[0].lower()
                if key in fail_once and key not in self.failed:
                    self.failed.add(key)
                    return "451 4.3.0 <%s>: temporary local problem, try again later" % envelope.rcpt_tos[0]
                if self.box is not None:
                    self.box.add(envelope.original_content or envelope.content)
                    if args.protocol_log:
                        tls = server.transport.get_extra_info("ssl_object")
                        with open(args.protocol_log, "a") as log:
                            log.write((tls.version() if tls else "plain") + "\n")
                self.delivered += 1
                return "250 2.0.0 OK: queued as %d" % self.delivered


        def authenticate(server, session, envelope, mechanism, auth_data):
            user, password = args.auth.split(":", 1)
            ok = auth_data.login.decode() == user and auth_data.password.decode() == password
            return AuthResult(success=ok, handled=False)


        async def main():
            handler = Handler()
            options = {}
            context = None
            if args.tls:
                context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
                context.load_cert_chain(args.tls_cert, args.tls_key)
            if args.tls == "starttls":
                options.update(tls_context=context, require_starttls=True)
            if args.auth:
                # aiosmtpd counts only STARTTLS as TLS; with implicit TLS every byte is already encrypted.
                options.update(authenticator=authenticate, auth_required=True, auth_require_tls=args.tls == "starttls")
            loop = asyncio.get_running_loop()
            implicit = context if args.tls == "implicit" else None
            server = await loop.create_server(lambda: SMTP(handler, **options), "127.0.0.1", 0, ssl=implicit)
            print("PORT", server.sockets[0].getsockname()[1], flush=True)
            await server.serve_forever()


        asyncio.run(main())
        """;
}
