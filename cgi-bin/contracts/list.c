/*
 * list.c - the contract list: newest first, filtered by status and
 * owner, keyset paging on the id.
 *
 * Every filter is "(? IS NULL OR ...)", which MariaDB folds away when
 * the value is NULL; the scope rule is the SQL form of perm_allows()
 * and picks the owner's or the team's index (sql/015_contracts.sql).
 */
#include <string.h>

#include "ctx.h"
#include "db.h"
#include "http.h"
#include "money.h"
#include "owner.h"
#include "str.h"
#include "contracts.h"

#define PAGE_SIZE	50

static const char sql_list[] =
    "SELECT k.id, k.code, k.title, c.name, u.name, k.total, k.paid,"
    " k.status, k.sign_date"
    " FROM contract k"
    " STRAIGHT_JOIN customer c ON c.id = k.customer_id"
    " STRAIGHT_JOIN app_user u ON u.id = k.owner_id"
    " WHERE (? = 3 OR (? = 2 AND k.team_id = ?) OR (? = 1 AND k.owner_id = ?))"
    " AND (? IS NULL OR k.status = ?)"
    " AND (? IS NULL OR k.owner_id = ?)"
    " AND (? IS NULL OR k.id < ?)"
    " ORDER BY k.id DESC LIMIT 51";

static const char *const statuses[] = {
	"draft", "pending", "approved", "rejected"
};

/* The status filter, when it names a status. */
static const char *
status_filter(struct ctx *c)
{
	const char	*s = req_query(&c->req, "status");
	size_t		 i;

	for (i = 0; s != NULL && i < NFIELDS(statuses); i++)
		if (strcmp(s, statuses[i]) == 0) {
			ctx_set(c, "List.status", s);
			return statuses[i];
		}
	return NULL;
}

int
contract_list(struct ctx *c)
{
	struct dbq	 q;
	enum scope	 s = perm_list_scope(c, RT_CONTRACT, ACT_VIEW);
	const char	*status = status_filter(c), *last = NULL;
	long long	 owner = str_to_id(req_query(&c->req, "owner"));
	long long	 after = str_to_id(req_query(&c->req, "after"));
	long long	 total;
	unsigned	 i = 0;
	int		 n = 0;
	HDF		*rows, *row;

	if (owner_filter_choices(c, RT_CONTRACT) == -1)
		return 500;
	if (owner > 0)
		ctx_set_int(c, "List.owner", owner);
	if (after > 0)
		ctx_set_int(c, "List.paged", 1);
	if (db_prepare(&q, c->db, c->arena, sql_list) == -1)
		return 500;
	db_bind_int(&q, i++, s);
	db_bind_int(&q, i++, s);
	db_bind_int(&q, i++, c->user->team_id);
	db_bind_int(&q, i++, s);
	db_bind_int(&q, i++, c->user->id);
	db_bind_text(&q, i++, status);
	db_bind_text(&q, i++, status);
	db_bind_id(&q, i++, owner);
	db_bind_id(&q, i++, owner);
	db_bind_id(&q, i++, after);
	db_bind_id(&q, i++, after);
	rows = ctx_node(c, "Rows");
	while (db_step(&q) == DB_ROW) {
		if (n == PAGE_SIZE) {
			ctx_set(c, "List.next", last);
			break;
		}
		row = node_item(rows, n++);
		node_set(row, "id", last = db_str(&q, 0));
		node_set(row, "code", db_text(&q, 1));
		node_set(row, "title", db_text(&q, 2));
		node_set(row, "customer", db_text(&q, 3));
		node_set(row, "owner", db_text(&q, 4));
		total = money_cents(db_str(&q, 5));
		node_set(row, "total", money_format(c->arena, total));
		node_set(row, "outstanding", money_format(c->arena, total -
		    money_cents(db_str(&q, 6))));
		node_set(row, "status", db_text(&q, 7));
		node_set(row, "sign_date", db_text(&q, 8));
	}
	if (db_finish(&q) == DB_ERROR)
		return 500;
	ctx_set_int(c, "List.count", n);
	if (perm_scope(c, RT_CONTRACT, ACT_EXPORT) != SCOPE_NONE)
		ctx_set_int(c, "Can.export", 1);
	return http_page(c, "contracts/list.cs");
}
