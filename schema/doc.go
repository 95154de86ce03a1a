// Package schema is newsgraph's vocabulary and node identity: the types and
// predicates of the graph (schema.org terms wherever they exist, the
// https://newsgraph.dev/ns/ namespace for the rest; see Vocabulary), the
// readable, deterministic IRIs of nodes (https://newsgraph.dev/person/
// bahram-ghassemi), name normalization and transliteration keys, the
// kg-gold/1 extraction record, and the mapping of one record to quads
// labelled with its article's IRI.
//
// It does no I/O beyond encoding records, and knows nothing of stores or of
// how records are extracted.
package schema
