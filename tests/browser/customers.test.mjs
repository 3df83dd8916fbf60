// A sales rep's day with one customer: create (through a validation error),
// add a contact and a follow-up, find it again, and read it in Chinese.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addContact, addFollowup, appToday, companyName, fillNewCustomer,
	launch, pathOf, randomMobile, saveButton, screenshot, signInFresh,
	submit, switchLanguage, visit } from './helpers.mjs';

test('a sales rep creates a Chinese-named customer, adds a contact and a follow-up, finds it by a two-character search and reads it in both languages', async () => {
	const { page, close } = await launch();
	try {
		await signInFresh(page);
		const { name, bigram } = companyName();
		const contact = '张伟';

		// First try: a mobile number the form must refuse.
		await visit(page, '/customers');
		await submit(page, page.locator('main a[href="/customers/new"]'));
		await fillNewCustomer(page, { name, contact, mobile: '12345' });
		assert.equal(await submit(page, saveButton(page)), 422,
		    'refused with 422');
		const mobile = page.locator('#f-contact_mobile');
		assert.equal(await mobile.getAttribute('aria-invalid'), 'true');
		// The message sits in the mobile field's own block, tied to it.
		const error = page.locator('.field.invalid:has(#f-contact_mobile) .field-error');
		assert.match(await error.innerText(), /11 digits/);
		assert.equal(await mobile.getAttribute('aria-describedby'),
		    await error.getAttribute('id'));
		assert.equal(await page.locator('.field-error').count(), 1,
		    'no other field is blamed');
		assert.equal(await page.locator('#f-name').inputValue(), name,
		    'the name is kept');
		assert.equal(await page.locator('#f-contact_name').inputValue(),
		    contact, 'the contact name is kept');
		assert.equal(await mobile.inputValue(), '12345',
		    'the wrong value is kept to be corrected');

		await mobile.fill(randomMobile());
		await submit(page, saveButton(page));
		assert.match(pathOf(page), /^\/customers\/\d+$/, 'on the detail page');
		const detail = pathOf(page);
		assert.equal(await page.locator('h1').innerText(), name);
		assert.match(await page.locator('main p.code').innerText(),
		    /^CRM\d+$/, 'a CRM code was given');

		// A second contact.
		const second = { name: '李娜', title: '采购经理', mobile: randomMobile() };
		await addContact(page, second);
		assert.equal(pathOf(page), detail);
		const rows = page.locator('#contacts tbody tr');
		assert.equal(await rows.count(), 2, 'two contacts');
		const added = rows.filter({ hasText: second.name });
		assert.match(await added.innerText(), new RegExp(`${second.title}\\s+${second.mobile}`));
		assert.equal(await added.locator('.tag').count(), 0,
		    'the added contact is not the key decision maker');
		assert.equal(await rows.filter({ hasText: contact }).locator('.tag').count(), 1,
		    'the first contact stays the key decision maker');

		// A follow-up due today.
		const today = appToday();
		const content = '电话沟通了采购需求，客户希望下周看演示。';
		assert.equal((await addFollowup(page, { content, due: today })).status, 200);
		const entry = page.locator('#followups ol.timeline li',
		    { hasText: content });
		assert.equal(await entry.count(), 1, 'the follow-up is listed');
		assert.match(await entry.innerText(), new RegExp(`Due date ${today}`));

		// ... and it is what is due on the home page, not overdue.
		await visit(page, '/home');
		const due = page.locator('table.list tbody tr', { hasText: name });
		assert.equal(await due.count(), 1, 'due on /home');
		assert.match(await due.innerText(), new RegExp(today));
		assert.equal(await due.locator('.tag').count(), 0, 'not overdue');

		// Search by two characters from the middle of the name.
		await visit(page, '/customers');
		await page.locator('#q').fill(bigram);
		await submit(page, page.locator('form[role=search] button'));
		assert.equal(new URL(page.url()).searchParams.get('q'), bigram);
		const hit = page.locator('table.list tbody a', { hasText: name });
		assert.equal(await hit.count(), 1, `found by "${bigram}"`);
		assert.equal(await hit.getAttribute('href'), detail);
		// The reversed pair is not in the name: the search really filters.
		await page.locator('#q').fill([...bigram].reverse().join(''));
		await submit(page, page.locator('form[role=search] button'));
		assert.equal(await page.locator('table.list tbody a',
		    { hasText: name }).count(), 0, 'not found by a non-matching pair');

		// Both languages, through the header button.
		await visit(page, '/customers');
		assert.equal(await page.locator('h1').innerText(), 'Customers');
		await screenshot(page, 'customers-en-list');
		await switchLanguage(page);
		assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
		assert.equal(await page.locator('h1').innerText(), '客户列表');
		assert.equal(await page.locator('form[action="/lang"] button').innerText(),
		    'English');
		await screenshot(page, 'customers-zh-CN-list');

		await submit(page, page.locator('table.list tbody a', { hasText: name }));
		assert.equal(pathOf(page), detail);
		assert.equal(await page.locator('#contacts-h').innerText(), '联系人');
		assert.equal(await page.locator('#followups-h').innerText(), '跟进记录');
		await screenshot(page, 'customers-zh-CN-detail');
		await switchLanguage(page);
		assert.equal(pathOf(page), detail, 'back on the same page');
		assert.equal(await page.locator('html').getAttribute('lang'), 'en');
		assert.equal(await page.locator('#contacts-h').innerText(), 'Contacts');
		await screenshot(page, 'customers-en-detail');

		await visit(page, '/customers');
		assert.equal(await page.locator('h1').innerText(), 'Customers',
		    'English again on the list');
	} finally {
		await close();
	}
});
