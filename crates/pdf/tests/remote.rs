//! Signatures whose key is elsewhere (a QTSP through the Cloud Signature Consortium API):
//! the revision and the signed attributes are prepared here, the hash is signed by someone
//! holding the key, and the value is embedded with a timestamp token over it (PAdES B-T).
//! pyHanko and pdfsig must judge the files valid against the remote signer's root, and a value
//! that does not verify with the certificate must be refused before anything is written.

mod common;

use std::path::Path;
use std::process::Command;

use chrono::{DateTime, Utc};
use signet_pdf::*;

#[allow(clippy::disallowed_methods)]
fn real_now() -> DateTime<Utc> {
    DateTime::<Utc>::from(std::time::SystemTime::now())
}

fn opts(name: &str, now: DateTime<Utc>) -> SignOptions {
    SignOptions {
        signer_name: name.to_string(),
        reason: Some("I agree to the terms".into()),
        location: None,
        contact: None,
        signing_time: now,
        timestamp: true,
        form: Default::default(),
        visible: Some(VisibleBlock {
            lines: vec![
                format!("Signed by {name}"),
                "qualified electronic signature".into(),
            ],
        }),
    }
}

fn identity(name: &str) -> SignerIdentity {
    SignerIdentity {
        name: name.into(),
        email: Some("signer@example.com".into()),
        country: Some("PT".into()),
        serial_number: None,
    }
}

/// Signs `input` through the remote path: `sign` plays the service, given the hash.
fn remote_sign(
    input: &[u8],
    chain: &[Vec<u8>],
    algorithm: RemoteAlgorithm,
    tsa: &TrustStore,
    name: &str,
    now: DateTime<Utc>,
    sign: impl FnOnce(&[u8; 32]) -> Vec<u8>,
) -> Result<Vec<u8>, PdfError> {
    let remote = prepare_remote_signature(input, chain, algorithm, &opts(name, now))?;
    let hash = remote.hash_to_sign();
    let prepared = remote.complete_signature(&sign(&hash))?;
    let imprint = prepared.timestamp_imprint().expect("B-T wants a token");
    let token = tsa.timestamp_token(&imprint, now)?;
    let out = prepared.complete(Some(&token))?;
    assert!(out.starts_with(input));
    Ok(out)
}

fn pyhanko_accepts(dir: &Path, roots: &[String], file: &Path, signatures: usize) {
    let Some(py) = common::python() else {
        common::require("pyHanko (SIGNET_TEST_PYTHON or .venv/bin/python)", false);
        return;
    };
    let mut paths = Vec::new();
    for (i, pem) in roots.iter().enumerate() {
        let p = dir.join(format!("root{i}.pem"));
        std::fs::write(&p, pem).expect("root");
        paths.push(p.display().to_string());
    }
    let results = common::pyhanko_validate(&py, paths.join(":"), file);
    assert_eq!(results.len(), signatures + 1, "{results:?}");
    for r in &results {
        assert_eq!(r["intact"], true, "intact: {r}");
        assert_eq!(r["valid"], true, "valid: {r}");
        assert_eq!(r["trusted"], true, "trusted: {r}");
    }
    for r in results.iter().filter(|r| r["kind"] == "signature") {
        assert_eq!(r["timestamp_valid"], true, "signature timestamp: {r}");
    }
    // Without the remote signer's root, the signatures have no trusted chain.
    let results = common::pyhanko_validate(&py, &paths[0], file);
    assert!(
        results
            .iter()
            .filter(|r| r["kind"] == "signature")
            .all(|r| r["trusted"] == false),
        "{results:?}"
    );
}

fn pdfsig_accepts(dir: &Path, roots: &[String], file: &Path, signatures: usize) {
    if !common::require(
        "pdfsig and certutil (poppler-utils, libnss3-tools)",
        common::have_pdfsig(),
    ) {
        return;
    }
    let nss = common::nss_db(&dir.join("nss-home"), &roots[0]);
    for (i, pem) in roots.iter().enumerate().skip(1) {
        let p = dir.join(format!("extra{i}.pem"));
        std::fs::write(&p, pem).expect("root");
        let st = Command::new("certutil")
            .args(["-A", "-d", &nss, "-n", &format!("root-{i}"), "-t", "CT,C,C"])
            .args(["-a", "-i"])
            .arg(&p)
            .status()
            .expect("certutil");
        assert!(st.success());
    }
    let report = common::pdfsig(&nss, file);
    let sigs: Vec<&str> = report
        .split("Signature #")
        .skip(1)
        .filter(|b| b.contains("ETSI.CAdES.detached"))
        .collect();
    assert_eq!(sigs.len(), signatures, "{report}");
    for s in sigs {
        assert!(s.contains("Signature is Valid."), "{report}");
        assert!(s.contains("Certificate is Trusted."), "{report}");
    }
}

#[test]
fn two_signers_whose_keys_a_remote_service_holds_make_a_file_the_validators_accept() {
    let now = real_now();
    // Signet: the timestamp authority. The service: its own root, issuing CA and keys.
    let signet = TrustStore::generate("Acme Onboarding", now).expect("signet");
    let qtsp = TrustStore::generate("Stand-in QTSP", now).expect("qtsp");
    let ana = qtsp.issue_signer(&identity("Ana Silva"), now).expect("ana");
    let bruno = qtsp
        .issue_signer(&identity("Bruno Costa"), now)
        .expect("bruno");
    let input = common::make_pdf(2, true, 20_000);
    let ana_chain = ana.chain_der().expect("chain");
    let alg = RemoteAlgorithm::for_certificate(&ana_chain[0], false).expect("alg");
    assert_eq!(alg, RemoteAlgorithm::EcdsaSha256);
    let one = remote_sign(&input, &ana_chain, alg, &signet, "Ana Silva", now, |h| {
        ana.sign_hash(h).expect("sign")
    })
    .expect("first");
    // The second service answers with the raw r‖s form some services use.
    let two = remote_sign(
        &one,
        &bruno.chain_der().expect("chain"),
        alg,
        &signet,
        "Bruno Costa",
        now,
        |h| {
            use p256::ecdsa::Signature;
            let der = bruno.sign_hash(h).expect("sign");
            Signature::from_der(&der).expect("der").to_bytes().to_vec()
        },
    )
    .expect("second");
    let closed = timestamp_pdf(&two, &signet, now).expect("document timestamp");

    let report = verify_pdf(&closed, &[signet.root_pem(), qtsp.root_pem()]).expect("verify");
    assert_eq!(report.signatures.len(), 3);
    for s in &report.signatures {
        assert_eq!(s.indication, Indication::TotalPassed, "{s:#?}");
    }
    assert!(report.signatures[0].signer.contains("Ana Silva"));
    assert!(report.signatures[1].signer.contains("Bruno Costa"));

    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("remote.pdf");
    std::fs::write(&file, &closed).expect("write");
    let roots = [signet.root_pem(), qtsp.root_pem()];
    pyhanko_accepts(dir.path(), &roots, &file, 2);
    pdfsig_accepts(dir.path(), &roots, &file, 2);
}

#[test]
fn a_value_that_does_not_verify_with_the_certificate_is_refused() {
    let now = real_now();
    let signet = TrustStore::generate("Acme Onboarding", now).expect("signet");
    let qtsp = TrustStore::generate("Stand-in QTSP", now).expect("qtsp");
    let ana = qtsp.issue_signer(&identity("Ana Silva"), now).expect("ana");
    let other = qtsp
        .issue_signer(&identity("Someone Else"), now)
        .expect("other");
    let input = common::make_pdf(1, false, 1_000);
    let chain = ana.chain_der().expect("chain");
    let alg = RemoteAlgorithm::EcdsaSha256;
    type Service<'a> = Box<dyn Fn(&[u8; 32]) -> Vec<u8> + 'a>;
    let cases: Vec<(&str, Service<'_>)> = vec![
        (
            "another key",
            Box::new(|h| other.sign_hash(h).expect("sign")),
        ),
        (
            "another hash",
            Box::new(|_| ana.sign_hash(&[7u8; 32]).expect("sign")),
        ),
        ("garbage", Box::new(|_| vec![1, 2, 3])),
        ("nothing", Box::new(|_| Vec::new())),
    ];
    for (what, sign) in cases {
        let err = remote_sign(&input, &chain, alg, &signet, "Ana", now, sign).expect_err(what);
        assert!(matches!(err, PdfError::Signing(_)), "{what}: {err:?}");
        assert_eq!(err.status_code(), 6005, "{what}");
    }
    // A chain that is not certificates, or none, is a certificate error (6001).
    for chain in [vec![], vec![b"junk".to_vec()]] {
        let err =
            prepare_remote_signature(&input, &chain, alg, &opts("Ana", now)).expect_err("no chain");
        assert_eq!(err.status_code(), 6001, "{err:?}");
    }
    // An algorithm that does not fit the key is refused before anything is asked for.
    let err = prepare_remote_signature(
        &input,
        &chain,
        RemoteAlgorithm::RsaPkcs1Sha256,
        &opts("Ana", now),
    )
    .expect_err("wrong algorithm");
    assert_eq!(err.status_code(), 6001, "{err:?}");
}

/// An RSA key and certificate under a root of its own, made by openssl; the service signs
/// with `openssl pkeyutl` (PKCS#1 v1.5 or PSS over the given hash).
struct OpensslCa {
    dir: tempfile::TempDir,
}

fn openssl(dir: &Path, args: &[&str]) {
    let out = Command::new("openssl")
        .current_dir(dir)
        .args(args)
        .output()
        .expect("openssl");
    assert!(
        out.status.success(),
        "openssl {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

impl OpensslCa {
    fn new() -> Option<OpensslCa> {
        let present = Command::new("openssl").arg("version").output().is_ok();
        if !common::require("openssl", present) {
            return None;
        }
        let dir = tempfile::tempdir().expect("dir");
        let d = dir.path();
        openssl(
            d,
            &[
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                "root.key",
                "-out",
                "root.pem",
                "-days",
                "30",
                "-subj",
                "/CN=Stand-in RSA Root/O=Stand-in QTSP",
                "-addext",
                "basicConstraints=critical,CA:TRUE",
                "-addext",
                "keyUsage=critical,keyCertSign,cRLSign",
            ],
        );
        openssl(
            d,
            &[
                "req",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                "leaf.key",
                "-out",
                "leaf.csr",
                "-subj",
                "/CN=Rita Sousa/O=Stand-in QTSP",
            ],
        );
        std::fs::write(
            d.join("leaf.ext"),
            "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\n",
        )
        .expect("ext");
        openssl(
            d,
            &[
                "x509",
                "-req",
                "-in",
                "leaf.csr",
                "-CA",
                "root.pem",
                "-CAkey",
                "root.key",
                "-CAcreateserial",
                "-out",
                "leaf.pem",
                "-days",
                "30",
                "-extfile",
                "leaf.ext",
            ],
        );
        for name in ["root", "leaf"] {
            openssl(
                d,
                &[
                    "x509",
                    "-in",
                    &format!("{name}.pem"),
                    "-outform",
                    "DER",
                    "-out",
                    &format!("{name}.der"),
                ],
            );
        }
        Some(OpensslCa { dir })
    }

    fn chain(&self) -> Vec<Vec<u8>> {
        ["leaf.der", "root.der"]
            .iter()
            .map(|n| std::fs::read(self.dir.path().join(n)).expect("der"))
            .collect()
    }

    fn root_pem(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("root.pem")).expect("pem")
    }

    /// Revokes the leaf (keyCompromise) in an `openssl ca` database and publishes its status
    /// as the QTSP would: a CRL and an OCSP response signed by the root's RSA key, with PSS or
    /// PKCS#1 v1.5 padding. Returns (CRL, OCSP response, the leaf's serial in hex), DER.
    fn revoke_leaf_and_publish(&self, pss: bool) -> (Vec<u8>, Vec<u8>, String) {
        let d = self.dir.path();
        let tag = if pss { "pss" } else { "pkcs1" };
        std::fs::write(
            d.join("ca.cnf"),
            "[ca]\ndefault_ca=d\n[d]\ndatabase=index.txt\ncrlnumber=crlnumber\ndefault_md=sha256\ndefault_crl_days=7\n",
        )
        .expect("cnf");
        if !d.join("index.txt").exists() {
            std::fs::write(d.join("index.txt"), "").expect("index");
            std::fs::write(d.join("crlnumber"), "01\n").expect("crlnumber");
            openssl(
                d,
                &[
                    "ca",
                    "-config",
                    "ca.cnf",
                    "-keyfile",
                    "root.key",
                    "-cert",
                    "root.pem",
                    "-revoke",
                    "leaf.pem",
                    "-crl_reason",
                    "keyCompromise",
                ],
            );
        }
        let padding: &[&str] = if pss {
            &["rsa_padding_mode:pss", "rsa_pss_saltlen:32"]
        } else {
            &["rsa_padding_mode:pkcs1"]
        };
        let crl_pem = format!("crl-{tag}.pem");
        let mut args = vec![
            "ca", "-config", "ca.cnf", "-keyfile", "root.key", "-cert", "root.pem", "-gencrl",
            "-out", &crl_pem,
        ];
        for p in padding {
            args.extend(["-sigopt", p]);
        }
        openssl(d, &args);
        let crl_der = format!("crl-{tag}.der");
        openssl(
            d,
            &["crl", "-in", &crl_pem, "-outform", "DER", "-out", &crl_der],
        );
        let resp = format!("ocsp-{tag}.der");
        let mut args = vec![
            "ocsp",
            "-index",
            "index.txt",
            "-rsigner",
            "root.pem",
            "-rkey",
            "root.key",
            "-CA",
            "root.pem",
            "-issuer",
            "root.pem",
            "-cert",
            "leaf.pem",
            "-respout",
            &resp,
            "-ndays",
            "7",
            "-resp_no_certs",
        ];
        for p in padding {
            args.extend(["-rsigopt", p]);
        }
        openssl(d, &args);
        let out = Command::new("openssl")
            .current_dir(d)
            .args(["x509", "-in", "leaf.pem", "-noout", "-serial"])
            .output()
            .expect("serial");
        let serial = String::from_utf8_lossy(&out.stdout)
            .trim()
            .trim_start_matches("serial=")
            .to_ascii_lowercase();
        (
            std::fs::read(d.join(&crl_der)).expect("crl"),
            std::fs::read(d.join(&resp)).expect("ocsp"),
            serial,
        )
    }

    fn sign(&self, hash: &[u8; 32], pss: bool) -> Vec<u8> {
        let d = self.dir.path();
        std::fs::write(d.join("hash.bin"), hash).expect("hash");
        let mut args = vec![
            "pkeyutl",
            "-sign",
            "-inkey",
            "leaf.key",
            "-in",
            "hash.bin",
            "-out",
            "sig.bin",
            "-pkeyopt",
            "digest:sha256",
        ];
        if pss {
            args.extend([
                "-pkeyopt",
                "rsa_padding_mode:pss",
                "-pkeyopt",
                "rsa_pss_saltlen:32",
            ]);
        } else {
            args.extend(["-pkeyopt", "rsa_padding_mode:pkcs1"]);
        }
        openssl(d, &args);
        std::fs::read(d.join("sig.bin")).expect("sig")
    }
}

#[test]
fn rsa_keys_sign_with_pkcs1_v15_or_pss_as_the_service_offers() {
    let Some(ca) = OpensslCa::new() else { return };
    let now = real_now();
    let signet = TrustStore::generate("Acme Onboarding", now).expect("signet");
    let chain = ca.chain();
    assert_eq!(
        RemoteAlgorithm::for_certificate(&chain[0], false).expect("alg"),
        RemoteAlgorithm::RsaPkcs1Sha256
    );
    assert_eq!(
        RemoteAlgorithm::for_certificate(&chain[0], true).expect("alg"),
        RemoteAlgorithm::RsaPssSha256
    );
    assert_eq!(
        RemoteAlgorithm::RsaPkcs1Sha256.oid(),
        "1.2.840.113549.1.1.11"
    );
    assert!(RemoteAlgorithm::RsaPssSha256.params_der().is_some());
    let input = common::make_pdf(1, false, 5_000);
    let one = remote_sign(
        &input,
        &chain,
        RemoteAlgorithm::RsaPkcs1Sha256,
        &signet,
        "Rita Sousa",
        now,
        |h| ca.sign(h, false),
    )
    .expect("pkcs1");
    let two = remote_sign(
        &one,
        &chain,
        RemoteAlgorithm::RsaPssSha256,
        &signet,
        "Rita Sousa",
        now,
        |h| ca.sign(h, true),
    )
    .expect("pss");
    // A PKCS#1 value offered as PSS (and the reverse) does not verify.
    for (alg, pss) in [
        (RemoteAlgorithm::RsaPssSha256, false),
        (RemoteAlgorithm::RsaPkcs1Sha256, true),
    ] {
        let err = remote_sign(&input, &chain, alg, &signet, "Rita", now, |h| {
            ca.sign(h, pss)
        })
        .expect_err("wrong padding");
        assert_eq!(err.status_code(), 6005);
    }
    let closed = timestamp_pdf(&two, &signet, now).expect("document timestamp");
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("rsa.pdf");
    std::fs::write(&file, &closed).expect("write");
    pyhanko_accepts(dir.path(), &[signet.root_pem(), ca.root_pem()], &file, 2);
}

/// A QTSP's RSA signatures, PKCS#1 v1.5 and PSS, pass Signet's own validator as they pass
/// pyHanko: a qualified signature made with an RSA key is judged, not set aside as an
/// unsupported algorithm.
#[test]
fn signet_verify_accepts_a_remote_services_rsa_signatures_pkcs1_and_pss() {
    let Some(ca) = OpensslCa::new() else { return };
    let now = real_now();
    let signet = TrustStore::generate("Acme Onboarding", now).expect("signet");
    let chain = ca.chain();
    let input = common::make_pdf(1, false, 5_000);
    let mut pdf = input;
    for (alg, pss) in [
        (RemoteAlgorithm::RsaPkcs1Sha256, false),
        (RemoteAlgorithm::RsaPssSha256, true),
    ] {
        pdf = remote_sign(&pdf, &chain, alg, &signet, "Rita Sousa", now, |h| {
            ca.sign(h, pss)
        })
        .expect("remote signature");
    }
    let report = verify_pdf_with(
        &pdf,
        &[signet.root_pem(), ca.root_pem()],
        &VerifyOptions::default(),
    )
    .expect("verify");
    assert_eq!(report.signatures.len(), 2, "{report:?}");
    for sig in &report.signatures {
        assert_eq!(sig.indication, Indication::TotalPassed, "{sig:?}");
    }
}

/// A QTSP's revocation data is read whatever RSA padding its CA signs with: a CRL and an OCSP
/// response made by `openssl ca` and `openssl ocsp` with the root's RSA key, PKCS#1 v1.5 and
/// PSS, name the revoked leaf; the same bytes with one bit of the signature changed, or
/// checked against another issuer, are refused.
#[test]
fn an_rsa_cas_crl_and_ocsp_response_are_read_with_pkcs1_or_pss() {
    use signet_pdf::revocation::{CertStatus, RevocationReason, read_crl, read_ocsp_response};
    let Some(ca) = OpensslCa::new() else { return };
    let root = ca.chain().pop().expect("root");
    let other = OpensslCa::new()
        .expect("second CA")
        .chain()
        .pop()
        .expect("root");
    for pss in [false, true] {
        let (crl, ocsp, serial) = ca.revoke_leaf_and_publish(pss);
        // The same number: a DER integer whose top bit is set carries a leading zero byte,
        // which `openssl x509 -serial` does not print.
        let number = |hex: &str| hex.trim_start_matches("00").to_owned();
        let serial = number(&serial);
        let info = read_crl(&crl, &root).unwrap_or_else(|e| panic!("crl (pss {pss}): {e}"));
        assert_eq!(info.revoked.len(), 1, "{info:?}");
        assert_eq!(number(&hex::encode(&info.revoked[0].serial)), serial);
        assert_eq!(info.revoked[0].reason, RevocationReason::KeyCompromise);
        let answer =
            read_ocsp_response(&ocsp, &root).unwrap_or_else(|e| panic!("ocsp (pss {pss}): {e}"));
        assert_eq!(answer.statuses.len(), 1, "{answer:?}");
        assert_eq!(number(&answer.statuses[0].0), serial);
        assert!(
            matches!(
                answer.statuses[0].1,
                CertStatus::Revoked {
                    reason: RevocationReason::KeyCompromise,
                    ..
                }
            ),
            "{answer:?}"
        );
        // The signature is the last bytes of both structures (the response carries no
        // certificates).
        for (name, der) in [("crl", &crl), ("ocsp", &ocsp)] {
            let mut bad = der.clone();
            let last = bad.len() - 1;
            bad[last] ^= 1;
            let refused = if name == "crl" {
                read_crl(&bad, &root).is_err()
            } else {
                read_ocsp_response(&bad, &root).is_err()
            };
            assert!(refused, "{name} with a changed signature (pss {pss})");
        }
        assert!(read_crl(&crl, &other).is_err());
        assert!(read_ocsp_response(&ocsp, &other).is_err());
    }
}
