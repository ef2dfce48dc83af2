from enum import StrEnum


class PersonScreeningProgress(StrEnum):
    NOT_SCREENED = "NOT_SCREENED"
    POTENTIAL_MATCH = "POTENTIAL_MATCH"
    SCREENED_ACCEPTED = "SCREENED_ACCEPTED"
    SCREENED_DECLINED = "SCREENED_DECLINED"

    def __str__(self) -> str:
        return str(self.value)
