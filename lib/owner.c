/*
 * owner.c - the owners a user may give a record to.
 */
#include "ctx.h"
#include "db.h"
#include "form.h"
#include "owner.h"
#include "str.h"

static const char sql_owner_choices[] =
    "SELECT u.id, u.name FROM app_user u WHERE u.active = 1"
    " AND (? = 3 OR (? = 2 AND u.team_id = ?) OR u.id = ?)"
    " ORDER BY u.name LIMIT 500";
static const char sql_user_team[] =
    "SELECT COALESCE(team_id, 0) FROM app_user WHERE id = ? AND active = 1";

/* The active users within scope s of the signed-in user, as Owners. */
static int
owners_in(struct ctx *c, enum scope s)
{
	struct dbq	 q;
	int		 n = 0;
	HDF		*owners, *row;

	if (db_prepare(&q, c->db, c->arena, sql_owner_choices) == -1)
		return -1;
	db_bind_int(&q, 0, s);
	db_bind_int(&q, 1, s);
	db_bind_int(&q, 2, c->user->team_id);
	db_bind_int(&q, 3, c->user->id);
	owners = ctx_node(c, "Owners");
	while (db_step(&q) == DB_ROW) {
		row = node_item(owners, n++);
		node_set(row, "id", db_text(&q, 0));
		node_set(row, "name", db_text(&q, 1));
	}
	return db_finish(&q) == DB_ERROR ? -1 : 0;
}

int
owner_choices(struct ctx *c, enum rtype rt)
{
	enum scope	s = perm_scope(c, rt, ACT_ASSIGN);

	if (s == SCOPE_NONE)
		return 0;
	ctx_set_int(c, "Can.assign", 1);
	return owners_in(c, s);
}

int
owner_filter_choices(struct ctx *c, enum rtype rt)
{
	enum scope	s = perm_scope(c, rt, ACT_VIEW);

	if (s <= SCOPE_OWN)
		return 0;
	ctx_set_int(c, "Can.owner_filter", 1);
	return owners_in(c, s);
}

long long
owner_team(struct ctx *c, long long owner)
{
	return db_int_query(c->db, c->arena, sql_user_team, -1, "i", owner);
}

int
owner_pick(struct ctx *c, enum rtype rt, struct form *f, long long current,
    long long *owner, long long *team)
{
	const char	*v = req_form(&c->req, "owner");

	*owner = current;
	if (v == NULL || perm_scope(c, rt, ACT_ASSIGN) == SCOPE_NONE) {
		*team = owner_team(c, *owner);
		if (*team < 0)
			*team = 0;
		return 0;
	}
	*owner = str_to_id(v);
	form_fill(c, "owner", v);
	if ((*team = owner_team(c, *owner)) < 0 ||
	    !perm_allows(c, rt, ACT_ASSIGN, *owner, *team)) {
		form_error(c, f, "owner", "form.bad_choice");
		return -1;
	}
	return 0;
}
