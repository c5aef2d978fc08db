from enum import StrEnum


class ListInvoiceBatchesStatusType0(StrEnum):
    CANCELLED = "cancelled"
    COMPLETED_WITH_ERRORS = "completed_with_errors"
    FAILED = "failed"
    RUNNING = "running"
    SCHEDULED = "scheduled"
    SUCCEEDED = "succeeded"

    def __str__(self) -> str:
        return str(self.value)
