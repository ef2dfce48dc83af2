"""Contains all the data models used in inputs/outputs"""

from .advance import Advance
from .approval import Approval
from .approve_request import ApproveRequest
from .approve_request_values import ApproveRequestValues
from .attempt import Attempt
from .attempt_check_status import AttemptCheckStatus
from .attempt_response_code import AttemptResponseCode
from .attempt_status import AttemptStatus
from .audit_entry import AuditEntry
from .audit_entry_details import AuditEntryDetails
from .audit_trail import AuditTrail
from .clock import Clock
from .code import Code
from .code_kind import CodeKind
from .complete import Complete
from .compliance_flag_request import ComplianceFlagRequest
from .confirm_request import ConfirmRequest
from .country_code import CountryCode
from .create_document import CreateDocument
from .create_document_parts import CreateDocumentParts
from .create_document_signature_level import CreateDocumentSignatureLevel
from .create_document_signers_item import CreateDocumentSignersItem
from .create_document_signing_order import CreateDocumentSigningOrder
from .create_document_values_type_0 import CreateDocumentValuesType0
from .create_identification import CreateIdentification
from .create_identification_language import CreateIdentificationLanguage
from .create_identification_method import CreateIdentificationMethod
from .create_identification_proof_of_address_type import (
    CreateIdentificationProofOfAddressType,
)
from .create_template import CreateTemplate
from .create_template_parts import CreateTemplateParts
from .create_webhook import CreateWebhook
from .create_webhook_event_types_item import CreateWebhookEventTypesItem
from .decision_request import DecisionRequest
from .decision_request_decision import DecisionRequestDecision
from .delete_documents import DeleteDocuments
from .deleted_documents import DeletedDocuments
from .document import Document
from .document_deleted import DocumentDeleted
from .document_deleted_status import DocumentDeletedStatus
from .document_event import DocumentEvent
from .document_event_signer import DocumentEventSigner
from .document_event_status import DocumentEventStatus
from .document_signature_level import DocumentSignatureLevel
from .document_signing_order import DocumentSigningOrder
from .document_status import DocumentStatus
from .document_to_approve import DocumentToApprove
from .end_relationship import EndRelationship
from .erasure_report import ErasureReport
from .error_body import ErrorBody
from .error_object import ErrorObject
from .error_object_code import ErrorObjectCode
from .error_source import ErrorSource
from .field import Field
from .field_area import FieldArea
from .field_area_input import FieldAreaInput
from .field_input import FieldInput
from .field_input_type import FieldInputType
from .field_type import FieldType
from .health import Health
from .health_status import HealthStatus
from .identification import Identification
from .identification_address import IdentificationAddress
from .identification_failure_reason import IdentificationFailureReason
from .identification_language import IdentificationLanguage
from .identification_method import IdentificationMethod
from .identification_proof_of_address_type import IdentificationProofOfAddressType
from .identification_status import IdentificationStatus
from .list_codes_kind import ListCodesKind
from .list_documents_status import ListDocumentsStatus
from .list_screening_hits_status import ListScreeningHitsStatus
from .otp_destination import OtpDestination
from .otp_destination_channel import OtpDestinationChannel
from .otp_issued import OtpIssued
from .otp_issued_channels_item import OtpIssuedChannelsItem
from .person import Person
from .person_address import PersonAddress
from .person_contact_address import PersonContactAddress
from .person_create import PersonCreate
from .person_create_address import PersonCreateAddress
from .person_create_contact_address import PersonCreateContactAddress
from .person_create_employment_status import PersonCreateEmploymentStatus
from .person_create_salutation import PersonCreateSalutation
from .person_create_tax_information import PersonCreateTaxInformation
from .person_create_tax_information_marital_status import (
    PersonCreateTaxInformationMaritalStatus,
)
from .person_create_tax_information_tax_assessment import (
    PersonCreateTaxInformationTaxAssessment,
)
from .person_customer_vetting_status import PersonCustomerVettingStatus
from .person_document import PersonDocument
from .person_document_document_type import PersonDocumentDocumentType
from .person_employment_status import PersonEmploymentStatus
from .person_risk_classification_status import PersonRiskClassificationStatus
from .person_salutation import PersonSalutation
from .person_screening_progress import PersonScreeningProgress
from .person_tax_information import PersonTaxInformation
from .person_tax_information_marital_status import PersonTaxInformationMaritalStatus
from .person_tax_information_tax_assessment import PersonTaxInformationTaxAssessment
from .person_update import PersonUpdate
from .person_update_address import PersonUpdateAddress
from .person_update_contact_address import PersonUpdateContactAddress
from .person_update_employment_status import PersonUpdateEmploymentStatus
from .person_update_salutation import PersonUpdateSalutation
from .person_update_tax_information import PersonUpdateTaxInformation
from .person_update_tax_information_marital_status import (
    PersonUpdateTaxInformationMaritalStatus,
)
from .person_update_tax_information_tax_assessment import (
    PersonUpdateTaxInformationTaxAssessment,
)
from .ready import Ready
from .ready_database import ReadyDatabase
from .ready_status import ReadyStatus
from .recover import Recover
from .reject_request import RejectRequest
from .relationship_view import RelationshipView
from .reminder_defaults import ReminderDefaults
from .reminders import Reminders
from .reminders_input import RemindersInput
from .retained import Retained
from .retention_setting import RetentionSetting
from .revocation_evidence import RevocationEvidence
from .revocation_evidence_kind import RevocationEvidenceKind
from .revocation_evidence_source import RevocationEvidenceSource
from .revocation_evidence_status import RevocationEvidenceStatus
from .screening import Screening
from .screening_adjustment import ScreeningAdjustment
from .screening_evidence import ScreeningEvidence
from .screening_evidence_kind import ScreeningEvidenceKind
from .screening_explanation import ScreeningExplanation
from .screening_hit import ScreeningHit
from .screening_hit_status import ScreeningHitStatus
from .screening_list import ScreeningList
from .screening_match import ScreeningMatch
from .screening_outcome import ScreeningOutcome
from .screening_outcome_risk_classification_status import (
    ScreeningOutcomeRiskClassificationStatus,
)
from .screening_outcome_screening_progress import ScreeningOutcomeScreeningProgress
from .screening_search_result import ScreeningSearchResult
from .screening_token_match import ScreeningTokenMatch
from .screening_token_match_how import ScreeningTokenMatchHow
from .search_request import SearchRequest
from .selfie import Selfie
from .selfie_request import SelfieRequest
from .selfie_review import SelfieReview
from .selfie_review_decision import SelfieReviewDecision
from .set_reminder_defaults import SetReminderDefaults
from .signature_check import SignatureCheck
from .signature_check_detected_level import SignatureCheckDetectedLevel
from .signature_check_indication import SignatureCheckIndication
from .signature_check_later_changes import SignatureCheckLaterChanges
from .signature_picture_setting import SignaturePictureSetting
from .signer import Signer
from .signer_detail import SignerDetail
from .signer_detail_document_status import SignerDetailDocumentStatus
from .signer_reminded import SignerReminded
from .signer_status import SignerStatus
from .supported_document import SupportedDocument
from .supported_document_type import SupportedDocumentType
from .template import Template
from .template_field import TemplateField
from .template_field_input import TemplateFieldInput
from .template_field_input_type import TemplateFieldInputType
from .template_field_type import TemplateFieldType
from .template_review_setting import TemplateReviewSetting
from .template_status import TemplateStatus
from .unavailable import Unavailable
from .unavailable_status import UnavailableStatus
from .update_template import UpdateTemplate
from .update_webhook import UpdateWebhook
from .update_webhook_event_types_type_0_item import UpdateWebhookEventTypesType0Item
from .update_webhook_status import UpdateWebhookStatus
from .verification_report import VerificationReport
from .verification_report_revocation_policy import VerificationReportRevocationPolicy
from .verify_parts import VerifyParts
from .verify_pdf_anchor import VerifyPdfAnchor
from .verify_pdf_revocation import VerifyPdfRevocation
from .webhook_delivery import WebhookDelivery
from .webhook_delivery_event_type import WebhookDeliveryEventType
from .webhook_delivery_outcome import WebhookDeliveryOutcome
from .webhook_endpoint import WebhookEndpoint
from .webhook_endpoint_disabled import WebhookEndpointDisabled
from .webhook_endpoint_disabled_status import WebhookEndpointDisabledStatus
from .webhook_endpoint_event_types_item import WebhookEndpointEventTypesItem
from .webhook_endpoint_status import WebhookEndpointStatus
from .webhook_recover import WebhookRecover
from .webhook_resend import WebhookResend
from .webhook_resend_status import WebhookResendStatus

__all__ = (
    "Advance",
    "Approval",
    "ApproveRequest",
    "ApproveRequestValues",
    "Attempt",
    "AttemptCheckStatus",
    "AttemptResponseCode",
    "AttemptStatus",
    "AuditEntry",
    "AuditEntryDetails",
    "AuditTrail",
    "Clock",
    "Code",
    "CodeKind",
    "Complete",
    "ComplianceFlagRequest",
    "ConfirmRequest",
    "CountryCode",
    "CreateDocument",
    "CreateDocumentParts",
    "CreateDocumentSignatureLevel",
    "CreateDocumentSignersItem",
    "CreateDocumentSigningOrder",
    "CreateDocumentValuesType0",
    "CreateIdentification",
    "CreateIdentificationLanguage",
    "CreateIdentificationMethod",
    "CreateIdentificationProofOfAddressType",
    "CreateTemplate",
    "CreateTemplateParts",
    "CreateWebhook",
    "CreateWebhookEventTypesItem",
    "DecisionRequest",
    "DecisionRequestDecision",
    "DeleteDocuments",
    "DeletedDocuments",
    "Document",
    "DocumentDeleted",
    "DocumentDeletedStatus",
    "DocumentEvent",
    "DocumentEventSigner",
    "DocumentEventStatus",
    "DocumentSignatureLevel",
    "DocumentSigningOrder",
    "DocumentStatus",
    "DocumentToApprove",
    "EndRelationship",
    "ErasureReport",
    "ErrorBody",
    "ErrorObject",
    "ErrorObjectCode",
    "ErrorSource",
    "Field",
    "FieldArea",
    "FieldAreaInput",
    "FieldInput",
    "FieldInputType",
    "FieldType",
    "Health",
    "HealthStatus",
    "Identification",
    "IdentificationAddress",
    "IdentificationFailureReason",
    "IdentificationLanguage",
    "IdentificationMethod",
    "IdentificationProofOfAddressType",
    "IdentificationStatus",
    "ListCodesKind",
    "ListDocumentsStatus",
    "ListScreeningHitsStatus",
    "OtpDestination",
    "OtpDestinationChannel",
    "OtpIssued",
    "OtpIssuedChannelsItem",
    "Person",
    "PersonAddress",
    "PersonContactAddress",
    "PersonCreate",
    "PersonCreateAddress",
    "PersonCreateContactAddress",
    "PersonCreateEmploymentStatus",
    "PersonCreateSalutation",
    "PersonCreateTaxInformation",
    "PersonCreateTaxInformationMaritalStatus",
    "PersonCreateTaxInformationTaxAssessment",
    "PersonCustomerVettingStatus",
    "PersonDocument",
    "PersonDocumentDocumentType",
    "PersonEmploymentStatus",
    "PersonRiskClassificationStatus",
    "PersonSalutation",
    "PersonScreeningProgress",
    "PersonTaxInformation",
    "PersonTaxInformationMaritalStatus",
    "PersonTaxInformationTaxAssessment",
    "PersonUpdate",
    "PersonUpdateAddress",
    "PersonUpdateContactAddress",
    "PersonUpdateEmploymentStatus",
    "PersonUpdateSalutation",
    "PersonUpdateTaxInformation",
    "PersonUpdateTaxInformationMaritalStatus",
    "PersonUpdateTaxInformationTaxAssessment",
    "Ready",
    "ReadyDatabase",
    "ReadyStatus",
    "Recover",
    "RejectRequest",
    "RelationshipView",
    "ReminderDefaults",
    "Reminders",
    "RemindersInput",
    "Retained",
    "RetentionSetting",
    "RevocationEvidence",
    "RevocationEvidenceKind",
    "RevocationEvidenceSource",
    "RevocationEvidenceStatus",
    "Screening",
    "ScreeningAdjustment",
    "ScreeningEvidence",
    "ScreeningEvidenceKind",
    "ScreeningExplanation",
    "ScreeningHit",
    "ScreeningHitStatus",
    "ScreeningList",
    "ScreeningMatch",
    "ScreeningOutcome",
    "ScreeningOutcomeRiskClassificationStatus",
    "ScreeningOutcomeScreeningProgress",
    "ScreeningSearchResult",
    "ScreeningTokenMatch",
    "ScreeningTokenMatchHow",
    "SearchRequest",
    "Selfie",
    "SelfieRequest",
    "SelfieReview",
    "SelfieReviewDecision",
    "SetReminderDefaults",
    "SignatureCheck",
    "SignatureCheckDetectedLevel",
    "SignatureCheckIndication",
    "SignatureCheckLaterChanges",
    "SignaturePictureSetting",
    "Signer",
    "SignerDetail",
    "SignerDetailDocumentStatus",
    "SignerReminded",
    "SignerStatus",
    "SupportedDocument",
    "SupportedDocumentType",
    "Template",
    "TemplateField",
    "TemplateFieldInput",
    "TemplateFieldInputType",
    "TemplateFieldType",
    "TemplateReviewSetting",
    "TemplateStatus",
    "Unavailable",
    "UnavailableStatus",
    "UpdateTemplate",
    "UpdateWebhook",
    "UpdateWebhookEventTypesType0Item",
    "UpdateWebhookStatus",
    "VerificationReport",
    "VerificationReportRevocationPolicy",
    "VerifyParts",
    "VerifyPdfAnchor",
    "VerifyPdfRevocation",
    "WebhookDelivery",
    "WebhookDeliveryEventType",
    "WebhookDeliveryOutcome",
    "WebhookEndpoint",
    "WebhookEndpointDisabled",
    "WebhookEndpointDisabledStatus",
    "WebhookEndpointEventTypesItem",
    "WebhookEndpointStatus",
    "WebhookRecover",
    "WebhookResend",
    "WebhookResendStatus",
)
