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
    // Walked in place: a table of the text's characters would cost 16 bytes
    // a character, on a sentence that may be megabytes long.
    let mut it = s.char_indices().peekable();
    while let Some((at, c)) = it.next() {
        if c.is_alphanumeric() {
            let mut end = at + c.len_utf8();
            while let Some(&(j, cj)) = it.peek() {
                if cj.is_alphanumeric() {
                    end = j + cj.len_utf8();
                    it.next();
                } else if is_joiner(cj)
                    && s[j + cj.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric)
                {
                    it.next();
                    if let Some((k, ck)) = it.next() {
                        end = k + ck.len_utf8();
                    }
                } else {
                    break;
                }
            }
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
    fn joiners_join_only_between_letters() {
        let text = "rock-'n'-roll don’t -x y- 3-4 a--b é-ü";
        let t = tokenize(text);
        let lower: Vec<&str> = t
            .iter()
            .filter(|t| t.word)
            .map(|t| t.lower.as_str())
            .collect();
        assert_eq!(
            lower,
            [
                "rock", "n", "roll", "don't", "x", "y", "3-4", "a", "b", "é-ü"
            ]
        );
        assert_eq!(&text[t[1].start..t[1].end], "-");
        assert_eq!(t.last().map(|t| t.end), Some(text.len()));
    }

    #[test]
    fn quotes_open_and_close() {
        assert!(opens_quote("He said: \"It is new.", false));
        assert!(!opens_quote("“It is new.” He left.", false));
        assert!(opens_quote("no quote here", true));
    }
}
