from enum import StrEnum


class DocumentDeletedStatus(StrEnum):
    BLOCKED = "blocked"
    CANCELED = "canceled"
    EXPIRED = "expired"
    FINISHED = "finished"
    PENDING = "pending"
    REJECTED = "rejected"

    def __str__(self) -> str:
        return str(self.value)
