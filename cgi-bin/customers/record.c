/*
 * record.c - one customer as loaded for a check or a page.
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
		/* Opened only for a user who may see it. */
		if (field_access_named(c, RT_CUSTOMER, "budget") != FA_HIDDEN)
			cu->budget = sealed_read(c->arena,
			    SEALED_CUSTOMER_BUDGET, cu->id, &q, 9);
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
