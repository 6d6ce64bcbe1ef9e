//! Every screen's address, as the router matches it (relative to the app's base path, which
//! the router adds: `/quizdeck` under GitHub Pages' `/quizdeck/`). One place spells the paths,
//! so the routes in `app.rs`, the links and the manifest's shortcuts (`manifest.rs`) cannot
//! drift apart.

use crate::deck::Deck;
use crate::quiz::{Library, RoundKind, Screen, Session};

/// A screen a learner can be sent to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Address<'a> {
    /// The app's own address: the library, or the start screen of an app's only deck.
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

    /// Where a bare address takes a learner who comes back: the screen they were last on, in
    /// the deck they were last in (`sessions`: one per deck). `None`: the bare address's own
    /// screen.
    pub fn where_left(library: &Library, sessions: &[Session]) -> Option<String> {
        let only_deck = match sessions {
            [only] => Some(only),
            _ => None,
        };
        let session = only_deck.or_else(|| {
            let last = library.last_deck.as_deref()?;
            sessions.iter().find(|session| session.deck().id == last)
        })?;
        match session.last_screen() {
            Screen::Start if only_deck.is_some() => None,
            Screen::Start => Some(Address::Deck(session.deck()).path()),
            Screen::Round => Address::of_round(session),
            Screen::Stats => Some(Address::Stats(session.deck()).path()),
            Screen::Settings => Some(Address::Settings.path()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck::{DECKS, DECK_DJANGO_ASYNC as DECK};
    use crate::quiz::Progress;

    #[test]
    fn every_screen_has_a_path_of_its_own() {
        let topic = RoundKind::Topic(DECK.topics[0].id.to_owned());
        let paths = [
            Address::Home,
            Address::Deck(&DECK),
            Address::Round(&DECK, &RoundKind::Full),
            Address::Round(&DECK, &topic),
            Address::Round(&DECK, &RoundKind::Review),
            Address::Round(&DECK, &RoundKind::Missed),
            Address::Summary(&DECK),
            Address::Stats(&DECK),
            Address::Settings,
        ]
        .map(Address::path);
        let mut distinct = paths.to_vec();
        distinct.sort();
        distinct.dedup();
        assert_eq!(distinct.len(), paths.len(), "{paths:?}");
        assert_eq!(
            paths[3],
            format!("/deck/django-async/topic/{}", DECK.topics[0].id)
        );
    }

    #[test]
    fn a_bare_address_brings_the_learner_back_to_the_screen_they_were_on() {
        let library = Library::default();
        let mut only = [Session::new(&DECK, Progress::default())];
        assert_eq!(
            Address::where_left(&library, &only),
            None,
            "a new learner: the start"
        );
        only[0].visit(Screen::Stats);
        assert_eq!(
            Address::where_left(&library, &only).as_deref(),
            Some("/deck/django-async/stats")
        );
        let topic = DECK.topics[0].id;
        assert!(only[0].start_topic(topic, Some(1)));
        assert_eq!(
            Address::where_left(&library, &only),
            Some(format!("/deck/django-async/topic/{topic}"))
        );
        only[0].visit(Screen::Start);
        assert_eq!(Address::where_left(&library, &only), None);
    }

    #[test]
    fn with_several_decks_a_bare_address_goes_back_into_the_deck_the_learner_was_in() {
        let mut sessions: Vec<Session> = DECKS
            .iter()
            .map(|deck| Session::new(deck, Progress::default()))
            .collect();
        assert!(sessions.len() > 1, "the app ships several decks");
        let mut library = Library::default();
        assert_eq!(
            Address::where_left(&library, &sessions),
            None,
            "a new learner: the library"
        );
        let (first, second) = (DECKS[0], DECKS[1]);
        library.visit(Some(second.id));
        assert_eq!(
            Address::where_left(&library, &sessions),
            Some(Address::Deck(second).path()),
            "its start screen, not the library"
        );
        sessions[0].visit(Screen::Stats);
        library.visit(Some(first.id));
        assert_eq!(
            Address::where_left(&library, &sessions),
            Some(Address::Stats(first).path())
        );
        library.visit(None);
        assert_eq!(Address::where_left(&library, &sessions), None);
    }
}
