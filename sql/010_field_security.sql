-- 010_field_security.sql - field-level security (lib/fieldsec.c).
--
-- One row per role and restricted field that departs from the default:
-- a field without a row is hidden from the role when it is sensitive and
-- editable otherwise. access: 0 hidden, 1 masked, 2 read-only, 3 editable.
-- The field names are those of the forms and the audit log.
CREATE TABLE role_field (
	role_id		INT UNSIGNED NOT NULL,
	record_type	VARCHAR(32) NOT NULL,
	field		VARCHAR(64) NOT NULL,
	access		TINYINT UNSIGNED NOT NULL,
	PRIMARY KEY (role_id, record_type, field),
	CONSTRAINT role_field_role_fk FOREIGN KEY (role_id) REFERENCES role (id)
		ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The demo roles: sellers and their directors work with the budget and
-- the decision maker's preferences; management reads the budget;
-- marketing and product managers see contacts' numbers masked.
CREATE TEMPORARY TABLE field_seed (
	role_code	VARCHAR(32),
	record_type	VARCHAR(32),
	field		VARCHAR(64),
	access		TINYINT
);
INSERT INTO field_seed VALUES
	('sales_rep', 'customer', 'budget', 3),
	('sales_rep', 'contact', 'contact_preferences', 3),
	('sales_director', 'customer', 'budget', 3),
	('sales_director', 'contact', 'contact_preferences', 3),
	('management', 'customer', 'budget', 2),
	('admin', 'customer', 'budget', 3),
	('admin', 'contact', 'contact_preferences', 3),
	('marketing', 'contact', 'contact_mobile', 1),
	('product_manager', 'contact', 'contact_mobile', 1),
	('product_manager', 'contact', 'contact_email', 1);
INSERT INTO role_field (role_id, record_type, field, access)
SELECT r.id, s.record_type, s.field, s.access
FROM field_seed s JOIN role r ON r.code = s.role_code;
DROP TEMPORARY TABLE field_seed;
