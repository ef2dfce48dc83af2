//! The UN Security Council consolidated list: root `CONSOLIDATED_LIST@dateGenerated`, then
//! `INDIVIDUALS/INDIVIDUAL` and `ENTITIES/ENTITY`, each with `DATAID`, `REFERENCE_NUMBER`,
//! `FIRST_NAME` … `FOURTH_NAME`, `UN_LIST_TYPE`, `NATIONALITY/VALUE`, `*_ALIAS/ALIAS_NAME`,
//! `INDIVIDUAL_DATE_OF_BIRTH` (`TYPE_OF_DATE` EXACT with `DATE`, APPROXIMATELY with `YEAR`,
//! BETWEEN with `FROM_YEAR`/`TO_YEAR`) and `NAME_ORIGINAL_SCRIPT`.

use std::path::Path;

use crate::source::{Progress, open};
use crate::xml::{Located, Node, expect_root, for_each_record};
use crate::{EntityKind, ListEntry, ParseError, PartialDate, collapse_ws};

fn dates(d: &Node, e: &mut ListEntry) {
    if let Some(date) = d.text_of("DATE") {
        for p in PartialDate::parse_many(date) {
            e.push_birth_date(p);
        }
    }
    if let Some(y) = d.text_of("YEAR").and_then(|y| y.parse().ok()) {
        e.push_birth_date(PartialDate::year(y));
    }
    let from = d.text_of("FROM_YEAR").and_then(|y| y.parse::<i32>().ok());
    let to = d.text_of("TO_YEAR").and_then(|y| y.parse::<i32>().ok());
    if let (Some(a), Some(b)) = (from, to)
        && a <= b
        && b - a <= 15
    {
        for y in a..=b {
            e.push_birth_date(PartialDate::year(y));
        }
    }
}

pub(crate) fn parse(
    path: &Path,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<(String, Vec<ListEntry>), ParseError> {
    let mut prog = Progress::new(&[path], progress);
    let at = Located { path };
    let mut entries = Vec::new();
    let mut version = None;
    for_each_record(
        open(path, &mut prog)?,
        path,
        &["INDIVIDUAL", "ENTITY"],
        |root| {
            expect_root(root, path, "CONSOLIDATED_LIST")?;
            version = root
                .attr("dateGenerated")
                .map(|d| d.split('T').next().unwrap_or(d).to_owned());
            Ok(())
        },
        |n| {
            let person = n.name == "INDIVIDUAL";
            let id = n
                .text_of("REFERENCE_NUMBER")
                .or_else(|| n.text_of("DATAID"))
                .ok_or_else(|| at.element(&n, "record without REFERENCE_NUMBER or DATAID"))?;
            let parts: Vec<&str> = ["FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"]
                .iter()
                .filter_map(|k| n.text_of(k))
                .collect();
            if parts.is_empty() {
                return Err(at.element(&n, format!("{id} has no FIRST_NAME")));
            }
            let kind = if person {
                EntityKind::Person
            } else {
                EntityKind::Organization
            };
            let mut e = ListEntry::new(id, kind, collapse_ws(&parts.join(" ")));
            if let Some(t) = n.text_of("UN_LIST_TYPE") {
                e.push_program(t);
            }
            if let Some(s) = n.text_of("NAME_ORIGINAL_SCRIPT") {
                e.push_alias(s);
            }
            let alias_el = if person {
                "INDIVIDUAL_ALIAS"
            } else {
                "ENTITY_ALIAS"
            };
            for a in n.all(alias_el).filter_map(|a| a.text_of("ALIAS_NAME")) {
                e.push_alias(a);
            }
            for v in n.texts(&["NATIONALITY"], "VALUE") {
                e.push_nationality(v);
            }
            for d in n.all("INDIVIDUAL_DATE_OF_BIRTH") {
                dates(d, &mut e);
            }
            e.remarks = n.text_of("COMMENTS1").map(str::to_owned);
            entries.push(e);
            Ok(())
        },
    )?;
    let version = version.unwrap_or_else(|| prog.content_version());
    Ok((version, entries))
}
