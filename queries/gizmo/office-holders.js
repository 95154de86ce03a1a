// Office holders of an organization: the people with a role at an
// organization (a ministry, an agency, a party) and the title of each.
// Set `organization` to any of the organization's names.
var organization = "Iranian Foreign Ministry";

var seen = {};
g.V(organization)
  .In(["<http://schema.org/name>", "<http://schema.org/alternateName>"]).Unique()
  .Has("<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", "<http://schema.org/Organization>").Unique()
  .In("<https://newsgraph.dev/ns/roleOrganization>").Unique()
  .Save("<http://schema.org/roleName>", "title")
  .In("<https://newsgraph.dev/ns/role>").Unique()
  .Save("<http://schema.org/name>", "person")
  .ForEach(function (r) {
    // A fact stated by several articles comes once per article.
    var key = r.person + "|" + r.title;
    if (seen[key]) return;
    seen[key] = true;
    g.Emit({ person: r.person, title: r.title });
  });
