/*
 * record.c - one contract as loaded for a check or a page, and the lines
 * of the quote it was made from.
 */
#include <string.h>
#include <time.h>

#include "arena.h"
#include "choice.h"
#include "ctx.h"
#include "db.h"
#include "money.h"
#include "contracts.h"

static const char sql_contract_get[] =
    "SELECT k.id, k.code, k.title, k.status, k.total, k.paid,"
    " k.opportunity_id, o.code, o.name, COALESCE(k.quote_id, 0),"
    " COALESCE(q.code, ''), COALESCE(q.subtotal, ''),"
    " COALESCE(q.discount, ''), k.customer_id, c.code, c.name,"
    " k.owner_id, COALESCE(k.team_id, 0), u.name, k.sign_date,"
    " k.start_date, k.end_date, COALESCE(k.terms, ''),"
    " COALESCE(k.submitted_by, 0), k.version, m.name,"
    " DATE_FORMAT(k.created_at, '%Y-%m-%d %H:%i')"
    " FROM contract k JOIN opportunity o ON o.id = k.opportunity_id"
    " JOIN customer c ON c.id = k.customer_id"
    " JOIN app_user u ON u.id = k.owner_id"
    " JOIN app_user m ON m.id = k.created_by"
    " LEFT JOIN quote q ON q.id = k.quote_id"
    " WHERE k.id = ?";
static const char sql_schedule[] =
    "SELECT due_date, amount, paid, COALESCE(note, ''),"
    " COALESCE(open_due < CURDATE(), 0)"
    " FROM contract_instalment WHERE contract_id = ? ORDER BY position";
static const char sql_quote_lines[] =
    "SELECT position, product, COALESCE(description, ''), quantity,"
    " unit_price, discount_pct, line_total"
    " FROM quote_line WHERE quote_id = ? ORDER BY position";

int
contract_load(struct ctx *c, enum action act, struct contract *k)
{
	struct dbq	q;
	int		found = 0;

	memset(k, 0, sizeof(*k));
	if (db_prepare(&q, c->db, c->arena, sql_contract_get) == -1)
		return 500;
	db_bind_int(&q, 0, c->ids[0]);
	if (db_step(&q) == DB_ROW) {
		found = 1;
		k->id = db_int(&q, 0);
		k->code = db_str(&q, 1);
		k->title = db_str(&q, 2);
		k->status = db_str(&q, 3);
		k->total = db_str(&q, 4);
		k->paid = db_str(&q, 5);
		k->opportunity_id = db_int(&q, 6);
		k->opp_code = db_str(&q, 7);
		k->opp_name = db_str(&q, 8);
		k->quote_id = db_int(&q, 9);
		k->quote_code = db_str(&q, 10);
		k->quote_subtotal = db_str(&q, 11);
		k->quote_discount = db_str(&q, 12);
		k->customer_id = db_int(&q, 13);
		k->customer_code = db_str(&q, 14);
		k->customer_name = db_str(&q, 15);
		k->owner_id = db_int(&q, 16);
		k->team_id = db_int(&q, 17);
		k->owner_name = db_str(&q, 18);
		k->sign_date = db_str(&q, 19);
		k->start_date = db_str(&q, 20);
		k->end_date = db_str(&q, 21);
		k->terms = db_str(&q, 22);
		k->submitted_by = db_int(&q, 23);
		k->version = db_int(&q, 24);
		k->creator = db_str(&q, 25);
		k->created = db_str(&q, 26);
	}
	if (db_finish(&q) == DB_ERROR)
		return 500;
	if (!found || !perm_allows(c, RT_CONTRACT, act, k->owner_id,
	    k->team_id))
		return 404;
	return 0;
}

void
contract_to_hdf(struct ctx *c, const struct contract *k)
{
	HDF		*n = ctx_node(c, "Contract");
	long long	 total = money_cents(k->total), paid = money_cents(k->paid);

	node_set_int(n, "id", k->id);
	node_set(n, "code", k->code);
	node_set(n, "title", k->title);
	node_set(n, "status", k->status);
	node_set(n, "total", money_format(c->arena, total));
	node_set(n, "paid", money_format(c->arena, paid));
	node_set(n, "outstanding", money_format(c->arena, total - paid));
	node_set_int(n, "owes", paid < total);
	node_set_int(n, "opportunity_id", k->opportunity_id);
	node_set(n, "opp_code", k->opp_code);
	node_set(n, "opp_name", k->opp_name);
	if (k->quote_id != 0) {
		node_set_int(n, "quote_id", k->quote_id);
		node_set(n, "quote_code", k->quote_code);
	}
	node_set_int(n, "customer_id", k->customer_id);
	node_set(n, "customer_code", k->customer_code);
	node_set(n, "customer", k->customer_name);
	node_set(n, "owner", k->owner_name);
	node_set(n, "sign_date", k->sign_date);
	node_set(n, "start_date", k->start_date);
	node_set(n, "end_date", k->end_date);
	node_set(n, "terms", k->terms);
	node_set(n, "creator", k->creator);
	node_set(n, "created", k->created);
	node_set_int(n, "version", k->version);
}

int
schedule_load(struct ctx *c, long long id, struct instalment_row **rows)
{
	struct dbq		 q;
	struct instalment_row	*r;
	int			 n = 0;

	*rows = arena_calloc(c->arena, SCHEDULE_ROWS_MAX, sizeof(**rows));
	if (db_prepare(&q, c->db, c->arena, sql_schedule) == -1)
		return -1;
	db_bind_int(&q, 0, id);
	while (db_step(&q) == DB_ROW) {
		if (n == SCHEDULE_ROWS_MAX)
			continue;
		r = &(*rows)[n++];
		r->due = db_str(&q, 0);
		r->amount = money_cents(db_str(&q, 1));
		r->paid = money_cents(db_str(&q, 2));
		r->note = db_str(&q, 3);
		r->overdue = db_int(&q, 4) != 0;
	}
	return db_finish(&q) == DB_ERROR ? -1 : n;
}

const char *
day_from_today(struct ctx *c, int days)
{
	char		 day[16];
	struct tm	 tm;
	time_t		 t = time(NULL) + (time_t)days * 86400;

	/* The process's local time is the company's (config.c). */
	strftime(day, sizeof(day), "%Y-%m-%d", localtime_r(&t, &tm));
	return arena_strdup(c->arena, day);
}

int
contract_editable(const struct contract *k)
{
	return strcmp(k->status, "draft") == 0 ||
	    strcmp(k->status, "rejected") == 0;
}

int
quote_lines_to_hdf(struct ctx *c, long long quote, const char *code,
    const char *subtotal, const char *discount, const char *total)
{
	struct dbq	 q;
	HDF		*rows = ctx_node(c, "Lines"), *row;
	int		 n = 0;

	ctx_set(c, "Quote.code", code);
	ctx_set(c, "Quote.subtotal", money_format(c->arena,
	    money_cents(subtotal)));
	ctx_set(c, "Quote.discount", money_format(c->arena,
	    money_cents(discount)));
	ctx_set(c, "Quote.total", money_format(c->arena, money_cents(total)));
	if (db_prepare(&q, c->db, c->arena, sql_quote_lines) == -1)
		return -1;
	db_bind_int(&q, 0, quote);
	while (db_step(&q) == DB_ROW) {
		row = node_item(rows, n++);
		node_set(row, "n", db_text(&q, 0));
		node_set(row, "product", choice_label(c, "product",
		    db_text(&q, 1)));
		node_set(row, "description", db_text(&q, 2));
		node_set(row, "quantity", money_qty_format(c->arena,
		    money_qty(db_str(&q, 3))));
		node_set(row, "price", money_format(c->arena,
		    money_cents(db_str(&q, 4))));
		node_set(row, "discount", money_decimal(c->arena,
		    money_cents(db_str(&q, 5))));
		node_set(row, "total", money_format(c->arena,
		    money_cents(db_str(&q, 6))));
	}
	return db_finish(&q) == DB_ERROR ? -1 : 0;
}
