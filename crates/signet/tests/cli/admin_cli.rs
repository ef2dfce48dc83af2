//! `signet admin create` run as a process: the password comes from standard input, never the
//! command line, is refused when shorter than 12 characters, and is never printed.

// The shared helpers block on child processes; that is right in a synchronous test.
#![allow(clippy::disallowed_methods)]

use crate::common::*;
use std::io::Write;
use std::process::{Output, Stdio};

/// `signet admin create EMAIL --password-stdin` with `stdin` as its input.
fn create(database_url: &str, data_dir: &std::path::Path, email: &str, stdin: &str) -> Output {
    run(
        database_url,
        data_dir,
        &["create", email, "--password-stdin"],
        stdin,
    )
}

#[test]
fn admin_create_reads_the_password_from_stdin_and_refuses_a_short_one() {
    let (url, data_dir, _db) = fresh_database("admin_cli");
    let password = "a long enough passphrase";

    let out = create(&url, &data_dir, "a@b.c", &format!("{password}\n"));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "stderr: {stderr}");
    assert!(stdout.contains("Created operator a@b.c"), "{stdout}");
    assert!(!stdout.contains(password) && !stderr.contains(password));

    // The same email again is refused.
    let out = create(&url, &data_dir, "A@B.C", &format!("{password}\n"));
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("exists"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // Eleven characters are too few, and nothing is created.
    let out = create(&url, &data_dir, "short@b.c", "elevenchars\n");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(stderr.contains("at least 12 characters"), "{stderr}");
    assert!(!stderr.contains("elevenchars"));
    let out = create(&url, &data_dir, "short@b.c", &format!("{password}\n"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let _ = std::fs::remove_dir_all(&data_dir);
}

fn run(database_url: &str, data_dir: &std::path::Path, args: &[&str], stdin: &str) -> Output {
    let mut child = signet(database_url, data_dir)
        .arg("admin")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run signet");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("write stdin");
    child.wait_with_output().expect("signet admin")
}

#[test]
fn admin_lists_changes_passwords_and_disables_operators() {
    let (url, data_dir, _db) = fresh_database("admin_cli_manage");
    let out = run(&url, &data_dir, &["list"], "");
    assert!(String::from_utf8_lossy(&out.stdout).contains("No operators yet"));
    assert!(
        create(
            &url,
            &data_dir,
            "rev@example.com",
            "a long enough passphrase\n"
        )
        .status
        .success()
    );

    let out = run(
        &url,
        &data_dir,
        &["password", "rev@example.com", "--password-stdin"],
        "a brand new passphrase\n",
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("New password set for rev@example.com"),
        "{stdout}"
    );
    assert!(!stdout.contains("brand new"));
    let out = run(&url, &data_dir, &["password", "rev@example.com"], "short\n");
    assert!(!out.status.success());
    let out = run(
        &url,
        &data_dir,
        &["password", "nobody@example.com"],
        "a long enough passphrase\n",
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("no operator has this email"));

    let out = run(&url, &data_dir, &["disable", "rev@example.com"], "");
    assert!(out.status.success());
    let out = run(&url, &data_dir, &["list"], "");
    let listed = String::from_utf8_lossy(&out.stdout);
    assert!(
        listed.contains("rev@example.com") && listed.contains("disabled since"),
        "{listed}"
    );
    let out = run(&url, &data_dir, &["enable", "rev@example.com"], "");
    assert!(out.status.success());
    let out = run(&url, &data_dir, &["list"], "");
    assert!(String::from_utf8_lossy(&out.stdout).contains("active"));
}
