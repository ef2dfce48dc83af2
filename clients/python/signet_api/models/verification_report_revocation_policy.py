from enum import StrEnum


class VerificationReportRevocationPolicy(StrEnum):
    IF_AVAILABLE = "if_available"
    REQUIRED = "required"

    def __str__(self) -> str:
        return str(self.value)
