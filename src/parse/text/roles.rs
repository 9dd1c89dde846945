//! Which plain-text blocks are headings, decided by their neighbours.
//!
//! Plain text has no markup for headings: a short line without terminal
//! punctuation may be a heading, a list entry whose bullet was lost, a line of
//! a poem or a table, a caption, or a sentence cut short where a formula was.
//! A line's own shape only says whether it *could* be a heading
//! ([`shape`]); its neighbours decide:
//!
//! - a candidate whose next block continues it in lower case is a fragment;
//! - a stanza of short lines, some ending in commas, is a poem (a line of it
//!   without commas that the next line names again heads a section);
//! - a lone candidate is a heading; two in a row are a heading and its
//!   subheading (or an empty section);
//! - in a run of three or more, lines shaped like their neighbours are a list
//!   (its first line is a heading only if it differs from the second); the last
//!   line is a heading when running text follows and it differs from the line
//!   before it; standard closing headings are headings wherever they are;
//! - after a sentence ending in `:`, similar lines are the list it introduces;
//! - a `Label: text` line without terminal punctuation is a heading only alone
//!   and before running text (`1990s: A new age`) or before a line that names
//!   its text again, else an item.
//!
//! The lines that a run makes a list are *entries*: items without a label.

use crate::parse::is_standard_closing_heading;
use crate::text::strip_chrome;

/// A heading has at most this many words.
pub const MAX_HEADING_WORDS: usize = 12;

/// What a block could be, from its own text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// Not a heading.
    Text,
    /// Could be a heading.
    Heading,
    /// Could be a heading written `Label: text`.
    Label,
}

/// What a block is, with its neighbours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// Running text, an item with a label, a bullet: the block builder decides.
    Block,
    /// A section heading.
    Heading,
    /// An entry of a list whose bullets were lost.
    Entry,
}

/// Words that end a clause, not a heading (`... is given by`, `... include`).
const CLAUSE_END: &[&str] = &[
    "a",
    "also",
    "an",
    "and",
    "are",
    "as",
    "at",
    "be",
    "been",
    "being",
    "but",
    "by",
    "called",
    "can",
    "consists",
    "contains",
    "could",
    "defined",
    "denoted",
    "following",
    "for",
    "from",
    "given",
    "gives",
    "had",
    "has",
    "have",
    "if",
    "in",
    "include",
    "included",
    "includes",
    "including",
    "into",
    "is",
    "its",
    "known",
    "may",
    "means",
    "might",
    "must",
    "namely",
    "nor",
    "of",
    "on",
    "onto",
    "or",
    "reads",
    "said",
    "says",
    "shall",
    "should",
    "shows",
    "so",
    "states",
    "such",
    "than",
    "that",
    "the",
    "their",
    "then",
    "these",
    "this",
    "those",
    "thus",
    "to",
    "upon",
    "via",
    "was",
    "were",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whose",
    "will",
    "with",
    "would",
    "writes",
    "wrote",
];

/// Verbs that end a sentence right before a formula (`... this becomes`,
/// `... one obtains`), which these texts have lost.
const FORMULA_VERBS: &[&str] = &[
    "assume",
    "become",
    "becomes",
    "consider",
    "define",
    "denote",
    "equal",
    "equals",
    "find",
    "get",
    "gets",
    "giving",
    "holds",
    "implies",
    "let",
    "obtain",
    "obtained",
    "obtains",
    "proved",
    "proves",
    "reduces",
    "satisfies",
    "satisfy",
    "simplifies",
    "write",
    "yield",
    "yields",
];

/// Abbreviations a heading may end with (`Washington, D.C.`, `Jr.`).
const ABBREVIATIONS: &[&str] = &[
    "Jr.", "Sr.", "St.", "Inc.", "Ltd.", "Co.", "Bros.", "vs.", "Dr.", "No.",
];

fn trim_closers(s: &str) -> &str {
    let t = s
        .trim_end()
        .trim_end_matches(['"', '\'', '”', '’', ')', ']']);
    // `... feedbacks and forcings.:7`, `... are::37`: a page of the cited
    // source after the sentence's own mark.
    let digits = t.len() - t.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if (1..=4).contains(&digits)
        && let Some(head) = t[..t.len() - digits].strip_suffix(':')
        && head.ends_with(['.', ':', ';', ',', '!', '?'])
    {
        return head.trim_end_matches(['"', '\'', '”', '’', ')', ']']);
    }
    t
}

/// Ends like a sentence, a clause or a label (`states:-` too).
fn ends_clause(s: &str) -> bool {
    let t = trim_closers(s);
    t.ends_with(['.', '!', '?', ':', ';', ',', '…'])
        || t.trim_end_matches(['-', '–', '—']).ends_with(':')
}

/// Ends like a sentence or a label (what a hard-wrapped line does not).
pub(crate) fn ends_terminal(s: &str) -> bool {
    trim_closers(s).ends_with(['.', '!', '?', ':', ';', '…'])
}

/// Ends in an initialism (`D.C.`, `P.R.C.`) or a listed abbreviation.
fn ends_in_abbreviation(t: &str) -> bool {
    let last = t.split_whitespace().next_back().unwrap_or("");
    let last = last.trim_start_matches(['(', '[']);
    let core = last.trim_end_matches([')', ']']);
    if ABBREVIATIONS.contains(&core) {
        return true;
    }
    let body = core.trim_end_matches('.');
    // `N.V..`: a sentence's period after the abbreviation's.
    !core.ends_with("..")
        && core.ends_with('.')
        && body.contains('.')
        && body
            .split('.')
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase))
}

/// `1885–1929`, `2001`, `1970s`, `2009–present`, `c. 1500`, `300 BC`.
fn is_period(t: &str) -> bool {
    let t = t.strip_prefix("c. ").unwrap_or(t);
    let mut parts = t.splitn(2, ['–', '—', '-']);
    let year = |s: &str| {
        let s = s.trim();
        let s = s
            .strip_suffix(" BC")
            .or_else(|| s.strip_suffix(" AD"))
            .or_else(|| s.strip_suffix(" BCE"))
            .or_else(|| s.strip_suffix(" CE"))
            .unwrap_or(s);
        let s = s.strip_suffix('s').unwrap_or(s);
        (1..=4).contains(&s.len()) && s.chars().all(|c| c.is_ascii_digit())
    };
    let Some(first) = parts.next() else {
        return false;
    };
    year(first)
        && parts
            .next()
            .is_none_or(|rest| year(rest) || rest.trim().eq_ignore_ascii_case("present"))
}

/// The bullet marker at the start of `s` and the byte length to skip.
pub(crate) fn bullet(s: &str) -> Option<(String, usize)> {
    let t = s.trim_start();
    let indent = s.len() - t.len();
    for b in ["•", "-", "*", "–", "·", "◦", "▪", "‣"] {
        if let Some(rest) = t.strip_prefix(b)
            && rest.starts_with([' ', '\t'])
            && !rest.trim().is_empty()
        {
            let skip = indent + b.len() + (rest.len() - rest.trim_start().len());
            return Some((b.to_string(), skip));
        }
    }
    // `1. ` or `1) ` followed by a capital: a numbered entry.
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let rest = &t[digits..];
        if let Some(after) = rest.strip_prefix(['.', ')'])
            && after.starts_with(' ')
            && after.trim_start().starts_with(char::is_uppercase)
        {
            let skip = indent + digits + 1 + (after.len() - after.trim_start().len());
            return Some((t[..=digits].to_string(), skip));
        }
    }
    None
}

/// A heading may start with a capital, a digit or an opening quote or bracket,
/// or with a word such as `siRNA` or `iPhone` that has a capital inside.
fn starts_like_heading(t: &str) -> bool {
    let Some(c) = t.chars().next() else {
        return false;
    };
    if c.is_lowercase() {
        let first = t.split_whitespace().next().unwrap_or("");
        return first.chars().skip(1).any(char::is_uppercase);
    }
    // Not `(`: a line that opens with a bracket is an aside, a note or a
    // line of code (`(passim)`, `(since 2007)`, `(if (>= i k)`).
    c.is_alphanumeric() || matches!(c, '"' | '\'' | '“' | '‘' | '¡' | '¿')
}

/// A line that ends in a dash right after a word or a space (`Three of them
/// walk together-`, `... and the rest debate —`): cut mid-sentence, as verse
/// or a quotation is; a heading closes its own brackets first (`Since
/// Independence (1960)-`).
fn cut_by_dash(t: &str) -> bool {
    let mut cs = t.chars().rev();
    cs.next().is_some_and(|c| matches!(c, '-' | '–' | '—'))
        && cs.next().is_some_and(|c| c.is_alphabetic() || c == ' ')
}

/// What a block could be, from its text alone (wiki chrome ignored).
pub(crate) fn shape(block: &str) -> Shape {
    shape_with(block, false, false)
}

/// [`shape`], with `listed`: a comma-separated line (`K5, K6, Athlon,
/// Duron, and Sempron`) may be a heading, as it is between two paragraphs;
/// with `dashed`: so may a term and a lower-case part after a dash
/// (`Social issues - gender`).
fn shape_with(block: &str, listed: bool, dashed: bool) -> Shape {
    // Most blocks are paragraphs: leave them before any allocation.
    if block.len() > 4 * 120 || more_words_than(block, MAX_HEADING_WORDS + 2) {
        return Shape::Text;
    }
    let (keep, _) = strip_chrome(block);
    let t = block[..keep].trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.is_empty() || words.len() > MAX_HEADING_WORDS || t.chars().count() > 120 {
        return Shape::Text;
    }
    if bullet(t).is_some() || !starts_like_heading(t) {
        return Shape::Text;
    }
    // `See bignum`, `See also chromatic number`: a reference, not a heading
    // (`See also` alone is the heading).
    if (t.starts_with("See ") || t.starts_with("See:")) && !t.eq_ignore_ascii_case("see also") {
        return Shape::Text;
    }
    // `2`, `12`: a table's cell or a list's number, not a year.
    if is_period(t) && !(t.len() <= 2 && t.chars().all(|c| c.is_ascii_digit())) {
        return Shape::Heading;
    }
    if web_chrome(t) || markup(t) || equals_number(t) {
        return Shape::Text;
    }
    if !t.chars().any(char::is_alphabetic) {
        return Shape::Text;
    }
    if (ends_clause(t) && !ends_in_abbreviation(t)) || cut_by_dash(t) {
        return Shape::Text;
    }
    let last = words[words.len() - 1].trim_matches(['"', '\'', '”', '’', ')', ',']);
    // `Air shows`, `Conflicts with the Muslim states`: a noun after a
    // modifier; `The theorem states`, `This figure shows` have a subject
    // (a pronoun or a text's part) right before the verb.
    let noun_plural = ["shows", "states"].contains(&last)
        && (words.len() == 2 || !says_subject(words[words.len() - 2]));
    if last.chars().all(char::is_lowercase)
        && CLAUSE_END.contains(&last)
        && !noun_plural
        && !is_standard_closing_heading(t)
    {
        return Shape::Text;
    }
    // `Source: IATA World Air Transport Statistics`, `Translated by David
    // Wasserstein`: the note under a table or a quotation, not a heading
    // (`Sources` alone is one).
    if ["Source:", "Sources:", "Translated by "]
        .iter()
        .any(|p| t.starts_with(p))
    {
        return Shape::Text;
    }
    // `"Total highways:" 50,000 km`: a fact sheet's field, its name quoted
    // with the colon inside the quotes, and its value.
    if quoted_field(t) {
        return Shape::Text;
    }
    // `"Example": C03 Diuretics`: a label, whatever its text.
    if quoted_label(t) {
        return Shape::Label;
    }
    // `The momentum equation then becomes`, `Multiplying both sides by x, we
    // get`: a sentence cut where its formula was (`Gift giving` is a noun).
    if words.len() >= 3 && FORMULA_VERBS.contains(&last) {
        return Shape::Text;
    }
    if two_sentences(t)
        || opens_sentence(t)
        || verb_and_object(&words)
        || (!dashed && term_and_description(t))
        || caption(t)
        || clause(t, &words)
        || (!listed && !period_label(t) && listing(t))
        || quotation(t)
        || t.matches('"').count() % 2 == 1
        || t.matches('(').count() > t.matches(')').count()
    {
        return Shape::Text;
    }
    if let Some((_, body)) = crate::parse::find_label(t) {
        let body = t[body..].trim();
        return if !body.is_empty() && !ends_clause(body) && body.split_whitespace().count() <= 10 {
            Shape::Label
        } else {
            Shape::Text
        };
    }
    Shape::Heading
}

/// The Spoken Wikipedia box (`Listen to this article (2 parts) ·`, `More
/// spoken articles`): page chrome, not a heading.
fn web_chrome(t: &str) -> bool {
    t.starts_with("Listen to this article")
        || t.eq_ignore_ascii_case("more spoken articles")
        // The sister-project box (`Media related to ... at Wikimedia Commons`).
        || t.ends_with(" at Wikimedia Commons")
}

/// An `=` before a number (`Record rain= 88.9 kg/m2 (11.06.1997)`, `K =
/// 10`): a value or a formula, not a heading (`E = mc2` names no number).
/// A numbered line (`50 FOR I = 1 TO N`) or an assignment (`A:= 0.0`) is a
/// line of a program, which its neighbours decide.
fn equals_number(t: &str) -> bool {
    !t.starts_with(|c: char| c.is_ascii_digit())
        && t.match_indices('=').any(|(i, _)| {
            let rest = t[i + 1..].trim_start();
            let rest = rest.strip_prefix(['-', '+', '−']).unwrap_or(rest);
            !t[..i].ends_with([':', '=', '<', '>', '!'])
                && rest.starts_with(|c: char| c.is_ascii_digit())
        })
}

/// What is left of wiki or HTML markup (`class="Z3988"`, `{{`, `}}`).
fn markup(t: &str) -> bool {
    t.contains("=\"") || t.contains("{{") || t.contains("}}") || t.starts_with('<')
}

/// Connectives that open a sentence, not a heading (`For example, the
/// condition number associated with ...`).
const OPENERS: &[&str] = &[
    "for example,",
    "for instance,",
    "however,",
    "in addition,",
    "in contrast,",
    "in particular,",
    "in practice,",
    "moreover,",
    "furthermore,",
    "therefore,",
    "thus,",
    "hence,",
    "similarly,",
    "consequently,",
    "nevertheless,",
    "nonetheless,",
    "instead,",
    "indeed,",
    "meanwhile,",
    "finally,",
    "additionally,",
    "first,",
    "second,",
    "then,",
    "next,",
];

/// A sentence that opens with a connective and a comma.
fn opens_sentence(t: &str) -> bool {
    OPENERS.iter().any(|o| {
        t.as_bytes()
            .get(..o.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(o.as_bytes()))
    })
}

/// Words that open a noun phrase as an object (`the`, `both`, `four`).
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "both", "each", "every", "his", "her", "its", "their", "this", "these",
    "those", "two", "three", "four", "five", "six", "several", "many",
];

/// A finite verb with its object, as sentences have and noun-phrase headings
/// do not: a lower-case word after the first that ends like a past tense or
/// a third person (`used`, `reconstructed`, `involves`), directly followed by
/// a determiner (`Goethe used the concept in his novel`, `Cloning ...
/// essentially involves four steps`). `Players enshrined in the Hall of Fame`
/// and `Major carcinogens implicated in ...` are headings: a preposition
/// follows.
fn verb_and_object(words: &[&str]) -> bool {
    words.windows(2).skip(1).any(|w| {
        let (v, d) = (w[0], w[1]);
        let verb_like = v.chars().all(|c| c.is_ascii_lowercase())
            && ((v.len() >= 4 && v.ends_with("ed") && !v.ends_with("eed"))
                || (v.len() >= 5
                    && v.ends_with('s')
                    && !v.ends_with("ss")
                    && !v.ends_with("us")
                    && !v.ends_with("is")));
        verb_like && DETERMINERS.contains(&d)
    })
}

/// Words that say or show as the subject right before `states` or `shows`
/// (`The theorem states`, `It shows`): a pronoun or a part of a text.
fn says_subject(w: &str) -> bool {
    const SUBJECTS: &[&str] = &[
        "it",
        "he",
        "she",
        "this",
        "that",
        "which",
        "who",
        "also",
        "clearly",
        "article",
        "chart",
        "definition",
        "diagram",
        "equation",
        "example",
        "figure",
        "formula",
        "graph",
        "law",
        "lemma",
        "map",
        "paper",
        "principle",
        "proof",
        "report",
        "result",
        "rule",
        "section",
        "study",
        "table",
        "text",
        "theorem",
    ];
    SUBJECTS.contains(&w.to_lowercase().as_str())
}

/// `1958–66: Brian Wilson era`: a period and a title, as the eras of a band
/// or a reign are headed.
fn period_label(t: &str) -> bool {
    t.split_once(':')
        .is_some_and(|(label, _)| is_period(label.trim()))
}

/// `Philosophy: logic, or semiotic`, `Spanish colony: 1st period 1492–1795`:
/// a topic and its part, no fact sheet's field (`Capital: Paris`, `Relative efficacy: 2`,
/// `GI toxicity: 2 (IR) / 1 (XR)`: a number that is no period), example or
/// quotation (`Example: "He was also calumniating Socrates."`).
fn topic_label(t: &str) -> bool {
    let Some((end, body)) = crate::parse::find_label(t) else {
        return false;
    };
    let body = t[body..].trim();
    // `Derived from: Statistics Canada`: a clause, not a topic; `Key: DOP:
    // Dominican peso`, `Note: ...`: a legend or a note.
    let clause = t[..end]
        .rsplit(' ')
        .next()
        .is_some_and(|w| CLAUSE_END.contains(&w));
    let note = ["Key", "Legend", "Note", "Notes"].contains(&&t[..end]);
    let period = |w: &str| is_period(w) && w.bytes().filter(u8::is_ascii_digit).count() >= 3;
    let dated = body.split_whitespace().last().is_some_and(period);
    // `Capital: Paris`: a short field's name and a name is a fact, a topic
    // goes on in lower case, ends in a period or has a longer name
    // (`Arrival of the Prussian IV Corps: Plancenoit`).
    let topic = body.starts_with(char::is_lowercase)
        || dated
        || t[..end].split_whitespace().nth(3).is_some();
    !clause
        && !note
        && topic
        && !body.starts_with(['"', '“'])
        && (!body.contains(|c: char| c.is_ascii_digit()) || dated)
}

/// `"Paved:" 5,000 km`, `"signed, but not ratified:" none`: a field's
/// name in quotes, ending in a colon inside them, then its value. A quoted
/// title before a colon is a heading's (`Los Angeles and "Eraserhead":
/// 1971–1979`).
fn quoted_field(t: &str) -> bool {
    let Some(rest) = t.strip_prefix(['"', '“']) else {
        return false;
    };
    rest.split_once(['"', '”'])
        .is_some_and(|(name, value)| name.ends_with(':') && !value.trim().is_empty())
}

/// `"Example": C03 Diuretics`: a run-in label the wikitext set in italics
/// (`''Example'':`), quoted in these texts with the colon after the quotes.
/// It labels its line and never titles a section; a quotation inside a
/// label (`La "Patria Boba": The Beginning of the Struggle`) may. A number
/// alone after it (`"Agriculture": 19.1%`) is a fact sheet's field, which
/// the field rules read with its neighbours.
fn quoted_label(t: &str) -> bool {
    let Some(rest) = t.strip_prefix(['"', '“']) else {
        return false;
    };
    rest.split_once(['"', '”']).is_some_and(|(name, value)| {
        !name.is_empty() && value.starts_with(':') && value.contains(char::is_alphabetic)
    })
}

/// `"NME" – October 1955`: a line that opens with a quotation mark. A
/// fact sheet's field (`"Agriculture": 19.1%`, `"total:"`) is left to the
/// field rules, which read it with its neighbours.
fn opens_with_quote(t: &str) -> bool {
    let Some(rest) = t.strip_prefix(['"', '“']) else {
        return false;
    };
    !rest
        .split_once(['"', '”'])
        .is_some_and(|(name, after)| name.ends_with(':') || after.starts_with(':'))
}

/// `Sharp Press. 2006`: a sentence end inside the line.
fn two_sentences(t: &str) -> bool {
    let b = t.as_bytes();
    (1..b.len().saturating_sub(2)).any(|i| {
        matches!(b[i], b'.' | b'!' | b'?')
            && b[i + 1] == b' '
            && b[i - 1].is_ascii_alphanumeric()
            && b[i + 2].is_ascii_uppercase()
            // `Lyndon B. Johnson`: an initial, not a sentence end.
            && !(b[i] == b'.' && b[i - 1].is_ascii_uppercase() && (i == 1 || b[i - 2] == b' '))
    })
}

/// `Rene Gimpel Galerie, New York, 1937, no. 6`: a catalogue or citation
/// entry (three commas, or two and a year), not a heading.
fn listing(t: &str) -> bool {
    let commas = t.matches(", ").count();
    let year = t.split(|c: char| !c.is_ascii_digit()).any(|d| d.len() == 4);
    commas >= 3 || (commas >= 2 && year)
}

/// `"See also: Beauty"`, `"Not to be confused with X"`: a line that is one
/// quotation (a hatnote or a quoted line), not a heading.
fn quotation(t: &str) -> bool {
    let quotes = t.matches(['"', '“', '”']).count();
    quotes == 2 && t.starts_with(['"', '“']) && trim_closers(t).len() < t.len()
}

/// `Davit – an ILB is lowered by a crane`: a term and its description. A
/// short lower-case part after a dash (not a hyphen, as in code and word
/// pairs: `Ev - evdən`) is a heading's (`Twin towns – sister cities`,
/// `Lighter than air – aerostats`).
fn term_and_description(t: &str) -> bool {
    [" – ", " — ", " - "].iter().any(|d| {
        t.split_once(d).is_some_and(|(term, rest)| {
            rest.starts_with(|c: char| c.is_lowercase())
                && (*d == " - " || !at_most_words(rest, 3))
                // `Airports - with paved runways`: a qualifier.
                && !(at_most_words(rest, 4)
                    && ["with ", "without ", "by ", "in ", "for ", "from "]
                        .iter()
                        .any(|p| rest.starts_with(p)))
                // `1990s - new building`: a period and its title.
                && !(is_period(term) && at_most_words(rest, 3))
        })
    })
}

/// `Alan Garner, 2010`: a name and a year, as under a picture.
fn caption(t: &str) -> bool {
    let Some((name, year)) = t.rsplit_once(", ") else {
        return false;
    };
    let year = year.trim_end_matches(')');
    year.len() == 4
        && year.chars().all(|c| c.is_ascii_digit())
        && name
            .split_whitespace()
            .all(|w| w.starts_with(char::is_uppercase))
}

/// `As of 2013 the rate is 7.5%`: a sentence in lower case with a verb.
fn clause(t: &str, words: &[&str]) -> bool {
    let alpha: Vec<&&str> = words
        .iter()
        .filter(|w| w.chars().all(char::is_alphabetic))
        .collect();
    if alpha.is_empty() {
        return false;
    }
    let capitalised = alpha
        .iter()
        .filter(|w| w.starts_with(char::is_uppercase))
        .count();
    capitalised * 2 < alpha.len()
        && [
            " is ", " are ", " was ", " were ", " has ", " have ", " had ",
        ]
        .iter()
        .any(|v| t.contains(v))
}

/// The next block carries on the sentence in lower case (`is continuous, ...`),
/// as where a formula was removed; `cAMP is ...`, `ω Centauri` or a lone
/// lower-case word does not.
fn continues(next: &str) -> bool {
    let mut words = next.split_whitespace();
    let first = words.next().unwrap_or("");
    // A single lower-case word is a label (`cytochrome` on a gene map), but
    // a formula (`formula_9`) or a function word (`and`) carries the
    // sentence on.
    // A short sentence of its own (`p–n junction diode.`) is a run-in
    // heading under the line, not its continuation.
    let run_in =
        at_most_words(next, 3) && trim_closers(next).ends_with('.') && !CLAUSE_END.contains(&first);
    !run_in
        && (words.next().is_some()
            || !first.chars().all(char::is_alphabetic)
            || CLAUSE_END.contains(&first))
        && first.chars().count() >= 2
        && first.starts_with(|c: char| c.is_ascii_lowercase())
        && !first.chars().skip(1).any(char::is_uppercase)
}

/// Running text: a sentence of some length, or a long block.
pub(crate) fn is_prose(t: &str) -> bool {
    if more_words_than(t, 15) {
        return true;
    }
    trim_closers(t).ends_with(['.', '!', '?', '…']) && more_words_than(t, 3)
}

/// At most `n` words, counting no further than needed.
fn at_most_words(t: &str, n: usize) -> bool {
    !more_words_than(t, n)
}

/// More than `n` words as [`str::split_whitespace`] counts them, reading no
/// further than the word after the `n`th. A scan of bytes: ASCII white
/// space by value, and only the lead bytes of the other white-space
/// characters (U+0085, U+00A0, U+1680, U+2000 to U+3000) decoded. The
/// reader asks this of every block many times; the character-by-character
/// split cost a sixth of the plain-text reader.
pub(crate) fn more_words_than(t: &str, n: usize) -> bool {
    words_upto(t, n.saturating_add(1)) > n
}

/// The number of words of `t` as [`more_words_than`] counts them, up to
/// `cap`: `min(count, cap)`.
fn words_upto(t: &str, cap: usize) -> usize {
    if cap == 0 {
        return 0;
    }
    let b = t.as_bytes();
    let mut words = 0;
    let mut in_word = false;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let space = match c {
            b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => {
                i += 1;
                true
            }
            0xc2 | 0xe1..=0xe3 => match t.get(i..).and_then(|r| r.chars().next()) {
                Some(ch) => {
                    i += ch.len_utf8();
                    ch.is_whitespace()
                }
                None => {
                    i += 1;
                    false
                }
            },
            // Other bytes are not white space, nor part of a character that is.
            _ => {
                i += 1;
                false
            }
        };
        if space {
            in_word = false;
        } else if !in_word {
            in_word = true;
            words += 1;
            if words == cap {
                return cap;
            }
        }
    }
    words
}

/// The features two list entries share.
fn signature(t: &str) -> [u8; 6] {
    let words: Vec<&str> = t.split_whitespace().collect();
    let n = words.len();
    let size = match n {
        0..=1 => 1,
        2..=3 => 2,
        4..=6 => 4,
        _ => 7,
    };
    let caps = words
        .iter()
        .filter(|w| w.starts_with(char::is_uppercase))
        .count();
    [
        size,
        u8::from(t.chars().any(|c| c.is_ascii_digit())),
        u8::from(t.contains('(')),
        u8::from(t.contains(',')),
        u8::from([" – ", " — ", " - "].iter().any(|d| t.contains(d))),
        u8::from(caps * 4 >= n * 3),
    ]
}

/// Shaped like each other, as the entries of one list are.
fn similar(a: &str, b: &str) -> bool {
    let (x, y) = (signature(a), signature(b));
    x.iter().zip(&y).all(|(p, q)| p == q)
}

/// A stanza: three or more short lines (the last may end a sentence), one
/// or more ending in a comma or semicolon inside it: a poem or a song, and
/// none of its lines is a heading.
fn stanzas(blocks: &[&str], words: &Words, shapes: &mut [Shape]) {
    // Poems are written line by line, each line capitalised; a known heading
    // ends the stanza. Decided once a block: the scans below ask again.
    let shorts: Vec<bool> = blocks
        .iter()
        .enumerate()
        .map(|(i, t)| {
            words.at_most(i, MAX_HEADING_WORDS)
                && t.starts_with(|c: char| c.is_uppercase() || matches!(c, '"' | '“' | '\''))
                && !words.known(i)
        })
        .collect();
    let short = |i: usize| shorts[i];
    let mut i = 0;
    while i < blocks.len() {
        // A line that introduces what follows with `:` starts no stanza.
        if is_prose_intro(blocks[i]) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < blocks.len() && short(j) && !trim_closers(blocks[j]).ends_with('.') {
            j += 1;
        }
        // The line that ends the sentence closes the stanza.
        let end = if j < blocks.len() && short(j) {
            j + 1
        } else {
            j
        };
        let commas = blocks[i..j]
            .iter()
            .filter(|t| t.trim_end().ends_with([',', ';']))
            .count();
        // Verse quoted after `Keats writes:`: short lines that run on to
        // the one ending the sentence.
        // (A list's entries are alike; verse lines are not.)
        let quoted = i > 0
            && is_prose_intro(blocks[i - 1])
            && end > j
            && end - i >= 2
            // `Data types` / `Common Lisp has many data types.`: a heading
            // and its section's first sentence, after a list that is gone.
            && !(end - i == 2 && restated(blocks[i], blocks[i + 1]))
            && !blocks[end - 1].starts_with("See ")
            && !blocks[i..end].windows(2).any(|w| similar(w[0], w[1]));
        let mut resume = end;
        if (end - i >= 3 && commas >= 1) || quoted {
            // A line that closes no sentence and no verse line, right before
            // running text, is the heading after the poem (`Modern
            // references`), not its last line.
            let last_heads = end == j
                && end - i >= 4
                && !blocks[end - 1].trim_end().ends_with([',', ';'])
                && words.prose(end);
            let to = if last_heads { end - 1 } else { end };
            // A first line without commas whose words come back in the next
            // line heads what follows (`Single particle` / `In the case of
            // a single particle,`).
            let first_heads = !blocks[i].contains([',', ';'])
                && i + 1 < end
                && restated(blocks[i], blocks[i + 1]);
            let from = if first_heads { i + 1 } else { i };
            for k in from..to {
                // A line further in, without commas, restated by the next
                // (`Fixed center of mass` / `For the case of the center of
                // mass fixed in space,`): the heading of a section whose
                // formulas are gone, not a verse line.
                // A verse line opens with a function word or has a verb
                // (`And say the lad that loved you`, `Negroes are Men`).
                let heads = k > from
                    && shapes[k] == Shape::Heading
                    && !blocks[k].contains([',', ';'])
                    && nominal(blocks[k])
                    && blocks.get(k + 1).is_some_and(|b| restated(blocks[k], b));
                if !heads {
                    shapes[k] = Shape::Text;
                }
            }
            // The poem goes on in couplets (`Oh, Alexander Selkirk knew the
            // plight` / `Of being king and government and nation.`): two to
            // four short lines, the last ending a sentence (running text
            // after the poem, `m == k`, ends it).
            let mut k = end;
            loop {
                let mut m = k;
                while m < blocks.len() && short(m) && !ends_terminal(blocks[m]) {
                    m += 1;
                }
                let closes = m < blocks.len()
                    && short(m)
                    && trim_closers(blocks[m]).ends_with(['.', '!', '?']);
                if m == k || m - k > 3 || !closes {
                    break;
                }
                shapes[k..=m].iter_mut().for_each(|s| *s = Shape::Text);
                k = m + 1;
            }
            resume = k;
        }
        i = resume.max(i + 1);
    }
}

/// A word of four letters or more of the line `h` comes back in the
/// sentence `next` (`Data types` / `Common Lisp has many data types.`): a
/// section's first sentence names its topic; a verse line does not repeat
/// the one before it.
fn restated(h: &str, next: &str) -> bool {
    let stem = |w: &str| {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        w.strip_suffix('s').map(str::to_string).unwrap_or(w)
    };
    let words: Vec<String> = next
        .split_whitespace()
        .filter(|w| w.len() >= 4)
        .map(stem)
        .collect();
    h.split_whitespace()
        .filter(|w| w.len() >= 4)
        .map(stem)
        .any(|w| words.contains(&w))
}

/// A name, not a clause: the first word is no function word (`And`, `By`)
/// and no word is a copula (`Negroes are Men`).
fn nominal(t: &str) -> bool {
    let mut words = t.split_whitespace().map(str::to_lowercase);
    words
        .next()
        .is_some_and(|w| !CLAUSE_END.contains(&w.as_str()))
        && !words.any(|w| ["is", "are", "was", "were", "became", "be"].contains(&w.as_str()))
}

/// The role of every block (the title excluded). `blocks` are the blocks'
/// texts in order.
#[cfg(test)]
pub(crate) fn roles(blocks: &[&str]) -> Vec<Role> {
    roles_with_gaps(blocks, &[])
}

/// The words of each block, counted once, up to one more than the limits
/// asked of every block (`MAX_HEADING_WORDS + 2`, `shape`'s first test); a
/// larger limit counts again only for a block that reached the cap.
struct Words<'a> {
    blocks: &'a [&'a str],
    counts: Vec<usize>,
    /// [`is_known_heading`] of each block once asked: 0 not yet, 1 no, 2 yes
    /// (the stanza, run and context rules ask it of the same lines).
    known: Vec<std::cell::Cell<u8>>,
}

impl<'a> Words<'a> {
    /// One past the largest limit asked of every block (15 words: running
    /// text, `shape`'s first test), so that limit is answered from the count.
    const CAP: usize = 16;

    fn of(blocks: &'a [&'a str]) -> Words<'a> {
        Words {
            blocks,
            counts: blocks.iter().map(|b| words_upto(b, Self::CAP)).collect(),
            known: vec![std::cell::Cell::new(0); blocks.len()],
        }
    }

    /// Block `i` is running text ([`is_prose`], from the count).
    fn prose(&self, i: usize) -> bool {
        self.blocks.get(i).is_some_and(|t| {
            !self.at_most(i, 15)
                || (trim_closers(t).ends_with(['.', '!', '?', '…']) && !self.at_most(i, 3))
        })
    }

    /// Block `i` is running text of some length, not a citation (`Smith,
    /// John (2001). ...`): more than 15 words, by the count.
    fn paragraph(&self, i: usize) -> bool {
        self.blocks
            .get(i)
            .is_some_and(|t| !self.at_most(i, 15) && paragraph_of_length(t))
    }

    /// Block `i` is a known heading ([`is_known_heading`], asked once).
    fn known(&self, i: usize) -> bool {
        match self.known[i].get() {
            0 => {
                let k = is_known_heading(self.blocks[i]);
                self.known[i].set(1 + u8::from(k));
                k
            }
            v => v == 2,
        }
    }

    /// Block `i` has at most `n` words.
    fn at_most(&self, i: usize, n: usize) -> bool {
        match self.counts.get(i) {
            Some(&w) if w < Self::CAP || n < Self::CAP => w <= n,
            Some(_) => self.blocks.get(i).is_some_and(|b| at_most_words(b, n)),
            None => false,
        }
    }
}

/// The role of every block (the title excluded), with `gaps[i]` true when a
/// blank line comes before block `i`
/// (an empty `gaps` for none): in a text that has blank lines, a short line
/// with a blank line after it ends its part (`Medical`, blank, `Side
/// effects`: a section whose content is gone), so a run of candidates does
/// not go on across the blank line.
pub(crate) fn roles_with_gaps(blocks: &[&str], gaps: &[bool]) -> Vec<Role> {
    let gap_before = |i: usize| gaps.get(i).copied().unwrap_or(false);
    let n = blocks.len();
    let words = Words::of(blocks);
    let mut shapes: Vec<Shape> = blocks
        .iter()
        .enumerate()
        .map(|(i, b)| {
            // `shape`'s own first test, from the count.
            if words.at_most(i, MAX_HEADING_WORDS + 2) {
                shape(b)
            } else {
                Shape::Text
            }
        })
        .collect();
    for i in 0..n {
        if shapes[i] != Shape::Text && i + 1 < n && continues(blocks[i + 1]) && !words.known(i) {
            shapes[i] = Shape::Text;
        }
    }
    in_context(blocks, &words, &mut shapes);
    stanzas(blocks, &words, &mut shapes);
    // An entry of a list whose other entries are longer: it opens like its
    // neighbour (`1992 AVN Award – ...` after `1990 AVN Award – ...`).
    let mut entries = vec![false; n];
    for i in 0..n {
        if shapes[i] == Shape::Text {
            continue;
        }
        // The cheap tests first (all of them are pure).
        let alike = |j: usize| {
            separated(blocks[i])
                && words.at_most(j, 2 * MAX_HEADING_WORDS)
                && separated(blocks[j])
                && opens_alike(blocks[i], blocks[j])
        };
        if (i > 0 && alike(i - 1)) || (i + 1 < n && alike(i + 1)) {
            shapes[i] = Shape::Text;
            entries[i] = true;
        }
    }
    let mut roles = vec![Role::Block; n];
    let mut i = 0;
    while i < n {
        if shapes[i] == Shape::Text {
            i += 1;
            continue;
        }
        // A closing heading (`See also`, `References`) ends a run: what
        // comes before it is judged without it.
        let mut j = i;
        while j + 1 < n
            && shapes[j + 1] != Shape::Text
            && !is_closing(blocks[j + 1])
            && !gap_before(j + 1)
        {
            j += 1;
        }
        let next = blocks.get(j + 1).copied();
        // Between lower-case labels (a gene map, a diagram's parts), the run
        // is more of them.
        if i > 0 && next.is_some_and(is_label_line) && is_label_line(blocks[i - 1]) {
            for (k, role) in roles.iter_mut().enumerate().take(j + 1).skip(i) {
                if !words.known(k) {
                    *role = Role::Entry;
                }
            }
            i = j + 1;
            continue;
        }
        let introduced = i > 0 && is_prose_intro(blocks[i - 1]);
        let after_prose = i > 0 && !introduced && words.prose(i - 1);
        decide_run(
            blocks,
            &words,
            &shapes,
            i..=j,
            next,
            (introduced, after_prose),
            &mut roles,
        );
        i = j + 1;
    }
    for (r, e) in roles.iter_mut().zip(entries) {
        if e {
            *r = Role::Entry;
        }
    }
    // `Distance` / `Altair distance estimates` / `Etymology`: a short line
    // between two headings that takes the first one's words as modifiers of
    // a head of its own is the title of that section's lost table or figure.
    // A subheading keeps its parent's head noun (`History` / `Early
    // history`).
    for i in 1..n.saturating_sub(1) {
        if roles[i - 1] == Role::Heading
            && roles[i] == Role::Heading
            && roles[i + 1] == Role::Heading
            && titles_part(blocks[i - 1], blocks[i])
        {
            roles[i] = Role::Block;
        }
    }
    // `Catholicism` / `(70.5%) Protestantism` / `(13.8%) Irreligion`: the
    // legend of a chart whose shares were shifted one line down; its first
    // label is no section. Decided after the runs: the label still belongs
    // to the run of the chart's title above it.
    for i in 0..n.saturating_sub(1) {
        if roles[i] == Role::Heading && opens_with_share(blocks[i + 1]) && !words.known(i) {
            roles[i] = Role::Entry;
        }
    }
    // `"NME" – October 1955`, `"Data from" USAF Fact Sheet`, `"(c)" provide
    // ...`, `""Back at home a young wife waits`: a line that opens with a
    // quotation mark is a source, a legend's key, an entry or a line of verse
    // (a whole quotation, `"See also: Beauty"`, is no candidate at all). No
    // Markdown heading of the 3,210 benchmark articles opens with one, two
    // lines of code aside. Decided after the runs: such a line still parts
    // the lines of a list around it as it did (`Wreckers` / `S.S.
    // "Suduffco"` / `"Star Tiger" and "Star Ariel"`).
    for (i, role) in roles.iter_mut().enumerate() {
        if *role == Role::Heading && opens_with_quote(blocks[i]) {
            *role = Role::Block;
        }
    }
    reference_labels(blocks, &mut roles);
    roles
}

/// `t` names the part `h` heads as a modifier (`Distance` / `Altair distance
/// estimates`, `Cast` / `Cast notes`): every word of `h` (three letters or
/// more) is in `t`, which is longer, has at most six words, and ends in
/// another word than `h` does (`Early history` under `History` is its
/// subheading).
fn titles_part(h: &str, t: &str) -> bool {
    if !at_most_words(t, 6) || t.len() > 80 || h.len() >= t.len() {
        return false;
    }
    let key = |w: &str| {
        let w = w.to_lowercase();
        w.strip_suffix('s').map(str::to_string).unwrap_or(w)
    };
    let split = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric() && c != '\'')
            .filter(|w| !w.is_empty())
            .map(key)
            .collect()
    };
    let (hw, tw) = (split(h), split(t));
    let content: Vec<&String> = hw.iter().filter(|w| w.chars().count() >= 3).collect();
    !content.is_empty()
        && tw.len() > hw.len()
        && content.iter().all(|w| tw.contains(w))
        && hw.last() != tw.last()
}

/// Shapes that only the lines around a block decide:
///
/// - a comma-separated line (`K5, K6, Athlon, Duron, and Sempron`) between
///   two paragraphs heads the second: a catalogue entry has others around it;
/// - a `term - part` line between two paragraphs heads the second, as the
///   comma-separated line does;
/// - a line numbered one more or one less than the line next to it (`2 if n
///   > 10`, `8 "third"`) is a line of a numbered listing or of footnotes;
/// - a line next to a drawing (`____|____`, an ASCII family tree) is a part
///   of the drawing.
fn in_context(blocks: &[&str], words: &Words, shapes: &mut [Shape]) {
    let n = blocks.len();
    for i in 0..n {
        let t = blocks[i];
        let prev = i.checked_sub(1).map(|j| blocks[j]);
        let next = blocks.get(i + 1).copied();
        if shapes[i] == Shape::Text {
            // Most blocks are paragraphs: their length leaves them first
            // (a heading has at most 120 characters, chrome aside).
            if t.len() <= 160
                && words.at_most(i, MAX_HEADING_WORDS)
                && listing(t)
                && !dated(t)
                && words.paragraph(i + 1)
                && i > 0
                && (words.paragraph(i - 1) || shapes[i - 1] == Shape::Heading)
                && shape_with(t, true, false) == Shape::Heading
            {
                shapes[i] = Shape::Heading;
            }
            // A lone `term - part` line between two paragraphs heads the
            // second (`Social issues - gender`, `Country soul - crossover`):
            // a glossary's or a list's entries come in runs.
            if t.len() <= 160
                && words.at_most(i, MAX_HEADING_WORDS)
                && term_and_description(t)
                && i > 0
                && words.paragraph(i - 1)
                && next.is_some_and(|x| words.paragraph(i + 1) && !continues(x))
                && shape_with(t, false, true) == Shape::Heading
            {
                shapes[i] = Shape::Heading;
            }
            continue;
        }
        let numbered = number(t).is_some_and(|k| {
            [prev, next]
                .iter()
                .flatten()
                .filter_map(|x| number(x))
                .any(|m| m + 1 == k || k + 1 == m)
        });
        // Under a drawing, a heading is one when running text follows it.
        let drawn = next.is_some_and(drawing) || (prev.is_some_and(drawing) && !words.prose(i + 1));
        // Between two fields of a form (`"total:"`, `110,879 km2`,
        // `"land:"`), a line is the first field's value; so is a short line
        // with a number right under a field's name, whatever follows
        // (`"highest point:"` / `Emi Koussi 3,415 m` / `Land use`).
        let value = prev.is_some_and(field_label)
            && (next.is_some_and(field)
                || (at_most_words(t, 6) && t.contains(|c: char| c.is_ascii_digit())));
        // `Alcobaça is twinned with:` / `Aubergenville, France`: a place
        // and its country after a sentence that introduces a list is an
        // entry of it (the others are lost).
        let place =
            place_and_country(t) && prev.is_some_and(|p| is_prose_intro(p) || place_and_country(p));
        // `IUPAC definition`: the title of a box quoting a body's
        // definition, not a section (a section of that name is followed by
        // running text).
        let boxed = box_title(t) && !words.prose(i + 1);
        // `”` / `Karl Marx`: the source of a quotation set in a box, whose
        // closing quote mark stands alone on the line before.
        let attribution = prev.is_some_and(|p| p.trim() == "”");
        // `Pipelines` / `889 km of oil line (2008)` / `Airports`: a quantity
        // alone between two headings is the first one's content, not an
        // empty subsection (`2010 census`, a year, over its text is one).
        let quantity = i > 0
            && i + 1 < n
            && shapes[i - 1] == Shape::Heading
            && shapes[i + 1] == Shape::Heading
            && opens_with_quantity(t)
            // Not a line of a numbered listing (`05 cust-name`).
            && !code_like(blocks[i - 1])
            && !code_like(blocks[i + 1]);
        if (numbered || drawn || value || place || boxed || attribution || quantity)
            && !words.known(i)
        {
            shapes[i] = Shape::Text;
        }
    }
}

/// `Aubergenville, France`, `Ilhéus, Brazil (2005)`: capitalised words, a
/// comma, and one or two capitalised words (a year in brackets may follow).
fn place_and_country(t: &str) -> bool {
    // A paragraph leaves before any scan.
    if t.len() > 80 || !t.contains(", ") {
        return false;
    }
    let t = t.trim();
    let t = match t.rsplit_once(" (") {
        Some((head, year))
            if year.len() == 5
                && year.ends_with(')')
                && year[..4].chars().all(|c| c.is_ascii_digit()) =>
        {
            head
        }
        _ => t,
    };
    let Some((place, country)) = t.split_once(", ") else {
        return false;
    };
    let capitalised = |s: &str, max: usize| {
        at_most_words(s, max)
            && s.split_whitespace().all(|w| {
                w.starts_with(char::is_uppercase)
                    && w.chars().all(|c| c.is_alphabetic() || "-'’.".contains(c))
            })
    };
    !place.is_empty() && capitalised(place, 3) && capitalised(country, 2) && !country.is_empty()
}

/// `2,653 km`, `1 petroleum tanker`: a number that is no year, then a
/// lower-case word (`1990s`, `2010 census` open with a year).
fn opens_with_quantity(t: &str) -> bool {
    let Some((number, rest)) = t.split_once(' ') else {
        return false;
    };
    let year = number.len() == 4 && number.chars().all(|c| c.is_ascii_digit());
    !year
        && number.starts_with(|c: char| c.is_ascii_digit())
        && number
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        && rest.starts_with(|c: char| c.is_lowercase())
}

/// `(70.5%) Protestantism`: a share in brackets, then its label.
fn opens_with_share(t: &str) -> bool {
    let Some(rest) = t.strip_prefix('(') else {
        return false;
    };
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let rest = &rest[digits..];
    let rest = match rest.strip_prefix('.') {
        Some(r) => r.trim_start_matches(|c: char| c.is_ascii_digit()),
        None => rest,
    };
    digits > 0 && rest.starts_with("%)")
}

/// `IUPAC definition`, `ISO definition`: a body's initials and
/// `definition`, the title of a box that quotes its definition.
fn box_title(t: &str) -> bool {
    let t = t.trim();
    t.strip_suffix(" definition")
        .is_some_and(|body| body.len() >= 3 && body.chars().all(|c| c.is_ascii_uppercase()))
}

/// Words that make a line ending in `:` a sentence that introduces what
/// follows (`The fleet includes these types:`), not a field's name.
const INTRO_WORDS: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
    "be",
    "been",
    "include",
    "includes",
    "including",
    "following",
    "follows",
    "below",
    "above",
    "shown",
    "given",
    "called",
    "known",
    "contains",
    "consists",
];

/// The name of a field of a form or a fact sheet (`"total"`, `Industrial
/// production growth rate`, `Electricity - production`): a few words, no
/// verb that would make it a sentence.
fn field_name(name: &str) -> bool {
    let name = name.trim_matches(['"', '“', '”', '\'', '’']).trim();
    !name.is_empty()
        && !name.starts_with('#')
        && at_most_words(name, 5)
        && name
            .split_whitespace()
            .all(|w| !INTRO_WORDS.contains(&w.to_lowercase().as_str()))
}

/// A field's name alone on its line (`"land:"`, `Area - comparative:`).
fn field_label(t: &str) -> bool {
    t.len() <= 80
        && t.trim()
            .trim_end_matches(['"', '”', '\'', '’'])
            .strip_suffix(':')
            .is_some_and(field_name)
}

/// A field's name, alone or with its value (`"Paved:" 5,000 km`).
fn field(t: &str) -> bool {
    if field_label(t) {
        return true;
    }
    let Some((name, value)) = t.split_once(':') else {
        return false;
    };
    let value = value.trim_start_matches(['"', '”']);
    name.len() <= 40
        && name
            .trim_start_matches(['"', '“'])
            .starts_with(char::is_uppercase)
        && value.starts_with(' ')
        && !value.trim().is_empty()
        && at_most_words(t, 14)
        && field_name(name)
}

/// Running text, not a citation (`Smith, John (2001). ...`), of a block
/// known to have more than 15 words ([`Words::paragraph`]).
fn paragraph_of_length(t: &str) -> bool {
    let mut words = t.split_whitespace();
    let (first, second) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
    // `Smith, John`, not `Finally, in`.
    let author = first.ends_with(',') && second.starts_with(char::is_uppercase);
    let head = t.get(..60).unwrap_or(t);
    trim_closers(t).ends_with(['.', '!', '?', '…'])
        && !author
        && !head.contains("(1")
        && !head.contains("(2")
}

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A day of a month (`Thursday, October 1, 1903 at ...`, `1 May 2001`): a
/// record of a calendar, as under a game or an event, not a heading.
fn dated(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    words.windows(2).any(|w| {
        let day = |d: &str| {
            let d = d.trim_end_matches([',', '.']);
            (1..=2).contains(&d.len()) && d.chars().all(|c| c.is_ascii_digit())
        };
        let month = |m: &str| MONTHS.contains(&m.trim_end_matches([',', '.']));
        (month(w[0]) && day(w[1])) || (day(w[0]) && month(w[1]))
    })
}

/// The number a line opens with (`2 if n > 10`), not a year.
fn number(t: &str) -> Option<u32> {
    let (first, rest) = t.split_once(' ')?;
    if first.is_empty() || first.len() > 3 || rest.trim().is_empty() {
        return None;
    }
    first.parse().ok()
}

/// A line drawn with symbols only (`___|___`, `.--.`): no word in it, and
/// more than one symbol (`=====` under a heading is a rule, not a drawing).
fn drawing(t: &str) -> bool {
    let mut marks = t.chars().filter(|c| !c.is_whitespace());
    let Some(first) = marks.next() else {
        return false;
    };
    !t.chars().any(char::is_alphanumeric)
        && t.chars().filter(|c| !c.is_whitespace()).nth(2).is_some()
        && marks.any(|c| c != first)
}

/// `References` then `Notes` (or `Footnotes`, `Citations`) with nothing
/// between: labels of the reference list's parts, and so is every reference
/// heading after them in the chain (`References`, `Notes`, `Bibliography`).
/// A bibliography right under `References` (`Bibliography`, `Sources`,
/// `Further reading`) is its subsection: a list of works of its own.
fn reference_labels(blocks: &[&str], roles: &mut [Role]) {
    let kind = |t: &str| {
        let (keep, _) = strip_chrome(t);
        let h = t[..keep].trim();
        let refs = crate::parse::section_kind(h) == crate::model::SectionKind::References;
        (refs, refs && is_notes_label(h))
    };
    // 0: no chain; 1: after a reference heading; 2: after a notes label.
    let mut chain = 0;
    for (i, t) in blocks.iter().enumerate() {
        if roles[i] != Role::Heading {
            chain = 0;
            continue;
        }
        let (refs, notes) = kind(t);
        if !refs {
            chain = 0;
        } else if chain == 0 {
            chain = 1;
        } else if chain == 2 || notes {
            roles[i] = Role::Entry;
            chain = 2;
        }
    }
}

/// The footnotes of a reference list (`Notes`, `Footnotes`, `Citations`).
fn is_notes_label(h: &str) -> bool {
    ["notes", "footnotes", "citations", "endnotes"]
        .iter()
        .any(|w| h.eq_ignore_ascii_case(w))
}

/// A heading that names a list of works (`Secondary sources`, `Cited in
/// footnotes`, `Primary sources`, `Books`): inside a references section it
/// heads a part of it, not an entry.
pub(crate) fn names_works(t: &str) -> bool {
    let (keep, _) = strip_chrome(t);
    let last = t[..keep]
        .split_whitespace()
        .next_back()
        .unwrap_or("")
        .to_lowercase();
    at_most_words(t, 4)
        && matches!(
            last.as_str(),
            "sources"
                | "references"
                | "footnotes"
                | "bibliography"
                | "reading"
                | "works"
                | "books"
                | "citations"
        )
}

/// The first two words agree, digits aside (`1990 AVN Award`, `1992 AVN Award`).
fn opens_alike(a: &str, b: &str) -> bool {
    let key = |t: &str| -> Vec<String> {
        t.split_whitespace()
            .take(2)
            .map(|w| {
                if w.chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, '–' | '-'))
                {
                    "#".to_string()
                } else {
                    w.to_lowercase()
                }
            })
            .collect()
    };
    let (ka, kb) = (key(a), key(b));
    ka.len() == 2 && ka == kb && ka.iter().any(|w| w.chars().any(char::is_alphabetic))
}

/// The last word of four letters or more, in lower case (`National
/// titles`): what a list's entries or its part headings share.
fn head_noun(t: &str) -> Option<&str> {
    t.split_whitespace()
        .next_back()
        .filter(|w| w.len() >= 4 && w.chars().all(char::is_lowercase))
}

/// The same head noun (`National titles`, `International titles`).
fn same_head(a: &str, b: &str) -> bool {
    head_noun(a).is_some_and(|x| head_noun(b) == Some(x))
}

/// A term, a dash and more: `1990 AVN Award – Best Screenplay`.
fn separated(t: &str) -> bool {
    [" – ", " — ", " - "].iter().any(|d| t.contains(d))
}

/// A short lower-case line that is no sentence (`cytochrome`, `photosystem
/// II`): a label of a figure or an entry, never running text.
fn is_label_line(t: &str) -> bool {
    t.starts_with(char::is_lowercase) && at_most_words(t, 3) && !ends_clause(t)
}

/// A line of a program or a formula: it opens with a number or has an `=`
/// (`10 TEXT:HOME`, `Kf = [Complex Ion]Z / [Metal]X`).
fn code_like(t: &str) -> bool {
    t.starts_with(|c: char| c.is_ascii_digit()) || t.contains('=')
}

/// A sentence that introduces a list with a colon (`The members are:`).
fn is_prose_intro(t: &str) -> bool {
    trim_closers(t).ends_with(':') && more_words_than(t, 2)
}

fn is_closing(t: &str) -> bool {
    let (keep, _) = strip_chrome(t);
    is_standard_closing_heading(t[..keep].trim())
}

const SECTION_HEADINGS: &str = include_str!("../../../data/section-headings.tsv");

/// Frequent Wikipedia section headings (`data/section-headings.tsv`), lower case.
static COMMON: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
    std::sync::LazyLock::new(|| {
        crate::text::tsv_rows(SECTION_HEADINGS)
            .filter_map(|r| r.first().copied())
            .collect()
    });

/// A closing heading, or one of the headings articles use most.
fn is_known_heading(t: &str) -> bool {
    // `is_closing`, with the chrome stripped once for both tests.
    // Folded once for both (white space folds to itself).
    let (keep, _) = strip_chrome(t);
    let lower = t[..keep].trim().to_lowercase();
    let closing = !matches!(
        crate::parse::section_kind_folded(&lower),
        crate::model::SectionKind::General | crate::model::SectionKind::Controversy
    );
    closing || COMMON.contains(crate::text::collapse_ws_cow(&lower).as_ref())
}

fn decide_run(
    blocks: &[&str],
    words: &Words,
    shapes: &[Shape],
    run: std::ops::RangeInclusive<usize>,
    next: Option<&str>,
    (introduced, after_prose): (bool, bool),
    roles: &mut [Role],
) {
    let (first, last) = (*run.start(), *run.end());
    // `next` is the block after the run.
    let prose_follows = next.is_some() && words.prose(last + 1);
    let run_len = run.clone().count();
    // `Label: text` lines: a heading only as the last line before running
    // text, and not after another such line (then they are a glossary).
    let mut lines = Vec::new();
    for i in run {
        if shapes[i] == Shape::Label {
            let after_label = i > 0 && shapes[i - 1] == Shape::Label;
            // A period label is also a heading right before a subheading
            // (`1958–66: Brian Wilson era`, `Formation`).
            // So is a topic's label right after running text
            // (`Philosophy: metaphysics`, `Presidency in Taiwan: 1950–1975`,
            // then `Some noted articles`): a section over its subsection.
            let over_heading = i < last
                && shapes[i + 1] == Shape::Heading
                && (period_label(blocks[i])
                    || (i == first && after_prose && topic_label(blocks[i])));
            // A label whose text the next line restates (`Assumption 2:
            // Homogeneous medium` / `Next we assume that the medium is
            // homogeneous,`) heads it.
            // A value with a number (`Overall: 68 airports (2004
            // estimate)`) is a fact sheet's field instead.
            let restates = i == last
                && next.is_some_and(|x| {
                    crate::parse::find_label(blocks[i]).is_some_and(|(_, body)| {
                        let body = &blocks[i][body..];
                        !body.contains(|c: char| c.is_ascii_digit()) && restated(body, x)
                    })
                });
            if !after_label
                && !quoted_label(blocks[i])
                && ((i == last && prose_follows) || over_heading || restates)
            {
                roles[i] = Role::Heading;
            }
        } else {
            lines.push(i);
        }
    }
    let k = lines.len();
    match k {
        0 => {}
        1 => roles[lines[0]] = Role::Heading,
        2 => {
            let (a, b) = (lines[0], lines[1]);
            // After `... is shown:` the list, formula or table is mostly
            // gone from these texts: two lines before running text are a
            // section and its subsection (`Reactions`, `Deprotonation`),
            // unless both are numbered or formulas (`10 TEXT:HOME`,
            // `20 PRINT "HELLO WORLD"`), as the lines of a listing are.
            let listing_lines = [a, b].iter().all(|&x| code_like(blocks[x]));
            let list = introduced
                && (!prose_follows || listing_lines)
                && similar(blocks[a], blocks[b])
                && !words.known(a)
                && !words.known(b);
            let role = if list { Role::Entry } else { Role::Heading };
            roles[a] = role;
            roles[b] = role;
        }
        _ => {
            // In a long run (a list of five or more), entries vary from one
            // to the next: the first line is a heading only if unlike each of
            // the three lines after it.
            let reach = if k >= 5 { 3 } else { 1 };
            for (idx, &x) in lines.iter().enumerate() {
                let t = blocks[x];
                let like_prev = idx > 0 && similar(t, blocks[lines[idx - 1]]);
                let like_next = idx + 1 < k && similar(t, blocks[lines[idx + 1]]);
                let heading = if words.known(x) {
                    true
                } else if idx == 0 {
                    !introduced
                        && !lines[1..k.min(1 + reach)]
                            .iter()
                            .any(|&y| similar(t, blocks[y]))
                } else if idx == k - 1 && prose_follows {
                    // `Varicap or varactor diodes`, `Zener diodes`: the same
                    // head noun ends the list.
                    !like_prev && !same_head(t, blocks[lines[idx - 1]])
                } else {
                    // A short run of unlike lines is a chain of headings.
                    k <= 4 && !like_prev && !like_next && !introduced
                };
                roles[x] = if heading { Role::Heading } else { Role::Entry };
            }
            // Parallel headings over the parts of a long list (`National
            // titles`, ..., `International titles`, ..., `Other titles`):
            // lines that share their head noun with another line of the run
            // but not with the lines next to them.
            if k >= 5 && !introduced {
                // Counted once per run, so a long list stays linear.
                let mut count: std::collections::HashMap<&str, usize> = Default::default();
                for &x in &lines {
                    if let Some(h) = head_noun(blocks[x]) {
                        *count.entry(h).or_default() += 1;
                    }
                }
                for idx in 0..k {
                    let t = blocks[lines[idx]];
                    let Some(h) = head_noun(t) else { continue };
                    let near = |j: usize| head_noun(blocks[lines[j]]) == Some(h);
                    let beside = (idx > 0 && near(idx - 1)) || (idx + 1 < k && near(idx + 1));
                    if !beside && count[h] >= 2 {
                        roles[lines[idx]] = Role::Heading;
                    }
                }
            }
            // One line between two headings is no list: a chain of
            // headings (`History`, `Western World`, `Classical Antiquity`).
            if k == 3
                && !introduced
                && roles[lines[0]] == Role::Heading
                && roles[lines[2]] == Role::Heading
            {
                roles[lines[1]] = Role::Heading;
            }
            // Three short lines between paragraphs, with no sentence that
            // introduces them, are a section, its subsection and the
            // subsection's first part (`Clinical significance`,
            // `Corticosteroid overproduction`, `Cushing's syndrome`): a
            // list of two under a heading is rarer than such a chain.
            if k == 3 && lines.len() == run_len && after_prose && prose_follows {
                for &x in &lines {
                    roles[x] = Role::Heading;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headings(blocks: &[&str]) -> Vec<&'static str> {
        roles(blocks)
            .into_iter()
            .map(|r| match r {
                Role::Heading => "H",
                Role::Entry => "E",
                Role::Block => ".",
            })
            .collect()
    }

    #[test]
    fn word_counts_agree_with_split_whitespace() {
        // Every white-space character Unicode has, next to ones that are
        // not (U+200B, the no-break lookalikes' neighbours), and text that
        // shares their lead bytes (`é` is C3, `€` E2 82 AC, `ሀ` E1 88 80).
        let cases = [
            "",
            " ",
            "one",
            "  one  two\tthree\nfour\r\nfive\u{b}six\u{c}seven ",
            "a\u{85}b\u{a0}c\u{1680}d\u{2000}e\u{200a}f\u{2028}g\u{2029}h\u{202f}i\u{205f}j\u{3000}k",
            "a\u{200b}b\u{2060}c\u{feff}d",
            "Café € ሀ ¡Hola! 東京 — x",
            "\u{a0}\u{a0}lead and trail\u{3000}",
            "é\u{a0}é\u{85}€\u{2003}€",
        ];
        for t in cases {
            let words = t.split_whitespace().count();
            for n in 0..=words + 1 {
                assert_eq!(more_words_than(t, n), words > n, "{t:?} {n}");
                assert_eq!(at_most_words(t, n), words <= n, "{t:?} {n}");
                assert_eq!(words_upto(t, n), words.min(n), "{t:?} {n}");
            }
        }
    }

    #[test]
    fn block_word_counts_answer_limits_past_their_cap() {
        let long: String = (0..40).map(|k| format!("w{k} ")).collect();
        let blocks = ["One two", long.as_str(), "a b c d e f g h i j k l m n o"];
        let words = Words::of(&blocks);
        for (i, b) in blocks.iter().enumerate() {
            for n in 0..45 {
                assert_eq!(words.at_most(i, n), at_most_words(b, n), "{i} {n}");
            }
        }
        assert!(!words.at_most(3, 5), "no such block");
    }

    #[test]
    fn shapes() {
        assert_eq!(shape("Early life"), Shape::Heading);
        assert_eq!(
            shape("Private law practice in Washington, D.C."),
            Shape::Heading
        );
        assert_eq!(shape("1885–1929"), Shape::Heading);
        assert_eq!(shape("siRNA-A tool in chemical biology"), Shape::Heading);
        assert_eq!(shape("1990s: A new Internet age"), Shape::Label);
        assert_eq!(shape("1933: Emigration to U.S.."), Shape::Text);
        assert_eq!(shape("Successor: Theophrastus"), Shape::Label);
        assert_eq!(shape("Exponentiation is given by"), Shape::Text);
        assert_eq!(shape("The island's endemic mammals include"), Shape::Text);
        assert_eq!(shape(": Runic letter ansuz"), Shape::Text);
        assert_eq!(shape("@: At sign"), Shape::Text);
        assert_eq!(shape("Alan Garner, 2010"), Shape::Text);
        assert_eq!(
            shape("Davit – an ILB is lowered into the water by a crane"),
            Shape::Text
        );
        assert_eq!(shape("Twin towns – sister cities"), Shape::Heading);
        assert_eq!(shape("Lighter than air – aerostats"), Shape::Heading);
        assert_eq!(shape("Ev - evdən"), Shape::Text);
        // Half a quotation: a line cut from a sentence.
        assert_eq!(
            shape("Concepts, Theory, and Performance\" by Guerino Mazzola"),
            Shape::Text
        );
        assert_eq!(shape("Artemis as \"the Lady of Ephesus\""), Shape::Heading);
        assert_eq!(shape("Ward, Colin. Anarchism. Oxford 2004"), Shape::Text);
        assert_eq!(shape("See also"), Shape::Heading);
        assert_eq!(shape("See bignum"), Shape::Text);
        assert_eq!(shape("See also IrDA Data and IrDA Control"), Shape::Text);
        assert_eq!(shape("A sentence."), Shape::Text);
    }

    #[test]
    fn a_lone_line_between_paragraphs_is_a_heading() {
        let b = [
            "Despite the homogeneity of the art, styles changed over time.",
            "Religious beliefs",
            "Beliefs in the divine were ingrained from the start.",
        ];
        assert_eq!(headings(&b), [".", "H", "."]);
    }

    #[test]
    fn a_fragment_before_lower_case_is_not() {
        let b = [
            "Every differentiable function",
            "is continuous, as can be shown.",
        ];
        assert_eq!(headings(&b), [".", "."]);
        let b = ["Synthesis", "cAMP is synthesized from ATP."];
        assert_eq!(headings(&b), ["H", "."]);
    }

    #[test]
    fn runs_of_similar_lines_are_lists() {
        let b = [
            "The rifle has small parts.",
            "Variants",
            "Early variants (7.62×39mm)",
            "Modernized (7.62×39mm)",
            "Low-impulse variants (5.45×39mm)",
            "Production outside the Soviet Union",
            "Military variants only are listed here.",
        ];
        assert_eq!(headings(&b), [".", "H", "E", "E", "E", "H", "."]);
        let b = [
            "The members were:",
            "Alice Smith",
            "Bob Jones",
            "Carol White",
            "They formed the group in 1990.",
        ];
        assert_eq!(headings(&b), [".", "E", "E", "E", "."]);
    }

    #[test]
    fn two_in_a_row_are_heading_and_subheading() {
        let b = [
            "History",
            "Antiquity",
            "The earliest lenses were polished crystal.",
        ];
        assert_eq!(headings(&b), ["H", "H", "."]);
    }

    #[test]
    fn poems_have_no_headings() {
        let b = [
            "Loveliest of trees, the cherry now",
            "Is hung with bloom along the bough,",
            "And stands about the woodland ride",
            "Wearing white for Eastertide.",
        ];
        assert_eq!(headings(&b), [".", ".", ".", "."]);
    }

    #[test]
    fn a_poem_ends_before_the_next_heading() {
        let prose = "When Daniel Defoe published his novel, few readers could have missed the resemblance to the castaway and his island.";
        let after = "In the comic book the author inserted a pun about the verse form when the druid speaks in alexandrines at the feast.";
        // The line that ends no verse line, right before running text, is
        // the next section's heading.
        let b = [
            prose,
            "Ni connu la beauté || des yeux, beauté des pierres,",
            "Celle des gouttes d'eau, || des perles en placard,",
            "Des pierres nues || et sans squelette, || ô ma statue",
            "Modern references",
            after,
        ];
        assert_eq!(headings(&b), [".", ".", ".", ".", "H", "."]);
        // A three-line stanza keeps its last line (the rule needs four).
        let b = [
            prose,
            "Loveliest of trees, the cherry now",
            "Is hung with bloom along the bough,",
            "And stands about the woodland ride",
            after,
        ];
        assert_eq!(headings(&b), [".", ".", ".", ".", "."]);
    }

    #[test]
    fn a_poem_goes_on_in_couplets() {
        let prose = "When Daniel Defoe published his novel, few readers could have missed the resemblance to the castaway and his island.";
        let poem = [
            prose,
            "I am monarch of all I survey,",
            "My right there is none to dispute;",
            "From the centre all round to the sea,",
            "I am lord of the fowl and the brute.",
        ];
        let mut b = poem.to_vec();
        b.extend([
            "Oh, Alexander Selkirk knew the plight",
            "Of being king and government and nation.",
            prose,
        ]);
        assert_eq!(headings(&b), [".", ".", ".", ".", ".", ".", ".", "."]);
        // A heading and running text after the poem are no couplet.
        let mut b = poem.to_vec();
        b.extend(["Later life", prose]);
        assert_eq!(headings(&b), [".", ".", ".", ".", ".", "H", "."]);
    }

    #[test]
    fn a_heading_restated_by_the_next_line_is_no_verse() {
        let intro = "Colleges and universities in Colorado:";
        let prose = "Colorado is home to four national parks, eight national monuments and two national recreation areas in all.";
        // After a colon, a line and one short sentence that names it again.
        let b = [
            intro,
            "Military installations",
            "Colorado is currently the home of seven major military bases and installations.",
            prose,
        ];
        assert_eq!(headings(&b), [".", "H", ".", "."]);
        // Verse after a colon repeats nothing of the line before.
        let b = [
            "The poet wrote of his death:",
            "The date of his departure for the house of mortality",
            "Was the year of the Hijra 1186 (1772 A.D.)",
            prose,
        ];
        assert_eq!(headings(&b), [".", ".", ".", "."]);
        // The first line of a stanza restated by the next heads it.
        let b = [
            "gives the total angular momentum of the system of particles in terms of moment of inertia and angular velocity.",
            "Single particle",
            "In the case of a single particle,",
            "Fixed center of mass",
            "For the case of the center of mass fixed in space,",
            "Angular momentum (modern definition)",
            prose,
        ];
        assert_eq!(headings(&b)[1], "H");
        let b = [
            prose,
            "Loveliest of trees, the cherry now",
            "Is hung with bloom along the bough,",
            "And stands about the woodland ride",
            "Wearing white for Eastertide.",
        ];
        assert_eq!(headings(&b), [".", ".", ".", ".", "."]);
    }

    #[test]
    fn label_headings_stand_alone_before_text() {
        let b = [
            "1979–91: Early life",
            "Aaliyah was born in Brooklyn in 1979.",
        ];
        assert_eq!(headings(&b), ["H", "."]);
        let b = ["Capital: Paris", "Currency: Euro", "It is a republic."];
        assert_eq!(headings(&b), [".", ".", "."]);
    }

    #[test]
    fn a_line_inside_a_stanza_restated_by_the_next_heads_it() {
        let prose = "Where e is the base of the natural logarithm, this can be proved through induction by observing the series.";
        // Formula lead-ins end in commas; the line between them that the
        // next one names again is a heading.
        let b = [
            prose,
            "Single particle",
            "In the case of a single particle,",
            "Fixed center of mass",
            "For the case of the center of mass fixed in space,",
            "Angular momentum (modern definition)",
            prose,
        ];
        assert_eq!(headings(&b), [".", "H", ".", "H", ".", "H", "."]);
        // A verse line that opens with a function word, or says `are`,
        // stays verse, repeated words or not.
        let b = [
            prose,
            "Halt by the headstone naming",
            "The heart no longer stirred,",
            "And say the lad that loved you",
            "Was one that kept his word, the lad.",
            prose,
        ];
        assert_eq!(headings(&b), [".", ".", ".", ".", ".", "."]);
        let b = [
            prose,
            "Peirce liked to use the syllogism",
            "All Men are equal in their political rights,",
            "Negroes are Men",
            "Negroes are equal in political rights to whites,",
            prose,
        ];
        assert_eq!(headings(&b)[3], ".");
    }

    #[test]
    fn source_notes_and_translator_credits_are_not_headings() {
        let prose = "Revenue passenger kilometres grew in every year of the decade, as the table of the association shows.";
        assert_eq!(
            headings(&[prose, "Source: IATA World Air Transport Statistics", prose]),
            [".", ".", "."]
        );
        assert_eq!(
            headings(&[prose, "Translated by David Wasserstein", prose]),
            [".", ".", "."]
        );
        // The section that lists the sources is one.
        assert_eq!(headings(&[prose, "Sources", prose]), [".", "H", "."]);
    }

    #[test]
    fn a_label_restated_by_the_next_line_heads_it() {
        let b = [
            "If we neglect higher than first order terms in the fluctuations, the mass balance equation becomes",
            "Assumption 2: Homogeneous medium",
            "Next we assume that the medium is homogeneous, i.e.,",
            "Then the mass balance equation takes the form",
        ];
        assert_eq!(headings(&b)[1], "H");
        // A field's value with a number is no heading, restated or not.
        let b = [
            "Airports are listed by the length of their runways in the tables of the survey below.",
            "Overall: 68 airports (2004 estimate)",
            "Airports with paved runways,",
            "Total: 23",
        ];
        assert_eq!(headings(&b)[1], ".");
        // Nor is a label whose words do not come back.
        let b = [
            "If we neglect higher than first order terms in the fluctuations, the mass balance equation becomes",
            "Assumption 2: Homogeneous medium",
            "Next we take the fluid to be at rest, i.e.,",
            "Then the mass balance equation takes the form",
        ];
        assert_eq!(headings(&b)[1], ".");
    }

    #[test]
    fn sentences_with_a_verb_and_its_object_are_not_headings() {
        assert_eq!(
            shape("Goethe used the concept in his novel Elective Affinities, (1809)"),
            Shape::Text
        );
        assert_eq!(
            shape("Cloning of any DNA fragment essentially involves four steps"),
            Shape::Text
        );
        // A participle before a preposition heads a noun phrase.
        assert_eq!(
            shape("Players enshrined in the Pro Football Hall of Fame"),
            Shape::Heading
        );
        assert_eq!(
            shape("Major carcinogens implicated in the four most common cancers"),
            Shape::Heading
        );
        assert_eq!(shape("Relations with the United States"), Shape::Heading);
    }

    #[test]
    fn a_connective_and_a_comma_open_a_sentence() {
        assert_eq!(
            shape("For example, the condition number associated with the linear equation"),
            Shape::Text
        );
        assert_eq!(shape("Examples"), Shape::Heading);
        assert_eq!(shape("For example"), Shape::Heading);
    }

    #[test]
    fn a_period_and_a_title_is_a_heading_before_a_heading() {
        let b = [
            "They are often touted America's Band by critics and fans.",
            "1958–66: Brian Wilson era",
            "Formation",
            "At the time of his sixteenth birthday Brian shared a bedroom with his brothers.",
        ];
        assert_eq!(headings(&b), [".", "H", "H", "."]);
        // A label that is no period stays an item there.
        let b = [
            "They are often touted America's Band by critics and fans.",
            "Capital: Paris",
            "Formation",
            "At the time of his sixteenth birthday Brian shared a bedroom with his brothers.",
        ];
        assert_eq!(headings(&b), [".", ".", "H", "."]);
        // A period label after two headings leaves them headings.
        let b = [
            "They are often referred to as the Lovable Losers because of this.",
            "Team history",
            "Early club history",
            "1870–1875: The beginning",
            "Although 1876 is generally recognized as the birth-year, the club is older.",
        ];
        assert_eq!(headings(&b), [".", "H", "H", "H", "."]);
    }

    #[test]
    fn lines_among_lower_case_labels_are_labels() {
        let b = [
            "Chloroplasts have their own DNA, often abbreviated as cpDNA, and it is circular.",
            "Molecular structure",
            "cytochrome",
            "rubisco",
            "tRNAs",
            "tRNA",
            "photosystem II",
            "ribosomal proteins",
            "Chloroplast DNA is a map of genes, shown here for tobacco in full.",
        ];
        assert_eq!(headings(&b), [".", "H", ".", ".", "E", ".", ".", ".", "."]);
        // A fragment still runs on into a clause.
        let b = [
            "Every differentiable function",
            "is continuous, as can be shown.",
        ];
        assert_eq!(headings(&b), [".", "."]);
        let b = [
            "In the scientific journal style, the expression",
            "formula_9",
            "is written with a multiplication sign in full.",
        ];
        assert_eq!(headings(&b), [".", ".", "."]);
    }

    #[test]
    fn the_ends_of_a_long_list_are_entries() {
        let b = [
            "There are several types of junction diodes, which differ in their use.",
            "Avalanche diodes",
            "Cat's whisker or crystal diodes",
            "Constant current diodes",
            "Esaki or tunnel diodes",
            "Gunn diodes",
            "Laser diodes",
            "Varicap or varactor diodes",
            "Zener and Shockley diodes",
            "Other uses for semiconductor diodes include sensing temperature.",
        ];
        assert_eq!(
            headings(&b),
            [".", "E", "E", "E", "E", "E", "E", "E", "E", "."]
        );
        // A heading over a list is unlike all of its first entries.
        let b = [
            "The rifle has small parts.",
            "Variants",
            "Early variants (7.62×39mm)",
            "Modernized (7.62×39mm)",
            "Low-impulse variants (5.45×39mm)",
            "Export variants (5.45×39mm)",
            "Military variants only are listed here.",
        ];
        assert_eq!(headings(&b), [".", "H", "E", "E", "E", "E", "."]);
    }

    #[test]
    fn shapes_of_issue_11_round_three() {
        // An initial is no sentence end; two periods are.
        assert_eq!(
            shape("Counsel to President Lyndon B. Johnson"),
            Shape::Heading
        );
        assert_eq!(shape("Sharp Press. New York"), Shape::Text);
        assert_eq!(shape("AFC Ajax N.V.."), Shape::Text);
        assert_eq!(shape("Sammy Davis, Jr."), Shape::Heading);
        // `:-` ends a clause; an unclosed bracket is a cut line.
        assert_eq!(shape("With regard to it Badarayana states:-"), Shape::Text);
        assert_eq!(
            shape("The basic ordering of the Latin alphabet (A"),
            Shape::Text
        );
        assert_eq!(shape("Ordering (Latin alphabet)"), Shape::Heading);
        // A period and its title; a qualifier after a hyphen.
        assert_eq!(shape("1990s - new building"), Shape::Heading);
        assert_eq!(shape("Airports - with paved runways"), Shape::Heading);
        assert_eq!(shape("Ev - evdən"), Shape::Text);
        // Nouns, not verbs, after a modifier.
        assert_eq!(shape("Air shows"), Shape::Heading);
        assert_eq!(shape("Border states"), Shape::Heading);
        assert_eq!(shape("The theorem states"), Shape::Text);
        assert_eq!(shape("Conflicts with the Muslim states"), Shape::Heading);
        assert_eq!(shape("Excited electronic states"), Shape::Heading);
        assert_eq!(shape("The third diagram clearly shows"), Shape::Text);
        assert_eq!(shape("As the table shows"), Shape::Text);
        // A period label names its era's events, commas and all.
        assert_eq!(
            shape("1991–97: Decline, restructuring, acquisitions"),
            Shape::Label
        );
        assert_eq!(
            shape("Rene Gimpel Galerie, New York, 1937, no. 6"),
            Shape::Text
        );
        // Chrome, markup and cells.
        assert_eq!(shape("Listen to this article (2 parts) ·"), Shape::Text);
        assert_eq!(shape("More spoken articles"), Shape::Text);
        assert_eq!(shape("class=\"Z3988\""), Shape::Text);
        assert_eq!(shape("2"), Shape::Text);
        assert_eq!(shape("1066"), Shape::Heading);
    }

    #[test]
    fn three_short_lines_between_paragraphs_are_a_chain() {
        let b = [
            "The adrenal medulla is derived from neural crest cells, which come from the ectoderm.",
            "Clinical significance",
            "Corticosteroid overproduction",
            "Cushing's syndrome",
            "Cushing's syndrome is the manifestation of glucocorticoid excess in the body.",
        ];
        assert_eq!(headings(&b), [".", "H", "H", "H", "."]);
        // After a sentence that introduces them, they are still a list.
        let b = [
            "The members were:",
            "Alice Smith",
            "Bob Jones",
            "Carol White",
            "They formed the group in 1990.",
        ];
        assert_eq!(headings(&b), [".", "E", "E", "E", "."]);
    }

    #[test]
    fn parallel_part_headings_of_a_long_list() {
        let b = [
            "The club has won many trophies in its long history, as listed below.",
            "Honours",
            "National titles",
            "Serie A",
            "Coppa Italia",
            "Supercoppa Italiana",
            "International titles",
            "European Cup",
            "Inter-Cities Fairs Cup",
            "Other titles",
            "MLS All-Star Game",
            "Their stadium is the Stadio Olimpico, which they share with Lazio.",
        ];
        let h = headings(&b);
        assert_eq!((h[2], h[6], h[9]), ("H", "H", "H"), "{h:?}");
        assert_eq!((h[3], h[4], h[7]), ("E", "E", "E"), "{h:?}");
        // A list whose entries share the head noun has no such headings,
        // and its last entry stays an entry.
        let b = [
            "There are several types of junction diodes, which differ in their use.",
            "Avalanche diodes",
            "Constant current diodes",
            "Esaki or tunnel diodes",
            "Gunn diodes",
            "Varicap or varactor diodes",
            "Zener diodes",
            "Other uses for semiconductor diodes include sensing temperature.",
        ];
        assert_eq!(headings(&b), [".", "E", "E", "E", "E", "E", "E", "."]);
    }

    #[test]
    fn verse_quoted_after_a_colon_has_no_headings() {
        let b = [
            "In the fourth book of \"Endymion\", John Keats writes:",
            "The spirit culls",
            "Unfaded amaranth, when wild it strays",
            "Through the old garden-ground of boyish days.",
            "In ancient Greece, the amaranth was sacred to Ephesian Artemis and was used there.",
        ];
        assert_eq!(headings(&b), [".", ".", ".", ".", "."]);
    }

    #[test]
    fn a_run_in_sentence_is_no_continuation() {
        let b = [
            "A point-contact diode works the same as the junction diodes described below.",
            "Junction diodes",
            "p–n junction diode.",
            "A p–n junction diode is made of a crystal of semiconductor, usually silicon.",
        ];
        assert_eq!(headings(&b)[1], "H");
        let b = ["Every differentiable function", "is continuous."];
        assert_eq!(headings(&b), [".", "."]);
    }

    #[test]
    fn one_line_between_two_headings_is_a_heading() {
        let b = [
            "It is connected to a flywheel to reduce the pulsation of the cycle.",
            "History",
            "Western World",
            "Classical Antiquity",
            "A Roman iron crankshaft was excavated in Augusta Raurica, Switzerland.",
        ];
        assert_eq!(headings(&b), [".", "H", "H", "H", "."]);
        // After a sentence that introduces them, similar lines are a list.
        let b = [
            "The members were:",
            "Alice Smith",
            "Bob Jones",
            "Carol White",
            "They formed the group in 1990.",
        ];
        assert_eq!(headings(&b), [".", "E", "E", "E", "."]);
    }
    #[test]
    fn a_comma_list_between_paragraphs_is_a_heading() {
        let b = [
            "Finally, in an agreement effective 1996, AMD received the rights to the microcode in the processor families.",
            "K5, K6, Athlon, Duron, and Sempron",
            "AMD's first in-house x86 processor was the K5, which was launched in 1996 after long delays.",
        ];
        assert_eq!(headings(&b), [".", "H", "."]);
        let b = [
            "Missions from Malacca",
            "Embassies to Pegu, Sumatra and Siam, 1511",
            "Most Muslim and Gujarati merchants having fled the city, Albuquerque now invested in diplomatic efforts in the region.",
        ];
        assert_eq!(headings(&b), ["H", "H", "."]);
        // Among citations it is an entry of the list.
        let b = [
            "Smith, John (2001). A Book about the Subject and Its Long History. London: Penguin Books, reprinted often.",
            "Rene Gimpel Galerie, New York, 1937, no. 6",
            "Jones, Mary (1999). Another Book about the Subject and Its Long History. Oxford: Clarendon Press.",
        ];
        assert_eq!(headings(&b), [".", ".", "."]);
        // A day of a calendar is a record, as under a game.
        let b = [
            "The Pirates took the first game of the series behind Deacon Phillippe, who pitched a complete game.",
            "Thursday, October 1, 1903 at Huntington Avenue Baseball Grounds in Boston, Massachusetts",
            "The Pirates started Game 1 with a bang in the first inning, scoring four runs off Cy Young.",
        ];
        assert_eq!(headings(&b)[1], ".");
        // Nor before a short line.
        let b = [
            "Finally, in an agreement effective 1996, AMD received the rights to the microcode in the processor families.",
            "K5, K6, Athlon, Duron, and Sempron",
            "Launched in 1996.",
        ];
        assert_eq!(headings(&b)[1], ".");
    }

    #[test]
    fn two_lines_after_a_colon_before_running_text_are_headings() {
        // The formula that `shown:` introduced is gone.
        let b = [
            "The formation of a secondary alcohol via reduction and hydration is shown:",
            "Reactions",
            "Deprotonation",
            "Alcohols can behave as weak acids, undergoing deprotonation to produce an alkoxide salt with a strong base.",
        ];
        assert_eq!(headings(&b), [".", "H", "H", "."]);
        // Two numbered lines or formulas are the listing it introduces.
        let b = [
            "Hello World in Applesoft BASIC could be entered as the following:",
            "10 TEXT:HOME",
            "20 PRINT HELLO",
            "Multiple commands can be included on the same line of code if separated by a colon, as in most BASIC dialects.",
        ];
        assert_eq!(headings(&b), [".", "E", "E", "."]);
    }

    #[test]
    fn a_line_between_two_fields_is_a_value() {
        let b = [
            "Area:",
            "\"total:\"",
            "110,879 km2",
            "\"land:\"",
            "108,489 km2",
            "Area - comparative:",
            "slightly larger than Tennessee",
            "Land boundaries: 1,808 km",
        ];
        assert!(headings(&b).iter().all(|r| *r != "H"));
        // After a sentence that introduces a list, the line may be a heading.
        let b = [
            "SAT solving in general includes these well-known solvers and their many variants:",
            "Evaluation of SAT solvers",
            "Benchmarks: the yearly SAT competition",
        ];
        assert_eq!(headings(&b)[1], "H");
    }

    #[test]
    fn a_short_value_with_a_number_under_a_field_is_no_heading() {
        // The value of the last field before the next part of a fact sheet.
        let b = [
            "The highest point of the country is in the north, on the border.",
            "\"highest point:\"",
            "Emi Koussi 3,415 m",
            "Land use and resources",
            "Chad has few natural resources apart from the oil of the south, which it exports by pipeline.",
        ];
        assert_eq!(headings(&b), [".", ".", ".", "H", "."]);
        // Without a number the line may head what follows (`Evaluation of SAT
        // solvers` above); under a sentence's colon, too.
        let b = [
            "The climate of the region is dry for most of the year, with rain in summer.",
            "Rainfall by month:",
            "Northern districts",
            "The northern districts receive less than 200 mm of rain a year, mostly in August.",
        ];
        assert_eq!(headings(&b)[2], "H");
    }

    #[test]
    fn a_value_after_an_equals_sign_is_no_heading() {
        let b = [
            "The average temperature is 23.5 °C in July, with an annual mean of 12.02 °C.",
            "Record rain= 88.9 kg/m2 (11.06.1997)",
            "Demographics",
            "Ankara had a population of 75,000 in 1927 and of 4.5 million in 2013, the census found.",
        ];
        assert_eq!(headings(&b), [".", ".", "H", "."]);
        // A number without an `=` is no value, and a numbered line of a
        // program is left to its neighbours.
        assert!(!equals_number("10 LET N = 5"));
        assert!(!equals_number("FOR A:= 0 STEP D UNTIL 6 DO"));
        let b = [
            "The average temperature is 23.5 °C in July, with an annual mean of 12.02 °C.",
            "Record rainfall of 1997",
            "In 1997 the city received more rain in one day than in any month of the decade before.",
        ];
        assert_eq!(headings(&b)[1], "H");
    }

    #[test]
    fn a_place_after_a_colon_is_an_entry() {
        let b = [
            "Alcobaça is twinned with:",
            "Aubergenville, France",
            "Alcobaça has a rich history of monastic life that has shaped the town and its region.",
        ];
        assert_eq!(headings(&b)[1], ".");
        let b = [
            "Alexandria is twinned with:",
            "Marseille, France",
            "Limassol, Cyprus",
            "Alexandria has a rich history of trade that has shaped the town and its region for centuries.",
        ];
        assert_eq!(headings(&b), [".", ".", ".", "."]);
        // Not a place and its country: a heading.
        let b = [
            "Davenport has three sister cities:",
            "Livability Award",
            "Davenport, along with neighbouring Rock Island, won the 2007 City Livability Award in its category.",
        ];
        assert_eq!(headings(&b)[1], "H");
    }

    #[test]
    fn a_dashed_line_between_paragraphs_is_a_heading() {
        let b = [
            "People who suffer from anxiety tend to show high activity in response to emotional stimuli in the amygdala.",
            "Social issues - gender",
            "Contextual factors that are thought to contribute to anxiety include gender socialization and learning experiences in childhood.",
        ];
        assert_eq!(headings(&b), [".", "H", "."]);
        // Next to another such line it is an entry of a glossary.
        let b = [
            "The lifeboat can be launched in several ways, depending on the station and its boat house.",
            "Davit - an ILB is lowered into the water by a crane",
            "Slipway - the boat slides down a ramp into the sea",
            "Each launch is practised weekly by the volunteer crew of the station, whatever the weather.",
        ];
        assert_eq!(headings(&b), [".", ".", ".", "."]);
        // Before a sentence carried on in lower case it is a fragment.
        let b = [
            "People who suffer from anxiety tend to show high activity in response to emotional stimuli in the amygdala.",
            "Social issues - gender",
            "socialization and learning experiences are thought to contribute to anxiety in many of the people studied.",
        ];
        assert_eq!(headings(&b)[1], ".");
    }

    #[test]
    fn numbered_lines_are_a_listing() {
        let b = [
            "The algorithm can be written in pseudocode as follows, with line numbers.",
            "1 get a positive integer from input",
            "2 if n > 10",
            "3 print \"This might take a while...\"",
            "The time the program takes depends on its input.",
        ];
        assert_eq!(headings(&b), [".", ".", ".", ".", "."]);
        let b = [
            "7 Compare Goguryeo /mir/ \"3\" (Blažek 2006).",
            "8 \"third (or next after three = fourth)\"",
            "9 \"song with three out of four verses rhyming\"",
        ];
        assert_eq!(headings(&b), [".", ".", "."]);
        // A lone line that opens with a number is still a heading.
        let b = [
            "The race was first held in 1923 and has been held every year since, with few breaks.",
            "24 Hours of Le Mans",
            "The race is held at the Circuit de la Sarthe near the town of Le Mans in France.",
        ];
        assert_eq!(headings(&b), [".", "H", "."]);
    }

    #[test]
    fn lines_next_to_a_drawing_are_part_of_it() {
        let b = [
            "Maharajadhiraja Chhatrasal: 1649–1731",
            "(founder ruler of many kingdoms)",
            "___________________________|______________________________",
            "Hirdeshah Jagatraj Bhartichandra",
            "____________________________|______________________________",
            "The dynasty ruled the state until its accession to India in 1949, when it was merged.",
        ];
        assert_eq!(headings(&b), [".", ".", ".", ".", ".", "."]);
        // Under a drawing, a line over running text is a heading.
        let b = [
            ".g@8g. db",
            "'Y8@P' d88b",
            ":$#$: -- ::",
            "Emoticons and verticons",
            "The simplest forms of ASCII art are combinations of two or three characters for expressing emotion in text.",
        ];
        assert_eq!(headings(&b)[3], "H");
        // A rule of one symbol under a heading is no drawing.
        let b = [
            "The dynasty ruled the state until its accession to India in 1949, when it was merged.",
            "Geography",
            "=========",
            "Ajaigarh is located at the edge of the Vindhya Range in the north of the state.",
        ];
        assert_eq!(headings(&b)[1], "H");
        // Away from a drawing, a heading between paragraphs stays one.
        let b = [
            "The dynasty ruled the state until its accession to India in 1949, when it was merged.",
            "Geography",
            "Ajaigarh is located at the edge of the Vindhya Range in the north of the state.",
        ];
        assert_eq!(headings(&b), [".", "H", "."]);
    }

    #[test]
    fn a_verb_before_a_lost_formula_ends_a_sentence() {
        // What follows the verb (a formula) is gone from the text.
        assert_eq!(shape("In this frame the equation becomes"), Shape::Text);
        assert_eq!(shape("Solving for the speed, one obtains"), Shape::Text);
        assert_eq!(shape("Hence the two sums satisfy"), Shape::Text);
        // A noun after a modifier, or the verb before more words, stays.
        assert_eq!(shape("Gift giving"), Shape::Heading);
        assert_eq!(shape("Where the river becomes navigable"), Shape::Heading);
        let b = [
            "The pressure falls as the gas expands, and the work done is the area under the curve.",
            "For an ideal gas this becomes",
            "where the constant depends on the gas and on nothing else in the experiment at all.",
        ];
        assert_eq!(headings(&b), [".", ".", "."]);
    }

    #[test]
    fn a_quoted_field_name_and_its_value_is_no_heading() {
        // A fact sheet's field: the colon inside the quotes.
        assert_eq!(shape("\"Railways:\" 1,200 km"), Shape::Text);
        assert_eq!(shape("\"imports, by value:\" 35%"), Shape::Text);
        // A quoted title before the colon heads a period or a part.
        assert_eq!(
            shape("Berlin and \"The Long Night\": 1962–1970"),
            Shape::Heading
        );
        assert_eq!(shape("\"Railways\" in fiction"), Shape::Heading);
        let b = [
            "The network is owned by the state and was extended to the coast in the late nineteenth century.",
            "\"Railways:\" 1,200 km",
            "The roads are poorly kept outside the capital, and many are closed in the rainy season each year.",
        ];
        assert_eq!(headings(&b), [".", ".", "."]);
    }

    #[test]
    fn a_quoted_run_in_label_is_no_heading() {
        // `''Example'': ...` in the wikitext: an italic label run into its
        // text, quoted in these dumps, never a section's title.
        assert!(quoted_label("\"Example\": C03 Diuretics"));
        let b = [
            "The second level of the code indicates the therapeutic main group and consists of two digits.",
            "\"Example\": C03 Diuretics",
            "Third level",
            "The third level of the code indicates the pharmacological subgroup and consists of one letter.",
        ];
        assert_eq!(headings(&b), [".", ".", "H", "."]);
        // Right before running text too (an unquoted label there heads it).
        let b = [
            "The fifth level of the code indicates the chemical substance and consists of two digits.",
            "\"Example\": C03CA01 Furosemide",
            "The system for veterinary medicinal products is used to classify drugs for animals.",
        ];
        assert_eq!(headings(&b), [".", ".", "."]);
        // A label that is not quoted, or a quotation inside the label, may
        // still head what follows.
        assert!(!quoted_label("Example: C03 Diuretics"));
        assert!(!quoted_label(
            "La \"Patria Boba\": The Beginning of the Struggle"
        ));
        assert!(!quoted_label("\"Weird Al\" Yankovic: Live"));
        assert!(!quoted_label("\"Agriculture\": 19.1%"));
        assert_eq!(
            shape("La \"Patria Boba\": The Beginning of the Struggle"),
            Shape::Heading
        );
        assert_eq!(shape("\"Weird Al\" Yankovic"), Shape::Heading);
    }

    #[test]
    fn a_definition_box_title_is_no_heading() {
        // The box's title over the quoted definition.
        let b = [
            "Many of these compounds are produced by the burning of organic matter in the open air.",
            "ISO definition",
            "Flammability: Ability of a material to burn with a flame",
            "Note: The test conditions must be stated with the result, as the figure depends on them.",
        ];
        assert_eq!(headings(&b)[1], ".");
        // A section about a definition, over running text, stays.
        let b = [
            "Many of these compounds are produced by the burning of organic matter in the open air.",
            "ISO definition",
            "The standard defines the term by the behaviour of a sample of the material held in a flame.",
        ];
        assert_eq!(headings(&b), [".", "H", "."]);
        let b = [
            "Many of these compounds are produced by the burning of organic matter in the open air.",
            "Formal definition",
            "Flammability: Ability of a material to burn with a flame",
            "Note: The test conditions must be stated with the result, as the figure depends on them.",
        ];
        assert_eq!(headings(&b)[1], "H");
    }

    #[test]
    fn a_line_that_opens_with_a_bracket_is_no_heading() {
        // An aside or a note on its own line, or a line of Lisp.
        assert_eq!(shape("(since 2004)"), Shape::Text);
        assert_eq!(shape("(car (cdr list))"), Shape::Text);
        let b = [
            "The town keeps consulates of four countries, most of them opened after the war ended.",
            "(only on weekdays)",
            "Two more countries have asked to open one, though no date has been set for either.",
        ];
        assert_eq!(headings(&b), [".", ".", "."]);
        // A bracket later in the line is a heading's part.
        assert_eq!(shape("Consulates (since 2004)"), Shape::Heading);
        let b = [
            "The town keeps consulates of four countries, most of them opened after the war ended.",
            "Consulates (since 2004)",
            "Two more countries have asked to open one, though no date has been set for either.",
        ];
        assert_eq!(headings(&b), [".", "H", "."]);
    }

    #[test]
    fn a_line_cut_at_a_dash_is_no_heading() {
        assert_eq!(shape("Two of them ride along-"), Shape::Text);
        assert_eq!(shape("And all the rest is talk —"), Shape::Text);
        // A heading that closes its bracket before the dash stays one, as
        // does a dash inside the line.
        assert_eq!(shape("After the merger (1998)-"), Shape::Heading);
        assert_eq!(shape("Lighter than air – aerostats"), Shape::Heading);
    }

    #[test]
    fn a_page_cited_after_a_sentence_ends_it() {
        // `:12` is the page of the source cited after the sentence's period.
        assert_eq!(
            shape("The causes can be split into two kinds of factor.:12"),
            Shape::Text
        );
        assert_eq!(shape("The main rules of the game are::4"), Shape::Text);
        // A number after a colon inside a heading is no page.
        assert_eq!(shape("Psalm 23:4"), Shape::Heading);
        assert_eq!(shape("Ratio 16:9"), Shape::Heading);
    }

    #[test]
    fn an_ordinal_and_a_comma_open_a_sentence() {
        assert_eq!(
            shape("First, the two equations may be written as one"),
            Shape::Text
        );
        assert_eq!(
            shape("Then, the balance can be written for any volume"),
            Shape::Text
        );
        // A heading that opens with the word and no comma stays.
        assert_eq!(shape("First contact"), Shape::Heading);
        assert_eq!(shape("Then and now"), Shape::Heading);
    }

    #[test]
    fn a_title_that_takes_the_heading_as_a_modifier_is_no_subheading() {
        // A table's title under `Distance`: `distance` modifies `figures`.
        let b = [
            "The star lies close to the Sun, and its distance has been measured many times since 1900.",
            "Distance",
            "Vega distance figures",
            "Physical properties",
            "The star is about twice as massive as the Sun and much brighter than it in every band.",
        ];
        assert_eq!(headings(&b), [".", "H", ".", "H", "."]);
        // A subheading keeps its parent's head noun.
        let b = [
            "The town grew around a bridge over the river, first built by the Romans in stone.",
            "History",
            "Early history",
            "Geography",
            "The town lies in a wide valley between two ranges of low hills that run east and west.",
        ];
        assert_eq!(headings(&b), [".", "H", "H", "H", "."]);
    }

    #[test]
    fn a_blank_line_ends_a_run_of_headings() {
        let b = [
            "The drug is used to treat two disorders, and its use is controlled in most countries.",
            "Uses",
            "Medical",
            "Dosage",
            "Side effects",
            "The side effects vary with the dose, and the most common ones are mild and short-lived.",
        ];
        // Blank lines after `Medical` and `Dosage`: sections whose content
        // is gone, each its own heading.
        let gaps = [false, false, false, true, true, false];
        let heads = |g: &[bool]| -> Vec<Role> { roles_with_gaps(&b, g) };
        assert_eq!(
            heads(&gaps),
            [
                Role::Block,
                Role::Heading,
                Role::Heading,
                Role::Heading,
                Role::Heading,
                Role::Block
            ]
        );
        // Blank lines between paragraphs leave a list inside one run.
        let b = [
            "The club was founded in 1901 by a group of friends who met on Sundays at the harbour.",
            "Its first members were:",
            "Anna Berg",
            "Carl Dahl",
            "Eva Falk",
            "The club grew quickly and had more than a hundred members by the end of the decade.",
        ];
        let gaps = [false, true, false, false, false, true];
        assert_eq!(
            &roles_with_gaps(&b, &gaps)[2..5],
            [Role::Entry, Role::Entry, Role::Entry]
        );
    }

    #[test]
    fn the_sister_project_box_is_no_heading() {
        assert_eq!(
            shape("Media related to the town at Wikimedia Commons"),
            Shape::Text
        );
        assert_eq!(shape("Wikimedia Commons"), Shape::Heading);
    }

    #[test]
    fn the_source_under_a_boxed_quotation_is_no_heading() {
        let p = "Capital is dead labour, which, vampire-like, lives only by sucking living labour, and lives the more, the more labour it sucks.";
        let after = "According to Noam Chomsky, analysis of the psychological implications of wage slavery goes back to the Enlightenment era.";
        assert_eq!(
            headings(&[p, "”", "Karl Marx", after]),
            [".", ".", ".", "."]
        );
        // A known heading after the box is still one.
        assert_eq!(
            headings(&[p, "”", "Controversies", after]),
            [".", ".", "H", "."]
        );
        // Without the lone quote mark, a line between paragraphs heads one.
        assert_eq!(headings(&[p, "Karl Marx", after]), [".", "H", "."]);
    }

    #[test]
    fn the_first_label_of_a_shifted_chart_legend_is_no_heading() {
        let p = "As of 2012, the average life expectancy at birth in China is 75 years, and the infant mortality rate is 12 per thousand.";
        let after = "Over the millennia, Chinese civilization has been influenced by various religious movements and schools of thought.";
        let b = [
            p,
            "Religion",
            "Religion in China",
            "Not religious, traditional worship, or Taoism",
            "(87.4%) Buddhism",
            "(6.2%) Christianity",
            after,
        ];
        assert_eq!(headings(&b), [".", "H", ".", "E", ".", ".", "."]);
        // A bracket that is no share leaves the line above it a heading.
        assert_eq!(
            headings(&[p, "Catholicism", "(See below) Protestant churches", after]),
            [".", "H", ".", "."]
        );
        assert!(opens_with_share("(70.5%) Protestantism"));
        assert!(opens_with_share("(2%) Other"));
        assert!(!opens_with_share("(%) Other"));
        assert!(!opens_with_share("(1990) Other"));
    }

    #[test]
    fn a_quantity_alone_between_two_headings_is_content() {
        let p = "Chile has a long road network that links the north of the country with its south and its ports.";
        let after = "Buses are the main means of transport between the cities of the country and within them.";
        assert_eq!(
            headings(&[p, "Freeways", "2,653 km", "Buses", after]),
            [".", "H", ".", "H", "."]
        );
        // A year over its text is a subsection (`2010 census`).
        assert_eq!(
            headings(&[p, "Demographics", "2010 census", "Housing", after]),
            [".", "H", "H", "H", "."]
        );
        assert!(opens_with_quantity("1 petroleum tanker"));
        assert!(!opens_with_quantity("2010 census"));
        assert!(!opens_with_quantity("24 Hours of Le Mans"));
    }

    #[test]
    fn a_line_opening_with_a_quote_is_no_heading() {
        // The source under a quotation in a paragraph.
        let b = [
            "They were making the music for teenage kids to dance to, they said.",
            "\"NME\" – October 1955",
            "There has to be a Cadillac music and a Ford music, he wrote then.",
        ];
        assert_eq!(headings(&b), [".", ".", "."]);
        // A legend's key between two headings.
        let b = [
            "AFL Championship Games",
            "\"Italics\" – Super Bowl Appearance, Bold - Super Bowl Victory",
            "AFL All-Star games",
        ];
        assert_eq!(headings(&b)[1], ".");
        // The same line without the quotation marks is a heading, and a
        // quotation inside a heading is no matter.
        let b = [
            "They were making the music for teenage kids to dance to, they said.",
            "NME – October 1955",
            "There has to be a Cadillac music and a Ford music, he wrote then.",
        ];
        assert_eq!(headings(&b), [".", "H", "."]);
        let b = [
            "They were making the music for teenage kids to dance to, they said.",
            "Los Angeles and \"Eraserhead\"",
            "There has to be a Cadillac music and a Ford music, he wrote then.",
        ];
        assert_eq!(headings(&b), [".", "H", "."]);
        // A fact sheet's quoted field is left to the field rules.
        assert!(!opens_with_quote("\"Agriculture\": 19.1%"));
        assert!(!opens_with_quote("\"total:\""));
        assert!(opens_with_quote("“Data from” USAF Fact Sheet"));
    }

    #[test]
    fn a_topic_label_after_running_text_heads_the_heading_under_it() {
        let b = [
            "Peirce held that the ends governing all conduct and thought must be admissible.",
            "Philosophy: metaphysics",
            "Some noted articles",
            "Peirce wrote a series of articles on metaphysics in the 1890s for a journal.",
        ];
        assert_eq!(headings(&b), [".", "H", "H", "."]);
        let b = [
            "The last Spanish troops were departing by July of that year, it was said.",
            "Independence: second period 1865–1916",
            "Second Republic",
            "The second republic was proclaimed after the troops had gone from the island.",
        ];
        assert_eq!(headings(&b), [".", "H", "H", "."]);
        // A field with a number, an example, a legend or a clause is none.
        for label in [
            "Relative efficacy: 2",
            "Example: \"He was also calumniating Socrates.\"",
            "Key: DOP: Dominican peso, USD: United States dollar",
            "Derived from: Statistics Canada",
            "Capital: Paris",
        ] {
            assert!(!topic_label(label), "{label}");
        }
        // Nor does a label after a heading change: a glossary's entries.
        let b = [
            "Glossary",
            "Philosophy: metaphysics",
            "Some noted articles",
            "Peirce wrote a series of articles on metaphysics in the 1890s for a journal.",
        ];
        assert_eq!(headings(&b)[1], ".");
    }
}
