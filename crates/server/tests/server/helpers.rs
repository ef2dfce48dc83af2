//! The test harness: each test gets its own server on a free port with a
//! fresh database, SQLite by default or PostgreSQL when
//! `SIGNET_TEST_DATABASE=postgres` (server at 127.0.0.1:5432, or
//! `SIGNET_TEST_POSTGRES_URL`).

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use signet_server::App;
use signet_server::config::{Config, Secret};
use signet_server::state::AppState;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use tempfile::TempDir;

/// Longest wait for something asynchronous (a delivery, a job) before a test fails.
pub const PATIENCE: Duration = Duration::from_secs(20);

pub struct TestApp {
    pub base: String,
    pub key: String,
    pub client: reqwest::Client,
    pub state: AppState,
    /// Holds the data directory until the test ends.
    _dir: TempDir,
    cancel: tokio_util::sync::CancellationToken,
    /// Drops the PostgreSQL database when the test ends.
    _database: Option<DropDatabase>,
}

/// A test's PostgreSQL database, dropped with this guard: `WITH (FORCE)` ends the
/// connections the server's pool still holds. The drop runs on a thread of its own with its
/// own runtime, since `Drop` cannot await and the test's runtime may be single-threaded.
pub struct DropDatabase {
    admin_url: String,
    name: String,
}

impl Drop for DropDatabase {
    fn drop(&mut self) {
        // A failed test's database is kept for a look.
        if std::thread::panicking() {
            return;
        }
        let (admin, name) = (self.admin_url.clone(), self.name.clone());
        let dropped = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .ok()?;
            rt.block_on(async {
                use sqlx::Connection;
                let mut conn = sqlx::PgConnection::connect(&admin).await.ok()?;
                sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
                    "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
                )))
                .execute(&mut conn)
                .await
                .ok()
            })
        })
        .join();
        if !matches!(dropped, Ok(Some(_))) {
            eprintln!("could not drop the test database {}", self.name);
        }
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        self.cancel.cancel();
    }
}

/// Waits until `f` holds, asking every 20 ms; the test fails after `PATIENCE`.
pub async fn wait_for(what: &str, mut f: impl AsyncFnMut() -> bool) {
    let deadline = tokio::time::Instant::now() + PATIENCE;
    while !f().await {
        assert!(tokio::time::Instant::now() < deadline, "timed out: {what}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Whether a missing external tool (Python peer, browser) fails the test, with
/// `SIGNET_REQUIRE_TOOLS=1` or `CI`, rather than skips it with a notice.
pub fn tools_required() -> bool {
    std::env::var("SIGNET_REQUIRE_TOOLS").is_ok_and(|v| v == "1")
        || std::env::var_os("CI").is_some()
}

/// The Python of the test peers: `$SIGNET_TEST_PYTHON`, else the workspace's `.venv`
/// (`scripts/test-env.sh`).
pub fn test_python() -> PathBuf {
    std::env::var_os("SIGNET_TEST_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../.venv/bin/python"))
}

pub fn postgres_selected() -> bool {
    std::env::var("SIGNET_TEST_DATABASE").is_ok_and(|v| v == "postgres")
}

fn postgres_admin_url() -> String {
    std::env::var("SIGNET_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned())
}

/// A new, empty database URL for the selected backend, and on PostgreSQL the guard that
/// drops the database.
pub async fn fresh_database(dir: &std::path::Path) -> (String, Option<DropDatabase>) {
    if postgres_selected() {
        use sqlx::Connection;
        let admin = postgres_admin_url();
        let mut conn = sqlx::PgConnection::connect(&admin)
            .await
            .expect("PostgreSQL for tests (SIGNET_TEST_DATABASE=postgres)");
        let name = format!("signet_test_{}", hex_id());
        sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .execute(&mut conn)
            .await
            .expect("create database");
        let base = admin
            .rsplit_once('/')
            .map(|(b, _)| b.to_owned())
            .unwrap_or_else(|| admin.clone());
        let guard = DropDatabase {
            admin_url: admin,
            name: name.clone(),
        };
        (format!("{base}/{name}"), Some(guard))
    } else {
        (
            format!("sqlite://{}", dir.join("signet.db").display()),
            None,
        )
    }
}

fn hex_id() -> String {
    let mut b = [0u8; 8];
    getrandom_fill(&mut b);
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn getrandom_fill(b: &mut [u8]) {
    let r = signet_server::state::random16();
    for (i, x) in b.iter_mut().enumerate() {
        *x = r[i % 16];
    }
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

pub async fn spawn_app_with(configure: impl FnOnce(&mut Config)) -> TestApp {
    spawn_app_until(configure, std::future::pending()).await.0
}

/// A test server that shuts down (as on SIGTERM) when `shutdown` resolves; the handle ends
/// when `App::serve` returns.
pub async fn spawn_app_until(
    configure: impl FnOnce(&mut Config),
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> (TestApp, tokio::task::JoinHandle<std::io::Result<()>>) {
    spawn_app_on(
        Arc::new(signet_server::state::SystemClock),
        configure,
        shutdown,
    )
    .await
}

/// A test server whose wall clock is `clock` (what certificates, OCSP answers and timestamps
/// are made at; tenants' clocks run from it too).
pub async fn spawn_app_with_clock(
    clock: Arc<dyn signet_server::state::WallClock>,
    configure: impl FnOnce(&mut Config),
) -> TestApp {
    spawn_app_on(clock, configure, std::future::pending())
        .await
        .0
}

async fn spawn_app_on(
    clock: Arc<dyn signet_server::state::WallClock>,
    configure: impl FnOnce(&mut Config),
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> (TestApp, tokio::task::JoinHandle<std::io::Result<()>>) {
    // `SIGNET_TEST_LOG=debug` shows the server's logs beside a failing test.
    if let Ok(filter) = std::env::var("SIGNET_TEST_LOG") {
        let _ = tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::new(filter))
            .with_test_writer()
            .try_init();
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let (database_url, database) = fresh_database(dir.path()).await;
    let mut config = Config {
        data_dir: dir.path().to_path_buf(),
        database_url: Some(Secret::new(database_url.clone())),
        webhook_allow_private: true,
        worker_poll_ms: 50,
        ..Config::default()
    };
    configure(&mut config);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    config.listen = addr;
    let app = App::build(config, clock).await.expect("app");
    let key = app
        .bootstrap()
        .await
        .expect("bootstrap")
        .expect("first start creates a key");
    let state = app.state.clone();
    let cancel = app.cancel.clone();
    let served = tokio::spawn(async move { app.serve(listener, shutdown).await });
    let app = TestApp {
        base: format!("http://{addr}"),
        key,
        client: reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client"),
        state,
        _dir: dir,
        cancel,
        _database: database,
    };
    (app, served)
}

/// A response read whole.
#[derive(Debug)]
pub struct Reply {
    pub status: StatusCode,
    pub headers: reqwest::header::HeaderMap,
    pub body: Value,
    pub bytes: Vec<u8>,
}

impl Reply {
    /// The first error's code, for error responses.
    pub fn code(&self) -> &str {
        self.body["errors"][0]["code"].as_str().unwrap_or("")
    }
    pub fn field(&self) -> &str {
        self.body["errors"][0]["source"]["field"]
            .as_str()
            .unwrap_or("")
    }
    #[track_caller]
    pub fn assert(&self, status: u16) -> &Value {
        assert_eq!(
            self.status.as_u16(),
            status,
            "unexpected status; body: {}",
            self.body
        );
        &self.body
    }
    #[track_caller]
    pub fn assert_error(&self, status: u16, code: &str) {
        assert_eq!(self.status.as_u16(), status, "body: {}", self.body);
        assert_eq!(self.code(), code, "body: {}", self.body);
        assert!(
            self.body["errors"][0]["id"]
                .as_str()
                .is_some_and(|s| s.len() > 8),
            "errors carry the request id: {}",
            self.body
        );
    }
}

impl TestApp {
    /// Whether the server has begun shutting down (its workers are told to stop).
    pub fn stopping(&self) -> bool {
        self.cancel.is_cancelled()
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    pub async fn send(
        &self,
        method: Method,
        path: &str,
        key: Option<&str>,
        body: Option<Vec<u8>>,
        content_type: Option<&str>,
        extra: &[(&str, &str)],
    ) -> Reply {
        let mut req = self.client.request(method, self.url(path));
        if let Some(k) = key {
            req = req.bearer_auth(k);
        }
        if let Some(ct) = content_type {
            req = req.header("content-type", ct);
        }
        for (k, v) in extra {
            req = req.header(*k, *v);
        }
        if let Some(b) = body {
            req = req.body(b);
        }
        let resp = req.send().await.expect("request");
        let status = resp.status();
        let headers = resp.headers().clone();
        let bytes = resp.bytes().await.expect("body").to_vec();
        let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        Reply {
            status,
            headers,
            body,
            bytes,
        }
    }

    pub async fn get(&self, path: &str) -> Reply {
        self.send(Method::GET, path, Some(&self.key), None, None, &[])
            .await
    }

    pub async fn post(&self, path: &str, body: Value) -> Reply {
        self.send(
            Method::POST,
            path,
            Some(&self.key),
            Some(body.to_string().into_bytes()),
            Some("application/json"),
            &[],
        )
        .await
    }

    pub async fn patch(&self, path: &str, body: Value) -> Reply {
        self.send(
            Method::PATCH,
            path,
            Some(&self.key),
            Some(body.to_string().into_bytes()),
            Some("application/json"),
            &[],
        )
        .await
    }

    pub async fn patch_empty(&self, path: &str) -> Reply {
        self.send(Method::PATCH, path, Some(&self.key), None, None, &[])
            .await
    }

    /// Creates a person and returns it.
    pub async fn person(&self, body: Value) -> Value {
        self.post("/v1/persons", body).await.assert(201).clone()
    }

    /// A person with these names and an identification requested for them.
    pub async fn requested(&self, first: &str, last: &str) -> (String, String) {
        let p = self
            .person(
                json!({"first_name": first, "last_name": last, "mobile_number": "+49301234567"}),
            )
            .await;
        let pid = p["id"].as_str().unwrap().to_owned();
        let i = self
            .post(
                &format!("/v1/persons/{pid}/identifications"),
                json!({"method": "idnow", "language": "EN"}),
            )
            .await;
        let iid = i.assert(201)["id"].as_str().unwrap().to_owned();
        self.patch_empty(&format!("/v1/persons/{pid}/identifications/{iid}/request"))
            .await
            .assert(200);
        (pid, iid)
    }

    pub async fn identification(&self, pid: &str, iid: &str) -> Value {
        self.get(&format!("/v1/persons/{pid}/identifications/{iid}"))
            .await
            .assert(200)
            .clone()
    }

    pub async fn status(&self, pid: &str, iid: &str) -> String {
        self.identification(pid, iid).await["status"]
            .as_str()
            .unwrap()
            .to_owned()
    }

    /// Advances the tenant's test clock (timers that fall due run first).
    pub async fn advance(&self, seconds: i64) {
        self.post("/v1/sandbox/clock/advance", json!({"seconds": seconds}))
            .await
            .assert(200);
    }

    /// Creates another tenant and returns its test key.
    pub async fn other_tenant(&self, name: &str) -> String {
        let (_, key) = signet_server::create_tenant(&self.state.store, name, self.state.wall_now())
            .await
            .expect("tenant");
        key
    }

    /// Event types written to the outbox for this app's default tenant, oldest first.
    pub async fn event_types(&self) -> Vec<String> {
        let tenant = self
            .state
            .store
            .tenant_by_name("default")
            .await
            .expect("tenant");
        self.state
            .store
            .events_after(&tenant.id, signet_store::Mode::Test, 0, 10_000)
            .await
            .expect("events")
            .into_iter()
            .map(|e| e.event_type)
            .collect()
    }
}

/// Base64 (standard alphabet), as the API takes files and images.
pub fn b64(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// `/v1/documents/{document}/signers/{signer i}/{action}`.
pub fn signer_path(doc: &Value, i: usize, action: &str) -> String {
    format!(
        "/v1/documents/{}/signers/{}/{action}",
        doc["id"].as_str().unwrap(),
        doc["signers"][i]["id"].as_str().unwrap()
    )
}

/// The document as the API shows it now.
pub async fn document(app: &TestApp, doc: &Value) -> Value {
    app.get(&format!("/v1/documents/{}", doc["id"].as_str().unwrap()))
        .await
        .assert(200)
        .clone()
}

/// A one-page PDF with a line of text.
pub fn sample_pdf(text: &str) -> Vec<u8> {
    use lopdf::{Document, Object, Stream, dictionary};
    let mut doc = Document::with_version("1.7");
    let pages = doc.new_object_id();
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
    });
    let content = format!("BT /F1 14 Tf 72 760 Td ({text}) Tj ET");
    let contents = doc.add_object(Stream::new(dictionary! {}, content.into_bytes()));
    let page = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        "Contents" => contents,
        "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
    });
    doc.objects.insert(
        pages,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1,
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("a PDF in memory");
    out
}

/// A photo-like PNG: a sharp, well-lit pattern the image checks accept.
pub fn id_photo() -> Vec<u8> {
    let img = image::GrayImage::from_fn(900, 600, |x, y| {
        let cell = ((x / 30) + (y / 30)) % 2 == 0;
        let noise = ((x * 7919 + y * 104_729) % 23) as u8;
        image::Luma([if cell { 40 + noise } else { 200 - noise }])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

/// A TD3 machine-readable zone (passport) with every check digit right.
pub fn td3(surname: &str, given: &str, birth: &str, expiry: &str) -> String {
    use signet_core::mrz::check_digit;
    let name = format!("{surname}<<{}", given.replace(' ', "<"));
    let line1 = format!("P<UTO{name:<<39}");
    let cd = |s: &str| check_digit(s).unwrap();
    let number = "L898902C3";
    let optional = "ZE184226B<<<<<";
    let mut line2 = format!(
        "{number}{}UTO{birth}{}F{expiry}{}{optional}{}",
        cd(number),
        cd(birth),
        cd(expiry),
        cd(optional)
    );
    let composite: String = format!("{}{}{}", &line2[0..10], &line2[13..20], &line2[21..43]);
    line2.push(cd(&composite));
    format!("{line1}\n{line2}")
}

pub async fn document_identification(
    app: &TestApp,
    first: &str,
    last: &str,
) -> (String, String, String) {
    let p = app
        .person(serde_json::json!({
            "first_name": first, "last_name": last, "birth_date": "1974-08-12",
            "nationality": "SE", "mobile_number": "+4915112345678"
        }))
        .await;
    let pid = p["id"].as_str().unwrap().to_owned();
    let i = app
        .post(
            &format!("/v1/persons/{pid}/identifications"),
            // The test passport (ICAO's specimen state UTO) carries no address: seed 002 asks
            // for a proof of address, here ten days old.
            serde_json::json!({
                "method": "document",
                "proof_of_address_type": "GAS_BILL",
                "proof_of_address_issued_at": (app.state.wall_now() - chrono::Duration::days(10))
                    .format("%Y-%m-%d")
                    .to_string(),
            }),
        )
        .await;
    let iid = i.assert(201)["id"].as_str().unwrap().to_owned();
    let r = app
        .patch_empty(&format!("/v1/persons/{pid}/identifications/{iid}/request"))
        .await;
    let url = r.assert(200)["url"].as_str().unwrap().to_owned();
    let path = url[url.find("/identify/").unwrap()..].to_owned();
    (pid, iid, path)
}

/// A log writer the tests can read back.
#[derive(Clone, Default)]
pub struct Captured(Arc<std::sync::Mutex<Vec<u8>>>);

impl Captured {
    /// How many bytes were logged so far.
    pub fn len(&self) -> usize {
        self.0.lock().unwrap().len()
    }

    /// What was logged after the first `from` bytes.
    pub fn since(&self, from: usize) -> String {
        let all = self.0.lock().unwrap();
        String::from_utf8_lossy(&all[from.min(all.len())..]).into_owned()
    }
}

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for Captured {
    type Writer = Captured;
    fn make_writer(&'a self) -> Captured {
        self.clone()
    }
}

/// Every log line of this test binary from the first call on, at debug level, for the tests
/// that prove what the server never logs. A process-wide subscriber, because tracing caches
/// per call site whether anyone listens: a thread-local one misses lines whose call sites
/// other tests' threads reached first. The HTTP client's own lines are left out (they name
/// the URLs it asks for). `None` when another subscriber (`SIGNET_TEST_LOG`) is in place.
pub fn captured_logs() -> Option<Captured> {
    static LOGS: std::sync::OnceLock<Option<Captured>> = std::sync::OnceLock::new();
    LOGS.get_or_init(|| {
        let logs = Captured::default();
        let subscriber = tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::new(
                "debug,reqwest=off,hyper_util::client=off",
            ))
            .with_writer(logs.clone())
            .with_ansi(false)
            .finish();
        tracing::subscriber::set_global_default(subscriber)
            .ok()
            .map(|_| logs)
    })
    .clone()
}
