//! `See X` references: `See X.`, `See X and Y.`, `See X, Y, and Z.`,
//! `See also X.`, Wikipedia hatnotes (`Main article: X`, `Further information: X`)
//! and the entries of a "See also" section.
//!
//! Lists are split at top-level commas and ` and ` (never inside brackets, so
//! `Quad (Quadrilateral Security Dialogue)` stays whole, and never inside a
//! dash-joined name such as `U.S.–Japan security treaty`). When a title index is
//! available, a run of pieces that is itself a known title (`Pride and
//! Prejudice`) stays one reference. A comma piece that starts with a lower-case
//! preposition (`Niagara Falls, from the American Side`) belongs to the piece
//! before it.

use crate::model::{Reference, ReferenceKind};
use crate::parse::plain::PlainText;

/// Something that knows article titles, for index-aware list splitting.
pub trait TitleLookup: Sync {
    /// Whether `title` (as written) names a known article.
    fn is_title(&self, title: &str) -> bool;
}

/// Prefixes that introduce a reference list, longest first, with their kind.
const PREFIXES: &[(&str, ReferenceKind)] = &[
    ("See also:", ReferenceKind::SeeAlso),
    ("See also ", ReferenceKind::SeeAlso),
    ("Main articles:", ReferenceKind::See),
    ("Main article:", ReferenceKind::See),
    ("Further information:", ReferenceKind::See),
    ("See:", ReferenceKind::See),
    ("See ", ReferenceKind::See),
];

/// Lower-case words that do not start a title; a comma piece starting with one
/// continues the title before it.
const CONTINUATIONS: &[&str] = &[
    "at", "by", "for", "from", "in", "of", "on", "to", "upon", "with",
];

/// The references in the plain range `start..end` (one sentence), if it is a
/// reference sentence. `in_see_also` makes a bare entry (no `See`) a reference.
#[must_use]
pub fn extract(
    plain: &PlainText,
    start: usize,
    end: usize,
    in_see_also: bool,
    titles: Option<&dyn TitleLookup>,
) -> Vec<Reference> {
    let sentence = &plain.text[start..end];
    // A bare `See also` is a heading or a stray label, not a reference to "also".
    if sentence.trim_end_matches([':', '.']).trim() == "See also" {
        return Vec::new();
    }
    let mut bare = false;
    let (body_start, kind) = match PREFIXES.iter().find(|(p, _)| sentence.starts_with(p)) {
        Some((p, kind)) => (
            start + p.len(),
            if in_see_also {
                ReferenceKind::SeeAlso
            } else {
                *kind
            },
        ),
        None if in_see_also => {
            bare = true;
            (start, ReferenceKind::SeeAlso)
        }
        None => return Vec::new(),
    };
    let mut body_end = end;
    let body = &plain.text[body_start..body_end];
    if body.ends_with('.') && !ends_with_initialism(body) {
        body_end -= 1;
    }
    let ranges = if bare {
        // A bare "See also" entry names one article, maybe followed by a
        // description: `Hockney–Falco thesis, a theory of ...`.
        vec![entry_target(&plain.text[..body_end], body_start, titles)]
    } else {
        split_list(&plain.text[..body_end], body_start, titles)
    };
    ranges
        .into_iter()
        .filter(|(s, e)| s < e)
        .map(|(s, e)| Reference {
            target: plain.text[s..e].to_string(),
            span: plain.span(s, e),
            kind,
            resolved: None,
            canonical: None,
        })
        .collect()
}

/// The article a bare entry names: up to the first top-level `, ` or spaced
/// dash, unless the whole entry is a known title.
fn entry_target(text: &str, from: usize, titles: Option<&dyn TitleLookup>) -> (usize, usize) {
    let whole = text[from..].trim();
    let lead = text[from..].len() - text[from..].trim_start().len();
    let start = from + lead;
    if titles.is_some_and(|t| t.is_title(whole)) {
        return (start, start + whole.len());
    }
    let mut depth = 0i32;
    for (i, c) in text[start..].char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            _ => {}
        }
        let rest = &text[start + i..];
        if depth <= 0
            && (rest.starts_with(", ")
                || rest.starts_with(" – ")
                || rest.starts_with(" — ")
                || rest.starts_with(" - "))
        {
            return (start, start + i);
        }
    }
    (start, start + whole.len())
}

/// `Washington, D.C.` keeps its final period.
fn ends_with_initialism(s: &str) -> bool {
    let last = s.rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
    let core = last.trim_end_matches('.');
    core.contains('.') && core.split('.').all(|p| p.chars().count() == 1)
}

/// Split `text[from..]` into trimmed item ranges.
fn split_list(text: &str, from: usize, titles: Option<&dyn TitleLookup>) -> Vec<(usize, usize)> {
    // Pieces between top-level separators, with the kind of separator before each.
    let mut pieces: Vec<(usize, usize, Sep)> = Vec::new();
    let mut depth = 0i32;
    let mut piece_start = from;
    let mut sep_before = Sep::Start;
    let mut i = from;
    while i < text.len() {
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            _ => {}
        }
        if depth <= 0 {
            let rest = &text[i..];
            let sep = if rest.starts_with(", and ") {
                Some((Sep::CommaAnd, 6))
            } else if rest.starts_with(", or ") {
                Some((Sep::CommaAnd, 5))
            } else if rest.starts_with(", ") || rest.starts_with("; ") {
                Some((Sep::Comma, 2))
            } else if rest.starts_with(" and ") {
                Some((Sep::And, 5))
            } else {
                None
            };
            if let Some((sep, len)) = sep {
                pieces.push((piece_start, i, sep_before));
                sep_before = sep;
                i += len;
                piece_start = i;
                continue;
            }
        }
        i += c.len_utf8();
    }
    pieces.push((piece_start, text.len(), sep_before));

    let trimmed = |s: usize, e: usize| -> (usize, usize) {
        let t = &text[s..e];
        let lead = t.len() - t.trim_start().len();
        let trail = t.len() - t.trim_end().len();
        (s + lead, (e - trail).max(s + lead))
    };

    let has_comma = pieces
        .iter()
        .any(|p| matches!(p.2, Sep::Comma | Sep::CommaAnd));
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut k = 0;
    while k < pieces.len() {
        // Longest run of pieces that is itself a title.
        let mut taken = 1;
        if let Some(titles) = titles {
            for j in (k + 1..pieces.len()).rev() {
                let (s, e) = trimmed(pieces[k].0, pieces[j].1);
                if titles.is_title(&text[s..e]) {
                    taken = j - k + 1;
                    break;
                }
            }
        }
        let (s, e) = trimmed(pieces[k].0, pieces[k + taken - 1].1);
        let piece_sep = pieces[k].2;
        let first_word = text[s..e].split_whitespace().next().unwrap_or("");
        let continues = piece_sep == Sep::Comma && CONTINUATIONS.contains(&first_word);
        // Without commas an ` and ` inside a comma piece is kept whole; with no
        // commas at all, ` and ` separates.
        let and_inside_comma_list =
            piece_sep == Sep::And && has_comma && !is_last_comma_piece(&pieces, k);
        if (continues || and_inside_comma_list)
            && taken == 1
            && let Some(prev) = out.last_mut()
        {
            prev.1 = e;
            k += 1;
            continue;
        }
        if s < e {
            out.push((s, e));
        }
        k += taken;
    }
    out
}

/// Whether piece `k` comes after the last comma (where ` and ` ends the list).
fn is_last_comma_piece(pieces: &[(usize, usize, Sep)], k: usize) -> bool {
    let last_comma = pieces
        .iter()
        .rposition(|p| matches!(p.2, Sep::Comma | Sep::CommaAnd))
        .unwrap_or(0);
    k > last_comma
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sep {
    Start,
    Comma,
    CommaAnd,
    And,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn targets(sentence: &str, titles: Option<&dyn TitleLookup>) -> Vec<String> {
        let p = PlainText::from_source(sentence, 0);
        extract(&p, 0, sentence.len(), false, titles)
            .into_iter()
            .map(|r| r.target)
            .collect()
    }

    struct Titles(&'static [&'static str]);
    impl TitleLookup for Titles {
        fn is_title(&self, t: &str) -> bool {
            self.0.contains(&t)
        }
    }

    #[test]
    fn single_pair_and_oxford_lists() {
        assert_eq!(targets("See NATO.", None), ["NATO"]);
        assert_eq!(
            targets("See deterrence and security alliance.", None),
            ["deterrence", "security alliance"]
        );
        assert_eq!(
            targets(
                "See burden sharing, collective security, and defense economics.",
                None
            ),
            ["burden sharing", "collective security", "defense economics"]
        );
        assert_eq!(targets("See A, B and C.", None), ["A", "B", "C"]);
    }

    #[test]
    fn brackets_dashes_and_initialisms_stay_inside() {
        assert_eq!(
            targets(
                "See AUKUS, Quad (Quadrilateral Security Dialogue), and U.S.–Japan security treaty.",
                None
            ),
            [
                "AUKUS",
                "Quad (Quadrilateral Security Dialogue)",
                "U.S.–Japan security treaty"
            ]
        );
        assert_eq!(
            targets("See Revolutions of 1917–23.", None),
            ["Revolutions of 1917–23"]
        );
        assert_eq!(
            targets("See Washington, D.C.", None),
            ["Washington", "D.C."]
        );
    }

    #[test]
    fn index_keeps_titles_with_and_whole() {
        let t = Titles(&["Pride and Prejudice", "Washington, D.C."]);
        assert_eq!(
            targets("See Pride and Prejudice and Emma.", Some(&t)),
            ["Pride and Prejudice", "Emma"]
        );
        assert_eq!(
            targets("See Washington, D.C.", Some(&t)),
            ["Washington, D.C."]
        );
    }

    #[test]
    fn lower_case_preposition_continues_a_title() {
        assert_eq!(
            targets("See Niagara Falls, from the American Side.", None),
            ["Niagara Falls, from the American Side"]
        );
    }

    #[test]
    fn bare_see_also_entries_name_one_article() {
        let entry = "Hockney–Falco thesis, a theory of art history";
        let p = PlainText::from_source(entry, 0);
        let t: Vec<String> = extract(&p, 0, entry.len(), true, None)
            .into_iter()
            .map(|r| r.target)
            .collect();
        assert_eq!(t, ["Hockney–Falco thesis"]);
        let entry = "Quad (Dialogue, security) – a forum";
        let p = PlainText::from_source(entry, 0);
        let t: Vec<String> = extract(&p, 0, entry.len(), true, None)
            .into_iter()
            .map(|r| r.target)
            .collect();
        assert_eq!(t, ["Quad (Dialogue, security)"]);
    }

    #[test]
    fn hatnotes_and_see_also() {
        assert_eq!(
            targets("Main article: History of anarchism", None),
            ["History of anarchism"]
        );
        assert_eq!(targets("See also Anti-fascism.", None), ["Anti-fascism"]);
        assert!(targets("Seeing is believing.", None).is_empty());
        assert!(targets("See .", None).is_empty());
    }
}
