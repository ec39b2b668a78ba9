//! The sample maps that ship inside the binary, so a first run (and the welcome) can open them
//! with nothing installed beside the program.

/// One sample map: what the welcome lists, and the map file's bytes.
#[derive(Clone, Copy, Debug)]
pub struct Sample {
    /// The map's title, as the welcome lists it.
    pub label: &'static str,
    /// The file name it is known by (in `maps/`).
    pub file: &'static str,
    pub bytes: &'static [u8],
}

macro_rules! sample {
    ($label:expr, $file:literal) => {
        Sample {
            label: $label,
            file: $file,
            bytes: include_bytes!(concat!("../maps/", $file)),
        }
    };
}

/// The sample maps, the one shown on first run first.
pub const ALL: [Sample; 6] = [
    sample!(
        "Policy memo 2008: Russia's mutually exclusive arguments against NATO",
        "memo-2008-russia-nato-mutually-exclusive-arguments.json"
    ),
    sample!(
        "Golz 1996: Why not join NATO?",
        "golz-1996-why-not-join-nato.json"
    ),
    sample!(
        "RFE/RL 1998: a fragile rapprochement",
        "rferl-1998-rapprochement-remains-fragile.json"
    ),
    sample!(
        "Kosachev 2011: Three birds with one stone?",
        "kosachev-2011-three-birds-with-one-stone.json"
    ),
    sample!(
        "Timofeev 2022: with NATO talks failing, what next?",
        "timofeev-2022-nato-talks-failing.json"
    ),
    sample!(
        "Russia and NATO, 1996–2022: partner, threat or relic?",
        "russia-nato-1996-2022-debate.json"
    ),
];

#[cfg(test)]
mod tests {
    use std::path::Path;

    #[test]
    fn every_shipped_sample_is_a_valid_map_titled_as_in_its_file() {
        for sample in super::ALL {
            let map = crate::io::map_from_json(sample.bytes, Path::new(sample.file))
                .unwrap_or_else(|e| panic!("{}: {e}", sample.file));
            assert!(!map.claims.is_empty(), "{}", sample.file);
            assert!(!map.sources.is_empty(), "{}", sample.file);
            assert_eq!(
                map.title, sample.label,
                "the welcome lists the map by its title"
            );
        }
    }

    #[test]
    fn every_map_in_the_maps_folder_ships() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("maps");
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| {
                p.extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("json"))
            })
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        files.sort();
        let mut shipped: Vec<String> = super::ALL.iter().map(|s| s.file.to_owned()).collect();
        shipped.sort();
        assert_eq!(files, shipped);
    }
}
