from enum import StrEnum


class TimeEntryCreateStatus(StrEnum):
    APPROVED = "approved"
    DRAFT = "draft"

    def __str__(self) -> str:
        return str(self.value)
