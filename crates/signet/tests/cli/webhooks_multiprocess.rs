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

use crate::common::*;
use serde_json::{Value, json};
use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Events written in the test; the second process dies after half of them.
const EVENTS: usize = 60;
/// The receiver holds every delivery this long, so that attempts are really in flight when a
/// process is killed and overlapping attempts of one message would be seen.
const HOLD: Duration = Duration::from_millis(40);
/// Longest wait for every event: a killed process's leases (30 s) must run out first.
const PATIENCE: Duration = Duration::from_secs(90);

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

#[test]
fn two_processes_deliver_every_event_once_in_flight_and_survive_a_kill() {
    if postgres_admin_url().is_none() {
        eprintln!("skipping: set SIGNET_TEST_DATABASE=postgres to run the multi-process test");
        return;
    }
    let (database_url, data_dir, _db) = fresh_database("mp");
    let key = create_tenant(&database_url, &data_dir, "multiprocess");

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
}
