//! The CI output formats on the real binary: SARIF against the official OASIS
//! schema, GitHub workflow commands against their grammar, JUnit, GitLab and
//! the HTML page.
// The seed is checked with `--select S` (structure rules) so the counts below stay about S002/S006.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

const SEED: &str = "fixtures/defense-cooperation.txt";

fn encyclint() -> Command {
    Command::cargo_bin("encyclint").expect("binary")
}

fn stdout_of(args: &[&str]) -> (String, i32) {
    let out = encyclint().args(args).output().expect("run");
    (
        String::from_utf8(out.stdout).expect("utf-8"),
        out.status.code().unwrap_or(-1),
    )
}

fn sarif_validator() -> jsonschema::Validator {
    let text =
        std::fs::read_to_string("tests/schemas/sarif-schema-2.1.0.json").expect("schema copy");
    let schema: Value = serde_json::from_str(&text).expect("schema json");
    jsonschema::draft4::new(&schema).expect("the OASIS schema compiles offline")
}

fn errors(v: &jsonschema::Validator, doc: &Value) -> Vec<String> {
    v.iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn sarif_for_the_seed_validates_against_the_oasis_schema() {
    let (out, code) = stdout_of(&["check", "--select", "S", SEED, "--format", "sarif"]);
    assert_eq!(code, 1, "the seed has an error (S002)");
    let log: Value = serde_json::from_str(&out).expect("SARIF is JSON");
    let v = sarif_validator();
    assert_eq!(errors(&v, &log), Vec::<String>::new());

    // The validator is not a rubber stamp: a broken log fails it.
    let mut bad = log.clone();
    bad["version"] = Value::from("2.1.1");
    bad["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        Value::from(0);
    assert_eq!(errors(&v, &bad).len(), 2, "{:?}", errors(&v, &bad));

    let run = &log["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    assert_eq!(run["automationDetails"]["id"], "encyclint/");
    let driver = &run["tool"]["driver"];
    assert!(
        driver["informationUri"]
            .as_str()
            .is_some_and(|u| u.starts_with("https://"))
    );
    // Only the rules that fired, each fully described.
    let ids: Vec<&str> = driver["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .filter_map(|r| r["id"].as_str())
        .collect();
    assert_eq!(ids, ["S002", "S006"]);
    for r in driver["rules"].as_array().expect("rules") {
        for key in ["shortDescription", "fullDescription", "help"] {
            assert!(
                r[key]["text"].as_str().is_some_and(|t| !t.is_empty()),
                "{key} of {}",
                r["id"]
            );
        }
        assert!(r["helpUri"].as_str().is_some_and(|u| u.contains("#s00")));
    }
    let results = run["results"].as_array().expect("results");
    assert_eq!(results.len(), 2);
    let s002 = &results[0];
    assert_eq!(s002["ruleId"], "S002");
    assert_eq!(s002["level"], "error");
    let loc = &s002["locations"][0]["physicalLocation"];
    assert_eq!(
        loc["artifactLocation"]["uri"], SEED,
        "relative to the repository root"
    );
    assert_eq!(loc["artifactLocation"]["uriBaseId"], "%SRCROOT%");
    assert_eq!(loc["region"]["startLine"], 1);
    assert_eq!(loc["region"]["startColumn"], 20);
    assert_eq!(loc["region"]["endColumn"], 24);
    assert!(
        s002["partialFingerprints"]["encyclintLineHash/v1"]
            .as_str()
            .is_some_and(|h| h.len() == 16)
    );
    let change = &s002["fixes"][0]["artifactChanges"][0];
    assert_eq!(
        change["replacements"][0]["deletedRegion"]["startColumn"],
        20
    );
    assert!(
        results[1].get("fixes").is_none(),
        "S006 has no fix, so no `fixes`"
    );
}

#[test]
fn sarif_paths_are_relative_to_the_repository_root() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join(".git")).expect("fake repo");
    let sub = dir.path().join("articles").join("new ones");
    std::fs::create_dir_all(&sub).expect("mkdir");
    std::fs::copy(SEED, sub.join("défense.txt")).expect("copy");
    let out = encyclint()
        .current_dir(&sub)
        .args(["check", "--select", "S", "défense.txt", "--format", "sarif"])
        .output()
        .expect("run");
    let log: Value = serde_json::from_slice(&out.stdout).expect("json");
    let uri = &log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
        ["uri"];
    assert_eq!(uri, "articles/new%20ones/d%C3%A9fense.txt");
    assert_eq!(errors(&sarif_validator(), &log), Vec::<String>::new());
}

/// `::cmd key=value,...::message` with GitHub's escaping: no raw CR/LF, `%`
/// only as `%25`/`%0D`/`%0A` (plus `%3A`/`%2C` in properties), no `:` or `,`
/// inside a property value.
fn is_workflow_command(line: &str) -> bool {
    let grammar = regex::Regex::new(
        r"^::(error|warning|notice)( (file=[^,:]+,line=[1-9][0-9]*,col=[1-9][0-9]*,endLine=[1-9][0-9]*,endColumn=[1-9][0-9]*,)?title=[^,:]+)?::(.*)$",
    )
    .expect("regex");
    let Some(c) = grammar.captures(line) else {
        return false;
    };
    let escapes_ok = |s: &str, extra: &[&str]| {
        s.match_indices('%').all(|(i, _)| {
            let code = s.get(i..i + 3).unwrap_or("");
            ["%25", "%0D", "%0A"].contains(&code) || extra.contains(&code)
        })
    };
    let props = c.get(2).map_or("", |m| m.as_str());
    let message = c.get(4).map_or("", |m| m.as_str());
    escapes_ok(props, &["%3A", "%2C"]) && escapes_ok(message, &[]) && !line.contains(['\r', '\n'])
}

#[test]
fn github_output_for_the_seed_matches_the_workflow_command_grammar() {
    let (out, code) = stdout_of(&["check", "--select", "S", SEED, "--format", "github"]);
    assert_eq!(code, 1);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    for l in &lines {
        assert!(is_workflow_command(l), "not a workflow command: {l}");
    }
    assert!(lines[0].starts_with(
        "::error file=fixtures/defense-cooperation.txt,line=1,col=20,endLine=1,endColumn=24,title=S002 title-artifact::"
    ));
    assert!(lines[1].starts_with("::warning file=fixtures/defense-cooperation.txt,line=25,"));
    // The grammar check itself rejects what GitHub would misread.
    assert!(!is_workflow_command(
        "::error file=a,b.txt,line=1,col=1,endLine=1,endColumn=2,title=X::m"
    ));
    assert!(!is_workflow_command("::error title=X::50% done"));
}

#[test]
fn github_escapes_and_summarises_past_ten_annotations() {
    let dir = tempfile::tempdir().expect("tempdir");
    // Twelve empty sections: twelve S004 warnings. Names with `:` and `,` and `%`.
    let mut md = String::from("# Title: a, b\n\nA lead of 100% prose.\n\n");
    for i in 0..12 {
        md.push_str(&format!("## Empty {i}\n\n"));
    }
    let file = dir.path().join("odd, name: 100%.md");
    std::fs::write(&file, md).expect("write");
    let out = encyclint()
        .current_dir(dir.path())
        .args([
            "check",
            "--select",
            "S",
            "odd, name: 100%.md",
            "--format",
            "github",
            "--select",
            "S004",
        ])
        .output()
        .expect("run");
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let lines: Vec<&str> = text.lines().collect();
    let annotations: Vec<&&str> = lines
        .iter()
        .filter(|l| l.starts_with("::warning "))
        .collect();
    assert_eq!(annotations.len(), 10, "{text}");
    for a in &annotations {
        assert!(is_workflow_command(a), "{a}");
        assert!(a.contains("file=odd%2C name%3A 100%25.md,"), "{a}");
    }
    assert_eq!(
        lines.iter().filter(|l| !l.starts_with("::")).count(),
        2,
        "the rest as plain log lines: {text}"
    );
    let last = lines.last().copied().unwrap_or("");
    assert!(
        last.starts_with("::notice title=encyclint::2 warnings more not annotated"),
        "{last}"
    );
    assert!(is_workflow_command(last));
}

#[test]
fn junit_has_a_suite_per_file_and_a_passing_case_for_clean_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::copy(SEED, dir.path().join("seed.txt")).expect("copy");
    std::fs::write(
        dir.path().join("clean.md"),
        "# Clean\n\nA lead <with> & markup.\n",
    )
    .expect("write");
    let out = encyclint()
        .current_dir(dir.path())
        .args(["check", "--select", "S", ".", "--format", "junit"])
        .output()
        .expect("run");
    let xml = String::from_utf8(out.stdout).expect("utf-8");
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"encyclint\" tests=\"3\" failures=\"2\""));
    assert_eq!(xml.matches("<testsuite ").count(), 2, "{xml}");
    assert!(
        xml.contains(r#"<testsuite name="clean.md" tests="1" failures="0" errors="0">"#),
        "{xml}"
    );
    assert!(
        xml.contains(r#"<testcase name="encyclint" classname="clean.md" file="clean.md"/>"#),
        "{xml}"
    );
    assert_eq!(xml.matches("<failure ").count(), 2);
    assert!(
        xml.contains("defender&apos;s perspective"),
        "attributes and text are escaped"
    );
    assert_eq!(
        xml.matches("<testsuite ").count(),
        xml.matches("</testsuite>").count()
    );
}

#[test]
fn gitlab_code_quality_has_the_required_fields() {
    let (out, _) = stdout_of(&["check", "--select", "S", SEED, "--format", "gitlab"]);
    let issues: Vec<Value> = serde_json::from_str(&out).expect("json array");
    assert_eq!(issues.len(), 2);
    let mut fps = Vec::new();
    for i in &issues {
        for key in ["description", "check_name", "fingerprint", "severity"] {
            assert!(i[key].as_str().is_some_and(|s| !s.is_empty()), "{key}");
        }
        assert_eq!(i["location"]["path"], SEED);
        assert!(
            i["location"]["lines"]["begin"]
                .as_u64()
                .is_some_and(|n| n >= 1)
        );
        fps.push(i["fingerprint"].as_str().unwrap_or("").to_string());
    }
    assert_eq!(issues[0]["severity"], "major");
    assert_eq!(issues[1]["severity"], "minor");
    fps.dedup();
    assert_eq!(fps.len(), 2, "fingerprints are unique");
}

#[test]
fn machine_formats_are_deterministic() {
    for format in ["sarif", "github", "junit", "gitlab", "html"] {
        let a = stdout_of(&[
            "check",
            "--select",
            "S",
            SEED,
            "fixtures",
            "--format",
            format,
            "--threads",
            "1",
        ]);
        let b = stdout_of(&[
            "check",
            "--select",
            "S",
            SEED,
            "fixtures",
            "--format",
            format,
            "--threads",
            "2",
        ]);
        assert_eq!(a, b, "{format}");
    }
    assert!(Path::new(SEED).exists());
}

#[test]
fn sarif_with_an_unreadable_file_is_still_valid_and_says_the_run_failed() {
    let (out, code) = stdout_of(&[
        "check",
        "--select",
        "S",
        SEED,
        "no-such-article.txt",
        "--format",
        "sarif",
    ]);
    assert_eq!(code, 2);
    let log: Value = serde_json::from_str(&out).expect("SARIF is JSON");
    assert_eq!(errors(&sarif_validator(), &log), Vec::<String>::new());
    let inv = &log["runs"][0]["invocations"][0];
    assert_eq!(inv["executionSuccessful"], false);
    assert_eq!(
        inv["toolExecutionNotifications"][0]["descriptor"]["id"],
        "E001"
    );
}

/// Text as the HTML report escapes it.
fn html_escaped(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

#[test]
fn html_report_of_the_seed_holds_every_finding_and_fetches_nothing() {
    let (html, code) = stdout_of(&["check", SEED, "--format", "html"]);
    assert_eq!(code, 1, "the seed has an error (S002)");
    let (json, _) = stdout_of(&["check", SEED, "--format", "json"]);
    let report: Value = serde_json::from_str(&json).expect("json");
    let diags = report["diagnostics"].as_array().expect("diagnostics");
    assert_eq!(diags.len(), 8);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(html.ends_with("</html>\n"));
    assert_eq!(
        html.matches("<article class=\"finding\"").count(),
        diags.len()
    );
    for d in diags {
        let code = d["code"].as_str().unwrap_or("");
        let message = d["message"].as_str().unwrap_or("");
        let line = d["span"]["line"].as_u64().unwrap_or(0);
        let column = d["span"]["column"].as_u64().unwrap_or(0);
        assert!(
            html.contains(&format!(
                "<article class=\"finding\" data-sev=\"{}\" data-rule=\"{code}\">",
                d["severity"].as_str().unwrap_or("")
            )),
            "{code}"
        );
        assert!(html.contains(&html_escaped(message)), "{message}");
        assert!(html.contains(&format!("line {line}, column {column}")));
        assert!(html.contains(&format!("<section class=\"rule\" id=\"rule-{code}\">")));
    }
    // Self-contained: nothing to fetch, one policy that allows only the page's own script.
    for outside in [
        "http://", "https://", " src=", "<link", "@import", "<iframe", "<object",
    ] {
        assert!(!html.contains(outside), "{outside}");
    }
    assert!(
        html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';")
    );
    assert_eq!(
        html.matches("url(").count(),
        html.matches("url(#fill-").count()
    );
    // Charts: findings per rule, the references, two debates, each with its text alternatives.
    assert_eq!(html.matches("<svg role=\"img\"").count(), 4);
    assert_eq!(html.matches("<desc>").count(), 4);
    assert!(html.contains("<title>References of the article</title>"));
    assert!(html.contains("Proponents hold 127 words (71%), critics 51 words (29%)."));
}

#[test]
fn html_escapes_hostile_file_names_and_articles_through_the_binary() {
    let dir = tempfile::tempdir().expect("tempdir");
    let name = "<img src=x onerror=alert(1)>.md";
    std::fs::write(
        dir.path().join(name),
        "# Title <script>alert(2)</script>\n\n## Criticism </style><svg onload=alert(3)>\n\n- **A \"><b>**: Critics argue ]]> it fails. Supporters respond \u{202e}it works.\n- **B**: Critics argue it costs. Supporters respond it pays, of course.\n",
    )
    .expect("write");
    let out = encyclint()
        .current_dir(dir.path())
        .args(["check", ".", "--format", "html"])
        .output()
        .expect("run");
    let html = String::from_utf8(out.stdout).expect("utf-8");
    assert!(
        html.contains("&lt;img src=x onerror=alert(1)&gt;.md"),
        "{html}"
    );
    for raw in [
        "<img",
        "<script>alert",
        "<svg onload",
        "]]>",
        "\u{202e}",
        "<b>",
    ] {
        assert!(!html.contains(raw), "{raw} reached the page raw");
    }
    assert_eq!(html.matches("<script>").count(), 1);
    assert_eq!(html.matches("</style>").count(), 1);
    assert!(html.contains("<span class=\"ctl\">U+202E</span>"));
}

#[test]
fn html_names_a_file_that_could_not_be_read() {
    let (html, code) = stdout_of(&["check", SEED, "no-such-article.txt", "--format", "html"]);
    assert_eq!(code, 2);
    assert!(html.contains(
        "<h3 class=\"path\">no-such-article.txt</h3><p class=\"counts\">could not be checked</p>"
    ));
    assert!(html.contains("data-rule=\"E001\""));
    assert!(html.contains("<span class=\"pos\">the whole file</span>"));
    assert!(html.ends_with("</html>\n"));
}

#[test]
fn every_format_is_in_the_docs() {
    use clap::ValueEnum;
    let ci = std::fs::read_to_string("docs/ci.md").expect("docs/ci.md");
    let readme = std::fs::read_to_string("README.md").expect("README.md");
    let usage = readme
        .split("[--format ")
        .nth(1)
        .and_then(|s| s.split(']').next())
        .unwrap_or("");
    let listed: Vec<&str> = usage.split('|').collect();
    for f in encyclint::report::OutputFormat::value_variants() {
        let name = f
            .to_possible_value()
            .expect("a value")
            .get_name()
            .to_string();
        assert!(
            ci.contains(&format!("| `{name}`")),
            "{name} is missing from docs/ci.md's format table"
        );
        assert!(
            listed.contains(&name.as_str()),
            "{name} is missing from the README's usage"
        );
    }
}

#[test]
fn sarif_for_a_dump_names_each_page_as_a_logical_location() {
    let dump = "fixtures/wikitext/paintings-small.xml";
    let (out, code) = stdout_of(&["check", dump, "--format", "sarif"]);
    assert_eq!(code, 0);
    let log: Value = serde_json::from_str(&out).expect("SARIF is JSON");
    assert_eq!(errors(&sarif_validator(), &log), Vec::<String>::new());
    let results = log["runs"][0]["results"].as_array().expect("results");
    assert!(!results.is_empty());
    for r in results {
        let loc = &r["locations"][0];
        assert_eq!(loc["physicalLocation"]["artifactLocation"]["uri"], dump);
        // Lines of a page are not lines of the dump: no region in the dump.
        assert!(loc["physicalLocation"]["region"].is_null(), "{r}");
        assert!(loc["logicalLocations"][0]["name"].is_string(), "{r}");
        assert!(r["properties"]["pageRegion"]["startLine"].as_u64().unwrap() >= 1);
    }
}

#[test]
fn github_and_gitlab_put_a_dump_page_on_the_dump_with_the_page_in_the_message() {
    let dump = "fixtures/wikitext/paintings-small.xml";
    let (out, code) = stdout_of(&["check", dump, "--format", "github", "--select", "R005"]);
    assert_eq!(code, 0);
    assert!(
        out.contains(&format!(
            "::warning file={dump},title=R005 non-canonical-reference::Corot landscapes 5:15: "
        )),
        "{out}"
    );
    assert!(!out.contains("line="), "{out}");
    let (out, code) = stdout_of(&["check", dump, "--format", "gitlab", "--select", "R005"]);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&out).expect("JSON");
    let issue = &v[0];
    assert_eq!(issue["location"]["path"], dump);
    assert!(
        issue["description"]
            .as_str()
            .unwrap()
            .starts_with("R005: Corot landscapes 5:15: ")
    );
}
