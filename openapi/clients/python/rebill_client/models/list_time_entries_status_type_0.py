from enum import StrEnum


class ListTimeEntriesStatusType0(StrEnum):
    APPROVED = "approved"
    DRAFT = "draft"

    def __str__(self) -> str:
        return str(self.value)
