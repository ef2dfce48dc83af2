//! A document's life beyond signing, over HTTP: the integrator's document number (seed 001's
//! 73 and 81), deletion before anyone signed (37, 38) with its tombstone.

use crate::api::documents::{send, sign};
use crate::helpers::{TestApp, document, spawn_app};
use reqwest::Method;
use serde_json::{Value, json};

fn id(doc: &Value) -> &str {
    doc["id"].as_str().unwrap()
}

async fn delete(app: &TestApp, doc: &Value) -> crate::helpers::Reply {
    app.send(
        Method::DELETE,
        &format!("/v1/documents/{}", id(doc)),
        Some(&app.key),
        None,
        None,
        &[],
    )
    .await
}

/// The path of signer `i`'s hosted page.
fn page_path(doc: &Value, i: usize) -> String {
    let url = doc["signers"][i]["url"].as_str().unwrap();
    url[url.find("/sign/").unwrap()..].to_owned()
}

async fn page_status(app: &TestApp, path: &str) -> u16 {
    app.client
        .get(app.url(path))
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

async fn tenant(app: &TestApp) -> signet_store::Tenant {
    app.state.store.tenant_by_name("default").await.unwrap()
}

#[tokio::test]
async fn a_number_is_returned_unique_and_filterable() {
    let app = spawn_app().await;
    let a = send(&app, json!({"number": "INV-2026_001,a@b"})).await;
    assert_eq!(a["number"], "INV-2026_001,a@b");
    let b = send(&app, json!({"number": "INV-2026_002"})).await;
    let plain = send(&app, json!({})).await;
    assert_eq!(plain["number"], Value::Null);
    assert_eq!(document(&app, &a).await["number"], "INV-2026_001,a@b");

    // Taken in the tenant and mode: 409 with 73, and nothing is stored.
    let mut body = json!({
        "name": "Again",
        "file": crate::helpers::b64(&crate::helpers::sample_pdf("Again")),
        "signers": [{"name": "Ana", "email": "ana@example.com"}],
        "number": "INV-2026_002",
    });
    let r = app.post("/v1/documents", body.clone()).await;
    r.assert_error(409, "document_number_taken");
    assert_eq!(r.body["errors"][0]["return_code"], 73);
    let all = app.get("/v1/documents?page[size]=100").await;
    assert_eq!(all.assert(200).as_array().unwrap().len(), 3);

    // Malformed: 400 naming `number`, with 81.
    for bad in ["", "INV 1", "INV/1", "Nº1", &"x".repeat(65)] {
        body["number"] = json!(bad);
        let r = app.post("/v1/documents", body.clone()).await;
        r.assert_error(400, "invalid_model");
        assert_eq!(r.field(), "number", "{bad:?}");
        assert_eq!(r.body["errors"][0]["return_code"], 81, "{bad:?}");
    }
    body["number"] = json!("x".repeat(64));
    app.post("/v1/documents", body.clone()).await.assert(201);

    // The filter finds exactly the document with the number.
    let found = app.get("/v1/documents?number=INV-2026_002").await;
    let found = found.assert(200).as_array().unwrap().clone();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0]["id"], b["id"]);
    let none = app.get("/v1/documents?number=INV-2026_999").await;
    assert!(none.assert(200).as_array().unwrap().is_empty());
    let r = app.get("/v1/documents?number=INV%202026").await;
    r.assert_error(400, "invalid_model");
    assert_eq!(r.body["errors"][0]["return_code"], 81);

    // Another tenant may use the same number.
    let other = app.other_tenant("other").await;
    body["number"] = json!("INV-2026_002");
    let r = app
        .send(
            Method::POST,
            "/v1/documents",
            Some(&other),
            Some(body.to_string().into_bytes()),
            Some("application/json"),
            &[],
        )
        .await;
    assert_eq!(r.assert(201)["number"], "INV-2026_002");
}

#[tokio::test]
async fn deleting_an_unsigned_document_removes_file_links_and_timers_and_keeps_a_tombstone() {
    let app = spawn_app().await;
    let doc = send(
        &app,
        json!({"number": "DEL-1", "signing_order": "sequential", "expires_at": "2099-01-01T00:00:00Z"}),
    )
    .await;
    let did = id(&doc).to_owned();
    // The first signer approves: a live one-time code and a timer wait on the document.
    app.post(&crate::helpers::signer_path(&doc, 0, "approve"), json!({}))
        .await
        .assert(200);
    let t = tenant(&app).await;
    let far = app.state.wall_now() + chrono::Duration::days(36500);
    assert!(app.state.store.due_jobs(&t.id, far).await.unwrap() > 0);
    assert_eq!(page_status(&app, &page_path(&doc, 0)).await, 200);
    let key = format!("{}/documents/{did}/original.pdf", t.id.as_str());
    assert!(app.state.blobs.get(&key).await.is_ok());

    delete(&app, &doc).await.assert(204);

    app.get(&format!("/v1/documents/{did}"))
        .await
        .assert_error(404, "document_not_found");
    app.get(&format!("/v1/documents/{did}/file"))
        .await
        .assert_error(404, "document_not_found");
    let confirm = app
        .post(
            &crate::helpers::signer_path(&doc, 0, "confirm"),
            json!({"otp": "123456"}),
        )
        .await;
    confirm.assert_error(404, "document_not_found");
    for i in 0..2 {
        assert_eq!(page_status(&app, &page_path(&doc, i)).await, 404);
        assert_eq!(
            page_status(&app, &format!("{}/pages/1", page_path(&doc, i))).await,
            404
        );
    }
    assert!(app.state.blobs.get(&key).await.is_err(), "the file is gone");
    assert_eq!(
        app.state.store.due_jobs(&t.id, far).await.unwrap(),
        0,
        "the document's timers are gone"
    );
    let listed = app.get("/v1/documents").await;
    assert!(listed.assert(200).as_array().unwrap().is_empty());
    // Deleting again: it is not there.
    delete(&app, &doc)
        .await
        .assert_error(404, "document_not_found");

    // The trail stays, closed by the deletion, and its chain verifies.
    let audit = app.get(&format!("/v1/documents/{did}/audit")).await;
    let audit = audit.assert(200);
    assert_eq!(audit["chain_valid"], true);
    let entries = audit["entries"].as_array().unwrap();
    let last = entries.last().unwrap();
    assert_eq!(last["action"], "document.deleted");
    assert!(last["actor"].as_str().unwrap().starts_with("api_key:"));
    assert_eq!(last["details"]["number"], "DEL-1");
    assert_eq!(audit["head"], last["hash"]);
    // Another tenant sees nothing of it.
    let other = app.other_tenant("other").await;
    let r = app
        .send(
            Method::GET,
            &format!("/v1/documents/{did}/audit"),
            Some(&other),
            None,
            None,
            &[],
        )
        .await;
    r.assert_error(404, "document_not_found");

    // The event, with its payload.
    let events = app
        .state
        .store
        .events_after(&t.id, signet_store::Mode::Test, 0, 10_000)
        .await
        .unwrap();
    let deleted: Vec<_> = events
        .iter()
        .filter(|e| e.event_type == "document.deleted")
        .collect();
    assert_eq!(deleted.len(), 1);
    assert_eq!(deleted[0].data["id"], did.as_str());
    assert_eq!(deleted[0].data["number"], "DEL-1");
    assert_eq!(deleted[0].data["status"], "pending");
    assert_eq!(deleted[0].data["audit_head"], last["hash"]);

    // The number is free again.
    assert_eq!(
        send(&app, json!({"number": "DEL-1"})).await["number"],
        "DEL-1"
    );
}

#[tokio::test]
async fn a_document_a_signer_signed_cannot_be_deleted() {
    let app = spawn_app().await;
    let doc = send(&app, json!({})).await;
    sign(&app, &doc, 0).await;
    let r = delete(&app, &doc).await;
    r.assert_error(409, "document_has_signatures");
    assert_eq!(r.body["errors"][0]["return_code"], 37);
    assert_eq!(document(&app, &doc).await["signatures"], 1);
    // Canceled, it still cannot be deleted: the signature is evidence.
    app.post(&format!("/v1/documents/{}/cancel", id(&doc)), json!({}))
        .await
        .assert(200);
    delete(&app, &doc)
        .await
        .assert_error(409, "document_has_signatures");
    // A canceled document nobody signed can.
    let unsigned = send(&app, json!({})).await;
    app.post(
        &format!("/v1/documents/{}/cancel", id(&unsigned)),
        json!({}),
    )
    .await
    .assert(200);
    delete(&app, &unsigned).await.assert(204);
}

#[tokio::test]
async fn a_bulk_deletion_is_all_or_nothing() {
    let app = spawn_app().await;
    let a = send(&app, json!({"number": "A"})).await;
    let b = send(&app, json!({})).await;
    let signed = send(&app, json!({})).await;
    sign(&app, &signed, 0).await;
    let unknown = signet_core::ids::DocumentId::from_random([9; 16])
        .as_str()
        .to_owned();

    let r = app
        .post(
            "/v1/documents/delete",
            json!({"ids": [id(&a), id(&signed), id(&b), unknown]}),
        )
        .await;
    r.assert_error(409, "documents_not_deletable");
    let errors = r.body["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 2, "{}", r.body);
    assert_eq!(errors[0]["source"]["field"], "ids[1]");
    assert!(
        errors[0]["source"]["message"]
            .as_str()
            .unwrap()
            .contains("signed")
    );
    assert_eq!(errors[1]["source"]["field"], "ids[3]");
    for e in errors {
        assert_eq!(e["return_code"], 38);
    }
    // Nothing went.
    for d in [&a, &b, &signed] {
        document(&app, d).await;
    }

    let r = app
        .post(
            "/v1/documents/delete",
            json!({"ids": [id(&b), id(&a), id(&a)]}),
        )
        .await;
    let deleted = r.assert(200)["deleted"].as_array().unwrap().clone();
    assert_eq!(deleted.len(), 2);
    assert_eq!(deleted[0]["id"], b["id"]);
    assert_eq!(deleted[1]["id"], a["id"]);
    assert_eq!(deleted[1]["number"], "A");
    for d in [&a, &b] {
        app.get(&format!("/v1/documents/{}", id(d)))
            .await
            .assert_error(404, "document_not_found");
    }
    document(&app, &signed).await;

    // Malformed requests.
    let r = app.post("/v1/documents/delete", json!({"ids": []})).await;
    r.assert_error(400, "invalid_model");
    let r = app
        .post("/v1/documents/delete", json!({"ids": ["nope"]}))
        .await;
    r.assert_error(400, "invalid_model");
    assert_eq!(r.field(), "ids[0]");
    let many: Vec<String> = (0..101).map(|_| id(&signed).to_owned()).collect();
    app.post("/v1/documents/delete", json!({"ids": many}))
        .await
        .assert_error(400, "invalid_model");
}

/// The `document.signer_reminded` events written so far: (signer id, automatic, count).
async fn reminded(app: &TestApp) -> Vec<(String, bool, u64)> {
    let t = tenant(app).await;
    app.state
        .store
        .events_after(&t.id, signet_store::Mode::Test, 0, 10_000)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.event_type == "document.signer_reminded")
        .map(|e| {
            (
                e.data["signer_id"].as_str().unwrap().to_owned(),
                e.data["automatic"].as_bool().unwrap(),
                e.data["count"].as_u64().unwrap(),
            )
        })
        .collect()
}

fn signer_id(doc: &Value, i: usize) -> String {
    doc["signers"][i]["id"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn reminders_go_to_the_signer_whose_turn_it_is_on_the_tenant_clock() {
    let app = spawn_app().await;
    let doc = send(
        &app,
        json!({"signing_order": "sequential", "reminders": {"after": 3600, "every": 7200, "max": 2}}),
    )
    .await;
    assert_eq!(
        doc["reminders"],
        json!({"after": 3600, "every": 7200, "max": 2})
    );
    let (first, second) = (signer_id(&doc, 0), signer_id(&doc, 1));

    app.advance(3599).await;
    assert!(reminded(&app).await.is_empty(), "not before `after`");
    app.advance(1).await;
    // Only the signer whose turn it is: the second has not been asked yet.
    assert_eq!(reminded(&app).await, [(first.clone(), true, 1)]);
    app.advance(7199).await;
    assert_eq!(reminded(&app).await.len(), 1, "not before `every`");
    app.advance(1).await;
    assert_eq!(
        reminded(&app).await,
        [(first.clone(), true, 1), (first.clone(), true, 2)]
    );
    app.advance(7200 * 3).await;
    assert_eq!(reminded(&app).await.len(), 2, "at most `max`");

    // The first signs (in a fresh window: the 2-hour one has passed) and is never reminded
    // again; the second's turn comes and their reminders start `after` it (the job looks
    // again every `every` while nobody is due).
    let resend = |i: usize| crate::helpers::signer_path(&doc, i, "resend");
    app.post(&resend(0), json!({})).await.assert(200);
    sign(&app, &doc, 0).await;
    app.advance(3600 + 7200).await;
    let all = reminded(&app).await;
    assert_eq!(all.len(), 3, "{all:?}");
    assert_eq!(all[2], (second.clone(), true, 1));

    // Each reminder is in the audit trail, and the chain verifies.
    let audit = app
        .get(&format!("/v1/documents/{}/audit?page[size]=1000", id(&doc)))
        .await;
    let audit = audit.assert(200);
    assert_eq!(audit["chain_valid"], true);
    let entries: Vec<&Value> = audit["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "signer.reminded")
        .collect();
    assert_eq!(entries.len(), 3);
    assert_eq!(entries[0]["signer_id"], first.as_str());
    assert_eq!(entries[0]["actor"], "system");
    assert_eq!(entries[0]["details"]["automatic"], true);

    // A finished document ends them.
    app.post(&resend(1), json!({})).await.assert(200);
    sign(&app, &doc, 1).await;
    app.advance(7200 * 3).await;
    assert_eq!(reminded(&app).await.len(), 3);
}

#[tokio::test]
async fn a_signer_is_reminded_by_hand_at_most_once_an_hour() {
    let app = spawn_app().await;
    let doc = send(&app, json!({"signing_order": "sequential"})).await;
    let remind = |i: usize| crate::helpers::signer_path(&doc, i, "remind");

    let r = app.post(&remind(0), json!({})).await;
    assert_eq!(r.assert(200)["id"], doc["signers"][0]["id"]);
    let events = reminded(&app).await;
    assert_eq!(events, [(signer_id(&doc, 0), false, 1)]);

    let r = app.post(&remind(0), json!({})).await;
    r.assert_error(429, "reminder_too_soon");
    assert_eq!(r.body["errors"][0]["return_code"], 39);
    let wait: u64 = r.headers["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((3590..=3600).contains(&wait), "{wait}");
    app.advance(3500).await;
    app.post(&remind(0), json!({}))
        .await
        .assert_error(429, "reminder_too_soon");
    app.advance(100).await;
    app.post(&remind(0), json!({})).await.assert(200);
    assert_eq!(reminded(&app).await.len(), 2);

    // Not the second signer's turn yet; never a signer who has signed.
    app.post(&remind(1), json!({}))
        .await
        .assert_error(422, "not_your_turn");
    sign(&app, &doc, 0).await;
    app.post(&remind(0), json!({}))
        .await
        .assert_error(422, "already_signed");
    app.post(&remind(1), json!({})).await.assert(200);
    // A closed document takes none.
    app.post(&format!("/v1/documents/{}/cancel", id(&doc)), json!({}))
        .await
        .assert(200);
    app.advance(3600).await;
    app.post(&remind(1), json!({}))
        .await
        .assert_error(422, "document_closed");
    assert_eq!(reminded(&app).await.len(), 3);

    // The audit trail records who asked.
    let audit = app.get(&format!("/v1/documents/{}/audit", id(&doc))).await;
    let reminders: Vec<Value> = audit.assert(200)["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "signer.reminded")
        .cloned()
        .collect();
    assert_eq!(reminders.len(), 3);
    assert!(
        reminders[0]["actor"]
            .as_str()
            .unwrap()
            .contains("via api_key:")
    );
    assert_eq!(reminders[0]["details"]["automatic"], false);
}

#[tokio::test]
async fn reminders_are_checked_and_a_deleted_document_takes_its_reminders_with_it() {
    let app = spawn_app().await;
    let body = |reminders: Value| {
        json!({
            "name": "R",
            "file": crate::helpers::b64(&crate::helpers::sample_pdf("R")),
            "signers": [{"name": "Ana", "email": "ana@example.com"}],
            "reminders": reminders,
        })
    };
    let r = app
        .post(
            "/v1/documents",
            body(json!({"after": 60, "every": 3600, "max": 21})),
        )
        .await;
    r.assert_error(400, "invalid_model");
    let fields: Vec<&str> = r.body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["source"]["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["reminders.after", "reminders.max"]);
    app.post("/v1/documents", body(json!({"after": 3600, "every": 3600})))
        .await
        .assert_error(400, "invalid_model");

    let doc = app
        .post(
            "/v1/documents",
            body(json!({"after": 3600, "every": 3600, "max": 5})),
        )
        .await
        .assert(201)
        .clone();
    let t = tenant(&app).await;
    let far = app.state.wall_now() + chrono::Duration::days(36500);
    assert!(app.state.store.due_jobs(&t.id, far).await.unwrap() > 0);
    delete(&app, &doc).await.assert(204);
    assert_eq!(app.state.store.due_jobs(&t.id, far).await.unwrap(), 0);
    app.advance(7200).await;
    assert!(reminded(&app).await.is_empty());
}

#[tokio::test]
async fn the_tenant_default_reminds_documents_that_name_none() {
    let app = spawn_app().await;
    let r = app.get("/v1/settings/reminders").await;
    assert_eq!(r.assert(200)["reminders"], Value::Null);
    let put = |body: Value| {
        let app = &app;
        async move {
            app.send(
                Method::PUT,
                "/v1/settings/reminders",
                Some(&app.key),
                Some(body.to_string().into_bytes()),
                Some("application/json"),
                &[],
            )
            .await
        }
    };
    let r = put(json!({"reminders": {"after": 10, "every": 3600, "max": 2}})).await;
    r.assert_error(400, "invalid_model");
    assert_eq!(r.field(), "reminders.after");
    let default = json!({"after": 7200, "every": 3600, "max": 1});
    let r = put(json!({"reminders": default})).await;
    assert_eq!(r.assert(200)["reminders"], default);
    assert_eq!(
        app.get("/v1/settings/reminders").await.assert(200)["reminders"],
        default
    );
    // Live mode keeps its own (none).
    let t = tenant(&app).await;
    assert_eq!(
        app.state
            .store
            .reminder_default(&t.id, signet_store::Mode::Live)
            .await
            .unwrap(),
        None
    );

    let by_default = send(&app, json!({})).await;
    assert_eq!(by_default["reminders"], default);
    let own = send(
        &app,
        json!({"reminders": {"after": 3600, "every": 3600, "max": 0}}),
    )
    .await;
    assert_eq!(own["reminders"]["max"], 0);
    app.advance(7200).await;
    let sent = reminded(&app).await;
    // Both signers of the defaulted document (parallel order), once; none for the other.
    assert_eq!(sent.len(), 2, "{sent:?}");
    for (sid, automatic, count) in &sent {
        assert!(
            by_default["signers"]
                .as_array()
                .unwrap()
                .iter()
                .any(|s| s["id"] == sid.as_str())
        );
        assert!(*automatic);
        assert_eq!(*count, 1);
    }

    // Back to none: new documents get none.
    let r = put(json!({"reminders": null})).await;
    assert_eq!(r.assert(200)["reminders"], Value::Null);
    assert_eq!(send(&app, json!({})).await["reminders"], Value::Null);
}
