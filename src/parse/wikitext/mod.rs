//! The wikitext front end: MediaWiki markup into the shared model.
//!
//! The title is the page's: from the file name (`Bodmin.wiki` is `Bodmin`,
//! `_` read as a space), `--stdin-filename`, or the page title in a dump. One
//! linear scan (`scan`) finds templates, links, tags, comments and tables;
//! then the lines outside them are read as MediaWiki reads them:
//! `== Heading ==` to `====== Heading ======` open sections nested by level,
//! `*`, `#`, `:` and `;term: definition` lines are items, other lines run
//! together into paragraphs until a blank line. `inline` gives each block
//! the text a reader sees (bold and italic quotes removed, link labels kept)
//! with its map back to the source, the links to articles (`[[Target|label]]`)
//! and the hatnotes (`{{Main|X}}`, `{{See also|X|Y}}`, `{{Further|X}}`,
//! `{{Details|X}}`), and hands it to the shared block builder. Templates,
//! tables, `<ref>`s, comments, `<math>`, `<gallery>` and images are not prose:
//! they make no sentences, and a line of nothing else is recorded as the
//! section's non-prose content. Wiki chrome (S002) has no place in wikitext.

mod inline;
mod scan;

use crate::model::{
    Article, Block, Heading, Reference, ReferenceKind, Section, SectionFacts, SectionKind, Title,
};
use crate::parse::{BlockCtx, ParseOptions, build_block, close_to, push_block, section_kind};
use crate::source::{SourceFile, WIKITEXT_EXTENSIONS};
use crate::span::Span;
use crate::text::{PlainText, collapse_ws};
use inline::{Shown, Walker};
use scan::{Kind, Scan};

/// The title of a wikitext source: the dump page's title, or the file name
/// without its extension, `_` read as a space (`-` for stdin has none).
#[must_use]
pub fn title_of(src: &SourceFile) -> Option<String> {
    if let Some(p) = &src.page {
        let t = collapse_ws(&p.replace('_', " "));
        return (!t.is_empty()).then_some(t);
    }
    let name = src.path.rsplit(['/', '\\']).next().unwrap_or("");
    let lower = name.to_ascii_lowercase();
    let stem = WIKITEXT_EXTENSIONS
        .iter()
        .find_map(|e| {
            lower
                .strip_suffix(e)
                .filter(|s| s.ends_with('.'))
                .map(|s| &name[..s.len() - 1])
        })
        .unwrap_or_else(|| name.rsplit_once('.').map_or(name, |(s, _)| s));
    let t = collapse_ws(&stem.replace('_', " "));
    (!t.is_empty() && name != "-").then_some(t)
}

/// Whether the page is a redirect: its text starts with `#REDIRECT`.
#[must_use]
pub fn is_redirect(text: &str) -> bool {
    let t = text.trim_start_matches('\u{feff}').trim_start();
    t.get(..9)
        .is_some_and(|h| h.eq_ignore_ascii_case("#redirect"))
}

/// A paragraph being gathered, line by line.
struct Para {
    start: usize,
    end: usize,
    plain: PlainText,
    refs: Vec<Reference>,
}

struct Builder<'a, 'o> {
    text: &'a str,
    walker: Walker<'a>,
    opts: &'a ParseOptions<'o>,
    lead: Vec<Block>,
    open: Vec<Section>,
    done: Vec<Section>,
    para: Option<Para>,
    /// Cursor into the scan's top-level constructs.
    top: usize,
}

impl Builder<'_, '_> {
    fn scan(&self) -> &Scan {
        self.walker.scan
    }

    fn in_see_also(&self) -> bool {
        self.open
            .last()
            .is_some_and(|s| s.kind == SectionKind::SeeAlso)
    }

    fn ctx(&self, label: Option<(usize, usize)>) -> BlockCtx<'_> {
        BlockCtx {
            in_see_also: self.in_see_also(),
            entry: false,
            titles: self.opts.titles,
            source: None,
            label,
            colon_introduces: true,
        }
    }

    /// The end of the logical line starting at `ls`: the first line end that is
    /// not inside a construct.
    fn line_end(&mut self, ls: usize) -> usize {
        let b = self.text.as_bytes();
        let scan = self.walker.scan;
        let mut p = ls;
        loop {
            let nl = b[p..]
                .iter()
                .position(|&c| c == b'\n' || c == b'\r')
                .map_or(b.len(), |q| p + q);
            while self.top < scan.top.len() && scan.nodes[scan.top[self.top]].end <= nl {
                self.top += 1;
            }
            match scan.top.get(self.top).map(|&i| scan.nodes[i]) {
                Some(nd) if nd.start < nl && nd.end > nl => p = nd.end,
                _ => return nl,
            }
        }
    }

    /// The top-level construct starting exactly at `pos`.
    fn top_at(&self, pos: usize) -> Option<scan::Node> {
        let scan = self.scan();
        let i = scan.top.partition_point(|&i| scan.nodes[i].start < pos);
        scan.top
            .get(i)
            .map(|&i| scan.nodes[i])
            .filter(|n| n.start == pos)
    }

    /// `end` moved back over white space and comments.
    fn trim_end(&self, start: usize, mut end: usize) -> usize {
        let b = self.text.as_bytes();
        loop {
            while end > start && b[end - 1].is_ascii_whitespace() {
                end -= 1;
            }
            let scan = self.scan();
            let i = scan.top.partition_point(|&i| scan.nodes[i].end < end);
            match scan.top.get(i).map(|&i| scan.nodes[i]) {
                Some(n) if n.end == end && n.kind == Kind::Comment && n.start >= start => {
                    end = n.start;
                }
                _ => return end,
            }
        }
    }

    fn flush(&mut self) {
        if let Some(p) = self.para.take() {
            let whole = Span::new(p.start, p.end);
            let block = build_block(&p.plain, whole, None, self.ctx(None), p.refs);
            self.push(block);
        }
    }

    fn push(&mut self, mut block: Block) {
        // `See also [[:Category:X]]` is written like a `See` list, but names
        // a page of another namespace, not an article.
        block.retain_refs(|r| {
            !matches!(r.kind, ReferenceKind::See | ReferenceKind::SeeAlso)
                || !inline::names_another_namespace(r.target())
        });
        push_block(&mut self.open, &mut self.lead, block);
    }

    /// Content a reader sees that is not prose.
    fn non_prose(&mut self, span: Span) {
        if let Some(s) = self.open.last_mut() {
            s.span = s.span.cover(span);
            s.non_prose.push(span);
        }
    }

    /// In a "See also" section, links that start their line are its entries.
    fn entries(&self, shown: &mut Shown) {
        if !self.in_see_also() {
            return;
        }
        for (r, at) in shown.refs.iter_mut().zip(&shown.ref_at) {
            if r.kind == ReferenceKind::Link && shown.plain.text[..*at].trim().is_empty() {
                r.kind = ReferenceKind::SeeAlso;
            }
        }
    }

    /// A line with nothing to read: its hatnotes (and links) still count.
    fn bare_line(&mut self, ls: usize, le: usize, shown: Shown) {
        self.flush();
        let end = self.trim_end(ls, le);
        if shown.non_prose {
            self.non_prose(Span::new(ls, end));
        }
        if !shown.refs.is_empty() {
            let block = build_block(
                &shown.plain,
                Span::new(ls, end),
                None,
                self.ctx(None),
                shown.refs,
            );
            self.push(block);
        }
    }

    fn heading(&mut self, ls: usize, le: usize) -> bool {
        let b = self.text.as_bytes();
        let end = self.trim_end(ls, le);
        let lead = b[ls..end].iter().take_while(|&&c| c == b'=').count();
        let trail = b[ls..end].iter().rev().take_while(|&&c| c == b'=').count();
        let level = lead.min(trail).min(6);
        if level == 0 || end - ls <= 2 * level {
            return false;
        }
        let (a, z) = (ls + level, end - level);
        let shown = self.walker.show(a, z, false);
        let htext = collapse_ws(&shown.plain.text);
        if htext.is_empty() {
            return false;
        }
        self.flush();
        let t = &shown.plain.text;
        let lead_ws = t.len() - t.trim_start().len();
        let text_span = shown.plain.span(lead_ws, t.trim_end().len());
        let level = u8::try_from(level).unwrap_or(6);
        close_to(&mut self.open, &mut self.done, level);
        let span = Span::new(ls, end);
        self.open.push(Section {
            kind: section_kind(&htext),
            heading: Heading {
                text: htext,
                level,
                span,
                text_span,
                artifacts: Vec::new(),
            },
            span,
            blocks: Vec::new(),
            subsections: Vec::new(),
            non_prose: Vec::new(),
            facts: SectionFacts::default(),
        });
        true
    }

    /// A list line; returns where the next line starts (a `;term` line takes
    /// the `:definition` line after it).
    fn item(&mut self, ls: usize, p: usize, le: usize, next: usize) -> usize {
        self.flush();
        let b = self.text.as_bytes();
        let q = p + b[p..le]
            .iter()
            .take_while(|c| matches!(c, b'*' | b'#' | b':' | b';'))
            .count();
        let marker = &self.text[p..q];
        if marker.ends_with(';') {
            return self.definition(ls, q, le, next);
        }
        let mut shown = self.walker.show(q, le, true);
        let end = self.trim_end(ls, le);
        if shown.plain.text.trim().is_empty() {
            self.bare_line(ls, le, shown);
            return next;
        }
        self.entries(&mut shown);
        let block = build_block(
            &shown.plain,
            Span::new(ls, end),
            Some(marker.to_string()),
            self.ctx(None),
            shown.refs,
        );
        self.push(block);
        next
    }

    /// `;term: definition`, or `;term` followed by a `:definition` line.
    fn definition(&mut self, ls: usize, q: usize, le: usize, next: usize) -> usize {
        let b = self.text.as_bytes();
        let (term_end, body, end, after) = match self.walker.definition_colon(q, le) {
            Some(c) => (c, Some((c + 1, le, c)), le, next),
            None if b.get(next) == Some(&b':') => {
                let nle = self.line_end(next);
                let mut nnext = nle + 1;
                if b.get(nle) == Some(&b'\r') && b.get(nle + 1) == Some(&b'\n') {
                    nnext += 1;
                }
                (le, Some((next + 1, nle, le)), nle, nnext)
            }
            None => (le, None, le, next),
        };
        let term = self.walker.show(q, term_end, true);
        if body.is_none() {
            // `;Notes` alone is a pseudo-heading (MOS:PSEUDOHEAD), not a
            // term without its definition: an item with no label.
            let end = self.trim_end(ls, end);
            let block = build_block(
                &term.plain,
                Span::new(ls, end),
                Some(";".to_string()),
                self.ctx(None),
                term.refs,
            );
            self.push(block);
            return after;
        }
        let mut plain = term.plain;
        let mut refs = term.refs;
        let label_end = plain.text.trim_end().len();
        plain.push_mapped(": ", Span::new(term_end, term_end));
        let mut body_start = plain.text.len();
        if let Some((a, z, _)) = body {
            let shown = self.walker.show(a, z, true);
            body_start += shown.plain.text.len() - shown.plain.text.trim_start().len();
            plain.append(shown.plain);
            refs.extend(shown.refs);
        }
        let body_start = body_start.min(plain.text.len());
        let end = self.trim_end(ls, end);
        let block = build_block(
            &plain,
            Span::new(ls, end),
            Some(";".to_string()),
            self.ctx(Some((label_end, body_start))),
            refs,
        );
        self.push(block);
        after
    }

    /// `#REDIRECT [[Target]]`: the target is the page's one reference.
    fn redirect(&mut self, ls: usize, le: usize) {
        let shown = self.walker.show(ls, le, true);
        let mut refs = shown.refs;
        refs.truncate(1);
        self.flush();
        let end = self.trim_end(ls, le);
        let block = build_block(
            &PlainText::from_source("", ls),
            Span::new(ls, end),
            None,
            self.ctx(None),
            refs,
        );
        self.push(block);
    }

    /// A line that starts with a space is preformatted text, not prose; one of
    /// templates alone is a block-level template indented by mistake.
    fn preformatted(&mut self, ls: usize, le: usize) {
        let shown = self.walker.show(ls, le, true);
        if shown.plain.text.trim().is_empty() {
            self.bare_line(ls, le, shown);
        } else {
            self.flush();
            let end = self.trim_end(ls, le);
            self.non_prose(Span::new(ls, end));
        }
    }

    fn paragraph_line(&mut self, ls: usize, le: usize) {
        let mut shown = self.walker.show(ls, le, true);
        if shown.plain.text.trim().is_empty() {
            self.bare_line(ls, le, shown);
            return;
        }
        self.entries(&mut shown);
        let end = self.trim_end(ls, le);
        match &mut self.para {
            Some(p) => {
                p.plain.push_mapped(" ", Span::new(p.end, p.end));
                p.plain.append(shown.plain);
                p.refs.extend(shown.refs);
                p.end = end;
            }
            None => {
                self.para = Some(Para {
                    start: ls,
                    end,
                    plain: shown.plain,
                    refs: shown.refs,
                });
            }
        }
    }
}

/// Parse wikitext.
#[must_use]
pub fn parse(src: &SourceFile, opts: &ParseOptions<'_>) -> Article {
    let text: &str = &src.text;
    let from = src.bom_len();
    let scan = scan::scan(text, from);
    let title = title_of(src).map(|t| Title {
        text: t,
        span: Span::new(from, from),
        text_span: Span::new(from, from),
        artifacts: Vec::new(),
    });
    let mut bld = Builder {
        text,
        walker: Walker { text, scan: &scan },
        opts,
        lead: Vec::new(),
        open: Vec::new(),
        done: Vec::new(),
        para: None,
        top: 0,
    };
    let b = text.as_bytes();
    // A redirect's first line is its link, not prose.
    let mut redirect = is_redirect(text);
    let mut ls = from;
    while ls < b.len() {
        let le = bld.line_end(ls);
        let mut next = le + 1;
        if b.get(le) == Some(&b'\r') && b.get(le + 1) == Some(&b'\n') {
            next += 1;
        }
        // Comments before the line's first character do not count.
        let mut p = ls;
        while let Some(n) = bld.top_at(p).filter(|n| n.kind == Kind::Comment) {
            p = n.end;
        }
        let line = &text[p.min(le)..le];
        if line.trim().is_empty() {
            bld.flush();
        } else if bld.top_at(ls).is_some_and(|n| n.kind == Kind::Table) {
            // A table, perhaps indented (`:{|`).
            let shown = bld.walker.show(ls, le, true);
            bld.bare_line(ls, le, shown);
        } else if redirect {
            redirect = false;
            bld.redirect(ls, le);
        } else if line.starts_with(['*', '#', ':', ';']) {
            next = bld.item(ls, p, le, next);
        } else if line.starts_with("----") {
            bld.flush();
        } else if line.starts_with("|-") || line.starts_with("|}") || line.starts_with("|+") {
            // Table rows of a table that templates open and close
            // (`{{s-start}}` ... `{{s-end}}`).
            let shown = bld.walker.show(ls, le, true);
            bld.bare_line(ls, le, shown);
        } else if line.starts_with(' ') {
            bld.preformatted(ls, le);
        } else if !(line.starts_with('=') && bld.heading(ls, le)) {
            bld.paragraph_line(ls, le);
        }
        ls = next;
    }
    bld.flush();
    close_to(&mut bld.open, &mut bld.done, 0);
    super::article(src, title, bld.lead, bld.done)
}

#[cfg(test)]
mod tests;
