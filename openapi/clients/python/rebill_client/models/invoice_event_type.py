from enum import StrEnum


class InvoiceEventType(StrEnum):
    INVOICE_SENT = "invoice.sent"
    INVOICE_VALIDATED = "invoice.validated"

    def __str__(self) -> str:
        return str(self.value)
