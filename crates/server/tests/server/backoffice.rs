//! Talking to the back office over HTTP as a browser would: form bodies, pages with their
//! CSRF token, the session cookie. Shared by the `admin`, `admin_records` and `browser` tests.

use crate::helpers::TestApp;
use reqwest::StatusCode;

/// The operator the tests sign in as.
pub const EMAIL: &str = "reviewer@example.com";
pub const PASSWORD: &str = "correct horse battery staple";

/// Creates the operator `EMAIL` with `PASSWORD`.
pub async fn operator(app: &TestApp) {
    signet_server::pages::admin::create_operator(
        &app.state.store,
        EMAIL,
        PASSWORD,
        app.state.wall_now(),
    )
    .await
    .unwrap();
}

/// Signs in as `EMAIL` and returns the `Cookie` header value.
pub async fn sign_in(app: &TestApp) -> String {
    sign_in_as(app, EMAIL, PASSWORD).await
}

/// `application/x-www-form-urlencoded` for a few fields.
pub fn form(fields: &[(&str, &str)]) -> String {
    fields
        .iter()
        .map(|(k, v)| {
            let enc: String = v
                .bytes()
                .map(|b| match b {
                    b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                        (b as char).to_string()
                    }
                    b' ' => "+".into(),
                    b => format!("%{b:02X}"),
                })
                .collect();
            format!("{k}={enc}")
        })
        .collect::<Vec<_>>()
        .join("&")
}

pub struct Page {
    pub status: StatusCode,
    pub headers: reqwest::header::HeaderMap,
    pub text: String,
}

impl Page {
    pub fn location(&self) -> &str {
        self.headers
            .get("location")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }
    /// The session's CSRF token, as the page's forms carry it.
    pub fn csrf(&self) -> String {
        let marker = r#"name="csrf" value=""#;
        let at = self.text.find(marker).expect("a form with a csrf field") + marker.len();
        self.text[at..].split('"').next().unwrap().to_owned()
    }
    /// How many times `needle` occurs.
    pub fn count(&self, needle: &str) -> usize {
        self.text.matches(needle).count()
    }
    /// Where `needle` first occurs (panics if it does not).
    pub fn at(&self, needle: &str) -> usize {
        self.text
            .find(needle)
            .unwrap_or_else(|| panic!("{needle} not on the page"))
    }
}

pub async fn get(app: &TestApp, path: &str, cookie: Option<&str>) -> Page {
    let mut rb = app.client.get(app.url(path));
    if let Some(c) = cookie {
        rb = rb.header("cookie", c);
    }
    read(rb.send().await.unwrap()).await
}

pub async fn post_form(app: &TestApp, path: &str, cookie: Option<&str>, body: String) -> Page {
    let mut rb = app
        .client
        .post(app.url(path))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body);
    if let Some(c) = cookie {
        rb = rb.header("cookie", c);
    }
    read(rb.send().await.unwrap()).await
}

pub async fn read(r: reqwest::Response) -> Page {
    let status = r.status();
    let headers = r.headers().clone();
    let text = r.text().await.unwrap();
    Page {
        status,
        headers,
        text,
    }
}

/// Signs in and returns the `Cookie` header value.
pub async fn sign_in_as(app: &TestApp, email: &str, password: &str) -> String {
    let r = post_form(
        app,
        "/admin/login",
        None,
        form(&[("email", email), ("password", password)]),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    let set = r.headers.get("set-cookie").unwrap().to_str().unwrap();
    set.split(';').next().unwrap().to_owned()
}
