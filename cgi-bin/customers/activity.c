/*
 * activity.c - follow-ups and orders on a customer.
 */

#include "arena.h"
#include "audit.h"
#include "ctx.h"
#include "db.h"
#include "form.h"
#include "http.h"
#include "customers.h"

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
static const char sql_order_insert[] =
    "INSERT INTO customer_order (customer_id, order_date, amount, margin,"
    " note, created_by) VALUES (?, ?, ?, ?, ?, ?)";
static const char sql_customer_ordered[] =
    "UPDATE customer SET order_count = order_count + 1,"
    " order_total = order_total + ? WHERE id = ?";

int
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

int
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

int
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
