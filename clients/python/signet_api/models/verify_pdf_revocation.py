from enum import StrEnum


class VerifyPdfRevocation(StrEnum):
    IF_AVAILABLE = "if_available"
    REQUIRED = "required"

    def __str__(self) -> str:
        return str(self.value)
