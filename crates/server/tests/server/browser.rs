#![allow(clippy::unwrap_used, clippy::disallowed_methods)]
//! The hosted pages and the back office in headless Chromium, driven over WebDriver: signing
//! from the link on a phone and on a desktop window, consent refused, a rejection, an expired
//! link, German, an unknown token, the approval done with the keyboard alone; an applicant
//! identifying by `document` on a phone and a reviewer approving the case; the back office's
//! sign-in (a wrong, then the right password) and queues, a document's audit trail and a
//! failed webhook delivery resent; a template's fields drawn in the back office's editor.
//! Each test starts its own server with a fresh database (SQLite, or PostgreSQL with
//! `SIGNET_TEST_DATABASE=postgres`) and its own chromedriver on a free port.
//!
//! A PNG of every page state is kept under `target/browser-screenshots/<test>/<step>.png`
//! (with the chromedriver log beside them).
//!
//! Without chromium or chromedriver (`scripts/test-env.sh` installs both) a test fails when
//! `SIGNET_REQUIRE_TOOLS=1` or `CI` is set, and is skipped with a notice otherwise.

mod editor;
mod fields;
mod webdriver;

use crate::backoffice;
use crate::helpers::{self, TestApp, document, spawn_app};
use crate::webhooks::Receiver;
use base64::Engine;
use serde_json::{Value, json};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};
use webdriver::{Chromedriver, ENTER, SPACE, Session, WAIT};

const PHONE: (u32, u32) = (390, 844);
const DESKTOP: (u32, u32) = (1280, 900);
const SANDBOX_CODE: &str = "123456";

/// The page's words in one language: the two buttons and a page image's alt text.
struct Words {
    approve: &'static str,
    sign: &'static str,
    page_of: fn(usize, usize) -> String,
}

const ENGLISH: Words = Words {
    approve: "Approve",
    sign: "Sign",
    page_of: |n, m| format!("Page {n} of {m}"),
};

const GERMAN: Words = Words {
    approve: "Zustimmen",
    sign: "Unterschreiben",
    page_of: |n, m| format!("Seite {n} von {m}"),
};

// ---------------------------------------------------------------------------------------------
// The harness: a server, a chromedriver, a folder for the screenshots.

struct Harness {
    app: TestApp,
    driver: Chromedriver,
    shots: PathBuf,
    step: AtomicU32,
    started: Instant,
    test: &'static str,
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target"))
}

fn backend() -> &'static str {
    if helpers::postgres_selected() {
        "postgres"
    } else {
        "sqlite"
    }
}

/// The server, the browser driver and the screenshot folder for `test`, or `None` when the
/// browser is missing and not required.
async fn harness(test: &'static str) -> Option<Harness> {
    let (chromium, chromedriver) = webdriver::tools(test)?;
    let started = Instant::now();
    let shots = target_dir().join("browser-screenshots").join(test);
    let _ = std::fs::remove_dir_all(&shots);
    std::fs::create_dir_all(&shots).unwrap();
    // Chromedriver refuses an upload path with `..` in it, which the default target dir has.
    let shots = shots.canonicalize().unwrap();
    let app = spawn_app().await;
    let driver = Chromedriver::start(&chromium, &chromedriver, &shots).await;
    eprintln!("{test} ({}): screenshots in {}", backend(), shots.display());
    Some(Harness {
        app,
        driver,
        shots,
        step: AtomicU32::new(0),
        started,
        test,
    })
}

impl Harness {
    /// A PNG of what `s` shows, as `<nn>-<step>.png`.
    async fn shot(&self, s: &Session, step: &str) {
        let n = self.step.fetch_add(1, Ordering::Relaxed) + 1;
        let path = self.shots.join(format!("{n:02}-{step}.png"));
        s.screenshot(&path).await;
    }

    /// A desktop window signed in to the back office as a new operator, on the queues.
    async fn signed_in_operator(&self) -> Session {
        backoffice::operator(&self.app).await;
        let s = self.driver.session(DESKTOP.0, DESKTOP.1, None).await;
        s.goto(&self.app.url("/admin")).await;
        s.type_into(&s.find("#email").await, backoffice::EMAIL)
            .await;
        s.type_into(&s.find("#password").await, backoffice::PASSWORD)
            .await;
        s.click(&s.find("#login-button").await).await;
        s.find("#operator").await;
        s
    }

    fn done(&self) {
        eprintln!(
            "{} ({}): passed in {:.1} s",
            self.test,
            backend(),
            self.started.elapsed().as_secs_f64()
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Documents through the API.

/// A PDF of `pages` A4 pages, each with a line of text.
fn pdf(title: &str, pages: usize) -> Vec<u8> {
    use lopdf::{Document, Object, Stream, dictionary};
    let mut doc = Document::with_version("1.7");
    let root = doc.new_object_id();
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
    });
    let mut kids: Vec<Object> = Vec::new();
    for n in 1..=pages {
        let content = format!("BT /F1 18 Tf 72 760 Td ({title}, page {n} of {pages}) Tj ET");
        let contents = doc.add_object(Stream::new(dictionary! {}, content.into_bytes()));
        let page = doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => root,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            "Contents" => contents,
            "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
        });
        kids.push(page.into());
    }
    doc.objects.insert(
        root,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => kids, "Count" => pages as i64,
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => root });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

/// Sends a document of `pages` pages to Ana and Ben (and whatever `extra` adds).
async fn send(app: &TestApp, name: &str, pages: usize, extra: Value) -> Value {
    let mut body = json!({
        "name": name,
        "file": base64::engine::general_purpose::STANDARD.encode(pdf(name, pages)),
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
    let doc = app.post("/v1/documents", body).await.assert(201).clone();
    assert_eq!(doc["pages"], pages, "the API counts the pages: {doc}");
    doc
}

fn signer_url(doc: &Value, i: usize) -> String {
    doc["signers"][i]["url"].as_str().unwrap().to_owned()
}

// ---------------------------------------------------------------------------------------------
// The page.

/// `#status`'s `data-status`, waiting until it is `want` (fails with the page otherwise).
async fn wait_status(s: &Session, want: &str) {
    let deadline = Instant::now() + WAIT;
    let mut seen = String::new();
    loop {
        // One script rather than find-then-read: a form's answer may replace the page between.
        let read = s
            .try_execute(
                "const e = document.getElementById('status');
                 return e ? e.getAttribute('data-status') : null;",
            )
            .await;
        if let Ok(v) = read {
            seen = v.as_str().unwrap_or("").to_owned();
            if seen == want {
                return;
            }
        }
        if Instant::now() > deadline {
            let error = match s.try_find("#error").await {
                Some(e) => s.text(&e).await,
                None => String::new(),
            };
            panic!(
                "#status is {seen:?}, not {want:?}, on {} (#error: {error:?}); the page:\n{}",
                s.current_url().await,
                s.source().await
            );
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// `#status`: its `data-status` and its sentence.
async fn status(s: &Session) -> (String, String) {
    let e = s.find("#status").await;
    (
        s.attr(&e, "data-status").await.unwrap_or_default(),
        s.text(&e).await,
    )
}

async fn text_of(s: &Session, css: &str) -> String {
    let e = s.find(css).await;
    s.text(&e).await.trim().to_owned()
}

/// The document's name in `<h1>`, and each page as a loaded `img.page` alt "Page N of M".
async fn check_document_shown(s: &Session, name: &str, pages: usize, words: &Words) {
    assert_eq!(text_of(s, "h1").await, name, "<h1> is the document's name");
    let deadline = Instant::now() + WAIT;
    let imgs = loop {
        let v = s
            .execute(
                "return Array.from(document.querySelectorAll('img.page')).map(i => ({
                    alt: i.alt, complete: i.complete, width: i.naturalWidth, src: i.src }));",
                vec![],
            )
            .await;
        let imgs = v.as_array().unwrap().clone();
        if imgs.len() == pages && imgs.iter().all(|i| i["complete"] == true) {
            break imgs;
        }
        assert!(
            Instant::now() < deadline,
            "expected {pages} loaded img.page, found {imgs:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    for (n, img) in imgs.iter().enumerate() {
        assert_eq!(img["alt"], (words.page_of)(n + 1, pages), "{img}");
        assert!(
            img["width"].as_u64().unwrap_or(0) > 0,
            "page {} is a rendered image: {img}",
            n + 1
        );
    }
}

/// The viewport is `width` CSS pixels wide (on a page with a `viewport` meta tag when the
/// window is a phone's).
async fn check_viewport(s: &Session, width: u32) {
    let v = s.execute("return window.innerWidth;", vec![]).await;
    assert_eq!(v, width, "the viewport's width");
}

/// Fails when the page is wider than the window (a horizontal scroll bar on a phone).
async fn check_fits_the_window(s: &Session) {
    let v = s
        .execute(
            "return [document.documentElement.scrollWidth, window.innerWidth];",
            vec![],
        )
        .await;
    let (scroll, inner) = (v[0].as_u64().unwrap(), v[1].as_u64().unwrap());
    assert!(
        scroll <= inner,
        "the page is {scroll}px wide in a {inner}px window"
    );
}

/// The confirmation step as the contract has it: the one-time-code field and the test hint.
async fn check_confirm_form(s: &Session) {
    s.find("#confirm-form").await;
    let otp = s.find("#otp").await;
    assert_eq!(s.attr(&otp, "name").await.as_deref(), Some("otp"));
    assert_eq!(
        s.attr(&otp, "autocomplete").await.as_deref(),
        Some("one-time-code")
    );
    assert_eq!(s.attr(&otp, "inputmode").await.as_deref(), Some("numeric"));
    let hint = text_of(s, "#sandbox-hint").await;
    assert!(hint.contains(SANDBOX_CODE), "the test-mode hint: {hint:?}");
    assert!(s.try_find("#approve-form").await.is_none());
}

/// Opens the link, consents, approves, types the code and signs, with a screenshot of each
/// state, in the language of `words`.
async fn sign_from_link(
    h: &Harness,
    s: &Session,
    url: &str,
    who: &str,
    name: &str,
    pages: usize,
    words: &Words,
) {
    s.goto(url).await;
    wait_status(s, "user_consent_required").await;
    check_document_shown(s, name, pages, words).await;
    h.shot(s, &format!("{who}-opened")).await;
    s.find("#approve-form").await;
    s.find("#reject").await;
    let consent = s.find("#consent").await;
    assert_eq!(s.attr(&consent, "name").await.as_deref(), Some("consent"));
    assert_eq!(s.attr(&consent, "type").await.as_deref(), Some("checkbox"));
    assert!(
        s.try_find("label[for=consent]").await.is_some(),
        "the consent box has a label"
    );
    assert!(!s.is_selected(&consent).await);
    s.click(&consent).await;
    assert!(s.is_selected(&consent).await);
    let button = s.find("#approve").await;
    assert_eq!(s.text(&button).await.trim(), words.approve);
    h.shot(s, &format!("{who}-consented")).await;
    s.click(&button).await;

    wait_status(s, "confirmation_required").await;
    check_confirm_form(s).await;
    let button = s.find("#sign").await;
    assert_eq!(s.text(&button).await.trim(), words.sign);
    let otp = s.find("#otp").await;
    s.type_into(&otp, SANDBOX_CODE).await;
    h.shot(s, &format!("{who}-code-typed")).await;
    s.click(&button).await;

    wait_status(s, "signed").await;
    assert!(s.try_find("#approve-form").await.is_none());
    assert!(s.try_find("#confirm-form").await.is_none());
    assert!(s.try_find("#reject-form").await.is_none());
    let (_, sentence) = status(s).await;
    assert!(!sentence.trim().is_empty(), "#status says something");
    h.shot(s, &format!("{who}-signed")).await;
}

// ---------------------------------------------------------------------------------------------
// The tests.

/// The harness itself against a page that exists without the signing page: `/docs`.
#[tokio::test]
async fn the_harness_drives_chromium_on_the_api_docs_page() {
    let Some(h) = harness("harness_docs_page").await else {
        return;
    };
    let s = h.driver.session(DESKTOP.0, DESKTOP.1, None).await;
    s.goto(&h.app.url("/docs")).await;
    assert!(!text_of(&s, "h1").await.is_empty());
    let link = s.find("a[href='/openapi.json']").await;
    assert!(s.is_displayed(&link).await);
    let size = s
        .execute("return [window.innerWidth, window.innerHeight];", vec![])
        .await;
    assert_eq!(size[0], DESKTOP.0, "the window is as wide as asked: {size}");
    h.shot(&s, "docs").await;
    s.close().await;
    h.done();
}

#[tokio::test]
async fn two_signers_sign_from_their_links_on_a_phone_and_a_desktop() {
    let Some(h) = harness("two_signers_sign_from_their_links").await else {
        return;
    };
    let name = "Service agreement";
    let doc = send(&h.app, name, 2, json!({})).await;

    let phone = h.driver.session(PHONE.0, PHONE.1, None).await;
    sign_from_link(
        &h,
        &phone,
        &signer_url(&doc, 0),
        "ana-phone",
        name,
        2,
        &ENGLISH,
    )
    .await;
    check_viewport(&phone, PHONE.0).await;
    check_fits_the_window(&phone).await;
    phone.close().await;
    assert_eq!(document(&h.app, &doc).await["status"], "pending");

    let desktop = h.driver.session(DESKTOP.0, DESKTOP.1, None).await;
    sign_from_link(
        &h,
        &desktop,
        &signer_url(&doc, 1),
        "ben-desktop",
        name,
        2,
        &ENGLISH,
    )
    .await;
    check_viewport(&desktop, DESKTOP.0).await;
    desktop.close().await;

    let d = document(&h.app, &doc).await;
    assert_eq!(d["status"], "finished", "{d}");
    assert_eq!(d["signatures"], 2);
    for s in d["signers"].as_array().unwrap() {
        assert_eq!(s["status"], "signed", "{s}");
    }
    h.done();
}

#[tokio::test]
async fn approving_without_consent_shows_an_error_and_the_status_stays() {
    let Some(h) = harness("approving_without_consent").await else {
        return;
    };
    let doc = send(&h.app, "Lease", 1, json!({})).await;
    let s = h.driver.session(DESKTOP.0, DESKTOP.1, None).await;
    s.goto(&signer_url(&doc, 0)).await;
    wait_status(&s, "user_consent_required").await;
    let consent = s.find("#consent").await;
    assert!(!s.is_selected(&consent).await);
    let approve = s.find("#approve").await;
    s.click(&approve).await;

    let error = s.find("#error").await;
    assert!(s.is_displayed(&error).await, "#error is visible");
    assert_eq!(s.attr(&error, "role").await.as_deref(), Some("alert"));
    assert!(!s.text(&error).await.trim().is_empty(), "#error says why");
    wait_status(&s, "user_consent_required").await;
    s.find("#approve-form").await;
    h.shot(&s, "error").await;
    s.close().await;

    let d = document(&h.app, &doc).await;
    assert_eq!(d["signers"][0]["status"], "user_consent_required", "{d}");
    h.done();
}

#[tokio::test]
async fn a_signer_rejects_with_a_message() {
    let Some(h) = harness("a_signer_rejects_with_a_message").await else {
        return;
    };
    let doc = send(&h.app, "Purchase order", 1, json!({})).await;
    let s = h.driver.session(PHONE.0, PHONE.1, None).await;
    s.goto(&signer_url(&doc, 1)).await;
    wait_status(&s, "user_consent_required").await;
    h.shot(&s, "opened").await;

    let details = s.find("details#reject").await;
    assert_eq!(s.property(&details, "open").await, false);
    let summary = s.find("#reject summary").await;
    s.click(&summary).await;
    // The click toggles the disclosure; on a loaded machine the property may lag the click.
    let deadline = Instant::now() + WAIT;
    while s.property(&details, "open").await != true {
        assert!(Instant::now() < deadline, "the reject form opens");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let message = "The amount is wrong";
    let textarea = s.find("#reject-form textarea#reject-message").await;
    assert_eq!(s.attr(&textarea, "name").await.as_deref(), Some("message"));
    s.type_into(&textarea, message).await;
    h.shot(&s, "reject-open").await;
    let button = s.find("#reject-form #reject-button").await;
    s.click(&button).await;

    wait_status(&s, "rejected").await;
    assert!(s.try_find("#approve-form").await.is_none());
    assert!(s.try_find("#reject-form").await.is_none());
    h.shot(&s, "rejected").await;
    s.close().await;

    let d = document(&h.app, &doc).await;
    assert_eq!(d["status"], "rejected", "{d}");
    assert_eq!(d["signers"][1]["status"], "rejected", "{d}");
    assert_eq!(d["signers"][1]["message"], message, "{d}");
    h.done();
}

#[tokio::test]
async fn an_expired_link_shows_the_expired_state_and_no_approve_form() {
    let Some(h) = harness("an_expired_link").await else {
        return;
    };
    let clock = h.app.get("/v1/sandbox/clock").await;
    let now =
        chrono::DateTime::parse_from_rfc3339(clock.assert(200)["now"].as_str().unwrap()).unwrap();
    let expires = (now + chrono::Duration::hours(1)).to_rfc3339();
    let doc = send(&h.app, "Offer", 1, json!({"expires_at": expires})).await;
    let s = h.driver.session(DESKTOP.0, DESKTOP.1, None).await;
    s.goto(&signer_url(&doc, 0)).await;
    wait_status(&s, "user_consent_required").await;
    h.shot(&s, "before").await;

    h.app.advance(7200).await;
    assert_eq!(document(&h.app, &doc).await["status"], "expired");
    s.goto(&signer_url(&doc, 0)).await;
    wait_status(&s, "expired").await;
    let (_, sentence) = status(&s).await;
    assert!(!sentence.trim().is_empty(), "#status says something");
    assert!(s.try_find("#approve-form").await.is_none());
    assert!(s.try_find("#approve").await.is_none());
    assert!(s.try_find("#confirm-form").await.is_none());
    assert!(s.try_find("#reject-form").await.is_none());
    h.shot(&s, "expired").await;
    s.close().await;
    h.done();
}

#[tokio::test]
async fn a_german_browser_gets_the_page_in_german() {
    let Some(h) = harness("a_german_browser").await else {
        return;
    };
    let name = "Mietvertrag";
    let doc = send(&h.app, name, 1, json!({})).await;
    let s = h.driver.session(PHONE.0, PHONE.1, Some("de")).await;
    let lang = s.execute("return navigator.language;", vec![]).await;
    assert!(
        lang.as_str().unwrap_or("").starts_with("de"),
        "the browser speaks German: {lang}"
    );
    sign_from_link(&h, &s, &signer_url(&doc, 0), "de", name, 1, &GERMAN).await;
    s.close().await;
    h.done();
}

#[tokio::test]
async fn an_unknown_token_is_a_not_found_page() {
    let Some(h) = harness("an_unknown_token").await else {
        return;
    };
    let path = "/sign/no-such-token-0000000000000000";
    let r = h
        .app
        .send(reqwest::Method::GET, path, None, None, None, &[])
        .await;
    assert_eq!(r.status.as_u16(), 404);
    let ct = r
        .headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    assert!(ct.starts_with("text/html"), "an HTML page, not {ct:?}");

    let s = h.driver.session(DESKTOP.0, DESKTOP.1, None).await;
    s.goto(&h.app.url(path)).await;
    wait_status(&s, "not_found").await;
    assert!(s.try_find("#approve-form").await.is_none());
    h.shot(&s, "not-found").await;
    s.close().await;
    h.done();
}

#[tokio::test]
async fn the_approval_can_be_done_with_the_keyboard_alone() {
    let Some(h) = harness("the_approval_with_the_keyboard").await else {
        return;
    };
    let doc = send(&h.app, "Framework contract", 1, json!({})).await;
    let s = h.driver.session(DESKTOP.0, DESKTOP.1, None).await;
    s.goto(&signer_url(&doc, 0)).await;
    wait_status(&s, "user_consent_required").await;

    s.tab_to("consent", 40).await;
    s.press(&[SPACE]).await;
    let consent = s.find("#consent").await;
    assert!(s.is_selected(&consent).await, "Space ticks the consent box");
    h.shot(&s, "consent-ticked").await;
    s.tab_to("approve", 10).await;
    h.shot(&s, "approve-focused").await;
    s.press(&[ENTER]).await;

    wait_status(&s, "confirmation_required").await;
    h.shot(&s, "confirmation").await;
    s.tab_to("otp", 40).await;
    s.press(&[SANDBOX_CODE, ENTER]).await;
    wait_status(&s, "signed").await;
    h.shot(&s, "signed").await;
    s.close().await;

    let d = document(&h.app, &doc).await;
    assert_eq!(d["signers"][0]["status"], "signed", "{d}");
    h.done();
}

// ---------------------------------------------------------------------------------------------
// The back office.

/// Waits until `script` (returning a boolean) is true on the page.
async fn wait_until(s: &Session, what: &str, script: &str) {
    let deadline = Instant::now() + WAIT;
    loop {
        if s.try_execute(script).await.is_ok_and(|v| v == true) {
            return;
        }
        if Instant::now() > deadline {
            panic!(
                "{what} never happened on {}; the page:\n{}",
                s.current_url().await,
                s.source().await
            );
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn an_operator_signs_in_to_the_back_office_and_unblocks_a_signer() {
    let Some(h) = harness("admin_sign_in_and_unblock").await else {
        return;
    };
    let app = &h.app;
    backoffice::operator(app).await;
    // Three killed codes block Ana and the document.
    let doc = send(app, "Blocked agreement", 1, json!({})).await;
    let d = doc["id"].as_str().unwrap();
    let sid = doc["signers"][0]["id"].as_str().unwrap();
    for _ in 1..=3 {
        app.post(
            &format!("/v1/documents/{d}/signers/{sid}/approve"),
            json!({}),
        )
        .await
        .assert(200);
        for _ in 1..=5 {
            app.post(
                &format!("/v1/documents/{d}/signers/{sid}/confirm"),
                json!({"otp": "000000"}),
            )
            .await;
        }
    }
    assert_eq!(document(app, &doc).await["status"], "blocked");

    let s = h.driver.session(DESKTOP.0, DESKTOP.1, None).await;
    // Without a session /admin leads to the sign-in form.
    s.goto(&app.url("/admin")).await;
    s.find("#login-form").await;
    assert!(s.current_url().await.ends_with("/admin/login"));
    // A wrong password: the same form again, with the one message for every failure.
    s.type_into(&s.find("#email").await, backoffice::EMAIL)
        .await;
    s.type_into(&s.find("#password").await, "not the password")
        .await;
    s.click(&s.find("#login-button").await).await;
    let error = s.find("#login-error").await;
    assert_eq!(s.text(&error).await, "Wrong email or password.");
    h.shot(&s, "wrong-password").await;
    // Scripts cannot read the session cookie (HttpOnly), before and after signing in.
    s.type_into(&s.find("#password").await, backoffice::PASSWORD)
        .await;
    s.click(&s.find("#login-button").await).await;
    let who = s.find("#operator").await;
    assert_eq!(s.text(&who).await, backoffice::EMAIL);
    let cookies = s.execute("return document.cookie;", vec![]).await;
    assert_eq!(cookies, "", "the session cookie is HttpOnly");
    let row = format!("#blocked-{sid}");
    let reason = text_of(&s, &format!("{row} .admin-reason")).await;
    assert_eq!(reason, "OTP_CODE_INVALID");
    assert!(text_of(&s, &row).await.contains("Blocked agreement"));
    h.shot(&s, "blocked-queue").await;

    s.click(&s.find(&format!("{row} button")).await).await;
    wait_until(
        &s,
        "the signer leaving the queue",
        &format!(
            "return !!document.getElementById('operator') && !document.getElementById('blocked-{sid}');"
        ),
    )
    .await;
    assert!(
        text_of(&s, "#blocked")
            .await
            .contains("No signer is blocked.")
    );
    h.shot(&s, "unblocked").await;
    assert_eq!(document(app, &doc).await["status"], "pending");

    s.click(&s.find("#logout-button").await).await;
    s.find("#login-form").await;
    s.goto(&app.url("/admin")).await;
    s.find("#login-form").await;
    assert!(s.current_url().await.ends_with("/admin/login"));
    h.shot(&s, "signed-out").await;
    s.close().await;
    h.done();
}

// ---------------------------------------------------------------------------------------------
// Identification by `document`, and its review.

#[tokio::test]
async fn an_applicant_identifies_by_document_on_a_phone_and_a_reviewer_approves() {
    let Some(h) = harness("identify_by_document_and_review").await else {
        return;
    };
    let app = &h.app;
    let (pid, iid, path) = helpers::document_identification(app, "Anna Maria", "Eriksson").await;
    let photo = h.shots.join("id-photo.png");
    std::fs::write(&photo, helpers::id_photo()).unwrap();
    let photo = photo.canonicalize().unwrap().display().to_string();

    let s = h.driver.session(PHONE.0, PHONE.1, None).await;
    s.goto(&app.url(&path)).await;
    wait_status(&s, "consent").await;
    check_fits_the_window(&s).await;
    h.shot(&s, "consent").await;
    s.click(&s.find("#terms").await).await;
    s.click(&s.find("#data").await).await;
    s.click(&s.find("#start").await).await;
    wait_status(&s, "capture").await;
    h.shot(&s, "capture").await;

    s.click(&s.find("#kind-passport").await).await;
    s.click(&s.find("#choose").await).await;
    s.type_into(&s.find("#front-file").await, &photo).await;
    s.click(&s.find("#front-upload").await).await;
    s.find("#front-received").await;
    let mrz = helpers::td3("ERIKSSON", "ANNA MARIA", "740812", "341231");
    s.type_into(&s.find("#mrz").await, &mrz).await;
    // Saving the zone changes nothing on the page, so wait for the page itself to be replaced
    // (an element found before then goes stale).
    s.try_execute("window.beforeSave = true; return true;")
        .await
        .unwrap();
    s.click(&s.find("#mrz-save").await).await;
    wait_until(
        &s,
        "the page after saving the zone",
        "return window.beforeSave === undefined && document.readyState === 'complete';",
    )
    .await;
    s.find("#selfie-file").await;
    s.type_into(&s.find("#selfie-file").await, &photo).await;
    s.click(&s.find("#selfie-upload").await).await;
    s.find("#selfie-received").await;
    s.type_into(&s.find("#mobile_number").await, "+49 151 12345678")
        .await;
    s.click(&s.find("#send-code").await).await;
    let code = s.find("#code").await;
    assert_eq!(
        s.attr(&code, "autocomplete").await.as_deref(),
        Some("one-time-code")
    );
    s.type_into(&code, SANDBOX_CODE).await;
    s.click(&s.find("#confirm-code").await).await;
    s.find("#phone-verified").await;
    assert!(s.try_find("#missing").await.is_none(), "nothing is missing");
    check_fits_the_window(&s).await;
    h.shot(&s, "captured").await;
    s.click(&s.find("#submit").await).await;
    wait_status(&s, "under_review").await;
    h.shot(&s, "under-review").await;
    assert_eq!(app.status(&pid, &iid).await, "pending");

    // The reviewer: the queue, the case with the person beside the document, the decision.
    let r = h.signed_in_operator().await;
    let item = format!("#ident-{iid}");
    assert!(text_of(&r, &item).await.contains("Anna Maria Eriksson"));
    h.shot(&r, "review-queue").await;
    r.click(&r.find(&format!("{item} .review-link")).await)
        .await;
    r.find("#mrz-data").await;
    assert!(text_of(&r, "#mrz-data").await.contains("all correct"));
    assert!(text_of(&r, "#person-data").await.contains("1974-08-12"));
    wait_until(
        &r,
        "the document's images loading",
        "const f = document.getElementById('image-front'), s = document.getElementById('image-selfie'); return !!f && !!s && f.naturalWidth > 0 && s.naturalWidth > 0;",
    )
    .await;
    h.shot(&r, "case").await;
    r.click(&r.find("#approve-identification").await).await;
    wait_until(
        &r,
        "the case leaving the queue",
        &format!("return !!document.getElementById('identifications') && !document.getElementById('ident-{iid}');"),
    )
    .await;
    h.shot(&r, "queue-cleared").await;
    assert_eq!(app.status(&pid, &iid).await, "successful");

    s.goto(&app.url(&path)).await;
    wait_status(&s, "successful").await;
    h.shot(&s, "identified").await;
    s.close().await;
    r.close().await;
    h.done();
}

// ---------------------------------------------------------------------------------------------
// The back office's records: documents with their audit trails, webhook deliveries.

#[tokio::test]
async fn an_operator_reads_an_audit_trail_and_resends_a_failed_delivery() {
    let Some(h) = harness("admin_records").await else {
        return;
    };
    let app = &h.app;
    // A receiver that always fails, subscribed before the document is sent.
    let receiver = Receiver::start(500).await;
    let ep = app
        .post(
            "/v1/webhooks",
            json!({"url": receiver.url, "event_types": ["document.created"]}),
        )
        .await
        .assert(201)
        .clone();
    let ep = signet_core::ids::WebhookEndpointId::parse(ep["id"].as_str().unwrap()).unwrap();
    let doc = send(app, "Records agreement", 1, json!({})).await;
    let d = doc["id"].as_str().unwrap().to_owned();
    let deadline = Instant::now() + WAIT;
    while app.state.store.webhook_messages(&ep).await.unwrap()[0].attempts_made < 1 {
        assert!(Instant::now() < deadline, "a first delivery attempt");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    let s = h.signed_in_operator().await;
    // Documents: from the navigation to the document's trail.
    s.click(&s.find(r#"a[href="/admin/documents"]"#).await)
        .await;
    let row = format!(r#"tr[data-document="{d}"]"#);
    assert!(text_of(&s, &row).await.contains("Records agreement"));
    h.shot(&s, "documents").await;
    s.click(&s.find(&format!("{row} a")).await).await;
    let chain = s.find("#chain").await;
    assert_eq!(s.attr(&chain, "data-chain").await.as_deref(), Some("valid"));
    assert!(
        text_of(&s, "#audit-table")
            .await
            .contains("document.created")
    );
    h.shot(&s, "audit-trail").await;
    // Webhook deliveries: the failing one is retrying; resend it.
    s.click(&s.find(r#"a[href="/admin/webhooks"]"#).await).await;
    let msg = format!(r#"tr.admin-message[data-endpoint="{}"]"#, ep.as_str());
    let status = s.attr(&s.find(&msg).await, "data-status").await;
    assert_eq!(status.as_deref(), Some("retrying"));
    assert!(text_of(&s, &msg).await.contains("HTTP 500"));
    h.shot(&s, "webhook-deliveries").await;
    // Counted at the receiver, not in the message's attempts: a resend counts those from 0
    // again, so when the retry 5 s after the first attempt ran while the pages loaded (2),
    // the resent attempt and its own retry only make 2 again.
    let before = receiver.hits();
    s.click(&s.find(&format!("{msg} form.admin-resend button")).await)
        .await;
    s.find("#webhooks-table").await;
    let deadline = Instant::now() + WAIT;
    while receiver.hits() <= before {
        assert!(Instant::now() < deadline, "the resent delivery going out");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    h.shot(&s, "resent").await;
    s.close().await;
    h.done();
}
