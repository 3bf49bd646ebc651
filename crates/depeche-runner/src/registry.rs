//! The registry of available extractors: the built-in ones plus any that a
//! program registers.

use depeche_core::{Description, Extractor};

/// Every extractor a run may use, in registration order (which breaks ties in the plan).
pub struct Registry {
    extractors: Vec<Box<dyn Extractor>>,
}

impl Registry {
    /// An empty registry.
    pub fn empty() -> Self {
        Registry { extractors: Vec::new() }
    }

    /// The four built-in extractors: entities, quotes, numbers, stance.
    pub fn builtin() -> Self {
        Registry::empty()
            .with(Box::new(depeche_entities::EntitiesExtractor))
            .with(Box::new(depeche_quotes::QuotesExtractor))
            .with(Box::new(depeche_numbers::NumbersExtractor))
            .with(Box::new(depeche_stance::StanceExtractor))
    }

    /// Adds an extractor.
    pub fn with(mut self, extractor: Box<dyn Extractor>) -> Self {
        self.extractors.push(extractor);
        self
    }

    pub fn descriptions(&self) -> Vec<Description> {
        self.extractors.iter().map(|e| e.describe()).collect()
    }

    pub fn get(&self, index: usize) -> &dyn Extractor {
        self.extractors[index].as_ref()
    }

    /// The names of all registered extractors, in order.
    pub fn names(&self) -> Vec<&'static str> {
        self.extractors.iter().map(|e| e.describe().name).collect()
    }
}
