//! Files: the versioned JSON map format, atomic saving, autosave and recovery, article import.

mod article;
mod error;
mod format;
mod recovery;
mod save;

pub use article::{
    Decoded, Imported, MAX_ARTICLE_BYTES, decode_article_bytes, import_article, source_from_bytes,
};
pub use error::{ImportError, LoadError, SaveError};
pub use format::{FORMAT, VERSION, map_from_json, map_to_json};
pub use recovery::{Autosave, Recovery};
pub use save::{backup_path, write_atomic, write_new};

use crate::model::Map;
use std::io::Read as _;
use std::path::Path;

/// The largest map file read: the five sample articles with thousands of cards come to about
/// 5 MB, so 64 MiB leaves room and refuses a stray video or disk image at once.
pub const MAX_MAP_BYTES: u64 = 64 * 1024 * 1024;

/// Reads a map file. Fails with a specific, human-readable [`LoadError`]; never panics.
pub fn load(path: &Path) -> Result<Map, LoadError> {
    let io = |source| LoadError::Io {
        path: path.to_owned(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    if size > MAX_MAP_BYTES {
        return Err(LoadError::TooLarge {
            path: path.to_owned(),
            size,
            limit: MAX_MAP_BYTES,
        });
    }
    let mut bytes = Vec::with_capacity(size as usize);
    // `take`: a file that grows while we read it is still bounded.
    file.take(MAX_MAP_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_MAP_BYTES {
        return Err(LoadError::TooLarge {
            path: path.to_owned(),
            size: bytes.len() as u64,
            limit: MAX_MAP_BYTES,
        });
    }
    map_from_json(&bytes, path)
}

/// Saves a map over `path` atomically, keeping the previous file as a backup.
pub fn save(path: &Path, map: &Map) -> Result<(), SaveError> {
    write_atomic(path, &map_to_json(map)?, true)
}
