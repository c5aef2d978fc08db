from enum import StrEnum


class DeliveryReasonType0(StrEnum):
    DELIVERY_FAILED = "delivery_failed"
    MISSING_EMAIL = "missing_email"

    def __str__(self) -> str:
        return str(self.value)
