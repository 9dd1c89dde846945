//! `encyclint report merge`: the JSON reports of parts of one run (shards,
//! `check --shard K/N`) read back and joined into the report of the whole run,
//! in any format that does not need the articles' text.
//!
//! A JSON report holds everything the other formats write: each diagnostic
//! with its positions, fix and line hash, every file of the run (`files`), the
//! references' counts (`summary.references`) and the run's notes. Files are put
//! back in the order a single run over the same directory lists them (path
//! components compared in order), the totals are added up again, and notes
//! said by several parts are said once.

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use serde_json::Value;

use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Label, Severity};
use crate::report::{FileResult, Located, Positioned, References, Summary};
use crate::span::{LineCol, Span};

/// One JSON report, read back.
#[derive(Debug, Default)]
pub struct Part {
    /// Its files, with their findings in report order.
    pub files: Vec<FileResult>,
    /// Its summary (counts are recomputed from the files when merging).
    pub summary: Summary,
}

/// Why a report cannot be merged: the message names the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergeError(pub String);

impl std::fmt::Display for MergeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for MergeError {}

fn field<'a>(v: &'a Value, key: &str, at: &str) -> Result<&'a Value, String> {
    v.get(key).ok_or_else(|| format!("{at} has no `{key}`"))
}

fn string(v: &Value, key: &str, at: &str) -> Result<String, String> {
    field(v, key, at)?
        .as_str()
        .map(str::to_string)
        .ok_or_else(|| format!("{at}: `{key}` is not a string"))
}

fn opt_string(v: &Value, key: &str, at: &str) -> Result<Option<String>, String> {
    match v.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(format!("{at}: `{key}` is not a string")),
    }
}

fn count(v: &Value, key: &str, at: &str) -> Result<usize, String> {
    field(v, key, at)?
        .as_u64()
        .and_then(|n| usize::try_from(n).ok())
        .ok_or_else(|| format!("{at}: `{key}` is not a count"))
}

fn array<'a>(v: &'a Value, key: &str, at: &str) -> Result<&'a [Value], String> {
    field(v, key, at)?
        .as_array()
        .map(Vec::as_slice)
        .ok_or_else(|| format!("{at}: `{key}` is not an array"))
}

fn positioned(v: &Value, at: &str) -> Result<Positioned, String> {
    let offset = count(v, "offset", at)?;
    let length = count(v, "length", at)?;
    Ok(Positioned {
        span: Span::new(offset, offset.saturating_add(length)),
        start: LineCol {
            line: count(v, "line", at)?,
            column: count(v, "column", at)?,
        },
        end: LineCol {
            line: count(v, "end_line", at)?,
            column: count(v, "end_column", at)?,
        },
    })
}

fn applicability(s: &str, at: &str) -> Result<Applicability, String> {
    match s {
        "safe" => Ok(Applicability::Safe),
        "unsafe" => Ok(Applicability::Unsafe),
        "display_only" => Ok(Applicability::DisplayOnly),
        _ => Err(format!("{at}: unknown fix applicability `{s}`")),
    }
}

/// A diagnostic of the JSON report, as the reporters take it.
fn located(v: &Value, at: &str) -> Result<(String, Located), String> {
    let file = string(v, "file", at)?;
    let severity = string(v, "severity", at)?;
    let severity =
        Severity::parse(&severity).ok_or_else(|| format!("{at}: unknown severity `{severity}`"))?;
    let primary = positioned(field(v, "span", at)?, at)?;
    let mut diag = Diagnostic::new(
        &string(v, "code", at)?,
        &string(v, "name", at)?,
        severity,
        primary.span,
        string(v, "message", at)?,
    );
    diag.help = opt_string(v, "help", at)?;
    let mut labels = Vec::new();
    for (i, l) in array(v, "labels", at)?.iter().enumerate() {
        let p = positioned(field(l, "span", at)?, at)?;
        let message = string(l, "message", at)?;
        // The report lists the primary span's own label first, at its span.
        if i == 0 && p == primary {
            diag.label = Some(message);
        } else {
            diag.labels.push(Label {
                message,
                span: p.span,
            });
            labels.push(p);
        }
    }
    let mut edits = Vec::new();
    if let Some(f) = v.get("fix").filter(|f| !f.is_null()) {
        let mut fix = Fix {
            title: string(f, "title", at)?,
            applicability: applicability(&string(f, "applicability", at)?, at)?,
            edits: Vec::new(),
        };
        for e in array(f, "edits", at)? {
            let p = positioned(field(e, "span", at)?, at)?;
            fix.edits.push(Edit {
                span: p.span,
                text: string(e, "text", at)?,
            });
            edits.push(p);
        }
        diag.fix = Some(fix);
    }
    let line_hash = string(v, "line_hash", at)?;
    Ok((
        file,
        Located {
            diag,
            at: primary,
            labels,
            edits,
            line_hash,
        },
    ))
}

fn references(v: &Value, at: &str) -> Result<References, String> {
    Ok(References {
        found: count(v, "found", at)?,
        resolved: count(v, "resolved", at)?,
        unresolved: count(v, "unresolved", at)?,
        non_canonical: count(v, "non_canonical", at)?,
        titles: count(v, "index_titles", at)? as u64,
        redirects: count(v, "index_redirects", at)? as u64,
    })
}

/// Read one JSON report (`check --format json`) named `name`.
///
/// # Errors
/// Not JSON, not an encyclint report of this version, or written by an
/// encyclint that did not list its files.
pub fn read(name: &str, text: &str) -> Result<Part, MergeError> {
    let err = |m: String| MergeError(format!("{name}: {m}"));
    let doc: Value =
        serde_json::from_str(text).map_err(|e| err(format!("not a JSON report ({e})")))?;
    if doc.pointer("/tool/name").and_then(Value::as_str) != Some("encyclint") {
        return Err(err(
            "not an encyclint report (`tool.name` is not \"encyclint\")".into(),
        ));
    }
    if doc.get("version").and_then(Value::as_u64) != Some(1) {
        return Err(err(
            "report version is not 1: merge reports of this encyclint's `check --format json`"
                .into(),
        ));
    }
    let files = doc.get("files").and_then(Value::as_array).ok_or_else(|| {
        err("the report has no `files` list: it was written by an older encyclint; run `check --format json` again".into())
    })?;
    let mut part = Part::default();
    let mut at_file: BTreeMap<String, usize> = BTreeMap::new();
    for f in files {
        let path = f
            .as_str()
            .ok_or_else(|| err("`files` holds something that is not a path".into()))?;
        if at_file.insert(path.to_string(), part.files.len()).is_some() {
            return Err(err(format!("`{path}` is listed twice in `files`")));
        }
        part.files.push(FileResult {
            path: path.to_string(),
            ..FileResult::default()
        });
    }
    let diagnostics = array(&doc, "diagnostics", "the report").map_err(err)?;
    for (i, d) in diagnostics.iter().enumerate() {
        let (file, l) = located(d, &format!("diagnostic {}", i + 1)).map_err(err)?;
        let Some(&at) = at_file.get(&file) else {
            return Err(err(format!(
                "diagnostic {} is about `{file}`, which is not in `files`",
                i + 1
            )));
        };
        let r = &mut part.files[at];
        if l.diag.code.starts_with('E') {
            // An input error (E001, E002) means the file could not be checked.
            r.failed = true;
        }
        r.diagnostics.push(l);
    }
    let summary = field(&doc, "summary", "the report").map_err(err)?;
    part.summary.fixed = match summary.get("fixed") {
        None => None,
        Some(_) => Some(count(summary, "fixed", "the summary").map_err(err)?),
    };
    if let Some(r) = summary.get("references") {
        part.summary.references = Some(references(r, "summary.references").map_err(err)?);
    }
    if let Some(notes) = doc.get("notes") {
        let notes = notes
            .as_array()
            .ok_or_else(|| err("`notes` is not an array".into()))?;
        for n in notes {
            let n = n
                .as_str()
                .ok_or_else(|| err("`notes` holds something that is not text".into()))?;
            part.summary.notes.push(n.to_string());
        }
    }
    Ok(part)
}

/// Shown paths in the order a run over their directory lists them: path
/// components compared one by one, as directories are walked.
fn path_order(a: &str, b: &str) -> Ordering {
    Path::new(a)
        .components()
        .cmp(Path::new(b).components())
        .then_with(|| a.cmp(b))
}

/// Join the parts of one run: every file once, in path order, the totals
/// added up again and each note said once.
///
/// # Errors
/// A file that is in two parts: the parts overlap, so they are not shards of
/// one run (`names` names the parts, in the order of `parts`).
pub fn merge(parts: Vec<Part>, names: &[String]) -> Result<(Vec<FileResult>, Summary), MergeError> {
    let mut owner: BTreeMap<String, usize> = BTreeMap::new();
    let mut files = Vec::new();
    let mut summary = Summary::default();
    let mut references: Option<References> = None;
    let mut notes: Vec<String> = Vec::new();
    let mut said: HashSet<String> = HashSet::new();
    for (i, part) in parts.into_iter().enumerate() {
        let own_note = part.summary.references.map(|r| r.note());
        if let Some(r) = part.summary.references {
            references.get_or_insert_with(References::default).add(&r);
        }
        if let Some(f) = part.summary.fixed {
            *summary.fixed.get_or_insert(0) += f;
        }
        for n in part.summary.notes {
            if own_note.as_ref() != Some(&n) && said.insert(n.clone()) {
                notes.push(n);
            }
        }
        for r in part.files {
            if let Some(first) = owner.insert(r.path.clone(), i) {
                let name = |k: usize| names.get(k).map_or("?", String::as_str);
                return Err(MergeError(format!(
                    "`{}` is in both {} and {}: merge the reports of disjoint shards (`check --shard K/N`) of one run",
                    r.path,
                    name(first),
                    name(i)
                )));
            }
            files.push(r);
        }
    }
    files.sort_by(|a, b| path_order(&a.path, &b.path));
    for r in &files {
        summary.add(r);
    }
    // As in a single run: the references' note first, then the others.
    if let Some(r) = references {
        summary.notes.push(r.note());
    }
    summary.notes.extend(notes);
    summary.references = references;
    Ok((files, summary))
}

#[cfg(test)]
mod tests {
    use super::*;

    const ONE: &str = r#"{
  "diagnostics": [
    {"file": "a/x.md", "code": "S004", "name": "empty-section", "severity": "warning",
     "message": "m", "help": null, "line_hash": "h",
     "span": {"offset": 3, "length": 2, "line": 1, "column": 4, "end_line": 1, "end_column": 6},
     "labels": [{"message": "here", "span": {"offset": 3, "length": 2, "line": 1, "column": 4, "end_line": 1, "end_column": 6}},
                {"message": "there", "span": {"offset": 0, "length": 1, "line": 1, "column": 1, "end_line": 1, "end_column": 2}}],
     "fix": {"title": "t", "applicability": "display_only", "edits": [{"span": {"offset": 3, "length": 2, "line": 1, "column": 4, "end_line": 1, "end_column": 6}, "text": ""}]}}
  ],
  "files": ["a/x.md", "a/b/y.md"],
  "notes": ["references: 4 found, 3 resolved (75.0%), 1 unresolved, 0 non-canonical; index: 9 titles, 0 redirects", "same"],
  "summary": {"files": 2, "errors": 0, "warnings": 1, "infos": 0,
              "references": {"found": 4, "resolved": 3, "unresolved": 1, "non_canonical": 0, "index_titles": 9, "index_redirects": 0}},
  "tool": {"name": "encyclint", "version": "0"},
  "version": 1
}"#;

    #[test]
    fn a_report_reads_back_with_labels_fixes_and_references() {
        let p = read("one.json", ONE).unwrap();
        assert_eq!(p.files.len(), 2);
        let l = &p.files[0].diagnostics[0];
        assert_eq!(l.diag.label.as_deref(), Some("here"));
        assert_eq!(l.diag.labels.len(), 1);
        assert_eq!(l.labels.len(), 1);
        assert_eq!(l.edits.len(), 1);
        assert_eq!(
            l.diag.fix.as_ref().unwrap().applicability,
            Applicability::DisplayOnly
        );
        assert_eq!(p.summary.references.unwrap().found, 4);
    }

    #[test]
    fn merged_parts_add_up_sort_and_say_notes_once() {
        let two = ONE
            .replace("a/x.md", "a/c.md")
            .replace("\"a/b/y.md\"", "\"z.md\"");
        let names = ["one.json".to_string(), "two.json".to_string()];
        let (files, s) = merge(
            vec![
                read("one.json", ONE).unwrap(),
                read("two.json", &two).unwrap(),
            ],
            &names,
        )
        .unwrap();
        let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
        // Components in order: `a/b/y.md` before `a/c.md`, as a walk lists them.
        assert_eq!(paths, ["a/b/y.md", "a/c.md", "a/x.md", "z.md"]);
        assert_eq!((s.files, s.warnings), (4, 2));
        let r = s.references.unwrap();
        assert_eq!((r.found, r.resolved, r.titles), (8, 6, 9));
        assert_eq!(s.notes, [r.note(), "same".to_string()]);
    }

    #[test]
    fn overlapping_or_foreign_reports_are_refused_by_name() {
        let names = ["one.json".to_string(), "again.json".to_string()];
        let e = merge(
            vec![
                read("one.json", ONE).unwrap(),
                read("again.json", ONE).unwrap(),
            ],
            &names,
        )
        .unwrap_err();
        assert!(
            e.0.contains("a/x.md") && e.0.contains("one.json") && e.0.contains("again.json"),
            "{e}"
        );
        for (text, why) in [
            ("nope", "not a JSON report"),
            ("{}", "not an encyclint report"),
            (&ONE.replace("\"version\": 1", "\"version\": 2"), "version"),
            (&ONE.replace("\"files\"", "\"filez\""), "older encyclint"),
            (
                &ONE.replace("\"severity\": \"warning\"", "\"severity\": \"loud\""),
                "severity",
            ),
            (
                &ONE.replace("[\"a/x.md\", \"a/b/y.md\"]", "[\"a/b/y.md\"]"),
                "not in `files`",
            ),
        ] {
            let e = read("r.json", text).unwrap_err();
            assert!(e.0.starts_with("r.json: ") && e.0.contains(why), "{e}");
        }
    }
}
