//! The map loader on arbitrary bytes: it returns a map or an error, and never panics. A map it
//! accepts also saves and loads back to the same map, and checks without panicking.

#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|bytes: &[u8]| {
    let path = Path::new("fuzz.json");
    if let Ok(map) = warrant::io::map_from_json(bytes, path) {
        let json = warrant::io::map_to_json(&map).expect("a loaded map saves");
        let back = warrant::io::map_from_json(&json, path).expect("a saved map loads");
        assert_eq!(back, map, "save then load is identity");
        let _ = warrant::check::problems(&map);
    } else {
        // Every refusal has a message to show.
        let e = warrant::io::map_from_json(bytes, path).unwrap_err();
        assert!(!e.to_string().is_empty());
    }
});
