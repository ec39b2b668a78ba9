//! Builds the sample maps in `maps/` from their specs in `map-specs/`.
//!
//! A spec (`map-specs/NAME.json`) holds a map's content as a teacher would write it: claims in
//! plain words, each quote as the exact text of the article (copied from the file in
//! `assets/articles/`), links written on the card they start from, and the presentation story.
//! This program finds every quote in its article (it must occur exactly once, or the spec says
//! which occurrence), anchors it by char offsets, gives every item its id, lays the cards out and
//! writes `maps/NAME.json`. Anything it cannot resolve is an error: nothing is guessed.
//!
//! Run from the repository: `cargo run --example make_sample_maps [map-specs/NAME.json ...]`
//! (no arguments: every spec). The test `tests/sample_maps.rs` builds the maps again from the
//! specs and checks that the files in `maps/` are what this program writes.

use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use warrant::anchor::{Located, anchor_from_range, locate};
use warrant::model::{
    Actor, ActorId, Claim, Color, Link, LinkId, Map, NodeId, Point, Quote, Relation, Source,
    SourceId, Step, StepId, Tag, TagId, link_rule,
};

// ---------------------------------------------------------------------------------------------
// Card sizes: the one estimate shared by this generator and the test that checks for overlaps.

/// Width of a claim or quote card on the canvas, in canvas units.
pub const CARD_WIDTH: f32 = 240.0;
/// Characters that fit on one line of a card.
pub const CHARS_PER_LINE: usize = 34;
/// Height of one line of card text.
pub const LINE_HEIGHT: f32 = 18.0;
/// Padding above and below a card's text (and room for its label line).
pub const CARD_PADDING: f32 = 40.0;

/// Lines `text` takes on a card: each line of the text (quotes of the PDF-extracted memo keep
/// their line breaks) is word-wrapped at [`CHARS_PER_LINE`]; a word too long for a line takes as
/// many lines as it needs.
pub fn wrapped_lines(text: &str) -> usize {
    let mut total = 0;
    for line in text.split('\n') {
        let mut lines = 1;
        let mut used = 0;
        for word in line.split_whitespace() {
            let len = word.chars().count();
            if used == 0 {
                lines += (len.max(1) - 1) / CHARS_PER_LINE;
                used = (len - 1) % CHARS_PER_LINE + 1;
            } else if used + 1 + len <= CHARS_PER_LINE {
                used += 1 + len;
            } else {
                lines += 1 + (len.max(1) - 1) / CHARS_PER_LINE;
                used = (len - 1) % CHARS_PER_LINE + 1;
            }
        }
        total += lines;
    }
    total.max(1)
}

/// The estimated size (width, height) of a card showing `text`.
pub fn card_size(text: &str) -> (f32, f32) {
    (
        CARD_WIDTH,
        CARD_PADDING + LINE_HEIGHT * wrapped_lines(text) as f32,
    )
}

// ---------------------------------------------------------------------------------------------
// Layout constants: generous gaps, so that cards a little taller than estimated still clear.

/// Between a claim card and its first quote, and between quotes.
const QUOTE_GAP: f32 = 40.0;
/// Between the bottom of a row's tallest column and the top of the next row.
const ROW_GAP: f32 = 150.0;
/// Between neighbouring columns in a row.
const COLUMN_GAP: f32 = 70.0;
/// Between the trees of two thesis claims.
const TREE_GAP: f32 = 200.0;

// ---------------------------------------------------------------------------------------------
// The spec format.

/// A map as a teacher writes it. Items are named by readable keys; the file gets short ids.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spec {
    /// Free text for whoever edits the spec; not copied into the map.
    #[serde(default, rename = "_comment")]
    pub comment: Vec<String>,
    pub title: String,
    pub description: String,
    pub sources: Vec<SourceSpec>,
    pub actors: Vec<NamedSpec>,
    pub tags: Vec<NamedSpec>,
    pub claims: Vec<ClaimSpec>,
    pub quotes: Vec<QuoteSpec>,
    pub story: Vec<StepSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceSpec {
    pub key: String,
    /// File name in `assets/articles/`.
    pub file: String,
    pub title: String,
    #[serde(default)]
    pub author: String,
    #[serde(default)]
    pub outlet: String,
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub url: Option<String>,
}

/// An actor or a tag.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NamedSpec {
    pub key: String,
    pub name: String,
    /// `#rrggbb`; by default the next colour of the palette.
    #[serde(default)]
    pub color: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimSpec {
    pub key: String,
    pub text: String,
    #[serde(default)]
    pub thesis: bool,
    #[serde(default)]
    pub actors: Vec<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub supports: Vec<String>,
    #[serde(default)]
    pub opposes: Vec<String>,
    #[serde(default)]
    pub contradicts: Vec<String>,
    /// Claims this one qualifies: a point granted against them that does not defeat them.
    #[serde(default)]
    pub qualifies: Vec<String>,
    /// The claim this card is laid out under, when it is not the first claim it supports or
    /// opposes (a claim that only contradicts another needs one).
    #[serde(default)]
    pub under: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuoteSpec {
    pub key: String,
    /// The source's key; may be left out when the map has one source.
    #[serde(default)]
    pub source: Option<String>,
    /// The exact text, as it appears in the article.
    pub text: String,
    /// Which occurrence (1 = first) when the text occurs more than once.
    #[serde(default)]
    pub occurrence: Option<usize>,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub supports: Vec<String>,
    #[serde(default)]
    pub opposes: Vec<String>,
    #[serde(default)]
    pub qualifies: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepSpec {
    pub title: String,
    #[serde(default)]
    pub show: Vec<String>,
    #[serde(default)]
    pub focus: Vec<String>,
    #[serde(default)]
    pub note: String,
}

// ---------------------------------------------------------------------------------------------
// Building a map.

/// Colours for actors past the eight of [`Color::palette`], chosen to stay apart from them.
const MORE_COLOURS: [Color; 8] = [
    Color::rgb(0x7f, 0x7f, 0x7f),
    Color::rgb(0xbc, 0xbd, 0x22),
    Color::rgb(0x39, 0x3b, 0x79),
    Color::rgb(0x63, 0x79, 0x39),
    Color::rgb(0x84, 0x3c, 0x39),
    Color::rgb(0x7b, 0x41, 0x73),
    Color::rgb(0x00, 0x6d, 0x5b),
    Color::rgb(0xb8, 0x86, 0x0b),
];

fn colour(n: usize, given: Option<&String>, key: &str) -> Result<Color, String> {
    match given {
        Some(hex) => Color::from_hex(hex).ok_or_else(|| format!("{key}: bad colour {hex:?}")),
        None if n < 8 => Ok(Color::palette(n)),
        None => MORE_COLOURS
            .get(n - 8)
            .copied()
            .ok_or_else(|| format!("{key}: more than 16 colours needed; give it a \"color\"")),
    }
}

/// Where `needle` occurs in `hay` (byte offsets), overlapping occurrences included.
fn occurrences(hay: &str, needle: &str) -> Vec<usize> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(i) = hay[from..].find(needle) {
        found.push(from + i);
        let step = hay[from + i..].chars().next().map_or(1, char::len_utf8);
        from += i + step;
    }
    found
}

/// The anchor for the quote `q` in `text`: found by its exact text, never retyped.
fn anchor_quote(text: &str, q: &QuoteSpec) -> Result<warrant::model::TextAnchor, String> {
    let found = occurrences(text, &q.text);
    let which = match (found.len(), q.occurrence) {
        (0, _) => {
            return Err(format!(
                "quote {}: its text is not in the article: {:?}",
                q.key, q.text
            ));
        }
        (1, None | Some(1)) => 0,
        (n, None) => {
            return Err(format!(
                "quote {}: its text occurs {n} times; say which with \"occurrence\"",
                q.key
            ));
        }
        (n, Some(k)) if k == 0 || k > n => {
            return Err(format!(
                "quote {}: occurrence {k} asked for, but the text occurs {n} times",
                q.key
            ));
        }
        (_, Some(k)) => k - 1,
    };
    let byte = found[which];
    let start = text[..byte].chars().count();
    let end = start + q.text.chars().count();
    let anchor =
        anchor_from_range(text, start, end).map_err(|e| format!("quote {}: {e}", q.key))?;
    if anchor.exact != q.text || locate(text, &anchor) != Located::Exact {
        return Err(format!(
            "quote {}: the anchor does not hold its text",
            q.key
        ));
    }
    Ok(anchor)
}

/// Keys → ids, refusing duplicates.
fn id_table<'a>(
    what: &str,
    prefix: &str,
    keys: impl Iterator<Item = &'a str>,
    table: &mut HashMap<String, String>,
) -> Result<(), String> {
    for (n, key) in keys.enumerate() {
        if table
            .insert(key.to_owned(), format!("{prefix}{}", n + 1))
            .is_some()
        {
            return Err(format!("the key {key:?} is used twice ({what})"));
        }
    }
    Ok(())
}

fn look_up(
    table: &HashMap<String, String>,
    key: &str,
    what: &str,
    by: &str,
) -> Result<String, String> {
    table
        .get(key)
        .cloned()
        .ok_or_else(|| format!("{by}: no {what} with key {key:?}"))
}

/// Reads a spec file.
pub fn read_spec(path: &Path) -> Result<Spec, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_slice(&bytes).map_err(|e| format!("{}: {e}", path.display()))
}

/// Builds the map of the spec at `spec_path`, with the articles in `articles`.
pub fn build_map(spec_path: &Path, articles: &Path) -> Result<Map, String> {
    let spec = read_spec(spec_path)?;
    build(&spec, articles).map_err(|e| format!("{}: {e}", spec_path.display()))
}

/// The articles, embedded whole from `articles/`; returns source keys → ids.
fn add_sources(
    map: &mut Map,
    spec: &Spec,
    articles: &Path,
) -> Result<HashMap<String, String>, String> {
    let mut sources = HashMap::new();
    id_table(
        "source",
        "s",
        spec.sources.iter().map(|s| s.key.as_str()),
        &mut sources,
    )?;
    for s in &spec.sources {
        let path = articles.join(&s.file);
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut source = Source::new(s.title.clone(), text);
        source.id = SourceId(sources[&s.key].clone());
        source.author.clone_from(&s.author);
        source.outlet.clone_from(&s.outlet);
        source.date.clone_from(&s.date);
        source.url.clone_from(&s.url);
        map.sources.push(source);
    }
    Ok(sources)
}

type Keys = HashMap<String, String>;

/// Actors and tags, each with its colour; returns their keys → ids.
fn add_actors_and_tags(map: &mut Map, spec: &Spec) -> Result<(Keys, Keys), String> {
    let mut actors = HashMap::new();
    id_table(
        "actor",
        "a",
        spec.actors.iter().map(|a| a.key.as_str()),
        &mut actors,
    )?;
    for (n, a) in spec.actors.iter().enumerate() {
        map.actors.push(Actor {
            id: ActorId(actors[&a.key].clone()),
            name: a.name.clone(),
            color: colour(n, a.color.as_ref(), &a.key)?,
        });
    }
    let mut tags = HashMap::new();
    id_table(
        "tag",
        "t",
        spec.tags.iter().map(|t| t.key.as_str()),
        &mut tags,
    )?;
    for (n, t) in spec.tags.iter().enumerate() {
        map.tags.push(Tag {
            id: TagId(tags[&t.key].clone()),
            name: t.name.clone(),
            color: colour(n, t.color.as_ref(), &t.key)?,
        });
    }
    Ok((actors, tags))
}

/// Builds the map of `spec`.
pub fn build(spec: &Spec, articles: &Path) -> Result<Map, String> {
    let mut map = Map::new(spec.title.clone());
    map.description.clone_from(&spec.description);
    let sources = add_sources(&mut map, spec, articles)?;
    let (actors, tags) = add_actors_and_tags(&mut map, spec)?;

    let mut nodes = HashMap::new();
    id_table(
        "claim",
        "c",
        spec.claims.iter().map(|c| c.key.as_str()),
        &mut nodes,
    )?;
    let mut quote_ids = HashMap::new();
    id_table(
        "quote",
        "q",
        spec.quotes.iter().map(|q| q.key.as_str()),
        &mut quote_ids,
    )?;
    for (key, id) in quote_ids {
        if nodes.insert(key.clone(), id).is_some() {
            return Err(format!("the key {key:?} names both a claim and a quote"));
        }
    }
    let claim_keys: HashSet<&str> = spec.claims.iter().map(|c| c.key.as_str()).collect();

    for c in &spec.claims {
        let claim = Claim {
            id: NodeId(nodes[&c.key].clone()),
            text: c.text.clone(),
            thesis: c.thesis,
            actors: c
                .actors
                .iter()
                .map(|a| look_up(&actors, a, "actor", &c.key).map(ActorId))
                .collect::<Result<_, _>>()?,
            tags: c
                .tags
                .iter()
                .map(|t| look_up(&tags, t, "tag", &c.key).map(TagId))
                .collect::<Result<_, _>>()?,
            note: c.note.clone(),
            pos: Point::default(),
        };
        map.claims.push(claim);
    }
    for q in &spec.quotes {
        let source_key = match (&q.source, spec.sources.as_slice()) {
            (Some(k), _) => k.clone(),
            (None, [only]) => only.key.clone(),
            (None, _) => return Err(format!("quote {}: say which source it is from", q.key)),
        };
        let source_id = look_up(&sources, &source_key, "source", &q.key)?;
        let text = &map
            .sources
            .iter()
            .find(|s| s.id.0 == source_id)
            .ok_or_else(|| format!("quote {}: no source {source_id}", q.key))?
            .text;
        let anchor = anchor_quote(text, q)?;
        map.quotes.push(Quote {
            id: NodeId(nodes[&q.key].clone()),
            source: SourceId(source_id),
            anchor,
            note: q.note.clone(),
            pos: Point::default(),
        });
    }

    add_links(&mut map, spec, &nodes, &claim_keys)?;
    add_story(&mut map, spec, &nodes)?;
    lay_out(&mut map, spec, &nodes)?;
    // Then as Tidy lays it out (from the same top-left corner), so the maps open compact.
    let tidy = warrant::layout::tidy(&map, &warrant::layout::LayoutSettings::default());
    let moved: HashMap<_, _> = tidy.into_iter().collect();
    for claim in &mut map.claims {
        claim.pos = moved.get(&claim.id).copied().unwrap_or(claim.pos);
    }
    for quote in &mut map.quotes {
        quote.pos = moved.get(&quote.id).copied().unwrap_or(quote.pos);
    }

    let errors = map.integrity_errors();
    if !errors.is_empty() {
        let list: Vec<String> = errors.iter().map(ToString::to_string).collect();
        return Err(format!("the map is not sound: {}", list.join("; ")));
    }
    let problems = warrant::check::problems(&map);
    if !problems.is_empty() {
        let list: Vec<String> = problems.iter().map(|p| p.message.clone()).collect();
        return Err(format!("the map has problems: {}", list.join("; ")));
    }
    Ok(map)
}

/// The links written on claims and quotes, in spec order: claims first, then quotes.
fn add_links(
    map: &mut Map,
    spec: &Spec,
    nodes: &HashMap<String, String>,
    claim_keys: &HashSet<&str>,
) -> Result<(), String> {
    let mut wanted: Vec<(&str, &str, Relation)> = Vec::new();
    for c in &spec.claims {
        for (targets, relation) in [
            (&c.supports, Relation::Supports),
            (&c.opposes, Relation::Opposes),
            (&c.contradicts, Relation::Contradicts),
            (&c.qualifies, Relation::Qualifies),
        ] {
            wanted.extend(
                targets
                    .iter()
                    .map(|t| (c.key.as_str(), t.as_str(), relation)),
            );
        }
    }
    for q in &spec.quotes {
        if q.supports.is_empty() && q.opposes.is_empty() && q.qualifies.is_empty() {
            return Err(format!(
                "quote {} supports, opposes or qualifies nothing",
                q.key
            ));
        }
        for (targets, relation) in [
            (&q.supports, Relation::Supports),
            (&q.opposes, Relation::Opposes),
            (&q.qualifies, Relation::Qualifies),
        ] {
            wanted.extend(
                targets
                    .iter()
                    .map(|t| (q.key.as_str(), t.as_str(), relation)),
            );
        }
    }
    let mut seen = HashSet::new();
    for (n, (from, to, relation)) in wanted.into_iter().enumerate() {
        let by = format!("{from} → {to}");
        let from_id = look_up(nodes, from, "claim or quote", &by)?;
        let to_id = look_up(nodes, to, "claim or quote", &by)?;
        link_rule(claim_keys.contains(from), claim_keys.contains(to), relation)
            .map_err(|e| format!("{by}: {e}"))?;
        let pair = if relation.is_symmetric() && to_id < from_id {
            (to_id.clone(), from_id.clone())
        } else {
            (from_id.clone(), to_id.clone())
        };
        if from_id == to_id || !seen.insert(pair) {
            return Err(format!(
                "{by}: a self-link or the same two cards linked twice"
            ));
        }
        map.links.push(Link {
            id: LinkId(format!("l{}", n + 1)),
            from: NodeId(from_id),
            to: NodeId(to_id),
            relation,
        });
    }
    Ok(())
}

/// The most steps a story may have.
pub const MAX_STEPS: usize = 16;
/// The most cards one step may reveal: more than a class can read at once on a projector.
pub const MAX_NEW_CARDS: usize = 7;

/// The story, checked: 6 to [`MAX_STEPS`] steps that between them reveal every card, none more
/// than [`MAX_NEW_CARDS`], each step focusing only on cards already revealed.
fn add_story(map: &mut Map, spec: &Spec, nodes: &HashMap<String, String>) -> Result<(), String> {
    if !(6..=MAX_STEPS).contains(&spec.story.len()) {
        return Err(format!(
            "the story has {} steps, not 6 to {MAX_STEPS}",
            spec.story.len()
        ));
    }
    let mut shown: HashSet<String> = HashSet::new();
    for (n, s) in spec.story.iter().enumerate() {
        let by = format!("story step {} ({})", n + 1, s.title);
        if s.show.len() > MAX_NEW_CARDS {
            return Err(format!(
                "{by} reveals {} cards, more than {MAX_NEW_CARDS}: split it",
                s.show.len()
            ));
        }
        let show = s
            .show
            .iter()
            .map(|k| look_up(nodes, k, "claim or quote", &by).map(NodeId))
            .collect::<Result<Vec<_>, _>>()?;
        for id in &show {
            if !shown.insert(id.0.clone()) {
                return Err(format!("{by}: {id} was already shown by an earlier step"));
            }
        }
        let focus = s
            .focus
            .iter()
            .map(|k| look_up(nodes, k, "claim or quote", &by).map(NodeId))
            .collect::<Result<Vec<_>, _>>()?;
        if let Some(f) = focus.iter().find(|f| !shown.contains(&f.0)) {
            return Err(format!("{by}: focuses on {f}, which is not shown yet"));
        }
        map.story.push(Step {
            id: StepId(format!("p{}", n + 1)),
            title: s.title.clone(),
            show,
            focus,
            note: s.note.clone(),
        });
    }
    let mut hidden: Vec<&str> = spec
        .claims
        .iter()
        .map(|c| c.key.as_str())
        .chain(spec.quotes.iter().map(|q| q.key.as_str()))
        .filter(|k| !shown.contains(&nodes[*k]))
        .collect();
    hidden.sort_unstable();
    if hidden.is_empty() {
        Ok(())
    } else {
        Err(format!("the story never shows {}", hidden.join(", ")))
    }
}

// ---------------------------------------------------------------------------------------------
// Layout: a layered tree. Thesis claims on top; under each claim, first its own quotes in a
// column, then, one row lower, the claims laid out under it. Every claim belongs to one tree.

struct Tree<'a> {
    children: HashMap<&'a str, Vec<&'a str>>,
    quotes: HashMap<&'a str, Vec<&'a str>>,
    texts: HashMap<&'a str, &'a str>,
}

impl Tree<'_> {
    /// Height of a claim's column: the claim and its quotes.
    fn column_height(&self, claim: &str) -> f32 {
        let mut h = card_size(self.texts[claim]).1;
        for q in self.quotes.get(claim).into_iter().flatten() {
            h += QUOTE_GAP + card_size(self.texts[q]).1;
        }
        h
    }

    fn width(&self, claim: &str) -> f32 {
        let kids = self.children.get(claim).map_or(&[][..], Vec::as_slice);
        let span: f32 = kids.iter().map(|k| self.width(k)).sum::<f32>()
            + COLUMN_GAP * kids.len().saturating_sub(1) as f32;
        span.max(CARD_WIDTH)
    }
}

fn parent_of<'a>(c: &'a ClaimSpec, claim_keys: &HashSet<&str>) -> Option<&'a str> {
    c.under.as_deref().or_else(|| {
        c.supports
            .iter()
            .chain(&c.opposes)
            .chain(&c.qualifies)
            .map(String::as_str)
            .find(|t| claim_keys.contains(t))
    })
}

fn lay_out(map: &mut Map, spec: &Spec, nodes: &HashMap<String, String>) -> Result<(), String> {
    let claim_keys: HashSet<&str> = spec.claims.iter().map(|c| c.key.as_str()).collect();
    let mut tree = Tree {
        children: HashMap::new(),
        quotes: HashMap::new(),
        texts: HashMap::new(),
    };
    let mut roots = Vec::new();
    for c in &spec.claims {
        tree.texts.insert(&c.key, &c.text);
        if c.thesis {
            if c.under.is_some() {
                return Err(format!(
                    "thesis {} cannot be laid out under another claim",
                    c.key
                ));
            }
            roots.push(c.key.as_str());
        } else if let Some(p) = parent_of(c, &claim_keys).filter(|p| claim_keys.contains(p)) {
            tree.children.entry(p).or_default().push(&c.key);
        } else {
            return Err(format!(
                "claim {} has no place in the layout: let it support or oppose a claim, or give \"under\"",
                c.key
            ));
        }
    }
    if roots.is_empty() {
        return Err("no claim is marked as the thesis".into());
    }
    for q in &spec.quotes {
        tree.texts.insert(&q.key, &q.text);
        let first = q
            .supports
            .iter()
            .chain(&q.opposes)
            .chain(&q.qualifies)
            .next()
            .map(String::as_str);
        if let Some(claim) = first.filter(|c| claim_keys.contains(c)) {
            tree.quotes.entry(claim).or_default().push(&q.key);
        }
    }

    // Depth of every claim, from the roots; a claim not reached sits in a cycle.
    let mut depth: HashMap<&str, usize> = HashMap::new();
    let mut queue: Vec<(&str, usize)> = roots.iter().map(|r| (*r, 0)).collect();
    while let Some((c, d)) = queue.pop() {
        depth.insert(c, d);
        for k in tree.children.get(c).into_iter().flatten() {
            queue.push((k, d + 1));
        }
    }
    if let Some(c) = spec
        .claims
        .iter()
        .find(|c| !depth.contains_key(c.key.as_str()))
    {
        return Err(format!(
            "claim {} is laid out under itself (a cycle)",
            c.key
        ));
    }
    let rows = depth.values().max().copied().unwrap_or(0) + 1;
    let mut row_height = vec![0.0_f32; rows];
    for (c, d) in &depth {
        row_height[*d] = row_height[*d].max(tree.column_height(c));
    }
    let mut row_top = vec![0.0_f32; rows];
    for d in 1..rows {
        row_top[d] = row_top[d - 1] + row_height[d - 1] + ROW_GAP;
    }

    let mut pos: HashMap<&str, Point> = HashMap::new();
    let mut left = 0.0;
    for root in &roots {
        place(&tree, root, left, 0, &row_top, &mut pos);
        left += tree.width(root) + TREE_GAP;
    }
    for claim in &mut map.claims {
        let key = key_of(nodes, &claim.id.0);
        claim.pos = pos[key.as_str()];
    }
    for quote in &mut map.quotes {
        let key = key_of(nodes, &quote.id.0);
        quote.pos = *pos
            .get(key.as_str())
            .ok_or_else(|| format!("quote {key} is evidence for no claim"))?;
    }
    Ok(())
}

fn key_of(nodes: &HashMap<String, String>, id: &str) -> String {
    nodes
        .iter()
        .find(|(_, v)| v.as_str() == id)
        .map(|(k, _)| k.clone())
        .unwrap_or_default()
}

/// Places the subtree of `claim` in the band starting at `left`.
fn place<'a>(
    tree: &Tree<'a>,
    claim: &'a str,
    left: f32,
    depth: usize,
    row_top: &[f32],
    pos: &mut HashMap<&'a str, Point>,
) {
    let width = tree.width(claim);
    let kids = tree.children.get(claim).map_or(&[][..], Vec::as_slice);
    let x = if kids.is_empty() {
        left + (width - CARD_WIDTH) / 2.0
    } else {
        let span: f32 =
            kids.iter().map(|k| tree.width(k)).sum::<f32>() + COLUMN_GAP * (kids.len() - 1) as f32;
        let mut x = left + (width - span) / 2.0;
        let mut first_centre = None;
        let mut last_centre = 0.0;
        for k in kids {
            place(tree, k, x, depth + 1, row_top, pos);
            let centre = pos[k].x + CARD_WIDTH / 2.0;
            first_centre.get_or_insert(centre);
            last_centre = centre;
            x += tree.width(k) + COLUMN_GAP;
        }
        f32::midpoint(first_centre.unwrap_or(last_centre), last_centre) - CARD_WIDTH / 2.0
    };
    let x = x.round();
    let mut y = row_top[depth];
    pos.insert(claim, Point::new(x, y));
    y += card_size(tree.texts[claim]).1;
    for q in tree.quotes.get(claim).into_iter().flatten() {
        y += QUOTE_GAP;
        pos.insert(q, Point::new(x, y));
        y += card_size(tree.texts[q]).1;
    }
}

// ---------------------------------------------------------------------------------------------

/// The repository: where `maps/` and `assets/` are.
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every spec in `map-specs/`, sorted.
pub fn all_specs(root: &Path) -> Result<Vec<PathBuf>, String> {
    let dir = root.join("map-specs");
    let mut specs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    specs.sort();
    Ok(specs)
}

/// `maps/NAME.json` for the spec `map-specs/NAME.json`.
pub fn map_path_for(root: &Path, spec: &Path) -> PathBuf {
    let name = spec.file_name().unwrap_or_default();
    root.join("maps").join(name)
}

fn run() -> Result<(), String> {
    let root = repo_root();
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let specs = if args.is_empty() {
        all_specs(&root)?
    } else {
        args
    };
    for spec in &specs {
        let map = build_map(spec, &root.join("assets/articles"))?;
        let out = map_path_for(&root, spec);
        warrant::io::save(&out, &map).map_err(|e| e.to_string())?;
        let bak = warrant::io::backup_path(&out);
        if bak.exists() {
            std::fs::remove_file(&bak).map_err(|e| format!("{}: {e}", bak.display()))?;
        }
        let (s, o, c, q) = map.link_counts();
        println!(
            "{}: {} claims, {} quotes, {} links ({s} supports, {o} opposes, {c} contradicts, {q} qualifies), {} steps",
            out.strip_prefix(&root).unwrap_or(&out).display(),
            map.claims.len(),
            map.quotes.len(),
            map.links.len(),
            map.story.len()
        );
    }
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("make_sample_maps: {e}");
            ExitCode::FAILURE
        }
    }
}
