#![allow(clippy::unwrap_used, clippy::disallowed_methods)]
//! The server's logs hold no personal data: after a whole identification and an advanced
//! signature in live mode, with every target logging at debug level, no name, email address,
//! phone number, document number, one-time code, link token or API key appears in them.
//!
//! The lines are those of the test binary's capturing subscriber (`helpers::captured_logs`,
//! also used by `api::secrets`) logged while the flow ran. Other tests' servers log into the
//! same window; none of them uses this test's values, and a leak they show is a leak too.

use crate::helpers::{self, TestApp, spawn_app_with};
use crate::live_otp::{SMS_ACCEPT, SMS_INVALID_NUMBER, Twilio, recent_proof, six_digit_runs};
use axum::http::Method;
use base64::Engine;
use serde_json::{Value, json};
use signet_core::identification::ImageSlot;

const FIRST: &str = "Zofia";
const LAST: &str = "Quarrington";
const EMAIL: &str = "zofia.quarrington@example.org";
/// The number the applicant confirms, and the one the provider refuses.
const PHONE: &str = "+4915198765432";
const REFUSED: &str = "+4915187654321";
const DOCUMENT_NUMBER: &str = "L898902C3";

struct Flow {
    app: TestApp,
    key: String,
}

impl Flow {
    async fn send(&self, method: Method, path: &str, body: Option<Value>) -> helpers::Reply {
        self.app
            .send(
                method,
                path,
                Some(&self.key),
                body.map(|b| b.to_string().into_bytes()),
                Some("application/json"),
                &[],
            )
            .await
    }

    /// A form posted to the applicant's page (no API key, as a browser would).
    async fn form(&self, path: &str, fields: &[(&str, &str)]) -> u16 {
        let r = self
            .app
            .client
            .post(self.app.url(path))
            .form(fields)
            .send()
            .await
            .unwrap();
        r.status().as_u16()
    }

    async fn upload(&self, path: &str, slot: ImageSlot) -> u16 {
        let part = reqwest::multipart::Part::bytes(helpers::id_photo()).file_name("photo.png");
        let r = self
            .app
            .client
            .post(self.app.url(&format!("{path}/images/{}", slot.as_str())))
            .multipart(reqwest::multipart::Form::new().part("image", part))
            .send()
            .await
            .unwrap();
        r.status().as_u16()
    }

    async fn page(&self, path: &str) -> u16 {
        let r = self
            .app
            .client
            .get(self.app.url(path))
            .send()
            .await
            .unwrap();
        r.status().as_u16()
    }
}

/// Every secret the flow handled, by what it is.
struct Secrets(Vec<(&'static str, String)>);

#[tokio::test]
async fn a_live_identification_and_signature_leave_no_personal_data_in_debug_logs() {
    let Some(logs) = helpers::captured_logs() else {
        assert!(
            std::env::var_os("SIGNET_TEST_LOG").is_some(),
            "another log subscriber is installed"
        );
        eprintln!("skipping the log test: SIGNET_TEST_LOG installed its own subscriber");
        return;
    };
    let from = logs.len();
    let secrets = run_flow().await;
    let logs = logs.since(from);
    if let Some(path) = std::env::var_os("SIGNET_TEST_LOG_DUMP") {
        std::fs::write(path, &logs).unwrap();
    }

    // The capture works: the flow's requests and SQL were logged at debug level.
    assert!(
        logs.lines().count() > 100 && logs.contains("DEBUG"),
        "too little was logged to judge: {logs}"
    );
    let found: Vec<String> = secrets
        .0
        .iter()
        .filter(|(_, value)| logs.contains(value.as_str()))
        .map(|(what, value)| {
            let line = logs
                .lines()
                .find(|l| l.contains(value.as_str()))
                .unwrap_or("");
            format!("{what} {value:?} in: {line}")
        })
        .collect();
    assert!(
        found.is_empty(),
        "personal data in the logs:\n{}",
        found.join("\n")
    );
}

async fn run_flow() -> Secrets {
    let twilio = Twilio::start(SMS_ACCEPT).await;
    let app = spawn_app_with(|c| twilio.configure(c)).await;
    let tenant = app.state.store.tenant_by_name("default").await.unwrap();
    let key = signet_server::auth::issue_key(
        &app.state.store,
        &tenant.id,
        signet_store::Mode::Live,
        app.state.wall_now(),
    )
    .await
    .unwrap();
    let flow = Flow { app, key };
    let mut secrets = vec![
        ("first name", FIRST.to_owned()),
        ("last name", LAST.to_owned()),
        ("last name", LAST.to_uppercase()),
        ("email", EMAIL.to_owned()),
        ("phone", PHONE.to_owned()),
        ("phone", PHONE.trim_start_matches('+').to_owned()),
        ("phone", REFUSED.to_owned()),
        ("document number", DOCUMENT_NUMBER.to_owned()),
        ("API key", flow.key.clone()),
    ];

    // The identification, the applicant's part on the hosted page over HTTP.
    let p = flow
        .send(
            Method::POST,
            "/v1/persons",
            Some(
                json!({"first_name": FIRST, "last_name": LAST, "email": EMAIL,
                "birth_date": "1974-08-12", "nationality": "SE"}),
            ),
        )
        .await;
    let pid = p.assert(201)["id"].as_str().unwrap().to_owned();
    let i = flow
        .send(
            Method::POST,
            &format!("/v1/persons/{pid}/identifications"),
            Some(json!({"method": "document",
                "proof_of_address_type": "GAS_BILL", "proof_of_address_issued_at": recent_proof()})),
        )
        .await;
    let iid = i.assert(201)["id"].as_str().unwrap().to_owned();
    let r = flow
        .send(
            Method::PATCH,
            &format!("/v1/persons/{pid}/identifications/{iid}/request"),
            None,
        )
        .await;
    let url = r.assert(200)["url"].as_str().unwrap().to_owned();
    let token = url.rsplit('/').next().unwrap().to_owned();
    secrets.push(("identification link token", token.clone()));
    let path = url[url.find("/identify/").unwrap()..].to_owned();
    assert_eq!(flow.page(&path).await, 200);
    let consent = [("terms", "on"), ("data", "on")];
    assert_eq!(flow.form(&format!("{path}/consent"), &consent).await, 303);
    let passport = [("document_type", "PASSPORT")];
    assert_eq!(flow.form(&format!("{path}/document"), &passport).await, 303);
    assert_eq!(flow.upload(&path, ImageSlot::Front).await, 303);
    assert_eq!(flow.upload(&path, ImageSlot::Selfie).await, 303);
    let mrz = helpers::td3(
        &LAST.to_uppercase(),
        &FIRST.to_uppercase(),
        "740812",
        "341231",
    );
    assert_eq!(
        flow.form(&format!("{path}/mrz"), &[("mrz", &mrz)]).await,
        303
    );
    // A number the provider refuses: its answer names the number.
    twilio.set(SMS_INVALID_NUMBER);
    let refused = flow
        .form(&format!("{path}/phone"), &[("mobile_number", REFUSED)])
        .await;
    assert_eq!(refused, 422);
    twilio.set(SMS_ACCEPT);
    let phone = [("mobile_number", PHONE)];
    assert_eq!(flow.form(&format!("{path}/phone"), &phone).await, 303);
    let code = six_digit_runs(&twilio.seen().last().unwrap()["Body"])
        .pop()
        .unwrap();
    secrets.push(("identification code", code.clone()));
    let wrong = if code == "000000" { "000001" } else { "000000" };
    let entered = flow
        .form(&format!("{path}/phone/code"), &[("code", wrong)])
        .await;
    assert_eq!(entered, 422);
    let entered = flow
        .form(&format!("{path}/phone/code"), &[("code", &code)])
        .await;
    assert_eq!(entered, 303);
    assert_eq!(flow.form(&format!("{path}/submit"), &[]).await, 303);
    signet_app::identifications::review(
        &flow.app.state,
        &signet_core::ids::IdentificationId::parse(&iid).unwrap(),
        true,
        None,
        None,
        "operator:reviewer@signet.example",
    )
    .await
    .unwrap();

    // An advanced signature by the identified person, the page opened by its link.
    let body = json!({
        "name": "Lease", "signature_level": "advanced",
        "file": base64::engine::general_purpose::STANDARD.encode(helpers::sample_pdf("Lease")),
        "signers": [{"name": format!("{FIRST} {LAST}"), "email": EMAIL, "person_id": pid}],
    });
    let doc = flow
        .send(Method::POST, "/v1/documents", Some(body))
        .await
        .assert(201)
        .clone();
    let did = doc["id"].as_str().unwrap().to_owned();
    let sid = doc["signers"][0]["id"].as_str().unwrap().to_owned();
    let link = doc["signers"][0]["url"].as_str().unwrap().to_owned();
    secrets.push((
        "signing link token",
        link.rsplit('/').next().unwrap().to_owned(),
    ));
    let link_path = &link[link.find("/sign/").unwrap()..];
    assert_eq!(flow.page(link_path).await, 200);
    let signer = |action: &str| format!("/v1/documents/{did}/signers/{sid}/{action}");
    flow.send(Method::POST, &signer("approve"), Some(json!({})))
        .await
        .assert(200);
    let code = six_digit_runs(&twilio.seen().last().unwrap()["Body"])
        .pop()
        .unwrap();
    secrets.push(("signing code", code.clone()));
    let signed = flow
        .send(Method::POST, &signer("confirm"), Some(json!({"otp": code})))
        .await;
    assert_eq!(signed.assert(200)["status"], "signed");
    Secrets(secrets)
}
