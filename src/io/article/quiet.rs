//! Panics inside the PDF reader, kept off the terminal. pdf-extract and lopdf still panic on some
//! damaged files; the import catches the panic and tells the user the PDF is damaged, so the
//! panic message printed to stderr as well is only noise.
//!
//! The panic hook is global, and other threads (the window, other imports, tests) must keep
//! theirs: a wrapper is installed once that stays silent only on a thread that is inside
//! [`quietly`] and otherwise hands the panic to the hook that was there before.

use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::OnceLock;

thread_local! {
    /// Whether this thread is inside [`quietly`].
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f`, catching a panic in it as `Err(message)` without printing it.
pub(super) fn quietly<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    static INSTALLED: OnceLock<()> = OnceLock::new();
    INSTALLED.get_or_init(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Cell::get) {
                previous(info);
            }
        }));
    });
    let was = QUIET.with(|q| q.replace(true));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    QUIET.with(|q| q.set(was));
    result.map_err(|panic| {
        panic
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default()
    })
}

#[cfg(test)]
mod tests {
    use super::quietly;

    #[test]
    fn a_panic_inside_becomes_its_message_and_the_value_passes_through() {
        assert_eq!(quietly(|| 7), Ok(7));
        let caught = quietly(|| -> u8 { panic!("bad xref at {}", 12) });
        assert_eq!(caught, Err("bad xref at 12".to_owned()));
    }
}
