#![allow(clippy::unwrap_used, clippy::disallowed_methods)]
//! The back office's records over HTTP: documents of every tenant with their hash-chained
//! audit trails (`/admin/documents`), and webhook deliveries with resend (`/admin/webhooks`).
//! Runs on SQLite, and on PostgreSQL with `SIGNET_TEST_DATABASE=postgres`.

use crate::backoffice::{form, get, operator, post_form, sign_in};
use crate::helpers::{self, TestApp, b64, spawn_app, wait_for};
use crate::webhooks::{Receiver, endpoint, endpoint_id, messages};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use signet_core::ids::WebhookEndpointId;

fn document_body(name: &str) -> Value {
    json!({
        "name": name,
        "file": b64(&helpers::sample_pdf(name)),
        "signers": [
            {"name": "Ana Silva", "email": "ana@example.com"},
            {"name": "Ben Okafor", "email": "ben@example.com"},
        ],
    })
}

/// Sends a document for signature with the given API key.
async fn send_as(app: &TestApp, key: &str, name: &str) -> String {
    let r = app
        .send(
            Method::POST,
            "/v1/documents",
            Some(key),
            Some(document_body(name).to_string().into_bytes()),
            Some("application/json"),
            &[],
        )
        .await;
    r.assert(201)["id"].as_str().unwrap().to_owned()
}

async fn send(app: &TestApp, name: &str) -> String {
    send_as(app, &app.key.clone(), name).await
}

fn row(doc: &str) -> String {
    format!(r#"data-document="{doc}""#)
}

// ---------------------------------------------------------------------------------------------
// Signed out.

#[tokio::test]
async fn signed_out_browsers_are_sent_to_sign_in_and_forms_are_refused() {
    let app = spawn_app().await;
    for path in [
        "/admin/documents",
        "/admin/documents?status=pending",
        "/admin/documents/00000000000000000000000000000000doc",
        "/admin/webhooks",
        "/admin/webhooks/00000000000000000000000000000000whk/00000000000000000000000000000000evt",
    ] {
        let r = get(&app, path, None).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{path}");
        assert_eq!(r.location(), "/admin/login", "{path}");
    }
    let r = post_form(
        &app,
        "/admin/webhooks/00000000000000000000000000000000whk/00000000000000000000000000000000evt/resend",
        None,
        form(&[("csrf", "anything")]),
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
}

// ---------------------------------------------------------------------------------------------
// Documents.

#[tokio::test]
async fn documents_of_every_tenant_are_listed_filtered_and_searched() {
    let app = spawn_app().await;
    operator(&app).await;
    let cookie = sign_in(&app).await;
    let service = send(&app, "Service agreement").await;
    let other_key = app.other_tenant("Acme <Lending>").await;
    let loan = send_as(&app, &other_key, "Loan contract").await;
    let nda = send(&app, "Mutual NDA").await;
    app.post(&format!("/v1/documents/{nda}/cancel"), json!({}))
        .await
        .assert(200);

    // Every tenant, newest first, with the tenant's name escaped and the signers.
    let list = get(&app, "/admin/documents", Some(&cookie)).await;
    assert_eq!(list.status, StatusCode::OK, "{}", list.text);
    assert!(list.text.contains(r#"aria-current="page">Documents"#));
    assert!(list.at(&row(&nda)) < list.at(&row(&loan)));
    assert!(list.at(&row(&loan)) < list.at(&row(&service)));
    assert!(list.text.contains("Acme &lt;Lending&gt;"));
    assert!(!list.text.contains("Acme <Lending>"));
    assert!(list.text.contains(">default<"));
    assert!(list.text.contains("Service agreement"));
    assert!(
        list.text
            .contains(&format!(r#"href="/admin/documents/{service}""#))
    );
    assert!(list.text.contains("Ana Silva") && list.text.contains("Ben Okafor"));
    assert!(list.text.contains(r#"data-status="canceled""#));
    assert!(!list.text.contains(r#"id="next-page""#));

    // By status.
    let stale = get(
        &app,
        "/admin/documents?status=canceled",
        Some(&no_session()),
    )
    .await;
    assert_eq!(stale.status, StatusCode::SEE_OTHER, "no session, no list");
    let canceled = get(&app, "/admin/documents?status=canceled", Some(&cookie)).await;
    assert_eq!(canceled.status, StatusCode::OK);
    assert_eq!(canceled.count("data-document="), 1);
    assert!(canceled.text.contains(&row(&nda)));
    assert!(
        canceled
            .text
            .contains(r#"<option value="canceled" selected>"#)
    );
    let pending = get(&app, "/admin/documents?status=pending", Some(&cookie)).await;
    assert_eq!(pending.count("data-document="), 2);
    assert!(!pending.text.contains(&row(&nda)));
    let unknown = get(&app, "/admin/documents?status=%3Cnope%3E", Some(&cookie)).await;
    assert_eq!(unknown.status, StatusCode::BAD_REQUEST);
    assert!(unknown.text.contains("Unknown status"));
    assert!(unknown.text.contains("&lt;nope&gt;") && !unknown.text.contains("<nope>"));

    // By a part of the name (any case) or the exact id.
    let found = get(&app, "/admin/documents?q=LOAN", Some(&cookie)).await;
    assert_eq!(found.count("data-document="), 1, "{}", found.text);
    assert!(found.text.contains(&row(&loan)));
    assert!(found.text.contains(r#"value="LOAN""#));
    let found = get(
        &app,
        &format!("/admin/documents?q={service}"),
        Some(&cookie),
    )
    .await;
    assert_eq!(found.count("data-document="), 1);
    assert!(found.text.contains(&row(&service)));
    let both = get(
        &app,
        "/admin/documents?q=agreement&status=pending",
        Some(&cookie),
    )
    .await;
    assert_eq!(both.count("data-document="), 1);
    let none = get(
        &app,
        "/admin/documents?q=agreement&status=canceled",
        Some(&cookie),
    )
    .await;
    assert_eq!(none.count("data-document="), 0);
    assert!(none.text.contains("No document matches."));
    // LIKE's wildcards are plain characters in a search.
    let none = get(&app, "/admin/documents?q=%25", Some(&cookie)).await;
    assert_eq!(none.count("data-document="), 0);
    let none = get(&app, "/admin/documents?q=_", Some(&cookie)).await;
    assert_eq!(none.count("data-document="), 0);
}

/// A well-formed cookie that is no session.
fn no_session() -> String {
    format!("signet_admin={}", "0".repeat(64))
}

#[tokio::test]
async fn documents_come_fifty_to_a_page() {
    let app = spawn_app().await;
    operator(&app).await;
    let cookie = sign_in(&app).await;
    let mut ids = Vec::new();
    for i in 0..51 {
        ids.push(send(&app, &format!("Contract {i:02}")).await);
    }
    let first = get(&app, "/admin/documents", Some(&cookie)).await;
    assert_eq!(first.count("data-document="), 50);
    assert!(first.text.contains(&row(&ids[50])));
    assert!(!first.text.contains(r#"id="previous-page""#));
    assert!(
        first
            .text
            .contains(r#"id="next-page" rel="next" href="/admin/documents?page=2""#),
        "{}",
        first.text
    );
    let second = get(&app, "/admin/documents?page=2", Some(&cookie)).await;
    assert_eq!(second.count("data-document="), 1);
    // Every document on exactly one of the two pages.
    for id in &ids {
        assert!(
            first.text.contains(&row(id)) != second.text.contains(&row(id)),
            "{id}"
        );
    }
    assert!(!second.text.contains(r#"id="next-page""#));
    assert!(second.text.contains(r#"href="/admin/documents?page=1""#));
    // Filters stay on the links.
    let filtered = get(
        &app,
        "/admin/documents?q=Contract&status=pending",
        Some(&cookie),
    )
    .await;
    assert!(
        filtered
            .text
            .contains(r#"href="/admin/documents?status=pending&amp;q=Contract&amp;page=2""#)
    );
    // Nonsense pages are the first; pages past the end are empty.
    let odd = get(&app, "/admin/documents?page=abc", Some(&cookie)).await;
    assert_eq!(odd.count("data-document="), 50);
    let past = get(&app, "/admin/documents?page=9", Some(&cookie)).await;
    assert_eq!(past.count("data-document="), 0);
}

#[tokio::test]
async fn a_document_shows_its_signers_and_audit_trail_and_a_broken_chain() {
    let app = spawn_app().await;
    operator(&app).await;
    let cookie = sign_in(&app).await;
    // Sent by a client whose user agent carries markup: it is shown as text.
    let d = app
        .send(
            Method::POST,
            "/v1/documents",
            Some(&app.key),
            Some(
                document_body("Service <agreement>")
                    .to_string()
                    .into_bytes(),
            ),
            Some("application/json"),
            &[("user-agent", "Evil <b>agent</b>")],
        )
        .await
        .assert(201)["id"]
        .as_str()
        .unwrap()
        .to_owned();
    app.post(&format!("/v1/documents/{d}/cancel"), json!({}))
        .await
        .assert(200);
    let api = app
        .get(&format!("/v1/documents/{d}/audit"))
        .await
        .assert(200)
        .clone();
    assert_eq!(api["chain_valid"], true);
    let entries = api["entries"].as_array().unwrap().clone();
    assert!(entries.len() >= 2, "{entries:?}");

    let page = get(&app, &format!("/admin/documents/{d}"), Some(&cookie)).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.text);
    assert!(page.text.contains("Service &lt;agreement&gt;"));
    assert!(!page.text.contains("Service <agreement>"));
    assert!(page.text.contains(">default<"));
    assert!(page.text.contains("ana@example.com") && page.text.contains("Ben Okafor"));
    assert_eq!(page.count(r#"class="admin-signer""#), 2);
    assert!(page.text.contains(r#"data-chain="valid""#));
    assert_eq!(page.count(r#"<tr class="admin-audit"#), entries.len());
    // Each entry's row: time, event, actor, IP, user agent and the document's hash.
    for e in &entries {
        let at = page.at(&format!(r#"data-seq="{}">"#, e["seq"]));
        let row = &page.text[at..at + page.text[at..].find("</tr>").unwrap()];
        for field in ["action", "actor", "document_sha256"] {
            assert!(row.contains(e[field].as_str().unwrap()), "{field}: {row}");
        }
        assert!(row.contains(e["ip"].as_str().unwrap_or("—")), "{row}");
        let ua = e["user_agent"].as_str().unwrap_or("—");
        let ua = ua.replace('<', "&lt;").replace('>', "&gt;");
        assert!(row.contains(&ua), "{row}");
        assert!(row.contains(" UTC</td>"), "{row}");
    }
    let head = entries.last().unwrap()["hash"].as_str().unwrap();
    assert!(page.text.contains(head));
    assert_eq!(entries[0]["user_agent"], "Evil <b>agent</b>");
    assert!(!page.text.contains("<b>agent"));

    // Someone edits an entry behind Signet's back: the page says where the chain breaks.
    app.state
        .store
        .raw_execute(&format!(
            "UPDATE document_audit SET ip = '10.0.0.1' WHERE document_id = '{d}' AND seq = 2"
        ))
        .await
        .unwrap();
    let page = get(&app, &format!("/admin/documents/{d}"), Some(&cookie)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text.contains(r#"data-chain="broken""#));
    assert!(page.text.contains(r#"data-first-broken="2""#));
    assert!(page.text.contains("Hash chain broken at entry 2"));
    assert!(
        page.text
            .contains(r#"<tr class="admin-audit admin-broken" data-seq="2">"#)
    );
    assert!(page.text.contains("10.0.0.1"));
    let api = app.get(&format!("/v1/documents/{d}/audit")).await;
    assert_eq!(api.assert(200)["first_broken_seq"], 2, "the API agrees");

    // Unknown and malformed ids.
    let missing = get(
        &app,
        "/admin/documents/00000000000000000000000000000000doc",
        Some(&cookie),
    )
    .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    let bad = get(&app, "/admin/documents/nope", Some(&cookie)).await;
    assert_eq!(bad.status, StatusCode::NOT_FOUND);
}

// ---------------------------------------------------------------------------------------------
// Webhooks.

fn message_row(ep: &WebhookEndpointId, event: &str) -> String {
    format!(r#"data-endpoint="{}" data-event="{event}""#, ep.as_str())
}

#[tokio::test]
async fn failed_deliveries_come_first_and_can_be_resent() {
    let app = spawn_app().await;
    operator(&app).await;
    let cookie = sign_in(&app).await;
    let failing = Receiver::start(500).await;
    let healthy = Receiver::start(204).await;
    let bad = endpoint_id(&endpoint(&app, &failing.url, &["person.created"]).await);
    let good = endpoint_id(&endpoint(&app, &healthy.url, &["person.created"]).await);
    app.person(json!({"first_name": "Ada", "last_name": "Retry"}))
        .await;
    wait_for("a first attempt each", async || {
        messages(&app, &bad).await[0].attempts_made >= 1
            && messages(&app, &good).await[0].status == "delivered"
    })
    .await;
    let event = messages(&app, &bad).await[0].event_id.as_str().to_owned();

    let list = get(&app, "/admin/webhooks", Some(&cookie)).await;
    assert_eq!(list.status, StatusCode::OK, "{}", list.text);
    assert!(
        list.text
            .contains(r#"aria-current="page">Webhook deliveries"#)
    );
    assert!(list.text.contains(&format!(
        r#"{} data-status="retrying""#,
        message_row(&bad, &event)
    )));
    assert!(list.text.contains(&failing.url));
    assert!(list.text.contains("person.created"));
    assert!(list.text.contains("HTTP 500"));
    assert!(list.text.contains(">default<"));

    // Seven jumps longer than the longest jittered delay: the schedule is used up.
    for _ in 0..7 {
        app.advance(13 * 3600).await;
    }
    let m = messages(&app, &bad).await.remove(0);
    assert_eq!((m.status.as_str(), m.attempts_made), ("failed", 8));
    assert_eq!(failing.hits(), 8);

    // Needing attention first; filters by status.
    let list = get(&app, "/admin/webhooks", Some(&cookie)).await;
    let failed_at = list.at(&format!(
        r#"{} data-status="failed""#,
        message_row(&bad, &event)
    ));
    let delivered_at = list.at(&format!(
        r#"{} data-status="delivered""#,
        message_row(&good, &event)
    ));
    assert!(failed_at < delivered_at);
    let failed = get(&app, "/admin/webhooks?status=failed", Some(&cookie)).await;
    assert_eq!(failed.count(r#"class="admin-message""#), 1);
    assert!(failed.text.contains(&message_row(&bad, &event)));
    let delivered = get(&app, "/admin/webhooks?status=delivered", Some(&cookie)).await;
    assert_eq!(delivered.count(r#"class="admin-message""#), 1);
    assert!(delivered.text.contains(&message_row(&good, &event)));
    let retrying = get(&app, "/admin/webhooks?status=retrying", Some(&cookie)).await;
    assert_eq!(retrying.count(r#"class="admin-message""#), 0);
    let unknown = get(&app, "/admin/webhooks?status=lost", Some(&cookie)).await;
    assert_eq!(unknown.status, StatusCode::BAD_REQUEST);

    // The message's page lists its attempts.
    let detail = get(
        &app,
        &format!("/admin/webhooks/{}/{event}", bad.as_str()),
        Some(&cookie),
    )
    .await;
    assert_eq!(detail.status, StatusCode::OK, "{}", detail.text);
    assert_eq!(detail.count(r#"class="admin-attempt""#), 8);
    assert!(detail.text.contains(r#"data-status="failed""#));

    // Resend: refused without the session's CSRF token.
    let path = format!("/admin/webhooks/{}/{event}/resend", bad.as_str());
    let refused = post_form(&app, &path, Some(&cookie), String::new()).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let refused = post_form(&app, &path, Some(&cookie), form(&[("csrf", "forged")])).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_eq!(messages(&app, &bad).await[0].status, "failed");

    // With it: back in the queue with a fresh schedule, and attempted again at once.
    let before = app.state.wall_now();
    let csrf = list.csrf();
    let done = post_form(&app, &path, Some(&cookie), form(&[("csrf", &csrf)])).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.text);
    assert_eq!(done.location(), "/admin/webhooks");
    let m = messages(&app, &bad).await.remove(0);
    assert_eq!(m.status, "pending", "{m:?}");
    assert!(m.attempts_made <= 1, "a fresh schedule: {m:?}");
    assert!(m.next_attempt_at.is_some(), "{m:?}");
    wait_for("the resent attempt", async || failing.hits() == 9).await;
    wait_for("the resent attempt recorded", async || {
        messages(&app, &bad).await[0].attempts_made == 1
    })
    .await;
    let m = messages(&app, &bad).await.remove(0);
    assert_eq!(m.status, "pending");
    let next = m.next_attempt_at.expect("a retry scheduled");
    assert!(next > before, "{next} after {before}");
    let list = get(&app, "/admin/webhooks?status=retrying", Some(&cookie)).await;
    assert!(list.text.contains(&message_row(&bad, &event)));

    // A delivered message can be sent again too.
    let path_good = format!("/admin/webhooks/{}/{event}/resend", good.as_str());
    // (From the filtered list: back to it, filter and page kept.)
    assert!(
        delivered
            .text
            .contains(r#"<input type="hidden" name="status" value="delivered">"#)
    );
    let done = post_form(
        &app,
        &path_good,
        Some(&cookie),
        form(&[("csrf", &csrf), ("status", "delivered"), ("page", "1")]),
    )
    .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    assert_eq!(done.location(), "/admin/webhooks?status=delivered&page=1");
    wait_for("the delivered message again", async || healthy.hits() == 2).await;

    // Unknown messages; disabled endpoints are the tenant's to enable first.
    let missing = post_form(
        &app,
        &format!(
            "/admin/webhooks/{}/00000000000000000000000000000000evt/resend",
            bad.as_str()
        ),
        Some(&cookie),
        form(&[("csrf", &csrf)]),
    )
    .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    app.patch(
        &format!("/v1/webhooks/{}", bad.as_str()),
        json!({"status": "disabled"}),
    )
    .await
    .assert(200);
    let disabled = get(
        &app,
        "/admin/webhooks?status=endpoint_disabled",
        Some(&cookie),
    )
    .await;
    assert!(disabled.text.contains(&message_row(&bad, &event)));
    assert!(disabled.text.contains("the tenant must enable it"));
    let refused = post_form(&app, &path, Some(&cookie), form(&[("csrf", &csrf)])).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text.contains("The endpoint is disabled"));
}

/// Schedules a job of a kind this version does not run (a retired kind): every run fails
/// with a real error.
async fn failing_job(app: &TestApp, kind: &str) -> signet_core::ids::JobId {
    let store = &app.state.store;
    let tenant = store.tenant_by_name("default").await.unwrap();
    let wall = app.state.wall_now();
    let id = signet_core::ids::JobId::from_random(signet_server::state::random16());
    let mut tx = store.begin().await.unwrap();
    store
        .schedule_job(
            &mut tx,
            &signet_store::JobSpec {
                id: id.clone(),
                tenant_id: tenant.id.clone(),
                mode: signet_store::Mode::Test,
                kind: kind.to_owned(),
                payload: json!({}),
                due_at: tenant.now(signet_store::Mode::Test, wall) + chrono::Duration::minutes(1),
            },
            tenant.clock_offset_ms,
            wall,
        )
        .await
        .unwrap();
    tx.commit().await.unwrap();
    id
}

#[tokio::test]
async fn a_job_that_keeps_failing_dies_with_its_error_and_an_operator_retries_it() {
    let app = helpers::spawn_app_with(|c| c.job_max_attempts = 3).await;
    let key = app.key.clone();
    let id = failing_job(&app, "retired<kind>").await;
    // Each hour of test clock makes the job (and its backoff) due: three runs, three failures.
    for _ in 0..4 {
        app.send(
            Method::POST,
            "/v1/sandbox/clock/advance",
            Some(&key),
            Some(json!({"seconds": 3600}).to_string().into_bytes()),
            Some("application/json"),
            &[],
        )
        .await
        .assert(200);
    }
    let dead = app.state.store.dead_jobs(10, 0).await.unwrap();
    assert_eq!(dead.len(), 1, "{dead:?}");
    assert_eq!(dead[0].id, id);
    assert_eq!(dead[0].attempts, 3, "a dead job is not run again");
    assert_eq!(
        dead[0].last_error.as_deref(),
        Some("internal_error: unknown job kind retired<kind>"),
        "the real cause is kept, not the answer clients get"
    );
    assert_eq!(app.state.store.pending_job_count().await.unwrap(), 0);

    operator(&app).await;
    let cookie = sign_in(&app).await;
    let page = get(&app, "/admin/jobs", Some(&cookie)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.text
            .contains(r#"<a href="/admin/jobs" aria-current="page">Dead jobs</a>"#)
    );
    assert!(
        page.text
            .contains(&format!(r#"data-job="{}""#, id.as_str()))
    );
    assert!(page.text.contains("unknown job kind retired&lt;kind&gt;"));
    assert!(!page.text.contains("retired<kind>"));
    let csrf = page.csrf();
    let path = format!("/admin/jobs/{}/retry", id.as_str());

    // Without the session's token the form is refused and the job stays dead.
    let refused = post_form(&app, &path, Some(&cookie), form(&[("csrf", "nope")])).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_eq!(app.state.store.dead_job_count().await.unwrap(), 1);
    let signed_out = post_form(&app, &path, None, form(&[("csrf", &csrf)])).await;
    assert_eq!(signed_out.status, StatusCode::FORBIDDEN);

    let retried = post_form(&app, &path, Some(&cookie), form(&[("csrf", &csrf)])).await;
    assert_eq!(retried.status, StatusCode::SEE_OTHER);
    assert_eq!(retried.location(), "/admin/jobs");
    assert_eq!(app.state.store.dead_job_count().await.unwrap(), 0);
    // It runs again at once (and fails again, with attempts to spare).
    let tenant = app.state.store.tenant_by_name("default").await.unwrap();
    wait_for("the retried job to run", async || {
        let store = &app.state.store;
        store
            .due_jobs(&tenant.id, app.state.wall_now())
            .await
            .unwrap()
            == 0
            && store.pending_job_count().await.unwrap() == 1
    })
    .await;
    assert_eq!(app.state.store.dead_job_count().await.unwrap(), 0);
    let listed = get(&app, "/admin/jobs", Some(&cookie)).await;
    assert!(listed.text.contains("No dead job."));

    // A job that is not dead, and an id that is no job's, cannot be retried.
    let again = post_form(&app, &path, Some(&cookie), form(&[("csrf", &csrf)])).await;
    assert_eq!(again.status, StatusCode::NOT_FOUND);
    assert!(again.text.contains("not dead"));
    let bogus = post_form(
        &app,
        "/admin/jobs/job_nothing/retry",
        Some(&cookie),
        form(&[("csrf", &csrf)]),
    )
    .await;
    assert_eq!(bogus.status, StatusCode::NOT_FOUND);
}
