//! Every user command as data: one list feeds menus, shortcuts and tests.

use egui::{Key, KeyboardShortcut, Modifiers};
use std::path::PathBuf;

/// Something the user asked for. UI code pushes commands while drawing; the app runs them after.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    NewMap,
    Open,
    OpenPath(PathBuf),
    Save,
    SaveAs,
    SaveTo(PathBuf),
    AddArticle,
    AddArticlePath(PathBuf),
    CompareWithPath(PathBuf),
    Tidy,
    Export,
    ExportTo(crate::export::Format, PathBuf),
    Quit,
    Undo,
    Redo,
    Delete,
    SelectAll,
    NewClaim,
    LinkSelected,
    QuoteSelection,
    EditSelected,
    Copy,
    Paste,
    ZoomIn,
    ZoomOut,
    FitMap,
    /// Fold or unfold the selected cards' branches.
    FoldBranch,
    UnfoldAll,
    /// Show only the selection's neighbourhood, or everything again.
    FocusMode,
    ToggleTheme,
    Present,
    /// Leave the presentation (Esc).
    StopPresenting,
    /// Keep the presentation's theme and size for next time.
    RememberPresentation(super::present::PresentPrefs),
}

const CMD: Modifiers = Modifiers::COMMAND;
const CMD_SHIFT: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};

impl Command {
    /// The menu label.
    pub fn label(&self) -> &'static str {
        match self {
            Command::NewMap => "New map",
            Command::Open | Command::OpenPath(_) => "Open…",
            Command::Save => "Save",
            Command::SaveAs | Command::SaveTo(_) => "Save as…",
            Command::AddArticle | Command::AddArticlePath(_) => "Add article…",
            Command::CompareWithPath(_) => "Compare with a reference map…",
            Command::Tidy => "Tidy",
            Command::Export | Command::ExportTo(..) => "Export…",
            Command::Quit => "Quit",
            Command::Undo => "Undo",
            Command::Redo => "Redo",
            Command::Delete => "Delete",
            Command::SelectAll => "Select all",
            Command::NewClaim => "New claim",
            Command::LinkSelected => "Link selected",
            Command::QuoteSelection => "Quote selection",
            Command::EditSelected => "Edit text",
            Command::Copy => "Copy cards",
            Command::Paste => "Paste cards",
            Command::ZoomIn => "Zoom in",
            Command::ZoomOut => "Zoom out",
            Command::FitMap => "Fit map",
            Command::FoldBranch => "Fold / unfold branch",
            Command::UnfoldAll => "Unfold all",
            Command::FocusMode => "Focus on selection",
            Command::ToggleTheme => "Light / dark",
            Command::Present => "Present",
            Command::StopPresenting => "Leave presentation",
            Command::RememberPresentation(_) => "Remember presentation settings",
        }
    }

    /// The main shortcut. Canvas keys without modifiers only act when no text field has focus.
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        let k = |m, key| Some(KeyboardShortcut::new(m, key));
        match self {
            Command::NewMap => k(CMD, Key::N),
            Command::Open => k(CMD, Key::O),
            Command::Save => k(CMD, Key::S),
            Command::SaveAs => k(CMD_SHIFT, Key::S),
            Command::AddArticle => k(CMD_SHIFT, Key::A),
            Command::Quit => k(CMD, Key::Q),
            Command::Undo => k(CMD, Key::Z),
            Command::Redo => k(CMD_SHIFT, Key::Z),
            Command::Delete => k(Modifiers::NONE, Key::Delete),
            Command::SelectAll => k(CMD, Key::A),
            Command::Copy => k(CMD, Key::C),
            Command::Paste => k(CMD, Key::V),
            Command::NewClaim => k(Modifiers::NONE, Key::C),
            Command::LinkSelected => k(Modifiers::NONE, Key::L),
            Command::QuoteSelection => k(CMD, Key::E),
            Command::EditSelected => k(Modifiers::NONE, Key::Enter),
            Command::ZoomIn => k(Modifiers::NONE, Key::Equals),
            Command::ZoomOut => k(Modifiers::NONE, Key::Minus),
            Command::FitMap => k(Modifiers::NONE, Key::F),
            Command::FoldBranch => k(Modifiers::NONE, Key::B),
            Command::FocusMode => k(Modifiers::SHIFT, Key::F),
            Command::Present => k(Modifiers::NONE, Key::F5),
            Command::Export => k(CMD_SHIFT, Key::E),
            Command::ToggleTheme
            | Command::StopPresenting
            | Command::RememberPresentation(_)
            | Command::UnfoldAll
            | Command::OpenPath(_)
            | Command::SaveTo(_)
            | Command::AddArticlePath(_)
            | Command::CompareWithPath(_)
            | Command::Tidy
            | Command::ExportTo(..) => None,
        }
    }

    /// Extra shortcuts that do the same.
    pub fn alternatives(&self) -> &'static [KeyboardShortcut] {
        const REDO_Y: [KeyboardShortcut; 1] = [KeyboardShortcut::new(CMD, Key::Y)];
        const DELETE_BACK: [KeyboardShortcut; 1] =
            [KeyboardShortcut::new(Modifiers::NONE, Key::Backspace)];
        const ZOOM_PLUS: [KeyboardShortcut; 1] =
            [KeyboardShortcut::new(Modifiers::NONE, Key::Plus)];
        match self {
            Command::Redo => &REDO_Y,
            Command::Delete => &DELETE_BACK,
            Command::ZoomIn => &ZOOM_PLUS,
            _ => &[],
        }
    }

    /// Whether the shortcut would steal a key from a focused text field.
    pub fn is_canvas_key(&self) -> bool {
        self.shortcut().is_some_and(|s| {
            s.modifiers.is_none()
                || s.modifiers == Modifiers::SHIFT
                || *self == Command::Undo
                || *self == Command::Redo
                || *self == Command::SelectAll
                || *self == Command::Copy
                || *self == Command::Paste
        })
    }
}

/// A key as printed on the keyboard ("=", "-", "+", "/"), where egui would name it ("Equals",
/// "Minus"). Arrows keep their names: egui's arrow symbols are not in every font.
pub fn key_cap(key: Key) -> &'static str {
    match key {
        // egui's symbol is U+2212; keys print the ASCII hyphen.
        Key::Minus => "-",
        Key::ArrowDown | Key::ArrowLeft | Key::ArrowRight | Key::ArrowUp => key.name(),
        _ => key.symbol_or_name(),
    }
}

/// A shortcut as menus and Help show it: the platform's modifier names, the key as printed.
pub fn shortcut_text(ctx: &egui::Context, shortcut: KeyboardShortcut) -> String {
    let full = ctx.format_shortcut(&shortcut);
    match full.strip_suffix(shortcut.logical_key.name()) {
        Some(modifiers) => format!("{modifiers}{}", key_cap(shortcut.logical_key)),
        // Already short (symbols on a Mac).
        None => full,
    }
}

impl Command {
    /// Every shortcut of the command, as Help lists them ("= / +").
    pub fn keys_text(&self, ctx: &egui::Context) -> Option<String> {
        let main = self.shortcut()?;
        let all: Vec<String> = std::iter::once(&main)
            .chain(self.alternatives())
            .map(|s| shortcut_text(ctx, *s))
            .collect();
        Some(all.join(" / "))
    }
}

#[cfg(test)]
mod tests {
    use super::{Command, key_cap};
    use egui::Key;

    #[test]
    fn keys_are_shown_as_printed_on_the_keyboard() {
        assert_eq!(key_cap(Key::Equals), "=");
        assert_eq!(key_cap(Key::Minus), "-");
        assert_eq!(key_cap(Key::Plus), "+");
        assert_eq!(key_cap(Key::Slash), "/");
        assert_eq!(key_cap(Key::F5), "F5");
        assert_eq!(key_cap(Key::ArrowLeft), "Left");
        let ctx = egui::Context::default();
        assert_eq!(Command::ZoomIn.keys_text(&ctx).as_deref(), Some("= / +"));
        assert_eq!(Command::ZoomOut.keys_text(&ctx).as_deref(), Some("-"));
        assert_eq!(
            Command::Redo.keys_text(&ctx).as_deref(),
            Some("Ctrl+Shift+Z / Ctrl+Y")
        );
    }
}
