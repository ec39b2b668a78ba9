//! Paste article: a dialog with a title field and a large text box that opens filled with the
//! clipboard's text. OK adds the text as an article, read as Add article reads a text file.

use super::command::Command;
use crate::io::{self, ImportError};

/// The dialog's state while it is open.
#[derive(Debug, Default)]
pub struct PasteArticle {
    pub title: String,
    pub text: String,
    /// The title guessed from the text, shown in the empty title field and used if it stays
    /// empty; recomputed when the text changes.
    guess: Option<String>,
    /// Why OK did not add the text, until the user changes it.
    problem: Option<String>,
    /// The clipboard's text is still to be asked for, once the text box has the focus (the
    /// window hands it over as a paste into the focused field).
    ask_clipboard: bool,
    /// The text box is still to get the focus.
    focus_text: bool,
}

impl PasteArticle {
    /// A new dialog that asks for the clipboard's text.
    pub fn new() -> Self {
        Self {
            ask_clipboard: true,
            focus_text: true,
            ..Self::default()
        }
    }
}

/// Labels of the fields, for screen readers and tests.
pub const TITLE_LABEL: &str = "Pasted article title";
pub const TEXT_LABEL: &str = "Pasted article text";

/// Draws the dialog while `state` holds one; OK sends [`Command::AddPastedArticle`] when the text
/// can be added, Cancel (or Esc, or a click outside) closes it and changes nothing.
pub fn paste_dialog_ui(
    ctx: &egui::Context,
    state: &mut Option<PasteArticle>,
    out: &mut Vec<Command>,
) {
    let Some(dialog) = state.as_mut() else {
        return;
    };
    let mut done = None;
    let screen = ctx.content_rect();
    let r = egui::Modal::new(egui::Id::unique("paste article")).show(ctx, |ui| {
        let width = (screen.width() * 0.6).clamp(320.0, 860.0);
        ui.set_width(width);
        ui.heading("Paste article");
        ui.label("The article's text, as copied from a web page, a PDF or a document:");
        ui.add_space(4.0);
        fields_ui(ui, dialog, (screen.height() * 0.5).clamp(120.0, 560.0));
        if let Some(problem) = &dialog.problem {
            ui.colored_label(ui.visuals().error_fg_color, problem);
        }
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            if ui.button("OK").clicked() {
                done = Some(true);
            }
            if ui.button("Cancel").clicked() {
                done = Some(false);
            }
        });
    });
    // Esc cancels; a stray click beside the dialog does not throw the pasted text away.
    if r.should_close() && done.is_none() && ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
        done = Some(false);
    }
    match done {
        Some(true) => match io::pasted_article(&dialog.title, &dialog.text) {
            Ok(imported) => {
                out.push(Command::AddPastedArticle {
                    title: imported.source.title,
                    text: dialog.text.clone(),
                });
                *state = None;
            }
            Err(e) => dialog.problem = Some(problem_text(&e)),
        },
        Some(false) => *state = None,
        None => {}
    }
}

/// The title field and the text box.
fn fields_ui(ui: &mut egui::Ui, dialog: &mut PasteArticle, text_height: f32) {
    ui.horizontal(|ui| {
        ui.label("Title");
        let hint = dialog
            .guess
            .clone()
            .unwrap_or_else(|| "Guessed from the text if left empty".to_owned());
        let title = ui.add(
            egui::TextEdit::singleline(&mut dialog.title)
                .desired_width(f32::INFINITY)
                .hint_text(hint),
        );
        title.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, TITLE_LABEL));
    });
    ui.add_space(4.0);
    let text = egui::ScrollArea::vertical()
        .max_height(text_height)
        .min_scrolled_height(text_height)
        .show(ui, |ui| {
            ui.add_sized(
                [ui.available_width(), text_height],
                egui::TextEdit::multiline(&mut dialog.text)
                    .hint_text("Paste the article here (Ctrl+V)")
                    .desired_rows(20),
            )
        })
        .inner;
    text.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::MultilineTextInput, true, TEXT_LABEL)
    });
    if dialog.focus_text {
        text.request_focus();
        dialog.focus_text = false;
    } else if dialog.ask_clipboard && text.has_focus() {
        // The window reads the clipboard and sends its text as a paste into the focused box.
        ui.ctx()
            .send_viewport_cmd(egui::ViewportCommand::RequestPaste);
        dialog.ask_clipboard = false;
    }
    if text.changed() {
        dialog.guess = io::guess_title(&dialog.text);
        dialog.problem = None;
    }
}

/// What the dialog says when the text cannot be added.
fn problem_text(e: &ImportError) -> String {
    match e {
        ImportError::Empty { .. } => {
            "There is no text to add: paste the article into the box above (Ctrl+V), or type it."
                .to_owned()
        }
        e => e.to_string(),
    }
}
