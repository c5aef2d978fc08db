from enum import StrEnum


class SettingsOutEinvoiceFormat(StrEnum):
    FACTURX = "facturx"
    PDF = "pdf"

    def __str__(self) -> str:
        return str(self.value)
