from enum import StrEnum


class SkippedReason(StrEnum):
    CREDIT_NOTE_NOT_SUPPORTED_BY_FORMAT = "credit_note_not_supported_by_format"
    DRAFT = "draft"

    def __str__(self) -> str:
        return str(self.value)
