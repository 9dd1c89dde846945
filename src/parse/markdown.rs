//! The Markdown front end: comrak's AST (with its source positions) into the
//! shared model.
//!
//! `# Title` is the title when it comes before any other heading; `##` and
//! deeper headings open sections, nested by level; list items and paragraphs
//! become blocks through the shared builder (so `- **Label**: body` and
//! `Label: body` are items just as in plain text). Inline markup is removed from
//! the text but every piece of text keeps its source offset, so sentence and
//! reference spans point into the file. `[[Wiki links]]` and links to other
//! `.md` files are references. Code, HTML, tables and images are not prose and
//! are skipped. The AST is walked with explicit stacks: nesting depth costs
//! memory, never the call stack.

use comrak::nodes::{AstNode, ListType, NodeValue};
use comrak::{Arena, Options, arena_tree::NodeEdge, parse_document};

use crate::model::{
    Article, Block, Heading, Reference, ReferenceKind, Section, SectionFacts, SectionKind, Title,
};
use crate::parse::{
    BlockCtx, ParseOptions, artifacts_at, build_block, close_to, push_block, section_kind,
};
use crate::source::SourceFile;
use crate::span::{LineIndex, Span};
use crate::text::{PlainText, collapse_ws, strip_chrome};

/// comrak options: the parser only, with wiki links, tables, strikethrough and
/// front matter recognised so their syntax never leaks into prose.
fn options() -> Options<'static> {
    let mut o = Options::default();
    o.extension.wikilinks_title_after_pipe = true;
    o.extension.table = true;
    o.extension.strikethrough = true;
    o.extension.footnotes = true;
    o.extension.front_matter_delimiter = Some("---".to_string());
    o
}

struct Cx<'s> {
    text: &'s str,
    lines: &'s LineIndex,
}

impl Cx<'_> {
    fn span_of<'a>(&self, node: &'a AstNode<'a>) -> Span {
        let sp = node.data().sourcepos;
        if sp.start.line == 0 {
            return Span::new(0, 0);
        }
        let s = self
            .lines
            .offset_of(self.text, sp.start.line, sp.start.column);
        let e = self.lines.offset_of(self.text, sp.end.line, sp.end.column) + 1;
        Span::new(s, e.min(self.text.len())).clamp_to(self.text)
    }

    /// The reader-visible text of an inline container, with links found in it.
    fn inline_text<'a>(&self, node: &'a AstNode<'a>) -> (PlainText, Vec<Reference>) {
        let mut plain = PlainText::default();
        let mut links = Vec::new();
        let mut skip = 0usize;
        // comrak's columns can be off after a tab that a container marker
        // half consumed (`>\tT`); every span is kept inside the block, and a
        // text whose span does not hold it is looked for after the last one.
        let block = self.span_of(node);
        let inside = |s: Span| {
            let start = s.start().clamp(block.start(), block.end());
            Span::new(start, s.end().clamp(start, block.end()))
        };
        let mut last_end = block.start();
        for edge in node.traverse() {
            match edge {
                NodeEdge::Start(n) => {
                    // Borrowed, not cloned: a clone copied every text.
                    let data = n.data();
                    match &data.value {
                        NodeValue::Image(_)
                        | NodeValue::FootnoteReference(_)
                        | NodeValue::HtmlInline(_) => {
                            skip += 1;
                        }
                        _ if skip > 0 => {}
                        NodeValue::Text(t) => {
                            let sp = inside(self.span_of(n));
                            let after = self.text.get(last_end..block.end()).unwrap_or("");
                            if sp.slice(self.text) == t.as_ref() {
                                plain.push_exact(t, sp.start());
                            } else if let Some(pos) = sp.slice(self.text).find(t.as_ref()) {
                                plain.push_exact(t, sp.start() + pos);
                            } else if let Some(pos) = after.find(t.as_ref()) {
                                plain.push_exact(t, last_end + pos);
                                last_end += pos + t.len();
                                continue;
                            } else {
                                plain.push_mapped(t, sp);
                            }
                            last_end = sp.end();
                        }
                        NodeValue::Code(c) => {
                            let sp = inside(self.span_of(n));
                            match sp.slice(self.text).find(c.literal.as_str()) {
                                Some(pos) => plain.push_exact(&c.literal, sp.start() + pos),
                                None => plain.push_mapped(&c.literal, sp),
                            }
                            last_end = sp.end();
                        }
                        NodeValue::SoftBreak | NodeValue::LineBreak => {
                            plain.push_mapped(" ", Span::new(last_end, last_end));
                        }
                        NodeValue::WikiLink(w) => {
                            links.push(Reference::new(
                                collapse_ws(&w.url),
                                inside(self.span_of(n)),
                                ReferenceKind::Wikilink,
                            ));
                        }
                        NodeValue::Link(l) => {
                            if let Some(target) = md_link_target(&l.url) {
                                links.push(Reference::new(
                                    target,
                                    inside(self.span_of(n)),
                                    ReferenceKind::Link,
                                ));
                            }
                        }
                        _ => {}
                    }
                }
                NodeEdge::End(n) => {
                    if matches!(
                        n.data().value,
                        NodeValue::Image(_)
                            | NodeValue::FootnoteReference(_)
                            | NodeValue::HtmlInline(_)
                    ) {
                        skip = skip.saturating_sub(1);
                    }
                }
            }
        }
        (plain, links)
    }
}

/// `Book_of_Optics.md`, `./a/Book%20of%20Optics.md#History` → `Book of Optics`.
fn md_link_target(url: &str) -> Option<String> {
    if url.contains("://") || url.starts_with("mailto:") {
        return None;
    }
    let path = url.split(['#', '?']).next().unwrap_or("");
    let lower = path.to_ascii_lowercase();
    let stem_end = if lower.ends_with(".md") {
        path.len() - 3
    } else if lower.ends_with(".markdown") {
        path.len() - 9
    } else {
        return None;
    };
    let file = path[..stem_end].rsplit('/').next().unwrap_or("");
    let decoded = percent_decode(file).replace('_', " ");
    let t = collapse_ws(&decoded);
    (!t.is_empty()).then_some(t)
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
            if let Some(b) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// What the walk of comrak's tree keeps of a node, to be built into the model
/// once the tree is gone. Boxed: the list of them is held until the last is
/// built, and each is freed as it is.
enum Found {
    /// A heading (the title is taken out on the walk).
    Heading(Box<Heading>),
    /// A paragraph's plain text and links, its whole span and a list marker.
    Paragraph(Box<(PlainText, Vec<Reference>, Span, Option<String>)>),
}

/// Parse Markdown.
///
/// Two passes: the walk of comrak's tree keeps each heading and each
/// paragraph's plain text, the tree is dropped, and the blocks are built from
/// what was kept. The tree (about three times the file, with comrak's copies
/// of the texts) was alive while the model was built, and both together were
/// the peak of a large file.
#[must_use]
pub fn parse(src: &SourceFile, opts: &ParseOptions<'_>) -> Article {
    let (title, found) = walk(src);

    let mut lead: Vec<Block> = Vec::new();
    // Open sections, outermost first.
    let mut open: Vec<Section> = Vec::new();
    let mut done: Vec<Section> = Vec::new();
    for f in found {
        match f {
            Found::Heading(heading) => {
                let heading = *heading;
                close_to(&mut open, &mut done, heading.level);
                open.push(Section {
                    kind: section_kind(&heading.text),
                    span: heading.span,
                    heading,
                    blocks: Vec::new(),
                    subsections: Vec::new(),
                    non_prose: Vec::new(),
                    facts: SectionFacts::default(),
                });
            }
            Found::Paragraph(p) => {
                let (plain, links, whole, marker) = *p;
                let in_see_also = open.last().is_some_and(|s| s.kind == SectionKind::SeeAlso);
                let block = build_block(
                    &plain,
                    whole,
                    marker,
                    BlockCtx {
                        in_see_also,
                        entry: false,
                        titles: opts.titles,
                        source: Some(&src.text),
                        label: None,
                        colon_introduces: false,
                    },
                    links,
                );
                push_block(&mut open, &mut lead, block);
            }
        }
    }
    close_to(&mut open, &mut done, 0);

    super::article(src, title, lead, done)
}

/// Walk comrak's tree: the title, and the headings and paragraphs in order.
fn walk(src: &SourceFile) -> (Option<Title>, Vec<Found>) {
    let text: &str = &src.text;
    let arena = Arena::new();
    let root = parse_document(&arena, text, &options());
    let cx = Cx {
        text,
        lines: &src.lines,
    };

    let mut title: Option<Title> = None;
    let mut found: Vec<Found> = Vec::new();
    let mut seen_heading = false;

    // Explicit stack of (node, list marker for an item's first paragraph).
    let mut stack: Vec<(&AstNode<'_>, Option<String>)> =
        root.children().map(|c| (c, None)).collect();
    stack.reverse();
    while let Some((node, marker)) = stack.pop() {
        let data = node.data();
        match &data.value {
            NodeValue::Heading(h) => {
                let span = cx.span_of(node);
                let (plain, _) = cx.inline_text(node);
                let (keep, found_spans) = strip_chrome(&plain.text);
                let lead_ws = plain.text.len() - plain.text.trim_start().len();
                let text_span = plain.span(lead_ws, keep.max(lead_ws));
                let artifacts = found_spans
                    .iter()
                    .map(|&(s, e)| {
                        let sp = plain.span(s, e);
                        artifacts_at(text, 0, &[(sp.start(), sp.end())]).remove(0)
                    })
                    .collect();
                let htext = collapse_ws(&plain.text[..keep]);
                if h.level == 1 && !seen_heading && title.is_none() {
                    title = Some(Title {
                        text: htext,
                        span,
                        text_span,
                        artifacts,
                    });
                    seen_heading = true;
                    continue;
                }
                seen_heading = true;
                found.push(Found::Heading(Box::new(Heading {
                    text: htext,
                    level: h.level,
                    span,
                    text_span,
                    artifacts,
                })));
            }
            NodeValue::Paragraph => {
                let span = cx.span_of(node);
                let (plain, links) = cx.inline_text(node);
                if plain.text.trim().is_empty() && links.is_empty() {
                    continue;
                }
                let whole = match (&marker, node.parent()) {
                    (Some(_), Some(item)) => cx.span_of(item),
                    _ => span,
                };
                found.push(Found::Paragraph(Box::new((plain, links, whole, marker))));
            }
            NodeValue::List(_) | NodeValue::BlockQuote | NodeValue::MultilineBlockQuote(_) => {
                let mut kids: Vec<_> = node.children().map(|c| (c, None)).collect();
                kids.reverse();
                stack.extend(kids);
            }
            NodeValue::Item(l) => {
                let m = match l.list_type {
                    ListType::Bullet => (l.bullet_char as char).to_string(),
                    ListType::Ordered => format!("{}.", l.start),
                };
                let mut kids: Vec<_> = node.children().map(|c| (c, None)).collect();
                if let Some(first) = kids.first_mut()
                    && matches!(first.0.data().value, NodeValue::Paragraph)
                {
                    first.1 = Some(m);
                }
                kids.reverse();
                stack.extend(kids);
            }
            _ => {}
        }
    }
    (title, found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Format;

    fn parse_str(s: &str) -> Article {
        parse(
            &SourceFile::new("t.md", s, Format::Markdown),
            &ParseOptions::default(),
        )
    }

    #[test]
    fn title_sections_items() {
        let s = "# T\n\nLead *one*.\n\n## A\n\n- **Label**: body. See X and [[Y|why]].\n\n### B\n\nText.\n\n## C\n\nMore.\n";
        let a = parse_str(s);
        assert_eq!(a.title.as_ref().unwrap().text, "T");
        assert_eq!(a.lead.len(), 1);
        assert_eq!(a.sections.len(), 2);
        assert_eq!(a.sections[0].subsections.len(), 1);
        let Block::Item(i) = &a.sections[0].blocks[0] else {
            panic!()
        };
        assert_eq!(i.label.as_deref(), Some("Label"));
        assert_eq!(i.label_span.unwrap().slice(s), "Label");
        let targets: Vec<_> = i.refs.iter().map(|r| r.target()).collect();
        assert_eq!(targets, ["X", "Y"]);
        assert_eq!(i.refs[0].span.slice(s), "X");
    }

    #[test]
    fn md_links_are_references() {
        assert_eq!(
            md_link_target("Book_of_Optics.md").as_deref(),
            Some("Book of Optics")
        );
        assert_eq!(
            md_link_target("./x/Book%20of.md#h").as_deref(),
            Some("Book of")
        );
        assert_eq!(md_link_target("https://e.org/a.md"), None);
        assert_eq!(md_link_target("a.html"), None);
    }

    #[test]
    fn deep_nesting_does_not_recurse() {
        let s = format!("# T\n\n{}deep\n", "> ".repeat(5000));
        let a = parse_str(&s);
        assert_eq!(a.lead.len(), 1);
    }

    #[test]
    fn sentence_spans_point_into_source() {
        let s = "# T\n\nFirst *bold* one. Second\nline here.\n";
        let a = parse_str(s);
        let sents = a.lead[0].sentences();
        assert_eq!(sents[0].span.slice(s), "First *bold* one.");
        assert_eq!(sents[1].span.slice(s), "Second\nline here.");
    }
}
