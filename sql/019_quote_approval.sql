-- 019_quote_approval.sql: directors approve quotes (SPEC 1). A quote that
-- gives any discount goes to someone with approve on the opportunity
-- before it is sent: draft -> pending -> approved -> sent, or back to
-- draft with a comment that says what to change. A quote at list prices
-- is sent as before.

-- New values at the end of the list: the rows keep their values.
ALTER TABLE quote
	MODIFY status ENUM('draft', 'sent', 'accepted', 'rejected', 'pending',
		'approved') NOT NULL DEFAULT 'draft',
	-- Who submitted it last: they may not decide on it themselves.
	ADD submitted_by BIGINT UNSIGNED NULL AFTER status,
	ADD CONSTRAINT quote_submitted_by_fk FOREIGN KEY (submitted_by)
		REFERENCES app_user (id),
	-- The quotes waiting for a decision, oldest first, for the home page.
	ADD KEY quote_status (status, id);

-- Every submission and decision: who, when, what, and why.
CREATE TABLE quote_approval (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	quote_id	BIGINT UNSIGNED NOT NULL,
	user_id		BIGINT UNSIGNED NOT NULL,
	at		DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	decision	ENUM('submitted', 'approved', 'returned') NOT NULL,
	comment		VARCHAR(1000) NULL,
	KEY quote_approval_quote (quote_id, id),
	CONSTRAINT quote_approval_quote_fk FOREIGN KEY (quote_id)
		REFERENCES quote (id),
	CONSTRAINT quote_approval_user_fk FOREIGN KEY (user_id)
		REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
