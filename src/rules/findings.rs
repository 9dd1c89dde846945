//! Where the schema and the rules put one file's findings, and the one place
//! they are put in order.
//!
//! [`Findings`] drops what the run does not report (a rule turned off, a
//! finding an inline comment suppresses) as it arrives, and holds at most
//! about twice the run's limit of findings a file (`--max-findings-per-file`):
//! when it holds that many it puts them in order and keeps the first `limit`,
//! counting the rest in an [`Overflow`]. A file with a million unresolved
//! references so costs memory for the limit, not for the million, and what is
//! reported is exactly the first `limit` findings of the whole file in report
//! order, the same as with no limit.

use std::collections::BTreeMap;

use crate::diagnostic::{Diagnostic, Severity};
use crate::settings::Settings;
use crate::span::Span;

/// What a finding must pass to be kept: `false` drops it (an inline suppression).
pub type Gate<'a> = &'a mut dyn FnMut(&Diagnostic) -> bool;

/// The findings of one file, as the schema and the rules emit them.
pub struct Findings<'a> {
    items: Vec<Diagnostic>,
    settings: &'a Settings,
    text: &'a str,
    limit: Option<usize>,
    gate: Option<Gate<'a>>,
    overflow: Overflow,
    /// After a compaction that left `limit` findings: where the last of them
    /// starts. A finding that starts after it can never be shown.
    frontier: Option<usize>,
}

/// The findings past the limit: not kept, counted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overflow {
    /// How many.
    pub count: usize,
    /// How many of each code.
    pub by_code: BTreeMap<String, usize>,
    /// The most severe of them.
    pub severity: Option<Severity>,
    /// Where the first of them is (in report order).
    pub first: Option<Span>,
}

impl Overflow {
    fn add(&mut self, d: &Diagnostic) {
        self.count += 1;
        *self.by_code.entry(d.code.clone()).or_default() += 1;
        self.severity = self.severity.max(Some(d.severity));
        self.first = Some(self.first.map_or(d.span, |f| f.min(d.span)));
    }
}

impl<'a> Findings<'a> {
    /// Findings of a file with source `text`, under `settings` (its limit,
    /// which rules run and at what severity).
    #[must_use]
    pub fn new(settings: &'a Settings, text: &'a str) -> Self {
        Self {
            items: Vec::new(),
            settings,
            text,
            limit: settings.max_findings.get(),
            gate: None,
            overflow: Overflow::default(),
            frontier: None,
        }
    }

    /// Findings that must also pass `gate` (inline suppressions).
    #[must_use]
    pub fn with_gate(mut self, gate: Gate<'a>) -> Self {
        self.gate = Some(gate);
        self
    }

    /// Add a finding, unless its rule is off or the gate drops it.
    pub fn push(&mut self, d: Diagnostic) {
        if !self.settings.enabled(&d.code) {
            return;
        }
        if let Some(gate) = self.gate.as_mut()
            && !gate(&d)
        {
            return;
        }
        self.items.push(d);
        if let Some(limit) = self.limit
            && self.items.len() >= limit.saturating_mul(2).max(64)
        {
            self.compact(limit);
        }
    }

    /// Add each finding as by [`Findings::push`].
    pub fn extend(&mut self, ds: impl IntoIterator<Item = Diagnostic>) {
        for d in ds {
            self.push(d);
        }
    }

    /// Whether a finding that starts at byte `start` is surely past the limit,
    /// so never shown: a rule may then skip costly work on it (suggestions)
    /// and push it plain, to be counted.
    #[must_use]
    pub fn past_limit(&self, start: usize) -> bool {
        self.frontier.is_some_and(|f| start > f)
    }

    /// Put the findings in order and keep the first `limit`.
    fn compact(&mut self, limit: usize) {
        let items = finish(std::mem::take(&mut self.items), self.settings, self.text);
        self.items = items;
        if self.items.len() > limit {
            for d in &self.items[limit..] {
                self.overflow.add(d);
            }
            self.items.truncate(limit);
        }
        if self.items.len() == limit {
            self.frontier = self.items.last().map(|d| d.span.start());
        }
    }

    /// The findings in report order, at most the limit, and what was left out.
    #[must_use]
    pub fn into_sorted(mut self) -> (Vec<Diagnostic>, Overflow) {
        match self.limit {
            Some(limit) => self.compact(limit),
            None => {
                self.items = finish(std::mem::take(&mut self.items), self.settings, self.text);
            }
        }
        (self.items, self.overflow)
    }
}

/// Apply settings (enabled, severity), clamp spans, sort by offset, code and
/// message, and drop repeats: report order. Applying it twice changes nothing.
#[must_use]
pub fn finish(diagnostics: Vec<Diagnostic>, settings: &Settings, text: &str) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> = diagnostics
        .into_iter()
        .filter(|d| settings.enabled(&d.code))
        .map(|mut d| {
            d.severity = settings.severity(&d.code, d.severity);
            d.span = d.span.clamp_to(text);
            for l in &mut d.labels {
                l.span = l.span.clamp_to(text);
            }
            d
        })
        .collect();
    out.sort_by(|a, b| {
        (a.span.start(), &a.code, &a.message).cmp(&(b.span.start(), &b.code, &b.message))
    });
    out.dedup_by(|a, b| a.span == b.span && a.code == b.code && a.message == b.message);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::FindingsLimit;

    fn finding(code: &str, at: usize) -> Diagnostic {
        Diagnostic::new(
            code,
            "x",
            Severity::Warning,
            Span::at(at, 1),
            format!("at {at}"),
        )
    }

    fn run(limit: usize, order: impl Iterator<Item = usize>) -> (Vec<usize>, Overflow) {
        let settings = Settings {
            max_findings: FindingsLimit::new(limit),
            ..Settings::default()
        };
        let text = "x".repeat(10_000);
        let mut f = Findings::new(&settings, &text);
        for at in order {
            f.push(finding("R001", at));
        }
        let (kept, over) = f.into_sorted();
        (kept.iter().map(|d| d.span.start()).collect(), over)
    }

    #[test]
    fn the_first_findings_in_report_order_are_kept_and_the_rest_counted() {
        // 1,000 findings in reverse order, limit 10: compacted many times.
        let (kept, over) = run(10, (0..1000).rev());
        assert_eq!(kept, (0..10).collect::<Vec<_>>());
        assert_eq!(over.count, 990);
        assert_eq!(over.by_code.get("R001"), Some(&990));
        assert_eq!(over.first.map(|s| s.start()), Some(10));
        assert_eq!(over.severity, Some(Severity::Warning));
    }

    #[test]
    fn past_the_limit_is_known_once_the_limit_is_full() {
        let settings = Settings {
            max_findings: FindingsLimit::new(10),
            ..Settings::default()
        };
        let text = "x".repeat(1000);
        let mut f = Findings::new(&settings, &text);
        for at in 100..164 {
            assert!(
                !f.past_limit(at),
                "nothing is past the limit before it fills"
            );
            f.push(finding("R001", at));
        }
        // Compacted at 64: the tenth finding starts at 109.
        assert!(!f.past_limit(109));
        assert!(f.past_limit(110));
        // An earlier finding still comes in and is kept.
        f.push(finding("R001", 5));
        let (kept, over) = f.into_sorted();
        assert_eq!(kept.first().map(|d| d.span.start()), Some(5));
        assert_eq!(kept.len(), 10);
        assert_eq!(over.count, 55);
    }

    #[test]
    fn under_the_limit_nothing_is_counted_and_no_limit_keeps_all() {
        let (kept, over) = run(10, 0..10);
        assert_eq!(kept.len(), 10);
        assert_eq!(over, Overflow::default());
        let (kept, over) = run(0, (0..1000).rev());
        assert_eq!(kept.len(), 1000);
        assert_eq!(over.count, 0);
    }

    #[test]
    fn repeats_are_dropped_before_the_limit_counts() {
        // The same finding 500 times and 5 others: 6 kept, none over.
        let (kept, over) = run(10, std::iter::repeat_n(3, 500).chain(10..15));
        assert_eq!(kept, vec![3, 10, 11, 12, 13, 14]);
        assert_eq!(over.count, 0);
    }

    #[test]
    fn a_gate_and_settings_drop_findings_as_they_come() {
        let mut settings = Settings::default();
        settings.ignore.insert("B005".to_string());
        let text = "x".repeat(100);
        let mut gate = |d: &Diagnostic| d.span.start() != 2;
        let mut f = Findings::new(&settings, &text).with_gate(&mut gate);
        for at in 0..5 {
            f.push(finding("R001", at));
            f.push(finding("B005", at));
        }
        let (kept, _) = f.into_sorted();
        let got: Vec<_> = kept
            .iter()
            .map(|d| (d.code.as_str(), d.span.start()))
            .collect();
        assert_eq!(
            got,
            vec![("R001", 0), ("R001", 1), ("R001", 3), ("R001", 4)]
        );
    }
}
