//! Wikitext on the shared real pages (`../shared/corpus/wikitext/wtf/`):
//! headings against the page's `==` lines, hatnote targets against its
//! hatnote templates, nested sections.

use std::io::Write;

use serde_json::Value;

use crate::util::{root, run_in};

fn sections(v: &Value, out: &mut Vec<(u64, String)>) {
    for s in v.as_array().into_iter().flatten() {
        out.push((
            s["heading"]["level"].as_u64().unwrap(),
            s["heading"]["text"].as_str().unwrap().to_string(),
        ));
        sections(&s["subsections"], out);
    }
}

fn references(v: &Value, out: &mut Vec<(String, String)>) {
    match v {
        Value::Object(m) => {
            if let (Some(t), Some(k)) = (m.get("target"), m.get("kind"))
                && let (Some(t), Some(k)) = (t.as_str(), k.as_str())
            {
                out.push((t.to_string(), k.to_string()));
            }
            m.values().for_each(|x| references(x, out));
        }
        Value::Array(a) => a.iter().for_each(|x| references(x, out)),
        _ => {}
    }
}

fn key(s: &str) -> String {
    s.split('#')
        .next()
        .unwrap_or("")
        .replace('_', " ")
        .trim()
        .to_lowercase()
}

#[test]
fn shared_pages_headings_hatnotes_and_nesting() {
    let Some(shared) = crate::util::shared() else {
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED shared_pages_headings_hatnotes_and_nesting: ../shared not found"
        );
        return;
    };
    let dir = shared.join("corpus/wikitext/wtf");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        let _ = writeln!(std::io::stderr(), "SKIPPED {}: not found", dir.display());
        return;
    };
    let mut files: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "wiki"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 71);
    let hidden = regex::Regex::new(
        r"(?s)<!--.*?-->|(?i)<nowiki\b.*?</nowiki>|<pre\b.*?</pre>|<math\b.*?</math>",
    )
    .unwrap();
    let heading = regex::Regex::new(r"^(={2,6})(.+?)(={2,6})\s*$").unwrap();
    let hatnote = regex::Regex::new(
        r"(?i)\{\{\s*(?:main|main article|see also|further|details)\s*\|([^{}]*)\}\}",
    )
    .unwrap();
    let (mut want_headings, mut got_headings) = (0, 0);
    let (mut hatnotes, mut found) = (0, 0);
    let mut missed = Vec::new();
    for f in &files {
        let raw = std::fs::read_to_string(f).unwrap();
        let text = hidden.replace_all(&raw, "");
        let out = run_in(&root(), &["parse", f.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(0), "{}", f.display());
        let model: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(model["format"], "wikitext");
        let mut secs = Vec::new();
        sections(&model["sections"], &mut secs);
        let want: Vec<u64> = text
            .split('\n')
            .filter_map(|l| heading.captures(l))
            .map(|c| c[1].len().min(c[3].len()) as u64)
            .collect();
        let got: Vec<u64> = secs.iter().map(|s| s.0).collect();
        assert_eq!(got, want, "heading levels of {}", f.display());
        want_headings += want.len();
        got_headings += got.len();
        let mut refs = Vec::new();
        references(&model, &mut refs);
        let hats: Vec<String> = refs
            .iter()
            .filter(|r| r.1 == "hatnote")
            .map(|r| key(&r.0))
            .collect();
        for c in hatnote.captures_iter(&text) {
            for p in c[1].split('|') {
                if p.contains('=') || p.trim().is_empty() {
                    continue;
                }
                hatnotes += 1;
                if hats.contains(&key(p)) {
                    found += 1;
                } else {
                    missed.push(format!("{}: {p}", f.display()));
                }
            }
        }
        if f.ends_with("Bodmin.wiki") {
            let history = model["sections"]
                .as_array()
                .unwrap()
                .iter()
                .find(|s| s["heading"]["text"] == "History")
                .expect("Bodmin has a History section");
            let subs: Vec<&str> = history["subsections"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|s| s["heading"]["text"].as_str())
                .collect();
            assert!(subs.contains(&"Rebellions"), "{subs:?}");
        }
    }
    assert_eq!(got_headings, want_headings);
    assert!(hatnotes > 100, "{hatnotes}");
    assert!(
        found * 100 >= hatnotes * 95,
        "{found} of {hatnotes} hatnote targets found; missed: {missed:?}"
    );
}
