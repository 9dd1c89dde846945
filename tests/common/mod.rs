//! Invariants shared by the property tests, the regression tests and the fuzz
//! targets (`fuzz/` includes this file by path), so the three check the same
//! promises.
//!
//! The model is checked through its JSON form, so the checks follow the model
//! as it grows: every `{offset, length}` object anywhere in it is a span.

#![allow(dead_code)]

use encyclint::diagnostic::Diagnostic;
use encyclint::span::Span;
use serde_json::Value;

fn as_span(v: &Value) -> Option<Span> {
    let o = v.as_object()?;
    if o.len() != 2 {
        return None;
    }
    let offset = usize::try_from(o.get("offset")?.as_u64()?).ok()?;
    let length = usize::try_from(o.get("length")?.as_u64()?).ok()?;
    Some(Span { offset, length })
}

/// A span lies inside `text` and starts and ends on `char` boundaries.
pub fn check_span(text: &str, s: Span, what: &str) -> Result<(), String> {
    let end = s
        .offset
        .checked_add(s.length)
        .ok_or_else(|| format!("{what}: span {s:?} overflows"))?;
    if end > text.len() {
        return Err(format!(
            "{what}: span {s:?} ends past the source ({} bytes)",
            text.len()
        ));
    }
    if !text.is_char_boundary(s.offset) || !text.is_char_boundary(end) {
        return Err(format!("{what}: span {s:?} is not on char boundaries"));
    }
    Ok(())
}

fn within(inner: Span, outer: Span) -> bool {
    inner.offset >= outer.offset && inner.offset + inner.length <= outer.offset + outer.length
}

/// Every span of the model (given as its JSON) lies in `text` on char
/// boundaries, and every sentence and reference lies inside its block.
/// Walks with an explicit stack.
pub fn check_model(text: &str, model: &Value) -> Result<(), String> {
    let mut stack: Vec<(&Value, String)> = vec![(model, String::new())];
    while let Some((v, path)) = stack.pop() {
        match v {
            Value::Object(map) => {
                if let Some(s) = as_span(v) {
                    check_span(text, s, &path)?;
                    continue;
                }
                if let (Some(Value::String(ty)), Some(block)) =
                    (map.get("type"), map.get("span").and_then(as_span))
                {
                    for key in ["sentences", "refs"] {
                        for (i, child) in map
                            .get(key)
                            .and_then(Value::as_array)
                            .into_iter()
                            .flatten()
                            .enumerate()
                        {
                            if let Some(cs) = child.get("span").and_then(as_span) {
                                if !within(cs, block) {
                                    return Err(format!(
                                        "{path}/{key}/{i}: span {cs:?} is outside its {ty} {block:?}"
                                    ));
                                }
                            }
                        }
                    }
                }
                for (k, child) in map {
                    stack.push((child, format!("{path}/{k}")));
                }
            }
            Value::Array(items) => {
                for (i, child) in items.iter().enumerate() {
                    stack.push((child, format!("{path}/{i}")));
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// Every span of every diagnostic (primary, labels, fix edits) lies in `text`.
pub fn check_diagnostics(text: &str, diags: &[Diagnostic]) -> Result<(), String> {
    for d in diags {
        check_span(text, d.span, &d.code)?;
        for l in &d.labels {
            check_span(text, l.span, &format!("{} label", d.code))?;
        }
        for e in d.fix.iter().flat_map(|f| &f.edits) {
            check_span(text, e.span, &format!("{} fix edit", d.code))?;
        }
    }
    Ok(())
}
