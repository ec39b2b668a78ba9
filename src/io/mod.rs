//! Files: the versioned JSON map format, atomic saving, autosave and recovery, article import.

mod article;
mod error;
mod format;
mod read;
mod recovery;
mod save;

pub use article::{
    ARTICLE_EXTENSIONS, Decoded, Imported, MAX_ARTICLE_BYTES, MAX_PDF_BYTES, PASTED,
    decode_article_bytes, guess_title, import_article, pasted_article, source_from_bytes,
};
pub use error::{ImportError, LoadError, SaveError};
pub use format::{FORMAT, VERSION, map_from_json, map_to_json};
pub use read::{FileStamp, looks_like_map, refuse_export_over_map, same_file};
pub use recovery::{Autosave, Recovery, RecoveryWriter};
pub use save::{backup_path, write_atomic, write_new};

use crate::model::Map;
pub(crate) use read::{ReadError, read_regular};
use std::path::Path;

/// The extension new maps are saved with: a file type of its own, so a double-click opens Warrant
/// without Warrant claiming every `.json` file. Maps are JSON inside.
pub const MAP_EXTENSION: &str = "warrant";

/// Extensions opened as maps: `.warrant`, and `.json` as earlier maps were saved.
pub const MAP_EXTENSIONS: [&str; 2] = [MAP_EXTENSION, "json"];

/// The largest map file read: the five sample articles with thousands of cards come to about
/// 5 MB, so 64 MiB leaves room and refuses a stray video or disk image at once.
pub const MAX_MAP_BYTES: u64 = 64 * 1024 * 1024;

/// Reads a map file. Fails with a specific, human-readable [`LoadError`]; never panics.
pub fn load(path: &Path) -> Result<Map, LoadError> {
    load_stamped(path).map(|(map, _)| map)
}

/// Reads a map file, with the stamp of the bytes read (to tell later whether it changed on disk).
/// Only a regular file is read (a FIFO or a device is refused), and at most [`MAX_MAP_BYTES`] + 1 bytes.
pub fn load_stamped(path: &Path) -> Result<(Map, FileStamp), LoadError> {
    let bytes = read_map_bytes(path)?;
    let map = map_from_json(&bytes, path)?;
    Ok((map, FileStamp::of_bytes(&bytes)))
}

/// The bytes of a map file, bounded, from a regular file only.
pub(crate) fn read_map_bytes(path: &Path) -> Result<Vec<u8>, LoadError> {
    read::read_regular(path, MAX_MAP_BYTES).map_err(|e| match e {
        ReadError::Io(source) => LoadError::Io {
            path: path.to_owned(),
            source,
        },
        ReadError::NotAFile(kind) => LoadError::NotAFile {
            path: path.to_owned(),
            kind,
        },
        ReadError::TooLarge(size) => LoadError::TooLarge {
            path: path.to_owned(),
            size,
            limit: MAX_MAP_BYTES,
        },
    })
}

/// Saves a map over `path` atomically, keeping the previous file as a backup.
pub fn save(path: &Path, map: &Map) -> Result<(), SaveError> {
    save_stamped(path, map).map(drop)
}

/// [`save`], returning the stamp of what was written.
pub fn save_stamped(path: &Path, map: &Map) -> Result<FileStamp, SaveError> {
    let bytes = map_to_json(map)?;
    write_atomic(path, &bytes, true)?;
    Ok(FileStamp::of_bytes(&bytes))
}
