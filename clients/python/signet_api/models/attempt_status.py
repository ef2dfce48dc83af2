from enum import StrEnum


class AttemptStatus(StrEnum):
    ABANDONED = "abandoned"
    CAPTURE_IN_PROGRESS = "capture_in_progress"
    CAPTURE_REFUSED = "capture_refused"
    CHECKS_INCONCLUSIVE = "checks_inconclusive"
    CHECKS_IN_PROGRESS = "checks_in_progress"
    CLOSED = "closed"
    COMPLETED = "completed"
    EXPIRED = "expired"
    PENDING_REDIRECTION = "pending_redirection"
    TERMINATED = "terminated"

    def __str__(self) -> str:
        return str(self.value)
