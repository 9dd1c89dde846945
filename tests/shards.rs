//! `check --shard K/N` and `report merge` on the real binary: shards are
//! disjoint and cover the run, their merged reports are the whole run's byte
//! for byte in every format that can be merged, and docs/ci.md's sharded
//! workflow runs as written.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("encyclint")
}

fn run(dir: &Path, args: &[&str]) -> (Vec<u8>, String, i32) {
    let out = Command::new(bin())
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run encyclint");
    (
        out.stdout,
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("read dir") {
        let e = e.expect("entry");
        let target = to.join(e.file_name());
        if e.file_type().expect("type").is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).expect("copy");
        }
    }
}

/// A scratch repository whose `articles/` is a copy of the fixtures.
fn repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join(".git")).expect(".git");
    copy_dir(Path::new("fixtures"), &dir.path().join("articles"));
    dir
}

fn files_of(report: &[u8]) -> Vec<String> {
    let v: Value = serde_json::from_slice(report).expect("a JSON report");
    v["files"]
        .as_array()
        .expect("files")
        .iter()
        .map(|f| f.as_str().expect("a path").to_string())
        .collect()
}

#[test]
fn shards_partition_the_run_and_merge_back_to_it_in_every_format() {
    let dir = repo();
    let d = dir.path();
    let (whole, _, whole_code) = run(d, &["check", "articles", "--format", "json"]);
    let mut all = files_of(&whole);
    assert!(all.len() > 20, "{} files", all.len());
    for n in [1usize, 3] {
        let mut seen = Vec::new();
        let mut names = Vec::new();
        for k in 1..=n {
            let shard = format!("{k}/{n}");
            let (out, err, code) = run(
                d,
                &["check", "articles", "--format", "json", "--shard", &shard],
            );
            assert!(code == 0 || code == 1, "{shard}: {code} {err}");
            let files = files_of(&out);
            if n > 1 {
                assert!(files.len() < all.len(), "shard {shard} holds every file");
            }
            seen.extend(files);
            let name = format!("shard-{k}-of-{n}.json");
            std::fs::write(d.join(&name), out).expect("write shard");
            names.push(name);
        }
        seen.sort();
        all.sort();
        assert_eq!(
            seen, all,
            "the shards of {n} are disjoint and cover the run"
        );
        // Merged in any order of the parts.
        names.reverse();
        for format in [
            "json", "jsonl", "short", "sarif", "github", "junit", "gitlab",
        ] {
            let (one, _, code) = run(d, &["check", "articles", "--format", format]);
            let mut args = vec!["report", "merge", "--format", format];
            args.extend(names.iter().map(String::as_str));
            let (merged, err, merged_code) = run(d, &args);
            assert_eq!(
                String::from_utf8_lossy(&merged),
                String::from_utf8_lossy(&one),
                "{format} of {n} shards: {err}"
            );
            assert_eq!(merged_code, code, "{format}: exit code");
        }
    }
    assert_eq!(whole_code, 1, "the seed has errors");
}

#[test]
fn references_are_judged_as_in_one_run_and_their_note_is_said_once() {
    let dir = repo();
    let d = dir.path();
    // Several articles: their own titles are the index, in every shard.
    let (whole, _, _) = run(d, &["check", "articles/references", "--format", "json"]);
    let v: Value = serde_json::from_slice(&whole).expect("json");
    assert!(
        v["summary"]["references"]["found"].as_u64() > Some(0),
        "{v}"
    );
    let mut names = Vec::new();
    for k in 1..=2 {
        let (out, _, _) = run(
            d,
            &[
                "check",
                "articles/references",
                "--format",
                "json",
                "--shard",
                &format!("{k}/2"),
            ],
        );
        let name = format!("r{k}.json");
        std::fs::write(d.join(&name), out).expect("write");
        names.push(name);
    }
    let (merged, err, _) = run(d, &["report", "merge", &names[0], &names[1]]);
    assert_eq!(
        String::from_utf8_lossy(&merged),
        String::from_utf8_lossy(&whole),
        "{err}"
    );
}

#[test]
fn what_cannot_be_sharded_or_merged_is_refused_with_exit_2() {
    let dir = repo();
    let d = dir.path();
    for (args, why) in [
        (
            vec!["check", "articles", "--shard", "1/2", "--select", "R006"],
            "R006",
        ),
        (
            vec![
                "check",
                "articles",
                "--shard",
                "1/2",
                "--write-baseline",
                "b.json",
            ],
            "--write-baseline",
        ),
        (vec!["check", "articles", "--shard", "3/2"], "K/N"),
    ] {
        let (_, err, code) = run(d, &args);
        assert_eq!(code, 2, "{args:?}");
        assert!(err.contains(why), "{args:?}: {err}");
    }
    assert!(!d.join("b.json").exists(), "nothing written on refusal");
    let (out, _, _) = run(
        d,
        &["check", "articles", "--format", "json", "--shard", "1/2"],
    );
    std::fs::write(d.join("a.json"), &out).expect("write");
    let mut old: Value = serde_json::from_slice(&out).expect("json");
    old.as_object_mut().expect("object").remove("files");
    std::fs::write(d.join("old.json"), old.to_string()).expect("write");
    std::fs::write(d.join("junk.json"), "{\"version\": 1").expect("write");
    for (args, why) in [
        (
            vec!["report", "merge", "a.json", "a.json"],
            "is in both a.json and a.json",
        ),
        (
            vec!["report", "merge", "a.json", "old.json"],
            "old.json: the report has no `files`",
        ),
        (
            vec!["report", "merge", "junk.json"],
            "junk.json: not a JSON report",
        ),
        (
            vec!["report", "merge", "missing.json"],
            "cannot read the report missing.json",
        ),
        (
            vec!["report", "merge", "a.json", "--format", "html"],
            "html",
        ),
        (vec!["report", "merge"], "REPORT"),
    ] {
        let (stdout, err, code) = run(d, &args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(err.contains(why), "{args:?}: {err}");
        assert!(stdout.is_empty(), "{args:?} wrote a report");
    }
}

/// The `run:` lines of docs/ci.md's sharded workflow, in order.
fn documented_steps() -> Vec<String> {
    let doc = std::fs::read_to_string("docs/ci.md").expect("docs/ci.md");
    let block = doc
        .split("# .github/workflows/encyclint-shards.yml")
        .nth(1)
        .and_then(|s| s.split("```").next())
        .expect("the sharded workflow in docs/ci.md");
    block
        .lines()
        .filter_map(|l| l.trim().strip_prefix("- run: "))
        .map(str::to_string)
        .collect()
}

#[test]
fn the_sharded_workflow_in_docs_ci_runs_as_written() {
    let steps = documented_steps();
    assert_eq!(steps.len(), 3, "{steps:?}");
    let dir = repo();
    let d = dir.path();
    let bin_dir = bin().parent().expect("bin dir").to_path_buf();
    let path = std::env::join_paths(std::iter::once(bin_dir).chain(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    )))
    .expect("PATH");
    let sh = |line: &str| {
        let out = Command::new("sh")
            .args(["-c", line])
            .current_dir(d)
            .env("PATH", &path)
            .output()
            .expect("sh");
        (out.stdout, out.status.code().unwrap_or(-1))
    };
    for k in 1..=4 {
        let (_, code) = sh(&steps[0].replace("${{ matrix.shard }}", &k.to_string()));
        assert_eq!(
            code, 0,
            "shard {k}: `|| [ $? -eq 1 ]` keeps findings from failing the step"
        );
    }
    let (_, code) = sh(&steps[1]);
    assert_eq!(code, 0, "{}", steps[1]);
    let (one, _, _) = run(d, &["check", "articles", "--format", "sarif"]);
    let merged = std::fs::read(d.join("encyclint.sarif")).expect("encyclint.sarif");
    assert_eq!(
        String::from_utf8_lossy(&merged),
        String::from_utf8_lossy(&one)
    );
    let (annotations, code) = sh(&steps[2]);
    let (one, _, one_code) = run(d, &["check", "articles", "--format", "github"]);
    assert_eq!(annotations, one);
    assert_eq!(code, one_code, "the gate fails as the single job does");
}
