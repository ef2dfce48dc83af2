#![allow(clippy::unwrap_used, clippy::disallowed_methods)]
//! The back office at `/admin` over HTTP: operators sign in (argon2id, a strict session
//! cookie), every form carries the session's CSRF token, and the queues — selfies waiting
//! for review and blocked signers — are cleared through the same workflow operations as the
//! API, each decision written to the document's audit trail as `operator:<email>`; open
//! screening hits are decided as the API decides them, `decided_by` = `operator:<email>`.
//! Runs on SQLite, and on PostgreSQL with `SIGNET_TEST_DATABASE=postgres`.

use crate::backoffice::{EMAIL, PASSWORD, form, get, operator, post_form, sign_in, sign_in_as};
use crate::helpers::{self, TestApp, b64, signer_path, spawn_app, spawn_app_with};
use reqwest::StatusCode;
use serde_json::{Value, json};
use sha2::Digest;
use signet_core::time::Timestamp;
use signet_server::pages::admin::{CreateOperatorError, create_operator};

fn ids(doc: &Value, i: usize) -> (String, String) {
    (
        doc["id"].as_str().unwrap().to_owned(),
        doc["signers"][i]["id"].as_str().unwrap().to_owned(),
    )
}

async fn send(app: &TestApp, extra: Value) -> Value {
    let mut body = json!({
        "name": "Service agreement",
        "file": b64(&helpers::sample_pdf("Service agreement")),
        "signers": [
            {"name": "Ana Silva", "email": "ana@example.com"},
            {"name": "Ben Okafor", "email": "ben@example.com"},
        ],
    });
    if let (Some(b), Some(e)) = (body.as_object_mut(), extra.as_object()) {
        for (k, v) in e {
            b.insert(k.clone(), v.clone());
        }
    }
    app.post("/v1/documents", body).await.assert(201).clone()
}

async fn audit_actions(app: &TestApp, doc: &Value) -> Vec<(String, String)> {
    let trail = app
        .get(&format!(
            "/v1/documents/{}/audit",
            doc["id"].as_str().unwrap()
        ))
        .await
        .assert(200)
        .clone();
    assert_eq!(trail["chain_valid"], true);
    trail["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["action"].as_str().unwrap().to_owned(),
                e["actor"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[tokio::test]
async fn operators_sign_in_with_a_password_and_get_a_strict_session_cookie() {
    let app = spawn_app().await;
    operator(&app).await;

    // No session: the queues send the browser to the sign-in form.
    let r = get(&app, "/admin", None).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.location(), "/admin/login");
    let login = get(&app, "/admin/login", None).await;
    assert_eq!(login.status, StatusCode::OK);
    assert!(login.text.contains(r#"id="login-form""#));
    let csp = login.headers["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert_eq!(login.headers["x-frame-options"], "DENY");

    // A wrong password and an unknown email look the same: 401, no cookie.
    let wrong = post_form(
        &app,
        "/admin/login",
        None,
        form(&[("email", EMAIL), ("password", "not the password")]),
    )
    .await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert!(wrong.headers.get("set-cookie").is_none());
    assert!(wrong.text.contains("Wrong email or password."));
    let unknown = post_form(
        &app,
        "/admin/login",
        None,
        form(&[("email", "nobody@example.com"), ("password", PASSWORD)]),
    )
    .await;
    assert_eq!(unknown.status, StatusCode::UNAUTHORIZED);
    assert!(unknown.headers.get("set-cookie").is_none());
    assert!(unknown.text.contains("Wrong email or password."));

    // The right one: a session cookie for /admin only, out of reach of scripts.
    let ok = post_form(
        &app,
        "/admin/login",
        None,
        form(&[("email", "Reviewer@Example.com"), ("password", PASSWORD)]),
    )
    .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
    assert_eq!(ok.location(), "/admin");
    let set = ok.headers["set-cookie"].to_str().unwrap().to_owned();
    assert!(set.starts_with("signet_admin="), "{set}");
    for attr in [
        "HttpOnly",
        "SameSite=Strict",
        "Path=/admin",
        "Max-Age=28800",
    ] {
        assert!(set.contains(attr), "{attr} missing in {set}");
    }
    assert!(!set.contains("Secure"), "plain http: {set}");
    let token = set
        .split(';')
        .next()
        .unwrap()
        .trim_start_matches("signet_admin=");
    assert_eq!(token.len(), 64, "256 bits, hex");
    let cookie = format!("signet_admin={token}");

    let dash = get(&app, "/admin", Some(&cookie)).await;
    assert_eq!(dash.status, StatusCode::OK);
    assert!(dash.text.contains(EMAIL));
    assert!(dash.text.contains("No selfie is waiting."));
    assert!(dash.text.contains("No signer is blocked."));
    assert_eq!(dash.headers["cache-control"], "no-store");
    let csrf = dash.csrf();
    assert_eq!(csrf.len(), 64);
    assert_ne!(csrf, token, "the CSRF token is not the session's secret");
    // Signed in, the sign-in form leads to the queues.
    let again = get(&app, "/admin/login", Some(&cookie)).await;
    assert_eq!(again.location(), "/admin");

    // A POST without the session's token, or with another, is refused.
    let r = post_form(&app, "/admin/logout", Some(&cookie), String::new()).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = post_form(
        &app,
        "/admin/logout",
        Some(&cookie),
        form(&[("csrf", &"0".repeat(64))]),
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // A forged cookie is no session.
    let forged = format!("signet_admin={}", "a".repeat(64));
    assert_eq!(
        get(&app, "/admin", Some(&forged)).await.location(),
        "/admin/login"
    );

    // Signing out ends the session on the server, not only in the browser.
    let out = post_form(
        &app,
        "/admin/logout",
        Some(&cookie),
        form(&[("csrf", &csrf)]),
    )
    .await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    assert_eq!(out.location(), "/admin/login");
    assert!(
        out.headers["set-cookie"]
            .to_str()
            .unwrap()
            .contains("Max-Age=0")
    );
    assert_eq!(
        get(&app, "/admin", Some(&cookie)).await.location(),
        "/admin/login"
    );
}

#[tokio::test]
async fn the_cookie_is_secure_behind_https_and_operators_need_long_passwords() {
    let app = spawn_app_with(|c| c.public_url = Some("https://sign.example.com".into())).await;
    operator(&app).await;
    let ok = post_form(
        &app,
        "/admin/login",
        None,
        form(&[("email", EMAIL), ("password", PASSWORD)]),
    )
    .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
    let set = ok.headers["set-cookie"].to_str().unwrap();
    assert!(set.contains("; Secure"), "{set}");

    let store = &app.state.store;
    let now = app.state.wall_now();
    assert!(matches!(
        create_operator(store, "short@example.com", "elevenchars", now).await,
        Err(CreateOperatorError::WeakPassword)
    ));
    assert!(matches!(
        create_operator(store, "not-an-email", PASSWORD, now).await,
        Err(CreateOperatorError::InvalidEmail)
    ));
    assert!(matches!(
        create_operator(store, "REVIEWER@example.com", PASSWORD, now).await,
        Err(CreateOperatorError::Exists)
    ));
    // The password is stored as an argon2id hash, never as given.
    let row = store.operator_by_email(EMAIL).await.unwrap().unwrap();
    assert!(
        row.password_hash.starts_with("$argon2id$"),
        "{}",
        row.password_hash
    );
    assert!(!row.password_hash.contains(PASSWORD));
}

#[tokio::test]
async fn an_operator_accepts_a_selfie_from_the_queue_and_the_audit_trail_names_them() {
    let app = spawn_app().await;
    operator(&app).await;
    // An identified person, whose identification is stale a day later: a selfie is needed.
    let (happy, _) = app.requested("X-AUTOTEST-HAPPYPATH", "Tester").await;
    app.advance(121).await;
    app.advance(25 * 3600).await;
    let doc = send(
        &app,
        json!({"signature_level": "advanced", "signers": [
            {"name": "Happy <Tester>", "email": "h@example.com", "person_id": happy},
        ]}),
    )
    .await;
    assert_eq!(doc["signers"][0]["status"], "selfie_required");
    let (_, sid) = ids(&doc, 0);
    let cookie = sign_in(&app).await;

    // Nothing to review before the selfie arrives.
    let dash = get(&app, "/admin", Some(&cookie)).await;
    assert!(!dash.text.contains(&format!("selfie-{sid}")));

    let selfie = helpers::id_photo();
    app.post(
        &signer_path(&doc, 0, "selfie"),
        json!({"image": b64(&selfie)}),
    )
    .await
    .assert(200);

    let dash = get(&app, "/admin", Some(&cookie)).await;
    assert_eq!(dash.status, StatusCode::OK);
    assert!(
        dash.text.contains(&format!(r#"id="selfie-{sid}""#)),
        "{}",
        dash.text
    );
    assert!(dash.text.contains("default"), "the tenant's name is shown");
    assert!(dash.text.contains("Service agreement"));
    assert!(
        dash.text.contains("Happy &lt;Tester&gt;"),
        "names are escaped"
    );
    assert!(
        dash.text
            .contains(&format!(r#"src="/admin/selfies/{sid}""#))
    );

    // The image, to operators only.
    let img = app
        .client
        .get(app.url(&format!("/admin/selfies/{sid}")))
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(img.status(), StatusCode::OK);
    assert_eq!(img.headers()["content-type"], "image/png");
    assert_eq!(img.bytes().await.unwrap().as_ref(), &selfie);
    let anon = get(&app, &format!("/admin/selfies/{sid}"), None).await;
    assert_eq!(anon.status, StatusCode::SEE_OTHER);

    // Without the CSRF token nothing happens.
    let r = post_form(
        &app,
        &format!("/admin/selfies/{sid}/accept"),
        Some(&cookie),
        String::new(),
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = post_form(
        &app,
        &format!("/admin/selfies/{sid}/accept"),
        None,
        form(&[("csrf", &dash.csrf())]),
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "no session, no decision");
    let s = app
        .get(&format!(
            "/v1/documents/{}/signers/{sid}",
            doc["id"].as_str().unwrap()
        ))
        .await;
    assert_eq!(s.assert(200)["status"], "selfie_required");

    let r = post_form(
        &app,
        &format!("/admin/selfies/{sid}/accept"),
        Some(&cookie),
        form(&[("csrf", &dash.csrf())]),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    assert_eq!(r.location(), "/admin");
    let s = app
        .get(&format!(
            "/v1/documents/{}/signers/{sid}",
            doc["id"].as_str().unwrap()
        ))
        .await;
    assert_eq!(s.assert(200)["status"], "user_consent_required");
    let actions = audit_actions(&app, &doc).await;
    assert!(
        actions.contains(&("selfie.accepted".into(), format!("operator:{EMAIL}"))),
        "{actions:?}"
    );
    // Out of the queue; a second decision is refused and changes nothing.
    let dash = get(&app, "/admin", Some(&cookie)).await;
    assert!(!dash.text.contains(&format!(r#"id="selfie-{sid}""#)));
    let r = post_form(
        &app,
        &format!("/admin/selfies/{sid}/reject"),
        Some(&cookie),
        form(&[("csrf", &dash.csrf())]),
    )
    .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(r.text.contains(r#"id="admin-error""#));
}

#[tokio::test]
async fn an_operator_rejects_a_selfie_and_the_signer_must_send_another() {
    let app = spawn_app().await;
    operator(&app).await;
    let (happy, _) = app.requested("X-AUTOTEST-HAPPYPATH", "Tester").await;
    app.advance(121).await;
    app.advance(25 * 3600).await;
    let doc = send(
        &app,
        json!({"signature_level": "advanced", "signers": [
            {"name": "Happy", "email": "h@example.com", "person_id": happy},
        ]}),
    )
    .await;
    let (d, sid) = ids(&doc, 0);
    let png = helpers::id_photo();
    app.post(&signer_path(&doc, 0, "selfie"), json!({"image": b64(&png)}))
        .await
        .assert(200);
    let cookie = sign_in(&app).await;
    let dash = get(&app, "/admin", Some(&cookie)).await;
    let img = get(&app, &format!("/admin/selfies/{sid}"), Some(&cookie)).await;
    assert_eq!(img.headers["content-type"], "image/png");
    let r = post_form(
        &app,
        &format!("/admin/selfies/{sid}/reject"),
        Some(&cookie),
        form(&[("csrf", &dash.csrf())]),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    let s = app.get(&format!("/v1/documents/{d}/signers/{sid}")).await;
    let s = s.assert(200);
    assert_eq!(s["status"], "selfie_required", "{s}");
    let actions = audit_actions(&app, &doc).await;
    assert!(
        actions.contains(&("selfie.rejected".into(), format!("operator:{EMAIL}"))),
        "{actions:?}"
    );
    // The rejected selfie is no longer waiting.
    let dash = get(&app, "/admin", Some(&cookie)).await;
    assert!(!dash.text.contains(&format!(r#"id="selfie-{sid}""#)));
}

#[tokio::test]
async fn an_operator_unblocks_a_blocked_signer_and_the_document_is_pending_again() {
    let app = spawn_app().await;
    operator(&app).await;
    let doc = send(&app, json!({})).await;
    let (d, sid) = ids(&doc, 0);
    // Three killed codes block the signer and the document.
    for round in 1..=3 {
        app.post(&signer_path(&doc, 0, "approve"), json!({}))
            .await
            .assert(200);
        for _ in 1..=4 {
            app.post(&signer_path(&doc, 0, "confirm"), json!({"otp": "000000"}))
                .await
                .assert_error(422, "otp_invalid");
        }
        let fifth = app
            .post(&signer_path(&doc, 0, "confirm"), json!({"otp": "000000"}))
            .await;
        fifth.assert_error(
            422,
            if round < 3 {
                "otp_attempts_exceeded"
            } else {
                "signer_blocked"
            },
        );
    }
    let blocked = app.get(&format!("/v1/documents/{d}")).await;
    assert_eq!(blocked.assert(200)["status"], "blocked");

    let cookie = sign_in(&app).await;
    let dash = get(&app, "/admin", Some(&cookie)).await;
    assert!(
        dash.text.contains(&format!(r#"id="blocked-{sid}""#)),
        "{}",
        dash.text
    );
    assert!(dash.text.contains("OTP_CODE_INVALID"));
    assert!(dash.text.contains("default"));

    let r = post_form(
        &app,
        &format!("/admin/blocked/{sid}/unblock"),
        Some(&cookie),
        "csrf=wrong".into(),
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = post_form(
        &app,
        &format!("/admin/blocked/{sid}/unblock"),
        Some(&cookie),
        form(&[("csrf", &dash.csrf())]),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    let now = app.get(&format!("/v1/documents/{d}")).await;
    let now = now.assert(200);
    assert_eq!(now["status"], "pending");
    assert_eq!(now["signers"][0]["status"], "user_consent_required");
    let actions = audit_actions(&app, &doc).await;
    assert!(
        actions.contains(&("signer.unblocked".into(), format!("operator:{EMAIL}"))),
        "{actions:?}"
    );
    let dash = get(&app, "/admin", Some(&cookie)).await;
    assert!(!dash.text.contains(&format!(r#"id="blocked-{sid}""#)));
    assert!(dash.text.contains("No signer is blocked."));
}

/// Imports the OFAC fixture list, as `signet lists import` does, and waits for the
/// re-screening it schedules.
async fn import_sdn(app: &TestApp) {
    signet_server::screening::import_list(
        &app.state.store,
        signet_server::screening::signet_screening::ListFormat::OfacSdnXml,
        &std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../screening/tests/fixtures/sdn.xml"),
        app.state.wall_now(),
        |_| {},
    )
    .await
    .unwrap();
    app.state.screening.invalidate();
    for _ in 0..500 {
        if app.state.store.pending_job_count().await.unwrap_or(0) == 0 {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
}

async fn hits(app: &TestApp, status: &str) -> Vec<Value> {
    app.get(&format!("/v1/screening/hits?status={status}"))
        .await
        .assert(200)
        .as_array()
        .cloned()
        .unwrap_or_default()
}

/// A listed person, its one open hit and a signed-in operator's cookie.
async fn listed_person(app: &TestApp) -> (String, Value, String) {
    import_sdn(app).await;
    let p = app
        .person(json!({"first_name": "Vladimir", "last_name": "Putin"}))
        .await;
    let pid = p["id"].as_str().unwrap().to_owned();
    let open = hits(app, "open").await;
    assert_eq!(open.len(), 1, "{open:?}");
    operator(app).await;
    let cookie = sign_in(app).await;
    (pid, open[0].clone(), cookie)
}

#[tokio::test]
async fn an_open_screening_hit_is_queued_and_an_operator_confirms_it() {
    let app = spawn_app().await;
    let (pid, hit, cookie) = listed_person(&app).await;
    let hid = hit["id"].as_str().unwrap();

    let page = get(&app, "/admin", Some(&cookie)).await;
    assert_eq!(page.status, StatusCode::OK);
    let at = page
        .text
        .find(&format!(r#"id="hit-{hid}""#))
        .unwrap_or_else(|| panic!("the hit is not queued: {}", page.text));
    let item = &page.text[at..at + page.text[at..].find("</article>").unwrap()];
    assert!(item.contains("Vladimir Putin"), "{item}");
    assert!(item.contains(&pid), "{item}");
    assert!(item.contains("ofac-sdn"), "{item}");
    assert!(item.contains("32713"), "{item}");
    let score = format!("{:.2}", hit["score"].as_f64().unwrap());
    assert!(item.contains(&score), "{score} missing: {item}");
    let summary = hit["explanation"]["summary"].as_str().unwrap();
    assert!(
        item.contains(&signet_server::pages::esc(summary)),
        "{summary} missing: {item}"
    );
    assert!(
        item.contains(&format!("/admin/hits/{hid}/confirm")),
        "{item}"
    );
    assert!(item.contains(&format!("/admin/hits/{hid}/clear")), "{item}");

    let r = post_form(
        &app,
        &format!("/admin/hits/{hid}/confirm"),
        Some(&cookie),
        form(&[
            ("csrf", &page.csrf()),
            ("note", "  Same birth date and passport.  "),
        ]),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    assert_eq!(r.location(), "/admin");

    assert!(hits(&app, "open").await.is_empty());
    let confirmed = hits(&app, "true_positive").await;
    assert_eq!(confirmed.len(), 1, "{confirmed:?}");
    assert_eq!(confirmed[0]["id"], hid);
    assert_eq!(confirmed[0]["decided_by"], format!("operator:{EMAIL}"));
    assert_eq!(confirmed[0]["note"], "Same birth date and passport.");
    let p = app
        .get(&format!("/v1/persons/{pid}"))
        .await
        .assert(200)
        .clone();
    assert_eq!(p["screening_progress"], "SCREENED_DECLINED", "{p}");
    assert_eq!(p["risk_classification_status"], "HIGH_RISK");
    let events = app.event_types().await;
    assert!(
        events.iter().any(|e| e == "screening.hit_decided"),
        "{events:?}"
    );

    let page = get(&app, "/admin", Some(&cookie)).await;
    assert!(!page.text.contains(&format!(r#"id="hit-{hid}""#)));
    assert!(
        page.text.contains("No screening hit is open."),
        "{}",
        page.text
    );
}

#[tokio::test]
async fn an_operator_clears_a_hit_and_a_post_without_the_csrf_token_is_refused() {
    let app = spawn_app().await;
    let (pid, hit, cookie) = listed_person(&app).await;
    let hid = hit["id"].as_str().unwrap();

    let r = post_form(
        &app,
        &format!("/admin/hits/{hid}/confirm"),
        Some(&cookie),
        form(&[("note", "no token")]),
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text);
    let r = post_form(
        &app,
        &format!("/admin/hits/{hid}/clear"),
        Some(&cookie),
        form(&[("csrf", "0".repeat(64).as_str())]),
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text);
    let r = post_form(
        &app,
        &format!("/admin/hits/{hid}/clear"),
        None,
        String::new(),
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text);
    assert_eq!(hits(&app, "open").await.len(), 1, "still open");

    let csrf = get(&app, "/admin", Some(&cookie)).await.csrf();
    let long = "x".repeat(2001);
    let r = post_form(
        &app,
        &format!("/admin/hits/{hid}/clear"),
        Some(&cookie),
        form(&[("csrf", &csrf), ("note", &long)]),
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.text);
    assert!(r.text.contains("admin-error"), "{}", r.text);
    assert_eq!(hits(&app, "open").await.len(), 1, "still open");

    let r = post_form(
        &app,
        &format!("/admin/hits/{hid}/clear"),
        Some(&cookie),
        form(&[("csrf", &csrf), ("note", "")]),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    let cleared = hits(&app, "false_positive").await;
    assert_eq!(cleared.len(), 1, "{cleared:?}");
    assert_eq!(cleared[0]["decided_by"], format!("operator:{EMAIL}"));
    assert!(cleared[0]["note"].is_null(), "{}", cleared[0]);
    let p = app
        .get(&format!("/v1/persons/{pid}"))
        .await
        .assert(200)
        .clone();
    assert_eq!(p["screening_progress"], "SCREENED_ACCEPTED", "{p}");

    let r = post_form(
        &app,
        "/admin/hits/nonexistent/confirm",
        Some(&cookie),
        form(&[("csrf", &csrf)]),
    )
    .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.text);
}

/// A `document` identification captured on the applicant's side and submitted for review.
async fn submitted_identification(app: &TestApp) -> (String, String) {
    use signet_app::identifications as identify;
    use signet_core::identification::ImageSlot;
    let (pid, iid, path) = helpers::document_identification(app, "Anna Maria", "Eriksson").await;
    let token = path.trim_start_matches("/identify/");
    let st = &app.state;
    identify::consent(st, token).await.unwrap();
    identify::choose_document(st, token, "PASSPORT")
        .await
        .unwrap();
    identify::upload(st, token, ImageSlot::Front, helpers::id_photo())
        .await
        .unwrap();
    identify::upload(st, token, ImageSlot::Selfie, helpers::id_photo())
        .await
        .unwrap();
    let mrz = helpers::td3("ERIKSSON", "ANNA MARIA", "740812", "120415");
    identify::give_mrz(st, token, &mrz).await.unwrap();
    identify::send_phone_code(st, token, "+4915112345678")
        .await
        .unwrap();
    identify::enter_phone_code(st, token, "123456")
        .await
        .unwrap();
    identify::submit(st, token, None).await.unwrap();
    (pid, iid)
}

#[tokio::test]
async fn a_reviewer_clears_the_identification_queue_with_reasons_from_the_table() {
    let app = spawn_app().await;
    operator(&app).await;
    let (pid, iid) = submitted_identification(&app).await;
    // The applicant gave an expired passport: the case waits as pending_failed.
    assert_eq!(app.status(&pid, &iid).await, "pending_failed");
    let cookie = sign_in(&app).await;
    let dash = get(&app, "/admin", Some(&cookie)).await;
    assert!(
        dash.text.contains(&format!("id=\"ident-{iid}\"")),
        "{}",
        dash.text
    );
    assert!(dash.text.contains("1 finding(s), 1 severe"));

    let case = get(
        &app,
        &format!("/admin/identifications/{iid}"),
        Some(&cookie),
    )
    .await;
    assert_eq!(case.status, StatusCode::OK);
    assert!(case.text.contains("data-check=\"document_expired\""));
    assert!(case.text.contains("all correct"), "the zone's check digits");
    assert!(case.text.contains("<option value=\"DATA_ID_EXPIRED\""));
    assert!(case.text.contains("FRAUD_SUSPICION_CONFIRMED — final"));
    // The images are served to operators only.
    let img = get(
        &app,
        &format!("/admin/identifications/{iid}/images/front"),
        Some(&cookie),
    )
    .await;
    assert_eq!(img.status, StatusCode::OK);
    assert_eq!(img.headers["content-type"], "image/png");
    let anon = get(
        &app,
        &format!("/admin/identifications/{iid}/images/front"),
        None,
    )
    .await;
    assert_eq!(anon.status, StatusCode::SEE_OTHER);
    let csrf = case.csrf();
    let decision = format!("/admin/identifications/{iid}/decision");

    // No CSRF token: refused, nothing changes.
    let r = post_form(
        &app,
        &decision,
        Some(&cookie),
        form(&[("decision", "approve")]),
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // Declining needs a reason of the table.
    let r = post_form(
        &app,
        &decision,
        Some(&cookie),
        form(&[("csrf", &csrf), ("decision", "decline"), ("reason", "")]),
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.text.contains("needs a reason"));
    assert_eq!(app.status(&pid, &iid).await, "pending_failed");

    let r = post_form(
        &app,
        &decision,
        Some(&cookie),
        form(&[
            ("csrf", &csrf),
            ("decision", "decline"),
            ("reason", "DATA_ID_EXPIRED"),
            ("note", "passport expired in 2012"),
        ]),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    let i = app.identification(&pid, &iid).await;
    assert_eq!(i["status"], "canceled");
    assert_eq!(i["failure_reason"], "DATA_ID_EXPIRED");
    let dash = get(&app, "/admin", Some(&cookie)).await;
    assert!(dash.text.contains("No identification is waiting."));
    // Decided cases show who decided; deciding again is refused.
    let case = get(
        &app,
        &format!("/admin/identifications/{iid}"),
        Some(&cookie),
    )
    .await;
    assert!(
        case.text
            .contains("Decided by operator:reviewer@example.com")
    );
    let r = post_form(
        &app,
        &decision,
        Some(&cookie),
        form(&[("csrf", &csrf), ("decision", "approve")]),
    )
    .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(
        app.event_types()
            .await
            .iter()
            .filter(|t| *t == "identification.status_changed")
            .count()
            >= 3
    );
}

#[tokio::test]
async fn five_wrong_passwords_lock_an_address_known_or_not_for_15_minutes() {
    let app = spawn_app().await;
    operator(&app).await;
    let attempt = |email: &'static str, password: &'static str| {
        let app = &app;
        async move {
            post_form(
                app,
                "/admin/login",
                None,
                form(&[("email", email), ("password", password)]),
            )
            .await
        }
    };
    for _ in 0..5 {
        assert_eq!(
            attempt(EMAIL, "wrong password!").await.status,
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(
            attempt("nobody@example.com", "wrong password!")
                .await
                .status,
            StatusCode::UNAUTHORIZED
        );
    }
    // Locked: even the right password is not checked, and an unknown address looks the same.
    let locked = attempt(EMAIL, PASSWORD).await;
    assert_eq!(locked.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(
        locked
            .text
            .contains("Too many failed sign-ins. Try again after")
    );
    assert!(locked.headers.get("set-cookie").is_none());
    let unknown = attempt("nobody@example.com", "wrong password!").await;
    assert_eq!(unknown.status, StatusCode::TOO_MANY_REQUESTS);
    // Another operator from the same client still signs in (the client's own limit is higher).
    create_operator(
        &app.state.store,
        "second@example.com",
        PASSWORD,
        app.state.wall_now(),
    )
    .await
    .unwrap();
    assert_eq!(
        attempt("second@example.com", PASSWORD).await.status,
        StatusCode::SEE_OTHER
    );

    // The lock lasts 15 minutes from the fifth failure, on the store's clock.
    let store = &app.state.store;
    let rule = signet_store::ThrottleRule {
        max_failures: 5,
        window: chrono::Duration::minutes(15),
        lock: chrono::Duration::minutes(15),
    };
    let t0 = app.state.wall_now() + chrono::Duration::days(1);
    for n in 0..5 {
        assert_eq!(
            store.login_locked_until(&["k"], t0).await.unwrap(),
            None,
            "after {n}"
        );
        fail(store, "k", rule, t0).await;
    }
    let until = t0 + chrono::Duration::minutes(15);
    assert_eq!(
        store
            .login_locked_until(&["k", "other"], t0 + chrono::Duration::minutes(14))
            .await
            .unwrap(),
        Some(until)
    );
    assert_eq!(store.login_locked_until(&["k"], until).await.unwrap(), None);
    // Failures spread wider than the window never lock.
    for n in 0..10 {
        let t = t0 + chrono::Duration::hours(1) + chrono::Duration::minutes(4 * n);
        fail(store, "spread", rule, t).await;
        assert_eq!(
            store.login_locked_until(&["spread"], t).await.unwrap(),
            None,
            "failure {n}"
        );
    }
}

/// One failed sign-in as the server counts it: reserved before the check, kept after it.
async fn fail(
    store: &signet_store::Store,
    key: &str,
    rule: signet_store::ThrottleRule,
    t: Timestamp,
) {
    assert_eq!(
        store
            .reserve_login_attempt(&[(key, rule)], t)
            .await
            .unwrap(),
        None,
        "{key} is not locked at {t}"
    );
    store.login_failed(key, rule, t).await.unwrap();
}

#[tokio::test]
async fn forty_parallel_wrong_passwords_are_counted_exactly_and_five_are_checked() {
    // One password check at a time, so the forty requests really overlap while the first
    // ones are being checked.
    let app = spawn_app_with(|c| c.password_hash_concurrency = 1).await;
    operator(&app).await;
    let mut set = tokio::task::JoinSet::new();
    for _ in 0..40 {
        let request = app
            .client
            .post(app.url("/admin/login"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(form(&[("email", EMAIL), ("password", "wrong password!")]));
        set.spawn(async move { crate::backoffice::read(request.send().await.unwrap()).await });
    }
    let replies = set.join_all().await;
    let checked = replies
        .iter()
        .filter(|r| r.status == StatusCode::UNAUTHORIZED)
        .count();
    let refused: Vec<_> = replies
        .iter()
        .filter(|r| r.status == StatusCode::TOO_MANY_REQUESTS)
        .collect();
    assert_eq!(checked, 5, "exactly the five the limit allows are checked");
    assert_eq!(refused.len(), 35, "the rest are refused as locked");
    assert!(
        refused
            .iter()
            .all(|r| r.headers.get("retry-after").is_some())
    );
    // The counters hold what was attempted: five failures for the address and the client.
    let email_key = format!("email:{}", hex::encode(sha2::Sha256::digest(EMAIL)));
    let store = &app.state.store;
    assert_eq!(store.login_failures(&email_key).await.unwrap(), 5);
    assert_eq!(store.login_failures("ip:127.0.0.1").await.unwrap(), 5);
    // And the right password is refused too until the lock ends.
    let locked = post_form(
        &app,
        "/admin/login",
        None,
        form(&[("email", EMAIL), ("password", PASSWORD)]),
    )
    .await;
    assert_eq!(locked.status, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn a_successful_sign_in_gives_back_its_reservation() {
    let app = spawn_app().await;
    operator(&app).await;
    for _ in 0..3 {
        sign_in(&app).await;
    }
    let store = &app.state.store;
    assert_eq!(store.login_failures("ip:127.0.0.1").await.unwrap(), 0);
    let email_key = format!("email:{}", hex::encode(sha2::Sha256::digest(EMAIL)));
    assert_eq!(store.login_failures(&email_key).await.unwrap(), 0);
}

#[tokio::test]
async fn a_new_password_or_disabling_ends_sessions_and_a_disabled_operator_cannot_sign_in() {
    use signet_server::pages::admin::{set_operator_disabled, set_operator_password};
    let app = spawn_app().await;
    operator(&app).await;
    let store = &app.state.store;
    let cookie = sign_in(&app).await;
    assert_eq!(
        get(&app, "/admin", Some(&cookie)).await.status,
        StatusCode::OK
    );

    let new_password = "another long passphrase";
    assert!(
        set_operator_password(store, EMAIL, "too short")
            .await
            .is_err()
    );
    set_operator_password(store, EMAIL, new_password)
        .await
        .unwrap();
    let old = get(&app, "/admin", Some(&cookie)).await;
    assert_eq!(old.status, StatusCode::SEE_OTHER, "the session ended");
    let wrong = post_form(
        &app,
        "/admin/login",
        None,
        form(&[("email", EMAIL), ("password", PASSWORD)]),
    )
    .await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    let cookie = sign_in_as(&app, EMAIL, new_password).await;

    set_operator_disabled(store, EMAIL, Some(app.state.wall_now()))
        .await
        .unwrap();
    assert_eq!(
        get(&app, "/admin", Some(&cookie)).await.status,
        StatusCode::SEE_OTHER
    );
    let refused = post_form(
        &app,
        "/admin/login",
        None,
        form(&[("email", EMAIL), ("password", new_password)]),
    )
    .await;
    assert_eq!(refused.status, StatusCode::UNAUTHORIZED);
    assert!(
        refused.text.contains("Wrong email or password."),
        "no hint that the account exists"
    );
    assert!(
        store.list_operators().await.unwrap()[0]
            .disabled_at
            .is_some()
    );

    set_operator_disabled(store, EMAIL, None).await.unwrap();
    sign_in_as(&app, EMAIL, new_password).await;
    assert!(
        set_operator_disabled(store, "nobody@example.com", None)
            .await
            .is_err()
    );
}

#[tokio::test]
async fn a_confirmed_pep_hit_on_a_person_who_declared_none_is_flagged() {
    let app = spawn_app().await;
    signet_server::screening::import_list(
        &app.state.store,
        signet_server::screening::signet_screening::ListFormat::OpenSanctionsFtm,
        &std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../screening/tests/fixtures/opensanctions-peps.ftm.jsonl"),
        app.state.wall_now(),
        |_| {},
    )
    .await
    .unwrap();
    app.state.screening.invalidate();
    let undeclared = app
        .person(
            json!({"first_name": "Hieronymus", "last_name": "Quastenberg",
                       "self_declared_as_pep": false}),
        )
        .await;
    let uid = undeclared["id"].as_str().unwrap().to_owned();
    let open = hits(&app, "open").await;
    assert_eq!(open.len(), 1, "{open:?}");
    let hid = open[0]["id"].as_str().unwrap().to_owned();
    operator(&app).await;
    let cookie = sign_in(&app).await;

    // Open: the queue shows the topics and marks the undeclared PEP.
    let page = get(&app, "/admin", Some(&cookie)).await;
    let at = page
        .text
        .find(&format!(r#"id="hit-{hid}""#))
        .unwrap_or_else(|| panic!("the hit is not queued: {}", page.text));
    let item = &page.text[at..at + page.text[at..].find("</article>").unwrap()];
    assert!(item.contains("role.pep"), "{item}");
    assert!(item.contains("PEP, not declared"), "{item}");
    assert!(
        page.text.contains("No confirmed PEP hit contradicts"),
        "{}",
        page.text
    );

    let r = post_form(
        &app,
        &format!("/admin/hits/{hid}/confirm"),
        Some(&cookie),
        form(&[("csrf", &page.csrf()), ("note", "Minister of Transport")]),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    let p = app
        .get(&format!("/v1/persons/{uid}"))
        .await
        .assert(200)
        .clone();
    assert_eq!(p["risk_classification_status"], "HIGH_RISK", "{p}");
    assert_eq!(p["screening_progress"], "SCREENED_ACCEPTED");

    // Confirmed: flagged for review on the queues page.
    let page = get(&app, "/admin", Some(&cookie)).await;
    let at = page
        .text
        .find(&format!(r#"id="undeclared-pep-{hid}""#))
        .unwrap_or_else(|| panic!("not flagged: {}", page.text));
    let item = &page.text[at..at + page.text[at..].find("</article>").unwrap()];
    assert!(item.contains(&uid), "{item}");
    assert!(item.contains("Q-pep-quastenberg"), "{item}");
    assert!(item.contains("PEP, not declared"), "{item}");

    // A person who declared being a PEP is not flagged once confirmed.
    app.patch(
        &format!("/v1/persons/{uid}"),
        json!({"self_declared_as_pep": true}),
    )
    .await
    .assert(200);
    let page = get(&app, "/admin", Some(&cookie)).await;
    assert!(
        !page.text.contains(&format!(r#"id="undeclared-pep-{hid}""#)),
        "{}",
        page.text
    );
}

#[tokio::test]
async fn an_operator_flags_a_person_with_a_reason_and_clears_the_flag() {
    let app = spawn_app().await;
    let (pid, hit, cookie) = listed_person(&app).await;
    let tenant = app.state.store.tenant_by_name("default").await.unwrap();
    let record = format!("/admin/persons/{}/test/{pid}", tenant.id.as_str());
    let action = format!("{record}/compliance_flag");

    // The open hit's card links to the person's record.
    let dash = get(&app, "/admin", Some(&cookie)).await;
    assert!(
        dash.text.contains(&format!(r#"href="{record}""#)),
        "{}",
        dash.text
    );
    assert!(dash.text.contains(hit["id"].as_str().unwrap()));

    // Operators only.
    let r = get(&app, &record, None).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.location(), "/admin/login");
    let page = get(&app, &record, Some(&cookie)).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.text);
    assert!(
        page.text.contains(r#"data-flagged="false""#),
        "{}",
        page.text
    );
    assert!(page.text.contains(r#"id="flag-person""#));
    let csrf = page.csrf();

    // An advanced signer of the person at work, held by the open hit (140) so far.
    let doc = send(
        &app,
        json!({"signature_level": "advanced", "signers": [
            {"name": "Listed", "email": "l@example.com", "person_id": pid},
        ]}),
    )
    .await;
    let (did, sid) = ids(&doc, 0);
    let signer = || async {
        app.get(&format!("/v1/documents/{did}/signers/{sid}"))
            .await
            .assert(200)
            .clone()
    };
    let before = signer().await;
    assert_eq!(before["status"], "kyc_required", "{before}");
    assert!(
        !before["status_codes"]
            .as_array()
            .unwrap()
            .contains(&json!(1035))
    );

    // No token, a wrong token, no session: refused, nothing changes.
    for (c, body) in [
        (
            Some(cookie.as_str()),
            form(&[("flag", "flag"), ("reason", "why")]),
        ),
        (
            Some(cookie.as_str()),
            form(&[
                ("csrf", &"0".repeat(64)),
                ("flag", "flag"),
                ("reason", "why"),
            ]),
        ),
        (
            None,
            form(&[("csrf", &csrf), ("flag", "flag"), ("reason", "why")]),
        ),
    ] {
        let r = post_form(&app, &action, c, body).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text);
    }
    // A flag without a reason is answered on the page.
    let r = post_form(
        &app,
        &action,
        Some(&cookie),
        form(&[("csrf", &csrf), ("flag", "flag"), ("reason", "  ")]),
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.text);
    assert!(r.text.contains("admin-error"), "{}", r.text);
    let p = app
        .get(&format!("/v1/persons/{pid}"))
        .await
        .assert(200)
        .clone();
    assert_eq!(p["flagged_by_compliance"], false);

    // Flagged, with the reason: back to the record, which says so.
    let r = post_form(
        &app,
        &action,
        Some(&cookie),
        form(&[
            ("csrf", &csrf),
            ("flag", "flag"),
            ("reason", "Listed; adverse media"),
        ]),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    assert_eq!(r.location(), record);
    let p = app
        .get(&format!("/v1/persons/{pid}"))
        .await
        .assert(200)
        .clone();
    assert_eq!(p["flagged_by_compliance"], true, "{p}");
    let held = signer().await;
    assert_eq!(held["status"], "kyc_required", "{held}");
    assert!(
        held["status_codes"]
            .as_array()
            .unwrap()
            .contains(&json!(1035)),
        "{held}"
    );
    let page = get(&app, &record, Some(&cookie)).await;
    assert!(
        page.text.contains(r#"data-flagged="true""#),
        "{}",
        page.text
    );
    assert!(page.text.contains(r#"id="clear-flag""#));

    // Cleared (no reason needed).
    let r = post_form(
        &app,
        &action,
        Some(&cookie),
        form(&[("csrf", &csrf), ("flag", "clear")]),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    let p = app
        .get(&format!("/v1/persons/{pid}"))
        .await
        .assert(200)
        .clone();
    assert_eq!(p["flagged_by_compliance"], false, "{p}");
    let page = get(&app, &record, Some(&cookie)).await;
    assert!(
        page.text.contains(r#"data-flagged="false""#),
        "{}",
        page.text
    );

    // Neither flag nor clear; an unknown person.
    let r = post_form(
        &app,
        &action,
        Some(&cookie),
        form(&[("csrf", &csrf), ("flag", "maybe")]),
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.text);
    let unknown = format!(
        "/admin/persons/{}/test/{}cper",
        tenant.id.as_str(),
        "0".repeat(32)
    );
    assert_eq!(
        get(&app, &unknown, Some(&cookie)).await.status,
        StatusCode::NOT_FOUND
    );
    let r = post_form(
        &app,
        &format!("{unknown}/compliance_flag"),
        Some(&cookie),
        form(&[("csrf", &csrf), ("flag", "flag"), ("reason", "why")]),
    )
    .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.text);
    // The person is not the other mode's.
    let live = format!("/admin/persons/{}/live/{pid}", tenant.id.as_str());
    assert_eq!(
        get(&app, &live, Some(&cookie)).await.status,
        StatusCode::NOT_FOUND
    );
}

/// `/admin/limits`: an operator finds a tenant by name, sees its limits, sets them (what the
/// API then enforces: 75 for one signer too many), and a number that is not one is refused
/// with the form again; without the CSRF token nothing changes.
#[tokio::test]
async fn an_operator_sets_a_tenants_limits_in_the_back_office() {
    let app = spawn_app().await;
    operator(&app).await;
    let cookie = sign_in(&app).await;
    let tenant = app.state.store.tenant_by_name("default").await.unwrap();
    let shown = get(&app, "/admin/limits?tenant=default", Some(&cookie)).await;
    assert_eq!(shown.status, StatusCode::OK, "{}", shown.text);
    assert!(shown.text.contains(tenant.id.as_str()), "{}", shown.text);
    assert!(
        shown
            .text
            .contains(r#"name="signers_per_document" inputmode="numeric" value="20""#)
    );
    let body = |csrf: &str, signers: &str| {
        form(&[
            ("csrf", csrf),
            ("tenant_id", tenant.id.as_str()),
            ("signers_per_document", signers),
            ("templates", "3"),
            ("stored_bytes", "0"),
            ("sms_per_month", "100"),
        ])
    };
    // No CSRF token: refused, nothing set.
    let r = post_form(&app, "/admin/limits", Some(&cookie), body("wrong", "1")).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // Not a number: the form again, naming the field.
    let r = post_form(
        &app,
        "/admin/limits",
        Some(&cookie),
        body(&shown.csrf(), "many"),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text.contains("signers per document"), "{}", r.text);
    assert_eq!(
        app.state
            .store
            .tenant_limits(&tenant.id)
            .await
            .unwrap()
            .signers_per_document,
        20
    );
    // Saved, and the API applies it.
    let r = post_form(
        &app,
        "/admin/limits",
        Some(&cookie),
        body(&shown.csrf(), "1"),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    let limits = app.state.store.tenant_limits(&tenant.id).await.unwrap();
    assert_eq!(
        (
            limits.signers_per_document,
            limits.templates,
            limits.stored_bytes,
            limits.sms_per_month
        ),
        (1, 3, 0, 100)
    );
    let again = get(&app, r.location(), Some(&cookie)).await;
    assert!(again.text.contains("Saved."), "{}", again.text);
    let two = app
        .post(
            "/v1/documents",
            json!({"name": "Two", "file": b64(&helpers::sample_pdf("Two")),
                   "signers": [{"name": "A", "email": "a@example.com"},
                               {"name": "B", "email": "b@example.com"}]}),
        )
        .await;
    assert_eq!(two.status, 400, "{}", two.body);
    assert_eq!(two.body["errors"][0]["return_code"], 75, "{}", two.body);
    // An unknown tenant is said so.
    let none = get(&app, "/admin/limits?tenant=nobody", Some(&cookie)).await;
    assert!(
        none.text.contains("No tenant has the id or name"),
        "{}",
        none.text
    );
}
