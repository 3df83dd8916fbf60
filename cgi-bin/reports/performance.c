/*
 * performance.c - rep and team performance: per owner, within each team,
 * the opportunities won and lost in the period (the month they closed),
 * the win rate (won of those closed), the average won deal, and the open
 * pipeline as it stands today, whatever its expected close date. Each
 * team has a subtotal row, the report a total.
 *
 * One statement: the outcome summary in the period and the forecast
 * summary (all months) side by side, grouped by team and owner with the
 * subtotals and total (WITH ROLLUP), then named.
 */
#include "ctx.h"
#include "db.h"
#include "reports.h"

static const char sql_performance[] =
    "SELECT x.team_id, x.owner_id, COALESCE(t.name, ''),"
    " COALESCE(u.name, ''), x.won_n, x.won_cents, x.lost_n, x.open_n,"
    " x.open_cents"
    " FROM (SELECT team_id, owner_id, SUM(won_n) AS won_n,"
    "  SUM(won_cents) AS won_cents, SUM(lost_n) AS lost_n,"
    "  SUM(open_n) AS open_n, SUM(open_cents) AS open_cents"
    "  FROM (SELECT team_id, owner_id,"
    "   IF(outcome = 'won', closed_count, 0) AS won_n,"
    "   IF(outcome = 'won', closed_cents, 0) AS won_cents,"
    "   IF(outcome = 'lost', closed_count, 0) AS lost_n,"
    "   0 AS open_n, 0 AS open_cents"
    "   FROM report_outcome WHERE" SCOPE_WHERE MONTHS_WHERE
    "   UNION ALL SELECT team_id, owner_id, 0, 0, 0, open_count,"
    "   open_cents FROM report_forecast WHERE" SCOPE_WHERE ") y"
    "  GROUP BY team_id, owner_id WITH ROLLUP) x"
    " LEFT JOIN team t ON t.id = x.team_id"
    " LEFT JOIN app_user u ON u.id = x.owner_id"
    " ORDER BY x.team_id IS NULL, COALESCE(t.name, ''), x.team_id,"
    " x.owner_id IS NULL, COALESCE(u.name, ''), x.owner_id";

enum { C_TEAM, C_OWNER, C_WON, C_WON_AMOUNT, C_LOST, C_RATE, C_OPEN,
    C_OPEN_AMOUNT, C_AVERAGE };

static const struct column columns[] = {
	{ "report.col.team", 0 },
	{ "report.col.owner", 0 },
	{ "report.col.won", 1 },
	{ "report.col.won_amount", 1 },
	{ "report.col.lost", 1 },
	{ "report.col.win_rate", 1 },
	{ "report.col.open_count", 1 },
	{ "report.col.open_amount", 1 },
	{ "report.col.average_won", 1 },
};

static void
row_fill(struct dbq *q, struct trow *r)
{
	long long	won = db_int(q, 4), cents = db_int(q, 5);

	cell_int(r, C_WON, won);
	cell_money(r, C_WON_AMOUNT, cents);
	cell_int(r, C_LOST, db_int(q, 6));
	cell_ratio(r, C_RATE, won, won + db_int(q, 6), 1000);
	cell_int(r, C_OPEN, db_int(q, 7));
	cell_money(r, C_OPEN_AMOUNT, db_int(q, 8));
	if (won > 0)
		cell_money(r, C_AVERAGE, ratio_round(cents, won));
}

int
performance_run(struct ctx *c, const struct filter *f, struct table *t)
{
	struct dbq	 q;
	struct trow	*r;
	const char	*team;
	unsigned	 i = 0;

	t->cols = columns;
	t->ncols = NFIELDS(columns);
	t->series[0] = "report.col.won_amount";
	t->series[1] = "report.col.open_amount";
	if (db_prepare(&q, c->db, c->arena, sql_performance) == -1)
		return -1;
	filter_bind(c, &q, &i, f, 1);
	filter_bind(c, &q, &i, f, 0);
	while (db_step(&q) == DB_ROW) {
		team = db_int(&q, 0) == 0 ? ctx_msg(c, "report.no_team") :
		    db_str(&q, 2);
		if (db_is_null(&q, 0)) {
			r = table_row(c, t, ROW_TOTAL);
			cell_text(r, C_TEAM, ctx_msg(c, "report.total"));
		} else if (db_is_null(&q, 1)) {
			r = table_row(c, t, ROW_SUBTOTAL);
			cell_text(r, C_TEAM, team);
			cell_text(r, C_OWNER, ctx_msg(c, "report.team_total"));
		} else {
			r = table_row(c, t, ROW_DETAIL);
			cell_text(r, C_TEAM, team);
			cell_text(r, C_OWNER, db_str(&q, 3));
		}
		row_fill(&q, r);
		if (r->level == ROW_DETAIL)
			table_bar(c, t, r->cells[C_OWNER].text,
			    &r->cells[C_WON_AMOUNT], &r->cells[C_OPEN_AMOUNT]);
	}
	return db_finish(&q) == DB_ERROR ? -1 : 0;
}
