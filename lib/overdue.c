/*
 * overdue.c - the overdue instalments in the user's scope.
 *
 * open_due is an instalment's due date while it is owed on an approved
 * contract, else NULL (sql/015_contracts.sql), and every instalment
 * carries its contract's owner and team: so the list is one range of
 * (open_due, id), (owner_id, open_due, id) or (team_id, open_due, id)
 * before CURDATE(), in the order shown, whatever the scope.
 */
#include <string.h>

#include "arena.h"
#include "ctx.h"
#include "db.h"
#include "money.h"
#include "overdue.h"

static const char sql_overdue[] =
    "SELECT i.id, i.contract_id, k.code, k.title, c.name, u.name,"
    " i.position, i.due_date, DATEDIFF(CURDATE(), i.due_date), i.amount,"
    " i.paid"
    " FROM contract_instalment i"
    " STRAIGHT_JOIN contract k ON k.id = i.contract_id"
    " STRAIGHT_JOIN customer c ON c.id = k.customer_id"
    " STRAIGHT_JOIN app_user u ON u.id = i.owner_id"
    " WHERE i.open_due < CURDATE()"
    " AND (? = 3 OR (? = 2 AND i.team_id = ?) OR (? = 1 AND i.owner_id = ?))"
    " AND (? IS NULL OR i.owner_id = ?)"
    " AND (? IS NULL OR i.open_due > ? OR (i.open_due = ? AND i.id > ?))"
    " ORDER BY i.open_due, i.id LIMIT ?";

int
overdue_page(struct ctx *c, const struct overdue_query *oq,
    void (*fn)(struct ctx *, const struct overdue_row *, void *), void *arg,
    const char **next)
{
	struct dbq		 q;
	struct overdue_row	 r;
	enum scope		 s = perm_list_scope(c, RT_CONTRACT, ACT_VIEW);
	unsigned		 i = 0;
	int			 n = 0;

	*next = NULL;
	memset(&r, 0, sizeof(r));
	if (s == SCOPE_NONE)
		return 0;
	if (db_prepare(&q, c->db, c->arena, sql_overdue) == -1)
		return -1;
	db_bind_int(&q, i++, s);
	db_bind_int(&q, i++, s);
	db_bind_int(&q, i++, c->user->team_id);
	db_bind_int(&q, i++, s);
	db_bind_int(&q, i++, c->user->id);
	db_bind_id(&q, i++, oq->owner);
	db_bind_id(&q, i++, oq->owner);
	db_bind_text(&q, i++, oq->after_due);
	db_bind_text(&q, i++, oq->after_due);
	db_bind_text(&q, i++, oq->after_due);
	db_bind_id(&q, i++, oq->after_due ? oq->after_id : 0);
	/* One more than asked: whether there is a next page. */
	db_bind_int(&q, i++, oq->limit + 1);
	while (db_step(&q) == DB_ROW) {
		if (n == oq->limit) {
			*next = arena_printf(c->arena, "%s.%s", r.due, r.id);
			break;
		}
		r.id = db_str(&q, 0);
		r.contract_id = db_str(&q, 1);
		r.code = db_str(&q, 2);
		r.title = db_str(&q, 3);
		r.customer = db_str(&q, 4);
		r.owner = db_str(&q, 5);
		r.position = db_str(&q, 6);
		r.due = db_str(&q, 7);
		r.days = db_str(&q, 8);
		r.amount = db_str(&q, 9);
		r.paid = db_str(&q, 10);
		r.owed = money_cents(r.amount) - money_cents(r.paid);
		fn(c, &r, arg);
		n++;
	}
	return db_finish(&q) == DB_ERROR ? -1 : 0;
}

void
overdue_to_node(struct ctx *c, HDF *row, const struct overdue_row *r)
{
	node_set(row, "contract_id", r->contract_id);
	node_set(row, "code", r->code);
	node_set(row, "title", r->title);
	node_set(row, "customer", r->customer);
	node_set(row, "owner", r->owner);
	node_set(row, "position", r->position);
	node_set(row, "due", r->due);
	node_set(row, "days", r->days);
	node_set(row, "amount", money_format(c->arena, money_cents(r->amount)));
	node_set(row, "paid", money_format(c->arena, money_cents(r->paid)));
	node_set(row, "owed", money_format(c->arena, r->owed));
}

static void
home_row(struct ctx *c, const struct overdue_row *r, void *arg)
{
	HDF	*rows = arg;

	overdue_to_node(c, node_item(rows, node_count(rows)), r);
}

int
overdue_home(struct ctx *c)
{
	struct overdue_query	 oq;
	const char		*next;

	if (perm_list_scope(c, RT_CONTRACT, ACT_VIEW) == SCOPE_NONE)
		return 0;
	ctx_set_int(c, "Can.overdue", 1);
	memset(&oq, 0, sizeof(oq));
	oq.limit = OVERDUE_HOME_ROWS;
	if (overdue_page(c, &oq, home_row, ctx_node(c, "Overdue"), &next) ==
	    -1)
		return -1;
	if (next != NULL)
		ctx_set_int(c, "OverdueMore", 1);
	return 0;
}
