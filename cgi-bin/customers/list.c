/*
 * list.c - the customer list: filters, sorting, keyset paging and search
 * by name, code or mobile number.
 *
 * One statement per sort order and direction, each a literal. Every
 * filter is "(? IS NULL OR ...)": MariaDB folds the bound NULLs away, so
 * each execution is planned on the conditions really present. The scope
 * rule is the SQL form of perm_allows().
 */
#include <stddef.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "choice.h"
#include "ctx.h"
#include "db.h"
#include "http.h"
#include "owner.h"
#include "search.h"
#include "str.h"
#include "token.h"
#include "customers.h"

#define PAGE_SIZE	50

#define LIST_COLS							\
    "SELECT c.id, c.code, c.name, c.industry, c.grade, u.name,"		\
    " DATE_FORMAT(c.last_followup_at, '%Y-%m-%d %H:%i'),"		\
    " HEX(c.name_sort), c.created_at"
#define LIST_FROM							\
    " FROM customer c JOIN app_user u ON u.id = c.owner_id"

/* A name search reads one token's rows in name order, then the customer. */
#define LIST_FROM_TOKEN							\
    " FROM customer_token t"						\
    " STRAIGHT_JOIN customer c ON c.id = t.customer_id"		\
    " STRAIGHT_JOIN app_user u ON u.id = c.owner_id"
#define LIST_WHERE							\
    " WHERE c.deleted_at IS NULL"					\
    " AND (? = 3 OR (? = 2 AND c.team_id = ?) OR (? = 1 AND c.owner_id = ?))" \
    " AND (? IS NULL OR c.industry = ?)"				\
    " AND (? IS NULL OR c.grade = ?)"					\
    " AND (? IS NULL OR c.owner_id = ?)"				\
    " AND (? IS NULL OR c.code LIKE ?)"					\
    " AND (? IS NULL OR c.name LIKE ?)"

/* Each search kind its own statement: a semi-join or an index range is
 * only planned as such outside an OR. */
#define LIST_MOBILE							\
    " AND c.id IN (SELECT customer_id FROM contact WHERE mobile LIKE ?)"
#define LIST_TOKEN_IS		" AND t.token = ?"
#define LIST_TOKEN_LIKE		" AND t.token LIKE ?"
#define LIST_AFTER(k, id, op)						\
    " AND (? IS NULL OR " k " " op " ? OR (" k " = ? AND " id " " op " ?))"
#define LIST_ORDER(k, id, dir)						\
    " ORDER BY " k " " dir ", " id " " dir " LIMIT 51"
#define LIST_SQL(from, m, k, id, op, dir)				\
    LIST_COLS from LIST_WHERE m LIST_AFTER(k, id, op) LIST_ORDER(k, id, dir)
#define LIST_PLAIN(m, k, op, dir)	LIST_SQL(LIST_FROM, m, k, "c.id", op, dir)
#define LIST_TOKEN(m, op, dir)						\
    LIST_SQL(LIST_FROM_TOKEN, m, "t.name_sort", "t.customer_id", op, dir)

enum sort { SORT_NAME, SORT_CODE, SORT_CREATED, SORT__MAX };

/* A name search (SEARCH_TOKEN) is always in name order. */
enum search { SEARCH_NONE, SEARCH_MOBILE, SEARCH_TOKEN };

#define LIST_SORTS(k)							\
	{ { LIST_PLAIN("", k, ">", "ASC"), LIST_PLAIN("", k, "<", "DESC") }, \
	  { LIST_PLAIN(LIST_MOBILE, k, ">", "ASC"),			\
	    LIST_PLAIN(LIST_MOBILE, k, "<", "DESC") } }

static const struct {
	const char	*name;		/* in the URL */
	unsigned	 cursor_col;	/* result column holding the key */
	const char	*sql[2][2];	/* [SEARCH_NONE or _MOBILE][desc] */
} sorts[SORT__MAX] = {
	{ "name", 7, LIST_SORTS("c.name_sort") },
	{ "code", 1, LIST_SORTS("c.code") },
	{ "created", 8, LIST_SORTS("c.created_at") },
};

static const char *const token_sql[2][2] = {	/* [prefix][desc] */
	{ LIST_TOKEN(LIST_TOKEN_IS, ">", "ASC"),
	  LIST_TOKEN(LIST_TOKEN_IS, "<", "DESC") },
	{ LIST_TOKEN(LIST_TOKEN_LIKE, ">", "ASC"),
	  LIST_TOKEN(LIST_TOKEN_LIKE, "<", "DESC") },
};

/*
 * The distinct tokens a prefix stands for, read by a loose index scan: one
 * alone can be read in name order like any exact token.
 */
static const char sql_token_expand[] =
    "SELECT DISTINCT token FROM customer_token WHERE token LIKE ? LIMIT 2";

/* How many rows a token has, counted no further than a page needs to know. */
static const char *const sql_token_rows[2] = {
	"SELECT COUNT(*) FROM (SELECT 1 FROM customer_token"
	" WHERE token = ? LIMIT 20000) x",
	"SELECT COUNT(*) FROM (SELECT 1 FROM customer_token"
	" WHERE token LIKE ? LIMIT 20000) x",
};

struct list_query {
	enum sort	 sort;
	int		 desc;
	enum search	 search;
	const char	*search_arg;	/* token or mobile prefix */
	int		 token_prefix;	/* search_arg is a LIKE prefix */
	const char	*name_like, *code_like;
	const char	*industry, *grade;
	long long	 owner;
	const char	*after_key;	/* keyset cursor, or NULL */
	long long	 after_id;
};

/*
 * A prefix token that stands for exactly one token becomes that token; 0
 * rows when it stands for none.
 */
static void
token_narrow(struct ctx *c, struct search_token *t, const char **arg)
{
	struct dbq	 q;
	const char	*only = NULL;
	int		 n = 0;

	if (!t->prefix || db_prepare(&q, c->db, c->arena, sql_token_expand) ==
	    -1)
		return;
	db_bind_text(&q, 0, *arg);
	while (db_step(&q) == DB_ROW && n++ == 0)
		only = db_str(&q, 0);
	db_finish(&q);
	if (n == 1) {
		t->prefix = 0;
		*arg = only;
	}
}

/*
 * Drive a name search by the query token with the fewest rows; LIKE on
 * the name confirms the whole term. Without a token (one CJK character)
 * the LIKE alone filters a scan in name order.
 */
static void
list_token(struct ctx *c, const char *q, struct list_query *lq)
{
	struct search_token	 t[SEARCH_MAX_TOKENS];
	size_t			 i, n = search_query(c->arena, q, t);
	long long		 rows, best = -1;
	const char		*arg;

	for (i = 0; i < n; i++) {
		arg = t[i].prefix ? search_prefix(c->arena, t[i].text) :
		    t[i].text;
		token_narrow(c, &t[i], &arg);
		rows = n == 1 ? 0 : db_int_query(c->db, c->arena,
		    sql_token_rows[t[i].prefix], 0, "s", arg);
		if (best >= 0 && rows >= best)
			continue;
		best = rows;
		lq->search = SEARCH_TOKEN;
		lq->search_arg = arg;
		lq->token_prefix = t[i].prefix;
	}
}

/* Decide what kind of term q is: a code, a mobile number or a name. */
static void
list_term(struct ctx *c, const char *q, struct list_query *lq)
{
	const char	*mobile = q + (str_prefix(q, "+86") ? 3 : 0);
	size_t		 digits = strspn(mobile, "0123456789");

	if (strncasecmp(q, "CRM", 3) == 0)
		lq->code_like = search_prefix(c->arena, q);
	else if (digits >= 4 && mobile[digits] == '\0') {
		lq->search = SEARCH_MOBILE;
		lq->search_arg = search_prefix(c->arena, mobile);
	} else {
		lq->name_like = search_like(c->arena, q);
		list_token(c, q, lq);
	}
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
		list_term(c, s, lq);
		if (lq->search == SEARCH_TOKEN) {
			lq->sort = SORT_NAME;
			ctx_set(c, "List.sort", sorts[SORT_NAME].name);
		}
	}
	if (choice_valid(c, "industry", s = req_query(&c->req, "industry"))) {
		lq->industry = s;
		ctx_set(c, "List.industry", s);
	}
	if (choice_valid(c, "grade", s = req_query(&c->req, "grade"))) {
		lq->grade = s;
		ctx_set(c, "List.grade", s);
	}
	if ((lq->owner = str_to_id(req_query(&c->req, "owner"))) > 0)
		ctx_set_int(c, "List.owner", lq->owner);
	/* The cursor is "<key>.<id>"; the key is hex for the name sort. */
	after = req_query(&c->req, "after");
	if (after != NULL && (dot = strrchr(after, '.')) != NULL &&
	    (lq->after_id = str_to_id(dot + 1)) > 0) {
		lq->after_key = arena_strndup(c->arena, after,
		    (size_t)(dot - after));
		if (lq->sort == SORT_NAME) {
			size_t	 n = strlen(lq->after_key) / 2;
			char	*raw = arena_alloc(c->arena, n + 1);

			if (token_unhex(lq->after_key, raw, n) == -1) {
				lq->after_key = NULL;
				lq->after_id = 0;
			} else
				lq->after_key = raw;
		}
	}
}

static void
bind_pair_text(struct dbq *q, unsigned *i, const char *v)
{
	db_bind_text(q, (*i)++, v);
	db_bind_text(q, (*i)++, v);
}

static int
list_run(struct ctx *c, const struct list_query *lq)
{
	struct dbq	 q;
	enum scope	 s = perm_scope(c, RT_CUSTOMER, ACT_VIEW);
	unsigned	 i = 0;
	int		 n = 0;
	const char	*sql, *last_key = NULL, *last_id = NULL;
	HDF		*rows = ctx_node(c, "Rows"), *row;

	/* Team scope without a team is the user's own records. */
	if (s == SCOPE_TEAM && c->user->team_id == 0)
		s = SCOPE_OWN;
	if (lq->search == SEARCH_TOKEN)
		sql = token_sql[lq->token_prefix][lq->desc];
	else
		sql = sorts[lq->sort].sql[lq->search][lq->desc];
	if (db_prepare(&q, c->db, c->arena, sql) == -1)
		return 500;
	db_bind_int(&q, i++, s);
	db_bind_int(&q, i++, s);
	db_bind_int(&q, i++, c->user->team_id);
	db_bind_int(&q, i++, s);
	db_bind_int(&q, i++, c->user->id);
	bind_pair_text(&q, &i, lq->industry);
	bind_pair_text(&q, &i, lq->grade);
	if (lq->owner > 0) {
		db_bind_int(&q, i++, lq->owner);
		db_bind_int(&q, i++, lq->owner);
	} else {
		db_bind_null(&q, i++);
		db_bind_null(&q, i++);
	}
	bind_pair_text(&q, &i, lq->code_like);
	bind_pair_text(&q, &i, lq->name_like);
	if (lq->search != SEARCH_NONE)
		db_bind_text(&q, i++, lq->search_arg);
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
		node_set(row, "industry", choice_label(c, "industry",
		    db_text(&q, 3)));
		node_set(row, "grade", choice_label(c, "grade", db_text(&q, 4)));
		node_set(row, "owner", db_text(&q, 5));
		node_set(row, "last_followup", db_text(&q, 6));
		node_set(row, "created", db_text(&q, 8));
		last_key = db_str(&q, sorts[lq->sort].cursor_col);
		last_id = db_str(&q, 0);
	}
	if (db_finish(&q) == DB_ERROR)
		return 500;
	ctx_set_int(c, "List.count", n);
	return 0;
}

int
customer_list(struct ctx *c)
{
	struct list_query	lq;
	int			rc;

	if (choice_load(c) == -1 || owner_choices(c, RT_CUSTOMER) == -1)
		return 500;
	list_parse(c, &lq);
	if (lq.after_key != NULL)
		ctx_set_int(c, "List.paged", 1);
	if ((rc = list_run(c, &lq)) != 0)
		return rc;
	if (perm_scope(c, RT_CUSTOMER, ACT_CREATE) != SCOPE_NONE)
		ctx_set_int(c, "Can.create", 1);
	return http_page(c, "customers/list.cs");
}
