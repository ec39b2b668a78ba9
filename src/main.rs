//! The `warrant` command: the app, or a headless subcommand.

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;
use warrant::cli;

/// Warrant: map the arguments in articles.
#[derive(Parser)]
#[command(version, about, args_conflicts_with_subcommands = true)]
struct Args {
    #[command(subcommand)]
    command: Option<Command>,
    /// A map to open in the app.
    file: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Check maps: every quote against its article, every article against its hash; and show
    /// what each map's argument holds (contradictions, inconsistent actors, gaps, coverage).
    ///
    /// Exit status: 0 all clean, 1 a map has problems (quotes moved, changed or orphaned, an
    /// altered article), 2 a file cannot be read as a map. Findings are notes, not problems.
    Check {
        /// Map files (.json).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Compare students' maps with a reference map of the same article(s).
    ///
    /// For one student: per article, the reference passages quoted, missed and added; the
    /// claims matched (by wording and by evidence), missed and added; the links between claims.
    /// For several (or with --csv): one row per student's file.
    /// Exit status: 0 compared, 2 a file cannot be read as a map.
    Compare {
        /// The teacher's reference map.
        reference: PathBuf,
        /// The students' maps.
        #[arg(required = true)]
        students: Vec<PathBuf>,
        /// Print the report as JSON.
        #[arg(long, conflicts_with = "csv")]
        json: bool,
        /// Print one row per student as CSV (for a spreadsheet).
        #[arg(long)]
        csv: bool,
    },
    /// A rubric summary of each map: every claim has evidence, both sides present,
    /// contradictions found, article coverage — each met or not, with its numbers.
    ///
    /// Exit status: 0 done, 2 a file cannot be read as a map.
    Rubric {
        /// Map files (.json).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Print the rubric as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Create a map holding these articles and no claims yet (an assignment for a class).
    New {
        /// The map file to create.
        out: PathBuf,
        /// The map's title.
        #[arg(long)]
        title: String,
        /// Articles (.txt or .md) to embed.
        articles: Vec<PathBuf>,
        /// Replace OUT if it exists (the old file is kept as OUT.bak).
        #[arg(long)]
        force: bool,
    },
    /// Export a map as SVG, PNG, PDF, a Markdown outline, a Graphviz graph, Argdown or AIF JSON
    /// (no window needed).
    ///
    /// Exit status: 0 written, 2 the map cannot be read, the options make no sense, or OUT
    /// cannot be written.
    Export {
        /// The map file (.json).
        map: PathBuf,
        /// What to write.
        #[arg(long, short, value_enum)]
        format: warrant::export::Format,
        /// Draw only story step N (from 1): its cards, earlier steps dimmed, its focus ringed.
        #[arg(long, value_name = "N")]
        step: Option<usize>,
        /// PNG only: pixels per canvas unit (default 2).
        #[arg(long, value_name = "S")]
        scale: Option<f32>,
        /// PDF only: add one page per story step.
        #[arg(long)]
        story: bool,
        /// PDF only: a map too big for one page at a readable size is tiled over pages (with
        /// an overview) or given as its outline (default: tile).
        #[arg(long, value_enum, value_name = "HOW")]
        pages: Option<warrant::export::PageMode>,
        /// With --step, SVG or PNG: the frame the presentation shows for that step on a
        /// W×H screen (e.g. 1920x1080), in a projector theme.
        #[arg(long, value_name = "WxH")]
        size: Option<String>,
        /// With --size: the projector theme of the frame (default: light).
        #[arg(long, value_enum, value_name = "THEME")]
        theme: Option<cli::FrameTheme>,
        /// Lay the map out first, as Tidy does (the map file is not changed).
        #[arg(long)]
        tidy: bool,
        /// The file to write (replaced if it exists).
        #[arg(long, short, value_name = "OUT")]
        out: PathBuf,
    },
    /// Import a map from Argdown (.argdown), AIF JSON (`AIFdb`, OVA3, xAIF) or a Kialo text
    /// export, and say what the map holds differently (undercuts, rephrases, dialogue…).
    ///
    /// The cards have no positions: they are laid out when the map is opened.
    /// Exit status: 0 written, 2 the file cannot be imported or OUT cannot be written.
    Import {
        /// The file to import.
        file: PathBuf,
        /// Its format (default: told from its content and name).
        #[arg(long, value_enum)]
        from: Option<cli::ImportFrom>,
        /// The map file to write (.json).
        #[arg(long, short, value_name = "MAP")]
        out: PathBuf,
        /// Replace OUT if it exists (the old file is kept as OUT.bak).
        #[arg(long)]
        force: bool,
    },
}

fn code(c: i32) -> ExitCode {
    ExitCode::from(u8::try_from(c).unwrap_or(2))
}

fn main() -> ExitCode {
    let args = Args::parse();
    match args.command {
        Some(Command::Check { files, json }) => code(cli::check(&files, json)),
        Some(Command::Compare {
            reference,
            students,
            json,
            csv,
        }) => {
            let output = if csv {
                cli::CompareOutput::Csv
            } else if json {
                cli::CompareOutput::Json
            } else {
                cli::CompareOutput::Text
            };
            code(cli::compare(&reference, &students, output))
        }
        Some(Command::Rubric { files, json }) => code(cli::class::rubric(&files, json)),
        Some(Command::New {
            out,
            title,
            articles,
            force,
        }) => code(cli::new_map(&out, &title, &articles, force)),
        Some(Command::Export {
            map,
            format,
            step,
            scale,
            story,
            pages,
            size,
            theme,
            tidy,
            out,
        }) => code(cli::export(&cli::ExportRequest {
            map,
            format,
            step,
            scale,
            out,
            tidy,
            story,
            pages,
            size,
            theme,
        })),
        Some(Command::Import {
            file,
            from,
            out,
            force,
        }) => code(cli::import(&file, from, &out, force)),
        None => match warrant::ui::run(args.file) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("warrant: cannot open the window: {e}");
                code(2)
            }
        },
    }
}
