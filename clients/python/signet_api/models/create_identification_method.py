from enum import StrEnum


class CreateIdentificationMethod(StrEnum):
    DOCUMENT = "document"
    IDNOW = "idnow"

    def __str__(self) -> str:
        return str(self.value)
