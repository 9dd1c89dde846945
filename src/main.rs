//! The `encyclint` binary: parse arguments, run, map the result to an exit code.
//! A closed pipe (`encyclint check . | head`) ends the run quietly.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;

/// mimalloc, not the system allocator: with glibc's per-thread arenas a run's resident memory
/// crept up with the number of files (fragmentation left by each article's model), 32 MB at 16
/// times the benchmark set against 21 MB at 1x; mimalloc returns freed pages to the system.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` in mimalloc's `mi_option_t` (the crate names only a few options and
/// documents passing the others by number; `tests::purge_delay_is_the_option_we_mean` checks it).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Purge freed memory at once instead of after mimalloc's default delay (1 s): the run frees a
/// whole article's model at a time, and a delayed purge keeps it resident (27.7 MB against
/// 20.1 MB on the benchmark set, with no measurable cost in time).
#[allow(unsafe_code)]
fn tune_allocator() {
    // SAFETY: `mi_option_set` takes any option number and value; it is not thread-safe, and
    // this runs first in `main`, before any other thread exists.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0) };
}

fn main() -> ExitCode {
    tune_allocator();
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

#[cfg(test)]
mod tests {
    use super::*;

    /// mimalloc's default purge delay is 1000 ms: if the option numbering ever moved, the number
    /// would name another option, with another default.
    #[test]
    #[allow(unsafe_code)]
    fn purge_delay_is_the_option_we_mean() {
        // SAFETY: reading an option is always allowed.
        let before = unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) };
        assert_eq!(before, 1000);
        tune_allocator();
        // SAFETY: as above.
        assert_eq!(
            unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) },
            0
        );
    }
}
