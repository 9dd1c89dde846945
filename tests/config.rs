//! `encyclint.toml` and inline suppressions on the real binary, and the config
//! schema kept in sync with the Rust types.

use std::collections::BTreeSet;
use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

const SEED: &str = "fixtures/defense-cooperation.txt";

/// Every key the config accepts, with a value of the right type.
const FULL_CONFIG: &str = r#"
schema = "policy.json"
titles = ["titles.txt", "more-titles.txt"]
aliases = "aliases.toml"
complete-index = true
max-findings-per-file = 500
select = ["S", "J"]
ignore = ["S007"]
include = ["articles/**"]
exclude = ["drafts", "*.tmp.md"]

[rules]
S004 = "off"
missing-lead = "error"
S006 = "warn"

[balance]
max_share = 0.7
min_sentences = 4
min_exchanges = 2
max_last_word_share = 0.9
controversy_headings = ["Criticism", "Reception"]

[per-file-ignores]
"stubs/*.txt" = ["S003", "empty-section"]

[words-to-watch]
remove = ["arguably"]
puffery = { severity = "info", add = ["truly great"] }
label = { severity = "off" }
weasel = { add = ["word has it"] }
doubt = { severity = "error" }
editorial = { severity = "warning" }
said = { severity = "warning" }
euphemism = { add = ["went to sleep"] }
cliche = { severity = "off" }
"#;

fn encyclint() -> Command {
    Command::cargo_bin("encyclint").expect("binary")
}

fn schema() -> Value {
    serde_json::from_str(&std::fs::read_to_string("schema/config.schema.json").expect("schema"))
        .expect("json")
}

/// Keys of `properties`, as `table.key`, for the top level and nested tables.
fn schema_keys(s: &Value, prefix: &str, out: &mut BTreeSet<String>) {
    if let Some(props) = s["properties"].as_object() {
        for (k, v) in props {
            out.insert(format!("{prefix}{k}"));
            schema_keys(v, &format!("{prefix}{k}."), out);
        }
    }
}

/// The fields serde expects, read from its "unknown field" error, which lists them.
fn parser_keys(table: &str) -> BTreeSet<String> {
    let probe = if table.is_empty() {
        "zz-probe = 1\n".to_string()
    } else {
        format!("[{table}]\nzz_probe = 1\n")
    };
    let err = encyclint::config::parse(&probe, Path::new("/p/encyclint.toml"))
        .expect_err("unknown key is an error");
    let msg = err.reason;
    let list = msg
        .split("expected one of")
        .nth(1)
        .unwrap_or_else(|| panic!("no field list in: {msg}"));
    let prefix = if table.is_empty() {
        String::new()
    } else {
        format!("{table}.")
    };
    list.split(',')
        .map(|s| format!("{prefix}{}", s.trim().trim_matches('`')))
        .collect()
}

#[test]
fn config_schema_is_printed_and_in_sync_with_the_parser() {
    let printed = encyclint()
        .args(["schema", "config"])
        .output()
        .expect("run");
    assert_eq!(
        String::from_utf8(printed.stdout).expect("utf-8"),
        std::fs::read_to_string("schema/config.schema.json").expect("file")
    );

    let schema = schema();
    // The full example is valid for the schema and for the parser...
    let as_json: Value =
        serde_json::to_value(toml::from_str::<toml::Value>(FULL_CONFIG).expect("toml"))
            .expect("json");
    let validator = jsonschema::validator_for(&schema).expect("config schema compiles");
    let errs: Vec<String> = validator
        .iter_errors(&as_json)
        .map(|e| e.to_string())
        .collect();
    assert!(errs.is_empty(), "{errs:?}");
    let cfg = encyclint::config::parse(FULL_CONFIG, Path::new("/p/encyclint.toml"))
        .expect("the parser accepts it");
    assert_eq!(cfg.schema.as_deref(), Some(Path::new("/p/policy.json")));
    assert_eq!(cfg.titles.len(), 2);
    assert_eq!(
        cfg.aliases,
        vec![Path::new("/p/aliases.toml").to_path_buf()]
    );

    // ...and it uses every key the schema knows, which is every key the parser knows.
    let mut in_schema = BTreeSet::new();
    schema_keys(&schema, "", &mut in_schema);
    let mut in_example = BTreeSet::new();
    schema_keys(
        &serde_json::json!({"properties": as_json.as_object().map(|o| o.iter().map(|(k, v)| {
        let nested = if k == "balance" || k == "words-to-watch" { serde_json::json!({"properties": v}) } else { Value::Null };
        (k.clone(), nested)
    }).collect::<serde_json::Map<_, _>>())}),
        "",
        &mut in_example,
    );
    assert_eq!(
        in_example, in_schema,
        "the full example must use every schema key"
    );
    let mut in_parser = parser_keys("");
    in_parser.extend(parser_keys("balance"));
    // `[words-to-watch]` names its categories in its own error.
    let err = encyclint::config::parse("[words-to-watch]\nzz = {}\n", Path::new("/p/e.toml"))
        .expect_err("an unknown category is an error");
    let cats = err
        .reason
        .split("the categories are ")
        .nth(1)
        .expect("a list");
    in_parser.extend(
        cats.trim_end_matches(", and `remove`")
            .split(", ")
            .map(|c| format!("words-to-watch.{c}")),
    );
    in_parser.insert("words-to-watch.remove".into());
    assert_eq!(
        in_parser, in_schema,
        "schema/config.schema.json and src/config.rs disagree"
    );

    // Unknown keys are rejected by both.
    let bad = serde_json::json!({"shema": "x.json"});
    assert!(!validator.is_valid(&bad));
}

#[test]
fn settings_come_from_the_config() {
    let cfg = encyclint::config::parse(FULL_CONFIG, Path::new("/p/encyclint.toml")).expect("parse");
    let mut s = encyclint::settings::Settings::default();
    cfg.apply(&mut s);
    assert!((s.balance.max_share - 0.7).abs() < f64::EPSILON);
    assert_eq!(s.balance.min_sentences, 4);
    assert_eq!(s.balance.controversy_headings, ["Criticism", "Reception"]);
    assert!(s.complete_index);
    assert!(!s.enabled("S004"), "off");
    assert!(!s.enabled("S007"), "ignored");
    assert!(!s.enabled("E001"), "not selected");
    assert_eq!(
        s.severity("S003", encyclint::diagnostic::Severity::Warning),
        encyclint::diagnostic::Severity::Error
    );
    assert_eq!(s.titles.len(), 2);
}

#[test]
fn config_is_found_by_walking_up_and_flags_win() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("encyclint.toml"),
        "[rules]\ntitle-artifact = \"off\"\nS006 = \"error\"\n",
    )
    .expect("write");
    let sub = dir.path().join("a").join("b");
    std::fs::create_dir_all(&sub).expect("mkdir");
    std::fs::copy(SEED, sub.join("seed.txt")).expect("copy");
    // S002 is off, S006 is now an error.
    encyclint()
        .current_dir(&sub)
        .args(["check", "seed.txt", "--format", "short"])
        .assert()
        .code(1)
        .stdout(
            predicate::str::contains("error[S006]").and(predicate::str::contains("S002").not()),
        );
    // The command line wins: --select brings S002 back.
    encyclint()
        .current_dir(&sub)
        .args(["check", "seed.txt", "--format", "short", "--select", "S002"])
        .assert()
        .code(1)
        .stdout(
            predicate::str::contains("error[S002]").and(predicate::str::contains("S006").not()),
        );
    // --config names another file.
    let other = dir.path().join("other.toml");
    std::fs::write(&other, "ignore = [\"S\", \"B\"]\n").expect("write");
    encyclint()
        .current_dir(&sub)
        .args(["check", "seed.txt", "--format", "short", "--config"])
        .arg(&other)
        .assert()
        .code(0)
        .stdout("");
}

#[test]
fn unknown_keys_are_errors_naming_key_and_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("encyclint.toml"),
        "[balance]\nmax_shares = 0.7\n",
    )
    .expect("write");
    std::fs::copy(SEED, dir.path().join("seed.txt")).expect("copy");
    encyclint()
        .current_dir(dir.path())
        .args(["check", "seed.txt"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            predicate::str::contains("encyclint.toml").and(predicate::str::contains("max_shares")),
        );
    std::fs::write(
        dir.path().join("encyclint.toml"),
        "[rules]\nS999 = \"off\"\n",
    )
    .expect("write");
    encyclint()
        .current_dir(dir.path())
        .args(["check", "seed.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("encyclint.toml").and(predicate::str::contains("S999")));
    encyclint()
        .current_dir(dir.path())
        .args(["check", "seed.txt", "--config", "missing.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("missing.toml"));
}

#[test]
fn include_exclude_and_per_file_ignores() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    std::fs::write(
        root.join("encyclint.toml"),
        "exclude = [\"drafts\"]\n[per-file-ignores]\n\"stubs/*.txt\" = [\"S002\"]\n",
    )
    .expect("write");
    for d in ["drafts", "stubs", "articles"] {
        std::fs::create_dir(root.join(d)).expect("mkdir");
        std::fs::copy(SEED, root.join(d).join("seed.txt")).expect("copy");
    }
    let out = encyclint()
        .current_dir(root)
        .args(["check", ".", "--format", "short"])
        .output()
        .expect("run");
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(!text.contains("drafts/"), "excluded: {text}");
    assert!(
        text.contains("articles/seed.txt:1:20: error[S002]"),
        "{text}"
    );
    assert!(
        !text.contains("stubs/seed.txt:1:20"),
        "per-file ignore: {text}"
    );
    assert!(
        text.contains("stubs/seed.txt:25:1: warning[S006]"),
        "{text}"
    );
    // A file named on the command line is checked even if excluded.
    encyclint()
        .current_dir(root)
        .args(["check", "drafts/seed.txt", "--format", "short"])
        .assert()
        .stdout(predicate::str::contains("drafts/seed.txt:1:20"));
}

#[test]
fn config_schema_path_is_relative_to_the_config() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join("sub")).expect("mkdir");
    std::fs::write(
        dir.path().join("encyclint.toml"),
        "schema = \"nope.json\"\n",
    )
    .expect("write");
    std::fs::copy(SEED, dir.path().join("sub/seed.txt")).expect("copy");
    encyclint()
        .current_dir(dir.path().join("sub"))
        .args(["check", "seed.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nope.json"));
}

#[test]
fn inline_suppressions_in_markdown() {
    let dir = tempfile::tempdir().expect("tempdir");
    let md = "# Title\n\nA lead.\n\n<!-- encyclint-disable-next-line S004 -->\n## Empty one\n\n## Empty two\n\n<!-- encyclint-disable empty-section -->\n## Empty three\n\n## Empty four\n\n<!-- encyclint-enable -->\n## Empty five\n\n<!-- encyclint-disable-next-line S005 -->\n## Full\n\nText.\n";
    std::fs::write(dir.path().join("a.md"), md).expect("write");
    let out = encyclint()
        .current_dir(dir.path())
        .args(["check", "a.md", "--format", "short"])
        .output()
        .expect("run");
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines,
        [
            "a.md:8:1: warning[S004] section has no content",
            "a.md:16:1: warning[S004] section has no content",
            "a.md:18:1: warning[S100] `encyclint-disable-next-line S005` suppresses no S005 finding",
        ],
        "{text}"
    );
    // A file-wide suppression of S100 silences the report of unused ones.
    std::fs::write(
        dir.path().join("a.md"),
        format!("{md}<!-- encyclint-disable-file S100 -->\n"),
    )
    .expect("write");
    encyclint()
        .current_dir(dir.path())
        .args(["check", "a.md", "--format", "short"])
        .assert()
        .stdout(predicate::str::contains("S100").not());
}
