//! The stance cue lexicon (`data/stance-cues.tsv`), parsed once, and whole-word
//! phrase matching over tokens.

// FxHash: the lexicons are looked up for every word of every sentence, and
// SipHash (std's default, built against untrusted keys) was a fifth of a run.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

use crate::model::Stance;
use crate::text::{Tok, tsv_rows};

pub(crate) const STANCE_CUES: &str = include_str!("../../../data/stance-cues.tsv");

/// The months, lower-case, as tokens hold them (a date in a subject, `on 14
/// January 1974`; a month is no name after `in`).
pub(crate) const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum VerbKind {
    Claim,
    That,
    Say,
    Report,
}

/// The stance lexicon, parsed once from `data/stance-cues.tsv`.
pub(crate) struct Lexicon {
    pub(crate) actors: HashMap<String, (Stance, bool)>,
    pub(crate) verbs: Vec<(Vec<String>, VerbKind)>,
    pub(crate) phrases: Vec<(Vec<String>, Stance)>,
    pub(crate) replies: Vec<Vec<String>>,
    pub(crate) weasel_claims: Vec<Vec<String>>,
    pub(crate) harms: HashSet<String>,
    pub(crate) connectives: Vec<Vec<String>>,
    pub(crate) subordinators: Vec<Vec<String>>,
    pub(crate) negations: Vec<Vec<String>>,
    pub(crate) blockers: HashSet<String>,
    pub(crate) coordinators: HashSet<String>,
    /// The first word of every phrase of the lists above: a word that is not
    /// here starts none of them, which one lookup tells instead of a scan.
    starts: HashSet<String>,
    /// The same words, each with the lists (`S_*` bits) it starts a phrase of.
    list_starts: HashMap<String, u16>,
    /// The verbs ([`Lexicon::verbs`]) by first word, each word's in list
    /// order: a verb of the list is looked for among those that start with
    /// the token's word, not by comparing the token with every verb.
    verbs_by_first: HashMap<String, Vec<usize>>,
    /// The same for [`Lexicon::phrases`].
    phrases_by_first: HashMap<String, Vec<usize>>,
}

/// The places in `list` of the phrases that start with each word, in order.
fn by_first<'a>(list: impl IntoIterator<Item = &'a Vec<String>>) -> HashMap<String, Vec<usize>> {
    let mut map: HashMap<String, Vec<usize>> = HashMap::default();
    for (n, phrase) in list.into_iter().enumerate() {
        if let Some(first) = phrase.first() {
            map.entry(first.clone()).or_default().push(n);
        }
    }
    map
}

impl Lexicon {
    /// The verb of [`Lexicon::verbs`] that starts at token `i`, the first in
    /// list order (longest first), and the index just past it.
    pub(crate) fn verb_at(&self, toks: &[Tok], i: usize) -> Option<(usize, VerbKind)> {
        let candidates = self.verbs_by_first.get(toks.get(i)?.lower.as_str())?;
        candidates.iter().find_map(|&n| {
            let (p, kind) = &self.verbs[n];
            match_at(toks, i, p).map(|e| (e, *kind))
        })
    }

    /// The phrase of [`Lexicon::phrases`] that starts at token `i`, the first
    /// in list order, the index just past it and its side.
    pub(crate) fn phrase_at(&self, toks: &[Tok], i: usize) -> Option<(usize, Stance)> {
        let candidates = self.phrases_by_first.get(toks.get(i)?.lower.as_str())?;
        candidates.iter().find_map(|&n| {
            let (p, st) = &self.phrases[n];
            match_at(toks, i, p).map(|j| (j, *st))
        })
    }
}

// The bits of `Tok::tag` that the stance analysis sets (see
// `predicates::tag_tokens`): the predicates' kinds are bits 0 to 24, these
// are the lexicon's. A token whose tag lacks `T_TAGGED` is looked up instead.
/// The token has been tagged: its other bits are to be trusted.
pub(crate) const T_TAGGED: u32 = 1 << 31;
/// A word that starts some phrase of the lexicon ([`Lexicon::may_start`]).
pub(crate) const T_START: u32 = 1 << 30;
/// A key of [`Lexicon::actors`].
pub(crate) const T_ACTOR: u32 = 1 << 29;
/// One of [`Lexicon::blockers`].
pub(crate) const T_BLOCKER: u32 = 1 << 28;
/// One of [`Lexicon::coordinators`].
pub(crate) const T_COORDINATOR: u32 = 1 << 27;
/// One of [`Lexicon::harms`].
pub(crate) const T_HARM: u32 = 1 << 26;
/// A word that starts a built-in entry of the words to watch
/// (`watch::first_words`): the last free bit, between the kinds and these.
pub(crate) const T_WATCH_FIRST: u32 = 1 << 25;

// The bits of `Tok::tag2`: the lists of which some phrase starts with the word.
/// [`Lexicon::verbs`].
pub(crate) const S_VERB: u16 = 1;
/// [`Lexicon::phrases`].
pub(crate) const S_PHRASE: u16 = 1 << 1;
/// [`Lexicon::replies`].
pub(crate) const S_REPLY: u16 = 1 << 2;
/// [`Lexicon::weasel_claims`].
pub(crate) const S_WEASEL: u16 = 1 << 3;
/// [`Lexicon::connectives`].
pub(crate) const S_CONNECTIVE: u16 = 1 << 4;
/// [`Lexicon::subordinators`].
pub(crate) const S_SUBORDINATOR: u16 = 1 << 5;
/// [`Lexicon::negations`].
pub(crate) const S_NEGATION: u16 = 1 << 6;

/// Whether `t` may be in the table of tag bit `bit`: false only when its tag
/// says it is not (an untagged token may be anything, and is looked up).
#[inline]
pub(crate) fn may_be(t: &Tok, bit: u32) -> bool {
    t.tag & T_TAGGED == 0 || t.tag & bit != 0
}

impl Lexicon {
    /// Whether some phrase of the lexicon's phrase lists (verbs, phrases,
    /// replies, weasel claims, connectives, subordinators, negations) may
    /// start at `t`.
    pub(crate) fn may_start(&self, t: &Tok) -> bool {
        if t.tag & T_TAGGED != 0 {
            return t.tag & T_START != 0;
        }
        t.word && self.starts.contains(t.lower.as_str())
    }

    /// Whether a phrase of the list of `S_*` bit `list` may start at `t`:
    /// its tag says so, or (untagged) some phrase of any list may.
    pub(crate) fn may_start_in(&self, t: &Tok, list: u16) -> bool {
        if t.tag & T_TAGGED != 0 {
            return t.tag2 & list != 0;
        }
        self.may_start(t)
    }

    /// The `S_*` bits of a token with `word` and `lower` (`Tok::tag2`).
    pub(crate) fn tag2_of(&self, word: bool, lower: &str) -> u16 {
        if word {
            self.list_starts.get(lower).copied().unwrap_or(0)
        } else {
            0
        }
    }

    /// The lexicon's bits of the tag of a token with `word` and `lower`.
    pub(crate) fn tag_of(&self, word: bool, lower: &str) -> u32 {
        let mut tag = 0;
        for (set, bit) in [
            (&self.blockers, T_BLOCKER),
            (&self.coordinators, T_COORDINATOR),
            (&self.harms, T_HARM),
        ] {
            if set.contains(lower) {
                tag |= bit;
            }
        }
        if self.actors.contains_key(lower) {
            tag |= T_ACTOR;
        }
        if word && self.starts.contains(lower) {
            tag |= T_START;
        }
        tag
    }

    /// Every string that has a bit in [`Lexicon::tag_of`].
    pub(crate) fn tagged_words(&self) -> impl Iterator<Item = &str> {
        self.blockers
            .iter()
            .chain(&self.coordinators)
            .chain(&self.harms)
            .chain(self.actors.keys())
            .chain(&self.starts)
            .map(String::as_str)
    }
}

pub(crate) fn words(phrase: &str) -> Vec<String> {
    phrase.split_whitespace().map(str::to_lowercase).collect()
}

pub(crate) fn side(s: &str) -> Option<Stance> {
    match s {
        "pro" => Some(Stance::Pro),
        "con" => Some(Stance::Con),
        _ => None,
    }
}

pub(crate) static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut lx = Lexicon {
        actors: HashMap::default(),
        verbs: Vec::new(),
        phrases: Vec::new(),
        replies: Vec::new(),
        weasel_claims: Vec::new(),
        harms: HashSet::default(),
        connectives: Vec::new(),
        subordinators: Vec::new(),
        negations: Vec::new(),
        blockers: HashSet::default(),
        coordinators: HashSet::default(),
        starts: HashSet::default(),
        list_starts: HashMap::default(),
        verbs_by_first: HashMap::default(),
        phrases_by_first: HashMap::default(),
    };
    for row in tsv_rows(STANCE_CUES) {
        let [kind, s, phrase, ..] = row[..] else {
            continue;
        };
        let w = words(phrase);
        match (kind, side(s)) {
            ("actor", Some(st)) => {
                lx.actors.entry(phrase.to_string()).or_insert((st, false));
            }
            ("actor-strict", Some(st)) => {
                lx.actors.insert(phrase.to_string(), (st, true));
            }
            ("claim-verb", _) => lx.verbs.push((w, VerbKind::Claim)),
            ("that-verb", _) => lx.verbs.push((w, VerbKind::That)),
            ("say-verb", _) => lx.verbs.push((w, VerbKind::Say)),
            ("report-verb", _) => lx.verbs.push((w, VerbKind::Report)),
            ("phrase", Some(st)) => lx.phrases.push((w, st)),
            ("reply", _) => lx.replies.push(w),
            ("weasel-claim", _) => lx.weasel_claims.push(w),
            ("harm", _) => {
                lx.harms.insert(phrase.to_string());
            }
            ("connective", _) => lx.connectives.push(w),
            ("subordinator", _) => lx.subordinators.push(w),
            ("negation", _) => lx.negations.push(w),
            ("blocker", _) => {
                lx.blockers.insert(phrase.to_string());
            }
            ("coordinator", _) => {
                lx.coordinators.insert(phrase.to_string());
            }
            _ => {}
        }
    }
    // Longest phrases first, so `even though` wins over `though`.
    for list in [
        &mut lx.connectives,
        &mut lx.subordinators,
        &mut lx.negations,
    ] {
        list.sort_by_key(|w| std::cmp::Reverse(w.len()));
    }
    lx.verbs.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    let firsts: Vec<String> = lx
        .verbs
        .iter()
        .map(|(w, _)| w)
        .chain(lx.phrases.iter().map(|(w, _)| w))
        .chain(&lx.replies)
        .chain(&lx.weasel_claims)
        .chain(&lx.connectives)
        .chain(&lx.subordinators)
        .chain(&lx.negations)
        .filter_map(|w| w.first().cloned())
        .collect();
    lx.starts.extend(firsts);
    let lists: [(u16, Vec<&Vec<String>>); 7] = [
        (S_VERB, lx.verbs.iter().map(|(w, _)| w).collect()),
        (S_PHRASE, lx.phrases.iter().map(|(w, _)| w).collect()),
        (S_REPLY, lx.replies.iter().collect()),
        (S_WEASEL, lx.weasel_claims.iter().collect()),
        (S_CONNECTIVE, lx.connectives.iter().collect()),
        (S_SUBORDINATOR, lx.subordinators.iter().collect()),
        (S_NEGATION, lx.negations.iter().collect()),
    ];
    let mut list_starts: HashMap<String, u16> = HashMap::default();
    for (bit, list) in lists {
        for first in list.into_iter().filter_map(|w| w.first()) {
            *list_starts.entry(first.clone()).or_default() |= bit;
        }
    }
    lx.list_starts = list_starts;
    lx.verbs_by_first = by_first(lx.verbs.iter().map(|(w, _)| w));
    lx.phrases_by_first = by_first(lx.phrases.iter().map(|(w, _)| w));
    lx
});

/// If the words of `phrase` start at token `i` (consecutive word tokens), the
/// index just past them.
pub(crate) fn match_at(toks: &[Tok], i: usize, phrase: &[String]) -> Option<usize> {
    if phrase.is_empty() {
        return None;
    }
    for (k, w) in phrase.iter().enumerate() {
        let t = toks.get(i + k)?;
        if !t.word || t.lower != *w {
            return None;
        }
    }
    Some(i + phrase.len())
}

pub(crate) fn match_any<'a>(
    toks: &[Tok],
    i: usize,
    list: impl IntoIterator<Item = &'a Vec<String>>,
) -> Option<usize> {
    list.into_iter().find_map(|p| match_at(toks, i, p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_rows_are_well_formed() {
        for row in tsv_rows(STANCE_CUES) {
            assert_eq!(row.len(), 4, "{row:?}");
            assert!(!row[3].trim().is_empty(), "no source: {row:?}");
        }
        assert!(LEXICON.actors.len() >= 10);
    }
}
