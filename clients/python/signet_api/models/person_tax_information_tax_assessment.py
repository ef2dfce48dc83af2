from enum import StrEnum


class PersonTaxInformationTaxAssessment(StrEnum):
    JOINT = "JOINT"
    NONE = "NONE"
    SEPARATE = "SEPARATE"

    def __str__(self) -> str:
        return str(self.value)
