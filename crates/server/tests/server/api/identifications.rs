use crate::helpers::spawn_app;
use serde_json::{Value, json};

#[tokio::test]
async fn an_identification_is_created_then_requested_with_a_14_day_url_and_reference() {
    let app = spawn_app().await;
    let p = app
        .person(json!({"first_name": "Jane", "last_name": "Doe"}))
        .await;
    let pid = p["id"].as_str().unwrap();
    let created = app
        .post(
            &format!("/v1/persons/{pid}/identifications"),
            json!({"method": "idnow", "language": "DE"}),
        )
        .await;
    let c = created.assert(201).clone();
    assert_eq!(c["status"], "created");
    assert!(c["id"].as_str().unwrap().ends_with("cidt"));
    for f in [
        "reference",
        "url",
        "completed_at",
        "iban",
        "terms_and_conditions_signed_at",
        "authorization_expires_at",
        "confirmation_expires_at",
    ] {
        assert_eq!(c[f], Value::Null, "{f}");
    }
    assert_eq!(c["language"], "DE");
    let iid = c["id"].as_str().unwrap();
    let r = app
        .patch_empty(&format!("/v1/persons/{pid}/identifications/{iid}/request"))
        .await;
    let r = r.assert(200);
    assert_eq!(r["status"], "pending");
    assert_eq!(r["estimated_waiting_time"], 60);
    let reference = r["reference"].as_str().unwrap();
    assert!(
        reference.starts_with("TST-")
            && reference.len() == 9
            && reference[4..].chars().all(|c| c.is_ascii_uppercase()),
        "{reference}"
    );
    assert!(r["url"].as_str().unwrap().starts_with(&app.base));
    let created_at =
        chrono::DateTime::parse_from_rfc3339(r["updated_at"].as_str().unwrap()).unwrap();
    let expires =
        chrono::DateTime::parse_from_rfc3339(r["url_expires_at"].as_str().unwrap()).unwrap();
    assert_eq!(expires - created_at, chrono::Duration::days(14));
    let attempts = app
        .get(&format!("/v1/persons/{pid}/identifications/{iid}/attempts"))
        .await;
    let attempts = attempts.assert(200).as_array().unwrap().clone();
    assert_eq!(attempts.len(), 1);
    assert_eq!(attempts[0]["status"], "pending_redirection");
    let list = app.get(&format!("/v1/persons/{pid}/identifications")).await;
    assert_eq!(list.assert(200).as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn identification_input_is_validated() {
    let app = spawn_app().await;
    let p = app
        .person(json!({"first_name": "Jane", "last_name": "Doe"}))
        .await;
    let path = format!("/v1/persons/{}/identifications", p["id"].as_str().unwrap());
    let today = chrono::Utc::now().date_naive();
    let cases = [
        (json!({"method": "carrier_pigeon"}), "method"),
        (json!({}), "method"),
        (json!({"method": "idnow", "language": "FR"}), "language"),
        (
            json!({"method": "idnow", "proof_of_address_type": "POSTCARD"}),
            "proof_of_address_type",
        ),
        (
            json!({"method": "idnow", "proof_of_address_type": "GAS_BILL", "proof_of_address_issued_at": (today - chrono::Days::new(200)).to_string()}),
            "proof_of_address_issued_at",
        ),
        (
            json!({"method": "idnow", "proof_of_address_issued_at": "03/03/2022"}),
            "proof_of_address_issued_at",
        ),
        (json!({"method": "idnow", "colour": "red"}), "colour"),
        (json!({"method": 5}), "method"),
    ];
    for (body, field) in cases {
        let r = app.post(&path, body.clone()).await;
        r.assert_error(400, "invalid_model");
        assert_eq!(r.field(), field, "{body}: {}", r.body);
    }
    let ok = app
        .post(&path, json!({"method": "idnow", "proof_of_address_type": "GAS_BILL", "proof_of_address_issued_at": (today - chrono::Days::new(30)).to_string()}))
        .await;
    assert_eq!(ok.assert(201)["proof_of_address_type"], "GAS_BILL");
}

#[tokio::test]
async fn supported_documents_list_types_with_issuing_countries() {
    let app = spawn_app().await;
    let (pid, iid) = app.requested("Jane", "Doe").await;
    let r = app
        .get(&format!(
            "/v1/persons/{pid}/identifications/{iid}/supported_documents"
        ))
        .await;
    let docs = r.assert(200).as_array().unwrap().clone();
    let passport = docs.iter().find(|d| d["type"] == "PASSPORT").unwrap();
    assert!(passport["issuing_countries"].as_array().unwrap().len() > 240);
    let idcard = docs.iter().find(|d| d["type"] == "IDCARD").unwrap();
    assert!(
        idcard["issuing_countries"]
            .as_array()
            .unwrap()
            .contains(&json!("DE"))
    );
}

#[tokio::test]
async fn live_mode_idnow_without_a_configured_provider_is_a_clear_422() {
    let app = spawn_app().await;
    let tenant = app.state.store.tenant_by_name("default").await.unwrap();
    let live = signet_server::auth::issue_key(
        &app.state.store,
        &tenant.id,
        signet_store::Mode::Live,
        chrono::Utc::now(),
    )
    .await
    .unwrap();
    assert!(live.starts_with("sk_live_"));
    let p = app
        .send(
            reqwest::Method::POST,
            "/v1/persons",
            Some(&live),
            Some(br#"{"first_name":"Jane","last_name":"Doe"}"#.to_vec()),
            Some("application/json"),
            &[],
        )
        .await;
    let pid = p.assert(201)["id"].as_str().unwrap().to_owned();
    let r = app
        .send(
            reqwest::Method::POST,
            &format!("/v1/persons/{pid}/identifications"),
            Some(&live),
            Some(br#"{"method":"idnow"}"#.to_vec()),
            Some("application/json"),
            &[],
        )
        .await;
    r.assert_error(422, "provider_not_configured");
    // Test and live data never mix.
    let t = app.get(&format!("/v1/persons/{pid}")).await;
    t.assert_error(404, "not_found");
    let clock = app
        .send(
            reqwest::Method::GET,
            "/v1/sandbox/clock",
            Some(&live),
            None,
            None,
            &[],
        )
        .await;
    clock.assert_error(403, "sandbox_only");
}

#[tokio::test]
async fn a_request_open_30_minutes_without_progress_is_canceled_with_tech_timeout() {
    let app = spawn_app().await;
    let (pid, iid) = app.requested("X-MANUALTEST-HAPPYPATH", "Doe").await;
    app.advance(29 * 60).await;
    assert_eq!(app.status(&pid, &iid).await, "pending");
    app.advance(60).await;
    let i = app.identification(&pid, &iid).await;
    assert_eq!(i["status"], "canceled");
    assert_eq!(i["failure_reason"], "TECH_TIMEOUT");
    let attempts = app
        .get(&format!("/v1/persons/{pid}/identifications/{iid}/attempts"))
        .await;
    assert_eq!(attempts.body[0]["status"], "abandoned");
}

#[tokio::test]
async fn progress_rearms_the_timeout_from_the_last_step() {
    let app = spawn_app().await;
    let (pid, iid) = app.requested("X-MANUALTEST-HAPPYPATH", "Doe").await;
    app.advance(20 * 60).await;
    app.post(
        &format!("/v1/sandbox/identifications/{iid}/start"),
        json!({}),
    )
    .await
    .assert(200);
    app.advance(20 * 60).await;
    assert_eq!(
        app.status(&pid, &iid).await,
        "pending",
        "the applicant started 20 minutes ago"
    );
    app.advance(11 * 60).await;
    assert_eq!(
        app.identification(&pid, &iid).await["failure_reason"],
        "TECH_TIMEOUT"
    );
}

#[tokio::test]
async fn aborted_and_canceled_are_retried_with_the_same_url_as_a_new_attempt_failed_is_final() {
    let app = spawn_app().await;
    let (pid, iid) = app.requested("X-MANUALTEST-FRAUDIDENT", "Doe").await;
    let first = app.identification(&pid, &iid).await;
    app.post(
        &format!("/v1/sandbox/identifications/{iid}/start"),
        json!({}),
    )
    .await
    .assert(200);
    let a = app
        .post(
            &format!("/v1/sandbox/identifications/{iid}/abort"),
            json!({}),
        )
        .await;
    assert_eq!(a.assert(200)["status"], "aborted");
    assert_eq!(a.body["failure_reason"], "USER_CANCELLATION");
    // The applicant opens the same URL again: a new attempt.
    app.post(
        &format!("/v1/sandbox/identifications/{iid}/start"),
        json!({}),
    )
    .await
    .assert(200);
    let again = app.identification(&pid, &iid).await;
    assert_eq!(again["status"], "pending");
    assert_eq!(again["url"], first["url"]);
    app.post(
        &format!("/v1/sandbox/identifications/{iid}/complete"),
        json!({"ident_code": "123456"}),
    )
    .await
    .assert(200);
    app.advance(120).await;
    assert_eq!(app.status(&pid, &iid).await, "failed");
    let attempts = app
        .get(&format!("/v1/persons/{pid}/identifications/{iid}/attempts"))
        .await;
    let statuses: Vec<&str> = attempts
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, vec!["abandoned", "terminated"]);
    let retry = app
        .patch_empty(&format!("/v1/persons/{pid}/identifications/{iid}/request"))
        .await;
    retry.assert_error(422, "invalid_state");
}

#[tokio::test]
async fn another_person_or_tenant_cannot_reach_an_identification() {
    let app = spawn_app().await;
    let (pid, iid) = app.requested("Jane", "Doe").await;
    let other = app
        .person(json!({"first_name": "John", "last_name": "Roe"}))
        .await;
    let opid = other["id"].as_str().unwrap();
    app.get(&format!("/v1/persons/{opid}/identifications/{iid}"))
        .await
        .assert_error(404, "not_found");
    app.patch_empty(&format!("/v1/persons/{opid}/identifications/{iid}/request"))
        .await
        .assert_error(404, "not_found");
    let key = app.other_tenant("acme").await;
    let r = app
        .send(
            reqwest::Method::GET,
            &format!("/v1/persons/{pid}/identifications/{iid}"),
            Some(&key),
            None,
            None,
            &[],
        )
        .await;
    r.assert_error(404, "not_found");
    let r = app
        .send(
            reqwest::Method::POST,
            &format!("/v1/sandbox/identifications/{iid}/start"),
            Some(&key),
            Some(b"{}".to_vec()),
            Some("application/json"),
            &[],
        )
        .await;
    r.assert_error(404, "not_found");
    assert_eq!(app.status(&pid, &iid).await, "pending");
}

/// The attempts of an identification, oldest first: (status, response code, check status).
async fn attempt_rows(app: &crate::helpers::TestApp, pid: &str, iid: &str) -> Vec<[String; 3]> {
    let r = app
        .get(&format!("/v1/persons/{pid}/identifications/{iid}/attempts"))
        .await;
    let word = |v: &Value| v.as_str().unwrap_or("null").to_owned();
    r.assert(200)
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            [
                word(&a["status"]),
                word(&a["response_code"]),
                word(&a["check_status"]),
            ]
        })
        .collect()
}

fn row(status: &str, code: &str, check: &str) -> [String; 3] {
    [status.into(), code.into(), check.into()]
}

#[tokio::test]
async fn requesting_again_while_the_applicant_is_at_it_closes_the_open_attempt() {
    let app = spawn_app().await;
    let (pid, iid) = app.requested("X-MANUALTEST-HAPPYPATH", "Doe").await;
    let first = app.identification(&pid, &iid).await;
    app.post(
        &format!("/v1/sandbox/identifications/{iid}/start"),
        json!({}),
    )
    .await
    .assert(200);
    let again = app
        .patch_empty(&format!("/v1/persons/{pid}/identifications/{iid}/request"))
        .await;
    let again = again.assert(200).clone();
    assert_eq!(again["status"], "pending");
    assert_eq!(again["url"], first["url"]);
    assert_eq!(again["reference"], first["reference"]);
    assert_eq!(
        attempt_rows(&app, &pid, &iid).await,
        vec![
            row("closed", "attempt_closed", "null"),
            row("pending_redirection", "null", "null"),
        ]
    );
    // The new attempt runs to its end; once the applicant is done, asking again changes nothing.
    app.post(
        &format!("/v1/sandbox/identifications/{iid}/start"),
        json!({}),
    )
    .await
    .assert(200);
    app.post(
        &format!("/v1/sandbox/identifications/{iid}/complete"),
        json!({"ident_code": "123456"}),
    )
    .await
    .assert(200);
    app.patch_empty(&format!("/v1/persons/{pid}/identifications/{iid}/request"))
        .await
        .assert(200);
    app.advance(120).await;
    assert_eq!(app.status(&pid, &iid).await, "successful");
    assert_eq!(
        attempt_rows(&app, &pid, &iid).await,
        vec![
            row("closed", "attempt_closed", "null"),
            row("completed", "approved", "approved"),
        ]
    );
}

#[tokio::test]
async fn sandbox_endings_give_attempts_the_check_status_of_their_response_code() {
    let app = spawn_app().await;
    for (case, status, code, check) in [
        (
            "X-AUTOTEST-ABORTIDENT",
            "checks_inconclusive",
            "poor_connection",
            "retry_required",
        ),
        (
            "X-AUTOTEST-CANCELED",
            "checks_inconclusive",
            "document_video_blurry",
            "retry_required",
        ),
        (
            "X-AUTOTEST-FRAUDIDENT",
            "terminated",
            "document_counterfeit",
            "declined",
        ),
    ] {
        let (pid, iid) = app.requested(case, "Doe").await;
        // An automated case goes straight to its checks: asking again opens no attempt.
        app.patch_empty(&format!("/v1/persons/{pid}/identifications/{iid}/request"))
            .await
            .assert(200);
        app.advance(120).await;
        assert_eq!(
            attempt_rows(&app, &pid, &iid).await,
            vec![row(status, code, check)],
            "{case}"
        );
    }
}

#[tokio::test]
async fn codes_give_each_response_code_the_check_status_of_its_group() {
    let app = spawn_app().await;
    let codes = app
        .send(
            reqwest::Method::GET,
            "/v1/codes?kind=attempt_response_code",
            None,
            None,
            None,
            &[],
        )
        .await;
    let codes = codes.assert(200).as_array().unwrap().clone();
    assert_eq!(codes.len(), 45);
    for c in &codes {
        let expected = match c["category"].as_str() {
            None => json!("approved"),
            Some(
                "user_engagement" | "technical" | "document_capture" | "face_capture"
                | "internal_error",
            ) => json!("retry_required"),
            Some("document_issue" | "copy_issue" | "identity_fraud" | "suspicious_behaviour") => {
                json!("declined")
            }
            Some("user_refusal") => json!("refused"),
            Some("attempts") => Value::Null,
            Some(other) => panic!("unknown group {other}"),
        };
        assert_eq!(c["status"], expected, "{c}");
    }
}
