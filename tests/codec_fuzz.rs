//! Fuzzing the stored progress: whatever sits under the progress key (random bytes, cut-off
//! JSON, JSON of the wrong shape, other apps' values, huge strings, future formats, every older
//! format in `tests/fixtures/`), decoding never panics, old formats migrate without losing an
//! answer, and anything unusable is kept aside under the backup key and reported, so the saved
//! value is never lost. Deterministic: a fixed corpus and a property test from a fixed seed.
// Native only: proptest is a native-only dev-dependency (Cargo.toml), and the fixtures are
// read from disk.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeMap;
use std::io::Write as _;

use common::{DECK, EDITED_DECK, TOPIC_DECK};
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{RngAlgorithm, RngSeed};
use quizdeck::codec::{
    decode, encode, import, ImportError, Loaded, Unreadable, MAX_IMPORT_BYTES, SCHEMA_VERSION,
};
use quizdeck::deck::{Deck, QuestionKind};
use quizdeck::quiz::{DeckUpdate, Progress};
use quizdeck::quiz::{ReviewLimit, RoundStatus, Screen, Session};
use quizdeck::storage::{Backend, Fault, LoadNotice, MemoryBackend, ProgressStore};
use serde_json::{json, Value};

/// The shipped deck, so the fuzzing also covers real ids, hashes and sizes.
static REAL_DECK: &Deck = &quizdeck::deck::DECK_DJANGO_ASYNC;

const PROPERTY_CASES: u32 = 512;
/// "Now" for the views that depend on the clock (reviews due).
const NOW: u64 = 1_766_000_000_000;
const PROPERTY_SEED: u64 = 0x7175_697a_6465_636b; // "quizdeck"

fn key(deck: &'static Deck) -> String {
    ProgressStore::<MemoryBackend>::new(Err(Fault::Blocked), deck).key()
}

fn backup_key(deck: &'static Deck) -> String {
    ProgressStore::<MemoryBackend>::new(Err(Fault::Blocked), deck).backup_key()
}

/// The backup keys the store tries, in order (it never overwrites an earlier backup).
fn backup_slot(deck: &'static Deck, n: usize) -> String {
    match n {
        0 => backup_key(deck),
        n => format!("{}:{}", backup_key(deck), n + 1),
    }
}

const BACKUP_SLOTS: usize = 20;

fn preview(raw: &str) -> String {
    let cut: String = raw.chars().take(160).collect();
    format!("{cut:?} ({} bytes)", raw.len())
}

/// Answers the question on screen rightly (every right choice) or wrongly (one wrong choice).
fn answer(session: &mut Session, right: bool, hint: bool, now: u64) {
    let question = session
        .current_question()
        .expect("a question on screen")
        .question;
    if hint {
        session.show_hint();
    }
    if question.kind == QuestionKind::Multiple {
        // Start from nothing selected: selecting toggles on these.
        for id in session.draft().unwrap().selected.clone() {
            session.select(&id);
        }
    }
    let wrong = question.choices.iter().find(|choice| !choice.correct);
    let picks: Vec<&str> = match right {
        true => question.correct_choices().map(|choice| choice.id).collect(),
        false => wrong.map(|choice| choice.id).into_iter().collect(),
    };
    for id in picks {
        // False when it is already the selected one.
        session.select(id);
    }
    assert!(session.check(now));
}

/// The index in [`sample_progress`] of the finished round.
const FINISHED_SAMPLE: usize = 3;

/// Progress in every state the app saves: fresh, mid-question with a selection and the hint,
/// feedback on screen, a finished round with misses, a retry under way, the start screen with
/// a round in progress.
fn sample_progress(deck: &'static Deck) -> Vec<Progress> {
    let mut samples = vec![Progress::default()];
    let mut session = Session::new(deck, Progress::default());
    session.start_over(Some(42));
    let mut now = 1_764_000_000_000;
    answer(&mut session, true, false, now);
    samples.push(session.progress().clone());
    session.next_question();
    session.show_hint();
    let second = session.current_question().unwrap().question;
    session.select(second.choices[0].id);
    samples.push(session.progress().clone());
    let mut right = false;
    while session.current_question().is_some() {
        if session.draft().is_some() {
            now += 60_000;
            answer(&mut session, right, !right, now);
            right = !right;
        }
        session.next_question();
    }
    samples.push(session.progress().clone());
    if session.retry_missed(Some(7)) {
        answer(&mut session, true, false, now + 1);
        samples.push(session.progress().clone());
    }
    session.visit(Screen::Start);
    samples.push(session.progress().clone());
    session.visit(Screen::Settings);
    samples.push(session.progress().clone());
    if session.start_review(Some(11), now + 40 * 86_400_000, ReviewLimit::default()) {
        samples.push(session.progress().clone());
    }
    samples
}

fn fixtures() -> Vec<(String, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut found: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("tests/fixtures")
        .map(|entry| entry.expect("a fixture").path())
        .filter(|path| {
            let name = path.file_name().unwrap().to_string_lossy();
            name.starts_with("progress-v") && name.ends_with(".json")
        })
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (
                name,
                std::fs::read_to_string(&path).expect("a readable fixture"),
            )
        })
        .collect();
    found.sort();
    assert!(!found.is_empty(), "no progress-v*.json fixture");
    found
}

fn deck_named(id: &str) -> &'static Deck {
    [&DECK, &TOPIC_DECK, REAL_DECK]
        .into_iter()
        .find(|deck| deck.id == id)
        .unwrap_or_else(|| panic!("a fixture for an unknown deck {id:?}"))
}

/// Everything that must hold for one stored value, whatever it is.
fn check_value(raw: &str, deck: &'static Deck) -> Result<Loaded, Unreadable> {
    let decoded = std::panic::catch_unwind(|| decode(raw, deck))
        .unwrap_or_else(|_| panic!("decode panicked on {}", preview(raw)));
    if let Ok(loaded) = &decoded {
        check_usable(loaded, deck, raw);
    }
    check_store(raw, deck, &decoded);
    check_other_entries(raw, deck, &decoded);
    decoded
}

/// The other ways a stored or kept string comes in: another tab's save (a `storage` event)
/// and an imported file.
fn check_other_entries(raw: &str, deck: &'static Deck, decoded: &Result<Loaded, Unreadable>) {
    let store = ProgressStore::new(Ok(MemoryBackend::default()), deck);
    let elsewhere = store.saved_elsewhere(Some(&store.key()), Some(raw));
    let expected = decoded.as_ref().ok().map(|loaded| &loaded.progress);
    match (&elsewhere, decoded) {
        (Some(Err(notice)), Err(Unreadable::FutureSchema(_))) => {
            assert_eq!(*notice, LoadNotice::WrittenByNewerVersion);
            assert_eq!(store.save(&Progress::default()), Err(Fault::Protected));
        }
        _ => assert_eq!(
            elsewhere.as_ref().and_then(|theirs| theirs.as_ref().ok()),
            expected,
            "another tab's {}",
            preview(raw)
        ),
    }
    assert_eq!(store.saved_elsewhere(Some("other-key"), Some(raw)), None);
    match import(raw, &[deck]) {
        Ok(imported) => {
            assert_eq!(
                imported.decks.first().map(|(_, loaded)| &loaded.progress),
                expected
            );
            assert_eq!(imported.decks.len(), 1);
        }
        Err(ImportError::TooLarge(size)) => {
            assert!(size > MAX_IMPORT_BYTES && raw.len() > MAX_IMPORT_BYTES)
        }
        Err(ImportError::Unreadable(reason)) => {
            assert!(raw.len() <= MAX_IMPORT_BYTES);
            // The same reason; a damaged value's detail may name another field, since the file
            // was first read as today's export.
            let stored = decoded.as_ref().err();
            match (&reason, stored) {
                (Unreadable::Damaged(_), Some(Unreadable::Damaged(_))) => {}
                _ => assert_eq!(stored, Some(&reason), "{}", preview(raw)),
            }
        }
        Err(ImportError::NoDeckHere(ids)) => match decoded.as_ref().err() {
            // Damaged as well as of another deck (a field's name and the deck's id both hit):
            // the stored value's reader meets the damage first, the file's its deck.
            Some(Unreadable::Damaged(_)) => {}
            stored => assert_eq!(
                stored,
                Some(&Unreadable::OtherDeck(ids.concat())),
                "{}",
                preview(raw)
            ),
        },
        Err(other) => panic!("import of {}: {other:?}", preview(raw)),
    }
}

/// Progress that decodes must be safe to use: every screen renders from it and it round-trips.
fn check_usable(loaded: &Loaded, deck: &'static Deck, raw: &str) {
    let progress = &loaded.progress;
    if let Some(round) = &progress.round {
        assert!(
            round.is_consistent_with(deck),
            "accepted an inconsistent round from {}",
            preview(raw)
        );
        assert!(round.score() <= round.attempts.len() && round.attempts.len() <= round.len());
    }
    let session = Session::new(deck, progress.clone());
    if let Some(card) = session.current_question() {
        assert!(card.position < card.total, "{}", preview(raw));
        assert_eq!(card.choices.len(), card.question.choices.len());
    }
    if let Some(summary) = session.summary() {
        assert!(summary.score <= summary.total, "{}", preview(raw));
    }
    let _ = (session.draft(), session.feedback(), session.last_screen());
    let overview = session.overview(NOW);
    assert!(overview.tallies.deck.right_last_time <= overview.tallies.deck.answered);
    assert!(overview.tallies.deck.answered <= overview.tallies.deck.questions);
    assert!(overview.due <= overview.tallies.deck.answered);
    if let RoundStatus::InProgress { number, total, .. } = overview.round {
        assert!((1..=total).contains(&number), "{}", preview(raw));
    }
    let again = decode(&encode(progress, deck), deck)
        .unwrap_or_else(|reason| panic!("re-encoding {} is unreadable: {reason:?}", preview(raw)));
    assert_eq!(&again.progress, progress, "{}", preview(raw));
    assert_eq!(again.deck_update, DeckUpdate::default());
}

/// The notice a load gives when the deck changed since `loaded` was saved.
fn notice_of(loaded: &Loaded) -> Option<LoadNotice> {
    loaded.deck_update.cost().map(LoadNotice::DeckUpdated)
}

/// Loading the value as the app does: used when readable, left in place and never saved over
/// when a newer version wrote it, otherwise kept aside under the backup key and reported;
/// either way the saved value is never lost.
fn check_store(raw: &str, deck: &'static Deck, decoded: &Result<Loaded, Unreadable>) {
    let (key, backup) = (key(deck), backup_key(deck));
    let backend = MemoryBackend::with(&key, raw);
    let store = ProgressStore::new(Ok(&backend), deck);
    let (progress, notice) = store.load();
    if let Err(Unreadable::FutureSchema(_)) = decoded {
        assert_eq!(progress, Progress::default());
        assert_eq!(notice, Some(LoadNotice::WrittenByNewerVersion));
        let mut session = Session::new(deck, progress);
        session.start_over(Some(3));
        assert_eq!(store.save(session.progress()), Err(Fault::Protected));
        assert_eq!(backend.value(&key).as_deref(), Some(raw));
        assert_eq!(backend.values.borrow().len(), 1, "nothing set aside");
        return;
    }
    match decoded {
        Ok(loaded) => {
            assert_eq!(progress, loaded.progress);
            assert_eq!(notice, notice_of(loaded));
            assert_eq!(backend.values.borrow().len(), 1, "nothing set aside");
        }
        Err(reason) => {
            assert_eq!(progress, Progress::default());
            assert_eq!(
                notice,
                Some(LoadNotice::SetAside {
                    reason: reason.clone(),
                    backup_key: backup.clone()
                }),
                "{}",
                preview(raw)
            );
            assert_eq!(backend.value(&backup).as_deref(), Some(raw));
        }
    }
    assert_eq!(
        backend.value(&key).as_deref(),
        Some(raw),
        "loading changed the saved value"
    );
    let mut session = Session::new(deck, progress);
    session.start_over(Some(3));
    store.save(session.progress()).expect("saving after a load");
    if decoded.is_err() {
        assert_eq!(
            backend.value(&backup).as_deref(),
            Some(raw),
            "saving lost the value kept aside"
        );
    }
    let saved = decode(&backend.value(&key).unwrap(), deck).expect("what was saved loads");
    assert_eq!(&saved.progress, session.progress());
}

/// Counts what was fuzzed, per kind of value.
#[derive(Default)]
struct Tally {
    kinds: BTreeMap<&'static str, usize>,
    checks: usize,
}

impl Tally {
    fn check(
        &mut self,
        kind: &'static str,
        raw: &str,
        deck: &'static Deck,
    ) -> Result<Loaded, Unreadable> {
        *self.kinds.entry(kind).or_default() += 1;
        self.checks += 1;
        check_value(raw, deck)
    }

    fn values(&self) -> usize {
        self.kinds.values().sum()
    }

    fn report(&self, what: &str) {
        let kinds: Vec<String> = self.kinds.iter().map(|(k, n)| format!("{k} {n}")).collect();
        // Straight to stderr so the figure shows without --nocapture.
        let _ = writeln!(
            std::io::stderr(),
            "codec_fuzz: {what}: {} values fuzzed ({})",
            self.values(),
            kinds.join(", ")
        );
    }
}

/// SplitMix64: a tiny deterministic generator for the corpus.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn bytes(&mut self, alphabet: Option<&[u8]>, max_len: usize) -> String {
        let len = self.below(max_len + 1);
        let bytes: Vec<u8> = (0..len)
            .map(|_| match alphabet {
                Some(alphabet) => alphabet[self.below(alphabet.len())],
                None => self.next() as u8,
            })
            .collect();
        String::from_utf8_lossy(&bytes).into_owned()
    }
}

/// Every prefix of `raw` cut at a character boundary, the full value excluded.
fn cuts(raw: &str) -> impl Iterator<Item = &str> {
    raw.char_indices().map(move |(at, _)| &raw[..at])
}

/// At most about `limit` prefixes of `raw`: every cut near either end, evenly spaced between.
fn some_cuts(raw: &str, limit: usize) -> Vec<&str> {
    let all: Vec<&str> = cuts(raw).collect();
    if all.len() <= limit {
        return all;
    }
    let ends = limit / 4;
    let stride = all.len() / (limit - 2 * ends);
    let middle = (ends..all.len() - ends).step_by(stride.max(1));
    (0..ends)
        .chain(middle)
        .chain(all.len() - ends..all.len())
        .map(|i| all[i])
        .collect()
}

/// JSON pointers to every node of `value`, the root excluded.
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    let children: Vec<(String, &Value)> = match value {
        Value::Object(map) => map
            .iter()
            .map(|(k, v)| (k.replace('~', "~0").replace('/', "~1"), v))
            .collect(),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, v)| (i.to_string(), v))
            .collect(),
        _ => Vec::new(),
    };
    for (segment, child) in children {
        let pointer = format!("{at}/{segment}");
        out.push(pointer.clone());
        pointers(child, pointer, out);
    }
}

fn replacements() -> Vec<Value> {
    vec![
        Value::Null,
        json!(true),
        json!(-1),
        json!(1.5),
        json!(u64::MAX),
        json!(""),
        json!("<img src=x onerror=alert(1)>"),
        json!([]),
        json!({}),
        json!([[[[[[[[]]]]]]]]),
        json!({"app": "quizdeck", "schema": 1}),
    ]
}

fn without(value: &Value, pointer: &str) -> Value {
    let mut copy = value.clone();
    let (parent, last) = pointer.rsplit_once('/').unwrap();
    let last = last.replace("~1", "/").replace("~0", "~");
    match copy.pointer_mut(parent) {
        Some(Value::Object(map)) => {
            map.remove(&last);
        }
        Some(Value::Array(items)) => {
            items.remove(last.parse::<usize>().unwrap());
        }
        _ => unreachable!("a pointer's parent is a container"),
    }
    copy
}

/// Valid JSON of the wrong shape: every node of `raw` deleted, or replaced by every kind of
/// JSON value.
fn wrong_shapes(raw: &str) -> Vec<String> {
    some_wrong_shapes(raw, usize::MAX)
}

/// The same for about `limit` of the nodes, evenly spread.
fn some_wrong_shapes(raw: &str, limit: usize) -> Vec<String> {
    let value: Value = serde_json::from_str(raw).expect("a valid sample");
    let mut all = Vec::new();
    pointers(&value, String::new(), &mut all);
    let stride = all.len().div_ceil(limit).max(1);
    let mut out = Vec::new();
    for pointer in all.iter().step_by(stride) {
        out.push(without(&value, pointer).to_string());
        for replacement in replacements() {
            let mut copy = value.clone();
            *copy.pointer_mut(pointer).unwrap() = replacement;
            out.push(copy.to_string());
        }
    }
    out
}

fn with_schema(raw: &str, schema: Value) -> String {
    let mut value: Value = serde_json::from_str(raw).unwrap();
    value["schema"] = schema;
    value.to_string()
}

const OTHER_APPS: &[&str] = &[
    "",
    " ",
    "null",
    "true",
    "0",
    "-0",
    "1e400",
    "\"quizdeck\"",
    "[]",
    "{}",
    "[{\"app\":\"quizdeck\",\"schema\":1}]",
    "{\"todos\":[{\"title\":\"milk\",\"completed\":false}]}",
    "{\"app\":\"todomvc\",\"schema\":1}",
    "{\"app\":\"QuizDeck\",\"schema\":1,\"deck\":\"test-deck\"}",
    "{\"app\":null}",
    "{\"app\":[\"quizdeck\"]}",
    "{\"theme\":\"dark\",\"lang\":\"en\"}",
    "dark",
    "undefined",
    "NaN",
    "[object Object]",
    "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
    "{\"state\":{\"count\":1},\"version\":0}",
    "{\"value\":\"{\\\"app\\\":\\\"quizdeck\\\"}\",\"expires\":1764000000000}",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "\u{feff}{\"app\":\"quizdeck\",\"schema\":1}",
    "{\"app\":\"quizdeck\",\"app\":\"other\",\"schema\":1}",
    "{\"app\":\"quizdeck\"}",
    "{\"app\":\"quizdeck\",\"schema\":0}",
    "{\"app\":\"quizdeck\",\"schema\":-1}",
    "{\"app\":\"quizdeck\",\"schema\":\"1\"}",
    "{\"app\":\"quizdeck\",\"schema\":1.0}",
    "{\"app\":\"quizdeck\",\"schema\":1,\"deck\":\"test-deck\"}",
    "{\"app\":\"quizdeck\",\"schema\":1,\"deck\":\"test-deck\",\"deck_hash\":\"deckhash-1\",\"progress\":null}",
    "{\"app\":\"quizdeck\",\"schema\":1,\"deck\":\"test-deck\",\"deck_hash\":\"deckhash-1\",\"progress\":{}}",
    "\"\\ud800\"",
    "{\"app\":\"quiz\\u0000deck\"}",
];

/// Values far larger or deeper than anything the app writes.
fn huge_values(sample: &str) -> Vec<String> {
    let mut many = Session::new(&DECK, Progress::default());
    let mut now = 0;
    for round in 0..1_000 {
        many.start_over(Some(round));
        while many.current_question().is_some() {
            if many.draft().is_some() {
                now += 1;
                answer(&mut many, round % 3 == 0, round % 2 == 0, now);
            }
            many.next_question();
        }
    }
    let big_history = encode(many.progress(), &DECK);
    // 3,000 attempts: about 40 KB in schema 4's compact history (it was 400 KB in schema 3's).
    assert!(big_history.len() > 30_000, "{} B", big_history.len());
    let mut padded: Value = serde_json::from_str(sample).unwrap();
    padded["padding"] = json!("x".repeat(2_000_000));
    vec![
        "a".repeat(5_000_000),
        format!("\"{}\"", "x".repeat(5_000_000)),
        "[".repeat(100_000),
        format!("{}{}", "[".repeat(127), "]".repeat(127)),
        format!("{}{}", "{\"a\":".repeat(10_000), "}".repeat(10_000)),
        format!(
            "{{\"app\":\"quizdeck\",\"schema\":1,\"progress\":{}{}}}",
            "[".repeat(120),
            "]".repeat(120)
        ),
        format!(
            "{{\"app\":\"quizdeck\",\"schema\":1{}}}",
            ",\"k\":0".repeat(100_000)
        ),
        format!("{{\"app\":\"quizdeck\",\"schema\":{}}}", "9".repeat(10_000)),
        "\u{1F600}".repeat(500_000),
        padded.to_string(),
        big_history,
    ]
}

#[test]
fn a_corpus_of_stored_values_never_panics_and_never_loses_the_saved_value() {
    let mut tally = Tally::default();
    let mut rng = Rng(PROPERTY_SEED);

    // Every cut and every node of one rich value (a finished round and its history); a spread
    // of them for the other states and decks (all of them would take minutes in a debug build).
    for deck in [&DECK, &TOPIC_DECK, REAL_DECK] {
        for (index, progress) in sample_progress(deck).into_iter().enumerate() {
            let rich = index == FINISHED_SAMPLE && deck.id == DECK.id;
            let (cut_limit, node_limit) = if rich {
                (usize::MAX, usize::MAX)
            } else {
                (100, 10)
            };
            let raw = encode(&progress, deck);
            let loaded = tally
                .check("valid", &raw, deck)
                .expect("our own value loads");
            assert_eq!(loaded.progress, progress);
            for cut in some_cuts(&raw, cut_limit) {
                assert_eq!(
                    tally.check("truncated", cut, deck).err(),
                    Some(Unreadable::NotJson)
                );
            }
            for shape in some_wrong_shapes(&raw, node_limit) {
                let _ = tally.check("wrong shape", &shape, deck);
            }
            for schema in (SCHEMA_VERSION + 1..SCHEMA_VERSION + 6).chain([1 << 53, u64::MAX]) {
                assert_eq!(
                    tally
                        .check("future schema", &with_schema(&raw, json!(schema)), deck)
                        .err(),
                    Some(Unreadable::FutureSchema(schema))
                );
            }
            for schema in [
                json!(0),
                json!(-1),
                json!("1"),
                json!(1.0),
                json!(null),
                json!([1]),
            ] {
                assert!(tally
                    .check("unknown schema", &with_schema(&raw, schema), deck)
                    .is_err());
            }
        }
    }

    let sample = encode(&sample_progress(&DECK)[2], &DECK);
    for raw in huge_values(&sample) {
        let _ = tally.check("huge", &raw, &DECK);
    }
    for raw in OTHER_APPS {
        let decoded = tally.check("other apps", raw, &DECK);
        assert!(decoded.is_err(), "accepted {raw:?}");
    }
    for schema in SCHEMA_VERSION + 1..SCHEMA_VERSION + 40 {
        let raw = format!(
            "{{\"app\":\"quizdeck\",\"schema\":{schema},\"progress\":{{\"what\":\"ever\"}}}}"
        );
        assert_eq!(
            tally.check("future schema", &raw, &DECK).err(),
            Some(Unreadable::FutureSchema(schema))
        );
    }
    let json_alphabet = b"{}[]\":,.-+0123456789eEtrufalsn \\/quizdeckschemaprogress";
    for _ in 0..600 {
        let raw = rng.bytes(None, 200);
        let _ = tally.check("random bytes", &raw, &DECK);
    }
    for _ in 0..400 {
        let raw = rng.bytes(Some(json_alphabet), 120);
        let _ = tally.check("random json-ish", &raw, &DECK);
    }
    for _ in 0..300 {
        // A valid value with a few bytes flipped.
        let mut bytes = sample.clone().into_bytes();
        for _ in 0..1 + rng.below(4) {
            let at = rng.below(bytes.len());
            bytes[at] = rng.next() as u8;
        }
        let raw = String::from_utf8_lossy(&bytes).into_owned();
        let _ = tally.check("bit flips", &raw, &DECK);
    }

    tally.report("corpus");
    assert!(tally.values() >= 1_000, "only {} values", tally.values());
}

#[test]
fn every_older_format_migrates_without_losing_an_answer() {
    let mut tally = Tally::default();
    for (name, raw) in fixtures() {
        let value: Value = serde_json::from_str(&raw).expect("a fixture is JSON");
        let deck = deck_named(value["deck"].as_str().expect("a fixture names its deck"));
        let loaded = tally
            .check("fixture", &raw, deck)
            .unwrap_or_else(|reason| panic!("{name} no longer loads: {reason:?}"));
        if let Some(history) = value["progress"]["history"].as_array() {
            assert_eq!(
                loaded.progress.history.len(),
                history.len(),
                "{name} lost answers"
            );
        }
        if value["progress"]["round"].is_object() && !loaded.deck_update.round_closed {
            assert!(loaded.progress.round.is_some(), "{name} lost its round");
        }
        // Migrated progress is written back in the current format.
        let rewritten: Value = serde_json::from_str(&encode(&loaded.progress, deck)).unwrap();
        assert_eq!(rewritten["schema"], json!(SCHEMA_VERSION));
        // The same old value after the deck was edited: every answer stays, those to changed
        // questions uncounted.
        if deck.id == DECK.id {
            let edited = tally.check("fixture, edited deck", &raw, &EDITED_DECK);
            let edited = edited.unwrap_or_else(|r| panic!("{name} on an edited deck: {r:?}"));
            let mut changed: Vec<&str> = loaded
                .progress
                .history
                .iter()
                .filter(|a| a.question_id != "one")
                .map(|a| a.question_id.as_str())
                .collect();
            changed.sort_unstable();
            changed.dedup();
            assert_eq!(
                edited.deck_update.questions_changed,
                changed.len(),
                "{name}: 'two' was reworded and 'three' removed"
            );
            assert_eq!(
                edited.progress.history.len(),
                loaded.progress.history.len(),
                "{name} lost answers on an edited deck"
            );
            assert_eq!(
                edited.deck_update.round_closed,
                loaded.progress.round.is_some() && edited.progress.round.is_none()
            );
            if let Some(round) = &edited.progress.round {
                assert!(round.is_consistent_with(&EDITED_DECK));
                assert!(round.attempts.iter().all(|a| a.question_id == "one"));
            }
            let counted = |progress: &Progress, deck: &'static Deck| -> Vec<&'static str> {
                let session = Session::new(deck, progress.clone());
                session.answered_questions().iter().map(|q| q.id).collect()
            };
            let still_counted: Vec<&str> = counted(&loaded.progress, deck)
                .into_iter()
                .filter(|id| *id == "one")
                .collect();
            assert_eq!(
                counted(&edited.progress, &EDITED_DECK),
                still_counted,
                "{name}: only the unchanged question's answers count"
            );
        }
        for cut in cuts(raw.trim_end()) {
            assert_eq!(
                tally.check("fixture truncated", cut, deck).err(),
                Some(Unreadable::NotJson)
            );
        }
        for shape in wrong_shapes(&raw) {
            let _ = tally.check("fixture wrong shape", &shape, deck);
        }
    }
    tally.report("older formats");
}

/// A backend whose reads of some keys fail, as `getItem` can (a corrupted storage file, a
/// storage partition that is briefly unavailable).
struct UnreadableKeys<'a> {
    inner: &'a MemoryBackend,
    failing: Vec<String>,
}

impl Backend for UnreadableKeys<'_> {
    fn get(&self, key: &str) -> Result<Option<String>, Fault> {
        if self.failing.iter().any(|failing| failing == key) {
            return Err(Fault::Other("NS_ERROR_FILE_CORRUPTED".to_owned()));
        }
        self.inner.get(key)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), Fault> {
        self.inner.set(key, value)
    }
}

#[test]
fn a_saved_value_that_cannot_be_read_right_now_is_not_overwritten() {
    let saved = encode(&sample_progress(&DECK)[FINISHED_SAMPLE], &DECK);
    let memory = MemoryBackend::with(&key(&DECK), &saved);
    let backend = UnreadableKeys {
        inner: &memory,
        failing: vec![key(&DECK)],
    };
    let store = ProgressStore::new(Ok(backend), &DECK);
    let (progress, _notice) = store.load();
    // The app's save effect runs right after loading, with whatever load gave it.
    let _ = store.save(&progress);
    assert_eq!(
        memory.value(&key(&DECK)).as_deref(),
        Some(saved.as_str()),
        "a read failure made the store save fresh progress over the saved value"
    );
}

// ---- the property test ----

fn encoded_samples() -> Vec<String> {
    sample_progress(&DECK)
        .iter()
        .map(|p| encode(p, &DECK))
        .collect()
}

fn json_value() -> impl Strategy<Value = Value> {
    let words = prop::sample::select(vec![
        "a",
        "b",
        "c",
        "d",
        "one",
        "two",
        "three",
        "h1",
        "h2",
        "full",
        "missed",
        "round",
        "start",
        "answering",
        "feedback",
        "finished",
        "quizdeck",
        "test-deck",
        "deckhash-1",
    ]);
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        ".{0,12}".prop_map(Value::from),
        words.prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{1,10}", inner, 0..4)
                .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

/// Anything that might be under the key: arbitrary text, arbitrary bytes, one of our values
/// with a node replaced or some text spliced in, or an envelope from another version or deck.
fn stored_value() -> impl Strategy<Value = String> {
    let samples = encoded_samples();
    let replaced = (
        prop::sample::select(samples.clone()),
        any::<Index>(),
        json_value(),
    )
        .prop_map(|(raw, at, replacement)| {
            let mut value: Value = serde_json::from_str(&raw).unwrap();
            let mut all = Vec::new();
            pointers(&value, String::new(), &mut all);
            let pointer: &String = at.get(&all);
            *value.pointer_mut(pointer).unwrap() = replacement;
            value.to_string()
        });
    let spliced = (
        prop::sample::select(samples),
        any::<Index>(),
        0usize..8,
        ".{0,8}",
    )
        .prop_map(|(raw, at, remove, insert)| {
            let boundaries: Vec<usize> = raw.char_indices().map(|(i, _)| i).collect();
            let start = at.get(&boundaries);
            let end = boundaries
                .iter()
                .copied()
                .find(|&i| i >= start + remove)
                .unwrap_or(raw.len());
            format!("{}{insert}{}", &raw[..*start], &raw[end..])
        });
    let envelope = (any::<u64>(), prop::sample::select(vec!["quizdeck", "test-deck", "other", ""]), json_value())
        .prop_map(|(schema, deck, progress)| {
            json!({"app": "quizdeck", "schema": schema, "deck": deck, "deck_hash": "deckhash-1", "progress": progress})
                .to_string()
        });
    prop_oneof![
        any::<String>(),
        prop::collection::vec(any::<u8>(), 0..300)
            .prop_map(|bytes| String::from_utf8_lossy(&bytes).into_owned()),
        json_value().prop_map(|value| value.to_string()),
        replaced,
        spliced,
        envelope,
    ]
}

fn write_fault() -> impl Strategy<Value = Option<Fault>> {
    prop_oneof![
        3 => Just(None),
        1 => Just(Some(Fault::Full)),
        1 => Just(Some(Fault::Blocked)),
        1 => Just(Some(Fault::Other("NotAllowedError".to_owned()))),
    ]
}

/// The property's runner: a fixed number of cases from a fixed seed, nothing persisted.
fn property_config() -> ProptestConfig {
    ProptestConfig {
        cases: PROPERTY_CASES,
        rng_algorithm: RngAlgorithm::ChaCha,
        rng_seed: RngSeed::Fixed(PROPERTY_SEED),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// What the property draws: a stored value, how many backups already exist, a write fault.
fn property_input() -> impl Strategy<Value = (String, usize, Option<Fault>)> {
    (stored_value(), 0usize..=BACKUP_SLOTS + 1, write_fault())
}

proptest! {
    #![proptest_config(property_config())]

    /// Whatever is stored, however many backups already exist and whether or not writes fail:
    /// loading never panics, never changes what was there, and an unusable value always
    /// survives, under the progress key or a backup key.
    #[test]
    fn loading_any_stored_value_keeps_it(
        (raw, earlier_backups, fault) in property_input(),
    ) {
        let deck: &'static Deck = &DECK;
        let key = key(deck);
        let backend = MemoryBackend::with(&key, &raw);
        for n in 0..earlier_backups {
            backend.values.borrow_mut().insert(backup_slot(deck, n), format!("earlier bad value {n}"));
        }
        *backend.failing_writes.borrow_mut() = fault.clone();
        let before = backend.values.borrow().clone();

        let decoded = std::panic::catch_unwind(|| decode(&raw, deck));
        prop_assert!(decoded.is_ok(), "decode panicked on {}", preview(&raw));
        let decoded = decoded.unwrap();
        let store = ProgressStore::new(Ok(&backend), deck);
        let (progress, notice) = store.load();
        for (k, v) in &before {
            prop_assert_eq!(backend.value(k), Some(v.clone()), "load changed {}", k);
        }
        let mut left_in_place = false;
        match &decoded {
            Ok(loaded) => {
                prop_assert_eq!(&progress, &loaded.progress);
                prop_assert_eq!(&notice, &notice_of(loaded));
                prop_assert_eq!(backend.values.borrow().len(), before.len());
            }
            Err(Unreadable::FutureSchema(_)) => {
                prop_assert_eq!(&progress, &Progress::default());
                prop_assert_eq!(&notice, &Some(LoadNotice::WrittenByNewerVersion));
                prop_assert_eq!(backend.values.borrow().len(), before.len(), "nothing set aside");
                left_in_place = true;
            }
            Err(reason) => {
                prop_assert_eq!(&progress, &Progress::default());
                let free_slot = (earlier_backups < BACKUP_SLOTS && fault.is_none())
                    .then(|| backup_slot(deck, earlier_backups));
                match free_slot {
                    Some(slot) => {
                        prop_assert_eq!(&notice, &Some(LoadNotice::SetAside { reason: reason.clone(), backup_key: slot.clone() }));
                        prop_assert_eq!(backend.value(&slot), Some(raw.clone()));
                    }
                    None => {
                        prop_assert_eq!(&notice, &Some(LoadNotice::LeftInPlace { reason: reason.clone() }));
                        left_in_place = true;
                    }
                }
            }
        }

        let mut session = Session::new(deck, progress);
        session.start_over(Some(9));
        let saved = store.save(session.progress());
        if left_in_place {
            prop_assert_eq!(&saved, &Err(Fault::Protected));
        } else if let Some(fault) = &fault {
            prop_assert_eq!(&saved, &Err(fault.clone()));
        } else {
            prop_assert!(saved.is_ok(), "{:?}", saved);
            let stored = decode(&backend.value(&key).unwrap(), deck);
            prop_assert_eq!(stored.map(|loaded| loaded.progress).ok(), Some(session.progress().clone()));
        }
        if saved.is_err() {
            prop_assert_eq!(backend.value(&key), Some(raw.clone()), "a failed save changed the value");
        }
        if decoded.is_err() {
            prop_assert!(backend.values.borrow().values().any(|v| *v == raw), "the unusable value is gone");
        }
        for (k, v) in before.iter().filter(|(k, _)| **k != key) {
            prop_assert_eq!(backend.value(k), Some(v.clone()), "an earlier backup was overwritten: {}", k);
        }
    }
}

/// The property's own cases (the same generator, seed and count, so the same values) reach
/// every way a load can go: a value that loads, an unusable one set aside in a free backup
/// slot, one left in place because a newer version wrote it, every slot is taken or writes
/// fail, and each kind
/// of write fault. A generator that drifted into one corner would make the property vacuous.
#[test]
fn the_propertys_cases_reach_every_way_a_load_can_go() {
    use proptest::test_runner::TestRunner;
    use std::cell::RefCell;

    let deck: &'static Deck = &DECK;
    let reached: RefCell<BTreeMap<&'static str, u32>> = RefCell::default();
    let cases = std::cell::Cell::new(0u32);
    let mut runner = TestRunner::new(property_config());
    runner
        .run(&property_input(), |(raw, earlier_backups, fault)| {
            cases.set(cases.get() + 1);
            let mut reached = reached.borrow_mut();
            let mut count = |what| *reached.entry(what).or_default() += 1;
            match (decode(&raw, deck), earlier_backups < BACKUP_SLOTS, &fault) {
                (Ok(_), _, _) => count("loads"),
                (Err(Unreadable::FutureSchema(_)), _, _) => {
                    count("left in place: a newer version's")
                }
                (Err(_), true, None) => count("set aside"),
                (Err(_), false, None) => count("left in place: every backup slot taken"),
                (Err(_), _, Some(_)) => count("left in place: writes fail"),
            }
            count(match fault {
                None => "writes work",
                Some(Fault::Full) => "storage full",
                Some(Fault::Blocked) => "storage blocked",
                Some(_) => "another write error",
            });
            Ok(())
        })
        .expect("counting fails no case");
    assert_eq!(cases.get(), PROPERTY_CASES);
    let reached = reached.into_inner();
    for what in [
        "loads",
        "set aside",
        "left in place: a newer version's",
        "left in place: every backup slot taken",
        "left in place: writes fail",
        "writes work",
        "storage full",
        "storage blocked",
        "another write error",
    ] {
        assert!(
            reached.get(what).is_some_and(|&n| n > 0),
            "no case {what}: {reached:?}"
        );
    }
}
