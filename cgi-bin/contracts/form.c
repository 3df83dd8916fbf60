/*
 * form.c - making a contract from a won opportunity or an accepted
 * quote, editing a draft or rejected one, and deleting a draft.
 *
 * The total is the opportunity's amount or the quote's total, never
 * typed. The schedule is rows of declared fields (due_N, amount_N,
 * note_N); an empty row is left out, any other must have a due date and
 * an amount above 0, and the amounts must add up to the total exactly,
 * in integer cents (lib/schedule.c), else the message stands beside the
 * schedule and everything typed stays. "Add rows" sends the form back
 * with more rows, nothing saved, so no script is needed. A contract and
 * its instalments are written in one transaction; a save checks the
 * version the form was read at.
 */
#include <string.h>

#include "arena.h"
#include "audit.h"
#include "buf.h"
#include "choice.h"
#include "code.h"
#include "ctx.h"
#include "db.h"
#include "form.h"
#include "form_rows.h"
#include "http.h"
#include "money.h"
#include "schedule.h"
#include "str.h"
#include "contracts.h"

/* The default length of a new contract, and when its first payment is
 * due. */
#define TERM_DAYS	365
#define FIRST_DUE_DAYS	30

enum col {
	COL_DUE,
	COL_AMOUNT,
	COL_NOTE,
	NCOLS
};

static const struct field head_fields[] = {
	{ "title", FT_TEXT, FIELD_REQUIRED, 200, NULL, 0, 0 },
	{ "sign_date", FT_DATE, FIELD_REQUIRED, 0, NULL, 0, 0 },
	{ "start_date", FT_DATE, FIELD_REQUIRED, 0, NULL, 0, 0 },
	{ "end_date", FT_DATE, FIELD_REQUIRED, 0, NULL, 0, 0 },
	{ "terms", FT_LONGTEXT, 0, 4000, NULL, 0, 0 },
};

/* A row's fields; which of them a non-empty row needs is row_check's. */
static const struct field row_cols[NCOLS] = {
	{ "due", FT_DATE, 0, 0, NULL, 0, 0 },
	{ "amount", FT_MONEY, 0, 20, NULL, 0, 0 },
	{ "note", FT_TEXT, 0, 500, NULL, 0, 0 },
};

static const struct form_rows schedule_rows = {
	head_fields, NFIELDS(head_fields), row_cols, NCOLS, SCHEDULE_ROWS_ADD,
	SCHEDULE_ROWS_MAX
};

/* The name of a row's field, rows counted from 1. */
static const char *
cell(struct ctx *c, enum col col, int row)
{
	return form_rows_cell(c, &schedule_rows, col, row);
}

static const char sql_opp_source[] =
    "SELECT o.id, o.code, o.name, o.customer_id, c.code, c.name,"
    " o.owner_id, COALESCE(o.team_id, 0), u.name, o.amount,"
    " COALESCE(s.outcome, 'open')"
    " FROM opportunity o JOIN customer c ON c.id = o.customer_id"
    " JOIN app_user u ON u.id = o.owner_id"
    " LEFT JOIN opportunity_stage s ON s.code = o.stage"
    " WHERE o.id = ? AND o.deleted_at IS NULL";
static const char sql_quote_source[] =
    "SELECT opportunity_id, code, status, total, subtotal, discount"
    " FROM quote WHERE id = ?";
static const char sql_contract_of[] =
    "SELECT id FROM contract WHERE opportunity_id = ?";
static const char sql_contract_insert[] =
    "INSERT INTO contract (code, opportunity_id, quote_id, customer_id,"
    " owner_id, team_id, title, total, sign_date, start_date, end_date,"
    " terms, created_by)"
    " VALUES (?, ?, ?, ?, ?, NULLIF(?, 0), ?, ?, ?, ?, ?, ?, ?)";
static const char sql_contract_update[] =
    "UPDATE contract SET title = ?, sign_date = ?, start_date = ?,"
    " end_date = ?, terms = ?, version = version + 1, updated_at = NOW()"
    " WHERE id = ? AND version = ? AND status IN ('draft', 'rejected')";
static const char sql_instalments_delete[] =
    "DELETE FROM contract_instalment WHERE contract_id = ?";
static const char sql_instalment_insert[] =
    "INSERT INTO contract_instalment (contract_id, position, due_date,"
    " amount, note, owner_id, team_id)"
    " VALUES (?, ?, ?, ?, ?, ?, NULLIF(?, 0))";
static const char sql_contract_delete[] =
    "DELETE FROM contract WHERE id = ? AND status = 'draft'";

/* A form as read: its instalments and their sum in cents. */
struct draft {
	struct form		 f;
	int			 rows;
	struct instalment_row	 in[SCHEDULE_ROWS_MAX];
	int			 n;
};

/* The id a form or a link names its source by: POST body or query. */
static long long
source_param(struct ctx *c, const char *name)
{
	return str_to_id(c->req.method == METHOD_POST ?
	    req_form(&c->req, name) : req_query(&c->req, name));
}

/*
 * The source named by the request: 0; -1 when it names none; 404 when
 * it does not exist or the user may not see it or make its contract;
 * 409 (with the message) when it is neither a won opportunity nor an
 * accepted quote; 500.
 */
static int
source_load(struct ctx *c, struct source *s)
{
	struct dbq	q;
	long long	quote = source_param(c, "quote");
	int		found = 0;

	memset(s, 0, sizeof(*s));
	s->opp_id = source_param(c, "opportunity");
	if (quote > 0) {
		if (db_prepare(&q, c->db, c->arena, sql_quote_source) == -1)
			return 500;
		db_bind_int(&q, 0, quote);
		if (db_step(&q) == DB_ROW) {
			s->quote_id = quote;
			s->opp_id = db_int(&q, 0);
			s->quote_code = db_str(&q, 1);
			s->quote_status = db_str(&q, 2);
			s->quote_total = db_str(&q, 3);
			s->quote_subtotal = db_str(&q, 4);
			s->quote_discount = db_str(&q, 5);
		}
		if (db_finish(&q) == DB_ERROR)
			return 500;
		if (s->quote_id == 0)
			return 404;
	}
	if (s->opp_id <= 0)
		return -1;
	if (db_prepare(&q, c->db, c->arena, sql_opp_source) == -1)
		return 500;
	db_bind_int(&q, 0, s->opp_id);
	if (db_step(&q) == DB_ROW) {
		found = 1;
		s->opp_code = db_str(&q, 1);
		s->opp_name = db_str(&q, 2);
		s->customer_id = db_int(&q, 3);
		s->customer_code = db_str(&q, 4);
		s->customer_name = db_str(&q, 5);
		s->owner_id = db_int(&q, 6);
		s->team_id = db_int(&q, 7);
		s->owner_name = db_str(&q, 8);
		s->amount = db_str(&q, 9);
		s->outcome = db_str(&q, 10);
	}
	if (db_finish(&q) == DB_ERROR)
		return 500;
	if (!found || !perm_allows(c, RT_OPPORTUNITY, ACT_VIEW, s->owner_id,
	    s->team_id) || !perm_allows(c, RT_CONTRACT, ACT_CREATE,
	    s->owner_id, s->team_id))
		return 404;
	if (s->quote_id != 0 ? strcmp(s->quote_status, "accepted") != 0 :
	    strcmp(s->outcome, "won") != 0) {
		ctx_set(c, "Error", ctx_msg(c, "contract.not_eligible"));
		return 409;
	}
	return 0;
}

/* The contract's total: the quote's, else the opportunity's amount. */
static const char *
source_total(const struct source *s)
{
	return s->quote_id != 0 ? s->quote_total : s->amount;
}

static int
source_to_hdf(struct ctx *c, const struct source *s)
{
	HDF	*n = ctx_node(c, "Source");

	node_set_int(n, "opportunity_id", s->opp_id);
	node_set(n, "opp_code", s->opp_code);
	node_set(n, "opp_name", s->opp_name);
	node_set(n, "customer", s->customer_name);
	node_set(n, "customer_code", s->customer_code);
	node_set(n, "owner", s->owner_name);
	node_set(n, "total", money_format(c->arena,
	    money_cents(source_total(s))));
	if (s->quote_id == 0)
		return 0;
	node_set_int(n, "quote_id", s->quote_id);
	return quote_lines_to_hdf(c, s->quote_id, s->quote_code,
	    s->quote_subtotal, s->quote_discount, s->quote_total);
}

/* The form, for a new contract (s) or an existing one (k). */
static int
form_page(struct ctx *c, const struct source *s, const struct contract *k,
    int rows)
{
	if (k != NULL) {
		contract_to_hdf(c, k);
		if (k->quote_id != 0 && quote_lines_to_hdf(c, k->quote_id,
		    k->quote_code, k->quote_subtotal, k->quote_discount,
		    k->total) == -1)
			return 500;
	} else if (s != NULL && source_to_hdf(c, s) == -1)
		return 500;
	form_rows_to_hdf(c, &schedule_rows, rows);
	return http_page(c, "contracts/form.cs");
}

static int
failed(struct ctx *c, const char *name)
{
	return hdf_get_value(c->hdf, arena_printf(c->arena, "Form.%s.error",
	    name), NULL) != NULL;
}

/* Check row r and, when it is a whole instalment, add it to the draft. */
static void
row_check(struct ctx *c, struct draft *d, int r)
{
	const char	*name[NCOLS], *v[NCOLS];
	int		 k, used = 0, bad = 0;

	for (k = 0; k < NCOLS; k++) {
		name[k] = cell(c, k, r);
		v[k] = form_value(&d->f, name[k]);
		used |= v[k] != NULL || failed(c, name[k]);
	}
	if (!used)
		return;
	for (k = COL_DUE; k <= COL_AMOUNT; k++)
		if (v[k] == NULL && !failed(c, name[k]))
			form_error(c, &d->f, name[k], "form.required");
	if (v[COL_AMOUNT] != NULL && money_cents(v[COL_AMOUNT]) <= 0)
		form_error(c, &d->f, name[COL_AMOUNT], "contract.bad_amount");
	for (k = 0; k < NCOLS; k++)
		bad |= failed(c, name[k]);
	if (bad)
		return;
	d->in[d->n].due = v[COL_DUE];
	d->in[d->n].amount = money_cents(v[COL_AMOUNT]);
	d->in[d->n].note = v[COL_NOTE];
	d->n++;
}

/* The instalments' amounts add up to the total, exactly, or say so. */
static void
sum_check(struct ctx *c, struct draft *d, long long total)
{
	struct instalment	 s[SCHEDULE_ROWS_MAX];
	long long		 sum;
	int			 i;

	for (i = 0; i < d->n; i++) {
		s[i].amount = d->in[i].amount;
		s[i].paid = 0;
	}
	if ((sum = schedule_sum(s, d->n)) == total)
		return;
	form_error(c, &d->f, "schedule", "contract.schedule_mismatch");
	if (sum >= 0) {
		ctx_set(c, "Mismatch.sum", money_format(c->arena, sum));
		ctx_set(c, "Mismatch.total", money_format(c->arena, total));
		ctx_set(c, "Mismatch.diff", money_format(c->arena, total -
		    sum));
	}
}

/* Read and check the form against the total; the number of errors. */
static int
draft_read(struct ctx *c, struct draft *d, long long total)
{
	const char	*start, *end;
	int		 r;

	memset(d, 0, sizeof(*d));
	d->rows = form_rows_read(c, &schedule_rows, &d->f);
	start = form_value(&d->f, "start_date");
	end = form_value(&d->f, "end_date");
	if (start != NULL && end != NULL && strcmp(end, start) < 0)
		form_error(c, &d->f, "end_date", "contract.end_before_start");
	for (r = 1; r <= d->rows; r++)
		row_check(c, d, r);
	if (d->n == 0 && d->f.nerrors == 0)
		form_error(c, &d->f, "schedule", "contract.no_instalments");
	else if (d->n > 0)
		sum_check(c, d, total);
	return d->f.nerrors;
}

/*
 * "Add rows": the same form with more rows, what was typed kept as it
 * was, nothing checked or saved.
 */
static int
more_rows(struct ctx *c, const struct source *s, const struct contract *k)
{
	return form_page(c, s, k, form_rows_more(c, &schedule_rows));
}

static int
instalments_write(struct ctx *c, long long id, long long owner,
    long long team, const struct draft *d)
{
	int	i;

	for (i = 0; i < d->n; i++)
		if (db_exec(c->db, c->arena, sql_instalment_insert, "iisssii",
		    id, (long long)(i + 1), d->in[i].due,
		    money_decimal(c->arena, d->in[i].amount), d->in[i].note,
		    owner, team) != 1)
			return -1;
	return 0;
}

/* A schedule as one text for the audit log: "2024-05-01 5000.00; …". */
static const char *
schedule_text(struct ctx *c, const struct instalment_row *in, int n)
{
	struct buf	b;
	int		i;

	buf_init(&b, c->arena);
	for (i = 0; i < n; i++)
		buf_printf(&b, "%s%s %s%s%s", i ? "; " : "", in[i].due,
		    money_decimal(c->arena, in[i].amount),
		    in[i].note && *in[i].note ? " " : "",
		    in[i].note ? in[i].note : "");
	return buf_str(&b);
}

/*
 * The source refused: without one (-1), the page that says where
 * contracts come from, with status_none; not eligible (409), the same
 * with the message; else the status.
 */
static int
source_refused(struct ctx *c, int rc, int status_none)
{
	if (rc != -1 && rc != 409)
		return rc;
	c->status = rc == 409 ? 409 : status_none;
	return form_page(c, NULL, NULL, 0);
}

/* The contract already made of the opportunity, or 0. */
static long long
contract_of(struct ctx *c, long long opp)
{
	return db_int_query(c->db, c->arena, sql_contract_of, 0, "i", opp);
}

int
contract_new(struct ctx *c)
{
	struct source	s;
	long long	existing;
	int		rc;

	if (choice_load(c) == -1)
		return 500;
	if ((rc = source_load(c, &s)) != 0)
		return source_refused(c, rc, 200);
	if ((existing = contract_of(c, s.opp_id)) != 0)
		return http_redirect(c, arena_printf(c->arena,
		    "/contracts/%lld", existing));
	form_fill(c, "title", s.opp_name);
	form_fill(c, "sign_date", day_from_today(c, 0));
	form_fill(c, "start_date", day_from_today(c, 0));
	form_fill(c, "end_date", day_from_today(c, TERM_DAYS));
	form_fill(c, cell(c, COL_DUE, 1), day_from_today(c, FIRST_DUE_DAYS));
	form_fill(c, cell(c, COL_AMOUNT, 1), source_total(&s));
	return form_page(c, &s, NULL, SCHEDULE_ROWS_ADD);
}

int
contract_create(struct ctx *c)
{
	struct source	 s;
	struct draft	 d;
	struct dbq	 q;
	const char	*code, *total;
	long long	 id;
	int		 rc;

	if (choice_load(c) == -1)
		return 500;
	if ((rc = source_load(c, &s)) != 0)
		return source_refused(c, rc, 422);
	if (req_form(&c->req, "more") != NULL)
		return more_rows(c, &s, NULL);
	total = source_total(&s);
	if (draft_read(c, &d, money_cents(total)) > 0) {
		c->status = 422;
		return form_page(c, &s, NULL, d.rows);
	}
	if (db_begin(c->db) == -1 ||
	    (code = code_next(c->db, c->arena, "HT", CODE_MONTHLY)) == NULL ||
	    db_prepare(&q, c->db, c->arena, sql_contract_insert) == -1)
		return 500;
	db_bind_text(&q, 0, code);
	db_bind_int(&q, 1, s.opp_id);
	db_bind_id(&q, 2, s.quote_id);
	db_bind_int(&q, 3, s.customer_id);
	db_bind_int(&q, 4, s.owner_id);
	db_bind_int(&q, 5, s.team_id);
	db_bind_text(&q, 6, form_value(&d.f, "title"));
	db_bind_text(&q, 7, total);
	db_bind_text(&q, 8, form_value(&d.f, "sign_date"));
	db_bind_text(&q, 9, form_value(&d.f, "start_date"));
	db_bind_text(&q, 10, form_value(&d.f, "end_date"));
	db_bind_text(&q, 11, form_value(&d.f, "terms"));
	db_bind_int(&q, 12, c->user->id);
	db_step(&q);
	id = db_insert_id(&q);
	if (db_finish(&q) == DB_ERROR) {
		/* The opportunity got its contract in the meantime. */
		if (!db_last_was_duplicate(c->db))
			return 500;
		db_rollback(c->db);
		c->status = 409;
		ctx_set(c, "Error", ctx_msg(c, "contract.exists"));
		return form_page(c, &s, NULL, d.rows);
	}
	if (instalments_write(c, id, s.owner_id, s.team_id, &d) == -1 ||
	    audit_log(c, "create", "contract", id, "code", NULL, code) == -1 ||
	    audit_log(c, "create", "contract", id, "total", NULL, total) ==
	    -1 || audit_log(c, "create", "contract", id, "schedule", NULL,
	    schedule_text(c, d.in, d.n)) == -1 ||
	    audit_log(c, "contract", "opportunity", s.opp_id, "contract", NULL,
	    code) == -1 || db_commit(c->db) == -1)
		return 500;
	return http_redirect(c, arena_printf(c->arena, "/contracts/%lld", id));
}

/* The contract to edit: 0, a status, or -1 when it is not editable. */
static int
edit_load(struct ctx *c, struct contract *k)
{
	int	rc;

	if (choice_load(c) == -1)
		return 500;
	if ((rc = contract_load(c, ACT_EDIT, k)) != 0)
		return rc;
	return contract_editable(k) ? 0 : -1;
}

int
contract_edit(struct ctx *c)
{
	struct contract		 k;
	struct instalment_row	*in;
	int			 rc, n, i;

	if ((rc = edit_load(c, &k)) == -1)
		return http_redirect(c, arena_printf(c->arena,
		    "/contracts/%lld", k.id));
	if (rc != 0)
		return rc;
	if ((n = schedule_load(c, k.id, &in)) == -1)
		return 500;
	form_fill(c, "title", k.title);
	form_fill(c, "sign_date", k.sign_date);
	form_fill(c, "start_date", k.start_date);
	form_fill(c, "end_date", k.end_date);
	form_fill(c, "terms", k.terms);
	for (i = 0; i < n; i++) {
		form_fill(c, cell(c, COL_DUE, i + 1), in[i].due);
		form_fill(c, cell(c, COL_AMOUNT, i + 1), money_decimal(c->arena,
		    in[i].amount));
		form_fill(c, cell(c, COL_NOTE, i + 1), in[i].note);
	}
	ctx_set_int(c, "Form.version", k.version);
	return form_page(c, NULL, &k, form_rows_clamp(&schedule_rows, n + 2));
}

static int
audit_update(struct ctx *c, const struct contract *k, const struct draft *d,
    const struct instalment_row *old, int nold)
{
	static const char *const heads[] = {
		"title", "sign_date", "start_date", "end_date", "terms"
	};
	const char	*was[] = {
		k->title, k->sign_date, k->start_date, k->end_date, k->terms
	};
	size_t		 i;

	for (i = 0; i < NFIELDS(heads); i++)
		if (audit_field(c, "contract", k->id, heads[i], was[i],
		    form_value(&d->f, heads[i])) == -1)
			return -1;
	return audit_field(c, "contract", k->id, "schedule",
	    schedule_text(c, old, nold), schedule_text(c, d->in, d->n));
}

int
contract_update(struct ctx *c)
{
	struct contract		 k;
	struct draft		 d;
	struct instalment_row	*old;
	long long		 version, changed;
	int			 rc, nold;

	if ((rc = edit_load(c, &k)) == -1)
		return contract_refused(c, &k, 409, "contract.not_editable");
	if (rc != 0)
		return rc;
	version = str_to_id(req_form(&c->req, "version"));
	ctx_set_int(c, "Form.version", version);
	if (req_form(&c->req, "more") != NULL)
		return more_rows(c, NULL, &k);
	if (draft_read(c, &d, money_cents(k.total)) > 0) {
		c->status = 422;
		return form_page(c, NULL, &k, d.rows);
	}
	if ((nold = schedule_load(c, k.id, &old)) == -1 ||
	    db_begin(c->db) == -1)
		return 500;
	changed = db_exec(c->db, c->arena, sql_contract_update, "sssssii",
	    form_value(&d.f, "title"), form_value(&d.f, "sign_date"),
	    form_value(&d.f, "start_date"), form_value(&d.f, "end_date"),
	    form_value(&d.f, "terms"), k.id, version);
	if (changed == -1)
		return 500;
	if (changed != 1) {
		/* Saved or submitted by someone in between. */
		form_conflict(c, "contract.conflict", k.version);
		return form_page(c, NULL, &k, d.rows);
	}
	if (db_exec(c->db, c->arena, sql_instalments_delete, "i", k.id) ==
	    -1 || instalments_write(c, k.id, k.owner_id, k.team_id, &d) == -1 ||
	    audit_update(c, &k, &d, old, nold) == -1 ||
	    db_commit(c->db) == -1)
		return 500;
	return http_redirect(c, arena_printf(c->arena, "/contracts/%lld",
	    k.id));
}

/*
 * A draft was never submitted, so it has no decisions and no payments:
 * it goes with its schedule. Its code is not handed out again.
 */
int
contract_delete(struct ctx *c)
{
	struct contract	k;
	long long	gone;
	int		rc;

	if (choice_load(c) == -1)
		return 500;
	if ((rc = contract_load(c, ACT_DELETE, &k)) != 0)
		return rc;
	if (strcmp(k.status, "draft") != 0)
		return contract_refused(c, &k, 409, "contract.not_draft");
	if (db_begin(c->db) == -1 || db_exec(c->db, c->arena,
	    sql_instalments_delete, "i", k.id) == -1 ||
	    (gone = db_exec(c->db, c->arena, sql_contract_delete, "i", k.id)) ==
	    -1)
		return 500;
	if (gone != 1) {
		db_rollback(c->db);
		return contract_refused(c, &k, 409, "contract.not_draft");
	}
	if (audit_log(c, "delete", "contract", k.id, "code", k.code, NULL) ==
	    -1 || db_commit(c->db) == -1)
		return 500;
	return http_redirect(c, "/contracts");
}
