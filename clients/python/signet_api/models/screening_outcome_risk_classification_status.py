from enum import StrEnum


class ScreeningOutcomeRiskClassificationStatus(StrEnum):
    HIGH_RISK = "HIGH_RISK"
    NORMAL_RISK = "NORMAL_RISK"
    NOT_SCORED = "NOT_SCORED"
    POTENTIAL_RISK = "POTENTIAL_RISK"
    RISK_ACCEPTED = "RISK_ACCEPTED"
    RISK_REJECTED = "RISK_REJECTED"

    def __str__(self) -> str:
        return str(self.value)
