"""The stable reason codes of the batch report, each with its human message."""

REASONS: dict[str, str] = {
    "missing_product": "The time has no product and the batch requires one.",
    "no_default_product": "The time has no product and the tenant has no default service product.",
    "missing_billing_address": "The customer has no billing address.",
    "no_invoice_lines": "The invoice has no line to bill.",
    "missing_email": "The customer has no email address to send the invoice to.",
    "delivery_failed": "The mail server refused or could not take the message.",
}


def reason(code: str, message: str | None = None) -> dict[str, str]:
    return {"code": code, "message": message or REASONS[code]}


def not_sent_reason(invoice) -> dict[str, str]:
    """Why a validated invoice did not reach its customer; the mail server's answer when it gave one."""
    code = invoice.delivery_failure or "delivery_failed"
    if code == "delivery_failed" and invoice.delivery_last_error:
        return reason(code, f"{REASONS[code]} {invoice.delivery_last_error}")
    return reason(code)
