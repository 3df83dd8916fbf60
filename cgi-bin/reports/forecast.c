/*
 * forecast.c - the weighted pipeline forecast: the open opportunities by
 * the month of their expected close date, in the period; per month their
 * number, amount, and amount weighted by the win probability.
 *
 * The weighted amount is the exact sum of cents x percent of the month
 * (report_forecast.weighted), divided by 100 and rounded half up to the
 * cent once, for each month and again for the total: the total is
 * rounded from the exact sum, not added up from rounded months.
 *
 * One statement: the forecast summary by month with its total row
 * (WITH ROLLUP).
 */
#include "ctx.h"
#include "db.h"
#include "reports.h"

static const char sql_forecast[] =
    "SELECT month, SUM(open_count), SUM(open_cents),"
    " ROUND(SUM(weighted) / 100)"
    " FROM report_forecast WHERE" SCOPE_WHERE MONTHS_WHERE
    " GROUP BY month WITH ROLLUP";

enum { C_MONTH, C_COUNT, C_AMOUNT, C_WEIGHTED };

static const struct column columns[] = {
	{ "report.col.month", 0 },
	{ "report.col.count", 1 },
	{ "report.col.amount", 1 },
	{ "report.col.weighted", 1 },
};

int
forecast_run(struct ctx *c, const struct filter *f, struct table *t)
{
	struct dbq	 q;
	struct trow	*r;
	unsigned	 i = 0;
	int		 total;

	t->cols = columns;
	t->ncols = NFIELDS(columns);
	t->series[0] = "report.col.amount";
	t->series[1] = "report.col.weighted";
	if (db_prepare(&q, c->db, c->arena, sql_forecast) == -1)
		return -1;
	filter_bind(c, &q, &i, f, 1);
	while (db_step(&q) == DB_ROW) {
		total = db_is_null(&q, 0);
		r = table_row(c, t, total ? ROW_TOTAL : ROW_DETAIL);
		cell_text(r, C_MONTH, total ? ctx_msg(c, "report.total") :
		    month_shown(c, db_str(&q, 0)));
		cell_int(r, C_COUNT, db_int(&q, 1));
		cell_money(r, C_AMOUNT, db_int(&q, 2));
		cell_money(r, C_WEIGHTED, db_int(&q, 3));
		if (!total)
			table_bar(c, t, r->cells[C_MONTH].text,
			    &r->cells[C_AMOUNT], &r->cells[C_WEIGHTED]);
	}
	return db_finish(&q) == DB_ERROR ? -1 : 0;
}
