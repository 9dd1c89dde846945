//! The grammar of a `See` sentence around its list: what names no article,
//! where a description begins, and what wraps an entry.
//!
//! ```text
//! reference   = opener entries [description]
//! opener      = "See" | "See also" | "Main article:" | "Further information:" ...
//! entries     = entry {("," | ";" | "and" | "or" | ", and" | ", or") entry}
//! description = ", which ..." | "for/as/to/on/in/with/about + lower-case words"
//!             | "– ..." | a participle ("describing ...") | a sentence end
//! ```
//! `See how ...`, `See below`, `See e.g. ...` name no article. Splitting the
//! entries is `list.rs`; an index, when there is one, has the last word on
//! where titles end (see `trim_to_title`).

use super::IsTitle;

/// Words after `See` that start prose, not a list of articles.
const NOT_A_LIST: &[&str] = &[
    "how", "what", "why", "whether", "when", "where", "who", "which", "below", "above", "e.g.",
    "i.e.", "fig.", "figure", "table", "page", "pages", "p.", "pp.", "chapter", "section", "note",
    "notes", "footnote", "here", "there", "it", "them", "this", "that", "these", "those", "also:",
];

/// Prepositions that start a description when only lower-case words follow
/// (`See Lions Book for a historical example`); a capital after them means
/// the title goes on (`Science and technology in the United Kingdom`).
const DESCRIBING_PREPOSITIONS: &[&str] = &[
    "for",
    "as",
    "to",
    "on",
    "in",
    "with",
    "about",
    "under",
    "regarding",
    "concerning",
];

/// Words that start a description after a comma (`See X, which ...`).
const AFTER_COMMA: &[&str] = &[
    "which",
    "where",
    "who",
    "whose",
    "although",
    "though",
    "because",
    "since",
    "but",
    "especially",
    "including",
    "particularly",
    "e.g.",
    "i.e.",
    "while",
    "with",
];

/// Participles that describe what follows (`See X describing ...`).
const PARTICIPLES: &[&str] = &[
    "describing",
    "explaining",
    "listing",
    "detailing",
    "covering",
    "discussing",
    "showing",
    "comparing",
    "summarizing",
    "summarising",
    "illustrating",
    "concerning",
    "regarding",
    "outlining",
];

/// Entries that name no article (`See RFC 2060, RFC 2061, and others`).
const NOT_AN_ENTRY: &[&str] = &[
    "others",
    "other",
    "more",
    "etc",
    "etc.",
    "many others",
    "below",
    "above",
];

/// Whether the body after `See` is prose that names no article.
pub(super) fn names_no_article(body: &str) -> bool {
    let first = body.split_whitespace().next().unwrap_or("");
    let lower = first.to_lowercase();
    let bare = lower.trim_end_matches([',', ';', '.', ':']);
    NOT_A_LIST.contains(&lower.as_str())
        || NOT_A_LIST.contains(&bare)
        || (lower == "the"
            && body.split_whitespace().nth(1).is_some_and(|w| {
                matches!(
                    w,
                    "section"
                        | "sections"
                        | "table"
                        | "list"
                        | "note"
                        | "figure"
                        | "text"
                        | "discussion"
                        | "following"
                )
            }))
}

/// Where the entries of `body` end: before a description, a second sentence
/// or an inline bullet. Returns a byte offset into `body`.
pub(super) fn entries_end(body: &str) -> usize {
    let mut end = body.len();
    // A sentence end inside the body (`See A and B. - Next item: ...`).
    if let Some(i) = sentence_end(body) {
        end = end.min(i);
    }
    for dash in [" – ", " — ", " -- ", " - "] {
        if let Some(i) = body[..end].find(dash) {
            end = end.min(i);
        }
    }
    let words = word_starts(&body[..end]);
    for (n, &(at, w)) in words.iter().enumerate() {
        if n == 0 {
            continue;
        }
        let after_comma = body[..at].trim_end().ends_with(',');
        let lower = w.to_lowercase();
        let rest = &body[at..end];
        let describes = if after_comma {
            AFTER_COMMA.contains(&lower.as_str())
        } else if PARTICIPLES.contains(&w) {
            true
        } else if DESCRIBING_PREPOSITIONS.contains(&w) {
            // Lower-case words only, to the end of the sentence, and no more
            // entries after them (`fandango on core, memory leak` is a list).
            rest.split_whitespace()
                .skip(1)
                .all(|x| !x.starts_with(|c: char| c.is_uppercase() || c == '"' || c == '“'))
                && rest.split_whitespace().count() >= 2
                && !more_entries(rest)
        } else {
            false
        };
        if describes {
            let cut = body[..at].trim_end().trim_end_matches(',').trim_end();
            end = end.min(cut.len());
            break;
        }
    }
    end
}

/// Whether a list separator follows in `rest` that is not itself the start of
/// a description (`, and Y` is; `, with more` is not).
fn more_entries(rest: &str) -> bool {
    let mut from = 0;
    while let Some(i) = rest[from..].find([',', ';']) {
        let after = rest[from + i + 1..].trim_start();
        let word = after.split_whitespace().next().unwrap_or("");
        if !AFTER_COMMA.contains(&word) {
            return true;
        }
        from += i + 1;
    }
    rest.contains(" and ") || rest.contains(" or ")
}

/// Markers before the list: `See for example X`, `See e.g. X`.
pub(super) fn list_start(body: &str) -> usize {
    for lead in [
        "for example ",
        "for instance ",
        "e.g. ",
        "eg. ",
        "and compare ",
        "also ",
    ] {
        if body.starts_with(lead) {
            return lead.len();
        }
    }
    0
}

/// The words of `s` with their byte offsets.
fn word_starts(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut i = 0;
    for w in s.split(' ') {
        if !w.is_empty() {
            out.push((i, w));
        }
        i += w.len() + 1;
    }
    out
}

/// `. ` followed by a capital, a dash or a bullet, not after an initialism
/// or abbreviation: the sentence the list is in has ended.
fn sentence_end(body: &str) -> Option<usize> {
    let b = body.as_bytes();
    for i in 1..b.len().saturating_sub(2) {
        if b[i] != b'.' || b[i + 1] != b' ' {
            continue;
        }
        let next = body[i + 2..].chars().next()?;
        if !(next.is_uppercase() || matches!(next, '-' | '–' | '•' | '*')) {
            continue;
        }
        let word = body[..i]
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("");
        // `J. Random`, `U.S. Army`: an initial before a name goes on.
        let initialism = word.contains('.') || (word.chars().count() == 1 && next.is_uppercase());
        let abbreviation = matches!(
            word,
            "St" | "Dr"
                | "Mr"
                | "Mrs"
                | "Jr"
                | "Sr"
                | "No"
                | "vs"
                | "Vol"
                | "ed"
                | "Inc"
                | "Ltd"
                | "Co"
        );
        if !initialism && !abbreviation {
            return Some(i);
        }
    }
    None
}

/// An entry as written, less what wraps it: quotation marks, a leading
/// `the ...` of `the X entry`/`the X article`. Returns the byte range kept
/// within `entry`, or `None` when the entry names no article.
pub(super) fn unwrap_entry(entry: &str) -> Option<(usize, usize)> {
    let lower = entry.to_lowercase();
    if NOT_AN_ENTRY.contains(&lower.as_str()) {
        return None;
    }
    let mut s = 0;
    let mut e = entry.len();
    for (open, close) in [('"', '"'), ('“', '”'), ('\'', '\'')] {
        let t = &entry[s..e];
        if t.len() >= 2 && t.starts_with(open) && t.ends_with(close) {
            let inner = &t[open.len_utf8()..t.len() - close.len_utf8()];
            if !inner.contains(open) && !inner.contains(close) {
                s += open.len_utf8();
                e -= close.len_utf8();
            }
        }
    }
    // `compare X`, `see also X` inside a list.
    let t = &entry[s..e];
    for lead in [
        "compare ",
        "see also ",
        "see ",
        "cf. ",
        "opposite: ",
        "the entries ",
        "the entry ",
    ] {
        if t.starts_with(lead) && t.len() > lead.len() {
            s += lead.len();
            break;
        }
    }
    // `the Mars entry`, `the tiger team article`.
    let t = &entry[s..e];
    for suffix in [" entry", " entries", " article", " articles"] {
        if let Some(core) = t.strip_suffix(suffix)
            && let Some(name) = core.strip_prefix("the ")
            && !name.is_empty()
        {
            s += 4;
            e = s + name.len();
            break;
        }
    }
    (s < e).then_some((s, e))
}

/// With an index: the longest prefix of an entry that names a known title
/// and ends where a description could begin (before a preposition or a
/// participle), when the whole entry names none. Returns the prefix length.
pub(super) fn trim_to_title(entry: &str, titles: IsTitle<'_>) -> Option<usize> {
    if titles(entry) {
        return None;
    }
    let words = word_starts(entry);
    for (n, &(at, w)) in words.iter().enumerate().rev() {
        if n == 0 {
            break;
        }
        let opener = DESCRIBING_PREPOSITIONS.contains(&w)
            || PARTICIPLES.contains(&w)
            || matches!(w, "story" | "entry" | "article" | "and" | "or" | "of");
        if !opener {
            continue;
        }
        let prefix = entry[..at].trim_end();
        if titles(prefix) {
            return Some(prefix.len());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(body: &str) -> &str {
        &body[..entries_end(body)]
    }

    #[test]
    fn descriptions_are_cut() {
        assert_eq!(cut("Lions Book for a historical example"), "Lions Book");
        assert_eq!(cut("X for the broader context"), "X");
        assert_eq!(
            cut("X and Y as interlocking concepts, with more"),
            "X and Y"
        );
        assert_eq!(cut("X, which is related"), "X");
        assert_eq!(
            cut("hack mode and larval stage, although it is rare"),
            "hack mode and larval stage"
        );
        assert_eq!(cut("A and B. - Next item: text"), "A and B");
        assert_eq!(cut("Beast of Bodmin – a phantom cat"), "Beast of Bodmin");
        assert_eq!(
            cut("Science and technology in the United Kingdom"),
            "Science and technology in the United Kingdom"
        );
        assert_eq!(cut("Washington, D.C."), "Washington, D.C.");
        assert_eq!(
            cut("St. Petersburg and Dr. No"),
            "St. Petersburg and Dr. No"
        );
    }

    #[test]
    fn prose_after_see_names_nothing() {
        assert!(names_no_article("how the parts fit together."));
        assert!(names_no_article("below."));
        assert!(names_no_article("e.g. the list."));
        assert!(names_no_article("the section on history."));
        assert!(!names_no_article("History of optics."));
    }

    #[test]
    fn wrappers_come_off() {
        let e = "\"The Story of Mel\"";
        let (s, t) = unwrap_entry(e).unwrap();
        assert_eq!(&e[s..t], "The Story of Mel");
        let e = "the Mars entry";
        let (s, t) = unwrap_entry(e).unwrap();
        assert_eq!(&e[s..t], "Mars");
        assert!(unwrap_entry("others").is_none());
    }

    #[test]
    fn the_index_trims_to_a_title() {
        let known = |t: &str| t == "Lions Book";
        assert_eq!(trim_to_title("Lions Book for teaching", &known), Some(10));
        assert_eq!(trim_to_title("Lions Book", &known), None);
        assert_eq!(trim_to_title("Tiger Book for x", &known), None);
    }
}
