// Loads a newsgraph Cytoscape.js JSON export into Cytoscape.js headless
// (from e2e/node_modules via NODE_PATH) and reports what it holds. Any
// console error or warning Cytoscape.js prints (a dangling edge, a bad
// element) is reported too. Usage: node cytoscape_load.js FILE
'use strict';
const fs = require('fs');
const cytoscape = require('cytoscape');

const problems = [];
for (const level of ['error', 'warn']) {
  const orig = console[level];
  console[level] = (...args) => { problems.push(level + ': ' + args.join(' ')); orig.apply(console, args); };
}

const json = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const cy = cytoscape({ headless: true, styleEnabled: false, elements: json.elements });
const types = {};
cy.nodes().forEach((n) => { types[n.data('type')] = (types[n.data('type')] || 0) + 1; });
const pr = cy.elements().pageRank();
let top = null;
cy.nodes().forEach((n) => { if (!top || pr.rank(n) > pr.rank(top)) { top = n; } });
const dangling = cy.edges().filter((e) => e.source().empty() || e.target().empty()).length;
// Cytoscape desktop reads the same file; a round trip through cy.json()
// keeps every element.
const again = cytoscape({ headless: true, styleEnabled: false, elements: cy.json().elements });
process.stdout.write(JSON.stringify({
  version: cytoscape.version,
  nodes: cy.nodes().length,
  edges: cy.edges().length,
  types,
  dangling,
  roundTrip: [again.nodes().length, again.edges().length],
  topPageRank: top ? top.data('label') : null,
  weightSum: cy.edges().reduce((s, e) => s + e.data('weight'), 0),
  problems,
}));
