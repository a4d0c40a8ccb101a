import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '@cameo/test-helpers/database';
import { makeRecording } from '@cameo/test-helpers/recordings';
import { startStack, type TestStack } from '@cameo/test-helpers/stack';

/**
 * The web app in Debian's Chromium (playwright-core, no browser download): sign up, generate,
 * watch the progress bar reach 100, publish, see the video in the feed; record a cameo. Screenshots go to
 * test/artifacts/.
 */
const ARTIFACTS = path.join(__dirname, '..', 'artifacts');
// Without the background-networking flags Chromium keeps trying the network this machine does not have.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
let database: TestDatabase;
let stack: TestStack;
let browser: Browser;

beforeAll(async () => {
  database = await createTestDatabase('e2e_web_app');
  stack = await startStack(database.url, { redis: true, webApp: true });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  mkdirSync(ARTIFACTS, { recursive: true });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  await database?.drop();
});

it('signs up, generates with a live progress bar to 100, publishes, and shows the video in the feed', async () => {
  const page = await browser.newPage({ viewport: { width: 800, height: 1000 } });
  const seen: number[] = [];
  await page.exposeFunction('reportProgress', (value: number) => seen.push(value));
  await page.goto(stack.origin);
  await page.fill('#handle', 'webby');
  await page.fill('#password', 'password123');
  await page.click('#sign-up');
  await page.waitForSelector('#app:not([hidden])');
  expect(await page.textContent('#whoami')).toBe('@webby');

  // Watch the bar as the page updates it (in the page's own context; DOM code as a string keeps
  // browser types out of this Node program).
  await page.evaluate(`(() => {
    const bar = document.getElementById('job-progress');
    const value = Object.getOwnPropertyDescriptor(HTMLProgressElement.prototype, 'value');
    Object.defineProperty(bar, 'value', {
      get: () => value.get.call(bar),
      set: (v) => { value.set.call(bar, v); bar.setAttribute('data-value', String(v)); window.reportProgress(v); },
    });
  })()`);
  await page.fill('#prompt', 'a red balloon over the city');
  await page.click('#generate');
  await page.waitForSelector('#job-progress[data-value="100"]');
  await page.waitForSelector('#publish-form:not([hidden])');
  await page.screenshot({ path: path.join(ARTIFACTS, 'web-app-progress.png') });
  expect(seen.at(-1)).toBe(100);
  expect(seen).toEqual([...seen].sort((a, b) => a - b));

  await page.fill('#caption', 'balloon day');
  await page.click('#publish');
  const post = page.locator('#posts li', { hasText: 'balloon day' });
  await post.waitFor({ timeout: 20_000 });
  expect(await post.locator('.meta').textContent()).toContain('@webby');
  const image = post.locator('img');
  await page.waitForFunction(`document.querySelector('#posts li img')?.naturalWidth > 0`);
  expect(await image.getAttribute('src')).toMatch(/^\/assets\/[0-9a-f]{32}\.gif\?v=[0-9a-f-]{36}&exp=\d+&sig=[\w-]{43}$/);
  await page.screenshot({ path: path.join(ARTIFACTS, 'web-app-feed.png') });
  await page.close();
}, 60_000);

it('records a cameo: shows the phrase, uploads the chosen file with a progress bar, and says it is verified', async () => {
  const page = await browser.newPage();
  await page.goto(stack.origin);
  await page.fill('#handle', 'recorder');
  await page.fill('#password', 'password123');
  await page.click('#sign-up');
  await page.waitForSelector('#app:not([hidden])');
  await page.click('#start-cameo');
  await page.waitForSelector('#cameo-phrase:not([hidden])');
  const phrase = (await page.textContent('#phrase'))!;
  expect(phrase.split(' ')).toHaveLength(4);
  await page.setInputFiles('#cameo-file', makeRecording({ phrase }));
  await page.click('#upload-cameo');
  await page.waitForFunction(`document.querySelector('#cameo-status').textContent.startsWith('Verified')`);
  await page.screenshot({ path: path.join(ARTIFACTS, 'web-app-cameo.png') });
  await page.close();
});

it('serves Apollo Sandbox at /graphql in development', async () => {
  const response = await fetch(stack.gatewayUrl, { headers: { accept: 'text/html' } });
  const html = await response.text();
  expect(response.status).toBe(200);
  expect(html).toContain('embeddable-sandbox');
});
