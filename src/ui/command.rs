//! Every user command as data. [`TABLE`] is the one list of what the user can ask for by name:
//! the menu bar, the toolbar, the keyboard shortcuts and Help's key table are all drawn from it,
//! so adding a command is one entry. Commands that carry data (a path, an answer to a dialog) are
//! sent by the code that has the data and have no entry.

use super::app::Selection;
use super::dialogs::{DiskAnswer, Pending};
use super::files::FileRequest;
use crate::edit::Edit;
use crate::io::Recovery;
use crate::model::{LinkId, NodeId, Point, Relation, SourceId};
use egui::{Key, KeyboardShortcut, Modifiers};
use std::path::PathBuf;

mod table;
pub use table::TABLE;

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
    /// Paste article: a dialog for the clipboard's text and its title.
    PasteArticle,
    /// Add this text as an article with this title (the Paste article dialog's OK).
    AddPastedArticle {
        title: String,
        text: String,
    },
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
    /// Light, dark, or as the system says (View → Theme).
    SetTheme(super::app::ThemeChoice),
    /// Show or hide the left panel (inspector, story, findings).
    ShowInspector(bool),
    /// Show or hide the article reader.
    ShowReader(bool),
    /// Help → Keyboard shortcuts.
    ShowHelp,
    /// Move the keyboard focus to the next main region: map, inspector, reader (F6).
    NextPanel,
    /// Move the keyboard focus to the previous main region (Shift+F6).
    PreviousPanel,
    Present,
    /// Leave the presentation (Esc).
    StopPresenting,
    /// Keep the presentation's theme and size for next time.
    RememberPresentation(super::present::PresentPrefs),
    /// The answer to "Save changes?" before `Pending` (Cancel sends nothing).
    Unsaved(Pending, UnsavedAnswer),
    /// The answer to "the file was changed by another program" for this path.
    DiskChanged(PathBuf, DiskAnswer),
    /// Restore this recovery copy (`true`) or discard it.
    Recover(Recovery, bool),
    /// Link `from → to` with this relation, or change link `link` to it.
    Relate {
        from: NodeId,
        to: NodeId,
        link: Option<LinkId>,
        relation: Relation,
    },
    /// Ask the user for a file, starting near this path.
    AskFile(FileRequest, Option<PathBuf>),
    /// File → Export's format and options, as the dialog left them.
    SetExportPrefs(super::export_dialog::ExportPrefs),
    /// Open sample map number N of `samples::ALL` (a copy: it has no file).
    OpenSample(usize),
    /// Show the welcome (Help → Welcome).
    Welcome,
    // interchange: a map from an Argdown, AIF or Kialo file, opened as a new untitled map.
    Import,
    ImportPath(PathBuf),
    // Sent by the panels (inspector, findings, story, canvas, reader) while drawing.
    /// Apply `edits` to the map as one undo step named `label`; edits with the same `merge` key
    /// in a row (typing in one field, a drag) join one step.
    Submit {
        label: &'static str,
        merge: Option<String>,
        edits: Vec<Edit>,
    },
    /// End the current burst of edits (a text field lost focus): the next one is a new step.
    Seal,
    /// Select these cards, or a link.
    Select(Selection),
    /// Select one link.
    SelectLink(LinkId),
    /// Bring these cards into view on the canvas.
    Frame(Vec<NodeId>),
    /// Show this quote's passage in the reader.
    ShowQuote(NodeId),
    /// Bring a card into view on the canvas (unfolding what hides it).
    Reveal(NodeId),
    /// Add an empty claim at this canvas point and start writing it.
    NewClaimAt(Point),
    /// Ask which relation links the first card to the second.
    LinkCards(NodeId, NodeId),
    /// Quote chars `start..end` of a source's stored text.
    QuotePassage {
        source: SourceId,
        start: usize,
        end: usize,
    },
    /// Tell the user something.
    Notice(String),
    /// Tell the user something went wrong.
    Error(String),
    /// Present the story from this step (the story editor's Preview).
    PresentFrom(usize),
    /// Choose a reference map to compare this one with.
    CompareWith,
    /// Choose a folder of hand-ins to compare with the reference map, one row per map.
    OpenClassFolder,
    /// Compare the maps of this folder with the reference map.
    ClassFolderPath(PathBuf),
    /// Save the class table as CSV (asks where).
    SaveClassCsv,
    /// Write the class table as CSV to this file.
    ClassCsvPath(PathBuf),
    /// Show or hide the comparison panel (asks for a reference map when there is none).
    ToggleCompare,
    /// Show chars `start..end` of an article in the reader, highlighted (a passage the map
    /// does not quote).
    ShowPassage {
        source: SourceId,
        start: usize,
        end: usize,
    },
}

/// Save first, or go on without saving.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnsavedAnswer {
    Save,
    DontSave,
}

/// The menus of the menu bar, left to right.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Menu {
    File,
    Edit,
    View,
    Help,
}

impl Menu {
    pub const ALL: [Menu; 4] = [Menu::File, Menu::Edit, Menu::View, Menu::Help];

    pub fn title(self) -> &'static str {
        match self {
            Menu::File => "File",
            Menu::Edit => "Edit",
            Menu::View => "View",
            Menu::Help => "Help",
        }
    }
}

/// A command's button on the toolbar.
#[derive(Clone, Copy, Debug)]
pub struct Tool {
    /// Left to right; a separator where the tens change.
    pub slot: u8,
    /// A shorter label than the menu's, if any.
    pub label: Option<&'static str>,
    pub hint: Option<&'static str>,
}

/// One user command: its label, keys, menu place, toolbar button and Help text.
#[derive(Clone, Debug)]
pub struct Entry {
    pub command: Command,
    pub label: &'static str,
    /// What Help says it does.
    pub help: &'static str,
    /// The shortcuts; the first is the one menus show.
    pub keys: &'static [(Modifiers, Key)],
    /// The menu, and the group in it (a separator between groups), in table order.
    pub menu: Option<(Menu, u8)>,
    pub tool: Option<Tool>,
    /// The keys work while a text field has focus (Ctrl+S); otherwise the field keeps them.
    pub while_typing: bool,
}

impl Entry {
    const fn new(command: Command, label: &'static str, help: &'static str) -> Self {
        Self {
            command,
            label,
            help,
            keys: &[],
            menu: None,
            tool: None,
            while_typing: false,
        }
    }

    const fn keys(mut self, keys: &'static [(Modifiers, Key)]) -> Self {
        self.keys = keys;
        self
    }

    const fn menu(mut self, menu: Menu, group: u8) -> Self {
        self.menu = Some((menu, group));
        self
    }

    const fn tool(mut self, slot: u8, hint: Option<&'static str>) -> Self {
        self.tool = Some(Tool {
            slot,
            label: None,
            hint,
        });
        self
    }

    const fn tool_label(mut self, label: &'static str) -> Self {
        if let Some(t) = &mut self.tool {
            t.label = Some(label);
        }
        self
    }

    /// The keys also work while typing in a text field.
    const fn typing(mut self) -> Self {
        self.while_typing = true;
        self
    }

    /// Every shortcut of the command, the menu's first.
    pub fn shortcuts(&self) -> impl Iterator<Item = KeyboardShortcut> + '_ {
        self.keys.iter().map(|&(m, k)| KeyboardShortcut::new(m, k))
    }

    /// Every shortcut as Help lists them ("= / +"); `None` without keys.
    pub fn keys_text(&self, ctx: &egui::Context) -> Option<String> {
        let all: Vec<String> = self.shortcuts().map(|s| shortcut_text(ctx, s)).collect();
        (!all.is_empty()).then(|| all.join(" / "))
    }
}

impl Command {
    /// Select these cards (none: clear the selection).
    pub fn select_nodes(nodes: Vec<NodeId>) -> Self {
        Command::Select(Selection { nodes, link: None })
    }

    /// The command's row of [`TABLE`], if it has one.
    pub fn entry(&self) -> Option<&'static Entry> {
        TABLE.iter().find(|e| e.command == *self)
    }
}

/// What decides whether a command can run now and whether a toggle is on; menus and the toolbar
/// grey out and tick from it.
#[derive(Clone, Copy, Debug, Default)]
#[allow(clippy::struct_excessive_bools)] // independent facts the menus read, not a state machine
pub struct CommandState<'a> {
    pub selected_cards: usize,
    pub link_selected: bool,
    /// The step Undo and Redo would take back or make again.
    pub undo: Option<&'a str>,
    pub redo: Option<&'a str>,
    pub any_folded: bool,
    pub focused: bool,
    /// A Tidy is being computed.
    pub tidying: bool,
}

impl CommandState<'_> {
    /// Whether `command` would do something now.
    pub fn enabled(&self, command: &Command) -> bool {
        let cards = self.selected_cards;
        match command {
            Command::Undo => self.undo.is_some(),
            Command::Redo => self.redo.is_some(),
            Command::Copy | Command::FoldBranch => cards > 0,
            Command::Delete => cards > 0 || self.link_selected,
            Command::EditSelected => cards == 1,
            Command::LinkSelected => cards == 1 || cards == 2,
            Command::UnfoldAll => self.any_folded,
            Command::FocusMode => cards > 0 || self.focused,
            Command::Tidy => !self.tidying,
            _ => true,
        }
    }

    /// For a toggle, whether it is on (the toolbar shows it pressed, and always lets it be
    /// clicked: turning it on without a selection explains what it needs).
    pub fn checked(&self, command: &Command) -> Option<bool> {
        match command {
            Command::FocusMode => Some(self.focused),
            _ => None,
        }
    }

    /// The menu's label: Undo and Redo name their step ("Undo Tidy"); Tidy says it is at work.
    pub fn menu_label(&self, entry: &Entry) -> String {
        if entry.command == Command::Tidy && self.tidying {
            return "Tidying…".to_owned();
        }
        match (&entry.command, self.undo, self.redo) {
            (Command::Undo, Some(step), _) | (Command::Redo, _, Some(step)) => {
                format!("{} {step}", entry.label)
            }
            _ => entry.label.to_owned(),
        }
    }
}

/// The commands whose shortcut was pressed this frame (consumed from the input). When a text
/// field has focus (`typing`), only keys marked `while_typing` count. Shortcuts with more
/// modifiers are tried first, so Ctrl+Shift+S is Save as and not also Save.
pub fn pressed(input: &mut egui::InputState, typing: bool) -> Vec<Command> {
    let mut keys: Vec<(KeyboardShortcut, &Entry)> = TABLE
        .iter()
        .filter(|e| !typing || e.while_typing)
        .flat_map(|e| e.shortcuts().map(move |s| (s, e)))
        .collect();
    let weight = |m: Modifiers| u8::from(m.shift) + u8::from(m.alt) + u8::from(m.command || m.ctrl);
    keys.sort_by_key(|(s, _)| std::cmp::Reverse(weight(s.modifiers)));
    let mut fired: Vec<Command> = Vec::new();
    for (shortcut, entry) in keys {
        if !fired.contains(&entry.command) && input.consume_shortcut(&shortcut) {
            fired.push(entry.command.clone());
        }
    }
    fired
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

#[cfg(test)]
mod tests {
    use super::{Command, TABLE, key_cap};
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
        let keys = |c: Command| c.entry().and_then(|e| e.keys_text(&ctx));
        assert_eq!(keys(Command::ZoomIn).as_deref(), Some("= / +"));
        assert_eq!(keys(Command::ZoomOut).as_deref(), Some("-"));
        assert_eq!(
            keys(Command::Redo).as_deref(),
            Some("Ctrl+Shift+Z / Ctrl+Y")
        );
    }

    #[test]
    fn no_two_commands_share_a_shortcut_or_an_entry() {
        let mut seen = Vec::new();
        for (i, e) in TABLE.iter().enumerate() {
            assert!(
                TABLE[..i].iter().all(|o| o.command != e.command),
                "{:?} has two entries",
                e.command
            );
            for s in e.shortcuts() {
                assert!(!seen.contains(&s), "{:?} reuses a key", e.command);
                seen.push(s);
            }
        }
    }
}
