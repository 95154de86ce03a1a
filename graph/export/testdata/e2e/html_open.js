// Opens a newsgraph HTML export in headless Chromium (Debian's, driven by
// playwright-core from e2e/node_modules via NODE_PATH), waits until the
// graph is laid out, checks that it is drawn, clicks a node, searches, and
// writes a screenshot. Prints a JSON report.
// Usage: node html_open.js PAGE SCREENSHOT USER_DATA_DIR NODE_LABEL SEARCH
'use strict';
const { chromium } = require('playwright-core');

(async () => {
  const [file, shot, userDataDir, label, query] = process.argv.slice(2);
  const report = { errors: [], external: [] };
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 800 },
  });
  try {
    const page = context.pages()[0] || await context.newPage();
    page.on('console', (m) => { if (m.type() === 'error') { report.errors.push(m.text()); } });
    page.on('pageerror', (e) => report.errors.push(String(e)));
    page.on('request', (r) => {
      const u = r.url();
      if (!u.startsWith('file:') && !u.startsWith('data:') && !u.startsWith('blob:')) { report.external.push(u); }
    });
    await page.goto('file://' + file);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60000 });
    Object.assign(report, await page.evaluate(() => {
      const w = cy.width(), h = cy.height();
      let visible = 0;
      cy.nodes().forEach((n) => {
        const p = n.renderedPosition();
        if (p.x >= 0 && p.y >= 0 && p.x <= w && p.y <= h) { visible++; }
      });
      let painted = 0;
      for (const c of document.querySelectorAll('#cy canvas')) {
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) { painted++; } }
      }
      return { nodes: cy.nodes().length, edges: cy.edges().length, visible, painted,
        legend: Array.from(document.querySelectorAll('#legend button')).map((b) => b.textContent) };
    }));

    // Click the node with the label, where it is drawn.
    const at = await page.evaluate((l) => {
      const n = cy.nodes().filter((x) => x.data('label') === l)[0];
      if (!n) { return null; }
      const p = n.renderedPosition(), r = cy.container().getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    }, label);
    if (at) {
      await page.mouse.click(at.x, at.y);
      await page.waitForSelector('#panel h2', { timeout: 5000 });
      report.clicked = await page.evaluate(() => ({
        title: document.querySelector('#panel h2').textContent,
        statements: document.querySelectorAll('#panel li.statement').length,
        first: (document.querySelector('#panel li.statement q') || {}).textContent || '',
      }));
    }

    // Search by an alias; Enter selects the first match.
    await page.fill('#search', query);
    await page.press('#search', 'Enter');
    await page.waitForTimeout(400);
    report.search = await page.evaluate(() => ({
      matches: cy.nodes('.match').map((n) => n.data('label')),
      faded: cy.nodes('.faded').length,
      panel: (document.querySelector('#panel h2') || {}).textContent || '',
    }));
    await page.screenshot({ path: shot, fullPage: false });
    report.screenshot = shot;
  } finally {
    await context.close();
  }
  process.stdout.write(JSON.stringify(report));
})().catch((e) => { console.error(e); process.exit(1); });
