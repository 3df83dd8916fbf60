// helpers.mjs - what the browser tests share: the browser, a fresh user,
// sign-in, form submission, axe-core and the HTML validator.
//
// The tests run against a running instance: CRM_TEST_BASE (http://127.0.0.1:PORT)
// and CRM_TEST_DB_SOCKET (its MariaDB, root by socket) come from scripts/check.sh.
import { execFileSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { HtmlValidate } from 'html-validate';

export const BASE = process.env.CRM_TEST_BASE;
const DB_SOCKET = process.env.CRM_TEST_DB_SOCKET;
if (!BASE || !DB_SOCKET) {
	// Fail loudly: a silently skipped browser suite looks like a green one.
	throw new Error('CRM_TEST_BASE and CRM_TEST_DB_SOCKET must be set ' +
	    '(scripts/check.sh sets them; see tests/browser/README.md)');
}

const HERE = dirname(fileURLToPath(import.meta.url));
export const ARTIFACTS = join(HERE, 'artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

// The demo user whose password hash fresh users copy (see freshUser).
const TEMPLATE_LOGIN = 'rep2';
export const INITIAL_PASSWORD = 'Rep2-Demo-2026';

// ------------------------------------------------------------ browser

// Debian's Chromium: playwright's own browser download cannot work here.
const CHROMIUM = process.env.CRM_TEST_CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu',
	'--disable-quic', '--no-first-run', '--disable-background-networking',
	'--disable-component-update', '--disable-sync'];

// Last HTML document response of each page: the server's own markup, which
// the validator must see (page.content() is the browser's repaired DOM).
const lastDocument = new WeakMap();

/*
 * A fresh browser profile (no cookies shared between tests) with one page.
 * options go to launchPersistentContext, e.g. { javaScriptEnabled: false }.
 */
export async function launch(options = {}) {
	const profile = await mkdtemp(join(tmpdir(), 'crm-browser-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		args: CHROMIUM_ARGS,
		baseURL: BASE,
		locale: 'en-US',
		viewport: { width: 1280, height: 900 },
		...options,
	});
	context.setDefaultTimeout(15_000);
	const page = context.pages()[0] ?? await context.newPage();
	page.on('response', (r) => {
		const req = r.request();
		if (req.isNavigationRequest() && req.frame() === page.mainFrame() &&
		    (r.status() < 300 || r.status() >= 400))
			lastDocument.set(page, r);
	});
	return {
		context,
		page,
		async close() {
			await context.close();
			await rm(profile, { recursive: true, force: true });
		},
	};
}

/* Status and body of the document the page shows now. */
export async function currentDocument(page) {
	const r = lastDocument.get(page);
	assert.ok(r, `no document loaded in ${page.url()}`);
	return { status: r.status(), html: await r.text() };
}

/* GET path; returns the response status. */
export async function visit(page, path) {
	const r = await page.goto(path);
	return r.status();
}

/*
 * Click a submit button and wait for the page it leads to (after any
 * redirect). Returns that page's status. Works with JavaScript disabled:
 * only Playwright's own events are used.
 */
export async function submit(page, button) {
	const navigated = page.waitForEvent('framenavigated',
	    { predicate: (f) => f === page.mainFrame() });
	await button.click();
	await navigated;
	await page.waitForLoadState('load');
	return (await currentDocument(page)).status;
}

export function pathOf(page) {
	return new URL(page.url()).pathname;
}

export async function screenshot(page, name) {
	await page.screenshot({ path: join(ARTIFACTS, `${name}.png`),
	    fullPage: true });
}

// ------------------------------------------------------------ database

/* Run SQL as MariaDB root; returns the rows as arrays of strings. */
export function sql(query) {
	const out = execFileSync('mariadb', ['--no-defaults',
		'--default-character-set=utf8mb4', `--socket=${DB_SOCKET}`,
		'-uroot', '--batch', '--skip-column-names', 'crm', '-e', query],
	    { encoding: 'utf8' });
	return out.split('\n').filter((l) => l !== '').map((l) => l.split('\t'));
}

/*
 * Today as the application sees it: its database sessions run in the
 * configured time zone (crm.conf time_zone, default +08:00, lib/config.c),
 * not the machine's.
 */
export function appToday() {
	let zone = '+08:00';
	const conf = process.env.CRM_VAR && join(process.env.CRM_VAR, 'crm.conf');
	if (conf && existsSync(conf)) {
		const m = readFileSync(conf, 'utf8').match(/^time_zone=(.*)$/m);
		if (m)
			zone = m[1].trim();
	}
	assert.match(zone, /^[\w+:\/-]+$/, 'time zone usable in SQL');
	return sql(`SET time_zone = '${zone}'; SELECT CURDATE()`)[0][0];
}

// ------------------------------------------------------------ data

export function digits(n) {
	let s = '';
	for (let i = 0; i < n; i++)
		s += randomInt(10);
	return s;
}

/* A mainland mobile number nobody has yet (the form requires 13–19…). */
export function randomMobile() {
	return `139${digits(8)}`;
}

export function pick(list) {
	return list[randomInt(list.length)];
}

/*
 * A sales rep that must change its password at first sign-in: a copy of
 * rep2 (same hash, so the initial password is rep2's, same team) with a
 * login unique to this run. English profile, so every test starts in one
 * known language.
 */
export function freshUser(role = 'sales_rep') {
	const login = `br${Date.now().toString(36)}${digits(4)}`;
	const name = `测试 ${login}`;
	sql(`INSERT INTO app_user (login, name, password_hash, must_change_pw,
	        team_id, lang)
	    SELECT '${login}', '${name}', password_hash, 1, team_id, 'en'
	    FROM app_user WHERE login = '${TEMPLATE_LOGIN}';
	    INSERT INTO user_role (user_id, role_id)
	    SELECT LAST_INSERT_ID(), id FROM role WHERE code = '${role}';`);
	assert.equal(sql(`SELECT must_change_pw FROM app_user
	    WHERE login = '${login}'`)[0]?.[0], '1', 'fresh user created');
	return { login, name, password: INITIAL_PASSWORD };
}

/* A password that passes the policy: 12+ characters, not common. */
export function newPassword() {
	return `Xq7!${digits(4)}-${Math.random().toString(36).slice(2, 10)}`;
}

// ------------------------------------------------------------ flows

/* Fill and send the sign-in form; returns the status of the page after. */
export async function signIn(page, login, password) {
	await visit(page, '/login');
	await page.locator('#f-login').fill(login);
	await page.locator('#f-password').fill(password);
	return submit(page, page.locator('main form button[type=submit]'));
}

export async function signOut(page) {
	return submit(page, page.locator('form[action="/logout"] button'));
}

/* Fill and send the change-password form. */
export async function changePassword(page, current, fresh) {
	await page.locator('#f-current').fill(current);
	await page.locator('#f-new').fill(fresh);
	await page.locator('#f-confirm').fill(fresh);
	return submit(page, page.locator('main form button[type=submit]'));
}

/*
 * A fresh user of role signed in, past the forced password change, on
 * /home. Returns the user with its new password.
 */
export async function signInFresh(page, role = 'sales_rep') {
	const user = freshUser(role);
	await signIn(page, user.login, user.password);
	assert.equal(pathOf(page), '/password', 'forced to /password');
	user.password = newPassword();
	await changePassword(page, INITIAL_PASSWORD, user.password);
	assert.equal(pathOf(page), '/home', 'on /home after the change');
	return user;
}

/* On /confirm: give the password again; lands on the page asked for. */
export async function confirmPassword(page, password) {
	await page.locator('#f-password').fill(password);
	return submit(page, page.locator('main form button[type=submit]'));
}

/* A fresh administrator, signed in and past the password confirmation. */
export async function signInAdmin(page) {
	const admin = await signInFresh(page, 'admin');
	await visit(page, '/admin');
	assert.equal(pathOf(page), '/confirm');
	await confirmPassword(page, admin.password);
	assert.equal(pathOf(page), '/admin');
	return admin;
}

/* Choose the first real option of a select (index 0 is "choose"). */
export async function chooseFirst(select) {
	const value = await select.locator('option').nth(1).getAttribute('value');
	await select.selectOption(value);
	return value;
}

/* A Chinese company name with a unique digit run and a random bigram. */
export function companyName() {
	const chars = '云帆星河海岳松柏青岚锦绣瑞祥鸿运嘉禾盛明德永泰宏远恒通';
	const a = pick([...chars]);
	let b;
	do
		b = pick([...chars]);
	while (b === a);
	const bigram = a + b;
	return { name: `杭州${digits(4)}${bigram}智能科技有限公司`, bigram };
}

/*
 * On /customers/new: fill the required fields. The caller submits, so a
 * test can first send a wrong value.
 */
export async function fillNewCustomer(page, { name, contact, mobile }) {
	await page.locator('#f-name').fill(name);
	await chooseFirst(page.locator('#f-industry'));
	await chooseFirst(page.locator('#f-grade'));
	await page.locator('#f-contact_name').fill(contact);
	await page.locator('#f-contact_mobile').fill(mobile);
}

export const saveButton = (page) =>
	page.locator('main form[action="/customers"] button[type=submit]');

/* Create a customer through the form; leaves the page on its detail. */
export async function createCustomer(page, fields) {
	await visit(page, '/customers/new');
	await fillNewCustomer(page, fields);
	await submit(page, saveButton(page));
	assert.match(pathOf(page), /^\/customers\/\d+$/, 'on the detail page');
}

// ------------------------------------------------------------ axe-core

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'),
    'utf8');

/*
 * axe-core's violations of impact serious or critical on the current page.
 * Evaluated through the DevTools protocol, which the page's CSP
 * (script-src 'self') does not block, unlike an injected <script>.
 */
export async function axeViolations(page) {
	await page.evaluate(AXE_SOURCE);
	const violations = await page.evaluate(async () => {
		const r = await window.axe.run(document,
		    { resultTypes: ['violations'] });
		return r.violations.map((v) => ({
			id: v.id,
			impact: v.impact,
			help: v.help,
			nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`),
		}));
	});
	return violations.filter((v) => v.impact === 'serious' ||
	    v.impact === 'critical');
}

export function formatViolations(violations) {
	return violations.map((v) => `[${v.impact}] ${v.id}: ${v.help}\n` +
	    v.nodes.map((n) => `    ${n.replace(/\n/g, '\n      ')}`).join('\n'))
	    .join('\n');
}

// ------------------------------------------------------------ HTML validity

/*
 * html-validate's recommended rules, strict on real errors (nesting,
 * unclosed elements, duplicate ids, unknown or misused attributes, labels).
 * Off only what is a matter of style and says nothing about correctness:
 */
const validator = new HtmlValidate({
	extends: ['html-validate:recommended'],
	rules: {
		// A group of checkboxes sharing one name is how a form sends a
		// list (customer products); valid HTML, and no [] suffix is needed.
		'form-dup-name': ['error', {
			shared: ['radio', 'checkbox', 'button', 'reset', 'submit'],
		}],
	},
});

/* The validator's messages for an HTML document, one per line. */
export async function htmlProblems(html) {
	const report = await validator.validateString(html);
	return report.results.flatMap((r) => r.messages).map((m) =>
	    `${m.line}:${m.column} ${m.ruleId}: ${m.message}` +
	    (m.selector ? ` (${m.selector})` : ''));
}

// ------------------------------------------------------------ page tour

/*
 * Walk a fresh user through every kind of page, in English and then in
 * Chinese, stopping on each: yields { name, page } with the page loaded.
 * The accessibility and the HTML test take the same walk.
 */
export async function* pageTour(page) {
	const user = freshUser();
	const { name } = companyName();
	const stops = [];

	await visit(page, '/login');
	yield 'en: sign-in page';
	await signIn(page, user.login, user.password);
	assert.equal(pathOf(page), '/password');
	yield 'en: password page (forced change)';
	const fresh = newPassword();
	await changePassword(page, user.password, fresh);
	assert.equal(pathOf(page), '/home');
	yield 'en: home page';

	await visit(page, '/customers/new');
	await fillNewCustomer(page, { name, contact: '王明', mobile: '12345' });
	assert.equal(await submit(page, saveButton(page)), 422);
	yield 'en: new customer form with errors';
	await page.locator('#f-contact_mobile').fill(randomMobile());
	await submit(page, saveButton(page));
	const detail = pathOf(page);
	assert.match(detail, /^\/customers\/\d+$/);
	await addContact(page, { name: '李华', mobile: randomMobile() });
	await addFollowup(page, { content: '电话沟通需求', due: appToday() });
	const contactEdit = await page.locator('#contacts a[href$="/edit"]')
	    .first().getAttribute('href');

	for (const lang of ['en', 'zh-CN']) {
		if (lang !== 'en') {
			await switchLanguage(page);
			await visit(page, '/password');
			yield `${lang}: password page`;
			await visit(page, '/home');
			yield `${lang}: home page`;
			await visit(page, '/customers/new');
			await fillNewCustomer(page, { name, contact: '王明',
			    mobile: '12345' });
			assert.equal(await submit(page, saveButton(page)), 422);
			yield `${lang}: new customer form with errors`;
		}
		await visit(page, detail);
		yield `${lang}: customer detail page`;
		await visit(page, '/customers');
		yield `${lang}: customer list`;
		await visit(page, `/customers?q=${encodeURIComponent(name.slice(2, 8))}`);
		yield `${lang}: customer list with search`;
		await visit(page, `${detail}/edit`);
		yield `${lang}: edit customer form`;
		await visit(page, contactEdit);
		yield `${lang}: edit contact form`;
		assert.equal(await visit(page, '/customers/999999999'), 404);
		yield `${lang}: not-found page`;
	}
	await signOut(page);
	assert.equal(pathOf(page), '/login');
	yield 'zh-CN: sign-in page';
	yield* adminTour(page);
}

/* The administration screens, as a fresh admin, in both languages. */
async function* adminTour(page) {
	const admin = await signInFresh(page, 'admin');
	const send = () => submit(page, page.locator('main form button[type=submit]'));

	await visit(page, '/admin');
	assert.equal(pathOf(page), '/confirm');
	yield 'en: password confirmation page';
	await confirmPassword(page, admin.password);
	for (const lang of ['en', 'zh-CN']) {
		if (lang !== 'en')
			await switchLanguage(page);
		await visit(page, '/admin');
		yield `${lang}: administration page`;
		await visit(page, '/admin/users');
		yield `${lang}: user list`;
		await visit(page, '/admin/users/new');
		await page.locator('#f-login').fill('Bad Login');
		await page.locator('#f-name').fill('测试 管理员');
		assert.equal(await send(), 422);
		yield `${lang}: new user form with errors`;
		await page.locator('#f-login').fill(`${admin.login}${lang === 'en' ? 'e' : 'z'}`);
		assert.equal(await send(), 200);
		yield `${lang}: initial password page`;
		await visit(page, await page.locator('main a[href^="/admin/users/"]').getAttribute('href'));
		yield `${lang}: user edit page`;
		await visit(page, '/admin/teams');
		yield `${lang}: team list`;
		await visit(page, await page.locator('main table a').first().getAttribute('href'));
		yield `${lang}: team edit page`;
		await visit(page, '/admin/choices');
		yield `${lang}: choice lists`;
		await visit(page, '/admin/choices/industry');
		await page.locator('#f-code').fill('Bad Code');
		await page.locator('#f-label_en').fill('Agriculture');
		await page.locator('#f-label_zh').fill('农业');
		assert.equal(await submit(page, page.locator('#add button[type=submit]')), 422);
		yield `${lang}: choice list with errors`;
		await visit(page, await page.locator('main table a[href*="/options/"]').first().getAttribute('href'));
		yield `${lang}: option rename form`;
		yield* fieldTour(page, lang, `${admin.login}${lang === 'en' ? 'e' : 'z'}`);
		await visit(page, '/admin/audit');
		yield `${lang}: audit log`;
		yield* opportunityTour(page, lang);
		yield* reportTour(page, lang);
		yield* notificationTour(page, lang, admin.login);
		yield* roleTour(page, lang, `${admin.login}${lang === 'en' ? 'e' : 'z'}`);
	}
}

/*
 * Custom fields: the list, the new field form with errors, a multiple
 * choice field's options and edit page; the field is deactivated after.
 */
async function* fieldTour(page, lang, code) {
	const create = page.locator('form[action="/admin/fields"] button[type=submit]');

	await visit(page, '/admin/fields');
	yield `${lang}: custom field list`;
	await visit(page, '/admin/fields/new?rtype=customer');
	await page.locator('#f-code').fill('Bad Code');
	await page.locator('#f-type').selectOption('multi');
	await page.locator('#f-label_en').fill('Tour field');
	await page.locator('#f-label_zh').fill('巡检字段');
	await page.locator('#f-pattern').fill('[0-9');
	assert.equal(await submit(page, create), 422);
	yield `${lang}: new custom field form with errors`;
	await page.locator('#f-code').fill(code);
	await page.locator('#f-pattern').fill('');
	assert.equal(await submit(page, create), 200);
	assert.match(pathOf(page), /^\/admin\/fields\/\d+\/options$/);
	yield `${lang}: custom field options`;
	const field = pathOf(page).replace(/\/options$/, '');
	await visit(page, field);
	yield `${lang}: custom field edit page`;
	await visit(page, '/customers/new');
	yield `${lang}: new customer form with a custom field`;
	await visit(page, '/admin/fields');
	await submit(page, page.locator(`form[action="${field}/deactivate"] button`));
	assert.equal(pathOf(page), '/admin/fields');
}

/* The pipeline as the admin sees it: every opportunity, stage settings. */
async function* opportunityTour(page, lang) {
	await visit(page, '/opportunities');
	yield `${lang}: opportunity list`;
	await visit(page, '/opportunities/board');
	yield `${lang}: pipeline board`;
	const opp = await page.locator('main .board a[href^="/opportunities/"]')
	    .first().getAttribute('href');
	await visit(page, opp);
	yield `${lang}: opportunity detail page`;
	await visit(page, `${opp}/edit`);
	yield `${lang}: edit opportunity form`;
	const quote = yield* quoteTour(page, lang, opp);
	yield* contractTour(page, lang, quote);
	await visit(page, '/opportunities/new');
	assert.equal(await submit(page,
	    page.locator('main form.card button[type=submit]')), 422);
	yield `${lang}: new opportunity form with errors`;
	await visit(page, '/opportunities/stages');
	yield `${lang}: stage settings`;
}

/* The reports as the admin sees them: everyone's figures. */
async function* reportTour(page, lang) {
	await visit(page, '/reports');
	yield `${lang}: reports`;
	for (const report of ['funnel', 'forecast', 'reasons', 'performance']) {
		assert.equal(await visit(page, `/reports/${report}`), 200);
		yield `${lang}: report ${report}`;
	}
	await page.locator('#f-from').fill('2026-13');
	assert.equal(await submit(page, page.locator('main form.filters button[type=submit]')), 422);
	yield `${lang}: report with a wrong period`;
	await visit(page, '/reports/funnel/print?from=&to=');
	yield `${lang}: report print view`;
}

/*
 * The stage rules, with a rule refused, and the inbox with an unread and
 * a read notification of the admin's.
 */
async function* notificationTour(page, lang, login) {
	await visit(page, '/opportunities/rules');
	yield `${lang}: stage rules`;
	assert.equal(await submit(page, page.locator(
	    'form[action="/opportunities/rules/recipients"] button[type=submit]')), 422);
	yield `${lang}: stage rules with errors`;
	sql(`INSERT INTO notification (user_id, kind, opportunity_id, actor_id,
	        from_stage, to_stage, hours, read_at)
	    SELECT u.id, k.kind, (SELECT MIN(id) FROM opportunity), u.id, k.f,
	        k.t, k.h, k.r
	    FROM app_user u JOIN (SELECT 'stage' AS kind, 'lead' AS f,
	        'demo' AS t, NULL AS h, NULL AS r
	        UNION ALL SELECT 'stale', NULL, 'needs', 24, NOW()) k
	    WHERE u.login = '${login}';
	    UPDATE app_user SET unread_notifications = unread_notifications + 1
	    WHERE login = '${login}';`);
	await visit(page, '/inbox');
	yield `${lang}: inbox`;
}

/*
 * Quotes of an opportunity: the new quote form with a wrong line, the
 * quote it then makes, its edit form and its print view.
 */
async function* quoteTour(page, lang, opp) {
	const save = page.locator('main form.card button.primary');

	await visit(page, `${opp}/quotes/new`);
	await page.locator('#f-product_1').selectOption('erp');
	await page.locator('#f-qty_1').fill('0');
	await page.locator('#f-price_1').fill('12.5');
	await page.locator('#f-description_2').fill('半天培训');
	assert.equal(await submit(page, save), 422);
	yield `${lang}: new quote form with errors`;
	await page.locator('#f-qty_1').fill('2.5');
	await page.locator('#f-product_2').selectOption('training');
	await page.locator('#f-qty_2').fill('1');
	await page.locator('#f-price_2').fill('2.01');
	await page.locator('#f-discount_2').fill('50');
	assert.equal(await submit(page, save), 200);
	assert.match(pathOf(page), /^\/opportunities\/\d+\/quotes\/\d+$/);
	/* 2.5 x 12.50 = 31.25; 2.01 less 50% = 1.005: 1.01. */
	assert.equal(await page.locator('#quote-total').textContent(), '32.26');
	yield `${lang}: quote page`;
	const quote = pathOf(page);
	await visit(page, `${quote}/edit`);
	yield `${lang}: edit quote form`;
	await visit(page, `${quote}/print`);
	yield `${lang}: quote print view`;
	return quote;
}

/*
 * Contracts: the quote's discount approved, the quote accepted and a
 * contract made of it (the new form first with instalments that do not
 * add up), its page, edit form and print view, the list and the overdue
 * instalments. An opportunity has one contract: on a later pass the quote
 * page links the one made.
 */
async function* contractTour(page, lang, quote) {
	const save = page.locator('main form.card button.primary');

	await visit(page, quote);
	assert.equal(await submit(page,
	    page.locator('form[action$="/submit"] button')), 200);
	/* Submitted by the demo director, so that this admin decides. */
	sql(`UPDATE quote SET submitted_by = (SELECT id FROM app_user
	        WHERE login = 'director')
	    WHERE id = ${quote.split('/').pop()} AND status = 'pending';`);
	await visit(page, '/home');
	yield `${lang}: home page with approvals waiting`;
	await visit(page, quote);
	yield `${lang}: quote waiting for a decision`;
	assert.equal(await submit(page,
	    page.locator('button[name=decision][value=approve]')), 200);
	await submit(page, page.locator('button[name=status][value=sent]'));
	await submit(page, page.locator('button[name=status][value=accepted]'));
	const make = page.locator('main .actions a[href^="/contracts/new"]');
	if (await make.count() > 0) {
		await visit(page, await make.getAttribute('href'));
		/* The quote's total is 32.26: 30.00 + 2.00 is short. */
		await page.locator('#f-amount_1').fill('30');
		await page.locator('#f-due_2').fill(appToday());
		await page.locator('#f-amount_2').fill('2');
		assert.equal(await submit(page, save), 422);
		yield `${lang}: new contract form with errors`;
		await page.locator('#f-amount_1').fill('30.26');
		assert.equal(await submit(page, save), 200);
		assert.match(pathOf(page), /^\/contracts\/\d+$/);
	} else {
		await visit(page, await page.locator(
		    'main .actions a[href^="/contracts/"]').getAttribute('href'));
	}
	yield `${lang}: contract page`;
	const contract = pathOf(page);
	await visit(page, `${contract}/edit`);
	yield `${lang}: edit contract form`;
	await visit(page, `${contract}/print`);
	yield `${lang}: contract print view`;
	await visit(page, '/contracts');
	yield `${lang}: contract list`;
	await visit(page, '/contracts/overdue');
	yield `${lang}: overdue instalments`;
}

/* Roles: the list, a new role's matrix, and a preview as that role. */
async function* roleTour(page, lang, code) {
	const create = page.locator('form[action="/admin/roles"] button[type=submit]');

	await visit(page, '/admin/roles');
	yield `${lang}: role list`;
	await page.locator('#f-code').fill('Bad Code');
	await page.locator('#f-name_en').fill('Tour role');
	await page.locator('#f-name_zh').fill('巡检角色');
	assert.equal(await submit(page, create), 422);
	yield `${lang}: new role form with errors`;
	await page.locator('#f-code').fill(code);
	assert.equal(await submit(page, create), 200);
	assert.match(pathOf(page), /^\/admin\/roles\/\d+$/);
	yield `${lang}: role page with its permission matrix`;
	const role = pathOf(page);
	await visit(page, `${role}/fields`);
	yield `${lang}: field access of a role`;
	await visit(page, role);
	await submit(page, page.locator('form[action$="/preview"] button'));
	assert.equal(pathOf(page), '/home');
	assert.equal(await page.locator('.preview strong').textContent(),
	    lang === 'en' ? 'Tour role' : '巡检角色');
	yield `${lang}: preview as a role`;
	await submit(page, page.locator('form[action="/admin/preview/end"] button'));
	assert.match(pathOf(page), /^\/admin\/roles\/\d+$/);
}

/* The header's language button (中文 / English). */
export async function switchLanguage(page) {
	return submit(page, page.locator('form[action="/lang"] button'));
}

/* On a detail page: add a (non-key) contact. */
export async function addContact(page, { name, mobile, title = '' }) {
	const form = page.locator('form[action$="/contacts"]');
	await form.locator('#f-contact_name').fill(name);
	await form.locator('#f-contact_title').fill(title);
	await form.locator('#f-contact_mobile').fill(mobile);
	return submit(page, form.locator('button[type=submit]'));
}

/* On a detail page: log a follow-up; returns the chosen codes. */
export async function addFollowup(page, { content, due }) {
	const form = page.locator('form[action$="/followups"]');
	const method = await chooseFirst(form.locator('#f-fu_method'));
	await form.locator('#f-fu_content').fill(content);
	const action = await chooseFirst(form.locator('#f-fu_action'));
	await form.locator('#f-fu_due').fill(due);
	const status = await submit(page, form.locator('button[type=submit]'));
	return { status, method, action };
}

// ------------------------------------------------------------ pipeline

/* A date n days after today, as the application counts days. */
export function appDate(days) {
	const d = new Date(`${appToday()}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

/* An amount as the pages show it ("1,234.50") in cents. */
export function cents(shown) {
	return Math.round(Number(shown.replace(/,/g, '')) * 100);
}

/*
 * From a customer's page (customerPath): a new opportunity of it in
 * stage, through the form; leaves the page on the opportunity and
 * returns its path.
 */
export async function createOpportunity(page, customerPath,
    { name, amount, stage = 'lead' }) {
	await visit(page, `/opportunities/new?customer=${customerPath.split('/').pop()}`);
	await page.locator('#f-stage').selectOption(stage);
	await page.locator('#f-name').fill(name);
	await page.locator('#f-amount').fill(amount);
	await page.locator('#f-expected_close').fill(appDate(30));
	await chooseFirst(page.locator('#f-lead_source'));
	await page.locator('#f-lead_date').fill(appToday());
	await submit(page, page.locator('main form.card button[type=submit]'));
	assert.match(pathOf(page), /^\/opportunities\/\d+$/, 'on the opportunity');
	return pathOf(page);
}
