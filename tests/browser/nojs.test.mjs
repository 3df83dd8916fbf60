// The CRM needs no JavaScript: the same forms work with it switched off.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { companyName, createCustomer, launch, pathOf, randomMobile,
	signInFresh, switchLanguage } from './helpers.mjs';

test('sign-in, the forced password change and creating a customer work with JavaScript disabled', async () => {
	const { page, close } = await launch({ javaScriptEnabled: false });
	try {
		// Guard: scripts really do not run in this context.
		await page.setContent('<title>off</title><script>document.title = "on"</script>');
		assert.equal(await page.title(), 'off', 'JavaScript is disabled');

		await signInFresh(page);
		const { name } = companyName();
		await createCustomer(page, { name, contact: '赵磊', mobile: randomMobile() });
		assert.equal(await page.locator('h1').innerText(), name);
		assert.match(await page.locator('main p.code').innerText(), /^CRM\d+$/);

		await switchLanguage(page);
		assert.match(pathOf(page), /^\/customers\/\d+$/);
		assert.equal(await page.locator('#contacts-h').innerText(), '联系人');
	} finally {
		await close();
	}
});
