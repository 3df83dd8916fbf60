/*
 * rules.c - the stage rules, administered (lib/stagerule.h): each open
 * stage's stale limit in hours, and who is notified when an opportunity
 * enters a stage (a role's active members, or one user). Every change is
 * audited under the record type "stage_rule": a limit as field
 * "<stage>.stale_hours", a recipient as action recipient_add or
 * recipient_remove with "role:<code>" or "user:<login>".
 */
#include <string.h>

#include "arena.h"
#include "audit.h"
#include "choice.h"
#include "ctx.h"
#include "db.h"
#include "form.h"
#include "http.h"
#include "stagerule.h"
#include "str.h"
#include "opportunities.h"

/* A handful of rows, read whole by their primary keys. */
static const char sql_hours[] =
    "SELECT stage, stale_hours FROM stage_rule";
static const char sql_hours_save[] =
    "INSERT INTO stage_rule (stage, stale_hours) VALUES (?, ?)"
    " ON DUPLICATE KEY UPDATE stale_hours = VALUES(stale_hours)";
static const char sql_recipients[] =
    "SELECT r.id, r.stage, ro.code, ro.name_en, ro.name_zh, u.login,"
    " u.name FROM stage_recipient r LEFT JOIN role ro ON ro.id = r.role_id"
    " LEFT JOIN app_user u ON u.id = r.user_id ORDER BY r.id";
static const char sql_recipient_get[] =
    "SELECT r.stage, ro.code, u.login FROM stage_recipient r"
    " LEFT JOIN role ro ON ro.id = r.role_id"
    " LEFT JOIN app_user u ON u.id = r.user_id WHERE r.id = ?";
static const char sql_recipient_add[] =
    "INSERT INTO stage_recipient (stage, role_id, user_id)"
    " VALUES (?, NULLIF(?, 0), NULLIF(?, 0))";
static const char sql_recipient_delete[] =
    "DELETE FROM stage_recipient WHERE id = ?";
static const char sql_roles[] =
    "SELECT id, code, name_en, name_zh FROM role ORDER BY id";
static const char sql_users[] =
    "SELECT id, login, name FROM app_user WHERE active = 1 ORDER BY login";
static const char sql_role_code[] =
    "SELECT code FROM role WHERE id = ?";
static const char sql_user_login[] =
    "SELECT login FROM app_user WHERE id = ?";

static const struct field recipient_fields[] = {
	{ "stage", FT_CHOICE, FIELD_REQUIRED, 0, "opp_stage", 0, 0 },
	{ "role", FT_CHOICE, 0, 0, "rule_role", 0, 0 },
	{ "user", FT_CHOICE, 0, 0, "rule_user", 0, 0 },
};

/*
 * The open stages as Stages.N.{code,label,hours} and one field each,
 * "h_<code>"; their number, or -1. Closed stages never go stale.
 */
static int
hours_fields(struct ctx *c, struct field **out)
{
	struct dbq	 q;
	HDF		*o, *rows = ctx_node(c, "Stages"), *row, *stored;
	struct field	*f;
	struct stage	 st;
	const char	*code;
	int		 n = 0, total;

	stored = ctx_node(c, "StaleHours");
	if (db_prepare(&q, c->db, c->arena, sql_hours) == -1)
		return -1;
	while (db_step(&q) == DB_ROW)
		if (choice_code_ok(code = db_str(&q, 0)))
			node_set(stored, code, db_text(&q, 1));
	if (db_finish(&q) == DB_ERROR)
		return -1;
	total = node_count(hdf_get_obj(c->hdf, "ChoiceList.opp_stage"));
	*out = f = arena_calloc(c->arena, (size_t)total + 1, sizeof(*f));
	for (o = hdf_get_child(c->hdf, "ChoiceList.opp_stage"); o != NULL &&
	    n < total; o = hdf_obj_next(o)) {
		code = hdf_get_value(o, "code", "");
		if (stage_get(c, code, &st) == -1)
			return -1;
		if (stage_closed(&st))
			continue;
		f[n].name = arena_printf(c->arena, "h_%s", code);
		f[n].type = FT_INT;
		f[n].flags = FIELD_REQUIRED;
		f[n].maxlen = 4;
		f[n].min = 1;
		f[n].max = STALE_HOURS_MAX;
		row = node_item(rows, n++);
		node_set(row, "code", code);
		node_set(row, "label", hdf_get_value(o, "label", code));
		node_set(row, "hours", hdf_get_value(stored, code,
		    STAGERULE_XSTR(STALE_HOURS_DEFAULT)));
	}
	return n;
}

/* The roles and active users a rule may name, as choice lists. */
static int
recipient_options(struct ctx *c)
{
	struct dbq	q;
	int		n, zh = strcmp(c->lang, "zh-CN") == 0;

	if (db_prepare(&q, c->db, c->arena, sql_roles) == -1)
		return -1;
	for (n = 0; db_step(&q) == DB_ROW; n++)
		choice_option(c, "rule_role", n, db_text(&q, 0),
		    db_text(&q, zh ? 3 : 2));
	if (db_finish(&q) == DB_ERROR ||
	    db_prepare(&q, c->db, c->arena, sql_users) == -1)
		return -1;
	for (n = 0; db_step(&q) == DB_ROW; n++)
		choice_option(c, "rule_user", n, db_text(&q, 0),
		    arena_printf(c->arena, "%s (%s)", db_str(&q, 2),
		    db_str(&q, 1)));
	return db_finish(&q) == DB_ERROR ? -1 : 0;
}

static int
recipients_to_hdf(struct ctx *c)
{
	struct dbq	 q;
	HDF		*rows = ctx_node(c, "Recipients"), *row;
	int		 n = 0, zh = strcmp(c->lang, "zh-CN") == 0;

	if (db_prepare(&q, c->db, c->arena, sql_recipients) == -1)
		return -1;
	while (db_step(&q) == DB_ROW) {
		row = node_item(rows, n++);
		node_set(row, "id", db_text(&q, 0));
		node_set(row, "stage", choice_label(c, "opp_stage",
		    db_text(&q, 1)));
		if (!db_is_null(&q, 2)) {
			node_set(row, "kind", "role");
			node_set(row, "who", db_text(&q, zh ? 4 : 3));
		} else {
			node_set(row, "kind", "user");
			node_set(row, "who", arena_printf(c->arena, "%s (%s)",
			    db_str(&q, 6), db_str(&q, 5)));
		}
	}
	return db_finish(&q) == DB_ERROR ? -1 : 0;
}

/*
 * The page; the stored limits fill their fields unless a failed save
 * keeps what was typed.
 */
static int
rules_page(struct ctx *c, int fill)
{
	HDF	*row;

	for (row = hdf_get_child(c->hdf, "Stages"); fill && row != NULL;
	    row = hdf_obj_next(row))
		form_fill(c, arena_printf(c->arena, "h_%s",
		    hdf_get_value(row, "code", "")),
		    hdf_get_value(row, "hours", NULL));
	if (recipient_options(c) == -1 || recipients_to_hdf(c) == -1)
		return 500;
	return http_page(c, "opportunities/rules.cs");
}

/* What every handler needs first: stages, their fields, choice lists. */
static int
rules_setup(struct ctx *c, struct field **fields)
{
	if (choice_load(c) == -1)
		return -1;
	return hours_fields(c, fields);
}

int
opp_rules(struct ctx *c)
{
	struct field	*fields;

	if (rules_setup(c, &fields) == -1)
		return 500;
	if (req_query(&c->req, "saved") != NULL)
		ctx_set(c, "Notice", ctx_msg(c, "rules.saved"));
	return rules_page(c, 1);
}

int
opp_rules_save(struct ctx *c)
{
	struct field	*fields;
	struct form	 f;
	const char	*code, *was, *now;
	int		 n, i;

	if ((n = rules_setup(c, &fields)) == -1)
		return 500;
	if (form_read(c, fields, (size_t)n, &f) != 0) {
		if (f.nerrors == 0)
			return 500;
		c->status = 422;
		return rules_page(c, 0);
	}
	if (db_begin(c->db) == -1)
		return 500;
	for (i = 0; i < n; i++) {
		code = fields[i].name + 2;
		was = hdf_get_value(c->hdf, arena_printf(c->arena,
		    "Stages.%d.hours", i), NULL);
		now = form_value(&f, fields[i].name);
		if (was != NULL && strcmp(was, now) == 0)
			continue;
		if (audit_field(c, "stage_rule", 0, arena_printf(c->arena,
		    "%s.stale_hours", code), was, now) == -1 ||
		    db_exec(c->db, c->arena, sql_hours_save, "ss", code,
		    now) < 0)
			return 500;
	}
	if (db_commit(c->db) == -1)
		return 500;
	return http_redirect(c, "/opportunities/rules?saved=1");
}

int
opp_rule_add(struct ctx *c)
{
	struct field	*fields;
	struct form	 f;
	struct dbq	 q;
	const char	*stage, *role, *user, *who = NULL;
	long long	 role_id, user_id, id;

	if (rules_setup(c, &fields) == -1 || recipient_options(c) == -1)
		return 500;
	form_read(c, recipient_fields, NFIELDS(recipient_fields), &f);
	stage = form_value(&f, "stage");
	role = form_value(&f, "role");
	user = form_value(&f, "user");
	if ((role == NULL) == (user == NULL) &&
	    hdf_get_obj(c->hdf, "Form.role.error") == NULL &&
	    hdf_get_obj(c->hdf, "Form.user.error") == NULL)
		form_error(c, &f, "role", "rules.role_or_user");
	if (f.nerrors > 0)
		goto invalid;
	role_id = str_to_id(role);
	user_id = str_to_id(user);
	if (db_prepare(&q, c->db, c->arena, role_id > 0 ? sql_role_code :
	    sql_user_login) == -1)
		return 500;
	db_bind_int(&q, 0, role_id > 0 ? role_id : user_id);
	if (db_step(&q) == DB_ROW)
		who = arena_printf(c->arena, "%s:%s", role_id > 0 ? "role" :
		    "user", db_str(&q, 0));
	if (db_finish(&q) == DB_ERROR || who == NULL)
		return 500;
	if (db_begin(c->db) == -1 ||
	    db_prepare(&q, c->db, c->arena, sql_recipient_add) == -1)
		return 500;
	db_bind_text(&q, 0, stage);
	db_bind_int(&q, 1, role_id);
	db_bind_int(&q, 2, user_id);
	db_step(&q);
	id = db_insert_id(&q);
	if (db_finish(&q) == DB_ERROR) {
		if (!db_last_was_duplicate(c->db))
			return 500;
		form_error(c, &f, role_id > 0 ? "role" : "user",
		    "rules.duplicate");
		goto invalid;
	}
	if (audit_log(c, "recipient_add", "stage_rule", id,
	    stage, NULL, who) == -1 || db_commit(c->db) == -1)
		return 500;
	return http_redirect(c, "/opportunities/rules?saved=1");
invalid:
	c->status = 422;
	return rules_page(c, 1);
}

int
opp_rule_remove(struct ctx *c)
{
	struct dbq	 q;
	const char	*stage = NULL, *who = NULL;

	if (db_begin(c->db) == -1 ||
	    db_prepare(&q, c->db, c->arena, sql_recipient_get) == -1)
		return 500;
	db_bind_int(&q, 0, c->ids[0]);
	if (db_step(&q) == DB_ROW) {
		stage = db_str(&q, 0);
		who = db_is_null(&q, 1) ? arena_printf(c->arena, "user:%s",
		    db_str(&q, 2)) : arena_printf(c->arena, "role:%s",
		    db_str(&q, 1));
	}
	if (db_finish(&q) == DB_ERROR)
		return 500;
	if (stage == NULL)
		return 404;
	if (db_exec(c->db, c->arena, sql_recipient_delete, "i",
	    c->ids[0]) != 1 ||
	    audit_log(c, "recipient_remove", "stage_rule", c->ids[0], stage,
	    who, NULL) == -1 || db_commit(c->db) == -1)
		return 500;
	return http_redirect(c, "/opportunities/rules?saved=1");
}
