from enum import StrEnum


class CustomerCreateKind(StrEnum):
    COMPANY = "company"
    CONTACT = "contact"

    def __str__(self) -> str:
        return str(self.value)
