//! Queries over every layer of a run: resolve a reference, suggest titles.

use std::sync::{Mutex, PoisonError};

use rustc_hash::FxHashMap;

use super::normalize::{self, loose_key, title_key};
use super::{Layer, Match, Resolution, Suggestion, SuggestionKind, build_bytes};

/// Known titles and redirects, from every index source of a run. Cloning
/// shares the sources' bytes.
#[derive(Debug, Default, Clone)]
pub struct TitleIndex {
    layers: Vec<Layer>,
    suggested: SuggestCache,
}

/// Did-you-mean answers already computed, by loose key: a missing title is
/// often missing from many articles (a wiki's red links, or a partial export's
/// links out), and each answer costs a fuzzy walk of every layer. A pure
/// function of the key and the layers, so it changes no output; emptied when
/// the layers change, and when full (it holds at most [`SuggestCache::MAX`]
/// keys). A clone starts empty.
#[derive(Debug, Default)]
struct SuggestCache(Mutex<FxHashMap<Box<str>, Vec<Suggestion>>>);

impl SuggestCache {
    const MAX: usize = 1 << 16;

    fn get(&self, loose: &str) -> Option<Vec<Suggestion>> {
        let map = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        map.get(loose).cloned()
    }

    fn put(&self, loose: &str, found: &[Suggestion]) {
        let mut map = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        if map.len() >= Self::MAX {
            map.clear();
        }
        map.insert(loose.into(), found.to_vec());
    }

    fn clear(&mut self) {
        self.0
            .get_mut()
            .unwrap_or_else(PoisonError::into_inner)
            .clear();
    }
}

impl Clone for SuggestCache {
    fn clone(&self) -> Self {
        Self::default()
    }
}

impl TitleIndex {
    /// An empty index.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Add a source.
    pub fn push(&mut self, layer: Layer) {
        self.suggested.clear();
        self.layers.push(layer);
    }

    /// Put `layer` at position `i` in lookup order, replacing the source
    /// there, or add it last when there is none (an editor's workspace
    /// titles, rebuilt as files come and go, stay first).
    pub fn set(&mut self, i: usize, layer: Layer) {
        self.suggested.clear();
        match self.layers.get_mut(i) {
            Some(slot) => *slot = layer,
            None => self.layers.push(layer),
        }
    }

    /// The sources, in lookup order.
    #[must_use]
    pub fn layers(&self) -> &[Layer] {
        &self.layers
    }

    /// Whether there is nothing to look up.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.layers.is_empty()
    }

    /// An in-memory index of these titles and `(alias, target)` redirects.
    ///
    /// # Panics
    /// Never: building into memory cannot fail.
    #[must_use]
    pub fn from_titles<'a>(
        titles: impl IntoIterator<Item = &'a str>,
        aliases: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Self {
        let bytes = build_bytes(
            titles.into_iter().map(str::to_string),
            aliases
                .into_iter()
                .map(|(a, t)| (a.to_string(), t.to_string())),
        );
        let layer = Layer::from_bytes("titles", bytes).expect("freshly built index is valid");
        Self {
            layers: vec![layer],
            suggested: SuggestCache::default(),
        }
    }

    /// Resolve a reference target: the title it names and how, or `None`.
    #[must_use]
    pub fn resolve(&self, target: &str) -> Option<Resolution> {
        let key = title_key(target);
        if key.is_empty() {
            return None;
        }
        let mut alias = None;
        for l in &self.layers {
            match l.exact(&key) {
                Some((canonical, false)) => {
                    return Some(Resolution {
                        canonical,
                        how: Match::Exact,
                    });
                }
                Some((canonical, true)) if alias.is_none() => alias = Some(canonical),
                _ => {}
            }
        }
        if let Some(canonical) = alias {
            return Some(Resolution {
                canonical,
                how: Match::Alias,
            });
        }
        let fold = key.to_lowercase();
        let mut best: Option<(bool, String)> = None;
        for l in &self.layers {
            for (canonical, is_alias) in l.folded(&fold) {
                if normalize::acronym_differs(&key, &canonical) {
                    continue;
                }
                // Titles before redirect targets, then alphabetical: deterministic.
                let cand = (is_alias, canonical);
                if best.as_ref().is_none_or(|b| cand < *b) {
                    best = Some(cand);
                }
            }
        }
        best.map(|(_, canonical)| Resolution {
            canonical,
            how: Match::Case,
        })
    }

    /// Up to `max` did-you-mean titles for a target that does not resolve,
    /// best first: spelling variants, then singular/plural, then titles within
    /// a strict edit distance ([`normalize::max_distance`]) that share the
    /// first letter and every digit.
    #[must_use]
    pub fn suggest(&self, target: &str, max: usize) -> Vec<Suggestion> {
        let loose = loose_key(target);
        if loose.is_empty() || max == 0 {
            return Vec::new();
        }
        let mut found = match self.suggested.get(&loose) {
            Some(found) => found,
            None => {
                let found = self.suggest_all(&loose);
                self.suggested.put(&loose, &found);
                found
            }
        };
        found.truncate(max);
        found
    }

    /// Every did-you-mean title for a loose key, best first.
    fn suggest_all(&self, loose: &str) -> Vec<Suggestion> {
        let mut found: Vec<Suggestion> = Vec::new();
        let add = |title: String, kind: SuggestionKind, found: &mut Vec<Suggestion>| match found
            .iter_mut()
            .find(|s| s.title == title)
        {
            Some(s) if kind < s.kind => s.kind = kind,
            Some(_) => {}
            None => found.push(Suggestion { title, kind }),
        };
        for l in &self.layers {
            for t in l.loose(loose) {
                add(t, SuggestionKind::Variant, &mut found);
            }
            for v in normalize::number_variants(loose) {
                for t in l.loose(&v) {
                    add(t, SuggestionKind::Number, &mut found);
                }
            }
        }
        let n = loose.chars().count();
        let k = normalize::max_distance(n);
        if k > 0 {
            let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
            let want = digits(loose);
            for l in &self.layers {
                for (cand_loose, t) in l.fuzzy(loose, k) {
                    let d = normalize::osa_distance(loose, &cand_loose);
                    if d == 0
                        || d > k
                        || digits(&cand_loose) != want
                        || !normalize::plausible_typo(loose, &cand_loose)
                    {
                        continue;
                    }
                    add(t, SuggestionKind::Edit(d), &mut found);
                }
            }
        }
        found.sort_by(|a, b| (a.kind, &a.title).cmp(&(b.kind, &b.title)));
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::{MAGIC, TitleLookup};

    fn index() -> TitleIndex {
        TitleIndex::from_titles(
            [
                "Quantum",
                "Photon",
                "Crisis management",
                "Risk management",
                "Defence industry",
                "Pride and Prejudice",
                "Joint exercise",
                "Revolutions of 1917–23",
                "Bush",
                "BUSH",
            ],
            [
                ("USA", "United States"),
                ("Pride & Prejudice", "Pride and Prejudice"),
            ],
        )
    }

    #[test]
    fn a_layer_is_replaced_in_place() {
        let mut ix = index();
        ix.set(
            1,
            TitleIndex::from_titles(["Alias list"], []).layers.remove(0),
        );
        assert_eq!(ix.layers().len(), 2);
        ix.set(
            0,
            TitleIndex::from_titles(["Neutrino"], []).layers.remove(0),
        );
        assert_eq!(ix.layers().len(), 2);
        assert!(ix.resolve("Neutrino").is_some());
        assert!(
            ix.resolve("Photon").is_none(),
            "the old first source is gone"
        );
        assert!(ix.resolve("Alias list").is_some());
    }

    #[test]
    fn resolution_levels() {
        let ix = index();
        assert_eq!(
            ix.resolve("photon"),
            Some(Resolution {
                canonical: "Photon".into(),
                how: Match::Exact
            })
        );
        assert_eq!(
            ix.resolve("Crisis_management"),
            Some(Resolution {
                canonical: "Crisis management".into(),
                how: Match::Exact
            })
        );
        assert_eq!(
            ix.resolve("USA"),
            Some(Resolution {
                canonical: "United States".into(),
                how: Match::Alias
            })
        );
        assert_eq!(
            ix.resolve("Crisis Management"),
            Some(Resolution {
                canonical: "Crisis management".into(),
                how: Match::Case
            })
        );
        assert_eq!(ix.resolve("bush").map(|r| r.how), Some(Match::Exact));
        assert_eq!(ix.resolve("BuSh").map(|r| r.canonical), Some("Bush".into()));
        assert_eq!(ix.resolve("Quatnum"), None);
        let poet = TitleIndex::from_titles(["POET"], []);
        assert_eq!(
            poet.resolve("poet"),
            None,
            "an acronym is not matched by case"
        );
        assert_eq!(poet.resolve("Poet"), None);
        assert!(poet.resolve("poET").is_none());
        assert_eq!(ix.resolve(""), None);
        assert_eq!(ix.resolve("   "), None);
    }

    fn titles(s: &[Suggestion]) -> Vec<&str> {
        s.iter().map(|s| s.title.as_str()).collect()
    }

    #[test]
    fn suggestions_are_strict() {
        let ix = index();
        assert_eq!(titles(&ix.suggest("Quatnum", 3)), ["Quantum"]);
        assert_eq!(ix.suggest("Quatnum", 3)[0].kind, SuggestionKind::Edit(1));
        assert_eq!(
            ix.suggest("defense-industry", 3),
            [Suggestion {
                title: "Defence industry".into(),
                kind: SuggestionKind::Variant
            }]
        );
        assert_eq!(
            ix.suggest("joint exercises", 3),
            [Suggestion {
                title: "Joint exercise".into(),
                kind: SuggestionKind::Number
            }]
        );
        assert!(titles(&ix.suggest("crisis managment", 3)).contains(&"Crisis management"));
        assert!(
            ix.suggest("Crisis manager", 3)
                .iter()
                .all(|s| s.title != "Risk management")
        );
        assert!(
            ix.suggest("Revolutions of 1918–23", 3).is_empty(),
            "digits must match"
        );
        assert!(ix.suggest("Qu", 3).is_empty());
        let people = TitleIndex::from_titles(
            ["William Barley", "History of Tornio", "Chemical kinetics"],
            [],
        );
        assert!(
            people.suggest("William Hamley", 3).is_empty(),
            "two edits in a short word"
        );
        assert!(people.suggest("History of Toronto", 3).is_empty());
        assert!(people.suggest("Chemical genetics", 3).is_empty());
        assert!(ix.suggest("", 3).is_empty());
    }

    #[test]
    fn remembered_suggestions_follow_the_layers() {
        let mut ix = TitleIndex::from_titles(["Photon"], []);
        assert!(ix.suggest("Quatnum", 3).is_empty());
        // Asked again: the remembered answer, the same.
        assert!(ix.suggest("quatnum", 3).is_empty());
        let more = TitleIndex::from_titles(["Quantum", "Quanta"], []);
        ix.push(more.layers()[0].clone());
        assert_eq!(titles(&ix.suggest("Quatnum", 3)), ["Quantum"]);
        // A clone remembers nothing, and a smaller `max` cuts the remembered list.
        let copy = ix.clone();
        assert_eq!(titles(&copy.suggest("Quatnum", 1)), ["Quantum"]);
        ix.set(
            1,
            TitleIndex::from_titles(["Quorum"], []).layers()[0].clone(),
        );
        assert!(ix.suggest("Quatnum", 3).is_empty());
        assert_eq!(titles(&copy.suggest("Quatnum", 3)), ["Quantum"]);
    }

    #[test]
    fn crisis_management_never_suggests_risk_management() {
        let ix = TitleIndex::from_titles(["Risk management"], []);
        assert!(ix.suggest("crisis management", 3).is_empty());
    }

    #[test]
    fn index_bytes_round_trip_and_bad_bytes_are_refused() {
        let bytes = build_bytes(["A", "B"].into_iter().map(String::from), std::iter::empty());
        assert!(bytes.starts_with(MAGIC));
        let l = Layer::from_bytes("x", bytes.clone()).unwrap();
        assert_eq!((l.titles, l.aliases), (2, 0));
        assert!(Layer::from_bytes("x", b"nonsense".to_vec()).is_err());
        assert!(Layer::from_bytes("x", bytes[..bytes.len() - 3].to_vec()).is_err());
        assert!(Layer::from_bytes("x", Vec::new()).is_err());
    }

    #[test]
    fn is_title_keeps_and_titles_whole() {
        let ix = index();
        assert!(ix.is_title("Pride and Prejudice"));
        assert!(ix.is_title("pride & prejudice"));
        assert!(!ix.is_title("Photon and Quatnum"));
    }
}
