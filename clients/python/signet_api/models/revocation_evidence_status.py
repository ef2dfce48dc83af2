from enum import StrEnum


class RevocationEvidenceStatus(StrEnum):
    GOOD = "good"
    REVOKED = "revoked"

    def __str__(self) -> str:
        return str(self.value)
