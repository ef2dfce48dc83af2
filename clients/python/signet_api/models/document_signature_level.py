from enum import StrEnum


class DocumentSignatureLevel(StrEnum):
    ADVANCED = "advanced"
    SIMPLE = "simple"

    def __str__(self) -> str:
        return str(self.value)
