//! What the binary's tests share: a fresh database on either backend, the
//! `signet` command with a clean environment, a server process and a minimal
//! HTTP client over a plain socket.

use serde_json::{Value, json};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// PostgreSQL's admin URL when the suite runs on PostgreSQL.
pub fn postgres_admin_url() -> Option<String> {
    if std::env::var("SIGNET_TEST_DATABASE").ok().as_deref() != Some("postgres") {
        return None;
    }
    Some(
        std::env::var("SIGNET_TEST_POSTGRES_URL")
            .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned()),
    )
}

/// Runs one statement over PostgreSQL's simple-query protocol (trust authentication), enough
/// to create and drop the test's database without a client library.
pub fn pg_simple_query(admin_url: &str, sql: &str) {
    let rest = admin_url
        .split_once("://")
        .map(|(_, r)| r)
        .expect("postgres URL");
    let (user, hostdb) = rest.split_once('@').expect("user in postgres URL");
    let (hostport, db) = hostdb.split_once('/').expect("database in postgres URL");
    let mut s = TcpStream::connect(hostport).expect("connect to PostgreSQL");
    let mut params = Vec::new();
    for (k, v) in [("user", user), ("database", db)] {
        params.extend_from_slice(k.as_bytes());
        params.push(0);
        params.extend_from_slice(v.as_bytes());
        params.push(0);
    }
    params.push(0);
    let mut startup = Vec::new();
    startup.extend_from_slice(&((params.len() + 8) as u32).to_be_bytes());
    startup.extend_from_slice(&196_608u32.to_be_bytes());
    startup.extend_from_slice(&params);
    s.write_all(&startup).expect("startup");
    let read_msg = |s: &mut TcpStream| -> (u8, Vec<u8>) {
        let mut head = [0u8; 5];
        s.read_exact(&mut head).expect("message header");
        let len = u32::from_be_bytes([head[1], head[2], head[3], head[4]]) as usize;
        let mut body = vec![0u8; len - 4];
        s.read_exact(&mut body).expect("message body");
        (head[0], body)
    };
    loop {
        let (tag, body) = read_msg(&mut s);
        match tag {
            b'R' => assert_eq!(
                &body[..4],
                &[0, 0, 0, 0],
                "PostgreSQL asks for a password; use trust auth"
            ),
            b'E' => panic!(
                "PostgreSQL refused the connection: {}",
                String::from_utf8_lossy(&body)
            ),
            b'Z' => break,
            _ => {}
        }
    }
    let mut q = vec![b'Q'];
    q.extend_from_slice(&((sql.len() + 5) as u32).to_be_bytes());
    q.extend_from_slice(sql.as_bytes());
    q.push(0);
    s.write_all(&q).expect("query");
    loop {
        let (tag, body) = read_msg(&mut s);
        match tag {
            b'E' => panic!("{sql}: {}", String::from_utf8_lossy(&body)),
            b'Z' => break,
            _ => {}
        }
    }
    let _ = s.write_all(&[b'X', 0, 0, 0, 4]);
}

pub fn random_hex() -> String {
    let mut b = [0u8; 8];
    if let Ok(mut f) = std::fs::File::open("/dev/urandom") {
        let _ = f.read_exact(&mut b);
    }
    b.iter().map(|x| format!("{x:02x}")).collect()
}

pub struct Server {
    pub child: Child,
    pub port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("free port")
}

pub fn signet(database_url: &str, data_dir: &std::path::Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_signet"));
    for (k, _) in std::env::vars() {
        if k.starts_with("SIGNET_") && !k.starts_with("SIGNET_TEST_") {
            cmd.env_remove(k);
        }
    }
    cmd.env("SIGNET_DATABASE_URL", database_url)
        .env("SIGNET_DATA_DIR", data_dir)
        .env("SIGNET_WEBHOOK_ALLOW_PRIVATE", "true")
        .env("SIGNET_WORKER_POLL_MS", "50")
        .env("SIGNET_LOG", "warn");
    cmd
}

pub fn request(
    port: u16,
    method: &str,
    path: &str,
    key: &str,
    body: Option<&Value>,
) -> (u16, Value) {
    try_request(port, method, path, key, body).expect("an answer from signet")
}

/// `POST path` with a JSON body, expecting a 2xx; returns the answer.
pub fn post(port: u16, key: &str, path: &str, body: Value) -> Value {
    let (status, reply) = request(port, "POST", path, key, Some(&body));
    assert!(
        (200..300).contains(&status),
        "POST {path}: {status} {reply}"
    );
    reply
}

/// `GET path`, expecting 200.
pub fn get(port: u16, key: &str, path: &str) -> Value {
    let (status, reply) = request(port, "GET", path, key, None);
    assert_eq!(status, 200, "GET {path}: {reply}");
    reply
}

pub fn id(v: &Value) -> String {
    v["id"].as_str().expect("an id").to_owned()
}

/// A person with a requested `idnow` identification (the names choose the sandbox case);
/// returns (person, identification).
pub fn requested(port: u16, key: &str, first: &str, last: &str) -> (String, String) {
    let person = post(
        port,
        key,
        "/v1/persons",
        json!({"first_name": first, "last_name": last}),
    );
    let pid = id(&person);
    let ident = post(
        port,
        key,
        &format!("/v1/persons/{pid}/identifications"),
        json!({"method": "idnow"}),
    );
    let iid = id(&ident);
    let (status, body) = request(
        port,
        "PATCH",
        &format!("/v1/persons/{pid}/identifications/{iid}/request"),
        key,
        None,
    );
    assert_eq!(status, 200, "{body}");
    (pid, iid)
}

/// One request; `None` when the connection fails or is cut before a whole
/// response (a server that died is no answer).
pub fn try_request(
    port: u16,
    method: &str,
    path: &str,
    key: &str,
    body: Option<&Value>,
) -> Option<(u16, Value)> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    let body = body.map(Value::to_string).unwrap_or_default();
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nhost: 127.0.0.1\r\nauthorization: Bearer {key}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.len()
    )
    .ok()?;
    let mut raw = String::new();
    s.read_to_string(&mut raw).ok()?;
    let status = raw
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let json = raw
        .split_once("\r\n\r\n")
        .and_then(|(_, b)| serde_json::from_str(b).ok())
        .unwrap_or(Value::Null);
    (status != 0).then_some((status, json))
}

pub fn start_server(database_url: &str, data_dir: &std::path::Path) -> Server {
    start_server_on(database_url, data_dir, free_port())
}

/// `signet serve` listening on `port`: e.g. again at the address an earlier server wrote
/// into the certificates it issued, so that their revocation addresses answer.
pub fn start_server_on(database_url: &str, data_dir: &std::path::Path, port: u16) -> Server {
    serve(signet(database_url, data_dir), port)
}

/// `cmd serve` (a `signet` command with its configuration) listening on `port`, once it
/// answers `/healthz`.
pub fn serve(mut cmd: Command, port: u16) -> Server {
    let child = cmd
        .arg("serve")
        .env("SIGNET_LISTEN", format!("127.0.0.1:{port}"))
        .stdout(Stdio::null())
        .spawn()
        .expect("start signet serve");
    let server = Server { child, port };
    let deadline = Instant::now() + Duration::from_secs(30);
    while request_health(port) != Some(200) {
        assert!(Instant::now() < deadline, "signet serve did not come up");
        std::thread::sleep(Duration::from_millis(50));
    }
    server
}

pub fn request_health(port: u16) -> Option<u16> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.write_all(b"GET /healthz HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n")
        .ok()?;
    let mut raw = String::new();
    s.read_to_string(&mut raw).ok()?;
    raw.split_whitespace().nth(1)?.parse().ok()
}

/// A new, empty database for one test and a data directory beside it:
/// PostgreSQL when the suite runs on it, else SQLite in the data directory. The guard drops
/// the PostgreSQL database when the test ends: declare it before the server, so that it
/// drops after it.
pub fn fresh_database(label: &str) -> (String, std::path::PathBuf, DropDatabase) {
    let name = format!("signet_{label}_{}", random_hex());
    let data_dir = std::env::temp_dir().join(&name);
    std::fs::create_dir_all(&data_dir).expect("data dir");
    let (url, admin) = match postgres_admin_url() {
        Some(admin) => {
            pg_simple_query(&admin, &format!("CREATE DATABASE {name}"));
            let base = admin.rsplit_once('/').map(|(b, _)| b).expect("admin URL");
            (format!("{base}/{name}"), Some(admin))
        }
        None => (
            format!("sqlite://{}", data_dir.join("signet.db").display()),
            None,
        ),
    };
    (url, data_dir, DropDatabase { admin, name })
}

/// Drops a test's PostgreSQL database (nothing on SQLite); `WITH (FORCE)` ends the
/// connections of a server still running.
pub struct DropDatabase {
    pub admin: Option<String>,
    pub name: String,
}

impl Drop for DropDatabase {
    fn drop(&mut self) {
        // A failed test's database is kept for a look (and a panic here would abort).
        if let Some(admin) = &self.admin
            && !std::thread::panicking()
        {
            pg_simple_query(
                admin,
                &format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name),
            );
        }
    }
}

/// `signet tenant create NAME`; returns the test-mode key (its last line).
pub fn create_tenant(database_url: &str, data_dir: &std::path::Path, name: &str) -> String {
    let out = signet(database_url, data_dir)
        .args(["tenant", "create", name])
        .output()
        .expect("signet tenant create");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .last()
        .expect("a key on the last line")
        .trim()
        .to_owned()
}

/// One request with a raw body; returns the status and the body's bytes (chunked transfer
/// coding undone). `None` when the connection fails.
pub fn try_request_bytes(
    port: u16,
    method: &str,
    path: &str,
    key: &str,
    body: &[u8],
    content_type: &str,
) -> Option<(u16, Vec<u8>)> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    let head = format!(
        "{method} {path} HTTP/1.1\r\nhost: 127.0.0.1\r\nauthorization: Bearer {key}\r\ncontent-type: {content_type}\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
        body.len()
    );
    s.write_all(head.as_bytes()).ok()?;
    s.write_all(body).ok()?;
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).ok()?;
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = String::from_utf8_lossy(&raw[..split]).to_ascii_lowercase();
    let status = head.split_whitespace().nth(1)?.parse().ok()?;
    let mut body = raw[split + 4..].to_vec();
    if head.contains("transfer-encoding: chunked") {
        body = dechunk(&body);
    }
    Some((status, body))
}

/// `try_request_bytes`, expecting an answer.
pub fn request_bytes(
    port: u16,
    method: &str,
    path: &str,
    key: &str,
    body: &[u8],
    content_type: &str,
) -> (u16, Vec<u8>) {
    try_request_bytes(port, method, path, key, body, content_type).expect("an answer from signet")
}

fn dechunk(mut input: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let Some(eol) = input.windows(2).position(|w| w == b"\r\n") else {
            return out;
        };
        let size_text = String::from_utf8_lossy(&input[..eol]);
        let size_text = size_text.split(';').next().unwrap_or("").trim().to_owned();
        let Ok(size) = usize::from_str_radix(&size_text, 16) else {
            return out;
        };
        input = &input[eol + 2..];
        if size == 0 || input.len() < size {
            return out;
        }
        out.extend_from_slice(&input[..size]);
        input = input.get(size + 2..).unwrap_or(&[]);
    }
}

/// Whether missing external validators fail the test (`SIGNET_REQUIRE_TOOLS=1` or `CI`)
/// rather than skip it with a notice.
pub fn tools_required() -> bool {
    std::env::var_os("CI").is_some()
        || std::env::var("SIGNET_REQUIRE_TOOLS").is_ok_and(|v| !v.is_empty() && v != "0")
}

/// Whether a validator is usable: missing it fails when tools are required, else skips with
/// a notice.
pub fn require(what: &str, present: bool) -> bool {
    if present {
        return true;
    }
    if tools_required() {
        panic!(
            "{what} is required (SIGNET_REQUIRE_TOOLS or CI) but was not found; run \
             scripts/test-env.sh (pyHanko from PyPI into .venv, apt packages poppler-utils and \
             libnss3-tools)"
        );
    }
    eprintln!("notice: {what} not found, skipping this validator check");
    false
}

/// The Python with pyHanko: `$SIGNET_TEST_PYTHON`, else the workspace venv; `None` (after
/// `require`) without it.
pub fn pyhanko() -> Option<PathBuf> {
    let p = std::env::var_os("SIGNET_TEST_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace().join(".venv/bin/python"));
    let present = Command::new(&p)
        .args(["-c", "import pyhanko"])
        .output()
        .is_ok_and(|o| o.status.success());
    require("pyHanko (SIGNET_TEST_PYTHON or .venv/bin/python)", present).then_some(p)
}

/// Whether `name` is a command on the `PATH`.
fn on_path(name: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {name}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Whether poppler's pdfsig and NSS's certutil are there (after `require`).
pub fn have_pdfsig() -> bool {
    require(
        "pdfsig and certutil (poppler-utils, libnss3-tools)",
        on_path("pdfsig") && on_path("certutil"),
    )
}

/// pyHanko's verdict on each signature of `file`, trusting only `roots` (joined by `:`).
pub fn pyhanko_validate(python: &Path, roots: &std::ffi::OsStr, file: &Path) -> Vec<Value> {
    let script = workspace().join("crates/pdf/tests/validate_pyhanko.py");
    let out = Command::new(python)
        .arg(script)
        .arg(roots)
        .arg(file)
        .output()
        .expect("run pyHanko");
    assert!(
        out.status.success(),
        "pyHanko script failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

/// A fresh NSS database in `dir` that trusts every PEM root given as a CA.
pub fn nss_db(dir: &Path, roots: &[&str]) -> String {
    let db = dir.join("nss");
    std::fs::create_dir_all(&db).expect("nss dir");
    let spec = format!("sql:{}", db.display());
    let st = Command::new("certutil")
        .args(["-N", "-d", &spec, "--empty-password"])
        .status()
        .expect("certutil -N");
    assert!(st.success(), "certutil -N failed");
    for (i, root) in roots.iter().enumerate() {
        let pem = dir.join(format!("root{i}.pem"));
        std::fs::write(&pem, root).expect("root PEM");
        let st = Command::new("certutil")
            .args([
                "-A",
                "-d",
                &spec,
                "-n",
                &format!("root{i}"),
                "-t",
                "CT,C,C",
                "-a",
            ])
            .arg("-i")
            .arg(&pem)
            .status()
            .expect("certutil -A");
        assert!(st.success(), "certutil -A failed");
    }
    spec
}

/// pdfsig's block for each signature of `file` with the NSS database `nss`, document
/// timestamps left out (pdfsig cannot validate ETSI.RFC3161 and says so).
pub fn pdfsig_signatures(nss: &str, file: &Path) -> Vec<String> {
    let out = Command::new("pdfsig")
        .args(["-nssdir", nss])
        .arg(file)
        .output()
        .expect("run pdfsig");
    let report =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    report
        .split("Signature #")
        .skip(1)
        .filter(|b| b.contains("ETSI.CAdES.detached"))
        .map(str::to_string)
        .collect()
}

/// The workspace root.
pub fn workspace() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .expect("workspace root")
        .to_path_buf()
}

/// The `signet` command with no `SIGNET_*` configuration from the caller's environment.
pub fn signet_bare() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_signet"));
    for (k, _) in std::env::vars() {
        if k.starts_with("SIGNET_") && !k.starts_with("SIGNET_TEST_") {
            cmd.env_remove(k);
        }
    }
    cmd.env("SIGNET_LOG", "warn")
        .env_remove("RUST_BACKTRACE")
        .env_remove("RUST_LIB_BACKTRACE");
    cmd
}

/// A one-page PDF with these lines of uncompressed Helvetica text, top to bottom (a test
/// can find a word in it and change one byte).
#[allow(dead_code)]
pub fn text_pdf(lines: &[&str]) -> Vec<u8> {
    use lopdf::{Document, Object, Stream, dictionary};
    let mut doc = Document::with_version("1.7");
    let pages = doc.new_object_id();
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
    });
    let content: String = lines
        .iter()
        .enumerate()
        .map(|(i, l)| format!("BT /F1 14 Tf 72 {} Td ({l}) Tj ET ", 760 - 30 * i))
        .collect();
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
