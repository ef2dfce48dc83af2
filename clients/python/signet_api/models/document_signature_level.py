from enum import StrEnum


class DocumentSignatureLevel(StrEnum):
    ADVANCED = "advanced"
    QUALIFIED = "qualified"
    SIMPLE = "simple"

    def __str__(self) -> str:
        return str(self.value)
