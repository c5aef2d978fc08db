from enum import StrEnum


class InvoiceOutStatus(StrEnum):
    DRAFT = "draft"
    VALIDATED = "validated"

    def __str__(self) -> str:
        return str(self.value)
