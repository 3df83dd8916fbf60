-- 012_opportunities.sql: sales opportunities (SPEC 2.2), the history of
-- their stages, the settings of each stage, their choice lists and the
-- grants of the demo roles.

-- A stage's name and place are the choice list opp_stage; this table adds
-- what the pipeline needs to know of it: the win probability an
-- opportunity takes on entering it (the admin changes it) and whether it
-- closes the opportunity as won or lost. A stage the admin adds to the
-- list without a row here is open and keeps the probability it finds.
CREATE TABLE opportunity_stage (
	code		VARCHAR(32) NOT NULL PRIMARY KEY,
	probability	TINYINT UNSIGNED NOT NULL,
	outcome		ENUM('open', 'won', 'lost') NOT NULL DEFAULT 'open'
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE opportunity (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	-- SO + year + month + serial, handed out through code_serial.
	code		VARCHAR(20) NOT NULL,
	name		VARCHAR(200) NOT NULL,
	customer_id	BIGINT UNSIGNED NOT NULL,
	owner_id	BIGINT UNSIGNED NOT NULL,
	-- The owner's team, kept with the record as for customers: team
	-- scope is one index range.
	team_id		INT UNSIGNED NULL,
	amount		DECIMAL(15,2) NOT NULL,
	expected_close	DATE NOT NULL,
	lead_source	VARCHAR(32) NOT NULL,
	lead_date	DATE NOT NULL,
	stage		VARCHAR(32) NOT NULL,
	-- Days in stage are computed from this when shown, never stored.
	stage_entered_at DATETIME NOT NULL,
	probability	TINYINT UNSIGNED NOT NULL,
	-- Set by a director's confirmation; cleared when the probability
	-- changes otherwise.
	probability_confirmed_by BIGINT UNSIGNED NULL,
	probability_confirmed_at DATETIME NULL,
	competitors	VARCHAR(1000) NULL,
	advantages	VARCHAR(1000) NULL,
	risks		VARCHAR(2000) NULL,
	-- A code of the choice list close_reason: required in a won or lost
	-- stage, cleared when the opportunity opens again.
	close_reason	VARCHAR(32) NULL,
	version		INT UNSIGNED NOT NULL DEFAULT 1,
	created_by	BIGINT UNSIGNED NOT NULL,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	updated_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	deleted_at	DATETIME NULL,
	UNIQUE KEY opportunity_code (code),
	-- The list in expected-close or amount order, per scope.
	KEY opportunity_close (expected_close, id),
	KEY opportunity_amount (amount, id),
	KEY opportunity_owner_close (owner_id, expected_close, id),
	KEY opportunity_owner_amount (owner_id, amount, id),
	KEY opportunity_team_close (team_id, expected_close, id),
	KEY opportunity_team_amount (team_id, amount, id),
	-- A board column (and the list filtered by stage) per scope: its
	-- cards in expected-close order, and its count and total from the
	-- index alone. Every column the statement names must be in the key
	-- for that, even the scope's and filter's that the bound values
	-- fold away: hence owner_id and team_id in each.
	KEY opportunity_stage (stage, deleted_at, expected_close, id, amount,
		owner_id, team_id),
	KEY opportunity_owner_stage (owner_id, stage, deleted_at,
		expected_close, id, amount, team_id),
	KEY opportunity_team_stage (team_id, stage, deleted_at,
		expected_close, id, amount, owner_id),
	-- The customer page's list.
	KEY opportunity_customer (customer_id, expected_close, id),
	CONSTRAINT opportunity_customer_fk FOREIGN KEY (customer_id)
		REFERENCES customer (id),
	CONSTRAINT opportunity_owner_fk FOREIGN KEY (owner_id)
		REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every stage an opportunity entered: who moved it, when, from where
-- (NULL: it was created in to_stage), and why.
CREATE TABLE opportunity_stage_change (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	opportunity_id	BIGINT UNSIGNED NOT NULL,
	user_id		BIGINT UNSIGNED NOT NULL,
	at		DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	from_stage	VARCHAR(32) NULL,
	to_stage	VARCHAR(32) NOT NULL,
	note		VARCHAR(1000) NULL,
	KEY opportunity_stage_change_opp (opportunity_id, id),
	CONSTRAINT opportunity_stage_change_opp_fk FOREIGN KEY (opportunity_id)
		REFERENCES opportunity (id),
	CONSTRAINT opportunity_stage_change_user_fk FOREIGN KEY (user_id)
		REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO choice (list, code, label_en, label_zh, sort) VALUES
	('opp_stage', 'lead', 'Lead confirmation', '线索确认', 10),
	('opp_stage', 'needs', 'Needs analysis', '需求分析', 20),
	('opp_stage', 'demo', 'Demo', '方案演示', 30),
	('opp_stage', 'negotiation', 'Negotiation', '商务谈判', 40),
	('opp_stage', 'contract', 'Contract', '合同签订', 50),
	('opp_stage', 'won', 'Won', '成交', 60),
	('opp_stage', 'lost', 'Lost', '流失', 70),
	('lead_source', 'expo', 'Expo', '展会推广', 10),
	('lead_source', 'referral', 'Customer referral', '客户转介绍', 20),
	('lead_source', 'online_ads', 'Online ads', '线上广告', 30),
	('lead_source', 'telemarketing', 'Telemarketing', '电话营销', 40),
	('lead_source', 'self_visit', 'Self-sourced visit', '自主拜访', 50),
	('close_reason', 'product_fit', 'Product fit', '产品契合需求', 10),
	('close_reason', 'price', 'Price', '价格优势', 20),
	('close_reason', 'relationship', 'Relationship', '客户关系', 30),
	('close_reason', 'competitor', 'Chose a competitor', '选择了竞争对手', 40),
	('close_reason', 'budget_cut', 'Budget cut', '预算削减', 50),
	('close_reason', 'no_decision', 'No decision', '项目搁置', 60),
	('close_reason', 'requirements', 'Requirements not met', '需求无法满足', 70);

INSERT INTO opportunity_stage (code, probability, outcome) VALUES
	('lead', 10, 'open'),
	('needs', 30, 'open'),
	('demo', 50, 'open'),
	('negotiation', 70, 'open'),
	('contract', 90, 'open'),
	('won', 100, 'won'),
	('lost', 0, 'lost');

-- Scopes: 1 own, 2 team, 3 all. Directors review (approve) the win
-- probabilities of their team; product managers follow the pipeline.
INSERT INTO role_permission (role_id, record_type, action, scope)
SELECT r.id, g.record_type, g.action, g.scope FROM role r JOIN (
	SELECT 'sales_rep' AS role_code, 'opportunity' AS record_type,
		'view' AS action, 1 AS scope
	UNION ALL SELECT 'sales_rep', 'opportunity', 'create', 1
	UNION ALL SELECT 'sales_rep', 'opportunity', 'edit', 1
	UNION ALL SELECT 'sales_director', 'opportunity', 'view', 2
	UNION ALL SELECT 'sales_director', 'opportunity', 'create', 2
	UNION ALL SELECT 'sales_director', 'opportunity', 'edit', 2
	UNION ALL SELECT 'sales_director', 'opportunity', 'approve', 2
	UNION ALL SELECT 'sales_director', 'opportunity', 'assign', 2
	UNION ALL SELECT 'product_manager', 'opportunity', 'view', 3
	UNION ALL SELECT 'management', 'opportunity', 'view', 3
	UNION ALL SELECT 'admin', 'opportunity', 'view', 3
	UNION ALL SELECT 'admin', 'opportunity', 'create', 3
	UNION ALL SELECT 'admin', 'opportunity', 'edit', 3
	UNION ALL SELECT 'admin', 'opportunity', 'approve', 3
	UNION ALL SELECT 'admin', 'opportunity', 'assign', 3
) g ON g.role_code = r.code;
