/*
 * reasons.c - why opportunities were won and lost: those closed in the
 * period (the month they entered the won or lost stage), per close
 * reason, won and lost apart: their number, share of the outcome,
 * amount and average amount, with a subtotal per outcome and a total.
 *
 * One statement: the outcome summary by outcome and reason with its
 * subtotals and total (WITH ROLLUP); a subtotal comes after its rows, so
 * the rows wait for it to know their share.
 */
#include <string.h>

#include "arena.h"
#include "choice.h"
#include "ctx.h"
#include "db.h"
#include "reports.h"

static const char sql_reasons[] =
    "SELECT outcome, close_reason, SUM(closed_count), SUM(closed_cents)"
    " FROM report_outcome WHERE" SCOPE_WHERE MONTHS_WHERE
    " GROUP BY outcome, close_reason WITH ROLLUP";

enum { C_OUTCOME, C_REASON, C_COUNT, C_SHARE, C_AMOUNT, C_AVERAGE };

static const struct column columns[] = {
	{ "report.col.outcome", 0 },
	{ "report.col.reason", 0 },
	{ "report.col.count", 1 },
	{ "report.col.share", 1 },
	{ "report.col.amount", 1 },
	{ "report.col.average", 1 },
};

static void
row_fill(struct trow *r, long long count, long long cents)
{
	cell_int(r, C_COUNT, count);
	cell_money(r, C_AMOUNT, cents);
	if (count > 0)
		cell_money(r, C_AVERAGE, ratio_round(cents, count));
}

int
reasons_run(struct ctx *c, const struct filter *f, struct table *t)
{
	struct dbq	 q;
	struct trow	*r;
	const char	*outcome, *label;
	size_t		 first = 0, k;
	long long	 count;
	unsigned	 i = 0;

	t->cols = columns;
	t->ncols = NFIELDS(columns);
	t->series[0] = "report.col.count";
	if (db_prepare(&q, c->db, c->arena, sql_reasons) == -1)
		return -1;
	filter_bind(c, &q, &i, f, 1);
	while (db_step(&q) == DB_ROW) {
		count = db_int(&q, 2);
		if (db_is_null(&q, 0)) {
			r = table_row(c, t, ROW_TOTAL);
			cell_text(r, C_OUTCOME, ctx_msg(c, "report.total"));
			row_fill(r, count, db_int(&q, 3));
			continue;
		}
		outcome = ctx_msg(c, arena_printf(c->arena,
		    "report.outcome.%s", db_str(&q, 0)));
		if (!db_is_null(&q, 1)) {
			r = table_row(c, t, ROW_DETAIL);
			cell_text(r, C_OUTCOME, outcome);
			cell_text(r, C_REASON, *db_str(&q, 1) == '\0' ?
			    ctx_msg(c, "report.no_reason") :
			    choice_label(c, "close_reason", db_str(&q, 1)));
			row_fill(r, count, db_int(&q, 3));
			continue;
		}
		/* The outcome's subtotal: its rows' shares, then itself. */
		for (k = first; k < t->nrows; k++) {
			r = &t->rows[k];
			cell_ratio(r, C_SHARE, r->cells[C_COUNT].v, count, 1000);
			label = arena_printf(c->arena, "%s: %s", outcome,
			    r->cells[C_REASON].text);
			table_bar(c, t, label, &r->cells[C_COUNT], NULL);
		}
		r = table_row(c, t, ROW_SUBTOTAL);
		cell_text(r, C_OUTCOME, outcome);
		cell_text(r, C_REASON, ctx_msg(c, "report.subtotal"));
		row_fill(r, count, db_int(&q, 3));
		first = t->nrows;
	}
	return db_finish(&q) == DB_ERROR ? -1 : 0;
}
