from enum import StrEnum


class WebhookEndpointUpdateEventsItem(StrEnum):
    INVOICE_BATCH_COMPLETED = "invoice_batch.completed"
    INVOICE_SENT = "invoice.sent"
    INVOICE_VALIDATED = "invoice.validated"

    def __str__(self) -> str:
        return str(self.value)
