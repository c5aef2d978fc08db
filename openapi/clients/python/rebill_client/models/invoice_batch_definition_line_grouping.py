from enum import StrEnum


class InvoiceBatchDefinitionLineGrouping(StrEnum):
    ENTRY = "entry"
    PRODUCT = "product"
    WORK_ITEM = "work_item"

    def __str__(self) -> str:
        return str(self.value)
