//! A slice of the labelled evaluation set (`eval/`), so that CI guards the property the full
//! evaluation measures: listed names written another way are found, unlisted look-alikes (same
//! given name with another family name, or the reverse) are not, at the default threshold.

// Helpers outside #[test] functions panic on broken fixtures, which is what a test should do.
#![allow(clippy::unwrap_used)]

use std::path::Path;

use serde::Deserialize;
use signet_screening::{Index, ListEntry, Query, SearchOptions};

#[derive(Deserialize)]
struct Labelled {
    query: String,
    expected_entry_id: Option<String>,
    kind: String,
}

fn eval_file(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("eval")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn variants_are_found_and_look_alikes_are_not_on_a_slice_of_the_evaluation_set() {
    let entries: Vec<ListEntry> = eval_file("list.jsonl")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let index = Index::build([("eval".to_string(), entries)]);
    let queries: Vec<Labelled> = eval_file("queries.jsonl")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let opts = SearchOptions::default();
    let (mut variants, mut found, mut lookalikes) = (0, 0, 0);
    let mut missed = Vec::new();
    let mut matched_lookalikes = Vec::new();
    for q in queries.iter().step_by(8) {
        let matches = index.search(&Query::name(&q.query), &opts);
        match &q.expected_entry_id {
            Some(id) => {
                variants += 1;
                if matches.iter().any(|m| &m.entry_id == id) {
                    found += 1;
                } else {
                    missed.push(q.query.clone());
                }
            }
            None if q.kind == "lookalike" => {
                lookalikes += 1;
                if let Some(m) = matches.first() {
                    matched_lookalikes
                        .push(format!("{} -> {} ({})", q.query, m.matched_name, m.score));
                }
            }
            None => {}
        }
    }
    assert!(
        variants > 150 && lookalikes > 100,
        "slice too small: {variants} variants, {lookalikes} look-alikes"
    );
    let recall = found as f64 / variants as f64;
    assert!(recall >= 0.95, "recall {recall:.3}; missed: {missed:?}");
    assert!(
        matched_lookalikes.is_empty(),
        "look-alikes matched: {matched_lookalikes:?}"
    );
}

/// `search_many`, which keeps each worker's word candidates between queries, answers as
/// `search` does query by query, scores and explanations included.
#[test]
fn search_many_answers_as_search_does() {
    let entries: Vec<ListEntry> = eval_file("list.jsonl")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let index = Index::build([("eval".to_string(), entries)]);
    // Every query twice, so that the second meets the words of the first in the cache.
    let queries: Vec<Query> = eval_file("queries.jsonl")
        .lines()
        .step_by(3)
        .map(|l| Query::name(serde_json::from_str::<Labelled>(l).unwrap().query))
        .collect();
    let queries: Vec<Query> = queries.iter().chain(&queries).cloned().collect();
    let opts = SearchOptions {
        threshold: 0.6,
        limit: 5,
    };
    let many = index.search_many(&queries, &opts);
    for (q, got) in queries.iter().zip(&many) {
        let one = index.search(q, &opts);
        assert_eq!(
            serde_json::to_string(&one).unwrap(),
            serde_json::to_string(got).unwrap(),
            "{}",
            q.name
        );
    }
}
