/*
 * session.c - sessions in the database, CSRF tokens and the Origin check.
 */
#include <string.h>

#include "arena.h"
#include "ctx.h"
#include "db.h"
#include "http.h"
#include "log.h"
#include "session.h"
#include "str.h"
#include "token.h"

#define TOKEN_BYTES	32

/*
 * The session, its user and the user's grants in one round trip: one row
 * per grant (the session columns repeat), or one row with NULL grant
 * columns for a user without roles. Every page pays for this statement.
 * During a preview the grants are those of the previewed role alone: the
 * user's roles are not joined at all. The unread notifications are a
 * counter on the user's row (kept by lib/notify.c and cgi-bin/inbox.c),
 * so the header's count costs no statement of its own.
 */
static const char sql_session_get[] =
    "SELECT s.id, s.csrf_token, u.id, u.login, u.name, COALESCE(u.team_id, 0),"
    " u.lang, u.must_change_pw, s.last_seen < NOW() - INTERVAL 60 SECOND,"
    " COALESCE(s.reauth_at > NOW() - INTERVAL 900 SECOND, 0),"
    " COALESCE(pr.id, 0), IF(u.lang = 'zh-CN', pr.name_zh, pr.name_en),"
    " rp.record_type, rp.action, rp.scope, u.unread_notifications"
    " FROM session s JOIN app_user u ON u.id = s.user_id"
    " LEFT JOIN role pr ON pr.id = s.preview_role_id"
    " LEFT JOIN user_role ur ON ur.user_id = u.id"
    " AND s.preview_role_id IS NULL"
    " LEFT JOIN role_permission rp"
    " ON rp.role_id = COALESCE(s.preview_role_id, ur.role_id)"
    " WHERE s.token_hash = ? AND u.active = 1"
    " AND s.created_at > NOW() - INTERVAL 43200 SECOND"
    " AND s.last_seen > NOW() - INTERVAL 1800 SECOND";
static const char sql_session_touch[] =
    "UPDATE session SET last_seen = NOW() WHERE id = ?";
static const char sql_session_delete[] =
    "DELETE FROM session WHERE token_hash = ?";
static const char sql_session_insert[] =
    "INSERT INTO session (token_hash, user_id, csrf_token, created_at,"
    " last_seen, remote_addr) VALUES (?, ?, ?, NOW(), NOW(), ?)";
static const char sql_session_purge[] =
    "DELETE FROM session WHERE user_id = ? AND (created_at <"
    " NOW() - INTERVAL 43200 SECOND OR last_seen < NOW() - INTERVAL 1800 SECOND)";
static const char sql_session_others[] =
    "DELETE FROM session WHERE user_id = ? AND id <> ?";
static const char sql_session_user[] =
    "DELETE FROM session WHERE user_id = ?";
static const char sql_session_reauth[] =
    "UPDATE session SET reauth_at = NOW() WHERE id = ?";
static const char sql_session_preview[] =
    "UPDATE session SET preview_role_id = NULLIF(?, 0) WHERE id = ?";

/* The __Host- prefix pins the cookie to our host over HTTPS. */
static const char *
cookie_name(const struct ctx *c, const char *base)
{
	return c->req.https ? arena_printf(c->arena, "__Host-%s", base) : base;
}

static int
token_wellformed(const char *t)
{
	size_t	i;

	if (t == NULL || strlen(t) != TOKEN_BYTES * 2)
		return 0;
	for (i = 0; t[i] != '\0'; i++)
		if (strchr("0123456789abcdef", t[i]) == NULL)
			return 0;
	return 1;
}

int
session_load(struct ctx *c)
{
	const char	*tok, *hash;
	struct dbq	 q;
	struct user	*u;
	int		 stale = 0;

	c->session_checked = 1;
	tok = req_cookie(&c->req, cookie_name(c, "crm_session"));
	if (!token_wellformed(tok))
		return 0;
	hash = token_sha256_hex(c->arena, tok);
	if (db_prepare(&q, c->db, c->arena, sql_session_get) == -1)
		return -1;
	db_bind_text(&q, 0, hash);
	memset(&c->perms, 0, sizeof(c->perms));
	while (db_step(&q) == DB_ROW) {
		if (c->user == NULL) {
			u = arena_alloc(c->arena, sizeof(*u));
			c->session_id = db_int(&q, 0);
			c->csrf = db_str(&q, 1);
			u->id = db_int(&q, 2);
			u->login = db_str(&q, 3);
			u->name = db_str(&q, 4);
			u->team_id = db_int(&q, 5);
			u->lang = db_str(&q, 6);
			u->must_change_pw = (int)db_int(&q, 7);
			stale = (int)db_int(&q, 8);
			c->reauthed = (int)db_int(&q, 9);
			c->preview_role = db_int(&q, 10);
			c->preview_name = db_str(&q, 11);
			u->unread = db_int(&q, 15);
			c->user = u;
		}
		perm_grant(&c->perms, db_text(&q, 12), db_text(&q, 13),
		    db_int(&q, 14));
	}
	if (db_finish(&q) == DB_ERROR)
		return -1;
	if (c->user == NULL) {
		/* Expired or unknown: forget it on both sides. */
		db_exec(c->db, c->arena, sql_session_delete, "s", hash);
		http_cookie(c, cookie_name(c, "crm_session"), "", 0);
		return 0;
	}
	/* Idle time only needs minute precision: spare a write per click. */
	if (stale && db_exec(c->db, c->arena, sql_session_touch, "i",
	    c->session_id) < 0)
		return -1;
	return 0;
}

int
session_start(struct ctx *c, long long user_id)
{
	const char	*tok, *csrf;
	struct dbq	 q;

	db_exec(c->db, c->arena, sql_session_purge, "i", user_id);
	tok = token_new(c->arena, TOKEN_BYTES);
	csrf = token_new(c->arena, TOKEN_BYTES);
	if (db_prepare(&q, c->db, c->arena, sql_session_insert) == -1)
		return -1;
	db_bind_text(&q, 0, token_sha256_hex(c->arena, tok));
	db_bind_int(&q, 1, user_id);
	db_bind_text(&q, 2, csrf);
	db_bind_text(&q, 3, c->req.remote_addr);
	db_step(&q);
	c->session_id = db_insert_id(&q);
	if (db_finish(&q) == DB_ERROR)
		return -1;
	c->csrf = csrf;
	http_cookie(c, cookie_name(c, "crm_session"), tok, -1);
	return 0;
}

void
session_end(struct ctx *c)
{
	const char	*tok;

	tok = req_cookie(&c->req, cookie_name(c, "crm_session"));
	if (token_wellformed(tok))
		db_exec(c->db, c->arena, sql_session_delete, "s",
		    token_sha256_hex(c->arena, tok));
	http_cookie(c, cookie_name(c, "crm_session"), "", 0);
	c->user = NULL;
	c->csrf = NULL;
}

int
session_end_others(struct ctx *c)
{
	if (c->user == NULL)
		return -1;
	return db_exec(c->db, c->arena, sql_session_others, "ii",
	    c->user->id, c->session_id) < 0 ? -1 : 0;
}

int
session_end_user(struct ctx *c, long long user_id)
{
	return db_exec(c->db, c->arena, sql_session_user, "i", user_id) < 0 ?
	    -1 : 0;
}

int
session_reauth(struct ctx *c)
{
	if (c->user == NULL || db_exec(c->db, c->arena, sql_session_reauth,
	    "i", c->session_id) < 0)
		return -1;
	c->reauthed = 1;
	return 0;
}

int
session_preview(struct ctx *c, long long role_id)
{
	if (c->user == NULL || db_exec(c->db, c->arena, sql_session_preview,
	    "ii", role_id, c->session_id) < 0)
		return -1;
	c->preview_role = role_id;
	return 0;
}

const char *
csrf_token(struct ctx *c)
{
	const char	*pre;

	if (c->csrf != NULL)
		return c->csrf;
	/* A request refused before its session was known gets no token. */
	if (!c->session_checked)
		return "";
	pre = req_cookie(&c->req, cookie_name(c, "crm_pre"));
	if (!token_wellformed(pre)) {
		pre = token_new(c->arena, TOKEN_BYTES);
		http_cookie(c, cookie_name(c, "crm_pre"), pre, -1);
	}
	c->csrf = pre;
	return pre;
}

/* The request must come from a page of this very site. */
static int
origin_valid(const struct ctx *c)
{
	const char	*own;
	size_t		 n;

	if (c->req.host == NULL)
		return 0;
	own = arena_printf(c->arena, "%s://%s", c->req.https ? "https" : "http",
	    c->req.host);
	if (c->req.origin != NULL)
		return strcmp(c->req.origin, own) == 0;
	n = strlen(own);
	return c->req.referer != NULL && strncmp(c->req.referer, own, n) == 0 &&
	    c->req.referer[n] == '/';
}

int
csrf_valid(struct ctx *c)
{
	const char	*sent, *want;

	if (!origin_valid(c))
		return 0;
	sent = req_form(&c->req, "csrf");
	if (c->user != NULL)
		want = c->csrf;
	else
		want = req_cookie(&c->req, cookie_name(c, "crm_pre"));
	if (!token_wellformed(sent) || !token_wellformed(want))
		return 0;
	return token_equal(sent, want, TOKEN_BYTES * 2);
}
