//! Shared helpers for the integration tests: test PDFs made with lopdf, fixed times, and
//! locating the independent validators (pyHanko, poppler's pdfsig, NSS certutil).
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::{DateTime, TimeZone, Utc};
use lopdf::content::{Content, Operation};
use lopdf::{Document, Object, Stream, dictionary};

/// A fixed "now" for every test: tests never read the clock.
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 9, 30, 0)
        .single()
        .expect("valid date")
}

/// A PDF with `pages` pages of text. `xref_stream` selects a cross-reference stream (PDF 1.5+
/// style, with object streams) instead of a classic table. `filler` adds that many bytes of
/// uncompressed content to reach a target size.
pub fn make_pdf(pages: usize, xref_stream: bool, filler: usize) -> Vec<u8> {
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
    });
    let resources_id = doc.add_object(dictionary! {
        "Font" => dictionary! { "F1" => font_id },
    });
    let mut kids = Vec::new();
    let per_page = filler / pages.max(1);
    for n in 0..pages {
        let mut ops = vec![
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), 18.into()]),
            Operation::new("Td", vec![72.into(), 720.into()]),
            Operation::new(
                "Tj",
                vec![Object::string_literal(format!(
                    "Signet test agreement, page {}",
                    n + 1
                ))],
            ),
            Operation::new("ET", vec![]),
        ];
        // Filler: invisible text lines until the page reaches its share of the size.
        let mut written = 0;
        let mut line = 0;
        while written < per_page {
            let text = format!("Clause {line}: the parties agree to the terms set out here. ");
            written += text.len() + 40;
            ops.push(Operation::new("BT", vec![]));
            ops.push(Operation::new("Tf", vec!["F1".into(), 1.into()]));
            ops.push(Operation::new("Td", vec![10.into(), 10.into()]));
            ops.push(Operation::new("Tj", vec![Object::string_literal(text)]));
            ops.push(Operation::new("ET", vec![]));
            line += 1;
        }
        let content = Content { operations: ops };
        let content_id = doc.add_object(Stream::new(
            dictionary! {},
            content.encode().expect("encode"),
        ));
        let page_id = doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "Contents" => content_id,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        });
        kids.push(Object::Reference(page_id));
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => kids, "Count" => count, "Resources" => resources_id,
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    doc.trailer.set(
        "ID",
        vec![
            Object::string_literal("signet-test-id-0"),
            Object::string_literal("signet-test-id-0"),
        ],
    );
    doc.reference_table.cross_reference_type = if xref_stream {
        lopdf::xref::XrefType::CrossReferenceStream
    } else {
        lopdf::xref::XrefType::CrossReferenceTable
    };
    let mut out = Vec::new();
    let options = lopdf::SaveOptions::builder()
        .use_xref_streams(xref_stream)
        .use_object_streams(xref_stream)
        .build();
    doc.save_with_options(&mut out, options).expect("save");
    out
}

/// The workspace root (two levels above this crate).
pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .and_then(Path::parent)
        .expect("workspace root")
        .to_path_buf()
}

/// The Python with pyHanko: `$SIGNET_TEST_PYTHON`, else the workspace venv.
pub fn python() -> Option<PathBuf> {
    let p = std::env::var_os("SIGNET_TEST_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace().join(".venv/bin/python"));
    let ok = Command::new(&p)
        .args(["-c", "import pyhanko"])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    ok.then_some(p)
}

fn tool(name: &str) -> bool {
    Command::new(name)
        .arg("-v")
        .output()
        .map(|_| true)
        .unwrap_or(false)
}

/// Whether a validator is usable. Missing in CI is a failure; locally a notice and a skip.
pub fn require(what: &str, present: bool) -> bool {
    if present {
        return true;
    }
    if std::env::var_os("CI").is_some() {
        panic!(
            "{what} is required in CI but was not found; run scripts/test-env.sh \
             (pyHanko from PyPI into .venv, apt packages poppler-utils and libnss3-tools)"
        );
    }
    eprintln!("notice: {what} not found, skipping this validator check locally");
    false
}

pub fn have_pdfsig() -> bool {
    tool("pdfsig") && tool("certutil")
}

pub fn have_pdftoppm() -> bool {
    tool("pdftoppm")
}

/// A fresh NSS database in `dir` that trusts `root_pem` as a CA.
pub fn nss_db(dir: &Path, root_pem: &str) -> String {
    let db = dir.join("nss");
    std::fs::create_dir_all(&db).expect("nss dir");
    let spec = format!("sql:{}", db.display());
    let st = Command::new("certutil")
        .args(["-N", "-d", &spec, "--empty-password"])
        .status()
        .expect("certutil -N");
    assert!(st.success(), "certutil -N failed");
    let pem = dir.join("root.pem");
    std::fs::write(&pem, root_pem).expect("write root");
    let st = Command::new("certutil")
        .args([
            "-A",
            "-d",
            &spec,
            "-n",
            "signet-root",
            "-t",
            "CT,C,C",
            "-a",
            "-i",
        ])
        .arg(&pem)
        .status()
        .expect("certutil -A");
    assert!(st.success(), "certutil -A failed");
    spec
}

/// Runs pdfsig and returns its standard output.
pub fn pdfsig(nss: &str, file: &Path) -> String {
    let out = Command::new("pdfsig")
        .args(["-nssdir", nss])
        .arg(file)
        .output()
        .expect("run pdfsig");
    String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr)
}

/// Runs the pyHanko validation script on `file` with `root` (several joined by `:`) as the
/// only trust anchors and
/// returns one JSON object per signature (as text lines).
pub fn pyhanko_validate(
    python: &Path,
    root: impl AsRef<std::ffi::OsStr>,
    file: &Path,
) -> Vec<serde_json::Value> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/validate_pyhanko.py");
    let out = Command::new(python)
        .arg(script)
        .arg(root.as_ref())
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
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect()
}

/// `make_pdf` encrypted with a user password (RC4, 128-bit), as a bank statement might be.
pub fn make_encrypted_pdf() -> Vec<u8> {
    let plain = make_pdf(1, false, 0);
    let mut doc = Document::load_mem(&plain).expect("load");
    let state = lopdf::EncryptionState::try_from(lopdf::EncryptionVersion::V2 {
        document: &doc,
        owner_password: "owner",
        user_password: "user",
        key_length: 128,
        permissions: lopdf::Permissions::all(),
    })
    .expect("encryption state");
    doc.encrypt(&state).expect("encrypt");
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("save");
    out
}
