from enum import StrEnum


class DeliveryStatus(StrEnum):
    FAILED = "failed"
    NOT_REQUESTED = "not_requested"
    PENDING = "pending"
    SENT = "sent"

    def __str__(self) -> str:
        return str(self.value)
