from enum import StrEnum


class DocumentEventStatus(StrEnum):
    BLOCKED = "BLOCKED"
    CREATE = "CREATE"
    EXPIRED = "EXPIRED"
    FINISH = "FINISH"
    NOTIFICATION = "NOTIFICATION"
    REJECT = "REJECT"
    REJECTED = "REJECTED"

    def __str__(self) -> str:
        return str(self.value)
