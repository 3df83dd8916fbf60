-- 001_core.sql: users, teams, roles and their grants, sessions, the audit
-- log, choice lists and code serials. Everything utf8mb4, InnoDB.

CREATE TABLE team (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	name		VARCHAR(100) NOT NULL,
	leader_id	BIGINT UNSIGNED NULL,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	UNIQUE KEY team_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE app_user (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	login		VARCHAR(64) NOT NULL,
	name		VARCHAR(100) NOT NULL,
	email		VARCHAR(254) NULL,
	password_hash	VARCHAR(255) NOT NULL,
	must_change_pw	TINYINT NOT NULL DEFAULT 1,
	active		TINYINT NOT NULL DEFAULT 1,
	team_id		INT UNSIGNED NULL,
	lang		VARCHAR(8) NOT NULL DEFAULT 'zh-CN',
	password_changed_at DATETIME NULL,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	UNIQUE KEY user_login (login),
	KEY user_team (team_id),
	CONSTRAINT user_team_fk FOREIGN KEY (team_id) REFERENCES team (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE role (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	code		VARCHAR(32) NOT NULL,
	name_en		VARCHAR(100) NOT NULL,
	name_zh		VARCHAR(100) NOT NULL,
	UNIQUE KEY role_code (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE user_role (
	user_id		BIGINT UNSIGNED NOT NULL,
	role_id		INT UNSIGNED NOT NULL,
	PRIMARY KEY (user_id, role_id),
	KEY user_role_role (role_id),
	CONSTRAINT user_role_user_fk FOREIGN KEY (user_id) REFERENCES app_user (id),
	CONSTRAINT user_role_role_fk FOREIGN KEY (role_id) REFERENCES role (id)
) ENGINE=InnoDB;

-- scope: 0 none, 1 own, 2 team, 3 all (lib/perm.h).
CREATE TABLE role_permission (
	role_id		INT UNSIGNED NOT NULL,
	record_type	VARCHAR(32) NOT NULL,
	action		VARCHAR(16) NOT NULL,
	scope		TINYINT NOT NULL,
	PRIMARY KEY (role_id, record_type, action),
	CONSTRAINT role_permission_role_fk FOREIGN KEY (role_id) REFERENCES role (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Only the SHA-256 of the browser's token is stored.
CREATE TABLE session (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	token_hash	CHAR(64) CHARACTER SET ascii NOT NULL,
	user_id		BIGINT UNSIGNED NOT NULL,
	csrf_token	CHAR(64) CHARACTER SET ascii NOT NULL,
	created_at	DATETIME NOT NULL,
	last_seen	DATETIME NOT NULL,
	remote_addr	VARCHAR(45) NULL,
	UNIQUE KEY session_token (token_hash),
	KEY session_user (user_id),
	CONSTRAINT session_user_fk FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE=InnoDB;

CREATE TABLE login_failure (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	login		VARCHAR(64) NOT NULL,
	remote_addr	VARCHAR(45) NOT NULL,
	at		DATETIME NOT NULL,
	KEY login_failure_login (login, at),
	KEY login_failure_addr (remote_addr, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Append-only: the application's database user may only INSERT and SELECT.
CREATE TABLE audit_log (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	at		DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	user_id		BIGINT UNSIGNED NULL,
	action		VARCHAR(32) NOT NULL,
	record_type	VARCHAR(32) NOT NULL,
	record_id	BIGINT UNSIGNED NULL,
	field		VARCHAR(64) NULL,
	old_value	TEXT NULL,
	new_value	TEXT NULL,
	remote_addr	VARCHAR(45) NULL,
	KEY audit_record (record_type, record_id, id),
	KEY audit_user (user_id, at),
	KEY audit_at (at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Admin-editable option lists: industries, grades, follow-up methods, ...
CREATE TABLE choice (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	list		VARCHAR(32) NOT NULL,
	code		VARCHAR(32) NOT NULL,
	label_en	VARCHAR(100) NOT NULL,
	label_zh	VARCHAR(100) NOT NULL,
	sort		INT NOT NULL DEFAULT 0,
	active		TINYINT NOT NULL DEFAULT 1,
	UNIQUE KEY choice_code (list, code),
	KEY choice_list (list, active, sort)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The last serial handed out per code prefix and period (year or month).
CREATE TABLE code_serial (
	prefix		VARCHAR(8) NOT NULL,
	period		CHAR(6) NOT NULL,
	last		INT UNSIGNED NOT NULL,
	PRIMARY KEY (prefix, period)
) ENGINE=InnoDB;
