//! Tokens: the words and the punctuation that matter for clauses and quotations,
//! with byte ranges into the tokenised text. Shared by the balance analysis and
//! the rules that read headings.

use compact_str::CompactString;

/// One token of a sentence: a word or a punctuation mark, with its byte range.
#[derive(Debug, Clone)]
pub struct Tok {
    /// Lower case, curly apostrophes straightened. Kept inline (no heap
    /// allocation) up to 24 bytes, which is nearly every word: a sentence's
    /// tokens cost one allocation, not one per word.
    pub lower: CompactString,
    /// Byte start in the tokenised text.
    pub start: usize,
    /// Byte end in the tokenised text.
    pub end: usize,
    /// A word (alphanumeric run) rather than punctuation.
    pub word: bool,
    /// The word starts with a capital letter.
    pub cap: bool,
    /// Word-class bits that an analysis may set once per token so that its
    /// passes test bits instead of hashing the word again (the stance
    /// analysis: `predicates::tag_tokens`); 0 as tokenised, which means "not
    /// tagged". Fits in the padding: a token stays 48 bytes.
    pub tag: u32,
    /// Sixteen more bits of the same kind (the stance analysis: which of its
    /// cue lists have a phrase that starts with the word); 0 as tokenised.
    pub tag2: u16,
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐')
}

fn is_kept_punctuation(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | ':' | '(' | ')' | '"' | '“' | '”' | '—' | '–' | '-' | '.' | '!' | '?'
    )
}

/// The character at byte `at` of `s` and its length; ASCII without decoding.
#[inline]
fn char_at(s: &str, at: usize) -> Option<(char, usize)> {
    let b = *s.as_bytes().get(at)?;
    if b.is_ascii() {
        return Some((char::from(b), 1));
    }
    s[at..].chars().next().map(|c| (c, c.len_utf8()))
}

/// ASCII letters and digits, by byte (false for every non-ASCII byte).
pub(crate) static ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

#[inline]
fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
}

/// Words and the punctuation that matters for clauses and quotes. Markup
/// (`*`, `_`, `` ` ``, `[`, `]`, `#`) and white space are dropped.
pub fn tokenize(s: &str) -> Vec<Tok> {
    // About one token in five bytes of prose: one allocation for most sentences.
    let mut out = Vec::with_capacity(s.len() / 5 + 4);
    // Walked in place, decoding only non-ASCII characters: a table of the
    // text's characters would cost 16 bytes a character, on a sentence that
    // may be megabytes long.
    let bytes = s.as_bytes();
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        if b == b' ' {
            at += 1;
            continue;
        }
        // The common case: a word of ASCII letters and digits that ends at
        // ASCII other than a joiner (or at the end). It is lower-cased only
        // if it has a capital; every other word takes the general path below.
        if ASCII_ALNUM[usize::from(b)] {
            let mut end = at + 1;
            let mut upper = b.is_ascii_uppercase();
            while let Some(&nb) = bytes.get(end) {
                if !ASCII_ALNUM[usize::from(nb)] {
                    break;
                }
                upper |= nb.is_ascii_uppercase();
                end += 1;
            }
            if bytes
                .get(end)
                .is_none_or(|&nb| nb.is_ascii() && nb != b'\'' && nb != b'-')
            {
                let mut lower = CompactString::from(&s[at..end]);
                if upper {
                    lower.make_ascii_lowercase();
                }
                out.push(Tok {
                    lower,
                    start: at,
                    end,
                    word: true,
                    cap: b.is_ascii_uppercase(),
                    tag: 0,
                    tag2: 0,
                });
                at = end;
                continue;
            }
        }
        let Some((c, len)) = char_at(s, at) else {
            break;
        };
        if is_alnum(c) {
            let mut end = at + len;
            let mut ascii = c.is_ascii();
            let mut curly = false;
            // The common case, a run of ASCII letters and digits, byte by byte.
            end += s.as_bytes()[end..]
                .iter()
                .take_while(|&&b| ASCII_ALNUM[usize::from(b)])
                .count();
            while let Some((cj, lj)) = char_at(s, end) {
                if is_alnum(cj) {
                    ascii &= cj.is_ascii();
                    end += lj;
                } else if is_joiner(cj)
                    && let Some((ck, lk)) = char_at(s, end + lj)
                    && is_alnum(ck)
                {
                    ascii &= cj.is_ascii() && ck.is_ascii();
                    curly |= cj == '’';
                    end += lj + lk;
                } else {
                    break;
                }
            }
            let word = &s[at..end];
            // Inline for the common ASCII word; the curly apostrophe is folded
            // to `'` only where it occurs.
            let lower = if ascii {
                let mut w = CompactString::from(word);
                w.make_ascii_lowercase();
                w
            } else if curly {
                CompactString::from(word.to_lowercase().replace('’', "'"))
            } else {
                CompactString::from(word.to_lowercase())
            };
            out.push(Tok {
                lower,
                start: at,
                end,
                word: true,
                cap: c.is_uppercase(),
                tag: 0,
                tag2: 0,
            });
            at = end;
            continue;
        }
        if is_kept_punctuation(c) {
            let mut buf = [0u8; 4];
            out.push(Tok {
                lower: CompactString::from(&*c.encode_utf8(&mut buf)),
                start: at,
                end: at + len,
                word: false,
                cap: false,
                tag: 0,
                tag2: 0,
            });
        }
        at += len;
    }
    out
}

/// The tokens of `s` in chunks of `size` (the last may be shorter), as
/// `tokenize(s).chunks(size)` gives them, without holding every token of `s`
/// at once: `s` is tokenised a piece of about 64 KiB at a time, cut at a
/// space (no token spans one, and tokenising holds no state across one). For
/// a "sentence" of millions of words, whose tokens would take ten times its
/// bytes.
pub fn token_chunks(s: &str, size: usize) -> impl Iterator<Item = Vec<Tok>> + '_ {
    token_chunks_by(s, size, 64 * 1024)
}

fn token_chunks_by(s: &str, size: usize, piece: usize) -> impl Iterator<Item = Vec<Tok>> + '_ {
    let size = size.max(1);
    let mut at = 0;
    let mut buf: Vec<Tok> = Vec::new();
    std::iter::from_fn(move || {
        while buf.len() < size && at < s.len() {
            let want = (at + piece).min(s.len());
            let end = s.as_bytes()[want..]
                .iter()
                .position(|&b| b == b' ')
                .map_or(s.len(), |p| want + p);
            let base = at;
            buf.extend(tokenize(&s[base..end]).into_iter().map(|mut t| {
                t.start += base;
                t.end += base;
                t
            }));
            at = end;
        }
        if buf.is_empty() {
            return None;
        }
        let rest = buf.split_off(size.min(buf.len()));
        Some(std::mem::replace(&mut buf, rest))
    })
}

/// Number of word tokens in `toks`.
pub fn words_in(toks: &[Tok]) -> usize {
    toks.iter().filter(|t| t.word).count()
}

/// Whether `text` leaves a quotation open at its end, given whether it
/// started inside one: straight double quotes toggle, curly ones open and close.
#[must_use]
pub fn opens_quote(text: &str, mut quoted: bool) -> bool {
    // The marks by `memchr`, not char by char: `"` is one byte, and the
    // curly marks are E2 80 9C and E2 80 9D (E2 is only ever a lead byte).
    let bytes = text.as_bytes();
    for k in memchr::memchr2_iter(b'"', 0xE2, bytes) {
        if bytes[k] == b'"' {
            quoted = !quoted;
        } else if bytes.get(k + 1) == Some(&0x80) {
            match bytes.get(k + 2) {
                Some(0x9C) => quoted = true,
                Some(0x9D) => quoted = false,
                _ => {}
            }
        }
    }
    quoted
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_chunks_are_the_chunks_of_the_tokens() {
        let text = "Critics’ view: \"it\" fails.  rock-'n'-roll é-ü, a--b; x  y z 3-4 “Q” end";
        let all = tokenize(text);
        for piece in [1, 2, 3, 7, 64 * 1024] {
            for size in [1, 2, 5, 1000] {
                let got: Vec<Vec<(String, usize, usize)>> = token_chunks_by(text, size, piece)
                    .map(|c| {
                        c.iter()
                            .map(|t| (t.lower.to_string(), t.start, t.end))
                            .collect()
                    })
                    .collect();
                let want: Vec<Vec<(String, usize, usize)>> = all
                    .chunks(size)
                    .map(|c| {
                        c.iter()
                            .map(|t| (t.lower.to_string(), t.start, t.end))
                            .collect()
                    })
                    .collect();
                assert_eq!(got, want, "piece {piece}, size {size}");
            }
        }
        assert_eq!(token_chunks("", 10).count(), 0);
    }

    /// The analysis tags fill the padding: a sentence's tokens take no more memory.
    #[test]
    #[cfg(target_pointer_width = "64")]
    fn a_token_is_48_bytes() {
        assert_eq!(size_of::<Tok>(), 48);
    }

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

    /// The tokeniser as it was before its ASCII fast paths: a plain walk
    /// over `char_indices`, kept here as the reference the fast one must equal.
    fn reference(s: &str) -> Vec<(String, usize, usize, bool, bool)> {
        let mut out = Vec::new();
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
                let lower = s[at..end].to_lowercase().replace('’', "'");
                out.push((lower, at, end, true, c.is_uppercase()));
            } else if is_kept_punctuation(c) {
                out.push((c.to_string(), at, at + c.len_utf8(), false, false));
            }
        }
        out
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config {
            cases: 2048,
            rng_seed: proptest::test_runner::RngSeed::Fixed(0x70c5),
            failure_persistence: None,
            ..proptest::test_runner::Config::default()
        })]

        #[test]
        fn fast_paths_give_the_reference_tokens(
            s in "([a-zA-Z0-9 ,.;:!?()'’‐—–\"“”*_-]|é|ß|İ|Ω|٣|\\u{a0}|\\u{3000}|日本){0,40}"
        ) {
            let got: Vec<_> = tokenize(&s)
                .into_iter()
                .map(|t| (t.lower.to_string(), t.start, t.end, t.word, t.cap))
                .collect();
            proptest::prop_assert_eq!(got, reference(&s));
        }

        #[test]
        fn quotes_by_memchr_are_the_char_walk(
            s in "([a-z ,.\"“”„‟«»]|é|—|–|’|\u{2000}|\u{20ac}){0,40}",
            quoted: bool,
        ) {
            let mut want = quoted;
            for c in s.chars() {
                match c {
                    '"' => want = !want,
                    '“' => want = true,
                    '”' => want = false,
                    _ => {}
                }
            }
            proptest::prop_assert_eq!(opens_quote(&s, quoted), want);
        }
    }

    #[test]
    fn quotes_open_and_close() {
        assert!(opens_quote("He said: \"It is new.", false));
        assert!(!opens_quote("“It is new.” He left.", false));
        assert!(opens_quote("no quote here", true));
    }
}
