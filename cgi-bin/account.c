/*
 * account.c - signing in and out, the password, the language, the home page.
 *
 * Sign-in failures are throttled per account and per client address from
 * the login_failure table, so the limit holds across all workers.
 */
#include <string.h>

#include "arena.h"
#include "audit.h"
#include "choice.h"
#include "ctx.h"
#include "db.h"
#include "form.h"
#include "http.h"
#include "log.h"
#include "overdue.h"
#include "pending.h"
#include "password.h"
#include "route.h"
#include "server.h"
#include "session.h"
#include "str.h"

#define FAILS_PER_ACCOUNT	5	/* within THROTTLE_WINDOW */
#define FAILS_PER_ADDRESS	20
#define DUE_LIMIT		100

static const char sql_fails_login[] =
    "SELECT COUNT(*) FROM login_failure WHERE login = ?"
    " AND at > NOW() - INTERVAL 15 MINUTE";
static const char sql_fails_addr[] =
    "SELECT COUNT(*) FROM login_failure WHERE remote_addr = ?"
    " AND at > NOW() - INTERVAL 15 MINUTE";
static const char sql_fail_insert[] =
    "INSERT INTO login_failure (login, remote_addr, at) VALUES (?, ?, NOW())";
static const char sql_fail_clear[] =
    "DELETE FROM login_failure WHERE login = ?";
static const char sql_user_by_login[] =
    "SELECT id, password_hash, must_change_pw FROM app_user"
    " WHERE login = ? AND active = 1";
static const char sql_user_hash[] =
    "SELECT password_hash FROM app_user WHERE id = ?";
static const char sql_user_set_hash[] =
    "UPDATE app_user SET password_hash = ?, must_change_pw = 0,"
    " password_changed_at = NOW() WHERE id = ?";
static const char sql_user_rehash[] =
    "UPDATE app_user SET password_hash = ? WHERE id = ?";
static const char sql_user_lang[] =
    "UPDATE app_user SET lang = ? WHERE id = ?";
static const char sql_due[] =
    "SELECT f.id, f.due_date, f.next_action, f.due_date < CURDATE(),"
    " c.id, c.code, c.name"
    " FROM followup f JOIN customer c ON c.id = f.customer_id"
    " WHERE f.author_id = ? AND f.done = 0 AND f.due_date <= CURDATE()"
    " AND c.deleted_at IS NULL ORDER BY f.due_date, f.id LIMIT 100";

static const struct field login_fields[] = {
	{ "login", FT_TEXT, FIELD_REQUIRED, 64, NULL, 0, 0 },
	{ "password", FT_PASSWORD, FIELD_REQUIRED, 1024, NULL, 0, 0 },
	{ "next", FT_TEXT, 0, 500, NULL, 0, 0 },
};

static const struct field confirm_fields[] = {
	{ "password", FT_PASSWORD, FIELD_REQUIRED, 1024, NULL, 0, 0 },
	{ "next", FT_TEXT, 0, 500, NULL, 0, 0 },
};

static const struct field password_fields[] = {
	{ "current", FT_PASSWORD, FIELD_REQUIRED, 1024, NULL, 0, 0 },
	{ "new", FT_PASSWORD, FIELD_REQUIRED, 1024, NULL, 0, 0 },
	{ "confirm", FT_PASSWORD, FIELD_REQUIRED, 1024, NULL, 0, 0 },
};

#define NFIELDS(a)	(sizeof(a) / sizeof((a)[0]))

static int
login_page(struct ctx *c)
{
	const char	*next = req_query(&c->req, "next");

	if (c->user != NULL)
		return http_redirect(c, "/home");
	if (next != NULL)
		form_fill(c, "next", next);
	return http_page(c, "login.cs");
}

/* Raise a hash made with an older, lower cost to the current one. */
static void
rehash_if_weak(struct ctx *c, long long uid, const char *pw, const char *hash)
{
	char	*fresh;

	if (password_needs_rehash(hash) == 1 &&
	    password_hash(c->arena, pw, &fresh) == 0)
		db_exec(c->db, c->arena, sql_user_rehash, "si", fresh, uid);
}

/* The stored hash of the signed-in user, or NULL. */
static const char *
current_hash(struct ctx *c)
{
	struct dbq	 q;
	const char	*hash = NULL;

	if (db_prepare(&q, c->db, c->arena, sql_user_hash) == -1)
		return NULL;
	db_bind_int(&q, 0, c->user->id);
	if (db_step(&q) == DB_ROW)
		hash = db_str(&q, 0);
	return db_finish(&q) == DB_ERROR ? NULL : hash;
}

/* Record a failed attempt everywhere it must show. */
static void
login_failed(struct ctx *c, const char *login)
{
	db_exec(c->db, c->arena, sql_fail_insert, "ss", login,
	    c->req.remote_addr);
	audit_log(c, "login_failed", "user", 0, "login", NULL, login);
	log_warn("sign-in failed for \"%s\" from %s", login,
	    c->req.remote_addr);
}

/*
 * Too many recent failures for this login or this client address? Then the
 * attempt counts as one more failure and is not even checked.
 */
static int
throttled(struct ctx *c, const char *login)
{
	if (db_int_query(c->db, c->arena, sql_fails_addr, 0, "s",
	    c->req.remote_addr) < FAILS_PER_ADDRESS &&
	    db_int_query(c->db, c->arena, sql_fails_login, 0, "s", login) <
	    FAILS_PER_ACCOUNT)
		return 0;
	login_failed(c, login);
	c->status = 429;
	ctx_set(c, "Error", ctx_msg(c, "login.throttled"));
	return 1;
}

static int
login_submit(struct ctx *c)
{
	struct form	 f;
	struct dbq	 q;
	const char	*login, *pw, *hash = NULL, *next;
	long long	 uid = 0, must_change = 0;

	if (form_read(c, login_fields, NFIELDS(login_fields), &f) != 0) {
		c->status = 422;
		return http_page(c, "login.cs");
	}
	login = form_value(&f, "login");
	pw = form_value(&f, "password");
	if (throttled(c, login))
		return http_page(c, "login.cs");
	if (db_prepare(&q, c->db, c->arena, sql_user_by_login) == -1)
		return 500;
	db_bind_text(&q, 0, login);
	if (db_step(&q) == DB_ROW) {
		uid = db_int(&q, 0);
		hash = db_str(&q, 1);
		must_change = db_int(&q, 2);
	}
	if (db_finish(&q) == DB_ERROR)
		return 500;
	if (hash == NULL)
		password_spend(pw);
	if (hash == NULL || password_verify(pw, hash) != 1) {
		login_failed(c, login);
		c->status = 422;
		ctx_set(c, "Error", ctx_msg(c, "login.failed"));
		return http_page(c, "login.cs");
	}
	db_exec(c->db, c->arena, sql_fail_clear, "s", login);
	if (c->user != NULL)
		session_end(c);	/* signing in again replaces the session */
	rehash_if_weak(c, uid, pw, hash);
	if (session_start(c, uid) == -1)
		return 500;
	c->user = arena_alloc(c->arena, sizeof(*c->user));
	c->user->id = uid;
	audit_log(c, "login", "user", uid, NULL, NULL, NULL);
	if (must_change)
		return http_redirect(c, "/password");
	next = form_value(&f, "next");
	return http_redirect(c, next ? next : "/home");
}

/* Re-authentication before the admin screens (ROUTE_REAUTH). */
static int
confirm_page(struct ctx *c)
{
	const char	*next = req_query(&c->req, "next");

	form_fill(c, "next", next != NULL ? next : "/admin");
	return http_page(c, "confirm.cs");
}

static int
confirm_submit(struct ctx *c)
{
	struct form	 f;
	const char	*hash, *next;

	if (form_read(c, confirm_fields, NFIELDS(confirm_fields), &f) != 0)
		goto invalid;
	/* A stolen session must not become a way to guess the password. */
	if (throttled(c, c->user->login))
		return http_page(c, "confirm.cs");
	if ((hash = current_hash(c)) == NULL)
		return 500;
	if (password_verify(form_value(&f, "password"), hash) != 1) {
		login_failed(c, c->user->login);
		form_error(c, &f, "password", "password.wrong_current");
		goto invalid;
	}
	if (session_reauth(c) == -1 ||
	    audit_log(c, "reauth", "user", c->user->id, NULL, NULL, NULL) == -1)
		return 500;
	next = form_value(&f, "next");
	return http_redirect(c, next ? next : "/admin");
invalid:
	c->status = 422;
	return http_page(c, "confirm.cs");
}

static int
logout(struct ctx *c)
{
	if (c->preview_role != 0)
		audit_log(c, "preview_end", "role", c->preview_role, NULL,
		    NULL, NULL);
	audit_log(c, "logout", "user", c->user->id, NULL, NULL, NULL);
	session_end(c);
	return http_redirect(c, "/login");
}

static int
password_page(struct ctx *c)
{
	ctx_set_int(c, "Forced", c->user->must_change_pw);
	return http_page(c, "password.cs");
}

static int
password_submit(struct ctx *c)
{
	struct form		 f;
	const char		*cur, *fresh, *hash;
	char			*encoded;
	enum password_problem	 p;

	ctx_set_int(c, "Forced", c->user->must_change_pw);
	if (form_read(c, password_fields, NFIELDS(password_fields), &f) != 0)
		goto invalid;
	cur = form_value(&f, "current");
	fresh = form_value(&f, "new");
	if ((hash = current_hash(c)) == NULL)
		return 500;
	if (password_verify(cur, hash) != 1) {
		form_error(c, &f, "current", "password.wrong_current");
		goto invalid;
	}
	if ((p = password_check_policy(fresh, c->user->login)) != PASSWORD_OK) {
		form_error(c, &f, "new", password_problem_key(p));
		goto invalid;
	}
	if (strcmp(fresh, cur) == 0) {
		form_error(c, &f, "new", "password.same");
		goto invalid;
	}
	if (strcmp(fresh, form_value(&f, "confirm")) != 0) {
		form_error(c, &f, "confirm", "password.mismatch");
		goto invalid;
	}
	if (password_hash(c->arena, fresh, &encoded) == -1 ||
	    db_begin(c->db) == -1)
		return 500;
	if (db_exec(c->db, c->arena, sql_user_set_hash, "si", encoded,
	    c->user->id) != 1 || session_end_others(c) == -1 ||
	    audit_log(c, "password_change", "user", c->user->id, NULL, NULL,
	    NULL) == -1 || db_commit(c->db) == -1)
		return 500;
	return http_redirect(c, "/home?msg=password_changed");
invalid:
	c->status = 422;
	return http_page(c, "password.cs");
}

static int
home(struct ctx *c)
{
	struct dbq	 q;
	const char	*msg = req_query(&c->req, "msg");
	HDF		*due, *row;
	int		 n = 0;

	if (msg != NULL && strcmp(msg, "password_changed") == 0)
		ctx_set(c, "Notice", ctx_msg(c, "password.changed"));
	if (choice_load(c) == -1 ||
	    db_prepare(&q, c->db, c->arena, sql_due) == -1)
		return 500;
	db_bind_int(&q, 0, c->user->id);
	due = ctx_node(c, "Due");
	while (db_step(&q) == DB_ROW) {
		row = node_item(due, n++);
		node_set(row, "id", db_text(&q, 0));
		node_set(row, "date", db_text(&q, 1));
		node_set(row, "action", choice_label(c, "next_action",
		    db_text(&q, 2)));
		node_set(row, "overdue", db_text(&q, 3));
		node_set(row, "customer_id", db_text(&q, 4));
		node_set(row, "code", db_text(&q, 5));
		node_set(row, "name", db_text(&q, 6));
	}
	if (db_finish(&q) == DB_ERROR)
		return 500;
	ctx_set_int(c, "DueCount", n);
	if (overdue_home(c) == -1 || pending_home(c) == -1)
		return 500;
	return http_page(c, "home.cs");
}

static int
root(struct ctx *c)
{
	return http_redirect(c, c->user ? "/home" : "/login");
}

/* Anyone may switch; a signed-in user keeps the choice in the profile. */
static int
lang_submit(struct ctx *c)
{
	const char	*lang = req_form(&c->req, "lang");
	const char	*back = req_form(&c->req, "back");

	if (lang == NULL || (strcmp(lang, "en") != 0 &&
	    strcmp(lang, "zh-CN") != 0))
		return 400;
	if (c->user != NULL && db_exec(c->db, c->arena, sql_user_lang, "si",
	    lang, c->user->id) < 0)
		return 500;
	http_cookie(c, "lang", lang, 365L * 24 * 3600);
	return http_redirect(c, back);
}

/* The cheapest page through the whole path: the bench's ceiling. */
static int
health(struct ctx *c)
{
	c->content_type = "text/plain; charset=utf-8";
	buf_puts(&c->body, "ok\n");
	return 0;
}

static const struct route routes[] = {
	{ METHOD_GET, "/", root, RT_NONE, ACT_VIEW, ROUTE_PUBLIC },
	{ METHOD_GET, "/healthz", health, RT_NONE, ACT_VIEW, ROUTE_PUBLIC },
	{ METHOD_GET, "/login", login_page, RT_NONE, ACT_VIEW, ROUTE_PUBLIC },
	{ METHOD_POST, "/login", login_submit, RT_NONE, ACT_VIEW,
	    ROUTE_PUBLIC },
	/* Signing out also ends a preview: allowed during one. */
	{ METHOD_POST, "/logout", logout, RT_NONE, ACT_VIEW,
	    ROUTE_PWCHANGE | ROUTE_PREVIEW_EXIT },
	{ METHOD_GET, "/password", password_page, RT_NONE, ACT_VIEW,
	    ROUTE_PWCHANGE },
	{ METHOD_POST, "/password", password_submit, RT_NONE, ACT_VIEW,
	    ROUTE_PWCHANGE },
	{ METHOD_POST, "/lang", lang_submit, RT_NONE, ACT_VIEW,
	    ROUTE_PUBLIC | ROUTE_PWCHANGE },
	{ METHOD_GET, "/home", home, RT_NONE, ACT_VIEW, 0 },
	{ METHOD_GET, "/confirm", confirm_page, RT_NONE, ACT_VIEW, 0 },
	{ METHOD_POST, "/confirm", confirm_submit, RT_NONE, ACT_VIEW, 0 },
};

static const struct program account = {
	"account", routes, sizeof(routes) / sizeof(routes[0])
};

int
main(int argc, char *argv[])
{
	return server_main(argc, argv, &account);
}
