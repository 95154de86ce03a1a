// Parties to an agreement: the countries the graph records as parties to a
// treaty, deal or resolution. Set `agreement` to any of its names.
var agreement = "JCPOA";

g.V(agreement)
  .In(["<http://schema.org/name>", "<http://schema.org/alternateName>"]).Unique()
  .Has("<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", "<https://newsgraph.dev/ns/Agreement>").Unique()
  .Out("<https://newsgraph.dev/ns/party>").Unique()
  .Out("<http://schema.org/name>").Unique()
  .All();
