//! `signet lists import` run as a process against a fresh SQLite data directory.

use crate::common::signet_bare;
use std::path::{Path, PathBuf};
use std::process::Output;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../screening/tests/fixtures")
        .join(name)
}

fn import(data_dir: &Path, path: &Path, format: &str) -> Output {
    signet_bare()
        .env("SIGNET_DATA_DIR", data_dir)
        .args(["lists", "import"])
        .arg(path)
        .args(["--format", format])
        .output()
        .expect("run signet")
}

#[test]
fn lists_import_prints_a_summary_and_a_malformed_file_fails_naming_the_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data_dir = dir.path().join("data");

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
}
