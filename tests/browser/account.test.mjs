// The forced password change of a new account, and signing in afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { changePassword, freshUser, launch, newPassword, pathOf, signIn,
	signOut, visit } from './helpers.mjs';

test('a new user must change the password at first sign-in, then signs in with the new one', async () => {
	const { page, close } = await launch();
	try {
		const user = freshUser();

		assert.equal(await signIn(page, user.login, user.password), 200);
		assert.equal(pathOf(page), '/password', 'sent to /password');
		assert.match(await page.locator('p.notice').innerText(),
		    /Please choose your own password/, 'the forced-change notice');

		// The change cannot be skipped by going elsewhere.
		await visit(page, '/customers');
		assert.equal(pathOf(page), '/password', 'still held on /password');

		const fresh = newPassword();
		assert.equal(await changePassword(page, user.password, fresh), 200);
		assert.equal(pathOf(page), '/home', 'lands on /home');
		assert.match(await page.locator('p.notice').innerText(),
		    /password has been changed/);

		await signOut(page);
		assert.equal(pathOf(page), '/login', 'signed out');
		await visit(page, '/home');
		assert.equal(pathOf(page), '/login', 'no session after sign-out');

		assert.equal(await signIn(page, user.login, user.password), 422,
		    'the initial password no longer works');
		assert.equal(pathOf(page), '/login');
		assert.match(await page.locator('p.error').innerText(),
		    /Wrong user name or password/);

		assert.equal(await signIn(page, user.login, fresh), 200);
		assert.equal(pathOf(page), '/home', 'the new password works, no second forced change');
		assert.equal(await page.locator('header .who').innerText(), user.name);
	} finally {
		await close();
	}
});
