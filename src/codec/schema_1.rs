//! The reader of schema 1, the first release: single-choice answers only, so an attempt kept
//! one `choice_id` and a draft's `selected` was one choice id or null. Everything schema 2
//! added (settings, topic and review rounds, rounds without a shuffle seed, the reset time)
//! takes its default.

use serde::Deserialize;

use crate::quiz::{Attempt, Draft, Progress, Round, RoundKind, Screen, Step};

#[derive(Deserialize)]
struct Progress1 {
    screen: Screen,
    round: Option<Round1>,
    history: Vec<Attempt1>,
}

#[derive(Deserialize)]
struct Round1 {
    kind: RoundKind,
    seed: Option<u64>,
    question_ids: Vec<String>,
    attempts: Vec<Attempt1>,
    step: Step1,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum Step1 {
    Answering(Draft1),
    Feedback,
    Finished,
}

#[derive(Deserialize)]
struct Draft1 {
    selected: Option<String>,
    hint_shown: bool,
}

#[derive(Deserialize)]
struct Attempt1 {
    question_id: String,
    question_hash: String,
    choice_id: String,
    correct: bool,
    hint_used: bool,
    answered_at: u64,
}

impl From<Attempt1> for Attempt {
    fn from(old: Attempt1) -> Self {
        Attempt {
            question_id: old.question_id,
            question_hash: old.question_hash,
            choice_ids: vec![old.choice_id],
            correct: old.correct,
            hint_used: old.hint_used,
            answered_at: old.answered_at,
        }
    }
}

impl From<Round1> for Round {
    fn from(old: Round1) -> Self {
        Round {
            kind: old.kind,
            seed: old.seed,
            question_ids: old.question_ids,
            attempts: old.attempts.into_iter().map(Attempt::from).collect(),
            step: match old.step {
                Step1::Answering(draft) => Step::Answering(Draft {
                    selected: draft.selected.into_iter().collect(),
                    hint_shown: draft.hint_shown,
                }),
                Step1::Feedback => Step::Feedback,
                Step1::Finished => Step::Finished,
            },
        }
    }
}

pub(super) fn read(raw: &str) -> serde_json::Result<Progress> {
    let old: Progress1 = serde_json::from_str(raw)?;
    Ok(Progress {
        screen: old.screen,
        round: old.round.map(Round::from),
        history: old.history.into_iter().map(Attempt::from).collect(),
        ..Progress::default()
    })
}
