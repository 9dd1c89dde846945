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
//! - for puffery, labels, doubt and weasel words, never inside what a sentence
//!   reports (`Baron-Cohen argues that ... remarkable`, `the popular belief that
//!   alchemists were charlatans`): a reporting verb or noun followed by `that`;
//! - puffery and labels after a weasel word of the same sentence (`is widely
//!   regarded as one of the greatest`) are that weasel's claim: one finding;
//! - openers (`Clearly, ...`) only at the start of a clause before a comma,
//!   imperatives (`Note that ...`) only without a subject of their own
//!   (`records note that` reports), and labels only as what the subject is
//!   (`X is a cult`);
//! - some context rules look at the sentences just before and after in the same
//!   block (`the controversial STRESS unit` after a sentence on the protests
//!   against it: the text documents the controversy).
//!
//! Configuration adds phrases to a category and removes phrases
//! ([`crate::settings::WatchSettings`]).

// FxHash: looked up for every word of every sentence (see predicates.rs).
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

use super::lexicon::{MONTHS, T_TAGGED, T_WATCH_FIRST};
use crate::model::WatchCategory;
use crate::settings::WatchSettings;
use crate::text::{Tok, WordTable, tokenize, tsv_rows};

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
    Imperative,
}

/// One pattern: slots of alternative words.
#[derive(Debug, Clone)]
struct Entry {
    category: WatchCategory,
    kind: Kind,
    slots: Vec<Vec<String>>,
    /// The slots as word numbers ([`Watch::vocab`]); built-in entries only
    /// (empty for the configuration's).
    ids: Vec<Vec<u32>>,
    source: String,
    why: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unless {
    /// The word just after the phrase.
    Next,
    /// The word just before the phrase.
    Prev,
    /// The subject's last word before a verb: the word just before it, or,
    /// past an appositive set off by commas, the word before the appositive
    /// (`the book, "Tolbert's Texas," claimed that`).
    Subject,
    /// Any of the three words before the phrase.
    Before,
    /// Any of the (up to four) words after the phrase before punctuation: the
    /// noun an adjective qualifies (`controversial social and political issues`).
    Head,
    /// Any word after the phrase in the sentence.
    After,
    /// Any word of the sentence.
    Near,
    /// Any word of the sentence or of the sentences just before and after it
    /// in the same block.
    Around,
    /// Any word of the sentences just before and after it in the same block,
    /// not of its own: what the sentence itself says (a claim's own words,
    /// `claimed that the documents were fake`) is no comment on it.
    Beside,
}

/// A context rule: the entries whose match starts with `key` are not flagged
/// when `words` occur where `unless` says.
struct Rule {
    key: Vec<String>,
    unless: Unless,
    words: HashSet<String>,
}

struct Watch {
    entries: Vec<Entry>,
    /// A number for every word of a built-in entry's slots: a sentence's
    /// words are looked up once each, and the slots compare numbers.
    vocab: HashMap<String, u32>,
    /// The same numbers in a table that finds a word by integer tests, not
    /// by hashing its string.
    numbers: WordTable<u32>,
    /// Entries by each word their first slot accepts, by word number.
    by_first: Vec<Vec<usize>>,
    /// For each word number, the word numbers that the second slot of one of
    /// the entries it starts accepts, a bit each (`stride` words of bits per
    /// word number), and every bit where one of them is that word alone: a
    /// frequent first word (`the`, `a`, `in`, `it`) whose next word goes on
    /// with none of its entries costs one test, not a trial of each entry.
    seconds: Vec<u64>,
    /// Words of bits per word number in [`Watch::seconds`].
    stride: usize,
    /// For each of those words' first two bytes (folded, see [`shape_key`]),
    /// a bit per length (31 for 31 bytes or more): most words of a sentence
    /// start no entry, and this tells so without hashing them.
    first_shapes: [u32; 1024],
    /// The same for the words of every later slot: a word after a frequent
    /// first word (`the`, `a`, `in`, `it`) that no later slot accepts gets
    /// no number without being hashed.
    later_shapes: [u32; 1024],
    /// Context rules by the first word of their key.
    unless: HashMap<String, Vec<Rule>>,
}

/// The sentences just before and after the one searched, in the same block,
/// for the context rules that look beyond a sentence (`unless-around`).
#[derive(Debug, Clone, Copy, Default)]
pub struct Around<'a> {
    /// The sentence before.
    pub before: Option<&'a [Tok]>,
    /// The sentence after.
    pub after: Option<&'a [Tok]>,
}

fn slots(pattern: &str) -> Vec<Vec<String>> {
    pattern
        .split_whitespace()
        .map(|s| s.split('|').map(str::to_lowercase).collect())
        .collect()
}

impl Watch {
    fn index(&mut self) {
        self.vocab.clear();
        self.by_first.clear();
        self.first_shapes = [0; 1024];
        self.later_shapes = [0; 1024];
        for e in &mut self.entries {
            e.ids = e
                .slots
                .iter()
                .map(|slot| {
                    slot.iter()
                        .map(|w| {
                            let next = u32::try_from(self.vocab.len()).unwrap_or(u32::MAX);
                            *self.vocab.entry(w.clone()).or_insert(next)
                        })
                        .collect()
                })
                .collect();
        }
        self.numbers = WordTable::new(self.vocab.iter().map(|(w, &id)| (w.as_str(), id)));
        self.by_first = vec![Vec::new(); self.vocab.len()];
        for (n, e) in self.entries.iter().enumerate() {
            for (w, &id) in e
                .slots
                .first()
                .into_iter()
                .flatten()
                .zip(e.ids.first().into_iter().flatten())
            {
                self.by_first[id as usize].push(n);
                self.first_shapes[shape_key(w)] |= shape_bit(w);
            }
            for w in e.slots.iter().skip(1).flatten() {
                self.later_shapes[shape_key(w)] |= shape_bit(w);
            }
        }
        self.stride = self.vocab.len().div_ceil(64);
        self.seconds = vec![0; self.vocab.len() * self.stride];
        for e in &self.entries {
            for &first in e.ids.first().into_iter().flatten() {
                let bits = &mut self.seconds[first as usize * self.stride..][..self.stride];
                match e.ids.get(1) {
                    Some(second) => {
                        for &id in second {
                            bits[id as usize / 64] |= 1 << (id % 64);
                        }
                    }
                    None => bits.fill(u64::MAX),
                }
            }
        }
    }

    /// Whether an entry that starts with word number `first` may go on with
    /// word number `next` (`None`: no word of any entry, or none at all).
    fn may_continue(&self, first: u32, next: Option<u32>) -> bool {
        let bits = &self.seconds[first as usize * self.stride..][..self.stride];
        match next {
            Some(id) => bits[id as usize / 64] & (1 << (id % 64)) != 0,
            // All bits are set only for a word that is an entry alone.
            None => bits.iter().all(|&b| b == u64::MAX),
        }
    }

    /// The entries whose first slot accepts `word`.
    #[cfg(test)]
    fn starting_with(&self, word: &str) -> &[usize] {
        self.number(word)
            .map_or(&[], |id| self.by_first[id as usize].as_slice())
    }

    /// The number of a word of some built-in entry.
    #[inline]
    fn number(&self, word: &str) -> Option<u32> {
        self.numbers.get(word)
    }

    /// Whether some entry may start with `word` (no false negatives).
    fn may_start(&self, word: &str) -> bool {
        self.first_shapes[shape_key(word)] & shape_bit(word) != 0
    }

    /// Whether some entry may start with the word of `t`: a tagged token
    /// (`predicates::tag_tokens`) says it with a bit, exactly; another is
    /// asked [`Watch::may_start`].
    fn may_start_tok(&self, t: &Tok) -> bool {
        if t.tag & T_TAGGED != 0 {
            t.tag & T_WATCH_FIRST != 0
        } else {
            self.may_start(&t.lower)
        }
    }

    /// Whether some entry's later slot may accept `word` (no false negatives).
    fn may_follow(&self, word: &str) -> bool {
        self.later_shapes[shape_key(word)] & shape_bit(word) != 0
    }
}

/// A word's place in [`Watch::first_shapes`]: the low five bits of its first
/// two bytes (zero where there are none). Words that share a place only share
/// a test; none is missed.
fn shape_key(word: &str) -> usize {
    let b = word.as_bytes();
    let low = |k: usize| b.get(k).map_or(0, |&x| usize::from(x & 31));
    (low(0) << 5) | low(1)
}

/// The bit of a word's length in [`Watch::first_shapes`].
fn shape_bit(word: &str) -> u32 {
    1 << word.len().min(31)
}

/// The words that start a built-in entry, for the stance tags' table: a
/// tagged token says with one bit whether it is one ([`T_WATCH_FIRST`]).
pub(crate) fn first_words() -> impl Iterator<Item = &'static str> {
    let w: &'static Watch = &WATCH;
    w.vocab
        .iter()
        .filter(|&(_, &id)| !w.by_first[id as usize].is_empty())
        .map(|(word, _)| word.as_str())
}

static WATCH: LazyLock<Watch> = LazyLock::new(|| {
    let mut w = Watch {
        entries: Vec::new(),
        vocab: HashMap::default(),
        numbers: WordTable::new(std::iter::empty::<(&str, u32)>()),
        by_first: Vec::new(),
        seconds: Vec::new(),
        stride: 0,
        first_shapes: [0; 1024],
        later_shapes: [0; 1024],
        unless: HashMap::default(),
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
            "unless-subject" => Some(Unless::Subject),
            "unless-before" => Some(Unless::Before),
            "unless-head" => Some(Unless::Head),
            "unless-after" => Some(Unless::After),
            "unless-near" => Some(Unless::Near),
            "unless-around" => Some(Unless::Around),
            "unless-beside" => Some(Unless::Beside),
            _ => None,
        };
        if let Some(unless) = unless {
            let words = source.split('|').map(str::to_lowercase).collect();
            let key: Vec<String> = pattern.split_whitespace().map(str::to_lowercase).collect();
            let Some(first) = key.first().cloned() else {
                continue;
            };
            w.unless
                .entry(first)
                .or_default()
                .push(Rule { key, unless, words });
            continue;
        }
        let kind = match kind {
            "word" => Kind::Word,
            "opener" => Kind::Opener,
            "copula" => Kind::Copula,
            "adverb" => Kind::Adverb,
            "imperative" => Kind::Imperative,
            _ => continue,
        };
        w.entries.push(Entry {
            category,
            kind,
            slots: slots(pattern),
            ids: Vec::new(),
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
    "observes",
    "remarked",
    "remarks",
    "commented",
    "claimed",
    "claims",
    "argued",
    "argues",
    "thought",
    "thinks",
    "believed",
    "believes",
    "felt",
    "feels",
    "found",
    "finds",
    "cited",
    "suggested",
    "suggests",
    "contended",
    "contends",
    "maintained",
    "maintains",
    "asserted",
    "asserts",
    "insisted",
    "insists",
    "regarded",
    "regards",
    "sees",
    "portrays",
    "portrayed",
    "depicted",
    "characterizes",
    "characterises",
    "recalled",
    "recalls",
    "reported",
    "reports",
    "explained",
    "explains",
    "concluded",
    "concludes",
    "reviewer",
    "critic",
    "critics",
    "magazine",
    "newspaper",
];

fn first_word_of(toks: &[Tok]) -> Option<usize> {
    toks.iter().position(|t| t.word)
}

/// Nouns that speak for themselves (`the critic called it brilliant`).
const AGENTS: &[&str] = &["reviewer", "critic", "critics", "magazine", "newspaper"];

/// Capitalised words that name no one: a sentence's first word is capitalised
/// whoever speaks (`This suggests ...`, `The film, called ...`).
const FUNCTION_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "it",
    "its",
    "in",
    "on",
    "at",
    "for",
    "of",
    "by",
    "as",
    "after",
    "before",
    "when",
    "while",
    "although",
    "though",
    "however",
    "but",
    "and",
    "or",
    "there",
    "here",
    "such",
    "some",
    "many",
    "most",
    "other",
    "others",
    "during",
    "since",
    "from",
    "with",
    "to",
    "if",
    "because",
    "thus",
    "so",
    "also",
    "then",
    "what",
    "which",
    "where",
    "both",
    "all",
    "each",
    "no",
    "not",
    "today",
    "now",
    "later",
    "yet",
    "instead",
    "indeed",
    "once",
    "until",
    "despite",
    "following",
    "over",
    "under",
    "between",
];

/// Determiners and possessives that open a subject (`his biographer wrote`).
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "one", "this", "that", "another",
];

/// Verbs whose `that` clause reports what someone holds (`X argues that ...`).
const REPORTING_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "wrote",
    "writes",
    "write",
    "argued",
    "argues",
    "argue",
    "claimed",
    "claims",
    "claim",
    "believed",
    "believes",
    "believe",
    "thought",
    "thinks",
    "think",
    "suggested",
    "suggests",
    "suggest",
    "contended",
    "contends",
    "contend",
    "maintained",
    "maintains",
    "maintain",
    "asserted",
    "asserts",
    "assert",
    "held",
    "holds",
    "hold",
    "felt",
    "feels",
    "feel",
    "stated",
    "states",
    "reported",
    "reports",
    "report",
    "noted",
    "notes",
    "observed",
    "observes",
    "observe",
    "remarked",
    "remarks",
    "insisted",
    "insists",
    "insist",
    "concluded",
    "concludes",
    "conclude",
    "proposed",
    "proposes",
    "propose",
    "speculated",
    "speculates",
    "posited",
    "posits",
    "hypothesized",
    "hypothesised",
    "theorized",
    "theorised",
    "opined",
    "alleged",
    "alleges",
    "allege",
    "recalled",
    "recalls",
    "explained",
    "explains",
    "added",
    "adds",
    "replied",
    "replies",
    "countered",
    "counters",
    "acknowledged",
    "acknowledges",
    "admitted",
    "admits",
    "conceded",
    "concedes",
    "declared",
    "declares",
    "announced",
    "announces",
    "stressed",
    "stresses",
    "emphasized",
    "emphasised",
    "emphasizes",
    "emphasises",
    "complained",
    "complains",
    "warned",
    "warns",
    "predicted",
    "predicts",
    "estimated",
    "estimates",
    "found",
    "finds",
    "considered",
    "considers",
    "agreed",
    "agrees",
    "denied",
    "denies",
    "doubted",
    "doubts",
    "feared",
    "fears",
    "hoped",
    "hopes",
    "testified",
    "mentioned",
    "mentions",
    "indicated",
    "indicates",
    "informs",
    "informed",
    "tells",
    "told",
    "relates",
    "related",
    "records",
    "recorded",
    "recounts",
    "recounted",
    "believing",
    "arguing",
    "claiming",
    "saying",
    "suggesting",
    "writing",
    "noting",
    "insisting",
    "asserting",
    "contending",
];

/// Nouns whose `that` clause is a view reported, not asserted (`the popular
/// belief that alchemists were charlatans`).
const REPORT_NOUNS: &[&str] = &[
    "belief",
    "beliefs",
    "notion",
    "claim",
    "claims",
    "assertion",
    "assertions",
    "contention",
    "allegation",
    "allegations",
    "accusation",
    "accusations",
    "rumour",
    "rumours",
    "rumor",
    "rumors",
    "myth",
    "legend",
    "perception",
    "impression",
    "assumption",
    "conviction",
    "view",
    "views",
    "idea",
    "theory",
    "hypothesis",
    "suggestion",
    "opinion",
    "argument",
    "thesis",
    "charge",
    "charges",
    "fear",
    "fears",
    "hope",
    "complaint",
    "complaints",
    "report",
    "reports",
];

/// Whether a speaker is named or pointed at in `window`: a capitalised word
/// that is not a function word, `he`, `she`, `they`, or a noun that speaks
/// for itself.
fn names_speaker(window: &[Tok]) -> bool {
    window.iter().any(|s| {
        s.word
            && ((s.cap && !FUNCTION_WORDS.contains(&s.lower.as_str()))
                || matches!(s.lower.as_str(), "he" | "she" | "they")
                || AGENTS.contains(&s.lower.as_str()))
    })
}

/// Whether the sentence attributes what is at `i` to a named source: an
/// attribution word before it, with a name (a capitalised word), a pronoun or
/// a subject noun (`his biographer`) for its speaker, or `by X`/`according
/// to X` with a name just after it (`it has been suggested by Botkins and
/// Sedjo`).
fn attributed(toks: &[Tok], i: usize) -> bool {
    sourced_after(toks, i) || attributed_before(toks, i)
}

/// An attribution word before `i` with a named speaker (see [`attributed`]);
/// not `by X` after it, which for an idiom is the agent of a passive
/// (`by and large, ... overlooked by the Spanish Crown`).
fn attributed_before(toks: &[Tok], i: usize) -> bool {
    (0..i).any(|k| {
        let t = &toks[k];
        t.word
            && ATTRIBUTION.contains(&t.lower.as_str())
            // `Neo-creationism sees X as Y` gives a view; `the club sees
            // 2,000 children` does not.
            && (t.lower != "sees" || toks[k + 1..].iter().any(|n| n.lower == "as"))
            // `is portrayed as a brilliant scholar` is the work's portrayal;
            // `the villains depicted in the cartoon` is not.
            && (!matches!(t.lower.as_str(), "portrayed" | "depicted")
                || toks.get(k + 1).is_some_and(|n| n.lower == "as"))

            && (names_speaker(&toks[k.saturating_sub(6)..=k])
                || (k >= 2
                    && toks[k - 1].word
                    && DETERMINERS.contains(&toks[k - 2].lower.as_str())))
    })
}

/// Verbs of esteem (see [`esteemed`]).
const ESTEEM: &[&str] = &[
    "valued",
    "admired",
    "admires",
    "appreciated",
    "appreciates",
    "acknowledged",
    "acknowledges",
    "lauded",
    "lauds",
    "extolled",
    "extols",
    "revered",
    "reveres",
    "cherished",
];

/// `the Symbolist painters, who valued his visionary and allegorical
/// landscapes`, `The American Film Institute acknowledged the iconic status`:
/// praise that is the valuers' own, whom the sentence names (as for
/// [`attributed_before`]), with a verb of esteem before it. Praise only: in
/// `Ancient Rome lauded actors and notorious gladiators` the label is still
/// the article's; and `valued at US$947M` is a price.
fn esteemed(toks: &[Tok], i: usize) -> bool {
    (0..i).any(|k| {
        let t = &toks[k];
        t.word
            && ESTEEM.contains(&t.lower.as_str())
            && toks.get(k + 1).is_none_or(|n| n.lower != "at")
            && names_speaker(&toks[k.saturating_sub(6)..k])
    })
}

/// Nouns of time and manner after `by the`: `by the time`, `by the end of`,
/// `by the way`, which name no one.
const BY_THE_NOT_HOLDERS: &[&str] = &[
    "time",
    "end",
    "turn",
    "middle",
    "beginning",
    "start",
    "age",
    "year",
    "years",
    "way",
    "late",
    "early",
    "mid",
    "same",
    "sources",
    "source",
    "many",
    "most",
    "some",
    "majority",
    "others",
    "people",
    "public",
    "all",
];

/// `It was claimed by their opponents that`, `it was claimed by the
/// government to be applicable`, `has been described by the press as`: a
/// passive whose `by` phrase, right after it, names a definite holder (a
/// possessive or `the` and a noun), so the view is attributed. `by some`,
/// `by many`, `by the ancient and modern sources` and `by the time` name no
/// one; a name after `by` is [`sourced_after`]'s.
fn definite_holder(toks: &[Tok], j: usize) -> bool {
    let word = |k: usize| toks.get(k).filter(|t| t.word).map(|t| t.lower.as_str());
    word(j) == Some("by")
        && matches!(word(j + 1), Some("his" | "her" | "their" | "its" | "the"))
        && word(j + 2).is_some()
        && (j + 2..toks.len().min(j + 7))
            .map_while(word)
            .take_while(|w| !matches!(*w, "as" | "that" | "to" | "of"))
            .all(|w| {
                !BY_THE_NOT_HOLDERS.contains(&w) && !w.starts_with(|c: char| c.is_ascii_digit())
            })
}

/// `Asymptotes are often considered only for real curves`, `is often
/// considered in the wider context of`, `it is often considered separately
/// from these effects`, `is often described in the format:`: `considered`,
/// `described` or `cited` in the sense of treated or studied, with a phrase of
/// scope after it, not a view of what the thing is. The regard sense keeps its
/// complement in the clause (`is widely considered in popular literature as
/// the "father of modern chemistry"`, `widely considered only somewhat
/// successful`): `as`, `to be`, `one of` or a word that is not a preposition
/// after `only` keep the finding.
fn scope_sense(toks: &[Tok], j: usize) -> bool {
    const SCOPE: &[&str] = &["for", "in", "under", "when", "within", "alongside"];
    const MANNER: &[&str] = &["separately", "together", "apart", "jointly"];
    let Some(verb) = j.checked_sub(1).map(|k| toks[k].lower.as_str()) else {
        return false;
    };
    let word = |k: usize| toks.get(k).filter(|t| t.word).map(|t| t.lower.as_str());
    let Some(next) = word(j) else {
        return false;
    };
    let scoped = match verb {
        "considered" => {
            SCOPE.contains(&next)
                || MANNER.contains(&next)
                || (matches!(next, "only" | "first")
                    && word(j + 1).is_some_and(|n| SCOPE.contains(&n)))
        }
        "described" => matches!(next, "in" | "with" | "through" | "using" | "via"),
        "cited" => next == "in",
        _ => false,
    };
    if !scoped {
        return false;
    }
    let clause = toks[j..]
        .iter()
        .take_while(|t| t.word || !matches!(t.lower.as_str(), "," | ";" | ":" | "."))
        .take(16)
        .filter(|t| t.word)
        .map(|t| t.lower.as_str())
        .collect::<Vec<_>>();
    !clause.iter().any(|w| matches!(*w, "as" | "among"))
        && !clause
            .windows(2)
            .any(|w| matches!(w, ["to", "be" | "have"] | ["one", "of"]))
}

/// `Considered by many critics ... to be the greatest film ever made, "Citizen
/// Kane" was voted the greatest film of all time in five consecutive "Sight &
/// Sound" polls`, `regarded by many as one of the most influential ...;
/// "Mere Christianity" was voted best book`: a consensus whose measure (a
/// poll, a survey, a vote) the same sentence gives. Only a view of regard,
/// not an argument (`critics argued that the polls were held in ...`).
fn measured_consensus(toks: &[Tok], i: usize, j: usize) -> bool {
    let regard = toks[i.saturating_sub(2)..j].iter().any(|t| {
        matches!(
            t.lower.as_str(),
            "regarded" | "considered" | "viewed" | "seen" | "acclaimed" | "hailed"
        )
    });
    regard
        && toks[j..].iter().any(|t| {
            t.word
                && matches!(
                    t.lower.as_str(),
                    "poll" | "polls" | "survey" | "surveys" | "voted"
                )
        })
}

/// Plural nouns for people as a class (`famous people`, `famous historical
/// figures`).
const PEOPLE: &[&str] = &[
    "people",
    "persons",
    "figures",
    "personalities",
    "individuals",
    "celebrities",
    "names",
    "men",
    "women",
    "personages",
];

/// `his book about famous historical figures`, `met with famous people like
/// Aldous Huxley`, `the resting place of many famous figures including`: a
/// word of fame before a plural noun for people names a class (celebrities),
/// not praise of the article's subject. A degree or a copula before it makes
/// it praise again (`one of the most famous people of his time`, `they were
/// famous men`).
fn class_of_fame(toks: &[Tok], i: usize, j: usize) -> bool {
    const FAME: &[&str] = &["famous", "renowned", "well-known", "celebrated", "notable"];
    let word = |k: usize| toks.get(k).filter(|t| t.word).map(|t| t.lower.as_str());
    j == i + 1
        && FAME.contains(&toks[i].lower.as_str())
        && (word(j).is_some_and(|w| PEOPLE.contains(&w))
            || (word(j).is_some() && word(j + 1).is_some_and(|w| PEOPLE.contains(&w))))
        && !toks[i.saturating_sub(3)..i].iter().any(|p| {
            p.word
                && (COPULAS.contains(&p.lower.as_str())
                    || matches!(
                        p.lower.as_str(),
                        "most" | "more" | "very" | "so" | "as" | "quite" | "extremely"
                    ))
        })
}

/// Whether `i` lies in a clause that the sentence reports rather than asserts:
/// a reporting verb or noun followed by `that` before it, in the same clause
/// (`Baron-Cohen argues that ...`, `records note that ...`, `the popular belief
/// that ...`, `Wallace pointed out that ...`).
fn reported_clause(toks: &[Tok], i: usize) -> bool {
    let start = toks[..i]
        .iter()
        .rposition(|t| !t.word && t.lower == ";")
        .map_or(0, |p| p + 1);
    promised(toks, start, i)
        || (start + 1..i).any(|k| {
            let v = &toks[k - 1];
            toks[k].word
                && toks[k].lower == "that"
                && v.word
                && (REPORTING_VERBS.contains(&v.lower.as_str())
                    || REPORT_NOUNS.contains(&v.lower.as_str())
                    || (v.lower == "out" && k >= 2 && toks[k - 2].lower.starts_with("point"))
                    || told_that(toks, k))
        })
}

/// `Mitter has observed that, ironically, today's China is closer to`,
/// `the same text further tells us that the "Agnihotra", doubtless, is the
/// Sun`, `Drysdale says that anything they do is unquestionably right`: an
/// editorial adverb inside the clause a named speaker reports, which is the
/// speaker's. Stricter than [`reported_clause`]: the report's verb has no
/// impersonal `it` before it (`It has been noted that the label is arguably
/// inaccurate` is the article's), no quotation opens right after `that` (`which
/// said that "...", of course sung`: after the quoted words the article speaks
/// again; a quoted term inside the clause is part of it), and no bracket,
/// contrast or new clause stands between `that` and the adverb (`argued that
/// the Earth moves, but of course`; `Gregory of Tours says that the monks
/// "followed the rules ...", and doubtless the same liberty was taken`: the
/// article's inference).
fn reported_aside(toks: &[Tok], i: usize) -> bool {
    let start = toks[..i]
        .iter()
        .rposition(|t| !t.word && t.lower == ";")
        .map_or(0, |p| p + 1);
    let Some(k) = (start + 1..i).rev().find(|&k| {
        let v = &toks[k - 1];
        toks[k].word
            && toks[k].lower == "that"
            && v.word
            && (REPORTING_VERBS.contains(&v.lower.as_str()) || told_that(toks, k))
    }) else {
        return false;
    };
    let verb = if told_that(toks, k) { k - 2 } else { k - 1 };
    !toks[verb.saturating_sub(4)..verb]
        .iter()
        .any(|t| t.lower == "it")
        && !toks
            .get(k + 1)
            .is_some_and(|t| matches!(t.lower.as_str(), "\"" | "“"))
        && !toks[k + 1..i]
            .windows(2)
            .any(|w| w[0].lower == "," && matches!(w[1].lower.as_str(), "and" | "so"))
        && !toks[k + 1..i].iter().any(|t| {
            matches!(
                t.lower.as_str(),
                "(" | ")" | "but" | "however" | "although" | "though" | "while" | "whereas" | "yet"
            )
        })
}

/// `the same text further tells us that ...`, `he reminded them that ...`: a
/// verb of telling and its object pronoun before the `that` at `k`.
fn told_that(toks: &[Tok], k: usize) -> bool {
    k >= 2
        && matches!(
            toks[k - 1].lower.as_str(),
            "us" | "them" | "him" | "her" | "me" | "you"
        )
        && matches!(
            toks[k - 2].lower.as_str(),
            "tells"
                | "told"
                | "tell"
                | "informs"
                | "informed"
                | "reminds"
                | "reminded"
                | "assures"
                | "assured"
                | "teaches"
                | "taught"
        )
}

/// `recruit peasants ... by promising them how glorious life would be after
/// the revolution`, `Ward assured them that the region was a paradise`: what a
/// speaker promised or told someone, which the clause reports as theirs. A
/// verb of promising or telling, then within three words (its object) `that`
/// or `how`, before `i` in the same clause (from `start`), with no comma
/// between (`told them, as famous ...` leaves the report).
fn promised(toks: &[Tok], start: usize, i: usize) -> bool {
    (start..i).any(|k| {
        matches!(
            toks[k].lower.as_str(),
            "promised"
                | "promising"
                | "promises"
                | "promise"
                | "assured"
                | "assuring"
                | "told"
                | "telling"
                | "persuaded"
                | "persuading"
                | "boasted"
                | "boasting"
                | "proclaimed"
                | "proclaiming"
        ) && (k + 1..i.min(k + 5)).any(|m| {
            toks[m].word
                && matches!(toks[m].lower.as_str(), "that" | "how")
                && toks[k + 1..m].iter().all(|w| w.word)
        }) && !toks[k + 1..i]
            .iter()
            .any(|w| !w.word && matches!(w.lower.as_str(), "," | ";" | ":" | "."))
    })
}

/// `by X` or `according to X` with a name just after `i`, or `in X` right
/// after it (`it is said in the Principia Discordia`): the source is given.
fn sourced_after(toks: &[Tok], i: usize) -> bool {
    let named = |from: usize, to: usize| {
        toks[from.min(toks.len())..toks.len().min(to)]
            .iter()
            .any(|n| n.word && n.cap && !MONTHS.contains(&n.lower.as_str()))
    };
    let in_work = toks.get(i + 1).is_some_and(|t| t.word && t.lower == "in") && named(i + 2, i + 5);
    in_work
        || (i + 1..toks.len().min(i + 10)).any(|k| {
            let t = &toks[k];
            let by = t.word
                && (t.lower == "by"
                    || (t.lower == "to" && k > 0 && toks[k - 1].lower == "according"));
            by && named(k + 1, k + 5)
        })
}

/// `considered by some Maasai`, `according to many Buddhists`: the match ends
/// on `some`, `many` or `most` and a name follows, so the holders are a named
/// group, not anonymous.
fn named_group(toks: &[Tok], i: usize, j: usize) -> bool {
    j > i + 1
        && matches!(toks[j - 1].lower.as_str(), "some" | "many" | "most")
        && toks[i..j - 1]
            .iter()
            .any(|t| matches!(t.lower.as_str(), "by" | "to"))
        && toks.get(j).is_some_and(|n| n.word && n.cap)
}

/// `was widely regarded among the Nazi elite as ...`: a view placed right
/// after the phrase in a group that a name picks out, whose view it reports
/// (`among historians` names no one and is still flagged).
/// `is generally considered among the worst American presidents` places the
/// subject in a ranking, which holds no one: a superlative after `among` is
/// not a group.
fn among_named(toks: &[Tok], j: usize) -> bool {
    let group = || {
        toks[j + 1..toks.len().min(j + 4)]
            .iter()
            .take_while(|t| t.word)
    };
    toks.get(j)
        .is_some_and(|t| t.word && matches!(t.lower.as_str(), "among" | "amongst"))
        && group().any(|t| t.cap)
        && !group().any(|t| {
            matches!(
                t.lower.as_str(),
                "most" | "best" | "worst" | "least" | "top" | "leading" | "first" | "greatest"
            ) || t.lower.ends_with("est")
        })
}

/// `it was thought that they were "physically limited ..."`: the belief is
/// quoted, words of a source (a report, an inquiry) that the citation names,
/// so the passive hides no one. A quotation of three words or more after the
/// phrase, in the same sentence.
fn quotes_belief(toks: &[Tok], j: usize) -> bool {
    let mut inside: Option<usize> = None;
    for t in toks.iter().skip(j) {
        match t.lower.as_str() {
            "\"" | "“" | "”" => match inside {
                Some(n) if n >= 3 => return true,
                Some(_) if t.lower != "“" => inside = None,
                _ => inside = Some(0),
            },
            _ if t.word => {
                if let Some(n) = inside.as_mut() {
                    *n += 1;
                }
            }
            _ => {}
        }
    }
    inside.is_some_and(|n| n >= 3)
}

/// Who holds a belief, named as a frame before an impersonal passive: `In
/// Greek legend it is said ...`, `in many of these cultures it is believed
/// ...`, `In Hinduism, it is held ...`.
const HOLDERS: &[&str] = &[
    "legend",
    "legends",
    "tradition",
    "traditions",
    "myth",
    "myths",
    "mythology",
    "folklore",
    "culture",
    "cultures",
    "religion",
    "religions",
    "faith",
    "faiths",
    "church",
    "churches",
    "scripture",
    "scriptures",
    "theology",
    "doctrine",
    "lore",
    "belief",
    "beliefs",
    "teaching",
    "teachings",
    "community",
    "communities",
    "societies",
    "circles",
    "sect",
    "sects",
    "islam",
    "texts",
    "sutras",
    "canon",
    "literature",
];

/// Whether the sentence opens with `In`, `Among` or `Within` (`In the early
/// texts, a person's mental state is generally viewed as ...`): a frame that
/// may name who holds a view for any impersonal passive, not only `it is
/// said`.
fn frame_opens(toks: &[Tok]) -> bool {
    first_word_of(toks).is_some_and(|f| {
        matches!(
            toks[f].lower.as_str(),
            "in" | "among" | "amongst" | "within"
        )
    })
}

/// `It was also chosen by the American Film Institute as one of the greatest
/// mystery films`: a place in a ranking whose maker the clause names. A
/// ranking verb earlier in the clause, `by` and a name right after it.
fn ranked_by(toks: &[Tok], i: usize) -> bool {
    let start = toks[..i]
        .iter()
        .rposition(|t| !t.word && matches!(t.lower.as_str(), ";" | "."))
        .map_or(0, |p| p + 1);
    (start..i.saturating_sub(1)).any(|k| {
        matches!(
            toks[k].lower.as_str(),
            "ranked" | "rated" | "voted" | "named" | "listed" | "chosen" | "selected" | "picked"
        ) && toks[k + 1].lower == "by"
            && toks[k + 2..i.min(k + 6)]
                .iter()
                .any(|n| n.word && n.cap && !FUNCTION_WORDS.contains(&n.lower.as_str()))
    })
}

/// `Augustine quickly discovered that Ambrose was a spectacular orator`: what
/// a named person found out is that person's judgment. A verb of finding out
/// with a name or a pronoun among the three words before it, then `that`, and
/// no comma or semicolon between `that` and `i` (`he realised that his
/// knowledge was too limited, so ... Fermat's famous equation` leaves the
/// clause).
fn perceived(toks: &[Tok], i: usize) -> bool {
    (1..i.saturating_sub(1)).any(|k| {
        matches!(
            toks[k].lower.as_str(),
            "discovered" | "realised" | "realized" | "noticed" | "learned" | "learnt"
        ) && toks[k + 1].lower == "that"
            && toks[k.saturating_sub(3)..k].iter().any(|w| {
                w.word
                    && ((w.cap && !FUNCTION_WORDS.contains(&w.lower.as_str()))
                        || matches!(w.lower.as_str(), "he" | "she" | "they"))
            })
            && !toks[k + 2..i]
                .iter()
                .any(|w| !w.word && matches!(w.lower.as_str(), "," | ";" | ":"))
    })
}

/// Whether the word at `k` is a possessive (`McBride's`, `Jones'`): an
/// apostrophe right after it.
fn possessive(toks: &[Tok], k: usize) -> bool {
    toks[k].lower.ends_with("'s")
        || toks
            .get(k + 1)
            .is_some_and(|n| n.lower.starts_with('\'') && n.start == toks[k].end)
}

fn holder_frame(toks: &[Tok], i: usize) -> bool {
    let start = toks[..i]
        .iter()
        .rposition(|t| !t.word && t.lower == ";")
        .map_or(0, |p| p + 1);
    (start..i).any(|k| {
        let t = &toks[k];
        t.word
            && matches!(t.lower.as_str(), "in" | "among" | "amongst" | "within")
            && toks[k + 1..i.min(k + 6)].iter().enumerate().any(|(m, n)| {
                n.word
                    && (HOLDERS.contains(&n.lower.as_str())
                        || (n.cap && (n.lower.ends_with("ism") || n.lower.ends_with("ianity")))
                        // `In Kimberly R. McBride's 2010 clinical review`:
                        // a named author's work.
                        || (n.cap
                            && possessive(toks, k + 1 + m)
                            && toks[k + 1..k + 1 + m].iter().all(|w| !w.word || w.cap)))
            })
    })
}

/// `I` and its forms: a sentence that holds one outside quotation marks is
/// someone's speech set without them (a block quotation, a letter, a lyric),
/// not the article's voice (`The album was rejected by Arista, not
/// surprisingly, and I ...`). `I` after a capitalised word is a numeral
/// (`World War I`, `Dioscorus I`), and `I/O` is a term.
fn speaks_in_first_person(toks: &[Tok], quoted: bool) -> bool {
    let mut straight = quoted;
    let mut curly = 0usize;
    for (k, t) in toks.iter().enumerate() {
        if !t.word {
            match t.lower.as_str() {
                "\"" => straight = !straight,
                "“" => curly += 1,
                "”" => curly = curly.saturating_sub(1),
                _ => {}
            }
            continue;
        }
        if straight || curly > 0 {
            continue;
        }
        // Only the forms of `I`: `my` and `me` turn up in single-quoted
        // titles, which the tokens do not mark (`'With rue my heart'`).
        let first_person = match t.lower.as_str() {
            "i" => {
                t.cap
                    && toks.get(k + 1).is_none_or(|n| {
                        if n.word {
                            !n.cap
                        } else {
                            !matches!(n.lower.as_str(), "/" | "." | "-" | ")")
                        }
                    })
                    && (k == 0 || !(toks[k - 1].word && toks[k - 1].cap))
                    && !numeral_list(toks, k)
            }
            "i'm" | "i've" | "i'd" | "i'll" => true,
            // The second person in a contraction (`you're playing the
            // odds`): talk, which an encyclopedia's voice does not use.
            "you're" | "you've" | "you'll" | "you'd" => true,
            _ => false,
        };
        if first_person {
            return true;
        }
    }
    false
}

/// `the remnants of I and XI Corps`: `I` in a list of Roman numerals.
fn numeral_list(toks: &[Tok], k: usize) -> bool {
    let roman = |t: &Tok| {
        t.word && t.cap && t.lower.len() <= 5 && t.lower.chars().all(|c| "ivxlc".contains(c))
    };
    let next_is_list = toks
        .get(k + 1)
        .is_some_and(|n| matches!(n.lower.as_str(), "and" | "or" | "," | "&"));
    next_is_list && toks.get(k + 2).is_some_and(roman)
}

/// `to see if Ambrose was one of the greatest speakers`, `whether it was
/// prestigious`: a question the sentence asks, not a claim it makes. `if` or
/// `whether` earlier in the same clause (no comma or semicolon between).
fn open_question(toks: &[Tok], i: usize) -> bool {
    toks[..i]
        .iter()
        .rev()
        .take_while(|t| t.word || !matches!(t.lower.as_str(), "," | ";" | ":" | "—" | "–"))
        .any(|t| t.word && matches!(t.lower.as_str(), "if" | "whether"))
}

/// `if some think that they should leave`, `whether many believe it`: a view
/// the sentence supposes or asks about, not one it claims is held. `if` or
/// `whether` just before the phrase, not after `even` or `as` (`even if many
/// believe ...` concedes that they do).
fn hypothetical_view(toks: &[Tok], i: usize) -> bool {
    i.checked_sub(1).is_some_and(|p| {
        matches!(toks[p].lower.as_str(), "if" | "whether")
            && p.checked_sub(1)
                .is_none_or(|q| !matches!(toks[q].lower.as_str(), "even" | "as"))
    })
}

/// A quotation opens right after the phrase: `a self-styled "M.D."` quotes
/// the self-description, so the doubt word is exact.
fn quotation_at(toks: &[Tok], j: usize) -> bool {
    toks.get(j)
        .is_some_and(|t| !t.word && matches!(t.lower.as_str(), "\"" | "“"))
}

/// Verbs of naming in a passive (`has been dubbed`). Not `described`: `has
/// been described as "the driving force behind Impressionism"` quotes a
/// judgment whose holder matters.
const NAMING: &[&str] = &[
    "called",
    "dubbed",
    "labelled",
    "labeled",
    "named",
    "termed",
    "nicknamed",
];

/// Words that make a quotation a judgment rather than a name or a
/// description (`"one of the most controversial endeavors"`).
const JUDGING: &[&str] = &[
    "most",
    "best",
    "worst",
    "least",
    "greatest",
    "finest",
    "arguably",
    "one",
    "perhaps",
    "only",
    "legend",
    "legendary",
    "genius",
    "god",
    "visionary",
    "masterpiece",
    "masterwork",
    "brilliant",
    "iconic",
    "unparalleled",
    "killer",
];

/// `has been dubbed EspC`, `has been dubbed the "Father of City Planning"`,
/// `has been called "succinosis"`: a passive of naming followed at once by
/// the name (a capitalised word or a quotation that is not itself a
/// judgment); a name given, not a judgment without a holder.
fn naming_passive(toks: &[Tok], j: usize) -> bool {
    if j == 0 || !NAMING.contains(&toks[j - 1].lower.as_str()) {
        return false;
    }
    // `The symbol has been called by a variety of different names`: `by`
    // and, within a few words, `names` or `terms` is the naming itself.
    if toks.get(j).is_some_and(|t| t.lower == "by")
        && toks[j + 1..]
            .iter()
            .take(6)
            .take_while(|t| t.word)
            .any(|t| matches!(t.lower.as_str(), "name" | "names" | "terms" | "titles"))
    {
        return true;
    }
    // `as`, `the`, `a`: at most two small words before the name or quotation.
    for k in j..j + 3 {
        let Some(t) = toks.get(k) else {
            return false;
        };
        if !t.word {
            if !matches!(t.lower.as_str(), "\"" | "“") {
                return false;
            }
            let quoted: Vec<&Tok> = toks[k + 1..]
                .iter()
                .take_while(|n| n.word || !matches!(n.lower.as_str(), "\"" | "”"))
                .filter(|n| n.word)
                .collect();
            // `has been called "arguably, the most decisive naval engagement"`
            // quotes a judgment: whose it is still matters.
            return !quoted.is_empty()
                && !quoted.iter().any(|n| JUDGING.contains(&n.lower.as_str()));
        }
        if t.cap {
            return true;
        }
        if !matches!(t.lower.as_str(), "as" | "the" | "a" | "an") {
            return false;
        }
    }
    false
}

/// Words that give the finding set against a belief (`but structural and
/// molecular evidence has led to their reclassification`).
const FINDINGS: &[&str] = &[
    "evidence",
    "reveals",
    "revealed",
    "shows",
    "showed",
    "shown",
    "demonstrated",
    "proved",
    "proven",
    "probably",
    "actually",
    "fact",
    "reality",
    "analysis",
    "analyses",
    "examination",
    "studies",
    "research",
    "data",
    "discovered",
    "found",
    "reclassification",
    "reclassified",
    "disproved",
    "refuted",
    "mistaken",
    "erroneous",
    "incorrect",
    "wrong",
    "misconception",
];

/// `were widely believed to be fungi, but ... evidence has led to their
/// reclassification`, `is often described as green, but this is probably a
/// contrast effect`: an impersonal belief the same sentence corrects. The text
/// reports a misconception and what replaced it; it does not assert the
/// belief. The phrase ends on a verb of belief or description and a contrast
/// (`but`, `whereas`, ...) is followed by a finding.
fn corrected_belief(toks: &[Tok], i: usize, j: usize) -> bool {
    let holder = toks[i..j].iter().any(|t| {
        matches!(
            t.lower.as_str(),
            "some" | "many" | "most" | "critics" | "scholars" | "historians" | "experts"
        )
    });
    let belief = j > 0
        && matches!(
            toks[j - 1].lower.as_str(),
            "believed" | "thought" | "described" | "considered" | "assumed" | "viewed"
        );
    if holder || !belief {
        return false;
    }
    let Some(c) = (j..toks.len()).find(|&k| {
        toks[k].word
            && matches!(
                toks[k].lower.as_str(),
                "but" | "whereas" | "however" | "although" | "though" | "yet"
            )
    }) else {
        return false;
    };
    // `yet this belief has not been proven` keeps the belief: no finding.
    toks[c + 1..].iter().enumerate().any(|(n, t)| {
        t.word
            && FINDINGS.contains(&t.lower.as_str())
            && !toks[c + 1..c + 1 + n]
                .iter()
                .rev()
                .take(3)
                .any(|p| matches!(p.lower.as_str(), "not" | "never" | "no" | "yet"))
    })
}

/// Words an imperative may follow (`Also note that`, `However, note that`,
/// `let us note that`).
const IMPERATIVE_LEAD: &[&str] = &[
    "also",
    "further",
    "furthermore",
    "first",
    "now",
    "again",
    "finally",
    "then",
    "please",
    "but",
    "so",
    "thus",
    "hence",
    "however",
];

/// Whether the clause before `k` names a subject: a capitalised word after
/// the clause's first (`Political philosophers Leo Strauss`), or a first word
/// that is a name followed by another capitalised word.
fn subject_before(toks: &[Tok], k: usize) -> bool {
    let start = toks[..k]
        .iter()
        .rposition(|t| !t.word && matches!(t.lower.as_str(), ";" | ":" | "(" | "—" | "–"))
        .map_or(0, |p| p + 1);
    let Some(first) = toks[start..k]
        .iter()
        .position(|t| t.word)
        .map(|p| p + start)
    else {
        return false;
    };
    toks[first + 1..k].iter().any(|t| {
        t.word
            && t.cap
            && !FUNCTION_WORDS.contains(&t.lower.as_str())
            && !IMPERATIVE_LEAD.contains(&t.lower.as_str())
    })
}

/// Words that open a frame set off by a comma before the clause's subject
/// (`According to these statements, claims that ...`, `In 1990, ...`): a
/// preposition, a connective or a subordinating conjunction, never a noun
/// that could itself be the subject (`Bourienne, his secretary, claims`).
const FRAME_LEADS: &[&str] = &[
    "according",
    "in",
    "for",
    "after",
    "before",
    "despite",
    "since",
    "during",
    "from",
    "by",
    "at",
    "on",
    "with",
    "without",
    "unlike",
    "like",
    "under",
    "following",
    "among",
    "however",
    "moreover",
    "furthermore",
    "nevertheless",
    "nonetheless",
    "thus",
    "therefore",
    "hence",
    "also",
    "still",
    "yet",
    "meanwhile",
    "today",
    "later",
    "earlier",
    "similarly",
    "likewise",
    "instead",
    "indeed",
    "consequently",
    "although",
    "though",
    "while",
    "when",
    "whereas",
    "if",
    "because",
    "once",
    "until",
    "but",
    "and",
];

/// `Claims that Nin was bisexual were given ...`, `According to these
/// statements, claims that one or more denominations ... are nothing more
/// than propaganda`: `claims` with no subject before it in its clause is the
/// noun, the subject of its clause, not the verb. Nothing but punctuation
/// before it in its clause, or only a frame set off by one comma that opens
/// with a preposition or a connective. `He claims that` and `Bourienne, his
/// secretary, claims that` have a subject.
fn claims_as_noun(toks: &[Tok], i: usize) -> bool {
    if toks[i].lower != "claims" {
        return false;
    }
    let start = toks[..i]
        .iter()
        .rposition(|t| !t.word && matches!(t.lower.as_str(), ";" | ":" | "(" | "—" | "–"))
        .map_or(0, |p| p + 1);
    let Some(first) = toks[start..i]
        .iter()
        .position(|t| t.word)
        .map(|p| p + start)
    else {
        return true;
    };
    let Some(comma) = i.checked_sub(1).filter(|&p| toks[p].lower == ",") else {
        return false;
    };
    FRAME_LEADS.contains(&toks[first].lower.as_str())
        && !toks[first..comma].iter().any(|t| t.lower == ",")
}

/// Words a linking `proved` or `proven` takes before its adjective
/// (`proved highly controversial`).
const DEGREE: &[&str] = &[
    "very",
    "highly",
    "extremely",
    "more",
    "less",
    "most",
    "least",
    "quite",
    "rather",
    "somewhat",
    "particularly",
    "especially",
    "too",
    "so",
    "largely",
    "increasingly",
    "equally",
    "remarkably",
    "surprisingly",
    "notoriously",
    "far",
    "much",
    "only",
    "also",
    "both",
    "ultimately",
];

/// Adjectives a linking `proved` takes that no suffix shows.
const PLAIN_ADJECTIVES: &[&str] = &[
    "hard",
    "easy",
    "wrong",
    "right",
    "false",
    "true",
    "correct",
    "elusive",
    "costly",
    "sound",
    "fatal",
    "short",
    "weak",
    "strong",
    "slow",
    "rare",
    "poor",
    "mixed",
    "limited",
    "complex",
    "unfounded",
    "mistaken",
    "inconclusive",
    "ill-founded",
    "short-lived",
    "fruitless",
];

/// Whether `w` reads as an adjective: one of [`PLAIN_ADJECTIVES`] or an
/// adjective's ending (`controversial`, `difficult`, `popular`, `effective`).
fn adjective_like(w: &str) -> bool {
    PLAIN_ADJECTIVES.contains(&w)
        || (!matches!(w, "nothing" | "something" | "anything" | "everything")
            && [
                "ful", "ive", "ous", "al", "ic", "able", "ible", "ent", "ant", "less", "ary",
                "ory", "ar", "ult", "ing",
            ]
            .iter()
            .any(|s| w.len() > s.len() + 2 && w.ends_with(s)))
}

/// `Attempts to reconcile the molecular and fossil evidence have proved
/// controversial`, `research has proven difficult`, `studies have proved to be
/// unreliable`: `proved` as a linking verb (turned out to be), before an
/// adjective or `to be`, says what the evidence turned out to be, not that it
/// proves anything. The adjective (after a word of degree) ends the phrase:
/// punctuation or a preposition follows it (`studies have proven beneficial
/// effects` proves the effects). `studies have proved that` stays a claim.
fn proved_linking(toks: &[Tok], j: usize) -> bool {
    if j == 0 || !matches!(toks[j - 1].lower.as_str(), "proved" | "proven") {
        return false;
    }
    let Some(n) = toks.get(j) else {
        return false;
    };
    if n.word
        && n.lower == "to"
        && toks
            .get(j + 1)
            .is_some_and(|b| matches!(b.lower.as_str(), "be" | "have"))
    {
        return true;
    }
    let mut k = j;
    while toks
        .get(k)
        .is_some_and(|t| t.word && DEGREE.contains(&t.lower.as_str()))
    {
        k += 1;
    }
    if !toks
        .get(k)
        .is_some_and(|t| t.word && adjective_like(&t.lower))
    {
        return false;
    }
    toks.get(k + 1).is_none_or(|t| {
        !t.word
            || matches!(
                t.lower.as_str(),
                "to" | "in"
                    | "for"
                    | "and"
                    | "or"
                    | "but"
                    | "as"
                    | "with"
                    | "at"
                    | "on"
                    | "of"
                    | "because"
                    | "since"
                    | "when"
                    | "than"
                    | "among"
                    | "during"
                    | "by"
                    | "from"
                    | "against"
                    | "until"
                    | "both"
                    | "even"
            )
    })
}

/// Nouns for one study in the sentence after a plural `studies have shown`
/// (`In one such study, from Hamburg, Germany, ...`). Not `review` or
/// `report`: a review weighs the studies, it is not one of them.
const ONE_STUDY: &[&str] = &["study", "trial", "survey", "experiment"];

/// `Several studies have shown an increased rate ... In one such study, from
/// Hamburg, Germany, ...`, `some studies have shown ... A 2009 study of
/// patients ... found`: the sentence after gives one of the studies meant,
/// so the attribution is given. A singular study noun after `a`, `an`,
/// `one`, `the`, `this` or `another`, marked as one of those meant or as a
/// given one by `such`, a year, `by` or `published` beside it (three words
/// before, two after). `A recent study has demonstrated` and `Further study
/// is needed` give none, nor does `A 2005 Cochrane review`.
fn study_named_next(toks: &[Tok], i: usize, around: Around<'_>) -> bool {
    if !matches!(toks[i].lower.as_str(), "studies" | "research" | "evidence") {
        return false;
    }
    let Some(next) = around.after else {
        return false;
    };
    let words: Vec<&Tok> = next.iter().filter(|t| t.word).collect();
    let year = |w: &str| {
        w.len() == 4
            && w.bytes().all(|b| b.is_ascii_digit())
            && matches!(&w[..2], "15" | "16" | "17" | "18" | "19" | "20")
    };
    words.iter().enumerate().any(|(k, t)| {
        let before = &words[k.saturating_sub(3)..k];
        ONE_STUDY.contains(&t.lower.as_str())
            && before.iter().any(|p| {
                matches!(
                    p.lower.as_str(),
                    "a" | "an" | "one" | "the" | "this" | "another"
                )
            })
            && before
                .iter()
                .chain(words[k + 1..].iter().take(2))
                .any(|p| year(&p.lower) || matches!(p.lower.as_str(), "such" | "by" | "published"))
    })
}

/// `Certain Jewish thinkers, such as Maimonides, believed that ... Indeed,
/// such thinkers argued that ...`: `Indeed` opening a sentence that goes on
/// with the view the sentence before reports (a reporting verb and `that`, or
/// `according to`), in the words of the same holders (`they argued that`,
/// `such thinkers argued that`), belongs to the argument reported, not the
/// article's voice. `Indeed, he was represented as a sun god` after `It is
/// said that ...` is the article's own confirmation and stays. `In fact` is
/// left alone: it often sets the article against the view.
fn continues_view(toks: &[Tok], i: usize, around: Around<'_>) -> bool {
    if toks[i].lower != "indeed" || first_word_of(toks) != Some(i) {
        return false;
    }
    let same_holders = (i + 2..toks.len()).any(|k| {
        toks[k].lower == "that"
            && REPORTING_VERBS.contains(&toks[k - 1].lower.as_str())
            && toks[i + 1..k - 1].iter().any(|t| {
                matches!(
                    t.lower.as_str(),
                    "he" | "she" | "they" | "such" | "these" | "those" | "his" | "her" | "their"
                )
            })
    });
    same_holders
        && around.before.is_some_and(|b| {
            reported_clause(b, b.len())
                || b.windows(2)
                    .any(|w| w[0].lower == "according" && w[1].lower == "to")
        })
}

/// Whether the verb at `i` is an imperative addressed to the reader: nothing
/// but openers and punctuation before it in its clause, or `we`, `us`, `one`,
/// or a modal (`one should note that`). `records note that`, `They also note
/// that` and `the first to note that` have a subject and report.
fn imperative(toks: &[Tok], i: usize) -> bool {
    if proof_step(toks, i) {
        return false;
    }
    let mut k = i;
    while k > 0 {
        let p = &toks[k - 1];
        if !p.word {
            return match p.lower.as_str() {
                "(" | ";" | ":" | "—" | "–" | "." | "“" => true,
                // `Strauss and Cropsey, writing of ..., note that` and
                // `Correspondents who have viewed "The Diaspora" note that`
                // have a subject before the comma or the quotation.
                "," | "\"" | "”" => !subject_before(toks, k - 1),
                _ => false,
            };
        }
        if IMPERATIVE_LEAD.contains(&p.lower.as_str()) {
            k -= 1;
            continue;
        }
        return matches!(
            p.lower.as_str(),
            "we" | "us" | "one" | "should" | "must" | "can" | "may"
        );
    }
    true
}

/// `To see this, note that if "L" is any algebraic extension of "K", ...`,
/// `To prove the theorem, note that ...`, `Proof: Note that ...`: a step of
/// a proof or a worked check, which addresses the reader by the form of the
/// argument, not to tell them what matters. A purpose frame (`To` and a verb
/// of showing) that opens the sentence and ends in a comma just before `i`,
/// or `Proof` and a colon.
fn proof_step(toks: &[Tok], i: usize) -> bool {
    let Some(first) = first_word_of(toks) else {
        return false;
    };
    if first >= i {
        return false;
    }
    let frame = &toks[first..i];
    let purpose = frame.len() >= 3
        && frame[0].lower == "to"
        && matches!(
            frame[1].lower.as_str(),
            "see" | "show" | "prove" | "check" | "verify" | "derive" | "establish" | "confirm"
        )
        && frame.last().is_some_and(|t| !t.word && t.lower == ",")
        && frame[..frame.len() - 1].iter().all(|t| t.word);
    let proof = frame.len() == 2 && frame[0].lower == "proof" && frame[1].lower == ":";
    purpose || proof
}

/// Whether the words `toks[i..j]` are a phrase the configuration removed.
fn removed_phrase(toks: &[Tok], i: usize, j: usize, removed: &HashSet<String>) -> bool {
    if removed.is_empty() {
        return false;
    }
    let phrase: Vec<&str> = toks[i..j].iter().map(|t| t.lower.as_str()).collect();
    removed.contains(&phrase.join(" "))
}

/// Where the slots of `e` match from token `i` (consecutive words).
fn match_entry(toks: &[Tok], i: usize, e: &Entry, removed: &HashSet<String>) -> Option<usize> {
    let mut j = i;
    for slot in &e.slots {
        let t = toks.get(j)?;
        if !t.word || !slot.iter().any(|w| w.as_str() == t.lower.as_str()) {
            return None;
        }
        j += 1;
    }
    (!removed_phrase(toks, i, j, removed)).then_some(j)
}

/// [`match_entry`] for a built-in entry whose first slot accepts the word at
/// `i` (it is listed under it in [`Watch::by_first`]), by word numbers:
/// `nums` caches each token's number plus [`FIRST_ID`] (`UNSEEN` not yet
/// looked up, `NO_WORD` punctuation or a word no entry has).
fn match_built_in(
    toks: &[Tok],
    i: usize,
    e: &Entry,
    w: &Watch,
    nums: &mut [u32],
    removed: &HashSet<String>,
) -> Option<usize> {
    let mut j = i + 1;
    for slot in e.ids.iter().skip(1) {
        if !slot.contains(&later_number(toks, j, w, nums)?) {
            return None;
        }
        j += 1;
    }
    (!removed_phrase(toks, i, j, removed)).then_some(j)
}

/// The word number of token `j` as a later slot of an entry may accept it
/// (`None`: past the end, punctuation, or a word no later slot has), cached
/// in `nums` as [`match_built_in`] says.
#[inline]
fn later_number(toks: &[Tok], j: usize, w: &Watch, nums: &mut [u32]) -> Option<u32> {
    let t = toks.get(j)?;
    if nums[j] == UNSEEN {
        nums[j] = if t.word && w.may_follow(&t.lower) {
            w.number(&t.lower)
                .map_or(NO_WORD, |id| id.saturating_add(FIRST_ID))
        } else {
            NO_WORD
        };
    }
    nums[j].checked_sub(FIRST_ID)
}

/// A token's word number not looked up yet, and a token that has none. Zero
/// for the first, so that a sentence's cache starts as zeroed memory
/// (`vec![UNSEEN; n]`), not a loop that writes every slot.
const UNSEEN: u32 = 0;
const NO_WORD: u32 = 1;
/// What a word number is stored plus, past the two marks.
const FIRST_ID: u32 = 2;

/// The last word of the subject before the verb at `i`: the word just before
/// it, or, when an appositive set off by commas stands between (`the book,
/// "Tolbert's Texas," claimed that`, `Smith, however, claimed`), the word
/// before the appositive.
fn subject_head(toks: &[Tok], i: usize) -> Option<usize> {
    let p = i.checked_sub(1)?;
    if toks[p].word {
        return Some(p);
    }
    // Closing marks and the comma that ends the appositive.
    let mut k = p;
    let mut comma = false;
    while k > 0 && !toks[k].word {
        comma |= toks[k].lower == ",";
        k -= 1;
    }
    if !comma {
        return None;
    }
    // The comma that opens it, within a few words.
    let open = (k.saturating_sub(8)..k)
        .rev()
        .find(|&n| !toks[n].word && toks[n].lower == ",")?;
    (0..open).rev().take(2).find(|&n| toks[n].word)
}

/// The head of a subject that a place or a name after a preposition
/// closes (`A popular saying in Burkina Faso claims`, `The study of Smith
/// claimed`): the word before `in`/`of`/`from`/`at`, when only capitalised
/// words stand between it and the verb at `i`.
fn named_place_head(toks: &[Tok], i: usize) -> Option<usize> {
    let mut k = i.checked_sub(1)?;
    if !(toks[k].word && toks[k].cap) {
        return None;
    }
    while k > 0 && toks[k].word && toks[k].cap && i - k <= 4 {
        k -= 1;
    }
    (toks[k].word && matches!(toks[k].lower.as_str(), "in" | "of" | "from" | "at"))
        .then(|| k.checked_sub(1))
        .flatten()
        .filter(|&h| toks[h].word)
}

/// Whether a sentence's quotation marks are balanced: an even number of
/// straight marks and as many curly opening marks as closing ones. Only then
/// is it known where it starts and ends (inside a quotation or not).
fn balanced(toks: &[Tok]) -> bool {
    let (mut straight, mut open, mut close) = (0usize, 0usize, 0usize);
    for t in toks.iter().filter(|t| !t.word) {
        match t.lower.as_str() {
            "\"" => straight += 1,
            "“" => open += 1,
            "”" => close += 1,
            _ => {}
        }
    }
    straight % 2 == 0 && open == close
}

/// Whether a sentence beside this one in its block is speech set without
/// quotation marks (see [`speaks_in_first_person`]): a block quotation or a
/// transcript whose marks were lost, where the sentence between (`They...
/// obviously didn't even listen`) is the same speaker's. Only sentences whose
/// quotation marks are balanced, this one's too: a quotation that runs on
/// from one sentence into the next is followed by the marks.
fn speech_around(toks: &[Tok], around: Around<'_>, quoted: bool) -> bool {
    if quoted || !balanced(toks) {
        return false;
    }
    let speech = |ts: &[Tok]| balanced(ts) && speaks_in_first_person(ts, false);
    // In the sentence after, a quotation introduced by a colon (`who described
    // him as: Seldom have I seen ...`) is that sentence's own.
    let before_colon = |ts: &[Tok]| {
        let end = ts
            .iter()
            .position(|t| !t.word && t.lower == ":")
            .unwrap_or(ts.len());
        speech(&ts[..end])
    };
    around.before.is_some_and(speech) || around.after.is_some_and(before_colon)
}

/// The index of a closing quotation mark whose opening mark is not in the
/// sentence and that ends it (`From this point of view, Vignola's Regola is
/// a remarkable intellectual achievement".`): a quotation that began in an
/// earlier sentence, which the text before it belongs to. A lone straight
/// mark with only punctuation after it, or a curly closing mark before any
/// opening one.
fn closes_unopened(toks: &[Tok]) -> Option<usize> {
    let straight: Vec<usize> = toks
        .iter()
        .enumerate()
        .filter(|(_, t)| !t.word && t.lower == "\"")
        .map(|(k, _)| k)
        .collect();
    if let [only] = straight[..]
        && only > 0
        && toks[only + 1..].iter().all(|t| !t.word)
    {
        return Some(only);
    }
    let first_curly = toks
        .iter()
        .position(|t| !t.word && matches!(t.lower.as_str(), "“" | "”"))?;
    (toks[first_curly].lower == "”").then_some(first_curly)
}

/// Words that open a sentence answering the one before (`However, no
/// firsthand allegation has ever surfaced.`).
const CONTRASTS: &[&str] = &[
    "however",
    "but",
    "yet",
    "nevertheless",
    "nonetheless",
    "actually",
    "contrary",
];

/// `James Spada has claimed that similar allegations were made. However, no
/// firsthand allegation has ever surfaced.`: the next sentence opens with a
/// contrast and denies or disproves, so the text itself shows why the claim
/// is in doubt and `claimed` (or `supposedly`) is exact.
fn doubt_shown_next(around: Around<'_>) -> bool {
    let Some(next) = around.after else {
        return false;
    };
    let Some(f) = first_word_of(next) else {
        return false;
    };
    // The contrast may follow a subject that points back at the claim (`Both
    // of these statements however lacked any evidence`); not any subject (`At
    // the time, however, she had no idea`).
    let words: Vec<&Tok> = next[f..].iter().filter(|t| t.word).take(6).collect();
    let contrast = words
        .iter()
        .position(|t| CONTRASTS.contains(&t.lower.as_str()))
        .filter(|&c| {
            c == 0
                || words[..c].iter().any(|t| {
                    matches!(
                        t.lower.as_str(),
                        "this"
                            | "these"
                            | "that"
                            | "those"
                            | "such"
                            | "claim"
                            | "claims"
                            | "statement"
                            | "statements"
                            | "allegation"
                            | "allegations"
                            | "story"
                            | "account"
                    )
                })
        });
    let denied = contrast.is_some_and(|c| {
        next[f..].iter().filter(|t| t.word).skip(c + 1).any(|t| {
            matches!(
                t.lower.as_str(),
                "no" | "not" | "never" | "none" | "nothing" | "neither" | "nor"
            ) || FINDINGS.contains(&t.lower.as_str())
        })
    });
    denied
        || next
            .iter()
            .any(|t| t.word && REFUTATIONS.contains(&t.lower.as_str()))
}

/// `rejected as "fake" a letter allegedly written by al-Zawahiri`: a doubt
/// word in a sentence that itself says the thing was denied as false, so the
/// doubt is the text's report, not its insinuation.
fn refuted_here(toks: &[Tok]) -> bool {
    toks.iter().any(|t| {
        t.word
            && (REFUTATIONS.contains(&t.lower.as_str())
                || matches!(t.lower.as_str(), "fake" | "forged" | "forgery" | "spurious"))
    })
}

/// Words of a fault owned (`The hospital admitted that the boy was
/// circumcised by mistake`).
const FAULTS: &[&str] = &[
    "mistake",
    "mistakes",
    "mistaken",
    "mistakenly",
    "error",
    "errors",
    "erroneously",
    "wrong",
    "wrongly",
    "wrongdoing",
    "fault",
    "guilty",
    "guilt",
    "negligence",
    "negligent",
    "lied",
    "misled",
    "responsibility",
    "blame",
];

/// `The hospital admitted that the boy was circumcised by mistake`, `he
/// conceded that he had been wrong`: `admitted`/`conceded` whose own clause
/// names the fault it owns. The fault the verb implies is the one the text
/// states, so the verb is exact; `admitted that he had met her` still
/// implies one.
fn fault_admitted(toks: &[Tok], i: usize, j: usize) -> bool {
    (toks[i].lower.starts_with("admit") || toks[i].lower.starts_with("conced"))
        && toks[j..clause_end(toks, j)]
            .iter()
            .take(25)
            .any(|t| t.word && FAULTS.contains(&t.lower.as_str()))
}

/// Where the clause that goes on at `j` ends: the next `;`, `.` or `:`, or
/// the end of the sentence.
fn clause_end(toks: &[Tok], j: usize) -> usize {
    toks[j..]
        .iter()
        .position(|t| !t.word && matches!(t.lower.as_str(), ";" | "." | ":"))
        .map_or(toks.len(), |p| j + p)
}

/// `the E-corona ...; it may be observed in broad or forbidden lines`, `it
/// has been observed in several species`: `it` and a passive with no `that`
/// clause or infinitive after it in its clause is a pronoun for a thing
/// observed, not the empty subject of a claim or an aside to the reader.
/// `It may be observed that`, `it is thought to be`, `It can be noted,
/// however, that` still hide who or tell the reader what matters.
fn referential_it(toks: &[Tok], i: usize, j: usize) -> bool {
    if toks[i].lower != "it" || j <= i + 1 {
        return false;
    }
    let verb = toks[j - 1].lower.as_str();
    if !matches!(verb, "observed" | "seen" | "noted" | "found" | "remembered") {
        return false;
    }
    // Where or when the thing is observed: a preposition right after the
    // verb (`it should be noted even in times long gone, many ...` drops
    // its `that` and still tells the reader what matters).
    let placed = toks.get(j).is_some_and(|t| {
        t.word
            && matches!(
                t.lower.as_str(),
                "in" | "at"
                    | "on"
                    | "following"
                    | "after"
                    | "during"
                    | "from"
                    | "with"
                    | "under"
                    | "near"
                    | "among"
                    | "throughout"
                    | "across"
            )
    });
    if !placed {
        return false;
    }
    !toks[j..clause_end(toks, j)]
        .iter()
        .any(|t| t.word && matches!(t.lower.as_str(), "that" | "to"))
}

/// `It was suggested that music might ease his mind, so he sent for David`:
/// a past passive of proposing with a modal in its `that` clause is a
/// proposal made in the story, an event, not a view whose holder is hidden.
/// `It was suggested that the temple was older` and `it has been suggested
/// that` still hide who.
fn proposal_made(toks: &[Tok], i: usize, j: usize) -> bool {
    if toks[i].lower != "it"
        || toks.get(i + 1).is_none_or(|t| t.lower != "was")
        || j <= i + 2
        || !matches!(toks[j - 1].lower.as_str(), "suggested" | "proposed")
        || toks.get(j).is_none_or(|t| t.lower != "that")
    {
        return false;
    }
    toks[j + 1..]
        .iter()
        .take(8)
        .take_while(|t| t.word)
        .any(|t| matches!(t.lower.as_str(), "might" | "should" | "would" | "could"))
}

/// Words that by themselves say a claim was false or doubted (`The rumor
/// turned out to be a hoax`, `was greeted with skepticism`), so the sentence
/// after a claim that holds one shows the doubt without a contrast.
const REFUTATIONS: &[&str] = &[
    "hoax",
    "hoaxes",
    "unfounded",
    "baseless",
    "unsubstantiated",
    "fabricated",
    "fabrication",
    "untrue",
    "debunked",
    "discredited",
    "disproved",
    "refuted",
    "skepticism",
    "scepticism",
    "doubted",
];

/// Words that date a statement to the past (`By the start of the 20th
/// century`, `in the 1930s`).
const PAST_TIMES: &[&str] = &[
    "century",
    "centuries",
    "decade",
    "decades",
    "era",
    "eventually",
    "gradually",
    "soon",
    "later",
    "until",
    "then",
];

/// `By the start of the 20th century, evolution was widely accepted`, `The
/// significance of chemotaxis was widely accepted in the 1930s`: the history
/// of an idea's acceptance, a dated event, not a consensus claimed now. A
/// past `was/were ... accepted` (or `adopted`) with no `as` after it (`was
/// widely accepted as the greatest` judges) and a date or a time in the
/// sentence.
fn dated_acceptance(toks: &[Tok], i: usize, j: usize) -> bool {
    let past = matches!(toks[i].lower.as_str(), "was" | "were");
    let accepted = j > 0 && matches!(toks[j - 1].lower.as_str(), "accepted" | "adopted");
    let judged = toks.get(j).is_some_and(|n| n.lower == "as");
    past && accepted
        && !judged
        && toks.iter().any(|t| {
            t.word
                && (PAST_TIMES.contains(&t.lower.as_str()) || {
                    // A year or a decade: `1850`, `1930s`.
                    let y = t.lower.trim_end_matches('s');
                    y.len() == 4 && y.chars().all(|c| c.is_ascii_digit())
                })
        })
}

/// `was renowned for fighting fully armed foes with only one or two bokken`,
/// `a guild of weavers renowned for producing saris`: renown for what someone
/// did, a gerund right after `for`, which the sentence states and a reader
/// can check. Renown for a quality (`renowned for its simple elegance`,
/// `renowned for his signature riffing`) still praises.
fn renowned_for_deeds(toks: &[Tok], i: usize, j: usize) -> bool {
    toks[i].lower == "renowned"
        && toks.get(j).is_some_and(|t| t.lower == "for")
        && toks.get(j + 1).is_some_and(|t| {
            t.word && t.lower.len() > 5 && t.lower.ends_with("ing") && !t.lower.ends_with("thing")
        })
}

/// `By 1900, he was a world-renowned artist`, `By this time Russell was
/// world-famous`: fame that a date places in a history (`by` and a point in
/// time in the clause, as for [`by_time`]), a state reached then, as `became
/// famous` is an event. Only what the subject was (a copula, and `a`/`an`,
/// just before): `By 1574 ... the Kapellmeister was the famous Orlando di
/// Lasso` and `he is a world-renowned artist` still praise.
fn dated_fame(toks: &[Tok], i: usize) -> bool {
    let fame = |w: &str| w.contains("famous") || w.contains("renowned");
    let copula = |k: usize| {
        toks.get(k)
            .is_some_and(|t| matches!(t.lower.as_str(), "was" | "were" | "is" | "are" | "been"))
    };
    let predicative = i >= 1
        && (copula(i - 1)
            || (i >= 2 && matches!(toks[i - 1].lower.as_str(), "a" | "an") && copula(i - 2)));
    predicative
        && (fame(&toks[i].lower)
            || (toks[i].lower == "world" && toks.get(i + 1).is_some_and(|n| fame(&n.lower))))
        && by_time(toks, i)
}

/// `one of the world's most popular and widely viewed sports`, `a widely
/// viewed and historically important film`: `viewed` as watched, before the
/// noun, with no copula before it (`is often viewed negatively`, `was
/// often viewed in light of` judge) and no `as`, `to` or `by` after it.
fn watched(toks: &[Tok], i: usize, j: usize) -> bool {
    j > 0
        && toks[j - 1].lower == "viewed"
        && !COPULAS.contains(&toks[i].lower.as_str())
        && i.checked_sub(1)
            .is_none_or(|p| !COPULAS.contains(&toks[p].lower.as_str()))
        && toks.get(j).is_some_and(|n| {
            n.word
                && !matches!(
                    n.lower.as_str(),
                    "as" | "to"
                        | "by"
                        | "in"
                        | "with"
                        | "negatively"
                        | "positively"
                        | "favourably"
                        | "favorably"
                        | "unfavourably"
                        | "unfavorably"
                        | "through"
                )
        })
}

/// `the pieces were not critically acclaimed`, `was never very popular`: praise
/// or a label the sentence denies, which asserts nothing. A negation among the
/// two words just before the phrase, with no `only`, `just`, `merely` or
/// `least` after it (`not only famous but ...`, `not least` still praise).
fn negated(toks: &[Tok], i: usize) -> bool {
    let before: Vec<&Tok> = toks[..i]
        .iter()
        .rev()
        .take(2)
        .take_while(|t| t.word)
        .collect();
    let Some(n) = before.iter().position(|t| {
        matches!(t.lower.as_str(), "not" | "never" | "hardly" | "nor") || t.lower.ends_with("n't")
    }) else {
        return false;
    };
    !before[..n]
        .iter()
        .any(|t| matches!(t.lower.as_str(), "only" | "just" | "merely" | "least"))
}

/// Whether the phrase `toks[i..j]` is a past belief: `was`/`were` in it or
/// just before it and a verb of belief at its end (`it was believed`, `were
/// commonly thought`, `was widely recognized`), or the same verb in the active
/// voice after a quantifier (`many people believed`, `some considered`), with
/// no `have`/`has` before it (`many have believed` reaches into the present).
fn past_belief(toks: &[Tok], i: usize, j: usize) -> bool {
    let believed = j > i
        && matches!(
            toks[j - 1].lower.as_str(),
            "believed"
                | "thought"
                | "assumed"
                | "feared"
                | "expected"
                | "considered"
                | "regarded"
                | "viewed"
                | "recognized"
                | "recognised"
        );
    let passive = toks[i.saturating_sub(2)..j]
        .iter()
        .any(|t| matches!(t.lower.as_str(), "was" | "were"));
    let active = matches!(toks[i].lower.as_str(), "many" | "some" | "most")
        && !toks[i..j]
            .iter()
            .any(|t| matches!(t.lower.as_str(), "have" | "has"));
    believed && (passive || active)
}

/// `The name Colorado was chosen because it was commonly believed that ...`,
/// `As it was believed that ... there would be little crime, no provision was
/// made`: a past belief given as the reason for what was done. The narrative
/// holds it to the people who acted on it, not to an anonymous majority. A
/// past belief whose pronoun subject (`it`, `they`) follows `because`, `as`
/// or `since`.
fn belief_as_reason(toks: &[Tok], i: usize, j: usize) -> bool {
    if !past_belief(toks, i, j) {
        return false;
    }
    let subject = if toks[i].lower == "it" {
        Some(i)
    } else {
        i.checked_sub(1)
            .filter(|&p| matches!(toks[p].lower.as_str(), "it" | "they"))
    };
    subject
        .and_then(|s| s.checked_sub(1))
        .is_some_and(|c| matches!(toks[c].lower.as_str(), "because" | "as" | "since"))
}

/// `At the time, it was believed by some that ...`, `until its existence was
/// confirmed in 1846 it was thought that ...`, `In the 18th century it was
/// thought ...`: a past belief the sentence sets in its time, as one that was
/// held then and has since been revised, not a view claimed now. `until` (a
/// belief held until something changed it) anywhere in the sentence; a time
/// only before the phrase, as its frame (`It was believed by many at the time
/// that ...` still hides who). A year alone does not do it (`it was believed
/// in 1999 and 2000 that members of ... traveled` still hides who believed).
///
/// A past belief that opens its sentence takes its frame from the sentence
/// before in the same block (`Throughout the Middle Ages ... astrology was
/// widely accepted ... It was believed that correspondence therefore exists`):
/// the narrative goes on in the time it set.
fn superseded_belief(toks: &[Tok], i: usize, j: usize, around: Around<'_>) -> bool {
    if !past_belief(toks, i, j) {
        return false;
    }
    let word = |t: &Tok| t.word;
    let revised = toks.iter().filter(|t| word(t)).any(|t| {
        matches!(
            t.lower.as_str(),
            "until" | "formerly" | "previously" | "originally"
        )
    });
    let framed = |ts: &[Tok]| {
        let words: Vec<&str> = ts
            .iter()
            .filter(|t| word(t))
            .map(|t| t.lower.as_str())
            .collect();
        words
            .iter()
            .any(|w| matches!(*w, "century" | "centuries" | "antiquity" | "medieval"))
            || words.windows(3).any(|w| {
                matches!(
                    w,
                    ["at", "the" | "that", "time"]
                        | ["in", "those", "days"]
                        | ["the", "middle", "ages"]
                )
            })
    };
    let opens = first_word_of(toks) == Some(i);
    revised
        || (toks[i.saturating_sub(2)..j]
            .iter()
            .any(|t| matches!(t.lower.as_str(), "was" | "were"))
            && expected_then(toks, j))
        || framed(&toks[..i])
        || by_time(toks, i)
        || toks.iter().any(|t| t.word && t.lower.ends_with("century"))
        || (opens && around.before.is_some_and(framed))
}

/// `Against major ships, it was thought a 'hail of fire' ... could distract
/// enemy gun crews`, `it was believed that the war would be over by
/// Christmas`: a past belief about what would or could come, an expectation
/// held by the people of the narrative at the time (a doctrine, a plan), not
/// a view the article claims now. `would` or `could` after the phrase in its
/// own clause, within twenty tokens; in the passive only (`Some thought that
/// he would step down` names no one, and a quantifier claims a number).
fn expected_then(toks: &[Tok], j: usize) -> bool {
    let end = toks.len().min(j + 20);
    (j..end).any(|m| {
        toks[m].word
            && matches!(toks[m].lower.as_str(), "would" | "could")
            && !clause_break(&toks[j..m])
            && !toks[j..m].iter().any(|t| !t.word && t.lower == ".")
    })
}

/// A semicolon, or a comma and a conjunction (`, and`, `, though`): the
/// tokens run into another clause.
fn clause_break(ts: &[Tok]) -> bool {
    ts.iter().enumerate().any(|(k, t)| {
        !t.word
            && (t.lower == ";"
                || (t.lower == ","
                    && ts.get(k + 1).is_some_and(|n| {
                        matches!(
                            n.lower.as_str(),
                            "and" | "but" | "though" | "although" | "while" | "whereas" | "yet"
                        )
                    })))
    })
}

/// `By the 1960s, it was thought ...`, `was widely recognized as a red wine
/// by the eighteenth century`, `By late 1989, most scientists considered`:
/// `by` and a point in time (a year, a decade, a century, `then`, `that
/// time`), which dates the state of opinion it reports. `by many at the
/// time` is an agent, not a date: the time must come right after `by` and
/// the words that place it (`the`, `late`, `the end of`). In the phrase's
/// own clause: `By 1985, Farian began losing interest, and their final album
/// was widely regarded as uninspired` dates another clause.
fn by_time(toks: &[Tok], i: usize) -> bool {
    let year = |w: &str| {
        let y = w.trim_end_matches('s');
        (3..=4).contains(&y.len()) && y.chars().all(|c| c.is_ascii_digit())
    };
    toks.iter().enumerate().any(|(k, t)| {
        t.word
            && t.lower == "by"
            && !clause_break(&toks[k.min(i)..k.max(i)])
            && toks[k + 1..]
                .iter()
                .filter(|n| n.word)
                .find(|n| {
                    !matches!(
                        n.lower.as_str(),
                        "the"
                            | "early"
                            | "late"
                            | "mid"
                            | "end"
                            | "start"
                            | "beginning"
                            | "middle"
                            | "turn"
                            | "close"
                            | "of"
                            | "this"
                            | "that"
                    )
                })
                .is_some_and(|n| {
                    year(&n.lower)
                        || matches!(n.lower.as_str(), "then" | "time" | "century" | "decade")
                        || n.lower.ends_with("century")
                        || ((n.lower.ends_with("th") || n.lower.ends_with("st"))
                            && toks
                                .iter()
                                .skip_while(|m| m.start <= n.start)
                                .find(|m| m.word)
                                .is_some_and(|m| m.lower.starts_with("centur")))
                })
    })
}

fn context_allows(toks: &[Tok], i: usize, j: usize, w: &Watch, around: Around<'_>) -> bool {
    let Some(rules) = w.unless.get(toks[i].lower.as_str()) else {
        return true;
    };
    let has = |ts: &[Tok], words: &HashSet<String>| {
        ts.iter()
            .any(|t| t.word && words.contains(t.lower.as_str()))
    };
    rules.iter().all(|r| {
        let applies = r.key.len() <= j - i
            && toks[i..i + r.key.len()]
                .iter()
                .zip(&r.key)
                .all(|(t, k)| t.lower.as_str() == k.as_str());
        if !applies {
            return true;
        }
        let words = &r.words;
        let hit = match r.unless {
            Unless::Next => toks
                .get(j)
                .is_some_and(|n| words.contains(n.lower.as_str())),
            Unless::Prev => i
                .checked_sub(1)
                .is_some_and(|p| words.contains(toks[p].lower.as_str())),
            Unless::Subject => subject_head(toks, i)
                .into_iter()
                .chain(named_place_head(toks, i))
                .any(|p| words.contains(toks[p].lower.as_str())),
            Unless::Before => has(&toks[i.saturating_sub(3)..i], words),
            Unless::Head => toks[j..]
                .iter()
                .take(4)
                .take_while(|t| t.word)
                .any(|t| words.contains(t.lower.as_str())),
            Unless::After => has(&toks[j..], words),
            Unless::Near => has(toks, words),
            Unless::Around => {
                has(toks, words)
                    || around.before.is_some_and(|b| has(b, words))
                    || around.after.is_some_and(|a| has(a, words))
            }
            Unless::Beside => {
                around.before.is_some_and(|b| has(b, words))
                    || around.after.is_some_and(|a| has(a, words))
            }
        };
        !hit
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
    if settings.add.is_empty() {
        return Vec::new();
    }
    settings
        .add
        .iter()
        .flat_map(|(category, phrases)| {
            phrases.iter().map(move |p| Entry {
                category: *category,
                kind: Kind::Word,
                slots: slots(p),
                ids: Vec::new(),
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

/// A field of study named in a frame (`From a geological perspective`, `from
/// the point of view of differential topology`): the frame gives the scope of
/// a technical statement, not a side in a debate.
const DISCIPLINES: &[&str] = &[
    "geological",
    "geologic",
    "geology",
    "mathematical",
    "mathematics",
    "physical",
    "physics",
    "chemical",
    "chemistry",
    "biological",
    "biology",
    "evolutionary",
    "evolution",
    "linguistic",
    "linguistics",
    "technical",
    "engineering",
    "statistical",
    "statistics",
    "theoretical",
    "theoretic",
    "computational",
    "geometric",
    "geometrical",
    "geometry",
    "topological",
    "topology",
    "algebraic",
    "algebra",
    "anatomical",
    "anatomy",
    "taxonomic",
    "phylogenetic",
    "ecological",
    "ecology",
    "genetic",
    "genetics",
    "astronomical",
    "astronomy",
    "geographic",
    "geographical",
    "geography",
    "architectural",
    "structural",
    "grammatical",
    "grammar",
    "syntactic",
    "semantic",
    "phonological",
    "chronological",
    "archaeological",
    "archaeology",
    "anthropological",
    "physiological",
    "clinical",
    "thermodynamic",
    "thermodynamics",
    "mechanical",
    "mechanics",
    "quantum",
    "relativistic",
    "logical",
    "logic",
    "formal",
    "numerical",
    "analytic",
    "analytical",
    "differential",
    "probabilistic",
    "kinematic",
    "molecular",
    "articulatory",
    "acoustic",
    "acoustical",
    "phonetic",
    "phonetics",
    "morphological",
    "neurological",
    "psychological",
    "cellular",
    "chemist",
    "physicist",
    "mathematician",
    "engineer",
    "observer",
];

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
    // `From the perspective of the developing world`, `from the point of view
    // of the consumer`: the frame names whose view or what scope it takes.
    if toks[first + 1..comma]
        .windows(2)
        .any(|w| w[0].word && FRAMES.contains(&w[0].lower.as_str()) && w[1].lower == "of")
    {
        return None;
    }
    // A compound names a field by its last part (`security-theoretic`,
    // `game-theoretic`, `cell-biological`).
    if toks[first + 1..comma].iter().any(|t| {
        t.word
            && t.lower
                .rsplit('-')
                .next()
                .is_some_and(|w| DISCIPLINES.contains(&w))
    }) {
        return None;
    }
    // `From Eisenhower's viewpoint, ...`, `From their perspective, ...`: the
    // frame names whose view it is. So does a doctrine or a school (`From a
    // theistic viewpoint`, `from a feminist perspective`, `a utilitarian
    // standpoint`, `a religious point of view`): the sentence describes that
    // view.
    if toks[first + 1..comma].iter().any(|t| {
        t.word
            && ((t.cap && !FUNCTION_WORDS.contains(&t.lower.as_str()))
                || matches!(
                    t.lower.as_str(),
                    "his"
                        | "her"
                        | "their"
                        | "religious"
                        | "secular"
                        | "humanistic"
                        | "materialistic"
                        | "naturalistic"
                )
                || t.lower.ends_with("theistic")
                || t.lower.ends_with("ist")
                || t.lower.ends_with("ian"))
    }) {
        return None;
    }
    // The frame must be followed by an assertion, not by its speaker (`From
    // his perspective, Smith argued ...` is attributed).
    let attributed = toks[comma..toks.len().min(comma + 8)]
        .iter()
        .any(|t| t.word && ATTRIBUTION.contains(&t.lower.as_str()));
    // A frame is loaded when it takes a side: it states the values it weighs
    // (`a policy perspective focused on order and safety`), or what follows it
    // judges in the article's voice (`From a security standpoint, the program
    // is essential`). A bare scope (`From an economic point of view, the order
    // is second in importance`, `From the thrower's perspective, the
    // deflection is to the right`) only says in what respect a fact holds.
    let weighs = toks[first + 1..comma]
        .iter()
        .any(|t| t.word && FRAME_VALUES.contains(&t.lower.as_str()));
    // A modal judges anywhere; an adjective only as what something is
    // (`the program is essential`, not `the essential amino acids`).
    let judges = (comma..toks.len()).any(|k| {
        let t = &toks[k];
        t.word
            && (matches!(t.lower.as_str(), "should" | "must" | "ought")
                || (FRAME_JUDGMENTS.contains(&t.lower.as_str())
                    && toks[k.saturating_sub(2)..k].iter().any(|p| {
                        matches!(
                            p.lower.as_str(),
                            "is" | "are" | "was" | "were" | "be" | "been" | "remains" | "seems"
                        )
                    })))
    });
    (framed && !attributed && (weighs || judges)).then_some((first, comma))
}

/// Words by which a viewpoint frame states the values it weighs (`a policy
/// perspective focused on order and safety`, `a view that prioritises growth`).
const FRAME_VALUES: &[&str] = &[
    "focused",
    "focusing",
    "centred",
    "centered",
    "concerned",
    "committed",
    "grounded",
    "rooted",
    "values",
    "valuing",
    "prioritises",
    "prioritizes",
    "prioritising",
    "prioritizing",
    "emphasises",
    "emphasizes",
    "emphasising",
    "emphasizing",
    "favouring",
    "favoring",
];

/// Evaluative words by which the sentence after a frame judges, as what
/// something is (`From a security standpoint, the program is essential`,
/// `... deterrence is not about vengeance`): the frame then dresses one side's
/// judgment as a fact. Modals (`should`, `must`) judge too.
const FRAME_JUDGMENTS: &[&str] = &[
    "essential",
    "necessary",
    "vital",
    "crucial",
    "indispensable",
    "justified",
    "unjustified",
    "legitimate",
    "illegitimate",
    "wise",
    "unwise",
    "sensible",
    "reckless",
    "irresponsible",
    "misguided",
    "wrong",
    "better",
    "worse",
    "beneficial",
    "harmful",
    "about",
];

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
                    .all(|(t, w)| t.word && t.lower.as_str() == *w)
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
    editorial_hits_around(toks, Around::default(), quoted, settings)
}

/// [`editorial_hits_in`] with the sentences around this one in its block,
/// for the context rules that look beyond the sentence.
pub fn editorial_hits_around(
    toks: &[Tok],
    around: Around<'_>,
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
    // Straight and curly quotation marks are followed apart: a quotation in
    // straight marks may hold curly ones (`wrote that "some of his “rods” were
    // obviously insects"`), and the inner closing mark does not end the outer.
    let mut straight = quoted;
    let mut curly = 0usize;
    let mut clause_start = true;
    // Each token's word number, looked up when an entry first needs it.
    let mut nums: Vec<u32> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if !t.word {
            match t.lower.as_str() {
                "\"" => straight = !straight,
                "“" => curly += 1,
                "”" => curly = curly.saturating_sub(1),
                ";" | ":" | "(" | "—" | "–" => clause_start = true,
                _ => {}
            }
            i += 1;
            continue;
        }
        let at_clause_start = clause_start;
        clause_start = false;
        if straight
            || curly > 0
            || (t.cap && Some(i) != first)
            || (extra.is_empty() && !w.may_start_tok(t))
        {
            i += 1;
            continue;
        }
        // The built-in entries by word numbers, then the configuration's;
        // none of the built-in ones when the next word goes on with none.
        let first_id = w.number(&t.lower);
        let mut built_in = first_id.map_or(&[][..], |id| w.by_first[id as usize].as_slice());
        if !built_in.is_empty() && nums.is_empty() {
            nums = vec![UNSEEN; toks.len()];
        }
        if let Some(id) = first_id
            && !built_in.is_empty()
            && !w.may_continue(id, later_number(toks, i + 1, w, &mut nums))
        {
            built_in = &[];
        }
        let mut best: Option<(usize, &Entry)> = None;
        for k in 0..built_in.len() + extra.len() {
            let (e, found) = match built_in.get(k) {
                Some(&n) => {
                    let e = &w.entries[n];
                    (e, match_built_in(toks, i, e, w, &mut nums, &removed))
                }
                None => {
                    let e = &extra[k - built_in.len()];
                    (e, match_entry(toks, i, e, &removed))
                }
            };
            let Some(j) = found else {
                continue;
            };
            let ok = match e.kind {
                Kind::Word => true,
                Kind::Opener => at_clause_start && toks.get(j).is_some_and(|n| n.lower == ","),
                // `being stereotyped as terrorists`, `was branded as a heretic`:
                // after `as` the label is what someone called them, which the
                // sentence reports.
                Kind::Copula => {
                    toks[i.saturating_sub(3)..i]
                        .iter()
                        .any(|p| p.word && COPULAS.contains(&p.lower.as_str()))
                        && i.checked_sub(1).is_none_or(|p| {
                            // `could be captured by extremists who are
                            // anti-Semitic`: after a preposition the word is
                            // the agent or the object of a phrase, not what the
                            // subject is called.
                            !matches!(
                                toks[p].lower.as_str(),
                                "as" | "by"
                                    | "of"
                                    | "from"
                                    | "with"
                                    | "against"
                                    | "among"
                                    | "amongst"
                                    | "to"
                                    | "for"
                                    | "between"
                            )
                        })
                }
                Kind::Adverb => {
                    at_clause_start || toks.get(j).is_none_or(|n| !n.word && n.lower == ",")
                }
                Kind::Imperative => imperative(toks, i),
            };
            if !ok || !context_allows(toks, i, j, w, around) {
                continue;
            }
            // A capitalised word inside the phrase in mid-sentence makes it
            // part of a name or a title (`Stood the Test of Time`), or a
            // reverent pronoun (`who gave His life for them`).
            if toks[i + 1..j].iter().any(|t| t.word && t.cap) {
                continue;
            }
            let sourced = match e.category {
                WatchCategory::Puffery | WatchCategory::Label => {
                    attributed(toks, i)
                        || reported_clause(toks, i)
                        || open_question(toks, i)
                        || negated(toks, i)
                        || ranked_by(toks, i)
                        || perceived(toks, i)
                        || dated_fame(toks, i)
                        || renowned_for_deeds(toks, i, j)
                        || (e.category == WatchCategory::Puffery
                            && (esteemed(toks, i) || class_of_fame(toks, i, j)))
                }
                WatchCategory::Doubt => {
                    attributed(toks, i)
                        || reported_clause(toks, i)
                        || open_question(toks, i)
                        || quotation_at(toks, j)
                        || doubt_shown_next(around)
                        || refuted_here(toks)
                }
                // `claimed that ...`, with the next sentence showing why the
                // claim is in doubt: `claimed` is then the exact word.
                WatchCategory::Said => {
                    doubt_shown_next(around)
                        || claims_as_noun(toks, i)
                        || fault_admitted(toks, i, j)
                }
                WatchCategory::Editorial => {
                    continues_view(toks, i, around)
                        || referential_it(toks, i, j)
                        || reported_aside(toks, i)
                }
                // `Speer described this as ... the only one that stood the
                // test of time`: the speaker's words, paraphrased.
                WatchCategory::Cliche => attributed_before(toks, i),
                // `it has been suggested by Botkins and Sedjo` names its source;
                // `In Greek legend it is said` names who says it.
                WatchCategory::Weasel => {
                    hypothetical_view(toks, i)
                        || sourced_after(toks, j.saturating_sub(1))
                        || (t.lower == "it" && quotes_belief(toks, j))
                        || reported_clause(toks, i)
                        || ((t.lower == "it" || frame_opens(toks)) && holder_frame(toks, i))
                        || named_group(toks, i, j)
                        || among_named(toks, j)
                        || naming_passive(toks, j)
                        || corrected_belief(toks, i, j)
                        || dated_acceptance(toks, i, j)
                        || watched(toks, i, j)
                        || belief_as_reason(toks, i, j)
                        || superseded_belief(toks, i, j, around)
                        || proved_linking(toks, j)
                        || study_named_next(toks, i, around)
                        || referential_it(toks, i, j)
                        || proposal_made(toks, i, j)
                        || definite_holder(toks, j)
                        || scope_sense(toks, j)
                        || measured_consensus(toks, i, j)
                }
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
    // `is widely regarded as one of the greatest`: the praise is the weasel's
    // claim, and naming who holds it fixes both.
    if let Some(weasel) = out
        .iter()
        .find(|h| h.category == WatchCategory::Weasel)
        .map(|h| h.start)
    {
        out.retain(|h| {
            h.start < weasel || !matches!(h.category, WatchCategory::Puffery | WatchCategory::Label)
        });
    }
    // Looked at only when something was found: most sentences find nothing.
    if !out.is_empty()
        && (speaks_in_first_person(toks, quoted) || speech_around(toks, around, quoted))
    {
        out.clear();
    }
    // The text before a quotation's closing mark whose opening mark is in an
    // earlier sentence is quoted.
    if !out.is_empty()
        && !quoted
        && let Some(q) = closes_unopened(toks)
    {
        out.retain(|h| h.start >= toks[q].end);
    }
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
    fn built_in_entries_match_by_numbers_as_by_words() {
        // Every entry's phrases (each first alternative, then each last one),
        // in sentences around them, and text that matches no entry or only
        // part of one: the numbers find what the words find, at every token.
        let w = &*WATCH;
        let mut texts = vec![
            "It is widely regarded as one of the greatest, some say, and it has been said that critics argue.".to_string(),
            "The the a an it is was by in of, \"so-called\" — many believe; most scholars agree".to_string(),
        ];
        for e in &w.entries {
            for pick in [0, usize::MAX] {
                let words: Vec<&str> = e
                    .slots
                    .iter()
                    .map(|s| s[pick.min(s.len() - 1)].as_str())
                    .collect();
                texts.push(format!("Then {} here, and {}", words.join(" "), words[0]));
            }
        }
        let none = HashSet::default();
        for text in &texts {
            let toks = tokenize(text);
            let mut nums = vec![UNSEEN; toks.len()];
            for i in 0..toks.len() {
                if !toks[i].word {
                    continue;
                }
                for &n in w.starting_with(&toks[i].lower) {
                    let e = &w.entries[n];
                    assert_eq!(
                        match_built_in(&toks, i, e, w, &mut nums, &none),
                        match_entry(&toks, i, e, &none),
                        "{text} at {i}"
                    );
                    // The gate on the next word passes every entry that matches.
                    if match_entry(&toks, i, e, &none).is_some() {
                        let first = w.number(&toks[i].lower).expect("a first word has a number");
                        let next = later_number(&toks, i + 1, w, &mut nums);
                        assert!(w.may_continue(first, next), "{text} at {i}");
                    }
                }
                let listed = w.starting_with(&toks[i].lower).len();
                let by_words = w
                    .entries
                    .iter()
                    .filter(|e| {
                        e.slots[0]
                            .iter()
                            .any(|x| x.as_str() == toks[i].lower.as_str())
                    })
                    .count();
                assert!(listed >= by_words, "{text} at {i}");
            }
        }
    }

    /// The tag bit of a word that starts an entry is set exactly for the
    /// words that start one, so that a tagged token skips no entry.
    #[test]
    fn tagged_tokens_say_which_words_start_an_entry() {
        let w = &*WATCH;
        let mut text: Vec<String> = w.vocab.keys().cloned().collect();
        text.extend(["zebra", "the", "of", "and", "obviously", "critics"].map(String::from));
        let mut toks = tokenize(&text.join(" "));
        super::super::predicates::tag_tokens(&mut toks);
        for t in toks.iter().filter(|t| t.word) {
            assert!(t.tag & T_TAGGED != 0);
            let starts = !w.starting_with(&t.lower).is_empty();
            assert_eq!(t.tag & T_WATCH_FIRST != 0, starts, "{}", t.lower);
            assert_eq!(w.may_start_tok(t), starts, "{}", t.lower);
        }
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
            hits("He admitted that he met her."),
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
        // A field of study as the frame is a scope, not a side.
        assert!(!flagged(
            "From a geological perspective, it did not take long for mammals to diversify."
        ));
        assert!(!flagged(
            "From the point of view of differential topology, the donut and the cup are the same."
        ));
        assert!(!flagged(
            "It was also ranked as one of the greatest films of the 1980s."
        ));
        assert!(flagged("It is one of the greatest films of the 1980s."));
        // A named group holds the view.
        assert!(!flagged(
            "Condom use is considered by some Maasai to cause impotence."
        ));
        assert!(flagged(
            "Condom use is considered by some to cause impotence."
        ));
        // A belief quoted from its source.
        assert!(!flagged(
            "They were left unprotected because it was thought that they were \"physically limited or safe\"."
        ));
        // (Not `because it was thought that they were safe`: a belief given as
        // the reason for what was done is the actors', see
        // `denials_reasons_and_past_beliefs`.)
        assert!(flagged(
            "It was thought that they were safe and unprotected."
        ));
        // Openers only as openers.
        assert!(!flagged("It was ironically titled \"Victory\"."));
        assert!(flagged("Ironically, the team lost."));
        assert!(flagged("The team, ironically, lost."));
        assert!(flagged("Clearly, this is the best."));
        assert!(flagged("It is, of course, the best."));
    }

    #[test]
    fn speech_names_and_corrections() {
        // Speech in the first person, set without quotation marks.
        assert!(!flagged(
            "The album was rejected, not surprisingly, and I then renegotiated."
        ));
        assert!(flagged(
            "The album was rejected, not surprisingly, and the band renegotiated."
        ));
        assert!(flagged("Dioscorus I of Alexandria ostensibly rejected it."));
        // A quotation in straight marks that holds curly ones.
        assert!(!flagged(
            "Sheaffer wrote that \"some of his “rods” were obviously insects\" in flight."
        ));
        // A capitalised word inside the phrase: a title or a reverent pronoun.
        assert!(!flagged("Jesus, who gave His life for them."));
        assert!(flagged("He gave his life for the cause."));
        // Naming passives with the name or a quoted description.
        assert!(!flagged("The most promising protein has been dubbed EspC."));
        assert!(!flagged(
            "Hippodamus has been dubbed the \"Father of City Planning\" for his design."
        ));
        assert!(!flagged(
            "The abnormal resin has been called \"succinosis\"."
        ));
        assert!(flagged(
            "His approach has been called a \"visionary program\"."
        ));
        assert!(flagged(
            "Monet has been described as \"the driving force behind Impressionism\"."
        ));
        assert!(flagged(
            "Their club sees 2,000 children and has a world-class team."
        ));
        assert!(flagged("Avicenna's views were enormously influential."));
        assert!(flagged(
            "The battle has been called \"arguably the most decisive engagement of the age\"."
        ));
        assert!(flagged("The battle has been called decisive."));
        // A belief the sentence corrects with a finding.
        assert!(!flagged(
            "They were widely believed to be fungi, but molecular evidence led to their reclassification."
        ));
        assert!(!flagged(
            "The companion is often described as green, but this is probably a contrast effect."
        ));
        assert!(flagged(
            "It is generally believed that no such algorithm exists; yet this belief has not been proven."
        ));
        // A question, not a claim.
        assert!(!flagged(
            "He went to see if Ambrose was one of the greatest speakers."
        ));
        // Other senses and scopes.
        assert!(!flagged(
            "The legend was turned into a cult, with pilgrims bringing offerings to the church."
        ));
        assert!(flagged("The group is a cult that recruits students."));
        assert!(!flagged(
            "They could have forgiven it if it had passed away."
        ));
        assert!(!flagged(
            "He did not appoint a king and nobody acclaimed one."
        ));
        assert!(!flagged(
            "SignWriting consists of more than 5000 distinct iconic graphs."
        ));
        assert!(flagged("Its iconic characters are known to every child."));
        assert!(flagged(
            "He helped to shoot the famous earthquake sequence for the film."
        ));
        assert!(!flagged(
            "Sagan was an advocate of the controversial notion of testosterone poisoning."
        ));
        assert!(!flagged(
            "As a self-styled \"mountain doctor\", she treats the poor."
        ));
        assert!(flagged("The self-styled doctor treats the poor."));
        // A subject before a participle or a title: reported, not an imperative.
        assert!(!flagged(
            "Political philosophers Leo Strauss and Joseph Cropsey, writing of Hume, note that he revered age."
        ));
        assert!(flagged("In the long run, note that the series converges."));
        assert!(flagged("However, note that the series converges."));
        // A named holder's view; an idiom keeps its own agent.
        assert!(!flagged(
            "Neo-creationism sees ostensibly objective science as a religion."
        ));
        assert!(!flagged(
            "Speer described this as the only one that stood the test of time."
        ));
        assert!(flagged(
            "Costa Rica was, by and large, overlooked by the Spanish Crown."
        ));
    }

    #[test]
    fn named_holders_and_other_senses() {
        assert!(!flagged(
            "From Eisenhower's viewpoint, the best deterrent was to show the horror of war."
        ));
        assert!(!flagged(
            "In the early texts, the mental state is generally viewed as decisive."
        ));
        assert!(!flagged(
            "Christopher Syn is portrayed as a brilliant scholar."
        ));
        assert!(flagged(
            "She portrayed Rita on the critically acclaimed series."
        ));
        assert!(flagged(
            "Ruth, a hero in American culture, is considered by many to be the greatest player."
        ));
        // `claimed to` with an infinitive: the claim of a name, a power or a
        // feat, for which `claimed` is the exact word (`said to be` would
        // change the meaning); `claimed that` still reports speech.
        assert!(!flagged("Lambert Simnel claimed to be Edward Plantagenet."));
        assert!(!flagged("Simnel claimed to be the rightful heir."));
        assert!(!flagged(
            "The yogi claimed to have lived without food for 70 years."
        ));
        assert!(!flagged("The city claims to be the oldest in Europe."));
        assert!(flagged("Simnel claimed that he was the rightful heir."));
        // The passive hides the claimant, unless `by` names one.
        assert_eq!(
            hits("Curry is claimed to be a powerful aphrodisiac."),
            vec![("is claimed to be".to_string(), WatchCategory::Weasel)]
        );
        assert!(!flagged(
            "Amygdalin was claimed to be a vitamin by chemist Ernst T. Krebs."
        ));
        assert!(!flagged(
            "The Poincare conjecture claims that the space is a sphere."
        ));
        assert!(!flagged("Cognates need not have obviously similar forms."));
        assert!(flagged("The defense obviously does not always win."));
        assert!(!flagged(
            "Both studies indicate that the forest is shrinking."
        ));
        assert!(flagged("Studies indicate that the forest is shrinking."));
        assert!(!flagged("China is the world's leading consumer of beer."));
        assert!(!flagged("Most Khoisan languages use a more iconic system."));
        assert!(flagged(
            "The sentence is someone's, of course, whoever wrote it."
        ));
    }

    fn around_hits(before: &str, s: &str, after: &str) -> bool {
        let (b, t, a) = (tokenize(before), tokenize(s), tokenize(after));
        let around = Around {
            before: Some(&b),
            after: Some(&a),
        };
        !editorial_hits_around(&t, around, false, &WatchSettings::default()).is_empty()
    }

    #[test]
    fn history_speech_and_exact_words() {
        // A manner adverb after its verb; the sentence adverb stays.
        assert!(!flagged(
            "Lincoln, who had watched sadly during the debacle, was sworn in."
        ));
        assert!(flagged("Sadly, the debacle went on for an hour."));
        // The dated history of an idea's acceptance, not a consensus now.
        assert!(!flagged(
            "By the start of the 20th century, evolution was widely accepted."
        ));
        assert!(!flagged(
            "The significance of chemotaxis was widely accepted in the 1930s."
        ));
        assert!(flagged("The theory of evolution was widely accepted."));
        assert!(flagged(
            "In 1990 the method was widely accepted as the best one."
        ));
        // A consensus denied is no consensus claimed.
        assert!(!flagged("Generally, no reference date is widely accepted."));
        assert!(flagged("The reference date is widely accepted."));
        // The genre, not a label on a group.
        assert!(!flagged(
            "Although it was proclaimed a cult film before it was released, it failed."
        ));
        assert!(flagged("The society was a cult of the worst kind."));
        // A claim of descent, and a text's claim past its title.
        assert!(!flagged(
            "The kings of Epirus claimed to be descended from Achilles."
        ));
        assert!(!flagged(
            "More recently, the book, \"Tolbert's Texas,\" claimed that he was killed."
        ));
        assert!(flagged(
            "More recently, the author, a Texan, claimed that he was killed."
        ));
        // A frame that names a doctrine describes its view.
        assert!(!flagged(
            "From a theistic viewpoint, the laws of nature were designed by God."
        ));
        assert!(flagged(
            "From a practical viewpoint, the laws of nature must have been designed by God."
        ));
        // A bare scope: in what respect he did best, not a side.
        assert!(!flagged(
            "From an artistic point of view, he was most successful in portrait-statues."
        ));
        // A quotation that closes here began earlier: the text before is quoted.
        assert!(!flagged(
            "From this point of view, the Regola is a remarkable intellectual achievement\"."
        ));
        assert!(flagged(
            "The Regola is a remarkable achievement, as \"Thoenes\" wrote."
        ));
        // Literal senses and events.
        assert!(!flagged(
            "Basketball is one of the world's most popular and widely viewed sports."
        ));
        assert!(flagged("The film is widely viewed as his best."));
        assert!(flagged(
            "In Athens, the bond was often viewed in light of the custom."
        ));
        assert!(!flagged(
            "A recurring idea is that phenomenal states integrate neural activities."
        ));
        assert!(flagged("The team had a phenomenal season."));
        assert!(!flagged(
            "From an articulatory perspective, this terminology is incorrect."
        ));
        assert!(!flagged(
            "The club became world famous when it drew attention to the flaws."
        ));
        assert!(flagged("The club is world famous for its parties."));
        assert!(flagged(
            "Construction on what would in time become the world famous Great Mosque began."
        ));
        // Speech in the sentences around, set without quotation marks.
        assert!(!around_hits(
            "I couldn't believe the small-mindedness of the committee.",
            "They obviously didn't even listen to this.",
            "It got banned."
        ));
        assert!(!around_hits(
            "Because you're playing the odds.",
            "When it comes to comedy, of course there are others.",
            "But not many."
        ));
        assert!(around_hits(
            "The committee met in May.",
            "They obviously didn't even listen to this.",
            "It got banned."
        ));
        // A quotation that runs on into the sentence around is not followed.
        assert!(around_hits(
            "His speech was quickly seen as a triumph.",
            "In 1999, Canion admitted that he was tired, saying \"I was burned out.",
            "He felt I didn't have it.\""
        ));
        assert!(around_hits(
            "She wrote: \"Hello, you're watching.\"",
            "This was followed by the award-winning short film.",
            "It ran for a year."
        ));
        assert!(around_hits(
            "The remnants of I and XI Corps defended the hill.",
            "The line is popularly described as a hook.",
            "It ran south."
        ));
        assert!(around_hits(
            "He soon became very popular in the colony.",
            "The lawyer was soon very popular in the colony.",
            "Browne described him as: Seldom have I seen one like him."
        ));
        assert!(flagged(
            "Ulam has claimed that related ideas were current in Poland."
        ));
        // Doubt the next sentence shows.
        assert!(!around_hits(
            "The resulting publicity led to papers dropping his strip.",
            "Biographer James Spada has claimed that similar allegations were made.",
            "However, no firsthand allegation has ever surfaced."
        ));
        assert!(around_hits(
            "The resulting publicity led to papers dropping his strip.",
            "Biographer James Spada has claimed that similar allegations were made.",
            "However, Spada later moved to Paris."
        ));
    }

    #[test]
    fn denials_reasons_and_past_beliefs() {
        // A label someone gave (`stereotyped as terrorists`); a relic's
        // provenance and a coercion not established (MOS:ALLEGED); a fixed
        // phrase; a claim the next sentence says is doubted.
        assert!(!flagged(
            "Yauch spoke of Muslims being stereotyped as terrorists."
        ));
        assert!(flagged("The members were terrorists."));
        assert!(!flagged(
            "He was collecting relics, including a jug allegedly used at Cana."
        ));
        assert!(flagged("He bought a jug allegedly used at Cana."));
        assert!(!flagged(
            "The service allegedly coerced Fountain into signing a statement."
        ));
        assert!(!flagged("The stand is filled with the rich and famous."));
        assert!(flagged("The stand is filled with famous fans."));
        assert!(!around_hits(
            "He said the victim attacked him.",
            "He also claims that the cuts were from broken glass.",
            "The self-defense story is doubted by Faust."
        ));
        assert!(around_hits(
            "He said the victim attacked him.",
            "He also claims that the cuts were from broken glass.",
            "The story was told by Faust."
        ));
        // Disputed content, not a label on anyone.
        assert!(!flagged(
            "The book has controversial passages on the Talmud's sages."
        ));
        assert!(flagged("He was a controversial rabbi."));
        // A past belief or reception dated by `by` and a time, or by a
        // century: the state of opinion then, not a view claimed now.
        assert!(!flagged(
            "By the 1960s, it was thought that tricyclics blocked reuptake."
        ));
        assert!(!flagged(
            "By the eighteenth century, Chianti was widely recognized as a red wine."
        ));
        assert!(!flagged(
            "By late 1989, most scientists considered cold fusion claims dead."
        ));
        assert!(!flagged(
            "Many people believed in the 14th century that God sent the plague."
        ));
        assert!(!flagged(
            "Until the Revolution, many considered whiskey a coarse drink."
        ));
        // Near cases: no date, an agent after `by`, a year that is no frame,
        // the present tense.
        assert!(flagged("Chianti is widely recognized as a red wine."));
        assert!(flagged("Chianti was widely recognized as a red wine."));
        assert!(flagged(
            "It was believed by many at the time that Prescott favoured regulation."
        ));
        assert!(flagged(
            "It was believed in 1999 and 2000 that members traveled to Croatia."
        ));
        assert!(flagged(
            "He was widely considered an outstanding politician."
        ));
        assert!(flagged(
            "By 1985, Farian was losing interest, and the album was widely regarded as weak."
        ));
        // Praise the sentence denies asserts nothing.
        assert!(!flagged(
            "Due to its experimental nature, the pieces were not critically acclaimed."
        ));
        assert!(!flagged("The band was never very popular outside Ohio."));
        assert!(flagged("The pieces were critically acclaimed."));
        assert!(flagged("The band was not only famous but rich."));
        // A past belief given as the reason for what was done.
        assert!(!flagged(
            "The name was chosen because it was commonly believed that the river rose there."
        ));
        assert!(!flagged(
            "As it was believed that there would be little crime, no gaol was planned."
        ));
        assert!(flagged(
            "It was commonly believed that the river rose there."
        ));
        assert!(flagged(
            "The name was chosen because it is commonly believed that the river rose there."
        ));
        // A past belief set in its time, not a view held now.
        assert!(!flagged(
            "At the time, it was believed by some that the world would end in 500."
        ));
        assert!(!flagged(
            "Until its existence was confirmed in 1846, it was thought that the planet was a star."
        ));
        assert!(flagged(
            "However it was believed in 1999 and 2000 that members traveled to Croatia."
        ));
        assert!(flagged("At the time, it is believed, the world would end."));
        assert!(flagged(
            "It was believed by many at the time that Prescott favoured regulation."
        ));
        // A named group after `among`.
        assert!(!flagged(
            "He was widely regarded among the Nazi elite as a capable organiser."
        ));
        assert!(flagged(
            "He was widely regarded among historians as a capable organiser."
        ));
        assert!(flagged(
            "He is generally considered among the worst American presidents."
        ));
        // A compound that names a field of study in a frame.
        assert!(!flagged(
            "From a security-theoretic point of view, modes must provide semantic security."
        ));
        assert!(flagged(
            "From a security-minded point of view, modes must provide semantic security."
        ));
        // Doubt the next sentence shows without opening on a contrast.
        assert!(!around_hits(
            "He fought his brother for the throne.",
            "Aurangzeb claimed that Dara was no longer a Muslim.",
            "Both of these statements however lacked any evidence."
        ));
        assert!(!around_hits(
            "The game has a secret level.",
            "Supposedly, a portal to a secret level would open.",
            "The rumor turned out to be a hoax."
        ));
        assert!(around_hits(
            "He fought his brother for the throne.",
            "Aurangzeb claimed that Dara was no longer a Muslim.",
            "Both of these statements were widely repeated."
        ));
        assert!(around_hits(
            "Christie is purposefully vague about his age.",
            "In her autobiography, she admitted that she imagined him old in 1920.",
            "At the time, however, she had no idea she would write more."
        ));
        assert!(around_hits(
            "Despite their success, the band kept working.",
            "Chuck D claims that popularity was never a motivation.",
            "He is admittedly skeptical of celebrity status."
        ));
    }

    #[test]
    fn disputes_legends_and_events() {
        // `controversial` of a question, a result or a method in dispute.
        assert!(!flagged(
            "At the time it was highly controversial whether these nebulae were island universes."
        ));
        assert!(!flagged(
            "Its use as a supplement yielded some controversial results."
        ));
        assert!(flagged("He was a controversial leader."));
        // ... or summing up a dispute the sentence documents.
        assert!(!flagged(
            "Selig made the controversial decision to end the game, to the dissatisfaction of the fans."
        ));
        assert!(flagged(
            "Selig made the controversial decision to end the game."
        ));
        // MOS:ALLEGED: wrongdoing or testimony not established.
        assert!(!flagged("He allegedly used drugs in 2004."));
        assert!(flagged("He allegedly used the money in 2004."));
        assert!(!flagged(
            "He was allegedly last seen with the boys, according to affidavits."
        ));
        assert!(flagged("He was allegedly last seen with the boys."));
        // A doubt word in a story or a legend the text sets out.
        assert!(!around_hits(
            "The story first appeared two centuries later.",
            "Archimedes supposedly ran through the streets.",
            "He shouted Eureka."
        ));
        assert!(around_hits(
            "The method was first described in 1900.",
            "It supposedly ran through the streets.",
            "It was used widely."
        ));
        // A claim the sentence calls false.
        assert!(!flagged(
            "The press release falsely claimed that the pilot had reported trouble."
        ));
        assert!(flagged(
            "The press release claimed that the pilot had reported trouble."
        ));
        // Popularity as an event in a history.
        assert!(!flagged("The pamphlet became very popular."));
        assert!(flagged("The pamphlet is very popular."));
        // Active beliefs of historical actors set in their time.
        assert!(!flagged(
            "Disease was little understood in the 14th century; many people believed only God's anger could cause it."
        ));
        assert!(flagged(
            "Many people believed only God's anger could cause it."
        ));
        assert!(flagged(
            "In the 14th century, many people believe, God's anger caused it."
        ));
        // A view the sentence supposes.
        assert!(!flagged(
            "Members may leave if some think that they should."
        ));
        assert!(flagged(
            "Members may leave, even if some think that they should not."
        ));
        assert!(flagged("Some think that members should leave."));
    }

    #[test]
    fn senses_rankings_and_frames() {
        // `celebrated`, `outstanding`, `phenomenal` in other senses.
        assert!(!flagged(
            "Other festivals celebrated here include Carnival and a crafts fair."
        ));
        assert!(flagged("Other celebrated festivals include Carnival."));
        assert!(!flagged(
            "Idigicon could clear any outstanding stock copies."
        ));
        assert!(flagged("Idigicon sold outstanding games."));
        assert!(!flagged("It extends beyond all phenomenal dimensions."));
        assert!(flagged("It had a phenomenal success."));
        assert!(!flagged(
            "The song quickly grew very popular among children."
        ));
        // A ranking whose maker the clause names.
        assert!(!flagged(
            "It was also chosen by the American Film Institute as one of the greatest mystery films."
        ));
        assert!(flagged(
            "It was also made by the American Film Institute as one of the greatest mystery films."
        ));
        // What a named subject discovered is his view.
        assert!(!flagged(
            "Augustine quickly discovered that Ambrose was a spectacular orator."
        ));
        assert!(flagged("Ambrose was a spectacular orator."));
        assert!(flagged(
            "He soon realised that his knowledge was limited, so he left Fermat's famous equation."
        ));
        assert!(flagged(
            "Research discovered that he is a descendant of Punch, considered by some historians the first slave."
        ));
        // A named author's work as the frame of an impersonal passive.
        assert!(!flagged(
            "In Kimberly R. McBride's 2010 clinical review, it is suggested that norms may change."
        ));
        assert!(flagged(
            "In a 2010 clinical review, it is suggested that norms may change."
        ));
        assert!(flagged(
            "He disappeared in the confusion of Syn's death, but it is said that he lives."
        ));
        // A past belief framed by the sentence before.
        assert!(!around_hits(
            "Throughout the Middle Ages astrology was accepted by scholars.",
            "It was believed that correspondence therefore exists between the two.",
            "The stars follow cycles."
        ));
        assert!(around_hits(
            "Astrology was accepted by scholars.",
            "It was believed that correspondence therefore exists between the two.",
            "The stars follow cycles."
        ));
        assert!(around_hits(
            "Throughout the Middle Ages astrology was accepted by scholars.",
            "It is believed that correspondence therefore exists between the two.",
            "The stars follow cycles."
        ));
    }

    #[test]
    fn pending_awards_accusations_and_glosses() {
        // `outstanding` as unpaid or pending, and in an award's criteria.
        assert!(!flagged(
            "Central banks incur liabilities (currency outstanding)."
        ));
        assert!(!flagged(
            "Once all outstanding hardware problems were fixed, the spacecraft flew."
        ));
        assert!(!flagged(
            "The medal has been awarded to honor outstanding contributions in telecommunications."
        ));
        assert!(flagged(
            "The orations remain outstanding examples of his rhetorical style."
        ));
        assert!(flagged("The team played outstanding baseball at home."));
        // `allegedly` as the ground of an accusation or a wrongdoing.
        assert!(!flagged(
            "The government criticized the company for allegedly failing to pay its taxes."
        ));
        assert!(!flagged(
            "In 1971 the agency allegedly made an attempt to assassinate the writer."
        ));
        assert!(flagged(
            "Tiberius had left Rome allegedly to avoid any scandal."
        ));
        assert!(flagged("The tower allegedly avoids an earlier tavern."));
        // A myth retold and a translated name.
        assert!(!around_hits(
            "The goddesses offer him bribes in the myth.",
            "Aphrodite offers him Helen, the most beautiful mortal woman in the world.",
            "He accepts."
        ));
        assert!(around_hits(
            "The stadium opened in 2004.",
            "It is one of the most beautiful stadiums in the world.",
            "It seats 70,000."
        ));
        assert!(!flagged(
            "There are 99 names of God (lit. 'the most beautiful names')."
        ));
        // `thought` and `feel` as nouns after `give`.
        assert!(!flagged(
            "Mack gave some thought to stepping down as manager."
        ));
        assert!(flagged("Some thought that he would step down."));
        assert!(flagged(
            "He failed to act after some observers believe he began to tire."
        ));
        // Unnamed critics in the perfect, and `sources state`.
        assert!(flagged(
            "Critics have also argued that the natives feared massacre."
        ));
        assert!(flagged(
            "Several critics have observed that actors did well."
        ));
        assert!(flagged(
            "Some sources state that Dada coalesced in October."
        ));
        assert!(!flagged(
            "Critics of the plan have argued that the natives feared massacre."
        ));
        assert!(!flagged("The sources state clearly when Dada coalesced."));
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
    fn literal_senses_pretexts_and_expectations() {
        // `iconic` of the veneration of icons; praise still flagged.
        assert!(!flagged(
            "And while the Pope supported the reintroduction of the iconic veneration, he digressed."
        ));
        assert!(flagged(
            "The Pope supported the iconic cathedral, he said nothing."
        ));
        // A label after a preposition is an agent or an object, not a copula.
        assert!(!flagged(
            "They feared that they could be captured by extremists who are anti-Semitic."
        ));
        assert!(flagged("The men who captured them were extremists."));
        // Fame as the topic of the sentence.
        assert!(!flagged(
            "His marriage to Victoria, who has been famous in her own right, contributed to his celebrity."
        ));
        assert!(flagged(
            "The Princess ships were famous in their own right, especially the Marguerite."
        ));
        // A prominent instance of a kind.
        assert!(!flagged(
            "China is one of the leading examples of state capitalism."
        ));
        assert!(flagged(
            "China is one of the leading economies of the world."
        ));
        // Reception documented around `critically acclaimed`.
        assert!(!flagged(
            "The novel was critically acclaimed, winning both the Carnegie Medal and the Guardian Prize."
        ));
        assert!(!around_hits(
            "The period is regarded by film historians as the Golden Age.",
            "Some of the most critically acclaimed films of all time were produced then.",
            "Examples include Pyaasa."
        ));
        assert!(flagged(
            "She starred in the critically acclaimed film and moved to Paris."
        ));
        assert!(flagged(
            "The program was critically acclaimed, and twice nominated for Emmys."
        ));
        // Praise inside what a speaker promised.
        assert!(!flagged(
            "He recruited peasants by promising them how glorious life would be after the revolution."
        ));
        assert!(flagged(
            "He recruited peasants, and life was glorious after the revolution."
        ));
        // `ostensibly` with the pretext it names.
        assert!(!flagged(
            "Philip marched on Amphissa, ostensibly acting on the request of the League."
        ));
        assert!(!flagged("He went to Gaul, ostensibly to conduct a census."));
        assert!(flagged(
            "Although ostensibly a legal drama, the series is a romance."
        ));
        assert!(flagged(
            "At this point, the crisis was ostensibly at a stalemate."
        ));
        // A past expectation in the passive is the narrative's actors'.
        assert!(!flagged(
            "Against major ships, it was thought a hail of fire could distract enemy gun crews."
        ));
        assert!(flagged(
            "Against major ships, it was thought a hail of fire was the best weapon."
        ));
        assert!(flagged("Some thought that he would step down."));
        // A viewpoint frame that names whose view it takes.
        assert!(!flagged(
            "From the perspective of the developing world, the benefits go to richer nations."
        ));
        // A bare scope states in what respect a fact holds; a frame that
        // judges, or states the values it weighs, takes a side.
        assert!(!flagged(
            "From a practical perspective, the benefits go to richer nations."
        ));
        assert!(!flagged(
            "From an economic point of view, the order is second in importance within the monocots."
        ));
        assert!(flagged(
            "From a practical perspective, the program is essential to richer nations."
        ));
        assert!(flagged(
            "From a perspective focused on growth, the benefits go to richer nations."
        ));
        assert!(!flagged(
            "From a nutritional point of view, gelatin lacks the essential amino acids."
        ));
    }

    #[test]
    fn claims_as_a_noun_is_no_said_finding() {
        // After a quantifier, `with` or `support`, `claims` is the noun.
        for s in [
            "Though certain claims that the authorities refused to act have been disputed.",
            "Some claims that add to his credit as a lover of books are late.",
            "Some makers offer condoms with claims that they are more reliable.",
            "The data are not sufficient to support claims that it works.",
        ] {
            assert!(!flagged(s), "{s}");
        }
        // `there are claims that` hides who claims: a weasel, not a said-verb.
        assert_eq!(
            hits("There are claims that he lived without food."),
            [("There are claims that".into(), WatchCategory::Weasel)]
        );
        // The verb after its subject is still a said-verb.
        assert_eq!(
            hits("He also claims that their influence went beyond drama."),
            [("claims that".into(), WatchCategory::Said)]
        );
    }

    #[test]
    fn linking_proved_noun_claims_named_studies_and_reported_indeed() {
        // `proved` as a linking verb before an adjective or `to be`.
        for s in [
            "Attempts to reconcile the molecular and fossil evidence have proved controversial.",
            "Research has proved difficult to fund.",
            "Such studies have proved highly popular with students.",
            "The studies have proved to be unreliable.",
        ] {
            assert!(!flagged(s), "{s}");
        }
        assert!(flagged("Studies have proved that the drug works."));
        assert!(flagged(
            "Studies have proven beneficial effects of the drug."
        ));
        // `claims` with no subject before it is the noun.
        for s in [
            "Claims that Nin was bisexual were given little weight.",
            "According to these statements, claims that one denomination is the true Church are propaganda.",
        ] {
            assert!(!flagged(s), "{s}");
        }
        assert!(flagged(
            "Bourienne, his secretary, claims that he was present."
        ));
        assert!(flagged("He claims that he was present."));
        assert!(flagged(
            "In his memoirs Bourienne, his secretary, claims that he was present."
        ));
        // `studies have shown` with the next sentence naming one of them.
        let s = "Several studies have shown an increased rate of cancer mortality.";
        assert!(!around_hits(
            "",
            s,
            "In one such study, from Hamburg, Germany, the risk increased by 170%."
        ));
        assert!(!around_hits("", s, "A 2005 study found a higher risk."));
        assert!(around_hits("", s, "Further study is needed."));
        assert!(around_hits(
            "",
            s,
            "A recent study has demonstrated higher levels."
        ));
        assert!(around_hits(
            "",
            s,
            "A 2005 Cochrane review found insufficient evidence."
        ));
        assert!(around_hits("", s, "The risk was higher in men."));
        // `Indeed` going on from a view the sentence before reports.
        let s = "Indeed, such thinkers argued that commoners may not marry twice.";
        assert!(!around_hits(
            "Certain Jewish thinkers, such as Maimonides, believed that concubines were reserved for kings.",
            s,
            ""
        ));
        assert!(around_hits("Concubines were reserved for kings.", s, ""));
        assert!(around_hits(
            "It is said that he wished to be worshipped as a god.",
            "Indeed, he was represented as a sun god on coins.",
            ""
        ));
        assert!(flagged("Indeed, commoners could not marry twice."));
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
    #[test]
    fn esteem_naming_by_names_proof_steps_and_fame_in_a_history() {
        // Praise held by the people the sentence names, with a verb of esteem.
        assert!(!flagged(
            "It was rediscovered by the Symbolist painters, who valued his visionary and allegorical landscapes."
        ));
        assert!(!flagged(
            "Contemporary critics acknowledged the iconic status of the building."
        ));
        assert!(flagged("He painted visionary and allegorical landscapes."));
        assert!(flagged(
            "Ancient Rome similarly lauded actors and notorious gladiators."
        ));
        // Naming by names is a naming, not a judgment without a holder.
        assert!(!flagged(
            "The symbol has been called by a variety of different names."
        ));
        assert!(flagged(
            "The symbol has been called by many the finest of its kind."
        ));
        // A step of a proof.
        assert!(!flagged(
            "To see this, note that if L is any algebraic extension of K, then its closure is one too."
        ));
        assert!(!flagged(
            "To prove the theorem, note that the series converges."
        ));
        assert!(flagged(
            "Note that the arteries do not pass through the hilum."
        ));
        assert!(flagged(
            "To the west, note that the arteries do not pass through the hilum."
        ));
        // Fame reached in a history, or said what for.
        assert!(!flagged("By 1900, he was a world-renowned artist."));
        assert!(flagged(
            "By 1574 the music director was the famous Orlando di Lasso."
        ));
        // `valued at` a price is no esteem.
        assert!(flagged(
            "Costa Rica had a line of credit valued at US$947M, of which US$600M remained outstanding."
        ));
        assert!(!flagged(
            "The observations were published in the international media, making Einstein world famous."
        ));
        assert!(!flagged(
            "Musashi was renowned for fighting fully armed foes with only one or two bokken."
        ));
        assert!(flagged(
            "The stairway was renowned for its simple elegance."
        ));
        assert!(!flagged("He became renowned for his attacking instincts."));
        assert!(flagged("He is a world-renowned artist."));
        assert!(flagged("Many renowned actors asked for guest roles."));
        assert!(flagged("The city is world-renowned for its harsh winds."));
        // `according to` things weighed, not people.
        assert!(!flagged(
            "Aircraft are designed according to many factors such as demand."
        ));
        assert!(flagged(
            "According to many scholars, the war was a mistake."
        ));
        assert!(flagged("The war was, according to some, a mistake."));
    }
    #[test]
    fn faults_owned_refuted_doubts_referential_it_and_proposals() {
        // A fault the clause names.
        assert!(!flagged(
            "The hospital admitted that the boy was circumcised by mistake."
        ));
        assert!(!flagged(
            "He conceded that he had been wrong about the dates."
        ));
        assert!(flagged(
            "The hospital admitted that the boy was circumcised."
        ));
        // A doubt the sentence itself reports as denied.
        assert!(!flagged(
            "A statement rejected as \"fake\" a letter allegedly written by al-Zawahiri."
        ));
        assert!(flagged(
            "He published a letter allegedly written by al-Zawahiri."
        ));
        // `it` a thing observed, not an empty subject.
        assert!(!flagged(
            "The E-corona is due to emission lines; it may be observed in broad or forbidden lines."
        ));
        assert!(flagged("It may be observed that the lines are broad."));
        assert!(flagged(
            "It should be noted even in times long gone, many dances were danced by all classes."
        ));
        assert!(flagged(
            "Carl admitted that Brian was largely responsible for their music."
        ));
        assert!(flagged("It has been observed that the lines are broad."));
        // A proposal made in the story.
        assert!(!flagged(
            "It was suggested that music might ease his mind, so he sent for David."
        ));
        assert!(flagged("It was suggested that the temple was older."));
        assert!(flagged(
            "It has been suggested that music might ease the mind."
        ));
    }

    #[test]
    fn measured_consensus_reported_adverbs_and_advertisements() {
        // A division of opinion still hides who holds each side (MOS:WEASEL;
        // the labelled set counts these as weasels).
        assert!(flagged(
            "Some studies suggest it might decrease the risk, but others suggest it might increase it."
        ));
        assert!(flagged(
            "Some scholars believe that it derives from Illyrian."
        ));
        // A consensus with the polls that measure it.
        assert!(!flagged(
            "Considered by many critics to be the greatest film ever made, it was voted the best film in five polls."
        ));
        assert!(flagged(
            "Considered by many critics to be the greatest film ever made, it was released in 1941."
        ));
        // An adverb inside what a named text tells.
        assert!(!flagged(
            "The same text further tells us that the \"Agnihotra\", doubtless, is the Sun."
        ));
        assert!(flagged("The rite, doubtless, is the Sun."));
        assert!(!flagged(
            "Mitter has observed that, ironically, today's China is closer to his vision."
        ));
        assert!(flagged(
            "It has been noted that the label is arguably inaccurate."
        ));
        assert!(flagged(
            "Smith argued that the Earth moves, but of course the proof came later."
        ));
        assert!(flagged(
            "A banner said that \"donkeys will fly\", of course sung before the derby."
        ));
        assert!(flagged(
            "Gregory says that the monks followed the rules, and doubtless the same was true later."
        ));
        // What an advertisement or a saying says of itself.
        assert!(!flagged(
            "Early ads boasted, \"You can't buy a better computer at twice the price.\""
        ));
        assert!(!flagged(
            "A popular saying in Burkina Faso claims that all are animist."
        ));
        assert!(flagged("The minister claims that all are animist."));
        assert!(flagged("The town boasted a fine new theatre."));
        // Fame a deed brought.
        assert!(!flagged("This deed made him a celebrated war hero."));
        assert!(flagged("He was a celebrated war hero."));
    }

    #[test]
    fn definite_holders_scope_senses_classes_of_fame_and_verbs_of_acclaim() {
        // A `by` phrase that names a definite holder.
        assert!(!flagged(
            "It was claimed by their opponents that they resorted to sodomy."
        ));
        assert!(!flagged(
            "The rule was claimed by the government to be applicable to children."
        ));
        assert!(flagged(
            "It was claimed by some that they resorted to sodomy."
        ));
        assert!(flagged(
            "Agrippina has been described by the ancient and modern sources as ruthless."
        ));
        assert!(flagged("It was claimed that they resorted to sodomy."));
        // `considered` in the sense of treated, with a phrase of scope.
        assert!(!flagged(
            "Asymptotes are often considered only for real curves."
        ));
        assert!(!flagged(
            "Atomic physics is often considered in the wider context of optics."
        ));
        assert!(!flagged(
            "The problem is often described in the format below."
        ));
        assert!(flagged(
            "Lavoisier is widely considered in popular literature as the father of chemistry."
        ));
        assert!(flagged(
            "The play was widely considered only somewhat successful."
        ));
        assert!(flagged("The film is widely considered a classic."));
        // Fame of a class of people.
        assert!(!flagged(
            "He wrote a book about famous historical figures who had the traits."
        ));
        assert!(!flagged(
            "In Paris he met with famous people like Aldous Huxley."
        ));
        assert!(flagged("The famous painter lived in the house."));
        assert!(flagged("They were famous men in their day."));
        // `acclaimed` as a verb with its object.
        assert!(!flagged(
            "Critics were divided. Others acclaimed its complexity."
        ));
        assert!(flagged("The acclaimed film opened in June."));
    }

    #[test]
    fn doubt_documented_beside_and_legends_retold() {
        // The next sentence shows the claim false: `claimed` reports a
        // documented dispute, and `allegedly` the doubt the text shows.
        assert!(!around_hits(
            "The Americans believed the bombardment to be successful.",
            "Admiral Oldendorf claimed that the Navy had run out of targets.",
            "In reality, the Japanese positions were unharmed."
        ));
        assert!(!around_hits(
            "The documentary was shown in 2006.",
            "It filmed a patient allegedly under acupuncture anaesthesia.",
            "It was later revealed that the patient had been given anaesthetics."
        ));
        // Nothing beside it says so: still flagged; nor do the claim's own
        // words count (`claimed that ... was fabricated` is the claim).
        assert!(around_hits(
            "The Americans believed the bombardment to be successful.",
            "Admiral Oldendorf claimed that the Navy had run out of targets.",
            "The landing began on 15 September."
        ));
        assert!(around_hits(
            "The trial began in May.",
            "The minister claimed that the report was fabricated.",
            "The court sat for a week."
        ));
        // A legend the text names and retells: the belief is the subject.
        assert!(!around_hits(
            "There is a recurring myth about the notch.",
            "It was rumored that the notch held the tag between the teeth.",
            "The notch was used with an addressing machine."
        ));
        assert!(around_hits(
            "The notch was cut in 1941.",
            "It was rumored that the notch held the tag between the teeth.",
            "The notch was used with an addressing machine."
        ));
    }

    #[test]
    fn doubt_on_a_fringe_or_supernatural_claim_is_owed() {
        // Doubt on astrology, a psychic power or a curse is what the article
        // owes a fringe claim, not a slight on a source.
        assert!(!around_hits(
            "The term was first used in antiquity.",
            "It named asterisms that supposedly exerted an astrological influence.",
            "The word is attested in Ammianus."
        ));
        assert!(!around_hits(
            "Cayce was born in Kentucky.",
            "He allegedly possessed psychic abilities.",
            "He gave readings in a trance."
        ));
        // Near case: the same doubt on an ordinary claim is still flagged.
        assert!(around_hits(
            "Cayce was born in Kentucky.",
            "He allegedly possessed a large fortune.",
            "He gave readings in a trance."
        ));
    }
}
