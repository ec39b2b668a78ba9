//! The map file: versioned JSON. See docs/FORMAT.md.

use super::error::LoadError;
use crate::model::{IntegrityError, Map, Relation};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::path::Path;

/// The `"format"` value of every map file.
pub const FORMAT: &str = "warrant-map";
/// The format version this build writes, and the newest it reads.
pub const VERSION: u64 = 2;

#[derive(Serialize)]
struct DocumentOut<'a> {
    format: &'static str,
    version: u64,
    map: &'a Map,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DocumentIn {
    format: String,
    version: u64,
    map: Map,
}

/// Just enough of a file to tell what it is, whatever else it holds.
#[derive(Deserialize)]
struct Header {
    format: Option<Value>,
    version: Option<Value>,
}

/// One upgrade step: turns a document of version `n` into one of version `n + 1`.
type Migration = fn(Value) -> Result<Value, String>;

/// `MIGRATIONS[n - 1]` upgrades version `n` to `n + 1`; a change to the format adds a step here
/// and bumps [`VERSION`].
const MIGRATIONS: &[Migration] = &[v1_to_v2];

/// Version 2 adds the `qualifies` relation (a point granted that does not defeat its claim). A
/// version 1 file means the same in version 2, so nothing changes; one that already uses
/// `qualifies` was not written by a version 1 build and is refused rather than guessed at. (Old
/// maps drew concessions as `opposes`; which of those are concessions only the reader can say.)
fn v1_to_v2(doc: Value) -> Result<Value, String> {
    let links = doc
        .get("map")
        .and_then(|m| m.get("links"))
        .and_then(Value::as_array);
    let qualifies = links.into_iter().flatten().find(|l| {
        l.get("relation")
            .is_some_and(|r| r == Relation::Qualifies.as_str())
    });
    match qualifies {
        Some(l) => Err(format!(
            "link {} is \"qualifies\", which version 1 does not have",
            l.get("id").unwrap_or(&Value::Null)
        )),
        None => Ok(doc),
    }
}

/// The map as pretty-printed JSON, keys in a fixed order, ending in a newline.
pub fn map_to_json(map: &Map) -> Result<Vec<u8>, serde_json::Error> {
    let mut out = serde_json::to_vec_pretty(&DocumentOut {
        format: FORMAT,
        version: VERSION,
        map,
    })?;
    out.push(b'\n');
    Ok(out)
}

/// Strips `serde_json`'s " at line L column C" (we report the position ourselves).
fn message_of(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_owned(),
        None => s,
    }
}

fn json_error(path: &Path, e: &serde_json::Error) -> LoadError {
    LoadError::Json {
        path: path.to_owned(),
        line: e.line(),
        column: e.column(),
        message: message_of(e),
    }
}

fn schema_error(path: &Path, e: &serde_json::Error) -> LoadError {
    LoadError::Schema {
        path: path.to_owned(),
        line: e.line(),
        column: e.column(),
        message: message_of(e),
    }
}

/// Reads a map from a file's bytes (`path` is for messages). Checks the header, migrates older
/// versions, and checks referential integrity.
pub fn map_from_json(bytes: &[u8], path: &Path) -> Result<Map, LoadError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(LoadError::Empty {
            path: path.to_owned(),
        });
    }
    // Fast path: a current file parses straight into the model.
    let mut map = match serde_json::from_slice::<DocumentIn>(bytes) {
        Ok(doc) if doc.format == FORMAT && doc.version == VERSION => doc.map,
        Ok(_) => from_header(bytes, path)?,
        Err(e) if e.is_syntax() || e.is_eof() => return Err(json_error(path, &e)),
        Err(e) => {
            // Well-formed JSON that is not a current map: say what it is instead.
            match from_header(bytes, path) {
                Ok(map) => map,
                Err(LoadError::Schema { .. }) => return Err(schema_error(path, &e)),
                Err(other) => return Err(other),
            }
        }
    };
    let mut errors = map.integrity_errors();
    // Cards written without a position (by a script, another tool) are laid out, once the
    // links are known to be sound.
    errors.retain(|e| !matches!(e, IntegrityError::NoPosition { .. }));
    if errors.is_empty() {
        crate::layout::place_unplaced(&mut map);
    }
    if errors.is_empty() {
        Ok(map)
    } else {
        Err(LoadError::Integrity {
            path: path.to_owned(),
            errors,
        })
    }
}

/// The slow path: reads the header to explain what the file is, and migrates older versions.
fn from_header(bytes: &[u8], path: &Path) -> Result<Map, LoadError> {
    let p = || path.to_owned();
    let header: Header = serde_json::from_slice(bytes).map_err(|_| LoadError::NotAMap {
        path: p(),
        found: "the file is JSON but not an object".into(),
    })?;
    match &header.format {
        Some(Value::String(f)) if f == FORMAT => {}
        Some(other) => {
            return Err(LoadError::NotAMap {
                path: p(),
                found: format!("its \"format\" is {other}, not \"{FORMAT}\""),
            });
        }
        None => {
            return Err(LoadError::NotAMap {
                path: p(),
                found: format!("it has no \"format\": \"{FORMAT}\""),
            });
        }
    }
    let version = match header.version {
        None | Some(Value::Null) => return Err(LoadError::MissingVersion { path: p() }),
        Some(Value::Number(n)) if n.as_u64().is_some_and(|v| v >= 1) => n.as_u64().unwrap_or(0),
        Some(other) => {
            return Err(LoadError::BadVersion {
                path: p(),
                found: other.to_string(),
            });
        }
    };
    if version > VERSION {
        return Err(LoadError::NewerVersion {
            path: p(),
            found: version,
            supported: VERSION,
        });
    }
    let mut doc: Value = serde_json::from_slice(bytes).map_err(|e| json_error(path, &e))?;
    for (i, step) in MIGRATIONS.iter().enumerate().skip((version - 1) as usize) {
        doc = step(doc).map_err(|message| LoadError::Schema {
            path: p(),
            line: 0,
            column: 0,
            message: format!("cannot upgrade from version {}: {message}", i + 1),
        })?;
    }
    if let Some(obj) = doc.as_object_mut() {
        obj.insert("version".into(), Value::from(VERSION));
    }
    // Data errors in a current-version file are reported by the caller with their position.
    serde_json::from_value::<DocumentIn>(doc)
        .map(|d| d.map)
        .map_err(|e| schema_error(path, &e))
}
