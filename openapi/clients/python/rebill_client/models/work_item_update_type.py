from enum import StrEnum


class WorkItemUpdateType(StrEnum):
    BUSINESS_ORDER = "business_order"
    CONTRACT = "contract"
    DELIVERY_NOTE = "delivery_note"
    TICKET = "ticket"
    WORK_ORDER = "work_order"

    def __str__(self) -> str:
        return str(self.value)
