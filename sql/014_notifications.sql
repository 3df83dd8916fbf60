-- 014_notifications.sql: the stage rules of the pipeline (SPEC 2.2: who is
-- told when an opportunity enters a stage, and after how many hours without
-- an update it is stale), the in-app inbox, and the outbox of mail.

-- The stale limit of a stage, in hours. A stage without a row has the
-- default of lib/stagerule.h (24 h).
CREATE TABLE stage_rule (
	stage		VARCHAR(32) NOT NULL PRIMARY KEY,
	stale_hours	SMALLINT UNSIGNED NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Who is notified when an opportunity enters a stage: every active member
-- of a role, or one user. A deleted role takes its rules with it.
CREATE TABLE stage_recipient (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	stage		VARCHAR(32) NOT NULL,
	role_id		INT UNSIGNED NULL,
	user_id		BIGINT UNSIGNED NULL,
	-- Exactly one of role and user; a rule exists once.
	CONSTRAINT stage_recipient_one CHECK ((role_id IS NULL) <>
		(user_id IS NULL)),
	UNIQUE KEY stage_recipient_role (stage, role_id),
	UNIQUE KEY stage_recipient_user (stage, user_id),
	KEY stage_recipient_by_role (role_id),
	KEY stage_recipient_by_user (user_id),
	CONSTRAINT stage_recipient_role_fk FOREIGN KEY (role_id)
		REFERENCES role (id) ON DELETE CASCADE,
	CONSTRAINT stage_recipient_user_fk FOREIGN KEY (user_id)
		REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The default rule: entering the demo stage tells the product managers.
INSERT INTO stage_recipient (stage, role_id)
SELECT 'demo', id FROM role WHERE code = 'product_manager';

-- One message of a user's inbox. Its text is made when it is shown, in
-- the reader's language, from what happened: "stage" (the opportunity
-- entered to_stage from from_stage, moved by actor) or "stale" (no update
-- within hours of entering to_stage).
CREATE TABLE notification (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	user_id		BIGINT UNSIGNED NOT NULL,
	kind		ENUM('stage', 'stale') NOT NULL,
	opportunity_id	BIGINT UNSIGNED NOT NULL,
	actor_id	BIGINT UNSIGNED NULL,
	from_stage	VARCHAR(32) NULL,
	to_stage	VARCHAR(32) NOT NULL,
	hours		SMALLINT UNSIGNED NULL,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	read_at		DATETIME NULL,
	-- The inbox, newest first by keyset; and "mark all read".
	KEY notification_user (user_id, id),
	KEY notification_unread (user_id, read_at),
	CONSTRAINT notification_user_fk FOREIGN KEY (user_id)
		REFERENCES app_user (id),
	CONSTRAINT notification_opp_fk FOREIGN KEY (opportunity_id)
		REFERENCES opportunity (id),
	CONSTRAINT notification_actor_fk FOREIGN KEY (actor_id)
		REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The unread count the header shows, kept in the transactions that add
-- notifications and mark them read, so that the session statement reads
-- it with the user's row instead of counting on every page.
ALTER TABLE app_user ADD COLUMN unread_notifications INT NOT NULL DEFAULT 0;

-- When the owner was told that the opportunity went stale in its current
-- stage; a stage change clears it. Not a stale flag (that is computed when
-- shown): the record that the notice went out, once per stage entry. The
-- scheduler's scan per stage reads only opportunities not yet told, in
-- the order they went quiet.
ALTER TABLE opportunity ADD COLUMN stale_notice_at DATETIME NULL,
	ADD KEY opportunity_stale (stage, deleted_at, stale_notice_at,
		updated_at);

-- Mail waiting for the SMTP server, written in the transaction of what it
-- tells. The scheduler claims a due row by moving next_attempt_at past the
-- attempt (so a crash retries it later, never twice at once) and sets
-- sent_at once the server took it.
CREATE TABLE outbox (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	recipient	VARCHAR(254) NOT NULL,
	subject		VARCHAR(255) NOT NULL,
	body		TEXT NOT NULL,
	attempts	INT UNSIGNED NOT NULL DEFAULT 0,
	next_attempt_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	last_error	VARCHAR(500) NULL,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	sent_at		DATETIME NULL,
	-- Pending mail in the order it falls due.
	KEY outbox_due (sent_at, next_attempt_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
