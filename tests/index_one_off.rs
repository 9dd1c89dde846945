//! A title list held in memory for one run (`check --titles LIST` with no
//! build of the list in the cache) answers every question as the index built
//! from the same list: resolutions, and every did-you-mean suggestion (typos
//! included, with their edit distances), over tricky titles, over crowded keys
//! (more titles than a record keeps, more typos than a search returns), and
//! over the real title list when `bench/.work/index/real.txt` or
//! `../shared/corpus/titles` is there.

use std::io::Read;
use std::path::Path;

use encyclint::index::{Builder, Layer, Limits, TitleIndex, hold_titles, read_titles};

fn indexes(dir: &Path, titles: &str) -> (TitleIndex, TitleIndex) {
    let path = dir.join("titles.txt");
    std::fs::write(&path, titles).unwrap();
    let mut b = Builder::new();
    read_titles(&path, Limits::default(), false, &mut b).unwrap();
    let mut built = TitleIndex::new();
    built.push(Layer::from_bytes("built", b.into_bytes()).unwrap());
    let mut held = TitleIndex::new();
    held.push(hold_titles(&path).unwrap());
    assert_eq!(
        built.layers()[0].titles,
        held.layers()[0].titles,
        "distinct titles"
    );
    (built, held)
}

/// Every query answered by both: resolution, and all suggestions.
fn same_answers(built: &TitleIndex, held: &TitleIndex, queries: &[String]) -> usize {
    let mut suggested = 0;
    for q in queries {
        assert_eq!(built.resolve(q), held.resolve(q), "resolve({q:?})");
        assert_eq!(built.is_title_of(q), held.is_title_of(q));
        let s = built.suggest(q, usize::MAX);
        suggested += usize::from(!s.is_empty());
        assert_eq!(s, held.suggest(q, usize::MAX), "suggest({q:?})");
    }
    suggested
}

trait IsTitle {
    fn is_title_of(&self, q: &str) -> bool;
}

impl IsTitle for TitleIndex {
    fn is_title_of(&self, q: &str) -> bool {
        encyclint::index::TitleLookup::is_title(self, q)
    }
}

/// Each title as written and in other forms: cased, hyphenated, plural,
/// respelt, and with one and two typos (a letter dropped, doubled, swapped).
fn queries_of(titles: &[&str], every: usize) -> Vec<String> {
    let mut q = Vec::new();
    for t in titles.iter().step_by(every) {
        let chars: Vec<char> = t.chars().collect();
        q.push((*t).to_string());
        q.push(t.to_lowercase());
        q.push(t.to_uppercase());
        q.push(t.replace(' ', "-"));
        q.push(format!("{t}s"));
        q.push(t.to_lowercase().replace("or", "our"));
        for i in [1, chars.len() / 2, chars.len().saturating_sub(2)] {
            if i + 1 < chars.len() {
                let mut c = chars.clone();
                c.remove(i);
                q.push(c.iter().collect());
                let mut c = chars.clone();
                c.swap(i, i + 1);
                q.push(c.iter().collect());
                let mut c = chars.clone();
                c.insert(i, chars[i]);
                c.remove(i + 2);
                q.push(c.iter().collect());
            }
        }
    }
    q
}

const TRICKY: &[&str] = &[
    "Quantum",
    "quantum mechanics",
    "Quantum Mechanics",
    "QUANTUM",
    "Quantums",
    "Quanta",
    "Bush",
    "BUSH",
    "ßeta",
    "Straße",
    "İstanbul",
    "Σίσυφος",
    "ǅemal",
    "Ǆ",
    "Éric Rohmer",
    "éric rohmer",
    "Café_society",
    "Defence industry",
    "Defense Industry",
    "Defence-industry",
    "Colour-blindness",
    "Color blindness",
    "Organisation of labour",
    "Revolutions of 1917–23",
    "Revolutions of 1917-23",
    "U.S.–Japan relations",
    "Policy",
    "Policies",
    "Joint exercise",
    "ΑΒΓ",
    "K",
    "k-pop",
    "ﬁsh",
    "Ⅻ century",
    "Mc'Donald’s",
    "McDonald's",
    "Zürich",
    "ZÜRICH",
    "Ōsaka",
    "Crisis management",
    "Risk management",
    "Pride and Prejudice",
    "Photon",
    "Photons",
    "  spaced   out  ",
    "Tab_and_underscore",
    "History#Early years",
    "-",
    "–",
];

#[test]
fn tricky_titles_answer_as_the_built_index() {
    let dir = tempfile::tempdir().unwrap();
    let text: String = TRICKY.iter().map(|t| format!("{t}\n")).collect();
    // Twice: duplicates are one title.
    let (built, held) = indexes(dir.path(), &format!("{text}\r\n\n{text}"));
    let mut queries = queries_of(TRICKY, 1);
    queries.extend(
        [
            "",
            "#",
            "quatnum",
            "qunatum",
            "photn",
            "crisis managment",
            "defense-industry",
            "organization of labor",
            "joint exercises",
            "policys",
            "istanbul",
            "sseta",
            "zurich",
            "k pop",
            "kpop",
            "—",
            "- -",
        ]
        .iter()
        .map(|s| (*s).to_string()),
    );
    assert!(same_answers(&built, &held, &queries) > 20);
}

/// More titles to one fold key than a record keeps (255), more to one loose
/// key than are listed, and more typos of one query than a search returns (256).
#[test]
fn crowded_keys_answer_as_the_built_index() {
    let dir = tempfile::tempdir().unwrap();
    let mut titles: Vec<String> = Vec::new();
    // 512 case forms of one word (its first letter is always upper-cased).
    for m in 0..1024u32 {
        let w: String = "xaaaaaaaaa"
            .chars()
            .enumerate()
            .map(|(i, c)| {
                if i > 0 && m >> (i - 1) & 1 == 1 {
                    'A'
                } else {
                    c
                }
            })
            .collect();
        titles.push(w);
    }
    // One loose key for many fold keys: every separator between four words.
    let seps = [" ", "-", "‐", "‑", "‒", "–", "—", "―"];
    for a in seps {
        for b in seps {
            for c in seps {
                titles.push(format!("Alpha{a}beta{b}gamma{c}delta"));
                titles.push(format!("ALPHA{a}Beta{b}gamma{c}delta"));
            }
        }
    }
    // Hundreds of keys one edit from `Pattern`, each in two cases.
    for c in ('a'..='z').chain('0'..='9') {
        for i in 1..7 {
            let mut w: Vec<char> = "Pattern".chars().collect();
            w[i] = c;
            let w: String = w.into_iter().collect();
            titles.push(w.clone());
            titles.push(w.to_uppercase());
            let mut v: Vec<char> = "Pattern".chars().collect();
            v.insert(i, c);
            titles.push(v.into_iter().collect());
        }
    }
    let text: String = titles.iter().map(|t| format!("{t}\n")).collect();
    let (built, held) = indexes(dir.path(), &text);
    let refs: Vec<&str> = titles.iter().map(String::as_str).collect();
    let mut queries = queries_of(&refs, 7);
    queries.extend(
        [
            "xaaaaaaaaa",
            "xaaaaaaaab",
            "XAAAAAAAAA",
            "alpha beta gamma delta",
            "alpha beta gamma deltas",
            "Alpha-beta-gamma-delt",
            "pattern",
            "patern",
            "Pattern",
            "PATTERN",
            "pattterns",
        ]
        .iter()
        .map(|s| (*s).to_string()),
    );
    assert!(same_answers(&built, &held, &queries) > 20);
    let n = built.suggest("pattern", usize::MAX).len();
    assert!(n > 50, "{n}");
}

#[test]
fn the_real_title_list_answers_as_the_built_index() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = match std::fs::read_to_string(root.join("bench/.work/index/real.txt")) {
        Ok(t) => t,
        Err(_) => {
            let gz = root.join("../shared/corpus/titles/enwiki-titles.txt.gz");
            // Without the shared corpus (a checkout on its own) there is nothing to check.
            let Ok(f) = std::fs::File::open(gz) else {
                return;
            };
            let mut t = String::new();
            flate2::read::GzDecoder::new(f)
                .read_to_string(&mut t)
                .unwrap();
            t
        }
    };
    let dir = tempfile::tempdir().unwrap();
    let (built, held) = indexes(dir.path(), &text);
    let titles: Vec<&str> = text.lines().collect();
    let queries = queries_of(&titles, 997);
    assert!(same_answers(&built, &held, &queries) > 100);
}
