//! Signet's API error codes.
//!
//! Every client error carries a stable `code` (seed 002's error shape), the HTTP status it is
//! sent with (`status`, as a string) and, where seed 001 has a return code of the same meaning,
//! that number as `return_code`, so integrators of the e-sign platform keep their rules.
//! `retryable` says whether the same request may succeed later without being changed.

use super::{CodeEntry, CodeKind};

const fn err(
    code: &'static str,
    http: &'static str,
    retryable: bool,
    description: &'static str,
) -> CodeEntry {
    CodeEntry::new(CodeKind::ErrorCode, code, description)
        .status(http)
        .retryable(retryable)
}

/// The error codes. Choices worth knowing:
/// - Unknown and read-only fields are `invalid_model`, as seed 002 reports every validation
///   failure; `source.field` names the field.
/// - More than 1000 identical persons in test mode is `duplicate_person_limit` (seed 002 says
///   only "a 400 error").
/// - `file_type_mismatch` is 400: the declared media type is supported but the bytes are not of
///   that type (a wrong `Content-Type` is `unsupported_media_type`, 415).
/// - `otp_invalid` carries 109 ("Mobile OTP authentication failed"), the seed 001 code of the
///   same meaning.
pub(crate) const ERROR_CODES: &[CodeEntry] = &[
    err(
        "invalid_model",
        "400",
        false,
        "The request failed validation; source.field names the field and source.message says why.",
    ),
    err(
        "invalid_json",
        "400",
        false,
        "The request body is not well-formed JSON.",
    ),
    err(
        "invalid_query",
        "400",
        false,
        "A query parameter is malformed or not accepted.",
    ),
    err(
        "duplicate_person_limit",
        "400",
        false,
        "Test mode: more than 1000 identical persons (same first and last name, birth city and birth date) exist.",
    ),
    err(
        "file_type_mismatch",
        "400",
        false,
        "The uploaded file is not of the type it claims to be.",
    )
    .return_code(92),
    err(
        "unauthorized",
        "401",
        false,
        "The API key is missing, malformed or unknown.",
    ),
    err(
        "forbidden",
        "403",
        false,
        "The API key may not perform this action.",
    ),
    err(
        "sandbox_only",
        "403",
        false,
        "This endpoint exists in test mode only; it was called with a live key.",
    ),
    err("not_found", "404", false, "The resource does not exist."),
    err(
        "document_not_found",
        "404",
        false,
        "The document does not exist.",
    )
    .return_code(41),
    err(
        "method_not_allowed",
        "405",
        false,
        "The path does not accept this HTTP method.",
    ),
    err(
        "request_timeout",
        "408",
        true,
        "The request, or the upload of its body, took longer than the server allows (request_timeout_ms, body_read_timeout_ms).",
    ),
    err(
        "conflict",
        "409",
        false,
        "The request conflicts with the current state of the resource.",
    ),
    err(
        "idempotency_key_in_progress",
        "409",
        true,
        "A request with the same Idempotency-Key is still being processed.",
    ),
    err(
        "already_signed",
        "409",
        false,
        "This signer has already signed this document.",
    )
    .return_code(78),
    err(
        "document_completed",
        "409",
        false,
        "The document has been completed.",
    )
    .return_code(96),
    err(
        "payload_too_large",
        "413",
        false,
        "The request body is larger than the server accepts.",
    ),
    err(
        "file_too_big",
        "413",
        false,
        "The uploaded file is too big.",
    )
    .return_code(93),
    err(
        "unsupported_media_type",
        "415",
        false,
        "The Content-Type of the request is not accepted here.",
    ),
    err(
        "idempotency_key_reused",
        "422",
        false,
        "The Idempotency-Key was already used with a different request body.",
    ),
    err(
        "invalid_state",
        "422",
        false,
        "The resource's status does not allow this action.",
    ),
    err(
        "deadline_passed",
        "422",
        false,
        "The approval or confirmation window has passed.",
    ),
    err(
        "provider_not_configured",
        "422",
        false,
        "Live mode: no provider is configured for this method.",
    ),
    err("otp_invalid", "422", false, "The one-time code is wrong.").return_code(109),
    err(
        "otp_expired",
        "422",
        false,
        "The one-time code has expired.",
    )
    .return_code(97),
    err(
        "otp_attempts_exhausted",
        "422",
        false,
        "Too many wrong one-time codes; the code no longer works.",
    )
    .return_code(108),
    err(
        "pdf_invalid",
        "422",
        false,
        "The PDF cannot be taken in: no pages, an unsupported or over-long filter chain, nesting too deep, or a stream whose dictionary cannot be read.",
    )
    .return_code(91),
    err(
        "pdf_over_limit",
        "422",
        false,
        "The PDF is within the size limit but its content is too big to process: its streams decompress to more than max_pdf_decompressed_bytes, or it has too many objects, pages, values or image pixels.",
    )
    .return_code(93),
    err(
        "too_many_signatures",
        "422",
        false,
        "POST /v1/verify: the PDF has more signature fields than are verified (64).",
    ),
    err(
        "verify_time_exceeded",
        "422",
        false,
        "POST /v1/verify: checking the PDF's signatures took longer than its time budget (10 seconds).",
    ),
    err(
        "signer_locked",
        "423",
        false,
        "The signer failed verification multiple times and is locked until unblocked.",
    )
    .return_code(66),
    err(
        "sms_country_not_allowed",
        "422",
        false,
        "One-time codes are not sent by SMS to numbers of this country on this installation (sms_allowed_countries).",
    ),
    err(
        "webhook_endpoint_limit",
        "422",
        false,
        "The tenant has as many webhook endpoints in this mode as it may have (webhook_max_endpoints_per_tenant); delete one first.",
    ),
    err(
        "rate_limited",
        "429",
        true,
        "Too many requests; retry after the time in Retry-After. One-time codes: per destination number per day, per tenant per hour.",
    ),
    err(
        "too_many_codes",
        "429",
        false,
        "An identification attempt was sent five codes for the applicant's number; a new attempt (after \"Not now\") may send more.",
    ),
    err(
        "code_limit_reached",
        "429",
        false,
        "A signer or an identification was sent the most one-time codes it may have over its whole life (otp_max_per_signer, otp_max_per_identification).",
    ),
    err(
        "internal_error",
        "500",
        true,
        "An unexpected error occurred; the error's id identifies it in the server's log.",
    ),
    err(
        "service_unavailable",
        "503",
        true,
        "The service is temporarily unavailable.",
    ),
];

/// The catalog entry of an error code, for building error bodies (HTTP status from `status`,
/// `return_code` when present).
pub fn error_code(code: &str) -> Option<&'static CodeEntry> {
    ERROR_CODES.iter().find(|e| e.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::return_code_description;

    #[test]
    fn every_error_code_has_a_client_or_server_http_status() {
        for entry in ERROR_CODES {
            let status: u16 = entry.status.unwrap().parse().unwrap();
            assert!((400..600).contains(&status), "{}", entry.code);
        }
    }

    #[test]
    fn error_codes_carry_the_seed_001_return_code_of_the_same_meaning() {
        let expected = [
            ("document_not_found", 41, "404"),
            ("signer_locked", 66, "423"),
            ("already_signed", 78, "409"),
            ("file_type_mismatch", 92, "400"),
            ("file_too_big", 93, "413"),
            ("document_completed", 96, "409"),
            ("otp_expired", 97, "422"),
            ("otp_attempts_exhausted", 108, "422"),
            ("pdf_invalid", 91, "422"),
            ("pdf_over_limit", 93, "422"),
        ];
        for (code, n, http) in expected {
            let entry = error_code(code).unwrap();
            assert_eq!(entry.return_code, Some(n), "{code}");
            assert_eq!(entry.status, Some(http), "{code}");
        }
        for entry in ERROR_CODES {
            if let Some(n) = entry.return_code {
                assert!(return_code_description(n).is_some(), "{}", entry.code);
            }
        }
    }

    #[test]
    fn validation_failures_are_invalid_model_and_unknown_field_is_not_a_separate_code() {
        assert_eq!(error_code("invalid_model").unwrap().status, Some("400"));
        assert!(error_code("unknown_field").is_none());
        assert!(error_code("INVALID_MODEL").is_none());
        assert_eq!(
            error_code("duplicate_person_limit").unwrap().status,
            Some("400")
        );
    }
}
