//! `signet lists import` run as a process against a fresh SQLite data directory.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../screening/tests/fixtures")
        .join(name)
}

fn import(data_dir: &Path, path: &Path, format: &str) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_signet"));
    for (k, _) in std::env::vars() {
        if k.starts_with("SIGNET_") {
            cmd.env_remove(k);
        }
    }
    cmd.env("SIGNET_DATA_DIR", data_dir)
        .env("SIGNET_LOG", "warn")
        .env_remove("RUST_BACKTRACE")
        .env_remove("RUST_LIB_BACKTRACE")
        .args(["lists", "import"])
        .arg(path)
        .args(["--format", format])
        .output()
        .expect("run signet")
}

#[test]
fn lists_import_prints_a_summary_and_a_malformed_file_fails_naming_the_line() {
    let data_dir = std::env::temp_dir().join(format!("signet-lists-cli-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&data_dir);

    let out = import(&data_dir, &fixture("sdn.xml"), "ofac-sdn-xml");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        stdout.trim(),
        "Imported list ofac-sdn version 2026-11-20: 4 entries"
    );

    let out = import(&data_dir, &fixture("ofac-csv-bad"), "ofac-sdn-csv");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        out.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(stderr.contains("sdn.csv, line 4"), "{stderr}");

    let out = import(&data_dir, &fixture("ofac-csv"), "ofac-sdn-csv");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.starts_with("Imported list ofac-sdn version sha256:")
            && stdout.trim().ends_with(": 9 entries"),
        "{stdout}"
    );

    let out = import(&data_dir, &fixture("sdn.xml"), "no-such-format");
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("unknown list format"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let _ = std::fs::remove_dir_all(&data_dir);
}
