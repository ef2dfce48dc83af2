use crate::helpers::{TestApp, spawn_app};
use serde_json::json;

/// Checkpoints after the start, in seconds, and the status expected at each.
const CHECKPOINTS: [i64; 8] = [29, 30, 119, 120, 599, 600, 24 * 3600 - 1, 24 * 3600];

fn expected(case: &str) -> [&'static str; 8] {
    let p = "pending";
    let ps = "pending_successful";
    let pf = "pending_failed";
    let ok = "successful";
    match case {
        "HAPPYPATH" | "CHANGEALL" => [p, p, p, ok, ok, ok, ok, ok],
        "CHANGEALLREVIEW" => [p, ps, ps, ok, ok, ok, ok, ok],
        "ABORTIDENT" => [
            p, "canceled", "canceled", "canceled", "canceled", "canceled", "canceled", "canceled",
        ],
        "FRAUDOK" => [p, pf, pf, ok, ok, ok, ok, ok],
        "CANCELED" => [
            p, ps, ps, "canceled", "canceled", "canceled", "canceled", "canceled",
        ],
        "LONGREVIEW" => [p, ps, ps, ps, ps, ps, ps, ok],
        "HOLDCERTIFICATE" => [p, p, p, p, p, ok, ok, ok],
        "FRAUDIDENT" => [p, pf, pf, "failed", "failed", "failed", "failed", "failed"],
        other => panic!("unknown case {other}"),
    }
}

const CASES: [&str; 9] = [
    "HAPPYPATH",
    "CHANGEALL",
    "CHANGEALLREVIEW",
    "ABORTIDENT",
    "FRAUDOK",
    "CANCELED",
    "LONGREVIEW",
    "HOLDCERTIFICATE",
    "FRAUDIDENT",
];

/// Plays a case and returns the status at each checkpoint.
async fn play(app: &TestApp, prefix: &str, case: &str) -> (String, String, Vec<String>) {
    let (pid, iid) = app.requested(&format!("{prefix}-{case}"), "Tester").await;
    if prefix == "X-MANUALTEST" {
        // Nothing happens until the applicant has done their part.
        app.advance(600).await;
        assert_eq!(
            app.status(&pid, &iid).await,
            "pending",
            "{case}: waits for the applicant"
        );
        app.post(
            &format!("/v1/sandbox/identifications/{iid}/start"),
            json!({}),
        )
        .await
        .assert(200);
        let done = app
            .post(
                &format!("/v1/sandbox/identifications/{iid}/complete"),
                json!({"ident_code": "123456", "mobile_number": "+15550101"}),
            )
            .await;
        done.assert(200);
    }
    let mut seen = Vec::new();
    let mut at = 0;
    for cp in CHECKPOINTS {
        app.advance(cp - at).await;
        at = cp;
        seen.push(app.status(&pid, &iid).await);
    }
    (pid, iid, seen)
}

#[tokio::test]
async fn every_autotest_case_follows_the_sandbox_timeline() {
    let app = spawn_app().await;
    for case in CASES {
        let (_, _, seen) = play(&app, "X-AUTOTEST", case).await;
        assert_eq!(seen, expected(case), "X-AUTOTEST-{case}");
    }
}

#[tokio::test]
async fn every_manualtest_case_runs_its_timeline_from_the_applicants_completion() {
    let app = spawn_app().await;
    for case in CASES {
        let (_, _, seen) = play(&app, "X-MANUALTEST", case).await;
        assert_eq!(seen, expected(case), "X-MANUALTEST-{case}");
    }
}

#[tokio::test]
async fn reasons_and_attempt_outcomes_follow_each_ending() {
    let app = spawn_app().await;
    for (case, status, reason, attempt) in [
        (
            "ABORTIDENT",
            "canceled",
            Some("TECH_VIDEO"),
            "checks_inconclusive",
        ),
        (
            "CANCELED",
            "canceled",
            Some("BAD_PHOTO_QUALITY"),
            "checks_inconclusive",
        ),
        ("FRAUDIDENT", "failed", None, "terminated"),
        ("HAPPYPATH", "successful", None, "completed"),
    ] {
        let (pid, iid) = app.requested(&format!("X-AUTOTEST-{case}"), "Tester").await;
        app.advance(150).await;
        let i = app.identification(&pid, &iid).await;
        assert_eq!(i["status"], status, "{case}");
        assert_eq!(i["failure_reason"].as_str(), reason, "{case}");
        let a = app
            .get(&format!("/v1/persons/{pid}/identifications/{iid}/attempts"))
            .await;
        assert_eq!(a.body[0]["status"], attempt, "{case}");
        if status == "successful" || status == "failed" {
            assert!(i["completed_at"].is_string());
        }
    }
}

#[tokio::test]
async fn fraud_suspicion_is_the_reason_while_pending_failed() {
    let app = spawn_app().await;
    let (pid, iid) = app.requested("X-AUTOTEST-FRAUDOK", "Tester").await;
    app.advance(31).await;
    let i = app.identification(&pid, &iid).await;
    assert_eq!(i["status"], "pending_failed");
    assert_eq!(i["failure_reason"], "FRAUD_SUSPICION_PENDING");
}

#[tokio::test]
async fn one_jump_of_25_hours_plays_a_whole_longreview() {
    let app = spawn_app().await;
    let (pid, iid) = app.requested("X-AUTOTEST-LONGREVIEW", "Tester").await;
    let requested_at = chrono::DateTime::parse_from_rfc3339(
        app.identification(&pid, &iid).await["updated_at"]
            .as_str()
            .unwrap(),
    )
    .unwrap();
    app.advance(25 * 3600).await;
    let i = app.identification(&pid, &iid).await;
    assert_eq!(i["status"], "successful");
    // The review finished at its due time, not at the moment the timer ran.
    let completed =
        chrono::DateTime::parse_from_rfc3339(i["completed_at"].as_str().unwrap()).unwrap();
    assert_eq!(completed - requested_at, chrono::Duration::hours(24));
    let events = app.event_types().await;
    let changes = events
        .iter()
        .filter(|e| *e == "identification.status_changed")
        .count();
    assert_eq!(
        changes, 4,
        "created, pending, pending_successful, successful: {events:?}"
    );
}

#[tokio::test]
async fn changeall_really_changes_the_persons_fields_with_non_ascii_values() {
    let app = spawn_app().await;
    let (pid, iid) = app.requested("X-AUTOTEST-CHANGEALL", "Tester").await;
    app.advance(120).await;
    assert_eq!(app.status(&pid, &iid).await, "successful");
    let p = app
        .get(&format!("/v1/persons/{pid}"))
        .await
        .assert(200)
        .clone();
    assert_eq!(p["first_name"], "Jérôme Łukasz");
    assert_eq!(p["last_name"], "Müller-Øster’Gaard");
    assert_eq!(p["birth_city"], "Łódź");
    assert_eq!(p["address"]["line_1"], "Straße des 17. Juni");
    assert_eq!(p["nationality"], "AT");
    assert_eq!(
        p["verified_mobile_number"], "+49301234567",
        "the sandbox keeps the person's mobile number"
    );
}

#[tokio::test]
async fn changeallreview_changes_the_fields_only_in_review() {
    let app = spawn_app().await;
    let (pid, iid) = app.requested("X-AUTOTEST-CHANGEALLREVIEW", "Tester").await;
    app.advance(60).await;
    assert_eq!(app.status(&pid, &iid).await, "pending_successful");
    assert_eq!(
        app.get(&format!("/v1/persons/{pid}")).await.body["last_name"],
        "Tester"
    );
    app.advance(60).await;
    assert_eq!(
        app.get(&format!("/v1/persons/{pid}")).await.body["last_name"],
        "Müller-Øster’Gaard"
    );
}

#[tokio::test]
async fn a_successful_identification_keeps_a_kyc_report_and_verifies_the_mobile_number() {
    let app = spawn_app().await;
    let (pid, iid) = app.requested("X-MANUALTEST-HAPPYPATH", "Tester").await;
    app.post(
        &format!("/v1/sandbox/identifications/{iid}/start"),
        json!({}),
    )
    .await
    .assert(200);
    app.post(
        &format!("/v1/sandbox/identifications/{iid}/complete"),
        json!({"ident_code": "123456", "mobile_number": "+15550101"}),
    )
    .await
    .assert(200);
    app.advance(120).await;
    let with_docs = app
        .get(&format!(
            "/v1/persons/{pid}/identifications/{iid}?include_documents=true"
        ))
        .await;
    let docs = with_docs.body["documents"].as_array().unwrap().clone();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["document_type"], "KYC_REPORT");
    assert!(with_docs.body.get("address").is_some());
    assert!(
        app.identification(&pid, &iid)
            .await
            .get("documents")
            .is_none(),
        "documents only when asked"
    );
    let doc_id = docs[0]["id"].as_str().unwrap();
    let file = app
        .get(&format!("/v1/persons/{pid}/documents/{doc_id}/file"))
        .await;
    assert_eq!(file.status, 200);
    assert_eq!(file.body["status"], "successful");
    assert_eq!(file.body["verified_person"]["last_name"], "Tester");
    assert_eq!(
        app.get(&format!("/v1/persons/{pid}/documents"))
            .await
            .body
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        app.get(&format!("/v1/persons/{pid}")).await.body["verified_mobile_number"],
        "+15550101"
    );
}

#[tokio::test]
async fn the_applicant_must_enter_the_static_ident_code() {
    let app = spawn_app().await;
    let (pid, iid) = app.requested("X-MANUALTEST-HAPPYPATH", "Tester").await;
    app.post(
        &format!("/v1/sandbox/identifications/{iid}/start"),
        json!({}),
    )
    .await
    .assert(200);
    let wrong = app
        .post(
            &format!("/v1/sandbox/identifications/{iid}/complete"),
            json!({"ident_code": "000000"}),
        )
        .await;
    wrong.assert_error(422, "otp_invalid");
    app.advance(300).await;
    assert_eq!(app.status(&pid, &iid).await, "pending");
}

#[tokio::test]
async fn the_test_clock_is_per_tenant() {
    let app = spawn_app().await;
    let other = app.other_tenant("acme").await;
    app.advance(3600).await;
    let mine = app.get("/v1/sandbox/clock").await;
    assert_eq!(mine.assert(200)["offset_seconds"], 3600);
    let theirs = app
        .send(
            reqwest::Method::GET,
            "/v1/sandbox/clock",
            Some(&other),
            None,
            None,
            &[],
        )
        .await;
    assert_eq!(theirs.assert(200)["offset_seconds"], 0);
    app.post("/v1/sandbox/clock/advance", json!({"seconds": 0}))
        .await
        .assert_error(400, "invalid_model");
    app.post("/v1/sandbox/clock/advance", json!({"seconds": "ten"}))
        .await
        .assert_error(400, "invalid_model");
}
