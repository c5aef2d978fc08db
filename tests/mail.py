"""A real SMTP server for tests (aiosmtpd on loopback, in its own thread) that keeps what it
receives and answers as told: accept, refuse for good (5xx) or ask to come back later (4xx)."""

import threading
from email import message_from_bytes, policy
from email.message import EmailMessage

from aiosmtpd.controller import Controller

from app.kit.net import free_port


class MailSink:
    def __init__(self):
        self.messages: list[EmailMessage] = []
        self.envelopes: list[tuple[str, list[str]]] = []
        # Answers to give to the next DATA commands, in order, before accepting again.
        self.answers: list[str] = []
        self._lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):  # aiosmtpd's handler hook
        with self._lock:
            if self.answers:
                return self.answers.pop(0)
            self.messages.append(message_from_bytes(envelope.original_content or envelope.content,
                                                    policy=policy.default))
            self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
        return "250 2.0.0 Ok: queued as TEST"


class SmtpServer:
    def __init__(self):
        self.sink = MailSink()
        self.port = free_port()
        self.controller = Controller(self.sink, hostname="127.0.0.1", port=self.port)

    def __enter__(self) -> "SmtpServer":
        self.controller.start()
        return self

    def __exit__(self, *exc) -> None:
        self.controller.stop()

    @property
    def messages(self) -> list[EmailMessage]:
        return self.sink.messages
