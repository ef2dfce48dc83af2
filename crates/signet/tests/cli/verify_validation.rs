//! `signet verify` as a validator: `--at` (expiry with and without a timestamp as proof of
//! existence), `--require-revocation`, revocation data in the file, `--online` against a local
//! OCSP/CRL responder, a PEM bundle of several roots and a `--trusted-list`.

// Fixtures are made at the real time: the command judges at the real time by default.
#![allow(clippy::unwrap_used, clippy::disallowed_methods)]

use crate::common;
use chrono::{DateTime, Utc};
use lopdf::{Object, Stream, dictionary};
use signet_pdf::revocation::{CertStatus, RevocationReason, Revoked, parse_ocsp_request};
use signet_pdf::{SignOptions, SignerCredential, SignerIdentity, TrustStore, sign_pdf};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::PathBuf;
use std::time::Duration;

fn real_now() -> DateTime<Utc> {
    DateTime::<Utc>::from(std::time::SystemTime::now())
}

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

fn b64(der: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(der)
}

fn sign(store: &TrustStore, signer: &SignerCredential, at: DateTime<Utc>, ts: bool) -> Vec<u8> {
    let opts = SignOptions {
        signer_name: "Ana Silva".into(),
        reason: None,
        location: None,
        contact: None,
        signing_time: at,
        timestamp: ts,
        form: Default::default(),
        visible: None,
    };
    sign_pdf(
        &common::text_pdf(&["A short agreement."]),
        signer,
        store,
        &opts,
    )
    .unwrap()
}

/// Appends a revision with a /DSS holding these CRLs.
fn with_crls(pdf: &[u8], crls: &[Vec<u8>]) -> Vec<u8> {
    let prev = lopdf::Document::load_mem(pdf).unwrap();
    let root = prev.trailer.get(b"Root").unwrap().as_reference().unwrap();
    let mut inc = lopdf::IncrementalDocument::create_from(pdf.to_vec(), prev);
    inc.opt_clone_object_to_new_document(root).unwrap();
    let refs: Vec<Object> = crls
        .iter()
        .map(|c| {
            Object::Reference(
                inc.new_document
                    .add_object(Stream::new(dictionary! {}, c.clone())),
            )
        })
        .collect();
    let dss = inc.new_document.add_object(dictionary! { "CRLs" => refs });
    inc.new_document
        .get_object_mut(root)
        .unwrap()
        .as_dict_mut()
        .unwrap()
        .set("DSS", dss);
    let mut out = Vec::new();
    inc.save_to(&mut out).unwrap();
    out
}

/// Answers OCSP POSTs (`good`, or `revoked` when `revoked` is set) and CRL GETs for `store`
/// on 127.0.0.1, for as long as the test runs.
fn responder(listener: std::net::TcpListener, store: TrustStore, revoked: Option<DateTime<Utc>>) {
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut line = String::new();
            reader.read_line(&mut line).unwrap();
            let mut length = 0;
            loop {
                let mut h = String::new();
                reader.read_line(&mut h).unwrap();
                if h.trim().is_empty() {
                    break;
                }
                if let Some(v) = h.to_ascii_lowercase().strip_prefix("content-length:") {
                    length = v.trim().parse().unwrap();
                }
            }
            let mut body = vec![0; length];
            reader.read_exact(&mut body).unwrap();
            let now = real_now();
            let answer = if line.starts_with("POST") {
                let query = parse_ocsp_request(&body).unwrap();
                let status = match revoked {
                    Some(at) => CertStatus::Revoked {
                        at,
                        reason: RevocationReason::KeyCompromise,
                    },
                    None => CertStatus::Good,
                };
                store
                    .ocsp_response(&query, |_| status.clone(), now, Duration::from_secs(600))
                    .unwrap()
            } else {
                store
                    .crl(line.contains("root"), &[], now, Duration::from_secs(600))
                    .unwrap()
            };
            let _ = write!(
                stream,
                "HTTP/1.1 200 OK\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
                answer.len()
            );
            let _ = stream.write_all(&answer);
        }
    });
}

struct Fixture {
    dir: tempfile::TempDir,
}

impl Fixture {
    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
}

fn fixture(revoked: Option<DateTime<Utc>>) -> Fixture {
    let now = real_now();
    let made = now - chrono::Duration::hours(2);
    // A CA publishing its revocation at a local responder: the address is known before the
    // certificates that name it are made.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let store = TrustStore::generate_published("Validation CLI", made, false, &url).unwrap();
    responder(listener, store.clone(), revoked);
    let dir = tempfile::tempdir().unwrap();
    let signer = store
        .issue_signer(
            &SignerIdentity {
                name: "Ana Silva".into(),
                ..Default::default()
            },
            made,
        )
        .unwrap();
    let other = TrustStore::generate("Someone Else", made).unwrap();
    let write = |name: &str, bytes: &[u8]| std::fs::write(dir.path().join(name), bytes).unwrap();
    let b_t = sign(&store, &signer, now - chrono::Duration::minutes(1), true);
    let b_b = sign(&store, &signer, now - chrono::Duration::minutes(1), false);
    write("b-t.pdf", &b_t);
    write("b-b.pdf", &b_b);
    let revoked_crl = store
        .crl(
            false,
            &[Revoked {
                serial: unhex(&signer.serial_hex()),
                at: now - chrono::Duration::minutes(30),
                reason: RevocationReason::KeyCompromise,
            }],
            now,
            Duration::from_secs(3600),
        )
        .unwrap();
    write("revoked.pdf", &with_crls(&b_t, &[revoked_crl]));
    write("ca.pem", store.root_pem().as_bytes());
    write(
        "bundle.pem",
        format!("{}{}", other.root_pem(), store.root_pem()).as_bytes(),
    );
    write("other.pem", other.root_pem().as_bytes());
    let tl = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<TrustServiceStatusList xmlns="http://uri.etsi.org/02231/v2#">
<SchemeInformation><SchemeTerritory>PT</SchemeTerritory></SchemeInformation>
<TrustServiceProviderList><TrustServiceProvider>
<TSPInformation><TSPName><Name xml:lang="en">Acme QTSP</Name></TSPName></TSPInformation>
<TSPServices><TSPService><ServiceInformation>
<ServiceTypeIdentifier>http://uri.etsi.org/TrstSvc/Svctype/CA/QC</ServiceTypeIdentifier>
<ServiceName><Name xml:lang="en">Acme QC CA</Name></ServiceName>
<ServiceDigitalIdentity><DigitalId><X509Certificate>{}</X509Certificate></DigitalId></ServiceDigitalIdentity>
<ServiceStatus>http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/granted</ServiceStatus>
</ServiceInformation></TSPService></TSPServices>
</TrustServiceProvider></TrustServiceProviderList>
</TrustServiceStatusList>"#,
        b64(&store.issuing_der())
    );
    write("tl.xml", tl.as_bytes());
    Fixture { dir }
}

fn run(f: &Fixture, file: &str, args: &[&str]) -> (i32, String) {
    let out = common::signet_bare()
        .arg("verify")
        .arg(f.path(file))
        .args(args.iter().map(|a| {
            if a.ends_with(".pem") || a.ends_with(".xml") {
                f.path(a).into_os_string()
            } else {
                a.into()
            }
        }))
        .env("SIGNET_DATA_DIR", f.path("no-installation-here"))
        .output()
        .expect("run signet verify");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!text.contains("panicked"), "{text}");
    (out.status.code().expect("an exit code"), text)
}

#[test]
fn at_a_time_after_expiry_a_timestamp_keeps_the_signature_valid() {
    let f = fixture(None);
    let later = (real_now() + chrono::Duration::days(800)).to_rfc3339();
    let (code, out) = run(&f, "b-t.pdf", &["--root", "ca.pem", "--at", &later]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("expired"), "{out}");
    assert!(out.contains("existed by:"), "{out}");
    assert!(out.contains("Validated at"), "{out}");

    let (code, out) = run(&f, "b-b.pdf", &["--root", "ca.pem", "--at", &later]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("INDETERMINATE / OUT_OF_BOUNDS_NO_POE"),
        "{out}"
    );

    let (code, out) = run(&f, "b-b.pdf", &["--root", "ca.pem", "--at", "yesterday"]);
    assert_eq!(code, 2, "{out}");
}

#[test]
fn revocation_from_the_file_required_or_fetched_online() {
    let f = fixture(None);
    let (code, out) = run(&f, "b-t.pdf", &["--root", "ca.pem"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("not checked"), "{out}");

    let (code, out) = run(&f, "b-t.pdf", &["--root", "ca.pem", "--require-revocation"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("TRY_LATER"), "{out}");

    // B-B: the signer's chain comes first, so its OCSP responder is asked (the timestamp
    // authority, which names the responder too, would be asked the same way).
    let (code, out) = run(
        &f,
        "b-b.pdf",
        &["--root", "ca.pem", "--require-revocation", "--online"],
    );
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("revocation:   good by OCSP (online"), "{out}");
    assert!(out.contains("good by CRL (online"), "{out}");

    let (code, out) = run(&f, "revoked.pdf", &["--root", "ca.pem", "--json"]);
    assert_eq!(code, 1, "{out}");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    let sig = &report["signatures"][0];
    assert_eq!(sig["indication"], "TOTAL-FAILED");
    assert_eq!(sig["sub_indication"], "REVOKED");
    let revoked = sig["revocation"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["status"] == "revoked")
        .unwrap_or_else(|| panic!("{out}"));
    assert_eq!(revoked["kind"], "crl");
    assert_eq!(revoked["source"], "dss");
    assert_eq!(revoked["reason"], "key_compromise");
}

#[test]
fn a_certificate_revoked_online_is_reported_revoked() {
    let f = fixture(Some(real_now() - chrono::Duration::hours(1)));
    // No timestamp proves the signature existed before the revocation.
    let (code, out) = run(&f, "b-b.pdf", &["--root", "ca.pem", "--online"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("INDETERMINATE / REVOKED_NO_POE"), "{out}");
    assert!(out.contains("revocation:   revoked at"), "{out}");
    assert!(out.contains("by OCSP (online"), "{out}");
}

#[test]
fn anchors_from_a_pem_bundle_or_a_trusted_list() {
    let f = fixture(None);
    let (code, out) = run(&f, "b-t.pdf", &["--root", "bundle.pem"]);
    assert_eq!(code, 0, "{out}");
    let (code, out) = run(&f, "b-t.pdf", &["--root", "other.pem"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("NO_CERTIFICATE_CHAIN_FOUND"), "{out}");

    let (code, out) = run(&f, "b-t.pdf", &["--trusted-list", "tl.xml"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("XML signature is not checked"), "{out}");

    std::fs::write(f.path("bad.xml"), b"<html/>").unwrap();
    let (code, out) = run(&f, "b-t.pdf", &["--trusted-list", "bad.xml"]);
    assert_eq!(code, 2, "{out}");
}
