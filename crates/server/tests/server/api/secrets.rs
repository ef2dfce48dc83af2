//! Secrets stay secret: link tokens are neither logged nor stored, a signing link dies a while
//! after its document closed, webhook secrets and idempotent answers are sealed, idempotency
//! records expire, and `/metrics` has bounded labels and an optional token.

use crate::api::documents::{send, sign};
use crate::helpers::{TestApp, spawn_app, spawn_app_with};
use reqwest::Method;
use serde_json::{Value, json};
use signet_server::config::Secret;
use sqlx::{Connection, Row};

/// Rows of `sql`, every column read as text (or hex for bytes), for looking through what
/// the database holds.
async fn rows(app: &TestApp, sql: &str) -> Vec<Vec<String>> {
    sqlx::any::install_default_drivers();
    let mut conn = sqlx::AnyConnection::connect(&app.state.config.database_url())
        .await
        .unwrap();
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql.to_owned()))
        .fetch_all(&mut conn)
        .await
        .unwrap();
    rows.iter()
        .map(|r| {
            (0..r.len())
                .map(|i| {
                    r.try_get::<Option<String>, _>(i)
                        .map(Option::unwrap_or_default)
                        .or_else(|_| {
                            r.try_get::<Option<Vec<u8>>, _>(i)
                                .map(|b| String::from_utf8_lossy(&b.unwrap_or_default()).into())
                        })
                        .unwrap_or_default()
                })
                .collect()
        })
        .collect()
}

fn token_of(url: &str, page: &str) -> String {
    url.rsplit_once(&format!("/{page}/"))
        .map(|(_, t)| t.to_owned())
        .unwrap()
}

fn sha256_hex(s: &str) -> String {
    signet_store::token_digest(s)
}

/// A document with one signer and a requested identification: the two kinds of link.
async fn links(app: &TestApp) -> (Value, String, String) {
    let doc = send(
        app,
        json!({"signers": [{"name": "Ana Silva", "email": "ana@example.com"}]}),
    )
    .await;
    let sign_token = token_of(doc["signers"][0]["url"].as_str().unwrap(), "sign");
    let (pid, iid) = app.requested("Ana", "X-MANUALTEST-HAPPYPATH").await;
    let ident = app.identification(&pid, &iid).await;
    let identify_token = token_of(ident["url"].as_str().unwrap(), "identify");
    (doc, sign_token, identify_token)
}

#[tokio::test]
async fn link_tokens_are_never_logged_and_stored_only_as_digests() {
    let Some(logs) = crate::helpers::captured_logs() else {
        eprintln!("another log subscriber is installed; the log check is skipped");
        return;
    };
    let app = spawn_app().await;
    let (doc, sign_token, identify_token) = links(&app).await;
    let page = app
        .client
        .get(app.url(&format!("/sign/{sign_token}")))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status().as_u16(), 200);
    let page = app
        .client
        .get(app.url(&format!("/identify/{identify_token}")))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status().as_u16(), 200);
    // An unknown token is logged no more than a known one.
    let unknown = "0123456789abcdef0123456789abcdef";
    let page = app
        .client
        .get(app.url(&format!("/sign/{unknown}")))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status().as_u16(), 404);

    let text = logs.since(0);
    assert!(
        text.contains("/sign/{token}") && text.contains("/identify/{token}"),
        "routes are logged by their template: {text}"
    );
    for token in [&sign_token, &identify_token, &unknown.to_owned()] {
        assert!(!text.contains(token.as_str()), "a link token was logged");
    }

    // The database keeps the digest for lookups and the token only sealed.
    let signers = rows(&app, "SELECT token, doc FROM signers").await;
    assert_eq!(signers.len(), 1);
    assert_eq!(signers[0][0], sha256_hex(&sign_token));
    assert!(!signers[0][1].contains(&sign_token), "{}", signers[0][1]);
    let idents = rows(&app, "SELECT token, doc FROM identifications").await;
    assert_eq!(idents[0][0], sha256_hex(&identify_token));
    assert!(!idents[0][1].contains(&identify_token), "{}", idents[0][1]);
    for table in ["documents", "idempotency_keys", "jobs"] {
        for row in rows(&app, &format!("SELECT * FROM {table}")).await {
            for value in row {
                assert!(
                    !value.contains(&sign_token) && !value.contains(&identify_token),
                    "{table} holds a link token"
                );
            }
        }
    }
    // The API still shows the links.
    let d = app
        .get(&format!("/v1/documents/{}", doc["id"].as_str().unwrap()))
        .await;
    assert!(
        d.assert(200)["signers"][0]["url"]
            .as_str()
            .unwrap()
            .ends_with(&sign_token)
    );
}

#[tokio::test]
async fn links_stored_in_the_clear_by_an_older_version_are_sealed_at_start() {
    let app = spawn_app().await;
    let (doc, sign_token, identify_token) = links(&app).await;
    // Put the rows back as an older version wrote them: plain token, plain document.
    let tenant = app.state.store.tenant_by_name("default").await.unwrap();
    let wf = app
        .state
        .store
        .workflow(
            &tenant.id,
            signet_store::Mode::Test,
            &signet_core::ids::DocumentId::parse(doc["id"].as_str().unwrap()).unwrap(),
        )
        .await
        .unwrap();
    let plain = serde_json::to_string(&wf.signers[0]).unwrap();
    assert!(plain.contains(&sign_token));
    app.state
        .store
        .raw_execute(&format!(
            "UPDATE signers SET token = '{sign_token}', doc = '{}'",
            plain.replace('\'', "''")
        ))
        .await
        .unwrap();
    // The stored row is encrypted now: the older version's plain document is the one read.
    let (_, _, ident) = app
        .state
        .store
        .identification_by_token(&identify_token)
        .await
        .unwrap();
    let mut v: Value = serde_json::to_value(&ident).unwrap();
    v["token"] = json!(identify_token);
    v["url"] = json!(format!("http://x/identify/{identify_token}"));
    app.state
        .store
        .raw_execute(&format!(
            "UPDATE identifications SET token = '{identify_token}', doc = '{}'",
            v.to_string().replace('\'', "''")
        ))
        .await
        .unwrap();
    // The older rows still read (a plain value is read as it is) …
    let old = app
        .get(&format!("/v1/documents/{}", doc["id"].as_str().unwrap()))
        .await;
    assert!(
        old.assert(200)["signers"][0]["url"]
            .as_str()
            .unwrap()
            .ends_with(&sign_token)
    );

    // … and the start's conversion seals them; the links keep working.
    assert_eq!(app.state.store.seal_legacy_secrets().await.unwrap(), 2);
    assert_eq!(app.state.store.seal_legacy_secrets().await.unwrap(), 0);
    let signers = rows(&app, "SELECT token, doc FROM signers").await;
    assert_eq!(signers[0][0], sha256_hex(&sign_token));
    assert!(!signers[0][1].contains(&sign_token));
    let idents = rows(&app, "SELECT token, doc FROM identifications").await;
    assert_eq!(idents[0][0], sha256_hex(&identify_token));
    assert!(!idents[0][1].contains(&identify_token));
    for path in [
        format!("/sign/{sign_token}"),
        format!("/identify/{identify_token}"),
    ] {
        let page = app.client.get(app.url(&path)).send().await.unwrap();
        assert_eq!(page.status().as_u16(), 200, "{path}");
    }
}

#[tokio::test]
async fn a_signing_link_dies_thirty_days_after_its_document_finished_and_the_file_stays() {
    let app = spawn_app().await;
    let doc = send(
        &app,
        json!({"signers": [{"name": "Ana Silva", "email": "ana@example.com"}]}),
    )
    .await;
    let id = doc["id"].as_str().unwrap();
    let link = format!(
        "/sign/{}",
        token_of(doc["signers"][0]["url"].as_str().unwrap(), "sign")
    );
    sign(&app, &doc, 0).await;
    let d = app.get(&format!("/v1/documents/{id}")).await;
    assert_eq!(d.assert(200)["status"], "finished");
    let page = |app: &TestApp| {
        let req = app.client.get(app.url(&link));
        async move {
            let r = req.send().await.unwrap();
            (r.status().as_u16(), r.text().await.unwrap())
        }
    };
    assert_eq!(page(&app).await.0, 200);
    app.advance(30 * 24 * 3600 - 60).await;
    assert_eq!(page(&app).await.0, 200, "still open a minute before");
    app.advance(60).await;
    let (status, body) = page(&app).await;
    assert_eq!(status, 410);
    assert!(
        body.contains("link_expired") && body.contains("Link expired"),
        "{body}"
    );
    // Every step of the page is closed with it.
    let r = app
        .client
        .post(app.url(&format!("{link}/approve")))
        .form(&[("consent", "on")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 410);
    // The signed file is the integrator's, through the API.
    let file = app.get(&format!("/v1/documents/{id}/file")).await;
    assert_eq!(file.status.as_u16(), 200);
    assert!(file.bytes.starts_with(b"%PDF"));
}

#[tokio::test]
async fn the_link_lifetime_after_close_is_configurable() {
    let app = spawn_app_with(|c| {
        c.signing_link_ttl_after_close = signet_server::config::Span(chrono::Duration::hours(1));
    })
    .await;
    let doc = send(
        &app,
        json!({"signers": [{"name": "Ana Silva", "email": "ana@example.com"}]}),
    )
    .await;
    let link = format!(
        "/sign/{}",
        token_of(doc["signers"][0]["url"].as_str().unwrap(), "sign")
    );
    let id = doc["id"].as_str().unwrap();
    app.post(&format!("/v1/documents/{id}/cancel"), json!({}))
        .await
        .assert(200);
    let status = |app: &TestApp| {
        let req = app.client.get(app.url(&link));
        async move { req.send().await.unwrap().status().as_u16() }
    };
    assert_eq!(status(&app).await, 200);
    app.advance(3600).await;
    assert_eq!(status(&app).await, 410);
}

async fn create_webhook(app: &TestApp, key: Option<&str>) -> crate::helpers::Reply {
    let mut extra = vec![];
    if let Some(k) = key {
        extra.push(("idempotency-key", k));
    }
    app.send(
        Method::POST,
        "/v1/webhooks",
        Some(&app.key),
        Some(
            json!({"url": "http://127.0.0.1:9/hook", "event_types": ["person.created"]})
                .to_string()
                .into_bytes(),
        ),
        Some("application/json"),
        &extra,
    )
    .await
}

#[tokio::test]
async fn webhook_secrets_are_sealed_at_rest() {
    let app = spawn_app().await;
    let created = create_webhook(&app, None).await;
    let secret = created.assert(201)["secret"].as_str().unwrap().to_owned();
    let id = created.body["id"].as_str().unwrap().to_owned();
    assert!(secret.starts_with("whsec_"));
    let stored = rows(
        &app,
        "SELECT secret, previous_secret FROM webhook_endpoints",
    )
    .await;
    assert!(stored[0][0].starts_with("sealed1:") && !stored[0][0].contains(&secret[6..]));
    // Reading it back shows no secret, as before.
    let got = app.get(&format!("/v1/webhooks/{id}")).await;
    assert!(got.assert(200).get("secret").is_none());
    // A rotation keeps the old one sealed too.
    let rotated = app
        .post(&format!("/v1/webhooks/{id}/rotate"), json!({}))
        .await;
    let new_secret = rotated.assert(200)["secret"].as_str().unwrap().to_owned();
    assert_ne!(new_secret, secret);
    let stored = rows(
        &app,
        "SELECT secret, previous_secret FROM webhook_endpoints",
    )
    .await;
    for v in &stored[0] {
        assert!(v.starts_with("sealed1:"), "{v}");
        assert!(!v.contains(&secret[6..]) && !v.contains(&new_secret[6..]));
    }

    // One stored in the clear by an older version is sealed at the next start.
    app.state
        .store
        .raw_execute(&format!(
            "UPDATE webhook_endpoints SET secret = '{new_secret}', previous_secret = '{secret}'"
        ))
        .await
        .unwrap();
    assert_eq!(app.state.store.seal_legacy_secrets().await.unwrap(), 1);
    let stored = rows(
        &app,
        "SELECT secret, previous_secret FROM webhook_endpoints",
    )
    .await;
    assert!(stored[0].iter().all(|v| v.starts_with("sealed1:")));
    let endpoint = app
        .state
        .store
        .webhook_endpoint(
            &app.state.store.tenant_by_name("default").await.unwrap().id,
            signet_store::Mode::Test,
            &signet_core::ids::WebhookEndpointId::parse(&id).unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(endpoint.secret, new_secret);
    assert_eq!(endpoint.previous_secret.as_deref(), Some(secret.as_str()));
}

#[tokio::test]
async fn idempotency_records_keep_no_secret_in_the_clear_and_expire_after_a_day() {
    let app = spawn_app().await;
    let first = create_webhook(&app, Some("hook-1")).await;
    let secret = first.assert(201)["secret"].as_str().unwrap().to_owned();
    let stored = rows(&app, "SELECT response_body FROM idempotency_keys").await;
    assert_eq!(stored.len(), 1);
    assert!(
        !stored[0][0].contains(&secret[6..]),
        "the stored answer holds the secret"
    );
    let replay = create_webhook(&app, Some("hook-1")).await;
    assert_eq!(replay.assert(201)["secret"], secret.as_str());
    assert_eq!(replay.headers.get("idempotent-replayed").unwrap(), "true");

    // A day later the key is forgotten: the same key runs again.
    app.advance(24 * 3600).await;
    let again = create_webhook(&app, Some("hook-1")).await;
    assert!(again.headers.get("idempotent-replayed").is_none());
    assert_ne!(again.assert(201)["secret"], secret.as_str());
    assert_eq!(
        app.get("/v1/webhooks").await.body.as_array().unwrap().len(),
        2
    );

    // The worker's purge removes what expired, on the tenant's clock.
    let other = create_webhook(&app, Some("hook-2")).await;
    other.assert(201);
    signet_server::worker::purge_idempotency(&app.state).await;
    assert_eq!(
        rows(&app, "SELECT key FROM idempotency_keys").await.len(),
        2
    );
    app.advance(24 * 3600).await;
    signet_server::worker::purge_idempotency(&app.state).await;
    assert!(
        rows(&app, "SELECT key FROM idempotency_keys")
            .await
            .is_empty()
    );
}

#[tokio::test]
async fn metrics_labels_are_bounded() {
    let app = spawn_app().await;
    let (_, sign_token, _) = links(&app).await;
    let bogus = Method::from_bytes(b"FOO").unwrap();
    let r = app
        .send(bogus, "/v1/persons", Some(&app.key), None, None, &[])
        .await;
    assert!(r.status.is_client_error(), "{}", r.status);
    app.client
        .get(app.url(&format!("/sign/{sign_token}")))
        .send()
        .await
        .unwrap();
    app.client
        .get(app.url("/no/such/path/12345"))
        .send()
        .await
        .unwrap();
    let metrics = app
        .client
        .get(app.url("/metrics"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(metrics.contains(r#"method="other""#), "{metrics}");
    assert!(!metrics.contains("FOO"));
    assert!(metrics.contains(r#"route="/sign/{token}""#), "{metrics}");
    assert!(metrics.contains(r#"route="unmatched""#), "{metrics}");
    assert!(!metrics.contains(&sign_token) && !metrics.contains("12345"));
}

#[tokio::test]
async fn metrics_answer_only_the_configured_token() {
    let app = spawn_app_with(|c| c.metrics_token = Some(Secret::new("scrape-secret-1"))).await;
    let get = |auth: Option<&'static str>| {
        let mut req = app.client.get(app.url("/metrics"));
        if let Some(a) = auth {
            req = req.header("authorization", a);
        }
        async move {
            let r = req.send().await.unwrap();
            let status = r.status().as_u16();
            (status, r.text().await.unwrap())
        }
    };
    let (status, body) = get(None).await;
    assert_eq!(status, 401);
    assert!(body.contains("unauthorized"), "{body}");
    assert_eq!(get(Some("Bearer wrong")).await.0, 401);
    assert_eq!(get(Some("Bearer scrape-secret-")).await.0, 401);
    let (status, body) = get(Some("Bearer scrape-secret-1")).await;
    assert_eq!(status, 200);
    assert!(body.contains("signet_http_requests"), "{body}");
    // Without a token configured, metrics stay open (the default).
    let open = spawn_app().await;
    let r = open.client.get(open.url("/metrics")).send().await.unwrap();
    assert_eq!(r.status().as_u16(), 200);
}

#[test]
fn the_link_lifetime_and_metrics_token_come_from_the_configuration() {
    use signet_server::config::{Config, Span};
    let env = |pairs: &[(&str, &str)]| -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    };
    let c = Config::load(None, env(&[])).unwrap();
    assert_eq!(
        c.signing_link_ttl_after_close,
        Span(chrono::Duration::days(30))
    );
    assert!(c.metrics_token.is_none());
    for (given, expected) in [
        ("7", chrono::Duration::days(7)),
        ("12h", chrono::Duration::hours(12)),
        ("90m", chrono::Duration::minutes(90)),
        ("45s", chrono::Duration::seconds(45)),
        ("30d", chrono::Duration::days(30)),
    ] {
        let c = Config::load(None, env(&[("SIGNET_SIGNING_LINK_TTL_AFTER_CLOSE", given)])).unwrap();
        assert_eq!(c.signing_link_ttl_after_close, Span(expected), "{given}");
    }
    for bad in ["soon", "-1", "12y", ""] {
        let e =
            Config::load(None, env(&[("SIGNET_SIGNING_LINK_TTL_AFTER_CLOSE", bad)])).unwrap_err();
        assert!(
            e.to_string().contains("signing_link_ttl_after_close")
                || e.to_string().contains("duration"),
            "{bad}: {e}"
        );
    }
    let c = Config::load(None, env(&[("SIGNET_METRICS_TOKEN", "scrape-me")])).unwrap();
    assert_eq!(
        c.metrics_token.as_ref().map(|s| s.expose()),
        Some("scrape-me")
    );
    assert!(!format!("{c:?}").contains("scrape-me"));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("signet.toml");
    std::fs::write(&path, "signing_link_ttl_after_close = 2\n").unwrap();
    let c = Config::load(Some(&path), env(&[])).unwrap();
    assert_eq!(
        c.signing_link_ttl_after_close,
        Span(chrono::Duration::days(2))
    );
}
