from enum import StrEnum


class IdentificationStatus(StrEnum):
    ABORTED = "aborted"
    CANCELED = "canceled"
    CREATED = "created"
    FAILED = "failed"
    PENDING = "pending"
    PENDING_FAILED = "pending_failed"
    PENDING_SUCCESSFUL = "pending_successful"
    SUCCESSFUL = "successful"

    def __str__(self) -> str:
        return str(self.value)
