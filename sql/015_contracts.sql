-- 015_contracts.sql: contracts (SPEC 2.2, 合同): made from a won
-- opportunity or an accepted quote, approved by a director, with a payment
-- schedule (回款计划) and the payments received (回款); the choice list of
-- payment methods and the grants of the demo roles.

CREATE TABLE contract (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	-- HT + year + month + serial, handed out through code_serial.
	code		VARCHAR(20) NOT NULL,
	-- One contract per opportunity: a second create (a double click, a
	-- second tab) is refused by the key.
	opportunity_id	BIGINT UNSIGNED NOT NULL,
	-- The accepted quote it was made from, else NULL.
	quote_id	BIGINT UNSIGNED NULL,
	customer_id	BIGINT UNSIGNED NOT NULL,
	-- The opportunity's owner and team, kept with the record as for
	-- opportunities: team scope is one index range.
	owner_id	BIGINT UNSIGNED NOT NULL,
	team_id		INT UNSIGNED NULL,
	title		VARCHAR(200) NOT NULL,
	-- The opportunity's amount or the quote's total; the instalments
	-- add up to it exactly.
	total		DECIMAL(15,2) NOT NULL,
	-- The sum of the payments received, kept with each payment.
	paid		DECIMAL(15,2) NOT NULL DEFAULT 0,
	sign_date	DATE NOT NULL,
	start_date	DATE NOT NULL,
	end_date	DATE NOT NULL,
	terms		VARCHAR(4000) NULL,
	-- draft -> pending -> approved or rejected; a rejected one is edited
	-- and submitted again; an approved one only takes payments.
	status		ENUM('draft', 'pending', 'approved', 'rejected') NOT NULL
		DEFAULT 'draft',
	-- Who submitted it last: they may not decide on it.
	submitted_by	BIGINT UNSIGNED NULL,
	version		INT UNSIGNED NOT NULL DEFAULT 1,
	created_by	BIGINT UNSIGNED NOT NULL,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	updated_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	UNIQUE KEY contract_code (code),
	UNIQUE KEY contract_opportunity (opportunity_id),
	-- The list, newest first, per scope, with or without a status.
	KEY contract_owner (owner_id, id),
	KEY contract_team (team_id, id),
	KEY contract_status (status, id),
	KEY contract_owner_status (owner_id, status, id),
	KEY contract_team_status (team_id, status, id),
	CONSTRAINT contract_opportunity_fk FOREIGN KEY (opportunity_id)
		REFERENCES opportunity (id),
	CONSTRAINT contract_quote_fk FOREIGN KEY (quote_id)
		REFERENCES quote (id),
	CONSTRAINT contract_customer_fk FOREIGN KEY (customer_id)
		REFERENCES customer (id),
	CONSTRAINT contract_owner_fk FOREIGN KEY (owner_id)
		REFERENCES app_user (id),
	CONSTRAINT contract_created_by_fk FOREIGN KEY (created_by)
		REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The payment schedule: a saved form replaces the rows of a draft or
-- rejected contract; once approved only paid changes.
CREATE TABLE contract_instalment (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	contract_id	BIGINT UNSIGNED NOT NULL,
	position	SMALLINT UNSIGNED NOT NULL,
	due_date	DATE NOT NULL,
	amount		DECIMAL(15,2) NOT NULL,
	-- What the payments paid of it, oldest due first (lib/schedule.c).
	paid		DECIMAL(15,2) NOT NULL DEFAULT 0,
	note		VARCHAR(500) NULL,
	-- The contract's owner and team and whether it is approved, copied
	-- here so that the overdue lists are one index range per scope.
	owner_id	BIGINT UNSIGNED NOT NULL,
	team_id		INT UNSIGNED NULL,
	live		TINYINT UNSIGNED NOT NULL DEFAULT 0,
	-- The due date while the instalment is owed on an approved contract,
	-- else NULL: overdue is open_due < CURDATE().
	open_due	DATE AS (IF(live = 1 AND paid < amount, due_date, NULL))
		PERSISTENT,
	UNIQUE KEY contract_instalment_position (contract_id, position),
	KEY contract_instalment_open (open_due, id),
	KEY contract_instalment_owner_open (owner_id, open_due, id),
	KEY contract_instalment_team_open (team_id, open_due, id),
	CONSTRAINT contract_instalment_contract_fk FOREIGN KEY (contract_id)
		REFERENCES contract (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Payments received on an approved contract; never changed or removed.
CREATE TABLE contract_payment (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	contract_id	BIGINT UNSIGNED NOT NULL,
	paid_on		DATE NOT NULL,
	amount		DECIMAL(15,2) NOT NULL,
	-- A code of the choice list payment_method.
	method		VARCHAR(32) NOT NULL,
	reference	VARCHAR(100) NULL,
	note		VARCHAR(500) NULL,
	created_by	BIGINT UNSIGNED NOT NULL,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	KEY contract_payment_contract (contract_id, id),
	CONSTRAINT contract_payment_contract_fk FOREIGN KEY (contract_id)
		REFERENCES contract (id),
	CONSTRAINT contract_payment_created_by_fk FOREIGN KEY (created_by)
		REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every submission and decision: who, when, what, and why.
CREATE TABLE contract_approval (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	contract_id	BIGINT UNSIGNED NOT NULL,
	user_id		BIGINT UNSIGNED NOT NULL,
	at		DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	decision	ENUM('submitted', 'approved', 'rejected') NOT NULL,
	comment		VARCHAR(1000) NULL,
	KEY contract_approval_contract (contract_id, id),
	CONSTRAINT contract_approval_contract_fk FOREIGN KEY (contract_id)
		REFERENCES contract (id),
	CONSTRAINT contract_approval_user_fk FOREIGN KEY (user_id)
		REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO choice (list, code, label_en, label_zh, sort) VALUES
	('payment_method', 'bank_transfer', 'Bank transfer', '银行转账', 10),
	('payment_method', 'acceptance_bill', 'Bank acceptance bill',
		'银行承兑汇票', 20),
	('payment_method', 'cheque', 'Cheque', '支票', 30),
	('payment_method', 'cash', 'Cash', '现金', 40);

-- Scopes: 1 own, 2 team, 3 all. Reps draw up their own contracts,
-- directors approve their team's, management reads and exports all.
INSERT INTO role_permission (role_id, record_type, action, scope)
SELECT r.id, g.record_type, g.action, g.scope FROM role r JOIN (
	SELECT 'sales_rep' AS role_code, 'contract' AS record_type,
		'view' AS action, 1 AS scope
	UNION ALL SELECT 'sales_rep', 'contract', 'create', 1
	UNION ALL SELECT 'sales_rep', 'contract', 'edit', 1
	UNION ALL SELECT 'sales_director', 'contract', 'view', 2
	UNION ALL SELECT 'sales_director', 'contract', 'create', 2
	UNION ALL SELECT 'sales_director', 'contract', 'edit', 2
	UNION ALL SELECT 'sales_director', 'contract', 'approve', 2
	UNION ALL SELECT 'sales_director', 'contract', 'export', 2
	UNION ALL SELECT 'management', 'contract', 'view', 3
	UNION ALL SELECT 'management', 'contract', 'export', 3
	UNION ALL SELECT 'admin', 'contract', 'view', 3
	UNION ALL SELECT 'admin', 'contract', 'create', 3
	UNION ALL SELECT 'admin', 'contract', 'edit', 3
	UNION ALL SELECT 'admin', 'contract', 'delete', 3
	UNION ALL SELECT 'admin', 'contract', 'export', 3
	UNION ALL SELECT 'admin', 'contract', 'approve', 3
) g ON g.role_code = r.code;
