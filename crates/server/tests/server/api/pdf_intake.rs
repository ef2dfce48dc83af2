//! Hostile PDFs: intake refuses decompression and memory bombs before any parser sees them,
//! `/v1/verify` is bounded, page images are drawn once per revision, and heavy PDF work runs
//! on a bounded pool that leaves the rest of the server answering.

use crate::api::documents::{send, sign};
use crate::helpers::{TestApp, sample_pdf, spawn_app, spawn_app_with};
use base64::Engine;
use reqwest::Method;
use serde_json::{Value, json};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The process's peak resident memory (the server runs in the test process), in MiB.
fn peak_mib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).unwrap();
    line.split_whitespace()
        .nth(1)
        .unwrap()
        .parse::<u64>()
        .unwrap()
        / 1024
}

/// A one-page PDF whose page content stream is `content` with `/Filter /FlateDecode`.
fn pdf_with_flate_content(content: &[u8]) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    let mut object = |out: &mut Vec<u8>, body: &[u8]| {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", offsets.len()).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    };
    object(&mut out, b"<< /Type /Catalog /Pages 2 0 R >>");
    object(&mut out, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
    object(
        &mut out,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
    );
    let mut stream = format!(
        "<< /Length {} /Filter /FlateDecode >>\nstream\n",
        content.len()
    )
    .into_bytes();
    stream.extend_from_slice(content);
    stream.extend_from_slice(b"\nendstream");
    object(&mut out, &stream);
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", offsets.len() + 1).as_bytes(),
    );
    for o in &offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            offsets.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// 400 MiB of spaces, compressed: about 400 KB.
fn compressed_spaces() -> Vec<u8> {
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    let mib = vec![b' '; 1 << 20];
    for _ in 0..400 {
        e.write_all(&mib).unwrap();
    }
    e.finish().unwrap()
}

/// A 10 MB PDF holding one array of five million zeros, right after the header: the
/// cross-reference offsets no longer match, so a parser rebuilds the table by scanning and
/// reads the array too.
fn huge_array_pdf() -> Vec<u8> {
    let pdf = sample_pdf("Array");
    let header = pdf.iter().position(|&b| b == b'\n').unwrap() + 1;
    let mut out = pdf[..header].to_vec();
    out.extend_from_slice(b"99 0 obj\n[");
    out.extend(std::iter::repeat_n(*b"0 ", 5_000_000).flatten());
    out.extend_from_slice(b"]\nendobj\n");
    out.extend_from_slice(&pdf[header..]);
    out
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(files_under(&p));
        } else {
            out.push(p);
        }
    }
    out
}

async fn upload(app: &TestApp, pdf: &[u8]) -> crate::helpers::Reply {
    app.post(
        "/v1/documents",
        json!({
            "name": "Hostile",
            "file": base64::engine::general_purpose::STANDARD.encode(pdf),
            "signers": [{"name": "Ana Silva", "email": "ana@example.com"}],
        }),
    )
    .await
}

async fn nothing_stored(app: &TestApp) {
    let list = app.get("/v1/documents").await;
    assert!(list.assert(200).as_array().unwrap().is_empty());
    let root = app.state.blobs.root().unwrap();
    assert_eq!(files_under(root), Vec::<PathBuf>::new());
}

#[tokio::test]
async fn a_decompression_bomb_is_refused_at_upload_and_nothing_is_stored() {
    let app = spawn_app().await;
    let pdf = pdf_with_flate_content(&compressed_spaces());
    assert!(pdf.len() < 1 << 20, "{} bytes", pdf.len());
    let before = peak_mib();
    let r = upload(&app, &pdf).await;
    r.assert_error(422, "pdf_over_limit");
    assert_eq!(r.body["errors"][0]["return_code"], 93);
    assert!(
        r.body["errors"][0]["detail"]
            .as_str()
            .unwrap()
            .contains("decompress"),
        "{}",
        r.body
    );
    let grown = peak_mib().saturating_sub(before);
    assert!(grown < 200, "peak memory grew by {grown} MiB");
    nothing_stored(&app).await;

    // The same kind of file under the limit is taken in.
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(b"BT /F1 12 Tf 72 720 Td (fine) Tj ET").unwrap();
    upload(&app, &pdf_with_flate_content(&e.finish().unwrap()))
        .await
        .assert(201);
}

#[tokio::test]
async fn the_decompression_budget_is_a_setting() {
    let app = spawn_app_with(|c| c.max_pdf_decompressed_bytes = 1 << 20).await;
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(&vec![b' '; 2 << 20]).unwrap();
    let r = upload(&app, &pdf_with_flate_content(&e.finish().unwrap())).await;
    r.assert_error(422, "pdf_over_limit");
    nothing_stored(&app).await;
}

#[tokio::test]
async fn a_huge_array_is_refused_at_upload_without_parsing_it() {
    let app = spawn_app().await;
    let pdf = huge_array_pdf();
    assert!(pdf.len() > 10_000_000);
    let before = peak_mib();
    let r = upload(&app, &pdf).await;
    r.assert_error(422, "pdf_over_limit");
    assert_eq!(r.body["errors"][0]["return_code"], 93);
    let grown = peak_mib().saturating_sub(before);
    assert!(grown < 200, "peak memory grew by {grown} MiB");
    nothing_stored(&app).await;
}

#[tokio::test]
async fn an_unknown_filter_is_a_malformed_file() {
    let app = spawn_app().await;
    let pdf = pdf_with_flate_content(b"x").to_vec();
    let pdf = String::from_utf8_lossy(&pdf)
        .replace("/FlateDecode", "/BrotliDecode")
        .into_bytes();
    let r = upload(&app, &pdf).await;
    r.assert_error(422, "pdf_invalid");
    assert_eq!(r.body["errors"][0]["return_code"], 91);
    nothing_stored(&app).await;
}

/// A PDF whose form has `n` filled signature fields (the signatures themselves are junk).
fn pdf_with_signature_fields(n: usize) -> Vec<u8> {
    use lopdf::{Document, Object, dictionary};
    let mut doc = Document::load_mem(&sample_pdf("Fields")).unwrap();
    let mut fields = Vec::new();
    for i in 0..n {
        let sig = doc.add_object(dictionary! {
            "Type" => "Sig",
            "Filter" => "Adobe.PPKLite",
            "SubFilter" => "ETSI.CAdES.detached",
            "ByteRange" => vec![0.into(), 10.into(), 20.into(), 10.into()],
            "Contents" => Object::String(vec![0; 8], lopdf::StringFormat::Hexadecimal),
        });
        let field = doc.add_object(dictionary! {
            "FT" => "Sig",
            "T" => Object::string_literal(format!("Signature{i}")),
            "V" => sig,
        });
        fields.push(Object::Reference(field));
    }
    let form = doc.add_object(dictionary! { "Fields" => fields, "SigFlags" => 3 });
    let root = doc.trailer.get(b"Root").unwrap().as_reference().unwrap();
    doc.get_object_mut(root)
        .unwrap()
        .as_dict_mut()
        .unwrap()
        .set("AcroForm", form);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

async fn post_verify(app: &TestApp, pdf: Vec<u8>) -> crate::helpers::Reply {
    app.send(
        Method::POST,
        "/v1/verify?anchor=test",
        Some(&app.key),
        Some(pdf),
        Some("application/pdf"),
        &[],
    )
    .await
}

#[tokio::test]
async fn verify_refuses_more_signature_fields_than_it_checks_and_bombs() {
    let app = spawn_app().await;
    // 64 are checked (each fails: the signatures are junk).
    let r = post_verify(&app, pdf_with_signature_fields(64)).await;
    assert_eq!(r.assert(200)["signatures"].as_array().unwrap().len(), 64);
    let r = post_verify(&app, pdf_with_signature_fields(65)).await;
    r.assert_error(422, "too_many_signatures");
    assert!(
        r.body["errors"][0]["detail"]
            .as_str()
            .unwrap()
            .contains("65"),
        "{}",
        r.body
    );

    let r = post_verify(&app, pdf_with_flate_content(&compressed_spaces())).await;
    r.assert_error(422, "pdf_over_limit");
    assert_eq!(r.body["errors"][0]["return_code"], 93);
}

#[tokio::test]
async fn the_new_codes_are_in_the_catalogue() {
    let app = spawn_app().await;
    let codes = app.get("/v1/codes").await;
    let all = codes.assert(200).as_array().unwrap().clone();
    for (code, status, rc) in [
        ("pdf_over_limit", "422", Some(93)),
        ("pdf_invalid", "422", Some(91)),
        ("too_many_signatures", "422", None),
        ("verify_time_exceeded", "422", None),
    ] {
        let entry = all
            .iter()
            .find(|e| e["code"] == code)
            .unwrap_or_else(|| panic!("{code} is not listed"));
        assert_eq!(entry["status"], status, "{code}");
        assert_eq!(entry["return_code"].as_u64(), rc, "{code}");
    }
}

fn page_path(doc: &Value) -> String {
    let url = doc["signers"][0]["url"].as_str().unwrap();
    format!("{}/pages/1", &url[url.find("/sign/").unwrap()..])
}

fn stored_page(app: &TestApp, doc: &Value, revision: u32) -> Option<PathBuf> {
    let id = doc["id"].as_str().unwrap();
    let name = format!("r{revision}-p1-w900.png");
    files_under(app.state.blobs.root().unwrap())
        .into_iter()
        .find(|p| {
            p.ends_with(&name)
                && p.to_string_lossy()
                    .contains(&format!("/documents/{id}/pages/"))
        })
}

#[tokio::test]
async fn a_page_image_is_drawn_once_per_revision_and_kept() {
    let app = spawn_app().await;
    let doc = send(&app, json!({})).await;
    let path = page_path(&doc);
    let get = || app.send(Method::GET, &path, None, None, None, &[]);
    let first = get().await;
    assert_eq!(first.status, 200);
    assert!(first.bytes.starts_with(b"\x89PNG"));
    let kept = stored_page(&app, &doc, 0).expect("the PNG is stored");
    // Kept encrypted under the document's key.
    let stored = std::fs::read(&kept).unwrap();
    assert!(signet_store::is_encrypted(&stored) && stored != first.bytes);

    // The second request is answered from the stored PNG: replace it and see the replacement.
    std::fs::write(&kept, b"\x89PNG kept").unwrap();
    let second = get().await;
    assert_eq!(second.status, 200);
    assert_eq!(second.bytes, b"\x89PNG kept");

    // A signature makes a new revision, drawn anew (with its signature box).
    sign(&app, &doc, 0).await;
    let third = get().await;
    assert_eq!(third.status, 200);
    assert!(third.bytes.starts_with(b"\x89PNG"));
    assert_ne!(third.bytes, b"\x89PNG kept");
    assert!(stored_page(&app, &doc, 1).is_some());
}

#[tokio::test]
async fn healthz_answers_while_the_heavy_pool_is_full() {
    let app = spawn_app_with(|c| c.heavy_work_concurrency = 1).await;
    assert_eq!(app.state.heavy.size(), 1);
    let (release, hold) = std::sync::mpsc::channel::<()>();
    let pool = app.state.heavy.clone();
    let slow = tokio::spawn(async move {
        pool.run(move || {
            let _ = hold.recv();
        })
        .await
    });
    while app.state.heavy.busy() < 1 {
        tokio::task::yield_now().await;
    }
    // An upload waits for the pool…
    let pdf = sample_pdf("Waiting");
    let waiting = tokio::time::timeout(std::time::Duration::from_millis(500), upload(&app, &pdf));
    assert!(waiting.await.is_err(), "the upload waits for a permit");
    // …while the server keeps answering.
    let health = tokio::time::timeout(
        std::time::Duration::from_secs(5),
        app.send(Method::GET, "/healthz", None, None, None, &[]),
    )
    .await
    .expect("healthz answers while the pool is full");
    assert_eq!(health.status, 200);
    release.send(()).unwrap();
    slow.await.unwrap().unwrap();
    upload(&app, &pdf).await.assert(201);
}
