from enum import StrEnum


class DecisionRequestDecision(StrEnum):
    FALSE_POSITIVE = "false_positive"
    TRUE_POSITIVE = "true_positive"

    def __str__(self) -> str:
        return str(self.value)
