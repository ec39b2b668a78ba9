//! The Linux desktop integration shipped in the `.deb`: the menu entry passes
//! `desktop-file-validate`, and shared-mime-info maps `*.warrant` (and only that) to Warrant's
//! own file type, so a double-click on a map opens Warrant without it claiming every `.json`.

use std::path::Path;
use std::process::Command;

fn asset(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/linux")
        .join(name)
}

#[test]
fn the_menu_entry_is_valid_and_opens_maps_of_warrants_own_type() {
    let desktop = asset("warrant.desktop");
    let out = Command::new("desktop-file-validate")
        .arg(&desktop)
        .output()
        .expect("desktop-file-validate (desktop-file-utils) is installed");
    assert!(
        out.status.success() && out.stdout.is_empty(),
        "desktop-file-validate: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&desktop).unwrap();
    assert!(
        text.contains("\nExec=warrant %f\n"),
        "a double-click passes the file"
    );
    assert!(text.contains("\nMimeType=application/x-warrant-map;\n"));
    assert!(
        !text.contains("application/json"),
        "does not claim every .json"
    );
}

#[test]
fn shared_mime_info_maps_dot_warrant_files_to_warrants_type_only() {
    let dir = tempfile::tempdir().unwrap();
    let packages = dir.path().join("packages");
    std::fs::create_dir_all(&packages).unwrap();
    std::fs::copy(asset("warrant.xml"), packages.join("warrant.xml")).unwrap();
    let out = Command::new("update-mime-database")
        .arg(dir.path())
        .output()
        .expect("update-mime-database (shared-mime-info) is installed");
    assert!(
        out.status.success(),
        "update-mime-database: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let globs = std::fs::read_to_string(dir.path().join("globs2")).unwrap();
    let ours: Vec<&str> = globs
        .lines()
        .filter(|l| l.contains("application/x-warrant-map"))
        .collect();
    assert_eq!(ours.len(), 1, "{globs}");
    assert!(ours[0].ends_with(":*.warrant"), "{}", ours[0]);
    let subclasses = std::fs::read_to_string(dir.path().join("subclasses")).unwrap();
    assert!(
        subclasses.contains("application/x-warrant-map application/json"),
        "maps are JSON inside: {subclasses}"
    );
}

#[test]
fn the_package_ships_every_asset_it_lists() {
    let manifest =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml")).unwrap();
    for needed in [
        "assets/linux/warrant.desktop",
        "assets/linux/warrant.xml",
        "assets/linux/warrant.svg",
    ] {
        assert!(
            manifest.contains(needed),
            "Cargo.toml's deb assets list {needed}"
        );
        assert!(Path::new(env!("CARGO_MANIFEST_DIR")).join(needed).is_file());
    }
    // The icon is an SVG librsvg can draw (the icon theme renders it for menus and docks).
    let png = tempfile::NamedTempFile::new().unwrap();
    let status = Command::new("rsvg-convert")
        .args(["-w", "48", "-h", "48", "-o"])
        .arg(png.path())
        .arg(asset("warrant.svg"))
        .status()
        .expect("rsvg-convert is installed");
    assert!(status.success());
    assert!(std::fs::metadata(png.path()).unwrap().len() > 100);
}
