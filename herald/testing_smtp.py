"""A real SMTP server on loopback for the email tests: it keeps what it is sent, and can be told
to refuse a recipient, fail a DATA, drop the connection, or go away and come back."""

import threading
from contextlib import contextmanager
from email.message import EmailMessage
from email.parser import BytesParser
from email.policy import default as default_policy

from aiosmtpd.controller import Controller

from herald.testing import free_port

DATA_SIZE_LIMIT = 8 * 1024 * 1024


class SmtpSink:
    """Accepts mail on 127.0.0.1:`port`; `messages` holds each accepted message (parsed with the
    default policy) and `envelopes` its (mail_from, rcpt_tos), both in arrival order."""

    def __init__(self):
        self.host = "127.0.0.1"
        # aiosmtpd 1.4's Controller cannot listen on port 0 (it connects to its own port to
        # start), so it is handed a free one.
        self.port = free_port()
        self.messages: list[EmailMessage] = []
        self.envelopes: list[tuple[str, list[str]]] = []
        # The SMTP sessions that delivered mail: one per connection a client opened.
        self.sessions: list = []
        # One condition guards all state: the handler runs on the server's thread.
        self._arrived = threading.Condition()
        self._refused: dict[str, str] = {}
        self._drop_in: int | None = None
        self._data_failure: str | None = None
        self._data_failures_left = 0
        self._controller: Controller | None = None
        self.start()

    # -- server lifetime ------------------------------------------------------------------------

    def start(self):
        """Listen again on the same port (a stopped aiosmtpd Controller cannot be restarted,
        its event loop is closed, so each start makes a new one)."""
        if self._controller is not None:
            return
        self._controller = Controller(
            self,
            hostname=self.host,
            port=self.port,
            server_hostname="smtp-sink.test",  # spares a slow getfqdn() lookup
            enable_SMTPUTF8=True,
            data_size_limit=DATA_SIZE_LIMIT,
        )
        self._controller.start()

    def stop(self):
        """The relay goes away: connecting then fails with ConnectionRefusedError."""
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    # -- faults ---------------------------------------------------------------------------------

    def refuse(self, address, code=550, text="5.1.1 No such user"):
        """RCPT TO for `address` (any case) answers `code text`; use 450 for a transient one."""
        with self._arrived:
            self._refused[address.lower()] = f"{code} {text}"

    def drop_after(self, n):
        """After `n` more accepted messages, close the connection at the next DATA without a
        reply (the client sees SMTPServerDisconnected); fires once."""
        with self._arrived:
            self._drop_in = n

    def fail_data(self, code=451, text="4.3.0 Try again later", times=1):
        """The next `times` DATA commands answer `code text`."""
        with self._arrived:
            self._data_failure = f"{code} {text}"
            self._data_failures_left = times

    # -- what arrived ---------------------------------------------------------------------------

    def wait_for(self, count, timeout=10):
        """Block until at least `count` messages have arrived; return them."""
        with self._arrived:
            if not self._arrived.wait_for(lambda: len(self.messages) >= count, timeout):
                raise AssertionError(
                    f"expected {count} message(s) at the SMTP sink within {timeout}s, "
                    f"got {len(self.messages)}"
                )
            return list(self.messages)

    def mailer_settings(self):
        """A Django MAILERS setting that sends through this sink."""
        return {
            "default": {
                "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                "OPTIONS": {"host": self.host, "port": self.port, "timeout": 5},
            }
        }

    # -- aiosmtpd handler hooks (run on the server's thread) ------------------------------------

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        with self._arrived:
            refusal = self._refused.get(address.lower())
        if refusal:
            return refusal
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(rcpt_options)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with self._arrived:
            if not any(known is session for known in self.sessions):
                self.sessions.append(session)
            if self._drop_in == 0:
                self._drop_in = None
                # abort(), not close(): no reply and no graceful shutdown, like a dying relay.
                # The status returned below is then written to a dead transport and discarded.
                server.transport.abort()
                return "421 dropped"
            if self._data_failures_left > 0:
                self._data_failures_left -= 1
                return self._data_failure
            # CRLF is the wire's line ending, not the message's: tests compare with Python text.
            content = envelope.content.replace(b"\r\n", b"\n")
            self.messages.append(BytesParser(policy=default_policy).parsebytes(content))
            self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
            if self._drop_in:
                self._drop_in -= 1
            self._arrived.notify_all()
        return "250 Message accepted for delivery"


@contextmanager
def relay(sink_class, settings):
    """A sink of this kind as Django's default mailer, for as long as the block lasts."""
    sink = sink_class()
    settings.MAILERS = sink.mailer_settings()
    try:
        yield sink
    finally:
        sink.stop()
