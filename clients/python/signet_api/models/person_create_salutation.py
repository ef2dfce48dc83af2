from enum import StrEnum


class PersonCreateSalutation(StrEnum):
    MR = "MR"
    MS = "MS"

    def __str__(self) -> str:
        return str(self.value)
