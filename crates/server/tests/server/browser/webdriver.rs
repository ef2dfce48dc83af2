//! A small W3C WebDriver client for the page tests, over the reqwest the tests already use:
//! a chromedriver process on a free port (stopped when dropped), browser sessions with their
//! window size and language, elements, keys, scripts and screenshots.
//!
//! Tools: `$SIGNET_TEST_CHROMEDRIVER` and `$SIGNET_TEST_CHROMIUM`, else `chromedriver` and
//! `chromium` on the `PATH` (`scripts/test-env.sh` installs Debian's `chromium-driver` and
//! `chromium`).

use base64::Engine;
use serde_json::{Value, json};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The key under which WebDriver names an element.
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

pub const TAB: &str = "\u{E004}";
pub const ENTER: &str = "\u{E007}";
pub const SPACE: &str = "\u{E00D}";

/// Chrome's narrowest window.
const MIN_WINDOW_WIDTH: u32 = 500;

/// How long a wait for an element or a state lasts before the test fails.
pub const WAIT: Duration = Duration::from_secs(15);

fn on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
}

fn tool(var: &str, names: &[&str]) -> Option<PathBuf> {
    if let Some(p) = std::env::var_os(var) {
        let p = PathBuf::from(p);
        return p.is_file().then_some(p);
    }
    names.iter().find_map(|n| on_path(n))
}

/// Chromium and chromedriver, or `None` (after a notice) when a tool is missing and the tools
/// are not required; panics when they are (`SIGNET_REQUIRE_TOOLS=1` or `CI`).
pub fn tools(test: &str) -> Option<(PathBuf, PathBuf)> {
    let chromium = tool(
        "SIGNET_TEST_CHROMIUM",
        &["chromium", "chromium-browser", "google-chrome"],
    );
    let driver = tool("SIGNET_TEST_CHROMEDRIVER", &["chromedriver"]);
    match (chromium, driver) {
        (Some(c), Some(d)) => Some((c, d)),
        (c, d) => {
            let mut missing = Vec::new();
            if c.is_none() {
                missing.push("chromium (or $SIGNET_TEST_CHROMIUM)");
            }
            if d.is_none() {
                missing.push("chromedriver (or $SIGNET_TEST_CHROMEDRIVER)");
            }
            let message = format!(
                "{} not found; run scripts/test-env.sh (apt-get install chromium chromium-driver)",
                missing.join(" and ")
            );
            if crate::helpers::tools_required() {
                panic!("{message}");
            }
            eprintln!("skipping the browser test {test}: {message}");
            None
        }
    }
}

/// A chromedriver process on a free port; shut down (and killed if need be) when dropped.
pub struct Chromedriver {
    child: Child,
    port: u16,
    pub url: String,
    chromium: PathBuf,
    log: PathBuf,
}

impl Chromedriver {
    pub async fn start(chromium: &Path, driver: &Path, log_dir: &Path) -> Chromedriver {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        std::fs::create_dir_all(log_dir).unwrap();
        let log = log_dir.join("chromedriver.log");
        let child = Command::new(driver)
            .arg(format!("--port={port}"))
            .arg(format!("--log-path={}", log.display()))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("starting {}: {e}", driver.display()));
        let mut this = Chromedriver {
            child,
            port,
            url: format!("http://127.0.0.1:{port}"),
            chromium: chromium.to_path_buf(),
            log,
        };
        let http = reqwest::Client::new();
        let deadline = Instant::now() + WAIT;
        loop {
            if let Ok(r) = http.get(format!("{}/status", this.url)).send().await
                && let Ok(v) = r.json::<Value>().await
                && v["value"]["ready"] == true
            {
                break;
            }
            if let Ok(Some(status)) = this.child.try_wait() {
                panic!(
                    "chromedriver exited ({status}) before it was ready; see {}",
                    this.log.display()
                );
            }
            assert!(
                Instant::now() < deadline,
                "chromedriver not ready on port {port} after {WAIT:?}; see {}",
                this.log.display()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        this
    }

    /// A new browser window: `width`×`height` (below 500 px wide, an emulated phone of that
    /// viewport), and the language the browser asks for.
    pub async fn session(&self, width: u32, height: u32, lang: Option<&str>) -> Session {
        let mut args = vec![
            "--headless=new".to_owned(),
            "--no-sandbox".to_owned(),
            "--disable-gpu".to_owned(),
            "--disable-dev-shm-usage".to_owned(),
            "--no-first-run".to_owned(),
            "--no-default-browser-check".to_owned(),
            format!("--window-size={width},{height}"),
        ];
        let mut options = json!({
            "binary": self.chromium.display().to_string(),
            "args": [],
        });
        if width < MIN_WINDOW_WIDTH {
            // Chrome keeps a window at least 500 px wide; a phone's viewport is emulated.
            options["mobileEmulation"] = json!({
                "deviceMetrics": {
                    "width": width,
                    "height": height,
                    "pixelRatio": 2.0,
                    "mobile": true,
                    "touch": true,
                }
            });
        }
        if let Some(lang) = lang {
            args.push(format!("--lang={lang}"));
            options["prefs"] = json!({ "intl.accept_languages": lang });
        }
        options["args"] = json!(args);
        let caps = json!({
            "capabilities": {
                "alwaysMatch": {
                    "browserName": "chrome",
                    "pageLoadStrategy": "normal",
                    "goog:chromeOptions": options,
                }
            }
        });
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(60))
            .build()
            .unwrap();
        let r = http
            .post(format!("{}/session", self.url))
            .json(&caps)
            .send()
            .await
            .expect("chromedriver answers");
        let body: Value = r.json().await.expect("a JSON answer");
        let id = body["value"]["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no browser session: {body}; see {}", self.log.display()))
            .to_owned();
        Session {
            http,
            base: format!("{}/session/{id}", self.url),
        }
    }
}

impl Drop for Chromedriver {
    fn drop(&mut self) {
        // `/shutdown` closes the sessions and their browsers; a plain kill would orphan them.
        if let Ok(mut s) = std::net::TcpStream::connect(("127.0.0.1", self.port)) {
            let _ = s.set_read_timeout(Some(Duration::from_secs(5)));
            let _ = s.write_all(
                b"GET /shutdown HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
            );
            let _ = s.read_to_end(&mut Vec::new());
        }
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A WebDriver error (`value.error` and `value.message`).
#[derive(Debug)]
pub struct WdError {
    pub error: String,
    pub message: String,
}

/// One browser window.
pub struct Session {
    http: reqwest::Client,
    base: String,
}

#[derive(Clone, Debug)]
pub struct Element {
    pub id: String,
}

impl Session {
    async fn call(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<Value>,
    ) -> Result<Value, WdError> {
        let mut req = self
            .http
            .request(method.clone(), format!("{}{path}", self.base));
        if let Some(b) = body {
            req = req.json(&b);
        } else if method == reqwest::Method::POST {
            req = req.json(&json!({}));
        }
        let r = req.send().await.map_err(|e| WdError {
            error: "transport".into(),
            message: e.to_string(),
        })?;
        let ok = r.status().is_success();
        let v: Value = r.json().await.map_err(|e| WdError {
            error: "transport".into(),
            message: e.to_string(),
        })?;
        if ok {
            Ok(v["value"].clone())
        } else {
            Err(WdError {
                error: v["value"]["error"].as_str().unwrap_or("").to_owned(),
                message: v["value"]["message"].as_str().unwrap_or("").to_owned(),
            })
        }
    }

    #[track_caller]
    fn must<T>(r: Result<T, WdError>, what: &str) -> T {
        r.unwrap_or_else(|e| panic!("{what}: {} ({})", e.error, e.message))
    }

    async fn post(&self, path: &str, body: Value) -> Value {
        Self::must(
            self.call(reqwest::Method::POST, path, Some(body)).await,
            path,
        )
    }

    async fn get(&self, path: &str) -> Value {
        Self::must(self.call(reqwest::Method::GET, path, None).await, path)
    }

    pub async fn goto(&self, url: &str) {
        self.post("/url", json!({ "url": url })).await;
    }

    pub async fn current_url(&self) -> String {
        self.get("/url").await.as_str().unwrap_or("").to_owned()
    }

    pub async fn source(&self) -> String {
        self.get("/source").await.as_str().unwrap_or("").to_owned()
    }

    /// The first element matching `css`, if any (no waiting).
    pub async fn try_find(&self, css: &str) -> Option<Element> {
        let r = self
            .call(
                reqwest::Method::POST,
                "/element",
                Some(json!({ "using": "css selector", "value": css })),
            )
            .await;
        match r {
            Ok(v) => Some(Element {
                id: v[ELEMENT_KEY].as_str().unwrap().to_owned(),
            }),
            Err(e) if e.error == "no such element" => None,
            Err(e) => panic!("finding {css}: {} ({})", e.error, e.message),
        }
    }

    /// The first element matching `css`, waiting for it to appear.
    pub async fn find(&self, css: &str) -> Element {
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(e) = self.try_find(css).await {
                return e;
            }
            if Instant::now() > deadline {
                let url = self.current_url().await;
                let source = self.source().await;
                panic!("no element {css} on {url} after {WAIT:?}; the page:\n{source}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Runs `script` (a function body: `return …`), or the error, e.g. while a page loads.
    pub async fn try_execute(&self, script: &str) -> Result<Value, WdError> {
        self.call(
            reqwest::Method::POST,
            "/execute/sync",
            Some(json!({ "script": script, "args": [] })),
        )
        .await
    }

    /// Runs `script` (a function body: `return …`) with `args`.
    pub async fn execute(&self, script: &str, args: Vec<Value>) -> Value {
        self.post("/execute/sync", json!({ "script": script, "args": args }))
            .await
    }

    /// Keys pressed and released in turn, sent to whatever has the focus.
    pub async fn press(&self, keys: &[&str]) {
        let mut actions = Vec::new();
        for k in keys {
            for c in k.chars() {
                actions.push(json!({ "type": "keyDown", "value": c.to_string() }));
                actions.push(json!({ "type": "keyUp", "value": c.to_string() }));
            }
        }
        self.post(
            "/actions",
            json!({ "actions": [{ "type": "key", "id": "keyboard", "actions": actions }] }),
        )
        .await;
        let _ = self.call(reqwest::Method::DELETE, "/actions", None).await;
    }

    /// The id of the focused element ("" for none).
    pub async fn focused_id(&self) -> String {
        self.execute(
            "return document.activeElement ? document.activeElement.id : '';",
            vec![],
        )
        .await
        .as_str()
        .unwrap_or("")
        .to_owned()
    }

    /// Presses Tab until the element with this id has the focus (at most `max` times).
    pub async fn tab_to(&self, id: &str, max: usize) {
        for _ in 0..=max {
            if self.focused_id().await == id {
                return;
            }
            self.press(&[TAB]).await;
        }
        panic!("#{id} never took the focus after {max} presses of Tab");
    }

    /// A PNG of the viewport, written to `path`.
    pub async fn screenshot(&self, path: &Path) {
        let b64 = self.get("/screenshot").await;
        let png = base64::engine::general_purpose::STANDARD
            .decode(b64.as_str().unwrap())
            .unwrap();
        assert!(png.starts_with(b"\x89PNG"), "a PNG screenshot");
        std::fs::write(path, png).unwrap();
    }

    pub async fn close(self) {
        let _ = self.call(reqwest::Method::DELETE, "", None).await;
    }

    // Element commands.

    pub async fn click(&self, e: &Element) {
        self.post(&format!("/element/{}/click", e.id), json!({}))
            .await;
    }

    pub async fn type_into(&self, e: &Element, text: &str) {
        self.post(&format!("/element/{}/value", e.id), json!({ "text": text }))
            .await;
    }

    /// A stroke through `points` (CSS pixels from the element's centre) with a `mouse`, `pen`
    /// or `touch` pointer: down at the first, moved through the rest, up at the last.
    pub async fn stroke(&self, e: &Element, pointer: &str, points: &[(i64, i64)]) {
        let origin = json!({ ELEMENT_KEY: e.id });
        let mut actions = Vec::new();
        for (i, (x, y)) in points.iter().enumerate() {
            actions.push(json!({
                "type": "pointerMove", "origin": origin, "x": x, "y": y,
                "duration": if i == 0 { 0 } else { 30 },
            }));
            if i == 0 {
                actions.push(json!({ "type": "pointerDown", "button": 0 }));
            }
        }
        actions.push(json!({ "type": "pointerUp", "button": 0 }));
        self.post(
            "/actions",
            json!({ "actions": [{
                "type": "pointer", "id": "stroke",
                "parameters": { "pointerType": pointer },
                "actions": actions,
            }] }),
        )
        .await;
        let _ = self.call(reqwest::Method::DELETE, "/actions", None).await;
    }

    pub async fn text(&self, e: &Element) -> String {
        self.get(&format!("/element/{}/text", e.id))
            .await
            .as_str()
            .unwrap_or("")
            .to_owned()
    }

    pub async fn attr(&self, e: &Element, name: &str) -> Option<String> {
        self.get(&format!("/element/{}/attribute/{name}", e.id))
            .await
            .as_str()
            .map(str::to_owned)
    }

    pub async fn property(&self, e: &Element, name: &str) -> Value {
        self.get(&format!("/element/{}/property/{name}", e.id))
            .await
    }

    pub async fn is_selected(&self, e: &Element) -> bool {
        self.get(&format!("/element/{}/selected", e.id)).await == true
    }

    pub async fn is_displayed(&self, e: &Element) -> bool {
        self.get(&format!("/element/{}/displayed", e.id)).await == true
    }
}
