// Speakers of a country: the people holding an office in a country, each
// with the number of statements the graph attributes to them, most first.
// Set `country` to the country's canonical name (see `newsgraph query
// entities --type Country`).
var country = "Iran";

var counts = {};
g.V()
  .Has("<http://schema.org/name>", country)
  .Has("<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", "<http://schema.org/Country>").Unique()
  .In("<https://newsgraph.dev/ns/roleCountry>").Unique()
  .In("<https://newsgraph.dev/ns/role>").Unique()
  .Tag("person")
  .In("<https://newsgraph.dev/ns/speaker>").Unique()
  .Tag("statement")
  .ForEach(function (r) {
    // A fact stated by several articles comes once per article: count
    // each statement once.
    counts[r.person] = counts[r.person] || {};
    counts[r.person][r.statement] = true;
  });
Object.keys(counts).forEach(function (p) { counts[p] = Object.keys(counts[p]).length; });
var people = Object.keys(counts);
var names = {};
people.forEach(function (p) {
  names[p] = g.V(p).Out("<http://schema.org/name>").Unique().ToArray()[0];
});
people.sort(function (a, b) { return counts[b] - counts[a] || (names[a] < names[b] ? -1 : 1); });
people.forEach(function (p) {
  g.Emit({ speaker: names[p], id: p, statements: counts[p] });
});
