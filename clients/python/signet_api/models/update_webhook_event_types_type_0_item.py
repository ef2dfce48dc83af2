from enum import StrEnum


class UpdateWebhookEventTypesType0Item(StrEnum):
    DOCUMENT_BLOCKED = "document.blocked"
    DOCUMENT_CREATED = "document.created"
    DOCUMENT_DELETED = "document.deleted"
    DOCUMENT_EXPIRED = "document.expired"
    DOCUMENT_FINISHED = "document.finished"
    DOCUMENT_REJECTED = "document.rejected"
    DOCUMENT_SIGNER_REJECTED = "document.signer_rejected"
    DOCUMENT_SIGNER_REMINDED = "document.signer_reminded"
    DOCUMENT_SIGNER_SIGNED = "document.signer_signed"
    IDENTIFICATION_STATUS_CHANGED = "identification.status_changed"
    PERSON_CREATED = "person.created"
    PERSON_UPDATED = "person.updated"
    SCREENING_COMPLETED = "screening.completed"
    SCREENING_HIT_CREATED = "screening.hit_created"
    SCREENING_HIT_DECIDED = "screening.hit_decided"
    SIGNATURE_STATUS_CHANGED = "signature.status_changed"
    TEMPLATE_CREATED = "template.created"
    TEMPLATE_DELETED = "template.deleted"
    TEMPLATE_UPDATED = "template.updated"
    VALUE_0 = "*"
    WEBHOOK_ENDPOINT_DISABLED = "webhook.endpoint_disabled"

    def __str__(self) -> str:
        return str(self.value)
