//! OpenSanctions FollowTheMoney entities, one JSON object a line:
//! `{"id": …, "schema": "Person", "properties": {"name": […], "alias": […], "birthDate": […],
//! "nationality": […], …}}`. Statements about non-target schemas (Address, Sanction, …) in the
//! same file are skipped; only things that can be named in a screening are kept.

use std::io::BufRead;
use std::path::Path;

use serde::Deserialize;

use crate::source::{Progress, open};
use crate::{EntityKind, ListEntry, ParseError, PartialDate, collapse_ws};

#[derive(Deserialize)]
struct Entity {
    id: String,
    schema: String,
    #[serde(default)]
    properties: std::collections::HashMap<String, Vec<serde_json::Value>>,
    #[serde(default)]
    datasets: Vec<String>,
}

fn strings<'a>(
    props: &'a std::collections::HashMap<String, Vec<serde_json::Value>>,
    key: &str,
) -> impl Iterator<Item = &'a str> {
    props
        .get(key)
        .into_iter()
        .flatten()
        .filter_map(serde_json::Value::as_str)
}

pub(crate) fn parse(
    path: &Path,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<(String, Vec<ListEntry>), ParseError> {
    let mut prog = Progress::new(&[path], progress);
    let mut entries = Vec::new();
    {
        let reader = open(path, &mut prog)?;
        for (i, line) in reader.lines().enumerate() {
            let line_no = i as u64 + 1;
            let line = line.map_err(|err| ParseError::Line {
                path: path.to_path_buf(),
                line: line_no,
                message: format!("unreadable line: {err}"),
            })?;
            if line.trim().is_empty() {
                continue;
            }
            let ent: Entity = serde_json::from_str(&line).map_err(|err| ParseError::Line {
                path: path.to_path_buf(),
                line: line_no,
                message: format!("not a FollowTheMoney entity: {err}"),
            })?;
            let kind = match ent.schema.as_str() {
                "Person" => EntityKind::Person,
                "Organization" | "Company" | "PublicBody" => EntityKind::Organization,
                "LegalEntity" => EntityKind::Unknown,
                "Vessel" => EntityKind::Vessel,
                "Airplane" => EntityKind::Aircraft,
                _ => continue,
            };
            let p = &ent.properties;
            let mut names = strings(p, "name")
                .map(collapse_ws)
                .filter(|s| !s.is_empty());
            let Some(primary) = names.next() else {
                return Err(ParseError::Line {
                    path: path.to_path_buf(),
                    line: line_no,
                    message: format!("entity {} has no name", ent.id),
                });
            };
            let mut e = ListEntry::new(ent.id.clone(), kind, primary);
            for n in names {
                e.push_alias(&n);
            }
            for key in ["alias", "previousName", "weakAlias"] {
                for a in strings(p, key) {
                    e.push_alias(a);
                }
            }
            for d in strings(p, "birthDate") {
                for d in PartialDate::parse_many(d) {
                    e.push_birth_date(d);
                }
            }
            for key in ["nationality", "citizenship"] {
                for c in strings(p, key) {
                    e.push_nationality(c);
                }
            }
            for key in ["program", "programId"] {
                for c in strings(p, key) {
                    e.push_program(c);
                }
            }
            e.remarks = strings(p, "notes").next().map(str::to_owned);
            // Topics say what kind of risk an entry is (a sanction, a PEP, a PEP's relative or
            // associate): the server weighs hits by them.
            for t in strings(p, "topics") {
                let t = t.trim();
                if !t.is_empty() && !e.topics.iter().any(|x| x == t) {
                    e.topics.push(t.to_owned());
                }
            }
            for d in &ent.datasets {
                if !d.is_empty() && !e.datasets.contains(d) {
                    e.datasets.push(d.clone());
                }
            }
            entries.push(e);
        }
    }
    Ok((prog.content_version(), entries))
}
