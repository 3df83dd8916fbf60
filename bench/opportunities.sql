-- opportunities.sql - the benchmark's sales pipeline: @opp_n opportunities
-- over the customers already stored, each owned by its customer's owner
-- (so by the bench users, in their teams), with its stage history and,
-- from negotiation on, most with a quote and its lines. bench/load.sh sets
-- @opp_n and the application's time zone, and runs this in one session
-- (temporary tables) and one transaction: a failure leaves nothing.
--
-- Everything is INSERT ... SELECT over the sequence engine's seq_* tables,
-- every draw a CRC32 of the row number and a salt, so the same load gives
-- the same data. Ids follow the largest stored; codes take the serials
-- after those code_serial has handed out in their month, and code_serial
-- then goes on after them, so the programs' next codes do not collide.
--
-- Spread (docs/PERFORMANCE.md): stages as the demo (lead 20%, needs 20%,
-- demo 16%, negotiation 14%, contract 10%, won 12%, lost 8%); amounts from
-- 5,000 to 2,000,000 CNY, log-uniform; leads from 20 to 365 days ago;
-- won and lost close on the day they closed, open ones from 60 days ago
-- to a year ahead; names 60% Chinese, 40% English.

SET foreign_key_checks = 0, unique_checks = 0;
START TRANSACTION;

SET @now = NOW(), @today = CURDATE();
SET @opp_first = (SELECT COALESCE(MAX(id), 0) + 1 FROM opportunity);
SET @quote_first = (SELECT COALESCE(MAX(id), 0) + 1 FROM quote);
-- Customer ids are one run (the demo's, then each load's).
SELECT MIN(id), MAX(id) - MIN(id) + 1 INTO @cust_min, @cust_n FROM customer;

-- The draws of each opportunity.
CREATE TEMPORARY TABLE bench_draw (
	seq	INT UNSIGNED NOT NULL PRIMARY KEY,
	r1	INT UNSIGNED NOT NULL,	-- stage, and where a lost one stopped
	r2	INT UNSIGNED NOT NULL,	-- customer
	r3	INT UNSIGNED NOT NULL,	-- lead time
	r4	INT UNSIGNED NOT NULL,	-- last stage change, expected close
	r5	INT UNSIGNED NOT NULL,	-- amount, lead source
	r6	INT UNSIGNED NOT NULL,	-- close reason, language, quote
	r7	INT UNSIGNED NOT NULL,	-- name
	r8	INT UNSIGNED NOT NULL	-- competitors, advantages, risks
) ENGINE=InnoDB;
INSERT INTO bench_draw
SELECT seq, CRC32(CONCAT(seq, 'stage')), CRC32(CONCAT(seq, 'customer')),
	CRC32(CONCAT(seq, 'lead')), CRC32(CONCAT(seq, 'last')),
	CRC32(CONCAT(seq, 'amount')), CRC32(CONCAT(seq, 'reason')),
	CRC32(CONCAT(seq, 'name')), CRC32(CONCAT(seq, 'notes'))
FROM seq_1_to_10000000 WHERE seq <= @opp_n;

-- Each opportunity's way through the stages: reach is the last open stage
-- it entered (0 lead ... 4 contract), outcome where it stands.
CREATE TEMPORARY TABLE bench_path (
	seq	INT UNSIGNED NOT NULL PRIMARY KEY,
	reach	TINYINT UNSIGNED NOT NULL,
	outcome	VARCHAR(8) NOT NULL,
	age	SMALLINT UNSIGNED NOT NULL	-- days since the lead
) ENGINE=InnoDB;
INSERT INTO bench_path
SELECT seq,
	CASE WHEN r1 % 50 < 10 THEN 0 WHEN r1 % 50 < 20 THEN 1
	WHEN r1 % 50 < 28 THEN 2 WHEN r1 % 50 < 35 THEN 3
	WHEN r1 % 50 < 46 THEN 4 ELSE (r1 DIV 50) % 5 END,
	CASE WHEN r1 % 50 < 40 THEN 'open' WHEN r1 % 50 < 46 THEN 'won'
	ELSE 'lost' END,
	20 + r3 % 346
FROM bench_draw;

CREATE TEMPORARY TABLE bench_opp (
	id		BIGINT UNSIGNED NOT NULL PRIMARY KEY,
	seq		INT UNSIGNED NOT NULL,
	customer_id	BIGINT UNSIGNED NOT NULL,
	owner_id	BIGINT UNSIGNED NOT NULL,
	team_id		INT UNSIGNED NULL,
	reach		TINYINT UNSIGNED NOT NULL,
	steps		TINYINT UNSIGNED NOT NULL,	-- stage history rows
	stage		VARCHAR(32) NOT NULL,
	lead_at		DATETIME NOT NULL,
	last_at		DATETIME NOT NULL,		-- entered its stage
	period		CHAR(6) NOT NULL,
	serial		INT UNSIGNED NULL
) ENGINE=InnoDB;
INSERT INTO bench_opp
SELECT @opp_first + d.seq - 1, d.seq, c.id, c.owner_id, c.team_id,
	p.reach, p.reach + 1 + (p.outcome <> 'open'),
	IF(p.outcome = 'open', ELT(p.reach + 1, 'lead', 'needs', 'demo',
		'negotiation', 'contract'), p.outcome),
	l.lead_at,
	CASE
	WHEN p.reach = 0 AND p.outcome = 'open' THEN l.lead_at
	-- Closed between 30% and 99% of its life after the lead ...
	WHEN p.outcome <> 'open' THEN l.lead_at + INTERVAL
		(p.age * 86400 DIV 100) * (30 + d.r4 % 70) SECOND
	-- ... open ones moved on within the last 40% of it.
	ELSE @now - INTERVAL (p.age * 86400 DIV 100) * (d.r4 % 40) SECOND
	END,
	DATE_FORMAT(l.lead_at, '%Y%m'), NULL
FROM bench_draw d
JOIN bench_path p ON p.seq = d.seq
JOIN customer c ON c.id = @cust_min + d.r2 % @cust_n
JOIN (SELECT seq, @now - INTERVAL 20 + r3 % 346 DAY
	- INTERVAL (r3 DIV 346) % 86400 SECOND AS lead_at
	FROM bench_draw) l ON l.seq = d.seq;

-- Codes: SO + the month of the lead + the serials after code_serial's.
UPDATE bench_opp o JOIN (
	SELECT b.id, COALESCE(s.last, 0)
		+ ROW_NUMBER() OVER (PARTITION BY b.period ORDER BY b.id) AS serial
	FROM bench_opp b
	LEFT JOIN code_serial s ON s.prefix = 'SO' AND s.period = b.period
) n ON n.id = o.id
SET o.serial = n.serial;

INSERT INTO opportunity (id, code, name, customer_id, owner_id, team_id,
	amount, expected_close, lead_source, lead_date, stage,
	stage_entered_at, probability, competitors, advantages, risks,
	close_reason, created_by, created_at, updated_at, stale_notice_at)
SELECT o.id,
	CONCAT('SO', o.period, IF(o.serial < 1000, LPAD(o.serial, 3, '0'),
		o.serial)),
	IF((d.r6 DIV 10) % 10 < 6,
		CONCAT(ELT(1 + d.r7 % 6, 'CRM套件', 'ERP系统', '云托管服务',
			'咨询服务', '用户培训', '技术支持合同'),
		ELT(1 + (d.r7 DIV 6) % 6, '年度订阅', '实施项目', '二期扩容',
			'升级改造', '续约', '集团采购')),
		CONCAT(ELT(1 + d.r7 % 6, 'CRM suite', 'ERP system',
			'Cloud hosting', 'Consulting', 'User training',
			'Support contract'), ' ',
		ELT(1 + (d.r7 DIV 6) % 6, 'subscription', 'rollout',
			'phase 2', 'upgrade', 'renewal', 'group purchase'))),
	o.customer_id, o.owner_id, o.team_id,
	CAST(ROUND(5000 * POW(400, (d.r5 % 10000) / 10000), -2)
		AS DECIMAL(15,2)),
	IF(o.stage IN ('won', 'lost'), DATE(o.last_at),
		@today + INTERVAL CAST((d.r4 DIV 100) % 426 AS SIGNED) - 60 DAY),
	CASE WHEN (d.r5 DIV 10000) % 100 < 20 THEN 'expo'
	WHEN (d.r5 DIV 10000) % 100 < 45 THEN 'referral'
	WHEN (d.r5 DIV 10000) % 100 < 65 THEN 'online_ads'
	WHEN (d.r5 DIV 10000) % 100 < 80 THEN 'telemarketing'
	ELSE 'self_visit' END,
	DATE(o.lead_at), o.stage, o.last_at, s.probability,
	ELT(1 + d.r8 % 8, '用友、金蝶', 'Salesforce', '纷享销客', '本地集成商',
		'销售易、用友', 'SAP', NULL, NULL),
	ELT(1 + (d.r8 DIV 8) % 6, '本地化实施团队，响应快。',
		'与客户现有系统集成经验丰富。', 'Flexible service terms.',
		'客户高层认可我们的行业案例。', NULL, NULL),
	ELT(1 + (d.r8 DIV 48) % 6, '预算需集团审批，时间不确定。',
		'客户IT部门倾向自研。', 'A competitor quoted lower.',
		'关键决策人可能调岗。', NULL, NULL),
	CASE o.stage
	WHEN 'won' THEN ELT(1 + d.r6 % 3, 'product_fit', 'price',
		'relationship')
	WHEN 'lost' THEN ELT(1 + d.r6 % 4, 'competitor', 'budget_cut',
		'no_decision', 'requirements')
	END,
	o.owner_id, o.lead_at, o.last_at,
	-- An open one quiet past its stage's limit (stage_rule; 24 hours,
	-- lib/stagerule.h, without a rule) was told so when it went stale,
	-- as the scheduler would have: else its first scan after the load
	-- would send a notice for most of them at once.
	IF(s.outcome = 'open' AND o.last_at + INTERVAL
		COALESCE(r.stale_hours, 24) HOUR <= @now,
		o.last_at + INTERVAL COALESCE(r.stale_hours, 24) HOUR, NULL)
FROM bench_opp o
JOIN bench_draw d ON d.seq = o.seq
JOIN opportunity_stage s ON s.code = o.stage
LEFT JOIN stage_rule r ON r.stage = o.stage;

-- The stages each entered, evenly from the lead to the last change: the
-- open path up to reach, then won or lost.
INSERT INTO opportunity_stage_change (opportunity_id, user_id, at,
	from_stage, to_stage)
SELECT o.id, o.owner_id,
	o.lead_at + INTERVAL TIMESTAMPDIFF(SECOND, o.lead_at, o.last_at)
		* k.seq DIV GREATEST(o.steps - 1, 1) SECOND,
	IF(k.seq = 0, NULL, ELT(k.seq, 'lead', 'needs', 'demo',
		'negotiation', 'contract')),
	IF(k.seq > o.reach, o.stage, ELT(k.seq + 1, 'lead', 'needs', 'demo',
		'negotiation', 'contract'))
FROM bench_opp o JOIN seq_0_to_5 k ON k.seq < o.steps
ORDER BY o.id, k.seq;

-- Quotes: two in three of those that reached negotiation, every won one
-- (accepted), made when it entered negotiation or, for a won one, contract.
CREATE TEMPORARY TABLE bench_quote (
	id		BIGINT UNSIGNED NOT NULL PRIMARY KEY,
	opportunity_id	BIGINT UNSIGNED NOT NULL,
	owner_id	BIGINT UNSIGNED NOT NULL,
	amount		DECIMAL(15,2) NOT NULL,	-- the opportunity's
	status		VARCHAR(8) NOT NULL,
	nlines		TINYINT UNSIGNED NOT NULL,
	created_at	DATETIME NOT NULL,
	period		CHAR(6) NOT NULL,
	serial		INT UNSIGNED NULL
) ENGINE=InnoDB;
INSERT INTO bench_quote
SELECT @quote_first + ROW_NUMBER() OVER (ORDER BY o.id) - 1, o.id,
	o.owner_id, a.amount,
	CASE WHEN o.stage = 'won' THEN 'accepted'
	WHEN o.stage = 'lost' THEN 'rejected'
	WHEN o.stage = 'contract' OR d.r6 % 2 = 0 THEN 'sent'
	ELSE 'draft' END,
	1 + (d.r6 DIV 1000) % 6, h.at, DATE_FORMAT(h.at, '%Y%m'), NULL
FROM bench_opp o
JOIN bench_draw d ON d.seq = o.seq
JOIN opportunity a ON a.id = o.id
JOIN opportunity_stage_change h ON h.opportunity_id = o.id
	AND h.to_stage = IF(o.stage = 'won', 'contract', 'negotiation')
WHERE o.reach >= 3 AND (o.stage = 'won' OR (d.r6 DIV 100) % 3 <> 0);

UPDATE bench_quote q JOIN (
	SELECT b.id, COALESCE(s.last, 0)
		+ ROW_NUMBER() OVER (PARTITION BY b.period ORDER BY b.id) AS serial
	FROM bench_quote b
	LEFT JOIN code_serial s ON s.prefix = 'QT' AND s.period = b.period
) n ON n.id = q.id
SET q.serial = n.serial;

-- The lines: whole quantities, prices that make the quote come near the
-- opportunity's amount, a discount on some; each total rounded once, half
-- up, as lib/money.c does.
CREATE TEMPORARY TABLE bench_line (
	quote_id	BIGINT UNSIGNED NOT NULL,
	position	SMALLINT UNSIGNED NOT NULL,
	r		INT UNSIGNED NOT NULL,
	quantity	DECIMAL(12,3) NOT NULL,
	unit_price	DECIMAL(15,2) NOT NULL,
	discount_pct	DECIMAL(5,2) NOT NULL,
	PRIMARY KEY (quote_id, position)
) ENGINE=InnoDB;
INSERT INTO bench_line
SELECT q.id, k.seq, CRC32(CONCAT(q.id, 'line', k.seq)), 0,
	q.amount / q.nlines, 0
FROM bench_quote q JOIN seq_1_to_6 k ON k.seq <= q.nlines;
UPDATE bench_line SET quantity = 1 + r % 20,
	unit_price = GREATEST(ROUND(unit_price * (80 + (r DIV 20) % 40) / 100
		/ (1 + r % 20), -1), 10),
	discount_pct = ELT(1 + (r DIV 100000) % 5, 0, 0, 5, 10, 12.5);

INSERT INTO quote_line (quote_id, position, product, description,
	quantity, unit_price, discount_pct, line_total)
SELECT quote_id, position,
	ELT(1 + (r DIV 1000000) % 6, 'crm_suite', 'erp', 'cloud_hosting',
		'consulting', 'training', 'support'),
	ELT(1 + (r DIV 6000000) % 8, '年度订阅，50个用户', '实施服务，含数据迁移',
		'现场培训两天', '7×24小时技术支持', 'Annual subscription, 50 users',
		'On-site training, two days', 'Data migration', NULL),
	quantity, unit_price, discount_pct,
	ROUND(quantity * unit_price * (100 - discount_pct) / 100, 2)
FROM bench_line;

INSERT INTO quote (id, code, opportunity_id, status, valid_until,
	subtotal, discount, total, created_by, created_at, updated_at)
SELECT q.id,
	CONCAT('QT', q.period, IF(q.serial < 1000, LPAD(q.serial, 3, '0'),
		q.serial)),
	q.opportunity_id, q.status, DATE(q.created_at) + INTERVAL 30 DAY,
	t.subtotal, t.subtotal - t.total, t.total, q.owner_id, q.created_at,
	q.created_at
FROM bench_quote q JOIN (
	SELECT quote_id, SUM(ROUND(quantity * unit_price, 2)) AS subtotal,
		SUM(line_total) AS total
	FROM quote_line WHERE quote_id >= @quote_first GROUP BY quote_id
) t ON t.quote_id = q.id;

-- The programs go on after the serials used here.
INSERT INTO code_serial (prefix, period, last)
SELECT 'SO', period, MAX(serial) FROM bench_opp GROUP BY period
UNION ALL
SELECT 'QT', period, MAX(serial) FROM bench_quote GROUP BY period
ON DUPLICATE KEY UPDATE last = GREATEST(last, VALUES(last));

COMMIT;
