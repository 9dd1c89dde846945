//! Parsers: plain text, Markdown and wikitext into one [`Article`] model.
//!
//! The front ends (`text`, `markdown`, `wikitext`) find the title, headings and blocks
//! of their format and hand each block's reader-visible text, as a
//! [`PlainText`], to the shared builder here. The builder decides item or
//! paragraph, splits sentences and extracts references the same way for both
//! formats, which is what makes the seed in either format parse to the same model.

pub mod markdown;
pub mod references;
pub mod sentences;
pub mod text;
pub mod title;
pub mod wikitext;

pub use title::{quick_title, source_title};

use std::borrow::Cow;

use crate::model::{
    Article, Artifact, Block, Item, Paragraph, Reference, ReferenceList, Section, SectionKind,
    Sentence, SharedText, Title,
};
use crate::source::{Format, SourceFile};
use crate::span::Span;
use crate::text::{PlainText, collapse_ws, collapse_ws_cow};
pub use references::IsTitle;

/// What the parsers may consult.
#[derive(Default, Clone, Copy)]
pub struct ParseOptions<'a> {
    /// Known titles, for index-aware splitting of `See` lists.
    pub titles: Option<IsTitle<'a>>,
}

/// Parse a source file in its format. The facts are left empty: the analyses
/// fill them in.
#[must_use]
pub fn parse(src: &SourceFile, opts: &ParseOptions<'_>) -> Article {
    let mut article = match src.format {
        Format::Text => text::parse(src, opts),
        Format::Markdown => markdown::parse(src, opts),
        Format::Wikitext => wikitext::parse(src, opts),
    };
    // The model lives for the whole check of the file: no growth slack
    // (sections drop theirs as they close, in `close_to`).
    article.lead.shrink_to_fit();
    article.sections.shrink_to_fit();
    article
}

/// Where a block sits, as far as the builder cares.
#[derive(Clone, Copy)]
pub(crate) struct BlockCtx<'a> {
    /// Inside a "See also" section: bare entries are references.
    pub in_see_also: bool,
    /// A list entry whose bullet was lost: an item without a label.
    pub entry: bool,
    /// Known titles.
    pub titles: Option<IsTitle<'a>>,
    /// The source, when a block's text may be a range of it (see [`block_text`]).
    pub source: Option<&'a SharedText>,
    /// A label the markup says the block has (wikitext `;term: definition`):
    /// the plain end of the label and the start of the body.
    pub label: Option<(usize, usize)>,
    /// Wikitext: items are list markup only, so a paragraph `Label:` with
    /// nothing after the colon introduces what follows (a table, a quote):
    /// it stays a paragraph.
    pub colon_introduces: bool,
}

/// Labels of hatnotes: `Main article: X` is a reference, not an item.
const HATNOTE_LABELS: &[&str] = &[
    "Main article",
    "Main articles",
    "Further information",
    "See also",
    "See",
];

/// Final words that make `Words: ...` a sentence that introduces a quotation or
/// list rather than an item label.
const NOT_LABEL_ENDINGS: &[&str] = &[
    "said",
    "says",
    "stated",
    "states",
    "wrote",
    "writes",
    "include",
    "includes",
    "included",
    "including",
    "are",
    "is",
    "was",
    "were",
    "be",
    "follows",
    "following",
    "namely",
    "example",
    "instance",
    "reads",
    "read",
    "noted",
    "notes",
    "added",
    "adds",
    "explained",
    "argued",
    "argues",
    "concluded",
    "declared",
    "announced",
    "asked",
    "replied",
    "as",
    "that",
    "of",
    "the",
    "and",
    "or",
];
const NOT_LABEL_STARTS: &[&str] = &[
    "He", "She", "They", "It", "We", "I", "You", "This", "These", "There",
];

/// The article a reader has built: its title, lead and sections over the
/// whole of `src`, with facts not yet found. One constructor for every reader.
fn article(
    src: &SourceFile,
    title: Option<Title>,
    lead: Vec<Block>,
    sections: Vec<Section>,
) -> Article {
    Article {
        path: src.path.clone(),
        format: src.format,
        span: Span::new(0, src.text.len()),
        title,
        lead,
        sections,
        facts: Default::default(),
    }
}
/// If `text` is `Label: body`, the byte end of the label and the start of the body.
#[must_use]
pub fn find_label(text: &str) -> Option<(usize, usize)> {
    let colon = text.find(':')?;
    let after = &text[colon + 1..];
    if !(after.is_empty() || after.starts_with(char::is_whitespace)) {
        return None;
    }
    let label = text[..colon].trim();
    if label.is_empty() || label.len() > 80 {
        return None;
    }
    let first = label.chars().next()?;
    if !(first.is_uppercase()
        || first.is_numeric()
        || (first.is_alphabetic() && !first.is_lowercase()))
    {
        return None;
    }
    let words: Vec<&str> = label.split_whitespace().collect();
    if words.len() > 8 {
        return None;
    }
    if label.contains([',', ';', '!', '?', '"', '“', '”']) {
        return None;
    }
    // A period only inside an initialism (`U.S. role`).
    if words.iter().any(|w| {
        w.contains('.')
            && !w
                .trim_end_matches('.')
                .split('.')
                .all(|p| p.chars().count() <= 2)
    }) {
        return None;
    }
    let last = words.last().map(|w| w.to_lowercase()).unwrap_or_default();
    if NOT_LABEL_ENDINGS.contains(&last.as_str()) || NOT_LABEL_STARTS.contains(&words[0]) {
        return None;
    }
    let body_start = colon + 1 + (after.len() - after.trim_start().len());
    Some((text[..colon].trim_end().len(), body_start))
}

fn sentences_of(
    plain: &PlainText,
    start: usize,
    bounds: &[(u32, u32)],
    text: &SharedText,
) -> Box<[Sentence]> {
    // Each sentence's collapsed text is found in the block's collapsed text
    // from where the one before ended, and shares its buffer.
    let mut from = 0;
    bounds
        .iter()
        .map(|&(s, e)| {
            let (s, e) = (s as usize, e as usize);
            let own = collapse_ws_cow(&plain.text[start + s..start + e]);
            let (shared, next) = text.share(&own, from);
            from = next;
            Sentence::new(shared, plain.span(start + s, start + e))
        })
        .collect()
}

fn refs_of(
    plain: &PlainText,
    start: usize,
    bounds: &[(u32, u32)],
    ctx: BlockCtx<'_>,
    mut links: Vec<Reference>,
) -> (Box<[Reference]>, Box<[ReferenceList]>) {
    let mut out = Vec::new();
    let mut lists = Vec::new();
    for &(s, e) in bounds {
        let (s, e) = (s as usize, e as usize);
        let Some((refs, list)) = references::extract_list_in(
            plain,
            start + s,
            start + e,
            ctx.in_see_also,
            ctx.titles,
            ctx.source,
        ) else {
            continue;
        };
        for r in refs {
            let overlaps_link = links
                .iter()
                .any(|l| l.span.start() < r.span.end() && r.span.start() < l.span.end());
            if !overlaps_link {
                out.push(r);
            }
        }
        lists.push(list);
    }
    out.append(&mut links);
    // Nearly always in order already (no links, or links after the lists):
    // a stable sort of a sorted vector changes nothing, and its scratch
    // buffer was half the references again on a one-line file.
    if !out.is_sorted_by_key(|r| r.span.start()) {
        out.sort_by_key(|r| r.span.start());
    }
    if let Some(src) = ctx.source {
        for r in &mut out {
            r.share_source(src);
        }
    }
    // Held for the whole run of the article: no growth slack (a block of ten
    // `See X.` sentences would otherwise hold room for sixteen of each). Not
    // `shrink_to_fit`: mimalloc keeps a block in place when it shrinks by less
    // than half, so the slack stayed; a collected drain allocates exactly.
    (
        exact(out).into_boxed_slice(),
        exact(lists).into_boxed_slice(),
    )
}

/// `v` in an allocation of exactly its length, unless its slack is an eighth
/// of it or less: copying a large vector (a one-line file's million
/// references) would hold it twice at once to save a few percent.
fn exact<T>(mut v: Vec<T>) -> Vec<T> {
    if v.capacity() - v.len() <= v.len() / 8 {
        return v;
    }
    let mut e = Vec::with_capacity(v.len());
    e.append(&mut v);
    e
}

/// Build a paragraph or item from a block's plain text.
///
/// `whole` is the block's full span (bullet included); `bullet` is its marker;
/// `links` are references found in markup (Markdown links and wiki links).
pub(crate) fn build_block(
    plain: &PlainText,
    whole: Span,
    bullet: Option<String>,
    ctx: BlockCtx<'_>,
    links: Vec<Reference>,
) -> Block {
    let len = plain.text.len();
    let label = ctx.label.or_else(|| {
        find_label(&plain.text)
            .filter(|(end, _)| !HATNOTE_LABELS.contains(&plain.text[..*end].trim()))
            .filter(|(_, body)| {
                !ctx.colon_introduces || plain.text[*body..].chars().any(char::is_alphanumeric)
            })
    });
    if let Some((label_end, body_start)) = label {
        let label_text = collapse_ws(&plain.text[..label_end]);
        let lead = plain.text.len() - plain.text.trim_start().len();
        // Split once; sentences and references share the boundaries.
        let bounds = sentences::split(&plain.text[body_start..len]);
        let (refs, ref_lists) = refs_of(plain, body_start, &bounds, ctx, links);
        let body = block_text(plain, body_start, ctx.source);
        return Block::Item(Box::new(Item {
            label: Some(label_text),
            label_span: Some(plain.span(lead, label_end)),
            sentences: sentences_of(plain, body_start, &bounds, &body),
            body,
            body_span: plain.span(body_start, len),
            span: whole,
            bullet,
            refs,
            ref_lists,
        }));
    }
    let bounds = sentences::split(&plain.text);
    let text = block_text(plain, 0, ctx.source);
    let sentences = sentences_of(plain, 0, &bounds, &text);
    let (refs, ref_lists) = refs_of(plain, 0, &bounds, ctx, links);
    if bullet.is_some() || ctx.in_see_also || ctx.entry {
        let lead = plain.text.len() - plain.text.trim_start().len();
        return Block::Item(Box::new(Item {
            label: None,
            label_span: None,
            body: text,
            body_span: plain.span(lead, len),
            span: whole,
            bullet,
            sentences,
            refs,
            ref_lists,
        }));
    }
    Block::Paragraph(Paragraph {
        text,
        span: whole,
        sentences,
        refs,
        ref_lists,
    })
}

/// The collapsed text of `plain` from byte `start`: a range of `source` when
/// the source has exactly these bytes where they were read (a line of plain
/// text with single spaces, a Markdown paragraph with no markup), else a copy.
/// A file of a million short sentences held its text twice before.
fn block_text(plain: &PlainText, start: usize, source: Option<&SharedText>) -> SharedText {
    let t = &plain.text[start..];
    match collapse_ws_cow(t) {
        Cow::Borrowed(c) => {
            let span = plain.span(start, plain.text.len());
            source
                .filter(|src| src.get(span.start()..span.end()) == Some(c))
                .and_then(|src| src.slice(span.start(), span.end()))
                .unwrap_or_else(|| SharedText::from(c))
        }
        Cow::Owned(c) => SharedText::from(c),
    }
}

/// Add a block to the innermost open section, or to the lead.
pub(crate) fn push_block(open: &mut [Section], lead: &mut Vec<Block>, block: Block) {
    match open.last_mut() {
        Some(s) => {
            s.span = s.span.cover(block.span());
            s.blocks.push(block);
        }
        None => lead.push(block),
    }
}

/// Close every open section of `level` or deeper.
pub(crate) fn close_to(open: &mut Vec<Section>, done: &mut Vec<Section>, level: u8) {
    while open.last().is_some_and(|s| s.heading.level >= level) {
        let mut s = open.pop().expect("checked non-empty");
        s.blocks.shrink_to_fit();
        s.subsections.shrink_to_fit();
        match open.last_mut() {
            Some(parent) => {
                parent.span = parent.span.cover(s.span);
                parent.subsections.push(s);
            }
            None => done.push(s),
        }
    }
}

/// Heading words that announce criticism or a debate (with the words of
/// reviews and reactions, they make a section a controversy section; the
/// balance rules read them too).
pub const DEBATE_HEADING_WORDS: &[&str] = &[
    "controversy",
    "controversies",
    "criticism",
    "criticisms",
    "critique",
    "critiques",
    "debate",
    "debates",
    "dispute",
    "disputes",
    "opposition",
];

/// What a heading says its section is for.
#[must_use]
pub fn section_kind(heading: &str) -> SectionKind {
    section_kind_folded(&heading.to_lowercase())
}

/// [`section_kind`] of a heading already in lower case.
pub(crate) fn section_kind_folded(h: &str) -> SectionKind {
    let h = h.trim();
    if h == "see also"
        || h.starts_with("see also")
        || h == "related articles"
        || h == "related topics"
    {
        return SectionKind::SeeAlso;
    }
    if h.contains("external link") || h == "links" || h == "web links" {
        return SectionKind::ExternalLinks;
    }
    const REFS: &[&str] = &[
        "references",
        "notes",
        "footnotes",
        "sources",
        "citations",
        "bibliography",
        "further reading",
        "works cited",
        "notes and references",
        "references and notes",
        "literature",
        "reference",
        "endnotes",
        "general references",
        "cited sources",
    ];
    if REFS.contains(&h) {
        return SectionKind::References;
    }
    const REACTIONS: &[&str] = &[
        "reception",
        "response",
        "responses",
        "reaction",
        "reactions",
    ];
    // The heading's words, split once.
    let controversy = h
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| DEBATE_HEADING_WORDS.contains(&w) || REACTIONS.contains(&w))
        || h.contains("arguments for")
        || h.contains("arguments against")
        || h.contains("for and against")
        || h.contains("pros and cons")
        || h.contains("support and opposition");
    if controversy {
        SectionKind::Controversy
    } else {
        SectionKind::General
    }
}

/// Standard headings of the closing sections; inside a "See also" or
/// references section, a short line is an entry unless it is one of these.
#[must_use]
pub fn is_standard_closing_heading(text: &str) -> bool {
    !matches!(
        section_kind(text),
        SectionKind::General | SectionKind::Controversy
    )
}

/// Artifacts with spans in the file, from [`crate::text::strip_chrome`] results.
pub(crate) fn artifacts_at(text: &str, base: usize, found: &[(usize, usize)]) -> Vec<Artifact> {
    found
        .iter()
        .map(|&(s, e)| Artifact {
            text: text[s..e].to_string(),
            span: Span::new(base + s, base + e),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether `part` lies in the buffer of `whole` (shares it, not a copy).
    fn within(part: &str, whole: &str) -> bool {
        let (p, w) = (part.as_ptr() as usize, whole.as_ptr() as usize);
        p >= w && p + part.len() <= w + whole.len()
    }

    #[test]
    fn texts_written_as_they_read_are_ranges_of_the_source() {
        let body = "\n\nSee Alpha. See Beta.\n\nSee  Gamma.\n";
        for (name, title, format) in [
            ("a.txt", "Title", Format::Text),
            ("a.md", "# Title", Format::Markdown),
        ] {
            let src = SourceFile::new(name, format!("{title}{body}"), format);
            let a = parse(&src, &ParseOptions::default());
            let blocks = &a.lead;
            assert_eq!(blocks.len(), 2, "{name}");
            // Written as it reads: the paragraph, its sentences and its targets share the source.
            let Block::Paragraph(p) = &blocks[0] else {
                panic!("{name}: a paragraph")
            };
            assert_eq!(&*p.text, "See Alpha. See Beta.");
            assert!(within(&p.text, &src.text), "{name}");
            assert!(p.sentences.iter().all(|s| within(&s.text, &src.text)));
            assert_eq!(p.refs.len(), 2);
            assert!(p.refs.iter().all(|r| within(r.target(), &src.text)));
            // Two spaces collapse to one: the paragraph is a copy, its target still the source's.
            let Block::Paragraph(q) = &blocks[1] else {
                panic!("{name}: a paragraph")
            };
            assert_eq!(&*q.text, "See Gamma.");
            assert!(!within(&q.text, &src.text), "{name}");
            assert!(within(q.refs[0].target(), &src.text), "{name}");
        }
        // Markup: the text is not what the source has there, so it is a copy.
        let src = SourceFile::new("b.md", "# T\n\nSee *Alpha*.\n", Format::Markdown);
        let a = parse(&src, &ParseOptions::default());
        let Block::Paragraph(p) = &a.lead[0] else {
            panic!("a paragraph")
        };
        assert_eq!(&*p.text, "See Alpha.");
        assert!(!within(&p.text, &src.text));
    }

    #[test]
    fn labels_are_short_capitalised_phrases() {
        let t = "Deterrence and reassurance: A credible defense.";
        assert_eq!(find_label(t), Some((26, 28)));
        assert_eq!(find_label("U.S. role: big."), Some((9, 11)));
        assert_eq!(find_label("He said: no."), None);
        assert_eq!(find_label("lower case: no."), None);
        assert_eq!(find_label("At 10:30 the meeting began."), None);
        assert_eq!(find_label("However, the result was: mixed."), None);
        assert_eq!(find_label("Controversies and debates:"), Some((25, 26)));
    }

    #[test]
    fn section_kinds_from_heading_cues() {
        assert_eq!(
            section_kind("Controversies and debates"),
            SectionKind::Controversy
        );
        assert_eq!(section_kind("Criticism"), SectionKind::Controversy);
        assert_eq!(section_kind("See also"), SectionKind::SeeAlso);
        assert_eq!(section_kind("Further reading"), SectionKind::References);
        assert_eq!(section_kind("External links"), SectionKind::ExternalLinks);
        assert_eq!(section_kind("Biography"), SectionKind::General);
        assert_eq!(section_kind("Debatement"), SectionKind::General);
    }
}
