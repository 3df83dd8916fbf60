-- 007_roles.sql - roles, the permission matrix and "preview as".

-- "Preview as": while set, the session sees the application with this
-- role's grants instead of its user's (lib/session.c). Deleting the role
-- ends any preview of it.
ALTER TABLE session ADD COLUMN preview_role_id INT UNSIGNED NULL,
	ADD CONSTRAINT session_preview_fk FOREIGN KEY (preview_role_id)
	REFERENCES role (id) ON DELETE SET NULL;

-- The lock-out guard of the matrix looks up the roles that grant one
-- action on one record type.
ALTER TABLE role_permission
	ADD KEY role_permission_grant (record_type, action, role_id);
