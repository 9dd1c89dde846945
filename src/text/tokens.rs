//! Tokens: the words and the punctuation that matter for clauses and quotations,
//! with byte ranges into the tokenised text. Shared by the balance analysis and
//! the rules that read headings.

/// One token of a sentence: a word or a punctuation mark, with its byte range.
#[derive(Debug, Clone)]
pub struct Tok {
    /// Lower case, curly apostrophes straightened.
    pub lower: String,
    /// Byte start in the tokenised text.
    pub start: usize,
    /// Byte end in the tokenised text.
    pub end: usize,
    /// A word (alphanumeric run) rather than punctuation.
    pub word: bool,
    /// The word starts with a capital letter.
    pub cap: bool,
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐')
}

/// Words and the punctuation that matters for clauses and quotes. Markup
/// (`*`, `_`, `` ` ``, `[`, `]`, `#`) and white space are dropped.
pub fn tokenize(s: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if c.is_alphanumeric() {
            let mut j = i + 1;
            while j < chars.len() {
                let cj = chars[j].1;
                if cj.is_alphanumeric() {
                    j += 1;
                } else if is_joiner(cj) && chars.get(j + 1).is_some_and(|n| n.1.is_alphanumeric()) {
                    j += 2;
                } else {
                    break;
                }
            }
            let end = chars.get(j).map_or(s.len(), |n| n.0);
            let word = &s[at..end];
            // One allocation for the common ASCII word; the curly apostrophe is
            // folded to `'` only where it occurs.
            let lower = if word.is_ascii() {
                word.to_ascii_lowercase()
            } else if word.contains('’') {
                word.to_lowercase().replace('’', "'")
            } else {
                word.to_lowercase()
            };
            out.push(Tok {
                lower,
                start: at,
                end,
                word: true,
                cap: c.is_uppercase(),
            });
            i = j;
            continue;
        }
        if matches!(
            c,
            ',' | ';' | ':' | '(' | ')' | '"' | '“' | '”' | '—' | '–' | '-' | '.' | '!' | '?'
        ) {
            out.push(Tok {
                lower: c.to_string(),
                start: at,
                end: at + c.len_utf8(),
                word: false,
                cap: false,
            });
        }
        i += 1;
    }
    out
}

/// Number of word tokens in `toks`.
pub fn words_in(toks: &[Tok]) -> usize {
    toks.iter().filter(|t| t.word).count()
}

/// Whether `text` leaves a quotation open at its end, given whether it
/// started inside one: straight double quotes toggle, curly ones open and close.
#[must_use]
pub fn opens_quote(text: &str, mut quoted: bool) -> bool {
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '“' => quoted = true,
            '”' => quoted = false,
            _ => {}
        }
    }
    quoted
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_punctuation() {
        let t = tokenize("Critics’ view: *it* fails.");
        let lower: Vec<&str> = t.iter().map(|t| t.lower.as_str()).collect();
        assert_eq!(lower, ["critics", "view", ":", "it", "fails", "."]);
        assert_eq!(words_in(&t), 4);
    }

    #[test]
    fn quotes_open_and_close() {
        assert!(opens_quote("He said: \"It is new.", false));
        assert!(!opens_quote("“It is new.” He left.", false));
        assert!(opens_quote("no quote here", true));
    }
}
