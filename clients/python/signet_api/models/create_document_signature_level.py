from enum import StrEnum


class CreateDocumentSignatureLevel(StrEnum):
    ADVANCED = "advanced"
    SIMPLE = "simple"

    def __str__(self) -> str:
        return str(self.value)
