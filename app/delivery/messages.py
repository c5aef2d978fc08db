"""The emails Rebill writes: an invoice with its PDF attached, and the summary of a finished batch."""

from decimal import Decimal
from email.message import EmailMessage
from email.utils import formataddr, formatdate

from app.invoices.labels import labels
from app.kit.money import format_decimal


def message_id(outbox_id, sender: str) -> str:
    domain = sender.rpartition("@")[2] or "rebill.invalid"
    return f"<{outbox_id}@{domain}>"


def _one_line(text: str) -> str:
    """Tenant text (a title, a legal name) in a header: line breaks there would end the header."""
    return " ".join(text.split())


def _headers(message: EmailMessage, *, sender: str, sender_name: str | None, recipient: str, subject: str,
             msg_id: str) -> None:
    message["From"] = formataddr((_one_line(sender_name or ""), sender))
    message["To"] = recipient
    message["Subject"] = _one_line(subject)
    message["Date"] = formatdate(localtime=False, usegmt=True)
    message["Message-ID"] = msg_id


def invoice_email(*, invoice, seller_name: str | None, sender: str, recipient: str, msg_id: str,
                  pdf: bytes, language: str = "en") -> EmailMessage:
    message = EmailMessage()
    credit_note = getattr(invoice, "type", "invoice") == "credit_note"
    words = labels(language)
    kind = words["credit_note"] if credit_note else words["invoice"]
    _headers(message, sender=sender, sender_name=seller_name, recipient=recipient,
             subject=f"{kind} {invoice.number} — {invoice.title}", msg_id=msg_id)
    total = format_decimal(invoice.total)
    name = invoice.bill_to.get("name", "")
    if language == "fr":
        who = seller_name or "nous"
        due = f", à régler au plus tard le {invoice.due_date:%d/%m/%Y}" if invoice.due_date else ""
        article = "l'avoir" if credit_note else "la facture"
        message.set_content(
            f"Bonjour {name},\n\n"
            f"Veuillez trouver ci-joint {article} {invoice.number} de {who} : {invoice.title}\n"
            f"{invoice.subtitle}\n\n"
            f"Total : {total.replace('.', ',')} {invoice.currency}{due}.\n\n"
            f"Merci.\n")
    else:
        who = seller_name or "us"
        due = f", due on {invoice.due_date:%d/%m/%Y}" if invoice.due_date else ""
        message.set_content(
            f"Hello {name},\n\n"
            f"Please find attached {kind.lower()} {invoice.number} from {who}: {invoice.title}\n"
            f"{invoice.subtitle}\n\n"
            f"Total: {total} {invoice.currency}{due}.\n\n"
            f"Thank you.\n")
    message.add_attachment(pdf, maintype="application", subtype="pdf", filename=f"{invoice.number}.pdf")
    return message


def batch_summary_email(*, batch, summary: dict, sender: str, recipient: str, msg_id: str,
                        report_url: str) -> EmailMessage:
    message = EmailMessage()
    _headers(message, sender=sender, sender_name="Rebill", recipient=recipient,
             subject=f"Invoice batch {batch.status.replace('_', ' ')}: {batch.title}", msg_id=msg_id)
    totals = "\n".join(f"  {t['currency']}: {format_decimal(Decimal(str(t['untaxed'])))} untaxed, "
                       f"{format_decimal(Decimal(str(t['total'])))} with tax" for t in summary["totals"]["by_currency"])
    message.set_content(
        f"The invoice batch \"{batch.title}\" ended: {batch.status}.\n\n"
        f"Invoices created:       {summary['counts']['invoices_created']}\n"
        f"Invoices not validated: {summary['counts']['invoices_not_validated']}\n"
        f"Invoices not sent:      {summary['counts']['invoices_not_sent']}\n"
        f"Unbilled times:         {summary['counts']['unbilled_times']}\n"
        f"Customers:              {summary['totals']['customers']}\n"
        + (f"\nTotals:\n{totals}\n" if totals else "")
        + f"\nThe full report: {report_url}\n")
    return message
