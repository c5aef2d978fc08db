from enum import StrEnum


class PaymentOutMethod(StrEnum):
    BANK_TRANSFER = "bank_transfer"
    CARD = "card"
    CASH = "cash"
    CHEQUE = "cheque"
    DIRECT_DEBIT = "direct_debit"
    OTHER = "other"

    def __str__(self) -> str:
        return str(self.value)
