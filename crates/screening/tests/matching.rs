//! Behaviour of the matcher on small, hand-made lists.

// Helpers outside #[test] functions panic on broken fixtures, which is what a test should do.
#![allow(clippy::unwrap_used)]

use signet_screening::{
    EntityKind, EvidenceKind, Index, ListEntry, MatchHow, PartialDate, Query, SearchOptions,
};

fn person(id: &str, name: &str, aliases: &[&str], dob: &[&str], nat: &[&str]) -> ListEntry {
    let mut e = ListEntry::new(id, EntityKind::Person, name);
    e.aliases = aliases.iter().map(|s| s.to_string()).collect();
    e.birth_dates = dob.iter().map(|d| d.parse().unwrap()).collect();
    e.nationalities = nat.iter().map(|s| s.to_string()).collect();
    e
}

fn org(id: &str, name: &str, aliases: &[&str]) -> ListEntry {
    let mut e = ListEntry::new(id, EntityKind::Organization, name);
    e.aliases = aliases.iter().map(|s| s.to_string()).collect();
    e
}

fn index() -> Index {
    let sdn = vec![
        person(
            "32713",
            "PUTIN, Vladimir Vladimirovich",
            &["PUTIN, Vladimir"],
            &["1952-10-07"],
            &["RU"],
        ),
        person(
            "32712",
            "LAVROV, Sergei Viktorovich",
            &[],
            &["1950-03-21"],
            &["RU"],
        ),
        person(
            "22253",
            "KIM, Jong Un",
            &["KIM, Jong-un"],
            &["1984-01-08"],
            &["KP"],
        ),
        person(
            "9001",
            "AL-RASHID, Mohammed Abdullah",
            &[],
            &["1970"],
            &["SA"],
        ),
        person("9002", "HASSAN, Abdul Rahman", &[], &[], &["IQ"]),
        person("9003", "NOVAK, Jelena", &[], &[], &["RS"]),
        person("9004", "KARIMI, Ali Reza", &[], &["1965"], &["IR"]),
        person("9005", "SMITH, John Robert", &[], &["1980-05-04"], &["GB"]),
        org("4240", "BANK MELLI IRAN", &["MELLI BANK PLC"]),
    ];
    let un = vec![person(
        "QDi.006",
        "AYMAN MUHAMMED RABI AL-ZAWAHIRI",
        &["أيمن محمد ربيع الظواهري"],
        &["1951-06-19"],
        &["EG"],
    )];
    Index::build([("ofac-sdn".to_string(), sdn), ("un-sc".to_string(), un)])
}

fn top(ix: &Index, q: Query) -> Option<(String, f64)> {
    ix.search(&q, &SearchOptions::default())
        .into_iter()
        .next()
        .map(|m| (m.entry_id, m.score))
}

fn found(ix: &Index, name: &str) -> Option<String> {
    top(ix, Query::name(name)).map(|m| m.0)
}

#[test]
fn listed_names_are_found_in_any_order_case_and_with_omitted_middle_names() {
    let ix = index();
    for q in [
        "Vladimir Putin",
        "PUTIN VLADIMIR",
        "putin, vladimir vladimirovich",
        "Vladimir Vladimirovich Putin",
        "Mr. Vladimir V. Putin",
    ] {
        assert_eq!(found(&ix, q).as_deref(), Some("32713"), "{q}");
    }
}

#[test]
fn other_scripts_and_transliterations_are_found() {
    let ix = index();
    assert_eq!(found(&ix, "Владимир Путин").as_deref(), Some("32713"));
    assert_eq!(found(&ix, "Сергей Лавров").as_deref(), Some("32712"));
    assert_eq!(found(&ix, "Sergey Lavrov").as_deref(), Some("32712"));
    assert_eq!(
        found(&ix, "Muhammad Abdallah Al Rasheed").as_deref(),
        Some("9001")
    );
    assert_eq!(found(&ix, "محمد عبدالله الرشيد").as_deref(), Some("9001"));
    assert_eq!(found(&ix, "Ayman al-Zawahri").as_deref(), Some("QDi.006"));
    assert_eq!(found(&ix, "Yelena Novak").as_deref(), Some("9003"));
}

#[test]
fn typos_merged_and_split_tokens_are_found_and_explained() {
    let ix = index();
    assert_eq!(found(&ix, "Vladimir Putni").as_deref(), Some("32713"));
    assert_eq!(found(&ix, "Kim Jongun").as_deref(), Some("22253"));
    assert_eq!(found(&ix, "Abdulrahman Hassan").as_deref(), Some("9002"));
    let m = ix.search(&Query::name("Jongun Kim"), &SearchOptions::default());
    assert_eq!(m.first().map(|m| m.entry_id.as_str()), Some("22253"));
    assert!(
        m[0].explanation
            .tokens
            .iter()
            .any(|t| t.how == MatchHow::Merged),
        "{:?}",
        m[0].explanation
    );
}

#[test]
fn look_alikes_sharing_only_a_given_or_a_family_name_are_not_matched() {
    let ix = index();
    for q in [
        "Vladimir Ivanov",
        "Sergei Putin",
        "Ali Kazemi",
        "Mohammed Al-Tamimi",
        "John Robert Williams",
        "Mary Smith",
        "Kim Jong Pil",
        "Bank Saderat Iran",
    ] {
        assert_eq!(top(&ix, Query::name(q)), None, "{q}");
    }
}

#[test]
fn organisation_legal_forms_do_not_stop_a_match() {
    let ix = index();
    assert_eq!(found(&ix, "Bank Melli Iran PJSC").as_deref(), Some("4240"));
    assert_eq!(found(&ix, "Melli Bank").as_deref(), Some("4240"));
}

#[test]
fn birth_date_supports_or_contradicts_and_says_so() {
    let ix = index();
    let q = |dob: &str| Query {
        name: "John Smith".into(),
        birth_date: Some(dob.parse::<PartialDate>().unwrap()),
        nationality: None,
    };
    let plain = top(&ix, Query::name("John Smith")).unwrap().1;
    let same = ix.search(&q("1980-05-04"), &SearchOptions::default());
    assert!(same[0].score > plain, "{} vs {plain}", same[0].score);
    let ev = same[0].explanation.birth_date.as_ref().unwrap();
    assert_eq!(ev.kind, EvidenceKind::Supports);
    let swapped = ix.search(&q("1980-04-05"), &SearchOptions::default());
    assert_eq!(
        swapped[0].explanation.birth_date.as_ref().unwrap().kind,
        EvidenceKind::Supports
    );
    let far = ix.search(
        &q("1961-01-01"),
        &SearchOptions {
            threshold: 0.0,
            limit: 5,
        },
    );
    let far = far.iter().find(|m| m.entry_id == "9005").unwrap();
    assert!(far.score < plain);
    assert_eq!(
        far.explanation.birth_date.as_ref().unwrap().kind,
        EvidenceKind::Contradicts
    );
    assert!(
        far.explanation.summary.contains("19 years"),
        "{}",
        far.explanation.summary
    );
}

#[test]
fn nationality_is_evidence_too() {
    let ix = index();
    let with = |nat: &str| Query {
        name: "Sergei Lavrov".into(),
        birth_date: None,
        nationality: Some(nat.into()),
    };
    let plain = top(&ix, Query::name("Sergei Lavrov")).unwrap().1;
    assert!(top(&ix, with("Russian Federation")).unwrap().1 > plain);
    let other = ix.search(
        &with("FR"),
        &SearchOptions {
            threshold: 0.0,
            limit: 1,
        },
    );
    assert!(other[0].score < plain);
    assert_eq!(
        other[0].explanation.nationality.as_ref().unwrap().kind,
        EvidenceKind::Contradicts
    );
}

#[test]
fn explanation_names_the_matched_alias_tokens_and_omissions() {
    let ix = index();
    let m = ix.search(&Query::name("Vladimir Putin"), &SearchOptions::default());
    let m = &m[0];
    assert_eq!(m.list, "ofac-sdn");
    assert_eq!(m.name, "PUTIN, Vladimir Vladimirovich");
    assert_eq!(
        m.matched_name, "PUTIN, Vladimir",
        "the alias is the closer name"
    );
    assert_eq!(m.score, 1.0);
    assert!(
        m.explanation
            .tokens
            .iter()
            .all(|t| t.how == MatchHow::Exact)
    );
    let m = ix.search(&Query::name("Vladimir Putin Jr"), &SearchOptions::default());
    assert!(
        m[0].explanation.summary.contains("putin exactly"),
        "{}",
        m[0].explanation.summary
    );
    let json = serde_json::to_value(&m[0]).unwrap();
    assert!(json["explanation"]["tokens"][0]["how"].is_string());
}

#[test]
fn threshold_and_limit_are_honoured() {
    let ix = index();
    let all = ix.search(
        &Query::name("Vladimir"),
        &SearchOptions {
            threshold: 0.0,
            limit: 10,
        },
    );
    assert!(!all.is_empty());
    assert!(all.windows(2).all(|w| w[0].score >= w[1].score));
    let none = ix.search(
        &Query::name("Vladimir"),
        &SearchOptions {
            threshold: 0.99,
            limit: 10,
        },
    );
    assert!(none.is_empty());
    let one = ix.search(
        &Query::name("Vladimir Putin"),
        &SearchOptions {
            threshold: 0.0,
            limit: 1,
        },
    );
    assert_eq!(one.len(), 1);
}

#[test]
fn empty_and_punctuation_only_queries_match_nothing() {
    let ix = index();
    assert!(
        ix.search(&Query::name(""), &SearchOptions::default())
            .is_empty()
    );
    assert!(
        ix.search(&Query::name(" ,.- "), &SearchOptions::default())
            .is_empty()
    );
}

#[test]
fn search_many_answers_in_query_order() {
    let ix = index();
    let qs = vec![
        Query::name("Sergei Lavrov"),
        Query::name("Nobody Known"),
        Query::name("Kim Jong Un"),
    ];
    let r = ix.search_many(&qs, &SearchOptions::default());
    assert_eq!(r.len(), 3);
    assert_eq!(r[0][0].entry_id, "32712");
    assert!(r[1].is_empty());
    assert_eq!(r[2][0].entry_id, "22253");
}

#[test]
fn index_is_shareable_between_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Index>();
}
