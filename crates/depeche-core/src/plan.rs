//! The plan: which extractors run, in which order, decided before any document
//! is read. Every required layer must have exactly one producer; producers
//! that were not asked for are pulled in; cycles are refused.

use crate::extractor::Description;
use crate::layers::LayerKind;
use std::collections::BTreeSet;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    #[error("unknown extractor `{name}` (available: {available})")]
    UnknownExtractor { name: String, available: String },
    #[error("extractor `{extractor}` requires layer `{layer}`, which no registered extractor produces")]
    NoProducer { extractor: &'static str, layer: &'static str },
    #[error("layer `{layer}` is produced by both `{first}` and `{second}`; enable only one")]
    DuplicateProducer { layer: &'static str, first: &'static str, second: &'static str },
    #[error("extractors depend on each other in a cycle: {0}")]
    Cycle(String),
    #[error("no extractor selected")]
    Empty,
}

/// An ordered selection of registered extractors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// Indices into the registry, in run order (dependencies first).
    pub order: Vec<usize>,
    /// Indices of the extractors the user asked for (their layers are output).
    pub requested: Vec<usize>,
}

impl Plan {
    /// Builds the plan for the extractors named in `requested` out of `registry`.
    pub fn build(registry: &[Description], requested: &[&str]) -> Result<Plan, PlanError> {
        if requested.is_empty() {
            return Err(PlanError::Empty);
        }
        let asked = requested.iter().map(|name| find(registry, name)).collect::<Result<Vec<usize>, _>>()?;
        let selected = close_over_requirements(registry, &asked)?;
        let order = topological_order(registry, &selected)?;
        let mut requested: Vec<usize> = asked;
        requested.sort_unstable();
        requested.dedup();
        Ok(Plan { order, requested })
    }
}

fn find(registry: &[Description], name: &str) -> Result<usize, PlanError> {
    registry.iter().position(|d| d.name == name).ok_or_else(|| PlanError::UnknownExtractor {
        name: name.to_string(),
        available: registry.iter().map(|d| d.name).collect::<Vec<_>>().join(", "),
    })
}

/// The unique producer of `layer` in the registry.
fn producer_of(registry: &[Description], layer: LayerKind, wanted_by: &'static str) -> Result<usize, PlanError> {
    let mut producers = registry.iter().enumerate().filter(|(_, d)| d.produces.contains(&layer));
    let Some((first, _)) = producers.next() else {
        return Err(PlanError::NoProducer { extractor: wanted_by, layer: layer.name() });
    };
    if let Some((second, _)) = producers.next() {
        return Err(PlanError::DuplicateProducer {
            layer: layer.name(),
            first: registry[first].name,
            second: registry[second].name,
        });
    }
    Ok(first)
}

/// The requested extractors plus, transitively, the producers of what they require.
fn close_over_requirements(registry: &[Description], asked: &[usize]) -> Result<BTreeSet<usize>, PlanError> {
    let mut selected: BTreeSet<usize> = BTreeSet::new();
    let mut stack: Vec<usize> = asked.to_vec();
    while let Some(i) = stack.pop() {
        if !selected.insert(i) {
            continue;
        }
        for &layer in registry[i].requires {
            stack.push(producer_of(registry, layer, registry[i].name)?);
        }
    }
    for &i in &selected {
        for &layer in registry[i].produces {
            producer_of(registry, layer, registry[i].name)?;
        }
    }
    Ok(selected)
}

/// Kahn's algorithm, ties broken by registry order, so the order is deterministic.
fn topological_order(registry: &[Description], selected: &BTreeSet<usize>) -> Result<Vec<usize>, PlanError> {
    let depends_on = |i: usize, j: usize| registry[i].requires.iter().any(|l| registry[j].produces.contains(l));
    let mut remaining: Vec<usize> = selected.iter().copied().collect();
    let mut order = Vec::with_capacity(remaining.len());
    while !remaining.is_empty() {
        let ready = remaining.iter().position(|&i| !remaining.iter().any(|&j| j != i && depends_on(i, j)));
        match ready {
            Some(pos) => order.push(remaining.remove(pos)),
            None => {
                let names: Vec<&str> = remaining.iter().map(|&i| registry[i].name).collect();
                return Err(PlanError::Cycle(names.join(" -> ")));
            }
        }
    }
    Ok(order)
}

#[cfg(test)]
mod tests {
    use super::*;
    use LayerKind::*;

    fn d(name: &'static str, requires: &'static [LayerKind], produces: &'static [LayerKind]) -> Description {
        Description { name, version: "0", requires, produces, summary: "" }
    }

    fn registry() -> Vec<Description> {
        vec![
            d("stance", &[Entities, Quotes], &[Stance]),
            d("quotes", &[Entities], &[Quotes]),
            d("numbers", &[], &[Numbers]),
            d("entities", &[], &[Entities]),
        ]
    }

    fn check(requested: &[&str], expected: Result<&[&str], &str>) {
        let reg = registry();
        let got = Plan::build(&reg, requested)
            .map(|p| p.order.iter().map(|&i| reg[i].name).collect::<Vec<_>>())
            .map_err(|e| e.to_string());
        match expected {
            Ok(names) => assert_eq!(got, Ok(names.to_vec())),
            Err(msg) => assert!(got.as_ref().is_err_and(|e| e.contains(msg)), "{got:?}"),
        }
    }

    #[test]
    fn dependencies_are_pulled_in_and_ordered() {
        check(&["quotes"], Ok(&["entities", "quotes"]));
        check(&["stance", "numbers"], Ok(&["numbers", "entities", "quotes", "stance"]));
        check(&["numbers"], Ok(&["numbers"]));
    }

    #[test]
    fn bad_plans_say_why() {
        check(&["sports"], Err("unknown extractor `sports`"));
        check(&[], Err("no extractor selected"));
        let reg = vec![d("a", &[Custom("x")], &[Custom("y")]), d("b", &[Custom("y")], &[Custom("x")])];
        assert!(matches!(Plan::build(&reg, &["a"]), Err(PlanError::Cycle(_))));
        let reg = vec![d("a", &[], &[Entities]), d("b", &[], &[Entities]), d("q", &[Entities], &[Quotes])];
        assert!(matches!(Plan::build(&reg, &["q"]), Err(PlanError::DuplicateProducer { .. })));
        let reg = vec![d("q", &[Entities], &[Quotes])];
        assert!(matches!(Plan::build(&reg, &["q"]), Err(PlanError::NoProducer { .. })));
    }
}
