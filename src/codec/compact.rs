//! Schema 4's shape of a deck's progress: the domain's own, except the history, which is the
//! bulk of it after long use (about 160 B an attempt as the domain's JSON, about 20 B here).
//!
//! ```json
//! "history":{"questions":[["one","h1"],["two","h2"]],
//!            "attempts":[[0,1764000000000,1,"a"],[1,60000,2,"b","c"]]}
//! ```
//! `questions` lists each question answered (id, content hash) once; an attempt is
//! `[question's place in that list, ms since the attempt before it (the first: since the
//! epoch), flags (1 right, 2 after the hint), the choice ids…]`. Nothing is lost: the attempts
//! keep their order and their exact times (a device clock set back gives a negative gap), so
//! the schedule replayed from them, the stats and each question's history are the same.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::ser::{SerializeSeq, Serializer};
use serde::{Deserialize, Serialize};

use crate::quiz::{Attempt, Progress, Round, Screen};

const RIGHT: u8 = 1;
const AFTER_HINT: u8 = 2;

/// A deck's progress as schema 4 writes it, borrowing the domain's.
#[derive(Serialize)]
pub(super) struct StoredProgress<'a> {
    screen: Screen,
    round: &'a Option<Round>,
    history: HistoryOut<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reset_at: Option<u64>,
}

impl<'a> StoredProgress<'a> {
    pub(super) fn of(progress: &'a Progress) -> Self {
        StoredProgress {
            screen: progress.screen,
            round: &progress.round,
            history: HistoryOut::of(&progress.history),
            reset_at: progress.reset_at,
        }
    }
}

#[derive(Serialize)]
struct HistoryOut<'a> {
    questions: Vec<(&'a str, &'a str)>,
    attempts: Vec<AttemptOut<'a>>,
}

impl<'a> HistoryOut<'a> {
    fn of(history: &'a [Attempt]) -> Self {
        let mut places: BTreeMap<(&str, &str), usize> = BTreeMap::new();
        let mut questions = Vec::new();
        let mut previous = 0;
        let attempts = history
            .iter()
            .map(|attempt| {
                let question = (attempt.question_id.as_str(), attempt.question_hash.as_str());
                let place = *places.entry(question).or_insert_with(|| {
                    questions.push(question);
                    questions.len() - 1
                });
                // Wrapping both ways, so any two times give a gap that restores the second.
                let gap = attempt.answered_at.wrapping_sub(previous) as i64;
                previous = attempt.answered_at;
                AttemptOut {
                    place,
                    gap,
                    flags: u8::from(attempt.correct) * RIGHT
                        + u8::from(attempt.hint_used) * AFTER_HINT,
                    choice_ids: &attempt.choice_ids,
                }
            })
            .collect();
        HistoryOut {
            questions,
            attempts,
        }
    }
}

struct AttemptOut<'a> {
    place: usize,
    gap: i64,
    flags: u8,
    choice_ids: &'a [String],
}

impl Serialize for AttemptOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut fields = serializer.serialize_seq(Some(3 + self.choice_ids.len()))?;
        fields.serialize_element(&self.place)?;
        fields.serialize_element(&self.gap)?;
        fields.serialize_element(&self.flags)?;
        for id in self.choice_ids {
            fields.serialize_element(id)?;
        }
        fields.end()
    }
}

/// What schema 4 stored, read back.
#[derive(Deserialize)]
struct ProgressIn {
    screen: Screen,
    round: Option<Round>,
    history: HistoryIn,
    #[serde(default)]
    reset_at: Option<u64>,
}

#[derive(Deserialize)]
struct HistoryIn {
    questions: Vec<(String, String)>,
    attempts: Vec<AttemptIn>,
}

struct AttemptIn {
    place: usize,
    gap: i64,
    flags: u8,
    choice_ids: Vec<String>,
}

impl<'de> Deserialize<'de> for AttemptIn {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct AttemptVisitor;
        impl<'de> Visitor<'de> for AttemptVisitor {
            type Value = AttemptIn;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an attempt: [question, gap, flags, choice ids…]")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut fields: A) -> Result<AttemptIn, A::Error> {
                let missing = |index| de::Error::invalid_length(index, &self);
                let place = fields.next_element()?.ok_or_else(|| missing(0))?;
                let gap = fields.next_element()?.ok_or_else(|| missing(1))?;
                let flags = fields.next_element()?.ok_or_else(|| missing(2))?;
                let mut choice_ids = Vec::new();
                while let Some(id) = fields.next_element()? {
                    choice_ids.push(id);
                }
                Ok(AttemptIn {
                    place,
                    gap,
                    flags,
                    choice_ids,
                })
            }
        }
        deserializer.deserialize_seq(AttemptVisitor)
    }
}

impl HistoryIn {
    fn into_attempts(self) -> Result<Vec<Attempt>, String> {
        let mut previous: u64 = 0;
        self.attempts
            .into_iter()
            .map(|attempt| {
                let (question_id, question_hash) = self
                    .questions
                    .get(attempt.place)
                    .cloned()
                    .ok_or_else(|| format!("an attempt names question {}", attempt.place))?;
                if attempt.flags & !(RIGHT | AFTER_HINT) != 0 {
                    return Err(format!("an attempt has flags {}", attempt.flags));
                }
                previous = previous.wrapping_add(attempt.gap as u64);
                Ok(Attempt {
                    question_id,
                    question_hash,
                    choice_ids: attempt.choice_ids,
                    correct: attempt.flags & RIGHT != 0,
                    hint_used: attempt.flags & AFTER_HINT != 0,
                    answered_at: previous,
                })
            })
            .collect()
    }
}

/// Reads a schema-4 progress; the error says what is wrong with it.
pub(super) fn read(raw: &str) -> Result<Progress, String> {
    let stored: ProgressIn = serde_json::from_str(raw).map_err(|error| error.to_string())?;
    Ok(Progress {
        screen: stored.screen,
        round: stored.round,
        history: stored.history.into_attempts()?,
        reset_at: stored.reset_at,
    })
}
