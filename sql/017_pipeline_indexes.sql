-- 017_pipeline_indexes.sql: what the pipeline board counts, kept as the
-- opportunities change, so that a column's count and total cost the same
-- at 300 or 300,000 opportunities.
--
-- Counting a column from the stage index read every entry of the stage in
-- the user's scope: at 300,000 opportunities the admin's board summed
-- some 240,000 index entries per request. Here each stage has a row per
-- owner (and team) with the number and the amount of its opportunities;
-- a board reads a handful of rows by primary key for all its columns.

CREATE TABLE opportunity_board_total (
	stage		VARCHAR(32) NOT NULL,
	-- The opportunities' team (their owner's), 0 for none: a key
	-- column cannot be NULL.
	team_id		INT UNSIGNED NOT NULL,
	owner_id	BIGINT UNSIGNED NOT NULL,
	n		INT NOT NULL,
	amount		DECIMAL(19,2) NOT NULL,
	-- All and team scope are a prefix of the key; own scope filters the
	-- few owners of a stage.
	PRIMARY KEY (stage, team_id, owner_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The triggers keep the totals in the transaction of every change,
-- whoever writes: the programs, crmctl, a bulk load, an import. A change
-- takes its amount out of the old row and into the new one in key order
-- (one statement, ORDER BY the key), so that two changes by one owner in
-- opposite directions cannot deadlock on the two rows. A soft-deleted
-- opportunity counts nowhere.
CREATE TRIGGER opportunity_total_insert AFTER INSERT ON opportunity
FOR EACH ROW
INSERT INTO opportunity_board_total (stage, team_id, owner_id, n, amount)
SELECT NEW.stage, COALESCE(NEW.team_id, 0), NEW.owner_id, 1, NEW.amount
FROM DUAL WHERE NEW.deleted_at IS NULL
ON DUPLICATE KEY UPDATE n = n + VALUES(n), amount = amount + VALUES(amount);

CREATE TRIGGER opportunity_total_update AFTER UPDATE ON opportunity
FOR EACH ROW
INSERT INTO opportunity_board_total (stage, team_id, owner_id, n, amount)
SELECT d.s, d.t, d.o, d.dn, d.da FROM (
	SELECT OLD.stage AS s, COALESCE(OLD.team_id, 0) AS t,
		OLD.owner_id AS o, -1 AS dn, -OLD.amount AS da
	FROM DUAL WHERE OLD.deleted_at IS NULL
	UNION ALL
	SELECT NEW.stage, COALESCE(NEW.team_id, 0), NEW.owner_id, 1,
		NEW.amount
	FROM DUAL WHERE NEW.deleted_at IS NULL
) d
WHERE NOT (OLD.stage = NEW.stage AND OLD.team_id <=> NEW.team_id
	AND OLD.owner_id = NEW.owner_id AND OLD.amount = NEW.amount
	AND (OLD.deleted_at IS NULL) = (NEW.deleted_at IS NULL))
ORDER BY d.s, d.t, d.o
ON DUPLICATE KEY UPDATE n = n + VALUES(n), amount = amount + VALUES(amount);

CREATE TRIGGER opportunity_total_delete AFTER DELETE ON opportunity
FOR EACH ROW
INSERT INTO opportunity_board_total (stage, team_id, owner_id, n, amount)
SELECT OLD.stage, COALESCE(OLD.team_id, 0), OLD.owner_id, -1, -OLD.amount
FROM DUAL WHERE OLD.deleted_at IS NULL
ON DUPLICATE KEY UPDATE n = n + VALUES(n), amount = amount + VALUES(amount);

-- What is there already. It is counted after the triggers exist and
-- overwrites what they counted meanwhile, so a program still writing
-- during the upgrade is neither lost nor counted twice.
INSERT INTO opportunity_board_total (stage, team_id, owner_id, n, amount)
SELECT stage, COALESCE(team_id, 0), owner_id, COUNT(*), SUM(amount)
FROM opportunity WHERE deleted_at IS NULL
GROUP BY stage, COALESCE(team_id, 0), owner_id
ON DUPLICATE KEY UPDATE n = VALUES(n), amount = VALUES(amount);
