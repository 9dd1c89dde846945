//! One forward pass over wikitext that finds its constructs as byte ranges.
//!
//! Templates (`{{ }}`, `{{{ }}}`), links (`[[ ]]`) and external links
//! (`[url label]`) are matched on one explicit stack, as MediaWiki's
//! preprocessor matches them: a closer only closes the construct on top of the
//! stack, otherwise it is text; a run of braces is matched three (a parameter)
//! or two (a template) at a time. A link or external link still open at the end
//! of its line turns back into text (links never span lines); anything still
//! open at the end of the text turns back into text, keeping the constructs
//! closed inside it. Comments, extension tags with opaque content (`<ref>`,
//! `<math>`, `<gallery>`, `<pre>`, ...), `<nowiki>` and HTML tags are taken
//! whole where they start; a search for a closing tag that failed is
//! remembered, so unclosed tags cost one scan in all. Tables (`{|` at the start
//! of a line to `|}` at the start of a line) are found by a line pass over what
//! the first pass left at the top level.
//!
//! Nothing recurses over the input's nesting and every byte is looked at a
//! bounded number of times: the scan is linear in the length of the text.

/// What a construct is, as far as prose goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// `<!-- ... -->` (to the end of the text when unclosed).
    Comment,
    /// An extension tag with its opaque content: `<ref>...</ref>`, `<ref/>`,
    /// `<math>`, `<gallery>`, `<pre>`, `<syntaxhighlight>`, ...
    Tag,
    /// An HTML tag alone (`<span>`, `</small>`) or a behaviour switch
    /// (`__NOTOC__`): invisible markup; `true` when it breaks a line (`<br>`).
    Markup(bool),
    /// `{{...}}` or `{{{...}}}`.
    Template,
    /// `[[target|label]]`.
    Link,
    /// `[url label]`.
    ExtLink,
    /// `<nowiki>text</nowiki>`: the text is shown as written.
    Nowiki,
    /// `{| ... |}`.
    Table,
}

/// One construct: its kind, its bytes, and its parts.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Node {
    /// What it is.
    pub kind: Kind,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Its parts in [`Scan::parts`]: for a template or link, the text between
    /// the opener and the closer split at its own `|`s (name first); for an
    /// external link the URL and the label; for `<nowiki>` the content.
    parts: (u32, u32),
}

/// Every construct of a text.
#[derive(Debug, Default)]
pub(crate) struct Scan {
    /// All constructs, by start (an enclosing construct before what it holds).
    pub nodes: Vec<Node>,
    /// Indices into `nodes` of the constructs no other construct holds.
    pub top: Vec<usize>,
    parts: Vec<(usize, usize)>,
}

impl Scan {
    /// The parts of `node` (see [`Node`]).
    pub fn parts(&self, node: &Node) -> &[(usize, usize)] {
        let (a, n) = node.parts;
        &self.parts[a as usize..(a + n) as usize]
    }

    /// Index of the first node starting at or after `pos`.
    pub fn first_from(&self, pos: usize) -> usize {
        self.nodes.partition_point(|n| n.start < pos)
    }
}

/// Extension tags whose content is not wikitext and not prose.
const OPAQUE_TAGS: &[&str] = &[
    "categorytree",
    "ce",
    "charinsert",
    "chem",
    "code",
    "gallery",
    "graph",
    "hiero",
    "imagemap",
    "includeonly",
    "indicator",
    "inputbox",
    "mapframe",
    "maplink",
    "math",
    "pre",
    "ref",
    "references",
    "score",
    "section",
    "source",
    "syntaxhighlight",
    "templatedata",
    "templatestyles",
    "timeline",
];

/// HTML tags MediaWiki allows: the tag is markup, what it holds is text.
const HTML_TAGS: &[&str] = &[
    "abbr",
    "b",
    "bdi",
    "bdo",
    "big",
    "blockquote",
    "br",
    "caption",
    "center",
    "cite",
    "data",
    "dd",
    "del",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "font",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "ins",
    "kbd",
    "li",
    "mark",
    "noinclude",
    "ol",
    "onlyinclude",
    "p",
    "poem",
    "q",
    "rb",
    "rp",
    "rt",
    "rtc",
    "ruby",
    "s",
    "samp",
    "small",
    "span",
    "strike",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "tt",
    "u",
    "ul",
    "var",
    "wbr",
];

/// HTML tags that end a line or a block where they stand.
const BREAKING_TAGS: &[&str] = &[
    "blockquote",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "li",
    "ol",
    "p",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

/// URL schemes of external links (`[scheme... label]`), lower case.
const SCHEMES: &[&str] = &[
    "//",
    "ftp://",
    "ftps://",
    "git://",
    "gopher://",
    "http://",
    "https://",
    "irc://",
    "ircs://",
    "mailto:",
    "mms://",
    "news:",
    "nntp://",
    "sftp://",
    "sip:",
    "sips:",
    "sms:",
    "ssh://",
    "svn://",
    "tel:",
    "telnet://",
    "urn:",
    "worldwind://",
    "xmpp:",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    Brace,
    Link,
    Ext,
}

/// A construct opened and not yet closed.
#[derive(Debug)]
struct Element {
    open: Open,
    /// Where its run of opening characters starts.
    start: usize,
    /// How many opening characters are left to match.
    count: usize,
    /// Its own `|`s.
    pipes: Vec<usize>,
}

/// Where a closing tag was last looked for, and what was found.
#[derive(Debug, Default, Clone, Copy)]
struct Memo {
    from: usize,
    found: Option<(usize, usize)>,
    valid: bool,
}

struct Scanner<'a> {
    b: &'a [u8],
    nodes: Vec<Node>,
    parts: Vec<(usize, usize)>,
    stack: Vec<Element>,
    /// Closing-tag searches, by tag name.
    memos: Vec<(&'static str, Memo)>,
    /// No `-->` at or after this offset.
    no_comment_end_from: usize,
}

/// Scan `text` from `from` (past a BOM).
pub(crate) fn scan(text: &str, from: usize) -> Scan {
    let mut s = Scanner {
        b: text.as_bytes(),
        nodes: Vec::new(),
        parts: Vec::new(),
        stack: Vec::new(),
        memos: Vec::new(),
        no_comment_end_from: usize::MAX,
    };
    s.run(from);
    let Scanner {
        mut nodes, parts, ..
    } = s;
    sort(&mut nodes);
    let top = top_level(&nodes);
    let tables = tables(text.as_bytes(), from, &nodes, &top, parts.len());
    if !tables.is_empty() {
        nodes.extend(tables);
        sort(&mut nodes);
    }
    let top = top_level(&nodes);
    Scan { nodes, top, parts }
}

fn sort(nodes: &mut [Node]) {
    nodes.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
}

fn top_level(nodes: &[Node]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut end = 0;
    for (i, n) in nodes.iter().enumerate() {
        if n.start >= end {
            out.push(i);
            end = n.end;
        }
    }
    out
}

fn is_special(c: u8) -> bool {
    matches!(
        c,
        b'<' | b'{' | b'}' | b'[' | b']' | b'|' | b'\n' | b'\r' | b'_'
    )
}

impl Scanner<'_> {
    fn push_node(&mut self, kind: Kind, start: usize, end: usize, parts: &[(usize, usize)]) {
        let a = u32::try_from(self.parts.len()).unwrap_or(u32::MAX);
        self.parts.extend_from_slice(parts);
        let n = u32::try_from(parts.len()).unwrap_or(0);
        self.nodes.push(Node {
            kind,
            start,
            end,
            parts: (a, n),
        });
    }

    fn run_of(&self, i: usize, c: u8) -> usize {
        self.b[i..].iter().take_while(|&&x| x == c).count()
    }

    fn run(&mut self, from: usize) {
        let b = self.b;
        let n = b.len();
        let mut i = from;
        let mut line_start = from;
        let mut para_start = from;
        while i < n {
            if !is_special(b[i]) {
                i += 1;
                continue;
            }
            match b[i] {
                b'<' => i = self.tag(i),
                b'{' => {
                    let run = self.run_of(i, b'{');
                    if run >= 2 {
                        self.stack.push(Element {
                            open: Open::Brace,
                            start: i,
                            count: run,
                            pipes: Vec::new(),
                        });
                    }
                    i += run;
                }
                b'}' => i = self.close_braces(i),
                b'[' => {
                    let run = self.run_of(i, b'[');
                    if run >= 2 {
                        self.stack.push(Element {
                            open: Open::Link,
                            start: i,
                            count: run,
                            pipes: Vec::new(),
                        });
                        i += run;
                    } else {
                        if self.is_url(i + 1) {
                            self.stack.push(Element {
                                open: Open::Ext,
                                start: i,
                                count: 1,
                                pipes: Vec::new(),
                            });
                        }
                        i += 1;
                    }
                }
                b']' => i = self.close_brackets(i),
                b'|' => {
                    if let Some(top) = self.stack.last_mut() {
                        top.pipes.push(i);
                    }
                    i += 1;
                }
                b'\n' | b'\r' => {
                    let blank = b[line_start..i].iter().all(u8::is_ascii_whitespace);
                    self.break_links(line_start, |e| {
                        e.open == Open::Ext || e.open == Open::Link && e.pipes.is_empty()
                    });
                    if blank {
                        self.break_links(para_start, |e| e.open != Open::Brace);
                        para_start = i + 1;
                    }
                    i += 1;
                    line_start = i;
                }
                _ => i = self.magic_word(i),
            }
        }
        // Whatever is still open is text.
        self.stack.clear();
    }

    fn is_url(&self, at: usize) -> bool {
        let rest = &self.b[at.min(self.b.len())..];
        SCHEMES
            .iter()
            .any(|s| rest.len() >= s.len() && rest[..s.len()].eq_ignore_ascii_case(s.as_bytes()))
    }

    /// Links opened since `since` that `broken` says cannot go on turn back
    /// into text: at the end of a line, an external link or a link still in
    /// its target (only a label may run over lines); at a blank line, any
    /// link. Constructs opened since then are on top of all the others (and
    /// those of an earlier line or paragraph were looked at then), so only
    /// they are looked at: the cost stays linear.
    fn break_links(&mut self, since: usize, broken: impl Fn(&Element) -> bool) {
        let k = self
            .stack
            .iter()
            .rposition(|e| e.start < since)
            .map_or(0, |p| p + 1);
        if self.stack[k..].iter().any(&broken) {
            let tail: Vec<Element> = self.stack.drain(k..).filter(|e| !broken(e)).collect();
            self.stack.extend(tail);
        }
    }

    /// Parts between `content_start` and `content_end` split at `pipes`.
    fn split(content_start: usize, content_end: usize, pipes: &[usize]) -> Vec<(usize, usize)> {
        let mut out = Vec::with_capacity(pipes.len() + 1);
        let mut s = content_start;
        for &p in pipes {
            if p >= content_start && p < content_end {
                out.push((s, p));
                s = p + 1;
            }
        }
        out.push((s, content_end));
        out
    }

    fn close_braces(&mut self, mut i: usize) -> usize {
        let mut left = self.run_of(i, b'}');
        while left >= 2 {
            let Some(top) = self.stack.last_mut() else {
                break;
            };
            if top.open != Open::Brace {
                break;
            }
            let matching = left.min(top.count).min(3);
            if matching < 2 {
                break;
            }
            let start = top.start + top.count - matching;
            let parts = Self::split(start + matching, i, &top.pipes);
            top.count -= matching;
            if top.count < 2 {
                self.stack.pop();
            } else {
                // What was just closed is the start of what stays open.
                top.pipes.clear();
            }
            self.push_node(Kind::Template, start, i + matching, &parts);
            i += matching;
            left -= matching;
        }
        i + left
    }

    fn close_brackets(&mut self, mut i: usize) -> usize {
        let mut left = self.run_of(i, b']');
        while left >= 1 {
            let Some(top) = self.stack.last_mut() else {
                break;
            };
            match top.open {
                Open::Link if left >= 2 => {
                    let start = top.start + top.count - 2;
                    let parts = Self::split(start + 2, i, &top.pipes);
                    top.count -= 2;
                    if top.count < 2 {
                        self.stack.pop();
                    } else {
                        top.pipes.clear();
                    }
                    self.push_node(Kind::Link, start, i + 2, &parts);
                    i += 2;
                    left -= 2;
                }
                Open::Ext => {
                    let start = top.start;
                    self.stack.pop();
                    let url_end = self.b[start + 1..i]
                        .iter()
                        .position(|&c| c == b' ' || c == b'\t')
                        .map_or(i, |p| start + 1 + p);
                    let label_start = (url_end + 1).min(i);
                    self.push_node(
                        Kind::ExtLink,
                        start,
                        i + 1,
                        &[(start + 1, url_end), (label_start, i)],
                    );
                    i += 1;
                    left -= 1;
                }
                _ => break,
            }
        }
        i + left
    }

    /// `__NOTOC__` and the other behaviour switches.
    fn magic_word(&mut self, i: usize) -> usize {
        let b = self.b;
        if b.get(i + 1) != Some(&b'_') {
            return i + 1;
        }
        let word = b[i + 2..]
            .iter()
            .take_while(|c| c.is_ascii_uppercase())
            .count();
        let end = i + 2 + word;
        if word >= 3 && b.get(end) == Some(&b'_') && b.get(end + 1) == Some(&b'_') {
            self.push_node(Kind::Markup(false), i, end + 2, &[]);
            return end + 2;
        }
        i + 2
    }

    /// Find `</name` ... `>` at or after `from`, case-insensitive; remembered
    /// per name so that repeated unclosed tags cost one scan.
    fn find_close(&mut self, name: &'static str, from: usize) -> Option<(usize, usize)> {
        let slot = match self.memos.iter().position(|(n, _)| *n == name) {
            Some(p) => p,
            None => {
                self.memos.push((name, Memo::default()));
                self.memos.len() - 1
            }
        };
        let memo = self.memos[slot].1;
        if memo.valid && from >= memo.from {
            match memo.found {
                None => return None,
                Some((s, e)) if s >= from => return Some((s, e)),
                _ => {}
            }
        }
        let found = find_closing_tag(self.b, name, from);
        self.memos[slot].1 = Memo {
            from,
            found,
            valid: true,
        };
        found
    }

    /// A tag or comment at `i`; returns where scanning goes on.
    fn tag(&mut self, i: usize) -> usize {
        let b = self.b;
        if b[i..].starts_with(b"<!--") {
            let end = if i + 4 >= self.no_comment_end_from {
                None
            } else {
                find(b, b"-->", i + 4)
            };
            let end = match end {
                Some(e) => e + 3,
                None => {
                    self.no_comment_end_from = self.no_comment_end_from.min(i + 4);
                    b.len()
                }
            };
            self.push_node(Kind::Comment, i, end, &[]);
            return end;
        }
        let Some(t) = parse_tag(b, i) else {
            return i + 1;
        };
        let lower = t.name.to_ascii_lowercase();
        if let Some(&name) = OPAQUE_TAGS.iter().find(|n| **n == lower) {
            if t.closing || t.self_closing {
                // `<ref name="x" />`, or a stray `</ref>`.
                let kind = if t.closing {
                    Kind::Markup(false)
                } else {
                    Kind::Tag
                };
                self.push_node(kind, i, t.end, &[]);
                return t.end;
            }
            return match self.find_close(name, t.end) {
                Some((cs, ce)) => {
                    self.push_node(Kind::Tag, i, ce, &[(t.end, cs)]);
                    ce
                }
                None => {
                    self.push_node(Kind::Markup(false), i, t.end, &[]);
                    t.end
                }
            };
        }
        if lower == "nowiki" {
            if t.closing || t.self_closing {
                self.push_node(Kind::Markup(false), i, t.end, &[]);
                return t.end;
            }
            return match self.find_close("nowiki", t.end) {
                Some((cs, ce)) => {
                    self.push_node(Kind::Nowiki, i, ce, &[(t.end, cs)]);
                    ce
                }
                None => {
                    self.push_node(Kind::Markup(false), i, t.end, &[]);
                    t.end
                }
            };
        }
        if HTML_TAGS.contains(&lower.as_str()) {
            let breaks = BREAKING_TAGS.contains(&lower.as_str());
            self.push_node(Kind::Markup(breaks), i, t.end, &[]);
            return t.end;
        }
        i + 1
    }
}

/// A tag as written: `<name ...>`, `</name>` or `<name .../>`.
struct TagAt<'a> {
    name: &'a str,
    closing: bool,
    self_closing: bool,
    /// One past its `>`.
    end: usize,
}

fn parse_tag(b: &[u8], i: usize) -> Option<TagAt<'_>> {
    let mut j = i + 1;
    let closing = b.get(j) == Some(&b'/');
    if closing {
        j += 1;
    }
    let name_start = j;
    if !b.get(j).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    while b.get(j).is_some_and(u8::is_ascii_alphanumeric) {
        j += 1;
    }
    let name = std::str::from_utf8(&b[name_start..j]).ok()?;
    // The name ends at white space, `/` or `>`.
    match b.get(j) {
        Some(b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r') => {}
        _ => return None,
    }
    // Attributes run to the first `>`; a `<` first means this is no tag.
    let rest = &b[j..];
    let gt = rest.iter().position(|&c| c == b'>' || c == b'<')?;
    if rest[gt] != b'>' {
        return None;
    }
    let end = j + gt + 1;
    let self_closing = gt > 0 && rest[gt - 1] == b'/';
    Some(TagAt {
        name,
        closing,
        self_closing,
        end,
    })
}

/// `</name` (any case) then optional white space and `>`: (start, one past `>`).
fn find_closing_tag(b: &[u8], name: &str, from: usize) -> Option<(usize, usize)> {
    let mut at = from;
    while let Some(p) = find(b, b"</", at) {
        let n = p + 2;
        let after = n + name.len();
        if after <= b.len() && b[n..after].eq_ignore_ascii_case(name.as_bytes()) {
            let ws = b[after..]
                .iter()
                .take_while(|c| c.is_ascii_whitespace())
                .count();
            if b.get(after + ws) == Some(&b'>') {
                return Some((p, after + ws + 1));
            }
        }
        at = p + 2;
    }
    None
}

/// First occurrence of `needle` in `b` at or after `from`.
fn find(b: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if from >= b.len() {
        return None;
    }
    b[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

/// Tables: a line that starts (after white space and `:` indents) with `{|`
/// outside every construct opens one, a line that starts with `|}` closes
/// the innermost; one never closed runs to the end of the text.
fn tables(b: &[u8], from: usize, nodes: &[Node], top: &[usize], parts_len: usize) -> Vec<Node> {
    let no_parts = (u32::try_from(parts_len).unwrap_or(u32::MAX), 0);
    let mut out = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let mut t = 0; // cursor into `top`
    let mut ls = from;
    let n = b.len();
    while ls < n {
        // Next line end.
        let le = b[ls..]
            .iter()
            .position(|&c| c == b'\n' || c == b'\r')
            .map_or(n, |p| ls + p);
        while t < top.len() && nodes[top[t]].end <= ls {
            t += 1;
        }
        let inside = t < top.len() && nodes[top[t]].start < ls;
        if !inside {
            let mut p = ls;
            while p < le && matches!(b[p], b' ' | b'\t' | b':') {
                p += 1;
            }
            if b[p..le].starts_with(b"{|") {
                open.push(ls);
            } else if !open.is_empty() && b[p..le].starts_with(b"|}") {
                let start = open.pop().unwrap_or(ls);
                if open.is_empty() {
                    out.push(Node {
                        kind: Kind::Table,
                        start,
                        end: p + 2,
                        parts: no_parts,
                    });
                }
            }
        }
        // A line ends at `\n`, `\r\n` or `\r`.
        let mut next = le + 1;
        if b.get(le) == Some(&b'\r') && b.get(le + 1) == Some(&b'\n') {
            next += 1;
        }
        ls = next;
    }
    if let Some(&start) = open.first() {
        out.push(Node {
            kind: Kind::Table,
            start,
            end: n,
            parts: no_parts,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(Kind, &str)> {
        let s = scan(text, 0);
        s.top
            .iter()
            .map(|&i| {
                let n = s.nodes[i];
                (n.kind, &text[n.start..n.end])
            })
            .collect()
    }

    #[test]
    fn nested_templates_and_links() {
        let t = "a {{x|{{y|[[b|c]]}}|d}} e [[f|g]] h";
        assert_eq!(
            kinds(t),
            [
                (Kind::Template, "{{x|{{y|[[b|c]]}}|d}}"),
                (Kind::Link, "[[f|g]]")
            ]
        );
        let s = scan(t, 0);
        let x = s.nodes[s.top[0]];
        let parts: Vec<&str> = s.parts(&x).iter().map(|&(a, b)| &t[a..b]).collect();
        assert_eq!(parts, ["x", "{{y|[[b|c]]}}", "d"]);
        assert_eq!(s.nodes.len(), 4);
    }

    #[test]
    fn unclosed_openers_are_text() {
        assert!(kinds("{{a|b").is_empty());
        assert_eq!(kinds("{{a {{b}}"), [(Kind::Template, "{{b}}")]);
        assert_eq!(kinds("[[a\n]] {{b}}"), [(Kind::Template, "{{b}}")]);
        // A label may run over a line end, not over a blank line.
        assert_eq!(kinds("[[a|b\nc]]"), [(Kind::Link, "[[a|b\nc]]")]);
        assert!(kinds("[[a|b\n\nc]]").is_empty());
        assert!(kinds("x }} ]] {{ [[ y").is_empty());
        // A link open at the end of a line does not hold a template's closer.
        assert_eq!(kinds("{{a|[[b\n}} c"), [(Kind::Template, "{{a|[[b\n}}")]);
    }

    #[test]
    fn brace_runs_match_three_or_two() {
        assert_eq!(kinds("{{{a}}}"), [(Kind::Template, "{{{a}}}")]);
        // Three of four braces match: `{` + `{{{a}}}` + `}`.
        assert_eq!(kinds("{{{{a}}}}"), [(Kind::Template, "{{{a}}}")]);
        assert_eq!(kinds("{{{{a}}|b}}"), [(Kind::Template, "{{{{a}}|b}}")]);
        assert_eq!(kinds("{{{a}}"), [(Kind::Template, "{{a}}")]);
    }

    #[test]
    fn tags_comments_and_tables() {
        let t = "a<ref name=\"x\">b {{c}}</ref> <ref name=x/> <!-- }} --> <br/> <math>}}</math>\n{|\n| {{x}}\n|}\nz";
        let k: Vec<Kind> = kinds(t).into_iter().map(|(k, _)| k).collect();
        assert_eq!(
            k,
            [
                Kind::Tag,
                Kind::Tag,
                Kind::Comment,
                Kind::Markup(true),
                Kind::Tag,
                Kind::Table
            ]
        );
        assert_eq!(kinds("a <!-- b")[0].1, "<!-- b");
        assert_eq!(
            kinds("<ref>never closed")[0],
            (Kind::Markup(false), "<ref>")
        );
        assert!(kinds("x < y > z").is_empty());
    }

    #[test]
    fn external_links() {
        let t = "a [http://x.org/ The {{y}} site] b [not a link]";
        assert_eq!(
            kinds(t),
            [(Kind::ExtLink, "[http://x.org/ The {{y}} site]")]
        );
    }

    #[test]
    fn pathological_inputs_stay_linear() {
        let rows = "| {{small|x\n".repeat(20_000);
        let t = format!("{{|\n{rows}|}}\n");
        let start = std::time::Instant::now();
        let s = scan(&t, 0);
        assert_eq!(s.top.len(), 1);
        let many = "<ref>".repeat(50_000) + &"[http://".repeat(50_000) + &"<!--".repeat(10);
        scan(&many, 0);
        let deep = "{{".repeat(100_000) + &"}}".repeat(100_000);
        let s = scan(&deep, 0);
        assert_eq!(s.top.len(), 1);
        assert!(start.elapsed().as_secs() < 20);
    }
}
