from enum import StrEnum


class TimeEntryBulkItemStatus(StrEnum):
    APPROVED = "approved"
    DRAFT = "draft"

    def __str__(self) -> str:
        return str(self.value)
