// The pipeline board without JavaScript: a rep moves a card to the next
// stage and the columns' counts and totals follow by its amount; a move to
// won needs a close reason, which the card's form takes, and the message
// shows on the board when it is missing; the opportunity's stage history
// shows every move. With JavaScript, the reason shows only when needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cents, companyName, createCustomer, createOpportunity, launch,
	pathOf, randomMobile, screenshot, signInFresh, submit,
	visit } from './helpers.mjs';

/* A column's count and total (in cents) as the board shows them. */
async function column(page, stage) {
	const sum = page.locator(`.column-sum[data-stage="${stage}"]`);
	return {
		count: Number(await sum.locator('.count').innerText()),
		total: cents(await sum.locator('.total').innerText()),
	};
}

/* The card of the opportunity at path, in whatever column it is. */
const card = (page, path) => page.locator('li.card', {
	has: page.locator(`a[href="${path}"]`),
});

/* The stage of the column a card is in. */
async function columnOf(page, path) {
	return card(page, path).evaluate((li) =>
	    li.closest('section.column').querySelector('.column-sum')
		.dataset.stage);
}

async function moveCard(page, path, stage, reason) {
	const form = card(page, path).locator('form.move');
	await form.locator('select[name=stage]').selectOption(stage);
	if (reason)
		await form.locator('select[name=close_reason]')
		    .selectOption(reason);
	return submit(page, form.locator('button[type=submit]'));
}

/* A fresh rep with a customer and two opportunities in lead. */
async function pipeline(page) {
	await signInFresh(page);
	await createCustomer(page, { name: companyName().name, contact: '周平',
	    mobile: randomMobile() });
	const customer = pathOf(page);
	const moved = await createOpportunity(page, customer,
	    { name: '看板移动测试 ERP 实施', amount: '123456.78' });
	await createOpportunity(page, customer,
	    { name: '看板留在原阶段', amount: '10000' });
	return moved;
}

test('a rep moves a card on the board with JavaScript off: columns and totals follow, won needs a reason, the history shows it', async () => {
	const { page, close } = await launch({ javaScriptEnabled: false });
	try {
		const opp = await pipeline(page);
		const amount = 12345678;

		await visit(page, '/opportunities/board');
		assert.equal(await columnOf(page, opp), 'lead');
		const lead = await column(page, 'lead');
		const needs = await column(page, 'needs');
		assert.deepEqual(lead, { count: 2, total: amount + 1000000 });
		assert.deepEqual(needs, { count: 0, total: 0 });
		const reason = card(page, opp).locator('select[name=close_reason]');
		assert.ok(await reason.isVisible(),
		    'without a script the close reason is always offered');

		// Lead → needs analysis: the card and its amount change column.
		assert.equal(await moveCard(page, opp, 'needs'), 200);
		assert.equal(pathOf(page), '/opportunities/board');
		assert.equal(await columnOf(page, opp), 'needs');
		assert.deepEqual(await column(page, 'lead'),
		    { count: lead.count - 1, total: lead.total - amount });
		assert.deepEqual(await column(page, 'needs'),
		    { count: needs.count + 1, total: needs.total + amount });

		// Won without a reason: the board again, the message by the card.
		assert.equal(await moveCard(page, opp, 'won'), 422);
		assert.equal(await columnOf(page, opp), 'needs', 'not moved');
		const message = card(page, opp).locator('.field-error');
		assert.equal(await message.innerText(),
		    'Won and lost need a close reason.');
		assert.equal(await reason.getAttribute('aria-describedby'),
		    await message.getAttribute('id'));
		assert.equal(await card(page, opp).locator('select[name=stage]')
		    .inputValue(), 'won', 'the chosen stage is kept');
		await screenshot(page, 'board-reason-missing');

		// With a reason it is won: off the board, out of the totals.
		assert.equal(await moveCard(page, opp, 'won', 'price'), 200);
		assert.equal(pathOf(page), '/opportunities/board');
		assert.equal(await card(page, opp).count(), 0);
		assert.deepEqual(await column(page, 'needs'), needs);
		assert.equal(await page.locator('#board-count').innerText(), '1');

		// The stage history on its page, newest first.
		await visit(page, opp);
		assert.equal(await page.locator('#opp-stage').innerText(), 'Won');
		const steps = await page.locator('#timeline ol.timeline li .content')
		    .allInnerTexts();
		assert.deepEqual(steps.slice(0, 3), ['Needs analysis → Won',
		    'Lead confirmation → Needs analysis',
		    'Created in Lead confirmation']);
	} finally {
		await close();
	}
});

test('with JavaScript the close reason shows only for a move to won or lost', async () => {
	const { page, close } = await launch();
	try {
		const opp = await pipeline(page);
		await visit(page, '/opportunities/board');
		const form = card(page, opp).locator('form.move');
		const reason = form.locator('select[name=close_reason]');
		assert.equal(await reason.isVisible(), false);
		await form.locator('select[name=stage]').selectOption('lost');
		assert.equal(await reason.isVisible(), true);
		await form.locator('select[name=stage]').selectOption('demo');
		assert.equal(await reason.isVisible(), false);
		await form.locator('select[name=stage]').selectOption('lost');
		await reason.selectOption('budget_cut');
		assert.equal(await submit(page, form.locator('button')), 200);
		assert.equal(await card(page, opp).count(), 0, 'lost: off the board');
	} finally {
		await close();
	}
});
