//! Accuracy floors: how well encyclint reads real text (see docs/accuracy.md).
//!
//! `cargo run --release --example accuracy` prints the figures and the misses
//! grouped by class. The FOLDOC set is in `fixtures/accuracy/`; the heading
//! pairs come from `../shared/corpus` and are skipped, loudly, without it.

use encyclint::source::Format;
use std::io::Write;

#[path = "support/accuracy.rs"]
mod accuracy;
#[path = "support/headings.rs"]
mod headings;

/// FOLDOC `See` targets, recall and precision, with and without the index.
const SEE_FLOOR: f64 = 0.97;
/// Identical heading sequences, plain text against Markdown, 147 wiki pairs.
const WIKI_HEADINGS_FLOOR: f64 = 0.86;
/// The same, on the first 600 benchmark pairs.
const BENCH_HEADINGS_FLOOR: f64 = 0.88;

/// Hand-adjudicated headings (benchmark articles past the first 600): share
/// of articles whose heading lines are exactly right, and heading precision
/// and recall, over the first 120 (halves `dev` and `held`).
const ADJUDICATED_FLOOR: (f64, f64, f64) = (0.87, 0.98, 0.99);
/// The same over all 160, with the 40 adjudicated in session 13 (halves
/// `dev2` and `held2`).
const ADJUDICATED_ALL_FLOOR: (f64, f64, f64) = (0.84, 0.98, 0.99);

/// Stance toward the subject on the 629 labelled sentences of real debate
/// sections: (side, precision floor, recall floor). Issue 18's goal is 0.85
/// and 0.70; these floors hold what is reached (docs/accuracy.md).
const STANCE_FLOORS: [(&str, f64, f64); 2] = [("pro", 0.84, 0.68), ("con", 0.87, 0.65)];
/// Set c (`stance-dev-c.tsv`, 28 other articles, labelled in session 16):
/// far below the first set, which earlier passes were tuned on.
const STANCE_C_FLOORS: [(&str, f64, f64); 2] = [("pro", 0.64, 0.31), ("con", 0.71, 0.44)];

fn skipped(what: &str) {
    // Straight to stderr, past the test harness's capture: a skip must be seen.
    let _ = writeln!(
        std::io::stderr(),
        "SKIPPED {what}: ../shared/corpus not found"
    );
}

#[test]
fn see_targets_on_foldoc() {
    let rows = accuracy::foldoc_rows();
    assert_eq!(
        rows.len(),
        1257,
        "the FOLDOC set has 1,257 labelled sentences"
    );
    let index = accuracy::foldoc_index();
    for (label, ix) in [("without an index", None), ("with the index", Some(&index))] {
        let r = accuracy::see_report(&rows, ix);
        assert!(
            r.recall() >= SEE_FLOOR && r.precision() >= SEE_FLOOR,
            "See targets {label}: recall {:.3}, precision {:.3} (floor {SEE_FLOOR}); \
             `cargo run --release --example accuracy` lists the misses",
            r.recall(),
            r.precision()
        );
    }
}

fn heading_rate(pairs: &[(String, String, String)]) -> accuracy::HeadingReport {
    let mut r = accuracy::HeadingReport::default();
    for (name, txt, md) in pairs {
        r.add(name, txt, md);
    }
    r
}

#[test]
fn plain_text_headings_on_the_wiki_pairs() {
    let Some(pairs) = accuracy::wiki_pairs() else {
        skipped("plain_text_headings_on_the_wiki_pairs");
        return;
    };
    assert_eq!(pairs.len(), 147);
    let r = heading_rate(&pairs);
    assert!(
        r.rate() >= WIKI_HEADINGS_FLOOR,
        "{} of {} wiki pairs read the same headings (floor {WIKI_HEADINGS_FLOOR})",
        r.identical,
        r.pairs
    );
}

#[test]
fn plain_text_headings_on_the_benchmark_pairs() {
    let Some(pairs) = accuracy::benchmark_pairs(Some(600)) else {
        skipped("plain_text_headings_on_the_benchmark_pairs");
        return;
    };
    assert_eq!(pairs.len(), 600);
    let r = heading_rate(&pairs);
    assert!(
        r.rate() >= BENCH_HEADINGS_FLOOR,
        "{} of {} benchmark pairs read the same headings (floor {BENCH_HEADINGS_FLOOR})",
        r.identical,
        r.pairs
    );
}

#[test]
fn markdown_hatnotes_are_reported_apart() {
    // The Markdown's cross-reference hatnotes are set apart, the heading
    // `See also` and a heading that merely mentions seeing are not.
    assert!(accuracy::is_hatnote(
        "See the alkane heat of formation table for detailed data"
    ));
    assert!(accuracy::is_hatnote(
        "For similar agencies elsewhere, see the list of national public health agencies"
    ));
    assert!(!accuracy::is_hatnote("See also"));
    assert!(!accuracy::is_hatnote("Seeing the light"));
    assert!(!accuracy::is_hatnote("For the record"));
    let mut r = accuracy::HeadingReport::default();
    let md = "# A\n\nText.\n\n## History\n\nText.\n\n## See the table for data\n\nText.\n";
    r.add(
        "a",
        "A\nText.\nHistory\nText.\nSee the table for data\nText.\n",
        md,
    );
    assert_eq!((r.identical, r.hatnote_only), (0, 1));
    assert_eq!(r.rate(), 0.0);
    assert_eq!(r.rate_without_notices(), 1.0);
}

#[test]
fn plain_text_headings_on_the_adjudicated_set() {
    let set = headings::adjudicated();
    assert_eq!(set.len(), 160, "the adjudicated set has 160 articles");
    let Some(r) = headings::report() else {
        skipped("plain_text_headings_on_the_adjudicated_set");
        return;
    };
    let first = r.by_half["dev"].plus(r.by_half["held"]);
    assert_eq!(first.articles, 120);
    for (label, f, (exact, precision, recall)) in [
        ("the first 120", first, ADJUDICATED_FLOOR),
        ("all 160", r.by_half["all"], ADJUDICATED_ALL_FLOOR),
    ] {
        assert!(
            f.rate() >= exact && f.precision() >= precision && f.recall() >= recall,
            "adjudicated headings, {label}: {} of {} articles exact (floor {exact}), precision \
             {:.3} (floor {precision}), recall {:.3} (floor {recall}); `cargo run --release \
             --example accuracy` lists the misses",
            f.exact,
            f.articles,
            f.precision(),
            f.recall()
        );
    }
}

#[test]
fn stance_on_real_debate_sentences() {
    let rows = accuracy::stance_rows();
    assert!(rows.len() >= 600, "the stance set has {} rows", rows.len());
    assert_stance_floors("stance", &rows, STANCE_FLOORS);
}

/// Precision and recall of each side on `rows` at or above their floors.
fn assert_stance_floors(set: &str, rows: &[accuracy::StanceRow], floors: [(&str, f64, f64); 2]) {
    let r = accuracy::stance_report(rows);
    for (side, p_floor, r_floor) in floors {
        let (p, rec) = r.of(side);
        assert!(
            p >= p_floor && rec >= r_floor,
            "{set} {side}: precision {p:.3} (floor {p_floor}), recall {rec:.3} (floor {r_floor})"
        );
    }
}

#[test]
fn stance_on_set_c() {
    let rows = accuracy::stance_rows_of("stance-dev-c.tsv").expect("stance-dev-c.tsv");
    assert!(rows.len() >= 300, "set c has {} rows", rows.len());
    assert_stance_floors("set c, stance", &rows, STANCE_C_FLOORS);
}

#[test]
fn balance_rules_on_written_debates() {
    // (kind, findings it must get, floor of cases that get them).
    let seen = accuracy::debate_table();
    let rate = |k: &str| seen.get(k).map_or(0.0, |(ok, n)| *ok as f64 / *n as f64);
    assert!(
        rate("one-sided") >= 0.95,
        "one-sided sections with B001: {seen:?}"
    );
    assert!(
        rate("last-word") >= 0.95,
        "last-word asymmetries with B003: {seen:?}"
    );
    assert!(
        rate("balanced") >= 0.95,
        "balanced sections with no B001-B003: {seen:?}"
    );
}

/// Floors of the share of cases as expected in the written debates inserted
/// into real host articles, by kind: set c (read while fixing) and set d
/// (kept unread), in both formats. The acceptance asks 0.90, 0.90 and 0.95;
/// these hold what session 18 reached (docs/accuracy.md).
const HOSTED_FLOORS: [(&str, [(&str, f64); 3]); 2] = [
    (
        "debates-c.tsv",
        [("one-sided", 0.90), ("last-word", 0.65), ("balanced", 0.90)],
    ),
    (
        "debates-d.tsv",
        [("one-sided", 0.85), ("last-word", 0.35), ("balanced", 1.0)],
    ),
];

#[test]
fn balance_rules_on_debates_in_real_articles() {
    for (file, floors) in HOSTED_FLOORS {
        let debates = accuracy::hosted_debates(file);
        assert_eq!(debates.len(), 60, "{file}");
        for format in [Format::Markdown, Format::Text] {
            let Some((seen, wrong)) = accuracy::hosted_table(&debates, format) else {
                skipped("the host articles of ../shared/corpus/wiki");
                return;
            };
            for (kind, floor) in floors {
                let rate = seen.get(kind).map_or(0.0, |(ok, n)| *ok as f64 / *n as f64);
                assert!(
                    rate >= floor,
                    "{file} ({format:?}), {kind}: {rate:.2} < {floor}; not as expected: {wrong:?}"
                );
            }
        }
    }
}

#[test]
fn words_to_watch_on_labelled_sentences() {
    let rows = accuracy::watch_rows();
    assert!(
        rows.len() >= 1800,
        "the words-to-watch set has {} rows",
        rows.len()
    );
    let r = accuracy::watch_report(&rows);
    // Sentences an editor would flag (real and after the Manual of Style).
    assert!(r.recall_all() >= 0.65, "recall {:.3}", r.recall_all());
    // Neutral real sentences that hold a trigger word in another sense, and
    // plain neutral sentences: how many are flagged.
    assert!(
        r.false_rate("hard") <= 0.02,
        "hard neutral flagged {:.3}",
        r.false_rate("hard")
    );
    assert!(
        r.false_rate("plain") <= 0.01,
        "plain neutral flagged {:.3}",
        r.false_rate("plain")
    );
}
