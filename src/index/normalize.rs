//! Title normalisation, in three strengths.
//!
//! - [`title_key`]: what MediaWiki treats as the same page name. Unicode NFC,
//!   `_` equals space, white space collapsed and trimmed, the first letter
//!   upper-cased (`deterrence` and `Deterrence` are one page). A `#fragment`
//!   is not part of the page.
//! - [`fold_key`]: the title key lower-cased: a reference that matches only at
//!   this strength "resolves only by case" (R005).
//! - [`loose_key`]: the fold key with hyphens and dashes as spaces and British
//!   spellings mapped to American ones (`defence` → `defense`). Never used to
//!   resolve, only to propose did-you-mean suggestions (R001).

use unicode_normalization::UnicodeNormalization;

/// Characters a key never holds: the index uses them as separators.
fn is_reserved(c: char) -> bool {
    c.is_control()
}

/// The MediaWiki page-name key of `title` (see the module docs).
#[must_use]
pub fn title_key(title: &str) -> String {
    let page = title.split('#').next().unwrap_or("");
    if page.is_ascii() {
        return ascii_title_key(page);
    }
    if unicode_normalization::is_nfc_quick(page.chars()) == unicode_normalization::IsNormalized::Yes
    {
        return unicode_title_key(page, page.chars());
    }
    unicode_title_key(page, page.nfc())
}

/// [`title_key`] of the characters of `page` (in NFC).
fn unicode_title_key(page: &str, chars: impl Iterator<Item = char>) -> String {
    let mut out = String::with_capacity(page.len());
    let mut pending_space = false;
    for c in chars {
        if c == '_' || c.is_whitespace() || is_reserved(c) {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        if out.is_empty() {
            let mut up = c.to_uppercase();
            match (up.next(), up.next()) {
                // `ß` upper-cases to `SS`: MediaWiki keeps such letters as they are.
                (Some(u), None) => out.push(u),
                _ => out.push(c),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// [`title_key`] of ASCII text (always in NFC): the same rules, byte by byte.
fn ascii_title_key(page: &str) -> String {
    let mut out = Vec::with_capacity(page.len());
    ascii_title_key_into(page.as_bytes(), &mut out);
    // ASCII in, ASCII out.
    String::from_utf8(out).unwrap_or_default()
}

/// [`title_key`] of ASCII bytes (everything before a `#`), appended to `out`
/// without an allocation of its own (how the index builder reads millions).
pub(crate) fn ascii_title_key_into(page: &[u8], out: &mut Vec<u8>) {
    let start = out.len();
    let mut pending_space = false;
    for &b in page {
        if b == b'#' {
            break;
        }
        if b == b'_' || b.is_ascii_whitespace() || b.is_ascii_control() {
            pending_space = out.len() > start;
            continue;
        }
        if pending_space {
            out.push(b' ');
            pending_space = false;
        }
        out.push(if out.len() == start {
            b.to_ascii_uppercase()
        } else {
            b
        });
    }
}

/// The case-folded key: [`title_key`] in lower case.
#[must_use]
pub fn fold_key(title: &str) -> String {
    title_key(title).to_lowercase()
}

/// The fold key of title key `key` appended to `out`: ASCII lower-cased byte
/// by byte, other text by `str::to_lowercase` (as [`fold_key`] folds). The one
/// fold of the index builder and of a title list held in memory.
#[inline]
pub(crate) fn fold_append(key: &[u8], out: &mut Vec<u8>) {
    if key.is_ascii() {
        let start = out.len();
        out.extend_from_slice(key);
        out[start..].make_ascii_lowercase();
    } else {
        out.extend_from_slice(
            std::str::from_utf8(key)
                .unwrap_or("")
                .to_lowercase()
                .as_bytes(),
        );
    }
}

/// British spellings and their American forms, whole words only.
const SPELLINGS: &[(&str, &str)] = &[
    ("aeroplane", "airplane"),
    ("aluminium", "aluminum"),
    ("analyse", "analyze"),
    ("armour", "armor"),
    ("behaviour", "behavior"),
    ("catalogue", "catalog"),
    ("centre", "center"),
    ("centres", "centers"),
    ("colour", "color"),
    ("colours", "colors"),
    ("defence", "defense"),
    ("endeavour", "endeavor"),
    ("favour", "favor"),
    ("fibre", "fiber"),
    ("flavour", "flavor"),
    ("grey", "gray"),
    ("harbour", "harbor"),
    ("honour", "honor"),
    ("honours", "honors"),
    ("humour", "humor"),
    ("jewellery", "jewelry"),
    ("labour", "labor"),
    ("licence", "license"),
    ("litre", "liter"),
    ("manoeuvre", "maneuver"),
    ("metre", "meter"),
    ("metres", "meters"),
    ("neighbour", "neighbor"),
    ("offence", "offense"),
    ("paediatrics", "pediatrics"),
    ("practise", "practice"),
    ("programme", "program"),
    ("programmes", "programs"),
    ("rumour", "rumor"),
    ("savour", "savor"),
    ("sceptic", "skeptic"),
    ("sceptical", "skeptical"),
    ("sceptre", "scepter"),
    ("theatre", "theater"),
    ("theatres", "theaters"),
    ("travelling", "traveling"),
    ("tyre", "tire"),
    ("vigour", "vigor"),
];

/// For each last byte, the lengths (as bits) of the British spellings ending in it.
const RESPELT: [u32; 128] = {
    let mut t = [0u32; 128];
    let mut i = 0;
    while i < SPELLINGS.len() {
        let w = SPELLINGS[i].0.as_bytes();
        t[(w[w.len() - 1] & 0x7f) as usize] |= 1 << w.len();
        i += 1;
    }
    t
};

/// One word of a loose key: its American spelling, `-isation` as `-ization`.
fn loose_word(w: &str, out: &mut String) {
    if let Ok(i) = SPELLINGS.binary_search_by(|(uk, _)| (*uk).cmp(w)) {
        out.push_str(SPELLINGS[i].1);
        return;
    }
    for (uk, us) in [("isations", "izations"), ("isation", "ization")] {
        if let Some(stem) = w.strip_suffix(uk)
            && stem.chars().count() >= 3
        {
            out.push_str(stem);
            out.push_str(us);
            return;
        }
    }
    out.push_str(w);
}

/// The loose key: for suggestions only (see the module docs).
#[must_use]
pub fn loose_key(title: &str) -> String {
    loose_of_fold(&fold_key(title))
}

/// The loose key of a fold key.
#[must_use]
pub(crate) fn loose_of_fold(folded: &str) -> String {
    let spaced: String = folded
        .chars()
        .map(|c| match c {
            '-' | '‐' | '‑' | '‒' | '–' | '—' | '―' => ' ',
            '’' | 'ʼ' | '‘' => '\'',
            c => c,
        })
        .collect();
    let mut out = String::with_capacity(spaced.len());
    for w in spaced.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        loose_word(w, &mut out);
    }
    out
}

/// Whether the loose key of a fold key is the fold key itself, without
/// building it when the key is ASCII (most are): no hyphen, and no word that
/// [`loose_of_fold`] respells. `None` when it cannot tell (not ASCII); see
/// [`loose_is_fold_fast`] for any text.
#[must_use]
pub(crate) fn loose_is_fold_ascii(folded: &str) -> Option<bool> {
    if folded.is_ascii() {
        loose_is_fold_fast(folded)
    } else {
        None
    }
}

/// Whether the loose key of a fold key is the fold key itself, for any
/// text, without building it: `None` (build it to tell) when the key holds a
/// character [`loose_of_fold`] maps (a hyphen, a dash, a curly quote) or
/// white space other than single spaces between words.
#[must_use]
pub(crate) fn loose_is_fold_fast(folded: &str) -> Option<bool> {
    let b = folded.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return None;
    }
    let (mut same, mut start, mut after_space) = (true, 0, false);
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b' ' {
            if after_space {
                return None;
            }
            after_space = true;
            same = same && word_is_loose(&b[start..i]);
            start = i + 1;
            i += 1;
            continue;
        }
        after_space = false;
        if c < 0x80 {
            if c == b'-' || c < 0x20 || c == 0x7f {
                return None;
            }
            i += 1;
            continue;
        }
        let ch = folded.get(i..)?.chars().next()?;
        if ch.is_whitespace() || matches!(ch, '\u{2010}'..='\u{2015}' | '’' | 'ʼ' | '‘') {
            return None;
        }
        i += ch.len_utf8();
    }
    Some(same && word_is_loose(&b[start..]))
}

/// Whether [`loose_word`] leaves a word as it is.
fn word_is_loose(w: &[u8]) -> bool {
    let (n, last) = (w.len(), w.last().copied().unwrap_or(0));
    // A British spelling of this length and last letter, perhaps.
    if n < 32
        && RESPELT[usize::from(last & 0x7f)] & (1 << n) != 0
        && SPELLINGS
            .iter()
            .any(|(uk, _)| uk.len() == n && uk.as_bytes()[0] == w[0] && uk.as_bytes() == w)
    {
        return false;
    }
    if !(w.ends_with(b"isation") || w.ends_with(b"isations")) {
        return true;
    }
    let w = std::str::from_utf8(w).unwrap_or("");
    let mut out = String::new();
    loose_word(w, &mut out);
    out == w
}

/// Singular and plural forms of the last word of a loose key (not the key itself).
#[must_use]
pub fn number_variants(loose: &str) -> Vec<String> {
    let (head, last) = match loose.rfind(' ') {
        Some(i) => (&loose[..=i], &loose[i + 1..]),
        None => ("", loose),
    };
    if last.chars().count() < 3 || !last.chars().all(char::is_alphabetic) {
        return Vec::new();
    }
    let mut forms = Vec::new();
    if let Some(stem) = last.strip_suffix("ies") {
        forms.push(format!("{stem}y"));
    } else if let Some(stem) = last.strip_suffix("es") {
        forms.push(stem.to_string());
        forms.push(format!("{stem}e"));
    } else if let Some(stem) = last.strip_suffix('s')
        && !stem.ends_with('s')
    {
        forms.push(stem.to_string());
    }
    if !last.ends_with('s') {
        if let Some(stem) = last.strip_suffix('y')
            && !stem.ends_with(['a', 'e', 'i', 'o', 'u'])
        {
            forms.push(format!("{stem}ies"));
        }
        forms.push(format!("{last}s"));
        if last.ends_with("ch") || last.ends_with("sh") || last.ends_with('x') {
            forms.push(format!("{last}es"));
        }
    }
    forms.retain(|f| f.chars().count() >= 2 && f != last);
    forms.into_iter().map(|f| format!("{head}{f}")).collect()
}

/// Optimal-string-alignment distance (Levenshtein plus adjacent
/// transpositions) between two strings, in characters (`strsim`'s).
#[must_use]
pub fn osa_distance(a: &str, b: &str) -> usize {
    strsim::osa_distance(a, b)
}

/// The largest edit distance a suggestion may have for a loose key of `chars`
/// characters: none below 4, one up to 9, two from 10. Strict on purpose: a
/// wrong suggestion is worse than none.
#[must_use]
pub fn max_distance(chars: usize) -> usize {
    match chars {
        0..=3 => 0,
        4..=9 => 1,
        _ => 2,
    }
}

/// Whether `cand` differs from `query` (both loose keys) as a typo would:
/// inside one word, by at most [`max_distance`] of that word's length, the
/// word's first letter kept; or by one edit across a word boundary.
#[must_use]
pub fn plausible_typo(query: &str, cand: &str) -> bool {
    let q: Vec<&str> = query.split(' ').collect();
    let c: Vec<&str> = cand.split(' ').collect();
    if q.len() != c.len() {
        return osa_distance(query, cand) == 1;
    }
    let differing: Vec<(&str, &str)> = q
        .iter()
        .zip(&c)
        .filter(|(a, b)| a != b)
        .map(|(a, b)| (*a, *b))
        .collect();
    let [(a, b)] = differing.as_slice() else {
        return false;
    };
    let d = osa_distance(a, b);
    d >= 1 && d <= max_distance(a.chars().count()) && a.chars().next() == b.chars().next()
}

/// Whether `canonical` has an all-capitals word (`POET`, `NATO`) that
/// `written` does not: `poet` is not the acronym, whatever the case rules say.
#[must_use]
pub fn acronym_differs(written: &str, canonical: &str) -> bool {
    let caps = |w: &str| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
    };
    written
        .split(' ')
        .zip(canonical.split(' '))
        .any(|(w, c)| caps(c) && !caps(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_keys_follow_mediawiki() {
        assert_eq!(title_key("deterrence"), "Deterrence");
        assert_eq!(title_key("  Crisis_management \t"), "Crisis management");
        assert_eq!(title_key("Cafe\u{301}"), "Café");
        assert_eq!(title_key("History#Early years"), "History");
        assert_eq!(title_key("ßeta"), "ßeta");
        assert_eq!(title_key(""), "");
    }

    #[test]
    fn spellings_are_sorted_for_binary_search() {
        assert!(SPELLINGS.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn loose_keys_join_hyphens_and_spellings() {
        assert_eq!(loose_key("Defence-industry"), loose_key("defense industry"));
        assert_eq!(loose_key("Organisation of labour"), "organization of labor");
        assert_eq!(loose_key("U.S.–Japan"), "u.s. japan");
        assert_ne!(loose_key("Crisis management"), loose_key("Risk management"));
    }

    #[test]
    fn the_ascii_shortcut_agrees_with_the_loose_key() {
        for f in [
            "quantum",
            "defence industry",
            "colour-blindness",
            "organisation of labour",
            "isation",
            "disorganisation",
            "a  b",
            " a",
            "a ",
            "tab\there",
            "",
            "u.s. japan",
            "café",
        ] {
            if let Some(same) = loose_is_fold_ascii(f) {
                assert_eq!(same, loose_of_fold(f) == f, "{f:?}");
            }
        }
        for f in [
            "quantum",
            "defence industry",
            "café society",
            "café-society",
            "ḿ–x",
            "zürich",
            "organisation of labour",
            "mc’donald",
            "a\u{a0}b",
            "a\u{b}b",
            "ⅻ century",
            "",
            "straße",
            "i̇stanbul",
            "disorganisation",
            "a  b",
            " a",
            "a ",
            "ﬁsh",
            "σίσυφος",
            "colourisation",
            "théâtre",
            "litre",
        ] {
            if let Some(same) = loose_is_fold_fast(f) {
                assert_eq!(same, loose_of_fold(f) == f, "{f:?}");
            }
        }
        assert_eq!(loose_is_fold_fast("zürich"), Some(true));
        assert_eq!(loose_is_fold_fast("café-society"), None);
        assert_eq!(loose_is_fold_ascii("quantum mechanics"), Some(true));
        assert_eq!(loose_is_fold_ascii("defence"), Some(false));
        assert_eq!(loose_is_fold_ascii("café"), None);
    }

    #[test]
    fn number_variants_of_the_last_word() {
        assert_eq!(
            number_variants("joint exercises"),
            ["joint exercis", "joint exercise"]
        );
        assert_eq!(number_variants("policies"), ["policy"]);
        assert_eq!(number_variants("tank"), ["tanks"]);
        assert!(number_variants("us").is_empty());
    }

    #[test]
    fn typos_stay_inside_one_word() {
        assert!(plausible_typo("quatnum", "quantum"));
        assert!(plausible_typo("crisis managment", "crisis management"));
        assert!(!plausible_typo("william hamley", "william barley"));
        assert!(!plausible_typo("chemical genetics", "chemical kinetics"));
        assert!(!plausible_typo("big cat", "bog cut"));
        assert!(plausible_typo("photo n", "photon"));
    }

    #[test]
    fn osa_counts_transpositions_once() {
        assert_eq!(osa_distance("quatnum", "quantum"), 1);
        assert_eq!(osa_distance("crisis management", "risk management"), 3);
        assert_eq!(osa_distance("", "abc"), 3);
    }
}
