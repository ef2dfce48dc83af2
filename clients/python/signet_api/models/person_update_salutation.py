from enum import StrEnum


class PersonUpdateSalutation(StrEnum):
    MR = "MR"
    MS = "MS"

    def __str__(self) -> str:
        return str(self.value)
