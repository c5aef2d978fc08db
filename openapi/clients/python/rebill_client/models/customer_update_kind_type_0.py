from enum import StrEnum


class CustomerUpdateKindType0(StrEnum):
    COMPANY = "company"
    CONTACT = "contact"

    def __str__(self) -> str:
        return str(self.value)
