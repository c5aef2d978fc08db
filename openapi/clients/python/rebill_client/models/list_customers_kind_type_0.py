from enum import StrEnum


class ListCustomersKindType0(StrEnum):
    COMPANY = "company"
    CONTACT = "contact"

    def __str__(self) -> str:
        return str(self.value)
