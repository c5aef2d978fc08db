from enum import StrEnum


class InvoiceEventType(StrEnum):
    INVOICE_PAID = "invoice.paid"
    INVOICE_SENT = "invoice.sent"
    INVOICE_VALIDATED = "invoice.validated"

    def __str__(self) -> str:
        return str(self.value)
