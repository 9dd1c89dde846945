//! Stance cues: which side, if any, speaks in a sentence.
//!
//! A sentence is split into independent clauses (at `;` and at `, while`,
//! `, whereas`, `, but`, `, yet`). In each clause the analysis looks for one
//! *voice*: who makes a claim, and for which side.
//!
//! - An **actor** (`critics`, `opponents`, `proponents`, `supporters`, ...) that
//!   heads the subject (within the first few words of the clause, with no
//!   preposition or verb before it) followed by a **verb of contention**
//!   (`argue`, `warn`, `counter`, ...) or a verb that takes a `that` clause
//!   (`maintain that`, `say that`). The subject's head decides the side:
//!   `critics of the opponents argue` is con, `supporters of the critics argue`
//!   is pro.
//! - A **phrase** that names a side without a noun (`The concern is that`,
//!   `Some worry that`).
//! - A **reply** (`The response is that`, `Others counter`): the side opposite
//!   to the previous voice of the same block.
//! - A **weasel claim** (`Some argue that ...`): con only when the claim names a
//!   harm (`harm`, `undermine`, `costly`, ...).
//!
//! Traps handled: a negated verb (`critics do not dispute that`) attributes no
//! claim; a cue in a sentence-initial subordinate clause (`When critics accuse
//! X, advocates argue ...`) is skipped, so the main clause decides; connectives
//! (`by contrast`, `however`) are skipped; two coordinated actors of opposite
//! sides (`critics and supporters alike`) give no side; `critics` alone, which
//! also names reviewers, counts only with verbs of contention or `maintain that`,
//! never with `said`/`noted`/`praised` (`critics praised the painting`, `was well
//! received by critics` and `critical acclaim` are reception, not a side).
//!
//! # What the analysis cannot see
//! It reads words, not meaning. It does not resolve pronouns (`They argue` after
//! a sentence about critics has no side), named people or organisations (`The
//! ACLU argues`, `Smith contends`), reported speech without a cue word, quoted
//! opinions, irony, or a side implied by content alone (`Alliances drag states
//! into wars.`). It does not parse: a subject longer than a few words, a verb far
//! from its subject, or a clause boundary without punctuation can hide a voice.
//! Which side is "pro" is the side the cue names (proponents *of something*); it
//! does not know what the something is, so two debates in one block are one.
//! The lexicons are in `data/stance-cues.tsv` and `data/words-to-watch.tsv`,
//! each entry with the guideline it comes from.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use super::balance::Stance;

const STANCE_CUES: &str = include_str!("../../data/stance-cues.tsv");
const WORDS_TO_WATCH: &str = include_str!("../../data/words-to-watch.tsv");

/// One token of a sentence: a word or a punctuation mark, with its byte range.
#[derive(Debug, Clone)]
pub(crate) struct Tok {
    /// Lower case, curly apostrophes straightened.
    pub lower: String,
    /// Byte start in the tokenised text.
    pub start: usize,
    /// Byte end in the tokenised text.
    pub end: usize,
    /// A word (alphanumeric run) rather than punctuation.
    pub word: bool,
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐')
}

/// Words and the punctuation that matters for clauses and quotes. Markup
/// (`*`, `_`, `` ` ``, `[`, `]`, `#`) and white space are dropped.
pub(crate) fn tokenize(s: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if c.is_alphanumeric() {
            let mut j = i + 1;
            while j < chars.len() {
                let cj = chars[j].1;
                if cj.is_alphanumeric() {
                    j += 1;
                } else if is_joiner(cj) && chars.get(j + 1).is_some_and(|n| n.1.is_alphanumeric()) {
                    j += 2;
                } else {
                    break;
                }
            }
            let end = chars.get(j).map_or(s.len(), |n| n.0);
            let word = &s[at..end];
            // One allocation for the common ASCII word; the curly apostrophe is
            // folded to `'` only where it occurs.
            let lower = if word.is_ascii() {
                word.to_ascii_lowercase()
            } else if word.contains('’') {
                word.to_lowercase().replace('’', "'")
            } else {
                word.to_lowercase()
            };
            out.push(Tok {
                lower,
                start: at,
                end,
                word: true,
            });
            i = j;
            continue;
        }
        if matches!(
            c,
            ',' | ';' | ':' | '(' | ')' | '"' | '“' | '”' | '—' | '–' | '-' | '.' | '!' | '?'
        ) {
            out.push(Tok {
                lower: c.to_string(),
                start: at,
                end: at + c.len_utf8(),
                word: false,
            });
        }
        i += 1;
    }
    out
}

/// Number of word tokens in `toks`.
pub(crate) fn words_in(toks: &[Tok]) -> usize {
    toks.iter().filter(|t| t.word).count()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum VerbKind {
    Claim,
    That,
    Say,
    Report,
}

/// The stance lexicon, parsed once from `data/stance-cues.tsv`.
struct Lexicon {
    actors: HashMap<String, (Stance, bool)>,
    verbs: Vec<(Vec<String>, VerbKind)>,
    phrases: Vec<(Vec<String>, Stance)>,
    replies: Vec<Vec<String>>,
    weasel_claims: Vec<Vec<String>>,
    harms: HashSet<String>,
    connectives: Vec<Vec<String>>,
    subordinators: Vec<Vec<String>>,
    negations: Vec<Vec<String>>,
    blockers: HashSet<String>,
    coordinators: HashSet<String>,
}

fn words(phrase: &str) -> Vec<String> {
    phrase.split_whitespace().map(str::to_lowercase).collect()
}

/// The non-comment lines of a TSV data file, split into fields.
pub(crate) fn tsv_rows(data: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    data.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

fn side(s: &str) -> Option<Stance> {
    match s {
        "pro" => Some(Stance::Pro),
        "con" => Some(Stance::Con),
        _ => None,
    }
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut lx = Lexicon {
        actors: HashMap::new(),
        verbs: Vec::new(),
        phrases: Vec::new(),
        replies: Vec::new(),
        weasel_claims: Vec::new(),
        harms: HashSet::new(),
        connectives: Vec::new(),
        subordinators: Vec::new(),
        negations: Vec::new(),
        blockers: HashSet::new(),
        coordinators: HashSet::new(),
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
    lx
});

/// If the words of `phrase` start at token `i` (consecutive word tokens), the
/// index just past them.
fn match_at(toks: &[Tok], i: usize, phrase: &[String]) -> Option<usize> {
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

fn match_any<'a>(
    toks: &[Tok],
    i: usize,
    list: impl IntoIterator<Item = &'a Vec<String>>,
) -> Option<usize> {
    list.into_iter().find_map(|p| match_at(toks, i, p))
}

fn is_negation(t: &Tok) -> bool {
    t.word && (t.lower.ends_with("n't") || t.lower == "cannot")
}

/// One side speaking in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RawVoice {
    pub stance: Stance,
    /// The actor as written, e.g. `Critics`; `None` for a phrase.
    pub actor: Option<(usize, usize)>,
    /// From the first to the last token of the cue (byte range in the text).
    pub cue: (usize, usize),
    /// Words of the clause the voice speaks in.
    pub words: usize,
}

/// Clause ranges (token indices) of a sentence.
fn clauses(toks: &[Tok]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if !t.word && t.lower == ";" {
            out.push((start, i));
            start = i + 1;
        } else if !t.word
            && t.lower == ","
            && toks
                .get(i + 1)
                .is_some_and(|n| matches!(n.lower.as_str(), "while" | "whereas" | "but" | "yet"))
        {
            out.push((start, i));
            start = i + 2;
            i += 1;
        }
        i += 1;
    }
    out.push((start, toks.len()));
    out.retain(|(s, e)| s < e);
    out
}

fn skip_connectives(toks: &[Tok], mut i: usize, hi: usize) -> usize {
    let lx = &*LEXICON;
    while i < hi {
        let t = &toks[i];
        if !t.word && matches!(t.lower.as_str(), "," | "—" | "–" | "(" | ")") {
            i += 1;
        } else if let Some(j) = match_any(toks, i, &lx.connectives) {
            i = j;
        } else {
            break;
        }
    }
    i
}

/// The voice of one clause, if any.
fn clause_voice(
    toks: &[Tok],
    mut lo: usize,
    hi: usize,
    mut prev: Option<Stance>,
    first: bool,
) -> Option<Vec<RawVoice>> {
    let lx = &*LEXICON;
    let mut i = skip_connectives(toks, lo, hi);
    let mut sub = None;
    if let Some(j) = match_any(toks, i, &lx.subordinators).filter(|_| first) {
        // A sentence-initial subordinate clause ends at its first comma; a voice
        // in it speaks first, and the main clause has the last word.
        let comma = (j..hi).find(|&k| !toks[k].word && toks[k].lower == ",")?;
        sub = clause_voice(toks, j, comma, prev, false)
            .and_then(|v| v.into_iter().next())
            .map(|mut v| {
                v.words = words_in(&toks[lo..=comma]);
                v
            });
        prev = sub.as_ref().map_or(prev, |v| Some(v.stance));
        i = skip_connectives(toks, comma + 1, hi);
        lo = comma + 1;
    }
    let main = main_voice(toks, i, lo, hi, prev);
    match (sub, main) {
        (Some(s), Some(m)) => Some(vec![s, m]),
        (Some(s), None) => Some(vec![s]),
        (None, Some(m)) => Some(vec![m]),
        (None, None) => None,
    }
}

/// The voice of a main clause starting at token `i` (`lo..hi` is the clause).
fn main_voice(
    toks: &[Tok],
    i: usize,
    lo: usize,
    hi: usize,
    prev: Option<Stance>,
) -> Option<RawVoice> {
    let lx = &*LEXICON;
    if i >= hi {
        return None;
    }
    let words = words_in(&toks[lo..hi]);
    let span = |a: usize, b: usize| (toks[a].start, toks[b - 1].end);
    if let Some((j, st)) = lx
        .phrases
        .iter()
        .find_map(|(p, st)| match_at(toks, i, p).map(|j| (j, *st)))
    {
        return Some(RawVoice {
            stance: st,
            actor: None,
            cue: span(i, j),
            words,
        });
    }
    if let Some(j) = match_any(toks, i, &lx.replies) {
        let st = match prev? {
            Stance::Pro => Stance::Con,
            Stance::Con => Stance::Pro,
        };
        return Some(RawVoice {
            stance: st,
            actor: None,
            cue: span(i, j),
            words,
        });
    }
    if let Some(j) = match_any(toks, i, &lx.weasel_claims) {
        let harmful = toks[j..hi]
            .iter()
            .any(|t| t.word && lx.harms.contains(&t.lower));
        return harmful.then(|| RawVoice {
            stance: Stance::Con,
            actor: None,
            cue: span(i, j),
            words,
        });
    }
    // The head of the subject: the first actor among the first few words, with
    // nothing before it that shows it is not the subject.
    let mut found = None;
    for (k, t) in toks.iter().enumerate().take(hi.min(i + 5)).skip(i) {
        if !t.word {
            return None;
        }
        if let Some(&(st, strict)) = lx.actors.get(&t.lower) {
            found = Some((k, st, strict));
            break;
        }
        if lx.blockers.contains(&t.lower) || is_negation(t) {
            return None;
        }
    }
    let (k, st, strict) = found?;
    // `critics and supporters alike`: no side.
    if toks
        .get(k + 1)
        .is_some_and(|t| lx.coordinators.contains(&t.lower))
    {
        let other = toks[k + 2..hi.min(k + 5)]
            .iter()
            .find_map(|t| lx.actors.get(&t.lower));
        if other.is_some_and(|o| o.0 != st) {
            return None;
        }
    }
    let mut negated = false;
    let mut j = k + 1;
    while j < hi.min(k + 18) {
        let t = &toks[j];
        if is_negation(t) || match_any(toks, j, &lx.negations).is_some() {
            negated = true;
        }
        if let Some((end, kind)) = lx
            .verbs
            .iter()
            .find_map(|(p, kind)| match_at(toks, j, p).map(|e| (e, *kind)))
        {
            if negated {
                return None;
            }
            let takes_that = toks[end..hi.min(end + 4)]
                .iter()
                .any(|t| t.word && t.lower == "that");
            let ok = match kind {
                VerbKind::Claim => true,
                VerbKind::That => takes_that,
                VerbKind::Say => !strict,
                VerbKind::Report => takes_that && !strict,
            };
            return ok.then(|| RawVoice {
                stance: st,
                actor: Some((toks[k].start, toks[k].end)),
                cue: span(k, end),
                words,
            });
        }
        if t.word
            && matches!(
                t.lower.as_str(),
                "who" | "which" | "whom" | "whose" | "is" | "are" | "was" | "were"
            )
        {
            return None;
        }
        j += 1;
    }
    None
}

/// Every voice of a sentence, in order. `prev` is the side of the last voice
/// earlier in the same block (for replies). Byte ranges are relative to `text`;
/// a sentence with one voice gives that voice all its words.
#[cfg(test)]
pub(crate) fn voices(text: &str, prev: Option<Stance>) -> Vec<RawVoice> {
    voices_in(&tokenize(text), prev)
}

/// Every voice of a sentence, over tokens already made (the analysis tokenises each sentence once).
pub(crate) fn voices_in(toks: &[Tok], mut prev: Option<Stance>) -> Vec<RawVoice> {
    let mut out: Vec<RawVoice> = Vec::new();
    for (n, (lo, hi)) in clauses(toks).into_iter().enumerate() {
        for v in clause_voice(toks, lo, hi, prev, n == 0).unwrap_or_default() {
            prev = Some(v.stance);
            out.push(v);
        }
    }
    if out.len() == 1 {
        out[0].words = words_in(toks);
    }
    out
}

/// A word-to-watch found in a sentence (B005).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditorialHit {
    /// Byte range in the text searched.
    pub start: usize,
    /// Byte end.
    pub end: usize,
    /// The phrase as listed.
    pub phrase: &'static str,
    /// The guideline that lists it.
    pub source: &'static str,
    /// Why it is editorial.
    pub why: &'static str,
}

struct Watch {
    anywhere: Vec<(Vec<String>, &'static str, &'static str, &'static str)>,
    /// First words of the `anywhere` phrases: most tokens start none of them.
    anywhere_first: std::collections::HashSet<String>,
    openers: Vec<(Vec<String>, &'static str, &'static str, &'static str)>,
    exclude_before: Vec<(String, String)>,
}

static WATCH: LazyLock<Watch> = LazyLock::new(|| {
    let mut w = Watch {
        anywhere: Vec::new(),
        anywhere_first: std::collections::HashSet::new(),
        openers: Vec::new(),
        exclude_before: Vec::new(),
    };
    for row in tsv_rows(WORDS_TO_WATCH) {
        let [kind, phrase, source, why, ..] = row[..] else {
            continue;
        };
        match kind {
            "anywhere" => w.anywhere.push((words(phrase), phrase, source, why)),
            "opener" => w.openers.push((words(phrase), phrase, source, why)),
            "exclude-before" => {
                if let Some((before, p)) = phrase.split_once('|') {
                    w.exclude_before.push((before.to_string(), p.to_string()));
                }
            }
            _ => {}
        }
    }
    w.anywhere_first = w
        .anywhere
        .iter()
        .filter_map(|(p, ..)| p.first().cloned())
        .collect();
    w
});

/// Whether `text` leaves a quotation open at its end, given whether it
/// started inside one: straight double quotes toggle, curly ones open and close.
#[must_use]
pub fn opens_quote(text: &str, mut quoted: bool) -> bool {
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '“' => quoted = true,
            '”' => quoted = false,
            _ => {}
        }
    }
    quoted
}

/// Words to watch in a sentence: editorial and weasel phrasing outside quotation marks.
/// `quoted`: the text starts inside a quotation (see [`opens_quote`]).
#[must_use]
pub fn editorial_hits(text: &str, quoted: bool) -> Vec<EditorialHit> {
    editorial_hits_in(&tokenize(text), quoted)
}

/// [`editorial_hits`] over tokens already made.
pub(crate) fn editorial_hits_in(toks: &[Tok], quoted: bool) -> Vec<EditorialHit> {
    let w = &*WATCH;
    let mut out = Vec::new();
    let mut quoted = quoted;
    let mut clause_start = true;
    for i in 0..toks.len() {
        let t = &toks[i];
        if !t.word {
            match t.lower.as_str() {
                "\"" => quoted = !quoted,
                "“" => quoted = true,
                "”" => quoted = false,
                ";" | ":" | "(" | "—" | "–" => clause_start = true,
                _ => {}
            }
            continue;
        }
        if quoted {
            clause_start = false;
            continue;
        }
        let may_start = w.anywhere_first.contains(t.lower.as_str());
        for (p, phrase, source, why) in w.anywhere.iter().filter(|_| may_start) {
            if let Some(j) = match_at(toks, i, p) {
                let before = i.checked_sub(1).map(|b| toks[b].lower.as_str());
                let idiom = w
                    .exclude_before
                    .iter()
                    .any(|(b, ph)| ph == phrase && before == Some(b.as_str()));
                if !idiom {
                    out.push(EditorialHit {
                        start: t.start,
                        end: toks[j - 1].end,
                        phrase,
                        source,
                        why,
                    });
                }
            }
        }
        if clause_start {
            for (p, phrase, source, why) in &w.openers {
                let opener =
                    match_at(toks, i, p).filter(|&j| toks.get(j).is_some_and(|n| n.lower == ","));
                if let Some(j) = opener {
                    out.push(EditorialHit {
                        start: t.start,
                        end: toks[j - 1].end,
                        phrase,
                        source,
                        why,
                    });
                }
            }
        }
        clause_start = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn side_of(s: &str) -> Option<Stance> {
        voices(s, None).last().map(|v| v.stance)
    }

    fn sides(s: &str) -> Vec<Stance> {
        voices(s, None).iter().map(|v| v.stance).collect()
    }

    #[test]
    fn lexicon_rows_are_well_formed() {
        for row in tsv_rows(STANCE_CUES) {
            assert_eq!(row.len(), 4, "{row:?}");
            assert!(!row[3].trim().is_empty(), "no source: {row:?}");
        }
        for row in tsv_rows(WORDS_TO_WATCH) {
            assert_eq!(row.len(), 4, "{row:?}");
        }
        assert!(LEXICON.actors.len() >= 10);
        assert!(!WATCH.anywhere.is_empty());
    }

    #[test]
    fn actors_with_verbs_of_contention() {
        assert_eq!(
            side_of("Critics fear that commitments constrain decisions."),
            Some(Stance::Con)
        );
        assert_eq!(
            side_of("Proponents counter that alliances reduce risk."),
            Some(Stance::Pro)
        );
        assert_eq!(
            side_of("Some critics have long argued this."),
            Some(Stance::Con)
        );
        assert_eq!(
            side_of("Defenders maintain that controls are essential."),
            Some(Stance::Pro)
        );
        assert_eq!(
            side_of("Its opponents say that the plan fails."),
            Some(Stance::Con)
        );
    }

    #[test]
    fn phrases_and_replies() {
        assert_eq!(
            side_of("Some worry that cooperation could drum up alliances."),
            Some(Stance::Con)
        );
        assert_eq!(
            side_of("The concern is that allies free-ride."),
            Some(Stance::Con)
        );
        // A reply answers the previous voice; alone it has no side.
        assert_eq!(
            side_of("The response is that budgets are transparent."),
            None
        );
        assert_eq!(
            voices(
                "The response is that budgets are transparent.",
                Some(Stance::Con)
            )[0]
            .stance,
            Stance::Pro
        );
        assert_eq!(
            side_of("Some argue that the treaty would undermine sovereignty."),
            Some(Stance::Con)
        );
        assert_eq!(side_of("Some argue that the treaty is old."), None);
    }

    #[test]
    fn the_head_of_the_subject_decides() {
        assert_eq!(
            side_of("Critics of the opponents argue that the plan works."),
            Some(Stance::Con)
        );
        assert_eq!(
            side_of("Supporters of the critics argue that the plan fails."),
            Some(Stance::Pro)
        );
        assert_eq!(side_of("The arguments of critics are weak."), None);
        assert_eq!(
            side_of("Both critics and supporters argue that it matters."),
            None
        );
        assert_eq!(
            side_of("Critics and supporters alike argue that it matters."),
            None
        );
    }

    #[test]
    fn negation_is_no_claim() {
        assert_eq!(
            side_of("Critics do not dispute that alliances deter."),
            None
        );
        assert_eq!(side_of("Opponents have never argued that it failed."), None);
        assert_eq!(side_of("Critics don't dispute that alliances deter."), None);
    }

    #[test]
    fn the_main_clause_wins() {
        let s = "When critics accuse defense cooperation of being morally reckless, advocates argue that the alternative invites aggression.";
        // The subordinate clause speaks first; the main clause has the last word.
        assert_eq!(sides(s), vec![Stance::Con, Stance::Pro]);
        assert_eq!(side_of(s), Some(Stance::Pro));
        let s = "While its supporters argue that markets compete, opponents say that they collude.";
        assert_eq!(sides(s), vec![Stance::Pro, Stance::Con]);
        let s = "While it can be controversial—with critics warning of entanglements—the practical record is that it works.";
        assert_eq!(sides(s), vec![]);
    }

    #[test]
    fn both_sides_in_one_sentence() {
        let s = "Critics, by contrast, argue that alliances drag states into conflicts; supporters respond that commitments lessen wars.";
        assert_eq!(sides(s), vec![Stance::Con, Stance::Pro]);
        let s = "Critics argue that it is costly, while supporters contend that it saves lives.";
        assert_eq!(sides(s), vec![Stance::Con, Stance::Pro]);
        let s = "By contrast, supporters argue that it saves lives.";
        assert_eq!(sides(s), vec![Stance::Pro]);
    }

    #[test]
    fn say_counts_for_sides_but_not_for_critics() {
        assert_eq!(
            side_of("Opponents say same-sex unions are not marriages."),
            Some(Stance::Con)
        );
        assert_eq!(
            side_of("Some people worry that rights conflict."),
            Some(Stance::Con)
        );
        assert_eq!(
            side_of("There is also concern that churches may be forced."),
            Some(Stance::Con)
        );
        assert_eq!(side_of("Critics said the film was too long."), None);
    }

    #[test]
    fn reception_is_not_a_side() {
        assert_eq!(side_of("Critics praised the painting for its light."), None);
        assert_eq!(side_of("The painting was well received by critics."), None);
        assert_eq!(side_of("It met with critical acclaim."), None);
        assert_eq!(side_of("Critics said that the film was too long."), None);
        assert_eq!(side_of("Critics noted that the colours had faded."), None);
        assert_eq!(side_of("The defenders held the fort for a week."), None);
    }

    #[test]
    fn cue_spans_are_in_the_text() {
        let s = "Critics,\n  by contrast, argue that it fails.";
        let v = &voices(s, None)[0];
        assert_eq!(&s[v.cue.0..v.cue.1], "Critics,\n  by contrast, argue");
        let (a, b) = v.actor.unwrap_or_default();
        assert_eq!(&s[a..b], "Critics");
    }

    #[test]
    fn no_panic_on_odd_text() {
        for s in [
            "",
            ";;;",
            ", while",
            "Critics",
            "critics ’",
            "Ünïcödé — critics — argue",
            "When critics argue",
        ] {
            let _ = voices(s, None);
            let _ = editorial_hits(s, false);
        }
    }

    #[test]
    fn words_to_watch() {
        let s = "While it can be controversial, the practical record is that it works.";
        let h = editorial_hits(s, false);
        assert_eq!(h.len(), 1);
        assert_eq!(&s[h[0].start..h[0].end], "the practical record is that");
        assert_eq!(editorial_hits("Clearly, this is best.", false).len(), 1);
        assert!(editorial_hits("The line is clearly visible.", false).is_empty());
        assert!(editorial_hits("It was done as a matter of course.", false).is_empty());
        assert_eq!(
            editorial_hits("It is, of course, the best.", false).len(),
            1
        );
        assert!(editorial_hits("He said \"of course it works\" twice.", false).is_empty());
        // A quotation that began in an earlier sentence.
        assert!(editorial_hits("Of course it works.\" He left.", true).is_empty());
        assert!(opens_quote("He said: \"It is new.", false));
        assert!(!opens_quote("“It is new.” He left.", false));
    }
}
