//! Seed 000's 4145 from real geolocation: with `geoip_database` (a MaxMind-format file the
//! test writes) and `prohibited_countries`, an advanced signer whose hosted page is opened
//! from a prohibited country is `kyc_required` with 4145 and cannot approve; opened again
//! from elsewhere, they go on (the seed's "retry from a non-prohibited country").

use super::documents::send;
use crate::helpers::{TestApp, signer_path, spawn_app_with};
use crate::mmdb::country_database;
use serde_json::{Value, json};
use std::net::Ipv4Addr;

/// An address in the test database's KP network, and one in its DE network.
const FROM_KP: &str = "175.45.176.20";
const FROM_DE: &str = "198.51.100.20";

async fn app_with_geoip(dir: &std::path::Path) -> TestApp {
    let db = dir.join("countries.mmdb");
    std::fs::write(
        &db,
        country_database(&[
            (Ipv4Addr::new(175, 45, 176, 0), 22, "KP"),
            (Ipv4Addr::new(198, 51, 100, 0), 24, "DE"),
        ]),
    )
    .unwrap();
    spawn_app_with(move |c| {
        c.geoip_database = Some(db);
        c.prohibited_countries = vec!["KP".into(), "ir".into()];
        // The test client is the proxy: the signer's address is X-Forwarded-For's.
        c.trusted_proxies = vec!["127.0.0.1".parse().unwrap()];
    })
    .await
}

/// Opens the signer's hosted page as a browser at `from` would.
async fn open_page(app: &TestApp, doc: &Value, from: &str) -> u16 {
    let url = doc["signers"][0]["url"].as_str().unwrap();
    let path = &url[url.find("/sign/").unwrap()..];
    app.client
        .get(app.url(path))
        .header("x-forwarded-for", from)
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

async fn signer(app: &TestApp, doc: &Value) -> Value {
    app.get(signer_path(doc, 0, "").trim_end_matches('/'))
        .await
        .assert(200)
        .clone()
}

#[tokio::test]
async fn a_signer_opening_their_page_from_a_prohibited_country_is_held_with_4145_until_they_come_from_elsewhere()
 {
    let dir = tempfile::tempdir().unwrap();
    let app = app_with_geoip(dir.path()).await;
    let (pid, _) = app.requested("X-AUTOTEST-HAPPYPATH", "Tester").await;
    app.advance(121).await;
    let doc = send(
        &app,
        json!({"signature_level": "advanced", "signers": [
            {"name": "Happy", "email": "h@example.com", "person_id": pid},
        ]}),
    )
    .await;
    assert_eq!(doc["signers"][0]["status"], "user_consent_required");

    assert_eq!(open_page(&app, &doc, FROM_KP).await, 200);
    let held = signer(&app, &doc).await;
    assert_eq!(held["status"], "kyc_required", "{held}");
    assert_eq!(held["status_codes"], json!([4145]));
    app.post(&signer_path(&doc, 0, "approve"), json!({}))
        .await
        .assert_error(422, "invalid_transition");

    // Back from Germany: the hold is lifted and the signer approves.
    assert_eq!(open_page(&app, &doc, FROM_DE).await, 200);
    assert_eq!(signer(&app, &doc).await["status"], "user_consent_required");
    app.post(&signer_path(&doc, 0, "approve"), json!({}))
        .await
        .assert(200);

    // An address the database does not place holds nobody; nor does the integrator's own
    // request (the API knows no signer's address).
    assert_eq!(open_page(&app, &doc, "203.0.113.9").await, 200);
    assert_eq!(signer(&app, &doc).await["status"], "confirmation_required");

    let audit = app
        .get(&format!(
            "/v1/documents/{}/audit",
            doc["id"].as_str().unwrap()
        ))
        .await;
    let entries = audit.assert(200)["entries"].as_array().unwrap().clone();
    assert!(
        entries
            .iter()
            .any(|e| e["action"] == "signer.viewed" && e["details"]["country"] == "KP"),
        "the session's country is in the audit trail"
    );
}

#[tokio::test]
async fn a_simple_signature_does_not_ask_where_the_signer_is() {
    let dir = tempfile::tempdir().unwrap();
    let app = app_with_geoip(dir.path()).await;
    let doc = send(
        &app,
        json!({"signers": [{"name": "Ana", "email": "ana@example.com"}]}),
    )
    .await;
    assert_eq!(open_page(&app, &doc, FROM_KP).await, 200);
    assert_eq!(signer(&app, &doc).await["status"], "user_consent_required");
}

#[test]
fn prohibited_countries_need_a_country_database() {
    let config = signet_server::config::Config {
        prohibited_countries: vec!["KP".into()],
        ..Default::default()
    };
    let e = config.validate().unwrap_err();
    assert!(e.to_string().contains("geoip_database"), "{e}");
}
