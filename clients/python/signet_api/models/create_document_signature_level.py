from enum import StrEnum


class CreateDocumentSignatureLevel(StrEnum):
    ADVANCED = "advanced"
    QUALIFIED = "qualified"
    SIMPLE = "simple"

    def __str__(self) -> str:
        return str(self.value)
