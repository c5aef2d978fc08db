from enum import StrEnum


class InvoiceBatchDefinitionInvoicePer(StrEnum):
    CONTRACT = "contract"
    CUSTOMER = "customer"

    def __str__(self) -> str:
        return str(self.value)
