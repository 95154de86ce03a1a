// Drives the Cayley web UI served by `newsgraph serve` in headless Chromium,
// for TestUIInChromium (e2e_test.go). It reports what it saw as one JSON
// object on stdout; the Go test judges it.
//
// Environment: PLAYWRIGHT_CORE (path of the playwright-core package),
// UI_URL, OUT_DIR (screenshots), USER_DATA_DIR (a fresh, empty directory),
// QUERY (the Gizmo query to type), EXPECT (a text the result must show).
'use strict';

const { chromium } = require(process.env.PLAYWRIGHT_CORE);
const path = require('path');

const url = process.env.UI_URL;
const outDir = process.env.OUT_DIR;
const query = process.env.QUERY;
const expectText = process.env.EXPECT;

const report = {
  consoleErrors: [],
  pageErrors: [],
  failedRequests: [],
  badResponses: [],
  requests: [],
  initialQuery: null,
  sampleResult: null,
  typedQuery: null,
  typedResult: null,
  visibleResult: null,
  screenshots: [],
};

// The text of the UI's editors: the query editor and the results viewer.
async function editorTexts(page) {
  return page.evaluate(() => window.monaco.editor.getModels().map((m) => ({
    language: m.getModeId ? m.getModeId() : m.getLanguageId(),
    value: m.getValue(),
  })));
}

async function queryEditorText(page) {
  const models = await editorTexts(page);
  const m = models.find((x) => x.language === 'javascript');
  return m ? m.value : null;
}

async function resultText(page) {
  const models = await editorTexts(page);
  const m = models.find((x) => x.language === 'json');
  return m ? m.value : null;
}

// run clicks Run and waits for the query's answer to show in the results.
async function run(page, mustShow) {
  const answered = page.waitForResponse((r) => r.url().includes('/api/v2/query'), { timeout: 30000 });
  await page.getByRole('button', { name: /run/i }).click();
  const res = await answered;
  await page.waitForFunction((text) => {
    const m = window.monaco.editor.getModels().find((x) => (x.getModeId ? x.getModeId() : x.getLanguageId()) === 'json');
    return m && m.getValue().includes(text);
  }, mustShow, { timeout: 30000 });
  return res.status();
}

// quiet waits until no request of the page or its workers is in flight
// (Playwright's 'networkidle' does not count the editor's workers), so
// that navigating away aborts nothing.
async function quiet(page) {
  const deadline = Date.now() + 30000;
  let idleSince = Date.now();
  for (;;) {
    if (inFlight().length > 0) idleSince = Date.now();
    if (Date.now() - idleSince >= 500) return;
    if (Date.now() > deadline) {
      throw new Error('requests still in flight after 30s: ' + inFlight().map((r) => r.url()).join(', '));
    }
    await page.waitForTimeout(50);
  }
}

// settle leaves the page still for a picture that is the same on every
// run: no focus (no blinking cursor), no hover, no button ripple.
async function settle(page) {
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  await page.mouse.move(0, 0);
  await page.waitForTimeout(2000); // Monaco underlines links a moment after the text shows
}

const pending = new Set(); // requests without an end yet
const answered = new Map(); // request -> when its response came

// inFlight lists the requests still under way: those without a response,
// and those whose response came less than 2 s ago and has not ended.
// Chromium does not always report the end of a worker's script
// (requestfinished), though its response came and the worker runs.
function inFlight() {
  const now = Date.now();
  return [...pending].filter((r) => !answered.has(r) || now - answered.get(r) < 2000);
}

async function main() {
  const context = await chromium.launchPersistentContext(process.env.USER_DATA_DIR, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync',
    ],
    viewport: { width: 1400, height: 900 },
  });
  try {
    context.on('requestfailed', (r) => report.failedRequests.push(`${r.method()} ${r.url()}: ${r.failure() && r.failure().errorText}`));
    context.on('request', (r) => { report.requests.push(r.url()); pending.add(r); });
    context.on('requestfinished', (r) => pending.delete(r));
    context.on('requestfailed', (r) => pending.delete(r));
    context.on('response', (r) => {
      answered.set(r.request(), Date.now());
      if (r.status() >= 400) report.badResponses.push(`${r.status()} ${r.request().method()} ${r.url()}`);
    });
    const page = context.pages()[0] || await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') report.consoleErrors.push(`${m.text()} (${m.location().url})`);
    });
    page.on('pageerror', (e) => report.pageErrors.push(String(e)));

    await page.goto(url, { waitUntil: 'load' });
    // The editor is Monaco, loaded from the newsgraph server.
    await page.waitForFunction(() => window.monaco && window.monaco.editor.getModels().length > 0, null, { timeout: 30000 });
    await page.waitForSelector('.monaco-editor .view-lines');
    report.initialQuery = await queryEditorText(page);

    // The sample query the editor opens with runs as it is.
    const sampleStatus = await run(page, expectText);
    report.sampleStatus = sampleStatus;
    report.sampleResult = await resultText(page);
    await settle(page);
    const sampleShot = path.join(outDir, 'sample-query.png');
    await page.screenshot({ path: sampleShot });
    report.screenshots.push(sampleShot);

    // Type a query into the editor as a person would, and run it.
    const editor = page.locator('.monaco-editor').first();
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type(query);
    await page.keyboard.press('Escape'); // close the completion list, if open
    report.typedQuery = await queryEditorText(page);
    report.typedStatus = await run(page, expectText);
    report.typedResult = await resultText(page);
    // What the results panel shows on screen (Monaco draws visible lines only).
    await page.waitForFunction(() => {
      const panes = document.querySelectorAll('.monaco-editor .view-lines');
      return panes.length > 1 && panes[1].textContent.includes('"id"');
    }, null, { timeout: 30000 });
    report.visibleResult = await page.locator('.monaco-editor').nth(1).locator('.view-lines').innerText();
    await settle(page);
    const typedShot = path.join(outDir, 'typed-query.png');
    await page.screenshot({ path: typedShot });
    report.screenshots.push(typedShot);

    // The editor keeps the typed query across a reload; /?sample brings
    // the sample back.
    await quiet(page);
    await page.reload({ waitUntil: 'load' });
    await page.waitForFunction(() => window.monaco && window.monaco.editor.getModels().length > 0);
    report.reloadedQuery = await queryEditorText(page);
    await quiet(page);
    await page.goto(url + '?sample', { waitUntil: 'load' });
    await page.waitForFunction(() => window.monaco && window.monaco.editor.getModels().length > 0);
    report.resetQuery = await queryEditorText(page);
    report.resetLocation = page.url();
    await quiet(page); // and late console errors
  } finally {
    await context.close();
  }
}

main().then(
  () => { process.stdout.write(JSON.stringify(report)); },
  (err) => {
    report.fatal = String(err && err.stack || err) +
      `\nrequests without an end: ${[...pending].map((r) => r.url()).join(', ') || 'none'}`;
    process.stdout.write(JSON.stringify(report));
    process.exitCode = 1;
  },
);
