//! The title index answers as a plain model of its rules would (issue 13):
//! every resolution (exact, through a redirect, by case) and every spelling
//! and singular/plural suggestion, over tricky titles and over the real title
//! list when `../shared/corpus/titles` is there. The model keeps every title
//! as text in hash maps; the index keeps most of them as edits of their
//! folded keys, so this checks that nothing is lost on the way.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::io::Read;

use encyclint::index::normalize::{acronym_differs, number_variants};
use encyclint::index::{Match, SuggestionKind, TitleIndex, fold_key, loose_key, title_key};

/// The rules of resolution and of variant suggestions, on plain maps.
struct Model {
    titles: HashSet<String>,
    /// Redirect name → target title key (the first redirect of a name wins).
    aliases: HashMap<String, String>,
    /// Fold key → (canonical, through a redirect).
    folded: HashMap<String, Vec<(String, bool)>>,
    /// Loose key → titles.
    loose: HashMap<String, BTreeSet<String>>,
}

impl Model {
    fn new(titles: &[String], aliases: &[(String, String)]) -> Self {
        let titles: HashSet<String> = titles
            .iter()
            .map(|t| title_key(t))
            .filter(|k| !k.is_empty())
            .collect();
        let mut alias_map = HashMap::new();
        let mut folded: HashMap<String, Vec<(String, bool)>> = HashMap::new();
        let mut loose: HashMap<String, BTreeSet<String>> = HashMap::new();
        for t in &titles {
            folded
                .entry(t.to_lowercase())
                .or_default()
                .push((t.clone(), false));
            loose.entry(loose_key(t)).or_default().insert(t.clone());
        }
        for (a, t) in aliases {
            let (a, t) = (title_key(a), title_key(t));
            if a.is_empty() || t.is_empty() || a == t || titles.contains(&a) {
                continue;
            }
            folded
                .entry(a.to_lowercase())
                .or_default()
                .push((t.clone(), true));
            alias_map.entry(a).or_insert(t);
        }
        Self {
            titles,
            aliases: alias_map,
            folded,
            loose,
        }
    }

    fn resolve(&self, q: &str) -> Option<(Match, String)> {
        let key = title_key(q);
        if key.is_empty() {
            return None;
        }
        if self.titles.contains(&key) {
            return Some((Match::Exact, key));
        }
        if let Some(t) = self.aliases.get(&key) {
            return Some((Match::Alias, t.clone()));
        }
        self.folded
            .get(&key.to_lowercase())?
            .iter()
            .filter(|(c, _)| !acronym_differs(&key, c))
            .map(|(c, a)| (*a, c.clone()))
            .min()
            .map(|(_, c)| (Match::Case, c))
    }

    /// Variant and singular/plural suggestions: (kind, title), sorted.
    fn variants(&self, q: &str) -> Vec<(SuggestionKind, String)> {
        let l = loose_key(q);
        if l.is_empty() {
            return Vec::new();
        }
        let mut found: HashMap<String, SuggestionKind> = HashMap::new();
        for t in self.loose.get(&l).into_iter().flatten() {
            found.insert(t.clone(), SuggestionKind::Variant);
        }
        for v in number_variants(&l) {
            for t in self.loose.get(&v).into_iter().flatten() {
                found.entry(t.clone()).or_insert(SuggestionKind::Number);
            }
        }
        let mut out: Vec<(SuggestionKind, String)> =
            found.into_iter().map(|(t, k)| (k, t)).collect();
        out.sort();
        out
    }
}

/// Check every query against the model; returns how many were checked.
fn check(titles: &[String], aliases: &[(String, String)], queries: &[String]) -> usize {
    let model = Model::new(titles, aliases);
    let ix = TitleIndex::from_titles(
        titles.iter().map(String::as_str),
        aliases.iter().map(|(a, t)| (a.as_str(), t.as_str())),
    );
    let mut n = 0;
    for q in queries {
        let got = ix.resolve(q).map(|r| (r.how, r.canonical));
        assert_eq!(got, model.resolve(q), "resolve({q:?})");
        if got.is_none() {
            let mut s: Vec<(SuggestionKind, String)> = ix
                .suggest(q, usize::MAX)
                .into_iter()
                .filter(|s| !matches!(s.kind, SuggestionKind::Edit(_)))
                .map(|s| (s.kind, s.title))
                .collect();
            s.sort();
            assert_eq!(s, model.variants(q), "suggest({q:?})");
        }
        n += 1;
    }
    n
}

/// Each query, its fold, its upper-case form and a spelling variant.
fn queries_of(titles: &[String], aliases: &[(String, String)], every: usize) -> Vec<String> {
    let mut q = Vec::new();
    for t in titles.iter().step_by(every) {
        q.push(t.clone());
        q.push(t.to_lowercase());
        q.push(t.to_uppercase());
        q.push(t.replace(' ', "-"));
        q.push(format!("{t}s"));
        q.push(fold_key(t).replace("or", "our"));
    }
    for (a, t) in aliases {
        q.push(a.clone());
        q.push(a.to_lowercase());
        q.push(t.to_lowercase());
    }
    q
}

#[test]
fn tricky_titles_answer_as_the_model() {
    let titles: Vec<String> = [
        "Quantum",
        "quantum mechanics",
        "Quantum Mechanics",
        "QUANTUM",
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
        "Colour-blindness",
        "Organisation of labour",
        "Revolutions of 1917–23",
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
        "Zürich",
        "ZÜRICH",
        "Ōsaka",
    ]
    .iter()
    .map(|s| (*s).to_string())
    .collect();
    let aliases: Vec<(String, String)> = [
        ("USA", "United States"),
        ("usa", "Quantum"),
        ("U.S.A.", "United States"),
        ("Quantum theory", "Quantum mechanics"),
        ("QT", "Quantum Mechanics"),
        ("qt", "Nowhere"),
        ("Bush", "George Bush"),
        ("Shrub", "Bush"),
        ("Shrub", "BUSH"),
        ("Istanbul", "İstanbul"),
        ("Zurich", "Zürich"),
        ("Strasse", "Straße"),
    ]
    .iter()
    .map(|(a, t)| ((*a).to_string(), (*t).to_string()))
    .collect();
    let mut queries = queries_of(&titles, &aliases, 1);
    queries.extend(
        [
            "quantum",
            "QUANTUM MECHANICS",
            "bush",
            "sseta",
            "ßETA",
            "istanbul",
            "i̇stanbul",
            "σίσυφοσ",
            "dzemal",
            "ǆemal",
            "defence industry",
            "colour blindness",
            "organization of labor",
            "policy",
            "policys",
            "joint exercises",
            "nowhere",
            "united states",
            "",
            "#",
        ]
        .iter()
        .map(|s| (*s).to_string()),
    );
    assert!(check(&titles, &aliases, &queries) > 200);
}

#[test]
fn the_real_title_list_answers_as_the_model() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/titles");
    // Without the shared corpus (a checkout on its own) there is nothing to check.
    let Ok(gz) = std::fs::File::open(dir.join("enwiki-titles.txt.gz")) else {
        return;
    };
    let mut text = String::new();
    flate2::read::GzDecoder::new(gz)
        .read_to_string(&mut text)
        .unwrap();
    let titles: Vec<String> = text.lines().map(str::to_string).collect();
    let aliases: Vec<(String, String)> = std::fs::read_to_string(dir.join("enwiki-redirects.tsv"))
        .unwrap_or_default()
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .map(|(a, t)| (a.to_string(), t.to_string()))
        .collect();
    // Every title is checked as written (cheap); a sample of 1 in 400 in its other forms.
    let mut queries = titles.clone();
    queries.extend(queries_of(&titles, &aliases, 400));
    assert!(check(&titles, &aliases, &queries) > titles.len());
}
