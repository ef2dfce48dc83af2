//! Two `signet serve` processes on one PostgreSQL database share webhook delivery: every
//! event reaches the receiver at least once even when one process is killed with SIGKILL
//! mid-way, and no message is ever in flight in both processes at once.
//!
//! Runs with `SIGNET_TEST_DATABASE=postgres` (server at 127.0.0.1:5432 with trust auth, or
//! `SIGNET_TEST_POSTGRES_URL`); on SQLite it is skipped with a notice, since one SQLite file
//! is not shared between processes.

// A synchronous test: the receiver and the client are plain threads with no async runtime to
// block, so blocking sleeps are the right tool here.
#![allow(clippy::disallowed_methods)]

use serde_json::{Value, json};
use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Events written in the test; the second process dies after half of them.
const EVENTS: usize = 60;
/// The receiver holds every delivery this long, so that attempts are really in flight when a
/// process is killed and overlapping attempts of one message would be seen.
const HOLD: Duration = Duration::from_millis(40);
/// Longest wait for every event: a killed process's leases (30 s) must run out first.
const PATIENCE: Duration = Duration::from_secs(90);

fn postgres_admin_url() -> Option<String> {
    if std::env::var("SIGNET_TEST_DATABASE").ok().as_deref() != Some("postgres") {
        eprintln!("skipping: set SIGNET_TEST_DATABASE=postgres to run the multi-process test");
        return None;
    }
    Some(
        std::env::var("SIGNET_TEST_POSTGRES_URL")
            .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned()),
    )
}

/// Runs one statement over PostgreSQL's simple-query protocol (trust authentication), enough
/// to create and drop the test's database without a client library.
fn pg_simple_query(admin_url: &str, sql: &str) {
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

fn random_hex() -> String {
    let mut b = [0u8; 8];
    if let Ok(mut f) = std::fs::File::open("/dev/urandom") {
        let _ = f.read_exact(&mut b);
    }
    b.iter().map(|x| format!("{x:02x}")).collect()
}

// ---------------------------------------------------------------------------------------------
// The receiver: records every delivery and any overlap of two attempts of one message.

#[derive(Default)]
struct Log {
    in_flight: HashMap<String, usize>,
    overlaps: Vec<String>,
    deliveries: Vec<Value>,
}

fn start_receiver() -> (u16, Arc<Mutex<Log>>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind receiver");
    let port = listener.local_addr().expect("addr").port();
    let log = Arc::new(Mutex::new(Log::default()));
    let shared = log.clone();
    std::thread::spawn(move || {
        for conn in listener.incoming() {
            let Ok(conn) = conn else { return };
            let log = shared.clone();
            std::thread::spawn(move || serve_connection(conn, &log));
        }
    });
    (port, log)
}

fn serve_connection(conn: TcpStream, log: &Mutex<Log>) {
    let Ok(mut writer) = conn.try_clone() else {
        return;
    };
    let mut reader = BufReader::new(conn);
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            return;
        }
        let mut length = 0usize;
        let mut id = String::new();
        loop {
            let mut h = String::new();
            if reader.read_line(&mut h).unwrap_or(0) == 0 {
                return;
            }
            let h = h.trim_end();
            if h.is_empty() {
                break;
            }
            if let Some((k, v)) = h.split_once(':') {
                match k.trim().to_ascii_lowercase().as_str() {
                    "content-length" => length = v.trim().parse().unwrap_or(0),
                    "webhook-id" => id = v.trim().to_owned(),
                    _ => {}
                }
            }
        }
        let mut body = vec![0u8; length];
        if reader.read_exact(&mut body).is_err() {
            return;
        }
        {
            let mut l = log.lock().expect("log");
            let n = l.in_flight.entry(id.clone()).or_insert(0);
            *n += 1;
            if *n > 1 {
                l.overlaps.push(id.clone());
            }
        }
        std::thread::sleep(HOLD);
        {
            let mut l = log.lock().expect("log");
            if let Some(n) = l.in_flight.get_mut(&id) {
                *n -= 1;
            }
            l.deliveries
                .push(serde_json::from_slice(&body).unwrap_or(Value::Null));
        }
        if writer
            .write_all(b"HTTP/1.1 204 No Content\r\ncontent-length: 0\r\n\r\n")
            .is_err()
        {
            return;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The two servers and a minimal client.

struct Server {
    child: Child,
    port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("free port")
}

fn signet(database_url: &str, data_dir: &std::path::Path) -> Command {
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

fn request(port: u16, method: &str, path: &str, key: &str, body: Option<&Value>) -> (u16, Value) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect to signet");
    let body = body.map(Value::to_string).unwrap_or_default();
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nhost: 127.0.0.1\r\nauthorization: Bearer {key}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.len()
    )
    .expect("send request");
    let mut raw = String::new();
    s.read_to_string(&mut raw).expect("read response");
    let status = raw
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let json = raw
        .split_once("\r\n\r\n")
        .and_then(|(_, b)| serde_json::from_str(b).ok())
        .unwrap_or(Value::Null);
    (status, json)
}

fn start_server(database_url: &str, data_dir: &std::path::Path) -> Server {
    let port = free_port();
    let child = signet(database_url, data_dir)
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

fn request_health(port: u16) -> Option<u16> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.write_all(b"GET /healthz HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n")
        .ok()?;
    let mut raw = String::new();
    s.read_to_string(&mut raw).ok()?;
    raw.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn two_processes_deliver_every_event_once_in_flight_and_survive_a_kill() {
    let Some(admin) = postgres_admin_url() else {
        return;
    };
    let name = format!("signet_mp_{}", random_hex());
    pg_simple_query(&admin, &format!("CREATE DATABASE {name}"));
    let base = admin.rsplit_once('/').map(|(b, _)| b).expect("admin URL");
    let database_url = format!("{base}/{name}");
    let data_dir: PathBuf = std::env::temp_dir().join(&name);
    std::fs::create_dir_all(&data_dir).expect("data dir");

    let out = signet(&database_url, &data_dir)
        .args(["tenant", "create", "multiprocess"])
        .output()
        .expect("signet tenant create");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let key = stdout.lines().last().expect("key line").trim().to_owned();

    let (receiver_port, log) = start_receiver();
    let a = start_server(&database_url, &data_dir);
    let mut b = Some(start_server(&database_url, &data_dir));
    let b_port = b.as_ref().map(|s| s.port).expect("b");

    let (status, ep) = request(
        a.port,
        "POST",
        "/v1/webhooks",
        &key,
        Some(
            &json!({"url": format!("http://127.0.0.1:{receiver_port}/hook"), "event_types": ["person.created"]}),
        ),
    );
    assert_eq!(status, 201, "{ep}");

    let mut persons = HashSet::new();
    for i in 0..EVENTS {
        // Alternate the processes while both live; the second dies right after writing an
        // event of its own, while its worker is delivering it.
        let port = if i % 2 == 0 || b.is_none() {
            a.port
        } else {
            b_port
        };
        let (status, person) = request(
            port,
            "POST",
            "/v1/persons",
            &key,
            Some(&json!({"first_name": "Multi", "last_name": "Process"})),
        );
        assert_eq!(status, 201, "{person}");
        persons.insert(person["id"].as_str().expect("person id").to_owned());
        if i == EVENTS / 2 + 1 {
            std::thread::sleep(Duration::from_millis(5));
            if let Some(mut killed) = b.take() {
                // SIGKILL: no shutdown, its leases stay until they run out.
                killed.child.kill().expect("kill -9 the second process");
                let _ = killed.child.wait();
            }
        }
    }

    // Done when the surviving process's delivery log shows every message delivered (an
    // attempt cut off by the kill reached the receiver but was never recorded as delivered).
    let ep_id = ep["id"].as_str().expect("endpoint id");
    let deadline = Instant::now() + PATIENCE;
    loop {
        let (status, attempts) = request(
            a.port,
            "GET",
            &format!("/v1/webhooks/{ep_id}/deliveries?page[size]=1000"),
            &key,
            None,
        );
        assert_eq!(status, 200, "{attempts}");
        let delivered: HashSet<&str> = attempts
            .as_array()
            .expect("array")
            .iter()
            .filter(|a| a["outcome"] == "delivered")
            .filter_map(|a| a["message_id"].as_str())
            .collect();
        if delivered.len() == EVENTS {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "{} of {EVENTS} messages delivered after {PATIENCE:?}",
            delivered.len()
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    let l = log.lock().expect("log");
    let received: HashSet<String> = l
        .deliveries
        .iter()
        .filter_map(|d| d["data"]["id"].as_str().map(str::to_owned))
        .collect();
    assert_eq!(received, persons, "every event reached the receiver");
    assert!(
        l.overlaps.is_empty(),
        "messages in flight twice at once: {:?}",
        l.overlaps
    );
    let ids: HashSet<&str> = l
        .deliveries
        .iter()
        .filter_map(|d| d["id"].as_str())
        .collect();
    assert_eq!(ids.len(), EVENTS, "one webhook-id per event");
    eprintln!(
        "{} deliveries for {EVENTS} events (repeats are attempts cut off by the kill)",
        l.deliveries.len()
    );
    drop(l);
    drop(a);
    let _ = std::fs::remove_dir_all(&data_dir);
    pg_simple_query(
        &admin,
        &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
    );
}
