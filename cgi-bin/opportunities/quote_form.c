/*
 * quote_form.c - creating a quote and editing a draft.
 *
 * The form has rows of line fields (product_N, description_N, qty_N,
 * price_N, discount_N), each a declared field; an empty row is left
 * out, a row with anything in it must be a whole line. "Add lines"
 * sends the form back with more empty rows and everything typed kept,
 * without saving, so no script is needed. Totals are computed here in
 * integer cents (money_line) and stored with the quote and its lines in
 * one transaction; a saved draft replaces its lines and is audited.
 */
#include <string.h>
#include <time.h>

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
#include "str.h"
#include "opportunities.h"

/* Days a new quote is valid for, unless the user says otherwise. */
#define QUOTE_VALID_DAYS	30

enum col {
	COL_PRODUCT,
	COL_DESCRIPTION,
	COL_QTY,
	COL_PRICE,
	COL_DISCOUNT,
	NCOLS
};

static const struct field head_fields[] = {
	{ "valid_until", FT_DATE, FIELD_REQUIRED, 0, NULL, 0, 0 },
	{ "note", FT_LONGTEXT, 0, 2000, NULL, 0, 0 },
};

/* A row's fields; which of them a non-empty row needs is line_check's. */
static const struct field line_cols[NCOLS] = {
	{ "product", FT_CHOICE, 0, 0, "product", 0, 0 },
	{ "description", FT_TEXT, 0, 500, NULL, 0, 0 },
	{ "qty", FT_DECIMAL, 0, 20, NULL, 0, 0 },
	{ "price", FT_MONEY, 0, 20, NULL, 0, 0 },
	{ "discount", FT_PERCENT, 0, 6, NULL, 0, 0 },
};

static const struct form_rows line_rows = {
	head_fields, NFIELDS(head_fields), line_cols, NCOLS, QUOTE_ROWS_ADD,
	QUOTE_ROWS_MAX
};

/* The name of a row's field, rows counted from 1. */
static const char *
cell(struct ctx *c, enum col col, int row)
{
	return form_rows_cell(c, &line_rows, col, row);
}

static const char sql_quote_insert[] =
    "INSERT INTO quote (code, opportunity_id, valid_until, note, subtotal,"
    " discount, total, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
static const char sql_quote_update[] =
    "UPDATE quote SET valid_until = ?, note = ?, subtotal = ?,"
    " discount = ?, total = ?, version = version + 1, updated_at = NOW()"
    " WHERE id = ? AND version = ? AND status = 'draft'";
static const char sql_lines_delete[] =
    "DELETE FROM quote_line WHERE quote_id = ?";
static const char sql_line_insert[] =
    "INSERT INTO quote_line (quote_id, position, product, description,"
    " quantity, unit_price, discount_pct, line_total)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

/* A form as read: its lines and totals in cents. */
struct draft {
	struct form		 f;
	int			 rows;
	struct quote_line	 lines[QUOTE_ROWS_MAX];
	int			 nlines;
	long long		 subtotal, discount, total;
};

static int
form_page(struct ctx *c, const struct opportunity *o, const struct quote *q,
    int rows)
{
	opp_to_hdf(c, o);
	if (q != NULL) {
		ctx_set_int(c, "Quote.id", q->id);
		ctx_set(c, "Quote.code", q->code);
	}
	form_rows_to_hdf(c, &line_rows, rows);
	return http_page(c, "opportunities/quote_form.cs");
}

static int
failed(struct ctx *c, const char *name)
{
	return hdf_get_value(c->hdf, arena_printf(c->arena, "Form.%s.error",
	    name), NULL) != NULL;
}

/* Check row r and, when it is a whole line, add it to the draft. */
static void
line_check(struct ctx *c, struct draft *d, int r)
{
	static const enum col needed[] = { COL_PRODUCT, COL_QTY, COL_PRICE };
	const char		*name[NCOLS], *v[NCOLS];
	struct quote_line	*l;
	int			 k, used = 0, bad = 0;

	for (k = 0; k < NCOLS; k++) {
		name[k] = cell(c, k, r);
		v[k] = form_value(&d->f, name[k]);
		used |= v[k] != NULL || failed(c, name[k]);
	}
	if (!used)
		return;
	for (k = 0; k < (int)NFIELDS(needed); k++)
		if (v[needed[k]] == NULL && !failed(c, name[needed[k]]))
			form_error(c, &d->f, name[needed[k]], "form.required");
	if (v[COL_QTY] != NULL && money_qty(v[COL_QTY]) <= 0)
		form_error(c, &d->f, name[COL_QTY], "quote.bad_quantity");
	for (k = 0; k < NCOLS; k++)
		bad |= failed(c, name[k]);
	if (bad)
		return;
	l = &d->lines[d->nlines];
	l->product = v[COL_PRODUCT];
	l->description = v[COL_DESCRIPTION];
	l->qty_milli = money_qty(v[COL_QTY]);
	l->price_cents = money_cents(v[COL_PRICE]);
	l->discount_bp = v[COL_DISCOUNT] ? money_cents(v[COL_DISCOUNT]) : 0;
	if (money_line(l->qty_milli, l->price_cents, l->discount_bp,
	    &l->gross, &l->net) == -1) {
		form_error(c, &d->f, name[COL_PRICE], "quote.too_large");
		return;
	}
	d->subtotal += l->gross;
	d->total += l->net;
	d->nlines++;
}

/* Read and check the form; the number of errors. */
static int
draft_read(struct ctx *c, struct draft *d)
{
	int	r;

	memset(d, 0, sizeof(*d));
	d->rows = form_rows_read(c, &line_rows, &d->f);
	for (r = 1; r <= d->rows; r++)
		line_check(c, d, r);
	/* Each line is at most MONEY_MAX_CENTS: 50 of them fit in 64 bits. */
	if (d->subtotal > MONEY_MAX_CENTS)
		form_error(c, &d->f, "lines", "quote.too_large");
	else if (d->nlines == 0 && d->f.nerrors == 0)
		form_error(c, &d->f, "lines", "quote.no_lines");
	d->discount = d->subtotal - d->total;
	return d->f.nerrors;
}

/*
 * "Add lines": the same form with more rows, what was typed kept as it
 * was, nothing checked or saved.
 */
static int
more_rows(struct ctx *c, const struct opportunity *o, const struct quote *q)
{
	return form_page(c, o, q, form_rows_more(c, &line_rows));
}

static int
lines_write(struct ctx *c, long long id, const struct draft *d)
{
	const struct quote_line	*l;
	int			 i;

	for (i = 0; i < d->nlines; i++) {
		l = &d->lines[i];
		if (db_exec(c->db, c->arena, sql_line_insert, "iissssss", id,
		    (long long)(i + 1), l->product, l->description,
		    money_qty_format(c->arena, l->qty_milli),
		    money_decimal(c->arena, l->price_cents),
		    money_decimal(c->arena, l->discount_bp),
		    money_decimal(c->arena, l->net)) != 1)
			return -1;
	}
	return 0;
}

/* Lines as one text for the audit log: "erp 2.5 x 100.00 -10.00%; …". */
static const char *
lines_text(struct ctx *c, const struct quote_line *lines, int n)
{
	struct buf	b;
	int		i;

	buf_init(&b, c->arena);
	for (i = 0; i < n; i++)
		buf_printf(&b, "%s%s %s x %s -%s%%", i ? "; " : "",
		    lines[i].product, money_qty_format(c->arena,
		    lines[i].qty_milli), money_decimal(c->arena,
		    lines[i].price_cents), money_decimal(c->arena,
		    lines[i].discount_bp));
	return buf_str(&b);
}

static const char *
today_plus(struct ctx *c, int days)
{
	char		 day[16];
	struct tm	 tm;
	time_t		 t = time(NULL) + (time_t)days * 86400;

	strftime(day, sizeof(day), "%Y-%m-%d", localtime_r(&t, &tm));
	return arena_strdup(c->arena, day);
}

int
quote_new(struct ctx *c)
{
	struct opportunity	o;
	int			rc;

	if (choice_load(c) == -1)
		return 500;
	if ((rc = opp_load(c, ACT_EDIT, &o)) != 0)
		return rc;
	form_fill(c, "valid_until", today_plus(c, QUOTE_VALID_DAYS));
	return form_page(c, &o, NULL, QUOTE_ROWS_ADD);
}

int
quote_create(struct ctx *c)
{
	struct opportunity	 o;
	struct draft		 d;
	struct dbq		 q;
	const char		*code;
	long long		 id;
	int			 rc;

	if (choice_load(c) == -1)
		return 500;
	if ((rc = opp_load(c, ACT_EDIT, &o)) != 0)
		return rc;
	if (req_form(&c->req, "more") != NULL)
		return more_rows(c, &o, NULL);
	if (draft_read(c, &d) > 0) {
		c->status = 422;
		return form_page(c, &o, NULL, d.rows);
	}
	if (db_begin(c->db) == -1 ||
	    (code = code_next(c->db, c->arena, "QT", CODE_MONTHLY)) == NULL ||
	    db_prepare(&q, c->db, c->arena, sql_quote_insert) == -1)
		return 500;
	db_bind_text(&q, 0, code);
	db_bind_int(&q, 1, o.id);
	db_bind_text(&q, 2, form_value(&d.f, "valid_until"));
	db_bind_text(&q, 3, form_value(&d.f, "note"));
	db_bind_text(&q, 4, money_decimal(c->arena, d.subtotal));
	db_bind_text(&q, 5, money_decimal(c->arena, d.discount));
	db_bind_text(&q, 6, money_decimal(c->arena, d.total));
	db_bind_int(&q, 7, c->user->id);
	db_step(&q);
	id = db_insert_id(&q);
	if (db_finish(&q) == DB_ERROR || lines_write(c, id, &d) == -1 ||
	    audit_log(c, "create", "quote", id, "code", NULL, code) == -1 ||
	    audit_log(c, "create", "quote", id, "total", NULL,
	    money_decimal(c->arena, d.total)) == -1 ||
	    audit_log(c, "create", "quote", id, "lines", NULL,
	    lines_text(c, d.lines, d.nlines)) == -1 ||
	    audit_log(c, "quote", "opportunity", o.id, "quote", NULL, code) ==
	    -1 || db_commit(c->db) == -1)
		return 500;
	return http_redirect(c, arena_printf(c->arena,
	    "/opportunities/%lld/quotes/%lld", o.id, id));
}

/* The quote to edit: 0, a status, or -1 when it is no longer a draft. */
static int
edit_load(struct ctx *c, struct opportunity *o, struct quote *q)
{
	int	rc;

	if (choice_load(c) == -1)
		return 500;
	if ((rc = quote_load(c, ACT_EDIT, o, q)) != 0)
		return rc;
	return strcmp(q->status, "draft") == 0 ? 0 : -1;
}

/* The form filled with quote q's note and lines: its rows, or -1. */
static int
fill_from(struct ctx *c, const struct quote *q)
{
	struct quote_line	*lines;
	int			 n, i;

	if ((n = quote_lines_load(c, q->id, &lines)) == -1)
		return -1;
	form_fill(c, "note", q->note);
	for (i = 0; i < n; i++) {
		/* An option deactivated since it was chosen stays on offer. */
		choice_keep(c, "product", lines[i].product);
		form_fill(c, cell(c, COL_PRODUCT, i + 1), lines[i].product);
		form_fill(c, cell(c, COL_DESCRIPTION, i + 1),
		    lines[i].description);
		form_fill(c, cell(c, COL_QTY, i + 1), money_qty_format(c->arena,
		    lines[i].qty_milli));
		form_fill(c, cell(c, COL_PRICE, i + 1), money_decimal(c->arena,
		    lines[i].price_cents));
		if (lines[i].discount_bp != 0)
			form_fill(c, cell(c, COL_DISCOUNT, i + 1),
			    money_decimal(c->arena, lines[i].discount_bp));
	}
	return form_rows_clamp(&line_rows, n + 2);
}

int
quote_edit(struct ctx *c)
{
	struct opportunity	o;
	struct quote		q;
	int			rc, rows;

	if ((rc = edit_load(c, &o, &q)) == -1)
		return http_redirect(c, arena_printf(c->arena,
		    "/opportunities/%lld/quotes/%lld", o.id, q.id));
	if (rc != 0)
		return rc;
	if ((rows = fill_from(c, &q)) == -1)
		return 500;
	form_fill(c, "valid_until", q.valid_until);
	ctx_set_int(c, "Form.version", q.version);
	return form_page(c, &o, &q, rows);
}

/*
 * A new quote's form filled from quote ids[1] of the same opportunity,
 * whatever its status (a revised offer after a rejection, say): saving
 * it makes a new draft, the original stays as it is.
 */
int
quote_copy(struct ctx *c)
{
	struct opportunity	o;
	struct quote		q;
	int			rc, rows;

	if (choice_load(c) == -1)
		return 500;
	if ((rc = quote_load(c, ACT_EDIT, &o, &q)) != 0)
		return rc;
	if ((rows = fill_from(c, &q)) == -1)
		return 500;
	form_fill(c, "valid_until", today_plus(c, QUOTE_VALID_DAYS));
	ctx_set(c, "Copy.code", q.code);
	return form_page(c, &o, NULL, rows);
}

static int
audit_update(struct ctx *c, const struct quote *q, const struct draft *d,
    const struct quote_line *old, int nold)
{
	const char	*was = lines_text(c, old, nold);
	const char	*now = lines_text(c, d->lines, d->nlines);

	if (audit_field(c, "quote", q->id, "valid_until", q->valid_until,
	    form_value(&d->f, "valid_until")) == -1 ||
	    audit_field(c, "quote", q->id, "note", q->note,
	    form_value(&d->f, "note")) == -1 ||
	    audit_field(c, "quote", q->id, "lines", was, now) == -1 ||
	    audit_field(c, "quote", q->id, "subtotal", q->subtotal,
	    money_decimal(c->arena, d->subtotal)) == -1 ||
	    audit_field(c, "quote", q->id, "discount", q->discount,
	    money_decimal(c->arena, d->discount)) == -1 ||
	    audit_field(c, "quote", q->id, "total", q->total,
	    money_decimal(c->arena, d->total)) == -1)
		return -1;
	return 0;
}

int
quote_update(struct ctx *c)
{
	struct opportunity	 o;
	struct quote		 q;
	struct draft		 d;
	struct quote_line	*old;
	long long		 version, changed;
	int			 rc, nold;

	if ((rc = edit_load(c, &o, &q)) == -1)
		return quote_refused(c, &o, &q, 409, "quote.not_draft");
	if (rc != 0)
		return rc;
	version = str_to_id(req_form(&c->req, "version"));
	ctx_set_int(c, "Form.version", version);
	if (req_form(&c->req, "more") != NULL)
		return more_rows(c, &o, &q);
	if (draft_read(c, &d) > 0) {
		c->status = 422;
		return form_page(c, &o, &q, d.rows);
	}
	if ((nold = quote_lines_load(c, q.id, &old)) == -1 ||
	    db_begin(c->db) == -1)
		return 500;
	changed = db_exec(c->db, c->arena, sql_quote_update, "sssssii",
	    form_value(&d.f, "valid_until"), form_value(&d.f, "note"),
	    money_decimal(c->arena, d.subtotal),
	    money_decimal(c->arena, d.discount),
	    money_decimal(c->arena, d.total), q.id, version);
	if (changed == -1)
		return 500;
	if (changed != 1) {
		/* Saved or sent by someone in between. */
		form_conflict(c, "quote.conflict", q.version);
		return form_page(c, &o, &q, d.rows);
	}
	if (db_exec(c->db, c->arena, sql_lines_delete, "i", q.id) == -1 ||
	    lines_write(c, q.id, &d) == -1 ||
	    audit_update(c, &q, &d, old, nold) == -1 ||
	    db_commit(c->db) == -1)
		return 500;
	return http_redirect(c, arena_printf(c->arena,
	    "/opportunities/%lld/quotes/%lld", o.id, q.id));
}
