from enum import StrEnum


class InvoiceOutPaymentStatus(StrEnum):
    PAID = "paid"
    PARTIALLY_PAID = "partially_paid"
    REFUNDED = "refunded"
    UNPAID = "unpaid"

    def __str__(self) -> str:
        return str(self.value)
