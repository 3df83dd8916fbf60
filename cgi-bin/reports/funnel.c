/*
 * funnel.c - the sales funnel of the opportunities whose lead date falls
 * in the period: per open stage, how many are in it now and their
 * amount; per stage, how many ever entered it (the stage history), the
 * conversion from each open stage to the next (and from the last open
 * stage to won), and the average days spent in each open stage, over the
 * visits that ended and those still going on today.
 *
 * Two statements: the stages' outcomes, and the funnel summary grouped
 * by stage (report_funnel: the month range of the primary key, or the
 * team's or owner's index). The stages come in the order of the choice
 * list opp_stage.
 */
#include <string.h>

#include "choice.h"
#include "ctx.h"
#include "db.h"
#include "reports.h"

#define STAGES_MAX	64
#define DAY_SECS	86400LL

/* A handful of rows, read whole by the primary key. */
static const char sql_stages[] =
    "SELECT code, outcome FROM opportunity_stage";
/* Days in stage: the visits that ended, and those until now. */
static const char sql_funnel[] =
    "SELECT stage, SUM(open_count), SUM(open_cents), SUM(reached),"
    " SUM(visits) + SUM(open_count),"
    " SUM(visit_secs) + SUM(open_count) *"
    " TIMESTAMPDIFF(SECOND, '1970-01-01', NOW()) - SUM(entered_secs)"
    " FROM report_funnel WHERE" SCOPE_WHERE MONTHS_WHERE
    " GROUP BY stage";

enum { C_STAGE, C_OPEN, C_AMOUNT, C_ENTERED, C_CONVERSION, C_DAYS };

static const struct column columns[] = {
	{ "report.col.stage", 0 },
	{ "report.col.open_count", 1 },
	{ "report.col.open_amount", 1 },
	{ "report.col.entered", 1 },
	{ "report.col.conversion", 1 },
	{ "report.col.avg_days", 1 },
};

struct fstage {
	const char	*code, *label, *outcome;
	long long	 open, cents, reached, visits, secs;
};

struct funnel {
	struct fstage	 s[STAGES_MAX];
	size_t		 n;
};

/* The active stages in their order, with what each means. */
static int
stages_read(struct ctx *c, struct funnel *fu)
{
	struct dbq	 q;
	HDF		*o;
	size_t		 i;

	for (o = hdf_get_child(c->hdf, "ChoiceList.opp_stage"); o != NULL &&
	    fu->n < STAGES_MAX; o = hdf_obj_next(o)) {
		fu->s[fu->n].code = hdf_get_value(o, "code", "");
		fu->s[fu->n].label = hdf_get_value(o, "label", "");
		fu->s[fu->n].outcome = "open";
		fu->n++;
	}
	if (db_prepare(&q, c->db, c->arena, sql_stages) == -1)
		return -1;
	while (db_step(&q) == DB_ROW)
		for (i = 0; i < fu->n; i++)
			if (strcmp(fu->s[i].code, db_str(&q, 0)) == 0)
				fu->s[i].outcome = db_str(&q, 1);
	return db_finish(&q) == DB_ERROR ? -1 : 0;
}

static int
figures_read(struct ctx *c, const struct filter *f, struct funnel *fu)
{
	struct dbq	 q;
	struct fstage	*s;
	unsigned	 i = 0;
	size_t		 k;

	if (db_prepare(&q, c->db, c->arena, sql_funnel) == -1)
		return -1;
	filter_bind(c, &q, &i, f, 1);
	while (db_step(&q) == DB_ROW)
		for (k = 0; k < fu->n; k++) {
			s = &fu->s[k];
			if (strcmp(s->code, db_str(&q, 0)) != 0)
				continue;
			s->open = db_int(&q, 1);
			s->cents = db_int(&q, 2);
			s->reached = db_int(&q, 3);
			s->visits = db_int(&q, 4);
			s->secs = db_int(&q, 5);
		}
	return db_finish(&q) == DB_ERROR ? -1 : 0;
}

static int
is_open(const struct fstage *s)
{
	return strcmp(s->outcome, "open") == 0;
}

static long long
won_reached(const struct funnel *fu)
{
	long long	won = 0;
	size_t		i;

	for (i = 0; i < fu->n; i++)
		if (strcmp(fu->s[i].outcome, "won") == 0)
			won += fu->s[i].reached;
	return won;
}

/* How many entered the step after open stage k: the next open one, or won. */
static long long
next_reached(const struct funnel *fu, size_t k)
{
	size_t	i;

	for (i = k + 1; i < fu->n; i++)
		if (is_open(&fu->s[i]))
			return fu->s[i].reached;
	return won_reached(fu);
}

static void
stage_row(struct ctx *c, struct table *t, const struct funnel *fu, size_t k)
{
	const struct fstage	*s = &fu->s[k];
	struct trow		*r = table_row(c, t, ROW_DETAIL);

	cell_text(r, C_STAGE, s->label);
	cell_int(r, C_ENTERED, s->reached);
	if (is_open(s)) {
		cell_int(r, C_OPEN, s->open);
		cell_money(r, C_AMOUNT, s->cents);
		cell_ratio(r, C_CONVERSION, next_reached(fu, k), s->reached,
		    1000);
		cell_ratio(r, C_DAYS, s->secs, s->visits * DAY_SECS, 10);
		table_bar(c, t, s->label, &r->cells[C_ENTERED],
		    &r->cells[C_OPEN]);
	} else if (strcmp(s->outcome, "won") == 0)
		table_bar(c, t, s->label, &r->cells[C_ENTERED], NULL);
}

int
funnel_run(struct ctx *c, const struct filter *f, struct table *t)
{
	struct funnel	 fu;
	struct trow	*r;
	long long	 open = 0, cents = 0, first = -1;
	size_t		 k;

	memset(&fu, 0, sizeof(fu));
	t->cols = columns;
	t->ncols = NFIELDS(columns);
	t->series[0] = "report.col.entered";
	t->series[1] = "report.col.open_count";
	if (stages_read(c, &fu) == -1 || figures_read(c, f, &fu) == -1)
		return -1;
	for (k = 0; k < fu.n; k++) {
		stage_row(c, t, &fu, k);
		if (!is_open(&fu.s[k]))
			continue;
		open += fu.s[k].open;
		cents += fu.s[k].cents;
		if (first < 0)
			first = fu.s[k].reached;
	}
	/* From the first stage to won, over all. */
	r = table_row(c, t, ROW_TOTAL);
	cell_text(r, C_STAGE, ctx_msg(c, "report.funnel.total"));
	cell_int(r, C_OPEN, open);
	cell_money(r, C_AMOUNT, cents);
	if (first >= 0)
		cell_ratio(r, C_CONVERSION, won_reached(&fu), first, 1000);
	return 0;
}
