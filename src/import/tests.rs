//! Importer tests on the real files in /work/shared/formats are in tests/import.rs; these use small inline documents.
