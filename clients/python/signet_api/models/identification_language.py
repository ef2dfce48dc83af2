from enum import StrEnum


class IdentificationLanguage(StrEnum):
    DE = "DE"
    EN = "EN"

    def __str__(self) -> str:
        return str(self.value)
