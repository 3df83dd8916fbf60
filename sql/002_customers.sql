-- 002_customers.sql: the customer profile (SPEC 2.1) and what hangs off it.

CREATE TABLE customer (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	code		VARCHAR(20) NOT NULL,
	name		VARCHAR(200) NOT NULL,
	-- GB18030 bytes of the case-folded name: pinyin order for common
	-- hanzi (lib/sortkey.c). Kept by the application.
	name_sort	VARBINARY(600) NOT NULL,
	industry	VARCHAR(32) NOT NULL,
	grade		VARCHAR(32) NOT NULL,
	owner_id	BIGINT UNSIGNED NOT NULL,
	team_id		INT UNSIGNED NULL,
	address		VARCHAR(300) NULL,
	budget_range	VARCHAR(32) NULL,
	purchase_date	DATE NULL,
	satisfaction	TINYINT NULL,
	order_count	INT UNSIGNED NOT NULL DEFAULT 0,
	order_total	DECIMAL(15,2) NOT NULL DEFAULT 0,
	last_followup_at DATETIME NULL,
	-- Words and CJK bigrams of name, code and address for substring
	-- search (lib/search.c).
	search_tokens	TEXT NOT NULL,
	version		INT UNSIGNED NOT NULL DEFAULT 1,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	updated_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	deleted_at	DATETIME NULL,
	UNIQUE KEY customer_code (code),
	KEY customer_name (name_sort, id),
	KEY customer_owner (owner_id, name_sort, id),
	KEY customer_team (team_id, name_sort, id),
	KEY customer_industry (industry, name_sort, id),
	KEY customer_grade (grade, name_sort, id),
	KEY customer_created (created_at, id),
	KEY customer_followup (last_followup_at, id),
	FULLTEXT KEY customer_search (search_tokens),
	CONSTRAINT customer_owner_fk FOREIGN KEY (owner_id) REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE contact (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	customer_id	BIGINT UNSIGNED NOT NULL,
	name		VARCHAR(100) NOT NULL,
	title		VARCHAR(100) NULL,
	-- Normalised: 11 digits, no spaces or dashes.
	mobile		CHAR(11) CHARACTER SET ascii NOT NULL,
	email		VARCHAR(254) NULL,
	is_key		TINYINT NOT NULL DEFAULT 0,
	preferences	TEXT NULL,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	UNIQUE KEY contact_mobile (mobile),
	KEY contact_customer (customer_id, is_key),
	CONSTRAINT contact_customer_fk FOREIGN KEY (customer_id) REFERENCES customer (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE followup (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	customer_id	BIGINT UNSIGNED NOT NULL,
	author_id	BIGINT UNSIGNED NOT NULL,
	at		DATETIME NOT NULL,
	method		VARCHAR(32) NOT NULL,
	content		TEXT NOT NULL,
	next_action	VARCHAR(32) NOT NULL,
	due_date	DATE NOT NULL,
	done		TINYINT NOT NULL DEFAULT 0,
	KEY followup_customer (customer_id, at),
	KEY followup_due (author_id, done, due_date),
	CONSTRAINT followup_customer_fk FOREIGN KEY (customer_id) REFERENCES customer (id),
	CONSTRAINT followup_author_fk FOREIGN KEY (author_id) REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE customer_need (
	customer_id	BIGINT UNSIGNED NOT NULL,
	product		VARCHAR(32) NOT NULL,
	PRIMARY KEY (customer_id, product),
	CONSTRAINT customer_need_customer_fk FOREIGN KEY (customer_id) REFERENCES customer (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE customer_order (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	customer_id	BIGINT UNSIGNED NOT NULL,
	order_date	DATE NOT NULL,
	amount		DECIMAL(15,2) NOT NULL,
	margin		DECIMAL(5,2) NULL,
	note		VARCHAR(300) NULL,
	created_by	BIGINT UNSIGNED NOT NULL,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	KEY order_customer (customer_id, order_date),
	CONSTRAINT order_customer_fk FOREIGN KEY (customer_id) REFERENCES customer (id)
) ENGINE=InnoDB;
