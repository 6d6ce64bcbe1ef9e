//! The installed app's manifest, written at build time (`src/bin/prerender.rs`) from
//! `assets/manifest.webmanifest` with the shortcuts of the decks compiled in: every deck's
//! review and stats, at the addresses the router matches ([`Address`]), so an author who adds
//! a deck gets its shortcuts without editing the manifest.

use serde::Serialize;
use serde_json::{Map, Value};

use super::address::Address;
use crate::deck::Deck;
use crate::quiz::RoundKind;

/// One entry of the manifest's `shortcuts`: what a long press on the installed app's icon
/// (Android, Windows, ChromeOS) or its dock menu offers.
#[derive(Debug, PartialEq, Eq, Serialize)]
pub struct Shortcut {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub short_name: Option<&'static str>,
    pub description: String,
    /// Relative to the manifest, which sits at the app's base: it works under any sub-path.
    pub url: String,
    pub icons: [Icon; 1],
}

#[derive(Debug, PartialEq, Eq, Serialize)]
pub struct Icon {
    src: &'static str,
    sizes: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
}

fn icons() -> [Icon; 1] {
    [Icon {
        src: "icon-192.png",
        sizes: "192x192",
        kind: "image/png",
    }]
}

/// Every deck's review, then every deck's stats (launchers show the first few). With one deck
/// the names need not say which.
pub fn shortcuts(decks: &[&'static Deck]) -> Vec<Shortcut> {
    let several = decks.len() > 1;
    let name = |what: &str, deck: &Deck| match several {
        true => format!("{what}: {}", deck.title),
        false => what.to_owned(),
    };
    let short_name = |short| (!several).then_some(short);
    let reviews = decks.iter().map(|deck| Shortcut {
        name: name("Review due questions", deck),
        short_name: short_name("Review"),
        description: format!("A round of the questions of {} due for review", deck.title),
        url: relative(Address::Round(deck, &RoundKind::Review)),
        icons: icons(),
    });
    let stats = decks.iter().map(|deck| Shortcut {
        name: name("Stats", deck),
        short_name: short_name("Stats"),
        description: format!("What you have done in {}, and what is due", deck.title),
        url: relative(Address::Stats(deck)),
        icons: icons(),
    });
    reviews.chain(stats).collect()
}

fn relative(address: Address) -> String {
    address.path().trim_start_matches('/').to_owned()
}

/// `template` (the manifest's JSON, without shortcuts) with the shortcuts of `decks`.
pub fn render(template: &str, decks: &[&'static Deck]) -> Result<String, String> {
    let mut manifest: Map<String, Value> = serde_json::from_str(template)
        .map_err(|error| format!("the manifest template is not a JSON object: {error}"))?;
    if manifest.contains_key("shortcuts") {
        return Err("the manifest template has shortcuts: they are made from the decks".to_owned());
    }
    let shortcuts = serde_json::to_value(shortcuts(decks)).map_err(|error| error.to_string())?;
    manifest.insert("shortcuts".to_owned(), shortcuts);
    let mut json = serde_json::to_string_pretty(&manifest).map_err(|error| error.to_string())?;
    json.push('\n');
    Ok(json)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck::DECKS;

    #[test]
    fn every_deck_gets_a_review_and_a_stats_shortcut_at_the_routers_addresses() {
        let urls: Vec<String> = shortcuts(DECKS).into_iter().map(|s| s.url).collect();
        let mut expected: Vec<String> = DECKS
            .iter()
            .map(|deck| format!("deck/{}/review", deck.id))
            .collect();
        expected.extend(DECKS.iter().map(|deck| format!("deck/{}/stats", deck.id)));
        assert_eq!(urls, expected);
    }

    #[test]
    fn one_decks_shortcuts_need_not_name_it_and_several_decks_do() {
        let one = shortcuts(&DECKS[..1]);
        let names: Vec<&str> = one.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Review due questions", "Stats"]);
        assert_eq!(one[0].short_name, Some("Review"));

        let several = shortcuts(DECKS);
        let review_of_second = format!("Review due questions: {}", DECKS[1].title);
        assert_eq!(several[1].name, review_of_second);
        assert!(several.iter().all(|s| s.short_name.is_none()));
    }

    #[test]
    fn the_manifest_keeps_the_templates_fields_and_refuses_hand_written_shortcuts(
    ) -> Result<(), Box<dyn std::error::Error>> {
        let template = include_str!("../../assets/manifest.webmanifest");
        let manifest: Map<String, Value> = serde_json::from_str(&render(template, DECKS)?)?;
        let template: Map<String, Value> = serde_json::from_str(template)?;
        for (key, value) in &template {
            assert_eq!(manifest.get(key), Some(value), "{key}");
        }
        let shortcuts = manifest.get("shortcuts").and_then(Value::as_array);
        assert_eq!(shortcuts.map(Vec::len), Some(2 * DECKS.len()));
        assert!(render(r#"{"shortcuts": []}"#, DECKS).is_err());
        Ok(())
    }
}
