/*
 * list.c - the customer list: filters, sorting, keyset paging and search
 * by name, code or mobile number; custom fields as columns, filters and
 * sorts.
 *
 * One statement per sort order and direction, each a literal. Every
 * filter is "(? IS NULL OR ...)": MariaDB folds the bound NULLs away, so
 * each execution is planned on the conditions really present. The scope
 * rule is the SQL form of perm_allows().
 *
 * A custom field filter or sort reads the field's slot index (value,
 * customer id) of customer_custom, one statement per slot and direction,
 * so a page costs what a built-in sort's page costs at any depth: the
 * list is then in that field's order, customers without a value after
 * the others (a second statement over the NULL part of the same index).
 * A multiple choice filter reads its rows (field, code, customer) in
 * customer order. The other filters apply along the way.
 */
#include <stddef.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "choice.h"
#include "ctx.h"
#include "custom_field.h"
#include "db.h"
#include "fieldsec.h"
#include "form.h"
#include "http.h"
#include "owner.h"
#include "search.h"
#include "str.h"
#include "token.h"
#include "customers.h"

#define PAGE_SIZE	50

/*
 * The columns of a row; with custom values (LIST_COLS_1) then the indexed
 * custom slots in flat order and the multi values, read only for a user
 * who shows custom columns: the join costs a third of the statement.
 */
#define LIST_COLS_0							\
    "SELECT c.id, c.code, c.name, c.industry, c.grade, u.name,"		\
    " DATE_FORMAT(c.last_followup_at, '%Y-%m-%d %H:%i'),"		\
    " HEX(c.name_sort), c.created_at"
#define LIST_COLS_1	LIST_COLS_0 ","					\
    " cc.t1, cc.t2, cc.t3, cc.t4, cc.t5, cc.t6, cc.n1, cc.n2, cc.n3,"	\
    " cc.n4, cc.d1, cc.d2, cc.d3, cc.d4,"				\
    " (SELECT GROUP_CONCAT(x.field_id, ':', x.code"			\
    " ORDER BY x.field_id, x.code) FROM customer_custom_multi x"	\
    " WHERE x.customer_id = c.id)"
#define LIST_COL_SLOTS	9	/* result column of flat slot 0 */
#define LIST_COL_MULTI	(LIST_COL_SLOTS + CF_NINDEXED)
#define LIST_JOIN_0	""
#define LIST_JOIN_1							\
    " LEFT JOIN customer_custom cc ON cc.customer_id = c.id"
#define LIST_FROM(v)							\
    " FROM customer c JOIN app_user u ON u.id = c.owner_id" LIST_JOIN_##v

/* A name search reads one token's rows in name order, then the customer. */
#define LIST_FROM_TOKEN(v)						\
    " FROM customer_token t"						\
    " STRAIGHT_JOIN customer c ON c.id = t.customer_id"		\
    " STRAIGHT_JOIN app_user u ON u.id = c.owner_id" LIST_JOIN_##v
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
/*
 * A second token of the term (NULL: none) is checked in customer_token
 * before the customer row is read: MariaDB materialises that token's
 * customers once, a far cheaper filter than the row and its LIKE.
 */
#define LIST_TOKEN_ALSO							\
    " AND (? IS NULL OR EXISTS (SELECT 1 FROM customer_token x"		\
    " WHERE x.customer_id = t.customer_id AND x.token LIKE ?))"
#define LIST_TOKEN_IS		" AND t.token = ?" LIST_TOKEN_ALSO
#define LIST_TOKEN_LIKE		" AND t.token LIKE ?" LIST_TOKEN_ALSO
#define LIST_KEYSET(k, p, id, op)					\
    " AND (? IS NULL OR " k " " op " " p " OR (" k " = " p " AND " id " "	\
    op " ?))"
#define LIST_AFTER(k, id, op)	LIST_KEYSET(k, "?", id, op)
#define LIST_ORDER(k, id, dir)						\
    " ORDER BY " k " " dir ", " id " " dir " LIMIT 51"
#define LIST_SQL(v, from, m, k, id, op, dir)				\
    LIST_COLS_##v from LIST_WHERE m LIST_AFTER(k, id, op)		\
    LIST_ORDER(k, id, dir)
#define LIST_PLAIN(v, m, k, op, dir)					\
    LIST_SQL(v, LIST_FROM(v), m, k, "c.id", op, dir)
#define LIST_TOKEN(v, m, op, dir)					\
    LIST_SQL(v, LIST_FROM_TOKEN(v), m, "t.name_sort", "t.customer_id", op, \
    dir)

#define LIST_SORTS_V(v, k)						\
	{ { LIST_PLAIN(v, "", k, ">", "ASC"),				\
	    LIST_PLAIN(v, "", k, "<", "DESC") },			\
	  { LIST_PLAIN(v, LIST_MOBILE, k, ">", "ASC"),			\
	    LIST_PLAIN(v, LIST_MOBILE, k, "<", "DESC") } }
#define LIST_SORTS(k)	{ LIST_SORTS_V(0, k), LIST_SORTS_V(1, k) }

static const struct {
	const char	*name;		/* in the URL */
	unsigned	 cursor_col;	/* result column holding the key */
	/* [custom values][SEARCH_NONE or _MOBILE][desc] */
	const char	*sql[2][2][2];
} sorts[SORT__MAX] = {
	{ "name", 7, LIST_SORTS("c.name_sort") },
	{ "code", 1, LIST_SORTS("c.code") },
	{ "created", 8, LIST_SORTS("c.created_at") },
};

/*
 * A custom field's slot k drives: its values in order, or its empty part.
 * Values are bound as p: numbers exactly as DECIMAL, not as the doubles a
 * string compared with a DECIMAL would become.
 */
#define LIST_FROM_SLOT							\
    " FROM customer_custom cc"						\
    " STRAIGHT_JOIN customer c ON c.id = cc.customer_id"		\
    " STRAIGHT_JOIN app_user u ON u.id = c.owner_id"
#define LIST_BOUNDS(k, p)						\
    " AND (? IS NULL OR " k " >= " p ") AND (? IS NULL OR " k " <= " p ")"
#define LIST_SLOT_VALUES(k, p, op, dir)					\
    LIST_COLS_1 LIST_FROM_SLOT LIST_WHERE LIST_BOUNDS(k, p)		\
    " AND " k " IS NOT NULL" LIST_KEYSET(k, p, "cc.customer_id", op)	\
    LIST_ORDER(k, "cc.customer_id", dir)
#define LIST_SLOT_EMPTY(k, p, op, dir)					\
    LIST_COLS_1 LIST_FROM_SLOT LIST_WHERE LIST_BOUNDS(k, p)		\
    " AND " k " IS NULL AND (? IS NULL OR cc.customer_id " op " ?)"	\
    " ORDER BY cc.customer_id " dir " LIMIT 51"
#define LIST_SLOT(k, p)							\
	{ { LIST_SLOT_VALUES(k, p, ">", "ASC"),				\
	    LIST_SLOT_VALUES(k, p, "<", "DESC") },			\
	  { LIST_SLOT_EMPTY(k, p, ">", "ASC"),				\
	    LIST_SLOT_EMPTY(k, p, "<", "DESC") } }
/* Text and dates compare with a string as they are. */
#define LIST_AS_IS(k)	LIST_SLOT(k, "?")
#define LIST_NUMBER(k)	LIST_SLOT(k, "CAST(? AS DECIMAL(19,4))")

/* [flat slot][empty part][desc]: the indexed slots of custom_field.h. */
static const char *const slot_sql[CF_NINDEXED][2][2] = {
	LIST_AS_IS("cc.t1"), LIST_AS_IS("cc.t2"), LIST_AS_IS("cc.t3"),
	LIST_AS_IS("cc.t4"), LIST_AS_IS("cc.t5"), LIST_AS_IS("cc.t6"),
	LIST_NUMBER("cc.n1"), LIST_NUMBER("cc.n2"), LIST_NUMBER("cc.n3"),
	LIST_NUMBER("cc.n4"),
	LIST_AS_IS("cc.d1"), LIST_AS_IS("cc.d2"), LIST_AS_IS("cc.d3"),
	LIST_AS_IS("cc.d4"),
};

/* Customers with option ? of multiple choice field ?, in id order. */
#define LIST_FROM_MULTI							\
    " FROM customer_custom_multi m"					\
    " STRAIGHT_JOIN customer c ON c.id = m.customer_id"		\
    " STRAIGHT_JOIN app_user u ON u.id = c.owner_id" LIST_JOIN_1
#define LIST_MULTI(op, dir)						\
    LIST_COLS_1 LIST_FROM_MULTI LIST_WHERE				\
    " AND m.field_id = ? AND m.code = ?"				\
    " AND (? IS NULL OR m.customer_id " op " ?)"			\
    " ORDER BY m.customer_id " dir " LIMIT 51"

static const char *const multi_sql[2] = {	/* [desc] */
	LIST_MULTI(">", "ASC"), LIST_MULTI("<", "DESC")
};

#define LIST_TOKENS(v)							\
	{ { LIST_TOKEN(v, LIST_TOKEN_IS, ">", "ASC"),			\
	    LIST_TOKEN(v, LIST_TOKEN_IS, "<", "DESC") },		\
	  { LIST_TOKEN(v, LIST_TOKEN_LIKE, ">", "ASC"),			\
	    LIST_TOKEN(v, LIST_TOKEN_LIKE, "<", "DESC") } }

/* [custom values][prefix][desc] */
static const char *const token_sql[2][2][2] = {
	LIST_TOKENS(0), LIST_TOKENS(1)
};

/*
 * The distinct tokens a prefix stands for, read by a loose index scan: one
 * alone can be read in name order like any exact token.
 */
static const char sql_token_expand[] =
    "SELECT DISTINCT token FROM customer_token WHERE token LIKE ? LIMIT 2";

/*
 * How many rows a token has, counted no further than tells a rare token
 * from a common one: beyond that the second token's check does the work.
 */
static const char *const sql_token_rows[2] = {
	"SELECT COUNT(*) FROM (SELECT 1 FROM customer_token"
	" WHERE token = ? LIMIT 2000) x",
	"SELECT COUNT(*) FROM (SELECT 1 FROM customer_token"
	" WHERE token LIKE ? LIMIT 2000) x",
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
 * Drive a name search by the query token with the fewest rows and check
 * the next fewest on the way (as a prefix: a looser check is still a
 * correct one); LIKE on the name confirms the whole term. Without a
 * token (one CJK character) the LIKE alone filters a scan in name order.
 */
static void
list_token(struct ctx *c, const char *q, struct list_query *lq)
{
	struct search_token	 t[SEARCH_MAX_TOKENS];
	const char		*arg[SEARCH_MAX_TOKENS];
	long long		 rows[SEARCH_MAX_TOKENS];
	size_t			 i, best = 0, next = 0, n;

	n = search_query(c->arena, q, t);
	for (i = 0; i < n; i++) {
		arg[i] = t[i].prefix ? search_prefix(c->arena, t[i].text) :
		    t[i].text;
		token_narrow(c, &t[i], &arg[i]);
		rows[i] = n == 1 ? 0 : db_int_query(c->db, c->arena,
		    sql_token_rows[t[i].prefix], 0, "s", arg[i]);
		if (rows[i] < rows[best]) {
			next = best;
			best = i;
		} else if (next == best || rows[i] < rows[next])
			next = i;
	}
	if (n == 0)
		return;
	lq->search = SEARCH_TOKEN;
	lq->search_arg = arg[best];
	lq->token_prefix = t[best].prefix;
	if (next != best)
		lq->token_also = search_prefix(c->arena, t[next].text);
}

/*
 * Decide what kind of term q is: a code, a mobile number or a name. In a
 * custom field's order the term only narrows by code or name. Only a
 * user who may read numbers may find customers by one.
 */
static void
list_term(struct ctx *c, const char *q, struct list_query *lq)
{
	const char	*mobile = q + (str_prefix(q, "+86") ? 3 : 0);
	size_t		 digits = strspn(mobile, "0123456789");

	if (strncasecmp(q, "CRM", 3) == 0)
		lq->code_like = search_prefix(c->arena, q);
	else if (lq->drive != DRIVE_SORT)
		lq->name_like = search_like(c->arena, q);
	else if (digits >= 4 && mobile[digits] == '\0' &&
	    field_access_named(c, RT_CONTACT, "contact_mobile") >= FA_READ) {
		lq->search = SEARCH_MOBILE;
		lq->search_arg = search_prefix(c->arena, mobile);
	} else {
		lq->name_like = search_like(c->arena, q);
		list_token(c, q, lq);
	}
}

/* May the user filter and sort by f (masked values may not be)? */
static int
custom_usable(const struct custom_field *f, unsigned need)
{
	return f != NULL && f->access >= FA_READ &&
	    (cf_types[f->type].flags & need) == need;
}

/* A bound of a range filter in its one spelling, or NULL. */
static const char *
custom_bound(struct ctx *c, const struct custom_field *f, const char *name)
{
	const char	*v = req_query(&c->req, name);

	if (str_blank(v))
		return NULL;
	v = str_trim(c->arena, v);
	if (f->type == CF_NUMBER)
		return form_decimal(c, v);
	return form_date_ok(v) ? v : NULL;
}

/*
 * A custom field filter (cf, with cfv, or cfmin and cfmax) or sort
 * (sort=cf_<code>): the list is then read in that field's order, or for
 * a multiple choice option in customer order.
 */
static void
custom_parse(struct ctx *c, const struct cf_set *set, struct list_query *lq)
{
	const char		*s = req_query(&c->req, "sort"), *v;
	const struct custom_field *f = cf_find(set, req_query(&c->req, "cf"));

	if (custom_usable(f, CFT_FILTER)) {
		ctx_set(c, "List.cf", f->code);
		ctx_set(c, "List.cf_type", cf_types[f->type].name);
		ctx_set(c, "List.cf_list", f->name);
		v = req_query(&c->req, "cfv");
		if (cf_types[f->type].flags & CFT_RANGE) {
			lq->lo = custom_bound(c, f, "cfmin");
			lq->hi = custom_bound(c, f, "cfmax");
			ctx_set(c, "List.cfmin", lq->lo);
			ctx_set(c, "List.cfmax", lq->hi);
		} else {
			if (cf_types[f->type].flags & CFT_OPTIONS ?
			    choice_valid(c, f->name, v) : !str_blank(v))
				lq->lo = lq->hi = str_trim(c->arena, v);
			ctx_set(c, "List.cfv", lq->lo);
		}
		if (f->type == CF_MULTI && (lq->has = lq->lo) == NULL)
			return;
		/* The filter decides the order: no other sort is offered. */
		ctx_set_int(c, "List.cf_order", 1);
		lq->cf = f;
		if (f->type != CF_MULTI) {
			lq->drive = DRIVE_SLOT;
			return;
		}
		lq->drive = DRIVE_MULTI;
		lq->lo = lq->hi = NULL;
		return;
	}
	if (s != NULL && str_prefix(s, "cf_") &&
	    custom_usable(f = cf_find(set, s + 3), CFT_SORT)) {
		lq->drive = DRIVE_SLOT;
		lq->cf = f;
	}
}

void
list_parse(struct ctx *c, const struct cf_set *set, struct list_query *lq)
{
	const char	*s;
	int		 i;
	size_t		 k;

	memset(lq, 0, sizeof(*lq));
	s = req_query(&c->req, "sort");
	for (i = 0; i < SORT__MAX; i++)
		if (s != NULL && strcmp(s, sorts[i].name) == 0)
			lq->sort = (enum sort)i;
	lq->desc = (s = req_query(&c->req, "dir")) != NULL &&
	    strcmp(s, "desc") == 0;
	custom_parse(c, set, lq);
	lq->values = lq->drive != DRIVE_SORT;
	for (k = 0; k < set->n; k++)
		lq->values |= list_column(&set->f[k]);
	ctx_set(c, "List.sort", lq->drive == DRIVE_SLOT ? arena_printf(c->arena,
	    "cf_%s", lq->cf->code) : sorts[lq->sort].name);
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
	if (field_access_named(c, RT_CUSTOMER, "grade") != FA_HIDDEN &&
	    choice_valid(c, "grade", s = req_query(&c->req, "grade"))) {
		lq->grade = s;
		ctx_set(c, "List.grade", s);
	}
	if ((lq->owner = str_to_id(req_query(&c->req, "owner"))) > 0)
		ctx_set_int(c, "List.owner", lq->owner);
	list_cursor(c, lq, req_query(&c->req, "after"));
}

/*
 * The cursor is "<key>.<id>"; the key is hex for the name sort, and
 * empty in a custom field's empty part and in multi rows.
 */
void
list_cursor(struct ctx *c, struct list_query *lq, const char *after)
{
	const char	*dot;
	size_t		 n;
	char		*raw;

	lq->after_key = NULL;
	lq->after_id = 0;
	lq->empty = 0;
	if (after == NULL || (dot = strrchr(after, '.')) == NULL ||
	    (lq->after_id = str_to_id(dot + 1)) <= 0)
		return;
	lq->after_key = arena_strndup(c->arena, after, (size_t)(dot - after));
	lq->empty = *lq->after_key == '\0';
	if (lq->drive != DRIVE_SORT || lq->sort != SORT_NAME)
		return;
	n = strlen(lq->after_key) / 2;
	raw = arena_alloc(c->arena, n + 1);
	if (token_unhex(lq->after_key, raw, n) == -1) {
		lq->after_key = NULL;
		lq->after_id = 0;
	} else
		lq->after_key = raw;
}

static void
bind_pair_text(struct dbq *q, unsigned *i, const char *v)
{
	db_bind_text(q, (*i)++, v);
	db_bind_text(q, (*i)++, v);
}

static void
bind_pair_int(struct dbq *q, unsigned *i, long long v)
{
	if (v > 0) {
		db_bind_int(q, (*i)++, v);
		db_bind_int(q, (*i)++, v);
	} else {
		db_bind_null(q, (*i)++);
		db_bind_null(q, (*i)++);
	}
}

/* Scope and the plain filters: what every list statement starts with. */
static void
bind_where(struct ctx *c, struct dbq *q, unsigned *i,
    const struct list_query *lq)
{
	enum scope	 s = perm_scope(c, RT_CUSTOMER, ACT_VIEW);

	/* Team scope without a team is the user's own records. */
	if (s == SCOPE_TEAM && c->user->team_id == 0)
		s = SCOPE_OWN;
	db_bind_int(q, (*i)++, s);
	db_bind_int(q, (*i)++, s);
	db_bind_int(q, (*i)++, c->user->team_id);
	db_bind_int(q, (*i)++, s);
	db_bind_int(q, (*i)++, c->user->id);
	bind_pair_text(q, i, lq->industry);
	bind_pair_text(q, i, lq->grade);
	bind_pair_int(q, i, lq->owner);
	bind_pair_text(q, i, lq->code_like);
	bind_pair_text(q, i, lq->name_like);
}

/* The keyset part: after (key, id), or after the id alone. */
static void
bind_after(struct dbq *q, unsigned *i, const struct list_query *lq,
    int by_key)
{
	int	n = by_key ? 4 : 2;

	if (lq->after_id <= 0 || (by_key && lq->after_key == NULL)) {
		while (n-- > 0)
			db_bind_null(q, (*i)++);
		return;
	}
	db_bind_int(q, (*i)++, lq->after_id);
	if (by_key) {
		db_bind_text(q, (*i)++, lq->after_key);
		db_bind_text(q, (*i)++, lq->after_key);
	}
	db_bind_int(q, (*i)++, lq->after_id);
}

/* Prepare the statement of lq, bound; the empty part of a slot if asked. */
static int
list_prepare(struct ctx *c, struct dbq *q, const struct list_query *lq,
    int empty)
{
	const char	*sql;
	unsigned	 i = 0;

	if (lq->drive == DRIVE_MULTI)
		sql = multi_sql[lq->desc];
	else if (lq->drive == DRIVE_SLOT)
		sql = slot_sql[lq->cf->slot][empty][lq->desc];
	else if (lq->search == SEARCH_TOKEN)
		sql = token_sql[lq->values][lq->token_prefix][lq->desc];
	else
		sql = sorts[lq->sort].sql[lq->values][lq->search][lq->desc];
	if (db_prepare(q, c->db, c->arena, sql) == -1)
		return -1;
	bind_where(c, q, &i, lq);
	if (lq->drive == DRIVE_MULTI) {
		db_bind_int(q, i++, lq->cf->id);
		db_bind_text(q, i++, lq->has);
		bind_after(q, &i, lq, 0);
		return 0;
	}
	if (lq->drive == DRIVE_SLOT) {
		bind_pair_text(q, &i, lq->lo);
		bind_pair_text(q, &i, lq->hi);
		bind_after(q, &i, lq, !empty);
		return 0;
	}
	if (lq->search != SEARCH_NONE)
		db_bind_text(q, i++, lq->search_arg);
	if (lq->search == SEARCH_TOKEN)
		bind_pair_text(q, &i, lq->token_also);
	bind_after(q, &i, lq, 1);
	return 0;
}
int
list_column(const struct custom_field *f)
{
	return f->column && f->access != FA_HIDDEN;
}

const char *
list_column_value(struct ctx *c, const struct custom_field *f,
    const struct list_row *r)
{
	return field_show(c, &f->def, cf_display(c, f, cf_value(c, f,
	    &r->custom)));
}

/* The key of the row just read, for the next page's cursor. */
static const char *
row_key(const struct dbq *q, const struct list_query *lq, int empty)
{
	if (lq->drive == DRIVE_MULTI || empty)
		return "";
	if (lq->drive == DRIVE_SLOT)
		return db_str(q, LIST_COL_SLOTS + (unsigned)lq->cf->slot);
	return db_str(q, sorts[lq->sort].cursor_col);
}

/* A page being read: its rows so far, and where the next one starts. */
struct page {
	list_emit	 emit;
	void		*arg;
	int		 n;
	int		 more;		/* there is a next page */
	const char	*last;		/* the cursor after the last row */
};

/* Read one statement's rows onto the page, up to a page and one. */
static int
list_read(struct ctx *c, const struct list_query *lq, int empty,
    struct page *p)
{
	struct dbq	 q;
	struct list_row	 row;
	size_t		 i;

	if (list_prepare(c, &q, lq, empty) == -1)
		return -1;
	while (db_step(&q) == DB_ROW) {
		if (p->n == PAGE_SIZE) {
			p->more = 1;
			break;
		}
		p->n++;
		row.id = db_text(&q, 0);
		row.code = db_text(&q, 1);
		row.name = db_text(&q, 2);
		row.industry = choice_label(c, "industry", db_text(&q, 3));
		row.grade = field_show_named(c, RT_CUSTOMER, "grade",
		    choice_label(c, "grade", db_text(&q, 4)));
		row.owner = db_text(&q, 5);
		row.last_followup = db_text(&q, 6);
		row.created = db_text(&q, 8);
		memset(&row.custom, 0, sizeof(row.custom));
		for (i = 0; lq->values && i < CF_NINDEXED; i++)
			row.custom.slot[i] = db_text(&q, LIST_COL_SLOTS +
			    (unsigned)i);
		if (lq->values)
			row.custom.multi = db_text(&q, LIST_COL_MULTI);
		p->emit(c, &row, p->arg);
		p->last = arena_printf(c->arena, "%s.%s", row_key(&q, lq,
		    empty), db_str(&q, 0));
	}
	return db_finish(&q) == DB_ERROR ? -1 : 0;
}

int
list_page(struct ctx *c, const struct list_query *lq, list_emit emit,
    void *arg, const char **next)
{
	struct page		 p = { emit, arg, 0, 0, NULL };
	struct list_query	 rest;

	if ((lq->drive != DRIVE_SLOT || !lq->empty) &&
	    list_read(c, lq, 0, &p) == -1)
		return -1;
	/* Unbounded, a custom field's order goes on with its empty part. */
	if (lq->drive == DRIVE_SLOT && lq->lo == NULL && lq->hi == NULL &&
	    !p.more) {
		rest = *lq;
		if (!lq->empty)
			rest.after_id = 0;
		if (list_read(c, &rest, 1, &p) == -1)
			return -1;
	}
	*next = p.more ? p.last : NULL;
	return p.n;
}

/* A row of the list page, with the custom columns the user chose. */
struct page_rows {
	HDF			*rows;
	const struct cf_set	*set;
};

static void
row_to_hdf(struct ctx *c, const struct list_row *r, void *arg)
{
	struct page_rows	*pr = arg;
	HDF			*row = node_item(pr->rows, node_count(pr->rows));
	HDF			*cols = NULL;
	size_t			 i;
	int			 n = 0;

	node_set(row, "id", r->id);
	node_set(row, "code", r->code);
	node_set(row, "name", r->name);
	node_set(row, "industry", r->industry);
	node_set(row, "grade", r->grade);
	node_set(row, "owner", r->owner);
	node_set(row, "last_followup", r->last_followup);
	node_set(row, "created", r->created);
	for (i = 0; i < pr->set->n; i++) {
		if (!list_column(&pr->set->f[i]))
			continue;
		if (cols == NULL)
			cols = node_get(row, "cf");
		node_set(cols, arena_printf(c->arena, "%d", n++),
		    list_column_value(c, &pr->set->f[i], r));
	}
}

/*
 * The custom fields the user may see: the column chooser, the columns
 * chosen, the filter's choice of fields.
 */
static void
custom_options(struct ctx *c, const struct cf_set *set)
{
	const struct custom_field *f;
	HDF	*choose = ctx_node(c, "ColumnChoice"), *cols = NULL, *item;
	size_t	 i;
	int	 n = 0, k = 0, m = 0;

	for (i = 0; i < set->n; i++) {
		f = &set->f[i];
		if (f->access == FA_HIDDEN)
			continue;
		if (custom_usable(f, CFT_FILTER))
			choice_option(c, "cf_filter", m++, f->code, f->label);
		if (!(cf_types[f->type].flags & CFT_COLUMN))
			continue;
		choice_option(c, "cf_column", k, f->code, f->label);
		item = node_item(choose, k++);
		node_set(item, "code", f->code);
		node_set(item, "label", f->label);
		if (!f->column)
			continue;
		node_set(item, "checked", "1");
		if (cols == NULL)
			cols = ctx_node(c, "List.columns");
		item = node_item(cols, n++);
		node_set(item, "code", f->code);
		node_set(item, "label", f->label);
		if (custom_usable(f, CFT_SORT))
			node_set(item, "sort", "1");
	}
}

int
customer_list(struct ctx *c)
{
	struct list_query	 lq;
	struct cf_set		 cf;
	struct page_rows	 pr;
	const char		*next;
	int			 n;

	if (choice_load(c) == -1 || owner_choices(c, RT_CUSTOMER) == -1 ||
	    cf_load(c, RT_CUSTOMER, &cf) == -1)
		return 500;
	custom_options(c, &cf);
	list_parse(c, &cf, &lq);
	if (lq.after_key != NULL)
		ctx_set_int(c, "List.paged", 1);
	pr.rows = ctx_node(c, "Rows");
	pr.set = &cf;
	if ((n = list_page(c, &lq, row_to_hdf, &pr, &next)) == -1)
		return 500;
	ctx_set_int(c, "List.count", n);
	if (next != NULL)
		ctx_set(c, "List.next", next);
	if (perm_scope(c, RT_CUSTOMER, ACT_CREATE) != SCOPE_NONE)
		ctx_set_int(c, "Can.create", 1);
	if (perm_scope(c, RT_CUSTOMER, ACT_EXPORT) != SCOPE_NONE)
		ctx_set_int(c, "Can.export", 1);
	return http_page(c, "customers/list.cs");
}

static const char sql_columns_clear[] =
    "DELETE FROM user_list_column WHERE user_id = ? AND record_type = ?";
static const char sql_column_add[] =
    "INSERT INTO user_list_column (user_id, record_type, field_id)"
    " VALUES (?, ?, ?)";

static const struct field column_fields[] = {
	{ "col", FT_MULTI, 0, 0, "cf_column", 0, 0 },
};

/* The user's choice of custom columns, kept for their next lists. */
int
customer_columns_save(struct ctx *c)
{
	struct cf_set		 cf;
	struct form		 f;
	const struct custom_field *fd;
	char			*list, *code, *save = NULL;

	if (choice_load(c) == -1 || cf_load(c, RT_CUSTOMER, &cf) == -1)
		return 500;
	custom_options(c, &cf);
	if (form_read(c, column_fields, NFIELDS(column_fields), &f) != 0)
		return http_redirect(c, "/customers");
	if (db_begin(c->db) == -1 || db_exec(c->db, c->arena,
	    sql_columns_clear, "is", c->user->id, cf.st->record_type) < 0)
		return 500;
	list = arena_strdup(c->arena, form_value(&f, "col") ?
	    form_value(&f, "col") : "");
	for (code = strtok_r(list, ",", &save); code != NULL;
	    code = strtok_r(NULL, ",", &save))
		if ((fd = cf_find(&cf, code)) != NULL &&
		    fd->access != FA_HIDDEN && db_exec(c->db,
		    c->arena, sql_column_add, "isi", c->user->id,
		    cf.st->record_type, fd->id) < 0)
			return 500;
	if (db_commit(c->db) == -1)
		return 500;
	return http_redirect(c, "/customers");
}
