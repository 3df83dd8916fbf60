// axe-core on every kind of page, in both languages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, formatViolations, launch, pageTour, screenshot,
	visit } from './helpers.mjs';

test('axe-core finds a seeded violation on an application page', async () => {
	// Guards the check below: axe must really run under the page's CSP.
	const { page, close } = await launch();
	try {
		await visit(page, '/login');
		assert.deepEqual(await axeViolations(page), [], 'clean before');
		await page.locator('label[for="f-login"]').evaluate((l) => l.remove());
		const found = await axeViolations(page);
		assert.ok(found.some((v) => v.id === 'label'),
		    `the unlabelled input is reported:\n${formatViolations(found)}`);
	} finally {
		await close();
	}
});

test('no serious or critical axe-core violations on any page', async (t) => {
	const { page, close } = await launch();
	try {
		for await (const stop of pageTour(page)) {
			await t.test(stop, async () => {
				// The pictures a person checks: glyphs, layout.
				await screenshot(page, `tour-${stop.replace(/[^\w-]+/g, '-').replace(/-+$/, '')}`);
				const found = await axeViolations(page);
				assert.equal(found.length, 0,
				    `${stop} (${page.url()}):\n${formatViolations(found)}`);
			});
		}
	} finally {
		await close();
	}
});
