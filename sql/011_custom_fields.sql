-- 011_custom_fields.sql - custom fields of a record type (lib/custom_field.h).
--
-- A field is a row of custom_field; its values live in typed slots, columns
-- made once here, so that no statement is ever built or altered at run
-- time. A new field takes the lowest free slot of its kind and keeps it
-- for good: fields are deactivated, never deleted, so a slot never holds
-- another field's values. Each sortable slot has its own index (value,
-- customer id): filtering and keyset paging by a custom field read that
-- index exactly as the built-in sorts read theirs. More slots are one
-- more migration (a column and its index) and one more line in the
-- registry.

CREATE TABLE custom_field (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	record_type	VARCHAR(32) CHARACTER SET ascii NOT NULL,
	-- [a-z0-9_]; the field is "cf_<code>" in forms, audit rows, rules
	-- and, for choice types, the choice list of its options.
	code		VARCHAR(29) CHARACTER SET ascii NOT NULL,
	type		VARCHAR(16) CHARACTER SET ascii NOT NULL,
	-- Which slot columns hold it (text, number, date, long, sealed) and
	-- which one; multi choice values are rows of their own (no slot).
	store		VARCHAR(8) CHARACTER SET ascii NOT NULL,
	slot		TINYINT UNSIGNED NULL,
	label_en	VARCHAR(100) NOT NULL,
	label_zh	VARCHAR(100) NOT NULL,
	required	TINYINT NOT NULL DEFAULT 0,
	-- POSIX extended regular expression the whole value must match.
	pattern		VARCHAR(300) NULL,
	pattern_msg_en	VARCHAR(200) NULL,
	pattern_msg_zh	VARCHAR(200) NULL,
	help_en		VARCHAR(300) NULL,
	help_zh		VARCHAR(300) NULL,
	sort		INT NOT NULL DEFAULT 0,
	active		TINYINT NOT NULL DEFAULT 1,
	UNIQUE KEY custom_field_code (record_type, code),
	UNIQUE KEY custom_field_slot (record_type, store, slot),
	KEY custom_field_order (record_type, sort, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per customer, made with the customer. t: text and single
-- choice codes; n: numbers; d: dates; l: long text (not indexed: neither
-- filtered nor sorted); s: sealed values (lib/sealed.h), AES-256-GCM,
-- neither filtered nor sorted.
CREATE TABLE customer_custom (
	customer_id	BIGINT UNSIGNED NOT NULL PRIMARY KEY,
	t1		VARCHAR(200) NULL,
	t2		VARCHAR(200) NULL,
	t3		VARCHAR(200) NULL,
	t4		VARCHAR(200) NULL,
	t5		VARCHAR(200) NULL,
	t6		VARCHAR(200) NULL,
	n1		DECIMAL(19,4) NULL,
	n2		DECIMAL(19,4) NULL,
	n3		DECIMAL(19,4) NULL,
	n4		DECIMAL(19,4) NULL,
	d1		DATE NULL,
	d2		DATE NULL,
	d3		DATE NULL,
	d4		DATE NULL,
	l1		TEXT NULL,
	l2		TEXT NULL,
	l3		TEXT NULL,
	l4		TEXT NULL,
	s1		VARBINARY(300) NULL,
	s2		VARBINARY(300) NULL,
	s3		VARBINARY(300) NULL,
	s4		VARBINARY(300) NULL,
	KEY customer_custom_t1 (t1, customer_id),
	KEY customer_custom_t2 (t2, customer_id),
	KEY customer_custom_t3 (t3, customer_id),
	KEY customer_custom_t4 (t4, customer_id),
	KEY customer_custom_t5 (t5, customer_id),
	KEY customer_custom_t6 (t6, customer_id),
	KEY customer_custom_n1 (n1, customer_id),
	KEY customer_custom_n2 (n2, customer_id),
	KEY customer_custom_n3 (n3, customer_id),
	KEY customer_custom_n4 (n4, customer_id),
	KEY customer_custom_d1 (d1, customer_id),
	KEY customer_custom_d2 (d2, customer_id),
	KEY customer_custom_d3 (d3, customer_id),
	KEY customer_custom_d4 (d4, customer_id),
	CONSTRAINT customer_custom_fk FOREIGN KEY (customer_id)
		REFERENCES customer (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO customer_custom (customer_id) SELECT id FROM customer;

-- Multi choice values: the primary key serves "has option" filters in
-- customer order, the second key a customer's own values.
CREATE TABLE customer_custom_multi (
	field_id	INT UNSIGNED NOT NULL,
	code		VARCHAR(32) NOT NULL,
	customer_id	BIGINT UNSIGNED NOT NULL,
	PRIMARY KEY (field_id, code, customer_id),
	KEY customer_custom_multi_customer (customer_id, field_id, code),
	CONSTRAINT customer_custom_multi_field_fk FOREIGN KEY (field_id)
		REFERENCES custom_field (id),
	CONSTRAINT customer_custom_multi_customer_fk FOREIGN KEY (customer_id)
		REFERENCES customer (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The custom fields each user shows as extra list columns.
CREATE TABLE user_list_column (
	user_id		BIGINT UNSIGNED NOT NULL,
	record_type	VARCHAR(32) CHARACTER SET ascii NOT NULL,
	field_id	INT UNSIGNED NOT NULL,
	PRIMARY KEY (user_id, record_type, field_id),
	CONSTRAINT user_list_column_user_fk FOREIGN KEY (user_id)
		REFERENCES app_user (id),
	CONSTRAINT user_list_column_field_fk FOREIGN KEY (field_id)
		REFERENCES custom_field (id)
) ENGINE=InnoDB;
