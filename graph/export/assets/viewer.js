// newsgraph HTML viewer: draws the embedded graph with Cytoscape.js, colours
// nodes by type, searches names and aliases, and lists a node's statements
// when it is clicked. Everything it needs is in the page; it makes no
// network requests.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('newsgraph-data').textContent);
  var nodes = data.nodes, edges = data.edges, statements = data.statements;
  var colors = data.colors;

  // fold makes search ignore case and accents: "aero" finds "Ærø".
  var letters = { 'æ': 'ae', 'ø': 'o', 'œ': 'oe', 'ß': 'ss', 'ł': 'l', 'đ': 'd', 'ð': 'd', 'þ': 'th', 'ı': 'i' };
  function fold(s) {
    return String(s).toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
      .replace(/[æøœßłđðþı]/g, function (c) { return letters[c]; });
  }

  var said = {}, about = {}, maxScore = 1;
  statements.forEach(function (s, i) {
    if (s.speaker >= 0) { (said[s.speaker] = said[s.speaker] || []).push(i); }
    s.mentions.forEach(function (m) { (about[m] = about[m] || []).push(i); });
  });
  var elements = [];
  nodes.forEach(function (n, i) {
    var score = n.statements + n.mentioned + n.articles;
    if (score > maxScore) { maxScore = score; }
    elements.push({ group: 'nodes', data: {
      id: n.id, label: n.label, type: n.type, idx: i, score: score,
      color: colors[n.type] || '#bab0ac',
      search: fold([n.label].concat(n.aliases).join('\n'))
    } });
  });
  var maxWeight = 1;
  edges.forEach(function (e, i) {
    if (e.weight > maxWeight) { maxWeight = e.weight; }
    elements.push({ group: 'edges', data: {
      id: 'e' + i, source: e.source, target: e.target, label: e.label,
      relation: e.relation, weight: e.weight
    } });
  });

  var big = nodes.length > 1000;
  var cy = cytoscape({
    container: document.getElementById('cy'),
    elements: elements,
    minZoom: 0.02,
    maxZoom: 8,
    textureOnViewport: big,
    hideEdgesOnViewport: big,
    style: [
      { selector: 'node', style: {
        'background-color': 'data(color)',
        // Measuring tens of thousands of labels is most of the cost of
        // drawing a big graph: there only selected and found nodes have one.
        'label': big ? '' : 'data(label)',
        'width': 'mapData(score, 0, ' + maxScore + ', 14, 56)',
        'height': 'mapData(score, 0, ' + maxScore + ', 14, 56)',
        'font-size': 10,
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-wrap': 'ellipsis',
        'text-max-width': 140,
        'min-zoomed-font-size': 6,
        'border-width': 1,
        'border-color': '#ffffff'
      } },
      { selector: 'edge', style: {
        'width': 'mapData(weight, 1, ' + Math.max(maxWeight, 2) + ', 1, 6)',
        'line-color': '#b8b8b8',
        'target-arrow-color': '#b8b8b8',
        'target-arrow-shape': 'triangle',
        // Straight haystack edges draw far faster than bezier ones; big
        // graphs use them and lose the arrows.
        'curve-style': big ? 'haystack' : 'bezier',
        'arrow-scale': 0.7,
        'opacity': 0.8
      } },
      { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#222222', 'label': 'data(label)' } },
      { selector: 'edge:selected', style: { 'line-color': '#444444', 'target-arrow-color': '#444444', 'label': 'data(label)', 'font-size': 9 } },
      { selector: '.faded', style: { 'opacity': 0.12, 'text-opacity': 0 } },
      { selector: '.match', style: { 'border-width': 3, 'border-color': '#d62728', 'label': 'data(label)' } },
      { selector: '.hidden', style: { 'display': 'none' } }
    ]
  });
  window.cy = cy;

  // Legend: one button per type, with its colour and count; a click hides
  // or shows the type.
  var legend = document.getElementById('legend');
  var byType = {};
  nodes.forEach(function (n) { byType[n.type] = (byType[n.type] || 0) + 1; });
  Object.keys(byType).sort().forEach(function (t) {
    var b = document.createElement('button');
    b.type = 'button';
    b.dataset.type = t;
    var dot = document.createElement('i');
    dot.style.background = colors[t] || '#bab0ac';
    b.appendChild(dot);
    b.appendChild(document.createTextNode(t + ' ' + byType[t]));
    b.addEventListener('click', function () {
      var off = b.classList.toggle('off');
      cy.nodes().filter(function (n) { return n.data('type') === t; }).toggleClass('hidden', off);
    });
    legend.appendChild(b);
  });
  document.getElementById('count').textContent =
    nodes.length + ' nodes, ' + edges.length + ' edges, ' + statements.length + ' statements';

  // Panel: what the clicked node is and what it said and is said about.
  var panel = document.getElementById('panel');
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = text; }
    if (cls) { e.className = cls; }
    return e;
  }
  function statementList(title, idxs) {
    panel.appendChild(el('h3', title + ' (' + idxs.length + ')'));
    if (!idxs.length) { panel.appendChild(el('p', 'none', 'meta')); return; }
    var ol = el('ol');
    idxs.forEach(function (i) {
      var s = statements[i], li = el('li');
      li.className = 'statement';
      if (s.speaker >= 0 && title !== 'Said') {
        li.appendChild(el('b', nodes[s.speaker].label + ': '));
      }
      li.appendChild(el('q', s.text));
      li.appendChild(el('span', [s.date, s.kind, s.title].filter(Boolean).join(' · '), 'src'));
      ol.appendChild(li);
    });
    panel.appendChild(ol);
  }
  function show(i) {
    var n = nodes[i];
    panel.textContent = '';
    panel.appendChild(el('h2', n.label));
    var t = el('span', n.type, 'type');
    t.style.background = colors[n.type] || '#bab0ac';
    panel.appendChild(t);
    if (n.aliases.length) { panel.appendChild(el('p', 'Also: ' + n.aliases.join(', '), 'meta')); }
    if (n.text && n.text !== n.label) { panel.appendChild(el('p', n.text)); }
    var dates = n.first ? (n.first === n.last ? n.first : n.first + ' – ' + n.last) : '';
    panel.appendChild(el('p', [n.statements + ' statements', n.mentioned + ' mentions', n.articles + ' articles', dates].filter(Boolean).join(' · '), 'meta'));
    panel.appendChild(el('p', n.id, 'meta'));
    statementList('Said', said[i] || []);
    statementList('Mentioned in', about[i] || []);
  }
  cy.on('tap', 'node', function (ev) { show(ev.target.data('idx')); });
  cy.on('tap', function (ev) {
    if (ev.target === cy) { panel.textContent = ''; panel.appendChild(el('p', 'Click a node to see its statements.', 'hint')); }
  });

  // Search names and aliases as you type; Enter picks the first match.
  var search = document.getElementById('search');
  function matches() {
    var q = fold(search.value.trim());
    cy.elements().removeClass('faded match');
    if (!q) { return cy.collection(); }
    var hit = cy.nodes().filter(function (n) { return n.data('search').indexOf(q) >= 0; });
    cy.elements().not(hit).not(hit.connectedEdges()).addClass('faded');
    hit.addClass('match');
    return hit;
  }
  search.addEventListener('input', matches);
  search.addEventListener('keydown', function (ev) {
    if (ev.key !== 'Enter') { return; }
    var hit = matches();
    if (!hit.length) { return; }
    var first = hit[0];
    cy.elements().unselect();
    first.select();
    cy.animate({ center: { eles: first }, zoom: Math.max(cy.zoom(), 1.2) }, { duration: 300 });
    show(first.data('idx'));
  });

  // Lay out last, after the page has shown (big graphs take a while);
  // body[data-ready] tells tests and scripts the graph is drawn.
  var options = big
    ? { name: 'concentric', concentric: function (n) { return n.degree(); }, levelWidth: function () { return 4; }, animate: false }
    : { name: 'cose', animate: false, randomize: false, nodeRepulsion: function () { return 9000; }, idealEdgeLength: function () { return 90; } };
  var count = document.getElementById('count');
  var summary = count.textContent;
  if (big) { count.textContent = summary + ' (laying out…)'; }
  setTimeout(function () {
    var layout = cy.layout(options);
    layout.one('layoutstop', function () {
      count.textContent = summary; // may reflow the header: resize, then fit
      cy.resize();
      cy.fit(undefined, 30);
      document.body.dataset.ready = 'true';
    });
    layout.run();
  }, 0);
}());
