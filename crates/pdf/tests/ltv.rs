//! Long-term validation: Signet's B-LT and B-LTA files judged by pyHanko's PAdES-LTA
//! validation (ETSI EN 319 102-1 §5.6.3) from the embedded data alone, fetching disabled and
//! revocation data required, now and at a time after the signer certificate expired; pdfsig
//! still accepts them; a signer certificate the OCSP responder and the CRL call revoked is
//! reported revoked.
//!
//! The validation data is made the way the server makes it (crates/app/src/revocation.rs):
//! the issuing CA's CRL while every certificate of the CA in the file outlasts it (or when a
//! new signature has a certificate that names no responder, the seal's, for which it is the
//! only source), the responder's answer for each certificate of the issuing CA that names the
//! responder (a signer's, the timestamp authority's) and, beside the CRL, for the others too,
//! while the certificate outlasts the answer or it says revoked, and the root's CRL.

#![allow(clippy::unwrap_used)]

mod common;

use std::path::Path;
use std::time::Duration;

use chrono::{DateTime, Utc};
use signet_pdf::ltv::{self, ValidationData};
use signet_pdf::revocation::{
    CertStatus, RevocationReason, Revoked, ocsp_request, parse_ocsp_request, read_crl,
    read_ocsp_response,
};
use signet_pdf::*;

#[allow(clippy::disallowed_methods)]
fn real_now() -> DateTime<Utc> {
    DateTime::<Utc>::from(std::time::SystemTime::now())
}

fn opts(name: &str, now: DateTime<Utc>) -> SignOptions {
    SignOptions {
        signer_name: name.to_string(),
        reason: Some("I agree".into()),
        location: None,
        contact: None,
        signing_time: now,
        timestamp: true,
        form: Default::default(),
        visible: None,
    }
}

/// The validation data for every signature the file's DSS does not cover yet; `revoked`
/// serials (hex) are answered revoked by OCSP and listed in the CRL.
fn add_validation(
    pdf: &[u8],
    trust: &TrustStore,
    revoked: &[String],
    now: DateTime<Utc>,
) -> Vec<u8> {
    add_validation_as(pdf, trust, revoked, now, Refresh::None)
}

/// Which signatures already covered by the DSS get fresh data.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Refresh {
    None,
    All,
}

/// [`add_validation`], with `refresh` fresh data for every signature and timestamp the DSS
/// covers already (the archive timestamp job's refresh) too. Certificates of a former issuing CA (after a
/// rollover) get that CA's responder's answers and CRL, and each issuing CA the list its root
/// keeps for it while it outlasts that list, as the server does.
fn add_validation_as(
    pdf: &[u8],
    trust: &TrustStore,
    revoked: &[String],
    now: DateTime<Utc>,
    refresh: Refresh,
) -> Vec<u8> {
    let covered: Vec<String> = ltv::read_dss(pdf)
        .unwrap()
        .map(|d| d.vri.into_keys().collect())
        .unwrap_or_default();
    let cas = trust.ca_certs_der();
    let material = ltv::signature_material(pdf).unwrap();
    let day = Duration::from_secs(24 * 3600);
    let week = Duration::from_secs(7 * 24 * 3600);
    let listed: Vec<Revoked> = revoked
        .iter()
        .map(|s| Revoked {
            serial: hex::decode(s).unwrap(),
            at: now - chrono::Duration::minutes(1),
            reason: RevocationReason::PrivilegeWithdrawn,
        })
        .collect();
    let entries: Vec<(String, ValidationData)> = material
        .iter()
        .filter(|m| !covered.contains(&m.vri_key) || refresh == Refresh::All)
        .map(|m| {
            let refresh = covered.contains(&m.vri_key);
            let mut data = ValidationData::default();
            let mut pool = m.certs.clone();
            pool.extend(m.timestamp_certs.clone());
            pool.extend(cas.iter().cloned());
            let mut certs = m.certs.clone();
            certs.extend(m.timestamp_certs.clone());
            let chain = ltv::with_issuers(&certs, &pool);
            let names_responder = |c: &[u8]| !ltv::revocation_urls(c).unwrap().0.is_empty();
            let crl_in = |issuing: &[u8]| {
                ltv::issuing_crl_fits(&material, issuing, now + week)
                    || (!refresh
                        && chain.iter().any(|c| {
                            ltv::find_issuer(c, &pool) == Some(issuing) && !names_responder(c)
                        }))
            };
            let mut crls: Vec<(bool, usize)> = Vec::new();
            for cert in &chain {
                if !data.certs.contains(cert) {
                    data.certs.push(cert.clone());
                }
                if ltv::is_self_signed(cert) {
                    continue;
                }
                let issuer = ltv::find_issuer(cert, &pool).unwrap().to_vec();
                let Some(generation) = trust.issuing_generation_of(&issuer) else {
                    // An issuing CA: its root's list for it.
                    let generation = trust.issuing_generation_of(cert).unwrap();
                    if ltv::outlasts(cert, now + week) {
                        crls.push((true, generation));
                    }
                    continue;
                };
                let crl_in = crl_in(&issuer);
                let query =
                    parse_ocsp_request(&ocsp_request(cert, &issuer, None).unwrap()).unwrap();
                let is_revoked = revoked.contains(&query.ids[0].serial_hex());
                if (names_responder(cert) || crl_in)
                    && (is_revoked || ltv::outlasts(cert, now + day))
                {
                    let resp = trust
                        .ocsp_response(
                            &query,
                            |_| {
                                if is_revoked {
                                    CertStatus::Revoked {
                                        at: now - chrono::Duration::minutes(1),
                                        reason: RevocationReason::PrivilegeWithdrawn,
                                    }
                                } else {
                                    CertStatus::Good
                                }
                            },
                            now,
                            day,
                        )
                        .unwrap();
                    data.ocsps.push(resp);
                    let responder = trust.ocsp_responder_der_for(&issuer).unwrap();
                    if !data.certs.contains(&responder) {
                        data.certs.push(responder);
                    }
                }
                if crl_in {
                    crls.push((false, generation));
                }
            }
            crls.sort_unstable();
            crls.dedup();
            for (root, generation) in crls {
                let list = if root { &[][..] } else { &listed[..] };
                data.crls.push(
                    trust
                        .crl_of(root, generation, list, now, week)
                        .unwrap()
                        .unwrap(),
                );
            }
            (m.vri_key.clone(), data)
        })
        .collect();
    if entries.is_empty() {
        return pdf.to_vec();
    }
    let out = ltv::add_dss(pdf, &entries).unwrap();
    assert!(out.starts_with(pdf), "an incremental revision");
    out
}

struct Signed {
    trust: TrustStore,
    dir: tempfile::TempDir,
    /// Two signers (an advanced one and the seal), each with its DSS revision, a document
    /// timestamp and the timestamp's DSS revision.
    lta: Vec<u8>,
    /// The same without the document timestamp: B-LT.
    lt: Vec<u8>,
    /// B-LTA whose advanced signer's certificate is revoked.
    revoked: Vec<u8>,
    signer_not_after: DateTime<Utc>,
}

fn signed() -> &'static Signed {
    static S: std::sync::OnceLock<Signed> = std::sync::OnceLock::new();
    S.get_or_init(|| {
        let now = real_now();
        let trust = TrustStore::generate_published("Acme LTV", now, false, "https://sign.example")
            .expect("trust store");
        let make = |revoke: bool| {
            let input = common::make_pdf(2, false, 10_000);
            let ana = trust
                .issue_signer(
                    &SignerIdentity {
                        name: "Ana Silva".into(),
                        ..Default::default()
                    },
                    now,
                )
                .unwrap();
            let revoked = if revoke {
                vec![ana.serial_hex()]
            } else {
                vec![]
            };
            let s1 = sign_pdf(&input, &ana, &trust, &opts("Ana Silva", now)).unwrap();
            let s1 = add_validation(&s1, &trust, &revoked, now);
            let s2 = sign_pdf(
                &s1,
                &trust.issue_seal(now).unwrap(),
                &trust,
                &opts("Bruno", now),
            )
            .unwrap();
            let lt = add_validation(&s2, &trust, &revoked, now);
            let stamped = timestamp_pdf(&lt, &trust, now).unwrap();
            // The timestamp's chain and its revocation data are in the DSS already (the
            // signature timestamps' authority is the same): no revision after it.
            let lta = stamped;
            (lt, lta, ana.not_after())
        };
        let (lt, lta, signer_not_after) = make(false);
        let (_, revoked, _) = make(true);
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("root.pem"), trust.root_pem()).unwrap();
        Signed {
            trust,
            dir,
            lta,
            lt,
            revoked,
            signer_not_after,
        }
    })
}

/// pyHanko's LTA validation of `pdf` at `at` (None: now), one JSON object per line.
fn pyhanko_ltv(pdf: &[u8], at: Option<DateTime<Utc>>) -> Option<Vec<serde_json::Value>> {
    pyhanko_ltv_with(pdf, at, &signed().dir.path().join("root.pem"))
}

/// [`pyhanko_ltv`] with the trust anchors of the PEM bundle `roots`.
fn pyhanko_ltv_with(
    pdf: &[u8],
    at: Option<DateTime<Utc>>,
    roots: &Path,
) -> Option<Vec<serde_json::Value>> {
    let Some(py) = common::python() else {
        common::require("pyHanko (SIGNET_TEST_PYTHON or .venv/bin/python)", false);
        return None;
    };
    let s = signed();
    let file = s.dir.path().join(format!("f-{}.pdf", rand_name()));
    std::fs::write(&file, pdf).unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/validate_pyhanko_ltv.py");
    let mut cmd = std::process::Command::new(py);
    cmd.arg(script).arg(roots).arg(&file);
    if let Some(at) = at {
        cmd.arg(at.to_rfc3339());
    }
    let out = cmd.output().expect("run pyHanko");
    assert!(
        out.status.success(),
        "pyHanko: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    eprintln!("{text}\n{}", String::from_utf8_lossy(&out.stderr));
    Some(
        text.lines()
            .map(|l| serde_json::from_str(l).expect("json line"))
            .collect(),
    )
}

/// Certificates (DER) as one PEM bundle.
fn pem_bundle(certs: &[Vec<u8>]) -> String {
    use base64::Engine as _;
    certs
        .iter()
        .map(|der| {
            let b64 = base64::engine::general_purpose::STANDARD.encode(der);
            let lines: Vec<&str> = b64
                .as_bytes()
                .chunks(64)
                .map(|c| std::str::from_utf8(c).unwrap_or_default())
                .collect();
            format!(
                "-----BEGIN CERTIFICATE-----\n{}\n-----END CERTIFICATE-----\n",
                lines.join("\n")
            )
        })
        .collect()
}

fn rand_name() -> String {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    N.fetch_add(1, Ordering::Relaxed).to_string()
}

fn lta_results(r: &[serde_json::Value]) -> Vec<&serde_json::Value> {
    r.iter().filter(|v| v.get("mode").is_none()).collect()
}

fn hard_fail_results(r: &[serde_json::Value]) -> Vec<&serde_json::Value> {
    r.iter().filter(|v| v.get("mode").is_some()).collect()
}

#[test]
fn pyhanko_validates_the_b_lta_file_offline_now() {
    let s = signed();
    let Some(r) = pyhanko_ltv(&s.lta, None) else {
        return;
    };
    let lta = lta_results(&r);
    assert_eq!(lta.len(), 2, "{r:?}");
    for v in lta {
        assert_eq!(v["indication"], "PASSED", "{v}");
        assert!(v["oldest_evidence_record"] != "None", "{v}");
        assert!(
            v["summary"]
                .as_str()
                .is_some_and(|s| s.contains("ACCEPTABLE_MODIFICATIONS")),
            "{v}"
        );
    }
    for v in hard_fail_results(&r) {
        assert_eq!(v["valid"], true, "{v}");
        assert_eq!(v["trusted"], true, "{v}");
        assert_eq!(v["revoked"], false, "{v}");
    }
}

/// A validator at a time after the signer's certificate expired, offline: the newest
/// timestamp must be validatable then, with revocation data of then, which is what the
/// archive timestamp job adds before the last timestamp's certificate expires. The job's
/// run is played here at that later time (the CA and the timestamp authority take `now`);
/// the signature itself is judged at the time the first document timestamp proves.
#[test]
fn pyhanko_validates_the_b_lta_file_offline_after_the_signer_certificate_expired() {
    let s = signed();
    let later = s.signer_not_after + chrono::Duration::days(30);
    // Fresh data for the newest timestamp's chain, then a timestamp over it.
    let refreshed = add_validation_as(&s.lta, &s.trust, &[], later, Refresh::All);
    let archived = timestamp_pdf(&refreshed, &s.trust, later).unwrap();

    let Some(r) = pyhanko_ltv(&archived, Some(later + chrono::Duration::hours(1))) else {
        return;
    };
    let lta = lta_results(&r);
    assert_eq!(lta.len(), 2, "{r:?}");
    for v in lta {
        assert_eq!(v["indication"], "PASSED", "{v}");
        // The evidence record starts at the first document timestamp, before the expiry.
        let oldest = v["oldest_evidence_record"].as_str().unwrap_or_default();
        let expiry = s.signer_not_after.format("%Y-%m-%d").to_string();
        assert!(oldest != "None" && oldest < expiry.as_str(), "{v}");
    }
    // Without the archive timestamp, the data of signing time cannot vouch for then.
    let Some(r) = pyhanko_ltv(&s.lta, Some(later)) else {
        return;
    };
    for v in lta_results(&r) {
        assert_ne!(v["indication"], "PASSED", "{v}");
    }
}

/// Decades: the timestamp authority's certificate is renewed a year before it ends, and the
/// archive timestamp made then uses the new one, so the file outlives every certificate it
/// was signed with. Played with the store's own clock: at 4 years 10 months the store renews
/// (the authority's and the seal's certificates end at 5 years, the first responder's ended
/// long ago) and the archive timestamp uses the new authority, which pyHanko's LTA validation
/// accepts then with the evidence record reaching back to the day of signing. At 5 years and a
/// month, after the signer's, the first authority's, the seal's and the first responder's
/// certificates all ended, another refresh, and pyHanko (its clock moved there) and Signet's
/// validator, both offline and requiring revocation data, pass every signature, pyHanko with
/// the evidence record still reaching back to the day of signing; the same runs without the
/// renewal do not pass Signet's validator.
///
/// pyHanko validates each expired certificate in the past (ETSI EN 319 102-1 §5.6.2.1, its
/// time slide): from the current time it takes the newest status the file holds for the
/// certificate, moves back to where that stops being fresh, and validates the chain there,
/// which must be within the certificate's validity and after what a timestamp proves. That
/// holds because the refreshes made after the signer's certificate ended carry no CRL of the
/// issuing CA (it would be the signer's newest status, current years after its end), only the
/// responder's answers about the newest timestamp's authority, which names the responder; and
/// because the CRL's issuing distribution point keeps the responder, whose chain pyHanko
/// walks for every answer, out of the signing day's CRL (see `ltv` and `revocation`).
#[test]
fn an_archive_timestamp_of_a_renewed_authority_carries_the_file_past_every_signing_certificate() {
    let s = signed();
    // A signer's certificate is valid a year of 365 days and 6 hours.
    let signed_at = s.signer_not_after - chrono::Duration::hours(365 * 24 + 6);
    let t1 = signed_at + chrono::Duration::days(4 * 365 + 300);
    let t2 = signed_at + chrono::Duration::days(5 * 365 + 30);

    let mut renewed = s.trust.clone();
    let before = renewed.own_serials();
    assert_eq!(
        renewed.renew_expiring(signed_at).unwrap(),
        Vec::<&str>::new(),
        "nothing is due on the day the store was made"
    );
    // The issuing CA ends within six years: a new one, and under it the authority and the
    // seal; the first CA keeps answering for what it issued, with a responder of its own.
    assert_eq!(
        renewed.renew_expiring(t1).unwrap(),
        ["intermediate", "tsa", "seal", "ocsp", "former-ocsp"]
    );
    assert_eq!(renewed.renew_expiring(t1).unwrap(), Vec::<&str>::new());
    assert_eq!(renewed.issuing_generation(), 2);
    let after = renewed.own_serials();
    assert!(
        before.iter().all(|old| after.contains(old)),
        "renewed certificates stay answered good: {before:?} {after:?}"
    );
    // The new authority, seal and responder, and the first CA's new responder.
    assert_eq!(after.len(), before.len() + 4);
    // The retired certificates survive sealing.
    let key = [7u8; 32];
    let reopened = TrustStore::unseal(&renewed.seal(&key).unwrap(), &key).unwrap();
    assert_eq!(reopened.own_serials(), after);

    // The archive run at t1: fresh data for the newest timestamp (the old authority's,
    // answered by the renewed responder), a document timestamp of the new authority, its data.
    let archive = |trust: &TrustStore, pdf: &[u8], at: DateTime<Utc>| {
        let refreshed = add_validation_as(pdf, trust, &[], at, Refresh::All);
        let stamped = timestamp_pdf(&refreshed, trust, at).unwrap();
        add_validation(&stamped, trust, &[], at)
    };
    let at_t1 = archive(&renewed, &s.lta, t1);
    let at_t2 = archive(&renewed, &at_t1, t2);
    let signed_day = signed_at.format("%Y-%m-%d").to_string();

    // pyHanko at t1: the archive timestamp of the renewed authority validates, and the
    // evidence record reaches back to the day of signing.
    let Some(r) = pyhanko_ltv(&at_t1, Some(t1 + chrono::Duration::hours(1))) else {
        return;
    };
    let lta = lta_results(&r);
    assert_eq!(lta.len(), 2, "{r:?}");
    for v in lta {
        assert_eq!(v["indication"], "PASSED", "{v}");
        let oldest = v["oldest_evidence_record"].as_str().unwrap_or_default();
        assert!(oldest.starts_with(&signed_day), "{v}");
    }

    // pyHanko at t2, its clock moved there: every signing certificate ended, and the evidence
    // record still reaches back to the day of signing.
    let Some(r) = pyhanko_ltv(&at_t2, Some(t2 + chrono::Duration::hours(1))) else {
        return;
    };
    let lta = lta_results(&r);
    assert_eq!(lta.len(), 2, "{r:?}");
    for v in lta {
        assert_eq!(v["indication"], "PASSED", "{v}");
        let oldest = v["oldest_evidence_record"].as_str().unwrap_or_default();
        assert!(oldest.starts_with(&signed_day), "{v}");
    }

    // Signet's validator at t2, offline, revocation data required: every signature passes
    // on the renewed chain; the file whose authority was never renewed does not.
    let at = |pdf: &[u8], when: DateTime<Utc>| {
        let opts = VerifyOptions {
            validation_time: Some(when),
            ..VerifyOptions::default()
        };
        verify_pdf_with(pdf, &[s.trust.root_pem()], &opts).unwrap()
    };
    let report = at(&at_t2, t2 + chrono::Duration::hours(1));
    for sig in &report.signatures {
        assert_eq!(sig.indication, Indication::TotalPassed, "{sig:?}");
    }
    let mut stale = s.trust.clone();
    stale.ensure_ocsp_responder(t1).unwrap();
    let stale_t2 = archive(&stale, &archive(&stale, &s.lta, t1), t2);
    let report = at(&stale_t2, t2 + chrono::Duration::hours(1));
    assert!(
        report.signatures[..2]
            .iter()
            .all(|sig| sig.indication != Indication::TotalPassed),
        "{report:?}"
    );
}

/// Every certificate of the day of signing ends, the root's too: twenty years and two months
/// of the store's life played on its own clock, every two months its renewal run (the
/// issuing CA rolled over every four years, the root every ten) and the archive timestamp job
/// (due 90 days before the newest timestamp's authority ends, as `archive_timestamp_margin_days`
/// says by default), each file also refreshed and stamped on the day it is judged. At nine
/// and a half years, two rollovers of the issuing CA on, with the first one still valid,
/// pyHanko's LTA validation (offline, revocation data required, its clock moved there) passes
/// every signature with the evidence record reaching back to the day of signing. At twenty
/// years and two months Signet's validator passes every signature with every root as trust
/// anchor (what `/v1/trust/ca.pem` serves then) and not with the first root alone, and
/// pyHanko passes every signature with every CA of the store as anchor (what
/// `/v1/trust/anchors.pem` serves, and what an EU trusted list would name).
///
/// With the roots alone as anchors pyHanko (0.38) cannot pass then: once an intermediate
/// certificate of a chain has ended, its validation at the current time reports
/// CERTIFICATE_CHAIN_GENERAL_FAILURE rather than OUT_OF_BOUNDS_NO_POE (it does so only for the
/// end-entity certificate; see `handle_certvalidator_errors` in its `generic_cms.py`), and its
/// past validation improves only the latter. Certifying a former CA again under the current
/// root (a chain at the current time whose only ended certificate is the file's own) does not
/// help either: its time slide follows every path to the signer of each CRL and OCSP answer it
/// weighs and fails on the first certificate whose proof of existence comes after the control
/// time, which a certificate made years later always does.
#[test]
fn a_file_outlives_every_certificate_of_its_signing_day_through_rollovers_of_its_cas() {
    let s = signed();
    let signed_at = s.signer_not_after - chrono::Duration::hours(365 * 24 + 6);
    let end = signed_at + chrono::Duration::days(20 * 365 + 60);
    let first_root = s.trust.root_der();
    let signed_day = signed_at.format("%Y-%m-%d").to_string();

    let mut trust = s.trust.clone();
    let mut pdf = s.lta.clone();
    let mut rolled: Vec<Vec<&str>> = Vec::new();
    let mut stamps = 0;
    let mut t = signed_at;
    let mid = signed_at + chrono::Duration::days(9 * 365 + 180);
    let mut mid_checked = false;
    while t < end {
        t += chrono::Duration::days(61);
        let renewed = trust.renew_expiring(t).unwrap();
        if t >= mid && !mid_checked {
            mid_checked = true;
            // The file as a validator would find it then: refreshed and stamped that day.
            let refreshed = add_validation_as(&pdf, &trust, &[], t, Refresh::All);
            let stamped = timestamp_pdf(&refreshed, &trust, t).unwrap();
            let judged = add_validation(&stamped, &trust, &[], t);
            assert!(trust.issuing_generation() >= 3, "{rolled:?}");
            let roots = s.dir.path().join("roots-mid.pem");
            std::fs::write(&roots, trust.root_pem()).unwrap();
            if let Some(r) = pyhanko_ltv_with(&judged, Some(t + chrono::Duration::hours(1)), &roots)
            {
                let lta = lta_results(&r);
                assert_eq!(lta.len(), 2, "{r:?}");
                for v in lta {
                    assert_eq!(v["indication"], "PASSED", "{v}");
                    let oldest = v["oldest_evidence_record"].as_str().unwrap_or_default();
                    assert!(oldest.starts_with(&signed_day), "{v}");
                }
            }
        }
        if renewed.contains(&"root") || renewed.contains(&"intermediate") {
            rolled.push(renewed);
        }
        let expiry = ltv::last_timestamp_expiry(&pdf).unwrap().unwrap();
        if t >= expiry - chrono::Duration::days(90) {
            let refreshed = add_validation_as(&pdf, &trust, &[], t, Refresh::All);
            let stamped = timestamp_pdf(&refreshed, &trust, t).unwrap();
            pdf = add_validation(&stamped, &trust, &[], t);
            stamps += 1;
        }
    }
    // The last run, as a validator would find the file then.
    let refreshed = add_validation_as(&pdf, &trust, &[], t, Refresh::All);
    let stamped = timestamp_pdf(&refreshed, &trust, t).unwrap();
    let pdf = add_validation(&stamped, &trust, &[], t);
    assert!(stamps >= 4, "{stamps} archive timestamps");
    // At ten years and at twenty.
    assert_eq!(
        rolled.iter().filter(|r| r.contains(&"root")).count(),
        2,
        "{rolled:?}"
    );
    assert!(trust.issuing_generation() >= 5, "{rolled:?}");
    assert_ne!(trust.root_der(), first_root);
    // Every certificate the file held on the day of signing has ended.
    let first = &ltv::signature_material(&s.lta).unwrap();
    let day_one: Vec<&Vec<u8>> = first
        .iter()
        .flat_map(|m| m.certs.iter().chain(m.timestamp_certs.iter()))
        .collect();
    assert!(!day_one.is_empty());
    for cert in day_one.iter().copied().chain([&first_root]) {
        assert!(
            !ltv::outlasts(cert, t - chrono::Duration::days(1)),
            "a certificate of day one still valid"
        );
    }
    // The store still opens as sealed, former CAs and all.
    let key = [9u8; 32];
    let reopened = TrustStore::unseal(&trust.seal(&key).unwrap(), &key).unwrap();
    assert_eq!(reopened.own_serials(), trust.own_serials());
    assert_eq!(reopened.root_pem(), trust.root_pem());
    assert_eq!(reopened.issuing_generation(), trust.issuing_generation());

    let at = t + chrono::Duration::hours(1);
    let opts = VerifyOptions {
        validation_time: Some(at),
        ..VerifyOptions::default()
    };
    let report = verify_pdf_with(&pdf, &[trust.root_pem()], &opts).unwrap();
    assert!(report.signatures.len() >= 2, "{report:?}");
    for sig in &report.signatures {
        assert_eq!(sig.indication, Indication::TotalPassed, "{sig:?}");
    }

    // pyHanko, offline, revocation data required, its clock moved there, with every CA the
    // store made as trust anchor (as an EU trusted list names the issuing CA, not its root, as
    // the service's identity): every signature passes, with the evidence record back to the
    // signing day, its timestamps and archive timestamps included.
    let anchors = s.dir.path().join("anchors-end.pem");
    std::fs::write(&anchors, pem_bundle(&trust.ca_certs_der())).unwrap();
    if let Some(r) = pyhanko_ltv_with(&pdf, Some(at), &anchors) {
        let lta = lta_results(&r);
        assert_eq!(lta.len(), 2, "{r:?}");
        for v in lta {
            assert_eq!(v["indication"], "PASSED", "{v}");
            let oldest = v["oldest_evidence_record"].as_str().unwrap_or_default();
            assert!(oldest.starts_with(&signed_day), "{v}");
        }
    }

    // A relying party that never added the new root cannot validate the newest timestamp.
    let first_root_pem = s.trust.root_pem();
    let report = verify_pdf_with(&pdf, &[first_root_pem], &opts).unwrap();
    assert!(
        report
            .signatures
            .iter()
            .any(|sig| sig.indication != Indication::TotalPassed),
        "{report:?}"
    );
}

#[test]
fn pyhanko_validates_the_b_lt_file_offline_now() {
    let s = signed();
    let Some(r) = pyhanko_ltv(&s.lt, None) else {
        return;
    };
    let hard = hard_fail_results(&r);
    assert_eq!(hard.len(), 2, "{r:?}");
    for v in hard {
        assert_eq!(v["valid"], true, "{v}");
        assert_eq!(v["trusted"], true, "{v}");
        assert_eq!(v["revoked"], false, "{v}");
    }
    // No document timestamp yet: no proof of existence beyond the signature timestamps.
    for v in lta_results(&r) {
        assert_eq!(v["sub_indication"], "NO_POE", "{v}");
    }
}

#[test]
fn a_revoked_signer_certificate_is_reported_revoked_by_ocsp_the_crl_and_pyhanko() {
    let s = signed();
    let dss = ltv::read_dss(&s.revoked).unwrap().unwrap();
    let material = ltv::signature_material(&s.revoked).unwrap();
    let ana = &material[0].certs[0];
    let serial = {
        use der::Decode;
        let c = x509_cert::Certificate::from_der(ana).unwrap();
        hex::encode(c.tbs_certificate().serial_number().as_bytes())
    };
    let issuing = s.trust.issuing_der();
    let revoked_by_ocsp = dss.data.ocsps.iter().any(|o| {
        read_ocsp_response(o, &issuing)
            .unwrap()
            .statuses
            .iter()
            .any(|(sn, st)| sn == &serial && matches!(st, CertStatus::Revoked { .. }))
    });
    assert!(revoked_by_ocsp, "the OCSP answer says revoked");
    let listed = dss
        .data
        .crls
        .iter()
        .filter_map(|c| read_crl(c, &issuing).ok())
        .any(|c| c.revoked.iter().any(|r| hex::encode(&r.serial) == serial));
    assert!(listed, "the CRL lists it");

    let Some(r) = pyhanko_ltv(&s.revoked, None) else {
        return;
    };
    let first = hard_fail_results(&r)
        .into_iter()
        .find(|v| v["field"] == r[0]["field"])
        .cloned()
        .unwrap();
    assert_eq!(first["revoked"], true, "{first}");
    assert_eq!(first["certificate_revoked"], true, "{first}");
    let lta = lta_results(&r);
    assert_ne!(lta[0]["indication"], "PASSED", "{}", lta[0]);
    assert!(
        lta[0]["sub_indication"]
            .as_str()
            .is_some_and(|s| s.contains("REVOKED")),
        "{}",
        lta[0]
    );
    // The seal's signature is untouched by it.
    assert_eq!(lta[1]["indication"], "PASSED", "{}", lta[1]);
}

#[test]
fn signet_verify_reports_b_lt_and_b_lta() {
    let s = signed();
    let root = s.trust.root_pem();
    let lt = verify_pdf(&s.lt, &[root.as_bytes()]).unwrap();
    for sig in &lt.signatures {
        assert_eq!(sig.indication, Indication::TotalPassed, "{sig:?}");
        assert_eq!(sig.detected_level, "PAdES-B-LT");
    }
    let lta = verify_pdf(&s.lta, &[root.as_bytes()]).unwrap();
    assert_eq!(lta.signatures.len(), 3);
    for sig in &lta.signatures[..2] {
        assert_eq!(sig.indication, Indication::TotalPassed, "{sig:?}");
        assert_eq!(sig.detected_level, "PAdES-B-LTA");
    }
    assert!(lta.produced_by_signet, "{lta:?}");
}

/// pdfsig (NSS) fetches the OCSP address a certificate names when it can: the file here is
/// made by a store that names none, so the verdict is about the file alone.
#[test]
fn pdfsig_still_accepts_the_b_lta_file() {
    if !common::require(
        "pdfsig and certutil (poppler-utils, libnss3-tools)",
        common::have_pdfsig(),
    ) {
        return;
    }
    let now = real_now();
    let mut trust = TrustStore::generate("Acme pdfsig", now).unwrap();
    trust.ensure_ocsp_responder(now).unwrap();
    let ana = trust
        .issue_signer(
            &SignerIdentity {
                name: "Ana Silva".into(),
                ..Default::default()
            },
            now,
        )
        .unwrap();
    let input = common::make_pdf(2, true, 10_000);
    let s1 = sign_pdf(&input, &ana, &trust, &opts("Ana Silva", now)).unwrap();
    let s1 = add_validation(&s1, &trust, &[], now);
    let s2 = sign_pdf(&s1, &trust.seal_credential(), &trust, &opts("Bruno", now)).unwrap();
    let s2 = add_validation(&s2, &trust, &[], now);
    let lta = timestamp_pdf(&s2, &trust, now).unwrap();
    assert_eq!(
        verify_pdf(&lta, &[trust.root_pem()]).unwrap().signatures[0].detected_level,
        "PAdES-B-LTA"
    );
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("pdfsig.pdf");
    std::fs::write(&file, &lta).unwrap();
    let nss_dir = tempfile::tempdir().unwrap();
    let nss = common::nss_db(nss_dir.path(), &trust.root_pem());
    let report = common::pdfsig(&nss, &file);
    let sigs: Vec<&str> = report
        .split("Signature #")
        .skip(1)
        .filter(|b| b.contains("ETSI.CAdES.detached"))
        .collect();
    assert_eq!(sigs.len(), 2, "{report}");
    for b in sigs {
        assert!(b.contains("Signature is Valid."), "{report}");
        assert!(b.contains("Certificate is Trusted."), "{report}");
    }
}
