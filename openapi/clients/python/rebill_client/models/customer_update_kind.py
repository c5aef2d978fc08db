from enum import StrEnum


class CustomerUpdateKind(StrEnum):
    COMPANY = "company"
    CONTACT = "contact"

    def __str__(self) -> str:
        return str(self.value)
