// Statements about an agreement: every statement that mentions a treaty,
// deal or resolution, with its speaker and text. Set `agreement` to any of
// the agreement's names ("JCPOA", "Resolution 2231", ...).
var agreement = "Resolution 2231";

var seen = {};
var nodes = g.V(agreement)
  .In(["<http://schema.org/name>", "<http://schema.org/alternateName>"]).Unique()
  .Has("<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", "<https://newsgraph.dev/ns/Agreement>").Unique();
nodes
  .In("<http://schema.org/mentions>").Unique()
  .Has("<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", "<https://newsgraph.dev/ns/Statement>").Unique()
  .Tag("statement")
  .Save("<https://newsgraph.dev/ns/text>", "text")
  .Out("<https://newsgraph.dev/ns/speaker>").Unique()
  .Save("<http://schema.org/name>", "speaker")
  .ForEach(function (r) {
    // A fact stated by several articles comes once per article.
    var key = r.statement;
    if (seen[key]) return;
    seen[key] = true;
    g.Emit({ statement: r.statement, speaker: r.speaker, text: r.text });
  });
