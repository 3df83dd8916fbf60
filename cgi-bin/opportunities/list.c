/*
 * list.c - the opportunity list: filters by stage, owner and expected
 * close period, search by name or code, sorted by expected close date or
 * amount, keyset paging.
 *
 * One statement per sort order and direction, each a literal. Every
 * filter is "(? IS NULL OR ...)", which MariaDB folds away when the
 * value is NULL, so each execution is planned on the filters given; the
 * scope rule is the SQL form of perm_allows() and picks the owner's or
 * the team's index (sql/012_opportunities.sql).
 */
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "choice.h"
#include "ctx.h"
#include "db.h"
#include "form.h"
#include "http.h"
#include "money.h"
#include "owner.h"
#include "search.h"
#include "stagerule.h"
#include "str.h"
#include "opportunities.h"

#define PAGE_SIZE	50

#define LIST_SQL(k, arg, op, dir)						\
    "SELECT o.id, o.code, o.name, c.id, c.name, u.name, o.amount,"	\
    " o.expected_close, o.stage, o.probability,"			\
    " DATEDIFF(CURDATE(), o.stage_entered_at), " STALE_SQL("o")		\
    " FROM opportunity o"						\
    " STRAIGHT_JOIN customer c ON c.id = o.customer_id"		\
    " STRAIGHT_JOIN app_user u ON u.id = o.owner_id" STALE_JOIN("o")	\
    " WHERE o.deleted_at IS NULL"					\
    " AND (? = 3 OR (? = 2 AND o.team_id = ?) OR (? = 1 AND o.owner_id = ?))" \
    " AND (? IS NULL OR o.stage = ?)"					\
    " AND (? IS NULL OR o.owner_id = ?)"				\
    " AND (? IS NULL OR o.expected_close >= ?)"				\
    " AND (? IS NULL OR o.expected_close <= ?)"				\
    " AND (? IS NULL OR o.code LIKE ?)"					\
    " AND (? IS NULL OR o.name LIKE ?)"					\
    " AND (? IS NULL OR " k " " op " " arg				\
    " OR (" k " = " arg " AND o.id " op " ?))"				\
    " ORDER BY " k " " dir ", o.id " dir " LIMIT 51"

#define CLOSE_SQL(op, dir)	LIST_SQL("o.expected_close", "?", op, dir)
/* The amount cursor is compared as a decimal, not as a double. */
#define AMOUNT_SQL(op, dir)						\
    LIST_SQL("o.amount", "CAST(? AS DECIMAL(15,2))", op, dir)

enum sort { SORT_CLOSE, SORT_AMOUNT, SORT__MAX };

static const struct {
	const char	*name;		/* in the URL */
	unsigned	 cursor_col;	/* result column holding the key */
	const char	*sql[2];	/* [desc] */
} sorts[SORT__MAX] = {
	{ "close", 7, { CLOSE_SQL(">", "ASC"), CLOSE_SQL("<", "DESC") } },
	{ "amount", 6, { AMOUNT_SQL(">", "ASC"), AMOUNT_SQL("<", "DESC") } },
};

struct list_query {
	enum sort	 sort;
	int		 desc;
	const char	*stage, *close_from, *close_to;
	const char	*name_like, *code_like;
	long long	 owner;
	const char	*after_key;	/* keyset cursor, or NULL */
	long long	 after_id;
};

/* A cursor key is a date or an amount, as the sort says; else ignored. */
static int
cursor_ok(enum sort s, const char *key)
{
	return s == SORT_CLOSE ? form_date_ok(key) : money_cents(key) >= 0;
}

/* A date filter of the query string, when it is a date. */
static const char *
date_filter(struct ctx *c, const char *name)
{
	const char	*s = req_query(&c->req, name);

	if (s == NULL || !form_date_ok(s))
		return NULL;
	ctx_set(c, arena_printf(c->arena, "List.%s", name), s);
	return s;
}

static void
list_parse(struct ctx *c, struct list_query *lq)
{
	const char	*s, *after, *dot;
	int		 i;

	memset(lq, 0, sizeof(*lq));
	s = req_query(&c->req, "sort");
	for (i = 0; i < SORT__MAX; i++)
		if (s != NULL && strcmp(s, sorts[i].name) == 0)
			lq->sort = (enum sort)i;
	lq->desc = (s = req_query(&c->req, "dir")) != NULL &&
	    strcmp(s, "desc") == 0;
	ctx_set(c, "List.sort", sorts[lq->sort].name);
	ctx_set(c, "List.dir", lq->desc ? "desc" : "asc");
	if (!str_blank(s = req_query(&c->req, "q"))) {
		s = str_trim(c->arena, s);
		ctx_set(c, "List.q", s);
		/* A term that looks like a code searches codes by prefix. */
		if (strncasecmp(s, "SO", 2) == 0 && strspn(s + 2,
		    "0123456789") == strlen(s + 2))
			lq->code_like = search_prefix(c->arena, s);
		else
			lq->name_like = search_like(c->arena, s);
	}
	if (choice_valid(c, "opp_stage", s = req_query(&c->req, "stage"))) {
		lq->stage = s;
		ctx_set(c, "List.stage", s);
	}
	if ((lq->owner = str_to_id(req_query(&c->req, "owner"))) > 0)
		ctx_set_int(c, "List.owner", lq->owner);
	lq->close_from = date_filter(c, "from");
	lq->close_to = date_filter(c, "to");
	/* The cursor is "<key>.<id>": a date, or an amount with its point. */
	after = req_query(&c->req, "after");
	if (after != NULL && (dot = strrchr(after, '.')) != NULL &&
	    (lq->after_id = str_to_id(dot + 1)) > 0) {
		lq->after_key = arena_strndup(c->arena, after,
		    (size_t)(dot - after));
		if (!cursor_ok(lq->sort, lq->after_key)) {
			lq->after_key = NULL;
			lq->after_id = 0;
		}
	}
}

static void
bind_pair(struct dbq *q, unsigned *i, const char *v)
{
	db_bind_text(q, (*i)++, v);
	db_bind_text(q, (*i)++, v);
}

static int
list_run(struct ctx *c, const struct list_query *lq)
{
	struct dbq	 q;
	enum scope	 s = list_scope(c, ACT_VIEW);
	unsigned	 i = 0;
	int		 n = 0;
	const char	*last_key = NULL, *last_id = NULL;
	HDF		*rows = ctx_node(c, "Rows"), *row;

	if (db_prepare(&q, c->db, c->arena, sorts[lq->sort].sql[lq->desc]) ==
	    -1)
		return 500;
	db_bind_int(&q, i++, s);
	db_bind_int(&q, i++, s);
	db_bind_int(&q, i++, c->user->team_id);
	db_bind_int(&q, i++, s);
	db_bind_int(&q, i++, c->user->id);
	bind_pair(&q, &i, lq->stage);
	if (lq->owner > 0) {
		db_bind_int(&q, i++, lq->owner);
		db_bind_int(&q, i++, lq->owner);
	} else {
		db_bind_null(&q, i++);
		db_bind_null(&q, i++);
	}
	bind_pair(&q, &i, lq->close_from);
	bind_pair(&q, &i, lq->close_to);
	bind_pair(&q, &i, lq->code_like);
	bind_pair(&q, &i, lq->name_like);
	if (lq->after_key != NULL) {
		db_bind_int(&q, i++, lq->after_id);
		db_bind_text(&q, i++, lq->after_key);
		db_bind_text(&q, i++, lq->after_key);
		db_bind_int(&q, i++, lq->after_id);
	} else {
		db_bind_null(&q, i++);
		db_bind_null(&q, i++);
		db_bind_null(&q, i++);
		db_bind_null(&q, i++);
	}
	while (db_step(&q) == DB_ROW) {
		if (n == PAGE_SIZE) {
			ctx_setf(c, "List.next", "%s.%s", last_key, last_id);
			break;
		}
		row = node_item(rows, n++);
		node_set(row, "id", db_text(&q, 0));
		node_set(row, "code", db_text(&q, 1));
		node_set(row, "name", db_text(&q, 2));
		node_set(row, "customer_id", db_text(&q, 3));
		node_set(row, "customer", db_text(&q, 4));
		node_set(row, "owner", db_text(&q, 5));
		node_set(row, "amount", money_format(c->arena,
		    money_cents(db_str(&q, 6))));
		node_set(row, "expected_close", db_text(&q, 7));
		node_set(row, "stage", choice_label(c, "opp_stage",
		    db_text(&q, 8)));
		node_set(row, "probability", db_text(&q, 9));
		node_set(row, "days", db_text(&q, 10));
		node_set_int(row, "stale", db_int(&q, 11));
		last_key = db_str(&q, sorts[lq->sort].cursor_col);
		last_id = db_str(&q, 0);
	}
	if (db_finish(&q) == DB_ERROR)
		return 500;
	ctx_set_int(c, "List.count", n);
	return 0;
}

int
opp_list(struct ctx *c)
{
	struct list_query	lq;
	int			rc;

	if (choice_load(c) == -1 || owner_choices(c, RT_OPPORTUNITY) == -1)
		return 500;
	list_parse(c, &lq);
	if (lq.after_key != NULL)
		ctx_set_int(c, "List.paged", 1);
	if ((rc = list_run(c, &lq)) != 0)
		return rc;
	if (perm_scope(c, RT_OPPORTUNITY, ACT_CREATE) != SCOPE_NONE)
		ctx_set_int(c, "Can.create", 1);
	if (perm_scope(c, RT_CONTRACT, ACT_VIEW) != SCOPE_NONE)
		ctx_set_int(c, "Can.contracts", 1);
	return http_page(c, "opportunities/list.cs");
}
