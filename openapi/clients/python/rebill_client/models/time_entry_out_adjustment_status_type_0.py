from enum import StrEnum


class TimeEntryOutAdjustmentStatusType0(StrEnum):
    PENDING = "pending"
    SETTLED = "settled"
    SUPERSEDED = "superseded"

    def __str__(self) -> str:
        return str(self.value)
