/*
 * pdf.mjs - what a print view really prints: the page printed to PDF by
 * Chromium (A4, the page's own @page rules), read back with pdftotext.
 * A print test checks the text of each printed page, so page numbers,
 * headers and Chinese glyphs are checked as the printer gets them, not
 * as the screen shows them.
 */
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ARTIFACTS } from './helpers.mjs';

const run = promisify(execFile);

/*
 * Print the page to ARTIFACTS/name.pdf and return the text of each
 * printed page, in order (pdftotext ends each page with a form feed).
 */
export async function printedPages(page, name) {
	await page.emulateMedia({ media: 'print' });
	const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
	await page.emulateMedia({ media: 'screen' });
	const file = join(ARTIFACTS, `${name}.pdf`);
	await writeFile(file, pdf);
	const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8',
	    file, '-']);
	const pages = stdout.split('\f');
	if (pages.at(-1).trim() === '')
		pages.pop();
	return pages;
}
