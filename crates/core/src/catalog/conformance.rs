//! Which catalogue entries Signet actually produces, where, and the test that shows it; and
//! which it never produces, and why.
//!
//! Integrators migrating from the seeds' vendors write rules against every code of
//! `GET /v1/codes`; the catalogue publishes the seeds' lists whole, so some entries are there
//! for completeness only. This table says, for each `(kind, code)`, either where Signet raises
//! it and which test shows it (over HTTP where one does, else the closest), or why it is never
//! raised. `docs/conformance.md` is rendered from it ([`conformance_markdown`]), and the tests
//! below keep the table, the catalogue, the named tests and the document in step.

use super::{CodeEntry, CodeKind};

/// How Signet produces one catalogue entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conformance {
    /// Signet raises the code: `by` says where, in a few words; `test` is
    /// `<workspace-relative file>::<test fn>`.
    Produced {
        by: &'static str,
        test: &'static str,
    },
    /// Nothing in Signet raises the code; `why` says why.
    NotProduced { why: &'static str },
}

/// One row of the table: a catalogue entry and how it is produced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub kind: CodeKind,
    pub code: &'static str,
    pub how: Conformance,
}

const fn made(by: &'static str, test: &'static str) -> Conformance {
    Conformance::Produced { by, test }
}

const fn never(why: &'static str) -> Conformance {
    Conformance::NotProduced { why }
}

/// A test of the server's HTTP suite: `t!("api/documents.rs", "fn_name")`.
macro_rules! t {
    ($file:literal, $name:literal) => {
        concat!("crates/server/tests/server/", $file, "::", $name)
    };
}

/// A group of codes of one kind that share how they are produced.
type Group = (CodeKind, &'static [&'static str], Conformance);

use CodeKind as K;

// ---------------------------------------------------------------------------------------
// Identifications (seed 002) and their attempts (seed 003)

const IDENT_REVIEW_TEST: &str = t!(
    "admin.rs",
    "a_reviewer_clears_the_identification_queue_with_reasons_from_the_table"
);
const SANDBOX_ENDINGS_TEST: &str = t!(
    "api/sandbox.rs",
    "reasons_and_attempt_outcomes_follow_each_ending"
);
const PASSPORT_TEST: &str = t!(
    "api/identify.rs",
    "an_applicant_identifies_with_a_passport_and_a_reviewer_approves"
);
const DECLINE_TEST: &str = t!(
    "api/identify.rs",
    "a_declined_case_can_start_again_unless_the_reason_is_final"
);

const PERMANENT_REASON: &str = "Permanent in seed 002: a back-office reviewer may decline with it, but a permanent reason fails the identification, and `failed` discloses no reason (`failure_reason` is null); the choice stays on the case for the back office only.";

const NOT_SEEN_BY_CHECKS: &str = "Listed only: Signet's own checks do not detect this (images are checked for format, size, brightness and blur; the machine-readable zone and the person's data are compared; a reviewer decides the rest), and a reviewer's reason maps only onto the response codes marked produced (`capture::response_code_for`).";

const IDENTIFICATION: &[Group] = &[
    (
        K::IdentificationStatus,
        &["created"],
        made(
            "`POST /v1/persons/{id}/identifications` (`Identification::new`)",
            t!(
                "api/identifications.rs",
                "an_identification_is_created_then_requested_with_a_14_day_url_and_reference"
            ),
        ),
    ),
    (
        K::IdentificationStatus,
        &["pending"],
        made(
            "`PATCH …/request` and a retry on the same URL (`Identification::request`)",
            t!(
                "api/identifications.rs",
                "an_identification_is_created_then_requested_with_a_14_day_url_and_reference"
            ),
        ),
    ),
    (
        K::IdentificationStatus,
        &["pending_successful"],
        made(
            "sandbox timelines CHANGEALLREVIEW, CANCELED, LONGREVIEW (`apply_step`)",
            t!(
                "api/sandbox.rs",
                "changeallreview_changes_the_fields_only_in_review"
            ),
        ),
    ),
    (
        K::IdentificationStatus,
        &["pending_failed"],
        made(
            "a submitted case with a severe finding (`capture::submit`); sandbox FRAUDOK, FRAUDIDENT",
            t!(
                "api/identify.rs",
                "an_expired_document_and_another_name_go_to_review_as_pending_failed"
            ),
        ),
    ),
    (
        K::IdentificationStatus,
        &["successful"],
        made(
            "a reviewer's approval (`capture::review`); sandbox timelines",
            PASSPORT_TEST,
        ),
    ),
    (
        K::IdentificationStatus,
        &["aborted"],
        made(
            "the applicant's \"Not now\" on the identify page (`applicant_aborted`)",
            t!(
                "api/identify.rs",
                "not_now_keeps_the_link_and_an_unused_link_expires_after_14_days"
            ),
        ),
    ),
    (
        K::IdentificationStatus,
        &["canceled"],
        made(
            "30-minute request timeout, a reviewer's temporary reason, sandbox ABORTIDENT and CANCELED",
            t!(
                "api/identifications.rs",
                "a_request_open_30_minutes_without_progress_is_canceled_with_tech_timeout"
            ),
        ),
    ),
    (
        K::IdentificationStatus,
        &["failed"],
        made(
            "a reviewer's permanent reason (`capture::review`); sandbox FRAUDIDENT",
            DECLINE_TEST,
        ),
    ),
    (
        K::IdentificationReason,
        &["TECH_TIMEOUT"],
        made(
            "`Identification::on_timer`: 30 minutes without progress",
            t!(
                "api/identifications.rs",
                "a_request_open_30_minutes_without_progress_is_canceled_with_tech_timeout"
            ),
        ),
    ),
    (
        K::IdentificationReason,
        &["USER_CANCELLATION"],
        made(
            "the applicant's \"Not now\" (`applicant_aborted`); a reviewer's decline",
            t!(
                "api/identify.rs",
                "not_now_keeps_the_link_and_an_unused_link_expires_after_14_days"
            ),
        ),
    ),
    (
        K::IdentificationReason,
        &["TECH_VIDEO", "BAD_PHOTO_QUALITY"],
        made(
            "sandbox ABORTIDENT (TECH_VIDEO) and CANCELED (BAD_PHOTO_QUALITY); a reviewer's decline",
            SANDBOX_ENDINGS_TEST,
        ),
    ),
    (
        K::IdentificationReason,
        &["FRAUD_SUSPICION_PENDING"],
        made(
            "sandbox FRAUDOK and FRAUDIDENT while `pending_failed`; a reviewer's decline",
            t!(
                "api/sandbox.rs",
                "fraud_suspicion_is_the_reason_while_pending_failed"
            ),
        ),
    ),
    (
        K::IdentificationReason,
        &["TECH_PHOTO"],
        made(
            "back office: a reviewer's decline of a document identification (`identifications::review`)",
            DECLINE_TEST,
        ),
    ),
    (
        K::IdentificationReason,
        &[
            "DATA_ID_EXPIRED",
            "TECH_AUDIO",
            "TECH_DISCONNECTED_VIDEO",
            "TECH_DISCONNECTED_WEBSOCKET",
            "TECH_HOLOGRAM",
            "TECH_ID_TYPE",
            "TECH_IDENT_CODE_DELIVERY",
            "TECH_INTERNAL_SERVER_ERROR",
            "TECH_INTERNET_CONNECTION",
            "TECH_LIGHTING",
            "NO_VIDEO",
            "BAD_VIDEO",
            "VIDEO_ENVIRONMENT",
            "VIDEO_OTHER",
            "NO_AUDIO",
            "BAD_AUDIO",
            "BAD_AUDIO_ENVIRONMENT",
            "AUDIO_OTHER",
            "PHOTO_OTHER",
            "CONNECTION_LOST",
            "CONNECTION_BAD",
            "NO_CONNECTION",
            "CONNECTION_OTHER",
            "IDENT_CODE_NOT_RECEIVED",
            "IDENT_CODE_REPEATEDLY_INCORRECT",
            "USER_ABORT_WHILE_WAITING",
            "USER_STARTED_NEW_REQUEST",
            "ID_NOT_SUPPORTED",
            "ID_DAMAGED",
            "ID_OTHER",
            "DISAGREE_WITH_VIDEO_RECORDING",
            "INCORRECT_ID_NUMBER",
            "INCORRECT_NAME_IN_QES",
            "WRONG_PHONE_NUMBER",
            "USER_ID_NUMBER",
            "USER_IDENT_CODE",
            "USER_NO_ID",
            "USER_WRONG_PERSON",
            "OTHER_ABUSE",
            "OTHER_MISCELLANEOUS_TEMPORARY",
            "OTHER_TEST",
            "OTHER_ERROR",
            "STALLED_TIMEOUT",
            "NO_SECURITY_QUESTION_ASKED",
            "SECURITY_QUESTION_NOT_CORRECT_ANSWERED",
            "SECURITY_QUESTION",
            "CALL_QUALITY_FAIL",
            "NO_ESIGN_FRAUD",
        ],
        made(
            "back office only: a reviewer's decline of a document identification with this temporary reason (`identifications::review`, `canceled`)",
            IDENT_REVIEW_TEST,
        ),
    ),
    (
        K::IdentificationReason,
        &[
            "DATA_APPLICATION_ADDRESS",
            "DATA_APPLICATION_DATA",
            "ENROLLED_TO_WAITING_LIST",
            "USER_LANGUAGE",
            "INDECENT_BEHAVIOUR",
            "OTHER_MISCELLANEOUS_PERMANENT",
        ],
        never(PERMANENT_REASON),
    ),
    (
        K::IdentificationReason,
        &["FRAUD_SUSPICION_CONFIRMED"],
        never(
            "Permanent: a reviewer's decline with it, and sandbox FRAUDIDENT, fail the identification, and `failed` discloses no reason (`failure_reason` is null). Its effect is visible as the attempt's `document_counterfeit` or `identity_details_mismatch`.",
        ),
    ),
    (
        K::AttemptStatus,
        &["pending_redirection"],
        made(
            "a new attempt (`identifications::apply`)",
            t!(
                "api/identifications.rs",
                "an_identification_is_created_then_requested_with_a_14_day_url_and_reference"
            ),
        ),
    ),
    (
        K::AttemptStatus,
        &["capture_in_progress"],
        made(
            "the applicant starts capturing on the identify page (`applicant_started`)",
            PASSPORT_TEST,
        ),
    ),
    (
        K::AttemptStatus,
        &["checks_in_progress"],
        made(
            "a submitted case, a manual sandbox case completed, an automatic sandbox case started",
            PASSPORT_TEST,
        ),
    ),
    (
        K::AttemptStatus,
        &["completed", "checks_inconclusive", "terminated"],
        made(
            "the identification's ending: successful, canceled by a reviewer or the sandbox, failed",
            SANDBOX_ENDINGS_TEST,
        ),
    ),
    (
        K::AttemptStatus,
        &["abandoned"],
        made(
            "30-minute request timeout; the applicant's \"Not now\"",
            t!(
                "api/identifications.rs",
                "a_request_open_30_minutes_without_progress_is_canceled_with_tech_timeout"
            ),
        ),
    ),
    (
        K::AttemptStatus,
        &["expired"],
        made(
            "the 14-day link ends while an attempt is open (`on_timer`)",
            t!(
                "api/identify.rs",
                "an_attempt_open_when_the_link_expires_is_expired"
            ),
        ),
    ),
    (
        K::AttemptStatus,
        &["capture_refused"],
        made(
            "the applicant does not agree at the consent step or does not allow the camera (`POST /identify/{token}/refuse`)",
            t!(
                "api/identify.rs",
                "an_applicant_who_refuses_the_consent_or_the_camera_leaves_the_attempt_capture_refused"
            ),
        ),
    ),
    (
        K::AttemptStatus,
        &["closed"],
        made(
            "the identification requested again while the applicant is at it: a new attempt on the same link closes the open one (`identifications::apply`)",
            t!(
                "api/identifications.rs",
                "requesting_again_while_the_applicant_is_at_it_closes_the_open_attempt"
            ),
        ),
    ),
    (
        K::AttemptResponseCode,
        &["approved"],
        made("an approved or successful identification", PASSPORT_TEST),
    ),
    (
        K::AttemptResponseCode,
        &["flow_not_started"],
        made(
            "30-minute request timeout (`on_timer`)",
            t!(
                "api/identifications.rs",
                "a_request_open_30_minutes_without_progress_is_canceled_with_tech_timeout"
            ),
        ),
    ),
    (
        K::AttemptResponseCode,
        &["postponed_by_user"],
        made(
            "the applicant's \"Not now\" (`applicant_aborted`)",
            t!(
                "api/identify.rs",
                "not_now_keeps_the_link_and_an_unused_link_expires_after_14_days"
            ),
        ),
    ),
    (
        K::AttemptResponseCode,
        &["poor_connection", "document_counterfeit"],
        made(
            "sandbox ABORTIDENT (poor_connection) and FRAUDIDENT (document_counterfeit, identity fraud); a reviewer's reasons of the same meaning (`IdentificationReason::response_code`)",
            SANDBOX_ENDINGS_TEST,
        ),
    ),
    (
        K::AttemptResponseCode,
        &["document_video_blurry"],
        made(
            "a reviewer's TECH_PHOTO, BAD_PHOTO_QUALITY or PHOTO_OTHER; sandbox CANCELED",
            DECLINE_TEST,
        ),
    ),
    (
        K::AttemptResponseCode,
        &[
            "identity_details_mismatch",
            "document_expired",
            "document_unsupported",
            "document_damaged",
            "document_poor_light",
            "document_not_at_hand",
            "document_not_moved",
            "browser_not_supported",
            "sms_not_received",
            "face_poor_light",
            "internal_error",
        ],
        made(
            "back office only: the reviewer's decline reason, mapped by `IdentificationReason::response_code` (e.g. TECH_HOLOGRAM → document_not_moved, NO_VIDEO → browser_not_supported)",
            IDENT_REVIEW_TEST,
        ),
    ),
    (
        K::AttemptResponseCode,
        &["user_refused", "camera_access_denied"],
        made(
            "the applicant does not agree (user_refused) or does not allow the camera (camera_access_denied) on the identify page; a reviewer's DISAGREE_WITH_VIDEO_RECORDING",
            t!(
                "api/identify.rs",
                "an_applicant_who_refuses_the_consent_or_the_camera_leaves_the_attempt_capture_refused"
            ),
        ),
    ),
    (
        K::AttemptResponseCode,
        &["abandoned_url_expired"],
        made(
            "with the attempt status `expired`",
            t!(
                "api/identify.rs",
                "an_attempt_open_when_the_link_expires_is_expired"
            ),
        ),
    ),
    (
        K::AttemptResponseCode,
        &["attempt_closed"],
        made(
            "with the attempt status `closed`",
            t!(
                "api/identifications.rs",
                "requesting_again_while_the_applicant_is_at_it_closes_the_open_attempt"
            ),
        ),
    ),
    (
        K::AttemptResponseCode,
        &[
            "no_camera",
            "switched_tab_or_app",
            "document_front_missing",
            "document_back_missing",
            "document_partly_hidden",
            "barcode_unreadable",
            "face_video_blurry",
            "face_not_presented",
            "face_not_frontal",
            "face_liveness_failed",
            "multiple_faces",
            "video_unplayable",
            "document_photocopy",
            "document_screenshot",
            "document_lost_or_stolen",
            "document_sides_mismatch",
            "face_mismatch",
            "face_spoofing",
            "appearance_altered",
            "video_tampered",
            "face_not_previously_verified",
            "device_tampered",
            "coercion_suspected",
            "multiple_documents",
        ],
        never(NOT_SEEN_BY_CHECKS),
    ),
];

// ---------------------------------------------------------------------------------------
// Signatures (seed 000)

const ELIGIBILITY_CORE_TEST: &str =
    "crates/core/src/signing/tests.rs::eligibility_for_advanced_follows_the_table";
const SEQUENTIAL_TEST: &str = t!(
    "api/documents.rs",
    "sequential_order_asks_the_next_signer_only_after_the_previous_signed"
);
const ELIGIBILITY_TEST: &str = t!(
    "api/documents.rs",
    "advanced_signers_follow_the_eligibility_table"
);
const SANCTIONS_HOLD_TEST: &str = t!(
    "screening.rs",
    "a_sanctions_hit_holds_an_advanced_signer_with_140_then_4110"
);
const TIMEOUT_TEST: &str = t!(
    "api/documents.rs",
    "the_time_windows_run_on_the_tenant_clock"
);
const INVALID_SIGNATURE_TEST: &str = t!(
    "api/documents.rs",
    "a_signature_confirmed_under_review_is_invalid_when_the_review_ends_otherwise"
);
const TSA_TEST: &str = t!("api/tsa.rs", "failing_authority_ends_in_6007");
const CSC_TEST: &str = t!(
    "api/qualified.rs",
    "every_error_answer_of_the_provider_ends_as_its_seed_000_code"
);

/// 1035: a flagged person's signers, over HTTP.
const COMPLIANCE_FLAG_TEST: &str = t!(
    "api/compliance.rs",
    "a_flagged_persons_advanced_signers_are_held_with_1035_and_a_cleared_person_signs_again"
);

const SIGNATURE: &[Group] = &[
    (
        K::SignatureStatus,
        &["new"],
        never(
            "The in-memory starting state only: `Workflow::create` moves every signer on (to `pending`, `kyc_required` or `user_consent_required`) in the transaction that creates them, so no answer, stored row or event carries it.",
        ),
    ),
    (
        K::SignatureStatus,
        &["pending", "user_consent_required"],
        made(
            "`Workflow::await_turn` (an eligible signer waits) and `ask` (simple signers, eligible advanced ones)",
            SEQUENTIAL_TEST,
        ),
    ),
    (
        K::SignatureStatus,
        &["selfie_required"],
        made(
            "`signing::assess` (3105, 3550); a rejected selfie",
            ELIGIBILITY_TEST,
        ),
    ),
    (
        K::SignatureStatus,
        &["kyc_required"],
        made(
            "`signing::assess` (eligibility of advanced signers)",
            SANCTIONS_HOLD_TEST,
        ),
    ),
    (
        K::SignatureStatus,
        &["confirmation_required"],
        made(
            "`Workflow::approve` (the documents approved, a code sent)",
            t!("api/pages.rs", "a_signer_signs_from_the_link_alone"),
        ),
    ),
    (
        K::SignatureStatus,
        &["pending_verification"],
        made(
            "`Workflow::confirm` while the signer's identification is under review",
            t!(
                "api/documents.rs",
                "a_signer_under_identification_review_waits_in_pending_verification"
            ),
        ),
    ),
    (
        K::SignatureStatus,
        &["invalid_signature"],
        made(
            "`Workflow::identification_resolved`: the review ends without success, or confirms other personal data (3311)",
            INVALID_SIGNATURE_TEST,
        ),
    ),
    (
        K::SignatureStatus,
        &["signed"],
        made(
            "`signing::produce` after a confirmed code",
            t!(
                "api/documents.rs",
                "two_signers_confirming_at_once_both_end_up_in_the_file"
            ),
        ),
    ),
    (
        K::SignatureStatus,
        &["error"],
        made(
            "the 24-hour signer timeout (6008); a failed signature (6001–6007); a refused number (6010)",
            TIMEOUT_TEST,
        ),
    ),
    (
        K::SignatureStatus,
        &["rejected"],
        made(
            "`POST …/signers/{id}/reject` and the signer's page (`Workflow::reject`)",
            t!(
                "api/documents.rs",
                "a_rejection_raises_reject_then_rejected_with_the_message"
            ),
        ),
    ),
    (
        K::SignatureStatus,
        &["blocked"],
        made(
            "the third failed identity validation (`Workflow::fail_validation`)",
            t!(
                "api/documents.rs",
                "wrong_codes_kill_the_code_and_the_third_failure_blocks_signer_and_document_until_unblocked"
            ),
        ),
    ),
    (
        K::SignatureStatusCode,
        &["140", "4110"],
        made(
            "`signing::assess`: an open (140) or confirmed (4110) sanctions hit",
            SANCTIONS_HOLD_TEST,
        ),
    ),
    (
        K::SignatureStatusCode,
        &["1021", "1202"],
        made(
            "`signing::assess`: an ID card not accepted for its country (1021), a failed identification (1202); no HTTP test",
            ELIGIBILITY_CORE_TEST,
        ),
    ),
    (
        K::SignatureStatusCode,
        &["1035"],
        made(
            "`persons::set_compliance_flag`: a flagged person's advanced signers are held for good (`signing::assess`)",
            COMPLIANCE_FLAG_TEST,
        ),
    ),
    (
        K::SignatureStatusCode,
        &["1039"],
        never(
            "Seed 000 lists it under `kyc_required` without saying what it means; no eligibility rule of Signet raises it.",
        ),
    ),
    (
        K::SignatureStatusCode,
        &["1201"],
        made(
            "`signing::assess`: the advanced signer's person has no successful identification",
            ELIGIBILITY_TEST,
        ),
    ),
    (
        K::SignatureStatusCode,
        &["3105"],
        made(
            "`signing::assess`: an identification older than 24 hours; a rejected selfie",
            ELIGIBILITY_TEST,
        ),
    ),
    (
        K::SignatureStatusCode,
        &["3204"],
        made(
            "`signing::assess`: the identification's document has expired since",
            t!(
                "api/identify.rs",
                "a_document_that_expires_after_the_identification_holds_advanced_signers_with_3204"
            ),
        ),
    ),
    (
        K::SignatureStatusCode,
        &["3311"],
        made(
            "`Workflow::identification_resolved`: the review ends canceled, aborted or failed, or confirms other personal data",
            INVALID_SIGNATURE_TEST,
        ),
    ),
    (
        K::SignatureStatusCode,
        &["3541"],
        made(
            "`signers::record_view`: the hosted page opened on another device (`Sec-CH-UA-Model`, else the user agent) than the identification was submitted from; an accepted selfie clears it",
            t!(
                "api/identify.rs",
                "a_signing_session_on_another_device_than_the_identification_asks_for_a_selfie"
            ),
        ),
    ),
    (
        K::SignatureStatusCode,
        &["3550"],
        made(
            "`signing::assess`: the signer's phone differs from the number the identification verified",
            t!(
                "live_otp.rs",
                "an_advanced_signers_code_goes_only_to_the_number_the_identification_verified"
            ),
        ),
    ),
    (
        K::SignatureStatusCode,
        &["4145"],
        made(
            "`signers::record_view`: the hosted page opened from one of `prohibited_countries` by `geoip_database`; released when opened from elsewhere",
            t!(
                "api/geolocation.rs",
                "a_signer_opening_their_page_from_a_prohibited_country_is_held_with_4145_until_they_come_from_elsewhere"
            ),
        ),
    ),
    (
        K::SignatureStatusCode,
        &["6001"],
        made(
            "`signing::qualified`: the provider refuses the token or the credential (CSC `oauth2/token`, `credentials/list`, `credentials/info`); also Signet's CA cannot encode the signer's certificate (`PdfError::Certificate`)",
            CSC_TEST,
        ),
    ),
    (
        K::SignatureStatusCode,
        &["6002"],
        made(
            "`signing::qualified`: the provider answers 5xx on the token or the credential after every try; also the system had no randomness for the certificate (`PdfError::CertificateTransient`); the signer approves again",
            CSC_TEST,
        ),
    ),
    (
        K::SignatureStatusCode,
        &["6003"],
        made(
            "`signing::qualified`: the provider cannot be reached (connection, deadline) for `info`, the token or the credential, after every try",
            CSC_TEST,
        ),
    ),
    (
        K::SignatureStatusCode,
        &["6004"],
        made(
            "`signing::qualified`: the provider refuses `credentials/authorize` or `signatures/signHash` for good, or its signature value does not verify; also any other internal failure while signing (`PdfError::status_code`)",
            CSC_TEST,
        ),
    ),
    (
        K::SignatureStatusCode,
        &["6005", "6006"],
        made(
            "`signing::qualified`: the provider refuses the code (`invalid_otp`), the SAD expired or it answers 5xx every time (6005), or it cannot be reached while signing (6006); also Signet's own signature or timestamp fails; the signer confirms again with the same code",
            CSC_TEST,
        ),
    ),
    (
        K::SignatureStatusCode,
        &["6007"],
        made(
            "`trust::timestamp_token`: the external timestamp authority fails, or the closing document timestamp cannot be had (then tried again by a job)",
            TSA_TEST,
        ),
    ),
    (
        K::SignatureStatusCode,
        &["6008"],
        made(
            "the 24-hour signer timeout (`Workflow::on_timer`)",
            TIMEOUT_TEST,
        ),
    ),
    (
        K::SignatureStatusCode,
        &["6009"],
        never(
            "A code confirmed before the documents were approved is refused with 422 `signature_flow_not_initialized`; the signer's status does not change, so 6009 is never a status code.",
        ),
    ),
    (
        K::SignatureStatusCode,
        &["6010"],
        made(
            "`signing::deliver_otp`: the SMS provider refuses the number",
            t!(
                "live_otp.rs",
                "a_number_the_provider_refuses_puts_the_signer_in_error_6010"
            ),
        ),
    ),
];

// ---------------------------------------------------------------------------------------
// Seed 001's return codes

const INTAKE_TEST: &str = t!(
    "api/errors.rs",
    "document_intake_errors_carry_seed_001s_numbers"
);
const REFUSALS_TEST: &str = t!(
    "api/errors.rs",
    "signing_refusals_are_sent_as_the_catalogue_lists_them"
);
const REQUESTS_TEST: &str = t!(
    "api/errors.rs",
    "request_errors_are_sent_as_the_catalogue_lists_them"
);

const NO_ACCOUNTS: &str = "Signet has no user accounts: no registration, activation, passwords, logins, roles or account closing. Integrators authenticate with API keys (401 `unauthorized`, no number), signers with their link.";
const NO_TOKENS: &str = "Signet has no access tokens or integration keys to look up: a missing, malformed or unknown API key is 401 `unauthorized`, without a number.";
const NO_APP: &str = "Signet has no mobile app, app versions, push terminals or push authentication: signers sign on the web page of their link.";
const HTML_INVALID_TEST: &str = t!(
    "api/html_documents.rs",
    "html_outside_the_subset_is_76_naming_line_and_column"
);
const TEMPLATE_FILES_TEST: &str = t!(
    "api/templates.rs",
    "an_unreadable_pdf_is_69_and_a_stored_file_gone_is_98"
);
const NO_BILLING: &str = "Signet keeps no credit or balance: a tenant's limits (`signet tenant limits`) count signers per document, templates, SMS per month and stored bytes, not money.";
const STORAGE_LIMIT_TEST: &str = t!(
    "api/tenant_limits.rs",
    "an_upload_past_the_tenants_stored_bytes_is_refused_with_112"
);
const SMS_LIMIT_TEST: &str = t!(
    "api/tenant_limits.rs",
    "live_sms_codes_over_the_tenants_month_are_refused_with_105"
);
const NO_PRODUCTS: &str = "Signet has no per-account signature products (LTV, ECA, DSA): every signature is PAdES B-T, advanced signatures with a certificate of Signet's CA.";
const FIELD_ERRORS: &str = "A field Signet refuses is 400 `invalid_model` naming it; seed 001's number is added only where it has one for that field's problem (75 too many signers, 80 a template name, 81 a document number, 92 not base64, 2004/2005/2026 a selfie).";
const PICTURE_CHECKS_TEST: &str = t!(
    "api/signature_pictures.rs",
    "a_signature_image_that_is_not_a_picture_is_87_and_one_too_large_is_104"
);
const PICTURE_REQUIRED_TEST: &str = t!(
    "api/signature_pictures.rs",
    "a_tenant_that_requires_a_picture_refuses_approval_without_one_with_26"
);
const FIELD_POSITION_TEST: &str = t!(
    "api/fields.rs",
    "fields_not_where_they_can_be_are_refused_with_95"
);
const NO_LANDMARKS: &str = "Signet runs no landmark checks on ID images (color mode, microprint, hologram, substitution, ghost photo, screen, font): images are checked for format, size, brightness and blur, and a reviewer checks the rest.";
const NO_OCR: &str = "Signet reads no fields from images: the data come from the machine-readable zone the applicant types (2007 when it cannot be read) and the person on record.";

const RETURN_CODES: &[Group] = &[
    (
        K::ReturnCode,
        &["11"],
        made(
            "`invalid_email`: the mail server refuses the signer's address (`signing::deliver_otp`); no test has it refuse one",
            t!(
                "live_otp.rs",
                "live_code_goes_by_email_and_sms_and_only_that_code_signs"
            ),
        ),
    ),
    (
        K::ReturnCode,
        &["41", "92", "93"],
        made(
            "document intake: `document_not_found`/`signer_not_found` (41), not a PDF or not base64 (92), too large (93)",
            INTAKE_TEST,
        ),
    ),
    (
        K::ReturnCode,
        &["75"],
        made(
            "`POST /v1/documents` with more signers than the tenant's limit (`signet tenant limits --signers-per-document`, default 20): 400 `invalid_model` naming `signers`",
            t!(
                "api/tenant_limits.rs",
                "the_signers_of_a_document_are_capped_by_the_tenants_limit"
            ),
        ),
    ),
    (
        K::ReturnCode,
        &["66", "78", "96", "97", "108", "111", "2004"],
        made(
            "signing refusals: `signer_blocked` 66, `already_signed` 78, `document_completed` 96, `otp_expired` 97, `otp_attempts_exceeded` 108, `document_expired` 111, a selfie that is not an image 2004",
            REFUSALS_TEST,
        ),
    ),
    (
        K::ReturnCode,
        &["86"],
        made(
            "`invalid_phone`: the SMS provider refuses the number",
            t!(
                "live_otp.rs",
                "a_number_the_provider_refuses_puts_the_signer_in_error_6010"
            ),
        ),
    ),
    (
        K::ReturnCode,
        &["91"],
        made(
            "`pdf_invalid`, `pdf_encrypted`: a PDF that cannot be taken in",
            t!("api/pdf_intake.rs", "an_unknown_filter_is_a_malformed_file"),
        ),
    ),
    (
        K::ReturnCode,
        &["109"],
        made("`otp_invalid`: a wrong one-time code", REQUESTS_TEST),
    ),
    (
        K::ReturnCode,
        &["2001", "2007"],
        made(
            "identify page: `image_refused` for an unusable front image (2001), `mrz_invalid` (2007)",
            PASSPORT_TEST,
        ),
    ),
    (
        K::ReturnCode,
        &["2003"],
        made(
            "identify page: `image_refused` for an unusable back image (`identify::images::check`); no HTTP test uploads a bad back",
            "crates/app/src/identify/images.rs::not_a_jpeg_or_png_is_refused_with_the_slot_code",
        ),
    ),
    (
        K::ReturnCode,
        &["2005"],
        made(
            "`image_refused`/`invalid_model`: an image that does not decode",
            ELIGIBILITY_TEST,
        ),
    ),
    (
        K::ReturnCode,
        &["2026"],
        made(
            "`image_refused`/`invalid_model`: an image over the size limit (`identify::images::check`); no HTTP test sends one",
            "crates/app/src/identify/images.rs::too_many_bytes_is_refused",
        ),
    ),
    (
        K::ReturnCode,
        &["2022", "2023"],
        made(
            "back office only: a soft finding on an accepted ID image (2022) or selfie (2023), shown to the reviewer; never an API `return_code`",
            "crates/app/src/identify/images.rs::dark_image_is_reported_for_id_and_selfie",
        ),
    ),
    (
        K::ReturnCode,
        &["2025"],
        made(
            "back office only: a soft finding on a blurry ID image, shown to the reviewer; never an API `return_code`",
            "crates/app/src/identify/images.rs::blurred_id_is_reported_but_a_blurred_selfie_is_not",
        ),
    ),
    (
        K::ReturnCode,
        &["1", "3", "10", "82", "83", "84", "85"],
        never(FIELD_ERRORS),
    ),
    (
        K::ReturnCode,
        &["2"],
        never("Requests carry no MAC: API keys over TLS authenticate them."),
    ),
    (
        K::ReturnCode,
        &["4", "36", "40"],
        never(
            "A refused upload says why (91, 92, 93, 75 or `invalid_model`); a failure of Signet's own is 500 `internal_error`, without a number.",
        ),
    ),
    (K::ReturnCode, &["5", "6", "53"], never(NO_TOKENS)),
    (
        K::ReturnCode,
        &["7", "46"],
        never(
            "An unknown route is 404 `not_found` and a wrong method 405 `method_not_allowed`, without a number.",
        ),
    ),
    (
        K::ReturnCode,
        &["8", "56", "57", "58", "61", "62", "64"],
        never(NO_APP),
    ),
    (
        K::ReturnCode,
        &[
            "9", "12", "13", "14", "15", "16", "17", "18", "19", "20", "21", "22", "47", "49",
            "50", "52", "63",
        ],
        never(NO_ACCOUNTS),
    ),
    (
        K::ReturnCode,
        &["23"],
        never(
            "A document that cannot be taken in is 91, 92 or 93 by what is wrong with it; nothing is reported as 23.",
        ),
    ),
    (
        K::ReturnCode,
        &["24", "25"],
        never(
            "A page the document does not have is a 404 page on the signer's page, without a number.",
        ),
    ),
    (
        K::ReturnCode,
        &["26"],
        made(
            "`POST …/approve` without `signature_image` (the hosted page: without a drawn, typed or uploaded signature) where the tenant requires a picture (`PUT /v1/settings/signature_picture`): 422 `signature_image_missing`",
            PICTURE_REQUIRED_TEST,
        ),
    ),
    (
        K::ReturnCode,
        &["55"],
        never(
            "A signature picture is given with the approval it belongs to; there is no picture to upload, fetch or delete on its own.",
        ),
    ),
    (
        K::ReturnCode,
        &["104"],
        made(
            "`POST …/approve` with a `signature_image` over 1 MB or over 2000 pixels on a side: 422 `signature_image_too_large`",
            PICTURE_CHECKS_TEST,
        ),
    ),
    (
        K::ReturnCode,
        &["27"],
        never(
            "An unknown signer is 404 `signer_not_found` with 41, the document's number (seed 001 has none of its own for a signer).",
        ),
    ),
    (
        K::ReturnCode,
        &["28"],
        never(
            "A signer who already signed is 78 (`already_signed`); a closed document is 96, 111 or `document_closed`.",
        ),
    ),
    (
        K::ReturnCode,
        &["29"],
        never(
            "A failed signature puts the signer in `error` with seed 000's 6001–6007 (status codes), not a return code.",
        ),
    ),
    (
        K::ReturnCode,
        &["30"],
        never(
            "A signer locked after failed validations is 66 (`signer_blocked`), seed 001's number for that lock.",
        ),
    ),
    (
        K::ReturnCode,
        &["31"],
        never(
            "Signet enrols no faces: a selfie is compared with the identification by a reviewer.",
        ),
    ),
    (
        K::ReturnCode,
        &["35"],
        never(
            "A wrong one-time code is 109, an expired one 97, five wrong ones 108, the seed's more precise numbers.",
        ),
    ),
    (
        K::ReturnCode,
        &["37"],
        made(
            "`DELETE /v1/documents/{id}` after a signer has signed: 409 `document_has_signatures`",
            t!(
                "api/doc_lifecycle.rs",
                "a_document_a_signer_signed_cannot_be_deleted"
            ),
        ),
    ),
    (
        K::ReturnCode,
        &["38"],
        made(
            "`POST /v1/documents/delete` when any of `ids` cannot go: 409 `documents_not_deletable`, one entry per document, none deleted",
            t!("api/doc_lifecycle.rs", "a_bulk_deletion_is_all_or_nothing"),
        ),
    ),
    (
        K::ReturnCode,
        &["107"],
        never(
            "No retention rule removes a signed document yet: a signed document cannot be deleted (37), and a document deleted before anyone signed answers 404 `document_not_found` with 41.",
        ),
    ),
    (
        K::ReturnCode,
        &["39"],
        made(
            "`POST /v1/documents/{id}/signers/{signer_id}/remind` within an hour of the signer's last reminder: 429 `reminder_too_soon` with `Retry-After`",
            t!(
                "api/doc_lifecycle.rs",
                "a_signer_is_reminded_by_hand_at_most_once_an_hour"
            ),
        ),
    ),
    (
        K::ReturnCode,
        &["45"],
        never(
            "Signet sends no mail but one-time codes: a reminder is a `document.signer_reminded` event carrying the signer's link, and a code that cannot be delivered is 502 `otp_delivery_failed` (11 or 86 for a refused address or number).",
        ),
    ),
    (
        K::ReturnCode,
        &["42"],
        never(
            "Another tenant's document is 404 `document_not_found` with 41: Signet does not tell that it exists.",
        ),
    ),
    (
        K::ReturnCode,
        &["43"],
        never(
            "Signet has no report resource to look up; the certificate of completion is part of the finished file.",
        ),
    ),
    (
        K::ReturnCode,
        &["44"],
        never(
            "A step the status does not allow is 422 `invalid_transition` or `invalid_state`, without a number.",
        ),
    ),
    (
        K::ReturnCode,
        &["54"],
        never("Request bodies are not encrypted beyond TLS: there is nothing to decrypt."),
    ),
    (
        K::ReturnCode,
        &["59"],
        never(
            "No step of Signet requires a separate signature verification: signers confirm with a one-time code.",
        ),
    ),
    (
        K::ReturnCode,
        &["60"],
        never(
            "An SMS that cannot be sent is 502 `otp_delivery_failed` or `sms_delivery_failed`, without a number; a refused number is 86.",
        ),
    ),
    (
        K::ReturnCode,
        &["65"],
        never(
            "A signer no configured channel reaches is 422 `signer_unreachable`, without a number.",
        ),
    ),
    (
        K::ReturnCode,
        &["67", "68"],
        never(
            "Signing asks for no personal or corporate ID number: an advanced signer's identity comes from their identification.",
        ),
    ),
    (
        K::ReturnCode,
        &["69"],
        made(
            "`POST`/`PATCH /v1/templates` with a PDF that cannot be read (not a PDF, encrypted, damaged, over the PDF limits): 422 `template_file_invalid`",
            TEMPLATE_FILES_TEST,
        ),
    ),
    (
        K::ReturnCode,
        &["98"],
        made(
            "`POST /v1/documents` with `template_id` whose stored PDF is gone or no longer passes the installation's PDF limits, or `PATCH /v1/templates/{id}` changing roles or fields without a file when the stored one is gone: 422 `template_failed`",
            TEMPLATE_FILES_TEST,
        ),
    ),
    (
        K::ReturnCode,
        &["70", "80"],
        made(
            "`POST`/`PATCH /v1/templates`: a name taken in the tenant and mode is 409 `template_name_taken` (70); a name not of 1 to 100 letters, digits, spaces and `.-_@` is 400 `invalid_model` naming `name` (80)",
            t!(
                "api/templates.rs",
                "template_names_are_checked_with_80_and_unique_with_70"
            ),
        ),
    ),
    (
        K::ReturnCode,
        &["77"],
        made(
            "`POST /v1/templates` past the tenant's limit (`signet tenant limits --templates`, both modes counted): 403 `template_limit_reached`",
            t!("api/templates.rs", "the_tenants_template_limit_is_77"),
        ),
    ),
    (
        K::ReturnCode,
        &["88"],
        made(
            "`template_not_found` (404): `template_id` on `POST /v1/documents`, and `GET`/`PATCH`/`DELETE /v1/templates/{id}`, naming no template of the tenant in this mode",
            t!("api/templates.rs", "an_unknown_template_is_88"),
        ),
    ),
    (
        K::ReturnCode,
        &["94"],
        made(
            "`POST /v1/documents` from a `draft` template where the tenant requires review (`PUT /v1/settings/template_review`), until a reviewer approves it at `/admin/templates`: 422 `template_not_approved`",
            t!(
                "api/templates.rs",
                "a_draft_is_94_until_a_reviewer_approves_it_in_the_back_office"
            ),
        ),
    ),
    (
        K::ReturnCode,
        &["71"],
        never(
            "Seed 001 has two numbers with these words; Signet sends 41 for an unknown document.",
        ),
    ),
    (
        K::ReturnCode,
        &["72"],
        never(
            "No length field is checked against data: a body cut short fails as `invalid_json`, `invalid_multipart` or `invalid_model`.",
        ),
    ),
    (
        K::ReturnCode,
        &["95"],
        made(
            "`POST /v1/documents` with `fields`: off the page, a page the document does not have, overlapping another field, both or neither of `area` and `anchor`, an anchor not found: 422 `field_position_invalid`",
            FIELD_POSITION_TEST,
        ),
    ),
    (
        K::ReturnCode,
        &["73", "81"],
        made(
            "`POST /v1/documents` with `number`: taken in the tenant and mode is 409 `document_number_taken` (73); malformed is 400 `invalid_model` naming `number` (81), as is a malformed `GET /v1/documents?number=`",
            t!(
                "api/doc_lifecycle.rs",
                "a_number_is_returned_unique_and_filterable"
            ),
        ),
    ),
    (K::ReturnCode, &["74", "2029"], never(NO_BILLING)),
    (
        K::ReturnCode,
        &["112"],
        made(
            "`POST /v1/documents` with a file that would take the tenant's stored documents past its limit (`signet tenant limits --stored-bytes`): 403 `storage_limit_reached`",
            STORAGE_LIMIT_TEST,
        ),
    ),
    (
        K::ReturnCode,
        &["105"],
        made(
            "a live-mode one-time code by SMS over the tenant's SMS per calendar month (`signet tenant limits --sms-per-month`): 429 `sms_limit_reached`",
            SMS_LIMIT_TEST,
        ),
    ),
    (
        K::ReturnCode,
        &["76"],
        made(
            "`POST /v1/documents` or `POST`/`PATCH /v1/templates` with `html` outside the subset of `docs/html.md` (a tag, attribute, CSS property or reference it does not take, tags not closed in order, a limit passed): 422 `html_invalid` naming the line and column",
            HTML_INVALID_TEST,
        ),
    ),
    (
        K::ReturnCode,
        &["79"],
        never("Signet sends nothing to verify after a signer has signed."),
    ),
    (
        K::ReturnCode,
        &["87"],
        made(
            "`POST …/approve` with a `signature_image` that is not base64 of a readable PNG or JPEG: 422 `signature_image_invalid` (an ID image or selfie that does not decode is 2005, or 2001, 2003 or 2004 by slot, the seed's more precise numbers)",
            PICTURE_CHECKS_TEST,
        ),
    ),
    (
        K::ReturnCode,
        &["89"],
        never(
            "Overload is 429 `rate_limited` with Retry-After, or a wait for a free connection, without a number.",
        ),
    ),
    (
        K::ReturnCode,
        &["90", "113", "114", "115"],
        never(NO_PRODUCTS),
    ),
    (
        K::ReturnCode,
        &["99"],
        never(
            "Live mode without SMS is 422 `sms_not_configured` or `otp_delivery_not_configured`, without a number.",
        ),
    ),
    (
        K::ReturnCode,
        &["100", "101"],
        never(
            "Certificates are issued by Signet's own CA while signing; a failure is seed 000's 6001 or 6002 on the signer, not a return code.",
        ),
    ),
    (
        K::ReturnCode,
        &["102"],
        never(
            "Revocation is published (CRL, OCSP) by Signet itself; nothing asks for one that can fail with a number.",
        ),
    ),
    (
        K::ReturnCode,
        &["103"],
        never("A file that is not a PDF is 92, the number Signet attaches."),
    ),
    (
        K::ReturnCode,
        &["106"],
        never(
            "A timestamp that cannot be had is seed 000's 6006 or 6007 on the signer, not a return code.",
        ),
    ),
    (
        K::ReturnCode,
        &["110"],
        never(
            "A failed identification is its status `failed` and the signer's 1202 (seed 000), not a return code.",
        ),
    ),
    (
        K::ReturnCode,
        &["2002"],
        never("The identification takes no flash image: front, back and selfie only."),
    ),
    (
        K::ReturnCode,
        &[
            "2006", "2016", "2017", "2018", "2019", "2020", "2021", "2024", "2027",
        ],
        never(NO_LANDMARKS),
    ),
    (
        K::ReturnCode,
        &["2008", "2009", "2010", "2011", "2012", "2013", "2014"],
        never(NO_OCR),
    ),
    (
        K::ReturnCode,
        &["2015"],
        never(
            "A name that does not match is a finding (`mrz_name_mismatch`) that sends the case to review (`pending_failed`), not a refusal with a number.",
        ),
    ),
    (
        K::ReturnCode,
        &["2028"],
        never(
            "The document type is PASSPORT or IDCARD, else 400 `invalid_model`; an ID card not accepted for its country is seed 000's 1021 on the signer.",
        ),
    ),
];

// ---------------------------------------------------------------------------------------
// Documents (seed 004)

const WEBHOOK_WORDS_TEST: &str = t!(
    "webhooks.rs",
    "delivered_document_events_carry_tags_custom_and_a_signer_exactly_where_seed_004_lists_one"
);

const DOCUMENTS: &[Group] = &[
    (
        K::DocumentStatus,
        &["pending"],
        made(
            "`POST /v1/documents` (`Workflow::create`); an unblocked document",
            t!(
                "api/documents.rs",
                "two_signers_sign_in_parallel_and_the_file_carries_both_signatures_and_a_document_timestamp"
            ),
        ),
    ),
    (
        K::DocumentStatus,
        &["rejected"],
        made(
            "a signer rejects (`Workflow::reject`)",
            t!(
                "api/documents.rs",
                "a_rejection_raises_reject_then_rejected_with_the_message"
            ),
        ),
    ),
    (
        K::DocumentStatus,
        &["blocked"],
        made(
            "a signer's third failed identity validation (`Workflow::fail_validation`)",
            t!(
                "api/documents.rs",
                "wrong_codes_kill_the_code_and_the_third_failure_blocks_signer_and_document_until_unblocked"
            ),
        ),
    ),
    (
        K::DocumentStatus,
        &["expired"],
        made(
            "the document's `expires_at` timer (`Workflow::on_timer`)",
            t!(
                "api/documents.rs",
                "a_document_expires_at_its_expiry_on_the_tenant_clock"
            ),
        ),
    ),
    (
        K::DocumentStatus,
        &["finished"],
        made(
            "the last signature (`Workflow::finished`)",
            t!(
                "api/documents.rs",
                "two_signers_confirming_at_once_both_end_up_in_the_file"
            ),
        ),
    ),
    (
        K::DocumentStatus,
        &["canceled"],
        made(
            "`POST /v1/documents/{id}/cancel` (`Workflow::cancel`)",
            t!(
                "api/documents.rs",
                "a_canceled_document_takes_no_more_signatures"
            ),
        ),
    ),
    (
        K::DocumentWebhookStatus,
        &[
            "CREATE",
            "FINISH",
            "NOTIFICATION",
            "REJECT",
            "REJECTED",
            "BLOCKED",
            "EXPIRED",
        ],
        made(
            "document events (`DocumentEvent::word`), delivered to webhook endpoints",
            WEBHOOK_WORDS_TEST,
        ),
    ),
];

// ---------------------------------------------------------------------------------------
// Persons: compliance fields, screening hits, person documents (seed 002)

const SETTLE_TEST: &str = t!(
    "screening.rs",
    "a_listed_person_gets_an_open_hit_and_decisions_settle_the_person"
);
const NEW_PERSON_TEST: &str = t!(
    "api/persons.rs",
    "creating_seed_002s_example_person_returns_every_field_of_its_response"
);

const COMPLIANCE: &[Group] = &[
    (
        K::ScreeningProgress,
        &["NOT_SCREENED"],
        made("every new person (the field's default)", NEW_PERSON_TEST),
    ),
    (
        K::ScreeningProgress,
        &["POTENTIAL_MATCH", "SCREENED_ACCEPTED", "SCREENED_DECLINED"],
        made(
            "`screening::verdict` from the person's sanctions hits, after each screening and decision",
            SETTLE_TEST,
        ),
    ),
    (
        K::RiskClassification,
        &["NOT_SCORED"],
        made("every new person (the field's default)", NEW_PERSON_TEST),
    ),
    (
        K::RiskClassification,
        &["POTENTIAL_RISK", "NORMAL_RISK", "HIGH_RISK"],
        made(
            "`screening::verdict` from the person's hits (open, none or dismissed, confirmed)",
            SETTLE_TEST,
        ),
    ),
    (
        K::RiskClassification,
        &["RISK_ACCEPTED", "RISK_REJECTED"],
        never(
            "Published, never set: the field is read-only and `screening::verdict` sets only the four others; Signet has no risk review that accepts or rejects.",
        ),
    ),
    (
        K::CustomerVettingStatus,
        &["NOT_VETTED"],
        made("every person (the field's default)", NEW_PERSON_TEST),
    ),
    (
        K::CustomerVettingStatus,
        &[
            "NO_MATCH",
            "POTENTIAL_MATCH",
            "INFORMATION_REQUESTED",
            "INFORMATION_RECEIVED",
            "RISK_ACCEPTED",
            "RISK_REJECTED",
            "CUSTOMER_UNRESPONSIVE",
            "VETTING_NOT_REQUIRED",
        ],
        never(
            "`customer_vetting_status` is read-only and nothing sets it after its default: Signet has no vetting workflow (its review is screening hits, `screening_progress`, and the compliance flag).",
        ),
    ),
    (
        K::ScreeningHitStatus,
        &["open", "true_positive", "false_positive"],
        made(
            "a screening's new hit (`open`); `POST /v1/screening/hits/{id}/decision`",
            SETTLE_TEST,
        ),
    ),
    (
        K::PersonDocumentType,
        &["ID_DOCUMENT", "PICTURE"],
        made(
            "the identify page's uploads: ID images, selfie (`identifications::upload`)",
            PASSPORT_TEST,
        ),
    ),
    (
        K::PersonDocumentType,
        &["KYC_REPORT"],
        made(
            "a successful identification files its report",
            t!(
                "api/sandbox.rs",
                "a_successful_identification_keeps_a_kyc_report_and_verifies_the_mobile_number"
            ),
        ),
    ),
    (
        K::PersonDocumentType,
        &["SIGNED_CONTRACT"],
        made(
            "a finished advanced document, filed to each identified signer (`signing::produce`)",
            t!(
                "api/documents.rs",
                "a_finished_advanced_document_becomes_a_signed_contract_of_each_identified_signer"
            ),
        ),
    ),
    (
        K::PersonDocumentType,
        &[
            "ANNUAL_FINANCIAL_STATEMENT",
            "SIGNATURE",
            "QES_DOCUMENT",
            "SIGNED_QES_DOCUMENT",
            "REGISTER_CHECK",
            "REGISTER_EXTRACT",
            "FOUNDATION_DOCUMENT",
            "SCHUFA_COMPACT_REPORT",
            "SCHUFA_GWG_REPORT",
            "SCHUFA_FULL_REPORT",
            "SCHUFA_SHORT_REPORT",
            "CREDIT_AGENCY_REPORT",
            "SHARE_HOLDERS_AGREEMENT",
            "SHAREHOLDERS_LIST",
            "TRADING_LICENSE",
            "TRANSPARENCY_REGISTER_EXTRACT",
            "INVOICE",
            "OTHER",
            "VIDEO",
            "VAT_CERTIFICATE",
        ],
        never(
            "Signet files a person's documents itself (ID_DOCUMENT, PICTURE, KYC_REPORT, SIGNED_CONTRACT) and has no upload of other person documents, so this type of seed 002's list is never set.",
        ),
    ),
];

// ---------------------------------------------------------------------------------------
// API error codes

const CODE_LIMITS_TEST: &str = t!(
    "api/errors.rs",
    "code_limits_are_sent_as_the_catalogue_lists_them"
);

const ERRORS: &[Group] = &[
    (
        K::ErrorCode,
        &[
            "invalid_model",
            "invalid_json",
            "unauthorized",
            "sandbox_only",
            "not_found",
            "method_not_allowed",
            "conflict",
            "payload_too_large",
            "unsupported_media_type",
            "idempotency_key_reused",
            "invalid_state",
            "otp_invalid",
            "provider_not_configured",
        ],
        made(
            "request checks (`extract.rs`, `auth::require_key`, `middleware::idempotency`, the router) and the use cases' refusals (`AppError`)",
            REQUESTS_TEST,
        ),
    ),
    (
        K::ErrorCode,
        &[
            "invalid_multipart",
            "document_not_found",
            "signer_not_found",
            "file_too_large",
            "not_a_pdf",
            "pdf_encrypted",
        ],
        made(
            "`POST /v1/documents` and the document routes (`api/documents.rs`, `pdf_error`)",
            INTAKE_TEST,
        ),
    ),
    (
        K::ErrorCode,
        &[
            "invalid_transition",
            "not_your_turn",
            "already_signed",
            "document_completed",
            "document_expired",
            "document_closed",
            "approval_window_expired",
            "confirmation_window_expired",
            "signature_flow_not_initialized",
            "signer_blocked",
            "no_selfie",
            "otp_expired",
            "otp_missing",
            "otp_attempts_exceeded",
        ],
        made(
            "a signer's steps refused by the workflow (`SigningError`, `api/documents.rs`)",
            REFUSALS_TEST,
        ),
    ),
    (
        K::ErrorCode,
        &["document_number_taken"],
        made(
            "`POST /v1/documents` with a `number` the tenant already uses in the mode",
            t!(
                "api/doc_lifecycle.rs",
                "a_number_is_returned_unique_and_filterable"
            ),
        ),
    ),
    (
        K::ErrorCode,
        &["document_has_signatures"],
        made(
            "`DELETE /v1/documents/{id}` after a signer has signed (`signers::delete`)",
            t!(
                "api/doc_lifecycle.rs",
                "a_document_a_signer_signed_cannot_be_deleted"
            ),
        ),
    ),
    (
        K::ErrorCode,
        &["documents_not_deletable"],
        made(
            "`POST /v1/documents/delete` when any document cannot go (`signers::delete_many`)",
            t!("api/doc_lifecycle.rs", "a_bulk_deletion_is_all_or_nothing"),
        ),
    ),
    (
        K::ErrorCode,
        &["field_position_invalid"],
        made(
            "`POST /v1/documents` with `fields` not where they can be (`signing::fields`)",
            FIELD_POSITION_TEST,
        ),
    ),
    (
        K::ErrorCode,
        &["field_values_invalid"],
        made(
            "`POST …/approve` with `values` that do not fit the signer's fields, or leaving a required one empty (`signing::fields::check_values`)",
            t!(
                "api/fields.rs",
                "approve_values_are_checked_and_required_fields_named"
            ),
        ),
    ),
    (
        K::ErrorCode,
        &["signature_image_invalid", "signature_image_too_large"],
        made(
            "`POST …/approve` with a `signature_image` that is not a readable PNG or JPEG (87), or over 1 MB or 2000 pixels (104) (`fields::check_signature_picture`)",
            PICTURE_CHECKS_TEST,
        ),
    ),
    (
        K::ErrorCode,
        &["signature_image_missing"],
        made(
            "`POST …/approve` without a picture where the tenant requires one (`signers::approve`)",
            PICTURE_REQUIRED_TEST,
        ),
    ),
    (
        K::ErrorCode,
        &["reminder_too_soon"],
        made(
            "`POST …/signers/{signer_id}/remind` within an hour of the last reminder (`signers::remind`)",
            t!(
                "api/doc_lifecycle.rs",
                "a_signer_is_reminded_by_hand_at_most_once_an_hour"
            ),
        ),
    ),
    (
        K::ErrorCode,
        &["rate_limited", "code_limit_reached"],
        made("one-time code limits (`limits.rs`)", CODE_LIMITS_TEST),
    ),
    (
        K::ErrorCode,
        &["storage_limit_reached"],
        made(
            "document intake over the tenant's stored bytes (`api/documents.rs`)",
            STORAGE_LIMIT_TEST,
        ),
    ),
    (
        K::ErrorCode,
        &["template_file_invalid", "template_failed"],
        made(
            "a template's PDF that cannot be read (`api/templates.rs`), or its stored file gone when a document is sent from it (`templates::for_document`)",
            TEMPLATE_FILES_TEST,
        ),
    ),
    (
        K::ErrorCode,
        &["html_invalid"],
        made(
            "`html` that `signet_pdf::html::render_html` refuses, or a `<signet-field>` of a role in a document or of a signer in a template (`api/documents.rs`, `api/templates.rs`)",
            HTML_INVALID_TEST,
        ),
    ),
    (
        K::ErrorCode,
        &["template_name_taken"],
        made(
            "`POST`/`PATCH /v1/templates` with a name the tenant uses in the mode (`templates::create`, `templates::update`)",
            t!(
                "api/templates.rs",
                "template_names_are_checked_with_80_and_unique_with_70"
            ),
        ),
    ),
    (
        K::ErrorCode,
        &["template_limit_reached"],
        made(
            "`POST /v1/templates` past the tenant's template limit (`templates::create`)",
            t!("api/templates.rs", "the_tenants_template_limit_is_77"),
        ),
    ),
    (
        K::ErrorCode,
        &["template_not_found"],
        made(
            "an unknown template id on the template routes or in `template_id` (`templates.rs`)",
            t!("api/templates.rs", "an_unknown_template_is_88"),
        ),
    ),
    (
        K::ErrorCode,
        &["template_not_approved"],
        made(
            "`POST /v1/documents` from a draft template (`templates::for_document`)",
            t!(
                "api/templates.rs",
                "a_draft_is_94_until_a_reviewer_approves_it_in_the_back_office"
            ),
        ),
    ),
    (
        K::ErrorCode,
        &["sms_limit_reached"],
        made(
            "the tenant's live-mode SMS per calendar month (`limits.rs`)",
            SMS_LIMIT_TEST,
        ),
    ),
    (
        K::ErrorCode,
        &["ocsp_request_malformed"],
        made(
            "`POST`/`GET /v1/trust/ocsp` (`revocation.rs`)",
            t!(
                "api/revocation.rs",
                "an_advanced_signers_certificate_is_good_then_revoked_in_ocsp_and_the_crl"
            ),
        ),
    ),
    (
        K::ErrorCode,
        &["duplicate_person_limit"],
        made(
            "`persons::create` in test mode",
            t!(
                "api/persons.rs",
                "more_than_1000_identical_persons_is_refused_in_test_mode"
            ),
        ),
    ),
    (
        K::ErrorCode,
        &["request_timeout"],
        made(
            "`serve::deadline`",
            t!(
                "api/defenses.rs",
                "a_request_still_running_at_the_request_timeout_is_408"
            ),
        ),
    ),
    (
        K::ErrorCode,
        &["step_not_possible"],
        made(
            "hosted pages: the identify page and the back office (`identifications::refused`, `admin::decide`)",
            DECLINE_TEST,
        ),
    ),
    (
        K::ErrorCode,
        &["idempotency_key_in_progress"],
        made(
            "`middleware::idempotency`: the same key while the first request runs; no test races two requests",
            t!(
                "api/operations.rs",
                "idempotency_keys_replay_the_first_response_and_refuse_another_body"
            ),
        ),
    ),
    (
        K::ErrorCode,
        &["otp_delivery_not_configured"],
        made(
            "`signing::deliver_otp` in live mode without email or SMS",
            t!(
                "live_otp.rs",
                "live_mode_without_any_channel_refuses_to_approve"
            ),
        ),
    ),
    (
        K::ErrorCode,
        &["signer_unreachable"],
        made(
            "`signing::deliver_otp`: no configured channel reaches the signer",
            t!(
                "live_otp.rs",
                "a_signer_no_configured_channel_reaches_is_refused_before_anything_changes"
            ),
        ),
    ),
    (
        K::ErrorCode,
        &["invalid_phone"],
        made(
            "the SMS provider refuses the number (`signing::deliver_otp`, `identifications::send_phone_code`)",
            t!(
                "live_otp.rs",
                "a_number_the_provider_refuses_puts_the_signer_in_error_6010"
            ),
        ),
    ),
    (
        K::ErrorCode,
        &["invalid_email"],
        made(
            "`signing::deliver_otp`: the mail server refuses the address; no test has it refuse one",
            t!(
                "live_otp.rs",
                "live_code_goes_by_email_and_sms_and_only_that_code_signs"
            ),
        ),
    ),
    (
        K::ErrorCode,
        &["sms_not_configured"],
        made(
            "`identifications::send_phone_code` in live mode without SMS",
            t!(
                "api/identify.rs",
                "unknown_or_malformed_links_are_a_404_page_and_live_mode_needs_sms_for_the_number"
            ),
        ),
    ),
    (
        K::ErrorCode,
        &["sms_country_not_allowed"],
        made(
            "`limits.rs`: `sms_allowed_countries`",
            t!("api/limits.rs", "sms_goes_only_to_allowed_countries"),
        ),
    ),
    (
        K::ErrorCode,
        &["image_refused", "mrz_invalid"],
        made(
            "the identify page's uploads and zone (`identifications::upload`, `identify::parse_mrz`)",
            PASSPORT_TEST,
        ),
    ),
    (
        K::ErrorCode,
        &["pdf_invalid"],
        made(
            "document intake (`pdf_error`)",
            t!("api/pdf_intake.rs", "an_unknown_filter_is_a_malformed_file"),
        ),
    ),
    (
        K::ErrorCode,
        &["pdf_over_limit"],
        made(
            "document intake and `POST /v1/verify` (`pdf_error`)",
            t!("api/pdf_intake.rs", "the_decompression_budget_is_a_setting"),
        ),
    ),
    (
        K::ErrorCode,
        &["too_many_signatures"],
        made(
            "`POST /v1/verify` (`pdf_error`)",
            t!(
                "api/pdf_intake.rs",
                "verify_refuses_more_signature_fields_than_it_checks_and_bombs"
            ),
        ),
    ),
    (
        K::ErrorCode,
        &["verify_time_exceeded"],
        made(
            "`POST /v1/verify` over its 10-second budget (`PdfError::TimeBudget`); no test runs the budget out",
            t!("api/pdf_intake.rs", "the_new_codes_are_in_the_catalogue"),
        ),
    ),
    (
        K::ErrorCode,
        &["render_failed"],
        made(
            "the signer's page image (`pages::sign::page_image`) when drawing fails; no test makes it fail",
            t!(
                "api/pdf_intake.rs",
                "a_page_image_is_drawn_once_per_revision_and_kept"
            ),
        ),
    ),
    (
        K::ErrorCode,
        &["webhook_endpoint_limit"],
        made(
            "`POST /v1/webhooks` (`api/webhooks.rs`)",
            t!("api/limits.rs", "a_tenants_webhook_endpoints_are_capped"),
        ),
    ),
    (
        K::ErrorCode,
        &["person_erased"],
        made(
            "a person's routes once their erasure ran at the end of the retention (`api/retention.rs`)",
            t!(
                "api/erasure.rs",
                "an_erasure_keeps_the_records_until_the_retention_ends_then_the_person_is_gone"
            ),
        ),
    ),
    (
        K::ErrorCode,
        &["webhook_payload_expired"],
        made(
            "`POST /v1/webhooks/{id}/deliveries/{message_id}/resend` (and the back office's resend) after `webhook_payload_retention` removed the payload (`api/webhooks.rs`)",
            t!(
                "webhooks.rs",
                "settled_webhook_payloads_are_removed_after_their_retention_and_cannot_be_resent"
            ),
        ),
    ),
    (
        K::ErrorCode,
        &["too_many_codes"],
        made(
            "`identifications::send_phone_code`: five codes per attempt",
            t!(
                "api/limits.rs",
                "starting_an_identification_again_does_not_reset_its_codes"
            ),
        ),
    ),
    (
        K::ErrorCode,
        &["internal_error"],
        made(
            "`AppError::internal` and the panic catcher (`build_router`); none is known over HTTP, the test shows a job's",
            t!(
                "admin_records.rs",
                "a_job_that_keeps_failing_dies_with_its_error_and_an_operator_retries_it"
            ),
        ),
    ),
    (
        K::ErrorCode,
        &["sms_delivery_failed"],
        made(
            "`identifications::send_phone_code`: the SMS provider fails; no test has it fail there",
            t!(
                "live_otp.rs",
                "an_applicant_confirms_their_number_with_the_code_the_sms_brought"
            ),
        ),
    ),
    (
        K::ErrorCode,
        &["otp_delivery_failed"],
        made(
            "`signing::deliver_otp`: no channel delivered the code",
            t!("live_otp.rs", "an_sms_outage_is_a_retryable_502"),
        ),
    ),
];

const GROUPS: &[&[Group]] = &[
    IDENTIFICATION,
    SIGNATURE,
    RETURN_CODES,
    DOCUMENTS,
    COMPLIANCE,
    ERRORS,
];

/// Every row of the table, in the order the groups list them.
pub fn rows() -> Vec<Row> {
    GROUPS
        .iter()
        .flat_map(|groups| groups.iter())
        .flat_map(|(kind, codes, how)| {
            codes.iter().map(move |code| Row {
                kind: *kind,
                code,
                how: *how,
            })
        })
        .collect()
}

/// How Signet produces `code` of `kind`; `None` for a code the catalogue does not list.
pub fn conformance(kind: CodeKind, code: &str) -> Option<Conformance> {
    GROUPS
        .iter()
        .flat_map(|groups| groups.iter())
        .find(|(k, codes, _)| *k == kind && codes.contains(&code))
        .map(|(_, _, how)| *how)
}

/// The catalogue's wording, whole when it is short, else the whole sentences that fit in
/// about 100 characters, else the first words.
fn short(entry: &CodeEntry) -> String {
    const MAX: usize = 100;
    let text = entry.description;
    if text.chars().count() <= MAX {
        return text.to_owned();
    }
    let sentences = text
        .match_indices(". ")
        .map(|(i, _)| i + 1)
        .take_while(|&end| text[..end].chars().count() <= MAX)
        .last();
    if let Some(end) = sentences {
        return text[..end].to_owned();
    }
    let cut: String = text.chars().take(MAX).collect();
    let cut = match cut.rfind(' ') {
        Some(i) => &cut[..i],
        None => &cut,
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':']))
}

fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

/// Renders `docs/conformance.md`: an introduction, a summary per kind, then one section per
/// kind in [`CodeKind::ALL`] order, each entry in the catalogue's order.
pub fn conformance_markdown() -> String {
    let mut out = String::new();
    out.push_str("# Conformance: which codes Signet produces\n\n");
    out.push_str(
        "`GET /v1/codes` lists every status, reason and code of the seeds, whole, so that \
         rules written against the seeds' vendors keep their words. Not every entry is one \
         Signet ever sends. This page says, for each entry, where Signet produces it and which \
         test shows it (over HTTP where one does; otherwise the closest test, and the \
         \"produced by\" column says so), or why Signet never produces it.\n\n",
    );
    out.push_str(
        "It is generated from `crates/core/src/catalog/conformance.rs`; do not edit it by \
         hand. A test fails when the two differ, when a catalogue entry has no row, or when \
         a named test does not exist. To regenerate:\n\n\
         ```sh\nSIGNET_REGENERATE=1 cargo test -p signet-core --lib catalog::conformance\n```\n\n",
    );
    out.push_str(
        "Test names are `<file>::<test function>`, the file relative to the repository's \
         root.\n\n",
    );
    out.push_str("| Kind | Entries | Produced | Not produced |\n|---|---|---|---|\n");
    let (mut all, mut all_made) = (0, 0);
    for kind in CodeKind::ALL {
        let entries: Vec<&CodeEntry> = super::by_kind(kind).collect();
        let produced = entries
            .iter()
            .filter(|e| {
                matches!(
                    conformance(kind, e.code),
                    Some(Conformance::Produced { .. })
                )
            })
            .count();
        all += entries.len();
        all_made += produced;
        out.push_str(&format!(
            "| [`{kind}`](#{kind}) | {} | {produced} | {} |\n",
            entries.len(),
            entries.len() - produced
        ));
    }
    out.push_str(&format!(
        "| **all** | {all} | {all_made} | {} |\n",
        all - all_made
    ));
    for kind in CodeKind::ALL {
        out.push_str(&format!("\n## {kind}\n\n"));
        out.push_str("| Code | Seed wording | Produced by | Test or reason |\n|---|---|---|---|\n");
        for entry in super::by_kind(kind) {
            let (by, test_or_why) = match conformance(kind, entry.code) {
                Some(Conformance::Produced { by, test }) => (cell(by), format!("`{test}`")),
                Some(Conformance::NotProduced { why }) => ("not produced".to_owned(), cell(why)),
                None => ("(no row)".to_owned(), String::new()),
            };
            out.push_str(&format!(
                "| `{}` | {} | {by} | {test_or_why} |\n",
                entry.code,
                cell(&short(entry)),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn workspace_file(path: &str) -> String {
        format!("{}/../../{path}", env!("CARGO_MANIFEST_DIR"))
    }

    #[test]
    fn every_catalogue_entry_has_exactly_one_row_and_every_row_names_an_entry() {
        let mut count: HashMap<(CodeKind, &str), usize> = HashMap::new();
        for row in rows() {
            assert!(
                crate::catalog::lookup(row.kind, row.code).is_some(),
                "{} {} is not in the catalogue",
                row.kind,
                row.code
            );
            *count.entry((row.kind, row.code)).or_default() += 1;
        }
        for entry in crate::catalog::all() {
            let n = count.get(&(entry.kind, entry.code)).copied().unwrap_or(0);
            assert_eq!(n, 1, "{} {} has {n} rows", entry.kind, entry.code);
        }
        assert_eq!(rows().len(), crate::catalog::all().len());
    }

    #[test]
    fn every_named_test_exists() {
        let mut files: HashMap<&str, String> = HashMap::new();
        for row in rows() {
            let (by, test) = match row.how {
                Conformance::Produced { by, test } => (by, test),
                Conformance::NotProduced { why } => {
                    assert!(!why.trim().is_empty(), "{} {}", row.kind, row.code);
                    continue;
                }
            };
            assert!(!by.trim().is_empty(), "{} {}", row.kind, row.code);
            let (path, name) = test
                .split_once("::")
                .unwrap_or_else(|| panic!("{test}: not <file>::<fn>"));
            let text = files.entry(path).or_insert_with(|| {
                std::fs::read_to_string(workspace_file(path))
                    .unwrap_or_else(|e| panic!("{path} (named for {} {}): {e}", row.kind, row.code))
            });
            assert!(
                text.contains(&format!("fn {name}(")),
                "{path} has no fn {name} (named for {} {})",
                row.kind,
                row.code
            );
        }
    }

    #[test]
    fn docs_conformance_md_is_generated_from_the_table() {
        let path = workspace_file("docs/conformance.md");
        let expected = conformance_markdown();
        if std::env::var_os("SIGNET_REGENERATE").is_some_and(|v| v == "1") {
            std::fs::write(&path, &expected).unwrap();
        }
        let actual = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            actual == expected,
            "docs/conformance.md is not what crates/core/src/catalog/conformance.rs renders; \
             regenerate it with `SIGNET_REGENERATE=1 cargo test -p signet-core --lib \
             catalog::conformance` and commit it"
        );
    }

    #[test]
    fn the_markdown_is_deterministic_and_has_a_section_per_kind() {
        let md = conformance_markdown();
        assert_eq!(md, conformance_markdown());
        for kind in CodeKind::ALL {
            assert!(md.contains(&format!("\n## {kind}\n")), "{kind}");
        }
        assert!(!md.contains("(no row)"));
    }

    #[test]
    fn the_wording_is_shortened_at_a_word() {
        for entry in crate::catalog::all() {
            let s = short(entry);
            assert!(s.chars().count() <= 101, "{s}");
            let kept = s.trim_end_matches('…');
            assert!(entry.description.starts_with(kept), "{s}");
        }
        let long = crate::catalog::lookup(CodeKind::SignatureStatus, "selfie_required").unwrap();
        assert!(short(long).ends_with('…'), "{}", short(long));
    }
}
