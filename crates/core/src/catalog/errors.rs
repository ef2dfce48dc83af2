//! Signet's API error codes: one table from which both [`ErrorCode`] and the catalogue rows
//! (`GET /v1/codes`, kind `error_code`) are generated.
//!
//! Every client error carries a stable `code` (seed 002's error shape), the HTTP status it is
//! sent with (`status`, as a string) and, where seed 001 has a return code of the same meaning,
//! that number as `return_code`, so integrators of the e-sign platform keep their rules.
//! `retryable` says whether the same request may succeed later without being changed.
//!
//! The server builds every error from a variant, so a code it can send and the catalogue does
//! not list cannot compile, and the status it sends is the one listed here.

use super::{CodeEntry, CodeKind, return_code_description};

/// Defines the [`ErrorCode`] enum and its catalogue rows from one list of rows, so the string,
/// HTTP status, title and seed 001 return code of a code live in exactly one place.
macro_rules! error_codes {
    (
        $(
            $(#[$vmeta:meta])*
            $variant:ident {
                code: $code:literal,
                status: $http:literal,
                title: $title:literal,
                return_code: [$($rc:literal)?],
                retryable: $retry:literal,
                description: $desc:literal $(,)?
            }
        ),+ $(,)?
    ) => {
        super::code_enum! {
            /// An error code of the API: its string, HTTP status, title and seed 001 number.
            pub enum ErrorCode ("error code", ERROR_CODES) {
                $(
                    $(#[$vmeta])*
                    $variant = CodeEntry::new(CodeKind::ErrorCode, $code, $desc)
                        .status(stringify!($http))
                        .retryable($retry)
                        $(.return_code($rc))?
                ),+
            }
        }

        impl ErrorCode {
            /// The HTTP status the API sends this code with.
            pub const fn http_status(self) -> u16 {
                match self {
                    $( ErrorCode::$variant => $http ),+
                }
            }

            /// The short human title of the error object.
            pub const fn title(self) -> &'static str {
                match self {
                    $( ErrorCode::$variant => $title ),+
                }
            }
        }
    };
}

error_codes! {
    /// Validation failed (seed 002); `source.field` names the field.
    InvalidModel {
        code: "invalid_model", status: 400, title: "Invalid Model", return_code: [], retryable: false,
        description: "The request failed validation; source.field names the field and source.message says why. Where seed 001 has a number for the field's problem it is added as return_code (75 too many signers, 80 a malformed template name, 81 a malformed document number, 92 a file that is not base64, 2004, 2005 or 2026 a refused selfie).",
    },
    InvalidJson {
        code: "invalid_json", status: 400, title: "Invalid JSON", return_code: [], retryable: false,
        description: "The request body (or the data part of a multipart upload) is not well-formed JSON.",
    },
    InvalidMultipart {
        code: "invalid_multipart", status: 400, title: "Invalid Multipart", return_code: [], retryable: false,
        description: "The multipart/form-data body cannot be read.",
    },
    OcspRequestMalformed {
        code: "ocsp_request_malformed", status: 400, title: "Malformed OCSP Request", return_code: [], retryable: false,
        description: "The body of POST /v1/trust/ocsp (or the base64 path segment of the GET form) is not a DER OCSP request of RFC 6960 asking about 1 to 16 certificates.",
    },
    /// Seed 002 says only "a 400 error".
    DuplicatePersonLimit {
        code: "duplicate_person_limit", status: 400, title: "Too Many Identical Persons", return_code: [], retryable: false,
        description: "Test mode: more than 1000 identical persons (same first and last name, birth city and birth date) exist.",
    },
    Unauthorized {
        code: "unauthorized", status: 401, title: "Unauthorized", return_code: [], retryable: false,
        description: "The API key is missing, malformed or unknown.",
    },
    SandboxOnly {
        code: "sandbox_only", status: 403, title: "Sandbox Only", return_code: [], retryable: false,
        description: "This endpoint exists in test mode only; it was called with a live key.",
    },
    NotFound {
        code: "not_found", status: 404, title: "Not Found", return_code: [], retryable: false,
        description: "The resource or route does not exist (or belongs to another tenant).",
    },
    DocumentNotFound {
        code: "document_not_found", status: 404, title: "Not Found", return_code: [41], retryable: false,
        description: "The document does not exist (or belongs to another tenant).",
    },
    /// Seed 001 has no number for an unknown signer of its own; 41 is the document's, as the
    /// signer is looked up through it.
    SignerNotFound {
        code: "signer_not_found", status: 404, title: "Not Found", return_code: [41], retryable: false,
        description: "The document has no signer with this id.",
    },
    TemplateNotFound {
        code: "template_not_found", status: 404, title: "Template Not Found", return_code: [88], retryable: false,
        description: "The tenant has no template with this id in this mode: GET, PATCH or DELETE /v1/templates/{id}, or template_id on POST /v1/documents (source.field names it there).",
    },
    MethodNotAllowed {
        code: "method_not_allowed", status: 405, title: "Method Not Allowed", return_code: [], retryable: false,
        description: "The path does not accept this HTTP method.",
    },
    RequestTimeout {
        code: "request_timeout", status: 408, title: "Request Timeout", return_code: [], retryable: true,
        description: "The request, or the upload of its body, took longer than the server allows (request_timeout_ms, body_read_timeout_ms).",
    },
    Conflict {
        code: "conflict", status: 409, title: "Conflict", return_code: [], retryable: false,
        description: "The request conflicts with the current state of the resource, or what it needs is missing (no sanctions list imported).",
    },
    DocumentNumberTaken {
        code: "document_number_taken", status: 409, title: "Document Number Taken", return_code: [73], retryable: false,
        description: "Another document of the tenant in this mode already has this number.",
    },
    TemplateNameTaken {
        code: "template_name_taken", status: 409, title: "Template Name Taken", return_code: [70], retryable: false,
        description: "Another template of the tenant in this mode already has this name.",
    },
    DocumentHasSignatures {
        code: "document_has_signatures", status: 409, title: "Document Signed", return_code: [37], retryable: false,
        description: "A document is deleted only while no signer has signed it; cancel it instead.",
    },
    DocumentsNotDeletable {
        code: "documents_not_deletable", status: 409, title: "Documents Not Deletable", return_code: [38], retryable: false,
        description: "POST /v1/documents/delete deletes all or nothing: one entry per document that cannot go (source.field names it in ids, source.message says why); none was deleted.",
    },
    /// The hosted pages (applicant's page, back office): a step the state does not take now.
    /// The API's own refusals of a signer's step are `invalid_transition`.
    StepNotPossible {
        code: "step_not_possible",
        status: 409,
        title: "Not Possible Now",
        return_code: [],
        retryable: false,
        description: "Hosted pages: the state does not take this step now (an identification already submitted or decided, an expired link, a missing earlier step; a back-office decision on a signer who awaits none; a qualified signer confirming with the trust service provider's code before the identification is final).",
    },
    IdempotencyKeyInProgress {
        code: "idempotency_key_in_progress", status: 409, title: "Request In Progress", return_code: [], retryable: true,
        description: "A request with the same Idempotency-Key is still being processed.",
    },
    PayloadTooLarge {
        code: "payload_too_large", status: 413, title: "Payload Too Large", return_code: [93], retryable: false,
        description: "The request body is larger than the server accepts.",
    },
    FileTooLarge {
        code: "file_too_large", status: 413, title: "File Too Large", return_code: [93], retryable: false,
        description: "The uploaded PDF is larger than max_pdf_bytes, or a document's or template's html is over 2 MiB.",
    },
    UnsupportedMediaType {
        code: "unsupported_media_type", status: 415, title: "Unsupported Media Type", return_code: [], retryable: false,
        description: "The Content-Type of the request is not accepted here.",
    },
    IdempotencyKeyReused {
        code: "idempotency_key_reused", status: 422, title: "Idempotency Key Reused", return_code: [], retryable: false,
        description: "The Idempotency-Key was already used with a different request body.",
    },
    FieldPositionInvalid {
        code: "field_position_invalid", status: 422, title: "Field Position Invalid", return_code: [95], retryable: false,
        description: "POST /v1/documents: a field of fields is not where it can be: off its page, on a page the document does not have, overlapping another field, given both or neither of area and anchor, or placed by an anchor text the PDF does not contain. One entry per field; source.field names it (fields[i].area, fields[i].anchor) and source.message says why.",
    },
    FieldValuesInvalid {
        code: "field_values_invalid", status: 422, title: "Field Values Invalid", return_code: [], retryable: false,
        description: "POST …/approve: a value of values does not fit its field (no such field, another signer's, prefilled and read-only, filled by Signet, of the wrong type, not one of a select's options, not an email), or a required field of the signer is left empty (also on the hosted page). One entry per field; source.field is values.NAME.",
    },
    SignatureImageInvalid {
        code: "signature_image_invalid", status: 422, title: "Signature Image Invalid", return_code: [87], retryable: false,
        description: "POST …/approve: signature_image is not base64 of a readable PNG or JPEG picture (also on the hosted page, for a drawn, typed or uploaded signature).",
    },
    SignatureImageTooLarge {
        code: "signature_image_too_large", status: 422, title: "Signature Image Too Large", return_code: [104], retryable: false,
        description: "POST …/approve: signature_image is over 1 MB once decoded, or over 2000 pixels on a side.",
    },
    SignatureImageMissing {
        code: "signature_image_missing", status: 422, title: "Signature Image Missing", return_code: [26], retryable: false,
        description: "POST …/approve without signature_image where the tenant requires a signature picture (PUT /v1/settings/signature_picture); on the hosted page the signer draws, types or uploads one.",
    },
    TemplateFileInvalid {
        code: "template_file_invalid", status: 422, title: "Template File Invalid", return_code: [69], retryable: false,
        description: "POST or PATCH /v1/templates: the template's PDF cannot be read (not a PDF, encrypted, damaged or over the installation's limits); source.message says why. No template was added or changed.",
    },
    HtmlInvalid {
        code: "html_invalid", status: 422, title: "HTML Invalid", return_code: [76], retryable: false,
        description: "POST /v1/documents or POST/PATCH /v1/templates with html: the HTML is outside the subset Signet renders (docs/html.md), or a <signet-field> does not fit the document (a role in a document, a signer in a template); source.field is html and source.message names the line and column. Nothing was created or changed.",
    },
    TemplateNotApproved {
        code: "template_not_approved", status: 422, title: "Template Not Approved", return_code: [94], retryable: false,
        description: "POST /v1/documents with template_id: the template is a draft that waits for a reviewer's approval in the back office (the tenant requires review: PUT /v1/settings/template_review).",
    },
    TemplateFailed {
        code: "template_failed", status: 422, title: "Template Failed", return_code: [98], retryable: false,
        description: "POST /v1/documents with template_id: the template's stored PDF can no longer be read or prepared into a document (missing from storage, or refused by the installation's current PDF limits); send the template's file again with PATCH /v1/templates/{id} (which, changing roles or fields without a file, answers the same when the stored file cannot be read).",
    },
    InvalidState {
        code: "invalid_state", status: 422, title: "Invalid State", return_code: [], retryable: false,
        description: "The resource's status does not allow this action.",
    },
    InvalidTransition {
        code: "invalid_transition", status: 422, title: "Not Possible Now", return_code: [], retryable: false,
        description: "The signer's or the identification's status does not allow this step.",
    },
    NotYourTurn {
        code: "not_your_turn", status: 422, title: "Not Your Turn", return_code: [], retryable: true,
        description: "Sequential signing: an earlier signer has not signed yet.",
    },
    AlreadySigned {
        code: "already_signed", status: 422, title: "Already Signed", return_code: [78], retryable: false,
        description: "This signer has already signed this document.",
    },
    DocumentCompleted {
        code: "document_completed", status: 422, title: "Document Completed", return_code: [96], retryable: false,
        description: "The document has been completed (every signer signed) and takes no more actions.",
    },
    DocumentExpired {
        code: "document_expired", status: 422, title: "Document Expired", return_code: [111], retryable: false,
        description: "The document expired at its expires_at and takes no more actions.",
    },
    DocumentClosed {
        code: "document_closed", status: 422, title: "Document Closed", return_code: [], retryable: false,
        description: "The document was rejected or canceled and takes no more actions.",
    },
    ApprovalWindowExpired {
        code: "approval_window_expired", status: 422, title: "Approval Window Expired", return_code: [], retryable: false,
        description: "The documents were not approved within 2 hours of the request; a resend opens a new window.",
    },
    ConfirmationWindowExpired {
        code: "confirmation_window_expired", status: 422, title: "Confirmation Window Expired", return_code: [], retryable: false,
        description: "The signature was not confirmed within 1 hour of the approval; a resend opens a new window.",
    },
    /// Seed 000 calls this 6009; that number stays in the signer's status, not in return_code.
    SignatureFlowNotInitialized {
        code: "signature_flow_not_initialized", status: 422, title: "Not Initialized", return_code: [], retryable: false,
        description: "A code was confirmed before the documents were approved; approve first.",
    },
    SignerBlocked {
        code: "signer_blocked", status: 422, title: "Signer Blocked", return_code: [66], retryable: false,
        description: "The signer failed identity validation three times and is blocked, with the document, until a reviewer unblocks them.",
    },
    NoSelfie {
        code: "no_selfie", status: 422, title: "No Selfie", return_code: [], retryable: false,
        description: "No selfie is waiting for review, or the signer owes none.",
    },
    OtpInvalid {
        code: "otp_invalid", status: 422, title: "Invalid Code", return_code: [109], retryable: false,
        description: "The one-time code is wrong.",
    },
    OtpExpired {
        code: "otp_expired", status: 422, title: "Code Expired", return_code: [97], retryable: false,
        description: "The one-time code has expired; approve again for a new one.",
    },
    OtpMissing {
        code: "otp_missing", status: 422, title: "No Live Code", return_code: [], retryable: false,
        description: "No one-time code is live (none was sent, or it was spent); ask for a new one.",
    },
    OtpAttemptsExceeded {
        code: "otp_attempts_exceeded", status: 422, title: "Code Attempts Exceeded", return_code: [108], retryable: false,
        description: "Five wrong one-time codes: the code no longer works (one failed identity validation); approve again for a new one.",
    },
    OtpDeliveryNotConfigured {
        code: "otp_delivery_not_configured", status: 422, title: "Delivery Not Configured", return_code: [], retryable: false,
        description: "Live mode: one-time codes go by email (smtp_url) or SMS (sms_*), and neither is configured.",
    },
    SignerUnreachable {
        code: "signer_unreachable", status: 422, title: "Signer Unreachable", return_code: [], retryable: false,
        description: "No configured channel reaches the signer, or an advanced signature's code has no verified mobile number to go to.",
    },
    InvalidPhone {
        code: "invalid_phone", status: 422, title: "Invalid Phone", return_code: [86], retryable: false,
        description: "The SMS provider refused the phone number.",
    },
    InvalidEmail {
        code: "invalid_email", status: 422, title: "Invalid Email", return_code: [11], retryable: false,
        description: "The mail server refused the signer's address.",
    },
    SmsNotConfigured {
        code: "sms_not_configured", status: 422, title: "SMS Not Configured", return_code: [], retryable: false,
        description: "Live mode: identifications verify the mobile number by SMS, and no SMS provider is configured (sms_*).",
    },
    SmsCountryNotAllowed {
        code: "sms_country_not_allowed", status: 422, title: "Country Not Allowed", return_code: [], retryable: false,
        description: "One-time codes are not sent by SMS to numbers of this country on this installation (sms_allowed_countries).",
    },
    ProviderNotConfigured {
        code: "provider_not_configured", status: 422, title: "Provider Not Configured", return_code: [], retryable: false,
        description: "Live mode: no provider is configured for this identification method, or no qualified trust service provider (csc_url) for a qualified document.",
    },
    ImageRefused {
        code: "image_refused", status: 422, title: "Image Refused", return_code: [], retryable: false,
        description: "An uploaded ID image or selfie was refused; return_code is seed 001's number for why (2001 front, 2003 back, 2004 selfie not an image, 2005 cannot be processed, 2026 too big), and source names each finding.",
    },
    MrzInvalid {
        code: "mrz_invalid", status: 422, title: "Invalid Machine-Readable Zone", return_code: [2007], retryable: false,
        description: "The machine-readable zone cannot be read or its check digits do not match.",
    },
    NotAPdf {
        code: "not_a_pdf", status: 422, title: "Not a PDF", return_code: [92], retryable: false,
        description: "The uploaded file is not a PDF.",
    },
    PdfEncrypted {
        code: "pdf_encrypted", status: 422, title: "PDF Encrypted", return_code: [91], retryable: false,
        description: "The PDF is encrypted and cannot be signed without its password.",
    },
    PdfInvalid {
        code: "pdf_invalid", status: 422, title: "PDF Invalid", return_code: [91], retryable: false,
        description: "The PDF cannot be taken in: no pages, an unsupported or over-long filter chain, nesting too deep, or a stream whose dictionary cannot be read.",
    },
    PdfOverLimit {
        code: "pdf_over_limit", status: 422, title: "PDF Over Limit", return_code: [93], retryable: false,
        description: "The PDF is within the size limit but its content is too big to process: its streams decompress to more than max_pdf_decompressed_bytes, or it has too many objects, pages, values or image pixels.",
    },
    TooManySignatures {
        code: "too_many_signatures", status: 422, title: "Too Many Signatures", return_code: [], retryable: false,
        description: "POST /v1/verify: the PDF has more signature fields than are verified (64).",
    },
    VerifyTimeExceeded {
        code: "verify_time_exceeded", status: 422, title: "Verification Too Slow", return_code: [], retryable: false,
        description: "POST /v1/verify: checking the PDF's signatures took longer than its time budget (10 seconds).",
    },
    RenderFailed {
        code: "render_failed", status: 422, title: "Render Failed", return_code: [], retryable: false,
        description: "Signer's page: a page of the document could not be drawn as an image.",
    },
    WebhookEndpointLimit {
        code: "webhook_endpoint_limit", status: 422, title: "Too Many Endpoints", return_code: [], retryable: false,
        description: "The tenant has as many webhook endpoints in this mode as it may have (webhook_max_endpoints_per_tenant); delete one first.",
    },
    PersonErased {
        code: "person_erased", status: 410, title: "Person Erased", return_code: [], retryable: false,
        description: "The person was erased when their records' retention ended (POST /v1/persons/{id}/erasure): their data and key are gone, only the fact of the erasure is kept.",
    },
    WebhookPayloadExpired {
        code: "webhook_payload_expired", status: 410, title: "Webhook Payload Removed", return_code: [], retryable: false,
        description: "The event's payload was removed webhook_payload_retention (30 days) after its delivery settled, as it carries personal data; the delivery log stays, but there is nothing left to send again.",
    },
    RateLimited {
        code: "rate_limited", status: 429, title: "Too Many Requests", return_code: [], retryable: true,
        description: "Too many requests; retry after the time in Retry-After. One-time codes: per destination number per day, per tenant per hour.",
    },
    ReminderTooSoon {
        code: "reminder_too_soon", status: 429, title: "Reminder Too Soon", return_code: [39], retryable: true,
        description: "A signer is reminded at most once an hour; Retry-After says when the next reminder may go.",
    },
    TooManyCodes {
        code: "too_many_codes", status: 429, title: "Too Many Codes", return_code: [], retryable: false,
        description: "An identification attempt was sent five codes for the applicant's number; a new attempt (after \"Not now\") may send more.",
    },
    CodeLimitReached {
        code: "code_limit_reached", status: 429, title: "Code Limit Reached", return_code: [], retryable: false,
        description: "A signer or an identification was sent the most one-time codes it may have over its whole life (otp_max_per_signer, otp_max_per_identification).",
    },
    StorageLimitReached {
        code: "storage_limit_reached", status: 403, title: "Storage Limit Reached", return_code: [112], retryable: false,
        description: "The upload would take the tenant's stored documents (the PDFs uploaded in both modes and not deleted) past its limit (signet tenant limits --stored-bytes); deleting documents frees their bytes.",
    },
    TemplateLimitReached {
        code: "template_limit_reached", status: 403, title: "Template Limit Reached", return_code: [77], retryable: false,
        description: "The tenant keeps as many templates (in both modes) as its limit allows (signet tenant limits --templates); delete one first.",
    },
    SmsLimitReached {
        code: "sms_limit_reached", status: 429, title: "SMS Limit Reached", return_code: [105], retryable: false,
        description: "Live mode: the tenant has sent as many one-time codes by SMS this calendar month (UTC) as its limit allows (signet tenant limits --sms-per-month); the count starts again on the first of the next month.",
    },
    InternalError {
        code: "internal_error", status: 500, title: "Internal Server Error", return_code: [], retryable: true,
        description: "An unexpected error occurred; the error's id identifies it in the server's log.",
    },
    SmsDeliveryFailed {
        code: "sms_delivery_failed", status: 502, title: "Delivery Failed", return_code: [], retryable: true,
        description: "The SMS provider could not be reached or failed; the code was not sent.",
    },
    OtpDeliveryFailed {
        code: "otp_delivery_failed", status: 502, title: "Delivery Failed", return_code: [], retryable: true,
        description: "The one-time code could not be delivered on any channel; approve again to retry.",
    },
}

impl ErrorCode {
    /// Seed 001's number for this code, as the catalogue lists it.
    pub fn return_code(self) -> Option<u32> {
        self.entry().return_code
    }

    /// Whether an error of this code may carry `n` as its `return_code`: the catalogue's own
    /// number, or — for the two codes whose number depends on what was wrong with a field or an
    /// image, and that list none of their own — any number of seed 001. Never a seed 000 code.
    pub fn allows_return_code(self, n: u32) -> bool {
        match self.return_code() {
            Some(own) => own == n,
            None => {
                matches!(self, ErrorCode::InvalidModel | ErrorCode::ImageRefused)
                    && return_code_description(n).is_some()
            }
        }
    }
}

/// The catalog entry of an error code string.
pub fn error_code(code: &str) -> Option<&'static CodeEntry> {
    ErrorCode::parse(code).ok().map(ErrorCode::entry)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{by_kind, lookup};
    use std::collections::HashSet;

    #[test]
    fn every_variant_is_in_the_catalogue_with_its_status_and_return_code() {
        assert_eq!(ErrorCode::ALL.len(), ERROR_CODES.len());
        assert_eq!(by_kind(CodeKind::ErrorCode).count(), ErrorCode::ALL.len());
        let mut seen = HashSet::new();
        for &code in ErrorCode::ALL {
            assert!(seen.insert(code.as_str()), "{code} twice");
            let entry = lookup(CodeKind::ErrorCode, code.as_str()).unwrap();
            assert_eq!(entry.http_status(), Some(code.http_status()), "{code}");
            assert_eq!(entry.return_code, code.return_code(), "{code}");
            assert_eq!(code.as_str().parse::<ErrorCode>(), Ok(code));
            assert!((400..600).contains(&code.http_status()), "{code}");
            assert!(!code.title().trim().is_empty(), "{code}");
            assert_eq!(
                code.as_str(),
                code.as_str().to_ascii_lowercase(),
                "codes are snake_case"
            );
        }
    }

    #[test]
    fn return_codes_are_seed_001_numbers_of_the_same_meaning() {
        let expected = [
            (ErrorCode::DocumentNotFound, 41, 404),
            (ErrorCode::SignerNotFound, 41, 404),
            (ErrorCode::SignerBlocked, 66, 422),
            (ErrorCode::AlreadySigned, 78, 422),
            (ErrorCode::InvalidPhone, 86, 422),
            (ErrorCode::NotAPdf, 92, 422),
            (ErrorCode::FileTooLarge, 93, 413),
            (ErrorCode::DocumentCompleted, 96, 422),
            (ErrorCode::OtpExpired, 97, 422),
            (ErrorCode::OtpAttemptsExceeded, 108, 422),
            (ErrorCode::OtpInvalid, 109, 422),
            (ErrorCode::DocumentExpired, 111, 422),
            (ErrorCode::PdfInvalid, 91, 422),
            (ErrorCode::PdfOverLimit, 93, 422),
            (ErrorCode::DocumentNumberTaken, 73, 409),
            (ErrorCode::DocumentHasSignatures, 37, 409),
            (ErrorCode::DocumentsNotDeletable, 38, 409),
            (ErrorCode::ReminderTooSoon, 39, 429),
            (ErrorCode::TemplateNotFound, 88, 404),
            (ErrorCode::TemplateNameTaken, 70, 409),
            (ErrorCode::TemplateLimitReached, 77, 403),
            (ErrorCode::TemplateFileInvalid, 69, 422),
            (ErrorCode::TemplateNotApproved, 94, 422),
            (ErrorCode::TemplateFailed, 98, 422),
            (ErrorCode::HtmlInvalid, 76, 422),
        ];
        for (code, n, http) in expected {
            assert_eq!(code.return_code(), Some(n), "{code}");
            assert_eq!(code.http_status(), http, "{code}");
        }
        for &code in ErrorCode::ALL {
            if let Some(n) = code.return_code() {
                assert!(return_code_description(n).is_some(), "{code}");
                assert!(
                    n < 6000,
                    "{code}: seed 000 numbers stay in the signer's status"
                );
            }
        }
    }

    #[test]
    fn only_field_and_image_errors_take_a_number_of_their_own_and_never_6xxx() {
        assert!(ErrorCode::InvalidModel.allows_return_code(75));
        assert!(ErrorCode::ImageRefused.allows_return_code(2026));
        assert!(!ErrorCode::InvalidModel.allows_return_code(6010));
        assert!(!ErrorCode::ImageRefused.allows_return_code(6009));
        assert!(ErrorCode::InvalidPhone.allows_return_code(86));
        assert!(!ErrorCode::InvalidPhone.allows_return_code(6010));
        assert!(!ErrorCode::NotFound.allows_return_code(41));
    }

    #[test]
    fn validation_failures_are_invalid_model_and_unknown_field_is_not_a_separate_code() {
        assert_eq!(error_code("invalid_model").unwrap().status, Some("400"));
        assert!(error_code("unknown_field").is_none());
        assert!(error_code("INVALID_MODEL").is_none());
        assert_eq!(ErrorCode::DuplicatePersonLimit.http_status(), 400);
    }
}
