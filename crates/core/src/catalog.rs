//! The catalog of every status, code and reason Signet publishes.
//!
//! Integrators build business rules on these strings, so they live in one place, as static
//! data, and `GET /v1/codes` serves them unchanged. Each entry keeps the wording of the source
//! document it comes from (the seeds of the specification); where Signet adds a code or had to
//! choose between readings of an ambiguous source, the doc comment of the table says so.
//!
//! The kinds that the domain switches on have typed enums ([`IdentificationReason`],
//! [`PersonDocumentType`], [`AttemptResponseCode`], [`ScreeningProgress`],
//! [`RiskClassification`], [`HitStatus`]) whose string form, serde form and catalog
//! entry are generated from the same rows, so they cannot drift apart.

use serde::Serialize;

mod attempts;
mod compliance;
pub mod conformance;
mod documents;
mod errors;
mod identification;
mod return_codes;
mod signature;

pub use attempts::AttemptResponseCode;
pub use compliance::{HitStatus, RiskClassification, ScreeningProgress};
pub use errors::{ErrorCode, error_code};
pub use identification::{IdentificationReason, PersonDocumentType};

/// What a code means: which field or list of the API it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CodeKind {
    /// `status` of an identification (seed 002, IDnow statuses).
    IdentificationStatus,
    /// Failure and cancellation reasons of an identification (seed 002's IDnow table).
    IdentificationReason,
    /// `status` of an identification attempt (seed 003, names from the SPEC).
    AttemptStatus,
    /// Response codes of an attempt's checks (seed 003).
    AttemptResponseCode,
    /// `status` of a signer's signature workflow (seed 000, plus `rejected` and `blocked`).
    SignatureStatus,
    /// Numeric status codes that accompany a signature status (seed 000).
    SignatureStatusCode,
    /// Numeric return codes of the e-sign platform (seed 001), carried as `return_code`.
    ReturnCode,
    /// `status` of a document (signing process).
    DocumentStatus,
    /// `status` word of a document webhook (seed 004).
    DocumentWebhookStatus,
    /// `screening_progress` of a person.
    ScreeningProgress,
    /// `risk_classification_status` of a person.
    RiskClassification,
    /// `customer_vetting_status` of a person.
    CustomerVettingStatus,
    /// `document_type` of a person's file (seed 002, Appendix I).
    PersonDocumentType,
    /// `status` of a screening hit.
    ScreeningHitStatus,
    /// `code` of an API error.
    ErrorCode,
}

impl CodeKind {
    /// Every kind, in the order `GET /v1/codes` lists them.
    pub const ALL: [CodeKind; 15] = [
        CodeKind::IdentificationStatus,
        CodeKind::IdentificationReason,
        CodeKind::AttemptStatus,
        CodeKind::AttemptResponseCode,
        CodeKind::SignatureStatus,
        CodeKind::SignatureStatusCode,
        CodeKind::ReturnCode,
        CodeKind::DocumentStatus,
        CodeKind::DocumentWebhookStatus,
        CodeKind::ScreeningProgress,
        CodeKind::RiskClassification,
        CodeKind::CustomerVettingStatus,
        CodeKind::PersonDocumentType,
        CodeKind::ScreeningHitStatus,
        CodeKind::ErrorCode,
    ];

    /// The snake_case name, as serialised (used in query strings such as `?kind=return_code`).
    pub fn as_str(self) -> &'static str {
        match self {
            CodeKind::IdentificationStatus => "identification_status",
            CodeKind::IdentificationReason => "identification_reason",
            CodeKind::AttemptStatus => "attempt_status",
            CodeKind::AttemptResponseCode => "attempt_response_code",
            CodeKind::SignatureStatus => "signature_status",
            CodeKind::SignatureStatusCode => "signature_status_code",
            CodeKind::ReturnCode => "return_code",
            CodeKind::DocumentStatus => "document_status",
            CodeKind::DocumentWebhookStatus => "document_webhook_status",
            CodeKind::ScreeningProgress => "screening_progress",
            CodeKind::RiskClassification => "risk_classification",
            CodeKind::CustomerVettingStatus => "customer_vetting_status",
            CodeKind::PersonDocumentType => "person_document_type",
            CodeKind::ScreeningHitStatus => "screening_hit_status",
            CodeKind::ErrorCode => "error_code",
        }
    }
}

impl std::fmt::Display for CodeKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for CodeKind {
    type Err = UnknownCode;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        CodeKind::ALL
            .iter()
            .copied()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| UnknownCode {
                kind: "code kind",
                value: s.to_owned(),
            })
    }
}

/// One published code. Fields that do not apply to a kind are `None` (and serialise as `null`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CodeEntry {
    /// The stable string: `"TECH_TIMEOUT"`, `"6008"`, `"66"`, `"invalid_model"`.
    pub code: &'static str,
    /// Which list the code belongs to.
    pub kind: CodeKind,
    /// What it means, in the source's words.
    pub description: &'static str,
    /// What the integrator should do, where the source says.
    pub action: Option<&'static str>,
    /// The source's grouping (reason categories, response-code categories).
    pub category: Option<&'static str>,
    /// For signature status codes: the status they accompany. For attempt response codes: the
    /// check status (seed 003) they lead to. For error codes: the HTTP status.
    pub status: Option<&'static str>,
    /// Whether trying again (a new workflow, attempt or request) can succeed.
    pub retryable: Option<bool>,
    /// For identification reasons: whether the failure cannot be solved by a retry.
    pub permanent: Option<bool>,
    /// For identification reasons: whether the user caused it; `None` where the source says "-".
    pub caused_by_user: Option<bool>,
    /// The seed 001 numeric return code: the code itself for return codes, and the matching one
    /// for error codes that have one.
    pub return_code: Option<u32>,
}

impl CodeEntry {
    /// The HTTP status of an error code (`status` parsed); `None` for other kinds.
    pub fn http_status(&self) -> Option<u16> {
        match self.kind {
            CodeKind::ErrorCode => self.status.and_then(|s| s.parse().ok()),
            _ => None,
        }
    }

    /// An entry with only the three fields every entry has.
    pub(crate) const fn new(kind: CodeKind, code: &'static str, description: &'static str) -> Self {
        CodeEntry {
            code,
            kind,
            description,
            action: None,
            category: None,
            status: None,
            retryable: None,
            permanent: None,
            caused_by_user: None,
            return_code: None,
        }
    }

    pub(crate) const fn action(self, action: &'static str) -> Self {
        CodeEntry {
            action: Some(action),
            ..self
        }
    }

    pub(crate) const fn category(self, category: &'static str) -> Self {
        CodeEntry {
            category: Some(category),
            ..self
        }
    }

    pub(crate) const fn status(self, status: &'static str) -> Self {
        CodeEntry {
            status: Some(status),
            ..self
        }
    }

    pub(crate) const fn retryable(self, retryable: bool) -> Self {
        CodeEntry {
            retryable: Some(retryable),
            ..self
        }
    }

    pub(crate) const fn permanent(self, permanent: bool) -> Self {
        CodeEntry {
            permanent: Some(permanent),
            ..self
        }
    }

    pub(crate) const fn caused_by_user(self, caused_by_user: Option<bool>) -> Self {
        CodeEntry {
            caused_by_user,
            ..self
        }
    }

    pub(crate) const fn return_code(self, return_code: u32) -> Self {
        CodeEntry {
            return_code: Some(return_code),
            ..self
        }
    }
}

/// A string that is not a code of the expected kind.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{value:?} is not a known {kind}")]
pub struct UnknownCode {
    /// What was expected, in words (e.g. `"identification reason"`).
    pub kind: &'static str,
    /// The string that was given.
    pub value: String,
}

/// Generates a typed enum over catalog rows: the variants, their entries (one const slice, in
/// variant order, so `entry()` is an index), `as_str`, `FromStr`, `Display` and serde as the
/// exact code string. The string lives only in the entry, so the two cannot disagree.
macro_rules! code_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident ($what:literal, $entries:ident) {
            $( $(#[$vmeta:meta])* $variant:ident = $entry:expr ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $( $(#[$vmeta])* $variant ),+
        }

        /// The catalog rows of this enum, in variant order.
        pub(crate) const $entries: &[$crate::catalog::CodeEntry] = &[ $( $entry ),+ ];

        impl $name {
            /// Every variant, in the source's order.
            pub const ALL: &'static [$name] = &[ $( $name::$variant ),+ ];

            /// The catalog entry of this code.
            pub fn entry(self) -> &'static $crate::catalog::CodeEntry {
                // Variants carry no explicit discriminants, so `self as usize` is the row index.
                &$entries[self as usize]
            }

            /// The exact code string of the source.
            pub fn as_str(self) -> &'static str {
                self.entry().code
            }

            /// The source's description.
            pub fn description(self) -> &'static str {
                self.entry().description
            }

            /// Parses the exact code string (case-sensitive, as the API is).
            pub fn parse(s: &str) -> Result<Self, $crate::catalog::UnknownCode> {
                s.parse()
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::catalog::UnknownCode;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $name::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str() == s)
                    .ok_or_else(|| $crate::catalog::UnknownCode {
                        kind: $what,
                        value: s.to_owned(),
                    })
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(deserializer)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}
pub(crate) use code_enum;

/// The per-kind tables, in [`CodeKind::ALL`] order.
const TABLES: &[&[CodeEntry]] = &[
    identification::IDENTIFICATION_STATUSES,
    identification::REASON_ENTRIES,
    attempts::ATTEMPT_STATUSES,
    attempts::RESPONSE_CODE_ENTRIES,
    signature::SIGNATURE_STATUSES,
    signature::SIGNATURE_STATUS_CODES,
    return_codes::RETURN_CODES,
    documents::DOCUMENT_STATUSES,
    documents::DOCUMENT_WEBHOOK_STATUSES,
    compliance::SCREENING_PROGRESS,
    compliance::RISK_CLASSIFICATIONS,
    compliance::CUSTOMER_VETTING_STATUSES,
    identification::DOCUMENT_TYPE_ENTRIES,
    compliance::SCREENING_HIT_STATUSES,
    errors::ERROR_CODES,
];

const fn total_len(tables: &[&[CodeEntry]]) -> usize {
    let mut total = 0;
    let mut i = 0;
    while i < tables.len() {
        total += tables[i].len();
        i += 1;
    }
    total
}

/// Concatenates the tables at compile time, so [`all`] is one slice that serialises directly.
const fn concat<const N: usize>(tables: &[&[CodeEntry]]) -> [CodeEntry; N] {
    let mut out = [CodeEntry::new(CodeKind::ErrorCode, "", ""); N];
    let mut k = 0;
    let mut i = 0;
    while i < tables.len() {
        let table = tables[i];
        let mut j = 0;
        while j < table.len() {
            out[k] = table[j];
            k += 1;
            j += 1;
        }
        i += 1;
    }
    out
}

const TOTAL: usize = total_len(TABLES);
static ALL: [CodeEntry; TOTAL] = concat::<TOTAL>(TABLES);

/// Every entry of every kind, grouped by kind in [`CodeKind::ALL`] order.
pub fn all() -> &'static [CodeEntry] {
    &ALL
}

/// The entries of one kind, in the source's order.
pub fn by_kind(kind: CodeKind) -> impl Iterator<Item = &'static CodeEntry> {
    ALL.iter().filter(move |e| e.kind == kind)
}

/// The entry for `code` in `kind`; codes are case-sensitive, as the API is.
pub fn lookup(kind: CodeKind, code: &str) -> Option<&'static CodeEntry> {
    by_kind(kind).find(|e| e.code == code)
}

/// The seed 001 description of a numeric return code.
pub fn return_code_description(n: u32) -> Option<&'static str> {
    return_codes::RETURN_CODES
        .iter()
        .find(|e| e.return_code == Some(n))
        .map(|e| e.description)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_kind_has_entries_and_all_lists_them_in_kind_order() {
        let mut position = 0;
        for kind in CodeKind::ALL {
            let n = by_kind(kind).count();
            assert!(n > 0, "{kind} has no entries");
            assert!(all()[position..position + n].iter().all(|e| e.kind == kind));
            position += n;
        }
        assert_eq!(position, all().len());
    }

    #[test]
    fn codes_are_unique_within_each_kind() {
        for kind in CodeKind::ALL {
            let mut seen = HashSet::new();
            for entry in by_kind(kind) {
                assert!(seen.insert(entry.code), "{kind} {} twice", entry.code);
            }
        }
    }

    #[test]
    fn no_entry_has_an_empty_code_or_description() {
        for entry in all() {
            assert!(!entry.code.trim().is_empty(), "{entry:?}");
            assert!(!entry.description.trim().is_empty(), "{entry:?}");
            assert_eq!(entry.code.trim(), entry.code, "{entry:?}");
            assert_eq!(entry.description.trim(), entry.description, "{entry:?}");
        }
    }

    #[test]
    fn lookup_finds_a_code_only_in_its_own_kind() {
        let entry = lookup(CodeKind::IdentificationReason, "TECH_TIMEOUT").unwrap();
        assert_eq!(entry.kind, CodeKind::IdentificationReason);
        assert!(lookup(CodeKind::ReturnCode, "TECH_TIMEOUT").is_none());
        assert!(lookup(CodeKind::IdentificationReason, "tech_timeout").is_none());
        // The same word may live in several kinds; each lookup gets its own.
        let progress = lookup(CodeKind::ScreeningProgress, "POTENTIAL_MATCH").unwrap();
        let vetting = lookup(CodeKind::CustomerVettingStatus, "POTENTIAL_MATCH").unwrap();
        assert_ne!(progress.description, vetting.description);
    }

    #[test]
    fn code_kind_serialises_in_snake_case_and_parses_back() {
        for kind in CodeKind::ALL {
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.as_str()));
            assert_eq!(kind.as_str().parse::<CodeKind>().unwrap(), kind);
        }
        assert!("ReturnCode".parse::<CodeKind>().is_err());
    }

    #[test]
    fn an_entry_serialises_with_every_field_present() {
        let entry = lookup(CodeKind::ReturnCode, "66").unwrap();
        let value = serde_json::to_value(entry).unwrap();
        assert_eq!(value["code"], "66");
        assert_eq!(value["kind"], "return_code");
        assert_eq!(value["return_code"], 66);
        assert!(value["action"].is_null());
        assert_eq!(value.as_object().unwrap().len(), 10);
    }

    #[test]
    fn only_error_codes_have_an_http_status() {
        assert_eq!(
            error_code("signer_blocked").unwrap().http_status(),
            Some(422)
        );
        assert_eq!(
            error_code("internal_error").unwrap().http_status(),
            Some(500)
        );
        let kyc = lookup(CodeKind::SignatureStatusCode, "140").unwrap();
        assert_eq!(kyc.status, Some("kyc_required"));
        assert_eq!(kyc.http_status(), None);
    }
}
