from enum import StrEnum


class SignatureCheckIndication(StrEnum):
    INDETERMINATE = "INDETERMINATE"
    TOTAL_FAILED = "TOTAL-FAILED"
    TOTAL_PASSED = "TOTAL-PASSED"

    def __str__(self) -> str:
        return str(self.value)
