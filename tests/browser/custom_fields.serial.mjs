// A custom field's life, as an administrator and a sales rep live it: the
// admin adds a required field with a pattern and its message in both
// languages; the rep meets the message beside the field, in English and in
// Chinese, keeps what was typed, saves a good value, shows the field as a
// list column and filters by it; the admin deactivates it and it leaves
// the forms and the profile.
//
// Run on its own (scripts/check.sh), not beside the other browser tests:
// while it lasts, every customer form requires its field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { companyName, fillNewCustomer, launch, pathOf, randomMobile,
	saveButton, signInAdmin, signInFresh, sql, submit, switchLanguage,
	visit } from './helpers.mjs';

const LABEL = { en: 'Head office postcode', zh: '总部邮编' };
const MESSAGE = { en: 'Six digits, please', zh: '请输入六位数字' };

/* The admin's form for a new customer field; lands on /admin/fields. */
async function createField(page, code) {
	await visit(page, '/admin/fields/new?rtype=customer');
	await page.locator('#f-code').fill(code);
	await page.locator('#f-type').selectOption('text');
	await page.locator('#f-label_en').fill(LABEL.en);
	await page.locator('#f-label_zh').fill(LABEL.zh);
	await page.locator('#f-required').check();
	await page.locator('#f-pattern').fill('[0-9]{6}');
	await page.locator('#f-pattern_msg_en').fill(MESSAGE.en);
	await page.locator('#f-pattern_msg_zh').fill(MESSAGE.zh);
	await page.locator('#f-help_en').fill('As on the business licence');
	await page.locator('#f-help_zh').fill('与营业执照一致');
	await submit(page, page.locator('form[action="/admin/fields"] button[type=submit]'));
	assert.equal(pathOf(page), '/admin/fields');
}

/* A new customer with value in the field: the page after sending. */
async function sendCustomer(page, input, name, value) {
	await visit(page, '/customers/new');
	await fillNewCustomer(page, { name, contact: '周敏', mobile: randomMobile() });
	await page.locator(input).fill(value);
	return submit(page, saveButton(page));
}

/* The message shown beside the field, which points to it. */
async function fieldError(page, input) {
	const error = page.locator(`.field.invalid:has(${input}) .field-error`);
	assert.equal(await page.locator(input).getAttribute('aria-invalid'), 'true');
	assert.match(await page.locator(input).getAttribute('aria-describedby'),
	    new RegExp(await error.getAttribute('id')));
	return error.innerText();
}

/* The field's values, for this customer only, and its definition go. */
function dropField(code, name) {
	const [row] = sql(`SELECT id, store, COALESCE(slot, 0) FROM custom_field
	    WHERE code = '${code}'`);
	if (!row)
		return;
	const [id, store, slot] = row;
	if (store === 'text' && /^[1-6]$/.test(slot))
		sql(`UPDATE customer_custom cc JOIN customer c
		    ON c.id = cc.customer_id SET cc.t${slot} = NULL
		    WHERE c.name = '${name}'`);
	sql(`DELETE FROM user_list_column WHERE field_id = ${id};
	    DELETE FROM role_field WHERE field = 'cf_${code}';
	    DELETE FROM custom_field WHERE id = ${id};`);
}

test('an admin adds a required custom field with a pattern; a rep meets its message in both languages, fills it, shows it as a column and filters by it; deactivated, it leaves the forms', async () => {
	const admin = await launch();
	const rep = await launch();
	const code = `br${Date.now().toString(36)}`;
	const input = `#f-cf_${code}`;
	const { name } = companyName();
	try {
		await signInAdmin(admin.page);
		await createField(admin.page, code);
		assert.equal(await admin.page.locator(`main tr:has(code:text-is("${code}"))`).count(), 1,
		    'the field is listed');

		// The rep's form has it, with its help; a bad value is refused.
		const page = rep.page;
		await signInFresh(page);
		assert.equal(await sendCustomer(page, input, name, '12ab'), 422);
		assert.equal(await fieldError(page, input), MESSAGE.en);
		assert.equal(await page.locator(input).inputValue(), '12ab',
		    'what was typed is kept');
		assert.equal(await page.locator(`label[for="f-cf_${code}"]`).innerText(),
		    `${LABEL.en} *`);
		assert.equal(await page.locator(`#cf_${code}-help`).innerText(),
		    'As on the business licence');
		assert.equal(await page.locator('#f-name').inputValue(), name);

		// In Chinese, the Chinese message; left empty, "required".
		await switchLanguage(page);
		assert.equal(await sendCustomer(page, input, name, '3100'), 422);
		assert.equal(await fieldError(page, input), MESSAGE.zh);
		assert.equal(await page.locator(`label[for="f-cf_${code}"]`).innerText(),
		    `${LABEL.zh} *`);
		await page.locator(input).fill('');
		assert.equal(await submit(page, saveButton(page)), 422);
		assert.notEqual(await fieldError(page, input), MESSAGE.zh,
		    'an empty value is told it is required, not the pattern');

		await page.locator(input).fill('310000');
		await submit(page, saveButton(page));
		assert.match(pathOf(page), /^\/customers\/\d+$/, 'saved');
		const detail = pathOf(page);
		const shown = page.locator(`main dt:text-is("${LABEL.zh}") + dd`);
		assert.equal(await shown.innerText(), '310000');

		// A column of the rep's list, and a filter that finds the customer.
		await visit(page, '/customers');
		await page.locator('details.columns summary').click();
		await page.locator(`details.columns input[value="${code}"]`).check();
		await submit(page, page.locator('form[action="/customers/columns"] button'));
		assert.equal(pathOf(page), '/customers');
		assert.equal(await page.locator('table.list thead th').last().innerText(),
		    LABEL.zh, 'the column is shown, last');
		await page.locator('#cf').selectOption(code);
		await submit(page, page.locator('form.filters button[type=submit]'));
		await page.locator('#cfv').fill('310000');
		await page.locator('#q').fill(name);
		await submit(page, page.locator('form.filters button[type=submit]'));
		const rows = page.locator('table.list tbody tr');
		assert.equal(await rows.count(), 1, 'the one customer with the value');
		assert.equal(await rows.first().locator('td').last().innerText(), '310000');
		assert.equal(await rows.first().locator('a').innerText(), name);
		await page.locator('#cfv').fill('999999');
		await submit(page, page.locator('form.filters button[type=submit]'));
		assert.equal(await rows.count(), 0, 'no customer with another value');

		// Deactivated: gone from the form and the profile, value kept.
		await visit(admin.page, '/admin/fields');
		await submit(admin.page, admin.page.locator(
		    `main tr:has(code:text-is("${code}")) form[action$="/deactivate"] button`));
		assert.equal(pathOf(admin.page), '/admin/fields');
		await visit(page, '/customers/new');
		assert.equal(await page.locator(input).count(), 0, 'not on the form');
		await visit(page, detail);
		assert.equal(await shown.count(), 0, 'not on the profile');
		assert.equal(sql(`SELECT COUNT(*) FROM customer_custom cc
		    JOIN customer c ON c.id = cc.customer_id
		    WHERE c.name = '${name}' AND '310000' IN (cc.t1, cc.t2,
		    cc.t3, cc.t4, cc.t5, cc.t6)`)[0][0], '1', 'the value is kept');
	} finally {
		dropField(code, name);
		await rep.close();
		await admin.close();
	}
});
