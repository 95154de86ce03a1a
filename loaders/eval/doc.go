// Package eval measures extraction quality: it scores predicted extraction
// records against a kg-gold/1 gold document exactly as
// ../shared/eval/FORMAT.md specifies (entities by type, statements,
// attribution accuracy, roles, relations; micro-averaged precision, recall
// and F1, and every miss), and it scores statement detection and
// attribution against the PolNeAR corpus's brat annotations.
//
// It reads articles through the loaders package, exactly as an ingest
// does, and runs whatever loaders.Extractor it is given. It does not build
// a graph: the same_entity check of a gold file needs a store and is done
// by the caller (cmd/newsgraph) with the graph package; this package only
// carries its results in the Report.
//
// # Details FORMAT.md leaves open
//
//   - Names are compared with schema.Normalize.
//   - "Resolves": a predicted name X resolves to a gold name Y of the same
//     article when Normalize(X) == Normalize(Y), or when some gold entity of
//     that article (of any type, optional or not) has both X and Y in its
//     normalized {name} ∪ aliases. Aliases the prediction itself lists are
//     not used: the speaker, person, org, country, subject or object string
//     of the prediction must itself be a gold form.
//   - Word tokens (statement overlap, role titles) are maximal runs of
//     letters, digits and combining marks, lower-cased; an apostrophe
//     (straight or curly) between two such characters stays inside the
//     token ("iran's", "don't"); hyphens and all other marks separate
//     tokens ("long-range" is "long" and "range").
//   - Overlap: with P and G the token multisets, |P∩G|·5 ≥ min(|P|,|G|)·3
//     and |P∩G| ≥ 3, in integer arithmetic (no rounding at 0.6).
//   - Entities, roles and relations are matched one-to-one with a maximum
//     bipartite matching between predictions and non-optional gold items of
//     an article, so the count does not depend on prediction order. A
//     prediction left over that matches a non-optional gold item is a
//     duplicate (false positive); one that matches only an optional item
//     is ignored. Predicted entities whose type is not scored (Location,
//     Event, "" ...) are ignored unless their name is in not_entities.
//     An entity name in not_entities is checked on the predicted entity's
//     name only, before any matching.
//   - Statements: a prediction that matches (speaker and text) at least one
//     non-optional gold statement is a true positive; one that matches
//     only optional gold statements is ignored; any other is a false
//     positive. Each non-optional gold statement is found or missed once.
//   - Attribution accuracy: of the predicted statements whose text overlaps
//     some gold statement's text (optional ones included: their speaker is
//     known), the share whose speaker resolves to the speaker (or one of
//     speaker_any) of at least one of those gold statements.
//   - Roles: when the gold role has no org (or country), a predicted org
//     (or country) is not checked; when both are given the prediction must
//     resolve to the gold one. Title words: every gold title token occurs
//     among the predicted title's tokens.
//   - Relations: predicates are compared case-insensitively; subject and
//     object resolve (a date object compares as a string, which resolving
//     does for a string no entity carries).
//   - Precision is 0 when there are no predictions, recall is 0 when there
//     is no gold; a category with neither gold nor predictions is not
//     scored (Scored false) and is left out of --min-f1 gating.
//   - Articles are paired by the base name of "file"; a gold article with
//     no prediction counts all its gold items as missed, a predicted
//     article without gold is listed in Unpaired and not scored.
//
// # PolNeAR
//
//   - A split is DIR/text/NAME.txt with DIR/attributions/NAME_ANNOTATOR.ann
//     (brat standoff, offsets in Unicode code points of the raw file). An
//     article with several annotation files uses the lexically first.
//   - Gold statements are the attributions whose cue is a verb of saying
//     (IsSpeechCue: a form of a SpeechLemmas verb, or "according to",
//     "point out"; not negated or refused) and whose content (fragments
//     joined by a space) has at least three word tokens.
//   - Detection: text overlap as above, speaker not required. Predictions
//     that overlap only a non-speech attribution (believe, want, show) are
//     ignored.
//   - Attribution accuracy counts predictions whose best-overlapping gold
//     statement has a named source (SourceHead) and calls them right when
//     SpeakerMatchesSource for the speaker's name or any alias its entity
//     has in the prediction: the source's head name is one of the speaker's
//     words.
package eval
