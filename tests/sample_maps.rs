//! The sample maps in `maps/`: what a program can check of the rules in issue 4.
//!
//! Each map must load and check clean, embed its articles byte for byte, be what the generator
//! (`examples/make_sample_maps.rs`) makes of its spec, and meet the content rules: enough claims
//! and quotes, every claim evidenced by a quote, a thesis, a story of 6 to 16 steps (none revealing
//! more than 7 cards), no cards on top of each other; and the 2008 memo's map must show its two
//! mutually exclusive arguments. What `warrant check` says of them must not turn on their authors
//! (issue 14).

#[allow(dead_code)]
#[path = "../examples/make_sample_maps.rs"]
mod generator;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use warrant::model::{Map, NodeId, Relation, text_sha256};

const DEBATE_MAP: &str = "russia-nato-1996-2022-debate.json";
const MEMO_MAP: &str = "memo-2008-russia-nato-mutually-exclusive-arguments.json";

const ARTICLES: [&str; 5] = [
    "golz-1996-why-not-join-nato.txt",
    "rferl-1998-rapprochement-remains-fragile.txt",
    "memo-2008-russia-nato-mutually-exclusive-arguments.txt",
    "kosachev-2011-three-birds-with-one-stone.txt",
    "timofeev-2022-nato-talks-failing.txt",
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn map_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("maps"))
        .expect("maps/ is readable")
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

fn name(path: &Path) -> String {
    path.file_name()
        .expect("a file name")
        .to_string_lossy()
        .into_owned()
}

fn load_all() -> Vec<(String, Map)> {
    map_files()
        .iter()
        .map(|p| {
            let map = warrant::io::load(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (name(p), map)
        })
        .collect()
}

/// SHA-256 of each file in `assets/articles/`, by file name.
fn article_hashes() -> HashMap<String, String> {
    std::fs::read_dir(root().join("assets/articles"))
        .expect("assets/articles/ is readable")
        .map(|e| e.expect("a directory entry").path())
        .map(|p| {
            let bytes = std::fs::read(&p).expect("an article is readable");
            let text = String::from_utf8(bytes).expect("an article is UTF-8");
            (name(&p), text_sha256(&text))
        })
        .collect()
}

fn is_article_map(file: &str) -> bool {
    file != DEBATE_MAP
}

#[test]
fn there_is_a_map_per_article_and_the_debate_map() {
    let files: HashSet<String> = map_files().iter().map(|p| name(p)).collect();
    for article in ARTICLES {
        let map = article.replace(".txt", ".json");
        assert!(files.contains(&map), "maps/{map} is missing");
    }
    assert!(files.contains(DEBATE_MAP), "maps/{DEBATE_MAP} is missing");
    assert_eq!(
        files.len(),
        ARTICLES.len() + 1,
        "unexpected maps: {files:?}"
    );
}

#[test]
fn the_articles_are_the_shared_originals() {
    let hashes = article_hashes();
    assert_eq!(
        hashes.len(),
        ARTICLES.len(),
        "assets/articles/ holds {hashes:?}"
    );
    // The originals the user handed over (../shared/articles), by SHA-256.
    let expected = [
        (
            ARTICLES[0],
            "8acb5266bac47fd1154ade5873af9c9b98a05f7ac00476683f68f2bb21ddc26b",
        ),
        (
            ARTICLES[1],
            "6f55ec5b76a16c90678ce0d58c46f15bc0f9c8531c4c417faf70a8f6cadfbff7",
        ),
        (
            ARTICLES[2],
            "cbe15839c960dd191bfd35b0db971f68cb4ba21eb8dc5e177d93b82c12bf21c7",
        ),
        (
            ARTICLES[3],
            "0401fd151ebdf234f2d49a8dfd585a07309929a94296fa4852cdb6c9f0e6f083",
        ),
        (
            ARTICLES[4],
            "5100c59fac54920e46c27a1b9010c1dca6f1f63c1502ec06465a014f715d3859",
        ),
    ];
    for (file, sha) in expected {
        assert_eq!(hashes.get(file).map(String::as_str), Some(sha), "{file}");
    }
}

#[test]
fn every_map_checks_clean_and_embeds_its_articles_unchanged() {
    let hashes = article_hashes();
    for (file, map) in load_all() {
        let problems = warrant::check::problems(&map);
        assert!(problems.is_empty(), "{file}: {problems:?}");
        for source in &map.sources {
            let original = hashes
                .iter()
                .find(|(_, sha)| **sha == source.sha256)
                .map(|(f, _)| f.clone());
            assert!(
                original.is_some(),
                "{file}: source {} is not byte-identical to any file in assets/articles",
                source.id
            );
            assert_eq!(
                text_sha256(&source.text),
                source.sha256,
                "{file}: {}",
                source.id
            );
            assert!(
                !source.title.is_empty(),
                "{file}: source {} has no title",
                source.id
            );
            assert!(
                !source.date.is_empty(),
                "{file}: source {} has no date",
                source.id
            );
        }
        if is_article_map(&file) {
            assert_eq!(map.sources.len(), 1, "{file}");
            let article = file.replace(".json", ".txt");
            assert_eq!(
                map.sources[0].sha256, hashes[&article],
                "{file} does not embed {article}"
            );
        } else {
            let mut embedded: Vec<&str> = map.sources.iter().map(|s| s.sha256.as_str()).collect();
            let mut all: Vec<&str> = hashes.values().map(String::as_str).collect();
            embedded.sort_unstable();
            all.sort_unstable();
            assert_eq!(embedded, all, "{file} must embed all five articles");
        }
    }
}

#[test]
fn the_maps_are_what_the_generator_makes_of_their_specs() {
    let root = root();
    for path in map_files() {
        let spec = root.join("map-specs").join(name(&path));
        let built = generator::build_map(&spec, &root.join("assets/articles"))
            .unwrap_or_else(|e| panic!("{e}"));
        let saved = warrant::io::load(&path).expect("the map loads");
        assert!(
            built == saved,
            "{} is out of date: run `cargo run --example make_sample_maps`",
            path.display()
        );
    }
}

/// Claims with at least one quote linked to them as evidence.
fn evidenced(map: &Map) -> HashSet<&NodeId> {
    map.links
        .iter()
        .filter(|l| map.quote(&l.from).is_some() && map.claim(&l.to).is_some())
        .map(|l| &l.to)
        .collect()
}

#[test]
fn the_maps_have_enough_content_and_every_claim_is_evidenced() {
    for (file, map) in load_all() {
        assert!(
            !map.title.is_empty() && !map.description.is_empty(),
            "{file}"
        );
        let theses = map.claims.iter().filter(|c| c.thesis).count();
        assert!(theses >= 1, "{file}: no thesis");
        let evidenced = evidenced(&map);
        for claim in &map.claims {
            assert!(
                !claim.actors.is_empty(),
                "{file}: claim {} has no actor",
                claim.id
            );
            assert!(
                !claim.tags.is_empty(),
                "{file}: claim {} has no tag",
                claim.id
            );
            // The debate map's top claim is the map's own synthesis, argued by the claims below.
            let synthesis = !is_article_map(&file) && claim.thesis;
            assert!(
                synthesis || evidenced.contains(&claim.id),
                "{file}: claim {} (“{}”) has no quote as evidence",
                claim.id,
                claim.text
            );
            assert!(
                map.links_of(&claim.id)
                    .any(|l| map.claim(&l.from).is_some() && map.claim(&l.to).is_some()),
                "{file}: claim {} is linked to no other claim",
                claim.id
            );
        }
        for quote in &map.quotes {
            assert!(
                map.links.iter().any(|l| l.from == quote.id),
                "{file}: quote {} is evidence for nothing",
                quote.id
            );
        }
        if is_article_map(&file) {
            assert!(
                map.claims.len() >= 10,
                "{file}: {} claims",
                map.claims.len()
            );
            assert!(
                map.quotes.len() >= 12,
                "{file}: {} quotes",
                map.quotes.len()
            );
            let (supports, opposes, _, _) = map.link_counts();
            assert!(
                supports > 0 && opposes > 0,
                "{file}: supports and opposes both used"
            );
        }
        // Tags and actors are told apart by colour.
        let tag_colours: HashSet<_> = map.tags.iter().map(|t| t.color).collect();
        assert_eq!(
            tag_colours.len(),
            map.tags.len(),
            "{file}: two tags share a colour"
        );
        let actor_colours: HashSet<_> = map.actors.iter().map(|a| a.color).collect();
        assert_eq!(
            actor_colours.len(),
            map.actors.len(),
            "{file}: two actors share a colour"
        );
    }
}

#[test]
fn the_thesis_is_on_top() {
    for (file, map) in load_all() {
        let top = map
            .claims
            .iter()
            .filter(|c| c.thesis)
            .map(|c| c.pos.y)
            .fold(f32::INFINITY, f32::min);
        for node in map.nodes() {
            assert!(
                node.pos().y >= top,
                "{file}: {} sits above the thesis",
                node.id()
            );
        }
    }
}

#[test]
fn every_story_has_six_to_sixteen_steps_and_shows_the_whole_map() {
    for (file, map) in load_all() {
        assert!(
            (6..=generator::MAX_STEPS).contains(&map.story.len()),
            "{file}: {} steps",
            map.story.len()
        );
        let mut shown = HashSet::new();
        for step in &map.story {
            assert!(
                !step.title.is_empty() && !step.note.is_empty(),
                "{file}: step {}",
                step.id
            );
            // A class reads a handful of new cards at once, not a dozen.
            assert!(
                step.show.len() <= generator::MAX_NEW_CARDS,
                "{file}: step {} reveals {} cards",
                step.id,
                step.show.len()
            );
            shown.extend(step.show.iter());
            for f in &step.focus {
                assert!(
                    shown.contains(f),
                    "{file}: step {} focuses on hidden {f}",
                    step.id
                );
            }
        }
        for node in map.nodes() {
            assert!(
                shown.contains(node.id()),
                "{file}: the story never shows {}",
                node.id()
            );
        }
    }
}

#[test]
fn the_memo_map_shows_its_two_mutually_exclusive_arguments() {
    let path = root().join("maps").join(MEMO_MAP);
    let map = warrant::io::load(&path).expect("the memo map loads");
    let evidence = |claim: &NodeId, word: &str| {
        map.links.iter().any(|l| {
            &l.to == claim
                && l.relation == Relation::Supports
                && map
                    .quote(&l.from)
                    .is_some_and(|q| q.anchor.exact.contains(word))
        })
    };
    let found = map.links.iter().any(|l| {
        let (Some(a), Some(b)) = (map.claim(&l.from), map.claim(&l.to)) else {
            return false;
        };
        let shared = a.actors.iter().any(|x| b.actors.contains(x));
        let quoted = (evidence(&a.id, "omnipotent") && evidence(&b.id, "relic of the Cold"))
            || (evidence(&b.id, "omnipotent") && evidence(&a.id, "relic of the Cold"));
        l.relation == Relation::Contradicts && shared && quoted
    });
    assert!(
        found,
        "no `contradicts` link between two claims of one actor quoting “omnipotent” and “relic of the Cold War”"
    );
}

#[test]
fn no_two_cards_overlap() {
    // Measured as the app draws them (`layout::card::card_size`: the real font, the quote's
    // source line and the actor chips), not as the generator estimates them.
    for (file, map) in load_all() {
        let cards: Vec<(String, f32, f32, f32, f32)> = map
            .nodes()
            .map(|n| {
                let size = warrant::layout::card::card_size(n);
                let pos = n.pos();
                (n.id().0.clone(), pos.x, pos.y, size.w, size.h)
            })
            .collect();
        for (i, a) in cards.iter().enumerate() {
            for b in &cards[i + 1..] {
                let apart =
                    a.1 + a.3 <= b.1 || b.1 + b.3 <= a.1 || a.2 + a.4 <= b.2 || b.2 + b.4 <= a.2;
                assert!(apart, "{file}: cards {} and {} overlap", a.0, b.0);
            }
        }
    }
}

#[test]
fn card_size_grows_with_the_text() {
    let (w, h1) = generator::card_size("NATO");
    assert!((w - generator::CARD_WIDTH).abs() < f32::EPSILON);
    assert!((h1 - (generator::CARD_PADDING + generator::LINE_HEIGHT)).abs() < f32::EPSILON);
    let (_, h2) = generator::card_size(&"word ".repeat(40));
    assert!(h2 > h1);
    assert_eq!(generator::wrapped_lines("a\nb\nc"), 3);
    assert_eq!(generator::wrapped_lines(&"x".repeat(69)), 3);
}

#[test]
fn quotes_are_whole_words_without_stray_space() {
    let is_word =
        |c: Option<&char>| c.is_some_and(|c| c.is_alphanumeric() || *c == '\'' || *c == '’');
    for (file, map) in load_all() {
        for quote in &map.quotes {
            let source = map.source(&quote.source).expect("the quote's source");
            let chars: Vec<char> = source.text.chars().collect();
            let (s, e) = (quote.anchor.start, quote.anchor.end);
            let exact = &quote.anchor.exact;
            assert_eq!(
                exact.trim(),
                exact,
                "{file}: quote {} has stray space",
                quote.id
            );
            let cuts_start = s > 0 && is_word(chars.get(s)) && is_word(chars.get(s - 1));
            let cuts_end = is_word(chars.get(e - 1)) && is_word(chars.get(e));
            assert!(
                !cuts_start && !cuts_end,
                "{file}: quote {} cuts a word",
                quote.id
            );
        }
    }
}

/// The authors of the five articles, as the maps name them.
fn is_author(name: &str) -> bool {
    name.contains("the author")
        || name == "The memo's author"
        || [
            "Alexander Golz",
            "RFE/RL analyst",
            "Memo author",
            "Konstantin Kosachev",
            "Ivan Timofeev",
        ]
        .iter()
        .any(|a| name.starts_with(a))
}

/// Issue 14: a concession or a set-up view is not an objection that defeats its author. No
/// finding calls an author's own claim rejected, none says an author holds both sides, no thesis
/// is rejected or left undecided, and the authors still hold their claims.
#[test]
fn check_never_turns_an_author_against_their_own_claims() {
    use warrant::check::{FindingKind, findings};
    for (file, map) in load_all() {
        let authors: HashSet<&str> = map
            .actors
            .iter()
            .filter(|a| is_author(&a.name))
            .map(|a| a.id.as_str())
            .collect();
        let expected = if is_article_map(&file) { 1 } else { 5 };
        assert_eq!(authors.len(), expected, "{file}: authors {authors:?}");
        for a in &authors {
            let held = map
                .claims
                .iter()
                .filter(|c| c.actors.iter().any(|x| x.as_str() == *a))
                .count();
            assert!(held >= 2, "{file}: author {a} holds {held} claims");
        }
        for f in findings(&map) {
            let claim = map.claim(&NodeId(f.item.clone()));
            let by_author =
                claim.is_some_and(|c| c.actors.iter().any(|x| authors.contains(x.as_str())));
            let thesis = claim.is_some_and(|c| c.thesis);
            match f.kind {
                FindingKind::RejectedClaim => {
                    assert!(!by_author && !thesis, "{file}: {}", f.message);
                }
                FindingKind::UndecidedClaim => assert!(!thesis, "{file}: {}", f.message),
                FindingKind::InconsistentActor => {
                    assert!(!authors.contains(f.item.as_str()), "{file}: {}", f.message);
                }
                _ => {}
            }
            assert!(!f.message.contains("rejected"), "{file}: {}", f.message);
        }
    }
}

/// The memo's real inconsistency is still reported, and Putin and Medvedev count among Russia's
/// voices where the memo makes them so: Russia holds both the democratic argument and Putin's
/// "absurd".
#[test]
fn the_memo_still_reports_that_russian_officials_hold_both() {
    use warrant::check::{FindingKind, findings};
    let map = warrant::io::load(&root().join("maps").join(MEMO_MAP)).expect("the memo map loads");
    let actor = |name: &str| {
        map.actors
            .iter()
            .find(|a| a.name == name)
            .map_or_else(|| panic!("no actor {name}"), |a| a.id.clone())
    };
    let officials = actor("Russian officials");
    let quoting = |word: &str| {
        map.claims
            .iter()
            .find(|c| {
                map.links.iter().any(|l| {
                    l.to == c.id
                        && map
                            .quote(&l.from)
                            .is_some_and(|q| q.anchor.exact.contains(word))
                })
            })
            .unwrap_or_else(|| panic!("no claim quoting {word}"))
    };
    let (omnipotent, relic) = (quoting("omnipotent"), quoting("relic of the Cold"));
    let (bloc, absurd) = (
        quoting("For both Putin and Medvedev"),
        quoting("Putin himself"),
    );
    for name in ["Vladimir Putin", "Dmitry Medvedev"] {
        assert!(bloc.actors.contains(&actor(name)), "{name}");
    }
    assert!(bloc.actors.contains(&officials) && absurd.actors.contains(&officials));
    assert!(absurd.actors.contains(&actor("Vladimir Putin")));
    let both: Vec<Vec<String>> = findings(&map)
        .into_iter()
        .filter(|f| f.kind == FindingKind::InconsistentActor && f.item == officials.as_str())
        .map(|f| f.related)
        .collect();
    let pair = |a: &NodeId, b: &NodeId| {
        both.iter()
            .any(|r| r.contains(&a.0.clone()) && r.contains(&b.0.clone()))
    };
    assert!(pair(&omnipotent.id, &relic.id), "{both:?}");
    assert!(both.iter().any(|r| r.contains(&absurd.id.0)), "{both:?}");
}

/// Issue 14: the debate map joins the articles rather than sitting beside them.
#[test]
fn the_debate_map_backs_its_claims_with_several_articles() {
    let map =
        warrant::io::load(&root().join("maps").join(DEBATE_MAP)).expect("the debate map loads");
    let joined = map
        .claims
        .iter()
        .filter(|c| {
            let sources: HashSet<_> = map
                .links
                .iter()
                .filter(|l| l.to == c.id)
                .filter_map(|l| map.quote(&l.from))
                .map(|q| &q.source)
                .collect();
            sources.len() >= 2
        })
        .count();
    assert!(joined >= 8, "{joined} claims quote two or more articles");
}
