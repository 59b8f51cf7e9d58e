// BrowserIT's driver: one headless Chromium (Debian's, through playwright-core) per check, against the running
// system. Usage: node check.mjs spa|swagger '<json config>'. Prints progress to stderr and, last, one line
// "RESULT <json>" on stdout that BrowserIT asserts on. Exits non-zero only when the check could not run.
import { chromium } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import http from 'node:http';

const [mode, json] = process.argv.slice(2);
const cfg = JSON.parse(json || '{}');
const TIMEOUT = cfg.timeoutMs ?? 30000;
const t0 = Date.now();
const log = (msg) => process.stderr.write(`[browser ${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}\n`);

async function launch() {
  return chromium.launch({
    executablePath: cfg.chromium || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

// Keycloak's login form, filled and submitted as a person does
async function signIn(page) {
  await page.waitForSelector('#username', { timeout: TIMEOUT });
  const loginUrl = new URL(page.url());
  await page.fill('#username', cfg.username);
  await page.fill('#password', cfg.password);
  await page.click('#kc-login');
  return loginUrl.origin + loginUrl.pathname;
}

// The single-page app, served by a tiny static server on cfg.appPort. The same page is opened from the allowed
// origin http://localhost:<port> (in the services' CORS_ORIGINS) and from http://127.0.0.1:<port> (not in it).
async function spa() {
  const page = await readFile(new URL('./app.html', import.meta.url));
  const server = http.createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (path === '/app.html') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(page);
    } else if (path === '/config.js') {
      const origin = `http://${req.headers.host}`;
      const app = { issuer: cfg.issuer, clientId: cfg.clientId, api: cfg.api, partnershipId: cfg.partnershipId,
        newName: cfg.newNames[origin] };
      res.writeHead(200, { 'Content-Type': 'text/javascript', 'Cache-Control': 'no-store' })
        .end(`window.PULSE = ${JSON.stringify(app)};`);
    } else {
      res.writeHead(path === '/favicon.ico' ? 204 : 404).end();
    }
  });
  await new Promise((resolve, reject) => server.once('error', reject).listen(cfg.appPort, resolve));
  const browser = await launch();
  log(`Chromium ${browser.version()} up; page server on :${cfg.appPort}`);
  const results = {};
  try {
    for (const origin of Object.keys(cfg.newNames)) {
      const context = await browser.newContext();
      context.setDefaultTimeout(TIMEOUT);
      const tab = await context.newPage();
      const console = [];
      tab.on('console', (m) => { if (m.type() === 'error') console.push(m.text()); });
      const started = Date.now();
      await tab.goto(`${origin}/app.html`, { timeout: TIMEOUT });
      const loginPage = await signIn(tab);
      await tab.waitForSelector('#result[data-done]', { timeout: TIMEOUT });
      results[origin] = { ...JSON.parse(await tab.textContent('#result')), loginPage, pageUrl: tab.url(),
        consoleErrors: console, millis: Date.now() - started };
      log(`${origin}: ${JSON.stringify(results[origin])}`);
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  return results;
}

// Swagger UI of one service: Authorize (the realm's public client, PKCE, Keycloak's login form in the pop-up
// window Swagger UI opens), then "Try it out" → "Execute" on one GET operation.
async function swagger() {
  const browser = await launch();
  log(`Chromium ${browser.version()} up`);
  const result = {};
  try {
    const context = await browser.newContext();
    context.setDefaultTimeout(TIMEOUT);
    const page = await context.newPage();
    const console = [];
    page.on('console', (m) => { if (m.type() === 'error') console.push(m.text()); });
    await page.goto(cfg.swaggerUrl, { timeout: TIMEOUT });
    await page.click('.auth-wrapper button.authorize', { timeout: TIMEOUT });
    const dialog = page.locator('.modal-ux');
    result.clientId = await dialog.locator('input[data-name="clientId"]').first().inputValue();
    const popupOpened = context.waitForEvent('page', { timeout: TIMEOUT });
    await dialog.locator('.auth-btn-wrapper button.authorize').first().click();
    const popup = await popupOpened;
    const authorizeUrl = new URL(popup.url());
    result.authorizeRequest = Object.fromEntries(['client_id', 'response_type', 'code_challenge_method', 'redirect_uri']
      .map((k) => [k, authorizeUrl.searchParams.get(k)]));
    log('Swagger UI opened Keycloak\'s login in a pop-up');
    result.loginPage = await signIn(popup);
    await popup.waitForEvent('close', { timeout: TIMEOUT });
    // signed in: the dialog offers "Logout" instead of "Authorize"
    await dialog.locator('.auth-btn-wrapper button', { hasText: 'Logout' }).first().waitFor({ timeout: TIMEOUT });
    result.authorized = true;
    log('signed in: Swagger UI offers Logout');
    await dialog.locator('button.btn-done').first().click();

    const op = page.locator(`.opblock.opblock-get:has(.opblock-summary-path[data-path="${cfg.operationPath}"])`).first();
    await op.locator('.opblock-summary').first().click();
    await op.locator('button.try-out__btn').click({ timeout: TIMEOUT });
    await op.locator('button.execute').click({ timeout: TIMEOUT });
    const status = op.locator('.live-responses-table tr.response .response-col_status').first();
    await status.waitFor({ timeout: TIMEOUT });
    log('executed');
    result.status = Number((await status.textContent()).trim().split(/\s/)[0]);
    const curl = (await op.locator('.curl-command').first().textContent().catch(() => '')) || '';
    result.sentBearerToken = /Authorization: Bearer \S{20,}/.test(curl);
    result.consoleErrors = console;
  } finally {
    await browser.close();
  }
  return result;
}

try {
  const result = mode === 'spa' ? await spa() : mode === 'swagger' ? await swagger() : null;
  if (result === null) throw new Error(`unknown check "${mode}" (spa or swagger)`);
  result.totalMillis = Date.now() - t0;
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
} catch (e) {
  log(`FAILED: ${e.stack || e}`);
  process.stdout.write(`RESULT ${JSON.stringify({ failure: String(e.message || e), totalMillis: Date.now() - t0 })}\n`);
  process.exitCode = 1;
}
