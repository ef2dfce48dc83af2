//! Verification at a chosen time with revocation data: Signet's own files, the DSS and the
//! online check, revoked certificates with and without a proof of existence, expiry with and
//! without one, and trust anchors from a TS 119 612 trusted list.

#![allow(clippy::unwrap_used)]

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, TimeZone, Utc};
use lopdf::{Object, Stream, dictionary};
use signet_pdf::revocation::{
    CertStatus, RevocationReason, Revoked, ocsp_request, parse_ocsp_request,
};
use signet_pdf::*;

const URL: &str = "https://sign.example";

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 6, 12, 0, 0).unwrap()
}

fn pdf() -> Vec<u8> {
    let mut doc = lopdf::Document::with_version("1.7");
    let pages = doc.new_object_id();
    let page = doc.add_object(dictionary! { "Type" => "Page", "Parent" => pages,
    "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()] });
    doc.objects.insert(
        pages,
        Object::Dictionary(dictionary! {
        "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

struct Setup {
    store: TrustStore,
    signer: SignerCredential,
}

/// A CA published under [`URL`] made two hours before `t0`, and a signer certificate.
fn setup() -> Setup {
    let made = t0() - chrono::Duration::hours(2);
    let store = TrustStore::generate_published("Acme", made, false, URL).unwrap();
    let signer = store
        .issue_signer(
            &SignerIdentity {
                name: "Ana Silva".into(),
                ..Default::default()
            },
            made,
        )
        .unwrap();
    Setup { store, signer }
}

fn sign(s: &Setup, timestamp: bool) -> Vec<u8> {
    let opts = SignOptions {
        signer_name: "Ana Silva".into(),
        reason: None,
        location: None,
        contact: None,
        signing_time: t0(),
        timestamp,
        form: Default::default(),
        visible: None,
    };
    sign_pdf(&pdf(), &s.signer, &s.store, &opts).unwrap()
}

/// Appends a revision whose catalog has a /DSS with these DER objects (uncompressed streams,
/// and one compressed, as writers do both).
fn add_dss(pdf: &[u8], certs: &[Vec<u8>], ocsps: &[Vec<u8>], crls: &[Vec<u8>]) -> Vec<u8> {
    let prev = lopdf::Document::load_mem(pdf).unwrap();
    let root = prev.trailer.get(b"Root").unwrap().as_reference().unwrap();
    let mut inc = lopdf::IncrementalDocument::create_from(pdf.to_vec(), prev);
    inc.opt_clone_object_to_new_document(root).unwrap();
    let mut streams = |items: &[Vec<u8>]| -> Vec<Object> {
        items
            .iter()
            .enumerate()
            .map(|(i, der)| {
                let mut stream = Stream::new(dictionary! {}, der.clone());
                if i == 0 {
                    stream.compress().unwrap();
                }
                Object::Reference(inc.new_document.add_object(stream))
            })
            .collect()
    };
    let dss = dictionary! {
        "Certs" => streams(certs),
        "OCSPs" => streams(ocsps),
        "CRLs" => streams(crls),
    };
    let dss_id = inc.new_document.add_object(dss);
    inc.new_document
        .get_object_mut(root)
        .unwrap()
        .as_dict_mut()
        .unwrap()
        .set("DSS", dss_id);
    let mut out = Vec::new();
    inc.save_to(&mut out).unwrap();
    assert!(out.starts_with(pdf));
    out
}

/// An OCSP response from the store's responder about the signer, produced at `at`.
fn ocsp(s: &Setup, status: CertStatus, at: DateTime<Utc>) -> Vec<u8> {
    let req = ocsp_request(
        &s.signer.certificate_der().unwrap(),
        &s.store.issuing_der(),
        None,
    )
    .unwrap();
    let query = parse_ocsp_request(&req).unwrap();
    s.store
        .ocsp_response(
            &query,
            |_| status.clone(),
            at,
            Duration::from_secs(7 * 24 * 3600),
        )
        .unwrap()
}

/// The issuing CA's CRL (covers the signer, the seal and the timestamp authority) and the
/// root's (covers the issuing CA), both issued at `at`.
fn crls(s: &Setup, revoked: &[Revoked], at: DateTime<Utc>) -> Vec<Vec<u8>> {
    let week = Duration::from_secs(7 * 24 * 3600);
    vec![
        s.store.crl(false, revoked, at, week).unwrap(),
        s.store.crl(true, &[], at, week).unwrap(),
    ]
}

fn opts(at: DateTime<Utc>, policy: RevocationPolicy) -> VerifyOptions {
    VerifyOptions {
        validation_time: Some(at),
        revocation: policy,
        ..VerifyOptions::default()
    }
}

fn verify(s: &Setup, file: &[u8], o: &VerifyOptions) -> VerificationReport {
    verify_pdf_with(file, &[s.store.root_pem()], o).unwrap()
}

fn sub(r: &SignatureReport) -> Option<&str> {
    r.sub_indication.as_deref()
}

fn revoked_signer(s: &Setup, at: DateTime<Utc>) -> Revoked {
    Revoked {
        serial: hex::decode(s.signer.serial_hex()).unwrap(),
        at,
        reason: RevocationReason::PrivilegeWithdrawn,
    }
}

#[test]
fn signet_b_t_files_pass_without_revocation_data_unless_it_is_required() {
    let s = setup();
    let file = timestamp_pdf(&sign(&s, true), &s.store, t0()).unwrap();
    let soon = t0() + chrono::Duration::hours(1);
    let report = verify(&s, &file, &opts(soon, RevocationPolicy::IfAvailable));
    assert_eq!(report.signatures.len(), 2);
    for r in &report.signatures {
        assert_eq!(r.indication, Indication::TotalPassed, "{:?}", r.details);
        assert!(r.revocation.is_empty());
        assert!(
            r.details.iter().any(|d| d.contains("not checked")),
            "{:?}",
            r.details
        );
    }
    assert_eq!(report.signatures[0].detected_level, "PAdES-B-T");
    assert_eq!(report.signatures[0].proof_of_existence, Some(t0()));
    assert!(report.produced_by_signet);

    let report = verify(&s, &file, &opts(soon, RevocationPolicy::Required));
    for r in &report.signatures {
        assert_eq!(r.indication, Indication::Indeterminate);
        assert_eq!(sub(r), Some("TRY_LATER"), "{:?}", r.details);
    }
}

#[test]
fn embedded_validation_data_satisfies_required_revocation() {
    let s = setup();
    let one_min = t0() + chrono::Duration::minutes(1);
    let signed = sign(&s, true);
    let with_dss = add_dss(
        &signed,
        &[s.store.issuing_der()],
        &[ocsp(&s, CertStatus::Good, one_min)],
        &crls(&s, &[], one_min),
    );
    let file = timestamp_pdf(&with_dss, &s.store, t0() + chrono::Duration::minutes(2)).unwrap();
    let report = verify(
        &s,
        &file,
        &opts(
            t0() + chrono::Duration::hours(1),
            RevocationPolicy::Required,
        ),
    );
    let sig = &report.signatures[0];
    assert_eq!(sig.indication, Indication::TotalPassed, "{:?}", sig.details);
    assert_eq!(sig.detected_level, "PAdES-B-LTA");
    // The signer by OCSP, the issuing CA by the root's CRL, the timestamp authority by the
    // issuing CA's CRL (and the issuing CA again for that chain).
    let kinds: Vec<(&str, &str)> = sig.revocation.iter().map(|e| (e.kind, e.source)).collect();
    assert!(kinds.contains(&("ocsp", "dss")), "{kinds:?}");
    assert!(kinds.contains(&("crl", "dss")), "{kinds:?}");
    assert!(sig.revocation.iter().all(|e| e.status == "good"));
    assert!(
        sig.revocation
            .iter()
            .any(|e| e.kind == "ocsp" && e.serial == s.signer.serial_hex())
    );
    let doc_ts = &report.signatures[1];
    assert!(doc_ts.is_document_timestamp);
    assert_eq!(
        doc_ts.indication,
        Indication::TotalPassed,
        "{:?}",
        doc_ts.details
    );

    // Judged at a time before the data existed, the same file has none fresh enough.
    let early = verify(
        &s,
        &file,
        &opts(
            t0() + chrono::Duration::seconds(30),
            RevocationPolicy::Required,
        ),
    );
    assert_eq!(sub(&early.signatures[0]), Some("TRY_LATER"));
}

#[test]
fn a_revoked_signer_is_revoked_or_revoked_no_poe() {
    let s = setup();
    let after = t0() + chrono::Duration::minutes(5);
    let at = opts(
        t0() + chrono::Duration::hours(1),
        RevocationPolicy::IfAvailable,
    );

    // Revoked before the time the signature timestamp proves: TOTAL-FAILED / REVOKED, by OCSP
    // and by the CRL alike.
    let before = t0() - chrono::Duration::minutes(30);
    let signed = sign(&s, true);
    let by_ocsp = add_dss(
        &signed,
        &[],
        &[ocsp(
            &s,
            CertStatus::Revoked {
                at: before,
                reason: RevocationReason::PrivilegeWithdrawn,
            },
            after,
        )],
        &[],
    );
    let by_crl = add_dss(
        &signed,
        &[],
        &[],
        &crls(&s, &[revoked_signer(&s, before)], after),
    );
    for (file, kind) in [(&by_ocsp, "ocsp"), (&by_crl, "crl")] {
        let r = &verify(&s, file, &at).signatures[0];
        assert_eq!(r.indication, Indication::TotalFailed, "{:?}", r.details);
        assert_eq!(sub(r), Some("REVOKED"));
        assert_eq!(r.detected_level, "none");
        let ev = r.revocation.iter().find(|e| e.status == "revoked").unwrap();
        assert_eq!(ev.kind, kind);
        assert_eq!(ev.revoked_at, Some(before));
        assert_eq!(ev.reason, Some("privilege_withdrawn"));
    }

    // Revoked after the timestamp: the timestamp proves the signature existed before.
    let later = t0() + chrono::Duration::minutes(3);
    let file = add_dss(
        &signed,
        &[],
        &[],
        &crls(&s, &[revoked_signer(&s, later)], after),
    );
    let r = &verify(&s, &file, &at).signatures[0];
    assert_eq!(r.indication, Indication::TotalPassed, "{:?}", r.details);
    assert!(r.details.iter().any(|d| d.contains("was revoked")));

    // Without a timestamp nothing proves the signature existed before the revocation.
    let b_b = add_dss(
        &sign(&s, false),
        &[],
        &[],
        &crls(&s, &[revoked_signer(&s, later)], after),
    );
    let r = &verify(&s, &b_b, &at).signatures[0];
    assert_eq!(r.indication, Indication::Indeterminate, "{:?}", r.details);
    assert_eq!(sub(r), Some("REVOKED_NO_POE"));

    // Judged at a time before the revocation data was issued, the revocation is not known.
    let r = &verify(
        &s,
        &b_b,
        &opts(
            t0() + chrono::Duration::minutes(4),
            RevocationPolicy::IfAvailable,
        ),
    )
    .signatures[0];
    assert_eq!(r.indication, Indication::TotalPassed, "{:?}", r.details);
}

#[test]
fn after_expiry_a_timestamp_is_the_proof_of_existence() {
    let s = setup();
    let two_years = t0() + chrono::Duration::days(730);
    assert!(s.signer.not_after() < two_years);

    let b_t = sign(&s, true);
    let r = &verify(&s, &b_t, &opts(two_years, RevocationPolicy::IfAvailable)).signatures[0];
    assert_eq!(r.indication, Indication::TotalPassed, "{:?}", r.details);
    assert!(r.details.iter().any(|d| d.contains("expired")));

    let b_b = sign(&s, false);
    let r = &verify(&s, &b_b, &opts(two_years, RevocationPolicy::IfAvailable)).signatures[0];
    assert_eq!(r.indication, Indication::Indeterminate);
    assert_eq!(sub(r), Some("OUT_OF_BOUNDS_NO_POE"), "{:?}", r.details);

    // With revocation data from before the expiry, the strict reading passes too.
    let one_min = t0() + chrono::Duration::minutes(1);
    let lt = add_dss(
        &b_t,
        &[],
        &[ocsp(&s, CertStatus::Good, one_min)],
        &crls(&s, &[], one_min),
    );
    let r = &verify(&s, &lt, &opts(two_years, RevocationPolicy::Required)).signatures[0];
    assert_eq!(r.indication, Indication::TotalPassed, "{:?}", r.details);
    assert!(!r.revocation.is_empty());

    // Once the timestamp authority's certificate has expired too, and no later document
    // timestamp vouches for the token, nothing proves anything.
    let six_years = t0() + chrono::Duration::days(6 * 366);
    let r = &verify(&s, &b_t, &opts(six_years, RevocationPolicy::IfAvailable)).signatures[0];
    assert_eq!(r.indication, Indication::Indeterminate);
    assert_eq!(sub(r), Some("OUT_OF_BOUNDS_NO_POE"), "{:?}", r.details);
}

#[derive(Debug)]
struct StoreFetcher {
    store: TrustStore,
    /// The signer's serial and revocation time, said alike by OCSP and the CRL.
    revoked: Option<(Vec<u8>, DateTime<Utc>)>,
    now: DateTime<Utc>,
    calls: std::sync::Mutex<Vec<String>>,
}

impl RevocationFetcher for StoreFetcher {
    fn ocsp(&self, url: &str, request: &[u8]) -> Result<Vec<u8>, String> {
        self.calls.lock().unwrap().push(url.to_string());
        let query = parse_ocsp_request(request).map_err(|e| e.to_string())?;
        let status = |serial: &str| match &self.revoked {
            Some((revoked, at)) if hex::encode(revoked) == serial => CertStatus::Revoked {
                at: *at,
                reason: RevocationReason::KeyCompromise,
            },
            _ => CertStatus::Good,
        };
        self.store
            .ocsp_response(&query, status, self.now, Duration::from_secs(3600))
            .map_err(|e| e.to_string())
    }

    fn crl(&self, url: &str) -> Result<Vec<u8>, String> {
        self.calls.lock().unwrap().push(url.to_string());
        let root = url.contains("root");
        let revoked: Vec<Revoked> = match &self.revoked {
            Some((serial, at)) if !root => vec![Revoked {
                serial: serial.clone(),
                at: *at,
                reason: RevocationReason::KeyCompromise,
            }],
            _ => Vec::new(),
        };
        self.store
            .crl(root, &revoked, self.now, Duration::from_secs(3600))
            .map_err(|e| e.to_string())
    }
}

#[test]
fn the_online_check_asks_ocsp_then_the_crl() {
    let s = setup();
    // B-B: the signer's chain is the first checked (with a timestamp, the authority's chain
    // comes first and the issuing CA's CRL fetched for it then answers for the signer too).
    let file = sign(&s, false);
    let now = t0() + chrono::Duration::hours(1);
    let fetcher = Arc::new(StoreFetcher {
        store: s.store.clone(),
        revoked: None,
        now,
        calls: Default::default(),
    });
    let mut o = opts(now, RevocationPolicy::Required);
    o.fetcher = Some(fetcher.clone());
    let report = verify(&s, &file, &o);
    let r = &report.signatures[0];
    assert_eq!(r.indication, Indication::TotalPassed, "{:?}", r.details);
    assert!(report.online);
    assert!(
        r.revocation
            .iter()
            .any(|e| e.kind == "ocsp" && e.source == "online")
    );
    assert!(
        r.revocation
            .iter()
            .any(|e| e.kind == "crl" && e.source == "online")
    );
    let calls = fetcher.calls.lock().unwrap().clone();
    assert!(
        calls.iter().any(|c| c == &format!("{URL}/v1/trust/ocsp")),
        "{calls:?}"
    );

    let revoked = Arc::new(StoreFetcher {
        store: s.store.clone(),
        revoked: Some((
            hex::decode(s.signer.serial_hex()).unwrap(),
            t0() - chrono::Duration::minutes(1),
        )),
        now,
        calls: Default::default(),
    });
    o.fetcher = Some(revoked);
    let r = &verify(&s, &file, &o).signatures[0];
    assert_eq!(sub(r), Some("REVOKED_NO_POE"), "{:?}", r.details);
    let ev = r.revocation.iter().find(|e| e.status == "revoked").unwrap();
    assert_eq!((ev.kind, ev.source), ("ocsp", "online"));

    // With a timestamp proving the signature existed only after the revocation: REVOKED.
    let r = &verify(&s, &sign(&s, true), &o).signatures[0];
    assert_eq!(sub(r), Some("REVOKED"), "{:?}", r.details);
    assert_eq!(r.indication, Indication::TotalFailed);
}

fn b64(der: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in der.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(A[(n >> (18 - 6 * i)) as usize & 63] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// A small TS 119 612 list: one provider with a granted CA/QC service holding `granted`, a
/// withdrawn one holding `withdrawn`, and the same certificate again in a history entry and
/// in the list's signature (neither of which counts).
fn trusted_list(granted: &[u8], withdrawn: &[u8]) -> String {
    let service = |cert: &[u8], status: &str, name: &str| {
        format!(
            r#"<tsl:TSPService><tsl:ServiceInformation>
  <tsl:ServiceTypeIdentifier>http://uri.etsi.org/TrstSvc/Svctype/CA/QC</tsl:ServiceTypeIdentifier>
  <tsl:ServiceName><tsl:Name xml:lang="en">{name}</tsl:Name></tsl:ServiceName>
  <tsl:ServiceDigitalIdentity><tsl:DigitalId><tsl:X509Certificate>{}</tsl:X509Certificate></tsl:DigitalId></tsl:ServiceDigitalIdentity>
  <tsl:ServiceStatus>http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/{status}</tsl:ServiceStatus>
  <tsl:StatusStartingTime>2026-01-01T00:00:00Z</tsl:StatusStartingTime>
</tsl:ServiceInformation>
<tsl:ServiceHistory><tsl:ServiceHistoryInstance>
  <tsl:ServiceDigitalIdentity><tsl:DigitalId><tsl:X509Certificate>{}</tsl:X509Certificate></tsl:DigitalId></tsl:ServiceDigitalIdentity>
  <tsl:ServiceStatus>http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/granted</tsl:ServiceStatus>
</tsl:ServiceHistoryInstance></tsl:ServiceHistory>
</tsl:TSPService>"#,
            b64(cert),
            b64(withdrawn)
        )
    };
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<tsl:TrustServiceStatusList xmlns:tsl="http://uri.etsi.org/02231/v2#" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" TSLTag="http://uri.etsi.org/19612/TSLTag">
<tsl:SchemeInformation><tsl:TSLVersionIdentifier>5</tsl:TSLVersionIdentifier><tsl:SchemeTerritory>PT</tsl:SchemeTerritory></tsl:SchemeInformation>
<tsl:TrustServiceProviderList><tsl:TrustServiceProvider>
<tsl:TSPInformation><tsl:TSPName><tsl:Name xml:lang="en">Acme Trust &amp; Co</tsl:Name></tsl:TSPName></tsl:TSPInformation>
<tsl:TSPServices>{}{}</tsl:TSPServices>
</tsl:TrustServiceProvider></tsl:TrustServiceProviderList>
<ds:Signature><ds:KeyInfo><ds:X509Data><ds:X509Certificate>{}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></ds:Signature>
</tsl:TrustServiceStatusList>"#,
        service(granted, "granted", "Acme QC CA"),
        service(withdrawn, "withdrawn", "Old CA"),
        b64(withdrawn)
    )
}

#[test]
fn a_trusted_list_gives_the_anchors_of_granted_services() {
    let s = setup();
    let other = TrustStore::generate("Other", t0()).unwrap();
    // The granted service is the issuing CA (not a self-signed root), as in the EU lists.
    let xml = trusted_list(&s.store.issuing_der(), &other.root_der());
    let list = parse_trusted_list(xml.as_bytes()).unwrap();
    assert_eq!(list.territory, "PT");
    assert_eq!(list.services.len(), 2);
    assert_eq!(list.services[0].provider, "Acme Trust & Co");
    assert_eq!(list.services[0].name, "Acme QC CA");
    assert_eq!(list.anchors(), vec![s.store.issuing_der()]);

    let file = sign(&s, true);
    let o = opts(
        t0() + chrono::Duration::hours(1),
        RevocationPolicy::IfAvailable,
    );
    let report = verify_pdf_with(&file, &list.anchors(), &o).unwrap();
    assert_eq!(
        report.signatures[0].indication,
        Indication::TotalPassed,
        "{:?}",
        report.signatures[0].details
    );

    // The same file against a list where Signet's CA is withdrawn: no chain.
    let xml = trusted_list(&other.root_der(), &s.store.issuing_der());
    let list = parse_trusted_list(xml.as_bytes()).unwrap();
    let report = verify_pdf_with(&file, &list.anchors(), &o).unwrap();
    assert_eq!(
        report.signatures[0].sub_indication.as_deref(),
        Some("NO_CERTIFICATE_CHAIN_FOUND")
    );
}
