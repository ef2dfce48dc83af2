//! `signet tenant limits` run as a process: it shows a tenant's limits and changes only
//! those given.

use crate::common::*;
use std::process::Output;

fn text(out: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `signet tenant limits NAME [--… N]`: shows a tenant's limits, changes those given, keeps
/// the others, and refuses an unknown tenant and a number too large for the database.
#[test]
fn tenant_limits_shows_and_changes_only_what_is_given() {
    let (url, data_dir, _db) = fresh_database("limits_cli");
    create_tenant(&url, &data_dir, "acme");
    let limits = |args: &[&str]| {
        signet(&url, &data_dir)
            .args(["tenant", "limits"])
            .args(args)
            .output()
            .expect("run signet tenant limits")
    };
    let out = limits(&["acme"]);
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(stdout.contains("signers_per_document\t20"), "{stdout}");
    assert!(stdout.contains("templates\t0"), "{stdout}");

    let out = limits(&["acme", "--templates", "5", "--sms-per-month", "100"]);
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    for line in [
        "signers_per_document\t20",
        "templates\t5",
        "stored_bytes\t0",
        "sms_per_month\t100",
    ] {
        assert!(stdout.contains(line), "{line}: {stdout}");
    }
    // Read again by a new process: stored.
    let (stdout, _) = text(&limits(&["acme"]));
    assert!(stdout.contains("templates\t5"), "{stdout}");

    let out = limits(&["nobody"]);
    assert!(!out.status.success());
    assert!(
        text(&out).1.contains("no tenant named nobody"),
        "{}",
        text(&out).1
    );
    let out = limits(&["acme", "--stored-bytes", "18446744073709551615"]);
    assert!(!out.status.success());
    assert!(text(&out).1.contains("too large"), "{}", text(&out).1);
    let _ = std::fs::remove_dir_all(&data_dir);
}
