// The server's HTML of every kind of page, checked by html-validate.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { currentDocument, htmlProblems, launch, pageTour,
	visit } from './helpers.mjs';

test('the validator rejects a page with misnested, unclosed and duplicate markup', async () => {
	// Guards the check below: the rules in force catch real errors.
	const { page, close } = await launch();
	try {
		await visit(page, '/login');
		const { html } = await currentDocument(page);
		assert.deepEqual(await htmlProblems(html), [], 'clean before');
		const broken = html.replace('</main>',
		    '<p><form action="/x"></form></p><div id="main"><span></main>');
		const problems = (await htmlProblems(broken)).join('\n');
		for (const rule of ['close-order', 'no-dup-id', 'no-implicit-close'])
			assert.match(problems, new RegExp(rule), `${rule} in:\n${problems}`);
	} finally {
		await close();
	}
});

test('every page is valid HTML', async (t) => {
	const { page, close } = await launch();
	try {
		for await (const stop of pageTour(page)) {
			await t.test(stop, async () => {
				const { html } = await currentDocument(page);
				const problems = await htmlProblems(html);
				assert.equal(problems.length, 0,
				    `${stop} (${page.url()}):\n${problems.join('\n')}`);
			});
		}
	} finally {
		await close();
	}
});
