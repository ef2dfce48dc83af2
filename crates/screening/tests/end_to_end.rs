//! From official list files to explained matches: what `signet lists import` and the screening
//! endpoint will do together.

// Helpers outside #[test] functions panic on broken fixtures, which is what a test should do.
#![allow(clippy::unwrap_used)]

use std::path::Path;

use signet_screening::{
    EvidenceKind, Index, ListFormat, PartialDate, Query, SearchOptions, parse_path,
};

fn index() -> Index {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let lists = [
        (ListFormat::OfacSdnCsv, "ofac-csv"),
        (ListFormat::EuFsfXml, "eu-fsf.xml"),
        (ListFormat::UnXml, "un-consolidated.xml"),
        (ListFormat::UkSanctionsList, "uk-sanctions-list.xml"),
        (ListFormat::OpenSanctionsFtm, "opensanctions.ftm.jsonl"),
    ]
    .map(|(f, p)| {
        let list = parse_path(f, &dir.join(p), &mut |_, _| {}).unwrap();
        (list.source, list.entries)
    });
    Index::build(lists)
}

#[test]
fn one_person_on_several_lists_is_found_on_each_with_its_own_id() {
    let ix = index();
    let q = Query {
        name: "Владимир Путин".into(),
        birth_date: Some("1952-10-07".parse::<PartialDate>().unwrap()),
        nationality: Some("RU".into()),
    };
    let m = ix.search(&q, &SearchOptions::default());
    let mut found: Vec<(&str, &str)> = m
        .iter()
        .map(|m| (m.list.as_str(), m.entry_id.as_str()))
        .collect();
    found.sort();
    assert_eq!(
        found,
        [
            ("ofac-sdn", "32713"),
            ("opensanctions", "Q7747"),
            ("uk-sanctions-list", "RUS0251")
        ]
    );
    for m in &m {
        assert_eq!(
            m.explanation.birth_date.as_ref().unwrap().kind,
            EvidenceKind::Supports,
            "{m:?}"
        );
        assert_eq!(
            m.explanation.nationality.as_ref().unwrap().kind,
            EvidenceKind::Supports
        );
    }
}

#[test]
fn original_script_aliases_from_the_lists_are_matched() {
    let ix = index();
    let m = ix.search(&Query::name("أيمن الظواهري"), &SearchOptions::default());
    assert_eq!(m.first().map(|m| m.entry_id.as_str()), Some("QDi.006"));
    let m = ix.search(&Query::name("Sergey Lavrov"), &SearchOptions::default());
    let ids: Vec<&str> = m.iter().map(|m| m.entry_id.as_str()).collect();
    assert!(ids.contains(&"133506") && ids.contains(&"32712"), "{ids:?}");
}

#[test]
fn organisations_vessels_and_former_names_are_screened_too() {
    let ix = index();
    let first = |name: &str| {
        ix.search(&Query::name(name), &SearchOptions::default())
            .first()
            .map(|m| (m.list.clone(), m.entry_id.clone()))
    };
    assert_eq!(first("Grace 1").map(|m| m.1), Some("15036".into()));
    assert_eq!(first("VTB Bank").map(|m| m.1), Some("RUS0102".into()));
    assert!(first("Harakat Shabaab al Mujahideen").is_some());
    assert_eq!(
        first("Banco Nacional de Cuba S.A.").map(|m| m.1),
        Some("306".into())
    );
}
