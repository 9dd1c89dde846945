//! Policy as schema: the article model, with its facts, validated as JSON
//! against `schema/article.schema.json` or a user's schema.
//!
//! All jsonschema calls live in this module (its API changes between
//! releases). Schemas are compiled once per run, offline: a `$ref` that is not
//! inside the schema document is refused before compiling, with the URL named.
//! Regex patterns run on fancy-regex with a backtracking limit; a pattern that
//! hits it is a schema error (E002), not an invalid article. Each validation
//! error is mapped to the nearest model node with a span (`locate`), and the
//! `x-code`/`x-message`/`x-help`/`x-severity` annotations on the schema object
//! holding the failing keyword become the diagnostic (J001 when absent).

mod instance;
mod locate;

use std::cell::Cell;
use std::fmt;
use std::path::Path;

use jsonschema::error::ValidationErrorKind;
use jsonschema::{PatternOptions, Validator};
use serde::Serialize;
use serde_json::Value;

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Article;
use crate::rules;
use crate::span::Span;

/// The built-in policy.
pub const ARTICLE_SCHEMA: &str = include_str!("../../schema/article.schema.json");
/// The JSON report format.
pub const REPORT_SCHEMA: &str = include_str!("../../schema/report.schema.json");

/// Largest user schema file read: 8 MiB.
pub const MAX_SCHEMA_SIZE: u64 = 8 * 1024 * 1024;
/// Backtracking limit for `pattern` regexes.
pub const BACKTRACK_LIMIT: usize = 100_000;

/// A schema that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaError {
    /// Where the schema came from.
    pub origin: String,
    /// Why it cannot be used.
    pub reason: String,
}

impl fmt::Display for SchemaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.origin, self.reason)
    }
}

impl std::error::Error for SchemaError {}

/// A compiled policy schema.
pub struct Policy {
    validator: Validator<instance::Arena>,
    schema: Value,
    origin: String,
    /// Compiled from [`ARTICLE_SCHEMA`] by [`Policy::builtin`].
    builtin: bool,
}

impl fmt::Debug for Policy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Policy")
            .field("origin", &self.origin)
            .finish_non_exhaustive()
    }
}

impl Policy {
    /// The built-in policy.
    ///
    /// # Panics
    /// Never in a released build: a test compiles the embedded schema.
    #[must_use]
    pub fn builtin() -> Self {
        let schema: Value = serde_json::from_str(ARTICLE_SCHEMA).expect("embedded schema is JSON");
        let mut policy =
            Self::from_value(schema, "built-in policy").expect("embedded schema compiles");
        policy.builtin = true;
        policy
    }

    /// Read and compile a user schema.
    ///
    /// # Errors
    /// Unreadable, too large, not JSON, remote `$ref`, or not a valid schema.
    pub fn from_file(path: &Path) -> Result<Self, SchemaError> {
        let origin = path.display().to_string();
        let err = |reason: String| SchemaError {
            origin: origin.clone(),
            reason,
        };
        let meta = std::fs::metadata(path).map_err(|e| {
            err(format!(
                "cannot read schema: {}",
                crate::source::io_reason(&e)
            ))
        })?;
        if !meta.is_file() {
            return Err(err("cannot read schema: not a regular file".into()));
        }
        if meta.len() > MAX_SCHEMA_SIZE {
            return Err(err(format!(
                "schema is {} bytes, over the {MAX_SCHEMA_SIZE}-byte limit",
                meta.len()
            )));
        }
        let bytes = std::fs::read(path).map_err(|e| {
            err(format!(
                "cannot read schema: {}",
                crate::source::io_reason(&e)
            ))
        })?;
        let schema: Value =
            serde_json::from_slice(&bytes).map_err(|e| err(format!("not valid JSON: {e}")))?;
        Self::from_value(schema, &origin)
    }

    /// Compile a schema value.
    ///
    /// # Errors
    /// Remote `$ref`, or not a valid schema.
    pub fn from_value(schema: Value, origin: &str) -> Result<Self, SchemaError> {
        let err = |reason: String| SchemaError {
            origin: origin.to_string(),
            reason,
        };
        if !(schema.is_object() || schema.is_boolean()) {
            return Err(err("a schema must be a JSON object or boolean".into()));
        }
        if let Some(r) = find_external_ref(&schema) {
            return Err(err(format!(
                "`$ref` to `{r}` is not fetched: encyclint never uses the network or reads other files; inline it under `$defs`"
            )));
        }
        let validator = jsonschema::options_for::<instance::Arena>()
            .offline()
            .with_pattern_options(PatternOptions::fancy_regex().backtrack_limit(BACKTRACK_LIMIT))
            .build(&schema)
            .map_err(|e| err(format!("invalid schema: {e}")))?;
        Ok(Self {
            validator,
            schema,
            origin: origin.to_string(),
            builtin: false,
        })
    }

    /// Where the schema came from.
    #[must_use]
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// Validate an article, as [`Policy::check`] does.
    ///
    /// The built-in policy describes the model encyclint builds, so an article
    /// can fail it only by what its annotated constraints say (S001: a title,
    /// S003: a lead, S004: content in every section) and by two value bounds
    /// (heading levels 1 to 6, non-empty reference targets); the rest holds by
    /// construction. For an article within those bounds the built-in policy's
    /// findings are computed from the model, word for word what the schema
    /// reports, without serialising the model into a JSON instance: for the
    /// benchmark articles that was a sixth of the run, and a model of a
    /// million sentences took a gigabyte as an instance. Any other article,
    /// and any other policy, is validated in full. Debug builds (the test
    /// suite) also validate every article in full and stop if the two differ.
    ///
    /// # Errors
    /// As [`Policy::check`].
    pub fn check_article(
        &self,
        article: &Article,
        text: &str,
    ) -> Result<Vec<Diagnostic>, SchemaError> {
        let Some(found) = self
            .builtin
            .then(|| self.builtin_findings(article, text))
            .flatten()
        else {
            return self.check(article, text);
        };
        if cfg!(debug_assertions) {
            let full = self.check(article, text)?;
            let key = |d: &Diagnostic| format!("{d:?}");
            let (mut a, mut b): (Vec<String>, Vec<String>) = (
                found.iter().map(key).collect(),
                full.iter().map(key).collect(),
            );
            a.sort();
            b.sort();
            assert_eq!(
                a, b,
                "the built-in policy's findings computed from the model differ from the schema's on {}",
                article.path
            );
        }
        Ok(found)
    }

    /// The built-in policy's findings on `article`, computed from the model;
    /// `None` when it is outside the bounds that make this exact (see
    /// [`Policy::check_article`]).
    fn builtin_findings(&self, article: &Article, text: &str) -> Option<Vec<Diagnostic>> {
        let sections = article.sections_flat();
        if !sections.iter().all(|s| (1..=6).contains(&s.heading.level))
            || article.iter_references().any(|r| r.target().is_empty())
        {
            return None;
        }
        let mut out = Vec::new();
        if article.title.is_none() {
            let detail = r#"null is not of type "object""#;
            let span = locate::first_line(text);
            out.push(self.diagnostic("/properties/title/type", "/title", detail, span));
        }
        if article.lead.is_empty() {
            let detail = "[] has less than 1 item";
            let span = locate::first_line(text);
            out.push(self.diagnostic("/properties/lead/minItems", "/lead", detail, span));
        }
        let mut stack: Vec<(String, &crate::model::Section)> = article
            .sections
            .iter()
            .enumerate()
            .rev()
            .map(|(i, s)| (format!("/sections/{i}"), s))
            .collect();
        while let Some((at, s)) = stack.pop() {
            if s.blocks.is_empty() && s.subsections.is_empty() && s.non_prose.is_empty() {
                // The schema's message shows the section as JSON (keys sorted).
                let value = serde_json::to_value(s).ok()?;
                let detail = format!(
                    "{value} is not valid under any of the schemas listed in the 'anyOf' keyword"
                );
                let span = s.span.clamp_to(text);
                out.push(self.diagnostic("/$defs/section/allOf/0/anyOf", &at, &detail, span));
            }
            stack.extend(
                s.subsections
                    .iter()
                    .enumerate()
                    .rev()
                    .map(|(i, sub)| (format!("{at}/subsections/{i}"), sub)),
            );
        }
        Some(out)
    }

    /// Validate an article (or any serialisable instance) as the JSON it
    /// serialises to; map each error to a diagnostic.
    ///
    /// # Errors
    /// A [`SchemaError`] when the instance cannot be serialised as JSON, or when
    /// evaluating the schema itself fails (a regex over its backtracking limit).
    pub fn check<T: Serialize + ?Sized>(
        &self,
        instance: &T,
        text: &str,
    ) -> Result<Vec<Diagnostic>, SchemaError> {
        thread_local! {
            // One instance buffer per thread, reused from file to file.
            static DOC: Cell<instance::Doc> = Cell::new(instance::Doc::default());
        }
        let mut doc = DOC.take();
        let result = match doc.write(instance) {
            Ok(root) => self.check_root(root, text),
            Err(e) => Err(SchemaError {
                origin: self.origin.clone(),
                reason: format!("cannot serialise the model: {e}"),
            }),
        };
        DOC.set(doc);
        result
    }

    fn check_root(
        &self,
        instance: instance::NodeRef<'_>,
        text: &str,
    ) -> Result<Vec<Diagnostic>, SchemaError> {
        if self.validator.is_valid(instance) {
            return Ok(Vec::new());
        }
        let mut out = Vec::new();
        for error in self.validator.iter_errors(instance) {
            if let ValidationErrorKind::BacktrackLimitExceeded { .. }
            | ValidationErrorKind::RegexEngineFailure { .. } = error.kind()
            {
                return Err(SchemaError {
                    origin: self.origin.clone(),
                    reason: format!(
                        "pattern at `{}` is too costly to evaluate (backtracking limit {BACKTRACK_LIMIT} exceeded); simplify it",
                        error.schema_path()
                    ),
                });
            }
            let pointer: Vec<locate::Seg> = error
                .instance_path()
                .iter()
                .map(|s| match s {
                    jsonschema::paths::LocationSegment::Property(p) => {
                        locate::Seg::Key(p.to_string())
                    }
                    jsonschema::paths::LocationSegment::Index(i) => locate::Seg::Index(i),
                })
                .collect();
            let schema_path = error.schema_path().to_string();
            let span = locate::nearest_span(instance, &pointer, text);
            let detail = error.to_string();
            let at = error.instance_path().to_string();
            out.push(self.diagnostic(&schema_path, &at, &detail, span));
        }
        Ok(out)
    }

    /// The diagnostic of a failed schema keyword: its `x-*` annotations, or
    /// J001 with the validator's words.
    fn diagnostic(&self, schema_path: &str, at: &str, detail: &str, span: Span) -> Diagnostic {
        let ann = locate::annotations(&self.schema, schema_path);
        let code = ann.code.clone().unwrap_or_else(|| "J001".to_string());
        let meta = rules::lookup(&code);
        let name = meta.map_or_else(|| code.to_lowercase(), |m| m.name.to_string());
        let severity = ann
            .severity
            .or_else(|| meta.map(|m| m.severity))
            .unwrap_or(Severity::Error);
        let message = match &ann.message {
            Some(m) => m.clone(),
            None => format!("{}: {detail}", if at.is_empty() { "/" } else { at }),
        };
        let mut d = Diagnostic::new(&code, &name, severity, span, message)
            .with_label(format!("{} (schema {schema_path})", truncate(detail, 120)));
        if let Some(h) = &ann.help {
            d = d.with_help(h.clone());
        }
        d
    }
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max).collect();
        t.push('…');
        t
    }
}

/// The first `$ref`/`$dynamicRef` that points outside the document.
fn find_external_ref(schema: &Value) -> Option<String> {
    let mut stack = vec![schema];
    while let Some(v) = stack.pop() {
        match v {
            Value::Object(map) => {
                for (k, val) in map {
                    if (k == "$ref" || k == "$dynamicRef")
                        && val.as_str().is_some_and(|r| !r.starts_with('#'))
                    {
                        let r = val.as_str().unwrap_or_default();
                        // A relative ref to an `$id` declared inside the document is local.
                        if !declares_id(schema, r) {
                            return Some(r.to_string());
                        }
                    }
                    stack.push(val);
                }
            }
            Value::Array(items) => stack.extend(items),
            _ => {}
        }
    }
    None
}

fn declares_id(schema: &Value, reference: &str) -> bool {
    let target = reference.split('#').next().unwrap_or("");
    let mut stack = vec![schema];
    while let Some(v) = stack.pop() {
        match v {
            Value::Object(map) => {
                if map
                    .get("$id")
                    .and_then(Value::as_str)
                    .is_some_and(|id| id == target || id.ends_with(&format!("/{target}")))
                {
                    return true;
                }
                stack.extend(map.values());
            }
            Value::Array(items) => stack.extend(items),
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// The built-in policy's findings computed from the model are the
    /// schema's, word for word, on articles that miss a title, a lead and the
    /// content of nested sections; an article out of bounds is not judged.
    #[test]
    fn builtin_findings_are_the_schemas() {
        use crate::source::{Format, SourceFile};
        let policy = Policy::builtin();
        let settings = crate::settings::Settings::default();
        let cases = [
            (
                "a.md",
                "# Title\n\nLead.\n\n## Empty\n\n## Parent\n\n### Child\n\nText.\n\n### Empty child\n\n## Last\n",
                Format::Markdown,
                2,
            ),
            (
                "b.md",
                "## First\n\n## Second\n\nText.\n",
                Format::Markdown,
                3,
            ),
            ("c.txt", "Title\n\nHistory\n\nSee also\n", Format::Text, 1),
            (
                "d.md",
                "# Clean\n\nLead.\n\n## Body\n\nText.\n",
                Format::Markdown,
                0,
            ),
        ];
        for (name, text, format, want) in cases {
            let src = SourceFile::new(name, text.to_string(), format);
            let article = crate::analysis::article(&src, None, &settings);
            let found = policy
                .builtin_findings(&article, text)
                .expect("within bounds");
            let full = policy.check(&article, text).unwrap();
            let show = |v: &[Diagnostic]| {
                let mut v: Vec<String> = v.iter().map(|d| format!("{d:?}")).collect();
                v.sort();
                v
            };
            assert_eq!(show(&found), show(&full), "{name}");
            assert!(found.len() >= want, "{name}: {found:?}");
        }
        let src = SourceFile::new(
            "e.md",
            "# T\n\nLead.\n\n## H\n\nText.\n".to_string(),
            Format::Markdown,
        );
        let mut article = crate::analysis::article(&src, None, &settings);
        article.sections[0].heading.level = 7;
        assert!(policy.builtin_findings(&article, &src.text).is_none());
        assert!(
            !policy
                .check_article(&article, &src.text)
                .unwrap()
                .is_empty()
        );
        // The same schema given as a user's is validated in full.
        let copy = Policy::from_value(serde_json::from_str(ARTICLE_SCHEMA).unwrap(), "copy");
        assert!(policy.builtin && !copy.unwrap().builtin);
    }

    #[test]
    fn builtin_compiles() {
        let _ = Policy::builtin();
        let _: Value = serde_json::from_str(REPORT_SCHEMA).unwrap();
    }

    #[test]
    fn remote_ref_is_refused_with_its_url() {
        let e = Policy::from_value(json!({"$ref": "https://example.org/s.json"}), "p.json")
            .unwrap_err();
        assert!(e.reason.contains("https://example.org/s.json"), "{e}");
        let e = Policy::from_value(
            json!({"properties": {"a": {"$ref": "file:///etc/passwd"}}}),
            "p.json",
        )
        .unwrap_err();
        assert!(e.reason.contains("file:///etc/passwd"), "{e}");
    }

    #[test]
    fn local_refs_and_recursion_compile() {
        let s = json!({"$defs": {"n": {"type": "object", "properties": {"next": {"$ref": "#/$defs/n"}}}}, "$ref": "#/$defs/n"});
        let p = Policy::from_value(s, "p.json").unwrap();
        let d = p.check(&json!({"next": {"next": 3}}), "").unwrap();
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].code, "J001");
    }

    #[test]
    fn annotations_become_the_diagnostic() {
        let s = json!({
            "type": "object",
            "properties": {"lead": {"type": "array", "minItems": 1, "x-code": "S003", "x-message": "no lead", "x-help": "write one", "x-severity": "info"}}
        });
        let p = Policy::from_value(s, "p.json").unwrap();
        let d = p
            .check(
                &json!({"span": {"offset": 0, "length": 4}, "lead": []}),
                "Title\n",
            )
            .unwrap();
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].code, "S003");
        assert_eq!(d[0].message, "no lead");
        assert_eq!(d[0].help.as_deref(), Some("write one"));
        assert_eq!(d[0].severity, Severity::Info);
    }

    #[test]
    fn catastrophic_pattern_is_a_schema_error() {
        // Nested quantifiers plus a backreference: exponential for a backtracking engine.
        let s = json!({"properties": {"t": {"type": "string", "pattern": "^((a*)*b)\\1$"}}});
        let p = Policy::from_value(s, "p.json").unwrap();
        let e = p.check(&json!({"t": "a".repeat(40)}), "").unwrap_err();
        assert!(e.reason.contains("too costly"), "{e}");
    }
}
