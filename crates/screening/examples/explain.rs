//! Prints the best matches and their explanations for names given on the command line, against
//! the evaluation list: `cargo run -p signet-screening --example explain -- "Vladimir Putin"`
//! (`SIGNET_EXPLAIN_LIST=path` for another list, `SIGNET_EXPLAIN_THRESHOLD=0.2` for a lower
//! threshold than 0.5, `SIGNET_EXPLAIN_LIMIT=10` for more than three matches).

use std::path::Path;

use signet_screening::{Index, ListEntry, Query, SearchOptions};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("eval");
    // `SIGNET_EXPLAIN_LIST` names another list (a JSON line per entry), e.g. one of eval/scripts.
    let list = std::env::var("SIGNET_EXPLAIN_LIST")
        .map(Into::into)
        .unwrap_or_else(|_| dir.join("list.jsonl"));
    let entries: Vec<ListEntry> = std::fs::read_to_string(list)?
        .lines()
        .map(serde_json::from_str)
        .collect::<Result<_, _>>()?;
    let index = Index::build([("eval".to_string(), entries)]);
    for name in std::env::args().skip(1) {
        println!("== {name}");
        for m in index.search(
            &Query::name(&name),
            &SearchOptions {
                threshold: std::env::var("SIGNET_EXPLAIN_THRESHOLD")
                    .ok()
                    .and_then(|t| t.parse().ok())
                    .unwrap_or(0.5),
                limit: std::env::var("SIGNET_EXPLAIN_LIMIT")
                    .ok()
                    .and_then(|t| t.parse().ok())
                    .unwrap_or(3),
            },
        ) {
            println!(
                "{:.3} {} {:?}",
                m.score, m.matched_name, m.explanation.summary
            );
            println!("   {}", serde_json::to_string(&m.explanation.tokens)?);
        }
    }
    Ok(())
}
