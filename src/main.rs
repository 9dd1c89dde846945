//! The `encyclint` binary: parse arguments, run, map the result to an exit code.
//! A closed pipe (`encyclint check . | head`) ends the run quietly.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = encyclint::cli::Cli::parse();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    // Not locked for the whole run: the progress bar writes to stderr from worker threads.
    let mut err = io::stderr();
    let result =
        encyclint::cli::run(cli, &mut out, &mut err).and_then(|code| out.flush().map(|()| code));
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            let reason = encyclint::source::io_reason(&e);
            let _ = writeln!(err, "error: cannot write output: {reason}");
            ExitCode::from(2)
        }
    }
}
