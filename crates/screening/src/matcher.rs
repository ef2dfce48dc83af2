//! The screening index and the scoring model.
//!
//! # Scoring
//!
//! A name is a bag of tokens (order does not matter: "Putin Vladimir" is "Vladimir Putin").
//! Query tokens are paired with list tokens, each at most once, by similarity:
//!
//! * `exact` (1.0): the same transliterated token;
//! * `transliterated` (0.95 same folded spelling, 0.90 same consonant skeleton): spelling
//!   variants between transliteration systems (Yevgeny/Evgeny, Mohammed/Muhammad/محمد);
//! * `typo` (0.90 … 0.78): Damerau-Levenshtein distance within a budget that grows with length
//!   (no edits for tokens of 3 letters or fewer, 1 up to 8 letters, 2 up to 12, then 3);
//! * `initial` (0.6): a single letter against a name that starts with it;
//! * `merged` / `split` (0.95 and less): one token on one side is two adjacent tokens on the
//!   other (Abdulrahman / Abdul Rahman).
//!
//! Every token carries a weight from its rarity in the index (inverse document frequency over
//! all list names, floored as if the index held at least 10,000 names so that small lists do not
//! skew it): a common given name such as Mohammed weighs about a third of a rare family name.
//! The name score is the weighted share of matched tokens on both sides:
//!
//! ```text
//!            Σ pairs sim·(w_q + w_l)
//! score = ─────────────────────────────────────────────────────
//!          Σ pairs (w_q + w_l) + Σ conflicting + Σ missing·d
//! ```
//!
//! Unpaired tokens present on both sides *conflict* (another family name: "Ali Karimi" is not
//! "Ali Kazemi") and count in full, at least 0.5 each; unpaired tokens only one side has are
//! *missing* (a middle name or patronymic left out) and count at `d` = 0.35 once two tokens are
//! paired, in full otherwise. This is where the model gains precision over per-token
//! Jaro-Winkler: a shared common given name cannot carry a match, and a shared family name with
//! another given name stays below the threshold, while omissions stay cheap.
//!
//! Birth date and nationality then adjust the score: the same date or year of birth +0.05, a
//! birth year 2–5 years off −0.10, more −0.20 (one year off is tolerated as a recording error);
//! the same nationality +0.03, only other nationalities −0.05.
//!
//! # Speed
//!
//! Tokens are interned in a vocabulary with four keys (transliterated, folded, skeleton, and
//! single deletions of the folded form, as in SymSpell), so candidate tokens for a query token
//! are found by a handful of hash lookups, typos and transliterations included. Names are
//! reached through posting lists; a cheap upper bound on each candidate's score skips those
//! that cannot reach the threshold, and only the rest are aligned and scored.

use std::cell::RefCell;

use rustc_hash::FxHashMap as HashMap;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::normalize::{
    CANTONESE, CHINESE, HOKKIEN, KOREAN, Role, Tok, TokKind, join_toks, make_tok, tokens,
};
use crate::{EntityKind, ListEntry, PartialDate, country_code};

/// The threshold that balances recall and false positives on the project's evaluation set
/// (`crates/screening/eval`, see `BENCHMARKS.md`).
pub const DEFAULT_THRESHOLD: f64 = 0.80;

const MIN_TOKEN_SIM: f32 = 0.75;
const INITIAL_SIM: f32 = 0.6;
const INITIAL_WEIGHT: f32 = 0.3;
const PARTICLE_WEIGHT: f32 = 0.1;
const MISSING_DISCOUNT: f32 = 0.35;
const FAMILY_GUESS_DISCOUNT: f32 = 0.6;
const CONFLICT_FLOOR: f32 = 0.5;
const MAX_BONUS: f32 = 0.08;
const MAX_QUERY_TOKENS: usize = 24;
const MAX_QUERY_CHARS: usize = 512;

/// What to screen: a name and, when known, supporting facts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Query {
    pub name: String,
    pub birth_date: Option<PartialDate>,
    /// A country name or ISO 3166 alpha-2 code.
    pub nationality: Option<String>,
}

impl Query {
    pub fn name(name: impl Into<String>) -> Self {
        Query {
            name: name.into(),
            ..Query::default()
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SearchOptions {
    /// Matches scoring below this are not returned.
    pub threshold: f64,
    /// At most this many matches, best first.
    pub limit: usize,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions {
            threshold: DEFAULT_THRESHOLD,
            limit: 10,
        }
    }
}

/// One list entry that matched, with the reasons.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Match {
    /// The list id given to [`Index::build`].
    pub list: String,
    /// The list's own id of the entry.
    pub entry_id: String,
    /// The entry's primary name.
    pub name: String,
    /// The name or alias that matched best.
    pub matched_name: String,
    pub score: f64,
    pub explanation: Explanation,
    /// The entry's risk topics ([`ListEntry::risk_topics`]): `sanction`, `role.pep`, …
    pub topics: Vec<String>,
    /// The source datasets the list names for the entry; empty where it names none.
    pub datasets: Vec<String>,
}

/// How a query token met a list token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MatchHow {
    #[default]
    Exact,
    Transliterated,
    Typo,
    Initial,
    Merged,
    Split,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TokenMatch {
    /// The normalised query token (two joined by a space for `split`).
    pub query: String,
    /// The normalised list token (two joined by a space for `merged`).
    pub list: String,
    pub similarity: f64,
    pub how: MatchHow,
    /// The weight both tokens carry in the score (rarer tokens weigh more).
    pub weight: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EvidenceKind {
    Supports,
    Contradicts,
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    pub kind: EvidenceKind,
    /// A sentence for the reviewer.
    pub detail: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Adjustment {
    pub reason: String,
    pub delta: f64,
}

/// Why a match scored what it scored: enough for a reviewer to agree or to mark it a false
/// positive without re-doing the comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    pub summary: String,
    pub normalized_query: String,
    pub normalized_name: String,
    pub tokens: Vec<TokenMatch>,
    pub unmatched_query_tokens: Vec<String>,
    pub unmatched_list_tokens: Vec<String>,
    pub birth_date: Option<Evidence>,
    pub nationality: Option<Evidence>,
    /// The score from names alone, before the adjustments.
    pub name_score: f64,
    pub adjustments: Vec<Adjustment>,
}

struct Vocab {
    tok: Tok,
    weight: f32,
    postings: Vec<u32>,
}

struct NameRec {
    entry: u32,
    text: Box<str>,
    tokens: Box<[u32]>,
    roles: Box<[Role]>,
    /// Holds an initial or a particle.
    nonword: bool,
}

struct EntryRec {
    list: u32,
    entry: ListEntry,
}

/// An immutable screening index over the entries of several lists. Cheap to share between
/// threads (`Send + Sync`); rebuild it when a list is re-imported.
pub struct Index {
    /// This index among those built in the process (see [`JoinedCache`]).
    serial: u64,
    lists: Vec<String>,
    entries: Vec<EntryRec>,
    names: Vec<NameRec>,
    vocab: Vec<Vocab>,
    /// Vocabulary by what makes a token one entry (see [`Index::intern`]).
    interned: HashMap<Box<str>, u32>,
    /// Word tokens by their spelling, every culture's.
    by_raw: HashMap<Box<str>, Vec<u32>>,
    by_folded: HashMap<Box<str>, Vec<u32>>,
    by_skel: HashMap<Box<str>, Vec<u32>>,
    by_delete: HashMap<Box<str>, Vec<u32>>,
    by_pair: HashMap<Box<str>, Vec<u32>>,
    by_key: HashMap<Box<str>, Vec<u32>>,
    /// Tokens by their cross keys (`~` taken off): readings that meet only another token's own
    /// key (see [`keys_meet`]).
    by_xkey: HashMap<Box<str>, Vec<u32>>,
    /// Whether any token or joined pair has a cross key.
    xkeys: bool,
    /// Arabic-script tokens with a two-consonant skeleton.
    by_skel2: HashMap<Box<str>, Vec<u32>>,
}

fn deletions(s: &str) -> impl Iterator<Item = String> + '_ {
    (0..s.len()).map(move |i| {
        let mut d = String::with_capacity(s.len());
        d.push_str(&s[..i]);
        d.push_str(&s[i + 1..]);
        d
    })
}

/// Vocabulary ids gathered by the candidate search, each once and in the order first found
/// (the order decides ties between equally similar candidates downstream).
struct IdSet<'a> {
    ids: Vec<u32>,
    seen: &'a mut Vec<u64>,
}

impl IdSet<'_> {
    fn add(&mut self, found: Option<&[u32]>) {
        for &id in found.unwrap_or_default() {
            let (w, b) = (id as usize / 64, 1u64 << (id % 64));
            if self.seen[w] & b == 0 {
                self.seen[w] |= b;
                self.ids.push(id);
            }
        }
    }

    fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The ids, leaving the seen-set clear for the next search.
    fn finish(mut self) -> Vec<u32> {
        let ids = std::mem::take(&mut self.ids);
        self.clear(&ids);
        ids
    }

    fn clear(&mut self, ids: &[u32]) {
        for &id in ids {
            self.seen[id as usize / 64] &= !(1u64 << (id % 64));
        }
    }
}

impl Drop for IdSet<'_> {
    /// Clear even when a search unwinds, so that the thread's next search starts clean.
    fn drop(&mut self) {
        let ids = std::mem::take(&mut self.ids);
        self.clear(&ids);
    }
}

/// Per-thread scratch space of the search, sized to the largest index searched on the thread and
/// left clear after each search, so that a query allocates nothing per list name.
#[derive(Default)]
struct Scratch {
    /// Per list name: how the query's tokens reach it (`Reach::NONE` where untouched).
    reach: Vec<Reach>,
    /// The names touched in `reach`, in the order first touched.
    touched: Vec<u32>,
}

/// Joined list pairs met while aligning, by (index, first token, second token): a pair's keys
/// (a Hong Kong name's Mandarin readings among them) are made once per thread.
type JoinedCache = HashMap<(u64, u32, u32), std::rc::Rc<Tok>>;

/// Tells indexes apart in the thread-local caches.
static INDEX_SERIAL: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

thread_local! {
    static JOINED: RefCell<JoinedCache> = RefCell::new(JoinedCache::default());
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
    /// Vocabulary ids already gathered by `similar_vocab`, as bits.
    static SEEN: RefCell<Vec<u64>> = const { RefCell::new(Vec::new()) };
}

/// The candidates of the words a worker of [`Index::search_many`] has looked up, by
/// [`cand_key`].
#[derive(Default)]
struct CandCache(HashMap<String, Vec<(u32, f32, MatchHow)>>);

/// Everything of a token that its candidate search and similarities read: two tokens with the
/// same key have the same candidates.
fn cand_key(t: &Tok, deep: bool) -> String {
    use std::fmt::Write;
    let mut k = String::with_capacity(64);
    let _ = write!(
        k,
        "{deep}|{:?}|{}|{}|{}|{}|{}|{:?}|{:?}",
        t.kind, t.raw, t.folded, t.skel, t.abjad, t.culture, t.orig, t.keys
    );
    for a in &t.alts {
        let _ = write!(
            k,
            "|{},{},{},{},{}",
            a.raw, a.folded, a.skel, a.abjad, a.vowelled
        );
    }
    k
}

/// `s` without its byte `i`, written into `out` (as [`deletions`] without an allocation each).
fn deletion_into(s: &str, i: usize, out: &mut String) {
    out.clear();
    out.push_str(&s[..i]);
    out.push_str(&s[i + 1..]);
}

/// Whether the candidate search can reach the joined list pair `joined` from query token `q`
/// whose merged keys are `merged` (see `merged_keys`): only such pairs are scored, so that what
/// is scored is what the search's bound counted.
fn pair_reached(merged: &rustc_hash::FxHashSet<String>, q: &Tok, joined: &Tok) -> bool {
    merged.contains(joined.folded.as_str())
        || joined.keys.iter().any(|k| merged.contains(k.as_str()))
        || (q.abjad || q.alts.iter().any(|a| a.abjad))
            && pair_skeleton_key(joined).is_some_and(|k| merged.contains(k.as_str()))
}

/// The key of a joined pair (or of a query word in Arabic script) by its consonants, apart from
/// the spelling keys; only for skeletons of four letters or more.
fn pair_skeleton_key(t: &Tok) -> Option<String> {
    (t.skel.len() >= 4).then(|| format!("s:{}", t.skel))
}

fn push_unique(v: &mut Vec<u32>, x: u32) {
    if v.last() != Some(&x) && !v.contains(&x) {
        v.push(x);
    }
}

impl Index {
    /// Builds the index from `(list id, entries)` pairs. Every name and alias of every entry is
    /// indexed.
    pub fn build(lists: impl IntoIterator<Item = (String, Vec<ListEntry>)>) -> Index {
        let mut ix = Index {
            serial: INDEX_SERIAL.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            lists: Vec::new(),
            entries: Vec::new(),
            names: Vec::new(),
            vocab: Vec::new(),
            interned: HashMap::default(),
            by_raw: HashMap::default(),
            by_folded: HashMap::default(),
            by_skel: HashMap::default(),
            by_delete: HashMap::default(),
            by_pair: HashMap::default(),
            by_key: HashMap::default(),
            by_xkey: HashMap::default(),
            xkeys: false,
            by_skel2: HashMap::default(),
        };
        for (list, entries) in lists {
            let list_idx = u32::try_from(ix.lists.len()).unwrap_or(u32::MAX);
            ix.lists.push(list);
            for entry in entries {
                let entry_idx = u32::try_from(ix.entries.len()).unwrap_or(u32::MAX);
                let mut seen: Vec<Vec<u32>> = Vec::new();
                for text in std::iter::once(&entry.name).chain(entry.aliases.iter()) {
                    let toks = tokens(text);
                    if toks.is_empty() {
                        continue;
                    }
                    let roles: Vec<Role> = toks.iter().map(|t| t.role).collect();
                    let ids: Vec<u32> = toks.into_iter().map(|t| ix.intern(t)).collect();
                    // Aliases that normalise to the same tokens add nothing but work.
                    let mut sorted = ids.clone();
                    sorted.sort_unstable();
                    if seen.contains(&sorted) {
                        continue;
                    }
                    seen.push(sorted);
                    let name_idx = u32::try_from(ix.names.len()).unwrap_or(u32::MAX);
                    for &id in &ids {
                        push_unique(&mut ix.vocab[id as usize].postings, name_idx);
                    }
                    let nonword = ids
                        .iter()
                        .any(|&id| ix.vocab[id as usize].tok.kind != TokKind::Word);
                    ix.names.push(NameRec {
                        nonword,
                        entry: entry_idx,
                        text: text.as_str().into(),
                        tokens: ids.into(),
                        roles: roles.into(),
                    });
                }
                ix.entries.push(EntryRec {
                    list: list_idx,
                    entry,
                });
            }
        }
        // Joined pairs once every token is interned: a token met later in another culture's
        // name brings keys the pair must carry too.
        for name_idx in 0..ix.names.len() {
            let ids = ix.names[name_idx].tokens.clone();
            let name_idx = u32::try_from(name_idx).unwrap_or(u32::MAX);
            for w in ids.windows(2) {
                let (a, b) = (&ix.vocab[w[0] as usize].tok, &ix.vocab[w[1] as usize].tok);
                // Particles too: Binladen is "bin Laden" written together.
                if a.kind != TokKind::Initial && b.kind != TokKind::Initial {
                    let joined = join_toks(a, b);
                    for key in std::iter::once(&joined.folded).chain(&joined.keys) {
                        ix.xkeys |= key.starts_with('~');
                        push_unique(ix.by_pair.entry(key.as_str().into()).or_default(), name_idx);
                    }
                    // Its consonants, for a query in Arabic script that writes the pair as one
                    // word (نصرالله for Nasr-Ollah).
                    if let Some(key) = pair_skeleton_key(&joined) {
                        push_unique(ix.by_pair.entry(key.into()).or_default(), name_idx);
                    }
                }
            }
        }
        let n = (ix.names.len() as f32).max(10_000.0);
        let norm = (n + 1.0).ln();
        // A spelling is as rare as all its tokens together: the cultures' tokens of one
        // spelling are apart only for their keys.
        let mut by_spelling: HashMap<&str, usize> = HashMap::default();
        for v in &ix.vocab {
            *by_spelling.entry(v.tok.raw.as_str()).or_default() += v.postings.len();
        }
        let counts: Vec<usize> = ix
            .vocab
            .iter()
            .map(|v| by_spelling.get(v.tok.raw.as_str()).copied().unwrap_or(0))
            .collect();
        for (v, count) in ix.vocab.iter_mut().zip(counts) {
            v.weight = match v.tok.kind {
                TokKind::Initial => INITIAL_WEIGHT,
                TokKind::Particle => PARTICLE_WEIGHT,
                TokKind::Word => {
                    let idf = ((n + 1.0) / (count as f32 + 1.0)).ln();
                    (idf / norm * 1.1).clamp(0.25, 1.0)
                }
            };
            v.postings.shrink_to_fit();
        }
        ix
    }

    fn intern(&mut self, t: Tok) -> u32 {
        // Original-script tokens and Korean one-letter names are their own entries: the same
        // Latin spelling may stand for another Hangul name or for an initial. So is a spelling
        // in each culture's names: its keys are that culture's readings (Chong in a Korean name
        // is not the Cantonese Chong of a Macau name, whose keys the Korean one would bring).
        let plain_kind = make_tok(&t.raw).kind == t.kind;
        let key: Box<str> = match (&t.orig, plain_kind) {
            (None, true) if t.culture == 0 => t.raw.as_str().into(),
            (orig, _) => format!(
                "{}\u{1}{:?}\u{1}{}\u{1}{}",
                t.raw,
                t.kind,
                orig.as_deref().unwrap_or(""),
                t.culture
            )
            .into(),
        };
        if let Some(&id) = self.interned.get(&key) {
            // The same spelling met in another culture's name brings that culture's keys and
            // readings.
            let (new_keys, new_alts): (Vec<String>, Vec<Tok>) = {
                let v = &self.vocab[id as usize].tok;
                (
                    t.keys
                        .iter()
                        .filter(|k| !v.keys.contains(k))
                        .cloned()
                        .collect(),
                    t.alts
                        .iter()
                        .filter(|a| !v.alts.iter().any(|b| b.raw == a.raw))
                        .cloned()
                        .collect(),
                )
            };
            if !new_keys.is_empty() || !new_alts.is_empty() {
                self.index_extra(id, &new_keys, &new_alts);
                let v = &mut self.vocab[id as usize].tok;
                v.keys.extend(new_keys);
                v.alts.extend(new_alts);
                v.culture |= t.culture;
            }
            return id;
        }
        let id = u32::try_from(self.vocab.len()).unwrap_or(u32::MAX);
        self.interned.insert(key, id);
        if t.kind == TokKind::Word && t.orig.is_none() {
            push_unique(self.by_raw.entry(t.raw.as_str().into()).or_default(), id);
        }
        if t.kind == TokKind::Word {
            self.by_folded
                .entry(t.folded.as_str().into())
                .or_default()
                .push(id);
            if t.skel.len() >= 3 || (t.skel.len() == 2 && !t.abjad) {
                self.by_skel
                    .entry(t.skel.as_str().into())
                    .or_default()
                    .push(id);
            } else if t.skel.len() == 2 {
                self.by_skel2
                    .entry(t.skel.as_str().into())
                    .or_default()
                    .push(id);
            }
            if t.folded.len() >= 4 {
                for d in deletions(&t.folded) {
                    push_unique(self.by_delete.entry(d.into()).or_default(), id);
                }
            }
            if t.raw != t.folded && t.raw.len() >= 4 {
                for d in deletions(&t.raw) {
                    push_unique(self.by_delete.entry(d.into()).or_default(), id);
                }
            }
            self.index_extra(id, &t.keys, &t.alts);
        }
        self.vocab.push(Vocab {
            tok: t,
            weight: 1.0,
            postings: Vec::new(),
        });
        id
    }

    /// Two adjacent list tokens written as one ([`join_toks`]), made once per thread.
    fn joined_pair(&self, a: u32, b: u32) -> std::rc::Rc<Tok> {
        let key = (self.serial, a, b);
        if let Some(t) = JOINED.with(|c| c.borrow().get(&key).cloned()) {
            return t;
        }
        let t = std::rc::Rc::new(join_toks(
            &self.vocab[a as usize].tok,
            &self.vocab[b as usize].tok,
        ));
        JOINED.with(|c| {
            let mut c = c.borrow_mut();
            if c.len() >= 8192 {
                c.clear();
            }
            c.insert(key, t.clone());
        });
        t
    }

    /// Whether a name in Han characters meets a Latin spelling part by part in different
    /// languages: a name is read in one language, so 黃少華 (黃 Ng in Hokkien, 少華 Siu-wah in
    /// Cantonese) is not NG, Siu-wah, nor Yu Yeeman (余 Yu, 姚 Yo in Korean, 綺雯 Yee-man in
    /// Cantonese) 姚綺雯. Pairs that met by a surname group or otherwise than by a reading
    /// (see [`reading_languages`]) agree with every language.
    fn readings_disagree(&self, qt: &[Tok], lt: &[&Vocab], name: &NameRec, pairs: &[Pair]) -> bool {
        let han = |t: &Tok| {
            t.orig
                .as_deref()
                .is_some_and(|o| o.chars().any(crate::romanize::is_han))
        };
        if !qt.iter().any(han) && !lt.iter().any(|v| han(&v.tok)) {
            return false;
        }
        let mut common = ALL_READINGS;
        for p in pairs {
            let [i] = p.q[..] else { continue };
            let joined;
            let l: &Tok = match p.l[..] {
                [j] => &lt[j].tok,
                [j, k] => {
                    joined = self.joined_pair(name.tokens[j], name.tokens[k]);
                    &joined
                }
                _ => continue,
            };
            let langs = match (han(&qt[i]), han(l)) {
                (true, false) => reading_languages(&qt[i], l),
                (false, true) => reading_languages(l, &qt[i]),
                _ => ALL_READINGS,
            };
            common &= langs;
        }
        common == 0
    }

    /// Indexes a token under its romanization keys and its other readings' spellings.
    fn index_extra(&mut self, id: u32, keys: &[String], alts: &[Tok]) {
        for k in keys {
            match k.strip_prefix('~') {
                Some(x) => {
                    self.xkeys = true;
                    push_unique(self.by_xkey.entry(x.into()).or_default(), id);
                }
                None => push_unique(self.by_key.entry(k.as_str().into()).or_default(), id),
            }
        }
        for a in alts {
            push_unique(
                self.by_folded.entry(a.folded.as_str().into()).or_default(),
                id,
            );
            if a.skel.len() >= 3 {
                push_unique(self.by_skel.entry(a.skel.as_str().into()).or_default(), id);
            }
        }
    }

    /// Number of list entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Number of indexed names (primary names and distinct aliases).
    pub fn name_count(&self) -> usize {
        self.names.len()
    }

    /// The list ids, in the order given to [`Index::build`].
    pub fn lists(&self) -> &[String] {
        &self.lists
    }

    /// Screens several queries across all cores; the results are in query order.
    pub fn search_many(&self, queries: &[Query], opts: &SearchOptions) -> Vec<Vec<Match>> {
        // Names share their words (a population holds its common given and family names many
        // times over): each worker keeps the candidates of the words it has looked up.
        queries
            .par_iter()
            .map_init(CandCache::default, |cache, q| {
                self.search_with(q, opts, Some(cache))
            })
            .collect()
    }

    /// Screens one query: matches at or above `opts.threshold`, best first, at most one per
    /// list entry and at most `opts.limit`.
    pub fn search(&self, q: &Query, opts: &SearchOptions) -> Vec<Match> {
        self.search_with(q, opts, None)
    }

    fn search_with(
        &self,
        q: &Query,
        opts: &SearchOptions,
        mut cache: Option<&mut CandCache>,
    ) -> Vec<Match> {
        // Names are short; a query of kilobytes is an abuse, not a name.
        let name = match q.name.char_indices().nth(MAX_QUERY_CHARS) {
            Some((cut, _)) => &q.name[..cut],
            None => q.name.as_str(),
        };
        let mut qt = tokens(name);
        qt.truncate(MAX_QUERY_TOKENS);
        if qt.is_empty() || opts.limit == 0 {
            return Vec::new();
        }
        let threshold = opts.threshold as f32;
        // Candidate vocabulary per query token, with similarities.
        let mut cands: Vec<Vec<(u32, f32, MatchHow)>> = Vec::with_capacity(qt.len());
        let mut qw: Vec<f32> = Vec::with_capacity(qt.len());
        for t in &qt {
            let c = if t.kind == TokKind::Word {
                self.similar_vocab_cached(t, true, cache.as_deref_mut())
            } else {
                Vec::new()
            };
            let w = match t.kind {
                TokKind::Initial => INITIAL_WEIGHT,
                TokKind::Particle => PARTICLE_WEIGHT,
                TokKind::Word => c
                    .iter()
                    .max_by(|a, b| a.1.total_cmp(&b.1))
                    .map(|(v, _, _)| self.vocab[*v as usize].weight)
                    .unwrap_or(1.0),
            };
            cands.push(c);
            qw.push(w);
        }
        // Two adjacent query tokens written as one in the list (Kim Jong Un / Kim Jongun): the
        // joined form's similar vocabulary, found through the same keys as single tokens, so
        // that the alignment pairs only what the candidate search reached.
        let split_cands: Vec<Vec<(u32, f32, MatchHow)>> = (0..qt.len().saturating_sub(1))
            .map(|i| {
                let joined = join_toks(&qt[i], &qt[i + 1]);
                // One edit at most: two in a joined form are as often another name.
                let mut c = self.similar_vocab_cached(&joined, false, cache.as_deref_mut());
                c.retain(|(v, _, _)| self.vocab[*v as usize].tok.kind == TokKind::Word);
                c
            })
            .collect();
        // One query token written as two in the list (Abdulrahman / Abdul Rahman): the keys of
        // joined list pairs it may meet, itself and its single deletions.
        let merged_keys: Vec<rustc_hash::FxHashSet<String>> = qt
            .iter()
            .map(|t| {
                if t.kind != TokKind::Word {
                    return Default::default();
                }
                let mut keys = vec![t.folded.clone()];
                if t.folded.len() >= 4 {
                    keys.extend(deletions(&t.folded));
                }
                // Its keys as a joined pair meets them: a plain key meets the pair's plain and
                // cross keys, a cross key only the pair's plain keys (see `keys_meet`).
                for k in &t.keys {
                    match k.strip_prefix('~') {
                        Some(x) => keys.push(x.to_owned()),
                        None => {
                            if !spelling_only_key(k) {
                                keys.push(k.clone());
                            }
                            if self.xkeys {
                                keys.push(format!("~{k}"));
                            }
                        }
                    }
                }
                // Its other readings (Mohammadbagher / Mohammad-Baqer) and, in Arabic script,
                // its consonants.
                keys.extend(t.alts.iter().map(|a| a.folded.clone()));
                if t.abjad {
                    keys.extend(pair_skeleton_key(t));
                    // ... and its other readings' (محمدجواد read mhmdjwad, Mohammad-Javad).
                    for a in &t.alts {
                        if let Some(k) = pair_skeleton_key(a)
                            && !keys.contains(&k)
                        {
                            keys.push(k);
                        }
                    }
                } else {
                    // ... and a reading without short vowels (a Tajik word's) likewise.
                    for a in t.alts.iter().filter(|a| a.abjad) {
                        if let Some(k) = pair_skeleton_key(a)
                            && !keys.contains(&k)
                        {
                            keys.push(k);
                        }
                    }
                }
                keys.into_iter().collect()
            })
            .collect();
        let prep = Prepared {
            qt: &qt,
            qw: &qw,
            cands: &cands,
            split_cands: &split_cands,
            merged_keys: &merged_keys,
        };

        // Names reachable from any query token and the bound on what each token brings, in
        // the thread's scratch (indexed by name, no hashing), which is left clear.
        let reached: Vec<(u32, Reach)> = SCRATCH.with(|scratch| {
            let mut scratch = scratch.borrow_mut();
            let Scratch { reach, touched } = &mut *scratch;
            // Left clear by every search, unless one unwound half-way.
            for &n in touched.iter() {
                reach[n as usize] = Reach::NONE;
            }
            touched.clear();
            if reach.len() < self.names.len() {
                reach.resize(self.names.len(), Reach::NONE);
            }
            self.reach(&prep, reach, touched);
            let out = touched
                .iter()
                .map(|&n| (n, std::mem::replace(&mut reach[n as usize], Reach::NONE)))
                .collect();
            touched.clear();
            out
        });

        let q_nonword = qt.iter().any(|t| t.kind != TokKind::Word);
        let mut best: HashMap<u32, (f32, f32, u32, Alignment)> = HashMap::default();
        for (name_idx, r) in &reached {
            let name_idx = *name_idx;
            let name = &self.names[name_idx as usize];
            // score = M / (F + P) ≤ M / (M + P): M is at most the sum of the per-token bounds,
            // and every query token that can pair with nothing costs at least 0.35 of its
            // weight (its full weight unless two tokens pair).
            let (extra_bits, extra) = if q_nonword || name.nonword {
                self.nonword_bound(&prep, name)
            } else {
                (0, 0.0)
            };
            let bits = r.bits | extra_bits;
            let m = r.sum + r.best + extra;
            let paired = bits.count_ones();
            let discount = if paired >= 2 { MISSING_DISCOUNT } else { 1.0 };
            let unpaired: f32 = (0..qt.len())
                .filter(|i| bits & (1 << i) == 0)
                .map(|i| qw[i])
                .sum();
            let bound = m / (m + discount * unpaired);
            // The margin covers the rounding of the score to three decimals.
            if bound + MAX_BONUS + 0.001 < threshold {
                continue;
            }
            let al = self.align(&prep, name);
            if al.score + MAX_BONUS + 0.001 < threshold {
                continue;
            }
            let entry = &self.entries[name.entry as usize].entry;
            let (adj, _, _) = evidence(q, entry);
            let total = (al.score + adj).clamp(0.0, 1.0);
            // Compared as returned, to three decimals: every entry whose score reads at or
            // above the threshold is returned.
            if round3(total) < opts.threshold {
                continue;
            }
            let slot = best
                .entry(name.entry)
                .or_insert((f32::MIN, 0.0, name_idx, al.clone()));
            // Ties go to the first name, so that the answer does not depend on the order the
            // names were reached in.
            if total > slot.0 || (total == slot.0 && name_idx < slot.2) {
                *slot = (total, al.score, name_idx, al);
            }
        }
        let mut found: Vec<(u32, (f32, f32, u32, Alignment))> = best.into_iter().collect();
        found.sort_by(|a, b| b.1.0.total_cmp(&a.1.0).then(a.0.cmp(&b.0)));
        found.truncate(opts.limit);
        found
            .into_iter()
            .map(|(entry_idx, (total, _, name_idx, al))| {
                self.explain(q, &qt, entry_idx, name_idx, total, &al)
            })
            .collect()
    }

    /// Names reachable from any query token, with an upper bound on what each query token can
    /// bring to their score: sim·(w_q + w_l) of its best candidate in that name, the list side's
    /// weight counted twice for a merged pair. Touches for one query token come in a row, so the
    /// best per token is kept while they last and then added. `reach` is indexed by name and
    /// `touched` lists the names touched, first touch first.
    fn reach(&self, prep: &Prepared, reach: &mut [Reach], touched: &mut Vec<u32>) {
        let Prepared {
            qt,
            qw,
            cands,
            split_cands,
            merged_keys,
        } = *prep;
        let mut touch = |name: u32, i: usize, c: f32| {
            let e = &mut reach[name as usize];
            if e.bits == 0 {
                touched.push(name);
            }
            if e.cur == i {
                e.best = e.best.max(c);
            } else {
                e.sum += e.best;
                e.cur = i;
                e.best = c;
                e.bits |= 1 << i;
            }
        };
        for i in 0..qt.len() {
            for &(v, s, _) in &cands[i] {
                let c = s * (qw[i] + self.vocab[v as usize].weight);
                for &name in &self.vocab[v as usize].postings {
                    touch(name, i, c);
                }
            }
            for key in &merged_keys[i] {
                if let Some(names) = self.by_pair.get(key.as_str()) {
                    for &name in names {
                        touch(name, i, qw[i] + 2.0);
                    }
                }
            }
            // A split pair's value sim·(w_i + w_i+1 + w_l) is shared out between its two
            // query tokens: the list weight goes with the first.
            if let Some(sc) = split_cands.get(i) {
                for &(v, s, _) in sc {
                    let c = s * (qw[i] + self.vocab[v as usize].weight);
                    for &name in &self.vocab[v as usize].postings {
                        touch(name, i, c);
                    }
                }
            }
            if let Some(sc) = i.checked_sub(1).and_then(|p| split_cands.get(p)) {
                for &(v, s, _) in sc {
                    for &name in &self.vocab[v as usize].postings {
                        touch(name, i, s * qw[i]);
                    }
                }
            }
        }
    }

    /// [`Index::similar_vocab`], through `cache` when there is one.
    fn similar_vocab_cached(
        &self,
        t: &Tok,
        deep: bool,
        cache: Option<&mut CandCache>,
    ) -> Vec<(u32, f32, MatchHow)> {
        let Some(cache) = cache else {
            return self.similar_vocab(t, deep);
        };
        let key = cand_key(t, deep);
        if let Some(c) = cache.0.get(&key) {
            return c.clone();
        }
        let c = self.similar_vocab(t, deep);
        cache.0.insert(key, c.clone());
        c
    }

    /// Vocabulary tokens similar to `t`, found through the four keys; `deep` lets a long token
    /// that found nothing look two edits away.
    fn similar_vocab(&self, t: &Tok, deep: bool) -> Vec<(u32, f32, MatchHow)> {
        SEEN.with(|seen| {
            let mut seen = seen.borrow_mut();
            let words = self.vocab.len().div_ceil(64);
            if seen.len() < words {
                seen.resize(words, 0);
            }
            let ids = IdSet {
                ids: Vec::new(),
                seen: &mut seen,
            };
            self.similar_vocab_in(t, deep, ids)
        })
    }

    fn similar_vocab_in(&self, t: &Tok, deep: bool, mut ids: IdSet) -> Vec<(u32, f32, MatchHow)> {
        ids.add(self.by_folded.get(t.folded.as_str()).map(Vec::as_slice));
        if t.skel.len() >= 3 {
            ids.add(self.by_skel.get(t.skel.as_str()).map(Vec::as_slice));
        } else if t.skel.len() == 2 {
            // Two-consonant skeletons: Arabic script against Latin spellings only (by_skel2
            // holds the Arabic-script tokens, by_skel the Latin ones).
            let other = if t.abjad {
                &self.by_skel
            } else {
                &self.by_skel2
            };
            ids.add(other.get(t.skel.as_str()).map(Vec::as_slice));
        }
        if t.folded.len() >= 3 {
            ids.add(self.by_delete.get(t.folded.as_str()).map(Vec::as_slice));
        }
        // One buffer for the single deletions, which are looked up and dropped.
        let mut d = String::with_capacity(t.raw.len().max(t.folded.len()));
        if t.folded.len() >= 4 {
            for i in 0..t.folded.len() {
                deletion_into(&t.folded, i, &mut d);
                ids.add(self.by_folded.get(d.as_str()).map(Vec::as_slice));
                ids.add(self.by_delete.get(d.as_str()).map(Vec::as_slice));
            }
        }
        if t.raw.len() >= 4 {
            let unfolded = t.raw != t.folded;
            if unfolded {
                ids.add(self.by_delete.get(t.raw.as_str()).map(Vec::as_slice));
            }
            for i in 0..t.raw.len() {
                deletion_into(&t.raw, i, &mut d);
                ids.add(self.by_raw.get(d.as_str()).map(Vec::as_slice));
                if unfolded {
                    ids.add(self.by_delete.get(d.as_str()).map(Vec::as_slice));
                }
            }
        }
        for k in &t.keys {
            match k.strip_prefix('~') {
                Some(x) => ids.add(self.by_key.get(x).map(Vec::as_slice)),
                None => {
                    if !spelling_only_key(k) {
                        ids.add(self.by_key.get(k.as_str()).map(Vec::as_slice));
                    }
                    ids.add(self.by_xkey.get(k.as_str()).map(Vec::as_slice));
                }
            }
        }
        for a in &t.alts {
            ids.add(self.by_folded.get(a.folded.as_str()).map(Vec::as_slice));
            // An Arabic-script word's other readings meet Latin spellings by two consonants as
            // the word itself does (معاوية read mawya, Muawiya).
            if a.skel.len() >= 3 || t.abjad && a.skel.len() == 2 {
                ids.add(self.by_skel.get(a.skel.as_str()).map(Vec::as_slice));
            }
        }
        // Fallback for long tokens that found nothing: two deletions on the query side, which
        // with the index's one reaches the two-edit budget of tokens over ten letters.
        if deep && ids.is_empty() && t.raw.len() > 10 {
            for form in [&t.folded, &t.raw] {
                for d in deletions(form) {
                    for dd in deletions(&d) {
                        ids.add(self.by_delete.get(dd.as_str()).map(Vec::as_slice));
                    }
                }
            }
        }
        ids.finish()
            .into_iter()
            .filter_map(|id| {
                let (s, how) = token_sim(t, &self.vocab[id as usize].tok);
                (s >= MIN_TOKEN_SIM).then_some((id, s, how))
            })
            .collect()
    }

    /// What query tokens outside word-to-word pairs (initials, particles, and words against a
    /// list's initials or particles) can bring to a name's score, by the alignment's own rules:
    /// the tokens that can pair and the sum of their best sim·(w_q + w_l).
    fn nonword_bound(&self, prep: &Prepared, name: &NameRec) -> (u32, f32) {
        let mut bits = 0u32;
        let mut sum = 0.0;
        for (i, q) in prep.qt.iter().enumerate() {
            let mut best = 0.0f32;
            for &lid in name.tokens.iter() {
                let l = &self.vocab[lid as usize];
                if let Some(s) = nonword_sim(q, &l.tok) {
                    best = best.max(s * (prep.qw[i] + l.weight));
                }
            }
            if best > 0.0 {
                bits |= 1 << i;
                sum += best;
            }
        }
        (bits, sum)
    }

    /// The best alignment of the query with a name: token by token first, and where two
    /// adjacent query tokens written as one meet a token of the name, also with those split
    /// pairs placed first (Chi-lo CHI / QI, Qiluo, where chi alone would take the surname).
    fn align(&self, prep: &Prepared, name: &NameRec) -> Alignment {
        let plain = self.align_with(prep, name, false);
        let splits = prep
            .split_cands
            .iter()
            .any(|sc| sc.iter().any(|(v, _, _)| name.tokens.contains(v)));
        if splits {
            let split_first = self.align_with(prep, name, true);
            if split_first.score > plain.score {
                return split_first;
            }
        }
        plain
    }

    fn align_with(&self, prep: &Prepared, name: &NameRec, splits_first: bool) -> Alignment {
        let Prepared {
            qt,
            qw,
            cands,
            split_cands,
            merged_keys,
        } = *prep;
        let lt: Vec<&Vocab> = name
            .tokens
            .iter()
            .map(|&id| &self.vocab[id as usize])
            .collect();
        let mut options: Vec<(usize, usize, f32, MatchHow)> = Vec::new();
        for (i, q) in qt.iter().enumerate() {
            for (j, (&lid, l)) in name.tokens.iter().zip(&lt).enumerate() {
                let found = match (q.kind, l.tok.kind) {
                    (TokKind::Word, TokKind::Word) => cands[i]
                        .iter()
                        .find(|(v, _, _)| *v == lid)
                        .map(|(_, s, h)| (*s, *h)),
                    _ => nonword_sim(q, &l.tok).map(|s| {
                        let how = if s == INITIAL_SIM {
                            MatchHow::Initial
                        } else {
                            MatchHow::Exact
                        };
                        (s, how)
                    }),
                };
                if let Some((s, h)) = found {
                    options.push((i, j, s, h));
                }
            }
        }
        // Best first; between near equals a family name before a given name, so that a
        // surname meets the surname and the given name's syllables stay free to be joined
        // (Jeong Cheoljeong / CHONG, Chol jong).
        let family = |j: usize| {
            roles_apply_of(&self.entries[name.entry as usize].entry)
                && matches!(name.roles[j], Role::Family)
        };
        options.sort_by(|a, b| {
            let wa = a.2 * (qw[a.0] + lt[a.1].weight);
            let wb = b.2 * (qw[b.0] + lt[b.1].weight);
            let (ba, bb) = ((wa * 20.0).round(), (wb * 20.0).round());
            bb.total_cmp(&ba)
                .then(family(b.1).cmp(&family(a.1)))
                .then(wb.total_cmp(&wa))
        });
        let mut q_used = vec![false; qt.len()];
        let mut l_used = vec![false; lt.len()];
        let mut pairs: Vec<Pair> = Vec::new();
        if splits_first {
            // Each split pair that meets a token of the name, the best first; not across the
            // query's family name and another part (Song yong YI is not Yongyi Song).
            let family = |i: usize| qt[i].role == Role::Family;
            let mut splits: Vec<(usize, usize, f32)> = Vec::new();
            for (i, sc) in split_cands.iter().enumerate() {
                if family(i) != family(i + 1) {
                    continue;
                }
                for &(v, s, _) in sc {
                    for (j, &lid) in name.tokens.iter().enumerate() {
                        if lid == v {
                            splits.push((i, j, s));
                        }
                    }
                }
            }
            splits.sort_by(|a, b| b.2.total_cmp(&a.2));
            for (i, j, s) in splits {
                if !q_used[i] && !q_used[i + 1] && !l_used[j] {
                    q_used[i] = true;
                    q_used[i + 1] = true;
                    l_used[j] = true;
                    pairs.push(Pair {
                        q: vec![i, i + 1],
                        l: vec![j],
                        sim: s * 0.98,
                        how: MatchHow::Split,
                    });
                }
            }
        }
        for (i, j, s, h) in options {
            if !q_used[i] && !l_used[j] {
                q_used[i] = true;
                l_used[j] = true;
                pairs.push(Pair {
                    q: vec![i],
                    l: vec![j],
                    sim: s,
                    how: h,
                });
            }
        }
        // A query token paired alone with a list token that it and its neighbour written as one
        // meet better (Chang Ho / Changho, where chang alone is a typo of changho): the pair
        // becomes a split, and the neighbour is matched too.
        for p in pairs.iter_mut() {
            if p.q.len() != 1 || p.l.len() != 1 {
                continue;
            }
            let (i, j) = (p.q[0], p.l[0]);
            let lid = name.tokens[j];
            for i0 in [i.checked_sub(1), Some(i)].into_iter().flatten() {
                if i0 + 1 >= qt.len() {
                    continue;
                }
                let other = if i0 == i { i + 1 } else { i0 };
                if q_used[other] || qt[other].kind != TokKind::Word {
                    continue;
                }
                if let Some(&(_, s, _)) = split_cands[i0].iter().find(|(v, _, _)| *v == lid)
                    && s * 0.98 > p.sim
                {
                    q_used[other] = true;
                    *p = Pair {
                        q: vec![i0, i0 + 1],
                        l: vec![j],
                        sim: s * 0.98,
                        how: MatchHow::Split,
                    };
                    break;
                }
            }
        }
        // ... and a list token paired alone with a query token that it and its neighbour
        // written as one meet better (Aliakbar / Ali Akbar, where akbar alone is taken for a
        // shortened aliakbar): the pair becomes a merged one, and the neighbour is matched too.
        for p in pairs.iter_mut() {
            if p.q.len() != 1 || p.l.len() != 1 {
                continue;
            }
            let (i, j) = (p.q[0], p.l[0]);
            if qt[i].kind != TokKind::Word {
                continue;
            }
            for j0 in [j.checked_sub(1), Some(j)].into_iter().flatten() {
                if j0 + 1 >= lt.len() {
                    continue;
                }
                let other = if j0 == j { j + 1 } else { j0 };
                if l_used[other]
                    || lt[j0].tok.kind != TokKind::Word
                    || lt[j0 + 1].tok.kind != TokKind::Word
                {
                    continue;
                }
                let joined = self.joined_pair(name.tokens[j0], name.tokens[j0 + 1]);
                if !pair_reached(&merged_keys[i], &qt[i], &joined) {
                    continue;
                }
                let (s, _) = token_sim(&qt[i], &joined);
                if s >= MIN_TOKEN_SIM && s * 0.98 > p.sim {
                    l_used[other] = true;
                    *p = Pair {
                        q: vec![i],
                        l: vec![j0, j0 + 1],
                        sim: s * 0.98,
                        how: MatchHow::Merged,
                    };
                    break;
                }
            }
        }
        // One token on one side for two adjacent tokens on the other.
        for i in 0..qt.len() {
            if q_used[i] || qt[i].kind != TokKind::Word {
                continue;
            }
            for j in 0..lt.len().saturating_sub(1) {
                if l_used[j]
                    || l_used[j + 1]
                    || lt[j].tok.kind == TokKind::Initial
                    || lt[j + 1].tok.kind == TokKind::Initial
                {
                    continue;
                }
                let joined = self.joined_pair(name.tokens[j], name.tokens[j + 1]);
                if !pair_reached(&merged_keys[i], &qt[i], &joined) {
                    continue;
                }
                let (s, _) = token_sim(&qt[i], &joined);
                if s >= MIN_TOKEN_SIM {
                    q_used[i] = true;
                    l_used[j] = true;
                    l_used[j + 1] = true;
                    pairs.push(Pair {
                        q: vec![i],
                        l: vec![j, j + 1],
                        sim: s * 0.98,
                        how: MatchHow::Merged,
                    });
                    break;
                }
            }
        }
        for j in 0..lt.len() {
            if l_used[j] || lt[j].tok.kind != TokKind::Word {
                continue;
            }
            for i in 0..qt.len().saturating_sub(1) {
                if q_used[i] || q_used[i + 1] {
                    continue;
                }
                let lid = name.tokens[j];
                let found = split_cands[i].iter().find(|(v, _, _)| *v == lid);
                if let Some(&(_, s, _)) = found {
                    q_used[i] = true;
                    q_used[i + 1] = true;
                    l_used[j] = true;
                    pairs.push(Pair {
                        q: vec![i, i + 1],
                        l: vec![j],
                        sim: s * 0.98,
                        how: MatchHow::Split,
                    });
                    break;
                }
            }
        }

        let strong = pairs
            .iter()
            .filter(|p| {
                p.how != MatchHow::Initial && p.q.iter().all(|&i| qt[i].kind == TokKind::Word)
            })
            .count();
        if strong == 0 || self.readings_disagree(qt, &lt, name, &pairs) {
            return Alignment::default();
        }
        let roles_apply = matches!(
            self.entries[name.entry as usize].entry.kind,
            EntityKind::Person | EntityKind::Unknown
        );
        if roles_apply && surname_differs(qt, &q_used, &lt, &name.roles, &l_used) {
            return Alignment::default();
        }
        let mut matched = 0.0;
        let mut full = 0.0;
        for p in &pairs {
            let w: f32 = p.q.iter().map(|&i| qw[i]).sum::<f32>()
                + p.l.iter().map(|&j| lt[j].weight).sum::<f32>();
            matched += p.sim * w;
            full += w;
        }
        // Unpaired tokens. Essential ones (the first given name; the family name when no family
        // token is paired, or when it is only a guess and fewer than three parts agree) count
        // double. The rest conflict in pairs (both sides have something else) or are missing.
        let mut penalty = 0.0;
        let mut essential = 0;
        // (weight, share counted when only one side lacks it)
        let mut side = |roles: Vec<(Role, f32, bool)>, out: &mut Vec<(f32, f32)>| {
            let family_paired = roles.iter().any(|(r, _, used)| *used && *r == Role::Family);
            for (role, w, used) in roles {
                if used {
                    continue;
                }
                match role {
                    Role::Lead => {}
                    Role::Family if !family_paired => {}
                    // Perhaps a second surname left out, perhaps another family name.
                    Role::FamilyGuess => {
                        out.push((w, FAMILY_GUESS_DISCOUNT));
                        continue;
                    }
                    Role::Family | Role::Middle => {
                        out.push((w, MISSING_DISCOUNT));
                        continue;
                    }
                }
                penalty += 2.0 * w.max(CONFLICT_FLOOR);
                essential += 1;
            }
        };
        let mut uq: Vec<(f32, f32)> = Vec::new();
        let mut ul: Vec<(f32, f32)> = Vec::new();
        // An English given name beside a Chinese name in Hong Kong's (or Singapore's) spelling
        // whose every part is met, and not as a typo (Peter HO Ka-fai, HO Ka-fai Peter, as
        // Hong Kong writes names), is a name added, not another person's: it counts as a
        // middle name.
        let dialect = |culture: u8| culture & (CANTONESE | HOKKIEN) != 0;
        // (A surname and a given name of two syllables at least: YOUNG, Emily is no Hong Kong
        // name with Elizabeth added.)
        let words = |n: usize| n >= 3;
        let q_dialect = (0..qt.len()).any(|i| q_used[i] && dialect(qt[i].culture))
            && words(qt.iter().filter(|t| t.kind == TokKind::Word).count());
        let l_dialect = (0..lt.len()).any(|j| l_used[j] && dialect(lt[j].tok.culture))
            && words(lt.iter().filter(|v| v.tok.kind == TokKind::Word).count());
        let q_whole = q_used.iter().all(|u| *u);
        let l_whole = (0..lt.len()).all(|j| l_used[j] || lt[j].tok.kind != TokKind::Word);
        let spelled = pairs.iter().all(|p| p.how != MatchHow::Typo);
        let added = |t: &Tok, other: bool, role: Role| {
            if other && spelled && roles_apply && added_given_name(t) {
                Role::Middle
            } else {
                role
            }
        };
        side(
            (0..qt.len())
                .map(|i| {
                    let role = added(&qt[i], l_whole && l_dialect, qt[i].role);
                    (role, qw[i], q_used[i])
                })
                .collect(),
            &mut uq,
        );
        side(
            (0..lt.len())
                .map(|j| {
                    let role = if roles_apply {
                        added(&lt[j].tok, q_whole && q_dialect, name.roles[j])
                    } else {
                        Role::Middle
                    };
                    (role, lt[j].weight, l_used[j])
                })
                .collect(),
            &mut ul,
        );
        uq.sort_by(|a, b| b.0.total_cmp(&a.0));
        ul.sort_by(|a, b| b.0.total_cmp(&a.0));
        let conflicts = uq.len().min(ul.len());
        let anchored = strong >= 2;
        for list in [&uq, &ul] {
            for (k, (w, share)) in list.iter().enumerate() {
                penalty += if k < conflicts {
                    w.max(CONFLICT_FLOOR)
                } else if anchored {
                    w * share
                } else {
                    *w
                };
            }
        }
        Alignment {
            score: matched / (full + penalty),
            pairs,
            q_used,
            l_used,
            conflicts,
            essential,
        }
    }

    fn explain(
        &self,
        q: &Query,
        qt: &[Tok],
        entry_idx: u32,
        name_idx: u32,
        total: f32,
        al: &Alignment,
    ) -> Match {
        let rec = &self.entries[entry_idx as usize];
        let name = &self.names[name_idx as usize];
        let lt: Vec<&Vocab> = name
            .tokens
            .iter()
            .map(|&id| &self.vocab[id as usize])
            .collect();
        let qw_of = |i: usize| match qt[i].kind {
            TokKind::Initial => INITIAL_WEIGHT,
            TokKind::Particle => PARTICLE_WEIGHT,
            TokKind::Word => 1.0,
        };
        let _ = qw_of;
        let tokens: Vec<TokenMatch> = al
            .pairs
            .iter()
            .map(|p| TokenMatch {
                query: p
                    .q
                    .iter()
                    .map(|&i| qt[i].raw.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
                list: p
                    .l
                    .iter()
                    .map(|&j| lt[j].tok.raw.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
                similarity: round3(p.sim),
                how: p.how,
                weight: round3(p.l.iter().map(|&j| lt[j].weight).sum::<f32>()),
            })
            .collect();
        let unmatched_query_tokens: Vec<String> = (0..qt.len())
            .filter(|&i| !al.q_used.get(i).copied().unwrap_or(false))
            .map(|i| qt[i].raw.clone())
            .collect();
        let unmatched_list_tokens: Vec<String> = (0..lt.len())
            .filter(|&j| !al.l_used.get(j).copied().unwrap_or(false))
            .map(|j| lt[j].tok.raw.clone())
            .collect();
        let (_, birth_date, nationality) = evidence(q, &rec.entry);
        let mut adjustments = Vec::new();
        for ev in [&birth_date, &nationality].into_iter().flatten() {
            if ev.1 != 0.0 {
                adjustments.push(Adjustment {
                    reason: ev.0.detail.clone(),
                    delta: round3(ev.1),
                });
            }
        }
        let mut summary = format!(
            "{} of {} query tokens matched \"{}\"",
            al.pairs.iter().map(|p| p.q.len()).sum::<usize>(),
            qt.len(),
            name.text
        );
        let how: Vec<String> = tokens
            .iter()
            .map(|t| match t.how {
                MatchHow::Exact => format!("{} exactly", t.query),
                MatchHow::Transliterated => {
                    format!("{} as a spelling variant of {}", t.query, t.list)
                }
                MatchHow::Typo => format!("{} as a typo of {}", t.query, t.list),
                MatchHow::Initial => format!("{} as the initial of {}", t.query, t.list),
                MatchHow::Merged => format!("{} as {} written together", t.query, t.list),
                MatchHow::Split => format!("{} as {} written apart", t.query, t.list),
            })
            .collect();
        if !how.is_empty() {
            summary.push_str(&format!(" ({})", how.join(", ")));
        }
        if al.essential > 0 {
            summary.push_str(&format!(
                "; {} first or family name(s) unmatched, which counts double",
                al.essential
            ));
        }
        if al.conflicts > 0 {
            summary.push_str(&format!(
                "; {} name part(s) differ on both sides",
                al.conflicts
            ));
        }
        let missing = (unmatched_query_tokens.len() + unmatched_list_tokens.len())
            .saturating_sub(2 * al.conflicts + al.essential);
        if missing > 0 {
            summary.push_str(&format!(
                "; {missing} name part(s) present on one side only (a middle name or patronymic, weighed lightly when two parts match)"
            ));
        }
        for a in &adjustments {
            summary.push_str(&format!("; {} ({:+.2})", a.reason, a.delta));
        }
        let explanation = Explanation {
            summary,
            normalized_query: qt
                .iter()
                .map(|t| t.raw.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            normalized_name: lt
                .iter()
                .map(|t| t.tok.raw.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            tokens,
            unmatched_query_tokens,
            unmatched_list_tokens,
            birth_date: birth_date.map(|e| e.0),
            nationality: nationality.map(|e| e.0),
            name_score: round3(al.score),
            adjustments,
        };
        Match {
            list: self.lists[rec.list as usize].clone(),
            entry_id: rec.entry.entry_id.clone(),
            name: rec.entry.name.clone(),
            matched_name: name.text.to_string(),
            score: round3(total),
            explanation,
            topics: rec.entry.risk_topics(),
            datasets: rec.entry.datasets.clone(),
        }
    }
}

fn round3(x: f32) -> f64 {
    (f64::from(x) * 1000.0).round() / 1000.0
}

/// A query as the search prepares it: tokens, weights and candidate vocabulary.
#[derive(Clone, Copy)]
struct Prepared<'a> {
    qt: &'a [Tok],
    qw: &'a [f32],
    /// Per query token: similar list tokens.
    cands: &'a [Vec<(u32, f32, MatchHow)>],
    /// Per adjacent query pair (i, i+1): list tokens similar to the two written as one.
    split_cands: &'a [Vec<(u32, f32, MatchHow)>],
    /// Per query token: the folded keys of adjacent list pairs it may stand for.
    merged_keys: &'a [rustc_hash::FxHashSet<String>],
}

/// A name reached by the candidate search: which query tokens reached it and an upper bound on
/// what they bring (`sum` of finished tokens plus `best` of the token `cur` being touched).
#[derive(Clone, Copy)]
struct Reach {
    bits: u32,
    sum: f32,
    cur: usize,
    best: f32,
}

impl Reach {
    const NONE: Reach = Reach {
        bits: 0,
        sum: 0.0,
        cur: usize::MAX,
        best: 0.0,
    };
}

/// How a pair outside word-to-word pairs compares in the alignment: an initial against a word
/// that starts with it, otherwise the same folded spelling.
fn nonword_sim(q: &Tok, l: &Tok) -> Option<f32> {
    match (q.kind, l.kind) {
        (TokKind::Word, TokKind::Word) => None,
        (TokKind::Initial, TokKind::Word) | (TokKind::Word, TokKind::Initial) => {
            (q.raw.as_bytes().first() == l.raw.as_bytes().first()).then_some(INITIAL_SIM)
        }
        _ => (q.folded == l.folded).then_some(1.0),
    }
}

#[derive(Debug, Clone, Default)]
struct Pair {
    q: Vec<usize>,
    l: Vec<usize>,
    sim: f32,
    how: MatchHow,
}

#[derive(Debug, Clone, Default)]
struct Alignment {
    score: f32,
    pairs: Vec<Pair>,
    q_used: Vec<bool>,
    l_used: Vec<bool>,
    conflicts: usize,
    essential: usize,
}

/// Similarity of tokens that share a romanization key (Jeong-eun / Jong Un, Tse-tung / Zedong,
/// Lee / Rhee).
const KEY_SIM: f32 = 0.92;

/// Similarity of two tokens and how they met; 0 when they are not the same name.
pub(crate) fn token_sim(a: &Tok, b: &Tok) -> (f32, MatchHow) {
    // Original scripts are compared as written, without the typo tolerance meant for Latin
    // words: one different Hangul syllable or Han character is another name.
    if let (Some(x), Some(y)) = (&a.orig, &b.orig) {
        return if x == y {
            (1.0, MatchHow::Exact)
        } else {
            (0.0, MatchHow::Typo)
        };
    }
    let mut best = spelling_sim(a, b);
    // Between two Korean names' tokens the Korean key decides: a spelling that only folds
    // alike (Yeom and Eom, both eom once the leading y of Yevgeny is dropped) is another name
    // (not where either name may be Chinese, whose syllables the key does not read).
    if best.1 == MatchHow::Transliterated
        && a.culture & b.culture & KOREAN != 0
        && (a.culture | b.culture) & CHINESE == 0
        && korean_keys_differ(a, b)
    {
        best = (0.0, MatchHow::Typo);
    }
    // Between two Chinese names' surname spellings the surname groups decide: spellings that
    // fold alike in no group together are other families (Yu 余 and Yiu 姚). (A typo may still
    // drop a letter: Lang for Liang.)
    // (A Korean name has its key for it.)
    if best.1 == MatchHow::Transliterated
        && !korean_only(a)
        && !korean_only(b)
        && a.culture & SURNAME_CULTURES != 0
        && b.culture & SURNAME_CULTURES != 0
        && chinese_surnames_differ(a, b)
    {
        best = (0.0, MatchHow::Typo);
    }
    // ... and a letter added or dropped at the start makes another surname, not a typo (Huang
    // and Chuang, Ang and Tang): a typo keeps a name's first letter more often than not.
    if best.1 == MatchHow::Typo
        && a.culture & SURNAME_CULTURES != 0
        && b.culture & SURNAME_CULTURES != 0
        && (a.raw.len().abs_diff(b.raw.len()) == 1)
        && (a.raw.get(1..) == Some(b.raw.as_str()) || b.raw.get(1..) == Some(a.raw.as_str()))
        && chinese_surnames_differ(a, b)
    {
        best = (0.0, MatchHow::Typo);
    }
    if best.0 >= 0.95 {
        return best;
    }
    // Two Arabic-script spellings: the same letters or another name (کاظمی is not قاسمی).
    if a.abjad
        && b.abjad
        && a.alts
            .iter()
            .chain(&b.alts)
            .all(|x| x.raw != a.raw && x.raw != b.raw)
    {
        return (0.0, MatchHow::Typo);
    }
    // In a Chinese name one letter for another is most often another syllable, another
    // character (Rongwen / Rongwei): between two Chinese names' tokens a typo may swap, add or
    // drop a letter but not replace one.
    // The same holds in Korean names (Chia / Chil).
    if best.1 == MatchHow::Typo
        && a.culture & b.culture & (CHINESE | KOREAN) != 0
        && (one_substitution(a.raw.as_bytes(), b.raw.as_bytes())
            || one_substitution(a.folded.as_bytes(), b.folded.as_bytes()))
    {
        best = (0.0, MatchHow::Typo);
    }
    // In a Korean name a consonant added or dropped before a vowel makes another syllable too
    // (Hyeonu / Hyeonsu, Ukjae / Mukjae); not where the name may be Chinese as well, whose
    // syllables a typo leaves recognisable (Taohui / Taohlui).
    if best.1 == MatchHow::Typo
        && a.culture & b.culture & KOREAN != 0
        && (a.culture | b.culture) & CHINESE == 0
        && (one_consonant_more(a.raw.as_bytes(), b.raw.as_bytes())
            || one_consonant_more(a.folded.as_bytes(), b.folded.as_bytes()))
    {
        best = (0.0, MatchHow::Typo);
    }
    // A name written in Hangul or Han characters is spelled exactly: against a Latin spelling
    // it meets as a romanization, never as a typo (홍묵재 is not Hong Ukjae).
    let one_orig = a.orig.is_some() != b.orig.is_some();
    if best.1 == MatchHow::Typo && one_orig {
        best = (0.0, MatchHow::Typo);
    }
    if best.0 < KEY_SIM && keys_meet(a, b) {
        best = (KEY_SIM, MatchHow::Transliterated);
    }
    // Other readings meet by spelling or transliteration, not by typo.
    let alt = |x: &Tok, y: &Tok| {
        let (s, how) = spelling_sim(x, y);
        // Not a typo between two Chinese names' tokens (Rongwen / Rongwei), nor against a
        // name written in Hangul or Han characters.
        let typo_ok = how != MatchHow::Typo || a.culture & b.culture & CHINESE == 0 && !one_orig;
        // Nor a reading with Arabic's vowels put in that meets by its consonants alone: that
        // is a second transliteration on top of the first (Hussein read Husayn is not Hasan).
        let loose = how == MatchHow::Transliterated
            && s < 0.95
            && (x.vowelled || y.vowelled)
            && !x.abjad
            && !y.abjad;
        if s >= 0.95 || (s >= 0.90 && typo_ok && !loose) {
            s.min(0.95)
        } else if short_abjad_variant(x, y) {
            // Another reading of a word in Arabic script that leaves it two consonants meets
            // as the word itself would.
            0.85
        } else {
            0.0
        }
    };
    for x in &a.alts {
        let s = alt(x, b);
        if s > best.0 {
            best = (s, MatchHow::Transliterated);
        }
    }
    for y in &b.alts {
        let s = alt(a, y);
        if s > best.0 {
            best = (s, MatchHow::Transliterated);
        }
    }
    best
}

/// The languages a word of Han characters is read in ([`reading_languages`]): Mandarin,
/// Cantonese, Hokkien, Korean.
const ALL_READINGS: u8 = 0b1111;

/// The languages in whose reading a word of Han characters `h` meets a Latin spelling `l`: by a
/// Mandarin key (`z:`), or a cross key in Cantonese (`y:`), Hokkien (`h:`) or Korean (`k:`,
/// `ks:`). Meeting only by a surname group (`zs:`, whose spellings are of every language) or
/// otherwise (the same spelling) agrees with every language; a surname that a group holds in
/// another language's spelling meets in that language only (黃 Ng is Hokkien). So does a
/// reading whose spelling is close to the Mandarin one's (蘇 Su, Macau's Sou).
fn reading_languages(h: &Tok, l: &Tok) -> u8 {
    let mut m = 0;
    for k in &h.keys {
        let (key, cross) = match k.strip_prefix('~') {
            Some(x) => (x, true),
            None => (k.as_str(), false),
        };
        if !l.keys.iter().any(|y| y == key) {
            continue;
        }
        m |= match key.split_once(':').map(|(p, _)| p) {
            Some("z") => 0b0001,
            Some("y") if cross => 0b0010,
            Some("h") if cross => 0b0100,
            Some("k" | "ks") if cross => 0b1000,
            _ => 0,
        };
    }
    if m == 0 || spelling_sim(h, l).0 >= 0.9 {
        ALL_READINGS
    } else {
        m
    }
}

/// Whether a token may be a Western given name added to a Chinese name: a Latin word of three
/// letters or more that is no Chinese surname and not made of Cantonese or Hokkien syllables
/// (Doris, Clement, Queenie), in a name not itself in those spellings (the added name makes it
/// none).
fn added_given_name(t: &Tok) -> bool {
    use crate::romanize::{self, Dialect};
    t.kind == TokKind::Word
        && t.orig.is_none()
        && t.raw.len() >= 3
        && t.culture & (CANTONESE | HOKKIEN) == 0
        && romanize::chinese_surnames(&t.raw).is_empty()
        && Dialect::ALL
            .iter()
            .all(|d| !romanize::dialect_shaped(*d, &d.key(&t.raw)))
}

/// The culture bits of Chinese and Korean names, in any spelling.
const SURNAME_CULTURES: u8 = CHINESE | KOREAN | CANTONESE | HOKKIEN;

/// Whether a Chinese or Korean listed name's surname is left unpaired while the query holds a
/// Chinese or Korean word of its own: in these names the surname is the family, and a namesake
/// carrying the listed given name under another family's surname is another person (余綺雯 /
/// Yu Yeeman against YIU, Yee-man; 黃少華 against NG, Siu-wah).
fn surname_differs(
    qt: &[Tok],
    q_used: &[bool],
    lt: &[&Vocab],
    roles: &[Role],
    l_used: &[bool],
) -> bool {
    let family = |j: usize| roles.get(j) == Some(&Role::Family);
    let listed = (0..lt.len()).any(|j| family(j) && lt[j].tok.culture & SURNAME_CULTURES != 0);
    listed
        && !(0..lt.len()).any(|j| family(j) && l_used[j])
        && (0..qt.len()).any(|i| {
            !q_used[i] && qt[i].kind == TokKind::Word && qt[i].culture & SURNAME_CULTURES != 0
        })
}

fn roles_apply_of(e: &ListEntry) -> bool {
    matches!(e.kind, EntityKind::Person | EntityKind::Unknown)
}

/// Whether two tokens share a romanization key: the same plain key, or a cross key (written
/// with `~` before it) on one side that is a plain key of the other, a Latin spelling. A cross
/// key is a reading that meets only a spelling as written, never another reading: a Han word's
/// Cantonese reading meets a Hong Kong spelling, a Hong Kong spelling read as Mandarin meets
/// pinyin; two Hong Kong spellings do not meet through their Mandarin readings, nor a Hong Kong
/// spelling Han characters through theirs (the characters' own Cantonese reading decides).
///
/// Korean keys do not count against a word of Han characters: its keys are those of its
/// Mandarin reading, which is no Korean spelling (郭 guo is not Goh, whose Korean key it
/// shares).
fn keys_meet(a: &Tok, b: &Tok) -> bool {
    let han = |t: &Tok| {
        t.orig
            .as_deref()
            .is_some_and(|o| o.chars().any(crate::romanize::is_han))
    };
    let korean_too = !han(a) && !han(b);
    let cross = |a: &Tok, b: &Tok| {
        b.orig.is_none()
            && a.keys.iter().any(|k| {
                k.strip_prefix('~')
                    .is_some_and(|x| b.keys.iter().any(|y| y == x))
            })
    };
    a.keys.iter().any(|k| {
        !k.starts_with('~')
            && !spelling_only_key(k)
            && (korean_too || !k.starts_with('k'))
            && b.keys.contains(k)
    }) || cross(a, b)
        || cross(b, a)
}

/// Whether a key is a Latin spelling's key in a Chinese language (Cantonese `y:`, Hokkien
/// `h:`), there only to be met by a Han word's reading in that language (a cross key): two
/// spellings do not meet by it (Tseng and Cheng are one key in Cantonese, not one name).
fn spelling_only_key(k: &str) -> bool {
    k.starts_with("y:") || k.starts_with("h:")
}

/// Whether a token is of a name Korean in shape and not Chinese in any spelling.
fn korean_only(t: &Tok) -> bool {
    t.culture & KOREAN != 0 && t.culture & (CHINESE | CANTONESE | HOKKIEN) == 0
}

/// Whether two tokens are both Chinese surname spellings of the tables (`zs:` keys, plain or
/// cross) in no group together and share no other key.
fn chinese_surnames_differ(a: &Tok, b: &Tok) -> bool {
    fn groups(t: &Tok) -> Vec<&str> {
        t.keys
            .iter()
            .filter_map(|k| k.strip_prefix('~').unwrap_or(k).strip_prefix("zs:"))
            .collect()
    }
    let (x, y) = (groups(a), groups(b));
    !x.is_empty() && !y.is_empty() && !x.iter().any(|g| y.contains(g)) && !keys_meet(a, b)
}

/// Whether two tokens both have Korean keys and share none.
fn korean_keys_differ(a: &Tok, b: &Tok) -> bool {
    let k = |t: &Tok| t.keys.iter().filter(|k| k.starts_with("k:")).count();
    k(a) > 0
        && k(b) > 0
        && !a
            .keys
            .iter()
            .filter(|x| x.starts_with("k:") || x.starts_with("ks:"))
            .any(|x| b.keys.contains(x))
}

/// Whether one spelling is the other with one consonant more that begins a syllable (before a
/// vowel: Hyeon-su / Hyeon-u; not Myong / Myog, a typo in the syllable's end).
fn one_consonant_more(a: &[u8], b: &[u8]) -> bool {
    let (long, short) = if a.len() > b.len() { (a, b) } else { (b, a) };
    if long.len() != short.len() + 1 {
        return false;
    }
    let i = long
        .iter()
        .zip(short)
        .position(|(x, y)| x != y)
        .unwrap_or(short.len());
    let vowel = |c: Option<&u8>| matches!(c, Some(b'a' | b'e' | b'i' | b'o' | b'u' | b'y'));
    !vowel(long.get(i)) && vowel(long.get(i + 1)) && long[i + 1..] == short[i..]
}

/// Whether two spellings differ in exactly one letter replaced by another.
fn one_substitution(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).filter(|(x, y)| x != y).count() == 1
}

/// Similarity of two spellings: the same, a transliteration variant, or a typo.
fn spelling_sim(a: &Tok, b: &Tok) -> (f32, MatchHow) {
    if a.raw == b.raw {
        return (1.0, MatchHow::Exact);
    }
    if a.folded == b.folded {
        return (0.95, MatchHow::Transliterated);
    }
    let max = a
        .folded
        .len()
        .max(b.folded.len())
        .max(a.raw.len().max(b.raw.len()));
    let first = |t: &Tok| t.raw.as_bytes().first().copied();
    let vowel = |c: Option<u8>| matches!(c, Some(b'a' | b'e' | b'i' | b'o' | b'u' | b'y'));
    let same_first = first(a) == first(b)
        || a.folded.as_bytes().first() == b.folded.as_bytes().first()
        || (vowel(first(a)) && vowel(first(b)));
    // Edits allowed: none for short tokens (Li/Lu, Ali/Ari are other names), one up to ten
    // letters (and not in the first letter below six: Wang/Kang, Song/Jong), then two. Two
    // edits in a name of ten letters or fewer are as often another name (Guanghong,
    // Guangguang) as a typo.
    let budget = match max {
        0..=3 => 0,
        4..=5 if !same_first => 0,
        4..=10 => 1,
        _ => 2,
    };
    // Typos are counted on the folded and on the plain spelling, whichever is closer: folding
    // can turn a one-letter typo into two (Kahlil/Khalil).
    let limit = budget.max(2);
    let d = osa_distance(a.folded.as_bytes(), b.folded.as_bytes(), limit).min(osa_distance(
        a.raw.as_bytes(),
        b.raw.as_bytes(),
        limit,
    ));
    // Arabic script leaves short names few letters: one more or less is another name there
    // (سعيد is Saeed, not Saad).
    let short_abjad = (a.abjad || b.abjad) && max <= 4;
    // A final i after a consonant is the nisba, which makes another name of a name (Sharif /
    // Sharifi, Ibrahim / Ebrahimi): not a typo.
    let nisba = |x: &str, y: &str| {
        x.len() >= 4
            && y.strip_suffix('i') == Some(x)
            && !matches!(x.as_bytes()[x.len() - 1], b'a' | b'e' | b'i' | b'o' | b'u')
    };
    let nisba = nisba(&a.folded, &b.folded) || nisba(&b.folded, &a.folded);
    let typo = match d {
        _ if d > budget || short_abjad || nisba => 0.0,
        1 if max >= 6 => 0.90,
        1 => 0.85,
        2 => 0.82,
        3 => 0.78,
        _ => 0.0,
    };
    // The same consonant skeleton: a transliteration variant when one side was written in
    // Arabic script (its long vowels reappearing in the other), or when both are close, start alike and have as many vowel groups
    // (Mohammed/Muhammad, Ubaydi/Obeidi); not for names whose few consonants agree by chance
    // (Haiyong/Hong, Emre/Omer, Jaber/Jabouri).
    if a.skel == b.skel
        && a.skel.len() >= 3
        && typo < 0.90
        && ((a.abjad && vowels_within(&a.folded, &b.folded))
            || (b.abjad && vowels_within(&b.folded, &a.folded))
            || (same_first
                && d <= 2
                && max >= 6
                && a.folded.len().abs_diff(b.folded.len()) <= 1
                && vowel_groups(&a.folded) == vowel_groups(&b.folded)
                && plain_skeleton(&a.raw) == plain_skeleton(&b.raw)))
    {
        return (0.90, MatchHow::Transliterated);
    }
    // Short Arabic names whose script leaves two consonants (سعد, Saad): the same skeleton,
    // less sure.
    if typo < 0.85 && short_abjad_variant(a, b) {
        return (0.85, MatchHow::Transliterated);
    }
    // A difference that comes from reading Arabic script is a transliteration, not a typo.
    let how = if a.abjad || b.abjad {
        MatchHow::Transliterated
    } else {
        MatchHow::Typo
    };
    (typo, how)
}

/// A word in Arabic script whose two consonants are those of a Latin spelling, its long vowels
/// in place (سعد, Saad; معاوية read mawya, Muawiya).
fn short_abjad_variant(a: &Tok, b: &Tok) -> bool {
    a.skel == b.skel
        && a.skel.len() == 2
        && a.abjad != b.abjad
        && ((a.abjad && vowels_within(&a.folded, &b.folded))
            || (b.abjad && vowels_within(&b.folded, &a.folded)))
}

/// The long vowels Arabic script writes must reappear in the Latin spelling at about the same
/// place among the consonants: محمود (mhmud) is Mahmoud (mahmud), not Mohammed (mohamed), whose
/// third vowel is an `e`. `o` counts as `u` and `e` as `i` (Dosari, Hussein).
fn vowels_within(abjad: &str, other: &str) -> bool {
    // A final i after a consonant in the Latin spelling (the nisba: Sharifi) is a yeh the
    // script writes (شريفي), never one it leaves out (شريف is Sharif).
    let o = other.as_bytes();
    if o.len() >= 3
        && o[o.len() - 1] == b'i'
        && !matches!(o[o.len() - 2], b'a' | b'e' | b'i' | b'o' | b'u')
        && !abjad.ends_with('i')
    {
        return false;
    }
    // The last letter is left out: a final yeh is read "a" as often as "i" in Persian (مجتبی,
    // Mojtaba).
    let body = abjad.get(..abjad.len().saturating_sub(1)).unwrap_or("");
    let theirs = vowel_slots(other);
    vowel_slots(body)
        .into_iter()
        .all(|(slot, v)| theirs.iter().any(|(s, w)| *w == v && s.abs_diff(slot) <= 1))
}

/// Each vowel after the first letter with the number of consonants before it.
fn vowel_slots(s: &str) -> Vec<(usize, u8)> {
    let is_vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    let mut out = Vec::new();
    let mut consonants = 0;
    for (i, c) in s.bytes().enumerate() {
        if is_vowel(c) {
            if i > 0 {
                out.push((
                    consonants,
                    match c {
                        b'o' => b'u',
                        b'e' => b'i',
                        c => c,
                    },
                ));
            }
        } else {
            consonants += 1;
        }
    }
    out
}

/// The skeleton of the unfolded spelling, so that folding (gh→g) cannot make two different
/// consonant sequences agree (Guanghong, Guangguang).
fn plain_skeleton(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.chars().enumerate() {
        let vowel = matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
        if (i > 0 && vowel) || out.ends_with(c) {
            continue;
        }
        out.push(if vowel { 'a' } else { c });
    }
    out
}

fn vowel_groups(s: &str) -> usize {
    let mut groups = 0;
    let mut in_vowel = false;
    for c in s.bytes() {
        let v = matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
        if v && !in_vowel {
            groups += 1;
        }
        in_vowel = v;
    }
    groups
}

/// Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions), giving
/// up with `usize::MAX` once it exceeds `limit`.
fn osa_distance(a: &[u8], b: &[u8], limit: usize) -> usize {
    if a.len().abs_diff(b.len()) > limit {
        return usize::MAX;
    }
    let n = b.len();
    if n + 1 > OSA_ROW {
        return usize::MAX;
    }
    // Three rows on the stack: this runs for every candidate token of every query.
    let mut prev2 = [0usize; OSA_ROW];
    let mut prev = [0usize; OSA_ROW];
    let mut cur = [0usize; OSA_ROW];
    for (j, p) in prev.iter_mut().enumerate().take(n + 1) {
        *p = j;
    }
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=n {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > limit {
            return usize::MAX;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    let d = prev[n];
    if d > limit { usize::MAX } else { d }
}

/// Longest token pair compared, plus one: tokens are cut at [`crate::normalize::MAX_TOKEN`]
/// letters and a merged pair is two of them.
const OSA_ROW: usize = 2 * crate::normalize::MAX_TOKEN + 2;

type Weighed = Option<(Evidence, f32)>;

/// Birth date and nationality evidence for one entry: the total adjustment and each piece.
fn evidence(q: &Query, e: &ListEntry) -> (f32, Weighed, Weighed) {
    let dob = q.birth_date.map(|qd| birth_evidence(qd, &e.birth_dates));
    let nat = q
        .nationality
        .as_deref()
        .filter(|n| !n.trim().is_empty())
        .map(|n| nationality_evidence(n, &e.nationalities));
    let total = dob.as_ref().map_or(0.0, |d| d.1) + nat.as_ref().map_or(0.0, |n| n.1);
    (total, dob, nat)
}

fn birth_evidence(qd: PartialDate, listed: &[PartialDate]) -> (Evidence, f32) {
    if listed.is_empty() {
        return (
            Evidence {
                kind: EvidenceKind::Unknown,
                detail: "the list gives no date of birth".into(),
            },
            0.0,
        );
    }
    let mut best: Option<(Evidence, f32)> = None;
    for &ld in listed {
        let (kind, delta, detail) = compare_dates(qd, ld);
        let better = best.as_ref().is_none_or(|b| delta > b.1);
        if better {
            best = Some((Evidence { kind, detail }, delta));
        }
    }
    best.unwrap_or((
        Evidence {
            kind: EvidenceKind::Unknown,
            detail: String::new(),
        },
        0.0,
    ))
}

fn compare_dates(q: PartialDate, l: PartialDate) -> (EvidenceKind, f32, String) {
    let gap = (q.year - l.year).abs();
    if gap == 0 {
        let conflict =
            |a: Option<u8>, b: Option<u8>| matches!((a, b), (Some(x), Some(y)) if x != y);
        if !conflict(q.month, l.month) && !conflict(q.day, l.day) {
            return (
                EvidenceKind::Supports,
                0.05,
                format!("date of birth {q} agrees with the listed {l}"),
            );
        }
        if q.month.is_some() && q.month == l.day && q.day == l.month {
            return (
                EvidenceKind::Supports,
                0.03,
                format!("date of birth {q} is the listed {l} with day and month swapped"),
            );
        }
        return (
            EvidenceKind::Unknown,
            0.0,
            format!("year of birth agrees with the listed {l}, day or month differ"),
        );
    }
    if gap == 1 {
        return (
            EvidenceKind::Unknown,
            0.0,
            format!(
                "date of birth {q} is one year from the listed {l}, tolerated as a recording error"
            ),
        );
    }
    let delta = if gap <= 5 { -0.10 } else { -0.20 };
    (
        EvidenceKind::Contradicts,
        delta,
        format!("date of birth {q} is {gap} years from the listed {l}"),
    )
}

fn nationality_evidence(qn: &str, listed: &[String]) -> (Evidence, f32) {
    if listed.is_empty() {
        return (
            Evidence {
                kind: EvidenceKind::Unknown,
                detail: "the list gives no nationality".into(),
            },
            0.0,
        );
    }
    let code = country_code(qn)
        .map(str::to_owned)
        .unwrap_or_else(|| qn.trim().to_uppercase());
    if listed.iter().any(|l| l.eq_ignore_ascii_case(&code)) {
        (
            Evidence {
                kind: EvidenceKind::Supports,
                detail: format!("nationality {code} is listed"),
            },
            0.03,
        )
    } else {
        (
            Evidence {
                kind: EvidenceKind::Contradicts,
                detail: format!(
                    "nationality {code} is not among the listed {}",
                    listed.join(", ")
                ),
            },
            -0.05,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::tokens;

    fn sim(a: &str, b: &str) -> (f32, MatchHow) {
        let (a, b) = (&tokens(a)[0], &tokens(b)[0]);
        token_sim(a, b)
    }

    #[test]
    fn transliteration_variants_are_near_and_marked_as_such() {
        for (a, b) in [
            ("Mohammed", "Muhammad"),
            ("Yevgeny", "Evgeniy"),
            ("Khalid", "Halid"),
            ("محمد", "Mohamed"),
            ("محمود", "Mahmoud"),
            ("Ubaydi", "Obeidi"),
        ] {
            let (s, how) = sim(a, b);
            assert!(s >= 0.9, "{a}/{b}: {s}");
            assert_eq!(how, MatchHow::Transliterated, "{a}/{b}");
        }
    }

    #[test]
    fn names_whose_consonants_agree_by_chance_are_not_variants() {
        for (a, b) in [
            ("محمود", "Mohammed"),
            ("Emre", "Omer"),
            ("Haiyong", "Hong"),
            ("Jaber", "Jabouri"),
            ("Guangguang", "Guanghong"),
            ("Wang", "Kang"),
            ("Li", "Lu"),
        ] {
            let (s, _) = sim(a, b);
            assert!(s < MIN_TOKEN_SIM, "{a}/{b}: {s}");
        }
    }

    #[test]
    fn a_nisba_is_another_name_not_a_typo() {
        assert!(sim("Sharif", "Sharifi").0 < MIN_TOKEN_SIM);
        assert!(sim("Ibrahim", "Ibrahimi").0 < MIN_TOKEN_SIM);
        assert!(sim("Karimi", "Karimy").0 >= 0.9);
        // ... also against Arabic script, which writes the nisba's yeh.
        assert!(sim("Sharifi", "شريف").0 < MIN_TOKEN_SIM);
        assert!(sim("Sharifi", "شريفي").0 >= 0.9);
    }

    #[test]
    fn typo_budget_grows_with_length() {
        assert_eq!(sim("Smith", "Smiht").1, MatchHow::Typo);
        assert!(sim("Smith", "Smiht").0 >= 0.85);
        assert!(
            sim("Richardson", "Rihcardsno").0 < MIN_TOKEN_SIM,
            "two edits in ten letters"
        );
        assert!(
            sim("Aleksandrovich", "Aleksamdrovih").0 >= 0.8,
            "two edits in fourteen letters"
        );
    }

    #[test]
    fn osa_distance_counts_transpositions_once_and_gives_up_past_the_limit() {
        assert_eq!(osa_distance(b"abcd", b"abdc", 2), 1);
        assert_eq!(osa_distance(b"kitten", b"sitting", 3), 3);
        assert_eq!(osa_distance(b"kitten", b"sitting", 2), usize::MAX);
        assert_eq!(osa_distance(b"", b"abc", 3), 3);
    }

    fn top(list: &[&str], query: &str) -> Option<(String, f64)> {
        let index = Index::build([(
            "l".to_string(),
            list.iter()
                .enumerate()
                .map(|(k, n)| ListEntry::new(k.to_string(), EntityKind::Person, *n))
                .collect(),
        )]);
        index
            .search(&Query::name(query), &SearchOptions::default())
            .into_iter()
            .next()
            .map(|m| (m.matched_name, m.score))
    }

    #[test]
    fn a_given_name_written_in_syllables_is_aligned_before_its_syllables_alone() {
        // Taiwan order, the surname's spelling also a given-name syllable's.
        assert!(top(&["QI, Qiluo"], "Chi-lo CHI").is_some());
        assert!(top(&["QIN, Junze"], "Chun-tse CHIN").is_some());
        assert!(top(&["HAO, Qianyi"], "Chien-i HAO").is_some());
        assert!(top(&["HAO, Qianyi"], "Hao Ch'ien-i").is_some());
        // Not across the family name: Song yong YI is not Yongyi Song.
        assert!(top(&["SONG, Yong u"], "Song yong YI").is_none());
    }

    #[test]
    fn other_readings_of_a_two_consonant_arabic_word_meet_as_the_word_does() {
        // معاوية: و after ا is a consonant, ية is -iya or -iyah.
        assert!(top(&["AL-AJMI, Muawiyah Qutaybah"], "معاوية العجمي").is_some());
        assert!(top(&["AJMI, Muawiya"], "معاوية العجمي").is_some());
        assert!(top(&["AJMI, Mahmud"], "معاوية العجمي").is_none());
        // A compound written as one word meets the list's two parts by another reading's
        // consonants (و read w).
        assert!(top(&["ZARIF, Mohammad-Javad"], "محمدجواد ظریف").is_some());
    }

    #[test]
    fn a_reading_with_arabic_vowels_put_in_does_not_meet_by_consonants_alone() {
        assert!(top(&["Hassan Abdulrahman Ghanem"], "Hussein Ghanem").is_none());
        assert!(top(&["HAMDAN, Shawqi Thunayyan"], "Shawki Thoneian Hamdan").is_some());
        assert!(top(&["ZURAYQ, Asim Qutaybah"], "Asem Koteiba Zoreik").is_some());
    }

    #[test]
    fn hangul_meets_a_latin_spelling_as_a_romanization_not_as_a_typo() {
        assert!(top(&["HONG, Ukjae"], "홍욱재").is_some());
        // One Hangul letter apart (묵 / 욱) is another name.
        assert!(top(&["HONG, Ukjae"], "홍묵재").is_none());
        // One letter replaced in a Korean name is another syllable (Chia / Chil).
        assert!(top(&["JANG, Chil Pok"], "Chia Ch'ang").is_none());
        assert!(top(&["JANG, Chil Pok"], "Chang Chil-bok").is_some());
        // ... nor a spelling that folds alike with another Korean key (Yeom / Eom).
        assert!(top(&["EOM, Byeongdeok"], "염병덕").is_none());
        assert!(top(&["EOM, Byeongdeok"], "Yeom Byeongdeok").is_none());
        assert!(top(&["EOM, Byeongdeok"], "엄병덕").is_some());
        // ... and one consonant more (Hyeonsu / Hyeonu).
        assert!(top(&["JEON, Hyeonu"], "Jeon Hyeonsu").is_none());
        assert!(top(&["HONG, Ukjae"], "Mukjae Hong").is_none());
    }

    #[test]
    fn very_long_queries_are_cut_rather_than_slowing_the_index() {
        let index = Index::build([(
            "l".to_string(),
            vec![ListEntry::new("1", EntityKind::Person, "John Smith")],
        )]);
        let long = format!("John Smith {}", "x".repeat(100_000));
        let m = index.search(
            &Query::name(long),
            &SearchOptions {
                threshold: 0.0,
                limit: 5,
            },
        );
        assert_eq!(m.len(), 1);
    }
}
