//! A whole class at once: every map in a folder of hand-ins compared with the reference, one
//! row per file as `warrant compare --csv` gives them (the same code makes the rows). A folder
//! is untrusted input: only so many entries are looked at and so many maps read, each bounded
//! by the map reader, on a thread so the window stays responsive; rows appear as they are done.

use super::{CompareCtx, ComparePanel, CompareView};
use crate::cli::class::{ClassRow, class_rows};
use crate::model::Map;
use egui::RichText;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender};

/// At most this many folder entries are looked at…
const MAX_ENTRIES: usize = 20_000;
/// … and this many maps compared.
pub const MAX_MAPS: usize = 500;

/// What the class worker reports.
enum Report {
    /// The maps found, and how many more were left out (over [`MAX_MAPS`]).
    Listed {
        maps: usize,
        left_out: usize,
    },
    Row(ClassRow),
    Failed(String),
}

/// The class folder's rows, and the worker filling them.
#[derive(Default)]
pub struct ClassTable {
    folder: Option<PathBuf>,
    rows: Vec<ClassRow>,
    /// How many maps the folder holds (to show progress), once listed.
    maps: Option<usize>,
    left_out: usize,
    error: Option<String>,
    reports: Option<Receiver<Report>>,
    /// Compare on a thread (the window) or right away (tests).
    pub background: bool,
}

impl ClassTable {
    /// Forgets the folder and stops comparing it.
    pub fn clear(&mut self) {
        *self = Self {
            background: self.background,
            ..Self::default()
        };
    }

    /// The rows compared so far, in file-name order.
    #[cfg(test)]
    pub fn rows(&self) -> &[ClassRow] {
        &self.rows
    }

    /// The folder compared, if any.
    pub fn folder(&self) -> Option<&Path> {
        self.folder.as_deref()
    }

    /// The rows as `warrant compare --csv` writes them.
    pub fn csv(&self) -> String {
        crate::cli::class::class_csv(&self.rows)
    }

    /// How many rows there are.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether maps are still being compared.
    pub fn is_busy(&self) -> bool {
        self.reports.is_some()
    }

    /// Compares the maps in `folder` with `reference` (leaving out the reference's own file).
    fn start(
        &mut self,
        folder: &Path,
        reference: &Map,
        exclude: Option<&Path>,
        ctx: &egui::Context,
    ) {
        self.clear();
        self.folder = Some(folder.to_owned());
        let (tx, rx) = mpsc::channel();
        let (folder, reference) = (folder.to_owned(), reference.clone());
        let exclude = exclude.and_then(|p| std::fs::canonicalize(p).ok());
        if !self.background {
            work(&folder, &reference, exclude.as_deref(), &tx, None);
            // Done: the table is complete at once, not busy until the next frame.
            drop(tx);
            self.reports = Some(rx);
            self.poll();
            return;
        }
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("class".into())
            .spawn(move || work(&folder, &reference, exclude.as_deref(), &tx, Some(&ctx)));
        match spawned {
            Ok(_) => self.reports = Some(rx),
            Err(e) => self.error = Some(format!("Cannot start comparing: {e}")),
        }
    }

    /// Takes the rows the worker finished since the last frame.
    pub fn poll(&mut self) {
        let Some(rx) = &self.reports else { return };
        loop {
            match rx.try_recv() {
                Ok(Report::Listed { maps, left_out }) => {
                    self.maps = Some(maps);
                    self.left_out = left_out;
                }
                Ok(Report::Row(row)) => self.rows.push(row),
                Ok(Report::Failed(e)) => self.error = Some(e),
                Err(mpsc::TryRecvError::Empty) => break,
                Err(mpsc::TryRecvError::Disconnected) => {
                    self.reports = None;
                    break;
                }
            }
        }
    }
}

/// The map files of `folder`, sorted by name; and how many were left out.
fn list_maps(folder: &Path, exclude: Option<&Path>) -> std::io::Result<(Vec<PathBuf>, usize)> {
    let mut maps: Vec<PathBuf> = std::fs::read_dir(folder)?
        .take(MAX_ENTRIES)
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.extension()
                .map(|e| e.to_string_lossy().to_lowercase())
                .is_some_and(|e| crate::io::MAP_EXTENSIONS.contains(&e.as_str()))
        })
        .filter(|p| p.is_file())
        .filter(|p| exclude.is_none_or(|x| std::fs::canonicalize(p).ok().as_deref() != Some(x)))
        .collect();
    maps.sort();
    let left_out = maps.len().saturating_sub(MAX_MAPS);
    maps.truncate(MAX_MAPS);
    Ok((maps, left_out))
}

/// Lists the folder and compares its maps one by one, reporting each row; stops when nobody
/// listens any more (another folder was chosen).
fn work(
    folder: &Path,
    reference: &Map,
    exclude: Option<&Path>,
    tx: &Sender<Report>,
    ctx: Option<&egui::Context>,
) {
    let wake = || {
        if let Some(ctx) = ctx {
            ctx.request_repaint();
        }
    };
    let maps = match list_maps(folder, exclude) {
        Ok((maps, left_out)) => {
            let _ = tx.send(Report::Listed {
                maps: maps.len(),
                left_out,
            });
            maps
        }
        Err(e) => {
            let _ = tx.send(Report::Failed(format!(
                "Cannot read the folder {}: {e}",
                folder.display()
            )));
            wake();
            return;
        }
    };
    for file in maps {
        let rows = class_rows(reference, std::slice::from_ref(&file));
        for row in rows {
            if tx.send(Report::Row(row)).is_err() {
                return;
            }
        }
        wake();
    }
    wake();
}

impl ComparePanel {
    /// Compares every map of `folder` with the reference and shows the class table; says why
    /// not when there is no reference yet.
    pub fn open_class(&mut self, folder: &Path, ctx: &egui::Context) -> Result<(), String> {
        let Some(r) = &self.reference else {
            return Err("Choose the reference map first (File → Compare with a reference map…), then the class folder.".into());
        };
        self.class.start(folder, &r.map, r.path.as_deref(), ctx);
        self.view = CompareView::Class;
        self.open = true;
        Ok(())
    }
}

/// The class table: one row per map; a click opens that map to compare it.
pub(super) fn class_ui(
    ui: &mut egui::Ui,
    cx: &CompareCtx<'_>,
    state: &mut ComparePanel,
    acts: &mut Vec<super::Command>,
) {
    let t = &state.class;
    let Some(folder) = &t.folder else {
        ui.label("Open a class folder (File → Open class folder…) to compare every hand-in in it with the reference.");
        return;
    };
    ui.horizontal(|ui| {
        ui.label(format!("{} — {} maps", folder.display(), t.rows.len()));
        if t.is_busy() {
            ui.spinner();
            let of = t.maps.map_or_else(String::new, |n| format!(" of {n}"));
            ui.label(RichText::new(format!("comparing {}{of}…", t.rows.len())).weak());
        }
        let done = !t.is_busy() && !t.rows.is_empty();
        if ui
            .add_enabled(done, egui::Button::new("Save as CSV…"))
            .on_hover_text("The table as `warrant compare --csv` writes it, for a spreadsheet")
            .clicked()
        {
            acts.push(super::Command::SaveClassCsv);
        }
        if t.left_out > 0 {
            ui.label(
                RichText::new(format!(
                    "{} more maps left out (at most {MAX_MAPS})",
                    t.left_out
                ))
                .color(ui.visuals().warn_fg_color),
            );
        }
    });
    if let Some(e) = &t.error {
        ui.label(RichText::new(e).color(ui.visuals().error_fg_color));
    }
    let mut open = None;
    egui::ScrollArea::both()
        .id_salt("class table")
        .auto_shrink(false)
        .show(ui, |ui| {
            egui::Grid::new("class grid")
                .striped(true)
                .num_columns(COLUMNS.len())
                .show(ui, |ui| {
                    for c in COLUMNS {
                        ui.label(RichText::new(c).strong());
                    }
                    ui.end_row();
                    for r in &t.rows {
                        if row_ui(ui, r, cx.path) {
                            open = Some(r.file.clone());
                        }
                        ui.end_row();
                    }
                });
        });
    if let Some(file) = open {
        state.view = CompareView::ThisMap;
        acts.push(super::Command::OpenPath(file));
    }
}

/// The table's columns, as `warrant compare` names them.
const COLUMNS: [&str; 9] = [
    "File",
    "Title",
    "Passages found",
    "Claims matched",
    "Missed",
    "Added",
    "Links right",
    "Contradictions found",
    "Quote problems",
];

/// One student's row; `true` when its file was clicked.
fn row_ui(ui: &mut egui::Ui, r: &ClassRow, open: Option<&Path>) -> bool {
    let name = r.file.file_name().map_or_else(
        || r.file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let current = open.is_some_and(|p| p == r.file);
    let text = if current {
        RichText::new(format!("▶ {name}")).strong()
    } else {
        RichText::new(name)
    };
    let clicked = ui
        .link(text)
        .on_hover_text(
            "Open this map to compare it with the reference (asks to save changes first)",
        )
        .clicked();
    let Some(s) = &r.summary else {
        // The reader's message can run to many lines (every inconsistency): its first, short.
        let why = r.error.as_deref().unwrap_or_default();
        let first = why.lines().next().unwrap_or_default();
        let short = crate::text::ellipsize(first, 70);
        ui.label(
            RichText::new(format!("cannot be read: {short}")).color(ui.visuals().error_fg_color),
        )
        .on_hover_text(why);
        return clicked;
    };
    ui.label(crate::text::ellipsize(&r.title, 40))
        .on_hover_text(&r.title);
    ui.label(s.passages_percent().map_or_else(
        || "—".to_owned(),
        |p| format!("{p:.0} % ({} of {})", s.passages_found, s.passages_total),
    ));
    ui.label(s.claims_matched.to_string());
    ui.label(s.claims_missed.to_string());
    ui.label(s.claims_added.to_string());
    ui.label(format!("{} of {}", s.relations_right, s.relations_total));
    ui.label(format!(
        "{} of {}",
        s.contradictions_found, s.contradictions_total
    ));
    ui.label(s.quote_problems.to_string());
    clicked
}

#[cfg(test)]
mod tests {
    use super::{MAX_MAPS, list_maps};
    use crate::ui::compare_panel::{ComparePanel, CompareView};

    #[test]
    fn a_class_is_compared_on_a_thread_and_its_rows_arrive_in_name_order() {
        let dir = tempfile::tempdir().unwrap();
        let reference = crate::io::map_from_json(
            include_bytes!("../../../maps/golz-1996-why-not-join-nato.json"),
            std::path::Path::new("golz.json"),
        )
        .unwrap();
        for name in ["cleo", "ann", "ben"] {
            let mut map = reference.clone();
            map.title = name.into();
            crate::io::save(&dir.path().join(format!("{name}.json")), &map).unwrap();
        }
        let mut panel = ComparePanel::default();
        panel.class.background = true;
        assert!(
            panel
                .open_class(dir.path(), &egui::Context::default())
                .is_err(),
            "no reference yet"
        );
        panel.set_reference("golz.json".into(), None, reference);
        panel
            .open_class(dir.path(), &egui::Context::default())
            .unwrap();
        assert_eq!(panel.view, CompareView::Class);
        // Wait for the worker (bounded: a stuck worker fails the test, it does not hang it).
        for _ in 0..3000 {
            panel.class.poll();
            if !panel.class.is_busy() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        assert!(!panel.class.is_busy());
        let titles: Vec<&str> = panel
            .class
            .rows()
            .iter()
            .map(|r| r.title.as_str())
            .collect();
        assert_eq!(titles, ["ann", "ben", "cleo"]);
        assert!(
            panel
                .class
                .rows()
                .iter()
                .all(|r| r.summary.as_ref().is_some_and(|s| s.claims_matched == 21))
        );
    }

    #[test]
    fn a_folder_lists_its_map_files_by_name_up_to_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..MAX_MAPS + 3 {
            std::fs::write(dir.path().join(format!("m{i:04}.json")), "").unwrap();
        }
        std::fs::write(dir.path().join("notes.txt"), "").unwrap();
        std::fs::create_dir(dir.path().join("sub.json")).unwrap();
        let reference = dir.path().join("m0000.json");
        let reference = std::fs::canonicalize(reference).unwrap();
        let (maps, left_out) = list_maps(dir.path(), Some(&reference)).unwrap();
        assert_eq!(maps.len(), MAX_MAPS);
        assert_eq!(left_out, 2, "503 maps, less the reference, less 500 listed");
        assert_eq!(maps[0].file_name().unwrap(), "m0001.json");
        assert!(maps.windows(2).all(|w| w[0] < w[1]));
    }
}
