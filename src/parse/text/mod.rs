//! The plain-text front end: articles in the seed's style.
//!
//! One block a line, or blocks separated by blank lines, or hard-wrapped
//! paragraphs (detected per file: blank lines between groups, no line much
//! longer than the wrap width, and "full" lines that run on). The first block is
//! the title (wiki chrome such as a glued `Edit` or `[edit]` stripped and
//! recorded); a short line without terminal punctuation that is not
//! `Label: body` is a heading; `Label: body` is an item; a bullet (`•`, `-`,
//! `*`, `–`, `1.`) starts an item; everything else is a paragraph. Inside
//! "See also" and reference sections, short lines are entries, not headings.
//! Web chrome lines (`From Wikipedia, the free encyclopedia`, `Jump to
//! navigation`) after the title are recorded as title artifacts and skipped.

mod roles;

use crate::model::{Article, Block, Heading, Section, SectionFacts, SectionKind, Title};
use crate::parse::{
    BlockCtx, ParseOptions, artifacts_at, build_block, close_to, is_standard_closing_heading,
    push_block, section_kind,
};
use crate::source::SourceFile;
use crate::span::Span;
use crate::text::{PlainText, collapse_ws, strip_chrome};
pub use roles::MAX_HEADING_WORDS;
use roles::{Role, bullet, ends_terminal, is_prose, names_works};

/// Lines that web pages add around an article.
const CHROME_LINES: &[&str] = &[
    "from wikipedia, the free encyclopedia",
    "jump to navigation",
    "jump to search",
    "jump to navigation jump to search",
    "jump to content",
    "from simple english wikipedia, the free encyclopedia",
];

/// One raw line: byte range without its line ending.
#[derive(Clone, Copy, Debug)]
struct Line {
    start: usize,
    end: usize,
}

/// The lines of `text`, ended by `\n`, `\r\n` or `\r`; a last line
/// without an ending counts when it is not empty. The line breaks are found
/// by memchr, not a branch per byte.
fn lines(text: &str) -> Lines<'_> {
    Lines {
        bytes: text.as_bytes(),
        breaks: memchr::memchr2_iter(b'\n', b'\r', text.as_bytes()),
        start: 0,
    }
}

struct Lines<'a> {
    bytes: &'a [u8],
    breaks: memchr::Memchr2<'a>,
    /// Where the next line starts.
    start: usize,
}

impl Iterator for Lines<'_> {
    type Item = Line;

    fn next(&mut self) -> Option<Line> {
        for i in self.breaks.by_ref() {
            // The `\n` of a `\r\n` ended its line already.
            if i < self.start {
                continue;
            }
            let line = Line {
                start: self.start,
                end: i,
            };
            self.start = if self.bytes[i] == b'\r' && self.bytes.get(i + 1) == Some(&b'\n') {
                i + 2
            } else {
                i + 1
            };
            return Some(line);
        }
        (self.start < self.bytes.len()).then(|| {
            let line = Line {
                start: self.start,
                end: self.bytes.len(),
            };
            self.start = self.bytes.len();
            line
        })
    }
}

/// Group lines into blocks: `(start, end)` byte ranges of the file.
fn blocks(text: &str, ls: &[Line]) -> Vec<Span> {
    let is_blank = |l: &Line| text[l.start..l.end].trim().is_empty();
    let width = ls
        .iter()
        .map(|l| text[l.start..l.end].trim_end().chars().count())
        .max()
        .unwrap_or(0);
    let full = |l: &Line| text[l.start..l.end].trim_end().chars().count() * 10 >= width * 6;
    let has_blank = ls.iter().any(is_blank);
    // Hard-wrapped: blank lines separate groups, lines fit a wrap width, and at
    // least one group runs a full, unpunctuated line on into the next.
    let wrapped = has_blank
        && width <= 120
        && ls.windows(2).any(|w| {
            !is_blank(&w[0])
                && !is_blank(&w[1])
                && full(&w[0])
                && !ends_terminal(&text[w[0].start..w[0].end])
                && bullet(&text[w[1].start..w[1].end]).is_none()
        });
    let mut out: Vec<Span> = Vec::new();
    let mut prev: Option<Line> = None;
    for l in ls {
        if is_blank(l) {
            prev = None;
            continue;
        }
        let line = &text[l.start..l.end];
        let joins = wrapped
            && prev.is_some_and(|p| {
                let p_text = &text[p.start..p.end];
                bullet(line).is_none()
                    && (full(&p) || line.trim_start().starts_with(char::is_lowercase))
                    && !p_text.trim_end().ends_with(':')
            });
        if joins {
            if let Some(last) = out.last_mut() {
                *last = Span::new(last.start(), l.end);
            }
        } else {
            let lead = line.len() - line.trim_start().len();
            out.push(Span::new(l.start + lead, l.end));
        }
        prev = Some(*l);
    }
    // Trim trailing white space of each block.
    out.into_iter()
        .map(|s| {
            let t = &text[s.start()..s.end()];
            Span::new(s.start(), s.start() + t.trim_end().len())
        })
        .collect()
}

fn looks_like_title(t: &str) -> bool {
    let words = t.split_whitespace().count();
    words <= 20
        && !(ends_terminal(t) && words >= 6 && !t.trim_end().ends_with(')'))
        && bullet(t).is_none()
}

/// Parse plain text.
#[must_use]
pub fn parse(src: &SourceFile, opts: &ParseOptions<'_>) -> Article {
    let text: &str = &src.text;
    let bom = src.bom_len();
    let ls: Vec<Line> = lines(text)
        .map(|l| {
            if l.start == 0 {
                Line {
                    start: bom.min(l.end),
                    end: l.end,
                }
            } else {
                l
            }
        })
        .collect();
    let bs = blocks(text, &ls);
    let mut it = bs.into_iter().peekable();

    let mut title = None;
    if let Some(first) = it.peek().copied() {
        let t = &text[first.start()..first.end()];
        if looks_like_title(t) {
            it.next();
            let (keep, found) = strip_chrome(t);
            let mut artifacts = artifacts_at(t, first.start(), &found);
            // Web chrome lines right after the title.
            while let Some(next) = it.peek().copied() {
                let n = collapse_ws(&text[next.start()..next.end()]).to_lowercase();
                let redirected = n.starts_with("(redirected from ") && n.ends_with(')');
                if CHROME_LINES.contains(&n.as_str()) || redirected {
                    artifacts.extend(artifacts_at(text, 0, &[(next.start(), next.end())]));
                    it.next();
                } else {
                    break;
                }
            }
            title = Some(Title {
                text: collapse_ws(&t[..keep]),
                span: first,
                text_span: Span::new(first.start(), first.start() + keep),
                artifacts,
            });
        }
    }

    let mut lead: Vec<Block> = Vec::new();
    // Open sections, outermost first, and finished top-level ones.
    let mut sections: Vec<Section> = Vec::new();
    let mut done: Vec<Section> = Vec::new();
    let rest: Vec<Span> = it.collect();
    let texts: Vec<&str> = rest.iter().map(|b| &text[b.start()..b.end()]).collect();
    // A blank line between two blocks (only white space lies between them).
    let gaps: Vec<bool> = std::iter::once(false)
        .chain(rest.windows(2).map(|w| {
            let between = &text[w[0].end()..w[1].start()];
            // Line breaks as `lines` counts them (`\r\n` once); the next
            // block's indent aside.
            lines(between.trim_end_matches([' ', '\t']))
                .nth(1)
                .is_some()
        }))
        .collect();
    let roles = roles::roles_with_gaps(&texts, &gaps);
    // `Dungeons & Dragons` / `Dungeons & Dragons`, `CD-R` / `CDR`: the title
    // said again on the next line (as a page's display title) is no section.
    let title_again = title
        .as_ref()
        .zip(texts.first())
        .is_some_and(|(t, first)| repeats_title(&t.text, first));
    // A references heading over running text (`Literature` on a topic, not
    // a list of works): its short lines are headings as in any section.
    let mut content_closing = false;
    for (i, &span) in rest.iter().enumerate() {
        let t = texts[i];
        let current_kind = sections.last().map(|s| s.kind);
        let in_closing = !content_closing
            && matches!(
                current_kind,
                Some(SectionKind::SeeAlso | SectionKind::References | SectionKind::ExternalLinks)
            );
        // Inside "See also" and reference sections short lines are entries,
        // unless they are closing headings themselves or running text
        // follows them (a content section such as "Literature" goes on).
        let heading = roles[i] == Role::Heading
            && !(i == 0 && title_again)
            && (!in_closing
                || is_standard_closing_heading(strip_text(t))
                || (current_kind == Some(SectionKind::References) && names_works(t))
                || texts
                    .get(i + 1)
                    .is_some_and(|n| is_prose(n) || closes_markup(n)));
        if heading {
            let (keep, found) = strip_chrome(t);
            let htext = collapse_ws(&t[..keep]);
            let kind = section_kind(&htext);
            let level = heading_level(sections.last(), kind);
            content_closing = kind == SectionKind::References
                && texts.get(i + 1).is_some_and(|n| running_text(n));
            close_to(&mut sections, &mut done, level);
            sections.push(Section {
                kind,
                heading: Heading {
                    text: htext,
                    level,
                    span,
                    text_span: Span::new(span.start(), span.start() + keep),
                    artifacts: artifacts_at(t, span.start(), &found),
                },
                span,
                blocks: Vec::new(),
                subsections: Vec::new(),
                non_prose: Vec::new(),
                facts: SectionFacts::default(),
            });
            continue;
        }
        let (marker, skip) = match bullet(t) {
            Some((m, skip)) => (Some(m), skip),
            None => (None, 0),
        };
        let plain = PlainText::from_source(&t[skip..], span.start() + skip);
        let ctx = BlockCtx {
            in_see_also: current_kind == Some(SectionKind::SeeAlso),
            entry: roles[i] == Role::Entry,
            titles: opts.titles,
            source: Some(&src.text),
            label: None,
            colon_introduces: false,
        };
        let block = build_block(&plain, span, marker, ctx, Vec::new());
        push_block(&mut sections, &mut lead, block);
    }
    close_to(&mut sections, &mut done, 0);

    super::article(src, title, lead, done)
}

/// Plain text has no levels. A heading right after a heading opens a
/// subsection of it (`History` / `Early life`), and one after content starts
/// a new top-level section. Closing sections (`See also`, `References`,
/// `External links`) are always top level: a heading right before one of
/// them is an empty section, not its parent.
fn heading_level(open: Option<&Section>, kind: SectionKind) -> u8 {
    let closing = !matches!(kind, SectionKind::General | SectionKind::Controversy);
    match open {
        Some(open)
            if open.blocks.is_empty()
                && open.subsections.is_empty()
                && (!closing
                    || !matches!(open.kind, SectionKind::General | SectionKind::Controversy)) =>
        {
            (open.heading.level + 1).min(6)
        }
        _ => 2,
    }
}

/// `line` is the title again, case and punctuation aside (`CD-R`, `CDR`).
fn repeats_title(title: &str, line: &str) -> bool {
    let key = |s: &str| -> Vec<char> {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    line.len() <= 2 * title.len() + 8 && {
        let k = key(title);
        !k.is_empty() && k == key(line)
    }
}

/// Prose that is no citation: a sentence of some length without a year in
/// its first sentence (`Smith, J. (2001). Title.` is a work of a list).
fn running_text(t: &str) -> bool {
    if !is_prose(t) {
        return false;
    }
    let first = t.split(". ").next().unwrap_or(t);
    let year = first
        .split(|c: char| !c.is_ascii_digit())
        .any(|d| d.len() == 4);
    !year && first.split_whitespace().nth(5).is_some()
}

/// What is left of a closing tag (`</dl>`): the line before it was a
/// definition list's term, a wikitext pseudo-heading (`;Primary sources`)
/// over a part of a reference list.
fn closes_markup(t: &str) -> bool {
    let t = t.trim();
    t.starts_with("</") && t.ends_with('>') && t.len() <= 12
}

fn strip_text(t: &str) -> &str {
    let (keep, _) = strip_chrome(t);
    &t[..keep]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Format;

    fn parse_str(s: &str) -> Article {
        parse(
            &SourceFile::new("t.txt", s, Format::Text),
            &ParseOptions::default(),
        )
    }

    #[test]
    fn seed_shape() {
        let a = parse_str(
            "T Edit\nLead one.\nHeading here\nLabel: body text. See X and Y.\nA paragraph.\n",
        );
        assert_eq!(a.title.as_ref().unwrap().text, "T Edit");
        assert_eq!(a.lead.len(), 1);
        assert_eq!(a.sections.len(), 1);
        assert_eq!(a.sections[0].blocks.len(), 2);
        let Block::Item(item) = &a.sections[0].blocks[0] else {
            panic!("item expected")
        };
        assert_eq!(item.label.as_deref(), Some("Label"));
        let targets: Vec<_> = item.refs.iter().map(|r| r.target()).collect();
        assert_eq!(targets, ["X", "Y"]);
    }

    #[test]
    fn hard_wrapped_paragraphs_join() {
        let s = "Title\n\nThis is a long paragraph that has been wrapped at a\nfixed width so that it runs on to the next line and\nends here.\n\nHistory\n\nShort.\n";
        let a = parse_str(s);
        assert_eq!(a.lead.len(), 1, "{:#?}", a.lead);
        let Block::Paragraph(p) = &a.lead[0] else {
            panic!()
        };
        assert!(p.text.ends_with("ends here."));
        assert_eq!(a.sections.len(), 1);
        assert_eq!(a.sections[0].heading.text, "History");
    }

    #[test]
    fn bullets_make_items() {
        let a = parse_str("Title\nLead.\nList\n• First entry\n- Label: body.\n");
        let s = &a.sections[0];
        assert_eq!(s.blocks.len(), 2);
        let Block::Item(i) = &s.blocks[0] else {
            panic!()
        };
        assert_eq!(i.bullet.as_deref(), Some("•"));
        assert_eq!(i.label, None);
        let Block::Item(i) = &s.blocks[1] else {
            panic!()
        };
        assert_eq!(i.label.as_deref(), Some("Label"));
    }

    #[test]
    fn see_also_lines_are_entries_and_chrome_lines_are_skipped() {
        let a = parse_str(
            "Title [edit]\nFrom Wikipedia, the free encyclopedia\nLead.\nSee also\nHistory of optics\nReferences\n",
        );
        let t = a.title.unwrap();
        assert_eq!(t.text, "Title");
        assert_eq!(t.artifacts.len(), 2);
        assert_eq!(a.sections.len(), 2);
        assert_eq!(
            a.sections[0].blocks[0].refs()[0].target(),
            "History of optics"
        );
    }

    fn heading_texts(a: &Article) -> Vec<String> {
        fn walk(s: &Section, out: &mut Vec<String>) {
            out.push(s.heading.text.clone());
            for c in &s.subsections {
                walk(c, out);
            }
        }
        let mut out = Vec::new();
        for s in &a.sections {
            walk(s, &mut out);
        }
        out
    }

    #[test]
    fn bibliographies_under_references_and_notes_labels() {
        let a = parse_str(
            "Title\nLead sentence of the article.\nHistory\nIt began in 1900 and went on.\nReferences\nBibliography\nSmith, John (2001). A Book. London.\n",
        );
        assert_eq!(heading_texts(&a), ["History", "References", "Bibliography"]);
        let a = parse_str(
            "Title\nLead sentence of the article.\nReferences\nNotes\nBibliography\nSmith, John (2001). A Book. London.\n",
        );
        assert_eq!(heading_texts(&a), ["References"]);
        // A part that names a list of works heads it inside the references.
        let a = parse_str(
            "Title\nLead sentence of the article.\nReferences\nSecondary sources\n(ed.), Prosopographia, Berlin, 1897\n",
        );
        assert_eq!(heading_texts(&a), ["References", "Secondary sources"]);
    }

    #[test]
    fn a_term_over_a_closing_tag_heads_a_part_of_the_references() {
        // `;Studies` in the wikitext: the term is left over `</dl>`.
        let a = parse_str(
            "Title\nLead sentence of the article.\nReferences\nStudies\n</dl>\nSmith, John (2001), A Book, London\n",
        );
        assert_eq!(heading_texts(&a), ["References", "Studies"]);
        // Without the tag, a short line in the references is an entry.
        let a = parse_str(
            "Title\nLead sentence of the article.\nReferences\nStudies\nSmith, John (2001), A Book, London\n",
        );
        assert_eq!(heading_texts(&a), ["References"]);
    }

    #[test]
    fn literature_over_running_text_is_a_content_section() {
        let a = parse_str(
            "Title\nLead sentence of the article.\nLiterature\nWriting first appeared in association with kingship on labels and tags for items.\nCulture\nDaily life\nMost ancient Egyptians were farmers tied to the land and its seasons.\n",
        );
        assert_eq!(heading_texts(&a), ["Literature", "Culture", "Daily life"]);
        // A literature list stays a list.
        let a = parse_str(
            "Title\nLead sentence of the article.\nLiterature\nSmith, John (2001). A Book about the Subject. London.\nGreat Expectations\n",
        );
        assert_eq!(heading_texts(&a), ["Literature"]);
    }

    #[test]
    fn lines_end_at_each_kind_of_break() {
        // The byte-by-byte reading the memchr one replaced.
        fn reference(text: &str) -> Vec<(usize, usize)> {
            let (bytes, mut out, mut start, mut i) = (text.as_bytes(), Vec::new(), 0, 0);
            while i < bytes.len() {
                if bytes[i] == b'\n' || bytes[i] == b'\r' {
                    out.push((start, i));
                    if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    start = i + 1;
                }
                i += 1;
            }
            if start < bytes.len() {
                out.push((start, bytes.len()));
            }
            out
        }
        for t in [
            "",
            "a",
            "\n",
            "\r\n",
            "a\nb",
            "a\r\nb\r\n",
            "a\rb\r",
            "\r\r\n\n\r",
            "é\n\n€\r\n\r\nx",
            "last line runs on",
        ] {
            let got: Vec<_> = lines(t).map(|l| (l.start, l.end)).collect();
            assert_eq!(got, reference(t), "{t:?}");
        }
    }

    #[test]
    fn the_title_said_again_is_no_heading() {
        let a = parse_str(
            "Dungeons & Dragons\nDungeons & Dragons\nDungeons & Dragons is a fantasy tabletop role-playing game.\nHistory\nIt was designed in 1974.\n",
        );
        assert_eq!(heading_texts(&a), ["History"]);
        let a = parse_str("CD-R\nCDR\nCD-R is a digital optical disc storage format.\n");
        assert!(heading_texts(&a).is_empty());
        // A heading that only opens with the title's words is one.
        let a = parse_str("Dice\nDice games\nMany games are played with dice of six sides.\n");
        assert_eq!(heading_texts(&a), ["Dice games"]);
        assert!(!repeats_title("Dice", "Dice games"));
        assert!(!repeats_title("", ""));
    }

    #[test]
    fn crlf_and_bom() {
        let a = parse_str("\u{feff}Title\r\nLead text.\r\n");
        let t = a.title.unwrap();
        assert_eq!(t.text, "Title");
        assert_eq!(t.span, Span::new(3, 8));
        assert_eq!(a.lead.len(), 1);
    }
}
