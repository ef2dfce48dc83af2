from enum import StrEnum


class AttemptCheckStatus(StrEnum):
    APPROVED = "approved"
    DECLINED = "declined"
    REFUSED = "refused"
    RETRY_REQUIRED = "retry_required"

    def __str__(self) -> str:
        return str(self.value)
