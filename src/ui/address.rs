//! Every screen's address, as the router matches it (relative to the app's base path, which
//! the router adds: `/quizdeck` under GitHub Pages' `/quizdeck/`). One place spells the paths,
//! so the routes in `app.rs`, the links and the manifest's shortcuts cannot drift apart.

use crate::deck::Deck;
use crate::quiz::{RoundKind, Screen, Session};

/// A screen a learner can be sent to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Address<'a> {
    /// The app's own address: the deck's start screen.
    Home,
    /// A deck's start screen: the address that names the deck, to share.
    Deck(&'a Deck),
    /// A round of a deck: its question, resumed if one of that kind is unfinished, else begun.
    Round(&'a Deck, &'a RoundKind),
    /// The result of a deck's finished round.
    Summary(&'a Deck),
    Stats(&'a Deck),
    Settings,
}

impl Address<'_> {
    pub fn path(self) -> String {
        match self {
            Address::Home => "/".to_owned(),
            Address::Deck(deck) => format!("/deck/{}", deck.id),
            Address::Round(deck, RoundKind::Full) => format!("/deck/{}/round", deck.id),
            Address::Round(deck, RoundKind::Topic(topic)) => {
                format!("/deck/{}/topic/{topic}", deck.id)
            }
            Address::Round(deck, RoundKind::Review) => format!("/deck/{}/review", deck.id),
            Address::Round(deck, RoundKind::Missed) => format!("/deck/{}/missed", deck.id),
            Address::Summary(deck) => format!("/deck/{}/summary", deck.id),
            Address::Stats(deck) => format!("/deck/{}/stats", deck.id),
            Address::Settings => "/settings".to_owned(),
        }
    }

    /// The current round's address: its summary once it is finished.
    pub fn of_round(session: &Session) -> Option<String> {
        let round = session.round()?;
        Some(if round.is_finished() {
            Address::Summary(session.deck()).path()
        } else {
            Address::Round(session.deck(), &round.kind).path()
        })
    }

    /// Where a bare address takes a learner who comes back: the screen they were last on.
    pub fn where_left(session: &Session) -> Option<String> {
        match session.last_screen() {
            Screen::Start => None,
            Screen::Round => Address::of_round(session),
            Screen::Stats => Some(Address::Stats(session.deck()).path()),
            Screen::Settings => Some(Address::Settings.path()),
        }
    }
}
