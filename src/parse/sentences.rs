//! Sentence splitting shared by both parsers.
//!
//! A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes or brackets
//! after it) followed by white space and a capital letter, a digit or an
//! opening quote or bracket, or by the end of the text. A period does not end
//! a sentence after a known abbreviation (`Dr.`, `e.g.`, `approx.`), an initialism
//! written with periods (`U.S.`, `Ph.D.`), a single-letter initial (`John F.
//! Kennedy`), or inside a number (`3.5`, which is never followed by a space).

/// Abbreviations after which a period does not end a sentence (lower case,
/// without the period).
const ABBREVIATIONS: &[&str] = &[
    "adm", "al", "approx", "apr", "art", "aug", "av", "ave", "b", "bros", "c", "ca", "capt", "cf",
    "ch", "cmdr", "co", "col", "corp", "cpl", "d", "dec", "dept", "dr", "ed", "eds", "eg", "esp",
    "est", "feb", "fig", "figs", "fl", "fr", "ft", "gen", "gov", "hon", "ie", "inc", "jan", "jr",
    "jul", "jun", "lt", "ltd", "maj", "mar", "messrs", "mr", "mrs", "ms", "mt", "no", "nos", "nov",
    "oct", "op", "p", "pp", "prof", "pt", "rep", "repr", "rev", "sec", "sen", "sep", "sept", "sgt",
    "sr", "st", "supt", "viz", "vol", "vols", "vs",
];

fn is_abbreviation(token: &str) -> bool {
    let t = token.trim_start_matches(|c: char| !c.is_alphanumeric());
    if t.is_empty() {
        return false;
    }
    // Initialisms with interior periods: U.S, e.g, Ph.D, D.C
    if t.contains('.')
        && t.split('.')
            .all(|p| p.chars().count() <= 3 && !p.is_empty())
    {
        return true;
    }
    let mut chars = t.chars();
    // A single letter is an initial (J. R. R. Tolkien) or a list letter.
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return c.is_alphabetic();
    }
    // The list is of short ASCII words, and no character outside ASCII
    // lower-cases into one (the Kelvin sign gives `k`, which none has): the
    // word is lower-cased on the stack, not into a new string.
    if t.len() > ABBREVIATION_MAX || !t.is_ascii() {
        return false;
    }
    let mut buf = [0u8; ABBREVIATION_MAX];
    let lower = &mut buf[..t.len()];
    lower.copy_from_slice(t.as_bytes());
    lower.make_ascii_lowercase();
    std::str::from_utf8(lower).is_ok_and(|l| ABBREVIATIONS.binary_search(&l).is_ok())
}

/// The longest of [`ABBREVIATIONS`], in bytes.
const ABBREVIATION_MAX: usize = 6;

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»')
}

fn can_start_sentence(c: char) -> bool {
    c.is_uppercase()
        || c.is_numeric()
        || matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[' | '«' | '¿' | '¡')
        || (c.is_alphabetic() && !c.is_lowercase())
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// Byte ranges of the sentences of `text`, trimmed of surrounding white space.
///
/// 32-bit offsets (a block is a part of a file the gate admits, under 4 GiB):
/// a one-line file of a million sentences held 16 MB of bounds at its peak,
/// now 8.
#[must_use]
pub fn split(text: &str) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    // Jump from candidate to candidate: `.`, `!`, `?` and 0xE2, the lead byte of `…`
    // (never a continuation byte, so every hit is on a char boundary). The
    // next 0xE2 is remembered, not searched for again at every stop.
    let mut lead_e2 = memchr::memchr(0xE2, bytes);
    loop {
        if lead_e2.is_some_and(|p| p < i) {
            lead_e2 = memchr::memchr(0xE2, &bytes[i..]).map(|o| i + o);
        }
        let stop = memchr::memchr3(b'.', b'!', b'?', &bytes[i..]).map(|o| i + o);
        let Some(pos) = [stop, lead_e2].into_iter().flatten().min() else {
            break;
        };
        let Some(c) = text[pos..].chars().next() else {
            break;
        };
        if !is_terminator(c) {
            i = pos + c.len_utf8();
            continue;
        }
        // Swallow runs of terminators and closers: `?!`, `."`, `.)`
        let mut j = pos + c.len_utf8();
        let mut next = None;
        for ch in text[j..].chars() {
            if is_terminator(ch) || is_closer(ch) {
                j += ch.len_utf8();
            } else {
                next = Some(ch);
                break;
            }
        }
        let end = j;
        let boundary = match next {
            None => true,
            Some(ch) if ch.is_whitespace() => text[j..]
                .chars()
                .find(|ch| !ch.is_whitespace())
                .is_none_or(can_start_sentence),
            Some(_) => false,
        };
        let abbreviation = boundary && c == '.' && j == pos + 1 && {
            let token_start = text[..pos]
                .char_indices()
                .rev()
                .find(|&(_, ch)| ch.is_whitespace() || ch == '(')
                .map_or(0, |(p, ch)| p + ch.len_utf8());
            is_abbreviation(&text[token_start..pos])
        };
        if boundary && !abbreviation {
            push_trimmed(text, start, end, &mut out);
            start = end;
        }
        i = j;
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<(u32, u32)>) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        // Past 4 GiB (no file the gate admits) the sentence is left out.
        if let (Ok(a), Ok(b)) = (u32::try_from(start + lead), u32::try_from(end - trail)) {
            out.push((a, b));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text)
            .into_iter()
            .map(|(s, e)| &text[s as usize..e as usize])
            .collect()
    }

    #[test]
    fn abbreviations_are_short_ascii_that_nothing_else_lower_cases_into() {
        assert!(
            ABBREVIATIONS
                .iter()
                .all(|a| a.is_ascii() && a.len() <= ABBREVIATION_MAX && !a.contains('k'))
        );
        assert!(ABBREVIATIONS.iter().any(|a| a.len() == ABBREVIATION_MAX));
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
            if c.to_lowercase().all(|l| l.is_ascii()) {
                assert_eq!(c, '\u{212A}', "{c:?} lower-cases into ASCII");
            }
        }
        assert!(is_abbreviation("Dr"));
        assert!(is_abbreviation("MESSRS"));
        assert!(!is_abbreviation("Messrsx"));
    }

    #[test]
    fn abbreviation_list_is_sorted_for_binary_search() {
        let mut sorted = ABBREVIATIONS.to_vec();
        sorted.sort_unstable();
        assert_eq!(sorted, ABBREVIATIONS);
    }

    #[test]
    fn splits_plain_sentences() {
        assert_eq!(
            sentences("One here. Two there! Three?"),
            ["One here.", "Two there!", "Three?"]
        );
    }

    #[test]
    fn keeps_abbreviations_initials_and_decimals() {
        let t = "The U.S. and Japan signed it, e.g. in 1951. Dr. Smith met John F. Kennedy. It grew 3.5 percent.";
        assert_eq!(
            sentences(t),
            [
                "The U.S. and Japan signed it, e.g. in 1951.",
                "Dr. Smith met John F. Kennedy.",
                "It grew 3.5 percent."
            ]
        );
    }

    #[test]
    fn closing_quotes_and_brackets_stay_with_the_sentence() {
        assert_eq!(
            sentences("He said \"no.\" Then left. (It rained.) End"),
            ["He said \"no.\"", "Then left.", "(It rained.)", "End"]
        );
    }

    #[test]
    fn lower_case_after_period_does_not_split() {
        assert_eq!(
            sentences("Born c. 965 in Basra. vs. others"),
            ["Born c. 965 in Basra. vs. others"]
        );
    }

    #[test]
    fn multibyte_space_before_a_period_does_not_panic() {
        // A thin space (U+2009, three bytes) before the token that ends in a period.
        assert_eq!(
            sentences("It is 3\u{2009}cm. Next one."),
            ["It is 3\u{2009}cm.", "Next one."]
        );
        assert_eq!(
            sentences("Dr.\u{2002}Smith met St. Peter… Then"),
            ["Dr.\u{2002}Smith met St. Peter…", "Then"]
        );
    }

    #[test]
    fn see_list_with_initialism_is_one_sentence() {
        assert_eq!(
            sentences(
                "Notable arrangements exist. See AUKUS, Quad (Quadrilateral Security Dialogue), and U.S.–Japan security treaty."
            ),
            [
                "Notable arrangements exist.",
                "See AUKUS, Quad (Quadrilateral Security Dialogue), and U.S.–Japan security treaty."
            ]
        );
    }
}
