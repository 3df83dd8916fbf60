/*
 * pending.c - the quotes and contracts waiting for the user's decision.
 *
 * One statement: each part reads its table's (status, id) index from the
 * oldest pending row; a part the user may not decide on is bound scope 0,
 * which MariaDB folds into an impossible condition and never reads. Few
 * rows are pending at a time, so the scope filter after the join reads
 * few rows whatever the size of the tables.
 */
#include <string.h>

#include "arena.h"
#include "ctx.h"
#include "db.h"
#include "money.h"
#include "notify.h"
#include "pending.h"

#define PENDING_SCOPE(t)						\
    " AND (? = 3 OR (? = 2 AND " t ".team_id = ?)"			\
    " OR (? = 1 AND " t ".owner_id = ?))"
#define PENDING_LIMIT	"21"	/* one more: are there more than shown? */

static const char sql_pending[] =
    "(SELECT 'quote', q.opportunity_id, q.id, q.code, c.name, u.name,"
    " q.total, DATE_FORMAT(q.updated_at, '%Y-%m-%d %H:%i'), q.updated_at"
    " FROM quote q"
    " STRAIGHT_JOIN opportunity o ON o.id = q.opportunity_id"
    " STRAIGHT_JOIN customer c ON c.id = o.customer_id"
    " STRAIGHT_JOIN app_user u ON u.id = q.submitted_by"
    " WHERE q.status = 'pending' AND q.submitted_by <> ?"
    PENDING_SCOPE("o")
    " ORDER BY q.id LIMIT " PENDING_LIMIT ")"
    " UNION ALL "
    "(SELECT 'contract', 0, k.id, k.code, c.name, u.name,"
    " k.total, DATE_FORMAT(k.updated_at, '%Y-%m-%d %H:%i'), k.updated_at"
    " FROM contract k"
    " STRAIGHT_JOIN customer c ON c.id = k.customer_id"
    " STRAIGHT_JOIN app_user u ON u.id = k.submitted_by"
    " WHERE k.status = 'pending' AND k.submitted_by <> ?"
    PENDING_SCOPE("k")
    " ORDER BY k.id LIMIT " PENDING_LIMIT ")"
    " ORDER BY 9, 3 LIMIT " PENDING_LIMIT;

/* The submitter and scope of one part of the statement, from i on. */
static unsigned
bind_part(struct ctx *c, struct dbq *q, unsigned i, enum rtype rt)
{
	enum scope	scope = perm_list_scope(c, rt, ACT_APPROVE);

	db_bind_int(q, i++, c->user->id);
	db_bind_int(q, i++, scope);
	db_bind_int(q, i++, scope);
	db_bind_int(q, i++, c->user->team_id);
	db_bind_int(q, i++, scope);
	db_bind_int(q, i++, c->user->id);
	return i;
}

int
pending_home(struct ctx *c)
{
	struct dbq	 q;
	HDF		*rows, *row;
	int		 n = 0;

	if (perm_list_scope(c, RT_OPPORTUNITY, ACT_APPROVE) == SCOPE_NONE &&
	    perm_list_scope(c, RT_CONTRACT, ACT_APPROVE) == SCOPE_NONE)
		return 0;
	ctx_set_int(c, "Can.pending", 1);
	if (db_prepare(&q, c->db, c->arena, sql_pending) == -1)
		return -1;
	bind_part(c, &q, bind_part(c, &q, 0, RT_OPPORTUNITY), RT_CONTRACT);
	rows = ctx_node(c, "Pending");
	while (db_step(&q) == DB_ROW) {
		if (n == PENDING_HOME_ROWS) {
			ctx_set_int(c, "PendingMore", 1);
			break;
		}
		row = node_item(rows, n++);
		node_set(row, "kind", db_text(&q, 0));
		node_set(row, "href", db_int(&q, 1) != 0 ?
		    arena_printf(c->arena, "/opportunities/%lld/quotes/%lld",
		    db_int(&q, 1), db_int(&q, 2)) :
		    arena_printf(c->arena, "/contracts/%lld", db_int(&q, 2)));
		node_set(row, "code", db_text(&q, 3));
		node_set(row, "customer", db_text(&q, 4));
		node_set(row, "submitter", db_text(&q, 5));
		node_set(row, "total", money_format(c->arena,
		    money_cents(db_str(&q, 6))));
		node_set(row, "since", db_text(&q, 7));
	}
	return db_finish(&q) == DB_ERROR ? -1 : 0;
}

int
pending_tell(struct ctx *c, const struct pending_record *r)
{
	struct notice	n;

	memset(&n, 0, sizeof(n));
	n.kind = NOTICE_APPROVAL;
	n.opp_id = r->opp_id;
	n.quote_id = r->quote_id;
	n.contract_id = r->contract_id;
	n.actor_id = c->user->id;
	n.code = r->code;
	n.name = r->name;
	n.actor = c->user->name;
	return notify_approvers(c->db, c->arena, r->rtype, r->owner_id,
	    r->team_id, &n);
}
