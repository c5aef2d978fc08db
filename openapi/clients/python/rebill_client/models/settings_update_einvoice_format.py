from enum import StrEnum


class SettingsUpdateEinvoiceFormat(StrEnum):
    FACTURX = "facturx"
    PDF = "pdf"

    def __str__(self) -> str:
        return str(self.value)
