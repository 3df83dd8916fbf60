// A quote printed on A4 as the printer gets it: a rep working in Chinese
// makes a quote long enough for two pages, prints its print view to PDF in
// Chromium and reads the text back (pdf.mjs): the Chinese names are there,
// every page is numbered "n / N", the total is on the last page only, and
// the screen-only link is not printed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appDate, companyName, createCustomer, createOpportunity, launch,
	pathOf, randomMobile, signInFresh, submit, switchLanguage,
	visit } from './helpers.mjs';
import { printedPages } from './pdf.mjs';

const LINES = 40;		// well over one A4 page of lines
const PRODUCTS = ['erp', 'crm_suite', 'training', 'consulting'];

/* Cents as the pages show them: 1,234,567.80. */
function shown(cents) {
	const yuan = Math.floor(cents / 100).toLocaleString('en-US');
	return `${yuan}.${String(cents % 100).padStart(2, '0')}`;
}

test('a quote of two A4 pages prints its Chinese text, "n / N" on every page and the total on the last', async () => {
	const { page, close } = await launch();
	try {
		await signInFresh(page);
		await switchLanguage(page);
		const { name: customer } = companyName();
		await createCustomer(page, { name: customer, contact: '吴敏',
		    mobile: randomMobile() });
		const opp = await createOpportunity(page, pathOf(page),
		    { name: '华东区域ERP二期实施', amount: '880000' });

		// The form offers 5 rows at a time: ask for more without saving.
		await visit(page, `${opp}/quotes/new`);
		const more = page.locator('main form.card button[name=more]');
		while (await page.locator('select[id^="f-product_"]').count() < LINES)
			await submit(page, more);
		let total = 0;
		for (let i = 1; i <= LINES; i++) {
			const price = 10000 + 100 * i + 50;	/* cents */
			const qty = 1 + i % 3;
			await page.locator(`#f-product_${i}`)
			    .selectOption(PRODUCTS[i % PRODUCTS.length]);
			await page.locator(`#f-description_${i}`)
			    .fill(`第${i}项：现场实施与培训`);
			await page.locator(`#f-qty_${i}`).fill(String(qty));
			await page.locator(`#f-price_${i}`).fill((price / 100).toFixed(2));
			total += qty * price;
		}
		await page.locator('#f-valid_until').fill(appDate(30));
		assert.equal(await submit(page,
		    page.locator('main form.card button.primary')), 200);
		assert.match(pathOf(page), /^\/opportunities\/\d+\/quotes\/\d+$/);
		assert.equal(await page.locator('#quote-total').innerText(),
		    shown(total));
		// Sent, as a printed quote is: a draft's print says it is no offer.
		assert.equal(await submit(page,
		    page.locator('button[name=status][value=sent]')), 200);

		await visit(page, `${pathOf(page)}/print`);
		const back = await page.locator('.screen-only').innerText();
		const pages = await printedPages(page, 'quote-print');
		const n = pages.length;
		assert.ok(n >= 2, `the quote needs two pages, printed ${n}`);
		// pdftotext lays the text out again: compare without its spaces.
		const flat = (s) => s.replace(/\s+/g, '');
		const all = flat(pages.join('\n'));
		for (const text of [customer, '华东区域ERP二期实施', 'ERP系统',
		    `第${LINES}项：现场实施与培训`, '报价单'])
			assert.ok(all.includes(flat(text)), `"${text}" is printed`);
		pages.forEach((text, i) => {
			const m = text.match(/(?:^|\s)(\d+)\s*\/\s*(\d+)\s*$/);
			assert.ok(m, `page ${i + 1} carries "n / N":\n${text}`);
			assert.deepEqual([Number(m[1]), Number(m[2])], [i + 1, n]);
		});
		assert.ok(pages[n - 1].includes(shown(total)),
		    'the total is on the last page');
		assert.ok(!pages[0].includes(shown(total)),
		    'and not on the first, before the lines it adds up');
		assert.ok(!all.includes(flat(back)), `"${back}" is not printed`);
	} finally {
		await close();
	}
});
