//! Seed 002's proof of address: an applicant whose identification document does not carry
//! their address must also give a proof of address (`proof_of_address_type`,
//! `proof_of_address_issued_at`, at most six months old). Which documents carry an address
//! is seed 002's table "List of passports with address", by issuing country and type.

use super::capture::{Finding, IdDocumentKind};
use super::create::PROOF_OF_ADDRESS_MAX_AGE;
use crate::mrz::Mrz;
use chrono::NaiveDate;

use IdDocumentKind::{Idcard as ID, Passport as PP};

/// Seed 002's documents that carry the holder's address (ISO 3166-1 alpha-3 issuer, type):
/// with one of them no proof of address is needed.
pub const DOCUMENTS_WITH_ADDRESS: &[(&str, IdDocumentKind)] = &[
    ("MLT", ID),
    ("SVK", ID),
    ("ITA", ID),
    ("DEU", ID),
    ("SGP", ID),
    ("CZE", ID),
    ("IND", PP),
    ("CHN", PP),
    ("BGR", PP),
    ("SVN", PP),
    ("SVN", ID),
    ("POL", ID),
    ("ESP", ID),
    ("HRV", ID),
    ("HRV", PP),
    ("FRA", ID),
    ("FRA", PP),
    ("MAR", PP),
];

/// Whether a document of `kind` issued by `issuer` (alpha-3, as the machine-readable zone
/// gives it; Germany's `D` counts as `DEU`) carries the holder's address.
pub fn carries_address(issuer: &str, kind: IdDocumentKind) -> bool {
    let issuer = match issuer.trim_end_matches('<') {
        "D" => "DEU",
        other => other,
    };
    DOCUMENTS_WITH_ADDRESS
        .iter()
        .any(|(country, k)| *country == issuer && *k == kind)
}

/// What the reviewer is told of the proof of address at submission: a document without the
/// address and no proof, or a proof older than six months, is a severe finding (seed 002:
/// the proof is mandatory then); without a readable zone nobody can tell, and the reviewer
/// is asked to look.
pub fn proof_of_address_findings(
    mrz: Option<&Mrz>,
    kind: IdDocumentKind,
    proof_type: Option<&str>,
    proof_issued_at: Option<NaiveDate>,
    today: NaiveDate,
) -> Vec<Finding> {
    let carried = mrz.map(|m| carries_address(&m.issuing_state, kind));
    let proof = proof_type.zip(proof_issued_at);
    let mut out = Vec::new();
    match (carried, proof) {
        (Some(true), _) => {}
        (_, Some((kind_of_proof, issued))) => {
            if issued
                .checked_add_months(PROOF_OF_ADDRESS_MAX_AGE)
                .is_some_and(|until| until < today)
            {
                out.push(Finding::new(
                    "proof_of_address_outdated",
                    None,
                    format!(
                        "The proof of address ({kind_of_proof}) was issued on {issued}, more than six months ago."
                    ),
                    true,
                ));
            }
        }
        (Some(false), None) => out.push(Finding::new(
            "proof_of_address_missing",
            None,
            "The document does not carry the holder's address and no proof of address was given (proof_of_address_type and proof_of_address_issued_at when the identification is created).",
            true,
        )),
        (None, None) => out.push(Finding::new(
            "proof_of_address_unknown",
            None,
            "Without a machine-readable zone the document's issuer is unknown: check whether it carries the address; no proof of address was given.",
            false,
        )),
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// ICAO Doc 9303's specimen passport, as issued by `issuer`.
    fn mrz(issuer: &str) -> Mrz {
        let specimen = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10";
        let parsed = Mrz::parse(specimen, NaiveDate::from_ymd_opt(2010, 1, 1).unwrap())
            .expect("the specimen parses");
        Mrz {
            issuing_state: issuer.to_owned(),
            ..parsed
        }
    }

    #[test]
    fn seed_002s_table_says_which_documents_carry_the_address() {
        assert!(carries_address("DEU", ID));
        assert!(carries_address("D<<", ID), "Germany's one-letter code");
        assert!(!carries_address("DEU", PP));
        assert!(carries_address("FRA", PP));
        assert!(!carries_address("SWE", PP));
    }

    #[test]
    fn a_document_without_the_address_needs_a_recent_proof() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 6).unwrap();
        let swedish = mrz("SWE");
        let checks = |proof: Option<(&str, NaiveDate)>| {
            proof_of_address_findings(
                Some(&swedish),
                PP,
                proof.map(|p| p.0),
                proof.map(|p| p.1),
                today,
            )
            .into_iter()
            .map(|f| (f.check, f.severe))
            .collect::<Vec<_>>()
        };
        assert_eq!(
            checks(None),
            [("proof_of_address_missing".to_owned(), true)]
        );
        let recent = NaiveDate::from_ymd_opt(2026, 10, 1).unwrap();
        assert!(checks(Some(("GAS_BILL", recent))).is_empty());
        let old = NaiveDate::from_ymd_opt(2026, 5, 1).unwrap();
        assert_eq!(
            checks(Some(("GAS_BILL", old))),
            [("proof_of_address_outdated".to_owned(), true)]
        );
        let french = mrz("FRA");
        assert!(proof_of_address_findings(Some(&french), PP, None, None, today).is_empty());
        let unknown = proof_of_address_findings(None, PP, None, None, today);
        assert!(!unknown[0].severe);
    }
}
