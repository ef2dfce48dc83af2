//! A person's data as one ZIP (`GET /v1/persons/{id}/export`, GDPR Art. 15 and 20): the
//! person, their identifications (with what the applicant gave: the machine-readable zone,
//! the verified number, the findings, the review) and attempts, the files kept for them (ID images, selfies,
//! reports, signed copies), the documents they are a signer of (the PDF as signed so far,
//! their signer records and selfies, the trail's entries about them), their screenings and
//! hits, and their access trail, with `manifest.json` naming each entry's size and SHA-256.
//!
//! The ZIP is written entry by entry into a bounded channel that the response body drains,
//! so the answer starts at once and memory holds one file at a time, however much the
//! person has. Entries are STORED (not deflated): the bulk is JPEG, PNG and PDF, which do
//! not shrink, and a STORED writer whose sizes are known before each header is a page of
//! code with `crc32fast` (already in the build) instead of a ZIP crate and its codecs.
//! ZIP64 records are written when an offset, a size or the entry count needs them.
//!
//! Links that act for the person (a signer's hosted page, an identification's) are left out
//! of the JSON: they are credentials, and an export is handed on.

use crate::access_audit::{self, PERSON_EXPORTED};
use crate::audit::Actor;
use crate::error::{AppError, AppResult};
use crate::scope::KeyAt;
use crate::state::AppState;
use crate::views::{
    AttemptView, AuditEntryView, HitView, IdentificationView, PersonDocumentView, ScreeningView,
    SignerView,
};
use bytes::Bytes;
use chrono::{Datelike, Timelike};
use serde::Serialize;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use signet_core::ids::PersonId;
use signet_core::person::Person;
use signet_core::time::{Timestamp, format};
use signet_store::{Mode, StoreError, Tenant};
use tokio::sync::mpsc;

/// The version of the archive's layout, in `manifest.json`. Raised when an entry moves or
/// changes its shape.
pub const SCHEMA_VERSION: u32 = 1;

/// A piece of the ZIP, or the error that cut it short (the response then ends without its
/// last chunk, so no client takes a partial archive for a whole one).
pub type Chunk = Result<Bytes, std::io::Error>;

/// How many pieces may wait between the writer and the client.
pub const CHANNEL_CHUNKS: usize = 4;
/// The largest piece sent at once.
const CHUNK_BYTES: usize = 64 * 1024;
/// Rows read per query.
const PAGE: u32 = 100;

/// An export the caller may have: the person exists in the caller's tenant and mode, and
/// the export is on their access trail.
pub struct Export {
    tenant: Tenant,
    mode: Mode,
    person_id: PersonId,
    person: Person,
    created_at: Timestamp,
}

/// Checks that `person` is the caller's (404 `not_found` otherwise, as every person route)
/// and records the export on the person's access trail before a byte is sent, so an export
/// the client abandons half-way is on record too.
pub async fn begin(
    state: &AppState,
    at: KeyAt<'_>,
    actor: &Actor,
    person_id: &PersonId,
) -> AppResult<Export> {
    let person = state
        .store
        .person(&at.tenant.id, at.mode, person_id)
        .await
        .map_err(|e| AppError::unless_found(e, "person"))?;
    let entry = access_audit::record(
        state,
        at,
        person_id,
        actor,
        PERSON_EXPORTED,
        json!({ "schema_version": SCHEMA_VERSION }),
    )
    .await?;
    Ok(Export {
        tenant: at.tenant.clone(),
        mode: at.mode,
        person_id: person_id.clone(),
        person,
        created_at: entry.at,
    })
}

impl Export {
    /// The archive's file name, for `Content-Disposition`.
    pub fn file_name(&self) -> String {
        format!("signet-person-{}.zip", self.person_id.as_str())
    }

    /// Writes the archive into `out` until it is whole, the client goes away (`out` closed)
    /// or a read fails (an `Err` chunk, and the cause in the log).
    pub async fn stream(self, state: AppState, out: mpsc::Sender<Chunk>) {
        let mut w = Archive {
            zip: Zip::new(out.clone(), self.created_at),
            manifest: Vec::new(),
        };
        match self.write(&state, &mut w).await {
            Ok(()) => {}
            Err(Stop::Gone) => {
                tracing::info!(person = %self.person_id.as_str(), "export abandoned by the client");
            }
            Err(Stop::Failed(cause)) => {
                tracing::error!(person = %self.person_id.as_str(), error = %cause, "export failed");
                let _ = out
                    .send(Err(std::io::Error::other(
                        "the export could not be completed",
                    )))
                    .await;
            }
        }
    }

    async fn write(&self, state: &AppState, w: &mut Archive) -> Result<(), Stop> {
        let (tenant, mode, person) = (&self.tenant.id, self.mode, &self.person_id);
        w.json("person.json", self.person.as_json()).await?;

        // Identifications and their attempts.
        for page in 1.. {
            let idents = state
                .store
                .list_identifications(tenant, mode, person, page, PAGE)
                .await?;
            for i in &idents {
                let docs = state.store.identification_documents(tenant, &i.id).await?;
                let view = IdentificationView::new(i).with_documents(
                    self.person.as_json().get("address").cloned(),
                    docs.iter().map(PersonDocumentView::new).collect(),
                );
                // What the applicant gave (the zone with the document number, the verified
                // number, the findings, the review), without the one-time code's digest.
                let mut capture = crate::views::to_json(&i.capture);
                if let Some(c) = capture.as_object_mut() {
                    c.remove("phone_code");
                }
                let mut json = without_links(&view);
                if let Some(m) = json.as_object_mut() {
                    m.insert("capture".into(), capture);
                    m.insert("fraud".into(), crate::views::to_json(&i.fraud));
                }
                let dir = format!("identifications/{}", i.id.as_str());
                w.json(&format!("{dir}/identification.json"), &json).await?;
                let mut attempts = Vec::new();
                for page in 1.. {
                    let rows = state.store.attempts(tenant, &i.id, page, PAGE).await?;
                    attempts.extend(rows.iter().map(AttemptView::new));
                    if rows.len() < PAGE as usize {
                        break;
                    }
                }
                w.json(&format!("{dir}/attempts.json"), &attempts).await?;
            }
            if idents.len() < PAGE as usize {
                break;
            }
        }

        // The files kept for the person, then their index.
        let mut files = Vec::new();
        for page in 1.. {
            let rows = state
                .store
                .person_documents(tenant, mode, person, page, PAGE)
                .await?;
            for row in &rows {
                let bytes = state.blobs.get(&row.blob_key).await?;
                let path = format!("files/{}-{}", row.id.as_str(), safe_name(&row.name, "file"));
                w.file(&path, &row.content_type, Bytes::from(bytes)).await?;
                files.push(PersonDocumentView::new(row));
            }
            if rows.len() < PAGE as usize {
                break;
            }
        }
        w.json("files/index.json", &files).await?;

        // The documents the person is a signer of.
        for id in state
            .store
            .documents_of_person(tenant, mode, person)
            .await?
        {
            let wf = match state.store.workflow(tenant, mode, &id).await {
                Ok(wf) => wf,
                // Deleted since the list was read.
                Err(StoreError::NotFound) => continue,
                Err(e) => return Err(e.into()),
            };
            let theirs: Vec<_> = wf
                .signers
                .iter()
                .filter(|s| s.person_id.as_ref() == Some(person))
                .collect();
            let dir = format!("documents/{}", id.as_str());
            let doc = &wf.document;
            let signers: Vec<Value> = theirs
                .iter()
                .map(|s| without_links(&SignerView::new("", &wf, s)))
                .collect();
            w.json(
                &format!("{dir}/document.json"),
                &json!({
                    "id": doc.id.as_str(),
                    "name": doc.name,
                    "number": doc.number,
                    "status": doc.status.as_str(),
                    "sha256": doc.current_sha256,
                    "created_at": format(&doc.created_at),
                    "finished_at": doc.finished_at.as_ref().map(format),
                    "signers": signers,
                }),
            )
            .await?;
            let pdf = state.blobs.get(&doc.file_key).await?;
            let pdf_name = safe_name(
                doc.name
                    .trim()
                    .trim_end_matches(".pdf")
                    .trim_end_matches(".PDF"),
                "document",
            );
            w.file(
                &format!("{dir}/{pdf_name}.pdf"),
                "application/pdf",
                Bytes::from(pdf),
            )
            .await?;
            for s in &theirs {
                if let Some(selfie) = &s.selfie {
                    let bytes = state.blobs.get(&selfie.blob_key).await?;
                    let (ext, kind) = if bytes.starts_with(b"\x89PNG") {
                        ("png", "image/png")
                    } else {
                        ("jpg", "image/jpeg")
                    };
                    w.file(
                        &format!("{dir}/selfie-{}.{ext}", s.id.as_str()),
                        kind,
                        Bytes::from(bytes),
                    )
                    .await?;
                }
            }
            // The trail's entries about the person's signers; the others are other people's.
            let entries: Vec<AuditEntryView> = state
                .store
                .audit_trail(&id)
                .await?
                .iter()
                .filter(|e| {
                    e.signer_id
                        .as_deref()
                        .is_some_and(|sid| theirs.iter().any(|s| s.id.as_str() == sid))
                })
                .map(AuditEntryView::new)
                .collect();
            w.json(&format!("{dir}/audit.json"), &entries).await?;
        }

        // Screenings and hits.
        let mut screenings = Vec::new();
        for page in 1.. {
            let rows = state
                .store
                .person_screenings(tenant, mode, person, page, PAGE)
                .await?;
            screenings.extend(rows.iter().filter_map(ScreeningView::new));
            if rows.len() < PAGE as usize {
                break;
            }
        }
        w.json("screening/screenings.json", &screenings).await?;
        let mut hits = Vec::new();
        for skip in (0..).step_by(PAGE as usize) {
            let rows = state
                .store
                .hits_of_person(tenant, mode, person, skip, PAGE)
                .await?;
            hits.extend(rows.iter().map(HitView::new));
            if rows.len() < PAGE as usize {
                break;
            }
        }
        w.json("screening/hits.json", &hits).await?;

        // Who saw or exported the person's data, this export included.
        let mut trail = Vec::new();
        let mut after = 0;
        loop {
            let rows = state
                .store
                .person_audit_after(tenant, mode, person, after, PAGE)
                .await?;
            trail.extend(rows.iter().map(|r| {
                json!({
                    "seq": r.seq,
                    "at": format(&r.at),
                    "action": r.action,
                    "actor": r.actor,
                    "details": r.details,
                    "prev_hash": r.prev_hash,
                    "hash": r.hash,
                })
            }));
            match rows.last() {
                Some(last) if rows.len() == PAGE as usize => after = last.seq,
                _ => break,
            }
        }
        w.json("audit.json", &trail).await?;

        let manifest = json!({
            "schema_version": SCHEMA_VERSION,
            "created_at": format(&self.created_at),
            "person_id": self.person_id.as_str(),
            "mode": self.mode.as_str(),
            "entries": w.manifest,
        });
        let bytes = serde_json::to_vec_pretty(&manifest).map_err(Stop::failed)?;
        w.zip.add("manifest.json", Bytes::from(bytes)).await?;
        w.zip.finish().await
    }
}

/// A view's JSON without its `url` (a link that acts for the person).
fn without_links(view: &impl Serialize) -> Value {
    let mut v = crate::views::to_json(view);
    if let Some(m) = v.as_object_mut() {
        m.remove("url");
    }
    v
}

/// A name from the person's or integrator's input as one safe path segment: letters,
/// digits, `.`, `-` and `_`, at most 80 characters, never empty nor dots only.
fn safe_name(name: &str, fallback: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .take(80)
        .collect();
    if cleaned.chars().all(|c| c == '.' || c == '_') {
        fallback.to_owned()
    } else {
        cleaned
    }
}

/// Why writing stopped.
#[derive(Debug)]
enum Stop {
    /// The client closed the connection.
    Gone,
    /// A read failed.
    Failed(String),
}

impl Stop {
    fn failed(e: impl std::fmt::Display) -> Stop {
        Stop::Failed(e.to_string())
    }
}

impl From<StoreError> for Stop {
    fn from(e: StoreError) -> Stop {
        Stop::failed(e)
    }
}

impl From<std::io::Error> for Stop {
    fn from(e: std::io::Error) -> Stop {
        Stop::failed(e)
    }
}

/// One entry of `manifest.json`.
#[derive(Debug, Serialize)]
struct ManifestEntry {
    path: String,
    content_type: String,
    size: u64,
    sha256: String,
}

/// The ZIP and the manifest it ends with.
struct Archive {
    zip: Zip,
    manifest: Vec<ManifestEntry>,
}

impl Archive {
    async fn file(&mut self, path: &str, content_type: &str, data: Bytes) -> Result<(), Stop> {
        self.manifest.push(ManifestEntry {
            path: path.to_owned(),
            content_type: content_type.to_owned(),
            size: data.len() as u64,
            sha256: hex::encode(Sha256::digest(&data)),
        });
        self.zip.add(path, data).await
    }

    async fn json(&mut self, path: &str, value: &impl Serialize) -> Result<(), Stop> {
        let bytes = serde_json::to_vec_pretty(value).map_err(Stop::failed)?;
        self.file(path, "application/json", Bytes::from(bytes))
            .await
    }
}

const LOCAL_HEADER: u32 = 0x0403_4b50;
const CENTRAL_HEADER: u32 = 0x0201_4b50;
const END_OF_CENTRAL: u32 = 0x0605_4b50;
const ZIP64_END_OF_CENTRAL: u32 = 0x0606_4b50;
const ZIP64_LOCATOR: u32 = 0x0706_4b50;
/// General-purpose flag 11: the name is UTF-8.
const FLAG_UTF8: u16 = 1 << 11;
/// Version 2.0 (STORED), or 4.5 when ZIP64 records are needed; made by Unix (3).
const VERSION: u16 = 20;
const VERSION_ZIP64: u16 = 45;
const MADE_BY: u16 = (3 << 8) | VERSION_ZIP64;
/// `-rw-r--r--` in the Unix half of the external attributes.
const UNIX_FILE: u32 = 0o100_644 << 16;
const MAX32: u64 = 0xFFFF_FFFF;
const MAX16: u64 = 0xFFFF;

/// A STORED ZIP written forward into a channel (APPNOTE 6.3.10: local header and data per
/// entry, then the central directory and its end record).
struct Zip {
    out: mpsc::Sender<Chunk>,
    offset: u64,
    central: Vec<u8>,
    entries: u64,
    dos_time: u16,
    dos_date: u16,
}

impl Zip {
    fn new(out: mpsc::Sender<Chunk>, at: Timestamp) -> Zip {
        let (dos_date, dos_time) = dos_date_time(at);
        Zip {
            out,
            offset: 0,
            central: Vec::new(),
            entries: 0,
            dos_time,
            dos_date,
        }
    }

    async fn send(&mut self, bytes: Bytes) -> Result<(), Stop> {
        let n = bytes.len() as u64;
        self.out.send(Ok(bytes)).await.map_err(|_| Stop::Gone)?;
        self.offset += n;
        Ok(())
    }

    async fn add(&mut self, path: &str, data: Bytes) -> Result<(), Stop> {
        let name = path.as_bytes();
        let name_len = u16::try_from(name.len()).map_err(Stop::failed)?;
        let crc = crc32fast::hash(&data);
        let size = data.len() as u64;
        let offset = self.offset;
        let big = size >= MAX32;
        let far = offset >= MAX32;
        let size32 = if big { MAX32 as u32 } else { size as u32 };

        let mut local = Vec::with_capacity(30 + name.len() + 20);
        put32(&mut local, LOCAL_HEADER);
        put16(&mut local, if big { VERSION_ZIP64 } else { VERSION });
        put16(&mut local, FLAG_UTF8);
        put16(&mut local, 0); // STORED
        put16(&mut local, self.dos_time);
        put16(&mut local, self.dos_date);
        put32(&mut local, crc);
        put32(&mut local, size32);
        put32(&mut local, size32);
        put16(&mut local, name_len);
        put16(&mut local, if big { 20 } else { 0 });
        local.extend_from_slice(name);
        if big {
            put16(&mut local, 1); // the ZIP64 extra field
            put16(&mut local, 16);
            put64(&mut local, size);
            put64(&mut local, size);
        }

        // The central directory's ZIP64 field holds exactly the values its header cannot.
        let mut extra = Vec::new();
        if big {
            put64(&mut extra, size);
            put64(&mut extra, size);
        }
        if far {
            put64(&mut extra, offset);
        }
        let c = &mut self.central;
        put32(c, CENTRAL_HEADER);
        put16(c, MADE_BY);
        put16(c, if big || far { VERSION_ZIP64 } else { VERSION });
        put16(c, FLAG_UTF8);
        put16(c, 0);
        put16(c, self.dos_time);
        put16(c, self.dos_date);
        put32(c, crc);
        put32(c, size32);
        put32(c, size32);
        put16(c, name_len);
        put16(
            c,
            if extra.is_empty() {
                0
            } else {
                4 + extra.len() as u16
            },
        );
        put16(c, 0); // comment
        put16(c, 0); // disk
        put16(c, 0); // internal attributes
        put32(c, UNIX_FILE);
        put32(c, if far { MAX32 as u32 } else { offset as u32 });
        c.extend_from_slice(name);
        if !extra.is_empty() {
            put16(c, 1);
            put16(c, extra.len() as u16);
            c.extend_from_slice(&extra);
        }
        self.entries += 1;

        self.send(Bytes::from(local)).await?;
        let mut at = 0;
        while at < data.len() {
            let end = (at + CHUNK_BYTES).min(data.len());
            self.send(data.slice(at..end)).await?;
            at = end;
        }
        Ok(())
    }

    async fn finish(&mut self) -> Result<(), Stop> {
        let central_offset = self.offset;
        let central = std::mem::take(&mut self.central);
        let central_size = central.len() as u64;
        self.send(Bytes::from(central)).await?;

        let mut end = Vec::new();
        if self.entries >= MAX16 || central_offset >= MAX32 || central_size >= MAX32 {
            let zip64_end = self.offset;
            put32(&mut end, ZIP64_END_OF_CENTRAL);
            put64(&mut end, 44); // the record's size after this field
            put16(&mut end, MADE_BY);
            put16(&mut end, VERSION_ZIP64);
            put32(&mut end, 0);
            put32(&mut end, 0);
            put64(&mut end, self.entries);
            put64(&mut end, self.entries);
            put64(&mut end, central_size);
            put64(&mut end, central_offset);
            put32(&mut end, ZIP64_LOCATOR);
            put32(&mut end, 0);
            put64(&mut end, zip64_end);
            put32(&mut end, 1);
        }
        put32(&mut end, END_OF_CENTRAL);
        put16(&mut end, 0);
        put16(&mut end, 0);
        put16(&mut end, self.entries.min(MAX16) as u16);
        put16(&mut end, self.entries.min(MAX16) as u16);
        put32(&mut end, central_size.min(MAX32) as u32);
        put32(&mut end, central_offset.min(MAX32) as u32);
        put16(&mut end, 0); // comment
        self.send(Bytes::from(end)).await
    }
}

/// MS-DOS date and time (local time is UTC here), 1980 at the earliest, seconds halved.
fn dos_date_time(at: Timestamp) -> (u16, u16) {
    if at.year() < 1980 {
        return ((1 << 5) | 1, 0);
    }
    let year = (at.year() - 1980).min(127) as u16;
    let date = (year << 9) | ((at.month() as u16) << 5) | at.day() as u16;
    let time = ((at.hour() as u16) << 11) | ((at.minute() as u16) << 5) | (at.second() as u16 / 2);
    (date, time)
}

fn put16(v: &mut Vec<u8>, n: u16) {
    v.extend_from_slice(&n.to_le_bytes());
}

fn put32(v: &mut Vec<u8>, n: u32) {
    v.extend_from_slice(&n.to_le_bytes());
}

fn put64(v: &mut Vec<u8>, n: u64) {
    v.extend_from_slice(&n.to_le_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes `files` as a ZIP and returns its bytes.
    async fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
        let (tx, mut rx) = mpsc::channel(CHANNEL_CHUNKS);
        let at = signet_core::time::from_millis(1_765_000_000_000);
        let owned: Vec<(String, Vec<u8>)> = files
            .iter()
            .map(|(n, b)| ((*n).to_owned(), b.to_vec()))
            .collect();
        let writer = tokio::spawn(async move {
            let mut zip = Zip::new(tx, at);
            for (name, bytes) in owned {
                zip.add(&name, Bytes::from(bytes)).await.unwrap();
            }
            zip.finish().await.unwrap();
        });
        let mut out = Vec::new();
        while let Some(chunk) = rx.recv().await {
            out.extend_from_slice(&chunk.unwrap());
        }
        writer.await.unwrap();
        out
    }

    /// Python's `zipfile`, an independent reader, lists the archive and checks each CRC.
    fn python_reads(zip: &[u8]) -> String {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.zip");
        std::fs::write(&path, zip).unwrap();
        let out = std::process::Command::new("python3")
            .args([
                "-c",
                "import sys, zipfile, hashlib\n\
                 z = zipfile.ZipFile(sys.argv[1])\n\
                 assert z.testzip() is None\n\
                 for i in z.infolist():\n\
                 \x20   print(i.filename, i.file_size, i.compress_type, hashlib.sha256(z.read(i)).hexdigest(), i.date_time)",
            ])
            .arg(&path)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    #[tokio::test]
    async fn an_archive_reads_back_entry_by_entry_with_its_bytes_and_time() {
        let big: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        let zip = zip_of(&[
            ("person.json", b"{\"first_name\":\"J\xc3\xbcrgen\"}"),
            ("files/a-\u{00e9}t\u{00e9}.jpg", &big),
            ("empty.json", b""),
        ])
        .await;
        let listing = python_reads(&zip);
        let lines: Vec<&str> = listing.lines().collect();
        assert_eq!(lines.len(), 3, "{listing}");
        assert!(lines[0].starts_with("person.json 24 0 "), "{listing}");
        let big_sha = hex::encode(Sha256::digest(&big));
        assert_eq!(
            lines[1],
            format!("files/a-\u{00e9}t\u{00e9}.jpg 200000 0 {big_sha} (2025, 12, 6, 5, 46, 40)")
        );
        assert!(lines[2].starts_with("empty.json 0 0 "), "{listing}");
    }

    #[tokio::test]
    async fn more_entries_than_the_classic_end_record_counts_use_zip64() {
        let names: Vec<String> = (0..70_000).map(|i| format!("e/{i}")).collect();
        let files: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b"x"[..])).collect();
        let zip = zip_of(&files).await;
        let listing = python_reads(&zip);
        assert_eq!(listing.lines().count(), 70_000);
        assert!(listing.lines().last().unwrap().starts_with("e/69999 1 0 "));
    }

    #[test]
    fn unsafe_names_become_one_plain_segment() {
        assert_eq!(safe_name("../../etc/passwd", "f"), ".._.._etc_passwd");
        assert_eq!(safe_name("..", "f"), "f");
        assert_eq!(safe_name("", "f"), "f");
        assert_eq!(safe_name("Vertrag März.pdf", "f"), "Vertrag_M_rz.pdf");
    }
}
