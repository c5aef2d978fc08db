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
