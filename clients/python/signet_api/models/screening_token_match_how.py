from enum import StrEnum


class ScreeningTokenMatchHow(StrEnum):
    EXACT = "exact"
    INITIAL = "initial"
    MERGED = "merged"
    SPLIT = "split"
    TRANSLITERATED = "transliterated"
    TYPO = "typo"

    def __str__(self) -> str:
        return str(self.value)
