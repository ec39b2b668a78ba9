//! The command table's entries: every command the user can ask for by name, with its label,
//! help line, keys and place in the menus and toolbar, in menu order.

use super::{Command, Entry, Menu};
use egui::{Key, Modifiers};

const CMD: Modifiers = Modifiers::COMMAND;
const CMD_SHIFT: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};
const NONE: Modifiers = Modifiers::NONE;
const SHIFT: Modifiers = Modifiers::SHIFT;

/// Every user command, in menu order.
pub const TABLE: &[Entry] = &[
    // File
    Entry::new(Command::NewMap, "New map", "Start an empty map (asks to save changes first)")
        .keys(&[(CMD, Key::N)])
        .menu(Menu::File, 0)
        .typing(),
    Entry::new(Command::Open, "Open…", "Open a map file (.warrant or .json)")
        .keys(&[(CMD, Key::O)])
        .menu(Menu::File, 0)
        .typing(),
    Entry::new(Command::Save, "Save", "Save the map to its file")
        .keys(&[(CMD, Key::S)])
        .menu(Menu::File, 1)
        .typing(),
    Entry::new(Command::SaveAs, "Save as…", "Save the map to a new file")
        .keys(&[(CMD_SHIFT, Key::S)])
        .menu(Menu::File, 1)
        .typing(),
    Entry::new(Command::AddArticle, "Add article…", "Add an article (text or Markdown) to quote from")
        .keys(&[(CMD_SHIFT, Key::A)])
        .menu(Menu::File, 2)
        .typing(),
    Entry::new(
        Command::PasteArticle,
        "Paste article…",
        "Add the clipboard's text as an article (asks for its title)",
    )
    .keys(&[(CMD_SHIFT, Key::V)])
    .menu(Menu::File, 2),
    Entry::new(
        Command::Import,
        "Import…",
        "Open an Argdown, AIF or Kialo file as a new map",
    )
    .menu(Menu::File, 2),
    Entry::new(Command::Export, "Export…", "Export the map as a drawing, image, handout or outline")
        .keys(&[(CMD_SHIFT, Key::E)])
        .menu(Menu::File, 2)
        .typing(),
    Entry::new(
        Command::CompareWith,
        "Compare with a reference map…",
        "Compare this map with a teacher's reference map of the same article(s)",
    )
    .menu(Menu::File, 3),
    Entry::new(
        Command::OpenClassFolder,
        "Open class folder…",
        "Compare every map in a folder of hand-ins with the reference map",
    )
    .menu(Menu::File, 3),
    Entry::new(Command::Quit, "Quit", "Close Warrant (asks to save changes first)")
        .keys(&[(CMD, Key::Q)])
        .menu(Menu::File, 4)
        .typing(),
    // Edit
    Entry::new(Command::Undo, "Undo", "Take back the last change")
        .keys(&[(CMD, Key::Z)])
        .menu(Menu::Edit, 0)
        .tool(20, None),
    Entry::new(Command::Redo, "Redo", "Make the change taken back again")
        .keys(&[(CMD_SHIFT, Key::Z), (CMD, Key::Y)])
        .menu(Menu::Edit, 0)
        .tool(21, None),
    Entry::new(Command::Copy, "Copy cards", "Copy the selected cards")
        .keys(&[(CMD, Key::C)])
        .menu(Menu::Edit, 1),
    Entry::new(Command::Paste, "Paste cards", "Paste copied cards beside the originals")
        .keys(&[(CMD, Key::V)])
        .menu(Menu::Edit, 1),
    Entry::new(Command::Delete, "Delete", "Delete the selected cards or link")
        .keys(&[(NONE, Key::Delete), (NONE, Key::Backspace)])
        .menu(Menu::Edit, 1),
    Entry::new(Command::SelectAll, "Select all", "Select every card")
        .keys(&[(CMD, Key::A)])
        .menu(Menu::Edit, 1),
    Entry::new(Command::NewClaim, "New claim", "Add a claim and type its text")
        .keys(&[(NONE, Key::C)])
        .menu(Menu::Edit, 2)
        .tool(0, Some("Add a claim in the middle of the view (or double-click the canvas)")),
    Entry::new(Command::EditSelected, "Edit text", "Edit the selected claim's text")
        .keys(&[(NONE, Key::Enter)])
        .menu(Menu::Edit, 2),
    Entry::new(
        Command::LinkSelected,
        "Link selected",
        "Link two selected cards; with one, choose the other by typing part of its text",
    )
    .keys(&[(NONE, Key::L)])
    .menu(Menu::Edit, 2)
    .tool(
        1,
        Some("Link the two selected cards, or the one selected to a card chosen by its text (L)"),
    ),
    Entry::new(
        Command::QuoteSelection,
        "Quote selection",
        "Make a quote card of the passage selected in the article",
    )
    .keys(&[(CMD, Key::E)])
    .menu(Menu::Edit, 2)
    .tool(2, Some("Make a quote card of the passage selected in the article"))
    .typing(),
    // View
    Entry::new(Command::ZoomIn, "Zoom in", "Zoom the canvas in")
        .keys(&[(NONE, Key::Equals), (NONE, Key::Plus)])
        .menu(Menu::View, 0)
        .tool(31, None),
    Entry::new(Command::ZoomOut, "Zoom out", "Zoom the canvas out")
        .keys(&[(NONE, Key::Minus)])
        .menu(Menu::View, 0)
        .tool(30, None),
    Entry::new(Command::FitMap, "Fit map", "Show the whole map")
        .keys(&[(NONE, Key::F)])
        .menu(Menu::View, 0)
        .tool(32, None),
    Entry::new(
        Command::FoldBranch,
        "Fold / unfold branch",
        "Hide or show what points at the selected cards",
    )
    .keys(&[(NONE, Key::B)])
    .menu(Menu::View, 1),
    Entry::new(Command::UnfoldAll, "Unfold all", "Show every folded branch again")
        .menu(Menu::View, 1),
    Entry::new(
        Command::FocusMode,
        "Focus on selection",
        "Show only the selected cards and what is linked to them, or everything again",
    )
    .keys(&[(SHIFT, Key::F)])
    .menu(Menu::View, 1)
    .tool(11, Some("Show only the selected cards and what is linked to them (Shift+F)"))
    .tool_label("Focus"),
    Entry::new(
        Command::ToggleCompare,
        "Comparison panel",
        "Show or hide the comparison with the reference map",
    )
    .menu(Menu::View, 2),
    Entry::new(Command::Present, "Present", "Present the map's story full screen")
        .keys(&[(NONE, Key::F5)])
        .menu(Menu::View, 2)
        .tool(12, Some("Present the map's story full screen (F5)")),
    Entry::new(
        Command::NextPanel,
        "Next panel",
        "Move the keyboard focus to the next part of the window: map, inspector, article",
    )
    .keys(&[(NONE, Key::F6)])
    .menu(Menu::View, 3)
    .typing(),
    Entry::new(
        Command::PreviousPanel,
        "Previous panel",
        "Move the keyboard focus back to the previous part of the window",
    )
    .keys(&[(SHIFT, Key::F6)])
    .menu(Menu::View, 3)
    .typing(),
    // The toolbar only.
    Entry::new(
        Command::Tidy,
        "Tidy",
        "Lay the map out: thesis on top, reasons and objections below (undoable)",
    )
    .tool(
        10,
        Some("Lay the map out: thesis on top, reasons and objections below, quotes under their claims (undoable)"),
    ),
    // Help
    Entry::new(
        Command::Welcome,
        "Welcome and how a map is built",
        "The ways in (new map, samples, recent maps) and the loop in six steps",
    )
    .menu(Menu::Help, 0),
    Entry::new(Command::ShowHelp, "Keyboard shortcuts", "This list").menu(Menu::Help, 0),
];
