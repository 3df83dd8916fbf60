// board.js - the pipeline board, a little quicker with a script: a card's
// close reason shows only while its move goes to a stage that closes the
// opportunity (the board's data-closing lists them: won, lost). Without
// the script the reason always shows; the server asks for it either way.
'use strict';

const board = document.querySelector('.board[data-closing]');
const closing = new Set((board?.dataset.closing ?? '').split(' '));

board?.querySelectorAll('form.move').forEach((form) => {
	const stage = form.elements.stage;
	const reason = form.elements.close_reason;

	if (!stage || !reason)
		return;
	const update = () => {
		reason.hidden = !closing.has(stage.value);
	};
	stage.addEventListener('change', update);
	update();
});
