use super::*;
use crate::source::Format;

fn parse_str(name: &str, s: &str) -> Article {
    parse(
        &SourceFile::new(name, s, Format::Wikitext),
        &ParseOptions::default(),
    )
}

fn refs(a: &Article) -> Vec<(String, ReferenceKind)> {
    a.references()
        .iter()
        .map(|r| (r.target().to_string(), r.kind))
        .collect()
}

const PAGE: &str = "{{Use dmy dates|date=March 2015}}
{{Infobox UK place
|official_name = Bodmin
|population = 14,736<ref>x</ref>
}}
'''Bodmin''' is a [[civil parishes in England|civil parish]] in [[Cornwall]], England.<ref name=a>{{cite web|url=http://x.org|title=T}}</ref> It is south-west of [[Bodmin Moor]].

The parish is urban.

==History==
{{Main|History of Bodmin|l1=Its history}}
Bodmin is old.
===Rebellions===
The [[Cornish Rebellion of 1497|rebellion]] started here.
<!-- a comment -->
==== Deeper ====
Text.
==See also==
* [[List of topics related to Cornwall]]
* [[Bodmin (UK Parliament constituency)|List of Bodmin MPs]] – its members, see [[Parliament]]
==References==
{{Reflist|30em}}
[[Category:Towns in Cornwall]]
";

#[test]
fn title_from_the_file_name_or_page() {
    let a = parse_str("dir/Bodmin_town.wiki", "Text.");
    assert_eq!(a.title.unwrap().text, "Bodmin town");
    let a = parse_str("Mozilla-Firefox.WIKITEXT", "Text.");
    assert_eq!(a.title.unwrap().text, "Mozilla-Firefox");
    assert!(parse_str("-", "Text.").title.is_none());
    let mut src = SourceFile::new("dump.xml.bz2", "Text.", Format::Wikitext);
    src.page = Some("The Jack Pine".into());
    let a = parse(&src, &ParseOptions::default());
    assert_eq!(a.title.unwrap().text, "The Jack Pine");
}

#[test]
fn lead_sections_and_nesting() {
    let a = parse_str("Bodmin.wiki", PAGE);
    assert_eq!(a.lead.len(), 2);
    let Block::Paragraph(p) = &a.lead[0] else {
        panic!("{:?}", a.lead[0])
    };
    assert_eq!(
        p.text,
        "Bodmin is a civil parish in Cornwall, England. It is south-west of Bodmin Moor."
    );
    assert_eq!(p.sentences.len(), 2);
    assert_eq!(
        p.sentences[0].span.slice(PAGE),
        "Bodmin''' is a [[civil parishes in England|civil parish]] in [[Cornwall]], England."
    );
    let heads: Vec<(&str, u8)> = a
        .sections_flat()
        .iter()
        .map(|s| (s.heading.text.as_str(), s.heading.level))
        .collect();
    assert_eq!(
        heads,
        [
            ("History", 2),
            ("Rebellions", 3),
            ("Deeper", 4),
            ("See also", 2),
            ("References", 2)
        ]
    );
    assert_eq!(a.sections[0].subsections[0].heading.text, "Rebellions");
    assert_eq!(a.sections[0].heading.span.slice(PAGE), "==History==");
    assert_eq!(a.sections[0].heading.text_span.slice(PAGE), "History");
    // The reference list is content, just not prose.
    let refs_section = &a.sections[2];
    assert!(refs_section.blocks.is_empty());
    assert_eq!(refs_section.non_prose.len(), 2);
}

#[test]
fn references_of_every_kind() {
    let a = parse_str("Bodmin.wiki", PAGE);
    let r = refs(&a);
    use ReferenceKind::{Hatnote, Link, SeeAlso};
    assert_eq!(
        r,
        [
            ("civil parishes in England".to_string(), Link),
            ("Cornwall".to_string(), Link),
            ("Bodmin Moor".to_string(), Link),
            ("History of Bodmin".to_string(), Hatnote),
            ("Cornish Rebellion of 1497".to_string(), Link),
            ("List of topics related to Cornwall".to_string(), SeeAlso),
            ("Bodmin (UK Parliament constituency)".to_string(), SeeAlso),
            ("Parliament".to_string(), Link),
        ]
    );
    let hat = a.references()[3];
    assert_eq!(hat.span.slice(PAGE), "History of Bodmin");
}

#[test]
fn definition_lists() {
    let s = "T\n;Term: the definition.\n;Other\n:Its definition.\n;Alone\n";
    let a = parse_str("t.wiki", s);
    let items: Vec<(Option<&str>, &str)> = a
        .lead
        .iter()
        .map(|b| match b {
            Block::Item(i) => (i.label.as_deref(), i.body.as_str()),
            Block::Paragraph(p) => (None, p.text.as_str()),
        })
        .collect();
    assert_eq!(
        items,
        [
            (None, "T"),
            (Some("Term"), "the definition."),
            (Some("Other"), "Its definition."),
            (None, "Alone")
        ]
    );
    let Block::Item(i) = &a.lead[2] else { panic!() };
    assert_eq!(i.label_span.unwrap().slice(s), "Other");
    assert_eq!(i.body_span.slice(s), "Its definition.");
    assert_eq!(i.span.slice(s), ";Other\n:Its definition.");
}

#[test]
fn lists_tables_and_preformatted_lines() {
    let s = "Intro.\n* One [[A]].\n*# Two.\n: Indented.\n{| class=x\n| [[B]] || cell\n|}\n pre formatted\n----\nAfter.";
    let a = parse_str("t.wiki", s);
    let kinds: Vec<(Option<&str>, String)> = a
        .lead
        .iter()
        .map(|b| match b {
            Block::Item(i) => (i.bullet.as_deref(), i.body.to_string()),
            Block::Paragraph(p) => (None, p.text.to_string()),
        })
        .collect();
    assert_eq!(
        kinds,
        [
            (None, "Intro.".to_string()),
            (Some("*"), "One A.".to_string()),
            (Some("*#"), "Two.".to_string()),
            (Some(":"), "Indented.".to_string()),
            (None, "After.".to_string()),
        ]
    );
    assert_eq!(refs(&a), [("A".to_string(), ReferenceKind::Link)]);
}

#[test]
fn redirects_have_one_reference() {
    let s = "#REDIRECT [[Toronto]]\n\n{{R from move}}";
    assert!(is_redirect(s));
    let a = parse_str("redirect.wiki", s);
    assert_eq!(refs(&a), [("Toronto".to_string(), ReferenceKind::Link)]);
    assert!(a.lead[0].sentences().is_empty());
}

#[test]
fn unclosed_and_stray_markup_is_text() {
    let s = "A {{cite [[b]] c. }} d ]] e [[f\n\nG {{x\n\nH.";
    let a = parse_str("t.wiki", s);
    let texts: Vec<String> = a
        .lead
        .iter()
        .map(|b| match b {
            Block::Paragraph(p) => p.text.to_string(),
            Block::Item(i) => i.body.to_string(),
        })
        .collect();
    assert_eq!(texts, ["A d ]] e [[f", "G {{x", "H."]);
}

#[test]
fn every_span_is_inside_the_text() {
    for s in [
        "\u{feff}==A==\nb",
        "=",
        "==",
        "== ==",
        "=a=",
        ";",
        ";:",
        "*",
        "{|",
        "|}",
        "[[",
        "{{",
        "<ref>",
        "<!--",
        "'''''",
        "&#0;",
        "é''é",
        "x\r\ny\rz\n",
        "[[a|]]",
        "[[:]]",
        "{{Main|}}",
        "{{Main|#x}}",
    ] {
        let a = parse_str("t.wiki", s);
        let v = serde_json::to_value(&a).unwrap();
        let mut stack = vec![&v];
        while let Some(v) = stack.pop() {
            if let Some(o) = v.as_object() {
                if let (Some(off), Some(len), 2) = (o.get("offset"), o.get("length"), o.len()) {
                    let (off, len) = (
                        off.as_u64().unwrap() as usize,
                        len.as_u64().unwrap() as usize,
                    );
                    assert!(off + len <= s.len(), "{s:?}: {o:?}");
                    assert!(
                        s.is_char_boundary(off) && s.is_char_boundary(off + len),
                        "{s:?}"
                    );
                }
                stack.extend(o.values());
            } else if let Some(a) = v.as_array() {
                stack.extend(a);
            }
        }
    }
}

#[test]
fn time_grows_linearly() {
    let unit =
        "'''x''' {{a|{{b|[[c|d]]}} <ref>e</ref> [[f]] {| \n| g\n|}\n== h ==\n* i\n{{small|j\n";
    let time = |n: usize| {
        let s = unit.repeat(n);
        let t = std::time::Instant::now();
        let _ = parse_str("t.wiki", &s);
        t.elapsed()
    };
    let _ = time(500);
    let small = time(2_000);
    let big = time(8_000);
    // 4x the input: well under 16x the time (quadratic) even on a busy machine.
    assert!(
        big < small * 10 + std::time::Duration::from_millis(200),
        "{small:?} -> {big:?}"
    );
}

#[test]
fn a_colon_before_a_table_or_quote_introduces_it() {
    let s = "T\n\nThe club has had eleven Presidents:<ref name=a/>\n{| class=x\n| A\n|}\nIn ''The Winding Motion'':\n{{quote|Text.}}\n;Notes\n{{reflist}}\n";
    let a = parse_str("t.wiki", s);
    for b in &a.lead {
        if let Block::Item(i) = b {
            assert!(i.label.is_none(), "{i:?}");
        }
    }
}
