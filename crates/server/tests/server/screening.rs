//! AML screening over HTTP: lists imported from the published formats (the fixtures of
//! `crates/screening/tests/fixtures`) through the import the CLI uses, then searched. Runs on
//! SQLite, and on PostgreSQL with `SIGNET_TEST_DATABASE=postgres`.

use crate::helpers::{self, TestApp, spawn_app};
use serde_json::{Value, json};
use signet_server::screening::signet_screening::ListFormat;
use signet_server::screening::{ImportError, ImportSummary, import_list};
use std::path::PathBuf;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../screening/tests/fixtures")
        .join(name)
}

async fn import(
    app: &TestApp,
    format: ListFormat,
    file: &str,
) -> Result<ImportSummary, ImportError> {
    let summary = import_list(
        &app.state.store,
        format,
        &fixture(file),
        app.state.wall_now(),
        |_| {},
    )
    .await?;
    // An import in this process: the server need not wait to notice it.
    app.state.screening.invalidate();
    settle(app).await;
    Ok(summary)
}

/// Waits until the background worker has run every due job (the re-screening
/// an import schedules), so what a test does next does not race with it.
async fn settle(app: &TestApp) {
    for _ in 0..500 {
        if app.state.store.pending_job_count().await.unwrap_or(0) == 0 {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
}

async fn search(app: &TestApp, body: Value) -> Vec<Value> {
    let reply = app.post("/v1/screening/search", body).await;
    reply.assert(200)["matches"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

async fn top(app: &TestApp, name: &str) -> Option<Value> {
    search(app, json!({ "name": name }))
        .await
        .into_iter()
        .next()
}

async fn lists(app: &TestApp) -> Vec<Value> {
    app.get("/v1/screening/lists")
        .await
        .assert(200)
        .as_array()
        .cloned()
        .unwrap_or_default()
}

#[tokio::test]
async fn a_listed_name_is_found_in_another_script_with_a_typo_or_reordered() {
    let app = spawn_app().await;
    assert!(lists(&app).await.is_empty());
    assert!(top(&app, "Vladimir Putin").await.is_none(), "no list yet");

    let summary = import(&app, ListFormat::OfacSdnXml, "sdn.xml")
        .await
        .unwrap();
    assert_eq!(summary.list, "ofac-sdn");
    assert_eq!(summary.entries, 4, "{summary:?}");

    let stored = lists(&app).await;
    assert_eq!(stored.len(), 1, "{stored:?}");
    assert_eq!(stored[0]["id"], "ofac-sdn");
    assert_eq!(stored[0]["source"], "ofac-sdn");
    assert_eq!(stored[0]["version"], summary.version.as_str());
    assert_eq!(stored[0]["entry_count"], summary.entries as i64);
    assert!(
        stored[0]["imported_at"]
            .as_str()
            .is_some_and(|t| t.contains('T'))
    );

    for name in ["Владимир Путин", "Vladimir Putni", "Putin Vladimir"] {
        let m = top(&app, name)
            .await
            .unwrap_or_else(|| panic!("{name} not found"));
        assert_eq!(m["list"], "ofac-sdn", "{name}: {m}");
        assert_eq!(m["entry_id"], "32713", "{name}: {m}");
        assert!(
            m["name"].as_str().is_some_and(|n| n.contains("PUTIN")),
            "{m}"
        );
        assert!(
            m["matched_name"].as_str().is_some_and(|n| !n.is_empty()),
            "{m}"
        );
        let score = m["score"].as_f64().unwrap();
        assert!((0.8..=1.0).contains(&score), "{name}: {score}");
        let why = &m["explanation"];
        assert!(
            why["summary"].as_str().is_some_and(|s| !s.is_empty()),
            "{why}"
        );
        assert!(
            why["tokens"].as_array().is_some_and(|t| !t.is_empty()),
            "{why}"
        );
    }

    let how: Vec<String> = top(&app, "Vladimir Putni").await.unwrap()["explanation"]["tokens"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["how"].as_str().unwrap_or("").to_owned())
        .collect();
    assert!(how.iter().any(|h| h == "typo"), "{how:?}");

    for name in ["Mary Smith", "Vladimir Ivanov", "Sergei Putin"] {
        assert!(top(&app, name).await.is_none(), "{name} matched");
    }

    // A lower threshold and a limit are honoured.
    let loose = search(
        &app,
        json!({"name": "Vladimir", "threshold": 0.1, "limit": 2}),
    )
    .await;
    assert!(loose.len() <= 2, "{loose:?}");
}

#[tokio::test]
async fn birth_date_and_nationality_adjust_the_score() {
    let app = spawn_app().await;
    import(&app, ListFormat::OfacSdnCsv, "ofac-csv")
        .await
        .unwrap();
    let plain = top(&app, "Nicolas Maduro").await.unwrap();
    assert_eq!(plain["entry_id"], "22251");
    let with = search(
        &app,
        json!({"name": "Nicolas Maduro", "birth_date": "1962-11-23", "nationality": "VE"}),
    )
    .await;
    assert_eq!(with[0]["entry_id"], "22251");
    assert!(
        with[0]["score"].as_f64() > plain["score"].as_f64(),
        "{with:?} vs {plain}"
    );
    assert_eq!(with[0]["explanation"]["birth_date"]["kind"], "supports");
}

#[tokio::test]
async fn re_importing_replaces_the_list_and_a_malformed_file_leaves_it() {
    let app = spawn_app().await;
    let csv = import(&app, ListFormat::OfacSdnCsv, "ofac-csv")
        .await
        .unwrap();
    assert_eq!(csv.list, "ofac-sdn");
    assert_eq!(
        top(&app, "Nicolas Maduro").await.unwrap()["entry_id"],
        "22251"
    );
    assert_eq!(lists(&app).await[0]["entry_count"], csv.entries as i64);

    // The XML form of the same list replaces the CSV one.
    let xml = import(&app, ListFormat::OfacSdnXml, "sdn.xml")
        .await
        .unwrap();
    assert_eq!(xml.list, "ofac-sdn");
    assert_ne!(xml.entries, csv.entries);
    let stored = lists(&app).await;
    assert_eq!(stored.len(), 1, "{stored:?}");
    assert_eq!(stored[0]["format"], "ofac-sdn-xml");
    assert_eq!(stored[0]["version"], xml.version.as_str());
    assert_eq!(stored[0]["entry_count"], xml.entries as i64);
    assert!(
        top(&app, "Nicolas Maduro").await.is_none(),
        "the old entries are gone"
    );
    assert_eq!(top(&app, "Grace 1").await.unwrap()["entry_id"], "15036");

    // Malformed files fail naming the line or element, and change nothing.
    let err = import(&app, ListFormat::OfacSdnXml, "sdn-truncated.xml")
        .await
        .unwrap_err();
    assert!(matches!(err, ImportError::Parse(_)), "{err:?}");
    assert!(err.to_string().contains("line"), "{err}");
    let err = import(&app, ListFormat::OfacSdnCsv, "ofac-csv-bad")
        .await
        .unwrap_err();
    assert!(err.to_string().contains("line 4"), "{err}");
    assert_eq!(lists(&app).await, stored);
    assert_eq!(
        top(&app, "Vladimir Putin").await.unwrap()["entry_id"],
        "32713"
    );
    assert!(top(&app, "Nicolas Maduro").await.is_none());

    // A second list is searched beside the first.
    let eu = import(&app, ListFormat::EuFsfXml, "eu-fsf.xml")
        .await
        .unwrap();
    assert_eq!(eu.list, "eu-fsf");
    let ids: Vec<Value> = lists(&app).await.iter().map(|l| l["id"].clone()).collect();
    assert_eq!(ids, [json!("eu-fsf"), json!("ofac-sdn")]);
    let lists_found: Vec<Value> = search(&app, json!({"name": "Vladimir Putin"}))
        .await
        .iter()
        .map(|m| m["list"].clone())
        .collect();
    assert!(lists_found.contains(&json!("ofac-sdn")), "{lists_found:?}");
}

#[tokio::test]
async fn bad_search_input_is_400_naming_the_field() {
    let app = spawn_app().await;
    let cases = [
        (json!({}), "name"),
        (json!({"name": "  "}), "name"),
        (json!({"name": 7}), "name"),
        (json!({"name": "x".repeat(513)}), "name"),
        (
            json!({"name": "Ann Lee", "birth_date": "yesterday"}),
            "birth_date",
        ),
        (
            json!({"name": "Ann Lee", "nationality": "Atlantis"}),
            "nationality",
        ),
        (json!({"name": "Ann Lee", "threshold": 1.5}), "threshold"),
        (json!({"name": "Ann Lee", "threshold": "high"}), "threshold"),
        (json!({"name": "Ann Lee", "limit": 0}), "limit"),
        (json!({"name": "Ann Lee", "limit": 1000}), "limit"),
        (json!({"name": "Ann Lee", "surname": "Lee"}), "surname"),
    ];
    for (body, field) in cases {
        let reply = app.post("/v1/screening/search", body.clone()).await;
        reply.assert_error(400, "invalid_model");
        assert_eq!(reply.field(), field, "{body}: {}", reply.body);
    }
    // Without a key: 401.
    let anonymous = reqwest::Client::new()
        .get(app.url("/v1/screening/lists"))
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status().as_u16(), 401);
}

#[tokio::test]
async fn each_import_stamps_a_later_time_even_under_a_pinned_clock() {
    let app = spawn_app().await;
    let now = app.state.wall_now();
    for _ in 0..2 {
        import_list(
            &app.state.store,
            ListFormat::OfacSdnXml,
            &fixture("sdn.xml"),
            now,
            |_| {},
        )
        .await
        .unwrap();
    }
    let stored = app.state.store.screening_lists().await.unwrap();
    assert_eq!(
        stored[0].imported_at,
        signet_core::time::to_millis(&now) + 1
    );
    assert_eq!(
        top(&app, "Vladimir Putin").await.unwrap()["entry_id"],
        "32713"
    );
}

async fn hits(app: &TestApp, query: &str) -> Vec<Value> {
    app.get(&format!("/v1/screening/hits{query}"))
        .await
        .assert(200)
        .as_array()
        .cloned()
        .unwrap_or_default()
}

async fn person_field(app: &TestApp, pid: &str, field: &str) -> Value {
    app.get(&format!("/v1/persons/{pid}")).await.assert(200)[field].clone()
}

async fn decide(app: &TestApp, hit: &str, decision: &str) -> Value {
    app.post(
        &format!("/v1/screening/hits/{hit}/decision"),
        json!({"decision": decision, "note": "checked the passport"}),
    )
    .await
    .assert(200)
    .clone()
}

#[tokio::test]
async fn without_a_list_persons_stay_not_screened() {
    let app = spawn_app().await;
    let p = app
        .person(json!({"first_name": "Vladimir", "last_name": "Putin"}))
        .await;
    assert_eq!(p["screening_progress"], "NOT_SCREENED");
    assert_eq!(p["risk_classification_status"], "NOT_SCORED");
    let pid = p["id"].as_str().unwrap();
    app.post(&format!("/v1/persons/{pid}/screenings"), json!({}))
        .await
        .assert_error(409, "conflict");
    let screenings = app.get(&format!("/v1/persons/{pid}/screenings")).await;
    assert_eq!(screenings.assert(200), &json!([]));
    assert!(hits(&app, "").await.is_empty());
    let events = app.event_types().await;
    assert!(
        !events.iter().any(|e| e.starts_with("screening.")),
        "{events:?}"
    );
}

#[tokio::test]
async fn a_listed_person_gets_an_open_hit_and_decisions_settle_the_person() {
    let app = spawn_app().await;
    import(&app, ListFormat::OfacSdnXml, "sdn.xml")
        .await
        .unwrap();

    let p = app
        .person(json!({"first_name": "Vladimir", "last_name": "Putin"}))
        .await;
    assert_eq!(p["screening_progress"], "POTENTIAL_MATCH", "{p}");
    assert_eq!(p["risk_classification_status"], "POTENTIAL_RISK");
    let pid = p["id"].as_str().unwrap().to_owned();

    let open = hits(&app, "?status=open").await;
    assert_eq!(open.len(), 1, "{open:?}");
    let hit = &open[0];
    assert_eq!(hit["person_id"], pid.as_str());
    assert_eq!(hit["list"], "ofac-sdn");
    assert_eq!(hit["entry_id"], "32713");
    assert_eq!(hit["status"], "open");
    assert!(hit["score"].as_f64().unwrap() >= 0.8, "{hit}");
    assert!(hit["explanation"]["summary"].is_string(), "{hit}");
    assert!(hit["id"].as_str().unwrap().ends_with("hit"));
    let hid = hit["id"].as_str().unwrap().to_owned();

    let screenings = app
        .get(&format!("/v1/persons/{pid}/screenings"))
        .await
        .assert(200)
        .clone();
    let screenings = screenings.as_array().unwrap();
    assert_eq!(screenings.len(), 1, "{screenings:?}");
    assert_eq!(screenings[0]["screening_progress"], "POTENTIAL_MATCH");
    assert_eq!(screenings[0]["hits"][0]["id"], hid.as_str());
    assert!(screenings[0]["id"].as_str().unwrap().ends_with("scr"));

    let events = app.event_types().await;
    for t in [
        "person.created",
        "screening.hit_created",
        "screening.completed",
    ] {
        assert!(events.iter().any(|e| e == t), "{t} missing: {events:?}");
    }

    // Dismissed: accepted, normal risk.
    let decided = decide(&app, &hid, "false_positive").await;
    assert_eq!(decided["status"], "false_positive");
    assert_eq!(decided["note"], "checked the passport");
    assert!(
        decided["decided_by"]
            .as_str()
            .is_some_and(|k| !k.is_empty())
    );
    assert!(decided["decided_at"].is_string());
    assert_eq!(
        person_field(&app, &pid, "screening_progress").await,
        "SCREENED_ACCEPTED"
    );
    assert_eq!(
        person_field(&app, &pid, "risk_classification_status").await,
        "NORMAL_RISK"
    );
    assert!(hits(&app, "?status=open").await.is_empty());
    assert_eq!(hits(&app, "?status=false_positive").await.len(), 1);
    assert!(
        app.event_types()
            .await
            .iter()
            .any(|e| e == "screening.hit_decided")
    );

    // Screening again keeps the decision and creates no new hit.
    let again = app
        .post(&format!("/v1/persons/{pid}/screenings"), json!({}))
        .await
        .assert(201)
        .clone();
    assert_eq!(again["screening_progress"], "SCREENED_ACCEPTED", "{again}");
    assert_eq!(again["hits"][0]["status"], "false_positive");
    assert_eq!(hits(&app, "").await.len(), 1);
    let list = app.get(&format!("/v1/persons/{pid}/screenings")).await;
    let list = list.assert(200).as_array().unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0]["id"], again["id"], "newest first");

    // Re-deciding overwrites: confirmed, declined and high risk.
    let decided = decide(&app, &hid, "true_positive").await;
    assert_eq!(decided["status"], "true_positive");
    assert_eq!(
        person_field(&app, &pid, "screening_progress").await,
        "SCREENED_DECLINED"
    );
    assert_eq!(
        person_field(&app, &pid, "risk_classification_status").await,
        "HIGH_RISK"
    );
    assert_eq!(hits(&app, "?status=true_positive").await.len(), 1);
}

#[tokio::test]
async fn an_unrelated_person_is_accepted_and_other_changes_do_not_screen_again() {
    let app = spawn_app().await;
    import(&app, ListFormat::OfacSdnXml, "sdn.xml")
        .await
        .unwrap();
    let p = app
        .person(json!({"first_name": "Mary", "last_name": "Smith"}))
        .await;
    assert_eq!(p["screening_progress"], "SCREENED_ACCEPTED", "{p}");
    assert_eq!(p["risk_classification_status"], "NORMAL_RISK");
    assert!(hits(&app, "").await.is_empty());
    let events = app.event_types().await;
    assert!(
        events.iter().any(|e| e == "screening.completed"),
        "{events:?}"
    );
    assert!(
        !events.iter().any(|e| e == "screening.hit_created"),
        "{events:?}"
    );
    let pid = p["id"].as_str().unwrap();

    // Names, birth date and nationality are create-only (seed 002): a rename through the API
    // is refused and screens nothing; a change of another field does not screen again.
    let refused = app
        .patch(
            &format!("/v1/persons/{pid}"),
            json!({"first_name": "Vladimir", "last_name": "Putin"}),
        )
        .await;
    refused.assert_error(400, "invalid_model");
    assert_eq!(refused.field(), "first_name");
    let titled = app
        .patch(&format!("/v1/persons/{pid}"), json!({"title": "Dr."}))
        .await
        .assert(200)
        .clone();
    assert_eq!(titled["screening_progress"], "SCREENED_ACCEPTED");
    let screenings = app.get(&format!("/v1/persons/{pid}/screenings")).await;
    assert_eq!(screenings.assert(200).as_array().unwrap().len(), 1);
    assert!(hits(&app, "").await.is_empty());
}

#[tokio::test]
async fn bad_decisions_and_filters_are_400_and_other_tenants_hits_404() {
    let app = spawn_app().await;
    import(&app, ListFormat::OfacSdnXml, "sdn.xml")
        .await
        .unwrap();
    let p = app
        .person(json!({"first_name": "Vladimir", "last_name": "Putin"}))
        .await;
    let pid = p["id"].as_str().unwrap().to_owned();
    let hid = hits(&app, "").await[0]["id"].as_str().unwrap().to_owned();
    let path = format!("/v1/screening/hits/{hid}/decision");

    let cases = [
        (json!({}), "decision"),
        (json!({"decision": "maybe"}), "decision"),
        (json!({"decision": 1}), "decision"),
        (json!({"decision": "false_positive", "note": 5}), "note"),
        (
            json!({"decision": "false_positive", "note": "x".repeat(2001)}),
            "note",
        ),
        (
            json!({"decision": "false_positive", "reviewer": "me"}),
            "reviewer",
        ),
    ];
    for (body, field) in cases {
        let reply = app.post(&path, body.clone()).await;
        reply.assert_error(400, "invalid_model");
        assert_eq!(reply.field(), field, "{body}: {}", reply.body);
    }
    let reply = app.get("/v1/screening/hits?status=closed").await;
    reply.assert_error(400, "invalid_model");
    assert_eq!(reply.field(), "status");

    // Unknown ids: 404.
    app.post(
        "/v1/screening/hits/00000000000000000000000000000000hit/decision",
        json!({"decision": "false_positive"}),
    )
    .await
    .assert_error(404, "not_found");
    app.post(
        "/v1/screening/hits/nonsense/decision",
        json!({"decision": "false_positive"}),
    )
    .await
    .assert_error(404, "not_found");
    app.post(
        "/v1/persons/00000000000000000000000000000000cper/screenings",
        json!({}),
    )
    .await
    .assert_error(404, "not_found");

    // Another tenant sees none of it.
    let other = app.other_tenant("acme").await;
    let as_other = |method: reqwest::Method, path: String, body: Option<Value>| {
        let app = &app;
        let other = other.clone();
        async move {
            app.send(
                method,
                &path,
                Some(&other),
                body.map(|b| b.to_string().into_bytes()),
                Some("application/json"),
                &[],
            )
            .await
        }
    };
    as_other(
        reqwest::Method::POST,
        path.clone(),
        Some(json!({"decision": "false_positive"})),
    )
    .await
    .assert_error(404, "not_found");
    as_other(
        reqwest::Method::GET,
        format!("/v1/persons/{pid}/screenings"),
        None,
    )
    .await
    .assert_error(404, "not_found");
    let theirs = as_other(reqwest::Method::GET, "/v1/screening/hits".into(), None).await;
    assert_eq!(theirs.assert(200), &json!([]));
    // Still open for its own tenant.
    assert_eq!(hits(&app, "?status=open").await.len(), 1);
    assert_eq!(
        person_field(&app, &pid, "screening_progress").await,
        "POTENTIAL_MATCH"
    );
}

#[tokio::test]
async fn an_import_re_screens_every_person_already_there_in_batches() {
    let app = spawn_app().await;
    let mut others = Vec::new();
    for n in 0..105u32 {
        let last: String = [b'a' + (n / 26) as u8, b'a' + (n % 26) as u8]
            .iter()
            .map(|&b| b as char)
            .collect();
        let p = app
            .person(json!({"first_name": "Annabel", "last_name": format!("Quist{last}")}))
            .await;
        others.push(p["id"].as_str().unwrap().to_owned());
    }
    let listed = app
        .person(json!({"first_name": "Vladimir", "last_name": "Putin"}))
        .await;
    assert_eq!(listed["screening_progress"], "NOT_SCREENED");
    let listed = listed["id"].as_str().unwrap().to_owned();

    import(&app, ListFormat::OfacSdnXml, "sdn.xml")
        .await
        .unwrap();

    assert_eq!(
        person_field(&app, &listed, "screening_progress").await,
        "POTENTIAL_MATCH"
    );
    for pid in &others {
        assert_eq!(
            person_field(&app, pid, "screening_progress").await,
            "SCREENED_ACCEPTED",
            "{pid}"
        );
    }
    let open = hits(&app, "?status=open").await;
    assert_eq!(open.len(), 1, "{open:?}");
    assert_eq!(open[0]["person_id"], listed.as_str());
    assert_eq!(app.state.store.pending_job_count().await.unwrap(), 0);
}

#[tokio::test]
async fn a_sandbox_changeall_screens_the_new_names() {
    let app = spawn_app().await;
    import(&app, ListFormat::OfacSdnXml, "sdn.xml")
        .await
        .unwrap();
    let (pid, iid) = app.requested("X-AUTOTEST-CHANGEALL", "Tester").await;
    let before = app.get(&format!("/v1/persons/{pid}/screenings")).await;
    assert_eq!(
        before.assert(200).as_array().unwrap().len(),
        1,
        "on creation"
    );
    app.advance(120).await;
    assert_eq!(app.status(&pid, &iid).await, "successful");
    let after = app.get(&format!("/v1/persons/{pid}/screenings")).await;
    let after = after.assert(200).as_array().unwrap().clone();
    assert_eq!(after.len(), 2, "the new names were screened: {after:?}");
    assert_eq!(
        person_field(&app, &pid, "screening_progress").await,
        "SCREENED_ACCEPTED"
    );
}

#[tokio::test]
async fn a_sanctions_hit_holds_an_advanced_signer_with_140_then_4110() {
    let app = spawn_app().await;
    // Identified before any list exists.
    let (pid, iid) = app.requested("Vladimir", "Putin").await;
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
    app.advance(121).await;
    assert_eq!(app.status(&pid, &iid).await, "successful");
    let pdf = {
        use base64::Engine;
        base64::engine::general_purpose::STANDARD.encode(helpers::sample_pdf("Contract"))
    };
    let doc = app
        .post(
            "/v1/documents",
            json!({"name": "Contract", "file": pdf, "signature_level": "advanced",
                   "signers": [{"name": "V. Putin", "email": "v@example.com", "person_id": pid}]}),
        )
        .await
        .assert(201)
        .clone();
    assert_eq!(doc["signers"][0]["status"], "user_consent_required");
    let signer_path = format!(
        "/v1/documents/{}/signers/{}",
        doc["id"].as_str().unwrap(),
        doc["signers"][0]["id"].as_str().unwrap()
    );

    // The list arrives; the re-screening finds the signer.
    import(&app, ListFormat::OfacSdnXml, "sdn.xml")
        .await
        .unwrap();
    let s = app.get(&signer_path).await.assert(200).clone();
    assert_eq!(s["status"], "kyc_required", "{s}");
    let updates = |types: Vec<String>| types.iter().filter(|t| *t == "person.updated").count();
    let before = updates(app.event_types().await);
    assert!(before >= 1, "the re-screening announced the new verdict");
    assert_eq!(s["status_codes"], json!([140]));
    app.post(&format!("{signer_path}/approve"), json!({}))
        .await
        .assert_error(422, "invalid_transition");

    let hid = hits(&app, "?status=open").await[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    decide(&app, &hid, "true_positive").await;
    let s = app.get(&signer_path).await.assert(200).clone();
    assert_eq!(s["status_codes"], json!([4110]));
    assert_eq!(
        updates(app.event_types().await),
        before + 1,
        "the decision changed the verdict: person.updated"
    );
    decide(&app, &hid, "false_positive").await;
    let s = app.get(&signer_path).await.assert(200).clone();
    assert_eq!(
        s["status"], "user_consent_required",
        "a cleared hit lets the signer go"
    );
}

#[tokio::test]
async fn the_installation_sets_the_threshold_searches_and_screenings_use_by_default() {
    let strict = helpers::spawn_app_with(|c| c.screening_threshold = 0.99).await;
    import(&strict, ListFormat::OfacSdnXml, "sdn.xml")
        .await
        .unwrap();
    let typo = json!({"name": "Vladimr Putin"});
    assert!(search(&strict, typo.clone()).await.is_empty());
    let p = strict
        .person(json!({"first_name": "Vladimr", "last_name": "Putin"}))
        .await;
    assert_eq!(p["screening_progress"], "SCREENED_ACCEPTED", "{p}");
    // A search may still ask for another threshold.
    assert!(
        !search(&strict, json!({"name": "Vladimr Putin", "threshold": 0.8}))
            .await
            .is_empty()
    );
    let default = spawn_app().await;
    import(&default, ListFormat::OfacSdnXml, "sdn.xml")
        .await
        .unwrap();
    assert!(!search(&default, typo).await.is_empty());
}

#[tokio::test]
async fn lists_hits_and_screenings_are_paginated() {
    let app = spawn_app().await;
    import(&app, ListFormat::OfacSdnXml, "sdn.xml")
        .await
        .unwrap();
    import(&app, ListFormat::EuFsfXml, "eu-fsf.xml")
        .await
        .unwrap();
    let page = async |path: &str| app.get(path).await.assert(200).clone();

    let all = lists(&app).await;
    assert_eq!(all.len(), 2);
    assert_eq!(
        page("/v1/screening/lists?page[size]=1").await,
        json!([all[0].clone()])
    );
    assert_eq!(
        page("/v1/screening/lists?page[size]=1&page[number]=2").await,
        json!([all[1].clone()])
    );

    let mut pid = String::new();
    for _ in 0..2 {
        let p = app
            .person(json!({"first_name": "Vladimir", "last_name": "Putin"}))
            .await;
        pid = p["id"].as_str().unwrap().to_owned();
    }
    let all = hits(&app, "").await;
    assert!(all.len() >= 2, "{all:?}");
    assert_eq!(hits(&app, "?page[size]=1").await, [all[0].clone()]);
    assert_eq!(
        hits(&app, "?page[size]=1&page[number]=2").await,
        [all[1].clone()]
    );
    assert_eq!(hits(&app, "?status=open&page[size]=1").await.len(), 1);
    assert!(
        hits(&app, "?page[size]=1000&page[number]=2")
            .await
            .is_empty()
    );
    app.get("/v1/screening/hits?page[size]=1001")
        .await
        .assert_error(400, "invalid_model");

    app.post(&format!("/v1/persons/{pid}/screenings"), json!({}))
        .await
        .assert(201);
    let path = format!("/v1/persons/{pid}/screenings");
    let all = page(&path).await;
    assert_eq!(all.as_array().unwrap().len(), 2, "{all}");
    assert_eq!(
        page(&format!("{path}?page[size]=1")).await,
        json!([all[0].clone()])
    );
    assert_eq!(
        page(&format!("{path}?page[size]=1&page[number]=2")).await,
        json!([all[1].clone()])
    );
}

/// An identified person with an advanced document to sign: the signer's API path.
#[allow(clippy::unwrap_used)]
async fn identified_signer(app: &TestApp, first: &str, last: &str) -> (String, String) {
    let (pid, iid) = app.requested(first, last).await;
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
    app.advance(121).await;
    assert_eq!(app.status(&pid, &iid).await, "successful");
    let pdf = {
        use base64::Engine;
        base64::engine::general_purpose::STANDARD.encode(helpers::sample_pdf("Contract"))
    };
    let doc = app
        .post(
            "/v1/documents",
            json!({"name": "Contract", "file": pdf, "signature_level": "advanced",
                   "signers": [{"name": last, "email": "s@example.com", "person_id": pid}]}),
        )
        .await
        .assert(201)
        .clone();
    let path = format!(
        "/v1/documents/{}/signers/{}",
        doc["id"].as_str().unwrap(),
        doc["signers"][0]["id"].as_str().unwrap()
    );
    (pid, path)
}

fn hit_of<'a>(hits: &'a [Value], pid: &str) -> &'a Value {
    hits.iter()
        .find(|h| h["person_id"] == pid)
        .unwrap_or_else(|| panic!("no hit for {pid}: {hits:?}"))
}

#[tokio::test]
async fn a_pep_hit_weighs_on_the_risk_and_a_sanctions_hit_also_holds_the_match_and_signing() {
    let app = spawn_app().await;
    let summary = import(
        &app,
        ListFormat::OpenSanctionsFtm,
        "opensanctions-peps.ftm.jsonl",
    )
    .await
    .unwrap();
    assert_eq!(summary.entries, 3, "{summary:?}");

    // Searches show each entry's topics and datasets.
    let pep = top(&app, "Hieronymus Quastenberg").await.unwrap();
    assert_eq!(pep["entry_id"], "Q-pep-quastenberg");
    assert_eq!(pep["topics"], json!(["role.pep"]));
    assert_eq!(pep["datasets"], json!(["wd_peps"]));
    let rca = top(&app, "Ottilie Quastenberg").await.unwrap();
    assert_eq!(rca["topics"], json!(["role.rca"]));
    let sanctioned = top(&app, "Бартоломей Зинковский").await.unwrap();
    assert_eq!(sanctioned["entry_id"], "ofac-zinkovsky");
    assert_eq!(sanctioned["topics"], json!(["sanction"]));
    assert_eq!(sanctioned["datasets"], json!(["us_ofac_sdn"]));

    let (pep_id, pep_signer) = identified_signer(&app, "Hieronymus", "Quastenberg").await;
    let (sanc_id, sanc_signer) = identified_signer(&app, "Bartholomew", "Zinkovsky").await;
    app.patch(
        &format!("/v1/persons/{pep_id}"),
        json!({"self_declared_as_pep": false}),
    )
    .await
    .assert(200);

    // Open: the PEP is a potential risk and nothing more; the sanctioned person a potential
    // match, and their signer waits with 140.
    let open = hits(&app, "?status=open").await;
    assert_eq!(open.len(), 2, "{open:?}");
    let pep_hit = hit_of(&open, &pep_id).clone();
    assert_eq!(pep_hit["topics"], json!(["role.pep"]), "{pep_hit}");
    assert_eq!(pep_hit["datasets"], json!(["wd_peps"]));
    let sanc_hit = hit_of(&open, &sanc_id).clone();
    assert_eq!(sanc_hit["topics"], json!(["sanction"]), "{sanc_hit}");
    assert_eq!(
        person_field(&app, &pep_id, "screening_progress").await,
        "SCREENED_ACCEPTED"
    );
    assert_eq!(
        person_field(&app, &pep_id, "risk_classification_status").await,
        "POTENTIAL_RISK"
    );
    assert_eq!(
        person_field(&app, &sanc_id, "screening_progress").await,
        "POTENTIAL_MATCH"
    );
    assert_eq!(
        person_field(&app, &sanc_id, "risk_classification_status").await,
        "POTENTIAL_RISK"
    );
    let s = app.get(&pep_signer).await.assert(200).clone();
    assert_eq!(s["status"], "user_consent_required", "{s}");
    let s = app.get(&sanc_signer).await.assert(200).clone();
    assert_eq!(s["status"], "kyc_required", "{s}");
    assert_eq!(s["status_codes"], json!([140]));

    // Confirmed: the PEP is high risk and may still sign; the sanctioned person is declined,
    // high risk, and their signer held with 4110.
    let decided = decide(&app, pep_hit["id"].as_str().unwrap(), "true_positive").await;
    assert_eq!(decided["topics"], json!(["role.pep"]));
    assert_eq!(
        person_field(&app, &pep_id, "screening_progress").await,
        "SCREENED_ACCEPTED"
    );
    assert_eq!(
        person_field(&app, &pep_id, "risk_classification_status").await,
        "HIGH_RISK"
    );
    let s = app.get(&pep_signer).await.assert(200).clone();
    assert_eq!(s["status"], "user_consent_required", "{s}");

    decide(&app, sanc_hit["id"].as_str().unwrap(), "true_positive").await;
    assert_eq!(
        person_field(&app, &sanc_id, "screening_progress").await,
        "SCREENED_DECLINED"
    );
    assert_eq!(
        person_field(&app, &sanc_id, "risk_classification_status").await,
        "HIGH_RISK"
    );
    let s = app.get(&sanc_signer).await.assert(200).clone();
    assert_eq!(s["status_codes"], json!([4110]), "{s}");

    // The screening record and a screening run again keep the topics and the verdicts.
    let again = app
        .post(&format!("/v1/persons/{pep_id}/screenings"), json!({}))
        .await
        .assert(201)
        .clone();
    assert_eq!(again["screening_progress"], "SCREENED_ACCEPTED", "{again}");
    assert_eq!(again["risk_classification_status"], "HIGH_RISK");
    assert_eq!(again["hits"][0]["topics"], json!(["role.pep"]));
    let confirmed = hits(&app, "?status=true_positive").await;
    assert_eq!(confirmed.len(), 2, "{confirmed:?}");
}

#[tokio::test]
async fn a_relatives_hit_is_a_risk_and_official_lists_entries_are_sanctions() {
    let app = spawn_app().await;
    import(
        &app,
        ListFormat::OpenSanctionsFtm,
        "opensanctions-peps.ftm.jsonl",
    )
    .await
    .unwrap();
    import(&app, ListFormat::OfacSdnXml, "sdn.xml")
        .await
        .unwrap();
    let rca = app
        .person(json!({"first_name": "Ottilie", "last_name": "Quastenberg"}))
        .await;
    assert_eq!(rca["screening_progress"], "SCREENED_ACCEPTED", "{rca}");
    assert_eq!(rca["risk_classification_status"], "POTENTIAL_RISK");
    // An OFAC entry gives no topics: a sanction, as before topics.
    let listed = app
        .person(json!({"first_name": "Vladimir", "last_name": "Putin"}))
        .await;
    assert_eq!(listed["screening_progress"], "POTENTIAL_MATCH", "{listed}");
    let pid = listed["id"].as_str().unwrap();
    let open = hits(&app, "?status=open").await;
    let hit = hit_of(&open, pid);
    assert_eq!(hit["list"], "ofac-sdn");
    assert_eq!(hit["topics"], json!(["sanction"]));
    assert_eq!(hit["datasets"], json!([]));
    let m = top(&app, "Vladimir Putin").await.unwrap();
    assert_eq!(m["topics"], json!(["sanction"]));
}
