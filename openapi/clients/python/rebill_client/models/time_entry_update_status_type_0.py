from enum import StrEnum


class TimeEntryUpdateStatusType0(StrEnum):
    APPROVED = "approved"
    DRAFT = "draft"

    def __str__(self) -> str:
        return str(self.value)
