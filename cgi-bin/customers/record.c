/*
 * record.c - one customer as loaded for a check or a page, and the users
 * who may own one.
 */
#include <stddef.h>
#include <string.h>

#include "choice.h"
#include "ctx.h"
#include "db.h"
#include "fieldsec.h"
#include "sealed.h"
#include "customers.h"

static const char sql_customer_get[] =
    "SELECT c.id, c.code, c.name, c.industry, c.grade, c.owner_id,"
    " COALESCE(c.team_id, 0), u.name, c.address, c.budget_range,"
    " c.purchase_date, c.satisfaction, c.order_count, c.order_total,"
    " CASE WHEN c.order_count > 0 THEN ROUND(c.order_total / c.order_count, 2)"
    " END, DATE_FORMAT(c.last_followup_at, '%Y-%m-%d %H:%i'), c.version,"
    " c.created_at, (SELECT GROUP_CONCAT(n.product ORDER BY n.product)"
    " FROM customer_need n WHERE n.customer_id = c.id)"
    " FROM customer c JOIN app_user u ON u.id = c.owner_id"
    " WHERE c.id = ? AND c.deleted_at IS NULL";
static const char sql_owner_choices[] =
    "SELECT u.id, u.name FROM app_user u WHERE u.active = 1"
    " AND (? = 3 OR (? = 2 AND u.team_id = ?) OR u.id = ?)"
    " ORDER BY u.name LIMIT 500";
static const char sql_user_team[] =
    "SELECT COALESCE(team_id, 0) FROM app_user WHERE id = ? AND active = 1";

/* Load customer ids[0] if the user may do act on it; else 404 (or 500). */
int
customer_load(struct ctx *c, enum rtype rt, enum action act,
    struct customer *cu)
{
	struct dbq	q;
	int		found = 0;

	memset(cu, 0, sizeof(*cu));
	if (db_prepare(&q, c->db, c->arena, sql_customer_get) == -1)
		return 500;
	db_bind_int(&q, 0, c->ids[0]);
	if (db_step(&q) == DB_ROW) {
		found = 1;
		cu->id = db_int(&q, 0);
		cu->code = db_str(&q, 1);
		cu->name = db_str(&q, 2);
		cu->industry = db_str(&q, 3);
		cu->grade = db_str(&q, 4);
		cu->owner_id = db_int(&q, 5);
		cu->team_id = db_int(&q, 6);
		cu->owner_name = db_str(&q, 7);
		cu->address = db_str(&q, 8);
		cu->budget = sealed_read(c->arena, SEALED_CUSTOMER_BUDGET,
		    cu->id, &q, 9);
		cu->purchase_date = db_str(&q, 10);
		cu->satisfaction = db_str(&q, 11);
		cu->order_count = db_str(&q, 12);
		cu->order_total = db_str(&q, 13);
		cu->order_avg = db_str(&q, 14);
		cu->last_followup = db_str(&q, 15);
		cu->version = db_int(&q, 16);
		cu->created = db_str(&q, 17);
		cu->products = db_str(&q, 18);
	}
	if (db_finish(&q) == DB_ERROR)
		return 500;
	if (!found || !perm_allows(c, rt, act, cu->owner_id, cu->team_id))
		return 404;
	return 0;
}

/* Owners a user may pick: within the assign scope. */
int
owner_choices(struct ctx *c)
{
	struct dbq	 q;
	enum scope	 s = perm_scope(c, RT_CUSTOMER, ACT_ASSIGN);
	int		 n = 0;
	HDF		*owners, *row;

	if (s == SCOPE_NONE)
		return 0;
	ctx_set_int(c, "Can.assign", 1);
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

/* Is owner a user the signed-in user may assign customers to? */
long long
owner_team(struct ctx *c, long long owner)
{
	return db_int_query(c->db, c->arena, sql_user_team, -1, "i", owner);
}

int
owner_allowed(struct ctx *c, long long owner, long long *team)
{
	if ((*team = owner_team(c, owner)) < 0)
		return 0;
	return perm_allows(c, RT_CUSTOMER, ACT_ASSIGN, owner, *team);
}

void
customer_to_hdf(struct ctx *c, const struct customer *cu)
{
	ctx_set_int(c, "Customer.id", cu->id);
	ctx_set(c, "Customer.code", cu->code);
	ctx_set(c, "Customer.name", cu->name);
	ctx_set(c, "Customer.industry", choice_label(c, "industry",
	    cu->industry));
	ctx_set(c, "Customer.grade", field_show_named(c, RT_CUSTOMER, "grade",
	    choice_label(c, "grade", cu->grade)));
	ctx_set(c, "Customer.owner", cu->owner_name);
	ctx_set(c, "Customer.address", field_show_named(c, RT_CUSTOMER,
	    "address", cu->address));
	ctx_set(c, "Customer.budget", field_show_named(c, RT_CUSTOMER,
	    "budget", choice_label(c, "budget", cu->budget)));
	ctx_set(c, "Customer.purchase_date", field_show_named(c, RT_CUSTOMER,
	    "purchase_date", cu->purchase_date));
	ctx_set(c, "Customer.satisfaction", field_show_named(c, RT_CUSTOMER,
	    "satisfaction", choice_label(c, "satisfaction",
	    cu->satisfaction)));
	ctx_set(c, "Customer.order_count", cu->order_count);
	ctx_set(c, "Customer.order_total", cu->order_total);
	ctx_set(c, "Customer.order_avg", cu->order_avg);
	ctx_set(c, "Customer.last_followup", cu->last_followup);
	ctx_set(c, "Customer.created", cu->created);
	ctx_set_int(c, "Customer.version", cu->version);
}
