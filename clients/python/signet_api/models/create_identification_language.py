from enum import StrEnum


class CreateIdentificationLanguage(StrEnum):
    DE = "DE"
    EN = "EN"

    def __str__(self) -> str:
        return str(self.value)
