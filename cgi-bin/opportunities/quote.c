/*
 * quote.c - the quotes of an opportunity (SPEC 2.2): loading one in the
 * opportunity's scope, its page and its A4 print view, the list on the
 * opportunity's page, and its status: draft -> sent -> accepted or
 * rejected, audited, with at most one accepted quote per opportunity. A
 * draft that gives more discount than the sales settings allow is sent
 * only once approved (quote_approval.c).
 *
 * A quote has no grants of its own: viewing one needs view on its
 * opportunity, changing one needs edit on it, both within the
 * opportunity's scope (its owner and team).
 */
#include <string.h>
#include <time.h>

#include "arena.h"
#include "audit.h"
#include "choice.h"
#include "ctx.h"
#include "db.h"
#include "http.h"
#include "money.h"
#include "rows.h"
#include "opportunities.h"

/* The discount a quote may give without approval (sql/022). */
#define QUOTE_FREE_SQL							\
    "(SELECT quote_free_discount FROM sales_setting WHERE id = 1)"

static const char sql_quote_get[] =
    "SELECT q.id, q.code, q.status, q.valid_until, COALESCE(q.note, ''),"
    " q.subtotal, q.discount, q.total, q.version, u.name,"
    " DATE_FORMAT(q.created_at, '%Y-%m-%d %H:%i'),"
    " COALESCE(q.submitted_by, 0), " QUOTE_FREE_SQL
    " FROM quote q JOIN app_user u ON u.id = q.created_by"
    " WHERE q.id = ? AND q.opportunity_id = ?";
static const char sql_lines[] =
    "SELECT position, product, COALESCE(description, ''), quantity,"
    " unit_price, discount_pct, line_total"
    " FROM quote_line WHERE quote_id = ? ORDER BY position";
static const char sql_quotes_of[] =
    "SELECT id, code, status, valid_until, total,"
    " DATE_FORMAT(created_at, '%Y-%m-%d %H:%i')"
    " FROM quote WHERE opportunity_id = ? ORDER BY id DESC LIMIT 100";
static const char sql_approvals[] =
    "SELECT DATE_FORMAT(a.at, '%Y-%m-%d %H:%i'), u.name, a.decision,"
    " COALESCE(a.comment, '')"
    " FROM quote_approval a JOIN app_user u ON u.id = a.user_id"
    " WHERE a.quote_id = ? ORDER BY a.id DESC LIMIT 100";
/* A status change holds the opportunity, so that two accepts queue. */
static const char sql_opp_lock[] =
    "SELECT id FROM opportunity WHERE id = ? FOR UPDATE";
static const char sql_quote_lock[] =
    "SELECT status, subtotal, discount, COALESCE(submitted_by, 0), "
    QUOTE_FREE_SQL " FROM quote WHERE id = ? AND opportunity_id = ?"
    " FOR UPDATE";
static const char sql_accepted[] =
    "SELECT COUNT(*) FROM quote WHERE accepted_for = ?";
static const char sql_status_set[] =
    "UPDATE quote SET status = ?, version = version + 1,"
    " updated_at = NOW() WHERE id = ?";

static const char *const approval_cols[] = {
	"at", "user", "decision", "comment"
};

/* The status changes an editor makes; the way through approval is
 * quote_approval.c's. */
static const struct transition {
	const char	*from, *to;
	int		 free;	/* only for a quote that needs no approval */
} transitions[] = {
	{ "draft", "sent", 1 },
	{ "approved", "sent", 0 },
	{ "sent", "accepted", 0 },
	{ "sent", "rejected", 0 },
};

int
quote_load(struct ctx *c, enum action act, struct opportunity *o,
    struct quote *q)
{
	struct dbq	dq;
	int		rc, found = 0;

	memset(q, 0, sizeof(*q));
	if ((rc = opp_load(c, act, o)) != 0)
		return rc;
	if (db_prepare(&dq, c->db, c->arena, sql_quote_get) == -1)
		return 500;
	db_bind_int(&dq, 0, c->ids[1]);
	db_bind_int(&dq, 1, o->id);
	if (db_step(&dq) == DB_ROW) {
		found = 1;
		q->id = db_int(&dq, 0);
		q->code = db_str(&dq, 1);
		q->status = db_str(&dq, 2);
		q->valid_until = db_str(&dq, 3);
		q->note = db_str(&dq, 4);
		q->subtotal = db_str(&dq, 5);
		q->discount = db_str(&dq, 6);
		q->total = db_str(&dq, 7);
		q->version = db_int(&dq, 8);
		q->creator = db_str(&dq, 9);
		q->created = db_str(&dq, 10);
		q->submitted_by = db_int(&dq, 11);
		q->free_pct = (int)db_int(&dq, 12);
	}
	if (db_finish(&dq) == DB_ERROR)
		return 500;
	return found ? 0 : 404;
}

int
quote_lines_load(struct ctx *c, long long id, struct quote_line **lines)
{
	struct dbq		 q;
	struct quote_line	*l;
	int			 n = 0;

	*lines = arena_calloc(c->arena, QUOTE_ROWS_MAX, sizeof(**lines));
	if (db_prepare(&q, c->db, c->arena, sql_lines) == -1)
		return -1;
	db_bind_int(&q, 0, id);
	while (db_step(&q) == DB_ROW) {
		if (n == QUOTE_ROWS_MAX)
			continue;
		l = &(*lines)[n++];
		l->product = db_str(&q, 1);
		l->description = db_str(&q, 2);
		l->qty_milli = money_qty(db_str(&q, 3));
		l->price_cents = money_cents(db_str(&q, 4));
		l->discount_bp = money_cents(db_str(&q, 5));
		l->net = money_cents(db_str(&q, 6));
	}
	return db_finish(&q) == DB_ERROR ? -1 : n;
}

static void
quote_to_hdf(struct ctx *c, const struct quote *q)
{
	HDF	*n = ctx_node(c, "Quote");

	node_set_int(n, "id", q->id);
	node_set(n, "code", q->code);
	node_set(n, "status", q->status);
	node_set(n, "valid_until", q->valid_until);
	node_set(n, "note", q->note);
	node_set(n, "subtotal", money_format(c->arena, money_cents(
	    q->subtotal)));
	node_set(n, "discount", money_format(c->arena, money_cents(
	    q->discount)));
	node_set(n, "total", money_format(c->arena, money_cents(q->total)));
	node_set(n, "creator", q->creator);
	node_set(n, "created", q->created);
	node_set_int(n, "version", q->version);
}

static int
lines_to_hdf(struct ctx *c, long long id)
{
	struct quote_line	*lines;
	HDF			*rows = ctx_node(c, "Lines"), *row;
	int			 n, i;

	if ((n = quote_lines_load(c, id, &lines)) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		row = node_item(rows, i);
		node_set_int(row, "n", i + 1);
		node_set(row, "product", choice_label(c, "product",
		    lines[i].product));
		node_set(row, "description", lines[i].description);
		node_set(row, "quantity", money_qty_format(c->arena,
		    lines[i].qty_milli));
		node_set(row, "price", money_format(c->arena,
		    lines[i].price_cents));
		node_set(row, "discount", money_decimal(c->arena,
		    lines[i].discount_bp));
		node_set(row, "total", money_format(c->arena, lines[i].net));
	}
	return 0;
}

int
quotes_to_hdf(struct ctx *c, long long opp)
{
	struct dbq	 q;
	HDF		*rows = ctx_node(c, "Quotes"), *row;
	int		 n = 0;

	if (db_prepare(&q, c->db, c->arena, sql_quotes_of) == -1)
		return -1;
	db_bind_int(&q, 0, opp);
	while (db_step(&q) == DB_ROW) {
		row = node_item(rows, n++);
		node_set(row, "id", db_text(&q, 0));
		node_set(row, "code", db_text(&q, 1));
		node_set(row, "status", db_text(&q, 2));
		node_set(row, "valid_until", db_text(&q, 3));
		node_set(row, "total", money_format(c->arena,
		    money_cents(db_text(&q, 4))));
		node_set(row, "created", db_text(&q, 5));
	}
	return db_finish(&q) == DB_ERROR ? -1 : 0;
}

/* What the user may do with the quote on its page, as Can.*. */
static void
abilities(struct ctx *c, const struct opportunity *o, const struct quote *q)
{
	int	edit = perm_allows(c, RT_OPPORTUNITY, ACT_EDIT, o->owner_id,
	    o->team_id);
	int	approver = perm_allows(c, RT_OPPORTUNITY, ACT_APPROVE,
	    o->owner_id, o->team_id);
	int	draft = strcmp(q->status, "draft") == 0;
	int	pending = strcmp(q->status, "pending") == 0;
	int	needs_approval = quote_needs_approval(q);

	ctx_set_int(c, "Can.edit", edit && draft);
	ctx_set_int(c, "Can.copy", edit);
	ctx_set_int(c, "Can.submit", edit && draft && needs_approval);
	ctx_set_int(c, "Can.send", edit && ((draft && !needs_approval) ||
	    strcmp(q->status, "approved") == 0));
	ctx_set_int(c, "Can.answer", edit && strcmp(q->status, "sent") == 0);
	ctx_set_int(c, "Can.decide", approver && pending &&
	    q->submitted_by != c->user->id);
	ctx_set_int(c, "Can.own_submission", approver && pending &&
	    q->submitted_by == c->user->id);
	ctx_set_int(c, "Can.waiting", pending && !approver);
}

/* The quote's page, or with print its A4 print view. */
static int
quote_render(struct ctx *c, const struct opportunity *o,
    const struct quote *q, int print)
{
	char		 now[32];
	struct tm	 tm;
	time_t		 t = time(NULL);

	opp_to_hdf(c, o);
	quote_to_hdf(c, q);
	if (lines_to_hdf(c, q->id) == -1)
		return 500;
	if (print) {
		/* The process's local time is the company's (config.c). */
		strftime(now, sizeof(now), "%Y-%m-%d %H:%M",
		    localtime_r(&t, &tm));
		ctx_set(c, "Printed.at", now);
		ctx_set(c, "Printed.by", c->user->name);
		return http_page(c, "opportunities/quote_print.cs");
	}
	if (audit_history(c, "quote", q->id) == -1 ||
	    opp_contract_to_hdf(c, o) == -1 ||
	    rows_to_hdf(c, sql_approvals, q->id, "Approvals", approval_cols,
	    NFIELDS(approval_cols), NULL, NULL) == -1)
		return 500;
	abilities(c, o, q);
	return http_page(c, "opportunities/quote.cs");
}

static int
quote_show(struct ctx *c, int print)
{
	struct opportunity	o;
	struct quote		q;
	int			rc;

	if (choice_load(c) == -1)
		return 500;
	if ((rc = quote_load(c, ACT_VIEW, &o, &q)) != 0)
		return rc;
	return quote_render(c, &o, &q, print);
}

int
quote_detail(struct ctx *c)
{
	return quote_show(c, 0);
}

int
quote_print(struct ctx *c)
{
	return quote_show(c, 1);
}

int
quote_refused(struct ctx *c, const struct opportunity *o,
    const struct quote *q, int status, const char *msg_key)
{
	c->status = status;
	ctx_set(c, "Error", ctx_msg(c, msg_key));
	return quote_render(c, o, q, 0);
}

int
quote_invalid(struct ctx *c, const struct opportunity *o,
    const struct quote *q)
{
	c->status = 422;
	return quote_render(c, o, q, 0);
}

int
quote_needs_approval(const struct quote *q)
{
	/* discount / subtotal > free_pct / 100, in integers. */
	return money_cents(q->discount) * 100 >
	    money_cents(q->subtotal) * q->free_pct;
}

/* NULL if q may go from its status to to, or why not. */
static const char *
transition_refusal(const struct quote *q, const char *to)
{
	size_t	i;

	for (i = 0; i < NFIELDS(transitions); i++)
		if (strcmp(transitions[i].from, q->status) == 0 &&
		    strcmp(transitions[i].to, to) == 0)
			return transitions[i].free && quote_needs_approval(q) ?
			    "quote.needs_approval" : NULL;
	return "quote.bad_transition";
}

int
quote_lock(struct ctx *c, long long opp, struct quote *q)
{
	struct dbq	dq;
	int		found = 0;

	if (db_int_query(c->db, c->arena, sql_opp_lock, 0, "i", opp) != opp ||
	    db_prepare(&dq, c->db, c->arena, sql_quote_lock) == -1)
		return -1;
	db_bind_int(&dq, 0, q->id);
	db_bind_int(&dq, 1, opp);
	if (db_step(&dq) == DB_ROW) {
		found = 1;
		q->status = db_str(&dq, 0);
		q->subtotal = db_str(&dq, 1);
		q->discount = db_str(&dq, 2);
		q->submitted_by = db_int(&dq, 3);
		q->free_pct = (int)db_int(&dq, 4);
	}
	return db_finish(&dq) == DB_ERROR || !found ? -1 : 0;
}

int
quote_status(struct ctx *c)
{
	struct opportunity	 o;
	struct quote		 q;
	const char		*to = req_form(&c->req, "status"), *from, *why;
	long long		 accepted;
	int			 rc;

	if (choice_load(c) == -1)
		return 500;
	if ((rc = quote_load(c, ACT_EDIT, &o, &q)) != 0)
		return rc;
	if (to == NULL)
		to = "";
	if ((why = transition_refusal(&q, to)) != NULL)
		return quote_refused(c, &o, &q, 409, why);
	if (db_begin(c->db) == -1 || quote_lock(c, o.id, &q) == -1)
		return 500;
	/* Someone may have changed it since the page was read. */
	if ((why = transition_refusal(&q, to)) != NULL) {
		db_rollback(c->db);
		return quote_refused(c, &o, &q, 409, why);
	}
	from = q.status;
	accepted = strcmp(to, "accepted") != 0 ? 0 : db_int_query(c->db,
	    c->arena, sql_accepted, -1, "i", o.id);
	if (accepted == -1)
		return 500;
	if (accepted > 0) {
		db_rollback(c->db);
		return quote_refused(c, &o, &q, 409, "quote.already_accepted");
	}
	if (db_exec(c->db, c->arena, sql_status_set, "si", to, q.id) != 1 ||
	    audit_field(c, "quote", q.id, "status", from, to) == -1 ||
	    db_commit(c->db) == -1)
		return 500;
	return quote_page(c, o.id, q.id);
}

int
quote_page(struct ctx *c, long long opp, long long id)
{
	return http_redirect(c, arena_printf(c->arena,
	    "/opportunities/%lld/quotes/%lld", opp, id));
}
