/*
 * users.c - user accounts: list, create, edit, disable, reset a password.
 *
 * An admin never chooses a password: creating a user or resetting one
 * shows a random initial password once, on the response page only (not in
 * a URL, a log or the audit), and the user must replace it at first
 * sign-in. Disabling a user or resetting the password ends the user's
 * sessions at once.
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
#include "password.h"
#include "session.h"
#include "str.h"

#define NFIELDS(a)	(sizeof(a) / sizeof((a)[0]))
#define USERS_PAGE	100

static const char sql_users[] =
    "SELECT u.id, u.login, u.name, COALESCE(t.name, ''), u.active,"
    " u.must_change_pw, (SELECT GROUP_CONCAT(IF(? = 'zh-CN', r.name_zh,"
    " r.name_en) ORDER BY r.id SEPARATOR ', ') FROM user_role ur"
    " JOIN role r ON r.id = ur.role_id WHERE ur.user_id = u.id)"
    " FROM app_user u LEFT JOIN team t ON t.id = u.team_id"
    " WHERE (? IS NULL OR u.login > ?) ORDER BY u.login LIMIT 101";
static const char sql_user_get[] =
    "SELECT u.login, u.name, COALESCE(u.email, ''), COALESCE(u.team_id, 0),"
    " u.lang, u.active, (SELECT GROUP_CONCAT(r.code ORDER BY r.code)"
    " FROM user_role ur JOIN role r ON r.id = ur.role_id"
    " WHERE ur.user_id = u.id)"
    " FROM app_user u WHERE u.id = ?";
static const char sql_user_insert[] =
    "INSERT INTO app_user (login, name, email, password_hash, must_change_pw,"
    " team_id, lang) VALUES (?, ?, ?, ?, 1, NULLIF(?, 0), ?)";
static const char sql_user_update[] =
    "UPDATE app_user SET name = ?, email = ?, lang = ? WHERE id = ?";
static const char sql_user_active[] =
    "UPDATE app_user SET active = ? WHERE id = ?";
static const char sql_user_password[] =
    "UPDATE app_user SET password_hash = ?, must_change_pw = 1,"
    " password_changed_at = NULL WHERE id = ?";
static const char sql_roles_clear[] =
    "DELETE FROM user_role WHERE user_id = ?";
static const char sql_role_add[] =
    "INSERT INTO user_role (user_id, role_id)"
    " SELECT ?, id FROM role WHERE code = ?";
static const char sql_role_options[] =
    "SELECT code, IF(? = 'zh-CN', name_zh, name_en) FROM role ORDER BY id";
static const char sql_team_options[] =
    "SELECT id, name FROM team ORDER BY name";

/* The language list is fixed: the catalogues the templates ship with. */
static const char *const langs[] = { "zh-CN", "en" };

static const struct field user_fields[] = {
	{ "login", FT_TEXT, FIELD_REQUIRED, 64, NULL, 0, 0 },
	{ "name", FT_TEXT, FIELD_REQUIRED, 100, NULL, 0, 0 },
	{ "email", FT_EMAIL, 0, 254, NULL, 0, 0 },
	{ "team", FT_CHOICE, 0, 0, "team", 0, 0 },
	{ "lang", FT_TEXT, FIELD_REQUIRED, 8, NULL, 0, 0 },
	{ "roles", FT_MULTI, 0, 0, "role", 0, 0 },
};

/* Editing skips the login: it names the account for good. */
#define EDIT_FIELDS	(user_fields + 1)
#define NEDIT_FIELDS	(NFIELDS(user_fields) - 1)

struct user_row {
	const char	*login, *name, *email, *lang, *roles;
	long long	 team_id;
	int		 active;
};

/* Roles and teams as options of the "role" and "team" lists. */
static int
user_options(struct ctx *c)
{
	struct dbq	q;
	int		n;

	if (choice_load(c) == -1 ||
	    db_prepare(&q, c->db, c->arena, sql_role_options) == -1)
		return -1;
	db_bind_text(&q, 0, c->lang);
	for (n = 0; db_step(&q) == DB_ROW; n++)
		choice_option(c, "role", n, db_text(&q, 0), db_text(&q, 1));
	if (db_finish(&q) == DB_ERROR ||
	    db_prepare(&q, c->db, c->arena, sql_team_options) == -1)
		return -1;
	for (n = 0; db_step(&q) == DB_ROW; n++)
		choice_option(c, "team", n, db_text(&q, 0), db_text(&q, 1));
	return db_finish(&q) == DB_ERROR ? -1 : 0;
}

/* Load user c->ids[0]; 1 found, 0 not, -1 error. */
static int
user_get(struct ctx *c, struct user_row *u)
{
	struct dbq	q;
	int		found = 0;

	if (db_prepare(&q, c->db, c->arena, sql_user_get) == -1)
		return -1;
	db_bind_int(&q, 0, c->ids[0]);
	if (db_step(&q) == DB_ROW) {
		u->login = db_str(&q, 0);
		u->name = db_str(&q, 1);
		u->email = db_str(&q, 2);
		u->team_id = db_int(&q, 3);
		u->lang = db_str(&q, 4);
		u->active = (int)db_int(&q, 5);
		u->roles = db_str(&q, 6);
		found = 1;
	}
	return db_finish(&q) == DB_ERROR ? -1 : found;
}

static int
lang_known(const char *lang)
{
	size_t	i;

	for (i = 0; lang != NULL && i < NFIELDS(langs); i++)
		if (strcmp(lang, langs[i]) == 0)
			return 1;
	return 0;
}

/* Logins are short, lowercase and safe in any URL or log line. */
static int
login_wellformed(const char *login)
{
	size_t	n = strspn(login, "abcdefghijklmnopqrstuvwxyz0123456789._-");

	return n >= 2 && login[n] == '\0';
}

/* Replace the user's roles by the comma-separated codes. */
static int
roles_set(struct ctx *c, long long uid, const char *codes)
{
	char	*list, *code, *save = NULL;

	if (db_exec(c->db, c->arena, sql_roles_clear, "i", uid) < 0)
		return -1;
	list = arena_strdup(c->arena, codes ? codes : "");
	for (code = strtok_r(list, ",", &save); code != NULL;
	    code = strtok_r(NULL, ",", &save))
		if (db_exec(c->db, c->arena, sql_role_add, "is", uid,
		    code) != 1)
			return -1;
	return 0;
}

/*
 * A fresh initial password, handed to the page rendered next (and nowhere
 * else); returns its hash, or NULL.
 */
static const char *
initial_password(struct ctx *c)
{
	char	*pw = password_initial(c->arena), *hash;

	if (password_hash(c->arena, pw, &hash) == -1)
		return NULL;
	ctx_set(c, "Initial.password", pw);
	return hash;
}

int
admin_users(struct ctx *c)
{
	struct dbq	 q;
	const char	*after = req_query(&c->req, "after"), *last = NULL;
	HDF		*rows = ctx_node(c, "Rows"), *row;
	int		 n = 0;

	if (db_prepare(&q, c->db, c->arena, sql_users) == -1)
		return 500;
	db_bind_text(&q, 0, c->lang);
	db_bind_text(&q, 1, after);
	db_bind_text(&q, 2, after);
	while (db_step(&q) == DB_ROW) {
		if (n == USERS_PAGE) {
			ctx_set(c, "List.next", last);
			break;
		}
		row = node_item(rows, n++);
		node_set(row, "id", db_text(&q, 0));
		node_set(row, "login", last = db_str(&q, 1));
		node_set(row, "name", db_text(&q, 2));
		node_set(row, "team", db_text(&q, 3));
		node_set(row, "active", db_text(&q, 4));
		node_set(row, "must_change", db_text(&q, 5));
		node_set(row, "roles", db_text(&q, 6));
	}
	if (db_finish(&q) == DB_ERROR)
		return 500;
	return http_page(c, "admin/users.cs");
}

int
admin_user_new(struct ctx *c)
{
	if (user_options(c) == -1)
		return 500;
	form_fill(c, "lang", c->lang);
	return http_page(c, "admin/user_new.cs");
}

int
admin_user_create(struct ctx *c)
{
	struct form	 f;
	const char	*login, *hash;
	long long	 uid;

	if (user_options(c) == -1)
		return 500;
	form_read(c, user_fields, NFIELDS(user_fields), &f);
	login = form_value(&f, "login");
	if (login != NULL && !login_wellformed(login))
		form_error(c, &f, "login", "admin.user.bad_login");
	if (!lang_known(form_value(&f, "lang")))
		form_error(c, &f, "lang", "form.bad_choice");
	if (f.nerrors > 0)
		goto invalid;
	if ((hash = initial_password(c)) == NULL || db_begin(c->db) == -1)
		return 500;
	if (db_exec(c->db, c->arena, sql_user_insert, "ssssis", login,
	    form_value(&f, "name"), form_value(&f, "email"), hash,
	    str_to_id(form_value(&f, "team")), form_value(&f, "lang")) != 1) {
		if (!db_last_was_duplicate(c->db))
			return 500;
		db_rollback(c->db);
		form_error(c, &f, "login", "admin.user.login_taken");
		goto invalid;
	}
	uid = db_int_query(c->db, c->arena, "SELECT LAST_INSERT_ID()", 0, "");
	if (uid <= 0 || roles_set(c, uid, form_value(&f, "roles")) == -1 ||
	    audit_log(c, "create", "user", uid, "login", NULL, login) == -1 ||
	    audit_log(c, "roles", "user", uid, "roles", NULL,
	    form_value(&f, "roles")) == -1 ||
	    db_commit(c->db) == -1)
		return 500;
	ctx_set(c, "Initial.login", login);
	ctx_set_int(c, "Initial.id", uid);
	return http_page(c, "admin/user_password.cs");
invalid:
	c->status = 422;
	return http_page(c, "admin/user_new.cs");
}

/* The edit page, for a user loaded into u. */
static int
user_page(struct ctx *c, const struct user_row *u)
{
	ctx_set_int(c, "Account.id", c->ids[0]);
	ctx_set(c, "Account.login", u->login);
	ctx_set_int(c, "Account.active", u->active);
	ctx_set_int(c, "Account.self", c->ids[0] == c->user->id);
	return http_page(c, "admin/user_edit.cs");
}

int
admin_user_edit(struct ctx *c)
{
	struct user_row	u;
	int		rc;

	if ((rc = user_get(c, &u)) != 1)
		return rc == 0 ? 404 : 500;
	if (user_options(c) == -1)
		return 500;
	form_fill(c, "name", u.name);
	form_fill(c, "email", u.email);
	form_fill(c, "team", u.team_id ? arena_printf(c->arena, "%lld",
	    u.team_id) : "");
	form_fill(c, "lang", u.lang);
	/* Multi-choice fields are shown from Form.<name>.<code>. */
	if (u.roles[0] != '\0') {
		char	*list = arena_strdup(c->arena, u.roles), *code, *save;

		for (code = strtok_r(list, ",", &save); code != NULL;
		    code = strtok_r(NULL, ",", &save))
			ctx_set(c, arena_printf(c->arena, "Form.roles.%s",
			    code), "1");
	}
	return user_page(c, &u);
}

int
admin_user_update(struct ctx *c)
{
	struct user_row	 u;
	struct form	 f;
	const char	*roles;
	long long	 uid = c->ids[0], team;
	int		 rc;

	if ((rc = user_get(c, &u)) != 1)
		return rc == 0 ? 404 : 500;
	if (user_options(c) == -1)
		return 500;
	form_read(c, EDIT_FIELDS, NEDIT_FIELDS, &f);
	if (!lang_known(form_value(&f, "lang")))
		form_error(c, &f, "lang", "form.bad_choice");
	roles = form_value(&f, "roles");
	/* An admin cannot lock themself out of this very screen. */
	if (uid == c->user->id && (roles == NULL ||
	    strstr(arena_printf(c->arena, ",%s,", roles), ",admin,") == NULL))
		form_error(c, &f, "roles", "admin.user.keep_own_admin");
	if (f.nerrors > 0) {
		c->status = 422;
		return user_page(c, &u);
	}
	team = str_to_id(form_value(&f, "team"));
	if (db_begin(c->db) == -1 ||
	    db_exec(c->db, c->arena, sql_user_update, "sssi",
	    form_value(&f, "name"), form_value(&f, "email"),
	    form_value(&f, "lang"), uid) < 0 ||
	    audit_field(c, "user", uid, "name", u.name,
	    form_value(&f, "name")) == -1 ||
	    audit_field(c, "user", uid, "email", u.email,
	    form_value(&f, "email")) == -1 ||
	    audit_field(c, "user", uid, "lang", u.lang,
	    form_value(&f, "lang")) == -1)
		return 500;
	if (team != u.team_id && admin_user_move(c, uid, team) == -1)
		return 500;
	if (strcmp(u.roles, roles ? roles : "") != 0 &&
	    (roles_set(c, uid, roles) == -1 ||
	    audit_log(c, "roles", "user", uid, "roles", u.roles, roles) == -1))
		return 500;
	if (db_commit(c->db) == -1)
		return 500;
	return http_redirect(c, "/admin/users");
}

/* Disable or enable; a disabled user's sessions end at once. */
static int
user_set_active(struct ctx *c, int active)
{
	struct user_row	u;
	long long	uid = c->ids[0];
	int		rc;

	if ((rc = user_get(c, &u)) != 1)
		return rc == 0 ? 404 : 500;
	if (uid == c->user->id)
		return 403;
	if (db_begin(c->db) == -1 ||
	    db_exec(c->db, c->arena, sql_user_active, "ii", active, uid) < 0 ||
	    (!active && session_end_user(c, uid) == -1) ||
	    audit_log(c, active ? "enable" : "disable", "user", uid, "active",
	    u.active ? "1" : "0", active ? "1" : "0") == -1 ||
	    db_commit(c->db) == -1)
		return 500;
	return http_redirect(c, arena_printf(c->arena, "/admin/users/%lld",
	    uid));
}

int
admin_user_disable(struct ctx *c)
{
	return user_set_active(c, 0);
}

int
admin_user_enable(struct ctx *c)
{
	return user_set_active(c, 1);
}

int
admin_user_reset(struct ctx *c)
{
	struct user_row	 u;
	const char	*hash;
	long long	 uid = c->ids[0];
	int		 rc;

	if ((rc = user_get(c, &u)) != 1)
		return rc == 0 ? 404 : 500;
	if ((hash = initial_password(c)) == NULL || db_begin(c->db) == -1 ||
	    db_exec(c->db, c->arena, sql_user_password, "si", hash, uid) < 0 ||
	    session_end_user(c, uid) == -1 ||
	    audit_log(c, "password_reset", "user", uid, NULL, NULL, NULL) ==
	    -1 || db_commit(c->db) == -1)
		return 500;
	ctx_set(c, "Initial.login", u.login);
	ctx_set_int(c, "Initial.id", uid);
	return http_page(c, "admin/user_password.cs");
}
