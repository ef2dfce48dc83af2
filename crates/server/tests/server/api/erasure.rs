//! A person's relationship end, retention and erasure over the API: what goes at once, what
//! stays until when and why, and the person gone (410) once the retention ends, with their
//! signed document still whole for its other signers. Runs on SQLite, and on PostgreSQL with
//! `SIGNET_TEST_DATABASE=postgres`.

use crate::helpers::{TestApp, b64, document, sample_pdf, signer_path, spawn_app};
use serde_json::{Value, json};

async fn send_document(app: &TestApp, pid: &str, name: &str) -> Value {
    app.post(
        "/v1/documents",
        json!({
            "name": name,
            "file": b64(&sample_pdf(name)),
            "signers": [
                {"name": "Ada Lovelace", "email": "ada@example.com", "person_id": pid},
                {"name": "Charles Babbage", "email": "charles@example.com"},
            ],
        }),
    )
    .await
    .assert(201)
    .clone()
}

async fn sign(app: &TestApp, doc: &Value, i: usize) {
    app.post(&signer_path(doc, i, "approve"), json!({}))
        .await
        .assert(200);
    app.post(&signer_path(doc, i, "confirm"), json!({"otp": "123456"}))
        .await
        .assert(200);
}

fn today(app: &TestApp, clock: &Value) -> chrono::NaiveDate {
    let _ = app;
    chrono::DateTime::parse_from_rfc3339(clock["now"].as_str().unwrap())
        .unwrap()
        .date_naive()
}

#[tokio::test]
async fn the_retention_is_a_tenant_setting_and_a_relationship_ends_on_a_day_not_in_the_future() {
    let app = spawn_app().await;
    assert_eq!(
        app.get("/v1/settings/retention").await.assert(200)["years"],
        5
    );
    for bad in [
        json!({"years": 0}),
        json!({"years": 31}),
        json!({"years": "5"}),
    ] {
        let r = app.send(
            axum::http::Method::PUT,
            "/v1/settings/retention",
            Some(&app.key),
            Some(bad.to_string().into_bytes()),
            Some("application/json"),
            &[],
        );
        assert_eq!(r.await.status.as_u16(), 400, "{bad}");
    }
    let put = app
        .send(
            axum::http::Method::PUT,
            "/v1/settings/retention",
            Some(&app.key),
            Some(json!({"years": 7}).to_string().into_bytes()),
            Some("application/json"),
            &[],
        )
        .await;
    assert_eq!(put.assert(200)["years"], 7);

    let p = app
        .person(json!({"first_name": "Ada", "last_name": "Lovelace"}))
        .await;
    let pid = p["id"].as_str().unwrap();
    let end = format!("/v1/persons/{pid}/relationship/end");
    let clock = app.get("/v1/sandbox/clock").await.assert(200).clone();
    let tomorrow = today(&app, &clock) + chrono::Duration::days(1);
    app.post(&end, json!({"ended_at": tomorrow.to_string()}))
        .await
        .assert_error(400, "invalid_model");
    app.post(&end, json!({"ended_at": "2026-02-30"}))
        .await
        .assert_error(400, "invalid_model");
    let r = app.post(&end, json!({"ended_at": "2024-02-29"})).await;
    let r = r.assert(200);
    assert_eq!(r["relationship_ended_on"], "2024-02-29");
    assert_eq!(r["retention_years"], 7);
    assert_eq!(r["retained_until"], "2031-02-28", "{r}");
    // No body: the tenant's today.
    let r = app.post(&end, json!({})).await.assert(200).clone();
    assert_eq!(r["relationship_ended_on"], today(&app, &clock).to_string());
    app.post(
        "/v1/persons/00000000000000000000000000000000per/relationship/end",
        json!({}),
    )
    .await
    .assert_error(404, "not_found");
}

#[tokio::test]
async fn an_erasure_keeps_the_records_until_the_retention_ends_then_the_person_is_gone() {
    let app = spawn_app().await;
    let (pid, iid) = app.requested("Ada", "Lovelace").await;
    app.patch(
        &format!("/v1/persons/{pid}"),
        json!({"email": "ada.lovelace@example.com"}),
    )
    .await
    .assert(200);
    let unsigned = send_document(&app, &pid, "Offer").await;
    let signed = send_document(&app, &pid, "Lease").await;
    sign(&app, &signed, 0).await;
    sign(&app, &signed, 1).await;
    assert_eq!(document(&app, &signed).await["status"], "finished");
    let clock = app.get("/v1/sandbox/clock").await.assert(200).clone();
    let until = (today(&app, &clock) + chrono::Months::new(60)).to_string();

    let report = app
        .post(&format!("/v1/persons/{pid}/erasure"), json!({}))
        .await
        .assert(200)
        .clone();
    let erased: Vec<&str> = report["erased"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(
        erased.contains(&"contact data (email, mobile_number)"),
        "{report:#}"
    );
    assert!(
        erased.contains(&"documents the person was to sign that nobody signed"),
        "{report:#}"
    );
    assert!(
        erased.contains(&"webhook payloads that name the person"),
        "{report:#}"
    );
    let retained = report["retained"].as_array().unwrap();
    let category = |c: &str| retained.iter().find(|r| r["category"] == c).cloned();
    let ident = category("identification_data").expect("identification data kept");
    assert_eq!(ident["until"], until.as_str(), "{report:#}");
    assert!(ident["basis"].as_str().unwrap().contains("AMLD4 Art. 40"));
    let docs = category("signed_documents (1)").expect("the signed document kept");
    assert!(docs["until"].is_null());
    assert!(report["erased_at"].is_null());

    // At once: contact data gone, the unsigned document deleted, the signed one kept; the
    // person and their identification still readable until the retention ends.
    let person = app
        .get(&format!("/v1/persons/{pid}"))
        .await
        .assert(200)
        .clone();
    assert!(person.get("email").is_none_or(Value::is_null), "{person}");
    assert!(
        person.get("mobile_number").is_none_or(Value::is_null),
        "{person}"
    );
    assert_eq!(person["last_name"], "Lovelace");
    // The cleanup job, due at once, deletes the unsigned document and the payloads naming
    // the person.
    let unsigned_path = format!("/v1/documents/{}", unsigned["id"].as_str().unwrap());
    crate::helpers::wait_for("the unsigned document to go", async || {
        app.get(&unsigned_path).await.status.as_u16() == 404
    })
    .await;
    app.get(&unsigned_path)
        .await
        .assert_error(404, "document_not_found");
    let tenant = app.state.store.tenant_by_name("default").await.unwrap();
    crate::helpers::wait_for("the payloads naming the person to go", async || {
        let events = app
            .state
            .store
            .events_after(&tenant.id, signet_store::Mode::Test, 0, 10_000)
            .await
            .unwrap();
        !events.iter().any(|e| e.data.to_string().contains(&pid))
    })
    .await;
    // No new data about the person is taken any more.
    app.patch(
        &format!("/v1/persons/{pid}"),
        json!({"job_title": "Analyst"}),
    )
    .await
    .assert_error(422, "invalid_state");
    app.post(
        &format!("/v1/persons/{pid}/identifications"),
        json!({"method": "idnow", "language": "EN"}),
    )
    .await
    .assert_error(422, "invalid_state");
    let refused = app
        .post(
            "/v1/documents",
            json!({"name": "Another", "file": b64(&sample_pdf("Another")),
                "signers": [{"name": "Ada", "email": "ada@example.com", "person_id": pid}]}),
        )
        .await;
    refused.assert_error(400, "invalid_model");
    assert_eq!(refused.field(), "signers[0].person_id");
    app.get(&format!("/v1/persons/{pid}/identifications/{iid}"))
        .await
        .assert(200);
    // Asked again: the same answer; the relationship's end it fixed stays.
    let again = app
        .post(&format!("/v1/persons/{pid}/erasure"), json!({}))
        .await
        .assert(200)
        .clone();
    assert_eq!(again, report);
    app.post(&format!("/v1/persons/{pid}/relationship/end"), json!({}))
        .await
        .assert_error(422, "invalid_state");

    // The back office lists the request with what it erased and kept.
    crate::backoffice::operator(&app).await;
    let cookie = crate::backoffice::sign_in(&app).await;
    let page = crate::backoffice::get(&app, "/admin/erasures", Some(&cookie)).await;
    assert_eq!(page.status.as_u16(), 200);
    let row = &page.text[page.at(&format!(r#"data-person="{pid}""#))..];
    let row = &row[..row.find("</tr>").unwrap()];
    assert!(
        row.contains("documents the person was to sign that nobody signed"),
        "{row}"
    );
    assert!(
        row.contains(&format!(
            "<strong>identification_data</strong> until {until}"
        )),
        "{row}"
    );
    assert!(row.contains(&format!("kept until {until}")), "{row}");

    // A day before the end nothing changes; after it the person is gone.
    for _ in 0..5 {
        app.advance(365 * 86_400).await;
    }
    app.get(&format!("/v1/persons/{pid}")).await.assert(200);
    app.advance(3 * 86_400).await;
    for path in [
        format!("/v1/persons/{pid}"),
        format!("/v1/persons/{pid}/identifications/{iid}"),
        format!("/v1/persons/{pid}/identifications"),
        format!("/v1/persons/{pid}/export"),
    ] {
        app.get(&path).await.assert_error(410, "person_erased");
    }
    app.post(&format!("/v1/persons/{pid}/erasure"), json!({}))
        .await
        .assert_error(410, "person_erased");
    // The signed document stays whole for its other signer: file, audit chain.
    let did = signed["id"].as_str().unwrap();
    let doc = app
        .get(&format!("/v1/documents/{did}"))
        .await
        .assert(200)
        .clone();
    assert_eq!(doc["status"], "finished");
    let file = app.get(&format!("/v1/documents/{did}/file")).await;
    assert_eq!(file.status.as_u16(), 200);
    assert!(file.bytes.starts_with(b"%PDF"));
    let audit = app
        .get(&format!("/v1/documents/{did}/audit"))
        .await
        .assert(200)
        .clone();
    assert_eq!(audit["chain_valid"], true, "{audit}");
    let page = crate::backoffice::get(&app, "/admin/erasures", Some(&cookie)).await;
    let row = &page.text[page.at(&format!(r#"data-person="{pid}""#))..];
    assert!(
        row[..row.find("</tr>").unwrap()].contains("erased "),
        "{row}"
    );
    // The person's key is destroyed: nothing sealed under it opens again.
    if let Some(keyring) = app.state.store.keyring() {
        assert!(
            keyring
                .existing_data_key(tenant.id.as_str(), &format!("person:{pid}"))
                .await
                .is_err(),
            "the person's data key still opens"
        );
    }
}

#[tokio::test]
async fn a_person_with_no_record_to_keep_is_erased_at_once() {
    let app = spawn_app().await;
    let p = app
        .person(json!({"first_name": "Grace", "last_name": "Hopper", "email": "grace@example.com"}))
        .await;
    let pid = p["id"].as_str().unwrap();
    let report = app
        .post(&format!("/v1/persons/{pid}/erasure"), json!({}))
        .await
        .assert(200)
        .clone();
    assert_eq!(report["retained"], json!([]), "{report:#}");
    assert!(report["erased_at"].is_string(), "{report:#}");
    app.get(&format!("/v1/persons/{pid}"))
        .await
        .assert_error(410, "person_erased");
    // Another tenant does not learn of it: its key sees no such person.
    let other = app.other_tenant("other").await;
    let r = app
        .send(
            axum::http::Method::GET,
            &format!("/v1/persons/{pid}"),
            Some(&other),
            None,
            None,
            &[],
        )
        .await;
    r.assert_error(404, "not_found");
}
