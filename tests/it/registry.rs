//! The registry is the one source of truth: the README table and the schema's
//! `x-code`s must agree with it.

use std::fs;

use crate::util::{root, run_in};

#[test]
fn readme_rule_table_is_generated_from_the_registry() {
    let readme = fs::read_to_string(root().join("README.md")).unwrap();
    let start = readme
        .find("<!-- rules:start -->\n")
        .expect("rules:start marker")
        + "<!-- rules:start -->\n".len();
    let end = readme.find("<!-- rules:end -->").expect("rules:end marker");
    let out = run_in(&root(), &["rules", "--format", "markdown"]);
    let table = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        &readme[start..end],
        table,
        "README rule table is stale: paste `encyclint rules --format markdown`"
    );
}

#[test]
fn every_schema_x_code_is_a_registered_rule() {
    let schema: serde_json::Value =
        serde_json::from_str(encyclint::schema::ARTICLE_SCHEMA).unwrap();
    let mut stack = vec![&schema];
    let mut codes = Vec::new();
    while let Some(v) = stack.pop() {
        match v {
            serde_json::Value::Object(m) => {
                if let Some(c) = m.get("x-code").and_then(|c| c.as_str()) {
                    codes.push(c.to_string());
                }
                stack.extend(m.values());
            }
            serde_json::Value::Array(a) => stack.extend(a),
            _ => {}
        }
    }
    assert!(!codes.is_empty());
    for c in codes {
        let rule =
            encyclint::rules::lookup(&c).unwrap_or_else(|| panic!("x-code {c} is not registered"));
        assert!(
            rule.section("Schema").is_some(),
            "{c} is schema-backed but its docs lack `## Schema`"
        );
    }
}

#[test]
fn every_rule_with_a_check_fires_in_some_fixture_and_is_quiet_in_another() {
    let dir = root().join("fixtures");
    let mut expects = String::new();
    let mut stack = vec![dir];
    let mut clean_somewhere = 0;
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "expect") {
                let s = fs::read_to_string(&p).unwrap();
                if s.lines().all(|l| l.trim().is_empty() || l.starts_with('#')) {
                    clean_somewhere += 1;
                }
                expects.push_str(&s);
            }
        }
    }
    assert!(clean_somewhere > 0, "no fixture is expected to stay clean");
    for r in encyclint::rules::ALL {
        // S101 needs more findings than the limit, which no fixture has:
        // `tests/bad_input.rs` `findings_past_the_limit_are_counted_in_one_finding`.
        if matches!(r.family, encyclint::rules::Family::Input) || ["J001", "S101"].contains(&r.code)
        {
            continue;
        }
        assert!(
            expects.contains(&format!(" {} ", r.code))
                || expects.contains(&format!(" {}\n", r.code)),
            "no fixture triggers {}",
            r.code
        );
    }
}
