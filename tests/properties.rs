//! Fixed-seed property tests: run on every `cargo test`, deterministic.
//!
//! Inputs are article-shaped: lines drawn from headings, items, `See` lists,
//! Markdown syntax, bullets, odd line ends, a BOM, controls and arbitrary
//! Unicode, so the parsers' interesting paths are reached quickly. Sizes are
//! bounded so the suite stays fast in debug builds.

mod common;

use encyclint::linter::{self, Context};
use encyclint::parse::{self, ParseOptions};
use encyclint::report::{self, human};
use encyclint::schema::Policy;
use encyclint::settings::Settings;
use encyclint::source::{Format, SourceFile};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};

fn config(cases: u32) -> Config {
    Config {
        cases,
        rng_seed: RngSeed::Fixed(0x0e6c_1c11),
        failure_persistence: None,
        max_shrink_iters: 2_000,
        ..Config::default()
    }
}

const FRAGMENTS: &[&str] = &[
    "# Title\n",
    "## Section\n",
    "### Sub [edit]\n",
    "###### Deep\n",
    "Defense CooperationEdit\n",
    "Title [edit]\n",
    "Controversies and debates\n",
    "See also\n",
    "References\n",
    "Lead text. See A and B.\n",
    "See X, Y, and Z.\n",
    "See also Pride and Prejudice.\n",
    "Main article: History\n",
    "- **Label**: body. See [[Wiki|why]].\n",
    "- Label: body text.\n",
    "• bullet entry\n",
    "1. Numbered: entry.\n",
    "Critics: argue it fails.\n",
    "Supporters: say it works.\n",
    "> quote\n",
    "> > nested quote\n",
    "  - indented\n",
    "```\ncode\n```\n",
    "| a | b |\n|---|---|\n| 1 | 2 |\n",
    "[link](Other_Article.md#h) and ![img](x.png)\n",
    "Footnote[^1].\n\n[^1]: note\n",
    "---\ntitle: x\n---\n",
    "U.S. role: Dr. Smith met J. F. Kennedy.\n",
    "\n",
    "\r\n",
    "\r",
    "\u{feff}",
    "\x1b[31m",
    "\u{202e}",
    "é",
    "日本語",
    "👍🏽",
    "\t",
    ":",
    "See ",
    " and ",
    ", ",
    "*",
    "**",
    "_",
    "`",
    "[[",
    "]]",
    "[",
    "](",
    ")",
    "<",
    ">",
    "&amp;",
    "&#1234;",
    "\\",
    "Edit",
    "...",
    "?!",
];

fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => prop::sample::select(FRAGMENTS).prop_map(str::to_string),
        2 => "[A-Za-z .,:;]{0,30}",
        1 => prop::collection::vec(any::<char>(), 0..12).prop_map(String::from_iter),
    ]
}

fn article() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..40).prop_map(|v| v.concat())
}

fn format() -> impl Strategy<Value = Format> {
    prop_oneof![Just(Format::Text), Just(Format::Markdown)]
}

fn source(text: &str, format: Format) -> SourceFile {
    let name = if format == Format::Markdown {
        "p.md"
    } else {
        "p.txt"
    };
    SourceFile::new(name, text, format)
}

fn policy() -> &'static Policy {
    static P: std::sync::OnceLock<Policy> = std::sync::OnceLock::new();
    P.get_or_init(Policy::builtin)
}

/// Everything a run prints for one file: human (with colour), JSON and the
/// file's part of the HTML page.
fn full_output(src: &SourceFile) -> (String, String, String) {
    let settings = Settings::default();
    let cx = Context {
        settings: &settings,
        policy: policy(),
        titles: None,
    };
    let linted = linter::lint(src, &cx).expect("built-in policy evaluates");
    let human: String = linted
        .diagnostics
        .iter()
        .map(|d| human::render(src, d, true, 100))
        .collect();
    let charts = report::html::ArticleCharts::of(&linted.article, src);
    let located = report::locate(src, linted.diagnostics);
    let json: Vec<_> = located
        .iter()
        .map(|l| report::json::diagnostic_json(&src.path, l))
        .collect();
    let html = report::html::render_file(&src.path, Some(src), &located, Some(&charts), false);
    (human, serde_json::to_string(&json).unwrap(), html)
}

/// The tags a file's part of the HTML page is made of.
const HTML_TAGS: &[&str] = &[
    "h3",
    "h4",
    "p",
    "div",
    "section",
    "article",
    "span",
    "a",
    "pre",
    "mark",
    "sup",
    "ul",
    "li",
    "strong",
    "figure",
    "figcaption",
    "svg",
    "title",
    "desc",
    "rect",
    "line",
    "text",
    "g",
];

/// Whether every `<` of `html` opens or closes one of [`HTML_TAGS`], and no
/// control or direction character is written raw.
fn html_is_inert(html: &str) -> Result<(), String> {
    for piece in html.split('<').skip(1) {
        let name: String = piece
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        if !HTML_TAGS.contains(&name.as_str()) {
            return Err(format!(
                "markup from the article: <{}",
                piece.chars().take(20).collect::<String>()
            ));
        }
    }
    match html
        .chars()
        .find(|c| human::is_dangerous(*c) && !matches!(c, '\n' | '\t'))
    {
        Some(c) => Err(format!("raw U+{:04X}", c as u32)),
        None => Ok(()),
    }
}

proptest! {
    #![proptest_config(config(1024))]

    /// Parsing never panics, and every span of every node (sentences and
    /// references included) lies in the source, on char boundaries, and every
    /// sentence and reference lies inside its block.
    #[test]
    fn spans_lie_in_the_source_and_sentences_in_their_block(text in article(), format in format()) {
        let src = source(&text, format);
        let article = parse::parse(&src, &ParseOptions::default());
        let model = serde_json::to_value(&article).unwrap();
        if let Err(e) = common::check_model(&text, &model) {
            prop_assert!(false, "{}", e);
        }
        prop_assert!(common::json_depth(&model) <= common::MODEL_MAX_JSON_DEPTH);
    }

    /// Arbitrary Unicode (not article-shaped) parses too.
    #[test]
    fn arbitrary_unicode_parses(text in any::<String>(), format in format()) {
        let src = source(&text, format);
        let article = parse::parse(&src, &ParseOptions::default());
        let model = serde_json::to_value(&article).unwrap();
        if let Err(e) = common::check_model(&text, &model) {
            prop_assert!(false, "{}", e);
        }
    }
}

proptest! {
    #![proptest_config(config(256))]

    /// Linting is deterministic (same input, same human, JSON and HTML output),
    /// every diagnostic span is in the source, rendering never lets an escape
    /// character through unless colour was asked for, and the HTML holds only
    /// the page's own markup.
    #[test]
    fn lint_output_is_deterministic_and_in_bounds(text in article(), format in format()) {
        let src = source(&text, format);
        let settings = Settings::default();
        let cx = Context { settings: &settings, policy: policy(), titles: None };
        let linted = linter::lint(&src, &cx).unwrap();
        if let Err(e) = common::check_diagnostics(&text, &linted.diagnostics) {
            prop_assert!(false, "{}", e);
        }
        for d in &linted.diagnostics {
            let plain = human::render(&src, d, false, 100);
            prop_assert!(!plain.contains('\x1b'), "raw escape in {:?}", plain);
        }
        let first = full_output(&src);
        if let Err(e) = html_is_inert(&first.2) {
            prop_assert!(false, "{}", e);
        }
        let second = full_output(&source(&text, format));
        prop_assert_eq!(first, second);
    }
}

/// The model stays shallow however deep the input nests: six heading levels
/// (plus a level-1 section after the title), and containers nested 10,000 deep.
#[test]
fn model_depth_is_bounded() {
    let headings =
        "# T\n\nLead.\n\n# A\n## B\n### C\n#### D\n##### E\n###### F\n\n- **L**: body. See X.\n";
    let inputs = [
        headings.to_string(),
        format!("# T\n\n{}deep. See X.\n", "> ".repeat(10_000)),
        format!("# T\n\n{}deep. See X.\n", "- ".repeat(10_000)),
        format!("# T\n\n{}deep\n", "> 1. - ".repeat(3_000)),
    ];
    let mut deepest = 0;
    for text in &inputs {
        let src = source(text, Format::Markdown);
        let article = parse::parse(&src, &ParseOptions::default());
        let model = serde_json::to_value(&article).unwrap();
        common::check_model(text, &model).unwrap();
        deepest = deepest.max(common::json_depth(&model));
    }
    assert!(deepest <= common::MODEL_MAX_JSON_DEPTH, "{deepest}");
    assert!(deepest >= 17, "the heading chain nests: {deepest}");
}
