//! Splitting the body of a `See` list into entries.
//!
//! The body is cut into [`Piece`]s at top-level separators (commas,
//! semicolons, ` and `, ` or `; never inside brackets). Each piece then either
//! starts an entry or continues the one before it; every reason to continue is
//! one named predicate below, tested on its own. With a title index, a run of
//! pieces that is itself a known title stays one entry before any of them is
//! asked.

use super::{CONTINUATIONS, Found, IsTitle};
use crate::model::ListProblemKind;

/// What separates a piece from the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Sep {
    /// The first piece.
    Start,
    /// `, ` or `; ` (or a doubled `,,`).
    Comma,
    /// `, and ` or `, or `: the Oxford comma that ends a list.
    CommaAnd,
    /// ` and ` without a comma.
    And,
}

/// Text between two top-level separators: plain-text byte range and the
/// separator before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Piece {
    pub start: usize,
    pub end: usize,
    pub sep: Sep,
}

/// What the whole list looks like: the facts the predicates decide on.
#[derive(Debug, Clone, Copy)]
struct Shape {
    /// Some piece follows a comma.
    has_comma: bool,
    /// Index of the last piece after a bare ` and ` (0 when none).
    last_and: usize,
    /// Index of the last piece after a comma (0 when none).
    last_comma: usize,
    /// The first entry starts with a capital or a digit: a list of titles.
    capitalised: bool,
}

impl Shape {
    fn of(text: &str, pieces: &[Piece]) -> Self {
        let (s, e) = trimmed(text, pieces[0].start, pieces[0].end);
        Shape {
            has_comma: pieces
                .iter()
                .any(|p| matches!(p.sep, Sep::Comma | Sep::CommaAnd)),
            last_and: pieces.iter().rposition(|p| p.sep == Sep::And).unwrap_or(0),
            last_comma: pieces
                .iter()
                .rposition(|p| matches!(p.sep, Sep::Comma | Sep::CommaAnd))
                .unwrap_or(0),
            capitalised: text[s..e]
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_numeric()),
        }
    }
}

/// `(s, e)` with white space trimmed from both ends.
fn trimmed(text: &str, s: usize, e: usize) -> (usize, usize) {
    let t = &text[s..e];
    let lead = t.len() - t.trim_start().len();
    let trail = t.len() - t.trim_end().len();
    (s + lead, (e - trail).max(s + lead))
}

/// Cut `text[from..]` at top-level separators: the pieces, and where each
/// separator is (`seps[k]` comes before piece `k + 1`).
pub(super) fn scan(text: &str, from: usize) -> (Vec<Piece>, Vec<(usize, usize)>) {
    let mut pieces = Vec::new();
    let mut seps = Vec::new();
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
        if depth <= 0
            && let Some((sep, len)) = separator_at(&text[i..])
        {
            pieces.push(Piece {
                start: piece_start,
                end: i,
                sep: sep_before,
            });
            seps.push((i, i + len));
            sep_before = sep;
            i += len;
            piece_start = i;
            continue;
        }
        i += c.len_utf8();
    }
    pieces.push(Piece {
        start: piece_start,
        end: text.len(),
        sep: sep_before,
    });
    (pieces, seps)
}

/// The separator `rest` starts with, and its byte length.
fn separator_at(rest: &str) -> Option<(Sep, usize)> {
    if rest.starts_with(", and ") {
        Some((Sep::CommaAnd, 6))
    } else if rest.starts_with(", or ") {
        Some((Sep::CommaAnd, 5))
    } else if rest.starts_with(", ") || rest.starts_with("; ") {
        Some((Sep::Comma, 2))
    } else if [",,", ",;", ";;", ";,"].iter().any(|d| rest.starts_with(d)) {
        // `X,, Y`: a doubled separator leaves an empty entry between.
        Some((Sep::Comma, 1))
    } else if rest.starts_with(" and ") {
        Some((Sep::And, 5))
    } else if rest.starts_with(',') && rest[1..].starts_with(|c: char| c.is_alphabetic()) {
        // `cellular automaton,symmetric multi-processing`: a comma without its space.
        Some((Sep::Comma, 1))
    } else {
        None
    }
}

/// `XVI International AIDS Conference, 2006`: a year (or range) after a comma
/// belongs to the title before it. Merges such pieces in place.
fn merge_years(text: &str, pieces: &mut Vec<Piece>, seps: &mut Vec<(usize, usize)>) {
    let mut k = 1;
    while k < pieces.len() {
        if pieces[k].sep == Sep::Comma && is_year(text[pieces[k].start..pieces[k].end].trim()) {
            pieces[k - 1].end = pieces[k].end;
            pieces.remove(k);
            seps.remove(k - 1);
        } else {
            k += 1;
        }
    }
}

fn is_year(t: &str) -> bool {
    let year = |y: &str| y.len() == 4 && y.parse::<u32>().is_ok_and(|n| (1000..=2100).contains(&n));
    match t.split_once(['–', '-']) {
        Some((a, b)) => year(a) && (b.is_empty() || b.chars().all(|c| c.is_ascii_digit())),
        None => year(t),
    }
}

/// A comma before a qualifier belongs to the title (`Washington, D.C.`,
/// `Sammy Davis, Jr.`, `Acme, Inc.`); any other comma separates entries, with
/// a conjunction at the end or without one (`See virus, worm.`).
fn comma_in_title(piece: Piece, entry: &str) -> bool {
    piece.sep == Sep::Comma && is_qualifier(entry)
}

/// `D.C.`, `U.S.`, `Jr.`, `Inc.`: what follows a name after a comma.
fn is_qualifier(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    !words.is_empty()
        && words.iter().all(|w| {
            let core = w.trim_end_matches('.');
            matches!(
                core,
                "Jr" | "Sr" | "Inc" | "Ltd" | "Co" | "LLC" | "PLC" | "II" | "III" | "IV"
            ) || (w.ends_with('.')
                && core
                    .split('.')
                    .all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase)))
        })
}

/// Without commas only the last ` and ` separates: `Anarchism and education
/// and Freethought`.
fn inner_and(shape: &Shape, piece: Piece, k: usize) -> bool {
    piece.sep == Sep::And && !shape.has_comma && k < shape.last_and
}

/// A comma piece that starts with a lower-case preposition continues the
/// title before it (`Niagara Falls, from the American Side`).
fn preposition_after_comma(piece: Piece, entry: &str) -> bool {
    let first_word = entry.split_whitespace().next().unwrap_or("");
    piece.sep == Sep::Comma && CONTINUATIONS.contains(&first_word)
}

/// In a list of capitalised titles, a lower-case piece after ` and `
/// continues the title before it when it reads as the rest of a title:
/// `Science and technology in the United Kingdom` (but not `Photon and why`).
/// After a comma it is an entry of its own (`core memory, the Whirlwind`).
fn lower_case_tail(shape: &Shape, piece: Piece, entry: &str) -> bool {
    let words: Vec<&str> = entry.split_whitespace().collect();
    let lower_tail = words
        .first()
        .is_some_and(|w| w.starts_with(char::is_lowercase))
        && (matches!(words[0], "the" | "a" | "an")
            || words[1..].iter().any(|w| w.starts_with(char::is_uppercase)));
    piece.sep == Sep::And && shape.capitalised && lower_tail
}

/// After `, and ` the list has ended: `A, B, and C and D` ends with `C and D`.
fn after_oxford_comma(pieces: &[Piece], k: usize) -> bool {
    pieces[k].sep == Sep::And && pieces[..k].iter().any(|p| p.sep == Sep::CommaAnd)
}

/// In a comma list, an ` and ` before the last comma is inside a title
/// (`Trade, aid and development, and X`).
fn and_before_last_comma(shape: &Shape, piece: Piece, k: usize) -> bool {
    piece.sep == Sep::And && shape.has_comma && k <= shape.last_comma
}

/// The longest run of pieces from `k` that the index knows as one title: how
/// many pieces it takes (1 when there is no index or no such run).
fn known_title_run(text: &str, pieces: &[Piece], k: usize, titles: Option<IsTitle<'_>>) -> usize {
    let Some(titles) = titles else {
        return 1;
    };
    for j in (k + 1..pieces.len()).rev() {
        let (s, e) = trimmed(text, pieces[k].start, pieces[j].end);
        if titles(&text[s..e]) {
            return j - k + 1;
        }
    }
    1
}

/// Split `text[from..]` into trimmed entry ranges, with the problems of the list.
pub(super) fn split_list(
    text: &str,
    from: usize,
    titles: Option<IsTitle<'_>>,
) -> (Vec<(usize, usize)>, Vec<Found>) {
    let (mut pieces, mut seps) = scan(text, from);
    merge_years(text, &mut pieces, &mut seps);
    let shape = Shape::of(text, &pieces);
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut problems: Vec<Found> = Vec::new();
    let mut k = 0;
    while k < pieces.len() {
        let taken = known_title_run(text, &pieces, k, titles);
        let (s, e) = trimmed(text, pieces[k].start, pieces[k + taken - 1].end);
        let piece = pieces[k];
        let entry = &text[s..e];
        let continues = comma_in_title(piece, entry)
            || inner_and(&shape, piece, k)
            || preposition_after_comma(piece, entry)
            || lower_case_tail(&shape, piece, entry)
            || after_oxford_comma(&pieces, k)
            || and_before_last_comma(&shape, piece, k);
        if continues
            && taken == 1
            && let Some(prev) = out.last_mut()
        {
            prev.1 = e;
            k += 1;
            continue;
        }
        let (s, e) = strip_dangling(text, s, e, k + taken == pieces.len(), &mut problems);
        if text[s..e].chars().any(char::is_alphanumeric) {
            out.push((s, e));
        } else if pieces.len() > 1 {
            // An entry with nothing in it: point at the separator that makes it.
            let (ss, se) = if k > 0 { seps[k - 1] } else { seps[0] };
            let (ps, pe) = trimmed(text, ss, se);
            problems.push((ListProblemKind::EmptyEntry, ps, pe));
        }
        k += taken;
    }
    (out, problems)
}

/// Trailing separators with nothing after them (`Y,`, `Y and` at the end of
/// the list): recorded, and cut from the entry.
fn strip_dangling(
    text: &str,
    s: usize,
    mut e: usize,
    last: bool,
    problems: &mut Vec<Found>,
) -> (usize, usize) {
    let piece = &text[s..e];
    let core = piece.trim_end_matches([',', ';', ' ']);
    if core.len() < piece.len() && !core.is_empty() {
        let cut = s + core.len();
        problems.push((ListProblemKind::DanglingSeparator, cut, e));
        e = cut;
    } else if last {
        for conj in [" and", " or"] {
            if piece.ends_with(conj) && piece.len() > conj.len() {
                let cut = e - conj.len();
                problems.push((ListProblemKind::DanglingSeparator, cut + 1, e));
                e = cut;
                break;
            }
        }
    }
    (s, e)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<(&str, Sep)> {
        let (mut p, mut s) = scan(text, 0);
        merge_years(text, &mut p, &mut s);
        p.iter()
            .map(|p| (text[p.start..p.end].trim(), p.sep))
            .collect()
    }

    fn piece_of(text: &str, k: usize) -> (Shape, Vec<Piece>, Piece, String) {
        let (mut p, mut s) = scan(text, 0);
        merge_years(text, &mut p, &mut s);
        let shape = Shape::of(text, &p);
        let piece = p[k];
        let (a, b) = trimmed(text, piece.start, piece.end);
        (shape, p.clone(), piece, text[a..b].to_string())
    }

    #[test]
    fn separators_are_top_level_only() {
        assert_eq!(
            pieces("A (B, C), D, and E and F"),
            [
                ("A (B, C)", Sep::Start),
                ("D", Sep::Comma),
                ("E", Sep::CommaAnd),
                ("F", Sep::And)
            ]
        );
        assert_eq!(pieces("X,, Y").len(), 3);
    }

    #[test]
    fn years_join_the_title_before_them() {
        assert_eq!(
            pieces("XVI Conference, 2006 and B"),
            [("XVI Conference, 2006", Sep::Start), ("B", Sep::And)]
        );
    }

    #[test]
    fn each_continuation_predicate() {
        let (_, _, p, e) = piece_of("Washington, D.C.", 1);
        assert!(comma_in_title(p, &e));
        let (_, _, p, e) = piece_of("A, B and C", 1);
        assert!(!comma_in_title(p, &e));
        let (_, _, p, e) = piece_of("proxy ARP, reverse ARP", 1);
        assert!(!comma_in_title(p, &e));

        let (shape, _, p, _) = piece_of("Anarchism and education and Freethought", 1);
        assert!(inner_and(&shape, p, 1));
        let (shape, _, p, _) = piece_of("Anarchism and education and Freethought", 2);
        assert!(!inner_and(&shape, p, 2));

        let (_, _, p, e) = piece_of("Niagara Falls, from the American Side", 1);
        assert!(preposition_after_comma(p, &e));
        let (_, _, p, e) = piece_of("Niagara Falls, Photon", 1);
        assert!(!preposition_after_comma(p, &e));

        let (shape, _, p, e) = piece_of("Science and technology in the UK", 1);
        assert!(lower_case_tail(&shape, p, &e));
        let (shape, _, p, e) = piece_of("Symbols of the UK, the Channel Islands", 1);
        assert!(!lower_case_tail(&shape, p, &e));
        let (shape, _, p, e) = piece_of("Photon and why", 1);
        assert!(!lower_case_tail(&shape, p, &e));

        let (_, ps, _, _) = piece_of("A, B, and C and D", 3);
        assert!(after_oxford_comma(&ps, 3));
        assert!(!after_oxford_comma(&ps, 2));

        let (shape, _, p, _) = piece_of("Trade, aid and development, and X", 2);
        assert!(and_before_last_comma(&shape, p, 2));
        let (shape, _, p, _) = piece_of("A, B and C", 2);
        assert!(!and_before_last_comma(&shape, p, 2));
    }

    #[test]
    fn the_index_keeps_known_runs_whole() {
        let text = "Pride and Prejudice and Emma";
        let (p, _) = scan(text, 0);
        let is_title = |t: &str| t == "Pride and Prejudice";
        assert_eq!(known_title_run(text, &p, 0, Some(&is_title)), 2);
        assert_eq!(known_title_run(text, &p, 0, None), 1);
    }
}
