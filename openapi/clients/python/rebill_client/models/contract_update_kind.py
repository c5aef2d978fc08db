from enum import StrEnum


class ContractUpdateKind(StrEnum):
    BLOCK_HOURS = "block_hours"
    HOURLY = "hourly"
    RETAINER = "retainer"

    def __str__(self) -> str:
        return str(self.value)
