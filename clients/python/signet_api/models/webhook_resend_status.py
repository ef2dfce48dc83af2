from enum import StrEnum


class WebhookResendStatus(StrEnum):
    PENDING = "pending"

    def __str__(self) -> str:
        return str(self.value)
