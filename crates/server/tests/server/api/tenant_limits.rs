//! A tenant's limits (`signet tenant limits`, 0 = none), over HTTP: the signers of one
//! document (return code 75) and the live-mode SMS one-time codes of a calendar month
//! (`sms_limit_reached`, return code 105), the SMS going to a local stand-in of Twilio's
//! Messages API.

use crate::helpers::{self, Reply, TestApp, spawn_app, spawn_app_with_clock};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use base64::Engine;
use chrono::{Datelike, TimeZone, Utc};
use reqwest::Method;
use serde_json::{Value, json};
use signet_server::config::Secret;
use signet_store::TenantLimits;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, AtomicUsize, Ordering};

fn signers(n: usize) -> Vec<Value> {
    (0..n)
        .map(|i| json!({"name": format!("Signer {i}"), "phone": format!("+4917012345{i:02}")}))
        .collect()
}

async fn create(app: &TestApp, key: &str, n: usize) -> Reply {
    let body = json!({
        "name": "Lease agreement",
        "file": base64::engine::general_purpose::STANDARD.encode(helpers::sample_pdf("Lease agreement")),
        "signers": signers(n),
    });
    app.send(
        Method::POST,
        "/v1/documents",
        Some(key),
        Some(body.to_string().into_bytes()),
        Some("application/json"),
        &[],
    )
    .await
}

async fn set_limits(app: &TestApp, limits: TenantLimits) {
    let tenant = app.state.store.tenant_by_name("default").await.unwrap();
    app.state
        .store
        .set_tenant_limits(&tenant.id, &limits, app.state.wall_now())
        .await
        .unwrap();
    assert_eq!(
        app.state.store.tenant_limits(&tenant.id).await.unwrap(),
        limits
    );
}

#[track_caller]
fn assert_too_many_signers(reply: &Reply, most: u64) {
    reply.assert_error(400, "invalid_model");
    let e = &reply.body["errors"][0];
    assert_eq!(e["return_code"], 75, "{}", reply.body);
    assert_eq!(e["source"]["field"], "signers", "{}", reply.body);
    assert!(
        e["source"]["message"]
            .as_str()
            .unwrap()
            .contains(&format!("at most {most} signers")),
        "{}",
        reply.body
    );
}

#[tokio::test]
async fn the_signers_of_a_document_are_capped_by_the_tenants_limit() {
    let app = spawn_app().await;
    let key = app.key.clone();
    // A tenant that set nothing: 20.
    let tenant = app.state.store.tenant_by_name("default").await.unwrap();
    assert_eq!(
        app.state.store.tenant_limits(&tenant.id).await.unwrap(),
        TenantLimits::default()
    );
    assert_eq!(TenantLimits::default().signers_per_document, 20);
    create(&app, &key, 20).await.assert(201);
    assert_too_many_signers(&create(&app, &key, 21).await, 20);

    set_limits(
        &app,
        TenantLimits {
            signers_per_document: 3,
            ..TenantLimits::default()
        },
    )
    .await;
    let created = create(&app, &key, 3).await;
    assert_eq!(created.assert(201)["signers"].as_array().unwrap().len(), 3);
    assert_too_many_signers(&create(&app, &key, 4).await, 3);

    // 0 is no limit.
    set_limits(
        &app,
        TenantLimits {
            signers_per_document: 0,
            ..TenantLimits::default()
        },
    )
    .await;
    let created = create(&app, &key, 25).await;
    assert_eq!(created.assert(201)["signers"].as_array().unwrap().len(), 25);
}

#[tokio::test]
async fn an_upload_past_the_tenants_stored_bytes_is_refused_with_112() {
    let app = spawn_app().await;
    let key = app.key.clone();
    let size = helpers::sample_pdf("Lease agreement").len() as u64;
    // Room for two files and not three.
    set_limits(
        &app,
        TenantLimits {
            stored_bytes: 3 * size - 1,
            ..TenantLimits::default()
        },
    )
    .await;
    let first = create(&app, &key, 1).await.assert(201).clone();
    assert_eq!(first["size"], size, "{first}");
    create(&app, &key, 1).await.assert(201);
    let refused = create(&app, &key, 1).await;
    refused.assert_error(403, "storage_limit_reached");
    assert_eq!(
        refused.body["errors"][0]["return_code"], 112,
        "{}",
        refused.body
    );
    let listed = app.get("/v1/documents").await;
    assert_eq!(
        listed.assert(200).as_array().unwrap().len(),
        2,
        "{}",
        listed.body
    );
    // Deleting a document frees its bytes.
    app.send(
        Method::DELETE,
        &format!("/v1/documents/{}", first["id"].as_str().unwrap()),
        Some(&key),
        None,
        None,
        &[],
    )
    .await
    .assert(204);
    create(&app, &key, 1).await.assert(201);
    // 0 is no limit.
    set_limits(&app, TenantLimits::default()).await;
    create(&app, &key, 1).await.assert(201);
}

// ---------------------------------------------------------------------------------------------
// Live-mode SMS.

const ACCOUNT_SID: &str = "AC0123456789abcdef0123456789abcdef";

/// Accepts every message and counts them.
async fn messages_api(State(sent): State<Arc<AtomicUsize>>) -> axum::response::Response {
    sent.fetch_add(1, Ordering::SeqCst);
    let resource = json!({
        "account_sid": ACCOUNT_SID,
        "sid": "SM1f0e8ae6ade43cb3c0ce4525424e404f",
        "status": "queued",
        "num_segments": "1",
    });
    (
        StatusCode::CREATED,
        [(axum::http::header::CONTENT_TYPE, "application/json")],
        resource.to_string(),
    )
        .into_response()
}

/// The wall clock moved by an offset the test sets.
struct MovedClock(Arc<AtomicI64>);

impl signet_server::state::WallClock for MovedClock {
    fn now(&self) -> chrono::DateTime<Utc> {
        signet_server::state::SystemClock.now()
            + chrono::Duration::milliseconds(self.0.load(Ordering::SeqCst))
    }
}

/// An app whose SMS go to a stand-in that counts them, on a wall clock the test can move, and
/// a live key of its default tenant.
async fn sms_app() -> (TestApp, Arc<AtomicUsize>, Arc<AtomicI64>, String) {
    let sent = Arc::new(AtomicUsize::new(0));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base_url = format!("http://{}", listener.local_addr().unwrap());
    let api = axum::Router::new()
        .fallback(messages_api)
        .with_state(sent.clone());
    tokio::spawn(async move {
        let _ = axum::serve(listener, api).await;
    });
    let offset = Arc::new(AtomicI64::new(0));
    let app = spawn_app_with_clock(Arc::new(MovedClock(offset.clone())), |c| {
        c.sms_base_url = Some(base_url);
        c.sms_account_sid = Some(ACCOUNT_SID.to_owned());
        c.sms_auth_token = Some(Secret::new("s3cr3t-auth-token"));
        c.sms_from = Some("+15005550006".to_owned());
    })
    .await;
    let tenant = app.state.store.tenant_by_name("default").await.unwrap();
    let live = signet_server::auth::issue_key(
        &app.state.store,
        &tenant.id,
        signet_store::Mode::Live,
        app.state.wall_now(),
    )
    .await
    .unwrap();
    (app, sent, offset, live)
}

#[tokio::test]
async fn live_sms_codes_over_the_tenants_month_are_refused_with_105() {
    let (app, sent, offset, live) = sms_app().await;
    let approve = |doc: &Value, i: usize| {
        let path = format!(
            "/v1/documents/{}/signers/{}/approve",
            doc["id"].as_str().unwrap(),
            doc["signers"][i]["id"].as_str().unwrap()
        );
        let (app, live) = (&app, live.clone());
        async move {
            app.send(
                Method::POST,
                &path,
                Some(&live),
                Some(b"{}".to_vec()),
                Some("application/json"),
                &[],
            )
            .await
        }
    };
    let doc = create(&app, &live, 3).await.assert(201).clone();

    // Without a limit the codes are counted all the same, so a limit set mid-month knows them.
    approve(&doc, 0).await.assert(200);
    assert_eq!(sent.load(Ordering::SeqCst), 1);
    set_limits(
        &app,
        TenantLimits {
            sms_per_month: 2,
            ..TenantLimits::default()
        },
    )
    .await;
    approve(&doc, 1).await.assert(200);
    assert_eq!(sent.load(Ordering::SeqCst), 2);
    let refused = approve(&doc, 2).await;
    refused.assert_error(429, "sms_limit_reached");
    assert_eq!(
        refused.body["errors"][0]["return_code"], 105,
        "{}",
        refused.body
    );
    assert_eq!(
        sent.load(Ordering::SeqCst),
        2,
        "no SMS goes out over the limit"
    );
    // The refusal changed nothing: the signer was not approved.
    let signer = app
        .send(
            Method::GET,
            &format!(
                "/v1/documents/{}/signers/{}",
                doc["id"].as_str().unwrap(),
                doc["signers"][2]["id"].as_str().unwrap()
            ),
            Some(&live),
            None,
            None,
            &[],
        )
        .await;
    assert!(
        signer.assert(200)["approved_at"].is_null(),
        "{}",
        signer.body
    );
    // Test mode sends no SMS, and is not limited.
    let test_doc = create(&app, &app.key, 1).await.assert(201).clone();
    let path = format!(
        "/v1/documents/{}/signers/{}/approve",
        test_doc["id"].as_str().unwrap(),
        test_doc["signers"][0]["id"].as_str().unwrap()
    );
    app.post(&path, json!({})).await.assert(200);

    // The first of next month (UTC), the count starts again.
    let now = app.state.wall_now();
    let (y, m) = if now.month() == 12 {
        (now.year() + 1, 1)
    } else {
        (now.year(), now.month() + 1)
    };
    let next = Utc.with_ymd_and_hms(y, m, 1, 0, 1, 0).single().unwrap();
    offset.store((next - now).num_milliseconds(), Ordering::SeqCst);
    let doc = create(&app, &live, 3).await.assert(201).clone();
    approve(&doc, 0).await.assert(200);
    approve(&doc, 1).await.assert(200);
    approve(&doc, 2)
        .await
        .assert_error(429, "sms_limit_reached");
    assert_eq!(sent.load(Ordering::SeqCst), 4);
}

#[tokio::test]
async fn an_applicants_number_check_counts_toward_the_tenants_sms_month() {
    use signet_app::identifications as identify;
    let (app, sent, _, live) = sms_app().await;
    let send = |method: Method, path: String, body: Option<Value>| {
        let (app, live) = (&app, &live);
        async move {
            app.send(
                method,
                &path,
                Some(live),
                body.map(|b| b.to_string().into_bytes()),
                Some("application/json"),
                &[],
            )
            .await
        }
    };
    let p = send(
        Method::POST,
        "/v1/persons".into(),
        Some(json!({"first_name": "Ana", "last_name": "Silva"})),
    )
    .await;
    let pid = p.assert(201)["id"].as_str().unwrap().to_owned();
    let proof = (app.state.wall_now() - chrono::Duration::days(10))
        .format("%Y-%m-%d")
        .to_string();
    let i = send(
        Method::POST,
        format!("/v1/persons/{pid}/identifications"),
        Some(json!({"method": "document", "language": "DE",
            "proof_of_address_type": "GAS_BILL", "proof_of_address_issued_at": proof})),
    )
    .await;
    let iid = i.assert(201)["id"].as_str().unwrap().to_owned();
    let r = send(
        Method::PATCH,
        format!("/v1/persons/{pid}/identifications/{iid}/request"),
        None,
    )
    .await;
    let url = r.assert(200)["url"].as_str().unwrap().to_owned();
    let token = url.rsplit('/').next().unwrap().to_owned();
    identify::consent(&app.state, &token).await.unwrap();

    // A signer's code and the applicant's number check share the month.
    set_limits(
        &app,
        TenantLimits {
            sms_per_month: 2,
            ..TenantLimits::default()
        },
    )
    .await;
    let doc = create(&app, &live, 1).await.assert(201).clone();
    send(
        Method::POST,
        format!(
            "/v1/documents/{}/signers/{}/approve",
            doc["id"].as_str().unwrap(),
            doc["signers"][0]["id"].as_str().unwrap()
        ),
        Some(json!({})),
    )
    .await
    .assert(200);
    identify::send_phone_code(&app.state, &token, "+491701234567")
        .await
        .unwrap();
    assert_eq!(sent.load(Ordering::SeqCst), 2);
    let refused = identify::send_phone_code(&app.state, &token, "+491701234567")
        .await
        .unwrap_err();
    assert_eq!(refused.code.as_str(), "sms_limit_reached", "{refused:?}");
    assert_eq!(refused.return_code(), Some(105));
    assert_eq!(
        sent.load(Ordering::SeqCst),
        2,
        "no SMS goes out over the limit"
    );
}
