/*
 * audit.c - writing the audit log.
 */
#include <string.h>

#include "audit.h"
#include "ctx.h"
#include "db.h"
#include "form.h"

const char *const audit_actions[] = {
	"create", "update", "update_sealed", "delete", "copy", "deactivate",
	"reactivate", "enable", "disable", "roles", "field_access",
	"password_change", "password_reset", "login", "login_failed",
	"logout", "reauth", "denied", "preview_start", "preview_end",
	"preview_refused", "read_sensitive", "export", "contact_add",
	"contact_delete", "contact_key", "followup_add", "followup_done",
	"order_add", "confirm", "quote", "recipient_add", "recipient_remove",
	"contract", "submit", "approve", "reject", "return", "payment",
	"reverse",
};

const size_t audit_nactions = sizeof(audit_actions) /
    sizeof(audit_actions[0]);

const char *const audit_other_types[] = {
	"team", "role", "choice", "custom_field", "session", "customer_read",
	"quote", "opportunity_stage", "stage_rule", "sales_setting",
};

const size_t audit_nother_types = sizeof(audit_other_types) /
    sizeof(audit_other_types[0]);

static const char sql_audit_insert[] =
    "INSERT INTO audit_log (user_id, action, record_type, record_id, field,"
    " old_value, new_value, remote_addr) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

int
audit_log(struct ctx *c, const char *action, const char *record_type,
    long long record_id, const char *field, const char *old_value,
    const char *new_value)
{
	struct dbq	q;

	if (db_prepare(&q, c->db, c->arena, sql_audit_insert) == -1)
		return -1;
	if (c->user != NULL)
		db_bind_int(&q, 0, c->user->id);
	else
		db_bind_null(&q, 0);
	db_bind_text(&q, 1, action);
	db_bind_text(&q, 2, record_type);
	if (record_id > 0)
		db_bind_int(&q, 3, record_id);
	else
		db_bind_null(&q, 3);
	db_bind_text(&q, 4, field);
	db_bind_text(&q, 5, old_value);
	db_bind_text(&q, 6, new_value);
	db_bind_text(&q, 7, c->req.remote_addr);
	db_step(&q);
	return db_finish(&q) == DB_ERROR ? -1 : 0;
}

/* NULL and "" are the same value: an empty field. */
static int
changed(const char *old_value, const char *new_value)
{
	return strcmp(old_value ? old_value : "", new_value ? new_value : "")
	    != 0;
}

int
audit_field(struct ctx *c, const char *record_type, long long id,
    const char *field, const char *old_value, const char *new_value)
{
	if (!changed(old_value, new_value))
		return 0;
	return audit_log(c, "update", record_type, id, field, old_value,
	    new_value);
}

int
audit_field_sealed(struct ctx *c, const char *record_type, long long id,
    const char *field, const char *old_value, const char *new_value)
{
	if (!changed(old_value, new_value))
		return 0;
	return audit_log(c, "update_sealed", record_type, id, field, NULL,
	    NULL);
}

void
audit_denied(struct ctx *c, enum rtype rt, enum action act)
{
	(void)audit_log(c, "denied", rt >= 0 ? rtype_names[rt] : "-", 0,
	    action_names[act], NULL, c->req.path);
}

int
audit_changes(struct ctx *c, const char *record_type, long long id,
    const struct audited *cols, size_t n, const void *old, struct form *f)
{
	size_t		 i;
	const char	*was;

	for (i = 0; i < n; i++) {
		was = *(const char *const *)((const char *)old + cols[i].off);
		if ((cols[i].sealed ? audit_field_sealed : audit_field)(c,
		    record_type, id, cols[i].field, was,
		    form_value_or(f, cols[i].field, was)) == -1)
			return -1;
	}
	return 0;
}

/* The last hundred events of one record, by the index audit_record. */
static const char sql_history[] =
    "SELECT DATE_FORMAT(a.at, '%Y-%m-%d %H:%i:%s'), COALESCE(u.name, '-'),"
    " a.action, a.field, a.old_value, a.new_value"
    " FROM audit_log a LEFT JOIN app_user u ON u.id = a.user_id"
    " WHERE a.record_type = ? AND a.record_id = ?"
    " ORDER BY a.id DESC LIMIT 100";

int
audit_history(struct ctx *c, const char *record_type, long long id)
{
	static const char *const cols[] = {
		"at", "user", "action", "field", "old", "new"
	};
	struct dbq	 q;
	HDF		*rows = ctx_node(c, "History"), *row;
	unsigned	 i;
	int		 n = 0;

	if (db_prepare(&q, c->db, c->arena, sql_history) == -1)
		return -1;
	db_bind_text(&q, 0, record_type);
	db_bind_int(&q, 1, id);
	while (db_step(&q) == DB_ROW) {
		row = node_item(rows, n++);
		for (i = 0; i < sizeof(cols) / sizeof(cols[0]); i++)
			node_set(row, cols[i], db_text(&q, i));
	}
	return db_finish(&q) == DB_ERROR ? -1 : 0;
}
