//! Fixture expectations. One naming scheme: an article `fixtures/<family>/<case>.<ext>`
//! (`<case>` is the rule's name, `-clean` for a case that must not fire, or a
//! scenario) has beside it:
//!
//! - `<case>.<ext>.expect`: one line per diagnostic it must produce,
//!   `LINE:COL CODE` with an optional `"message part"`. The found set must equal
//!   the expected set exactly ("too few or too many"); an empty list means the
//!   article must stay clean. `ENCYCLINT_BLESS=1 cargo test` rewrites them.
//! - `<case>.<ext>.args` (optional): extra `check` arguments, one per line,
//!   paths relative to the fixture's directory. A directory with a
//!   `corpus.args` file is checked as one corpus run (cross-article rules).
//! - `<case>.fixed.<ext>` (optional): the article after `check --fix`.
//! - a whole-diagnostic snapshot (code, span, message, labels, help, fix) in
//!   `tests/it/snapshots/fixtures__<family>__<case>.<ext>.snap`, kept by `insta`:
//!   `INSTA_UPDATE=always cargo test` writes new ones; review them with `git diff`.
//!
//! Invariants checked for every diagnostic: the span lies inside the file and
//! on char boundaries, the code is a registered rule, and the JSON report
//! validates against `schema/report.schema.json`.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::util::{bin, root};

const ARTICLE_EXTS: &[&str] = &["txt", "md", "markdown", "wiki"];

fn is_article(p: &Path) -> bool {
    let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let ext_ok = p
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_EXTS.contains(&e));
    // Not articles: attributions and title lists (see fixtures/.encyclintignore).
    let not_article =
        ["SOURCES.md", "README.md", "titles.txt"].contains(&name) || name.ends_with(".titles.txt");
    ext_ok && !name.contains(".fixed.") && !not_article
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, out);
        } else if is_article(&p) {
            out.push(p);
        }
    }
}

fn args_file(p: &Path) -> Vec<String> {
    fs::read_to_string(p)
        .map(|s| {
            s.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(String::from)
                .collect()
        })
        .unwrap_or_default()
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Expected {
    line: usize,
    col: usize,
    code: String,
    message: Option<String>,
}

fn bad(path: &Path, n: usize, raw: &str) -> ! {
    panic!(
        "{}:{}: expected `LINE:COL CODE \"message part\"`, got `{raw}`",
        path.display(),
        n + 1
    )
}

fn parse_expect(path: &Path) -> Vec<Expected> {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut out = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (pos, rest) = line.split_once(' ').unwrap_or_else(|| bad(path, n, raw));
        let (l, c) = pos.split_once(':').unwrap_or_else(|| bad(path, n, raw));
        let rest = rest.trim();
        let (code, msg) = match rest.split_once(' ') {
            Some((code, m)) => (code, Some(m.trim().trim_matches('"').to_string())),
            None => (rest, None),
        };
        out.push(Expected {
            line: l.parse().unwrap_or_else(|_| bad(path, n, raw)),
            col: c.parse().unwrap_or_else(|_| bad(path, n, raw)),
            code: code.to_string(),
            message: msg,
        });
    }
    out.sort();
    out
}

/// Run `check --format json` over `files` with `args` in `dir`; diagnostics by file name.
fn run(dir: &Path, files: &[PathBuf], args: &[String]) -> (Value, BTreeMap<String, Vec<Value>>) {
    let mut cmd = bin();
    cmd.current_dir(dir)
        .arg("check")
        .arg("--format")
        .arg("json")
        .arg("--color")
        .arg("never");
    cmd.args(args);
    for f in files {
        cmd.arg(f.file_name().unwrap());
    }
    let out = cmd.output().unwrap();
    let code = out.status.code().unwrap_or(-1);
    assert!(
        code == 0 || code == 1,
        "{}: exit {code}: {}",
        dir.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    let mut by_file: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    for d in report["diagnostics"].as_array().unwrap() {
        by_file
            .entry(d["file"].as_str().unwrap().to_string())
            .or_default()
            .push(d.clone());
    }
    (report, by_file)
}

fn check_invariants(file: &Path, diags: &[Value]) {
    let text = fs::read_to_string(file).unwrap();
    for d in diags {
        let code = d["code"].as_str().unwrap();
        assert!(
            encyclint::rules::lookup(code).is_some(),
            "{}: unregistered code {code}",
            file.display()
        );
        let off = usize::try_from(d["span"]["offset"].as_u64().unwrap()).unwrap();
        let len = usize::try_from(d["span"]["length"].as_u64().unwrap()).unwrap();
        assert!(
            off + len <= text.len(),
            "{}: span past the end: {d}",
            file.display()
        );
        assert!(
            text.is_char_boundary(off) && text.is_char_boundary(off + len),
            "{}: span off char boundary: {d}",
            file.display()
        );
    }
}

/// `case.txt.expect` for `case.txt`.
fn expect_path_for(file: &Path) -> PathBuf {
    sidecar(file, "expect")
}

/// `<file name>.<what>` beside the file.
fn sidecar(file: &Path, what: &str) -> PathBuf {
    let mut name = file.file_name().unwrap().to_os_string();
    name.push(".");
    name.push(what);
    file.with_file_name(name)
}

/// `case.fixed.txt` for `case.txt`.
fn fixed_path_for(file: &Path) -> PathBuf {
    let ext = file.extension().unwrap().to_str().unwrap();
    file.with_extension(format!("fixed.{ext}"))
}

fn pos(span: &Value) -> String {
    format!(
        "{}:{}-{}:{}",
        span["line"], span["column"], span["end_line"], span["end_column"]
    )
}

fn written(text: &str, span: &Value) -> String {
    let off = usize::try_from(span["offset"].as_u64().unwrap()).unwrap();
    let len = usize::try_from(span["length"].as_u64().unwrap()).unwrap();
    let t: String = text
        .get(off..off + len)
        .unwrap_or("")
        .chars()
        .take(60)
        .collect();
    format!("{t:?}")
}

/// Every field of every diagnostic, one block each, in report order.
fn snapshot_text(file: &Path, diags: &[Value]) -> String {
    let text = fs::read_to_string(file).unwrap();
    let mut out = String::new();
    if diags.is_empty() {
        out.push_str("(no diagnostics)\n");
    }
    for d in diags {
        let span = &d["span"];
        out.push_str(&format!(
            "{} {} {} at {} {}\n  message: {}\n",
            d["code"].as_str().unwrap(),
            d["name"].as_str().unwrap(),
            d["severity"].as_str().unwrap(),
            pos(span),
            written(&text, span),
            d["message"].as_str().unwrap()
        ));
        for l in d["labels"].as_array().unwrap() {
            out.push_str(&format!(
                "  label at {} {}: {}\n",
                pos(&l["span"]),
                written(&text, &l["span"]),
                l["message"].as_str().unwrap()
            ));
        }
        if let Some(h) = d["help"].as_str() {
            out.push_str(&format!("  help: {h}\n"));
        }
        if let Some(f) = d["fix"].as_object() {
            out.push_str(&format!(
                "  fix ({}): {}\n",
                f["applicability"].as_str().unwrap(),
                f["title"].as_str().unwrap()
            ));
            for e in f["edits"].as_array().unwrap() {
                out.push_str(&format!(
                    "    edit at {} {} -> {:?}\n",
                    pos(&e["span"]),
                    written(&text, &e["span"]),
                    e["text"].as_str().unwrap()
                ));
            }
        }
    }
    out
}

fn snapshot(file: &Path, diags: &[Value]) {
    let rel = file
        .strip_prefix(root().join("fixtures"))
        .unwrap()
        .to_string_lossy()
        .replace(['/', '\\'], "__");
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(root().join("tests/it/snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| {
        insta::assert_snapshot!(format!("fixtures__{rel}"), snapshot_text(file, diags));
    });
}

/// `check --fix` on a copy of the article gives its `.fixed` file.
fn check_fixed(file: &Path, args: &[String], failures: &mut Vec<String>) {
    let want_path = fixed_path_for(file);
    if !want_path.exists() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let dir = file.parent().unwrap();
    // The index and alias files the args name sit beside the fixture.
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_file() {
            fs::copy(&p, tmp.path().join(p.file_name().unwrap())).unwrap();
        }
    }
    let out = bin()
        .current_dir(tmp.path())
        .args(["check", "--fix", "--format", "json"])
        .args(args)
        .arg(file.file_name().unwrap())
        .output()
        .unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}: --fix exited {:?}",
        file.display(),
        out.status.code()
    );
    let got = fs::read_to_string(tmp.path().join(file.file_name().unwrap())).unwrap();
    let want = fs::read_to_string(&want_path).unwrap();
    if got != want {
        failures.push(format!(
            "{}: --fix gives\n{got}\nbut {} says\n{want}",
            file.display(),
            want_path.display()
        ));
    }
}

fn compare(file: &Path, diags: &[Value], failures: &mut Vec<String>) {
    let expect_path = expect_path_for(file);
    let found: Vec<Expected> = {
        let mut v: Vec<Expected> = diags
            .iter()
            .map(|d| Expected {
                line: usize::try_from(d["span"]["line"].as_u64().unwrap()).unwrap(),
                col: usize::try_from(d["span"]["column"].as_u64().unwrap()).unwrap(),
                code: d["code"].as_str().unwrap().to_string(),
                message: d["message"].as_str().map(String::from),
            })
            .collect();
        v.sort();
        v
    };
    if std::env::var_os("ENCYCLINT_BLESS").is_some() {
        let mut s = format!(
            "# expected diagnostics for {}\n",
            file.file_name().unwrap().to_string_lossy()
        );
        for f in &found {
            s.push_str(&format!(
                "{}:{} {} \"{}\"\n",
                f.line,
                f.col,
                f.code,
                f.message.as_deref().unwrap_or("")
            ));
        }
        fs::write(&expect_path, s).unwrap();
        return;
    }
    if !expect_path.exists() {
        failures.push(format!(
            "{}: no .expect sidecar (run with ENCYCLINT_BLESS=1 and review)",
            file.display()
        ));
        return;
    }
    let expected = parse_expect(&expect_path);
    let key = |e: &Expected| (e.line, e.col, e.code.clone());
    let mut missing: Vec<String> = Vec::new();
    let mut remaining: Vec<&Expected> = found.iter().collect();
    for e in &expected {
        let pos = remaining.iter().position(|f| key(f) == key(e));
        match pos {
            Some(i) => {
                let f = remaining.remove(i);
                if let Some(part) = &e.message {
                    let msg = f.message.as_deref().unwrap_or("");
                    if !msg.contains(part.as_str()) {
                        missing.push(format!(
                            "{}:{} {}: message `{msg}` lacks `{part}`",
                            e.line, e.col, e.code
                        ));
                    }
                }
            }
            None => missing.push(format!("{}:{} {} (missing)", e.line, e.col, e.code)),
        }
    }
    let extra: Vec<String> = remaining
        .iter()
        .map(|f| {
            format!(
                "{}:{} {} \"{}\" (unexpected)",
                f.line,
                f.col,
                f.code,
                f.message.as_deref().unwrap_or("")
            )
        })
        .collect();
    if !missing.is_empty() || !extra.is_empty() {
        failures.push(format!(
            "{}:\n  {}",
            file.display(),
            missing
                .into_iter()
                .chain(extra)
                .collect::<Vec<_>>()
                .join("\n  ")
        ));
    }
}

#[test]
fn every_fixture_matches_its_expectations() {
    let dir = root().join("fixtures");
    let mut files = Vec::new();
    walk(&dir, &mut files);
    assert!(files.len() >= 2, "fixtures missing");
    let report_schema: Value = serde_json::from_str(encyclint::schema::REPORT_SCHEMA).unwrap();
    let report_validator = jsonschema::validator_for(&report_schema).unwrap();
    let mut failures = Vec::new();
    // Group: corpus directories run as one; other files run one by one.
    let mut corpus_dirs: BTreeMap<PathBuf, Vec<PathBuf>> = BTreeMap::new();
    let mut singles = Vec::new();
    for f in files {
        let d = f.parent().unwrap().to_path_buf();
        if d.join("corpus.args").exists() {
            corpus_dirs.entry(d).or_default().push(f);
        } else {
            singles.push(f);
        }
    }
    let mut runs: Vec<(PathBuf, Vec<PathBuf>, Vec<String>)> = corpus_dirs
        .into_iter()
        .map(|(d, fs_)| {
            let args = args_file(&d.join("corpus.args"));
            (d, fs_, args)
        })
        .collect();
    for f in singles {
        let d = f.parent().unwrap().to_path_buf();
        let args = args_file(&sidecar(&f, "args"));
        runs.push((d, vec![f], args));
    }
    for (d, group, args) in runs {
        let (report, by_file) = run(&d, &group, &args);
        let errors: Vec<String> = report_validator
            .iter_errors(&report)
            .map(|e| e.to_string())
            .collect();
        assert!(
            errors.is_empty(),
            "{}: report does not match report.schema.json: {errors:?}",
            d.display()
        );
        for f in &group {
            let name = f.file_name().unwrap().to_str().unwrap().to_string();
            let diags = by_file.get(&name).cloned().unwrap_or_default();
            check_invariants(f, &diags);
            compare(f, &diags, &mut failures);
            snapshot(f, &diags);
            check_fixed(f, &args, &mut failures);
        }
    }
    assert!(
        failures.is_empty(),
        "fixture expectations differ:\n{}",
        failures.join("\n")
    );
}

#[test]
fn every_fixture_model_matches_the_article_schema() {
    use encyclint::source::{Format, SourceFile};
    let dir = root().join("fixtures");
    let mut files = Vec::new();
    walk(&dir, &mut files);
    let policy = encyclint::schema::Policy::builtin();
    for f in files {
        let text = fs::read_to_string(&f).unwrap();
        let name = f.display().to_string();
        let src = SourceFile::new(name.clone(), text.clone(), Format::from_path(&name));
        let settings = encyclint::settings::Settings::default();
        let cx = encyclint::linter::Context {
            settings: &settings,
            policy: &policy,
            titles: None,
        };
        let article = encyclint::linter::analyse(&src, &cx);
        let value = serde_json::to_value(&article).unwrap();
        let structural: Vec<String> = policy
            .check(&value, &text)
            .unwrap()
            .into_iter()
            .filter(|d| d.code == "J001")
            .map(|d| d.message)
            .collect();
        assert!(
            structural.is_empty(),
            "{name}: model does not match schema/article.schema.json: {structural:?}"
        );
    }
}
