//! Native file dialogs (rfd) off the UI thread, and a typed-path prompt where no dialog exists.
//!
//! rfd returns `None` both for Cancel and when no dialog can be shown (Linux without a portal or
//! zenity). A "cancel" that comes back within a blink is taken as the latter, and the app asks
//! for a path in its own prompt instead — never a silent no-op.

use super::command::Command;
use crate::export::Format;
use crate::io::MAP_EXTENSIONS;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

/// Which file the user is asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileRequest {
    OpenMap,
    SaveMap,
    AddArticle,
    OpenReference,
    /// A folder of students' maps.
    ClassFolder,
    /// Where to save the class table as CSV.
    ClassCsv,
    Export(Format),
    /// interchange: a file of another argument tool.
    ImportMap,
}

impl FileRequest {
    fn title(self) -> &'static str {
        match self {
            FileRequest::OpenMap => "Open map",
            FileRequest::SaveMap => "Save map as",
            FileRequest::AddArticle => "Add article",
            FileRequest::OpenReference => "Compare with a reference map",
            FileRequest::ClassFolder => "Open a class folder (the students' maps)",
            FileRequest::ClassCsv => "Save the class table as CSV",
            FileRequest::Export(_) => "Export",
            FileRequest::ImportMap => "Import a map (Argdown, AIF, Kialo)",
        }
    }

    fn command(self, path: PathBuf) -> Command {
        match self {
            FileRequest::OpenMap => Command::OpenPath(path),
            FileRequest::SaveMap => Command::SaveTo(path),
            FileRequest::AddArticle => Command::AddArticlePath(path),
            FileRequest::OpenReference => Command::CompareWithPath(path),
            FileRequest::ClassFolder => Command::ClassFolderPath(path),
            FileRequest::ClassCsv => Command::ClassCsvPath(path),
            FileRequest::Export(kind) => Command::ExportTo(kind, path),
            FileRequest::ImportMap => Command::ImportPath(path),
        }
    }
}

/// Faster than any person can press Cancel: the dialog never appeared.
const NO_DIALOG: Duration = Duration::from_millis(250);

struct Answer {
    request: FileRequest,
    path: Option<PathBuf>,
    took: Duration,
}

/// The dialog thread's channel and the fallback prompt.
pub struct FileDialogs {
    tx: Sender<Answer>,
    rx: Receiver<Answer>,
    busy: bool,
    /// The typed-path prompt: what for, and the text typed so far.
    prompt: Option<(FileRequest, String)>,
    /// Set once a dialog failed to appear: skip straight to the prompt after that.
    no_dialogs: bool,
}

impl Default for FileDialogs {
    fn default() -> Self {
        let (tx, rx) = channel();
        Self {
            tx,
            rx,
            busy: false,
            prompt: None,
            // Tests and headless runs: never try to open a window of another program.
            no_dialogs: std::env::var_os("WARRANT_NO_FILE_DIALOG").is_some(),
        }
    }
}

impl FileDialogs {
    /// Always ask for a typed path instead of opening a native dialog (tests, headless use).
    pub fn use_path_prompt(&mut self) {
        self.no_dialogs = true;
    }

    /// Asks the user for a file, starting in `near`'s folder.
    pub fn request(&mut self, request: FileRequest, near: Option<&Path>) {
        if self.busy {
            return;
        }
        if self.no_dialogs {
            self.prompt = Some((request, default_text(request, near)));
            return;
        }
        self.busy = true;
        let tx = self.tx.clone();
        let folder = near.and_then(Path::parent).map(Path::to_owned);
        let file_name = near
            .and_then(Path::file_name)
            .map(|n| n.to_string_lossy().into_owned());
        std::thread::spawn(move || {
            let start = Instant::now();
            let mut dialog = rfd::FileDialog::new().set_title(request.title());
            if let Some(folder) = folder {
                dialog = dialog.set_directory(folder);
            }
            let path = match request {
                FileRequest::OpenMap | FileRequest::OpenReference => dialog
                    .add_filter("Warrant map", &MAP_EXTENSIONS)
                    .pick_file(),
                FileRequest::ClassFolder => dialog.pick_folder(),
                FileRequest::ClassCsv => dialog
                    .add_filter("CSV table", &["csv"])
                    .set_file_name(file_name.unwrap_or_else(|| "class.csv".into()))
                    .save_file(),
                FileRequest::SaveMap => dialog
                    .add_filter("Warrant map", &MAP_EXTENSIONS)
                    .set_file_name(file_name.unwrap_or_else(|| map_file_name("")))
                    .save_file(),
                FileRequest::Export(kind) => dialog
                    .add_filter(kind.label().trim_end_matches('…'), &[kind.extension()])
                    .set_file_name(file_name.unwrap_or_else(|| format!("map.{}", kind.extension())))
                    .save_file(),
                FileRequest::AddArticle => dialog
                    .add_filter(
                        "Article (text, Markdown, web page or PDF)",
                        crate::io::ARTICLE_EXTENSIONS,
                    )
                    .pick_file(),
                FileRequest::ImportMap => dialog
                    .add_filter(
                        "Argdown, AIF JSON, Kialo export",
                        &["argdown", "ad", "json", "txt"],
                    )
                    .pick_file(),
            };
            let _ = tx.send(Answer {
                request,
                path,
                took: start.elapsed(),
            });
        });
    }

    /// Answers that arrived, as commands to run.
    pub fn poll(&mut self, ctx: &egui::Context) -> Vec<Command> {
        let mut out = Vec::new();
        while let Ok(answer) = self.rx.try_recv() {
            self.busy = false;
            match answer.path {
                Some(path) => out.push(answer.request.command(path)),
                None if answer.took < NO_DIALOG => {
                    self.no_dialogs = true;
                    self.prompt = Some((answer.request, default_text(answer.request, None)));
                }
                None => {}
            }
        }
        if self.busy {
            ctx.request_repaint_after(Duration::from_millis(100));
        }
        out
    }

    /// The typed-path prompt, when no dialog can be shown.
    pub fn prompt_ui(&mut self, ctx: &egui::Context, out: &mut Vec<Command>) {
        let Some((request, text)) = &mut self.prompt else {
            return;
        };
        let request = *request;
        let mut done = None;
        let r = egui::Modal::new(egui::Id::unique("path prompt")).show(ctx, |ui| {
            ui.set_min_width(460.0);
            ui.heading(request.title());
            ui.label("No file dialog is available on this system. Type the file's path:");
            let edit = ui.add(
                egui::TextEdit::singleline(text)
                    .desired_width(f32::INFINITY)
                    .hint_text("/home/me/maps/my-map.warrant"),
            );
            edit.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::TextInput, true, "File path")
            });
            // Focus the field when the prompt opens (not every frame: Enter must be able to end it).
            if ui.memory(|m| m.focused().is_none()) {
                edit.request_focus();
            }
            let enter = (edit.has_focus() || edit.lost_focus())
                && ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.horizontal(|ui| {
                if ui.button("OK").clicked() || enter {
                    done = Some(true);
                }
                if ui.button("Cancel").clicked() {
                    done = Some(false);
                }
            });
        });
        if r.should_close() && done.is_none() {
            done = Some(false);
        }
        if let Some(ok) = done
            && let Some((_, text)) = self.prompt.take()
        {
            let path = expand_home(text.trim());
            if ok && !path.as_os_str().is_empty() {
                out.push(request.command(path));
            }
        }
    }
}

/// The file name first proposed for an untitled map: its title as a slug, so a class does not
/// hand in thirty files named `map.json`.
pub fn map_file_name(title: &str) -> String {
    format!(
        "{}.{}",
        super::export_dialog::file_stem_of(title),
        crate::io::MAP_EXTENSION
    )
}

fn default_text(request: FileRequest, near: Option<&Path>) -> String {
    match (request, near) {
        (FileRequest::SaveMap | FileRequest::ClassCsv, Some(p)) => p.display().to_string(),
        (FileRequest::Export(kind), Some(p)) => {
            p.with_extension(kind.extension()).display().to_string()
        }
        (_, Some(p)) => p
            .parent()
            .map(|d| format!("{}/", d.display()))
            .unwrap_or_default(),
        _ => std::env::current_dir()
            .map(|d| format!("{}/", d.display()))
            .unwrap_or_default(),
    }
}

fn expand_home(s: &str) -> PathBuf {
    match (s.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(s),
    }
}

#[cfg(test)]
mod tests {
    use super::map_file_name;

    #[test]
    fn an_untitled_map_is_proposed_a_file_named_after_its_title() {
        assert_eq!(
            map_file_name("Russia and NATO, 1996"),
            "russia-and-nato-1996.warrant"
        );
        assert_eq!(map_file_name("  Élan: “vital”?  "), "élan-vital.warrant");
        // Nothing usable in the title: still a name, never ".json".
        assert_eq!(map_file_name("?!"), "map.warrant");
    }
}
