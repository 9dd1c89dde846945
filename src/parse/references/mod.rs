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

use crate::model::{
    ListProblem, ListProblemKind, Reference, ReferenceKind, ReferenceList, SharedText,
};
use crate::text::PlainText;

mod grammar;
mod list;

use list::split_list;

/// Whether a string (as written) names a known article: the title index, seen
/// from the parser, which knows nothing of how titles are stored.
pub type IsTitle<'a> = &'a dyn Fn(&str) -> bool;

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
    titles: Option<IsTitle<'_>>,
) -> Vec<Reference> {
    extract_list(plain, start, end, in_see_also, titles)
        .map(|(refs, _)| refs)
        .unwrap_or_default()
}

/// Like [`extract`], also returning the list as written with its problems
/// (empty list, empty entries, dangling separators); `None` when the
/// sentence is not a reference sentence.
#[must_use]
pub fn extract_list(
    plain: &PlainText,
    start: usize,
    end: usize,
    in_see_also: bool,
    titles: Option<IsTitle<'_>>,
) -> Option<(Vec<Reference>, ReferenceList)> {
    extract_list_in(plain, start, end, in_see_also, titles, None)
}

/// [`extract_list`], with each target read from `source` where the source has
/// it as it reads (see [`Reference::share_source`]) instead of copied.
pub(crate) fn extract_list_in(
    plain: &PlainText,
    start: usize,
    end: usize,
    in_see_also: bool,
    titles: Option<IsTitle<'_>>,
    source: Option<&SharedText>,
) -> Option<(Vec<Reference>, ReferenceList)> {
    let sentence = &plain.text[start..end];
    let (body_start, kind, bare) = match PREFIXES.iter().find(|(p, _)| sentence.starts_with(p)) {
        Some((p, kind)) => (
            start + p.len(),
            if in_see_also {
                ReferenceKind::SeeAlso
            } else {
                *kind
            },
            false,
        ),
        None if in_see_also => (start, ReferenceKind::SeeAlso, true),
        None => return None,
    };
    let mut body_end = end;
    let body = &plain.text[body_start..body_end];
    if bare {
        // An entry of a "See also" section is a title, perhaps with a
        // description; prose that ended up in the section is not.
        let t = body.trim_end();
        if (t.ends_with('.') && !ends_with_initialism(t)) || t.split_whitespace().count() > 12 {
            return None;
        }
        body_end = body_start + description_start(body);
    } else if is_citation(body) || grammar::names_no_article(body) {
        return None;
    } else {
        body_end = body_start + grammar_end(body, titles);
    }
    let body_start = body_start + grammar::list_start(&plain.text[body_start..body_end]);
    let mut body = plain.text[body_start..body_end].trim_end();
    while body.ends_with('.') && !ends_with_initialism(body) {
        body = &body[..body.len() - 1];
    }
    body_end = body_start + body.len();
    let (ranges, found) = split_list(&plain.text[..body_end], body_start, titles);
    let refs: Vec<Reference> = ranges
        .into_iter()
        .filter_map(|(s, e)| {
            let (a, b) = grammar::unwrap_entry(&plain.text[s..e])?;
            let (s, e) = (s + a, s + b);
            let e = match titles {
                Some(t) => s + grammar::trim_to_title(&plain.text[s..e], t).unwrap_or(e - s),
                None => e,
            };
            Some(Reference::new_in(
                &plain.text[s..e],
                plain.span(s, e),
                kind,
                source,
            ))
        })
        .collect();
    let whole = plain.span(start, end);
    let problems = if refs.is_empty() {
        // A bare entry of a "See also" section with nothing in it is not a list.
        if in_see_also && sentence.trim().is_empty() {
            return None;
        }
        vec![ListProblem {
            kind: ListProblemKind::Empty,
            span: whole,
        }]
    } else {
        found
            .into_iter()
            .map(|(kind, s, e)| ListProblem {
                kind,
                span: plain.span(s, e),
            })
            .collect()
    };
    Some((
        refs,
        ReferenceList {
            span: whole,
            problems: problems.into(),
        },
    ))
}

/// Where the entries of a `See` body end (see [`grammar::entries_end`]).
/// With an index, a description the grammar found is kept when the words it
/// would cut complete a known title (`programming in the large`).
fn grammar_end(body: &str, titles: Option<IsTitle<'_>>) -> usize {
    let end = grammar::entries_end(body);
    let Some(titles) = titles else {
        return end;
    };
    if end >= body.len() {
        return end;
    }
    let whole = body.trim_end().trim_end_matches('.');
    let last = [", ", "; ", " and ", " or "]
        .iter()
        .filter_map(|sep| {
            whole[..end.min(whole.len())]
                .rfind(sep)
                .map(|i| i + sep.len())
        })
        .max()
        .unwrap_or(0);
    if titles(whole[last..].trim()) {
        whole.len()
    } else {
        end
    }
}

/// Where the description of a "See also" entry starts (`Title – what it is`,
/// `Name (1736–1799), watchmaker`), or the entry's length.
fn description_start(entry: &str) -> usize {
    let mut cut = entry.len();
    for dash in [" – ", " — ", " - "] {
        if let Some(i) = entry.find(dash) {
            cut = cut.min(i);
        }
    }
    let mut from = 0;
    while let Some(i) = entry[from..cut].find(", ") {
        let at = from + i;
        let next = entry[at + 2..].split_whitespace().next().unwrap_or("");
        if next.starts_with(char::is_lowercase) && !CONTINUATIONS.contains(&next) {
            cut = at;
            break;
        }
        from = at + 2;
    }
    cut
}

/// `See Sharp Press, 2001, page 9.`, `See Chartier, "Advocates of ...," ...`:
/// a citation in running text, not a list of articles.
fn is_citation(body: &str) -> bool {
    let quotes = body
        .chars()
        .filter(|c| matches!(c, '"' | '“' | '”'))
        .count();
    let year = body
        .split(|c: char| !c.is_ascii_digit())
        .any(|d| d.len() == 4);
    (quotes >= 4 && year)
        || body.contains(",\"")
        || body.contains(",”")
        || [", page ", ", p. ", ", pp. ", ", pages "]
            .iter()
            .any(|p| body.contains(p))
}

/// `Washington, D.C.` keeps its final period.
fn ends_with_initialism(s: &str) -> bool {
    let last = s.rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
    let core = last.trim_end_matches('.');
    core.contains('.') && core.split('.').all(|p| p.chars().count() == 1)
}

/// A problem found while splitting: kind and plain-text range.
type Found = (ListProblemKind, usize, usize);

#[cfg(test)]
mod tests {
    use super::*;

    fn targets(sentence: &str, titles: Option<IsTitle<'_>>) -> Vec<String> {
        let p = PlainText::from_source(sentence, 0);
        extract(&p, 0, sentence.len(), false, titles)
            .into_iter()
            .map(|r| r.target().to_string())
            .collect()
    }

    struct Titles(&'static [&'static str]);
    impl Titles {
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
        // A comma before a qualifier belongs to the title; any other comma
        // separates entries, with a conjunction or without one.
        assert_eq!(targets("See Washington, D.C.", None), ["Washington, D.C."]);
        assert_eq!(
            targets("See also proxy ARP, reverse ARP.", None),
            ["proxy ARP", "reverse ARP"]
        );
        // Without an index `Title, Place` reads as two entries; an index says
        // it is one title.
        assert_eq!(
            targets("See St Petroc's Church, Bodmin.", None),
            ["St Petroc's Church", "Bodmin"]
        );
        let t = Titles(&["St Petroc's Church, Bodmin"]);
        assert_eq!(
            targets("See St Petroc's Church, Bodmin.", Some(&|x| t.is_title(x))),
            ["St Petroc's Church, Bodmin"]
        );
        // Without commas only the last `and` separates.
        assert_eq!(
            targets("See Anarchism and education and Freethought.", None),
            ["Anarchism and education", "Freethought"]
        );
    }

    #[test]
    fn index_keeps_titles_with_and_whole() {
        let t = Titles(&["Pride and Prejudice", "Washington, D.C."]);
        assert_eq!(
            targets(
                "See Pride and Prejudice and Emma.",
                Some(&|x| t.is_title(x))
            ),
            ["Pride and Prejudice", "Emma"]
        );
        assert_eq!(
            targets("See Washington, D.C.", Some(&|x| t.is_title(x))),
            ["Washington, D.C."]
        );
    }

    #[test]
    fn descriptions_and_prose_are_not_targets() {
        assert_eq!(
            targets("See Lions Book for a historical example.", None),
            ["Lions Book"]
        );
        assert_eq!(
            targets(
                "See Photon and Quantum as interlocking concepts, with care.",
                None
            ),
            ["Photon", "Quantum"]
        );
        assert_eq!(
            targets("See Photon, which is a particle.", None),
            ["Photon"]
        );
        assert_eq!(targets("See A and B. - Next item: text", None), ["A", "B"]);
        assert!(targets("See how the parts fit together.", None).is_empty());
        assert!(targets("See below.", None).is_empty());
        assert_eq!(
            targets("See also \"The Story of Mel\".", None),
            ["The Story of Mel"]
        );
        assert_eq!(
            targets("See RFC 2060, RFC 2061, and others.", None),
            ["RFC 2060", "RFC 2061"]
        );
        assert_eq!(
            targets("See also fandango on core, memory leak.", None),
            ["fandango on core", "memory leak"]
        );
        // An index keeps a title whose last words read like a description.
        let t = Titles(&["Programming in the large"]);
        assert_eq!(
            targets("See Programming in the large.", Some(&|x| t.is_title(x))),
            ["Programming in the large"]
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
    fn hatnotes_and_see_also() {
        assert_eq!(
            targets("Main article: History of anarchism", None),
            ["History of anarchism"]
        );
        assert_eq!(targets("See also Anti-fascism.", None), ["Anti-fascism"]);
        assert!(targets("Seeing is believing.", None).is_empty());
        assert!(targets("See .", None).is_empty());
    }

    fn problems(sentence: &str) -> Vec<(ListProblemKind, &str)> {
        let p = PlainText::from_source(sentence, 0);
        let (_, list) = extract_list(&p, 0, sentence.len(), false, None).expect("a See list");
        list.problems
            .iter()
            .map(|pr| (pr.kind, pr.span.slice(sentence)))
            .collect()
    }

    #[test]
    fn garbled_lists_are_recorded() {
        assert_eq!(problems("See ."), [(ListProblemKind::Empty, "See .")]);
        assert_eq!(
            problems("See , and X."),
            [(ListProblemKind::EmptyEntry, ", and")]
        );
        assert_eq!(targets("See , and X.", None), ["X"]);
        assert_eq!(problems("See X,, Y."), [(ListProblemKind::EmptyEntry, ",")]);
        assert_eq!(targets("See X,, Y.", None), ["X", "Y"]);
        assert_eq!(
            problems("See X, Y,."),
            [(ListProblemKind::DanglingSeparator, ",")]
        );
        assert_eq!(targets("See X and.", None), ["X"]);
        assert_eq!(
            problems("See X and."),
            [(ListProblemKind::DanglingSeparator, "and")]
        );
        assert!(problems("See X, Y, and Z.").is_empty());
        assert!(problems("See Washington, D.C.").is_empty());
    }

    #[test]
    fn lower_case_pieces_continue_capitalised_titles() {
        assert_eq!(
            targets("See Science and technology in the United Kingdom.", None),
            ["Science and technology in the United Kingdom"]
        );
        let t = Titles(&["Symbols of the United Kingdom, the Channel Islands and the Isle of Man"]);
        assert_eq!(
            targets(
                "See Symbols of the United Kingdom, the Channel Islands and the Isle of Man",
                Some(&|x| t.is_title(x))
            ),
            ["Symbols of the United Kingdom, the Channel Islands and the Isle of Man"]
        );
        assert_eq!(
            targets(
                "See List of tallest buildings in Toronto, Doors Open Toronto, and List of oldest buildings and structures in Toronto.",
                None
            ),
            [
                "List of tallest buildings in Toronto",
                "Doors Open Toronto",
                "List of oldest buildings and structures in Toronto"
            ]
        );
        assert_eq!(targets("See Photon and why.", None), ["Photon", "why"]);
        assert_eq!(
            targets(
                "See List of hospitals in Toronto and XVI International AIDS Conference, 2006.",
                None
            ),
            [
                "List of hospitals in Toronto",
                "XVI International AIDS Conference, 2006"
            ]
        );
        assert_eq!(
            targets("See Photon and Quatnum.", None),
            ["Photon", "Quatnum"]
        );
    }

    #[test]
    fn citations_are_not_reference_lists() {
        assert!(targets("See Sharp Press, 2001, page 9.", None).is_empty());
        assert!(
            targets(
                "See Gary Chartier, \"Advocates of Freed Markets,\" session.",
                None
            )
            .is_empty()
        );
    }

    #[test]
    fn see_also_entries_drop_descriptions_and_prose() {
        let entry = |s: &str| {
            let p = PlainText::from_source(s, 0);
            extract(&p, 0, s.len(), true, None)
                .into_iter()
                .map(|r| r.target().to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            entry("John Arnold (1736–1799), watchmaker, of London"),
            ["John Arnold (1736–1799)"]
        );
        assert_eq!(
            entry("Beast of Bodmin – a phantom cat"),
            ["Beast of Bodmin"]
        );
        assert_eq!(entry("Washington, D.C."), ["Washington, D.C."]);
        assert!(
            entry("Bodmin is twinned with Bederkesa in Germany; Grass Valley, in California.")
                .is_empty()
        );
    }
}
