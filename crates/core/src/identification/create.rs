//! `POST /v1/persons/{person_id}/identifications`: the checks of a new identification.
//!
//! Each check stops at the first failure, in the order the API has always answered: `method`,
//! `language`, `proof_of_address_type`, `proof_of_address_issued_at`. Whether the method can
//! run in the caller's mode is a separate rule ([`method_available`]), answered after these.

use crate::catalog::ErrorCode;
use crate::identification::{Method, NewIdentification};
use crate::tenant::Mode;
use crate::time::Timestamp;
use crate::validate::{self, FieldError};
use chrono::Months;

/// The languages of the applicant's page.
pub const LANGUAGES: &[&str] = &["EN", "DE"];

/// Proof-of-address document kinds accepted with `proof_of_address_type`.
pub const PROOF_OF_ADDRESS_TYPES: &[&str] = &[
    "GAS_BILL",
    "ELECTRICITY_BILL",
    "WATER_BILL",
    "TELEPHONE_BILL",
    "INTERNET_BILL",
    "BANK_STATEMENT",
    "TAX_STATEMENT",
    "RESIDENCE_CERTIFICATE",
    "OTHER_UTILITY_BILL",
];

/// How old a proof of address may be (seed 002).
pub const PROOF_OF_ADDRESS_MAX_AGE: Months = Months::new(6);

/// A new identification as the request gives it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CreateIdentificationInput {
    pub method: String,
    pub language: Option<String>,
    pub proof_of_address_type: Option<String>,
    pub proof_of_address_issued_at: Option<String>,
}

/// Checks a new identification at tenant time `now` (the proof of address is judged against
/// its date in UTC) and gives the input of [`crate::identification::Identification::new`].
pub fn check_create(
    input: CreateIdentificationInput,
    now: Timestamp,
) -> Result<NewIdentification, Vec<FieldError>> {
    let one = |field: &str, message: &str| vec![FieldError::new(field, message)];
    let method =
        Method::parse(&input.method).ok_or_else(|| one("method", "must be idnow or document"))?;
    if let Some(lang) = &input.language
        && !LANGUAGES.contains(&lang.as_str())
    {
        return Err(one("language", "must be EN or DE"));
    }
    if let Some(t) = &input.proof_of_address_type
        && !PROOF_OF_ADDRESS_TYPES.contains(&t.as_str())
    {
        return Err(one(
            "proof_of_address_type",
            &format!("must be one of {}", PROOF_OF_ADDRESS_TYPES.join(", ")),
        ));
    }
    let issued = match &input.proof_of_address_issued_at {
        None => None,
        Some(s) => {
            const FIELD: &str = "proof_of_address_issued_at";
            let d = validate::date(FIELD, s).map_err(|e| vec![e])?;
            let today = now.date_naive();
            if d > today {
                return Err(one(FIELD, "must not be in the future"));
            }
            if today
                .checked_sub_months(PROOF_OF_ADDRESS_MAX_AGE)
                .is_some_and(|oldest| d < oldest)
            {
                return Err(one(FIELD, "must not be older than 6 months"));
            }
            Some(d)
        }
    };
    Ok(NewIdentification {
        method,
        language: input.language,
        proof_of_address_type: input.proof_of_address_type,
        proof_of_address_issued_at: issued,
    })
}

/// A method that needs a provider none is configured for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error(
    "live-mode idnow identifications need a configured video-identification provider; none is configured"
)]
pub struct ProviderNotConfigured;

impl ProviderNotConfigured {
    /// The error code the API answers with.
    pub const CODE: ErrorCode = ErrorCode::ProviderNotConfigured;
}

/// Whether `method` can run in `mode`. `idnow` in test mode is the sandbox's simulation; in
/// live mode it needs a video-identification provider adapter, and Signet has none yet.
/// `document` is Signet's own and runs in both.
pub fn method_available(method: Method, mode: Mode) -> Result<(), ProviderNotConfigured> {
    match (method, mode) {
        (Method::Idnow, Mode::Live) => Err(ProviderNotConfigured),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, TimeZone, Utc};

    /// 2026-08-31 12:00 UTC: six months back is 2026-02-28 (no 31st), a calendar edge.
    fn now() -> Timestamp {
        Utc.with_ymd_and_hms(2026, 8, 31, 12, 0, 0)
            .single()
            .unwrap()
    }

    fn input(method: &str) -> CreateIdentificationInput {
        CreateIdentificationInput {
            method: method.into(),
            ..Default::default()
        }
    }

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn both_methods_are_accepted_with_or_without_the_optional_fields() {
        let v = check_create(input("idnow"), now()).unwrap();
        assert_eq!(v.method, Method::Idnow);
        assert_eq!(
            (
                v.language,
                v.proof_of_address_type,
                v.proof_of_address_issued_at
            ),
            (None, None, None)
        );
        let v = check_create(
            CreateIdentificationInput {
                method: "document".into(),
                language: Some("DE".into()),
                proof_of_address_type: Some("GAS_BILL".into()),
                proof_of_address_issued_at: Some("2026-08-01".into()),
            },
            now(),
        )
        .unwrap();
        assert_eq!(v.method, Method::Document);
        assert_eq!(v.language.as_deref(), Some("DE"));
        assert_eq!(v.proof_of_address_type.as_deref(), Some("GAS_BILL"));
        assert_eq!(v.proof_of_address_issued_at, Some(date("2026-08-01")));
        for t in PROOF_OF_ADDRESS_TYPES {
            let mut i = input("idnow");
            i.proof_of_address_type = Some((*t).into());
            assert!(check_create(i, now()).is_ok(), "{t}");
        }
    }

    #[test]
    fn every_rule_names_its_field_with_the_apis_message() {
        let poa = "must be one of GAS_BILL, ELECTRICITY_BILL, WATER_BILL, TELEPHONE_BILL, INTERNET_BILL, BANK_STATEMENT, TAX_STATEMENT, RESIDENCE_CERTIFICATE, OTHER_UTILITY_BILL";
        let cases: Vec<(CreateIdentificationInput, &str, &str)> = vec![
            (
                input("carrier_pigeon"),
                "method",
                "must be idnow or document",
            ),
            (input(""), "method", "must be idnow or document"),
            (input("IDNOW"), "method", "must be idnow or document"),
            (
                CreateIdentificationInput {
                    language: Some("FR".into()),
                    ..input("idnow")
                },
                "language",
                "must be EN or DE",
            ),
            (
                CreateIdentificationInput {
                    language: Some("en".into()),
                    ..input("idnow")
                },
                "language",
                "must be EN or DE",
            ),
            (
                CreateIdentificationInput {
                    proof_of_address_type: Some("POSTCARD".into()),
                    ..input("idnow")
                },
                "proof_of_address_type",
                poa,
            ),
            (
                CreateIdentificationInput {
                    proof_of_address_issued_at: Some("03/03/2022".into()),
                    ..input("idnow")
                },
                "proof_of_address_issued_at",
                "must be a date in the form YYYY-MM-DD",
            ),
            (
                CreateIdentificationInput {
                    proof_of_address_issued_at: Some("2026-02-30".into()),
                    ..input("idnow")
                },
                "proof_of_address_issued_at",
                "is not a valid calendar date",
            ),
            (
                CreateIdentificationInput {
                    proof_of_address_issued_at: Some("2026-09-01".into()),
                    ..input("idnow")
                },
                "proof_of_address_issued_at",
                "must not be in the future",
            ),
            (
                CreateIdentificationInput {
                    proof_of_address_issued_at: Some("2026-02-27".into()),
                    ..input("idnow")
                },
                "proof_of_address_issued_at",
                "must not be older than 6 months",
            ),
            // The first failure is the answer.
            (
                CreateIdentificationInput {
                    method: "x".into(),
                    language: Some("FR".into()),
                    proof_of_address_type: Some("POSTCARD".into()),
                    proof_of_address_issued_at: Some("bad".into()),
                },
                "method",
                "must be idnow or document",
            ),
            (
                CreateIdentificationInput {
                    language: Some("FR".into()),
                    proof_of_address_type: Some("POSTCARD".into()),
                    ..input("document")
                },
                "language",
                "must be EN or DE",
            ),
        ];
        for (i, (body, field, message)) in cases.into_iter().enumerate() {
            assert_eq!(
                check_create(body, now()),
                Err(vec![FieldError::new(field, message)]),
                "case {i}"
            );
        }
    }

    #[test]
    fn a_proof_of_address_is_good_from_six_months_back_to_today() {
        for (issued, ok) in [
            ("2026-08-31", true),
            ("2026-09-01", false),
            ("2026-02-28", true),
            ("2026-02-27", false),
        ] {
            let i = CreateIdentificationInput {
                proof_of_address_issued_at: Some(issued.into()),
                ..input("idnow")
            };
            assert_eq!(check_create(i, now()).is_ok(), ok, "{issued}");
        }
    }

    #[test]
    fn live_idnow_needs_a_provider_and_the_rest_runs() {
        for (method, mode, ok) in [
            (Method::Idnow, Mode::Test, true),
            (Method::Idnow, Mode::Live, false),
            (Method::Document, Mode::Test, true),
            (Method::Document, Mode::Live, true),
        ] {
            assert_eq!(
                method_available(method, mode).is_ok(),
                ok,
                "{method:?} {mode}"
            );
        }
        assert_eq!(
            ProviderNotConfigured.to_string(),
            "live-mode idnow identifications need a configured video-identification provider; none is configured"
        );
        assert_eq!(
            ProviderNotConfigured::CODE.as_str(),
            "provider_not_configured"
        );
    }
}
