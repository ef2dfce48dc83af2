from enum import StrEnum


class WebhookDeliveryOutcome(StrEnum):
    DELIVERED = "delivered"
    ENDPOINT_DISABLED = "endpoint_disabled"
    FAILED = "failed"
    RETRYING = "retrying"

    def __str__(self) -> str:
        return str(self.value)
