/*
 * field_access.c - a role's field-level rules: for each restricted field,
 * hidden, masked, read-only or editable.
 *
 * The grid is drawn from the field registry (lib/fieldsec.c), so a POST
 * can set only registered fields, and "masked" only where a field can be
 * masked. Saving writes the changed rules in one transaction and audits
 * each with its old and new access; like the grants, the rules are read
 * on every request, so a change holds from the next one.
 */
#include <string.h>

#include "admin.h"
#include "arena.h"
#include "audit.h"
#include "ctx.h"
#include "db.h"
#include "fieldsec.h"
#include "http.h"

static const char sql_rule_set[] =
    "INSERT INTO role_field (role_id, record_type, field, access)"
    " VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE access = VALUES(access)";

/* A rule's form field and audit field: "<record type>.<field>". */
static const char *
rule_name(struct ctx *c, const struct field_def *d)
{
	return arena_printf(c->arena, "%s.%s", rtype_names[d->rtype], d->name);
}

/* The access posted for d, or -1 when missing or not allowed for d. */
static int
rule_posted(struct ctx *c, const struct field_def *d)
{
	int	a = faccess_from_name(req_form(&c->req, rule_name(c, d)));

	if (a == FA_MASKED && !(d->flags & FD_MASKABLE))
		return -1;
	return a;
}

/* The grid: one row per field, with the access shown as chosen. */
static int
rules_page(struct ctx *c, const struct role *r, const int *chosen)
{
	HDF	*rows = ctx_node(c, "Fields"), *row;
	size_t	 i;
	int	 a;

	ctx_set_int(c, "Role.id", r->id);
	ctx_set(c, "Role.code", r->code);
	ctx_set(c, "Role.name", r->name);
	for (i = 0; i < field_ndefs; i++) {
		row = node_item(rows, (int)i);
		node_set(row, "rtype", rtype_names[field_defs[i].rtype]);
		node_set(row, "name", rule_name(c, &field_defs[i]));
		node_set(row, "label", field_defs[i].label);
		node_set_int(row, "maskable",
		    (field_defs[i].flags & FD_MASKABLE) != 0);
		node_set_int(row, "sensitive",
		    (field_defs[i].flags & FD_SENSITIVE) != 0);
		if ((a = chosen[i]) < 0)
			node_set_int(row, "error", 1);
		else
			node_set(row, "access", faccess_names[a]);
	}
	return http_page(c, "admin/role_access.cs");
}

/* The role's rules as they stand, one per registered field. */
static int
rules_current(struct ctx *c, long long role, int *out)
{
	struct fieldsec	*fs = field_role_rules(c, role);
	size_t		 i;

	if (fs == NULL)
		return -1;
	for (i = 0; i < field_ndefs; i++)
		out[i] = (int)field_role_access(fs, &field_defs[i]);
	return 0;
}

int
admin_role_fields(struct ctx *c)
{
	struct role	 r;
	int		*now = arena_calloc(c->arena, field_ndefs, sizeof(int));
	int		 rc;

	if ((rc = role_get(c, c->ids[0], &r)) != 1)
		return rc == 0 ? 404 : 500;
	if (rules_current(c, r.id, now) == -1)
		return 500;
	if (req_query(&c->req, "saved") != NULL)
		ctx_set(c, "Notice", ctx_msg(c, "admin.role.saved"));
	return rules_page(c, &r, now);
}

int
admin_role_fields_update(struct ctx *c)
{
	struct role	 r;
	int		*want = arena_calloc(c->arena, field_ndefs, sizeof(int));
	int		*old = arena_calloc(c->arena, field_ndefs, sizeof(int));
	int		 rc, nbad = 0;
	size_t		 i;
	const char	*name;

	if ((rc = role_get(c, c->ids[0], &r)) != 1)
		return rc == 0 ? 404 : 500;
	for (i = 0; i < field_ndefs; i++)
		if ((want[i] = rule_posted(c, &field_defs[i])) < 0)
			nbad++;
	if (nbad > 0) {
		c->status = 422;
		ctx_set(c, "Error", ctx_msg(c, "form.fix_errors"));
		return rules_page(c, &r, want);
	}
	if (db_begin(c->db) == -1 || (rc = role_lock(c, r.id)) == -1)
		return 500;
	if (rc == 0)
		return 404;
	if (rules_current(c, r.id, old) == -1)
		return 500;
	for (i = 0; i < field_ndefs; i++) {
		if (want[i] == old[i])
			continue;
		name = rule_name(c, &field_defs[i]);
		if (db_exec(c->db, c->arena, sql_rule_set, "issi", r.id,
		    rtype_names[field_defs[i].rtype], field_defs[i].name,
		    (long long)want[i]) < 0 ||
		    audit_log(c, "field_access", "role", r.id, name,
		    faccess_names[old[i]], faccess_names[want[i]]) == -1)
			return 500;
	}
	if (db_commit(c->db) == -1)
		return 500;
	return http_redirect(c, arena_printf(c->arena,
	    "/admin/roles/%lld/fields?saved=1", r.id));
}
