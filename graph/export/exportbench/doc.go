// Package exportbench holds the export benchmarks at scale: a synthetic
// graph of wire-news size, and the graph of ../shared/corpora (BBC and
// Reuters) built with the real loaders and extractor. It has no code of its
// own; it is a separate package so that the export unit tests do not
// depend on the extractor.
package exportbench
