"""Talking to the SMTP server (SMTP_* settings): one message, one answer.

The caller learns whether the server accepted the message (and its answer, kept on the outbox
row), refused it for good (a 5xx answer: retrying cannot help) or could not be reached or asked us
to come back later (a connection error or a 4xx answer: worth another attempt)."""

from dataclasses import dataclass
from email.message import EmailMessage

import aiosmtplib

from app.config import Settings


class DeliveryError(Exception):
    def __init__(self, answer: str, *, permanent: bool):
        super().__init__(answer)
        self.answer = answer
        self.permanent = permanent


@dataclass(frozen=True)
class Mailer:
    host: str
    port: int
    username: str | None
    password: str | None
    starttls: bool
    timeout: float
    default_sender: str
    public_base_url: str

    @classmethod
    def from_settings(cls, settings: Settings) -> "Mailer":
        return cls(host=settings.smtp_host, port=settings.smtp_port, username=settings.smtp_username,
                   password=settings.smtp_password, starttls=settings.smtp_starttls,
                   timeout=settings.smtp_timeout_seconds, default_sender=settings.smtp_from,
                   public_base_url=settings.public_base_url.rstrip("/"))

    async def send(self, message: EmailMessage) -> str:
        """The server's answer when it accepted the message; DeliveryError otherwise."""
        try:
            _, answer = await aiosmtplib.send(
                message, hostname=self.host, port=self.port, username=self.username, password=self.password,
                start_tls=self.starttls, timeout=self.timeout)
        except aiosmtplib.SMTPRecipientsRefused as exc:
            refused = exc.recipients[0]
            raise DeliveryError(f"{refused.code} {refused.message}", permanent=refused.code >= 500) from exc
        except aiosmtplib.SMTPResponseException as exc:
            raise DeliveryError(f"{exc.code} {exc.message}", permanent=exc.code >= 500) from exc
        except (aiosmtplib.SMTPException, OSError) as exc:
            raise DeliveryError(f"could not reach {self.host}:{self.port}: {exc}", permanent=False) from exc
        return answer
