-- 016_reports.sql: the summaries the pipeline reports read, and who may
-- read them.
--
-- Grouping 300,000 opportunities and a million stage changes for every
-- report page costs far more than a page may (docs/ARCHITECTURE.md,
-- "Reports"). So each opportunity's part in the figures is added to
-- small tables, per month, team, owner and stage (or reason), in the
-- transaction that changes it: lib/report_sum.c, report_sum_update, which
-- every write path of an opportunity calls once. report_sum_rebuild
-- (crmctl report-rebuild) makes them again from the base tables, for
-- bulk loads and the demo data.
--
-- Months are the first day of the month. A team of 0 is an opportunity
-- whose owner has no team. Amounts are whole cents.

-- What each opportunity now adds to the summaries: the summary update
-- subtracts it and adds what the opportunity adds after its change. The
-- stage changes it counted are those up to last_change_id.
CREATE TABLE report_opportunity (
	opportunity_id	BIGINT UNSIGNED NOT NULL PRIMARY KEY,
	team_id		INT UNSIGNED NOT NULL,
	owner_id	BIGINT UNSIGNED NOT NULL,
	lead_month	DATE NOT NULL,
	close_month	DATE NOT NULL,		-- expected close
	closed_month	DATE NOT NULL,		-- entry into its stage
	stage		VARCHAR(32) NOT NULL,
	outcome		ENUM('open', 'won', 'lost') NOT NULL,
	close_reason	VARCHAR(32) NOT NULL,
	cents		BIGINT NOT NULL,
	probability	TINYINT UNSIGNED NOT NULL,
	entered_secs	BIGINT NOT NULL,	-- stage entry, s since 1970
	last_change_id	BIGINT UNSIGNED NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The funnel, by lead month: per stage, the opportunities in it now
-- (count, amount, the sum of their entry times, for the days they have
-- spent there so far), how many ever entered it, and the visits that
-- ended (count and seconds).
CREATE TABLE report_funnel (
	month		DATE NOT NULL,
	team_id		INT UNSIGNED NOT NULL,
	owner_id	BIGINT UNSIGNED NOT NULL,
	stage		VARCHAR(32) NOT NULL,
	open_count	INT NOT NULL DEFAULT 0,
	open_cents	BIGINT NOT NULL DEFAULT 0,
	entered_secs	BIGINT NOT NULL DEFAULT 0,
	reached		INT NOT NULL DEFAULT 0,
	visits		INT NOT NULL DEFAULT 0,
	visit_secs	BIGINT NOT NULL DEFAULT 0,
	-- All scope reads a range of months; team and own scope (and the
	-- team and owner filters) their own index, each covering.
	PRIMARY KEY (month, team_id, owner_id, stage),
	KEY report_funnel_team (team_id, month, owner_id, stage, open_count,
		open_cents, entered_secs, reached, visits, visit_secs),
	KEY report_funnel_owner (owner_id, month, team_id, stage, open_count,
		open_cents, entered_secs, reached, visits, visit_secs)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Open opportunities by expected close month: count, amount, and the
-- amount weighted by the win probability, as cents x percent (exact;
-- divided by 100 and rounded once when shown).
CREATE TABLE report_forecast (
	month		DATE NOT NULL,
	team_id		INT UNSIGNED NOT NULL,
	owner_id	BIGINT UNSIGNED NOT NULL,
	open_count	INT NOT NULL DEFAULT 0,
	open_cents	BIGINT NOT NULL DEFAULT 0,
	weighted	DECIMAL(30,0) NOT NULL DEFAULT 0,
	PRIMARY KEY (month, team_id, owner_id),
	KEY report_forecast_team (team_id, month, owner_id, open_count,
		open_cents, weighted),
	KEY report_forecast_owner (owner_id, month, team_id, open_count,
		open_cents, weighted)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Won and lost opportunities by the month they closed (entered the won
-- or lost stage), per close reason: count and amount.
CREATE TABLE report_outcome (
	month		DATE NOT NULL,
	team_id		INT UNSIGNED NOT NULL,
	owner_id	BIGINT UNSIGNED NOT NULL,
	outcome		ENUM('won', 'lost') NOT NULL,
	close_reason	VARCHAR(32) NOT NULL,
	closed_count	INT NOT NULL DEFAULT 0,
	closed_cents	BIGINT NOT NULL DEFAULT 0,
	PRIMARY KEY (month, team_id, owner_id, outcome, close_reason),
	KEY report_outcome_team (team_id, month, owner_id, outcome,
		close_reason, closed_count, closed_cents),
	KEY report_outcome_owner (owner_id, month, team_id, outcome,
		close_reason, closed_count, closed_cents)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Scopes: 1 own, 2 team, 3 all. A rep sees their own figures, a
-- director the team's, management and the administrator everyone's.
INSERT INTO role_permission (role_id, record_type, action, scope)
SELECT r.id, g.record_type, g.action, g.scope FROM role r JOIN (
	SELECT 'sales_rep' AS role_code, 'report' AS record_type,
		'view' AS action, 1 AS scope
	UNION ALL SELECT 'sales_director', 'report', 'view', 2
	UNION ALL SELECT 'sales_director', 'report', 'export', 2
	UNION ALL SELECT 'management', 'report', 'view', 3
	UNION ALL SELECT 'management', 'report', 'export', 3
	UNION ALL SELECT 'admin', 'report', 'view', 3
	UNION ALL SELECT 'admin', 'report', 'export', 3
) g ON g.role_code = r.code;
