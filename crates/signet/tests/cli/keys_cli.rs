//! `signet keys rotate` and `signet keys backup` run as processes: a rotation writes the next
//! master key file and re-seals the tenant keys; a keys backup copies the master key files
//! and (on SQLite) a consistent keyring into a new owner-only directory, and refuses one that
//! is not empty.

use crate::common::*;
use std::process::Output;

fn keys(database_url: &str, data_dir: &std::path::Path, args: &[&str]) -> Output {
    signet(database_url, data_dir)
        .arg("keys")
        .args(args)
        .output()
        .expect("run signet keys")
}

fn text(out: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn keys_rotate_then_backup_copies_every_master_key_and_the_keyring() {
    let (url, data_dir, _db) = fresh_database("keys_cli");
    let out = keys(&url, &data_dir, &["rotate"]);
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(stdout.contains("(generation 2) is current"), "{stdout}");
    assert!(data_dir.join("keys/master-0002.key").exists());

    let target = data_dir.join("keys-copy");
    let out = keys(&url, &data_dir, &["backup", target.to_str().unwrap()]);
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stdout.contains("master key files: master-0002.key, master.key"),
        "{stdout}"
    );
    let sqlite = url.starts_with("sqlite:");
    assert_eq!(target.join("keyring.db").exists(), sqlite, "{stdout}");
    if !sqlite {
        assert!(stdout.contains("pg_dump"), "{stdout}");
    }
    for name in ["master.key", "master-0002.key"] {
        assert_eq!(
            std::fs::read(target.join(name)).unwrap(),
            std::fs::read(data_dir.join("keys").join(name)).unwrap(),
            "{name}"
        );
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&target), 0o700);
        for entry in std::fs::read_dir(&target).unwrap() {
            assert_eq!(mode(&entry.unwrap().path()), 0o600);
        }
    }

    // Not into a directory that holds something already.
    let out = keys(&url, &data_dir, &["backup", target.to_str().unwrap()]);
    let (_, stderr) = text(&out);
    assert!(!out.status.success());
    assert!(stderr.contains("is not empty"), "{stderr}");
    let _ = std::fs::remove_dir_all(&data_dir);
}
