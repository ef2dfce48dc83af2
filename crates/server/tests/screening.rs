//! AML screening over HTTP: lists imported from the published formats (the fixtures of
//! `crates/screening/tests/fixtures`) through the import the CLI uses, then searched. Runs on
//! SQLite, and on PostgreSQL with `SIGNET_TEST_DATABASE=postgres`.

#[allow(dead_code, clippy::unwrap_used)]
#[path = "api/helpers.rs"]
mod helpers;

use helpers::{TestApp, spawn_app};
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
    import_list(
        &app.state.store,
        format,
        &fixture(file),
        app.state.wall_now(),
        |_| {},
    )
    .await
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
