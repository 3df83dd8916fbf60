-- 006_admin.sql - what the administration screens need.

-- Admin screens ask for the password again (re-authentication); the time
-- of the last confirmation is kept with the session.
ALTER TABLE session ADD COLUMN reauth_at DATETIME NULL;

-- The audit viewer pages by id within one user's events.
ALTER TABLE audit_log DROP KEY audit_user, ADD KEY audit_user (user_id, id);

-- The audit log is a record type of its own: reading it is a grant.
INSERT INTO role_permission (role_id, record_type, action, scope)
SELECT r.id, 'audit', 'view', 3 FROM role r WHERE r.code = 'admin';
