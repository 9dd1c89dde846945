//! What a stretch of wikitext shows a reader: its text as a [`PlainText`]
//! (bold and italic quotes removed, entities decoded, link labels kept,
//! templates, tags, tables and comments left out) and the references written
//! in it (links and hatnote templates).

use super::scan::{Kind, Node, Scan};
use crate::model::{Reference, ReferenceKind};
use crate::span::Span;
use crate::text::{PlainText, collapse_ws};

/// Namespaces and interwiki prefixes: a link to `Prefix:...` names no article.
const PREFIXES: &[&str] = &[
    "b",
    "book",
    "c",
    "category",
    "commons",
    "d",
    "draft",
    "education program",
    "f",
    "file",
    "foundation",
    "gadget",
    "help",
    "image",
    "m",
    "media",
    "mediawiki",
    "meta",
    "metawiki",
    "module",
    "mw",
    "n",
    "phab",
    "portal",
    "project",
    "q",
    "s",
    "special",
    "species",
    "talk",
    "template",
    "timedtext",
    "topic",
    "user",
    "v",
    "voy",
    "w",
    "wikibooks",
    "wikidata",
    "wikimedia",
    "wikinews",
    "wikipedia",
    "wikiquote",
    "wikisource",
    "wikispecies",
    "wikiversity",
    "wikivoyage",
    "wikt",
    "wiktionary",
    "wp",
];

/// Hatnote templates whose positional arguments name articles.
const HATNOTES: &[&str] = &["details", "further", "main", "main article", "see also"];

/// What a `[[...]]` is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum LinkTo {
    /// An article: its title (section and `_` removed), and where that title
    /// is written.
    Article(String, Span),
    /// Shown as a link, but to no article (another namespace, another wiki,
    /// a section of this page).
    Elsewhere,
    /// Not shown in the text: an image, a category, a link to another language.
    Hidden,
}

/// What a title's prefix says about it.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Prefix {
    /// A namespace or another wiki (lower case): `File`, `Category`, `wikt`.
    Namespace(String),
    /// A language code written without a space after the colon: `fr:`, `zh-yue:`.
    Language,
}

/// The namespace or interwiki prefix of a title, if it has one.
fn prefix_of(title: &str) -> Option<Prefix> {
    let colon = title.find(':')?;
    let p = collapse_ws(&title[..colon].replace('_', " ")).to_lowercase();
    let talk = p
        .strip_suffix(" talk")
        .is_some_and(|base| PREFIXES.contains(&base));
    if PREFIXES.contains(&p.as_str()) || talk {
        return Some(Prefix::Namespace(p));
    }
    let tight = !title[colon + 1..].starts_with(char::is_whitespace);
    let lang = !p.is_empty()
        && p.split('-').enumerate().all(|(i, part)| {
            let n = part.len();
            part.bytes().all(|c| c.is_ascii_lowercase())
                && if i == 0 {
                    (2..=3).contains(&n)
                } else {
                    (2..=8).contains(&n)
                }
        });
    (lang && tight).then_some(Prefix::Language)
}

/// Whether a title as written names a page of another namespace or wiki.
pub(crate) fn names_another_namespace(title: &str) -> bool {
    prefix_of(title.trim_start().trim_start_matches(':')).is_some()
}

/// Classify the target part of a link written at `target.0..target.1`.
pub(crate) fn link_to(text: &str, target: (usize, usize)) -> LinkTo {
    let raw = &text[target.0..target.1];
    let lead = raw.len() - raw.trim_start().len();
    let mut start = target.0 + lead;
    let mut t = raw.trim_start();
    let colon_first = t.starts_with(':');
    if colon_first {
        t = &t[1..];
        start += 1;
    }
    if let Some(p) = prefix_of(t) {
        let hidden = !colon_first
            && match p {
                Prefix::Namespace(n) => matches!(n.as_str(), "file" | "image" | "category"),
                Prefix::Language => true,
            };
        return if hidden {
            LinkTo::Hidden
        } else {
            LinkTo::Elsewhere
        };
    }
    let title = t.split('#').next().unwrap_or("");
    if title.trim().is_empty() || title.contains(['{', '}', '<', '>', '[', ']', '|']) {
        return LinkTo::Elsewhere;
    }
    let written = title.trim_end();
    let name = collapse_ws(&written.replace('_', " "));
    if name.is_empty() {
        return LinkTo::Elsewhere;
    }
    LinkTo::Article(name, Span::new(start, start + written.len()))
}

/// The name of a template, normalised: lower case, `_` as space, no
/// `Template:` prefix.
fn template_name(raw: &str) -> String {
    let n = collapse_ws(&raw.replace('_', " ")).to_lowercase();
    match n.strip_prefix("template:") {
        Some(rest) => rest.trim().to_string(),
        None => n,
    }
}

/// Decoded HTML entities; anything else stays as written.
fn entity(name: &str) -> Option<String> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        let c = char::from_u32(code).filter(|c| *c != '\0')?;
        return Some(if c.is_whitespace() || c.is_control() {
            " ".to_string()
        } else {
            c.to_string()
        });
    }
    let s = match name {
        "nbsp" | "ensp" | "emsp" | "thinsp" | "hairsp" => " ",
        "ndash" => "–",
        "mdash" => "—",
        "minus" => "−",
        "amp" => "&",
        "quot" => "\"",
        "apos" => "'",
        "lt" => "<",
        "gt" => ">",
        "hellip" => "…",
        "times" => "×",
        "deg" => "°",
        "lsquo" => "‘",
        "rsquo" => "’",
        "ldquo" => "“",
        "rdquo" => "”",
        "laquo" => "«",
        "raquo" => "»",
        "middot" => "·",
        "shy" | "zwj" | "zwnj" | "lrm" | "rlm" => "",
        _ => return None,
    };
    Some(s.to_string())
}

/// What a range shows a reader.
#[derive(Debug, Default)]
pub(crate) struct Shown {
    /// The text, with its map to the source.
    pub plain: PlainText,
    /// Links to articles and hatnote targets, in order.
    pub refs: Vec<Reference>,
    /// Where in `plain` each reference stands.
    pub ref_at: Vec<usize>,
    /// The range holds something a reader sees that is not prose: a
    /// template, table, image, gallery, reference list.
    pub non_prose: bool,
}

/// Reads ranges of one text through its scan.
pub(crate) struct Walker<'a> {
    pub text: &'a str,
    pub scan: &'a Scan,
}

impl Walker<'_> {
    /// The text of `start..end` a reader sees, with the references in it when
    /// `refs` is set.
    pub fn show(&self, start: usize, end: usize, refs: bool) -> Shown {
        let mut out = Shown::default();
        // An empty text still maps to where it stands.
        out.plain.push_exact("", start);
        let nodes = &self.scan.nodes;
        let mut k = self.scan.first_from(start);
        let mut pos = start;
        let mut range_end = end;
        // Ranges being shown inside a link or external link: (outer end, resume at).
        let mut frames: Vec<(usize, usize)> = Vec::new();
        loop {
            while k < nodes.len() && nodes[k].start < pos {
                k += 1;
            }
            if k < nodes.len() && nodes[k].start < range_end {
                let nd = nodes[k];
                k += 1;
                self.run(pos, nd.start, &mut out.plain);
                pos = nd.end;
                match nd.kind {
                    Kind::Link => {
                        let parts = self.scan.parts(&nd);
                        let target = parts.first().copied().unwrap_or((nd.start, nd.start));
                        let to = link_to(self.text, target);
                        if to == LinkTo::Hidden {
                            out.non_prose = true;
                            continue;
                        }
                        if let (LinkTo::Article(name, _), true, true) =
                            (&to, refs, frames.is_empty())
                        {
                            out.ref_at.push(out.plain.text.len());
                            out.refs.push(Reference::new(
                                name.as_str(),
                                Span::new(nd.start, nd.end),
                                ReferenceKind::Link,
                            ));
                        }
                        // The label is the last part; the target when there is none
                        // (or it is empty, the "pipe trick").
                        let shown = match parts {
                            [_, .., last] if !self.text[last.0..last.1].trim().is_empty() => *last,
                            _ => {
                                let (a, b) = target;
                                let t = &self.text[a..b];
                                let skip = t.len() - t.trim_start().trim_start_matches(':').len();
                                (a + skip, b)
                            }
                        };
                        frames.push((range_end, pos));
                        pos = shown.0;
                        range_end = shown.1;
                    }
                    Kind::ExtLink => {
                        let parts = self.scan.parts(&nd);
                        if let Some(&(a, b)) = parts.get(1)
                            && a < b
                        {
                            frames.push((range_end, pos));
                            pos = a;
                            range_end = b;
                        }
                    }
                    Kind::Nowiki => {
                        if let Some(&(a, b)) = self.scan.parts(&nd).first() {
                            self.literal(a, b, &mut out.plain);
                        }
                    }
                    Kind::Template => {
                        out.non_prose = true;
                        if refs && frames.is_empty() {
                            for r in self.hatnote(&nd) {
                                out.ref_at.push(out.plain.text.len());
                                out.refs.push(r);
                            }
                        }
                    }
                    Kind::Markup(breaks) => {
                        if breaks {
                            out.plain.push_mapped(" ", Span::new(nd.start, nd.start));
                        }
                    }
                    Kind::Comment => {}
                    Kind::Tag | Kind::Table => out.non_prose = true,
                }
                continue;
            }
            self.run(pos, range_end, &mut out.plain);
            match frames.pop() {
                Some((outer, resume)) => {
                    range_end = outer;
                    pos = resume;
                }
                None => break,
            }
        }
        out
    }

    /// Text as written, line ends as spaces (for `<nowiki>`).
    fn literal(&self, start: usize, end: usize, plain: &mut PlainText) {
        let b = self.text.as_bytes();
        let mut chunk = start;
        for (i, &c) in b.iter().enumerate().take(end).skip(start) {
            if c == b'\n' || c == b'\r' {
                plain.push_exact(&self.text[chunk..i], chunk);
                plain.push_mapped(" ", Span::new(i, i + 1));
                chunk = i + 1;
            }
        }
        plain.push_exact(&self.text[chunk..end], chunk);
    }

    /// Plain wikitext between constructs: `''`/`'''` dropped, entities
    /// decoded, line ends as spaces.
    fn run(&self, start: usize, end: usize, plain: &mut PlainText) {
        let b = self.text.as_bytes();
        let mut chunk = start;
        let mut i = start;
        let flush = |plain: &mut PlainText, from: usize, to: usize| {
            if from < to {
                plain.push_exact(&self.text[from..to], from);
            }
        };
        while i < end {
            match b[i] {
                b'\'' if i + 1 < end && b[i + 1] == b'\'' => {
                    let r = b[i..end].iter().take_while(|&&c| c == b'\'').count();
                    flush(plain, chunk, i);
                    // Four quotes are an apostrophe and bold; more than five
                    // are apostrophes and bold italic.
                    let literal = match r {
                        4 => 1,
                        r if r > 5 => r - 5,
                        _ => 0,
                    };
                    if literal > 0 {
                        plain.push_exact(&self.text[i..i + literal], i);
                    }
                    i += r;
                    chunk = i;
                }
                b'\n' | b'\r' => {
                    flush(plain, chunk, i);
                    plain.push_mapped(" ", Span::new(i, i + 1));
                    i += 1;
                    chunk = i;
                }
                b'&' => {
                    let name_len = b[i + 1..end]
                        .iter()
                        .take(10)
                        .take_while(|c| c.is_ascii_alphanumeric() || **c == b'#')
                        .count();
                    let semi = i + 1 + name_len;
                    let decoded = (name_len > 0 && b.get(semi) == Some(&b';') && semi < end)
                        .then(|| entity(&self.text[i + 1..semi]))
                        .flatten();
                    match decoded {
                        Some(d) => {
                            flush(plain, chunk, i);
                            plain.push_mapped(&d, Span::new(i, semi + 1));
                            i = semi + 1;
                            chunk = i;
                        }
                        None => i += 1,
                    }
                }
                _ => i += 1,
            }
        }
        flush(plain, chunk, end);
    }

    /// The targets of a hatnote template (`{{Main|A|B}}`, `{{See also|A}}`):
    /// its positional arguments; named ones (`l1=`) are labels and options.
    pub fn hatnote(&self, nd: &Node) -> Vec<Reference> {
        let parts = self.scan.parts(nd);
        let Some(&(ns, ne)) = parts.first() else {
            return Vec::new();
        };
        if !HATNOTES.contains(&template_name(&self.text[ns..ne]).as_str()) {
            return Vec::new();
        }
        let mut out = Vec::new();
        for &(a, b) in &parts[1..] {
            let mut arg = (a, b);
            let raw = &self.text[a..b];
            if let Some(eq) = raw.find('=') {
                // `1=Title` is positional; any other name is an option.
                if !raw[..eq].trim().chars().all(|c| c.is_ascii_digit())
                    || raw[..eq].trim().is_empty()
                {
                    continue;
                }
                arg = (a + eq + 1, b);
            }
            if let LinkTo::Article(name, span) = link_to(self.text, arg) {
                out.push(Reference::new(name, span, ReferenceKind::Hatnote));
            }
        }
        out
    }

    /// The first `:` of `start..end` outside every construct: where a
    /// `;term: definition` line's definition starts.
    pub fn definition_colon(&self, start: usize, end: usize) -> Option<usize> {
        let b = self.text.as_bytes();
        let nodes = &self.scan.nodes;
        let mut k = self.scan.first_from(start);
        let mut pos = start;
        loop {
            while k < nodes.len() && nodes[k].start < pos {
                k += 1;
            }
            let stop = if k < nodes.len() && nodes[k].start < end {
                nodes[k].start
            } else {
                end
            };
            if let Some(p) = b[pos..stop].iter().position(|&c| c == b':') {
                return Some(pos + p);
            }
            if stop == end {
                return None;
            }
            pos = nodes[k].end;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::scan::scan;
    use super::*;

    fn show(text: &str) -> Shown {
        let s = scan(text, 0);
        Walker { text, scan: &s }.show(0, text.len(), true)
    }

    #[test]
    fn markup_is_removed_and_spans_point_into_the_source() {
        let t = "'''Bodmin''' is a [[civil parishes in England|civil parish]] in [[Cornwall]].<ref>x</ref> It&nbsp;is {{convert|5|km}} ''old''.";
        let s = show(t);
        assert_eq!(
            collapse_ws(&s.plain.text),
            "Bodmin is a civil parish in Cornwall. It is old."
        );
        let targets: Vec<&str> = s.refs.iter().map(|r| r.target()).collect();
        assert_eq!(targets, ["civil parishes in England", "Cornwall"]);
        assert_eq!(s.refs[1].span.slice(t), "[[Cornwall]]");
        let at = s.plain.text.find("civil parish").unwrap();
        assert_eq!(s.plain.span(at, at + 12).slice(t), "civil parish");
        assert!(s.non_prose);
    }

    #[test]
    fn link_targets() {
        let at = |t: &str| link_to(t, (0, t.len()));
        assert_eq!(
            at("History of Bodmin#Early"),
            LinkTo::Article("History of Bodmin".into(), Span::new(0, 17))
        );
        assert_eq!(at("File:x.jpg"), LinkTo::Hidden);
        assert_eq!(at("Category:Towns"), LinkTo::Hidden);
        assert_eq!(at("fr:Bodmin"), LinkTo::Hidden);
        assert_eq!(at(":Category:Towns"), LinkTo::Elsewhere);
        assert_eq!(at("wikt:town"), LinkTo::Elsewhere);
        assert_eq!(at("#History"), LinkTo::Elsewhere);
        assert_eq!(
            at("Star Wars: Episode IV"),
            LinkTo::Article("Star Wars: Episode IV".into(), Span::new(0, 21))
        );
        assert_eq!(
            at(" New_York "),
            LinkTo::Article("New York".into(), Span::new(1, 9))
        );
    }

    #[test]
    fn hatnotes_name_their_positional_arguments() {
        let t = "{{Main|History of Bodmin|l1=History}} {{see_also|A|B#c}} {{Further|topic=x|1=C}} {{Infobox|A}}";
        let s = show(t);
        let targets: Vec<&str> = s.refs.iter().map(|r| r.target()).collect();
        assert_eq!(targets, ["History of Bodmin", "A", "B", "C"]);
        assert!(s.refs.iter().all(|r| r.kind == ReferenceKind::Hatnote));
        assert_eq!(s.refs[2].span.slice(t), "B");
        assert!(s.plain.text.trim().is_empty());
    }

    #[test]
    fn quotes_and_entities() {
        let s = show("''''a'''''' b&amp;c &unknown; &#65;");
        assert_eq!(s.plain.text, "'a' b&c &unknown; A");
    }
}
