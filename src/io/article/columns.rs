//! A page's fragments in reading order: columns (two, three or more) read one after the other,
//! left to right, and a full-width line (a title, a figure caption) between them ends one band
//! of columns and starts the next.

use super::layout::Frag;

/// Fragments beside each other in columns; they may be read one column at a time.
const MIN_FRAGMENTS: usize = 8;
/// The fewest lines a column holds, and its least width in ems: narrower strips are a list's
/// numbers or a table's cells, not columns of text.
const MIN_COLUMN_LINES: usize = 4;
const MIN_COLUMN_EMS: f64 = 6.0;
/// More empty strips than this make a table or a form, not columns of text: read row by row.
/// It also bounds the work on a page made to be slow.
const MAX_GUTTERS: usize = 12;

/// The page's fragments as blocks in reading order, and how many columns the page has.
pub(super) fn reading_order(frags: Vec<Frag>) -> (Vec<Vec<Frag>>, usize) {
    let by_y = |mut v: Vec<Frag>| {
        v.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
        v
    };
    let gutters = gutters(&frags);
    if gutters.is_empty() {
        return (vec![by_y(frags)], 1);
    }
    let count = gutters.len() + 1;
    let mut columns: Vec<Vec<Frag>> = vec![Vec::new(); count];
    let mut spanning = Vec::new();
    for f in frags {
        match column_of(&f, &gutters) {
            Some(c) => columns[c].push(f),
            None => spanning.push(f),
        }
    }
    let mut columns: Vec<Vec<Frag>> = columns.into_iter().map(by_y).collect();
    lift_lines_above_columns(&mut columns, &mut spanning);
    let mut columns: Vec<_> = columns
        .into_iter()
        .map(|c| c.into_iter().peekable())
        .collect();
    let mut blocks = Vec::new();
    for s in by_y(spanning) {
        for column in &mut columns {
            let mut band = Vec::new();
            while let Some(f) = column.next_if(|f| f.y < s.y) {
                band.push(f);
            }
            blocks.push(band);
        }
        blocks.push(vec![s]);
    }
    blocks.extend(columns.into_iter().map(Iterator::collect));
    blocks.retain(|b: &Vec<Frag>| !b.is_empty());
    (blocks, count)
}

/// Moves the lines centred on the page above where the columns start (a first page's title,
/// author and date, short enough to sit inside the middle column's strip) to the full-width
/// lines, to be read first. The columns start where the second of them does.
fn lift_lines_above_columns(columns: &mut [Vec<Frag>], spanning: &mut Vec<Frag>) {
    let all = || columns.iter().flatten();
    let left = all().map(|f| f.x0).fold(f64::INFINITY, f64::min);
    let right = all().map(|f| f.x1).fold(f64::NEG_INFINITY, f64::max);
    let middle = f64::midpoint(left, right);
    let mut tops: Vec<f64> = columns
        .iter()
        .filter_map(|c| c.first().map(|f| f.y))
        .collect();
    tops.sort_by(f64::total_cmp);
    let Some(&top) = tops.get(1) else {
        return;
    };
    for column in columns {
        let above = column
            .iter()
            .take_while(|f| {
                let centred = (f64::midpoint(f.x0, f.x1) - middle).abs() < 2.0 * f.size;
                f.y < top - 0.5 * f.size && centred
            })
            .count();
        spanning.extend(column.drain(..above));
    }
}

/// The column a fragment lies in between the gutters, or `None` when it crosses one.
fn column_of(f: &Frag, gutters: &[(f64, f64)]) -> Option<usize> {
    let c = gutters.iter().filter(|&&(_, g1)| f.x0 >= g1 - 0.5).count();
    let fits = gutters.get(c).is_none_or(|&(g0, _)| f.x1 <= g0 + 0.5);
    fits.then_some(c)
}

/// The empty strips between columns, left to right: runs that almost no fragment crosses, at
/// least 0.6 em wide, with enough lines on both sides of each to be columns.
fn gutters(frags: &[Frag]) -> Vec<(f64, f64)> {
    const BINS: usize = 600;
    if frags.len() < MIN_FRAGMENTS {
        return Vec::new();
    }
    let left = frags.iter().map(|f| f.x0).fold(f64::INFINITY, f64::min);
    let right = frags.iter().map(|f| f.x1).fold(f64::NEG_INFINITY, f64::max);
    let extent = right - left;
    if !extent.is_finite() || extent <= 0.0 {
        return Vec::new();
    }
    let bin = extent / BINS as f64;
    let mut cover = vec![0usize; BINS];
    for f in frags {
        let a = (((f.x0 - left) / bin) as usize).min(BINS - 1);
        let b = (((f.x1 - left) / bin).ceil() as usize).min(BINS);
        for c in &mut cover[a..b] {
            *c += 1;
        }
    }
    let mut sizes: Vec<f64> = frags.iter().map(|f| f.size).collect();
    sizes.sort_by(f64::total_cmp);
    let em = sizes[sizes.len() / 2];
    // Titles and captions may cross a gutter; body lines do not.
    let tolerance = frags.len() / 10;
    let mut runs = Vec::new();
    let mut run_start = None;
    for (i, &c) in cover.iter().enumerate() {
        match (c <= tolerance, run_start) {
            (true, None) => run_start = Some(i),
            (false, Some(s)) => {
                let (g0, g1) = (left + s as f64 * bin, left + i as f64 * bin);
                if s > 0 && g1 - g0 >= 0.6 * em {
                    runs.push((g0, g1));
                }
                run_start = None;
            }
            _ => {}
        }
    }
    if runs.len() > MAX_GUTTERS {
        return Vec::new();
    }
    keep_columns(frags, runs, left, right, em)
}

/// The runs that part real columns: each strip between two kept gutters (or a gutter and the
/// text's edge) is wide enough and holds enough lines. The narrowest offender goes first, so a
/// gutter inside a column does not take a true one with it.
fn keep_columns(
    frags: &[Frag],
    mut runs: Vec<(f64, f64)>,
    left: f64,
    right: f64,
    em: f64,
) -> Vec<(f64, f64)> {
    loop {
        let mut edges = vec![left];
        for &(g0, g1) in &runs {
            edges.extend([g0, g1]);
        }
        edges.push(right);
        let bad = edges
            .chunks_exact(2)
            .enumerate()
            .map(|(c, e)| {
                let lines = frags
                    .iter()
                    .filter(|f| column_of(f, &runs) == Some(c))
                    .count();
                let width = e[1] - e[0];
                (
                    c,
                    width,
                    lines < MIN_COLUMN_LINES || width < MIN_COLUMN_EMS * em,
                )
            })
            .filter(|&(_, _, bad)| bad)
            .min_by(|a, b| a.1.total_cmp(&b.1));
        let Some((c, _, _)) = bad else {
            return runs;
        };
        if runs.is_empty() {
            return runs;
        }
        // Drop the gutter beside the narrow strip that leaves the wider neighbour merged.
        runs.remove(c.min(runs.len() - 1));
    }
}
