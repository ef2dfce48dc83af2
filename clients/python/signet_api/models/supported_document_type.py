from enum import StrEnum


class SupportedDocumentType(StrEnum):
    IDCARD = "IDCARD"
    PASSPORT = "PASSPORT"

    def __str__(self) -> str:
        return str(self.value)
