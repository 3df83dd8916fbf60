/*
 * perm.c - the signed-in user's grants and the checks made with them.
 */
#include <string.h>

#include "ctx.h"
#include "perm.h"

const char *const rtype_names[RT__MAX] = {
	"customer", "contact", "followup", "order", "user", "audit",
	"opportunity", "contract", "report"
};
const char *const action_names[ACT__MAX] = {
	"view", "create", "edit", "delete", "export", "approve", "assign"
};
const char *const scope_names[] = { "none", "own", "team", "all" };

#define RECORD_ACTS	(ACT_BIT(ACT_VIEW) | ACT_BIT(ACT_CREATE) | \
			    ACT_BIT(ACT_EDIT) | ACT_BIT(ACT_DELETE))

const unsigned rtype_actions[RT__MAX] = {
	[RT_CUSTOMER] = RECORD_ACTS | ACT_BIT(ACT_EXPORT) | ACT_BIT(ACT_ASSIGN),
	[RT_CONTACT] = RECORD_ACTS | ACT_BIT(ACT_EXPORT),
	[RT_FOLLOWUP] = RECORD_ACTS,
	[RT_ORDER] = RECORD_ACTS | ACT_BIT(ACT_EXPORT),
	[RT_USER] = RECORD_ACTS,
	[RT_AUDIT] = ACT_BIT(ACT_VIEW) | ACT_BIT(ACT_EXPORT),
	/* Approve: a director confirms a win probability. */
	[RT_OPPORTUNITY] = ACT_BIT(ACT_VIEW) | ACT_BIT(ACT_CREATE) |
	    ACT_BIT(ACT_EDIT) | ACT_BIT(ACT_APPROVE) | ACT_BIT(ACT_ASSIGN),
	/* Approve: a director decides on a contract submitted to them. */
	[RT_CONTRACT] = RECORD_ACTS | ACT_BIT(ACT_EXPORT) | ACT_BIT(ACT_APPROVE),
	/* The scope says whose figures a report covers. */
	[RT_REPORT] = ACT_BIT(ACT_VIEW) | ACT_BIT(ACT_EXPORT),
};

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
perm_declared(enum rtype rt, enum action act)
{
	return rt >= 0 && rt < RT__MAX && act >= 0 && act < ACT__MAX &&
	    (rtype_actions[rt] & ACT_BIT(act)) != 0;
}

void
perm_grant(struct perms *p, const char *rtype, const char *action,
    long long scope)
{
	int	rt = rtype_from_name(rtype), act = action_from_name(action);

	/* Unknown names or scopes grant nothing: deny by default. */
	if (rt < 0 || act < 0 || scope <= SCOPE_NONE || scope > SCOPE_ALL)
		return;
	/* A user's roles add up: the widest scope wins. */
	if (scope > p->scope[rt][act])
		p->scope[rt][act] = (unsigned char)scope;
}

enum scope
perm_scope(const struct ctx *c, enum rtype rt, enum action act)
{
	if (c->user == NULL || rt < 0 || rt >= RT__MAX || act < 0 ||
	    act >= ACT__MAX)
		return SCOPE_NONE;
	return (enum scope)c->perms.scope[rt][act];
}

enum scope
perm_list_scope(const struct ctx *c, enum rtype rt, enum action act)
{
	enum scope	s = perm_scope(c, rt, act);

	return s == SCOPE_TEAM && c->user->team_id == 0 ? SCOPE_OWN : s;
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
