//! OFAC's legacy CSV files: `sdn.csv` (one row per entry), `alt.csv` (aliases) and `add.csv`
//! (addresses). No header row; `-0- ` marks an empty field; files may end with a 0x1A byte.
//!
//! `sdn.csv`: ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign, Vess_type, Tonnage, GRT,
//! Vess_flag, Vess_owner, Remarks. `alt.csv`: ent_num, alt_num, alt_type, alt_name,
//! alt_remarks. `add.csv`: ent_num, add_num, address, city/state/postal, country, add_remarks.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::source::{Progress, open};
use crate::{EntityKind, ListEntry, ParseError, collapse_ws};

fn field(rec: &csv::StringRecord, i: usize) -> Option<&str> {
    rec.get(i)
        .map(str::trim)
        .filter(|v| !v.is_empty() && *v != "-0-")
}

fn files(path: &Path) -> Result<[PathBuf; 3], ParseError> {
    let dir = if path.is_dir() {
        path.to_path_buf()
    } else {
        path.parent().map(Path::to_path_buf).unwrap_or_default()
    };
    let sdn = if path.is_dir() {
        dir.join("sdn.csv")
    } else {
        path.to_path_buf()
    };
    let out = [sdn, dir.join("alt.csv"), dir.join("add.csv")];
    for p in &out {
        if !p.is_file() {
            return Err(ParseError::File {
                path: p.clone(),
                message: "missing: ofac-sdn-csv needs sdn.csv, alt.csv and add.csv side by side"
                    .into(),
            });
        }
    }
    Ok(out)
}

/// Reads every record of one CSV file, checking the field count; the trailing 0x1A that OFAC
/// appends is accepted as the end of the file.
fn each_row(
    path: &Path,
    src: impl Read,
    fields: usize,
    mut f: impl FnMut(u64, &csv::StringRecord) -> Result<(), ParseError>,
) -> Result<(), ParseError> {
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(src);
    let mut raw = csv::ByteRecord::new();
    loop {
        let start = rdr.position().byte();
        match rdr.read_byte_record(&mut raw) {
            Ok(false) => break,
            Ok(true) => {}
            Err(err) => {
                let line = record_line(path, err.position().map_or(start, |p| p.byte()));
                return Err(ParseError::Line {
                    path: path.to_path_buf(),
                    line,
                    message: format!("unreadable CSV record: {err}"),
                });
            }
        }
        let at = raw.position().map_or(start, |p| p.byte());
        let rec = decode(&raw);
        if rec.len() == 1
            && rec
                .get(0)
                .is_some_and(|v| v.trim_matches(['\u{1a}', ' ']).is_empty())
        {
            continue;
        }
        if rec.len() != fields {
            return Err(ParseError::Line {
                path: path.to_path_buf(),
                line: record_line(path, at),
                message: format!("expected {fields} fields, found {}", rec.len()),
            });
        }
        f(at, &rec)?;
    }
    Ok(())
}

/// OFAC's files are ASCII in practice, but older publications were Windows-1252: a record that
/// is not UTF-8 is read as Latin-1 rather than refused (the letters that matter for names sit at
/// the same code points).
fn decode(raw: &csv::ByteRecord) -> csv::StringRecord {
    raw.iter()
        .map(|f| match std::str::from_utf8(f) {
            Ok(s) => s.to_owned(),
            Err(_) => f.iter().map(|&b| char::from(b)).collect(),
        })
        .collect()
}

/// The line a record starts on. The csv crate's own line count lags by one with CRLF endings (a
/// record's position is taken before the previous line's `\n`), so we count in the file. Only
/// called on the error path.
fn record_line(path: &Path, byte: u64) -> u64 {
    let Ok(data) = std::fs::read(path) else {
        return 0;
    };
    let mut b = usize::try_from(byte).unwrap_or(usize::MAX).min(data.len());
    while matches!(data.get(b), Some(b'\r' | b'\n')) {
        b += 1;
    }
    1 + data[..b.min(data.len())]
        .iter()
        .filter(|c| **c == b'\n')
        .count() as u64
}

fn ent_num(path: &Path, at: u64, rec: &csv::StringRecord) -> Result<u64, ParseError> {
    field(rec, 0)
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| ParseError::Line {
            path: path.to_path_buf(),
            line: record_line(path, at),
            message: format!("ent_num {:?} is not a number", rec.get(0).unwrap_or("")),
        })
}

pub(crate) fn parse(
    path: &Path,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<(String, Vec<ListEntry>), ParseError> {
    let [sdn, alt, add] = files(path)?;
    let mut prog = Progress::new(&[&sdn, &alt, &add], progress);
    let mut entries: Vec<ListEntry> = Vec::new();
    let mut by_num: HashMap<u64, usize> = HashMap::new();

    each_row(&sdn, open(&sdn, &mut prog)?, 12, |at, rec| {
        let num = ent_num(&sdn, at, rec)?;
        let name = field(rec, 1)
            .map(collapse_ws)
            .ok_or_else(|| ParseError::Line {
                path: sdn.clone(),
                line: record_line(&sdn, at),
                message: "SDN_Name is empty".into(),
            })?;
        let kind = match field(rec, 2).map(str::to_ascii_lowercase).as_deref() {
            Some("individual") => EntityKind::Person,
            Some("vessel") => EntityKind::Vessel,
            Some("aircraft") => EntityKind::Aircraft,
            None => EntityKind::Organization,
            Some(_) => EntityKind::Unknown,
        };
        let mut entry = ListEntry::new(num.to_string(), kind, name);
        if let Some(programs) = field(rec, 3) {
            // Several programs are written "[SDGT] [IRGC]" or separated by "] [".
            for p in programs.split(['[', ']', ';']) {
                entry.push_program(p);
            }
        }
        if let Some(remarks) = field(rec, 11) {
            super::remarks_facts(remarks, &mut entry);
            entry.remarks = Some(remarks.to_owned());
        }
        if by_num.insert(num, entries.len()).is_some() {
            return Err(ParseError::Line {
                path: sdn.clone(),
                line: record_line(&sdn, at),
                message: format!("ent_num {num} appears twice"),
            });
        }
        entries.push(entry);
        Ok(())
    })?;

    each_row(&alt, open(&alt, &mut prog)?, 5, |at, rec| {
        let num = ent_num(&alt, at, rec)?;
        let idx = *by_num.get(&num).ok_or_else(|| ParseError::Line {
            path: alt.clone(),
            line: record_line(&alt, at),
            message: format!("alias for ent_num {num}, which sdn.csv does not have"),
        })?;
        if let Some(name) = field(rec, 3) {
            entries[idx].push_alias(name);
        }
        Ok(())
    })?;

    // Addresses are not used for matching, but the file is part of the publication: reading it
    // checks that the trio is complete and consistent.
    each_row(&add, open(&add, &mut prog)?, 6, |at, rec| {
        let num = ent_num(&add, at, rec)?;
        if !by_num.contains_key(&num) {
            return Err(ParseError::Line {
                path: add.clone(),
                line: record_line(&add, at),
                message: format!("address for ent_num {num}, which sdn.csv does not have"),
            });
        }
        Ok(())
    })?;

    Ok((prog.content_version(), entries))
}
