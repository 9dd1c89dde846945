//! Bad inputs on the real binary: each gives one clear line naming the file
//! (or a normal result) and the documented exit code, never a panic or a hang.
//!
//! Big inputs are generated at test time in a temporary directory. Every run
//! has a timeout, so a hang fails the test instead of stalling CI.

#![cfg(unix)]

use std::ffi::OsStr;
use std::fs;
use std::io::Write;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command as Std;
use std::time::Duration;

use tempfile::TempDir;

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn bin_path() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_encyclint"))
}

fn run_timeout(dir: &Path, args: &[&OsStr], secs: u64) -> Run {
    let out = assert_cmd::Command::new(bin_path())
        .current_dir(dir)
        .args(args)
        .env_remove("NO_COLOR")
        .timeout(Duration::from_secs(secs))
        .output()
        .expect("binary runs");
    let r = Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    assert!(r.code.is_some(), "killed (timeout or signal): {}", r.stderr);
    assert!(!r.stderr.contains("panicked"), "panic: {}", r.stderr);
    assert!(!r.stdout.contains("panicked"), "panic: {}", r.stdout);
    r
}

fn run(dir: &Path, args: &[&str]) -> Run {
    let args: Vec<&OsStr> = args.iter().map(OsStr::new).collect();
    run_timeout(dir, &args, 120)
}

fn tmp() -> TempDir {
    tempfile::tempdir().expect("temp dir")
}

/// The one `error[E001]` line for `name`, in human output (stdout).
fn error_line<'a>(r: &'a Run, name: &str) -> &'a str {
    let prefix = format!("error[E001]: {name}: ");
    r.stdout
        .lines()
        .find(|l| l.starts_with(&prefix))
        .unwrap_or_else(|| panic!("no `{prefix}` line in:\n{}", r.stdout))
}

const ARTICLE: &str = "Title\nLead text here.\nHistory\nSome text.\nHistory\nMore text.\nEmpty: \n";

#[test]
fn empty_file_is_linted_normally() {
    let d = tmp();
    fs::write(d.path().join("empty.txt"), "").unwrap();
    let r = run(d.path(), &["check", "--format", "short", "empty.txt"]);
    assert_eq!(r.code, Some(1), "S001 is an error: {}", r.stdout);
    assert!(
        r.stdout
            .contains("empty.txt:1:1: error[S001] the article has no title"),
        "{}",
        r.stdout
    );
}

#[test]
fn whitespace_only_file_is_linted_normally() {
    let d = tmp();
    fs::write(d.path().join("ws.md"), " \n\t\n\r\n   \n").unwrap();
    let r = run(d.path(), &["check", "--format", "short", "ws.md"]);
    assert_eq!(r.code, Some(1), "{}", r.stdout);
    assert!(r.stdout.contains("error[S001]"), "{}", r.stdout);
}

#[test]
fn invalid_utf8_names_the_file_and_byte_offset() {
    let d = tmp();
    fs::write(d.path().join("bad.txt"), b"Title\nLead \xff text.\n").unwrap();
    let r = run(d.path(), &["check", "--color", "never", "bad.txt"]);
    assert_eq!(r.code, Some(2));
    assert_eq!(
        error_line(&r, "bad.txt"),
        "error[E001]: bad.txt: invalid UTF-8 at byte offset 11"
    );
    // Machine formats keep stdout clean and say it on stderr.
    let r = run(d.path(), &["check", "--format", "json", "bad.txt"]);
    assert_eq!(r.code, Some(2));
    assert_eq!(
        r.stderr.trim(),
        "error[E001]: bad.txt: invalid UTF-8 at byte offset 11"
    );
    // A multibyte character cut off at the end of the file.
    fs::write(d.path().join("cut.txt"), b"Title\nCaf\xc3").unwrap();
    let r = run(d.path(), &["check", "cut.txt"]);
    assert_eq!(r.code, Some(2));
    assert!(error_line(&r, "cut.txt").ends_with("invalid UTF-8 at byte offset 9"));
}

#[test]
fn utf16_with_bom_is_refused_not_transcoded() {
    let d = tmp();
    let le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("Title\n".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let be: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain("Title\n".encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    fs::write(d.path().join("le.txt"), le).unwrap();
    fs::write(d.path().join("be.md"), be).unwrap();
    let r = run(d.path(), &["check", "le.txt", "be.md"]);
    assert_eq!(r.code, Some(2));
    for name in ["le.txt", "be.md"] {
        assert!(
            error_line(&r, name)
                .contains("UTF-16/UTF-32 text (byte-order mark); convert the file to UTF-8")
        );
    }
}

#[test]
fn utf8_bom_works_and_spans_count_its_bytes_but_not_a_column() {
    let d = tmp();
    fs::write(
        d.path().join("bom.txt"),
        "\u{feff}Defense CooperationEdit\nLead text.\n",
    )
    .unwrap();
    fs::write(
        d.path().join("plain.txt"),
        "Defense CooperationEdit\nLead text.\n",
    )
    .unwrap();
    let r = run(
        d.path(),
        &["check", "--format", "short", "bom.txt", "plain.txt"],
    );
    assert_eq!(r.code, Some(1));
    assert!(
        r.stdout.contains("bom.txt:1:20: error[S002]"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("plain.txt:1:20: error[S002]"),
        "{}",
        r.stdout
    );
    let r = run(d.path(), &["check", "--format", "json", "bom.txt"]);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let span = &v["diagnostics"][0]["span"];
    assert_eq!(
        span["offset"], 22,
        "byte offsets include the 3 BOM bytes: {span}"
    );
    assert_eq!(span["column"], 20, "{span}");
    let r = run(d.path(), &["check", "--color", "never", "bom.txt"]);
    assert!(r.stdout.contains("[bom.txt:1:20]"), "{}", r.stdout);
    assert!(
        !r.stdout.contains('\u{feff}') && !r.stdout.contains('\u{fffd}'),
        "{}",
        r.stdout
    );
}

#[test]
fn crlf_and_lone_cr_report_the_same_lines_as_lf() {
    let d = tmp();
    fs::write(d.path().join("lf.txt"), ARTICLE).unwrap();
    fs::write(d.path().join("crlf.txt"), ARTICLE.replace('\n', "\r\n")).unwrap();
    fs::write(d.path().join("cr.txt"), ARTICLE.replace('\n', "\r")).unwrap();
    let lf = run(d.path(), &["check", "--format", "short", "lf.txt"]);
    assert!(
        lf.stdout.contains("lf.txt:5:1: warning[S005]"),
        "{}",
        lf.stdout
    );
    assert!(
        lf.stdout.contains("lf.txt:7:1: warning[S008]"),
        "{}",
        lf.stdout
    );
    for name in ["crlf.txt", "cr.txt"] {
        let r = run(d.path(), &["check", "--format", "short", name]);
        assert_eq!(r.code, lf.code);
        assert_eq!(r.stdout.replace(name, "lf.txt"), lf.stdout, "{name}");
        // Human output renders without stray carriage returns acting on the terminal.
        let h = run(d.path(), &["check", "--color", "never", name]);
        assert!(!h.stdout.contains('\r'), "{name}: {:?}", h.stdout);
    }
}

#[test]
fn nul_bytes_are_binary_content() {
    let d = tmp();
    fs::write(d.path().join("nul.txt"), b"Title\0\nLead.\n").unwrap();
    let r = run(d.path(), &["check", "nul.txt"]);
    assert_eq!(r.code, Some(2));
    assert_eq!(
        error_line(&r, "nul.txt"),
        "error[E001]: nul.txt: binary content (NUL byte at byte offset 5); not an article"
    );
}

#[test]
fn a_binary_file_is_skipped_with_an_error() {
    let d = tmp();
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";
    fs::write(d.path().join("image.md"), png).unwrap();
    fs::write(d.path().join("good.md"), "# Good\n\nLead text.\n").unwrap();
    let r = run(d.path(), &["check", "."]);
    assert_eq!(r.code, Some(2));
    assert!(error_line(&r, "image.md").contains("binary content (NUL byte at byte offset 8)"));
    assert_eq!(
        r.stdout.matches("error[E001]").count(),
        1,
        "good.md is still checked: {}",
        r.stdout
    );
}

fn write_single_line(path: &Path, bytes: usize) {
    let mut s = String::with_capacity(bytes + 16);
    s.push_str("Title\n");
    while s.len() < bytes {
        s.push_str("word ");
    }
    s.push('\n');
    fs::write(path, s).unwrap();
}

#[test]
fn a_100_mb_line_is_over_the_default_size_limit() {
    let d = tmp();
    write_single_line(&d.path().join("huge.txt"), 100 * 1024 * 1024);
    let r = run(d.path(), &["check", "huge.txt"]);
    assert_eq!(r.code, Some(2));
    let line = error_line(&r, "huge.txt");
    assert!(
        line.contains("over the 16777216-byte limit (--max-file-size)"),
        "{line}"
    );
}

/// Offsets are 32-bit: a limit of 4 GiB or more is a usage error, not a
/// promise that a larger file would be read whole.
#[test]
fn a_size_limit_of_4_gib_or_more_is_a_usage_error() {
    let d = tmp();
    fs::write(d.path().join("a.txt"), "Title\n\nLead.\n").unwrap();
    let r = run(
        d.path(),
        &["check", "--max-file-size", "4294967296", "a.txt"],
    );
    assert_eq!(r.code, Some(2), "{}{}", r.stdout, r.stderr);
    assert!(r.stderr.contains("--max-file-size"), "{}", r.stderr);
    assert!(r.stderr.contains("4294967296"), "{}", r.stderr);
    let r = run(
        d.path(),
        &["check", "--max-file-size", "4294967295", "a.txt"],
    );
    assert_ne!(r.code, Some(2), "{}{}", r.stdout, r.stderr);
}

/// A file with more findings than the limit shows the first ones in report
/// order and counts the rest in one S101 finding, at the severity of the
/// worst left out, so the exit code is the one with no limit.
#[test]
fn findings_past_the_limit_are_counted_in_one_finding() {
    let d = tmp();
    let mut text = String::from("Title\n\nLead text here.\n\n");
    for i in 1..=30 {
        text.push_str(&format!("Item {i}: Text here. See Target{i}.\n"));
    }
    fs::write(d.path().join("a.txt"), text).unwrap();
    fs::write(d.path().join("titles.txt"), "Other\n").unwrap();
    let base = [
        "check",
        "a.txt",
        "--titles",
        "titles.txt",
        "--format",
        "short",
    ];
    let with = |extra: &[&str]| {
        let args: Vec<&str> = base.iter().chain(extra).copied().collect();
        run(d.path(), &args)
    };
    let r = with(&["--max-findings-per-file", "10", "--complete-index"]);
    assert_eq!(r.code, Some(1), "{}{}", r.stdout, r.stderr);
    let lines: Vec<&str> = r
        .stdout
        .lines()
        .filter(|l| l.starts_with("a.txt:"))
        .collect();
    assert_eq!(lines.len(), 11, "{}", r.stdout);
    assert!(lines[9].contains("`Target10`"), "{}", r.stdout);
    assert!(
        lines[10].contains("error[S101] 20 more findings in this file are not shown"),
        "{}",
        r.stdout
    );
    // Warnings left out make a warning; no limit shows all 30.
    let r = with(&["--max-findings-per-file", "10"]);
    assert_eq!(r.code, Some(0), "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("warning[S101] 20 more"), "{}", r.stdout);
    let r = with(&["--max-findings-per-file", "0"]);
    assert_eq!(r.stdout.matches("[R001]").count(), 30, "{}", r.stdout);
    assert!(!r.stdout.contains("S101"), "{}", r.stdout);
    // The config sets a limit; the flag wins over it, as over every key
    // (and `--complete-index` over `complete-index = false`).
    fs::write(
        d.path().join("encyclint.toml"),
        "max-findings-per-file = 5\ncomplete-index = false\n",
    )
    .unwrap();
    let r = with(&[]);
    assert!(r.stdout.contains("warning[S101] 25 more"), "{}", r.stdout);
    let r = with(&["--max-findings-per-file", "10", "--complete-index"]);
    assert_eq!(r.code, Some(1), "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("error[S101] 20 more"), "{}", r.stdout);
    fs::remove_file(d.path().join("encyclint.toml")).unwrap();
    // The human report says which rules and how to raise the limit.
    let r = run(
        d.path(),
        &[
            "check",
            "a.txt",
            "--titles",
            "titles.txt",
            "--max-findings-per-file",
            "10",
        ],
    );
    assert!(r.stdout.contains("not shown: 20 R001"), "{}", r.stdout);
    assert!(
        r.stdout.contains("--max-findings-per-file N"),
        "{}",
        r.stdout
    );
}

/// Past the limit, R001 skips its search for suggestions; what is shown is
/// byte for byte what a run with no limit shows first.
#[test]
fn the_findings_shown_under_a_limit_are_the_first_of_the_whole_run() {
    let d = tmp();
    let mut text = String::from("Title\n\nLead text here.\n\n");
    let mut titles = String::new();
    for i in 1..=300 {
        text.push_str(&format!("Item {i}: Text here. See Tagret{i}.\n"));
        titles.push_str(&format!("Target{i}\n"));
    }
    fs::write(d.path().join("a.txt"), text).unwrap();
    fs::write(d.path().join("titles.txt"), titles).unwrap();
    let json = |limit: &str| {
        let r = run(
            d.path(),
            &[
                "check",
                "a.txt",
                "--titles",
                "titles.txt",
                "--format",
                "json",
                "--max-findings-per-file",
                limit,
            ],
        );
        let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("JSON");
        v["diagnostics"].as_array().expect("diagnostics").clone()
    };
    let all = json("0");
    let some = json("20");
    assert_eq!(all.len(), 300);
    assert_eq!(some.len(), 21);
    assert_eq!(&some[..20], &all[..20]);
    assert!(
        some[0]["help"]
            .as_str()
            .is_some_and(|h| h.contains("Target1")),
        "{}",
        some[0]
    );
    assert_eq!(some[20]["code"], "S101");
    assert!(
        some[20]["message"]
            .as_str()
            .is_some_and(|m| m.starts_with("280 more findings")),
        "{}",
        some[20]
    );
}

/// With the limit raised, a long single line is linted in bounded time.
/// 20 MB here, not 100 MB: the debug build the tests use spends about 0.5 s
/// of CPU per MB; release builds are checked by hand (see docs/promises.md).
#[test]
fn a_20_mb_line_with_the_limit_raised_finishes() {
    let d = tmp();
    write_single_line(&d.path().join("long.txt"), 20 * 1024 * 1024);
    let args: Vec<&OsStr> = [
        "check",
        "--format",
        "short",
        "--max-file-size",
        "30000000",
        "long.txt",
    ]
    .iter()
    .map(OsStr::new)
    .collect();
    let r = run_timeout(d.path(), &args, 600);
    assert_eq!(r.code, Some(0), "{}{}", r.stdout, r.stderr);
}

#[test]
fn one_hundred_thousand_headings() {
    let d = tmp();
    let mut s = String::from("# Title\n\nLead text.\n\n");
    for i in 0..100_000 {
        s.push_str(&format!("## Heading {i}\n\nText.\n\n"));
    }
    fs::write(d.path().join("many.md"), s).unwrap();
    let args: Vec<&OsStr> = ["check", "--format", "short", "many.md"]
        .iter()
        .map(OsStr::new)
        .collect();
    let r = run_timeout(d.path(), &args, 600);
    assert_eq!(r.code, Some(0), "{}{}", r.stdout, r.stderr);
}

#[test]
fn lists_and_blockquotes_nested_10000_deep() {
    let d = tmp();
    fs::write(
        d.path().join("quotes.md"),
        format!("# T\n\nLead.\n\n{}deep\n", "> ".repeat(10_000)),
    )
    .unwrap();
    fs::write(
        d.path().join("lists.md"),
        format!("# T\n\nLead.\n\n{}deep\n", "- ".repeat(10_000)),
    )
    .unwrap();
    fs::write(
        d.path().join("mixed.md"),
        format!("# T\n\nLead.\n\n{}deep\n", "> 1. - ".repeat(3_400)),
    )
    .unwrap();
    for name in ["quotes.md", "lists.md", "mixed.md"] {
        let r = run(d.path(), &["check", "--format", "short", name]);
        assert!(
            matches!(r.code, Some(0 | 1)),
            "{name}: {}{}",
            r.stdout,
            r.stderr
        );
        // The model stays shallow: `parse` serialises it without recursion trouble.
        let p = run(d.path(), &["parse", name]);
        assert_eq!(p.code, Some(0), "{name}: {}", p.stderr);
        let v: serde_json::Value = serde_json::from_str(&p.stdout).unwrap();
        assert!(
            v["lead"].as_array().is_some_and(|l| !l.is_empty()),
            "{name}"
        );
    }
}

#[test]
fn a_directory_symlink_loop_is_not_followed() {
    let d = tmp();
    fs::create_dir_all(d.path().join("arts/sub")).unwrap();
    fs::write(d.path().join("arts/sub/a.txt"), "Title\nLead text.\n").unwrap();
    std::os::unix::fs::symlink("..", d.path().join("arts/sub/loop")).unwrap();
    std::os::unix::fs::symlink("self", d.path().join("arts/self")).unwrap();
    let r = run(d.path(), &["check", "--format", "short", "arts"]);
    assert_eq!(r.code, Some(0), "{}{}", r.stdout, r.stderr);
    let r = run(d.path(), &["check", "arts"]);
    assert!(
        r.stdout.contains("1 file checked"),
        "checked once: {}",
        r.stdout
    );
    // Naming the looping link itself walks it once, without going round.
    let r = run(d.path(), &["check", "arts/sub/loop"]);
    assert_eq!(r.code, Some(0), "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("1 file checked"), "{}", r.stdout);
}

#[test]
fn an_unreadable_file_is_an_error_for_that_file_only() {
    let d = tmp();
    let p = d.path().join("secret.txt");
    fs::write(&p, "Title\nLead text.\n").unwrap();
    fs::write(d.path().join("open.txt"), "Title\nLead text.\n").unwrap();
    fs::set_permissions(&p, fs::Permissions::from_mode(0o000)).unwrap();
    let readable_anyway = fs::File::open(&p).is_ok();
    let r = run(d.path(), &["check", "secret.txt", "open.txt"]);
    fs::set_permissions(&p, fs::Permissions::from_mode(0o644)).unwrap();
    if readable_anyway {
        // Running as root (as in CI containers): mode 000 does not stop reads.
        let _ = writeln!(
            std::io::stderr(),
            "note: running with privileges that ignore mode 000; asserting the normal result instead"
        );
        assert_eq!(r.code, Some(0), "{}", r.stdout);
        assert!(r.stdout.contains("2 files checked"), "{}", r.stdout);
    } else {
        assert_eq!(r.code, Some(2));
        assert_eq!(
            error_line(&r, "secret.txt"),
            "error[E001]: secret.txt: cannot read: permission denied"
        );
        assert!(
            r.stdout.contains("2 checked"),
            "open.txt is still checked: {}",
            r.stdout
        );
    }
}

#[test]
fn a_fifo_is_skipped_without_blocking() {
    let d = tmp();
    let ok = Std::new("mkfifo")
        .arg(d.path().join("pipe.md"))
        .status()
        .expect("mkfifo runs");
    assert!(ok.success());
    let args: Vec<&OsStr> = ["check", "pipe.md"].iter().map(OsStr::new).collect();
    let r = run_timeout(d.path(), &args, 30);
    assert_eq!(r.code, Some(2));
    assert_eq!(
        error_line(&r, "pipe.md"),
        "error[E001]: pipe.md: not a regular file (a FIFO); skipped"
    );
    // Found while walking a directory, it is not an article and is not opened.
    fs::write(d.path().join("a.md"), "# A\n\nLead.\n").unwrap();
    let args: Vec<&OsStr> = ["check", "."].iter().map(OsStr::new).collect();
    let r = run_timeout(d.path(), &args, 30);
    assert_eq!(r.code, Some(0), "{}", r.stdout);
}

#[test]
fn a_file_name_that_is_not_utf8() {
    let d = tmp();
    let name = OsStr::from_bytes(b"art\xffcle.txt");
    fs::write(d.path().join(name), "Title\nLead text.\nHistory\n").unwrap();
    // On the command line.
    let r = run_timeout(
        d.path(),
        &[
            OsStr::new("check"),
            OsStr::new("--format"),
            OsStr::new("short"),
            name,
        ],
        60,
    );
    assert_eq!(r.code, Some(0), "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout.contains("art\u{fffd}cle.txt:3:1: warning[S004]"),
        "{}",
        r.stdout
    );
    // Found in a directory, in JSON (lossy, still valid JSON).
    let r = run(d.path(), &["check", "--format", "json", "."]);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["diagnostics"][0]["file"], "art\u{fffd}cle.txt");
}

#[test]
fn terminal_escapes_never_reach_the_terminal_raw() {
    let d = tmp();
    let name = "evil\x1b[5m\x1b]0;name\x07.txt";
    let text = "Title\x1b]0;pwned\x07 \x1b[2J\u{202e}txt.exe Edit\nLead. See \x1b[31mRed\x1b[0m.\nHistory\nHistory\n";
    fs::write(d.path().join(name), text).unwrap();
    for color in ["always", "never"] {
        let r = run(d.path(), &["check", "--color", color, "."]);
        assert!(r.stdout.contains("S005"), "{}", r.stdout);
        for bad in [
            "\x1b]0;",
            "\x07",
            "\x1b[2J",
            "\x1b[5m",
            "\u{202e}",
            "\x1b[31mRed",
            "\x1b[0m.",
        ] {
            assert!(
                !r.stdout.contains(bad),
                "{color}: {bad:?} reached the terminal: {:?}",
                r.stdout
            );
            assert!(!r.stderr.contains(bad), "{color}: {bad:?} on stderr");
        }
        if color == "never" {
            assert!(!r.stdout.contains('\x1b'), "{:?}", r.stdout);
        }
    }
    // JSON keeps the exact text, escaped by JSON.
    let r = run(d.path(), &["check", "--format", "json", "."]);
    assert!(!r.stdout.contains('\x1b'));
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["diagnostics"][0]["file"], name);
}

fn schema_run(d: &TempDir, schema: &str, article: &str) -> Run {
    fs::write(d.path().join("policy.json"), schema).unwrap();
    fs::write(d.path().join("a.txt"), article).unwrap();
    run(
        d.path(),
        &[
            "check",
            "--format",
            "short",
            "--schema",
            "policy.json",
            "a.txt",
        ],
    )
}

#[test]
fn schemas_with_recursive_refs_terminate() {
    let d = tmp();
    for schema in [
        r##"{"$defs": {"n": {"$ref": "#/$defs/n"}}, "$ref": "#/$defs/n"}"##,
        r##"{"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"$ref": "#/$defs/a"}}, "$ref": "#/$defs/a"}"##,
        r##"{"$ref": "#"}"##,
        r##"{"$defs": {"s": {"type": "object", "properties": {"subsections": {"items": {"$ref": "#/$defs/s"}}}}},
            "properties": {"sections": {"items": {"$ref": "#/$defs/s"}}, "lead": {"minItems": 5}}}"##,
    ] {
        let r = schema_run(&d, schema, "Title\nLead.\nPart\nText.\n");
        assert!(
            matches!(r.code, Some(0..=2)),
            "{schema}: {}{}",
            r.stdout,
            r.stderr
        );
        if r.code == Some(2) {
            assert!(
                r.stderr.starts_with("error[E002]: policy.json: "),
                "{}",
                r.stderr
            );
        }
    }
    let r = schema_run(
        &d,
        r##"{"$defs": {"s": {"properties": {"subsections": {"items": {"$ref": "#/$defs/s"}}}}},
            "properties": {"sections": {"items": {"$ref": "#/$defs/s"}}, "lead": {"minItems": 5}}}"##,
        "Title\nLead.\n",
    );
    assert_eq!(
        r.code,
        Some(1),
        "the recursive policy is applied: {}",
        r.stdout
    );
    assert!(r.stdout.contains("error[J001]"), "{}", r.stdout);
}

#[test]
fn a_remote_ref_is_refused_with_its_url() {
    let d = tmp();
    let r = schema_run(
        &d,
        r#"{"properties": {"lead": {"items": {"$ref": "https://example.org/block.json"}}}}"#,
        "Title\nLead.\n",
    );
    assert_eq!(r.code, Some(2));
    assert!(r.stdout.is_empty(), "{}", r.stdout);
    let line = r.stderr.trim();
    assert!(
        line.starts_with(
            "error[E002]: policy.json: `$ref` to `https://example.org/block.json` is not fetched"
        ),
        "{line}"
    );
    assert_eq!(line.lines().count(), 1);
}

#[test]
fn a_catastrophic_pattern_is_a_schema_error_not_an_invalid_article() {
    let d = tmp();
    let schema =
        r#"{"properties": {"title": {"properties": {"text": {"pattern": "^((a*)*b)\\1$"}}}}}"#;
    let r = schema_run(&d, schema, &format!("{}\nLead.\n", "a".repeat(40)));
    assert_eq!(r.code, Some(2), "{}{}", r.stdout, r.stderr);
    assert!(
        !r.stdout.contains("J001"),
        "not reported as the article's fault: {}",
        r.stdout
    );
    assert!(
        r.stderr.contains("error[E002]: a.txt: policy.json: pattern at `/properties/title/properties/text/pattern` is too costly"),
        "{}",
        r.stderr
    );
}

#[test]
fn output_piped_into_head_ends_quietly() {
    let d = tmp();
    // Enough findings to overflow the pipe buffer after `head` has gone.
    let mut s = String::from("Title\nLead text.\n");
    for _ in 0..3_000 {
        s.push_str("History\n");
    }
    fs::write(d.path().join("dup.txt"), s).unwrap();
    let script = r#""$0" check --color always dup.txt | head -n 1 >/dev/null; "$0" check --format short dup.txt | head -c 10 >/dev/null"#;
    let out = assert_cmd::Command::new("sh")
        .current_dir(d.path())
        .args([
            "-c",
            &format!("set -e; {{ {script}; }} 2>stderr.txt; echo done"),
        ])
        .arg(bin_path())
        .timeout(Duration::from_secs(120))
        .output()
        .unwrap();
    let stderr = fs::read_to_string(d.path().join("stderr.txt")).unwrap();
    assert!(
        stderr.is_empty(),
        "nothing on stderr, no panic text: {stderr}"
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "done");
    // The exit status of the writer itself, seen through a pipe.
    let out = assert_cmd::Command::new("sh")
        .current_dir(d.path())
        .args([
            "-c",
            r#"{ "$0" check dup.txt; echo "status=$?" >&2; } | head -n 1 >/dev/null"#,
        ])
        .arg(bin_path())
        .timeout(Duration::from_secs(120))
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stderr).trim(), "status=0");
}

#[test]
fn stdout_on_a_full_disk_is_an_error() {
    let full = Path::new("/dev/full");
    if !full.exists() {
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED stdout_on_a_full_disk_is_an_error: no /dev/full on this system"
        );
        return;
    }
    let d = tmp();
    fs::write(d.path().join("a.txt"), ARTICLE).unwrap();
    for format in ["human", "json", "short"] {
        // std's Command: output() would replace the /dev/full stdout with a pipe.
        let out = Std::new(bin_path())
            .current_dir(d.path())
            .args(["check", "--format", format, "a.txt"])
            .stdout(fs::OpenOptions::new().write(true).open(full).unwrap())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .and_then(std::process::Child::wait_with_output)
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{format}: {stderr}");
        assert_eq!(
            stderr.trim(),
            "error: cannot write output: no space left on device",
            "{format}"
        );
    }
}

#[test]
fn a_schema_nested_too_deep_is_refused() {
    let d = tmp();
    let schema = format!("{}1{}", r#"{"a":"#.repeat(200), "}".repeat(200));
    let r = schema_run(&d, &schema, "Title\nLead.\n");
    assert_eq!(r.code, Some(2));
    assert!(
        r.stderr
            .trim()
            .starts_with("error[E002]: policy.json: not valid JSON: recursion limit exceeded"),
        "{}",
        r.stderr
    );
}
