from enum import StrEnum


class PersonUpdateTaxInformationMaritalStatus(StrEnum):
    DIVORCED = "DIVORCED"
    MARRIED = "MARRIED"
    REGISTERED_PARTNERSHIP = "REGISTERED_PARTNERSHIP"
    SEPARATED = "SEPARATED"
    SINGLE = "SINGLE"
    UNKNOWN = "UNKNOWN"
    WIDOWED = "WIDOWED"

    def __str__(self) -> str:
        return str(self.value)
