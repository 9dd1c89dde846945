//! Gating on the real binary: baselines, `--max-warnings`, `--fix` and `--diff`.
// The seed is checked with `--select S` (structure rules) so the counts below stay about S002/S006.

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

const SEED: &str = "fixtures/defense-cooperation.txt";

fn encyclint(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("encyclint").expect("binary");
    c.current_dir(dir);
    c
}

fn seed_copy(dir: &Path, name: &str) -> std::path::PathBuf {
    let p = dir.join(name);
    std::fs::copy(SEED, &p).expect("copy the seed");
    p
}

fn insert_line(path: &Path, at: usize, line: &str) {
    let text = std::fs::read_to_string(path).expect("read");
    let mut lines: Vec<&str> = text.split('\n').collect();
    lines.insert(at, line);
    std::fs::write(path, lines.join("\n")).expect("write");
}

#[test]
fn a_baseline_survives_inserted_lines_and_new_findings_still_fail() {
    let dir = tempfile::tempdir().expect("tempdir");
    let article = seed_copy(dir.path(), "seed.txt");
    // The seed fails (S002 is an error); writing the baseline records it and passes.
    encyclint(dir.path())
        .args(["check", "--select", "S", "seed.txt"])
        .assert()
        .code(1);
    encyclint(dir.path())
        .args([
            "check",
            "--select",
            "S",
            "seed.txt",
            "--write-baseline",
            "baseline.json",
            "--format",
            "json",
        ])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("wrote 2 known finding(s)"));
    let baseline: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("baseline.json")).expect("baseline"),
    )
    .expect("json");
    let codes: Vec<&str> = baseline["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["code"].as_str())
        .collect();
    assert_eq!(codes, ["S002", "S006"]);
    assert!(
        !std::fs::read_to_string(dir.path().join("baseline.json"))
            .expect("read")
            .contains("\"line\""),
        "no line numbers"
    );

    // A line inserted above both known findings moves them; they stay known.
    insert_line(
        &article,
        1,
        "Defense cooperation also covers peacekeeping training and disaster relief among partners.",
    );
    encyclint(dir.path())
        .args([
            "check",
            "--select",
            "S",
            "seed.txt",
            "--baseline",
            "baseline.json",
            "--format",
            "short",
        ])
        .assert()
        .code(0)
        .stdout("")
        .stderr(predicate::str::contains("stale").not());
    // A new finding fails the run, and only it is reported.
    insert_line(&article, 3, "History [edit]");
    encyclint(dir.path())
        .args([
            "check",
            "--select",
            "S",
            "seed.txt",
            "--baseline",
            "baseline.json",
            "--format",
            "short",
        ])
        .assert()
        .code(1)
        .stdout("seed.txt:4:9: error[S002] wiki chrome `[edit]` in the heading\n");
}

#[test]
fn fixed_findings_make_baseline_entries_stale() {
    let dir = tempfile::tempdir().expect("tempdir");
    seed_copy(dir.path(), "seed.txt");
    encyclint(dir.path())
        .args([
            "check",
            "--select",
            "S",
            "seed.txt",
            "--write-baseline",
            "b.json",
        ])
        .assert()
        .code(0);
    encyclint(dir.path())
        .args(["check", "--select", "S", "seed.txt", "--fix"])
        .assert()
        .code(0);
    let out = encyclint(dir.path())
        .args([
            "check",
            "--select",
            "S",
            "seed.txt",
            "--baseline",
            "b.json",
            "--format",
            "json",
        ])
        .assert()
        .code(0)
        .stderr(predicate::str::contains(
            "stale baseline entry: seed.txt: S002 wiki chrome `Edit` in the title",
        ))
        .get_output()
        .stdout
        .clone();
    let report: Value = serde_json::from_slice(&out).expect("json");
    let notes = report["notes"].to_string();
    assert!(
        notes.contains("1 known finding(s) matched")
            && notes.contains("1 baseline entry is no longer found"),
        "{notes}"
    );
    // A broken baseline is a usage error.
    std::fs::write(
        dir.path().join("bad.json"),
        "{\"version\": 9, \"findings\": []}",
    )
    .expect("write");
    encyclint(dir.path())
        .args([
            "check",
            "--select",
            "S",
            "seed.txt",
            "--baseline",
            "bad.json",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad.json"));
}

#[test]
fn max_warnings_at_under_and_over_the_limit() {
    let dir = tempfile::tempdir().expect("tempdir");
    seed_copy(dir.path(), "seed.txt");
    // Without S002 the seed has exactly one warning (S006).
    let run = |limit: &str| {
        encyclint(dir.path())
            .args([
                "check",
                "--select",
                "S",
                "seed.txt",
                "--ignore",
                "S002",
                "--format",
                "short",
                "--max-warnings",
                limit,
            ])
            .assert()
    };
    run("2").code(0); // under
    run("1").code(0); // at
    run("0").code(1); // over
    encyclint(dir.path())
        .args(["check", "--select", "S", "seed.txt", "--ignore", "S002"])
        .assert()
        .code(0); // warnings alone pass
}

#[test]
fn fix_repairs_the_seed_title_and_a_second_run_changes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let article = seed_copy(dir.path(), "seed.txt");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&article, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    }
    let first = encyclint(dir.path())
        .args([
            "check", "--select", "S", "seed.txt", "--fix", "--format", "json",
        ])
        .assert()
        .code(0);
    let report: Value = serde_json::from_slice(&first.get_output().stdout).expect("json");
    assert_eq!(report["summary"]["fixed"], 1);
    assert_eq!(report["summary"]["errors"], 0, "S002 is gone");
    assert_eq!(
        report["summary"]["warnings"], 1,
        "S006 has no fix and stays"
    );
    let fixed = std::fs::read_to_string(&article).expect("read");
    let original = std::fs::read_to_string(SEED).expect("read");
    assert_eq!(fixed.lines().next(), Some("Defense Cooperation"));
    assert_eq!(
        fixed,
        original.replacen("Defense CooperationEdit", "Defense Cooperation", 1),
        "nothing else changed"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&article)
            .expect("meta")
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(mode, 0o640, "permissions kept");
    }
    let second = encyclint(dir.path())
        .args([
            "check", "--select", "S", "seed.txt", "--fix", "--format", "json",
        ])
        .assert()
        .code(0);
    let report: Value = serde_json::from_slice(&second.get_output().stdout).expect("json");
    assert_eq!(report["summary"]["fixed"], 0);
    assert_eq!(
        std::fs::read_to_string(&article).expect("read"),
        fixed,
        "the second run changes nothing"
    );
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("ls")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["seed.txt"], "no temporary files left");
}

#[test]
fn diff_prints_without_writing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let article = seed_copy(dir.path(), "seed.txt");
    encyclint(dir.path())
        .args(["check", "--select", "S", "seed.txt", "--diff"])
        .assert()
        .code(1)
        .stdout(
            predicate::str::starts_with("--- a/seed.txt\n+++ b/seed.txt\n@@ -1,4 +1,4 @@\n-Defense CooperationEdit\n+Defense Cooperation\n"),
        )
        .stderr(predicate::str::contains("would fix 1 file(s)"));
    assert_eq!(
        std::fs::read_to_string(&article).expect("read"),
        std::fs::read_to_string(SEED).expect("read")
    );
    // Nothing to fix: empty diff, exit 0.
    encyclint(dir.path())
        .args([
            "check", "--select", "S", "seed.txt", "--diff", "--ignore", "S002",
        ])
        .assert()
        .code(0)
        .stdout("");
}

#[test]
fn stdin_and_unreadable_files_are_never_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let seed = std::fs::read_to_string(SEED).expect("read");
    encyclint(dir.path())
        .args([
            "check",
            "--select",
            "S",
            "-",
            "--fix",
            "--stdin-filename",
            "seed.txt",
            "--format",
            "short",
        ])
        .write_stdin(seed)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("seed.txt:1:20: error[S002]"));
    assert!(
        !dir.path().join("seed.txt").exists(),
        "stdin is never written to the named file"
    );
    // Invalid UTF-8 with the seed's title: reported, never rewritten.
    let mut bytes = b"Defense CooperationEdit\nLead \xff text.\n".to_vec();
    bytes.extend_from_slice(b"More.\n");
    std::fs::write(dir.path().join("bad.txt"), &bytes).expect("write");
    encyclint(dir.path())
        .args([
            "check", "--select", "S", "bad.txt", "--fix", "--format", "short",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("invalid UTF-8"));
    assert_eq!(
        std::fs::read(dir.path().join("bad.txt")).expect("read"),
        bytes
    );
}

#[test]
fn a_temporary_file_left_by_a_killed_fix_is_reported_then_removed_by_fix() {
    let dir = tempfile::tempdir().expect("tempdir");
    let article = seed_copy(dir.path(), "seed.txt");
    let stray = dir.path().join(".encyclint-Xy12ab.tmp");
    let fresh = dir.path().join(".encyclint-Zz99zz.tmp");
    std::fs::write(&stray, "half a fix").expect("write");
    std::fs::write(&fresh, "another run's write in progress").expect("write");
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(&stray)
        .and_then(|f| f.set_modified(old))
        .expect("age the stray file");
    // Without --fix: reported, untouched, and not in the report.
    encyclint(dir.path())
        .args(["check", "--select", "S", "--format", "json", "."])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(".encyclint-").not())
        .stderr(predicate::str::contains(
            "warning: .encyclint-Xy12ab.tmp is a temporary file left by an interrupted --fix",
        ));
    assert!(stray.exists() && fresh.exists());
    // --fix removes the old one only: the fresh one may be another run's.
    encyclint(dir.path())
        .args(["check", "--select", "S", "--fix", "seed.txt"])
        .assert()
        .stderr(
            predicate::str::contains("note: removed .encyclint-Xy12ab.tmp")
                .and(predicate::str::contains("warning: .encyclint-Zz99zz.tmp")),
        );
    assert!(!stray.exists());
    assert!(fresh.exists());
    assert!(article.exists());
}
