/*
 * customers.c - the customer profile: list and search, detail, create,
 * edit, soft delete, and the contacts, follow-ups and orders on it.
 *
 * Access: the route table checks that the user has the action at all; each
 * handler then loads the record and checks its owner and team against the
 * user's scope (perm_allows), answering 404 for a record out of scope so
 * that its existence does not leak. Lists apply the same scope in SQL.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "arena.h"
#include "audit.h"
#include "choice.h"
#include "ctx.h"
#include "db.h"
#include "form.h"
#include "http.h"
#include "log.h"
#include "route.h"
#include "sealed.h"
#include "search.h"
#include "server.h"
#include "sortkey.h"
#include "str.h"
#include "token.h"

#define PAGE_SIZE	50
#define NFIELDS(a)	(sizeof(a) / sizeof((a)[0]))

/* The customer fields a user edits; the key contact comes with a new one. */
static const struct field customer_fields[] = {
	{ "name", FT_TEXT, FIELD_REQUIRED, 200, NULL, 0, 0 },
	{ "industry", FT_CHOICE, FIELD_REQUIRED, 0, "industry", 0, 0 },
	{ "grade", FT_CHOICE, FIELD_REQUIRED, 0, "grade", 0, 0 },
	{ "address", FT_TEXT, 0, 300, NULL, 0, 0 },
	{ "products", FT_MULTI, 0, 0, "product", 0, 0 },
	{ "budget", FT_CHOICE, 0, 0, "budget", 0, 0 },
	{ "purchase_date", FT_DATE, 0, 0, NULL, 0, 0 },
	{ "satisfaction", FT_CHOICE, 0, 0, "satisfaction", 0, 0 },
};

static const struct field contact_fields[] = {
	{ "contact_name", FT_TEXT, FIELD_REQUIRED, 100, NULL, 0, 0 },
	{ "contact_title", FT_TEXT, 0, 100, NULL, 0, 0 },
	{ "contact_mobile", FT_MOBILE, FIELD_REQUIRED, 20, NULL, 0, 0 },
	{ "contact_email", FT_EMAIL, 0, 254, NULL, 0, 0 },
	{ "contact_key", FT_INT, 0, 0, NULL, 0, 1 },
	{ "contact_preferences", FT_LONGTEXT, 0, 2000, NULL, 0, 0 },
};

static const struct field followup_fields[] = {
	{ "fu_at", FT_DATETIME, FIELD_REQUIRED, 0, NULL, 0, 0 },
	{ "fu_method", FT_CHOICE, FIELD_REQUIRED, 0, "followup_method", 0, 0 },
	{ "fu_content", FT_LONGTEXT, FIELD_REQUIRED, 5000, NULL, 0, 0 },
	{ "fu_action", FT_CHOICE, FIELD_REQUIRED, 0, "next_action", 0, 0 },
	{ "fu_due", FT_DATE, FIELD_REQUIRED, 0, NULL, 0, 0 },
};

static const struct field order_fields[] = {
	{ "order_date", FT_DATE, FIELD_REQUIRED, 0, NULL, 0, 0 },
	{ "order_amount", FT_MONEY, FIELD_REQUIRED, 20, NULL, 0, 0 },
	{ "order_margin", FT_PERCENT, 0, 8, NULL, 0, 0 },
	{ "order_note", FT_TEXT, 0, 300, NULL, 0, 0 },
};

/*
 * The list: one statement per sort order and direction, each a literal.
 * Every filter is "(? IS NULL OR ...)": MariaDB folds the bound NULLs
 * away, so each execution is planned on the conditions really present.
 * The scope rule is the SQL form of perm_allows().
 */
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

static const char sql_owner_choices[] =
    "SELECT u.id, u.name FROM app_user u WHERE u.active = 1"
    " AND (? = 3 OR (? = 2 AND u.team_id = ?) OR u.id = ?)"
    " ORDER BY u.name LIMIT 500";
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
static const char sql_serial_next[] =
    "INSERT INTO code_serial (prefix, period, last) VALUES (?, ?, 1)"
    " ON DUPLICATE KEY UPDATE last = LAST_INSERT_ID(last + 1)";
static const char sql_user_team[] =
    "SELECT COALESCE(team_id, 0) FROM app_user WHERE id = ? AND active = 1";
/* The budget range is sealed and written on its own (sealed.h). */
static const char sql_customer_insert[] =
    "INSERT INTO customer (code, name, name_sort, industry, grade, owner_id,"
    " team_id, address, purchase_date, satisfaction)"
    " VALUES (?, ?, ?, ?, ?, ?, NULLIF(?, 0), ?, ?, ?)";
static const char sql_customer_update[] =
    "UPDATE customer SET name = ?, name_sort = ?, industry = ?, grade = ?,"
    " owner_id = ?, team_id = NULLIF(?, 0), address = ?,"
    " purchase_date = ?, satisfaction = ?,"
    " version = version + 1, updated_at = NOW()"
    " WHERE id = ? AND version = ? AND deleted_at IS NULL";
static const char sql_customer_delete[] =
    "UPDATE customer SET deleted_at = NOW(), version = version + 1"
    " WHERE id = ? AND deleted_at IS NULL";
static const char sql_needs_clear[] =
    "DELETE FROM customer_need WHERE customer_id = ?";
static const char sql_need_insert[] =
    "INSERT INTO customer_need (customer_id, product) VALUES (?, ?)";
static const char sql_contacts[] =
    "SELECT id, name, title, mobile, email, is_key, preferences FROM contact"
    " WHERE customer_id = ? ORDER BY is_key DESC, id LIMIT 200";
static const char sql_contact_get[] =
    "SELECT id, name, mobile, is_key, title, email, preferences FROM contact"
    " WHERE id = ? AND customer_id = ?";
static const char sql_contact_update[] =
    "UPDATE contact SET name = ?, title = ?, mobile = ?, email = ?"
    " WHERE id = ? AND customer_id = ?";
static const char sql_contact_insert[] =
    "INSERT INTO contact (customer_id, name, title, mobile, email, is_key)"
    " VALUES (?, ?, ?, ?, ?, ?)";
static const char sql_contact_unkey[] =
    "UPDATE contact SET is_key = 0 WHERE customer_id = ? AND is_key = 1";
static const char sql_contact_key[] =
    "UPDATE contact SET is_key = 1 WHERE id = ? AND customer_id = ?";
static const char sql_contact_delete[] =
    "DELETE FROM contact WHERE id = ? AND customer_id = ?";
static const char sql_followups[] =
    "SELECT f.id, DATE_FORMAT(f.at, '%Y-%m-%d %H:%i'), f.method, f.content,"
    " f.next_action, f.due_date, f.done, u.name"
    " FROM followup f JOIN app_user u ON u.id = f.author_id"
    " WHERE f.customer_id = ? ORDER BY f.at DESC, f.id DESC LIMIT 50";
static const char sql_followup_insert[] =
    "INSERT INTO followup (customer_id, author_id, at, method, content,"
    " next_action, due_date) VALUES (?, ?, ?, ?, ?, ?, ?)";
static const char sql_followups_close[] =
    "UPDATE followup SET done = 1 WHERE customer_id = ? AND done = 0";
static const char sql_followup_done[] =
    "UPDATE followup SET done = 1 WHERE id = ? AND customer_id = ? AND done = 0";
static const char sql_customer_followed[] =
    "UPDATE customer SET last_followup_at ="
    " GREATEST(COALESCE(last_followup_at, ?), ?) WHERE id = ?";
static const char sql_orders[] =
    "SELECT id, order_date, amount, margin, note FROM customer_order"
    " WHERE customer_id = ? ORDER BY order_date DESC, id DESC LIMIT 50";
static const char sql_order_insert[] =
    "INSERT INTO customer_order (customer_id, order_date, amount, margin,"
    " note, created_by) VALUES (?, ?, ?, ?, ?, ?)";
static const char sql_customer_ordered[] =
    "UPDATE customer SET order_count = order_count + 1,"
    " order_total = order_total + ? WHERE id = ?";
static const char sql_history[] =
    "SELECT DATE_FORMAT(a.at, '%Y-%m-%d %H:%i:%s'), COALESCE(u.name, '-'),"
    " a.action, a.field, a.old_value, a.new_value"
    " FROM audit_log a LEFT JOIN app_user u ON u.id = a.user_id"
    " WHERE a.record_type = 'customer' AND a.record_id = ?"
    " ORDER BY a.id DESC LIMIT 100";

/* A customer as loaded for a check or a page. */
struct customer {
	long long	 id;
	const char	*code, *name, *industry, *grade, *owner_name;
	const char	*address, *budget, *purchase_date, *satisfaction;
	const char	*order_count, *order_total, *order_avg, *last_followup;
	const char	*created, *products;
	long long	 owner_id, team_id, version;
};

/* Load customer ids[0] if the user may do act on it; else 404 (or 500). */
static int
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
static int
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
static int
owner_allowed(struct ctx *c, long long owner, long long *team)
{
	*team = db_int_query(c->db, c->arena, sql_user_team, -1, "i", owner);
	if (*team < 0)
		return 0;
	return perm_allows(c, RT_CUSTOMER, ACT_ASSIGN, owner, *team);
}

/* --- list ------------------------------------------------------------ */

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
 * Drive a name search by the query token with the fewest rows; LIKE on
 * the name confirms the whole term. Without a token (one CJK character)
 * the LIKE alone filters a scan in name order.
 */
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

static int
customer_list(struct ctx *c)
{
	struct list_query	lq;
	int			rc;

	if (choice_load(c) == -1 || owner_choices(c) == -1)
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

/* --- detail ---------------------------------------------------------- */

static void
customer_to_hdf(struct ctx *c, const struct customer *cu)
{
	ctx_set_int(c, "Customer.id", cu->id);
	ctx_set(c, "Customer.code", cu->code);
	ctx_set(c, "Customer.name", cu->name);
	ctx_set(c, "Customer.industry", choice_label(c, "industry",
	    cu->industry));
	ctx_set(c, "Customer.grade", choice_label(c, "grade", cu->grade));
	ctx_set(c, "Customer.owner", cu->owner_name);
	ctx_set(c, "Customer.address", cu->address);
	ctx_set(c, "Customer.budget", choice_label(c, "budget", cu->budget));
	ctx_set(c, "Customer.purchase_date", cu->purchase_date);
	ctx_set(c, "Customer.satisfaction", choice_label(c, "satisfaction",
	    cu->satisfaction));
	ctx_set(c, "Customer.order_count", cu->order_count);
	ctx_set(c, "Customer.order_total", cu->order_total);
	ctx_set(c, "Customer.order_avg", cu->order_avg);
	ctx_set(c, "Customer.last_followup", cu->last_followup);
	ctx_set(c, "Customer.created", cu->created);
	ctx_set_int(c, "Customer.version", cu->version);
}

/* The products a customer needs, as labels. */
static void
products_to_hdf(struct ctx *c, const char *products)
{
	char	*list, *code, *save = NULL;
	int	 n = 0;

	list = arena_strdup(c->arena, products);
	for (code = strtok_r(list, ",", &save); code != NULL;
	    code = strtok_r(NULL, ",", &save))
		ctx_set(c, arena_printf(c->arena, "Customer.products.%d",
		    n++), choice_label(c, "product", code));
}

/* The sealed column of a row query whose column 0 is the row's id. */
struct row_sealed {
	unsigned		 col;
	enum sealed_column	 what;
};

/*
 * Run a one-id query and put each row into prefix.N.<names[i]>, opening
 * the sealed column if there is one.
 */
static int
rows_to_hdf(struct ctx *c, const char *sql, long long id, const char *prefix,
    const char *const *names, size_t ncols, const struct row_sealed *sealed)
{
	struct dbq	 q;
	size_t		 i;
	int		 n = 0;
	HDF		*rows = ctx_node(c, prefix), *row;

	if (db_prepare(&q, c->db, c->arena, sql) == -1)
		return -1;
	db_bind_int(&q, 0, id);
	while (db_step(&q) == DB_ROW) {
		row = node_item(rows, n++);
		for (i = 0; i < ncols; i++)
			node_set(row, names[i], sealed != NULL &&
			    sealed->col == i ? sealed_read(c->arena,
			    sealed->what, db_int(&q, 0), &q, sealed->col) :
			    db_text(&q, (unsigned)i));
	}
	return db_finish(&q) == DB_ERROR ? -1 : 0;
}

/* Replace choice codes in prefix.N.field by their labels. */
static void
label_rows(struct ctx *c, const char *prefix, const char *field,
    const char *list)
{
	HDF		*row;
	const char	*code;

	for (row = hdf_get_child(c->hdf, prefix); row != NULL;
	    row = hdf_obj_next(row)) {
		code = hdf_get_value(row, field, NULL);
		if (code != NULL)
			hdf_set_value(row, field, choice_label(c, list, code));
	}
}

static const char *const contact_cols[] = {
	"id", "name", "title", "mobile", "email", "is_key", "preferences"
};
static const struct row_sealed contact_sealed = {
	6, SEALED_CONTACT_PREFERENCES
};
static const char *const followup_cols[] = {
	"id", "at", "method", "content", "action", "due", "done", "author"
};
static const char *const order_cols[] = {
	"id", "date", "amount", "margin", "note"
};
static const char *const history_cols[] = {
	"at", "user", "action", "field", "old", "new"
};

/* Everything the detail page shows; forms keep what Form.* holds. */
static int
detail_render(struct ctx *c, const struct customer *cu)
{
	long long	owner = cu->owner_id, team = cu->team_id;

	customer_to_hdf(c, cu);
	products_to_hdf(c, cu->products);
	if (perm_allows(c, RT_CONTACT, ACT_VIEW, owner, team) &&
	    rows_to_hdf(c, sql_contacts, cu->id, "Contacts", contact_cols,
	    NFIELDS(contact_cols), &contact_sealed) == -1)
		return 500;
	if (perm_allows(c, RT_FOLLOWUP, ACT_VIEW, owner, team)) {
		if (rows_to_hdf(c, sql_followups, cu->id, "Followups",
		    followup_cols, NFIELDS(followup_cols), NULL) == -1)
			return 500;
		label_rows(c, "Followups", "method", "followup_method");
		label_rows(c, "Followups", "action", "next_action");
	}
	if (perm_allows(c, RT_ORDER, ACT_VIEW, owner, team) &&
	    rows_to_hdf(c, sql_orders, cu->id, "Orders", order_cols,
	    NFIELDS(order_cols), NULL) == -1)
		return 500;
	if (rows_to_hdf(c, sql_history, cu->id, "History", history_cols,
	    NFIELDS(history_cols), NULL) == -1)
		return 500;
	ctx_set_int(c, "Can.edit", perm_allows(c, RT_CUSTOMER, ACT_EDIT,
	    owner, team));
	ctx_set_int(c, "Can.delete", perm_allows(c, RT_CUSTOMER, ACT_DELETE,
	    owner, team));
	ctx_set_int(c, "Can.contact_create", perm_allows(c, RT_CONTACT,
	    ACT_CREATE, owner, team));
	ctx_set_int(c, "Can.contact_edit", perm_allows(c, RT_CONTACT,
	    ACT_EDIT, owner, team));
	ctx_set_int(c, "Can.contact_delete", perm_allows(c, RT_CONTACT,
	    ACT_DELETE, owner, team));
	ctx_set_int(c, "Can.followup_create", perm_allows(c, RT_FOLLOWUP,
	    ACT_CREATE, owner, team));
	ctx_set_int(c, "Can.followup_edit", perm_allows(c, RT_FOLLOWUP,
	    ACT_EDIT, owner, team));
	ctx_set_int(c, "Can.order_create", perm_allows(c, RT_ORDER,
	    ACT_CREATE, owner, team));
	if (hdf_get_obj(c->hdf, "Form.fu_at") == NULL) {
		time_t		now = time(NULL);
		struct tm	tm;
		char		stamp[32];

		localtime_r(&now, &tm);
		strftime(stamp, sizeof(stamp), "%Y-%m-%dT%H:%M", &tm);
		form_fill(c, "fu_at", stamp);
	}
	return http_page(c, "customers/detail.cs");
}

static int
customer_detail(struct ctx *c)
{
	struct customer	cu;
	int		rc;

	if (choice_load(c) == -1)
		return 500;
	if ((rc = customer_load(c, RT_CUSTOMER, ACT_VIEW, &cu)) != 0)
		return rc;
	return detail_render(c, &cu);
}

/* Re-show the detail page with a sub-form's errors beside its fields. */
static int
detail_invalid(struct ctx *c, const struct customer *cu)
{
	c->status = 422;
	return detail_render(c, cu);
}

/* --- create and edit ------------------------------------------------- */

static int
form_page(struct ctx *c, const char *tmpl)
{
	if (choice_load(c) == -1 || owner_choices(c) == -1)
		return 500;
	return http_page(c, tmpl);
}

static int
customer_new(struct ctx *c)
{
	form_fill(c, "grade", "potential");
	ctx_set_int(c, "Form.owner", c->user->id);
	return form_page(c, "customers/new.cs");
}

/*
 * The owner: the form's choice when the user may assign (only then is the
 * field on the form), else the current one; a POSTed owner is ignored.
 */
static int
pick_owner(struct ctx *c, struct form *f, long long current,
    long long *owner, long long *team)
{
	const char	*v = req_form(&c->req, "owner");

	*owner = current;
	if (v == NULL || perm_scope(c, RT_CUSTOMER, ACT_ASSIGN) == SCOPE_NONE) {
		*team = db_int_query(c->db, c->arena, sql_user_team, 0, "i",
		    *owner);
		return 0;
	}
	*owner = str_to_id(v);
	form_fill(c, "owner", v);
	if (!owner_allowed(c, *owner, team)) {
		form_error(c, f, "owner", "form.bad_choice");
		return -1;
	}
	return 0;
}

static int
needs_save(struct ctx *c, long long id, const char *products)
{
	char	*list, *code, *save = NULL;

	if (db_exec(c->db, c->arena, sql_needs_clear, "i", id) < 0)
		return -1;
	if (products == NULL)
		return 0;
	list = arena_strdup(c->arena, products);
	for (code = strtok_r(list, ",", &save); code != NULL;
	    code = strtok_r(NULL, ",", &save))
		if (db_exec(c->db, c->arena, sql_need_insert, "is", id,
		    code) < 0)
			return -1;
	return 0;
}

/* Hand out the next code of this year; the row stays locked until commit,
 * so two simultaneous creates can never get the same serial. */
static const char *
next_code(struct ctx *c)
{
	struct dbq	 q;
	char		 year[8];
	time_t		 now = time(NULL);
	struct tm	 tm;
	long long	 serial;

	localtime_r(&now, &tm);
	strftime(year, sizeof(year), "%Y", &tm);
	if (db_prepare(&q, c->db, c->arena, sql_serial_next) == -1)
		return NULL;
	db_bind_text(&q, 0, "CRM");
	db_bind_text(&q, 1, year);
	if (db_step(&q) == DB_ERROR) {
		db_finish(&q);
		return NULL;
	}
	serial = db_affected(&q) == 1 ? 1 : db_insert_id(&q);
	db_finish(&q);
	return arena_printf(c->arena, "CRM%s%03lld", year, serial);
}

static long long
contact_insert(struct ctx *c, long long customer, struct form *f, int key)
{
	struct dbq	q;
	long long	id;

	if (db_prepare(&q, c->db, c->arena, sql_contact_insert) == -1)
		return -1;
	db_bind_int(&q, 0, customer);
	db_bind_text(&q, 1, form_value(f, "contact_name"));
	db_bind_text(&q, 2, form_value(f, "contact_title"));
	db_bind_text(&q, 3, form_value(f, "contact_mobile"));
	db_bind_text(&q, 4, form_value(f, "contact_email"));
	db_bind_int(&q, 5, key);
	db_step(&q);
	id = db_insert_id(&q);
	if (db_finish(&q) == DB_ERROR) {
		if (db_last_was_duplicate(c->db))
			form_error(c, f, "contact_mobile", "contact.mobile_taken");
		return -1;
	}
	if (sealed_write(c->db, c->arena, SEALED_CONTACT_PREFERENCES, id,
	    form_value(f, "contact_preferences")) == -1)
		return -1;
	return id;
}

/* Bind the editable customer columns shared by insert and update. */
static void
bind_customer(struct dbq *q, unsigned *i, struct ctx *c, struct form *f)
{
	const char	*name = form_value(f, "name");
	size_t		 klen;
	const char	*key = sortkey(c->arena, name, &klen);

	db_bind_text(q, (*i)++, name);
	db_bind_blob(q, (*i)++, key, klen);
	db_bind_text(q, (*i)++, form_value(f, "industry"));
	db_bind_text(q, (*i)++, form_value(f, "grade"));
}

static int
customer_create(struct ctx *c)
{
	struct form	 f, fc;
	struct dbq	 q;
	const char	*code;
	long long	 id, owner, team;
	unsigned	 i = 0;

	form_read(c, customer_fields, NFIELDS(customer_fields), &f);
	form_read(c, contact_fields, NFIELDS(contact_fields), &fc);
	if (pick_owner(c, &f, c->user->id, &owner, &team) == -1 ||
	    f.nerrors + fc.nerrors > 0)
		goto invalid;
	if (db_begin(c->db) == -1 || (code = next_code(c)) == NULL ||
	    db_prepare(&q, c->db, c->arena, sql_customer_insert) == -1)
		return 500;
	db_bind_text(&q, i++, code);
	bind_customer(&q, &i, c, &f);
	db_bind_int(&q, i++, owner);
	db_bind_int(&q, i++, team);
	db_bind_text(&q, i++, form_value(&f, "address"));
	db_bind_text(&q, i++, form_value(&f, "purchase_date"));
	db_bind_text(&q, i++, form_value(&f, "satisfaction"));
	db_step(&q);
	id = db_insert_id(&q);
	if (db_finish(&q) == DB_ERROR ||
	    sealed_write(c->db, c->arena, SEALED_CUSTOMER_BUDGET, id,
	    form_value(&f, "budget")) == -1 ||
	    search_index(c->db, c->arena, id, form_value(&f, "name")) == -1)
		return 500;
	if (contact_insert(c, id, &fc, 1) == -1) {
		db_rollback(c->db);
		if (fc.nerrors)
			goto invalid;
		return 500;
	}
	if (needs_save(c, id, form_value(&f, "products")) == -1 ||
	    audit_log(c, "create", "customer", id, "code", NULL, code) == -1 ||
	    db_commit(c->db) == -1)
		return 500;
	return http_redirect(c, arena_printf(c->arena, "/customers/%lld", id));
invalid:
	c->status = 422;
	return form_page(c, "customers/new.cs");
}

static void
fill_from_customer(struct ctx *c, const struct customer *cu)
{
	char	*list, *code, *save = NULL;

	form_fill(c, "name", cu->name);
	form_fill(c, "industry", cu->industry);
	form_fill(c, "grade", cu->grade);
	form_fill(c, "address", cu->address);
	form_fill(c, "budget", cu->budget);
	form_fill(c, "purchase_date", cu->purchase_date);
	form_fill(c, "satisfaction", cu->satisfaction);
	ctx_set_int(c, "Form.owner", cu->owner_id);
	ctx_set_int(c, "Form.version", cu->version);
	list = arena_strdup(c->arena, cu->products);
	for (code = strtok_r(list, ",", &save); code != NULL;
	    code = strtok_r(NULL, ",", &save))
		ctx_set(c, arena_printf(c->arena, "Form.products.%s", code),
		    "1");
}

static int
customer_edit(struct ctx *c)
{
	struct customer	cu;
	int		rc;

	if ((rc = customer_load(c, RT_CUSTOMER, ACT_EDIT, &cu)) != 0)
		return rc;
	customer_to_hdf(c, &cu);
	fill_from_customer(c, &cu);
	return form_page(c, "customers/edit.cs");
}

/* A column of a loaded record, compared with the form's field of that name. */
struct audited {
	const char	*field;
	size_t		 off;	/* of a const char * in the record */
	int		 sealed;	/* log that it changed, not the values */
};

/* Audit, as changes of customer id, every field whose value changed. */
static int
audit_changes(struct ctx *c, long long id, const struct audited *cols,
    size_t n, const void *old, struct form *f)
{
	size_t		 i;
	const char	*was;

	for (i = 0; i < n; i++) {
		was = *(const char *const *)((const char *)old + cols[i].off);
		if ((cols[i].sealed ? audit_field_sealed : audit_field)(c,
		    "customer", id, cols[i].field, was,
		    form_value(f, cols[i].field)) == -1)
			return -1;
	}
	return 0;
}

/* Audit every field whose value changed. */
static int
audit_customer(struct ctx *c, const struct customer *old, struct form *f,
    long long owner)
{
	static const struct audited cols[] = {
		{ "name", offsetof(struct customer, name), 0 },
		{ "industry", offsetof(struct customer, industry), 0 },
		{ "grade", offsetof(struct customer, grade), 0 },
		{ "address", offsetof(struct customer, address), 0 },
		{ "budget", offsetof(struct customer, budget), 1 },
		{ "purchase_date", offsetof(struct customer, purchase_date), 0 },
		{ "satisfaction", offsetof(struct customer, satisfaction), 0 },
		{ "products", offsetof(struct customer, products), 0 },
	};
	if (audit_changes(c, old->id, cols, NFIELDS(cols), old, f) == -1)
		return -1;
	if (owner != old->owner_id && audit_field(c, "customer", old->id,
	    "owner", arena_printf(c->arena, "%lld", old->owner_id),
	    arena_printf(c->arena, "%lld", owner)) == -1)
		return -1;
	return 0;
}

static int
customer_update(struct ctx *c)
{
	struct customer	 cu;
	struct form	 f;
	struct dbq	 q;
	long long	 owner, team, version, changed;
	unsigned	 i = 0;
	int		 rc;

	if ((rc = customer_load(c, RT_CUSTOMER, ACT_EDIT, &cu)) != 0)
		return rc;
	customer_to_hdf(c, &cu);
	version = str_to_id(req_form(&c->req, "version"));
	ctx_set_int(c, "Form.version", version);
	form_read(c, customer_fields, NFIELDS(customer_fields), &f);
	if (pick_owner(c, &f, cu.owner_id, &owner, &team) == -1 ||
	    f.nerrors > 0)
		goto invalid;
	if (db_begin(c->db) == -1 ||
	    db_prepare(&q, c->db, c->arena, sql_customer_update) == -1)
		return 500;
	bind_customer(&q, &i, c, &f);
	db_bind_int(&q, i++, owner);
	db_bind_int(&q, i++, team);
	db_bind_text(&q, i++, form_value(&f, "address"));
	db_bind_text(&q, i++, form_value(&f, "purchase_date"));
	db_bind_text(&q, i++, form_value(&f, "satisfaction"));
	db_bind_int(&q, i++, cu.id);
	db_bind_int(&q, i++, version);
	db_step(&q);
	changed = db_affected(&q);
	if (db_finish(&q) == DB_ERROR)
		return 500;
	if (changed != 1) {
		/* Someone saved in between: show their version, keep ours. */
		db_rollback(c->db);
		c->status = 409;
		ctx_set(c, "Error", ctx_msg(c, "customer.conflict"));
		ctx_set_int(c, "Form.version", cu.version);
		goto invalid;
	}
	if (sealed_update(c->db, c->arena, SEALED_CUSTOMER_BUDGET, cu.id,
	    cu.budget, form_value(&f, "budget")) == -1 ||
	    search_index(c->db, c->arena, cu.id, form_value(&f, "name")) == -1 ||
	    needs_save(c, cu.id, form_value(&f, "products")) == -1 ||
	    audit_customer(c, &cu, &f, owner) == -1 || db_commit(c->db) == -1)
		return 500;
	return http_redirect(c, arena_printf(c->arena, "/customers/%lld",
	    cu.id));
invalid:
	c->status = c->status == 200 ? 422 : c->status;
	return form_page(c, "customers/edit.cs");
}

static int
customer_delete(struct ctx *c)
{
	struct customer	cu;
	int		rc;

	if ((rc = customer_load(c, RT_CUSTOMER, ACT_DELETE, &cu)) != 0)
		return rc;
	if (db_begin(c->db) == -1 ||
	    db_exec(c->db, c->arena, sql_customer_delete, "i", cu.id) != 1 ||
	    audit_log(c, "delete", "customer", cu.id, NULL, cu.code, NULL) ==
	    -1 || db_commit(c->db) == -1)
		return 500;
	return http_redirect(c, "/customers");
}

/* --- contacts, follow-ups, orders ------------------------------------ */

static int
back_to(struct ctx *c, long long id, const char *anchor)
{
	return http_redirect(c, arena_printf(c->arena, "/customers/%lld#%s",
	    id, anchor));
}

static int
contact_create(struct ctx *c)
{
	struct customer	cu;
	struct form	f;
	long long	id;
	int		rc, key;

	if ((rc = customer_load(c, RT_CONTACT, ACT_CREATE, &cu)) != 0)
		return rc;
	if (choice_load(c) == -1)
		return 500;
	if (form_read(c, contact_fields, NFIELDS(contact_fields), &f) > 0)
		return detail_invalid(c, &cu);
	key = form_value(&f, "contact_key") != NULL &&
	    strcmp(form_value(&f, "contact_key"), "1") == 0;
	if (db_begin(c->db) == -1 || (key && db_exec(c->db, c->arena,
	    sql_contact_unkey, "i", cu.id) < 0))
		return 500;
	if ((id = contact_insert(c, cu.id, &f, key)) == -1) {
		db_rollback(c->db);
		return f.nerrors ? detail_invalid(c, &cu) : 500;
	}
	if (audit_log(c, "contact_add", "customer", cu.id, "contact",
	    NULL, arena_printf(c->arena, "%s %s", form_value(&f,
	    "contact_name"), form_value(&f, "contact_mobile"))) == -1 ||
	    db_commit(c->db) == -1)
		return 500;
	return back_to(c, cu.id, "contacts");
}

struct contact {
	const char	*name, *mobile, *title, *email, *preferences, *label;
	int		 key;
};

/* Load contact ids[1] of customer ids[0]. */
static int
contact_load(struct ctx *c, struct contact *k)
{
	struct dbq	q;
	int		found = 0;

	if (db_prepare(&q, c->db, c->arena, sql_contact_get) == -1)
		return 500;
	db_bind_int(&q, 0, c->ids[1]);
	db_bind_int(&q, 1, c->ids[0]);
	if (db_step(&q) == DB_ROW) {
		found = 1;
		k->name = db_str(&q, 1);
		k->mobile = db_str(&q, 2);
		k->key = (int)db_int(&q, 3);
		k->title = db_str(&q, 4);
		k->email = db_str(&q, 5);
		k->preferences = sealed_read(c->arena,
		    SEALED_CONTACT_PREFERENCES, c->ids[1], &q, 6);
		k->label = arena_printf(c->arena, "%s %s", k->name, k->mobile);
	}
	if (db_finish(&q) == DB_ERROR)
		return 500;
	return found ? 0 : 404;
}

/* Customer ids[0] and its contact ids[1], if the user may do act on them. */
static int
contact_of_customer(struct ctx *c, enum action act, struct customer *cu,
    struct contact *k)
{
	int	rc;

	if ((rc = customer_load(c, RT_CONTACT, act, cu)) != 0)
		return rc;
	return contact_load(c, k);
}

static int
contact_edit(struct ctx *c)
{
	struct customer	cu;
	struct contact	k;
	int		rc;

	if ((rc = contact_of_customer(c, ACT_EDIT, &cu, &k)) != 0)
		return rc;
	customer_to_hdf(c, &cu);
	ctx_set_int(c, "Contact.id", c->ids[1]);
	form_fill(c, "contact_name", k.name);
	form_fill(c, "contact_title", k.title);
	form_fill(c, "contact_mobile", k.mobile);
	form_fill(c, "contact_email", k.email);
	form_fill(c, "contact_preferences", k.preferences);
	return http_page(c, "customers/contact_edit.cs");
}

/* Audit each changed contact field as contact.<field> of the customer. */
static int
audit_contact(struct ctx *c, long long customer, const struct contact *k,
    struct form *f)
{
	static const struct audited cols[] = {
		{ "contact_name", offsetof(struct contact, name), 0 },
		{ "contact_title", offsetof(struct contact, title), 0 },
		{ "contact_mobile", offsetof(struct contact, mobile), 0 },
		{ "contact_email", offsetof(struct contact, email), 0 },
		{ "contact_preferences", offsetof(struct contact, preferences),
		    1 },
	};
	return audit_changes(c, customer, cols, NFIELDS(cols), k, f);
}

static int
contact_update(struct ctx *c)
{
	struct customer	 cu;
	struct contact	 k;
	struct form	 f;
	struct dbq	 q;
	int		 rc;

	if ((rc = contact_of_customer(c, ACT_EDIT, &cu, &k)) != 0)
		return rc;
	customer_to_hdf(c, &cu);
	ctx_set_int(c, "Contact.id", c->ids[1]);
	if (form_read(c, contact_fields, NFIELDS(contact_fields), &f) != 0)
		goto invalid;
	if (db_begin(c->db) == -1 ||
	    db_prepare(&q, c->db, c->arena, sql_contact_update) == -1)
		return 500;
	db_bind_text(&q, 0, form_value(&f, "contact_name"));
	db_bind_text(&q, 1, form_value(&f, "contact_title"));
	db_bind_text(&q, 2, form_value(&f, "contact_mobile"));
	db_bind_text(&q, 3, form_value(&f, "contact_email"));
	db_bind_int(&q, 4, c->ids[1]);
	db_bind_int(&q, 5, cu.id);
	db_step(&q);
	if (db_finish(&q) == DB_ERROR) {
		db_rollback(c->db);
		if (!db_last_was_duplicate(c->db))
			return 500;
		form_error(c, &f, "contact_mobile", "contact.mobile_taken");
		goto invalid;
	}
	if (sealed_update(c->db, c->arena, SEALED_CONTACT_PREFERENCES,
	    c->ids[1], k.preferences, form_value(&f, "contact_preferences")) ==
	    -1 || audit_contact(c, cu.id, &k, &f) == -1 ||
	    db_commit(c->db) == -1)
		return 500;
	return back_to(c, cu.id, "contacts");
invalid:
	c->status = 422;
	return http_page(c, "customers/contact_edit.cs");
}

static int
contact_delete(struct ctx *c)
{
	struct customer	 cu;
	struct contact	 k;
	int		 rc;

	if ((rc = contact_of_customer(c, ACT_DELETE, &cu, &k)) != 0)
		return rc;
	if (k.key) {
		/* The key decision maker is required: name another first. */
		if (choice_load(c) == -1)
			return 500;
		ctx_set(c, "Error", ctx_msg(c, "contact.key_required"));
		return detail_invalid(c, &cu);
	}
	if (db_begin(c->db) == -1 || db_exec(c->db, c->arena,
	    sql_contact_delete, "ii", c->ids[1], cu.id) != 1 ||
	    audit_log(c, "contact_delete", "customer", cu.id, "contact",
	    k.label, NULL) == -1 || db_commit(c->db) == -1)
		return 500;
	return back_to(c, cu.id, "contacts");
}

static int
contact_make_key(struct ctx *c)
{
	struct customer	 cu;
	struct contact	 k;
	int		 rc;

	if ((rc = contact_of_customer(c, ACT_EDIT, &cu, &k)) != 0)
		return rc;
	if (db_begin(c->db) == -1 ||
	    db_exec(c->db, c->arena, sql_contact_unkey, "i", cu.id) < 0 ||
	    db_exec(c->db, c->arena, sql_contact_key, "ii", c->ids[1],
	    cu.id) != 1 ||
	    audit_log(c, "contact_key", "customer", cu.id, "key_contact", NULL,
	    k.label) == -1 || db_commit(c->db) == -1)
		return 500;
	return back_to(c, cu.id, "contacts");
}

static int
followup_create(struct ctx *c)
{
	struct customer	 cu;
	struct form	 f;
	struct dbq	 q;
	const char	*at;
	long long	 id;
	int		 rc;

	if ((rc = customer_load(c, RT_FOLLOWUP, ACT_CREATE, &cu)) != 0)
		return rc;
	if (form_read(c, followup_fields, NFIELDS(followup_fields), &f) != 0)
		return f.nerrors > 0 ? detail_invalid(c, &cu) : 500;
	at = form_value(&f, "fu_at");
	/* A new follow-up answers the open next actions before it. */
	if (db_begin(c->db) == -1 || db_exec(c->db, c->arena,
	    sql_followups_close, "i", cu.id) < 0 ||
	    db_prepare(&q, c->db, c->arena, sql_followup_insert) == -1)
		return 500;
	db_bind_int(&q, 0, cu.id);
	db_bind_int(&q, 1, c->user->id);
	db_bind_text(&q, 2, at);
	db_bind_text(&q, 3, form_value(&f, "fu_method"));
	db_bind_text(&q, 4, form_value(&f, "fu_content"));
	db_bind_text(&q, 5, form_value(&f, "fu_action"));
	db_bind_text(&q, 6, form_value(&f, "fu_due"));
	db_step(&q);
	id = db_insert_id(&q);
	if (db_finish(&q) == DB_ERROR ||
	    db_exec(c->db, c->arena, sql_customer_followed, "ssi", at, at,
	    cu.id) < 0 ||
	    audit_log(c, "followup_add", "customer", cu.id, "followup", NULL,
	    arena_printf(c->arena, "#%lld %s", id, at)) == -1 ||
	    db_commit(c->db) == -1)
		return 500;
	return back_to(c, cu.id, "followups");
}

static int
followup_done(struct ctx *c)
{
	struct customer	cu;
	int		rc;
	long long	n;

	if ((rc = customer_load(c, RT_FOLLOWUP, ACT_EDIT, &cu)) != 0)
		return rc;
	if (db_begin(c->db) == -1 || (n = db_exec(c->db, c->arena,
	    sql_followup_done, "ii", c->ids[1], cu.id)) < 0)
		return 500;
	if (n == 1 && audit_log(c, "followup_done", "customer", cu.id,
	    "followup", NULL, arena_printf(c->arena, "#%lld", c->ids[1])) == -1)
		return 500;
	if (db_commit(c->db) == -1)
		return 500;
	/* The home page's due list marks follow-ups done too. */
	return http_redirect(c, req_form(&c->req, "back") ? "/home" :
	    arena_printf(c->arena, "/customers/%lld#followups", cu.id));
}

static int
order_create(struct ctx *c)
{
	struct customer	 cu;
	struct form	 f;
	struct dbq	 q;
	long long	 id;
	int		 rc;

	if ((rc = customer_load(c, RT_ORDER, ACT_CREATE, &cu)) != 0)
		return rc;
	if (form_read(c, order_fields, NFIELDS(order_fields), &f) != 0)
		return f.nerrors > 0 ? detail_invalid(c, &cu) : 500;
	if (db_begin(c->db) == -1 ||
	    db_prepare(&q, c->db, c->arena, sql_order_insert) == -1)
		return 500;
	db_bind_int(&q, 0, cu.id);
	db_bind_text(&q, 1, form_value(&f, "order_date"));
	db_bind_text(&q, 2, form_value(&f, "order_amount"));
	db_bind_text(&q, 3, form_value(&f, "order_margin"));
	db_bind_text(&q, 4, form_value(&f, "order_note"));
	db_bind_int(&q, 5, c->user->id);
	db_step(&q);
	id = db_insert_id(&q);
	if (db_finish(&q) == DB_ERROR ||
	    db_exec(c->db, c->arena, sql_customer_ordered, "si",
	    form_value(&f, "order_amount"), cu.id) != 1 ||
	    audit_log(c, "order_add", "customer", cu.id, "order", NULL,
	    arena_printf(c->arena, "#%lld %s %s", id, form_value(&f,
	    "order_date"), form_value(&f, "order_amount"))) == -1 ||
	    db_commit(c->db) == -1)
		return 500;
	return back_to(c, cu.id, "orders");
}

static const struct route routes[] = {
	{ METHOD_GET, "/customers", customer_list, RT_CUSTOMER, ACT_VIEW, 0 },
	{ METHOD_GET, "/customers/new", customer_new, RT_CUSTOMER, ACT_CREATE,
	    0 },
	{ METHOD_POST, "/customers", customer_create, RT_CUSTOMER, ACT_CREATE,
	    0 },
	{ METHOD_GET, "/customers/%d", customer_detail, RT_CUSTOMER, ACT_VIEW,
	    0 },
	{ METHOD_GET, "/customers/%d/edit", customer_edit, RT_CUSTOMER,
	    ACT_EDIT, 0 },
	{ METHOD_POST, "/customers/%d", customer_update, RT_CUSTOMER, ACT_EDIT,
	    0 },
	{ METHOD_POST, "/customers/%d/delete", customer_delete, RT_CUSTOMER,
	    ACT_DELETE, 0 },
	{ METHOD_POST, "/customers/%d/contacts", contact_create, RT_CONTACT,
	    ACT_CREATE, 0 },
	{ METHOD_GET, "/customers/%d/contacts/%d/edit", contact_edit,
	    RT_CONTACT, ACT_EDIT, 0 },
	{ METHOD_POST, "/customers/%d/contacts/%d", contact_update,
	    RT_CONTACT, ACT_EDIT, 0 },
	{ METHOD_POST, "/customers/%d/contacts/%d/delete", contact_delete,
	    RT_CONTACT, ACT_DELETE, 0 },
	{ METHOD_POST, "/customers/%d/contacts/%d/key", contact_make_key,
	    RT_CONTACT, ACT_EDIT, 0 },
	{ METHOD_POST, "/customers/%d/followups", followup_create, RT_FOLLOWUP,
	    ACT_CREATE, 0 },
	{ METHOD_POST, "/customers/%d/followups/%d/done", followup_done,
	    RT_FOLLOWUP, ACT_EDIT, 0 },
	{ METHOD_POST, "/customers/%d/orders", order_create, RT_ORDER,
	    ACT_CREATE, 0 },
};

static const struct program customers = {
	"customers", routes, sizeof(routes) / sizeof(routes[0])
};

int
main(int argc, char *argv[])
{
	return server_main(argc, argv, &customers);
}
