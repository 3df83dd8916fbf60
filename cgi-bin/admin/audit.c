/*
 * audit.c - the audit log viewer: search by user, record, action, period.
 *
 * The log only grows, so pages go backwards by id (keyset, "before=<id>").
 * Each search has its own statement so that an index serves it: one
 * record's events (audit_record), one user's events (audit_user), or all
 * events (the primary key); the other criteria filter along the way.
 * Actions show, and are chosen, by their labels (audit_actions in
 * lib/audit.c); an action without one shows its code.
 */
#include <string.h>

#include "admin.h"
#include "arena.h"
#include "audit.h"
#include "choice.h"
#include "ctx.h"
#include "db.h"
#include "form.h"
#include "http.h"
#include "perm.h"
#include "str.h"

#define AUDIT_PAGE	100
#define NITEMS(a)	(sizeof(a) / sizeof((a)[0]))

#define AUDIT_COLS							\
    "SELECT a.id, DATE_FORMAT(a.at, '%Y-%m-%d %H:%i:%s'),"		\
    " COALESCE(u.login, '-'), a.action, a.record_type, a.record_id,"	\
    " a.field, a.old_value, a.new_value, a.remote_addr"			\
    " FROM audit_log a LEFT JOIN app_user u ON u.id = a.user_id"
#define AUDIT_FILTERS							\
    " AND (? IS NULL OR a.action = ?)"					\
    " AND (? IS NULL OR a.at >= ?)"					\
    " AND (? IS NULL OR a.at < ? + INTERVAL 1 DAY)"			\
    " AND (? IS NULL OR a.id < ?)"					\
    " ORDER BY a.id DESC LIMIT 101"

enum audit_by { BY_RECORD, BY_USER, BY_ALL };

/* [BY_*]: the first two parameters select, the rest filter. */
static const char *const sql_audit[] = {
	AUDIT_COLS " WHERE a.record_type = ? AND a.record_id = ?"
	    " AND (? IS NULL OR a.user_id = ?)" AUDIT_FILTERS,
	AUDIT_COLS " WHERE a.user_id = ? AND (? IS NULL OR a.record_type = ?)"
	    AUDIT_FILTERS,
	AUDIT_COLS " WHERE (? IS NULL OR a.record_type = ?)" AUDIT_FILTERS,
};

static const char sql_user_options[] =
    "SELECT id, login FROM app_user ORDER BY login";

static const struct field audit_fields[] = {
	{ "user", FT_CHOICE, 0, 0, "audit_user", 0, 0 },
	{ "type", FT_CHOICE, 0, 0, "audit_type", 0, 0 },
	{ "record", FT_INT, 0, 0, NULL, 1, 9223372036854775807LL },
	{ "action", FT_CHOICE, 0, 0, "audit_action", 0, 0 },
	{ "from", FT_DATE, 0, 0, NULL, 0, 0 },
	{ "to", FT_DATE, 0, 0, NULL, 0, 0 },
	{ "before", FT_INT, 0, 0, NULL, 1, 9223372036854775807LL },
};

static int
audit_options(struct ctx *c)
{
	struct dbq	 q;
	const char	*type;
	int		 i, n = 0;

	if (choice_load(c) == -1)
		return -1;
	for (i = 0; i < RT__MAX; i++)
		choice_option(c, "audit_type", n++, rtype_names[i],
		    rtype_names[i]);
	for (i = 0; i < (int)audit_nother_types; i++) {
		type = audit_other_types[i];
		choice_option(c, "audit_type", n++, type, type);
	}
	for (i = 0; i < (int)audit_nactions; i++)
		choice_option(c, "audit_action", i, audit_actions[i],
		    ctx_msg(c, arena_printf(c->arena, "audit_action.%s",
		    audit_actions[i])));
	if (db_prepare(&q, c->db, c->arena, sql_user_options) == -1)
		return -1;
	for (n = 0; db_step(&q) == DB_ROW; n++)
		choice_option(c, "audit_user", n, db_text(&q, 0),
		    db_text(&q, 1));
	return db_finish(&q) == DB_ERROR ? -1 : 0;
}

static void
bind_pair(struct dbq *q, unsigned *i, const char *v)
{
	db_bind_text(q, (*i)++, v);
	db_bind_text(q, (*i)++, v);
}

int
admin_audit(struct ctx *c)
{
	struct form	 f;
	struct dbq	 q;
	enum audit_by	 by;
	const char	*user, *type, *record, *last = NULL;
	HDF		*rows = ctx_node(c, "Rows"), *row;
	unsigned	 i = 0;
	int		 n = 0;

	if (audit_options(c) == -1)
		return 500;
	/* The search form is a GET: its fields come from the query string. */
	if (form_read_query(c, audit_fields, NITEMS(audit_fields), &f) != 0) {
		c->status = 422;
		return http_page(c, "admin/audit.cs");
	}
	user = form_value(&f, "user");
	type = form_value(&f, "type");
	record = form_value(&f, "record");
	by = type != NULL && record != NULL ? BY_RECORD :
	    user != NULL ? BY_USER : BY_ALL;
	if (db_prepare(&q, c->db, c->arena, sql_audit[by]) == -1)
		return 500;
	switch (by) {
	case BY_RECORD:
		db_bind_text(&q, i++, type);
		db_bind_text(&q, i++, record);
		bind_pair(&q, &i, user);
		break;
	case BY_USER:
		db_bind_text(&q, i++, user);
		bind_pair(&q, &i, type);
		break;
	case BY_ALL:
		bind_pair(&q, &i, type);
		break;
	}
	bind_pair(&q, &i, form_value(&f, "action"));
	bind_pair(&q, &i, form_value(&f, "from"));
	bind_pair(&q, &i, form_value(&f, "to"));
	bind_pair(&q, &i, form_value(&f, "before"));
	while (db_step(&q) == DB_ROW) {
		if (n == AUDIT_PAGE) {
			ctx_set(c, "List.next", last);
			break;
		}
		row = node_item(rows, n++);
		node_set(row, "id", last = db_str(&q, 0));
		node_set(row, "at", db_text(&q, 1));
		node_set(row, "user", db_text(&q, 2));
		node_set(row, "action", choice_label(c, "audit_action",
		    db_text(&q, 3)));
		node_set(row, "type", db_text(&q, 4));
		node_set(row, "record", db_text(&q, 5));
		node_set(row, "field", db_text(&q, 6));
		node_set(row, "old", db_text(&q, 7));
		node_set(row, "new", db_text(&q, 8));
		node_set(row, "addr", db_text(&q, 9));
	}
	if (db_finish(&q) == DB_ERROR)
		return 500;
	ctx_set_int(c, "List.count", n);
	return http_page(c, "admin/audit.cs");
}
