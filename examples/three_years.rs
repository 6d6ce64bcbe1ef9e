//! Three years of daily use, simulated on the shipped decks (the learner of
//! `tests/common/three_years.rs`: the due reviews every day, right 85 % of the time, a full
//! round every 30 days). Prints, for each deck, what the stored progress then weighs (and
//! weighed in schema 3) and how long a save, a cold load and the stats take natively
//! (scripts/bench measures the browser).
//!
//! `cargo run --release --example three_years`
//! `cargo run --release --example three_years -- --write target/three-years.json` also writes
//! the `localStorage` of such a learner on every deck, as `{"<key>": "<value>", …}`, for the
//! end-to-end test and the benchmark to open the app with.

#[path = "../tests/common/three_years.rs"]
mod three_years;

use std::time::{Duration, Instant};

use quizdeck::codec::{decode, encode};
use quizdeck::deck::{Deck, DECKS, DECK_DJANGO_ASYNC};
use quizdeck::quiz::{Library, LocalTime, Screen, Session};
use quizdeck::storage::{LibraryStore, MemoryBackend, ProgressStore};
use three_years::{as_schema_3, three_years_on, THE_MORNING_AFTER};

const SEED: u64 = 20261202;

/// The mean time of `runs` runs of `work`.
fn timed<T>(runs: u32, mut work: impl FnMut() -> T) -> Duration {
    let start = Instant::now();
    for _ in 0..runs {
        std::hint::black_box(work());
    }
    start.elapsed() / runs
}

fn print_figures(deck: &'static Deck, session: &Session) {
    let progress = session.progress();
    let stored = encode(progress, deck);
    let attempts = progress.history.len();
    let save = timed(20, || encode(progress, deck));
    let load = timed(20, || {
        let loaded = decode(&stored, deck).expect("what was saved loads");
        Session::new(deck, loaded.progress)
    });
    let morning = LocalTime {
        now: THE_MORNING_AFTER,
        utc_offset_minutes: 60,
    };
    let stats = timed(20, || session.stats(morning));
    let schema_3 = as_schema_3(progress, deck).len();
    println!(
        "{} ({} questions), {} days: {attempts} attempts; stored progress {} B ({:.1} B per \
         attempt; schema 3: {schema_3} B, {:.1} B per attempt); natively, save (encode) \
         {save:?}, cold load (decode + schedule replay) {load:?}, stats {stats:?}",
        deck.id,
        deck.questions.len(),
        three_years::DAYS,
        stored.len(),
        stored.len() as f64 / attempts as f64,
        schema_3 as f64 / attempts as f64,
    );
}

/// Every deck's progress and the library record of the learner, as the app stores them: back on
/// each deck's start screen after the last review, last in the Django deck (where the
/// end-to-end test opens the app, so that opening it changes nothing).
fn local_storage_of(learners: &[Session]) -> String {
    let backend = MemoryBackend::default();
    for session in learners {
        let mut session = session.clone();
        session.visit(Screen::Start);
        let store = ProgressStore::new(Ok(&backend), session.deck());
        store.save(session.progress()).expect("memory takes it");
    }
    let mut library = Library::default();
    library.visit(Some(DECK_DJANGO_ASYNC.id));
    LibraryStore::new(Ok(&backend))
        .save(&library)
        .expect("memory takes it");
    let values = backend.values.borrow();
    serde_json::to_string(&*values).expect("strings serialise")
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let write_to = match args.as_slice() {
        [] => None,
        [flag, path] if flag == "--write" => Some(path),
        _ => {
            eprintln!("usage: three_years [--write PATH]");
            std::process::exit(2);
        }
    };
    let learners: Vec<Session> = DECKS
        .iter()
        .zip(SEED..)
        .map(|(deck, seed)| three_years_on(deck, seed))
        .collect();
    for learner in &learners {
        print_figures(learner.deck(), learner);
    }
    if let Some(path) = write_to {
        let entries = local_storage_of(&learners);
        std::fs::write(path, &entries).unwrap_or_else(|error| {
            eprintln!("could not write {path}: {error}");
            std::process::exit(1);
        });
        println!("wrote {path} ({} B)", entries.len());
    }
}
