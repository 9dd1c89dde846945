//! The integration tests, one binary (ripgrep style).

// Every article under fixtures/ against its `.expect` sidecar, through the real binary.
mod fixtures;
// The command line: exit codes, stdin, formats, parse/schema/rules/explain.
mod cli;
// The registry against the README, the schema and the fixtures.
mod registry;
// Shared helpers.
mod util;
