/*
 * roles.c - roles, their permission matrix, and "preview as".
 *
 * The matrix is drawn from the registry in lib/perm.c: a record type's row
 * shows the actions it declares and nothing else, and a POST can set only
 * those cells (any other field is never read). Saving writes the changed
 * cells in one transaction, audits each with its old and new scope, and is
 * refused when afterwards no active user could still view and edit users.
 * The session statement reads the grants on every request, so a change
 * holds from the next request of everyone holding the role.
 *
 * A preview makes the admin's session take one role's grants instead of
 * the admin's own (lib/session.c) until it ends; the dispatcher refuses
 * every change meanwhile. The admin stays the signed-in user, so "own"
 * scope means the admin's own records and "team" the admin's team.
 */
#include <string.h>

#include "admin.h"
#include "arena.h"
#include "audit.h"
#include "ctx.h"
#include "db.h"
#include "form.h"
#include "http.h"
#include "perm.h"
#include "session.h"
#include "str.h"

#define NFIELDS(a)	(sizeof(a) / sizeof((a)[0]))
#define NSCOPES		(SCOPE_ALL + 1)

static const char sql_roles[] =
    "SELECT r.id, r.code, IF(? = 'zh-CN', r.name_zh, r.name_en),"
    " (SELECT COUNT(*) FROM user_role ur JOIN app_user u ON u.id = ur.user_id"
    " WHERE ur.role_id = r.id AND u.active = 1)"
    " FROM role r ORDER BY r.id";
static const char sql_role_get[] =
    "SELECT code, IF(? = 'zh-CN', name_zh, name_en) FROM role WHERE id = ?";
static const char sql_role_lock[] =
    "SELECT COUNT(*) FROM role WHERE id = ? FOR UPDATE";
static const char sql_role_grants[] =
    "SELECT record_type, action, scope FROM role_permission"
    " WHERE role_id = ?";
static const char sql_role_insert[] =
    "INSERT INTO role (code, name_en, name_zh) VALUES (?, ?, ?)";
static const char sql_grants_copy[] =
    "INSERT INTO role_permission (role_id, record_type, action, scope)"
    " SELECT ?, record_type, action, scope FROM role_permission"
    " WHERE role_id = ?";
static const char sql_fields_copy[] =
    "INSERT INTO role_field (role_id, record_type, field, access)"
    " SELECT ?, record_type, field, access FROM role_field WHERE role_id = ?";
static const char sql_grant_set[] =
    "INSERT INTO role_permission (role_id, record_type, action, scope)"
    " VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE scope = VALUES(scope)";
static const char sql_grant_clear[] =
    "DELETE FROM role_permission WHERE role_id = ? AND record_type = ?"
    " AND action = ?";
static const char sql_role_holders[] =
    "SELECT COUNT(*) FROM user_role WHERE role_id = ?";
static const char sql_grants_delete[] =
    "DELETE FROM role_permission WHERE role_id = ?";
static const char sql_role_delete[] =
    "DELETE FROM role WHERE id = ?";
/*
 * Is there still an active user who may both view and edit users? A
 * locking read: two saves that each take the last-but-one grant away
 * cannot both pass.
 */
static const char sql_admin_left[] =
    "SELECT 1 FROM role_permission v"
    " JOIN user_role uv ON uv.role_id = v.role_id"
    " JOIN app_user u ON u.id = uv.user_id AND u.active = 1"
    " JOIN user_role ue ON ue.user_id = u.id"
    " JOIN role_permission e ON e.role_id = ue.role_id"
    " AND e.record_type = ? AND e.action = ? AND e.scope > 0"
    " WHERE v.record_type = ? AND v.action = ? AND v.scope > 0"
    " LIMIT 1 LOCK IN SHARE MODE";

static const struct field role_fields[] = {
	{ "code", FT_TEXT, FIELD_REQUIRED, 32, NULL, 0, 0 },
	{ "name_en", FT_TEXT, FIELD_REQUIRED, 100, NULL, 0, 0 },
	{ "name_zh", FT_TEXT, FIELD_REQUIRED, 100, NULL, 0, 0 },
};

/* Load role id; 1 found, 0 not, -1 error. */
int
role_get(struct ctx *c, long long id, struct role *r)
{
	struct dbq	q;
	int		found = 0;

	if (db_prepare(&q, c->db, c->arena, sql_role_get) == -1)
		return -1;
	db_bind_text(&q, 0, c->lang);
	db_bind_int(&q, 1, id);
	if (db_step(&q) == DB_ROW) {
		r->id = id;
		r->code = db_str(&q, 0);
		r->name = db_str(&q, 1);
		found = 1;
	}
	return db_finish(&q) == DB_ERROR ? -1 : found;
}

/* The grants of role id as a grid of scopes; -1 on error. */
static int
role_grants(struct ctx *c, long long id, struct perms *grid)
{
	struct dbq	q;

	memset(grid, 0, sizeof(*grid));
	if (db_prepare(&q, c->db, c->arena, sql_role_grants) == -1)
		return -1;
	db_bind_int(&q, 0, id);
	while (db_step(&q) == DB_ROW)
		perm_grant(grid, db_text(&q, 0), db_text(&q, 1),
		    db_int(&q, 2));
	return db_finish(&q) == DB_ERROR ? -1 : 0;
}

/* A cell's form field and audit field: "<record type>.<action>". */
static const char *
cell_name(struct ctx *c, int rt, int act)
{
	return arena_printf(c->arena, "%s.%s", rtype_names[rt],
	    action_names[act]);
}

int
admin_roles(struct ctx *c)
{
	struct dbq	 q;
	HDF		*rows = ctx_node(c, "Rows"), *row;
	int		 n = 0;

	if (db_prepare(&q, c->db, c->arena, sql_roles) == -1)
		return 500;
	db_bind_text(&q, 0, c->lang);
	while (db_step(&q) == DB_ROW) {
		row = node_item(rows, n++);
		node_set(row, "id", db_text(&q, 0));
		node_set(row, "code", db_text(&q, 1));
		node_set(row, "name", db_text(&q, 2));
		node_set(row, "holders", db_text(&q, 3));
	}
	if (db_finish(&q) == DB_ERROR)
		return 500;
	return http_page(c, "admin/roles.cs");
}

/*
 * The role's page: its matrix showing grid (the stored grants, or what was
 * posted), cells flagged in bad (may be NULL) marked wrong.
 */
static int
role_page(struct ctx *c, const struct role *r, const struct perms *grid,
    const struct perms *bad)
{
	HDF	*acts = ctx_node(c, "Actions"), *scopes = ctx_node(c, "Scopes");
	HDF	*matrix = ctx_node(c, "Matrix"), *row, *cell;
	int	 rt, act, s;

	ctx_set_int(c, "Role.id", r->id);
	ctx_set(c, "Role.code", r->code);
	ctx_set(c, "Role.name", r->name);
	for (act = 0; act < ACT__MAX; act++)
		node_set(node_item(acts, act), "code", action_names[act]);
	for (s = 0; s < NSCOPES; s++)
		node_set(node_item(scopes, s), "code", scope_names[s]);
	for (rt = 0; rt < RT__MAX; rt++) {
		row = node_item(matrix, rt);
		node_set(row, "code", rtype_names[rt]);
		row = node_get(row, "cells");
		for (act = 0; act < ACT__MAX; act++) {
			cell = node_item(row, act);
			node_set(cell, "action", action_names[act]);
			if (!perm_declared(rt, act))
				continue;
			node_set(cell, "name", cell_name(c, rt, act));
			node_set(cell, "scope",
			    scope_names[grid->scope[rt][act]]);
			if (bad != NULL && bad->scope[rt][act])
				node_set_int(cell, "error", 1);
		}
	}
	return http_page(c, "admin/role_edit.cs");
}

/* Role c->ids[0]'s page with its stored grants. */
static int
role_show(struct ctx *c)
{
	struct role	r;
	struct perms	grid;
	int		rc;

	if ((rc = role_get(c, c->ids[0], &r)) != 1)
		return rc == 0 ? 404 : 500;
	if (role_grants(c, r.id, &grid) == -1)
		return 500;
	return role_page(c, &r, &grid, NULL);
}

int
admin_role_edit(struct ctx *c)
{
	if (req_query(&c->req, "saved") != NULL)
		ctx_set(c, "Notice", ctx_msg(c, "admin.role.saved"));
	return role_show(c);
}

/*
 * Create a role from the posted form with the grants of role from (NULL:
 * none). Returns what to answer, or -1 when the form must be shown again
 * with its errors (status 422).
 */
static int
role_submit(struct ctx *c, const struct role *from)
{
	struct form	 f;
	const char	*code;
	long long	 id;
	size_t		 i;

	form_read(c, role_fields, NFIELDS(role_fields), &f);
	code = form_value(&f, "code");
	if (code != NULL && !str_is_code(code, 2, 32))
		form_error(c, &f, "code", "admin.role.bad_code");
	if (f.nerrors > 0)
		goto invalid;
	if (db_begin(c->db) == -1)
		return 500;
	if (db_exec(c->db, c->arena, sql_role_insert, "sss", code,
	    form_value(&f, "name_en"), form_value(&f, "name_zh")) != 1) {
		if (!db_last_was_duplicate(c->db))
			return 500;
		db_rollback(c->db);
		form_error(c, &f, "code", "admin.role.code_taken");
		goto invalid;
	}
	id = db_int_query(c->db, c->arena, "SELECT LAST_INSERT_ID()", 0, "");
	if (id <= 0)
		return 500;
	for (i = 0; i < NFIELDS(role_fields); i++)
		if (audit_log(c, "create", "role", id, role_fields[i].name,
		    NULL, f.values[i]) == -1)
			return 500;
	if (from != NULL && (db_exec(c->db, c->arena, sql_grants_copy, "ii",
	    id, from->id) < 0 || db_exec(c->db, c->arena, sql_fields_copy,
	    "ii", id, from->id) < 0 ||
	    audit_log(c, "copy", "role", id, "copy_of", NULL, from->code) == -1))
		return 500;
	if (db_commit(c->db) == -1)
		return 500;
	return http_redirect(c, arena_printf(c->arena, "/admin/roles/%lld",
	    id));
invalid:
	c->status = 422;
	return -1;
}

int
admin_role_create(struct ctx *c)
{
	int	rc = role_submit(c, NULL);

	return rc == -1 ? admin_roles(c) : rc;
}

int
admin_role_copy(struct ctx *c)
{
	struct role	r;
	int		rc;

	if ((rc = role_get(c, c->ids[0], &r)) != 1)
		return rc == 0 ? 404 : 500;
	rc = role_submit(c, &r);
	return rc == -1 ? role_show(c) : rc;
}

/*
 * Read the declared cells of the posted matrix into want; each must name
 * a scope, and a wrong one is flagged in bad. Returns the number wrong.
 */
static int
matrix_read(struct ctx *c, struct perms *want, struct perms *bad)
{
	int	rt, act, s, nbad = 0;

	memset(want, 0, sizeof(*want));
	memset(bad, 0, sizeof(*bad));
	for (rt = 0; rt < RT__MAX; rt++)
		for (act = 0; act < ACT__MAX; act++) {
			if (!perm_declared(rt, act))
				continue;
			s = scope_from_name(req_form(&c->req,
			    cell_name(c, rt, act)));
			if (s < 0) {
				bad->scope[rt][act] = 1;
				nbad++;
			} else
				want->scope[rt][act] = (unsigned char)s;
		}
	return nbad;
}

/*
 * Write the declared cells where want differs from old, auditing each
 * with its old and new scope; inside the caller's transaction.
 */
static int
matrix_write(struct ctx *c, long long id, const struct perms *old,
    const struct perms *want)
{
	int		 rt, act, from, to;
	long long	 n;

	for (rt = 0; rt < RT__MAX; rt++)
		for (act = 0; act < ACT__MAX; act++) {
			from = old->scope[rt][act];
			to = want->scope[rt][act];
			if (!perm_declared(rt, act) || from == to)
				continue;
			if (to == SCOPE_NONE)
				n = db_exec(c->db, c->arena, sql_grant_clear,
				    "iss", id, rtype_names[rt],
				    action_names[act]);
			else
				n = db_exec(c->db, c->arena, sql_grant_set,
				    "issi", id, rtype_names[rt],
				    action_names[act], (long long)to);
			if (n < 0 || audit_field(c, "role", id,
			    cell_name(c, rt, act), scope_names[from],
			    scope_names[to]) == -1)
				return -1;
		}
	return 0;
}

/* Could anybody still administer users? 1 yes, 0 no, -1 error. */
static int
admin_left(struct ctx *c)
{
	return (int)db_int_query(c->db, c->arena, sql_admin_left, 0, "ssss",
	    rtype_names[RT_USER], action_names[ACT_EDIT],
	    rtype_names[RT_USER], action_names[ACT_VIEW]);
}

int
role_lock(struct ctx *c, long long id)
{
	return (int)db_int_query(c->db, c->arena, sql_role_lock, -1, "i", id);
}

int
admin_role_update(struct ctx *c)
{
	struct role	r;
	struct perms	old, want, bad;
	int		rc;

	if ((rc = role_get(c, c->ids[0], &r)) != 1)
		return rc == 0 ? 404 : 500;
	if (matrix_read(c, &want, &bad) > 0) {
		c->status = 422;
		ctx_set(c, "Error", ctx_msg(c, "form.fix_errors"));
		return role_page(c, &r, &want, &bad);
	}
	if (db_begin(c->db) == -1 || (rc = role_lock(c, r.id)) == -1)
		return 500;
	if (rc == 0)
		return 404;
	if (role_grants(c, r.id, &old) == -1 ||
	    matrix_write(c, r.id, &old, &want) == -1 ||
	    (rc = admin_left(c)) == -1)
		return 500;
	if (rc == 0) {
		db_rollback(c->db);
		c->status = 409;
		ctx_set(c, "Error", ctx_msg(c, "admin.role.lockout"));
		return role_page(c, &r, &want, NULL);
	}
	if (db_commit(c->db) == -1)
		return 500;
	return http_redirect(c, arena_printf(c->arena,
	    "/admin/roles/%lld?saved=1", r.id));
}

int
admin_role_delete(struct ctx *c)
{
	static const struct perms	none;
	struct role			r;
	struct perms			old;
	long long			held;
	int				rc;

	if ((rc = role_get(c, c->ids[0], &r)) != 1)
		return rc == 0 ? 404 : 500;
	if (db_begin(c->db) == -1 || (rc = role_lock(c, r.id)) == -1)
		return 500;
	if (rc == 0)
		return 404;
	/* Disabled accounts count: enabling one must not find a hole. */
	held = db_int_query(c->db, c->arena, sql_role_holders, -1, "i", r.id);
	if (held < 0)
		return 500;
	if (held > 0) {
		db_rollback(c->db);
		c->status = 409;
		ctx_set(c, "Error", ctx_msg(c, "admin.role.held"));
		return admin_roles(c);
	}
	/* Each grant is audited as it goes; rows no registry cell shows too. */
	if (role_grants(c, r.id, &old) == -1 ||
	    matrix_write(c, r.id, &old, &none) == -1 ||
	    db_exec(c->db, c->arena, sql_grants_delete, "i", r.id) < 0 ||
	    db_exec(c->db, c->arena, sql_role_delete, "i", r.id) != 1 ||
	    audit_log(c, "delete", "role", r.id, "code", r.code, NULL) == -1 ||
	    db_commit(c->db) == -1)
		return 500;
	return http_redirect(c, "/admin/roles");
}

int
admin_role_preview(struct ctx *c)
{
	struct role	r;
	int		rc;

	if ((rc = role_get(c, c->ids[0], &r)) != 1)
		return rc == 0 ? 404 : 500;
	if (db_begin(c->db) == -1 || session_preview(c, r.id) == -1 ||
	    audit_log(c, "preview_start", "role", r.id, NULL, NULL,
	    r.code) == -1 || db_commit(c->db) == -1)
		return 500;
	return http_redirect(c, "/home");
}

int
admin_preview_end(struct ctx *c)
{
	long long	id = c->preview_role;

	if (id == 0)
		return http_redirect(c, "/admin/roles");
	if (db_begin(c->db) == -1 || session_preview(c, 0) == -1 ||
	    audit_log(c, "preview_end", "role", id, NULL, NULL, NULL) == -1 ||
	    db_commit(c->db) == -1)
		return 500;
	return http_redirect(c, arena_printf(c->arena, "/admin/roles/%lld",
	    id));
}
