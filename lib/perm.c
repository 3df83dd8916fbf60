/*
 * perm.c - the signed-in user's grants, loaded once per request.
 */
#include <string.h>

#include "ctx.h"
#include "db.h"
#include "perm.h"

const char *const rtype_names[RT__MAX] = {
	"customer", "contact", "followup", "order", "user"
};
const char *const action_names[ACT__MAX] = {
	"view", "create", "edit", "delete", "export", "approve", "assign"
};
const char *const scope_names[] = { "none", "own", "team", "all" };

static const char sql_grants[] =
    "SELECT rp.record_type, rp.action, MAX(rp.scope)"
    " FROM user_role ur JOIN role_permission rp ON rp.role_id = ur.role_id"
    " WHERE ur.user_id = ? GROUP BY rp.record_type, rp.action";

static int
name_index(const char *const *names, int n, const char *name)
{
	int	i;

	for (i = 0; name != NULL && i < n; i++)
		if (strcmp(names[i], name) == 0)
			return i;
	return -1;
}

int
rtype_from_name(const char *name)
{
	return name_index(rtype_names, RT__MAX, name);
}

int
action_from_name(const char *name)
{
	return name_index(action_names, ACT__MAX, name);
}

int
scope_from_name(const char *name)
{
	return name_index(scope_names, SCOPE_ALL + 1, name);
}

int
perm_load(struct ctx *c)
{
	struct dbq	 q;
	int		 rt, act;
	long long	 scope;

	memset(&c->perms, 0, sizeof(c->perms));
	if (db_prepare(&q, c->db, c->arena, sql_grants) == -1)
		return -1;
	db_bind_int(&q, 0, c->user->id);
	while (db_step(&q) == DB_ROW) {
		rt = rtype_from_name(db_text(&q, 0));
		act = action_from_name(db_text(&q, 1));
		scope = db_int(&q, 2);
		/* Unknown names or scopes grant nothing: deny by default. */
		if (rt < 0 || act < 0 || scope < SCOPE_NONE || scope > SCOPE_ALL)
			continue;
		c->perms.scope[rt][act] = (unsigned char)scope;
	}
	return db_finish(&q) == DB_ERROR ? -1 : 0;
}

enum scope
perm_scope(const struct ctx *c, enum rtype rt, enum action act)
{
	if (c->user == NULL || rt < 0 || rt >= RT__MAX || act < 0 ||
	    act >= ACT__MAX)
		return SCOPE_NONE;
	return (enum scope)c->perms.scope[rt][act];
}

int
perm_allows(const struct ctx *c, enum rtype rt, enum action act,
    long long owner_id, long long team_id)
{
	switch (perm_scope(c, rt, act)) {
	case SCOPE_ALL:
		return 1;
	case SCOPE_TEAM:
		/* The record's team, kept with it: one index serves lists. */
		if (c->user->team_id != 0)
			return team_id == c->user->team_id;
		/* A user without a team has only their own. */
		/* FALLTHROUGH */
	case SCOPE_OWN:
		return owner_id == c->user->id;
	default:
		return 0;
	}
}
