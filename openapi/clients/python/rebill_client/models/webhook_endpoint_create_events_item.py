from enum import StrEnum


class WebhookEndpointCreateEventsItem(StrEnum):
    CREDIT_NOTE_VALIDATED = "credit_note.validated"
    INVOICE_BATCH_COMPLETED = "invoice_batch.completed"
    INVOICE_PAID = "invoice.paid"
    INVOICE_SENT = "invoice.sent"
    INVOICE_VALIDATED = "invoice.validated"

    def __str__(self) -> str:
        return str(self.value)
