from enum import StrEnum


class CodeKind(StrEnum):
    ATTEMPT_RESPONSE_CODE = "attempt_response_code"
    ATTEMPT_STATUS = "attempt_status"
    CUSTOMER_VETTING_STATUS = "customer_vetting_status"
    DOCUMENT_STATUS = "document_status"
    DOCUMENT_WEBHOOK_STATUS = "document_webhook_status"
    ERROR_CODE = "error_code"
    IDENTIFICATION_REASON = "identification_reason"
    IDENTIFICATION_STATUS = "identification_status"
    PERSON_DOCUMENT_TYPE = "person_document_type"
    RETURN_CODE = "return_code"
    RISK_CLASSIFICATION = "risk_classification"
    SCREENING_HIT_STATUS = "screening_hit_status"
    SCREENING_PROGRESS = "screening_progress"
    SIGNATURE_STATUS = "signature_status"
    SIGNATURE_STATUS_CODE = "signature_status_code"

    def __str__(self) -> str:
        return str(self.value)
