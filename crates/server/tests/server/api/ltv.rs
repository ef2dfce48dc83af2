//! Long-term signatures end to end: each signature gets its validation data (DSS) right after
//! it is made, the closing document timestamp makes the file B-LTA, and the archive
//! timestamp job, played by advancing the sandbox clock, adds fresh data and a new document
//! timestamp before the last timestamp's certificate expires. pyHanko's PAdES-LTA validation
//! judges the files from the embedded data alone (fetching disabled, revocation required);
//! `/v1/verify` reports PAdES-B-LTA; a signer certificate revoked through the revocation path
//! is reported revoked by OCSP, the CRL and pyHanko once the archive refresh recorded it.

use crate::helpers::{TestApp, spawn_app_with, spawn_app_with_clock, test_python, tools_required};
use reqwest::Method;
use serde_json::{Value, json};
use signet_pdf::revocation::{
    CertStatus, RevocationReason, ocsp_request, ocsp_request_for_serial, read_crl,
    read_ocsp_response,
};
use signet_store::Mode;
use std::path::PathBuf;

/// A margin that puts the archive timestamp within a year of now: the test authority's
/// certificate is valid five years.
const MARGIN_DAYS: u32 = 5 * 365 - 300;

async fn app() -> TestApp {
    spawn_app_with(|c| c.archive_timestamp_margin_days = MARGIN_DAYS).await
}

/// A finished advanced document with two identified signers.
async fn finished(app: &TestApp) -> Value {
    let (pid, _) = app.requested("X-AUTOTEST-HAPPYPATH", "Tester").await;
    let (other, _) = app.requested("X-AUTOTEST-HAPPYPATH", "Okafor").await;
    app.advance(121).await;
    let doc = crate::api::documents::send(
        app,
        json!({"signature_level": "advanced", "signers": [
            {"name": "Happy", "email": "h@example.com", "person_id": pid},
            {"name": "Ben Okafor", "email": "ben@example.com", "person_id": other},
        ]}),
    )
    .await;
    crate::api::documents::sign(app, &doc, 0).await;
    crate::api::documents::sign(app, &doc, 1).await;
    let d = doc["id"].as_str().unwrap();
    let now = app
        .get(&format!("/v1/documents/{d}"))
        .await
        .assert(200)
        .clone();
    assert_eq!(now["status"], "finished", "{now}");
    now
}

async fn file(app: &TestApp, doc: &Value) -> Vec<u8> {
    let d = doc["id"].as_str().unwrap();
    let f = app.get(&format!("/v1/documents/{d}/file")).await;
    assert_eq!(f.status, 200);
    f.bytes
}

async fn verify(app: &TestApp, pdf: Vec<u8>) -> Value {
    app.send(
        Method::POST,
        "/v1/verify?anchor=test",
        Some(&app.key),
        Some(pdf),
        Some("application/pdf"),
        &[],
    )
    .await
    .assert(200)
    .clone()
}

/// pyHanko's LTA validation and its revocation-required validation now, offline; `None`
/// when pyHanko is missing (a failure where tools are required).
fn pyhanko(app: &TestApp, pdf: &[u8]) -> Option<Vec<Value>> {
    pyhanko_at(app, pdf, None)
}

/// [`pyhanko`] with the LTA validation at `at` instead of now.
fn pyhanko_at(
    app: &TestApp,
    pdf: &[u8],
    at: Option<chrono::DateTime<chrono::Utc>>,
) -> Option<Vec<Value>> {
    let python = test_python();
    let present = std::process::Command::new(&python)
        .args(["-c", "import pyhanko"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !present {
        assert!(!tools_required(), "pyHanko is required ({python:?})");
        eprintln!("notice: pyHanko not found, skipping the LTV validation");
        return None;
    }
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("root.pem");
    std::fs::write(&root, app.state.trust.ca(Mode::Test).root_pem()).unwrap();
    let pdf_path = dir.path().join("doc.pdf");
    std::fs::write(&pdf_path, pdf).unwrap();
    let script =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../pdf/tests/validate_pyhanko_ltv.py");
    let mut cmd = std::process::Command::new(&python);
    cmd.arg(script).arg(&root).arg(&pdf_path);
    if let Some(at) = at {
        cmd.arg(at.to_rfc3339());
    }
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    eprintln!("{text}");
    Some(
        text.lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect(),
    )
}

fn assert_lta_passes(results: &[Value], signatures: usize) {
    let lta: Vec<&Value> = results.iter().filter(|v| v.get("mode").is_none()).collect();
    assert_eq!(lta.len(), signatures, "{results:?}");
    for v in lta {
        assert_eq!(v["indication"], "PASSED", "{v}");
        assert!(
            v["summary"]
                .as_str()
                .is_some_and(|s| s.contains("ACCEPTABLE_MODIFICATIONS")),
            "every later revision is an allowed one: {v}"
        );
    }
    for v in results.iter().filter(|v| v.get("mode").is_some()) {
        assert_eq!(v["valid"], true, "{v}");
        assert_eq!(v["trusted"], true, "{v}");
        assert_eq!(v["revoked"], false, "{v}");
        assert_eq!(v["certificate_revoked"], false, "{v}");
    }
}

fn levels(report: &Value) -> Vec<String> {
    report["signatures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["detected_level"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn a_finished_file_is_b_lta_and_pyhanko_validates_it_offline() {
    let app = app().await;
    let doc = finished(&app).await;
    let pdf = file(&app, &doc).await;
    let dss = signet_pdf::ltv::read_dss(&pdf).unwrap().expect("a DSS");
    assert_eq!(dss.vri.len(), 2, "one VRI entry per signature");
    assert!(!dss.data.ocsps.is_empty() && !dss.data.crls.is_empty());

    let report = verify(&app, pdf.clone()).await;
    assert_eq!(
        levels(&report),
        ["PAdES-B-LTA", "PAdES-B-LTA", "document-timestamp"],
        "{report}"
    );
    for s in report["signatures"].as_array().unwrap() {
        assert_eq!(s["indication"], "TOTAL-PASSED", "{report}");
    }
    assert_eq!(report["produced_by_signet"], true, "{report}");
    if let Some(r) = pyhanko(&app, &pdf) {
        assert_lta_passes(&r, 2);
    }
}

#[tokio::test]
async fn a_half_signed_file_is_already_b_lt() {
    let app = app().await;
    let doc = crate::api::documents::send(&app, json!({})).await;
    crate::api::documents::sign(&app, &doc, 0).await;
    let pdf = file(&app, &doc).await;
    let report = verify(&app, pdf.clone()).await;
    assert_eq!(levels(&report), ["PAdES-B-LT"], "{report}");
    if let Some(r) = pyhanko(&app, &pdf) {
        let hard: Vec<&Value> = r.iter().filter(|v| v.get("mode").is_some()).collect();
        assert_eq!(hard.len(), 1, "{r:?}");
        assert_eq!(hard[0]["valid"], true, "{r:?}");
        assert_eq!(hard[0]["trusted"], true, "{r:?}");
    }
}

#[tokio::test]
async fn the_archive_timestamp_job_adds_fresh_data_and_a_new_document_timestamp_before_expiry() {
    let app = app().await;
    let doc = finished(&app).await;
    let before = file(&app, &doc).await;
    let d = doc["id"].as_str().unwrap();

    // Not due yet: a month on, nothing changes.
    app.advance(30 * 24 * 3600).await;
    assert_eq!(file(&app, &doc).await, before);

    // Past the margin before the timestamp authority's certificate expires: the job ran.
    app.advance(300 * 24 * 3600).await;
    let after = file(&app, &doc).await;
    assert!(
        after.len() > before.len() && after.starts_with(&before),
        "an incremental update"
    );
    let now = app
        .get(&format!("/v1/documents/{d}"))
        .await
        .assert(200)
        .clone();
    assert_ne!(now["current_sha256"], doc["current_sha256"]);
    let report = verify(&app, after.clone()).await;
    assert_eq!(
        levels(&report),
        [
            "PAdES-B-LTA",
            "PAdES-B-LTA",
            "document-timestamp",
            "document-timestamp"
        ],
        "{report}"
    );
    for s in report["signatures"].as_array().unwrap() {
        assert_eq!(s["indication"], "TOTAL-PASSED", "{report}");
    }
    if let Some(r) = pyhanko(&app, &after) {
        assert_lta_passes(&r, 2);
    }
    // The trail records the new revision, and its chain still verifies.
    let audit = app
        .get(&format!("/v1/documents/{d}/audit"))
        .await
        .assert(200)
        .clone();
    assert_eq!(audit["chain_valid"], true, "{audit}");
    let last = audit["entries"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["action"], "document.archive_timestamped", "{last}");
    assert_eq!(last["actor"], "system", "{last}");
    assert_eq!(last["document_sha256"], now["current_sha256"], "{last}");

    // It armed itself again: the same authority certificate, so a day later at the earliest.
    app.advance(2 * 24 * 3600).await;
    let again = file(&app, &doc).await;
    assert!(again.len() > after.len() && again.starts_with(&after));
}

#[tokio::test]
async fn a_revoked_signer_certificate_is_reported_revoked_by_ocsp_the_crl_and_pyhanko() {
    let app = app().await;
    let doc = finished(&app).await;
    let sid = doc["signers"][0]["id"].as_str().unwrap();
    let mut tx = app.state.store.begin().await.unwrap();
    let certs = app
        .state
        .store
        .certificates_of_signer(&mut tx, sid)
        .await
        .unwrap();
    let revoked = signet_app::revocation::revoke_signer(
        &app.state,
        &mut tx,
        sid,
        RevocationReason::PrivilegeWithdrawn,
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    assert_eq!(revoked.len(), 1);
    let serial = hex::decode(&certs[0].serial).unwrap();
    let issuer = app.state.trust.ca(Mode::Test).issuing_der();

    // The responder and the CRL, over HTTP.
    let req = ocsp_request_for_serial(&issuer, &serial, None).unwrap();
    let resp = app
        .client
        .post(app.url("/v1/trust/ocsp"))
        .header("content-type", "application/ocsp-request")
        .body(req)
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    let answer = read_ocsp_response(&resp, &issuer).unwrap();
    assert!(matches!(answer.statuses[0].1, CertStatus::Revoked { .. }));
    let crl = app
        .client
        .get(app.url("/v1/trust/crl/test-issuing.crl"))
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    let info = read_crl(&crl, &issuer).unwrap();
    assert!(info.revoked.iter().any(|r| r.serial == serial));

    // The archive refresh records the revocation in the file; pyHanko, offline, reports the
    // certificate revoked, and not the other signer's. The signature itself, made and
    // timestamped before the revocation, stays valid (ETSI EN 319 102-1: a revocation after
    // the signature's proof of existence does not undo it).
    // OCSP times have whole seconds: the refresh's answer must be later than the signing
    // time's, as it is outside a test, for a validator to take it as the newer one.
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    app.advance(330 * 24 * 3600).await;
    let pdf = file(&app, &doc).await;
    let Some(r) = pyhanko(&app, &pdf) else {
        return;
    };
    let hard: Vec<&Value> = r.iter().filter(|v| v.get("mode").is_some()).collect();
    assert_eq!(hard.len(), 2, "{r:?}");
    assert_eq!(hard[0]["certificate_revoked"], true, "{r:?}");
    assert_eq!(hard[1]["certificate_revoked"], false, "{r:?}");
    for v in r.iter().filter(|v| v.get("mode").is_none()) {
        assert!(
            v["summary"]
                .as_str()
                .is_some_and(|s| s.contains("ACCEPTABLE_MODIFICATIONS")),
            "{v}"
        );
    }
}

/// The wall clock moved by hand: what the certificates, OCSP answers and timestamps of the
/// server are made at.
struct MovedClock(std::sync::atomic::AtomicI64);

impl signet_server::state::WallClock for MovedClock {
    fn now(&self) -> chrono::DateTime<chrono::Utc> {
        let offset = self.0.load(std::sync::atomic::Ordering::SeqCst);
        signet_server::state::SystemClock.now() + chrono::Duration::milliseconds(offset)
    }
}

/// The certificates of a file's newest document timestamp and its authority's end.
fn newest_timestamp_authority(pdf: &[u8]) -> (Vec<Vec<u8>>, chrono::DateTime<chrono::Utc>) {
    let material = signet_pdf::ltv::signature_material(pdf).unwrap();
    let end = signet_pdf::ltv::last_timestamp_expiry(pdf)
        .unwrap()
        .unwrap();
    (material.last().unwrap().certs.clone(), end)
}

/// Years on, the server has renewed its timestamp authority before the old certificate
/// ended, and the archive timestamp it adds then is the new authority's: the file's proof
/// now runs to the new certificate's end, and validators accept it then.
#[tokio::test]
async fn years_on_the_archive_timestamp_comes_from_the_renewed_authority() {
    use signet_server::state::WallClock;
    let clock = std::sync::Arc::new(MovedClock(Default::default()));
    let app = spawn_app_with_clock(clock.clone(), |_| {}).await;
    let doc = finished(&app).await;
    let before = file(&app, &doc).await;
    let (old_certs, old_end) = newest_timestamp_authority(&before);
    let own_before = app.state.trust.ca(Mode::Test).own_serials();

    // Four years and ten months on: within a year of the authority's end and past the
    // default 90-day margin. The tenant's clock runs from the wall clock; advancing it by a
    // second runs what fell due.
    let years = chrono::Duration::days(4 * 365 + 300);
    clock.0.store(
        years.num_milliseconds(),
        std::sync::atomic::Ordering::SeqCst,
    );
    app.advance(1).await;
    let after = file(&app, &doc).await;
    assert!(
        after.len() > before.len() && after.starts_with(&before),
        "an incremental update"
    );
    let (new_certs, new_end) = newest_timestamp_authority(&after);
    assert_ne!(new_certs, old_certs, "a renewed authority certificate");
    assert!(
        new_end > old_end + chrono::Duration::days(3 * 365),
        "{new_end} {old_end}"
    );
    // The old certificates are still answered good, beside the new ones.
    let own_after = app.state.trust.ca(Mode::Test).own_serials();
    assert!(own_before.iter().all(|s| own_after.contains(s)));
    assert!(own_after.len() >= own_before.len() + 2, "{own_after:?}");

    // The issuing CA rolled over (six years before its end): the new one's lists are served
    // under its own names, the first one's still under theirs, each signed by its CA.
    let ca = app.state.trust.ca(Mode::Test);
    assert_eq!(ca.issuing_generation(), 2);
    let first_issuing = old_certs
        .iter()
        .find(|c| {
            signet_pdf::ltv::find_issuer(c, &ca.ca_certs_der()) == Some(ca.root_der().as_slice())
        })
        .expect("the first issuing CA is in the old timestamp's chain")
        .clone();
    let get = |name: &str| app.client.get(app.url(&format!("/v1/trust/crl/{name}")));
    for (name, issuer) in [
        ("test-issuing.crl", first_issuing.clone()),
        ("test-issuing-2.crl", ca.issuing_der()),
        ("test-root.crl", ca.root_der()),
        ("test-root-2.crl", ca.root_der()),
    ] {
        let resp = get(name).send().await.unwrap();
        assert_eq!(resp.status(), 200, "{name}");
        let der = resp.bytes().await.unwrap();
        read_crl(&der, &issuer).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    for name in [
        "test-issuing-3.crl",
        "test-issuing-1.crl",
        "test-root-02.crl",
    ] {
        assert_eq!(get(name).send().await.unwrap().status(), 404, "{name}");
    }
    // A certificate of the first CA is answered by that CA's responder.
    let first_tsa = &old_certs[0];
    let req = ocsp_request(first_tsa, &first_issuing, None).unwrap();
    let resp = app
        .client
        .post(app.url("/v1/trust/ocsp"))
        .header("content-type", "application/ocsp-request")
        .body(req)
        .send()
        .await
        .unwrap();
    let answer = read_ocsp_response(&resp.bytes().await.unwrap(), &first_issuing).unwrap();
    assert_eq!(answer.statuses[0].1, CertStatus::Good);

    let report = verify(&app, after.clone()).await;
    for s in report["signatures"].as_array().unwrap() {
        assert_eq!(s["indication"], "TOTAL-PASSED", "{report}");
    }
    let now = clock.now();
    if let Some(r) = pyhanko_at(&app, &after, Some(now + chrono::Duration::minutes(10))) {
        let signed_day = doc["created_at"].as_str().unwrap()[..10].to_owned();
        for v in r.iter().filter(|v| v.get("mode").is_none()) {
            assert_eq!(v["indication"], "PASSED", "{v}");
            let oldest = v["oldest_evidence_record"].as_str().unwrap_or_default();
            assert!(oldest.starts_with(&signed_day), "{v}");
        }
    }
}
