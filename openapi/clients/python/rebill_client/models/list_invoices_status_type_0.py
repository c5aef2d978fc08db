from enum import StrEnum


class ListInvoicesStatusType0(StrEnum):
    CREDITED = "credited"
    DRAFT = "draft"
    VALIDATED = "validated"

    def __str__(self) -> str:
        return str(self.value)
