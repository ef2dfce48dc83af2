from enum import StrEnum


class ListScreeningHitsStatus(StrEnum):
    FALSE_POSITIVE = "false_positive"
    OPEN = "open"
    TRUE_POSITIVE = "true_positive"

    def __str__(self) -> str:
        return str(self.value)
