/*
 * field_access.c - a role's field-level rules: for each restricted field,
 * hidden, masked, read-only or editable.
 *
 * The grid is drawn from the field registry (lib/fieldsec.c) and the
 * active custom fields, so a POST can set only those fields, and "masked"
 * only where a field can be masked. Saving writes the changed rules in one transaction and audits
 * each with its old and new access; like the grants, the rules are read
 * on every request, so a change holds from the next one.
 */
#include <string.h>

#include "admin.h"
#include "arena.h"
#include "audit.h"
#include "ctx.h"
#include "custom_field.h"
#include "db.h"
#include "fieldsec.h"
#include "http.h"

static const char sql_rule_set[] =
    "INSERT INTO role_field (role_id, record_type, field, access)"
    " VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE access = VALUES(access)";

/* The fields of the grid, in its order. */
struct grid {
	const struct field_def	**def;
	const char		**label;	/* in the page's language */
	size_t			  n;
};

/* The registry's fields, then each record type's active custom fields. */
static int
grid_load(struct ctx *c, struct grid *g)
{
	struct cf_set	*sets = arena_calloc(c->arena, cf_nstorages,
			    sizeof(*sets));
	size_t		 i, j, n = field_ndefs;

	for (i = 0; i < cf_nstorages; i++) {
		if (cf_load(c, cf_storages[i].rtype, &sets[i]) == -1)
			return -1;
		n += sets[i].n;
	}
	g->def = arena_calloc(c->arena, n, sizeof(*g->def));
	g->label = arena_calloc(c->arena, n, sizeof(*g->label));
	for (g->n = 0; g->n < field_ndefs; g->n++) {
		g->def[g->n] = &field_defs[g->n];
		g->label[g->n] = ctx_msg(c, field_defs[g->n].label);
	}
	for (i = 0; i < cf_nstorages; i++)
		for (j = 0; j < sets[i].n; j++, g->n++) {
			g->def[g->n] = &sets[i].f[j].def;
			g->label[g->n] = sets[i].f[j].label;
		}
	return 0;
}

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
rules_page(struct ctx *c, const struct role *r, const struct grid *g,
    const int *chosen)
{
	HDF	*rows = ctx_node(c, "Fields"), *row;
	size_t	 i;
	int	 a;

	ctx_set_int(c, "Role.id", r->id);
	ctx_set(c, "Role.code", r->code);
	ctx_set(c, "Role.name", r->name);
	for (i = 0; i < g->n; i++) {
		row = node_item(rows, (int)i);
		node_set(row, "rtype", rtype_names[g->def[i]->rtype]);
		node_set(row, "name", rule_name(c, g->def[i]));
		node_set(row, "label", g->label[i]);
		node_set_int(row, "maskable",
		    (g->def[i]->flags & FD_MASKABLE) != 0);
		node_set_int(row, "sensitive",
		    (g->def[i]->flags & FD_SENSITIVE) != 0);
		if ((a = chosen[i]) < 0)
			node_set_int(row, "error", 1);
		else
			node_set(row, "access", faccess_names[a]);
	}
	return http_page(c, "admin/role_access.cs");
}

/* The role's rules as they stand, one per field of the grid. */
static int
rules_current(struct ctx *c, long long role, const struct grid *g, int *out)
{
	struct fieldsec	*fs = field_role_rules(c, role);
	size_t		 i;

	if (fs == NULL)
		return -1;
	for (i = 0; i < g->n; i++)
		out[i] = (int)field_role_access(fs, g->def[i]);
	return 0;
}

int
admin_role_fields(struct ctx *c)
{
	struct role	 r;
	struct grid	 g;
	int		*now, rc;

	if ((rc = role_get(c, c->ids[0], &r)) != 1)
		return rc == 0 ? 404 : 500;
	if (grid_load(c, &g) == -1)
		return 500;
	now = arena_calloc(c->arena, g.n, sizeof(int));
	if (rules_current(c, r.id, &g, now) == -1)
		return 500;
	if (req_query(&c->req, "saved") != NULL)
		ctx_set(c, "Notice", ctx_msg(c, "admin.role.saved"));
	return rules_page(c, &r, &g, now);
}

int
admin_role_fields_update(struct ctx *c)
{
	struct role	 r;
	struct grid	 g;
	int		*want, *old, rc, nbad = 0;
	size_t		 i;
	const char	*name;

	if ((rc = role_get(c, c->ids[0], &r)) != 1)
		return rc == 0 ? 404 : 500;
	if (grid_load(c, &g) == -1)
		return 500;
	want = arena_calloc(c->arena, g.n, sizeof(int));
	old = arena_calloc(c->arena, g.n, sizeof(int));
	for (i = 0; i < g.n; i++)
		if ((want[i] = rule_posted(c, g.def[i])) < 0)
			nbad++;
	if (nbad > 0) {
		c->status = 422;
		ctx_set(c, "Error", ctx_msg(c, "form.fix_errors"));
		return rules_page(c, &r, &g, want);
	}
	if (db_begin(c->db) == -1 || (rc = role_lock(c, r.id)) == -1)
		return 500;
	if (rc == 0)
		return 404;
	if (rules_current(c, r.id, &g, old) == -1)
		return 500;
	for (i = 0; i < g.n; i++) {
		if (want[i] == old[i])
			continue;
		name = rule_name(c, g.def[i]);
		if (db_exec(c->db, c->arena, sql_rule_set, "issi", r.id,
		    rtype_names[g.def[i]->rtype], g.def[i]->name,
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
