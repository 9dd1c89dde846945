//! B002 unbalanced-coverage.

use crate::declare_rule;

use crate::model::Stance;
use crate::rules::balance::{Judged, criticism_heading, judged, own_voice_replies};
use crate::rules::{Findings, RuleContext};

declare_rule! {
    /// ## What it does
    /// Flags a controversy section in which one side holds more than two thirds of the words attributed to the sides.
    ///
    /// Words are counted per voice: a sentence in which only the critics speak gives
    /// them all its words; a sentence in which both speak (`critics argue ...;
    /// supporters respond ...`) gives each side the words of its own clause. Sentences
    /// with no attributed side do not count. A section is judged once it has at least
    /// three attributed sentences and both sides speak (one side alone is B001).
    ///
    /// ## Why is this bad?
    /// Due weight: the space an article gives each view should follow its weight in
    /// reliable sources, not the author's sympathies. A debate where one side gets a
    /// clause and the other a paragraph reads as a verdict.
    ///
    /// ## Example
    /// ```text
    /// Debates
    /// Costs: Critics argue that it is dear. Supporters respond that budgets are transparent, that costs fall over time, that allies share them and that the alternative, unilateral spending, costs far more in every scenario studied.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// Costs: Critics argue that it is dear and that savings are overstated. Supporters respond that costs fall over time and allies share them.
    /// ```
    ///
    /// ## How to fix
    /// Give each view the room its sources give it: shorten the dominant side or state
    /// the other side's argument as fully.
    ///
    /// ## Options
    /// - `balance.max_share` (default 0.667): the largest share of attributed words one side may hold.
    /// - `balance.min_sentences` (default 3): the fewest attributed sentences before a section is judged.
    ///
    /// ## Guideline
    /// WP:NPOV, "Due and undue weight" (WP:DUE) and "Balancing aspects" (WP:BALASPS).
    pub UnbalancedCoverage {
        code: "B002",
        name: "unbalanced-coverage",
        family: Balance,
        severity: Warning,
        fix: None,
        since: "0.1.0",
        check: Some(check),
    }
}

fn check(cx: &RuleContext<'_>, out: &mut Findings<'_>) {
    let opts = &cx.settings.balance;
    let title = cx.article.title.as_ref().map_or("", |t| t.text.as_str());
    for s in cx.article.sections_flat() {
        let f = &s.facts.balance;
        // Reviews are weighed by the critical consensus, not by word counts.
        if matches!(judged(s, title), Judged::No | Judged::Reception)
            || f.attributed_sentences < opts.min_sentences
            || f.pro_words == 0
            || f.con_words == 0
        {
            continue;
        }
        // The article's own answers (`However, ...`) count for the side they answer for.
        let (_, own_pro_words, _, own_con_words) = own_voice_replies(s);
        let mut f = f.clone();
        f.pro_words += own_pro_words;
        f.con_words += own_con_words;
        let f = &f;
        let total = f.pro_words + f.con_words;
        let side = if f.pro_words >= f.con_words {
            Stance::Pro
        } else {
            Stance::Con
        };
        // A section headed as criticism promises the critics most of its
        // room: its fault would be no reply at all (B001), not the critics'
        // share. The defence taking it over is still flagged.
        if side == Stance::Con && criticism_heading(&s.heading.text) {
            continue;
        }
        let share = f.words(side) as f64 / total as f64;
        if share <= opts.max_share {
            continue;
        }
        out.push(
            UnbalancedCoverage::META
                .diag(
                    s.heading.text_span,
                    format!(
                        "the {} hold {} of {} attributed words ({:.0}%) in controversy section `{}`: {} pro and {} con sentences",
                        side.people(),
                        f.words(side),
                        total,
                        share * 100.0,
                        s.heading.text,
                        f.pro_sentences,
                        f.con_sentences
                    ),
                )
                .with_label(format!("the {} dominate this debate", side.people()))
                .with_help(format!(
                    "give the {} room in proportion to their weight in sources (limit: {:.0}% for one side)",
                    side.other().people(),
                    opts.max_share * 100.0
                )),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::balance::test_support::{assert_clean, assert_fires};
    use crate::source::Format;

    #[test]
    fn fires_when_one_side_dominates() {
        let t = "Plan\nThe plan is a policy.\nCriticism\nCritics argue that it is dear. Supporters respond that budgets are transparent, that costs fall over time, that allies share them and that unilateral spending costs far more in every scenario studied by the ministry. Proponents add that the savings are large and growing across the whole alliance every year.\n";
        let d = assert_fires(Format::Text, t, "B002", 3);
        assert!(d.message.contains("the proponents hold"), "{}", d.message);
    }

    #[test]
    fn critics_may_hold_a_criticism_section() {
        let t = "Plan\nThe plan is a policy.\nCriticism\nSupporters respond that it pays. Critics argue that budgets are opaque, that costs rise over time, that allies dodge them and that unilateral spending is cheaper in every scenario studied by the ministry. Opponents add that the losses are large and growing across the whole alliance every year.\n";
        assert_clean(Format::Text, t, "B002");
        let t = t.replace("Criticism\n", "Debate\n");
        assert_fires(Format::Text, &t, "B002", 3);
    }

    #[test]
    fn clean_when_balanced_or_too_small() {
        let t = "Plan\nThe plan is a policy.\nCriticism\nCritics argue that it is dear and wasteful. Supporters respond that it pays for itself. Critics warn that it fails often.\n";
        assert_clean(Format::Text, t, "B002");
        let t = "Plan\nThe plan is a policy.\nCriticism\nCritics argue that it is dear. Supporters respond that budgets are transparent, that costs fall over time, that allies share them and that unilateral spending costs far more.\n";
        assert_clean(Format::Text, t, "B002");
        let md = "# Plan\n\nThe plan.\n\n## Criticism\n\nCritics argue that it is dear and wasteful. Supporters respond that it pays for itself. Critics warn that it fails often.\n";
        assert_clean(Format::Markdown, md, "B002");
    }
}
