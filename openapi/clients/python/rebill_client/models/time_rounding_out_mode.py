from enum import StrEnum


class TimeRoundingOutMode(StrEnum):
    DOWN = "down"
    NEAREST = "nearest"
    UP = "up"

    def __str__(self) -> str:
        return str(self.value)
