//! Referential integrity: what must hold for a map to be usable at all.
//!
//! A map that breaks these rules cannot be edited safely (a link to nothing, two cards with one
//! id), so loading refuses it with every broken rule listed. Problems a map can live with — a quote
//! whose article text moved — are the anchor module's business, not this one's.

use super::map::{Map, Relation};
use std::collections::HashSet;
use thiserror::Error;

/// One broken rule of referential integrity.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum IntegrityError {
    #[error("the id \"{id}\" is used by more than one {what}")]
    DuplicateId { what: &'static str, id: String },
    #[error("an id is empty ({what})")]
    EmptyId { what: &'static str },
    #[error("link \"{link}\" points at \"{node}\", which is not a claim or quote in this map")]
    LinkToMissingNode { link: String, node: String },
    #[error("link \"{link}\" links \"{node}\" to itself")]
    SelfLink { link: String, node: String },
    #[error("link \"{link}\": {reason}")]
    IllegalLink { link: String, reason: String },
    #[error("quote \"{quote}\" belongs to source \"{source_id}\", which is not in this map")]
    QuoteOfMissingSource { quote: String, source_id: String },
    #[error("claim \"{claim}\" names actor \"{actor}\", which is not in this map")]
    MissingActor { claim: String, actor: String },
    #[error("claim \"{claim}\" names tag \"{tag}\", which is not in this map")]
    MissingTag { claim: String, tag: String },
    #[error("story step \"{step}\" shows \"{node}\", which is not a claim or quote in this map")]
    StepOfMissingNode { step: String, node: String },
    #[error("\"{node}\" has no position on the canvas")]
    NoPosition { node: String },
}

fn check_unique<'a>(
    what: &'static str,
    ids: impl Iterator<Item = &'a str>,
    errors: &mut Vec<IntegrityError>,
) -> HashSet<&'a str> {
    let mut seen = HashSet::new();
    for id in ids {
        if id.is_empty() {
            errors.push(IntegrityError::EmptyId { what });
        } else if !seen.insert(id) {
            errors.push(IntegrityError::DuplicateId {
                what,
                id: id.to_owned(),
            });
        }
    }
    seen
}

impl Map {
    /// Every broken rule of referential integrity, in file order; empty when the map is sound.
    pub fn integrity_errors(&self) -> Vec<IntegrityError> {
        let mut errors = Vec::new();
        let nodes = check_unique(
            "claim or quote",
            self.nodes().map(|n| n.id().as_str()),
            &mut errors,
        );
        for node in self.nodes().filter(|n| !n.pos().is_placed()) {
            errors.push(IntegrityError::NoPosition {
                node: node.id().as_str().to_owned(),
            });
        }
        let claims: HashSet<&str> = self.claims.iter().map(|c| c.id.as_str()).collect();
        let sources = check_unique(
            "source",
            self.sources.iter().map(|s| s.id.as_str()),
            &mut errors,
        );
        let actors = check_unique(
            "actor",
            self.actors.iter().map(|a| a.id.as_str()),
            &mut errors,
        );
        let tags = check_unique("tag", self.tags.iter().map(|t| t.id.as_str()), &mut errors);
        check_unique(
            "link",
            self.links.iter().map(|l| l.id.as_str()),
            &mut errors,
        );
        check_unique(
            "story step",
            self.story.iter().map(|s| s.id.as_str()),
            &mut errors,
        );

        self.reference_errors(&actors, &tags, &sources, &mut errors);
        self.link_errors(&nodes, &claims, &mut errors);
        for step in &self.story {
            for node in step.show.iter().chain(&step.focus) {
                if !nodes.contains(node.as_str()) {
                    errors.push(IntegrityError::StepOfMissingNode {
                        step: step.id.0.clone(),
                        node: node.0.clone(),
                    });
                }
            }
        }
        check_unique(
            "comment",
            self.comments.iter().map(|c| c.id.as_str()),
            &mut errors,
        );
        // A comment whose card or link is gone is kept (undo brings the card back, and the
        // feedback with it), not refused: it is shown as feedback on something deleted.
        errors
    }

    /// Actors and tags of claims, and sources of quotes, that the map does not have.
    fn reference_errors(
        &self,
        actors: &HashSet<&str>,
        tags: &HashSet<&str>,
        sources: &HashSet<&str>,
        errors: &mut Vec<IntegrityError>,
    ) {
        for claim in &self.claims {
            for actor in &claim.actors {
                if !actors.contains(actor.as_str()) {
                    errors.push(IntegrityError::MissingActor {
                        claim: claim.id.0.clone(),
                        actor: actor.0.clone(),
                    });
                }
            }
            for tag in &claim.tags {
                if !tags.contains(tag.as_str()) {
                    errors.push(IntegrityError::MissingTag {
                        claim: claim.id.0.clone(),
                        tag: tag.0.clone(),
                    });
                }
            }
        }
        for quote in &self.quotes {
            if !sources.contains(quote.source.as_str()) {
                errors.push(IntegrityError::QuoteOfMissingSource {
                    quote: quote.id.0.clone(),
                    source_id: quote.source.0.clone(),
                });
            }
        }
    }

    /// Links to missing cards, links to themselves, and links the rules forbid.
    fn link_errors(
        &self,
        nodes: &HashSet<&str>,
        claims: &HashSet<&str>,
        errors: &mut Vec<IntegrityError>,
    ) {
        for link in &self.links {
            let mut ends_exist = true;
            for end in [&link.from, &link.to] {
                if !nodes.contains(end.as_str()) {
                    ends_exist = false;
                    errors.push(IntegrityError::LinkToMissingNode {
                        link: link.id.0.clone(),
                        node: end.0.clone(),
                    });
                }
            }
            if link.from == link.to {
                errors.push(IntegrityError::SelfLink {
                    link: link.id.0.clone(),
                    node: link.from.0.clone(),
                });
            } else if ends_exist
                && let Err(reason) = link_rule(
                    claims.contains(link.from.as_str()),
                    claims.contains(link.to.as_str()),
                    link.relation,
                )
            {
                errors.push(IntegrityError::IllegalLink {
                    link: link.id.0.clone(),
                    reason: reason.to_owned(),
                });
            }
        }
    }
}

/// Which links make sense: a quote is evidence for or against a claim; claims support, oppose or
/// contradict claims. Nothing points at a quote (a quote is what the article says, not a claim to
/// argue with: argue with the claim it evidences).
pub fn link_rule(
    from_is_claim: bool,
    to_is_claim: bool,
    relation: Relation,
) -> Result<(), &'static str> {
    match (from_is_claim, to_is_claim, relation) {
        (_, false, _) => Err("a link cannot point at a quote; link the quote to a claim instead"),
        (false, true, Relation::Contradicts) => {
            Err("a quote cannot contradict; make a claim of it, or let the quote oppose the claim")
        }
        _ => Ok(()),
    }
}
