//! Words to watch (`data/words-to-watch.tsv`): editorial, weasel and peacock
//! phrasing outside quotation marks.

use std::sync::LazyLock;

use super::lexicon::{match_at, words};
use crate::text::{Tok, tokenize, tsv_rows};

const WORDS_TO_WATCH: &str = include_str!("../../../data/words-to-watch.tsv");

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

/// Words to watch in a sentence: editorial and weasel phrasing outside quotation marks.
/// `quoted`: the text starts inside a quotation (see [`crate::text::opens_quote`]).
#[must_use]
pub fn editorial_hits(text: &str, quoted: bool) -> Vec<EditorialHit> {
    editorial_hits_in(&tokenize(text), quoted)
}

/// [`editorial_hits`] over tokens already made.
pub fn editorial_hits_in(toks: &[Tok], quoted: bool) -> Vec<EditorialHit> {
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

    #[test]
    fn data_rows_are_well_formed() {
        for row in tsv_rows(WORDS_TO_WATCH) {
            assert_eq!(row.len(), 4, "{row:?}");
        }
        assert!(!WATCH.anywhere.is_empty());
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
    }
}
