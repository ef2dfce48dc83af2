//! `kill -9` of `signet serve` in the middle of a flow: after a restart every
//! write that was acknowledged with a 2xx is there, and timers armed before the
//! kill still fire. Runs on SQLite, and on PostgreSQL with
//! `SIGNET_TEST_DATABASE=postgres`.

// A synchronous test driving a child process: blocking sleeps are right here.
#![allow(clippy::disallowed_methods)]

use crate::common::*;
use serde_json::{Value, json};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Names may not hold digits: a number spelled in letters (0 → "a", 27 → "bb").
fn letters(mut n: usize) -> String {
    let mut s = String::new();
    loop {
        s.push((b'a' + (n % 26) as u8) as char);
        n /= 26;
        if n == 0 {
            return s;
        }
    }
}

fn identification(port: u16, key: &str, pid: &str, iid: &str) -> Value {
    let (status, body) = request(
        port,
        "GET",
        &format!("/v1/persons/{pid}/identifications/{iid}"),
        key,
        None,
    );
    assert_eq!(status, 200, "{body}");
    body
}

#[test]
fn a_kill_9_loses_no_acknowledged_write_and_pending_timers_still_fire() {
    let (database_url, data_dir, _db) = fresh_database("crash");
    let key = create_tenant(&database_url, &data_dir, "crash");
    let mut server = start_server(&database_url, &data_dir);
    let port = server.port;

    // Two flows with timers in the database: a 24-hour review running by
    // itself, and a manual request that times out after 30 minutes.
    let (long_pid, long_iid) = requested(port, &key, "X-AUTOTEST-LONGREVIEW", "Tester");
    let (idle_pid, idle_iid) = requested(port, &key, "Jane", "X-MANUALTEST-HAPPYPATH");
    assert_eq!(
        identification(port, &key, &long_pid, &long_iid)["status"],
        "pending"
    );

    // Writers create persons as fast as they can; the server is killed under
    // them. Every person whose creation was answered 201 must survive.
    let acknowledged = Arc::new(Mutex::new(Vec::<String>::new()));
    let stop = Arc::new(AtomicBool::new(false));
    let writers: Vec<_> = (0..4)
        .map(|w| {
            let acknowledged = acknowledged.clone();
            let stop = stop.clone();
            let key = key.clone();
            std::thread::spawn(move || {
                let mut n = 0;
                while !stop.load(Ordering::Relaxed) {
                    n += 1;
                    let body = json!({"first_name": format!("Writer {}", letters(w)), "last_name": format!("Number {}", letters(n))});
                    // A refused connection or a cut response is not an acknowledgement.
                    let Some((status, person)) =
                        try_request(port, "POST", "/v1/persons", &key, Some(&body))
                    else {
                        continue;
                    };
                    if status == 201 {
                        acknowledged.lock().expect("lock").push(id(&person));
                    }
                }
            })
        })
        .collect();
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    while acknowledged.lock().expect("lock").len() < 40 {
        assert!(
            std::time::Instant::now() < deadline,
            "the writers got no 201s"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    server.child.kill().expect("SIGKILL"); // std's kill is SIGKILL on Unix
    server.child.wait().expect("reap");
    stop.store(true, Ordering::Relaxed);
    for w in writers {
        w.join().expect("writer");
    }
    drop(server);

    let server = start_server(&database_url, &data_dir);
    let port = server.port;
    let persons = acknowledged.lock().expect("lock").clone();
    for pid in &persons {
        let (status, body) = request(port, "GET", &format!("/v1/persons/{pid}"), &key, None);
        assert_eq!(status, 200, "acknowledged person {pid} lost: {body}");
    }

    // The timers armed before the kill fire after the restart.
    let (status, body) = request(
        port,
        "POST",
        "/v1/sandbox/clock/advance",
        &key,
        Some(&json!({"seconds": 25 * 3600})),
    );
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        identification(port, &key, &long_pid, &long_iid)["status"],
        "successful"
    );
    let idle = identification(port, &key, &idle_pid, &idle_iid);
    assert_eq!(idle["status"], "canceled");
    assert_eq!(idle["failure_reason"], "TECH_TIMEOUT");
    eprintln!("{} acknowledged persons survived the kill", persons.len());
    let _ = std::fs::remove_dir_all(&data_dir);
}
