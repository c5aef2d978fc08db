from enum import StrEnum


class TimeRoundingMode(StrEnum):
    DOWN = "down"
    NEAREST = "nearest"
    UP = "up"

    def __str__(self) -> str:
        return str(self.value)
