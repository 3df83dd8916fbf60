/*
 * inbox.c - the signed-in user's notifications (lib/notify.h): newest
 * first by keyset, unread ones marked; mark one or all as read; open
 * one, which marks it read and goes to its page (notice_path): the quote
 * or contract it names, else its opportunity.
 *
 * Every statement names the signed-in user, so nobody reaches another's
 * notification: its id answers 404 as an unknown one does. Opening is a
 * POST, as every change is; the header's unread count is the counter on
 * the user's row, which each change here moves in its transaction.
 */
#include <string.h>

#include "arena.h"
#include "ctx.h"
#include "db.h"
#include "http.h"
#include "notify.h"
#include "route.h"
#include "server.h"
#include "str.h"

#define PAGE_SIZE	20
#define PAGE_LIMIT	"21"	/* one more: is there an older page? */

/* Index notification_user: the user's rows from the newest down. */
static const char sql_page[] =
    "SELECT n.id, n.kind, n.read_at IS NULL,"
    " DATE_FORMAT(n.created_at, '%Y-%m-%d %H:%i'), n.opportunity_id,"
    " COALESCE(nq.code, nk.code, o.code), COALESCE(nk.title, o.name),"
    " a.name, n.from_stage, n.to_stage, n.hours,"
    " IF(? = 'zh-CN', f.label_zh, f.label_en),"
    " IF(? = 'zh-CN', t.label_zh, t.label_en),"
    " COALESCE(n.quote_id, 0), COALESCE(n.contract_id, 0)"
    " FROM notification n"
    " STRAIGHT_JOIN opportunity o ON o.id = n.opportunity_id"
    " LEFT JOIN quote nq ON nq.id = n.quote_id"
    " LEFT JOIN contract nk ON nk.id = n.contract_id"
    " LEFT JOIN app_user a ON a.id = n.actor_id"
    " LEFT JOIN choice f ON f.list = 'opp_stage' AND f.code = n.from_stage"
    " LEFT JOIN choice t ON t.list = 'opp_stage' AND t.code = n.to_stage"
    " WHERE n.user_id = ? AND (? IS NULL OR n.id < ?)"
    " ORDER BY n.id DESC LIMIT " PAGE_LIMIT;
static const char sql_note_lock[] =
    "SELECT opportunity_id, COALESCE(quote_id, 0), COALESCE(contract_id, 0),"
    " read_at IS NULL FROM notification WHERE id = ? AND user_id = ?"
    " FOR UPDATE";
static const char sql_read_one[] =
    "UPDATE notification SET read_at = NOW() WHERE id = ? AND user_id = ?"
    " AND read_at IS NULL";
/* Index notification_unread: exactly the unread rows. */
static const char sql_read_all[] =
    "UPDATE notification SET read_at = NOW() WHERE user_id = ?"
    " AND read_at IS NULL";
static const char sql_unread_sub[] =
    "UPDATE app_user SET unread_notifications ="
    " GREATEST(unread_notifications - ?, 0) WHERE id = ?";

static void
note_to_hdf(struct ctx *c, struct dbq *q, HDF *row)
{
	struct notice	n;
	int		l;

	memset(&n, 0, sizeof(n));
	n.kind = strcmp(db_str(q, 1), "stale") == 0 ? NOTICE_STALE :
	    strcmp(db_str(q, 1), "approval") == 0 ? NOTICE_APPROVAL :
	    NOTICE_STAGE;
	n.opp_id = db_int(q, 4);
	n.quote_id = db_int(q, 13);
	n.contract_id = db_int(q, 14);
	n.code = db_str(q, 5);
	n.name = db_str(q, 6);
	n.actor = db_str(q, 7);
	n.from = db_text(q, 8);
	n.to = db_text(q, 9);
	n.hours = (int)db_int(q, 10);
	/* Labels in the page's language, whichever slot it reads. */
	for (l = 0; l < NOTICE_LANGS; l++) {
		n.from_label[l] = db_text(q, 11);
		n.to_label[l] = db_text(q, 12);
	}
	node_set(row, "id", db_text(q, 0));
	node_set_int(row, "unread", db_int(q, 2));
	node_set(row, "at", db_text(q, 3));
	node_set(row, "code", n.code);
	node_set(row, "text", notice_text(c->arena, c->lang, &n));
}

static int
inbox_page(struct ctx *c)
{
	struct dbq	 q;
	HDF		*rows = ctx_node(c, "Notes");
	const char	*last = NULL;
	long long	 before = str_to_id(req_query(&c->req, "before"));
	int		 n = 0;

	if (db_prepare(&q, c->db, c->arena, sql_page) == -1)
		return 500;
	db_bind_text(&q, 0, c->lang);
	db_bind_text(&q, 1, c->lang);
	db_bind_int(&q, 2, c->user->id);
	if (before > 0) {
		db_bind_int(&q, 3, before);
		db_bind_int(&q, 4, before);
	} else {
		db_bind_null(&q, 3);
		db_bind_null(&q, 4);
	}
	while (db_step(&q) == DB_ROW) {
		if (n == PAGE_SIZE) {
			ctx_set(c, "Inbox.next", last);
			break;
		}
		note_to_hdf(c, &q, node_item(rows, n++));
		last = db_str(&q, 0);
	}
	if (db_finish(&q) == DB_ERROR)
		return 500;
	if (before > 0)
		ctx_set_int(c, "Inbox.paged", 1);
	return http_page(c, "inbox.cs");
}

/*
 * Mark the user's notification ids[0] read; what it leads to in *n (its
 * opportunity, quote and contract). 0, 404 when it is not the user's, 500.
 */
static int
mark_read(struct ctx *c, struct notice *n)
{
	struct dbq	q;
	int		found = 0, unread = 0;

	if (db_begin(c->db) == -1 ||
	    db_prepare(&q, c->db, c->arena, sql_note_lock) == -1)
		return 500;
	db_bind_int(&q, 0, c->ids[0]);
	db_bind_int(&q, 1, c->user->id);
	memset(n, 0, sizeof(*n));
	if (db_step(&q) == DB_ROW) {
		found = 1;
		n->opp_id = db_int(&q, 0);
		n->quote_id = db_int(&q, 1);
		n->contract_id = db_int(&q, 2);
		unread = (int)db_int(&q, 3);
	}
	if (db_finish(&q) == DB_ERROR)
		return 500;
	if (!found)
		return 404;
	if (unread && (db_exec(c->db, c->arena, sql_read_one, "ii",
	    c->ids[0], c->user->id) != 1 || db_exec(c->db, c->arena,
	    sql_unread_sub, "ii", 1LL, c->user->id) != 1))
		return 500;
	return db_commit(c->db) == -1 ? 500 : 0;
}

static int
inbox_read(struct ctx *c)
{
	struct notice	n;
	int		rc;

	if ((rc = mark_read(c, &n)) != 0)
		return rc;
	return http_redirect(c, "/inbox");
}

static int
inbox_open(struct ctx *c)
{
	struct notice	n;
	int		rc;

	if ((rc = mark_read(c, &n)) != 0)
		return rc;
	return http_redirect(c, notice_path(c->arena, &n));
}

static int
inbox_read_all(struct ctx *c)
{
	long long	n;

	if (db_begin(c->db) == -1 ||
	    (n = db_exec(c->db, c->arena, sql_read_all, "i", c->user->id)) <
	    0 || (n > 0 && db_exec(c->db, c->arena, sql_unread_sub, "ii", n,
	    c->user->id) != 1) || db_commit(c->db) == -1)
		return 500;
	return http_redirect(c, "/inbox");
}

/* Any signed-in user has an inbox: the statements keep it their own. */
static const struct route routes[] = {
	{ METHOD_GET, "/inbox", inbox_page, RT_NONE, ACT_VIEW, 0 },
	{ METHOD_POST, "/inbox/read", inbox_read_all, RT_NONE, ACT_VIEW, 0 },
	{ METHOD_POST, "/inbox/%d/read", inbox_read, RT_NONE, ACT_VIEW, 0 },
	{ METHOD_POST, "/inbox/%d/open", inbox_open, RT_NONE, ACT_VIEW, 0 },
};

static const struct program inbox = {
	"inbox", routes, sizeof(routes) / sizeof(routes[0])
};

int
main(int argc, char *argv[])
{
	return server_main(argc, argv, &inbox);
}
