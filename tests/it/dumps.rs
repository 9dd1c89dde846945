//! MediaWiki XML exports and dumps on the real binary: each article page
//! checked as its own article, the dump's titles and redirects as its index.

use std::fs;
use std::io::Write;

use serde_json::Value;

use crate::util::{root, run_in};

const SMALL: &str = "fixtures/wikitext/paintings-small.xml";

fn json(args: &[&str]) -> (Option<i32>, Value, String) {
    let out = run_in(&root(), args);
    let v = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (
        out.status.code(),
        v,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn findings(v: &Value) -> Vec<(String, String, u64, String)> {
    v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["page"].as_str().unwrap_or("").to_string(),
                d["code"].as_str().unwrap().to_string(),
                d["span"]["line"].as_u64().unwrap(),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn every_article_page_is_checked_with_the_dump_as_its_index() {
    let (code, v, err) = json(&["check", "--format", "json", SMALL]);
    assert_eq!(code, Some(0), "{err}");
    // Three articles; the redirect and the category page are not checked.
    assert_eq!(v["summary"]["files"], 3);
    let f = findings(&v);
    assert!(
        v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["file"] == SMALL && d["page"].is_string()),
        "{v}"
    );
    let corot: Vec<_> = f.iter().filter(|d| d.0 == "Corot landscapes").collect();
    // The redirect is in the index: a link through it is non-canonical.
    assert!(
        corot.iter().any(|d| d.1 == "R005"
            && d.2 == 5
            && d.3.contains(
                "`Ville d'Avray (painting)` is a redirect to `Ville-d'Avray (1865 painting)`"
            )),
        "{corot:?}"
    );
    // A title outside the dump does not resolve; the dump's own titles (the
    // hatnote's and the See also's targets) do.
    assert!(
        corot
            .iter()
            .any(|d| d.1 == "R001" && d.3.contains("No such painting"))
    );
    assert!(
        !corot
            .iter()
            .any(|d| d.3.contains("reference to `Dekkersduin (painting)`"))
    );
    assert!(
        !corot
            .iter()
            .any(|d| d.3.contains("reference to `Ville-d'Avray (1865 painting)`"))
    );
    // Wiki chrome does not exist in wikitext.
    assert!(!f.iter().any(|d| d.1 == "S002"), "{f:?}");
    // Lines count within the page's text.
    assert!(f.iter().all(|d| d.2 < 40), "{f:?}");
}

#[test]
fn compressed_dumps_read_the_same_and_short_names_the_page() {
    let dir = tempfile::tempdir().unwrap();
    let xml = fs::read(root().join(SMALL)).unwrap();
    let mut bz = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::fast());
    bz.write_all(&xml).unwrap();
    fs::write(dir.path().join("p.xml.bz2"), bz.finish().unwrap()).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&xml).unwrap();
    fs::write(dir.path().join("p.xml.gz"), gz.finish().unwrap()).unwrap();
    fs::write(dir.path().join("p.xml"), &xml).unwrap();
    let mut outs = Vec::new();
    for name in ["p.xml", "p.xml.bz2", "p.xml.gz"] {
        let out = run_in(dir.path(), &["check", "--format", "short", name]);
        assert_eq!(out.status.code(), Some(0), "{name}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            text.contains(&format!(
                "{name} \u{203a} Corot landscapes:5:15: warning[R005]"
            )),
            "{text}"
        );
        outs.push(text.replace(name, "DUMP"));
    }
    assert_eq!(outs[0], outs[1]);
    assert_eq!(outs[0], outs[2]);
}

#[test]
fn parse_gives_one_model_a_page() {
    let out = run_in(&root(), &["parse", SMALL]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let titles: Vec<String> = text
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            assert_eq!(v["format"], "wikitext");
            v["title"]["text"].as_str().unwrap().to_string()
        })
        .collect();
    assert_eq!(
        titles,
        [
            "Ville-d'Avray (1865 painting)",
            "Dekkersduin (painting)",
            "Corot landscapes"
        ]
    );
}

#[test]
fn broken_and_foreign_xml_exit_2_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("feed.xml"), "<?xml version=\"1.0\"?><rss/>").unwrap();
    let xml = fs::read_to_string(root().join(SMALL)).unwrap();
    let cut = &xml[..xml.find("<title>Corot landscapes").unwrap()];
    fs::write(dir.path().join("cut.xml"), cut).unwrap();
    fs::write(dir.path().join("bad.xml.bz2"), "BZh9 not bzip2 at all").unwrap();
    let out = run_in(
        dir.path(),
        &[
            "check",
            "--format",
            "short",
            "feed.xml",
            "cut.xml",
            "bad.xml.bz2",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("feed.xml: not a MediaWiki export or dump: the root element is <rss>"),
        "{err}"
    );
    assert!(
        err.contains("cut.xml: the dump cannot be read past byte"),
        "{err}"
    );
    assert!(err.contains("bad.xml.bz2: "), "{err}");
    // The pages before the cut were checked.
    let out = String::from_utf8(out.stdout).unwrap();
    assert!(
        out.contains("cut.xml \u{203a} Dekkersduin (painting):"),
        "{out}"
    );
    let out = run_in(dir.path(), &["parse", "feed.xml"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_shared_export_checks_every_article_page() {
    let Some(shared) = crate::util::shared() else {
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED the_shared_export_checks_every_article_page: ../shared not found"
        );
        return;
    };
    let export = shared.join("corpus/wikitext/paintings-export-20171220.xml");
    if !export.is_file() {
        let _ = writeln!(std::io::stderr(), "SKIPPED {}: not found", export.display());
        return;
    }
    let (code, v, err) = json(&["check", "--format", "json", export.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{err}");
    // 99 pages: 88 articles, 11 category pages, no redirect.
    assert_eq!(v["summary"]["files"], 88);
    let bad: Vec<&Value> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"].as_str().unwrap().starts_with(['E', 'J']))
        .collect();
    assert!(bad.is_empty(), "{bad:?}");
}

#[test]
fn a_dump_on_standard_input_is_refused_by_name() {
    let out = crate::util::bin()
        .current_dir(root())
        .args(["check", "-", "--stdin-filename", "pages.xml"])
        .write_stdin(fs::read(root().join(SMALL)).unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        err.contains("pages.xml: a MediaWiki dump is read from a file, not standard input"),
        "{err}"
    );
}

#[test]
fn a_baseline_records_and_matches_a_dump_page_by_page() {
    let dir = tempfile::tempdir().unwrap();
    let bl = dir.path().join("baseline.json");
    let bl = bl.to_str().unwrap();
    let out = run_in(&root(), &["check", SMALL, "--write-baseline", bl]);
    assert_eq!(out.status.code(), Some(0));
    let text = fs::read_to_string(bl).unwrap();
    assert!(
        text.contains("paintings-small.xml \u{203a} Corot landscapes"),
        "{text}"
    );
    let (code, v, err) = json(&["check", "--format", "json", SMALL, "--baseline", bl]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(v["diagnostics"].as_array().unwrap().len(), 0, "{v}");
    assert_eq!(v["summary"]["files"], 3);
}

#[test]
fn shards_of_a_run_with_a_dump_merge_into_the_whole_run() {
    let dir = tempfile::tempdir().unwrap();
    let files = [
        "fixtures/wikitext/Optics.wiki",
        SMALL,
        "fixtures/wikitext/structure.wiki",
    ];
    let mut reports = Vec::new();
    for k in 1..=2 {
        let shard = format!("{k}/2");
        let mut args = vec!["check", "--format", "json", "--shard", &shard];
        args.extend(files);
        let out = run_in(&root(), &args);
        let p = dir.path().join(format!("s{k}.json"));
        fs::write(&p, &out.stdout).unwrap();
        reports.push(p.to_str().unwrap().to_string());
    }
    for format in [
        "json", "sarif", "github", "gitlab", "junit", "short", "jsonl",
    ] {
        let mut args = vec!["check", "--format", format];
        args.extend(files);
        let whole = run_in(&root(), &args);
        let mut args = vec!["report", "merge", "--format", format];
        args.extend(reports.iter().map(String::as_str));
        let merged = run_in(&root(), &args);
        assert_eq!(
            String::from_utf8_lossy(&merged.stdout),
            String::from_utf8_lossy(&whole.stdout),
            "{format}: {}",
            String::from_utf8_lossy(&merged.stderr)
        );
        assert_eq!(merged.status.code(), whole.status.code(), "{format}");
    }
}

/// A dump whose first page links to a page that comes after it, to a
/// redirect that comes after it, and to a title that is nowhere.
const FORWARD: &str = r#"<?xml version="1.0"?>
<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" version="0.10">
  <siteinfo><sitename>Wikipedia</sitename></siteinfo>
  <page><title>Early page</title><ns>0</ns><revision><text xml:space="preserve">'''Early page''' is a painting. It hangs beside [[Late page]], near [[Late redirect]] and [[Nowhere at all]].

== See also ==
* [[Late page]]
* [[Missing painting]]
</text></revision></page>
  <page><title>Late redirect</title><ns>0</ns><redirect title="Late page" /><revision><text>#REDIRECT [[Late page]]</text></revision></page>
  <page><title>Late page</title><ns>0</ns><revision><text xml:space="preserve">'''Late page''' is a painting. It hangs beside [[Early page]].</text></revision></page>
</mediawiki>
"#;

fn compressed_copies(dir: &std::path::Path, xml: &[u8]) {
    let mut bz = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::fast());
    bz.write_all(xml).unwrap();
    fs::write(dir.join("d.xml.bz2"), bz.finish().unwrap()).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(xml).unwrap();
    fs::write(dir.join("d.xml.gz"), gz.finish().unwrap()).unwrap();
    fs::write(dir.join("d.xml"), xml).unwrap();
}

#[test]
fn a_page_is_judged_against_titles_that_come_after_it_in_one_decompression() {
    let dir = tempfile::tempdir().unwrap();
    compressed_copies(dir.path(), FORWARD.as_bytes());
    let mut reports = Vec::new();
    for name in ["d.xml", "d.xml.bz2", "d.xml.gz"] {
        for threads in ["1", "2", "3"] {
            let out = run_in(
                dir.path(),
                &["check", "--format", "jsonl", "--threads", threads, name],
            );
            assert_eq!(out.status.code(), Some(0), "{name}");
            reports.push(String::from_utf8(out.stdout).unwrap().replace(name, "DUMP"));
        }
    }
    // The same bytes whether the dump was decompressed (once) or not, at
    // any thread count.
    assert!(reports.iter().all(|r| *r == reports[0]), "{reports:#?}");
    let lines: Vec<Value> = reports[0]
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let r001: Vec<&str> = lines
        .iter()
        .filter(|d| d["code"] == "R001")
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        r001,
        [
            "reference to `Nowhere at all` does not resolve",
            "reference to `Missing painting` does not resolve"
        ],
        "{lines:#?}"
    );
    // The later redirect is known too: a link through it is R005.
    assert!(
        lines.iter().any(|d| d["code"] == "R005"
            && d["page"] == "Early page"
            && d["message"].as_str().unwrap().contains("`Late redirect`")),
        "{lines:#?}"
    );
}

#[test]
fn a_compressed_dump_cut_short_reads_as_the_plain_one() {
    let dir = tempfile::tempdir().unwrap();
    let xml = fs::read_to_string(root().join(SMALL)).unwrap();
    let cut = &xml[..xml.find("<title>Corot landscapes").unwrap()];
    compressed_copies(dir.path(), cut.as_bytes());
    let mut outs = Vec::new();
    for name in ["d.xml", "d.xml.bz2", "d.xml.gz"] {
        for size in ["1000000", "100"] {
            let out = run_in(
                dir.path(),
                &["check", "--format", "jsonl", "--max-file-size", size, name],
            );
            assert_eq!(out.status.code(), Some(2), "{name}");
            let text = String::from_utf8(out.stdout).unwrap();
            let err = String::from_utf8(out.stderr).unwrap();
            assert!(
                err.contains(&format!("{name}: the dump cannot be read past byte")),
                "{err}"
            );
            outs.push((size, text.replace(name, "DUMP"), err.replace(name, "DUMP")));
        }
    }
    for o in &outs[2..] {
        let plain = if o.0 == "100" { &outs[1] } else { &outs[0] };
        assert_eq!(o, plain);
    }
    assert!(outs[0].1.contains("Dekkersduin (painting)"), "{outs:?}");
    assert!(outs[1].2.contains("over the 100-byte limit"), "{outs:?}");
}

#[test]
fn shards_of_a_run_with_a_compressed_dump_merge_into_the_whole_run() {
    let dir = tempfile::tempdir().unwrap();
    compressed_copies(dir.path(), FORWARD.as_bytes());
    fs::copy(
        root().join("fixtures/wikitext/Optics.wiki"),
        dir.path().join("Optics.wiki"),
    )
    .unwrap();
    let files = ["Optics.wiki", "d.xml.bz2", "d.xml.gz"];
    let mut reports = Vec::new();
    for k in 1..=3 {
        let shard = format!("{k}/3");
        let mut args = vec!["check", "--format", "json", "--shard", &shard];
        args.extend(files);
        let out = run_in(dir.path(), &args);
        let name = format!("s{k}.json");
        fs::write(dir.path().join(&name), &out.stdout).unwrap();
        reports.push(name);
    }
    let mut args = vec!["check", "--format", "json"];
    args.extend(files);
    let whole = run_in(dir.path(), &args);
    let mut args = vec!["report", "merge", "--format", "json"];
    args.extend(reports.iter().map(String::as_str));
    let merged = run_in(dir.path(), &args);
    assert_eq!(
        String::from_utf8_lossy(&merged.stdout),
        String::from_utf8_lossy(&whole.stdout)
    );
    assert!(String::from_utf8_lossy(&whole.stdout).contains("Nowhere at all"));
}

#[test]
fn without_a_temporary_directory_a_compressed_dump_is_read_twice_to_the_same_report() {
    let dir = tempfile::tempdir().unwrap();
    compressed_copies(dir.path(), FORWARD.as_bytes());
    let run = |tmp: Option<&str>| {
        let mut cmd = crate::util::bin();
        cmd.current_dir(dir.path())
            .args(["check", "--format", "jsonl", "d.xml.bz2", "d.xml.gz"]);
        if let Some(t) = tmp {
            cmd.env("TMPDIR", t);
        }
        let out = cmd.output().unwrap();
        (out.status.code(), out.stdout, out.stderr)
    };
    let copied = run(None);
    let missing = dir.path().join("no such directory");
    let read_twice = run(Some(missing.to_str().unwrap()));
    assert_eq!(copied, read_twice);
    assert_eq!(copied.0, Some(0));
}
