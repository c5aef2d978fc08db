from enum import IntEnum


class TimeRoundingIncrementMinutes(IntEnum):
    VALUE_3 = 3
    VALUE_6 = 6
    VALUE_12 = 12
    VALUE_15 = 15
    VALUE_30 = 30
    VALUE_60 = 60

    def __str__(self) -> str:
        return str(self.value)
