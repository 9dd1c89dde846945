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
    Some(Span::at(offset, length))
}

/// A span lies inside `text` and starts and ends on `char` boundaries.
pub fn check_span(text: &str, s: Span, what: &str) -> Result<(), String> {
    let end = s
        .start()
        .checked_add(s.len())
        .ok_or_else(|| format!("{what}: span {s:?} overflows"))?;
    if end > text.len() {
        return Err(format!(
            "{what}: span {s:?} ends past the source ({} bytes)",
            text.len()
        ));
    }
    if !text.is_char_boundary(s.start()) || !text.is_char_boundary(end) {
        return Err(format!("{what}: span {s:?} is not on char boundaries"));
    }
    Ok(())
}

fn within(inner: Span, outer: Span) -> bool {
    inner.start() >= outer.start() && inner.start() + inner.len() <= outer.start() + outer.len()
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
                            if let Some(cs) = child.get("span").and_then(as_span)
                                && !within(cs, block)
                            {
                                return Err(format!(
                                    "{path}/{key}/{i}: span {cs:?} is outside its {ty} {block:?}"
                                ));
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

/// The body of the `parse_text` and `parse_markdown` fuzz targets.
pub fn fuzz_parse(data: &[u8], format: encyclint::source::Format) {
    use encyclint::parse::{self, ParseOptions};
    use encyclint::source::SourceFile;
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let name = match format {
        encyclint::source::Format::Markdown => "fuzz.md",
        encyclint::source::Format::Wikitext => "fuzz.wiki",
        encyclint::source::Format::Text => "fuzz.txt",
    };
    let src = SourceFile::new(name, text, format);
    let article = parse::parse(&src, &ParseOptions::default());
    let model = serde_json::to_value(&article).expect("the model serialises");
    if let Err(e) = check_model(text, &model) {
        panic!("{e}");
    }
    assert!(json_depth(&model) <= MODEL_MAX_JSON_DEPTH, "model too deep");
}

fn builtin_policy() -> &'static encyclint::schema::Policy {
    static P: std::sync::OnceLock<encyclint::schema::Policy> = std::sync::OnceLock::new();
    P.get_or_init(encyclint::schema::Policy::builtin)
}

/// The body of the `check_file` fuzz target: the first byte picks the format
/// (bit 2: wikitext, else bit 0: Markdown or text) and colour (bit 1); the rest goes through the input gate, lint with
/// the built-in policy, human rendering and the JSON report entry.
pub fn fuzz_check_file(data: &[u8]) {
    use encyclint::linter::{self, Context};
    use encyclint::report::{self, human};
    use encyclint::settings::Settings;
    use encyclint::source::{self, Format, SourceFile};
    let Some((&sel, rest)) = data.split_first() else {
        return;
    };
    let (name, format) = if sel & 4 != 0 {
        ("fuzz.wiki", Format::Wikitext)
    } else if sel & 1 == 0 {
        ("fuzz.txt", Format::Text)
    } else {
        ("fuzz.md", Format::Markdown)
    };
    let color = sel & 2 != 0;
    let Ok(text) = source::decode(rest.to_vec()) else {
        return;
    };
    let src = SourceFile::new(name, text, format);
    let settings = Settings::default();
    let cx = Context {
        settings: &settings,
        policy: builtin_policy(),
        titles: None,
    };
    let linted = linter::lint(&src, &cx).expect("the built-in policy evaluates");
    if let Err(e) = check_diagnostics(&src.text, &linted.diagnostics) {
        panic!("{e}");
    }
    for d in &linted.diagnostics {
        let out = human::render(&src, d, color, 100);
        assert!(
            color || !out.contains('\x1b'),
            "escape in uncoloured output: {out:?}"
        );
    }
    for l in report::locate(&src, linted.diagnostics) {
        let v = report::json::diagnostic_json("fuzz", None, &l);
        serde_json::to_string(&v).expect("a report entry serialises");
    }
}

/// The body of the `policy_schema` fuzz target: arbitrary bytes as a policy
/// (parsed as `--schema` parses it), compiled offline, then used on two small
/// articles. Refusal and evaluation errors are fine; panics are not.
pub fn fuzz_policy_schema(data: &[u8]) {
    use encyclint::linter::{self, Context};
    use encyclint::schema::Policy;
    use encyclint::settings::Settings;
    use encyclint::source::{Format, SourceFile};
    const ARTICLE: &str = "# Title\n\nLead text. See Other.\n\n## Controversy\n\n\
        - **Critics**: argue it fails.\n- **Supporters**: say it works.\n";
    let Ok(value) = serde_json::from_slice::<Value>(data) else {
        return;
    };
    let Ok(policy) = Policy::from_value(value, "fuzz.json") else {
        return;
    };
    let settings = Settings::default();
    let cx = Context {
        settings: &settings,
        policy: &policy,
        titles: None,
    };
    let _ = linter::lint(&SourceFile::new("a.md", ARTICLE, Format::Markdown), &cx);
    let _ = linter::lint(
        &SourceFile::new("a.txt", "Title\nLead.\n", Format::Text),
        &cx,
    );
}

/// The model's JSON is never deeper than this, whatever the input: blocks are
/// flat lists and sections nest at most six heading levels. serde_json and
/// jsonschema recurse on depth, so this bound is what keeps them safe.
pub const MODEL_MAX_JSON_DEPTH: usize = 24;

/// Nesting depth of a JSON value (a scalar is 1), without recursion.
pub fn json_depth(v: &Value) -> usize {
    let mut max = 0;
    let mut stack = vec![(v, 1usize)];
    while let Some((v, d)) = stack.pop() {
        max = max.max(d);
        match v {
            Value::Object(m) => stack.extend(m.values().map(|c| (c, d + 1))),
            Value::Array(a) => stack.extend(a.iter().map(|c| (c, d + 1))),
            _ => {}
        }
    }
    max
}
