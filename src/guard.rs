//! Panic isolation for one file: a panic while checking an article becomes a
//! message for that file instead of a backtrace on the terminal.
//!
//! [`catch`] runs a closure under `catch_unwind` with a flag set for the current
//! thread. A process-wide panic hook, installed once, records the message and
//! location of a panic raised while that flag is set (on that thread) and prints
//! nothing; any other panic goes to the hook that was installed before, so
//! panics outside a check still report as usual. Stack overflows abort the
//! process and cannot be caught: the explicit stacks and depth limits in the
//! parsers are the guard against those.

use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe, PanicHookInfo};
use std::sync::Once;

thread_local! {
    static CAPTURING: Cell<bool> = const { Cell::new(false) };
    static LAST: RefCell<Option<String>> = const { RefCell::new(None) };
}

fn describe(info: &PanicHookInfo<'_>) -> String {
    let payload = info.payload();
    let msg = payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic payload".to_string());
    match info.location() {
        Some(l) => format!("{msg} (at {}:{})", l.file(), l.line()),
        None => msg,
    }
}

fn install_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if CAPTURING.with(Cell::get) {
                LAST.with(|l| *l.borrow_mut() = Some(describe(info)));
            } else {
                previous(info);
            }
        }));
    });
}

/// Run `f`; a panic inside it is returned as its message (with the source
/// location) and is not printed.
///
/// # Errors
/// The panic message when `f` panics.
pub fn catch<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    install_hook();
    let was = CAPTURING.with(|c| c.replace(true));
    LAST.with(|l| l.borrow_mut().take());
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    CAPTURING.with(|c| c.set(was));
    result.map_err(|_| {
        LAST.with(|l| l.borrow_mut().take())
            .unwrap_or_else(|| "panic without a message".to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::catch;

    #[test]
    fn a_panic_becomes_its_message() {
        assert_eq!(catch(|| 7), Ok(7));
        let e = catch(|| -> u8 { panic!("boom {}", 42) }).unwrap_err();
        assert!(e.starts_with("boom 42 (at src/guard.rs:"), "{e}");
        let e = catch(|| {
            let v: Vec<u8> = Vec::new();
            v[3]
        })
        .unwrap_err();
        assert!(e.contains("index out of bounds"), "{e}");
        // Nested use restores the outer state.
        let outer = catch(|| catch(|| -> () { panic!("inner") }).unwrap_err());
        assert!(outer.unwrap().starts_with("inner"));
    }
}
