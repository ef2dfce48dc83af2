from enum import StrEnum


class ScreeningEvidenceKind(StrEnum):
    CONTRADICTS = "contradicts"
    SUPPORTS = "supports"
    UNKNOWN = "unknown"

    def __str__(self) -> str:
        return str(self.value)
