-- 013_quotes.sql: quotes of an opportunity (SPEC 2.2) and their line
-- items. A quote has no grants of its own: who may see or change an
-- opportunity may see or change its quotes.

CREATE TABLE quote (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	-- QT + year + month + serial, handed out through code_serial.
	code		VARCHAR(20) NOT NULL,
	opportunity_id	BIGINT UNSIGNED NOT NULL,
	-- draft -> sent -> accepted or rejected; only a draft is edited.
	status		ENUM('draft', 'sent', 'accepted', 'rejected') NOT NULL
		DEFAULT 'draft',
	valid_until	DATE NOT NULL,
	note		VARCHAR(2000) NULL,
	-- Computed by the program from the lines (integer cents), stored:
	-- subtotal before discounts, the discounts, and what is due.
	subtotal	DECIMAL(15,2) NOT NULL,
	discount	DECIMAL(15,2) NOT NULL,
	total		DECIMAL(15,2) NOT NULL,
	version		INT UNSIGNED NOT NULL DEFAULT 1,
	created_by	BIGINT UNSIGNED NOT NULL,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	updated_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	-- The opportunity while the quote is accepted, else NULL: the
	-- unique key allows one accepted quote per opportunity, whatever
	-- a program does. The program checks first, under the
	-- opportunity's lock, to say so politely; the accept check reads
	-- this key.
	accepted_for	BIGINT UNSIGNED AS
		(IF(status = 'accepted', opportunity_id, NULL)) PERSISTENT,
	UNIQUE KEY quote_code (code),
	UNIQUE KEY quote_accepted (accepted_for),
	-- The opportunity page's list, newest first.
	KEY quote_opportunity (opportunity_id, id),
	CONSTRAINT quote_opportunity_fk FOREIGN KEY (opportunity_id)
		REFERENCES opportunity (id),
	CONSTRAINT quote_created_by_fk FOREIGN KEY (created_by)
		REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The lines of a quote in their order; a saved draft replaces them all.
CREATE TABLE quote_line (
	quote_id	BIGINT UNSIGNED NOT NULL,
	position	SMALLINT UNSIGNED NOT NULL,
	-- A code of the choice list product.
	product		VARCHAR(32) NOT NULL,
	description	VARCHAR(500) NULL,
	quantity	DECIMAL(12,3) NOT NULL,
	unit_price	DECIMAL(15,2) NOT NULL,
	discount_pct	DECIMAL(5,2) NOT NULL DEFAULT 0,
	-- quantity x unit price x (1 - discount / 100), rounded half up to
	-- the cent once (lib/money.c, money_line).
	line_total	DECIMAL(15,2) NOT NULL,
	PRIMARY KEY (quote_id, position),
	CONSTRAINT quote_line_quote_fk FOREIGN KEY (quote_id)
		REFERENCES quote (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
