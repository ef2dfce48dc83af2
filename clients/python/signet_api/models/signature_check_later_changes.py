from enum import StrEnum


class SignatureCheckLaterChanges(StrEnum):
    NONE = "none"
    OTHER = "other"
    SIGNATURES_AND_FORMS_ONLY = "signatures_and_forms_only"

    def __str__(self) -> str:
        return str(self.value)
