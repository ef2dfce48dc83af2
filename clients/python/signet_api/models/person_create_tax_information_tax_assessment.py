from enum import StrEnum


class PersonCreateTaxInformationTaxAssessment(StrEnum):
    JOINT = "JOINT"
    NONE = "NONE"
    SEPARATE = "SEPARATE"

    def __str__(self) -> str:
        return str(self.value)
