// The sales funnel's print view as the printer gets it: printed to PDF by
// Chromium in Chinese, read back page by page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, signInFresh, switchLanguage, visit } from './helpers.mjs';
import { printedPages } from './pdf.mjs';

// The open stages of 012_opportunities.sql, and won, in Chinese.
const STAGES = ['线索确认', '需求分析', '方案演示', '商务谈判', '合同签订', '成交'];

test('the funnel prints on A4 in Chinese with its title, filters, who printed it and page numbers', async () => {
	const { page, close } = await launch();
	try {
		const user = await signInFresh(page, 'management');
		await switchLanguage(page);
		// All time, so that the demo opportunities fill every stage.
		assert.equal(await visit(page, '/reports/funnel?from=&to='), 200);
		await page.locator('main .actions a[href*="/print"]').click();
		await page.waitForLoadState('load');
		assert.match(new URL(page.url()).pathname, /^\/reports\/funnel\/print$/);

		const pages = await printedPages(page, 'report-funnel-zh');
		assert.ok(pages.length >= 1, 'something was printed');
		// pdftotext may space out the glyphs of a line: compare without.
		const flat = (s) => s.replace(/\s+/g, '');
		const all = flat(pages.join('\n'));
		assert.ok(all.includes('销售漏斗'), 'the title');
		assert.ok(all.includes('统计期间全部时间'), 'the period in words');
		assert.ok(all.includes('团队全部团队'), 'the team filter');
		assert.ok(all.includes('负责人全部人员'), 'the owner filter');
		assert.ok(all.includes(flat(`生成人 ${user.name}`)), 'who generated it');
		assert.match(all, /生成人.*\d{4}-\d{2}-\d{2}\d{2}:\d{2}/, 'and when');
		for (const stage of STAGES)
			assert.ok(all.includes(stage), `stage ${stage} is printed`);
		pages.forEach((text, i) => {
			const m = text.match(/(\d+)\s*\/\s*(\d+)\s*$/);
			assert.ok(m, `page ${i + 1} carries its number:\n${text}`);
			assert.equal(Number(m[1]), i + 1, 'its own number');
			assert.equal(Number(m[2]), pages.length, 'of all pages');
		});
	} finally {
		await close();
	}
});
