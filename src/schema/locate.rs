//! From a validation error to a place in the article and a message.
//!
//! `nearest_span` walks the instance along the error's JSON pointer and keeps
//! the deepest object that has a `span`; a finding about the article as a whole
//! points at its first line rather than at the whole file. `annotations` reads
//! the `x-*` keywords on the schema object that holds the failing keyword.

use serde_json::Value;

use super::instance::NodeRef;
use crate::diagnostic::Severity;
use crate::span::Span;

/// One step of a JSON pointer.
pub(crate) enum Seg {
    Key(String),
    Index(usize),
}

fn span_of(v: &NodeRef<'_>) -> Option<Span> {
    let s = v.get("span")?;
    let offset = usize::try_from(s.get("offset")?.as_u64()?).ok()?;
    let length = usize::try_from(s.get("length")?.as_u64()?).ok()?;
    Some(Span::at(offset, length))
}

/// The span of the deepest node on the path that has one.
pub(crate) fn nearest_span(instance: NodeRef<'_>, path: &[Seg], text: &str) -> Span {
    let mut best: Option<Span> = None;
    let mut depth_of_best = 0;
    let mut cur = instance;
    if let Some(s) = span_of(&cur) {
        best = Some(s);
    }
    for (depth, seg) in path.iter().enumerate() {
        let next = match seg {
            Seg::Key(k) => cur.get(k),
            Seg::Index(i) => cur.at(*i),
        };
        let Some(next) = next else { break };
        cur = next;
        if let Some(s) = span_of(&cur) {
            best = Some(s);
            depth_of_best = depth + 1;
        }
    }
    match best {
        Some(s) if depth_of_best > 0 => s.clamp_to(text),
        _ => first_line(text),
    }
}

/// The first non-blank line of the text (BOM skipped), or an empty span at 0.
pub(crate) fn first_line(text: &str) -> Span {
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let body = &text[bom..];
    let start = bom + (body.len() - body.trim_start().len());
    let end = text[start..]
        .find(['\n', '\r'])
        .map_or(text.len(), |e| start + e);
    Span::new(start, end)
}

/// The `x-*` annotations that apply to an error.
#[derive(Debug, Default)]
pub(crate) struct Annotations {
    pub code: Option<String>,
    pub message: Option<String>,
    pub help: Option<String>,
    pub severity: Option<Severity>,
}

/// Read the annotations on the object that holds the failing keyword.
pub(crate) fn annotations(schema: &Value, schema_path: &str) -> Annotations {
    let segs: Vec<String> = schema_path
        .split('/')
        .skip(1)
        .map(|s| s.replace("~1", "/").replace("~0", "~"))
        .collect();
    if segs.is_empty() {
        return Annotations::default();
    }
    let mut cur = schema;
    // Walk to the parent of the keyword.
    for seg in &segs[..segs.len() - 1] {
        let next = match cur {
            Value::Object(m) => m.get(seg),
            Value::Array(a) => seg.parse::<usize>().ok().and_then(|i| a.get(i)),
            _ => None,
        };
        match next {
            Some(n) => cur = n,
            None => return Annotations::default(),
        }
    }
    let s = |k: &str| cur.get(k).and_then(Value::as_str).map(String::from);
    Annotations {
        code: s("x-code"),
        message: s("x-message"),
        help: s("x-help"),
        severity: s("x-severity").and_then(|v| Severity::parse(&v)),
    }
}
