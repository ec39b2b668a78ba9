//! The headless commands: `warrant check`, `compare`, `rubric`, `new`, `export` and `import`,
//! one file each. Each returns the process exit code.

mod check;
pub mod class;
mod compare;
mod export;
mod import;
mod new;

pub use check::{FileReport, ReportedProblem, check, check_file, summary_line};
pub use compare::{CompareOutput, ComparisonReport, compare, comparison_text};
pub use export::{ExportRequest, FrameTheme, export};
pub use import::{ImportFrom, import};
pub use new::new_map;

use crate::io;
use crate::model::Map;
use crate::output::warn;
use std::path::Path;

/// Exit codes of `warrant check`.
pub mod exit {
    /// Every map is clean.
    pub const CLEAN: i32 = 0;
    /// A map has problems (quotes that do not match, altered sources).
    pub const PROBLEMS: i32 = 1;
    /// A file could not be read as a map (or another usage error).
    pub const UNREADABLE: i32 = 2;
}

/// The map at `path`; when it cannot be read, says why and gives the exit code to return.
fn load_map(path: &Path) -> Result<Map, i32> {
    io::load(path).map_err(|e| {
        warn(&format!("warrant: {e}"));
        exit::UNREADABLE
    })
}

/// Writes `map` to `out` as a new file (over an existing one only with `force`); when it cannot,
/// says why and gives the exit code to return.
fn write_map(out: &Path, map: &Map, force: bool) -> Result<(), i32> {
    let fail = |e: &dyn std::fmt::Display| {
        warn(&format!("warrant: {e}"));
        exit::UNREADABLE
    };
    let bytes = io::map_to_json(map).map_err(|e| fail(&e))?;
    let saved = if force {
        io::write_atomic(out, &bytes, true)
    } else {
        io::write_new(out, &bytes)
    };
    saved.map_err(|e| fail(&e))
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Prints `value` as pretty JSON; if it cannot be written as JSON, says so and returns the exit
/// code for it.
pub(crate) fn say_json_value<T: serde::Serialize + ?Sized>(value: &T) -> Result<(), i32> {
    match serde_json::to_string_pretty(value) {
        Ok(s) => {
            crate::output::say_json(&s);
            Ok(())
        }
        Err(e) => {
            warn(&format!("warrant: cannot write JSON: {e}"));
            Err(exit::UNREADABLE)
        }
    }
}
