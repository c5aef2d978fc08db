from enum import StrEnum


class ExportOutFormat(StrEnum):
    CSV = "csv"
    QUICKBOOKS = "quickbooks"
    XERO = "xero"

    def __str__(self) -> str:
        return str(self.value)
