from enum import StrEnum


class PersonSalutation(StrEnum):
    MR = "MR"
    MS = "MS"

    def __str__(self) -> str:
        return str(self.value)
