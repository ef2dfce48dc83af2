//! The compliance flag (`POST /v1/persons/{id}/compliance_flag`): a flagged person's advanced
//! signers at work are held at `kyc_required` with seed 000's 1035, which is final; once the
//! flag is cleared a new workflow goes ahead. Simple signatures do not ask for eligibility.

use super::documents::{send, sign};
use crate::helpers::{TestApp, spawn_app};
use serde_json::{Value, json};

fn flag_path(pid: &str) -> String {
    format!("/v1/persons/{pid}/compliance_flag")
}

async fn signer(app: &TestApp, doc: &Value, i: usize) -> Value {
    app.get(&format!(
        "/v1/documents/{}/signers/{}",
        doc["id"].as_str().unwrap(),
        doc["signers"][i]["id"].as_str().unwrap()
    ))
    .await
    .assert(200)
    .clone()
}

/// The outbox's events of one type for this app's default tenant in test mode, oldest first.
async fn events(app: &TestApp, event_type: &str) -> Vec<Value> {
    let tenant = app
        .state
        .store
        .tenant_by_name("default")
        .await
        .expect("tenant");
    app.state
        .store
        .events_after(&tenant.id, signet_store::Mode::Test, 0, 10_000)
        .await
        .expect("events")
        .into_iter()
        .filter(|e| e.event_type == event_type)
        .map(|e| e.data)
        .collect()
}

/// A person with a successful identification, ready for an advanced signature.
async fn identified_person(app: &TestApp) -> String {
    let (pid, _) = app.requested("X-AUTOTEST-HAPPYPATH", "Tester").await;
    app.advance(121).await;
    pid
}

#[tokio::test]
async fn a_flagged_persons_advanced_signers_are_held_with_1035_and_a_cleared_person_signs_again() {
    let app = spawn_app().await;
    let pid = identified_person(&app).await;
    let person_signer = || json!({"name": "Happy", "email": "h@example.com", "person_id": pid});
    let advanced = send(
        &app,
        json!({"signature_level": "advanced", "signers": [person_signer()]}),
    )
    .await;
    assert_eq!(advanced["signers"][0]["status"], "user_consent_required");
    let simple = send(&app, json!({"signers": [person_signer()]})).await;
    assert_eq!(simple["signers"][0]["status"], "user_consent_required");
    let sid = advanced["signers"][0]["id"].as_str().unwrap().to_owned();
    let updates_before = events(&app, "person.updated").await.len();

    let flagged = app
        .post(
            &flag_path(&pid),
            json!({"flagged": true, "reason": "  adverse media report  "}),
        )
        .await
        .assert(200)
        .clone();
    assert_eq!(flagged["id"], pid.as_str());
    assert_eq!(flagged["flagged_by_compliance"], true, "{flagged}");
    let shown = app
        .get(&format!("/v1/persons/{pid}"))
        .await
        .assert(200)
        .clone();
    assert_eq!(shown["flagged_by_compliance"], true);
    assert_eq!(shown, flagged, "the answer is the person as stored");

    // The advanced signer at work is re-assessed: kyc_required with 1035, announced.
    let held = signer(&app, &advanced, 0).await;
    assert_eq!(held["status"], "kyc_required", "{held}");
    assert_eq!(held["status_codes"], json!([1035]), "{held}");
    let changes = events(&app, "signature.status_changed").await;
    assert!(
        changes.iter().any(|e| e["id"] == sid.as_str()
            && e["status"] == "kyc_required"
            && e["status_codes"] == json!([1035])),
        "{changes:?}"
    );
    let updates = events(&app, "person.updated").await;
    assert_eq!(updates.len(), updates_before + 1, "{updates:?}");
    assert_eq!(updates.last().unwrap()["flagged_by_compliance"], true);

    // A simple signature asks nothing of the person: unaffected.
    let untouched = signer(&app, &simple, 0).await;
    assert_eq!(untouched["status"], "user_consent_required", "{untouched}");
    assert_eq!(untouched["status_codes"], json!([]));
    // A held signer cannot approve.
    app.post(
        &format!(
            "/v1/documents/{}/signers/{sid}/approve",
            advanced["id"].as_str().unwrap()
        ),
        json!({}),
    )
    .await
    .assert(422);
    // A new advanced signer of the flagged person starts held.
    let later = send(
        &app,
        json!({"signature_level": "advanced", "signers": [person_signer()]}),
    )
    .await;
    assert_eq!(later["signers"][0]["status"], "kyc_required", "{later}");
    assert_eq!(later["signers"][0]["status_codes"], json!([1035]));

    // Flagging again changes nothing and announces nothing.
    let again = app
        .post(
            &flag_path(&pid),
            json!({"flagged": true, "reason": "still adverse media"}),
        )
        .await
        .assert(200)
        .clone();
    assert_eq!(again["updated_at"], flagged["updated_at"]);
    assert_eq!(
        events(&app, "person.updated").await.len(),
        updates_before + 1
    );

    // Clearing the flag (no reason needed) makes the person eligible again.
    let cleared = app
        .post(&flag_path(&pid), json!({"flagged": false}))
        .await
        .assert(200)
        .clone();
    assert_eq!(cleared["flagged_by_compliance"], false, "{cleared}");
    assert_eq!(
        events(&app, "person.updated").await.len(),
        updates_before + 2
    );
    // 1035 is final (seed 000: "You can't retry"): the signers it held stay held, with 1035
    // alone, and cannot be resent.
    for doc in [&advanced, &later] {
        let s = signer(&app, doc, 0).await;
        assert_eq!(s["status"], "kyc_required", "{s}");
        assert_eq!(s["status_codes"], json!([1035]), "{s}");
    }
    let resend = app
        .post(
            &format!(
                "/v1/documents/{}/signers/{sid}/resend",
                advanced["id"].as_str().unwrap()
            ),
            json!({}),
        )
        .await;
    assert_eq!(resend.status, 422, "{}", resend.body);
    assert_eq!(
        signer(&app, &advanced, 0).await["status_codes"],
        json!([1035])
    );
    // A new workflow for the person goes ahead and is signed.
    let fresh = send(
        &app,
        json!({"signature_level": "advanced", "signers": [person_signer()]}),
    )
    .await;
    assert_eq!(
        fresh["signers"][0]["status"], "user_consent_required",
        "{fresh}"
    );
    sign(&app, &fresh, 0).await;
    assert_eq!(
        signer(&app, &simple, 0).await["status"],
        "user_consent_required"
    );
}

#[tokio::test]
async fn a_flag_needs_a_reason_and_a_known_person() {
    let app = spawn_app().await;
    let pid = app
        .person(json!({"first_name": "Nora", "last_name": "Flagless"}))
        .await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    for body in [
        json!({"flagged": true}),
        json!({"flagged": true, "reason": ""}),
        json!({"flagged": true, "reason": "   "}),
        json!({"flagged": true, "reason": "x".repeat(2001)}),
        json!({"flagged": false, "reason": "é".repeat(2001)}),
    ] {
        let r = app.post(&flag_path(&pid), body.clone()).await;
        r.assert_error(400, "invalid_model");
        assert_eq!(r.field(), "reason", "{body}: {}", r.body);
    }
    // The shape of the body: `flagged` is required and a boolean, nothing else is taken.
    for body in [
        json!({"reason": "why"}),
        json!({"flagged": "yes", "reason": "why"}),
        json!({"flagged": true, "reason": "why", "colour": "red"}),
    ] {
        app.post(&flag_path(&pid), body)
            .await
            .assert_error(400, "invalid_model");
    }
    let p = app
        .get(&format!("/v1/persons/{pid}"))
        .await
        .assert(200)
        .clone();
    assert_eq!(p["flagged_by_compliance"], false, "nothing was flagged");
    // 2000 characters once trimmed are enough.
    let longest = format!("  {}  ", "x".repeat(2000));
    app.post(
        &flag_path(&pid),
        json!({"flagged": true, "reason": longest}),
    )
    .await
    .assert(200);

    let unknown_id = format!("{}cper", "0".repeat(32));
    for unknown in [unknown_id.as_str(), "nonsense"] {
        app.post(
            &flag_path(unknown),
            json!({"flagged": true, "reason": "why"}),
        )
        .await
        .assert_error(404, "not_found");
    }
    // Another tenant's key does not reach the person.
    let other = app.other_tenant("elsewhere").await;
    app.send(
        reqwest::Method::POST,
        &flag_path(&pid),
        Some(&other),
        Some(br#"{"flagged": false}"#.to_vec()),
        Some("application/json"),
        &[],
    )
    .await
    .assert_error(404, "not_found");
}
