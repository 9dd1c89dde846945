//! A byte automaton over the keys of the fst: the did-you-mean search.

use fst::Automaton;

/// A byte automaton: the prefix (the first character) exactly, then the rest
/// of the loose key within `max` optimal-string-alignment edits, to the end
/// of the key.
pub(super) struct Fuzzy {
    pub(super) prefix: Vec<u8>,
    pub(super) rest: Vec<u8>,
    pub(super) max: u8,
}

#[derive(Clone)]
pub(super) enum FuzzyState {
    Prefix(usize),
    Dp {
        prev: Vec<u8>,
        row: Vec<u8>,
        last: u8,
    },
    Dead,
}

impl Automaton for Fuzzy {
    type State = FuzzyState;

    fn start(&self) -> FuzzyState {
        if self.prefix.is_empty() {
            self.first_row()
        } else {
            FuzzyState::Prefix(0)
        }
    }

    fn is_match(&self, state: &FuzzyState) -> bool {
        matches!(state, FuzzyState::Dp { row, .. } if row.last().is_some_and(|&d| d <= self.max))
    }

    fn can_match(&self, state: &FuzzyState) -> bool {
        match state {
            FuzzyState::Dead => false,
            FuzzyState::Dp { row, .. } => row.iter().any(|&d| d <= self.max),
            FuzzyState::Prefix(_) => true,
        }
    }

    fn accept(&self, state: &FuzzyState, byte: u8) -> FuzzyState {
        let cap = self.max.saturating_add(1);
        match state {
            FuzzyState::Prefix(i) => {
                if self.prefix.get(*i) != Some(&byte) {
                    FuzzyState::Dead
                } else if i + 1 == self.prefix.len() {
                    self.first_row()
                } else {
                    FuzzyState::Prefix(i + 1)
                }
            }
            FuzzyState::Dp { prev, row, last } => {
                let q = &self.rest;
                let mut next = vec![0u8; row.len()];
                next[0] = row[0].saturating_add(1).min(cap);
                for j in 1..row.len() {
                    let cost = u8::from(q[j - 1] != byte);
                    let mut v = row[j]
                        .saturating_add(1)
                        .min(next[j - 1].saturating_add(1))
                        .min(row[j - 1].saturating_add(cost));
                    if j > 1 && byte == q[j - 2] && *last == q[j - 1] && *last != 0 {
                        v = v.min(prev[j - 2].saturating_add(1));
                    }
                    next[j] = v.min(cap);
                }
                FuzzyState::Dp {
                    prev: row.clone(),
                    row: next,
                    last: byte,
                }
            }
            FuzzyState::Dead => FuzzyState::Dead,
        }
    }
}

impl Fuzzy {
    fn first_row(&self) -> FuzzyState {
        let cap = self.max.saturating_add(1);
        let row: Vec<u8> = (0..=self.rest.len())
            .map(|j| u8::try_from(j).unwrap_or(u8::MAX).min(cap))
            .collect();
        FuzzyState::Dp {
            prev: row.clone(),
            row,
            last: 0,
        }
    }
}
