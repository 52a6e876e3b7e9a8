// Drives pages written by `wegwijs export html` in headless Chromium (Debian's `chromium`) with
// playwright-core, and exits non-zero when any check fails. Run by tests/cli/export_html.rs,
// which writes the pages and the expected plans first.
//
// Usage: node tests/js/browser.mjs CONFIG.json
//   CONFIG: {"page": "wegwijs.html",          the default graph, both languages
//            "hostile": "hostile.html",       a one-language graph with markup in its texts
//            "hostile_rules": "hostile.json", the graph that page was exported from
//            "expected": "plans.jsonl",       `wegwijs batch` output to compare with
//            "conditions": {"page", "expected"}, a graph with `when`s and its batch output
//            "bin": "target/debug/wegwijs",   for the keyboard path's expected plan
//            "today": "2026-12-01",           the date the CLI took as today
//            "artifacts": "tests/artifacts",  screenshots and the printed PDF go here
//            "screenshots": "docs"}           optional: also write the README's screenshots
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const pageUrl = pathToFileURL(resolve(config.page)).href;
const hostileUrl = pathToFileURL(resolve(config.hostile)).href;
const conditionsUrl = pathToFileURL(resolve(config.conditions.page)).href;
mkdirSync(config.artifacts, { recursive: true });

// The flags the issue asks for, and a profile directory no earlier run has touched.
const profile = mkdtempSync(join(tmpdir(), 'wegwijs-chromium-'));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.WEGWIJS_CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
  offline: true,
  viewport: { width: 900, height: 760 },
  // The same day the CLI took as today, so "check that this is still correct" agrees.
  timezoneId: 'Europe/Amsterdam',
}).catch((e) => {
  console.error(`FAIL launching Chromium: ${e.message}`);
  process.exit(1);
});
browser.setDefaultTimeout(10000);

// Every request any page makes, and everything that goes wrong in one.
const requests = [];
const problems = [];
browser.on('request', (r) => requests.push(r));

async function open(url, opts = {}) {
  const page = await browser.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    d.dismiss();
  });
  if (opts.viewport) await page.setViewportSize(opts.viewport);
  await page.clock.setFixedTime(new Date(`${opts.today || config.today}T12:00:00+01:00`));
  await page.goto(url);
  return page;
}

function data(page) {
  return page.evaluate(() => JSON.parse(document.getElementById('wegwijs-data').textContent));
}

const results = [];
async function check(name, fn) {
  const before = problems.length;
  try {
    await fn();
    if (problems.length > before) throw new Error(problems.slice(before).join('; '));
    results.push(true);
    console.log(`ok ${name}`);
  } catch (e) {
    results.push(false);
    console.log(`FAIL ${name}: ${e.message.split('\n').slice(0, 8).join('\n    ')}`);
  }
}

function assert(cond, message) {
  if (!cond) throw new Error(message);
}

function same(actual, expected, what) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  assert(a === e, `${what}:\n  page: ${a}\n  cli:  ${e}`);
}

// The ids of a CLI plan in the order the page shows them: its sections, each in plan order.
function sectioned(plan) {
  const recs = plan.recommendations;
  const order = [
    (r) => r.kind === 'step' && r.urgent,
    (r) => r.kind === 'step' && !r.urgent,
    ...['partner', 'training', 'resource', 'network', 'advice'].map((k) => (r) => r.kind === k),
  ];
  return order.flatMap((f) => recs.filter(f));
}

const focused = (page) => page.evaluate(() => {
  const a = document.activeElement;
  return { tag: a.tagName, id: a.id, type: a.type || null, name: a.name || null, checked: !!a.checked, text: a.textContent.trim() };
});

async function tabTo(page, predicate, what) {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (predicate(await focused(page))) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

const legend = (page) => page.locator('#question legend').textContent();

// ---- Keyboard only: a whole path, with one step back ----

await check('a path answered with the keyboard alone, going back once, gives the CLI plan', async () => {
  const page = await open(pageUrl);
  const d = await data(page);
  const lang = d.lang;
  const tx = (l) => l[lang];
  // The safety question comes first.
  same(await legend(page), tx(d.questions[d.safety].text), 'first question');
  await page.screenshot({ path: join(config.artifacts, 'question.png'), fullPage: true });
  await tabTo(page, (f) => f.name === 'answer', 'the answers');
  await page.keyboard.press('ArrowDown'); // "no": arrow keys move and choose
  const safetyNo = d.questions[d.safety].options.findIndex((o) => o.id === 'no');
  assert((await focused(page)).checked, 'arrow key did not choose');
  same(await page.locator('input[name="answer"]:checked').getAttribute('value'), String(safetyNo), 'chosen safety answer');
  await page.keyboard.press('Enter');
  same(await legend(page), d.ui[lang].askRole, 'second question');
  // Focus moved to the new question's first option.
  same((await focused(page)).name, 'answer', 'focus after answering');
  const youth = d.roles.findIndex((r) => r.id === 'youth-worker');
  for (let i = 0; i < youth; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await page.keyboard.press('Enter');
  same(await legend(page), d.ui[lang].askConcern, 'third question');
  const radical = d.concerns.findIndex((c) => c.id === 'radicalisation');
  for (let i = 0; i < radical; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const followUp = Number(await page.locator('#question').getAttribute('data-ask'));
  assert(Number.isInteger(followUp), 'radicalisation has no follow-up question');
  same(await legend(page), tx(d.questions[followUp].text), 'follow-up question');
  // Back once, with the keyboard: the concern comes back with its answer still chosen.
  await tabTo(page, (f) => f.id === 'back', 'the Back button');
  await page.keyboard.press('Enter');
  same(await legend(page), d.ui[lang].askConcern, 'question after Back');
  const f = await focused(page);
  assert(f.checked && f.name === 'answer', `Back should focus the earlier answer, focus is on ${JSON.stringify(f)}`);
  same(await page.locator('input[name="answer"]:checked').getAttribute('value'), String(radical), 'earlier answer after Back');
  await page.keyboard.press('Enter');
  // Answer the follow-ups with the second option, or the first where there is one.
  const answers = {};
  for (let guard = 0; guard < 20 && (await page.locator('#question').count()); guard++) {
    const ask = Number(await page.locator('#question').getAttribute('data-ask'));
    const q = d.questions[ask];
    const pick = Math.min(1, q.options.length - 1);
    answers[q.id] = q.options[pick].id;
    await tabTo(page, (x) => x.name === 'answer', 'the answers');
    for (let i = 0; i < pick; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
  }
  // The review: Tab to "show the plan".
  same((await focused(page)).id, 'review-title', 'focus on the review');
  await tabTo(page, (x) => x.id === 'show-plan', 'Show plan');
  await page.keyboard.press('Enter');
  same((await focused(page)).id, 'plan-title', 'focus on the plan');
  await page.screenshot({ path: join(config.artifacts, 'plan.png'), fullPage: true });
  const args = ['plan', '--role', 'youth-worker', '--concern', 'radicalisation', '--answer', 'acute-danger=no',
    ...Object.entries(answers).flatMap(([q, o]) => ['--answer', `${q}=${o}`]), '--lang', lang, '--format', 'json'];
  const cli = JSON.parse(execFileSync(config.bin, args, { env: { ...process.env, WEGWIJS_TODAY: config.today } }));
  same(await page.$$eval('#plan li[data-kind]', (ls) => ls.map((l) => `${l.dataset.kind}:${l.dataset.id}`)),
    sectioned(cli).map((r) => `${r.kind}:${r.id}`), 'plan');
  same(await page.locator('#plan-title').textContent(), `${d.ui[lang].planTitle}: ${cli.role.label} · ${cli.concern.label}`, 'plan title');
  await page.close();
});

// ---- Same answers, same plan: every role × concern, and every complete path ----

await check('every plan in the page equals `wegwijs plan --format json` for the same answers', async () => {
  await compareAll(pageUrl, config.expected, 64);
});

await check('with `when` on additions, every plan in the page equals the CLI plan', async () => {
  await compareAll(conditionsUrl, config.conditions.expected, 8);
});

async function compareAll(url, expectedFile, atLeast) {
  const page = await open(url);
  const expected = readFileSync(expectedFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  assert(expected.length >= atLeast, `only ${expected.length} expected plans`);
  let compared = 0;
  for (const plan of expected) {
    assert(!plan.error, `the CLI gave no plan: ${JSON.stringify(plan)}`);
    const answers = { ...plan.assumed, ...plan.answers };
    const got = await page.evaluate(({ role, concern, answers, lang }) => {
      const d = JSON.parse(document.getElementById('wegwijs-data').textContent);
      const switcher = document.querySelector(`#languages button[lang="${lang}"]`);
      if (switcher && switcher.getAttribute('aria-pressed') !== 'true') switcher.click();
      const asked = [];
      for (let guard = 0; guard < 50; guard++) {
        const form = document.getElementById('question');
        if (!form) break;
        const ask = form.dataset.ask;
        let index;
        if (ask === 'role') index = d.roles.findIndex((r) => r.id === role);
        else if (ask === 'concern') index = d.concerns.findIndex((c) => c.id === concern);
        else {
          const q = d.questions[Number(ask)];
          asked.push(q.id);
          index = q.options.findIndex((o) => o.id === answers[q.id]);
          if (index < 0) return { error: `the page asks ${q.id}, which the CLI's path does not` };
        }
        form.querySelector(`input[value="${index}"]`).click();
        document.getElementById('next').click();
      }
      document.getElementById('show-plan').click();
      const items = [...document.querySelectorAll('#plan li[data-kind]')].map((li) => ({
        id: `${li.dataset.kind}:${li.dataset.id}`,
        urgent: !!li.closest('ol.urgent'),
        text: li.textContent,
      }));
      const title = document.getElementById('plan-title').textContent;
      document.getElementById('start-again').click();
      return { asked, items, title };
    }, { role: plan.role.id, concern: plan.concern.id, answers, lang: plan.lang });
    const where = `${plan.role.id} × ${plan.concern.id} ${JSON.stringify(answers)}`;
    assert(!got.error, `${where}: ${got.error}`);
    same(got.asked, plan.asked.map((a) => a.question).filter((q) => q !== 'role' && q !== 'concern'), `${where}: questions asked`);
    const recs = sectioned(plan);
    same(got.items.map((i) => i.id), recs.map((r) => `${r.kind}:${r.id}`), `${where}: recommendations`);
    recs.forEach((r, i) => {
      const item = got.items[i];
      same(item.urgent, !!r.urgent, `${where}: urgency of ${item.id}`);
      // Steps show their partner's contact, not its name (as the text output does).
      const offeredBy = r.kind !== 'step' && r.partner && r.partner.label;
      // A local slot says who filled it, or how to find the local party while none has.
      const local = r.local && (r.local.filled_by ? r.local.filled_by.name : r.local.find);
      // The cited page by its title and the date it states, never by the graph's source id.
      const page = r.source && r.source.title;
      const dated = r.source && r.source.dated !== 'undated' && r.source.dated;
      for (const field of [r.text, r.summary, r.why, r.caveat, offeredBy, local, page, dated]) {
        assert(!field || item.text.includes(field), `${where}: ${item.id} lacks «${field}»`);
      }
      const flagged = item.text.includes(plan.lang === 'nl' ? 'controleer of dit nog klopt' : 'check that this is still correct');
      same(flagged, !!r.review_due, `${where}: review warning on ${item.id}`);
    });
    compared += 1;
  }
  console.log(`    compared ${compared} plans`);
  await page.close();
}

// ---- What the browser may do ----

await check('nothing is requested, stored or sent; the policy blocks what a script might try', async () => {
  const page = await open(pageUrl);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert(csp.includes("default-src 'none'") && csp.includes("connect-src 'none'"), `policy: ${csp}`);
  // Probe the policy the way a compromised graph text would have to: it must refuse.
  const probe = await page.evaluate(async () => {
    const violations = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
    const sent = await fetch('http://127.0.0.1:9/').then(() => 'sent', () => 'blocked');
    const img = document.createElement('img');
    img.src = 'http://127.0.0.1:9/pixel.png';
    document.body.append(img);
    const style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = 'http://127.0.0.1:9/x.css';
    document.head.append(style);
    await new Promise((r) => setTimeout(r, 300));
    img.remove();
    style.remove();
    return { sent, violations: [...new Set(violations)].sort() };
  });
  // The probe's own refusals are expected console errors, not problems of the page.
  problems.length = problems.filter((p) => !p.includes('Content Security Policy') && !p.includes('Failed to fetch')).length;
  same(probe, { sent: 'blocked', violations: ['connect-src', 'img-src', 'style-src-elem'] }, 'blocked by the policy');
  await page.close();
  // Chromium reports the probe's requests, refused before they leave; nothing else may appear.
  const refused = (r) => r.url().startsWith('http://127.0.0.1:9/') && /^(csp|net::ERR_BLOCKED_BY_CSP)$/.test(r.failure()?.errorText || '');
  const ours = [pageUrl, hostileUrl, conditionsUrl];
  const others = requests.filter((r) => !ours.includes(r.url()) && !refused(r));
  same(others.map((r) => `${r.url()} ${r.failure()?.errorText || 'sent'}`), [], 'requests other than the page itself');
  same(await browser.cookies(), [], 'cookies');
  const page2 = await open(pageUrl);
  const stored = await page2.evaluate(async () => ({
    local: localStorage.length,
    session: sessionStorage.length,
    databases: (await indexedDB.databases()).length,
  }));
  same(stored, { local: 0, session: 0, databases: 0 }, 'storage after a whole session');
  await page2.close();
});

await check('graph texts are shown as text, never run; a one-language graph has no switch', async () => {
  const page = await open(hostileUrl);
  await page.waitForTimeout(200);
  const d = await data(page);
  same(d.languages, ['en'], 'languages');
  assert(await page.locator('#languages').isHidden(), 'the language switch is shown for one language');
  const labels = await page.locator('.option .label').allTextContents();
  assert(labels.some((l) => l.includes('<img src=x onerror=alert(1)>')), `labels: ${labels}`);
  same(await page.locator('img, iframe, object').count(), 0, 'elements made from graph text');
  assert((await page.title()).includes('</title>'), `title: ${await page.title()}`);
  await page.close();
});

// Regression: the page showed U+202E and friends raw, so "VCP \u202Eevil" rendered reversed,
// while the command line shows `\u{202e}`. The same characters as src/render/mod.rs.
const HIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

await check('bidi overrides and invisible separators are shown escaped, as the command line shows them', async () => {
  const page = await open(hostileUrl);
  const visible = () => page.evaluate(() => `${document.title}\n${document.body.innerText}`);
  let text = await visible();
  assert(!HIDDEN.test(text), `raw hidden character on the first question: ${JSON.stringify(text)}`);
  for (const escaped of ['VCP \\u{202e}evil\\u{202c}', 'zero\\u{200b}width', 'line\\u{2028}break', '\\u{2066}isolate\\u{2069}', 'para\\u{2029}graph']) {
    assert(text.includes(escaped), `«${escaped}» not shown: ${JSON.stringify(text)}`);
  }
  assert((await page.title()).includes('VCP \\u{202e}evil'), `title: ${await page.title()}`);
  for (const pick of ['#option-1', '#option-0', '#option-0']) {
    await page.check(pick);
    await page.click('#next');
  }
  await page.click('#show-plan');
  text = await visible();
  assert(!HIDDEN.test(text), `raw hidden character in the plan: ${JSON.stringify(text)}`);
  const cli = execFileSync(config.bin, ['--rules', config.hostile_rules, 'plan', '--role', 'r', '--concern', 'c', '--answer', 'danger=no', '--lang', 'en'],
    { env: { ...process.env, WEGWIJS_TODAY: config.today } }).toString();
  const step = cli.split('\n').find((l) => l.includes('Talk it over')).replace(/^\s*1\. /, '');
  const shown = await page.locator('li[data-id="talk"] > p').first().textContent();
  same(shown, step, 'the step as the page and the command line show it');
  await page.close();
});

// Regression: changing an early answer in the review asked every later question again.
await check('changing an early answer in the review keeps the later answers still on the path', async () => {
  const page = await open(pageUrl);
  const d = await data(page);
  const crime = d.questions.findIndex((q) => q.id === 'crime');
  const option = (ask, id) => {
    if (ask === 'role') return d.roles.findIndex((r) => r.id === id);
    if (ask === 'concern') return d.concerns.findIndex((c) => c.id === id);
    return d.questions[ask].options.findIndex((o) => o.id === id);
  };
  const answer = async (ask, id) => {
    same(await page.locator('#question').getAttribute('data-ask'), String(ask), 'question asked');
    await page.check(`#option-${option(ask, id)}`);
    await page.click('#next');
  };
  await answer(d.safety, 'no');
  await answer('role', 'teacher');
  await answer('concern', 'youth-groups');
  await answer(crime, 'yes');
  const rows = () => page.$$eval('ul.review li', (ls) => ls.map((l) => `${l.dataset.ask}=${l.querySelector('.a').textContent}`));
  const before = await rows();
  const yes = d.questions[crime].options[option(crime, 'yes')].label[d.lang];
  assert(before.includes(`${crime}=${yes}`), `review: ${before}`);
  // Change the first answer: only that question comes back, with Back offered.
  await page.click(`ul.review li[data-ask="${d.safety}"] button`);
  same(await legend(page), d.questions[d.safety].text[d.lang], 'question to change');
  same(await page.locator('input:checked').getAttribute('value'), String(option(d.safety, 'no')), 'earlier answer chosen');
  await answer(d.safety, 'yes');
  // Straight back to the review: role, concern and crime are still answered.
  same(await page.locator('#question').count(), 0, 'questions asked again after the change');
  const after = await rows();
  same(after.filter((r) => !r.startsWith(`${d.safety}=`)), before.filter((r) => !r.startsWith(`${d.safety}=`)), 'answers kept');
  // Back while changing keeps the answer and returns to the review.
  await page.click('ul.review li[data-ask="role"] button');
  same(await legend(page), d.ui[d.lang].askRole, 'role to change');
  await page.click('#back');
  same(await rows(), after, 'review after Back from a change');
  await page.click('#show-plan');
  const cli = JSON.parse(execFileSync(config.bin, ['plan', '--role', 'teacher', '--concern', 'youth-groups',
    '--answer', 'acute-danger=yes', '--answer', 'crime=yes', '--lang', d.lang, '--format', 'json'],
  { env: { ...process.env, WEGWIJS_TODAY: config.today } }));
  same(await page.$$eval('#plan li[data-kind]', (ls) => ls.map((l) => `${l.dataset.kind}:${l.dataset.id}`)),
    sectioned(cli).map((r) => `${r.kind}:${r.id}`), 'plan after the change');
  await page.close();
});

// ---- Language, history, copy, print, phone, contrast ----

await check('the language switch redraws the question and keeps the answers', async () => {
  const page = await open(pageUrl);
  const d = await data(page);
  await page.check('#option-1');
  await page.click('#next');
  const other = d.languages.find((l) => l !== d.lang);
  await page.click(`#languages button[lang="${other}"]`);
  same(await legend(page), d.ui[other].askRole, 'question after switching');
  same(await page.evaluate(() => document.documentElement.lang), other, 'html lang');
  same(await page.locator(`#languages button[lang="${other}"]`).getAttribute('aria-pressed'), 'true', 'pressed button');
  await page.click('#back');
  same(await legend(page), d.questions[d.safety].text[other], 'safety question in the other language');
  same(await page.locator('input:checked').getAttribute('value'), '1', 'earlier answer kept');
  await page.close();
});

await check("the browser's Back button goes back a question, not away from the page", async () => {
  const page = await open(pageUrl);
  const d = await data(page);
  await page.check('#option-1');
  await page.click('#next');
  await page.check('#option-0');
  await page.click('#next');
  same(await legend(page), d.ui[d.lang].askConcern, 'before Back');
  await page.goBack();
  same(await legend(page), d.ui[d.lang].askRole, 'after Back');
  same(page.url(), pageUrl, 'address');
  await page.close();
});

async function toPlan(page, { danger = 'no', role = 'teacher', concern = 'exit-support' } = {}) {
  const d = await data(page);
  const pick = async (index) => {
    await page.check(`#option-${index}`);
    await page.click('#next');
  };
  await pick(d.questions[d.safety].options.findIndex((o) => o.id === danger));
  await pick(d.roles.findIndex((r) => r.id === role));
  await pick(d.concerns.findIndex((c) => c.id === concern));
  while (await page.locator('#question').count()) await pick(0);
  await page.click('#show-plan');
  return d;
}

await check('the copy button puts the plan on the clipboard as plain text', async () => {
  await browser.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await open(pageUrl);
  const d = await toPlan(page, { danger: 'yes' });
  await page.click('#copy');
  await page.locator('#status').filter({ hasText: d.ui[d.lang].copied }).waitFor();
  const text = await page.evaluate(() => navigator.clipboard.readText());
  writeFileSync(join(config.artifacts, 'plan.txt'), text);
  const title = await page.locator('#plan-title').textContent();
  assert(text.startsWith(`${title}\n`), `copied text starts: ${text.slice(0, 80)}`);
  assert(text.includes(d.ui[d.lang].urgent.toUpperCase()), 'no urgent section in the copied text');
  // Every recommendation is in the text, in the order of the page.
  const shown = await page.$$eval('#plan li[data-kind] > :first-child, #plan ul.advice li', (ls) => ls.map((l) => l.textContent.trim()));
  let at = 0;
  for (const s of shown) {
    const found = text.indexOf(s, at);
    assert(found >= 0, `copied text lacks «${s}» (or has it out of order)`);
    at = found;
  }
  assert(!/[<>]/.test(text.replace(/→|←/g, '')), 'markup in the copied text');
  await page.close();
});

await check('the plan prints on A4 without buttons or questions', async () => {
  const page = await open(pageUrl);
  await toPlan(page, { role: 'police-officer', concern: 'youth-groups' });
  await page.emulateMedia({ media: 'print' });
  const hidden = await page.evaluate(() => [...document.querySelectorAll('button, #languages')]
    .every((b) => getComputedStyle(b).display === 'none' || getComputedStyle(b.closest('.actions, .languages') || b).display === 'none'));
  assert(hidden, 'buttons are visible in print');
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: false });
  writeFileSync(join(config.artifacts, 'plan.pdf'), pdf);
  const raw = pdf.toString('latin1');
  const boxes = [...raw.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
  assert(boxes.length >= 1, 'no pages in the PDF');
  for (const [w, h] of boxes) assert(Math.abs(w - 595.3) < 2 && Math.abs(h - 841.9) < 2, `page of ${w}×${h} pt is not A4`);
  console.log(`    ${boxes.length} A4 pages`);
  await page.close();
});

await check('readable on a phone: nothing wider than the screen', async () => {
  const page = await open(pageUrl, { viewport: { width: 360, height: 740 } });
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  same(await overflow(), 0, 'sideways scroll on the first question');
  await page.screenshot({ path: join(config.artifacts, 'phone-question.png'), fullPage: true });
  await toPlan(page, { concern: 'radicalisation' });
  same(await overflow(), 0, 'sideways scroll on the plan');
  await page.screenshot({ path: join(config.artifacts, 'phone-plan.png'), fullPage: true });
  await page.close();
});

// WCAG contrast of every piece of text against the background it is drawn on.
async function lowContrast(page) {
  return page.evaluate(() => {
    const rgb = (c) => (c.match(/[\d.]+/g) || []).map(Number);
    const lum = ([r, g, b]) => {
      const f = (v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const background = (el) => {
      for (let e = el; e; e = e.parentElement) {
        const c = rgb(getComputedStyle(e).backgroundColor);
        if (c.length === 3 || (c.length === 4 && c[3] > 0)) return c.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const bad = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!n.textContent.trim() || !el.getClientRects().length || el.closest('[hidden], .visually-hidden, script, noscript')) continue;
      const style = getComputedStyle(el);
      const [a, b] = [lum(rgb(style.color)), lum(background(el))];
      const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      const large = parseFloat(style.fontSize) >= 24 || (parseFloat(style.fontSize) >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) bad.push(`${ratio.toFixed(2)} «${n.textContent.trim().slice(0, 40)}»`);
    }
    return bad;
  });
}

await check('text contrast meets WCAG AA on the questions and the plan', async () => {
  const page = await open(pageUrl);
  same(await lowContrast(page), [], 'low contrast on the first question');
  await toPlan(page, { danger: 'yes', concern: 'radicalisation' });
  same(await lowContrast(page), [], 'low contrast on the plan');
  await page.close();
});

await check('every control has a label and every question a legend', async () => {
  const page = await open(pageUrl);
  const d = await data(page);
  const unlabelled = () => page.evaluate(() => [
    ...[...document.querySelectorAll('input, textarea')].filter((i) => !i.labels.length && !i.getAttribute('aria-label')).map((i) => i.id),
    ...[...document.querySelectorAll('button')].filter((b) => !b.textContent.trim() && !b.getAttribute('aria-label')).map((b) => b.outerHTML),
    ...[...document.querySelectorAll('fieldset')].filter((f) => !f.querySelector('legend')).map(() => 'fieldset'),
  ]);
  same(await unlabelled(), [], 'unlabelled on the first question');
  await toPlan(page);
  same(await unlabelled(), [], 'unlabelled on the plan');
  // Reviewed long ago: with the clock two years on, every entry says so.
  const later = await open(pageUrl, { today: '2028-12-01' });
  await toPlan(later);
  const entries = await later.locator('ul.entries > li').count();
  const flagged = await later.locator('ul.entries > li .warn', { hasText: d.ui[d.lang].reviewedLongAgo.slice(1) }).count();
  assert(entries > 0 && flagged === entries, `${flagged} of ${entries} entries flagged two years on`);
  await later.close();
  await page.close();
});

if (config.screenshots) {
  await check('screenshots for the README', async () => {
    mkdirSync(config.screenshots, { recursive: true });
    const page = await open(pageUrl, { viewport: { width: 800, height: 700 } });
    await page.evaluate(() => document.querySelector('#languages button[lang="nl"]')?.click());
    await page.screenshot({ path: join(config.screenshots, 'page-question.png') });
    await toPlan(page, { role: 'youth-worker', concern: 'exit-support' });
    await page.screenshot({ path: join(config.screenshots, 'page-plan.png') });
    await page.close();
  });
}

await browser.close();
rmSync(profile, { recursive: true, force: true });
const failed = results.filter((r) => !r).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
