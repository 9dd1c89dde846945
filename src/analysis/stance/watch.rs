//! Words to watch (`data/words-to-watch.tsv`), by category, judged in context.
//!
//! A phrase is a word to watch only in the article's own voice:
//!
//! - never inside quotation marks (a quotation may begin in an earlier sentence);
//! - never when its first word is capitalised in mid-sentence: a name
//!   (`Iconic Records`, `Great Britain`, `Alexander the Great`);
//! - for puffery, labels and doubt, never when the sentence attributes it to a
//!   named source (`Rolling Stone called it iconic`, `Smith described the film
//!   as brilliant`);
//! - never where a context rule of the data file says its sense is another
//!   (`celebrated its anniversary`, `alleged` near `court`, `so-called "term"`);
//! - openers (`Clearly, ...`) only at the start of a clause before a comma, and
//!   labels only as what the subject is (`X is a cult`).
//!
//! Configuration adds phrases to a category and removes phrases
//! ([`crate::settings::WatchSettings`]).

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use crate::model::WatchCategory;
use crate::settings::WatchSettings;
use crate::text::{Tok, tokenize, tsv_rows};

const WORDS_TO_WATCH: &str = include_str!("../../../data/words-to-watch.tsv");

/// A word to watch found in a sentence (B005).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditorialHit {
    /// Byte range in the text searched.
    pub start: usize,
    /// Byte end.
    pub end: usize,
    /// Its category.
    pub category: WatchCategory,
    /// The guideline that lists it.
    pub source: String,
    /// What it does.
    pub why: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Word,
    Opener,
    Copula,
    Adverb,
}

/// One pattern: slots of alternative words.
#[derive(Debug, Clone)]
struct Entry {
    category: WatchCategory,
    kind: Kind,
    slots: Vec<Vec<String>>,
    source: String,
    why: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unless {
    Next,
    Prev,
    Near,
}

struct Watch {
    entries: Vec<Entry>,
    /// Entries by each word their first slot accepts.
    by_first: HashMap<String, Vec<usize>>,
    /// Context rules by the first word they apply to.
    unless: HashMap<String, Vec<(Unless, HashSet<String>)>>,
}

fn slots(pattern: &str) -> Vec<Vec<String>> {
    pattern
        .split_whitespace()
        .map(|s| s.split('|').map(str::to_lowercase).collect())
        .collect()
}

impl Watch {
    fn index(&mut self) {
        self.by_first.clear();
        for (n, e) in self.entries.iter().enumerate() {
            for w in e.slots.first().into_iter().flatten() {
                self.by_first.entry(w.clone()).or_default().push(n);
            }
        }
    }
}

static WATCH: LazyLock<Watch> = LazyLock::new(|| {
    let mut w = Watch {
        entries: Vec::new(),
        by_first: HashMap::new(),
        unless: HashMap::new(),
    };
    for row in tsv_rows(WORDS_TO_WATCH) {
        let [category, kind, pattern, source, why, ..] = row[..] else {
            continue;
        };
        let Some(category) = WatchCategory::parse(category) else {
            continue;
        };
        let unless = match kind {
            "unless-next" => Some(Unless::Next),
            "unless-prev" => Some(Unless::Prev),
            "unless-near" => Some(Unless::Near),
            _ => None,
        };
        if let Some(u) = unless {
            let words = source.split('|').map(str::to_lowercase).collect();
            w.unless
                .entry(pattern.to_lowercase())
                .or_default()
                .push((u, words));
            continue;
        }
        let kind = match kind {
            "word" => Kind::Word,
            "opener" => Kind::Opener,
            "copula" => Kind::Copula,
            "adverb" => Kind::Adverb,
            _ => continue,
        };
        w.entries.push(Entry {
            category,
            kind,
            slots: slots(pattern),
            source: source.to_string(),
            why: why.to_string(),
        });
    }
    w.index();
    w
});

const COPULAS: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "become", "became", "becomes", "remains",
    "remained",
];

/// Words that attribute what follows to someone.
const ATTRIBUTION: &[&str] = &[
    "said",
    "says",
    "say",
    "wrote",
    "writes",
    "described",
    "describes",
    "describing",
    "called",
    "calls",
    "calling",
    "hailed",
    "hails",
    "named",
    "dubbed",
    "labelled",
    "labeled",
    "praised",
    "praises",
    "deemed",
    "termed",
    "branded",
    "ranked",
    "rated",
    "voted",
    "listed",
    "according",
    "considered",
    "considers",
    "declared",
    "declares",
    "proclaimed",
    "stated",
    "states",
    "noted",
    "notes",
    "observed",
    "remarked",
    "commented",
    "claimed",
    "argued",
    "thought",
    "believed",
    "felt",
    "found",
    "cited",
    "reviewer",
    "critic",
    "critics",
    "magazine",
    "newspaper",
];

fn first_word_of(toks: &[Tok]) -> Option<usize> {
    toks.iter().position(|t| t.word)
}

/// Whether the sentence attributes what is at `i` to a named source: an
/// attribution word before it, with a name (a capitalised word) or a pronoun
/// for its speaker, or `by X`/`according to X` with a name just after it
/// (`it has been suggested by Botkins and Sedjo`).
fn attributed(toks: &[Tok], i: usize) -> bool {
    sourced_after(toks, i)
        || (0..i).any(|k| {
            let t = &toks[k];
            t.word
                && ATTRIBUTION.contains(&t.lower.as_str())
                && toks[k.saturating_sub(6)..=k]
                    .iter()
                    .any(|s| s.word && (s.cap || matches!(s.lower.as_str(), "he" | "she" | "they")))
        })
}

/// `by X` or `according to X` with a name just after `i`: the source is given.
fn sourced_after(toks: &[Tok], i: usize) -> bool {
    (i + 1..toks.len().min(i + 10)).any(|k| {
        let t = &toks[k];
        let by = t.word
            && (t.lower == "by" || (t.lower == "to" && k > 0 && toks[k - 1].lower == "according"));
        by && toks[k + 1..toks.len().min(k + 5)]
            .iter()
            .any(|n| n.word && n.cap)
    })
}

/// Where the slots of `e` match from token `i` (consecutive words).
fn match_entry(toks: &[Tok], i: usize, e: &Entry, removed: &HashSet<String>) -> Option<usize> {
    let mut j = i;
    for slot in &e.slots {
        let t = toks.get(j)?;
        if !t.word || !slot.contains(&t.lower) {
            return None;
        }
        j += 1;
    }
    if !removed.is_empty() {
        let phrase: Vec<&str> = toks[i..j].iter().map(|t| t.lower.as_str()).collect();
        if removed.contains(&phrase.join(" ")) {
            return None;
        }
    }
    Some(j)
}

fn context_allows(toks: &[Tok], i: usize, j: usize, w: &Watch) -> bool {
    let Some(rules) = w.unless.get(&toks[i].lower) else {
        return true;
    };
    rules.iter().all(|(u, words)| match u {
        Unless::Next => !toks.get(j).is_some_and(|n| words.contains(&n.lower)),
        Unless::Prev => !i
            .checked_sub(1)
            .is_some_and(|p| words.contains(&toks[p].lower)),
        Unless::Near => !toks.iter().any(|t| t.word && words.contains(&t.lower)),
    })
}

/// Words to watch in a sentence, with the built-in lists only.
/// `quoted`: the text starts inside a quotation (see [`crate::text::opens_quote`]).
#[must_use]
pub fn editorial_hits(text: &str, quoted: bool) -> Vec<EditorialHit> {
    editorial_hits_in(&tokenize(text), quoted, &WatchSettings::default())
}

/// User entries, built once per distinct settings.
fn user_entries(settings: &WatchSettings) -> Vec<Entry> {
    settings
        .add
        .iter()
        .flat_map(|(category, phrases)| {
            phrases.iter().map(move |p| Entry {
                category: *category,
                kind: Kind::Word,
                slots: slots(p),
                source: "encyclint.toml".to_string(),
                why: format!(
                    "is listed under `{}` in the configuration",
                    category.as_str()
                ),
            })
        })
        .collect()
}

/// Words that close a viewpoint frame (`From a policy perspective, ...`).
const FRAMES: &[&str] = &["perspective", "standpoint", "viewpoint", "lens", "view"];

/// `From a policy perspective focused on order and safety, deterrence is ...`:
/// a clause that opens with a viewpoint and then asserts in the article's own
/// voice. Returns the frame's token range (to its comma).
fn viewpoint_frame(toks: &[Tok]) -> Option<(usize, usize)> {
    let first = first_word_of(toks)?;
    let lead = &toks[first].lower;
    let opens = matches!(
        lead.as_str(),
        "from" | "through" | "viewed" | "seen" | "judged"
    );
    if !opens {
        return None;
    }
    let comma =
        (first + 1..toks.len().min(first + 16)).find(|&k| !toks[k].word && toks[k].lower == ",")?;
    let framed = toks[first + 1..comma]
        .iter()
        .any(|t| t.word && FRAMES.contains(&t.lower.as_str()))
        || toks[first + 1..comma]
            .windows(3)
            .any(|w| w[0].lower == "point" && w[1].lower == "of" && w[2].lower == "view");
    // The frame must be followed by an assertion, not by its speaker (`From
    // his perspective, Smith argued ...` is attributed).
    let attributed = toks[comma..toks.len().min(comma + 8)]
        .iter()
        .any(|t| t.word && ATTRIBUTION.contains(&t.lower.as_str()));
    (framed && !attributed).then_some((first, comma))
}

/// `While critics warn of X, the record shows that ...`: critics named only
/// to be answered in the article's own voice. Returns the answer's range.
fn dismissed_critics(toks: &[Tok]) -> Option<(usize, usize)> {
    let first = first_word_of(toks)?;
    if !matches!(
        toks[first].lower.as_str(),
        "while" | "although" | "though" | "despite"
    ) {
        return None;
    }
    let critics = toks.iter().position(|t| {
        t.word
            && matches!(
                t.lower.as_str(),
                "critics" | "opponents" | "detractors" | "skeptics" | "sceptics"
            )
    })?;
    const ANSWERS: &[&[&str]] = &[
        &["the", "reality", "is"],
        &["the", "truth", "is"],
        &["the", "evidence", "shows"],
        &["the", "facts", "show"],
        &["in", "reality"],
        &["in", "practice"],
        &["in", "fact"],
    ];
    for k in critics + 1..toks.len() {
        for a in ANSWERS {
            if toks.len() >= k + a.len()
                && toks[k..k + a.len()]
                    .iter()
                    .zip(*a)
                    .all(|(t, w)| t.word && t.lower == *w)
            {
                return Some((k, k + a.len()));
            }
        }
    }
    None
}

/// [`editorial_hits`] over tokens already made, with the configured additions
/// and removals.
pub fn editorial_hits_in(
    toks: &[Tok],
    quoted: bool,
    settings: &WatchSettings,
) -> Vec<EditorialHit> {
    let w = &*WATCH;
    let extra = user_entries(settings);
    let removed: HashSet<String> = settings.remove.iter().cloned().collect();
    let first = first_word_of(toks);
    let mut out: Vec<EditorialHit> = Vec::new();
    if !quoted {
        if let Some((a, b)) = viewpoint_frame(toks) {
            out.push(EditorialHit {
                start: toks[a].start,
                end: toks[b - 1].end,
                category: WatchCategory::Editorial,
                source: "WP:NPOV".to_string(),
                why: "frames the claim from one viewpoint and then states it as fact".to_string(),
            });
        }
        if let Some((a, b)) = dismissed_critics(toks) {
            out.push(EditorialHit {
                start: toks[a].start,
                end: toks[b - 1].end,
                category: WatchCategory::Editorial,
                source: "WP:NPOV".to_string(),
                why: "names the critics only to answer them in the article's own voice".to_string(),
            });
        }
    }
    let mut quoted = quoted;
    let mut clause_start = true;
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if !t.word {
            match t.lower.as_str() {
                "\"" => quoted = !quoted,
                "“" => quoted = true,
                "”" => quoted = false,
                ";" | ":" | "(" | "—" | "–" => clause_start = true,
                _ => {}
            }
            i += 1;
            continue;
        }
        let at_clause_start = clause_start;
        clause_start = false;
        if quoted || (t.cap && Some(i) != first) {
            i += 1;
            continue;
        }
        let built_in = w
            .by_first
            .get(&t.lower)
            .into_iter()
            .flatten()
            .map(|&n| &w.entries[n]);
        let mut best: Option<(usize, &Entry)> = None;
        for e in built_in.chain(extra.iter()) {
            let Some(j) = match_entry(toks, i, e, &removed) else {
                continue;
            };
            let ok = match e.kind {
                Kind::Word => true,
                Kind::Opener => at_clause_start && toks.get(j).is_some_and(|n| n.lower == ","),
                Kind::Copula => toks[i.saturating_sub(3)..i]
                    .iter()
                    .any(|p| p.word && COPULAS.contains(&p.lower.as_str())),
                Kind::Adverb => {
                    at_clause_start || toks.get(j).is_none_or(|n| !n.word && n.lower == ",")
                }
            };
            if !ok || !context_allows(toks, i, j, w) {
                continue;
            }
            let sourced = match e.category {
                WatchCategory::Puffery | WatchCategory::Label | WatchCategory::Doubt => {
                    attributed(toks, i)
                }
                // `it has been suggested by Botkins and Sedjo` names its source.
                WatchCategory::Weasel => sourced_after(toks, j.saturating_sub(1)),
                _ => false,
            };
            if sourced {
                continue;
            }
            if best.is_none_or(|(bj, _)| j > bj) {
                best = Some((j, e));
            }
        }
        match best {
            Some((j, e)) => {
                out.push(EditorialHit {
                    start: t.start,
                    end: toks[j - 1].end,
                    category: e.category,
                    source: e.source.clone(),
                    why: e.why.clone(),
                });
                i = j;
            }
            None => i += 1,
        }
    }
    out.sort_by_key(|h| (h.start, h.end));
    out.dedup_by(|b, a| b.start < a.end);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hits(s: &str) -> Vec<(String, WatchCategory)> {
        editorial_hits(s, false)
            .into_iter()
            .map(|h| (s[h.start..h.end].to_string(), h.category))
            .collect()
    }

    fn flagged(s: &str) -> bool {
        !hits(s).is_empty()
    }

    #[test]
    fn data_rows_are_well_formed() {
        for row in tsv_rows(WORDS_TO_WATCH) {
            assert_eq!(row.len(), 5, "{row:?}");
            assert!(WatchCategory::parse(row[0]).is_some(), "{row:?}");
        }
        assert!(WATCH.entries.len() > 100);
        for c in WatchCategory::ALL {
            assert!(WATCH.entries.iter().any(|e| e.category == c), "{c:?}");
        }
    }

    #[test]
    fn each_category() {
        use WatchCategory::*;
        assert_eq!(
            hits("He was a world-renowned guitarist."),
            [("world-renowned".into(), Puffery)]
        );
        assert_eq!(hits("The group is a cult."), [("a cult".into(), Label)]);
        assert_eq!(
            hits("Some people say it works."),
            [("Some people say".into(), Weasel)]
        );
        assert_eq!(
            hits("The supposedly secret plan leaked."),
            [("supposedly".into(), Doubt)]
        );
        assert_eq!(
            hits("Ironically, it rained."),
            [("Ironically".into(), Editorial)]
        );
        assert_eq!(
            hits("He admitted that he lied."),
            [("admitted that".into(), Said)]
        );
        assert_eq!(
            hits("She passed away in 1990."),
            [("passed away".into(), Euphemism)]
        );
        assert_eq!(
            hits("They took the lion's share."),
            [("the lion's share".into(), Cliche)]
        );
    }

    #[test]
    fn context_keeps_precision() {
        // Quotations and named sources.
        assert!(!flagged("Smith called the film \"brilliant\"."));
        assert!(!flagged("Rolling Stone described the album as iconic."));
        // Names and fixed terms.
        assert!(!flagged("He signed with Iconic Records in 1990."));
        assert!(!flagged("The Great Depression began in 1929."));
        // Other senses.
        assert!(!flagged("The court found him guilty of the alleged fraud."));
        assert!(!flagged("The town celebrated its anniversary."));
        assert!(!flagged("The town was supposed to grow."));
        assert!(!flagged("He was admitted to hospital."));
        assert!(!flagged("She claimed the title in 1990."));
        assert!(!flagged("The line is clearly visible."));
        assert!(!flagged("It was done as a matter of course."));
        assert!(!flagged("The cult film was released in 1980."));
        assert!(!flagged("The result was statistically significant."));
        assert!(!flagged("The legendary King Arthur held court at Camelot."));
        // Openers only as openers.
        assert!(!flagged("It was ironically titled \"Victory\"."));
        assert!(flagged("Ironically, the team lost."));
        assert!(flagged("The team, ironically, lost."));
        assert!(flagged("Clearly, this is the best."));
        assert!(flagged("It is, of course, the best."));
    }

    #[test]
    fn loaded_framing() {
        let s = "From a policy perspective focused on order and safety, deterrence is not about vengeance.";
        assert_eq!(
            hits(s),
            [(
                "From a policy perspective focused on order and safety".into(),
                WatchCategory::Editorial
            )]
        );
        assert!(!flagged(
            "From his perspective, Smith argued that it failed."
        ));
        assert!(!flagged("From the tower, the view is wide."));
        let s = "While critics warn of entanglement, in practice the alliance deters war.";
        assert_eq!(hits(s), [("in practice".into(), WatchCategory::Editorial)]);
    }

    #[test]
    fn configuration_adds_and_removes() {
        let toks = tokenize("The truly glorious plan is ironically late.");
        let mut s = WatchSettings::default();
        s.add
            .insert(WatchCategory::Puffery, vec!["truly".to_string()]);
        s.remove.insert("ironically".to_string());
        let got: Vec<WatchCategory> = editorial_hits_in(&toks, false, &s)
            .into_iter()
            .map(|h| h.category)
            .collect();
        assert_eq!(got, [WatchCategory::Puffery, WatchCategory::Puffery]);
    }
}
