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
    context.on('request', (r) => report.requests.push(r.url()));
    context.on('response', (r) => {
      if (r.status() >= 400) report.badResponses.push(`${r.status()} ${r.request().method()} ${r.url()}`);
    });
    const page = context.pages()[0] || await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') report.consoleErrors.push(`${m.text()} (${m.location().url})`);
    });
    page.on('pageerror', (e) => report.pageErrors.push(String(e)));

    await page.goto(url, { waitUntil: 'networkidle' });
    // The editor is Monaco, loaded from the newsgraph server.
    await page.waitForFunction(() => window.monaco && window.monaco.editor.getModels().length > 0, null, { timeout: 30000 });
    await page.waitForSelector('.monaco-editor .view-lines');
    report.initialQuery = await queryEditorText(page);

    // The sample query the editor opens with runs as it is.
    const sampleStatus = await run(page, expectText);
    report.sampleStatus = sampleStatus;
    report.sampleResult = await resultText(page);
    await page.waitForTimeout(300); // let the icons and the result settle for the picture
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
    report.visibleResult = await page.locator('.monaco-editor').nth(1).locator('.view-lines').innerText();
    const typedShot = path.join(outDir, 'typed-query.png');
    await page.screenshot({ path: typedShot });
    report.screenshots.push(typedShot);

    // The editor keeps the typed query across a reload; /?sample brings
    // the sample back.
    await page.reload({ waitUntil: 'networkidle' });
    await page.waitForFunction(() => window.monaco && window.monaco.editor.getModels().length > 0);
    report.reloadedQuery = await queryEditorText(page);
    await page.goto(url + '?sample', { waitUntil: 'networkidle' });
    await page.waitForFunction(() => window.monaco && window.monaco.editor.getModels().length > 0);
    report.resetQuery = await queryEditorText(page);
    report.resetLocation = page.url();
    await page.waitForTimeout(500); // late console errors
  } finally {
    await context.close();
  }
}

main().then(
  () => { process.stdout.write(JSON.stringify(report)); },
  (err) => {
    report.fatal = String(err && err.stack || err);
    process.stdout.write(JSON.stringify(report));
    process.exitCode = 1;
  },
);
