/*
 * show.c - what a report becomes: its page (filters, chart, table), its
 * A4 print view (title, filters in words, who generated it when, page
 * numbers from the stylesheet) or its table as CSV (the export grant,
 * audited), all from one run of the report.
 */
#include <string.h>
#include <time.h>

#include "arena.h"
#include "audit.h"
#include "buf.h"
#include "csv.h"
#include "ctx.h"
#include "http.h"
#include "money.h"
#include "reports.h"

static const struct report reports[] = {
	{ "funnel", -11, 0, funnel_run },
	{ "forecast", 0, 11, forecast_run },
	{ "reasons", -11, 0, reasons_run },
	{ "performance", -11, 0, performance_run },
};

static const char *const level_names[] = { "detail", "subtotal", "total" };

/* ------------------------------------------------------------ table */

struct trow *
table_row(struct ctx *c, struct table *t, enum row_level level)
{
	struct trow	*grown;

	if (t->nrows == t->max) {
		t->max = t->max ? t->max * 2 : 16;
		grown = arena_calloc(c->arena, t->max, sizeof(*grown));
		if (t->nrows > 0)
			memcpy(grown, t->rows, t->nrows * sizeof(*grown));
		t->rows = grown;
	}
	t->rows[t->nrows].level = level;
	t->rows[t->nrows].cells = arena_calloc(c->arena, t->ncols,
	    sizeof(struct cell));
	return &t->rows[t->nrows++];
}

void
cell_text(struct trow *r, size_t col, const char *text)
{
	r->cells[col].kind = CELL_TEXT;
	r->cells[col].text = text;
}

void
cell_int(struct trow *r, size_t col, long long v)
{
	r->cells[col].kind = CELL_INT;
	r->cells[col].v = v;
}

void
cell_money(struct trow *r, size_t col, long long cents)
{
	r->cells[col].kind = CELL_MONEY;
	r->cells[col].v = cents;
}

long long
ratio_round(long long num, long long den)
{
	return (2 * num + den) / (2 * den);
}

void
cell_ratio(struct trow *r, size_t col, long long num, long long den,
    long long scale)
{
	if (den <= 0)
		return;
	r->cells[col].kind = CELL_TENTHS;
	r->cells[col].v = ratio_round(num * scale, den);
}

/* A cell's value for the page (money with thousands) or the CSV. */
static const char *
cell_format(struct ctx *c, const struct cell *v, int csv)
{
	long long	abs = v->v < 0 ? -v->v : v->v;

	switch (v->kind) {
	case CELL_NONE:
		return csv ? "" : "–";
	case CELL_TEXT:
		return v->text;
	case CELL_INT:
		return arena_printf(c->arena, "%lld", v->v);
	case CELL_MONEY:
		return csv ? money_decimal(c->arena, v->v) :
		    money_format(c->arena, v->v);
	case CELL_TENTHS:
		return arena_printf(c->arena, "%s%lld.%lld", v->v < 0 ? "-" :
		    "", abs / 10, abs % 10);
	}
	return "";
}

const char *
cell_shown(struct ctx *c, const struct cell *v)
{
	return cell_format(c, v, 0);
}

void
table_bar(struct ctx *c, struct table *t, const char *label,
    const struct cell *a, const struct cell *b)
{
	struct chart_bar	*bar;

	if (t->nbars == CHART_BARS_MAX) {
		t->bars_cut = 1;
		return;
	}
	bar = &t->bars[t->nbars++];
	bar->label = label;
	bar->value[0] = a->v;
	bar->shown[0] = cell_shown(c, a);
	if (b != NULL) {
		bar->value[1] = b->v;
		bar->shown[1] = cell_shown(c, b);
	}
}

static void
table_to_hdf(struct ctx *c, const struct table *t)
{
	HDF	*cols = ctx_node(c, "Table.cols"), *rows, *row, *cells, *cell;
	size_t	 i, j;

	for (j = 0; j < t->ncols; j++) {
		cell = node_item(cols, (int)j);
		node_set(cell, "label", ctx_msg(c, t->cols[j].label));
		node_set_int(cell, "num", t->cols[j].num);
	}
	rows = ctx_node(c, "Table.rows");
	for (i = 0; i < t->nrows; i++) {
		row = node_item(rows, (int)i);
		node_set(row, "level", level_names[t->rows[i].level]);
		cells = node_get(row, "cells");
		for (j = 0; j < t->ncols; j++) {
			cell = node_item(cells, (int)j);
			node_set(cell, "text", cell_shown(c,
			    &t->rows[i].cells[j]));
			node_set_int(cell, "num", t->cols[j].num);
		}
	}
	ctx_set_int(c, "Table.count", (long long)t->nrows);
}

/* The chart: its svg is escaped by svg_chart, the template shows it. */
static void
chart_to_hdf(struct ctx *c, const struct report *r, const struct table *t)
{
	struct chart	ch;

	memset(&ch, 0, sizeof(ch));
	ch.id = arena_printf(c->arena, "chart-%s", r->name);
	ch.title = ctx_msg(c, arena_printf(c->arena, "report.%s.chart",
	    r->name));
	ch.desc = ctx_msg(c, arena_printf(c->arena, "report.%s.chart_desc",
	    r->name));
	if (t->bars_cut)
		ch.desc = arena_printf(c->arena, "%s %s", ch.desc,
		    ctx_msg(c, "report.chart_cut"));
	ch.series[0] = ctx_msg(c, t->series[0]);
	if (t->series[1] != NULL)
		ch.series[1] = ctx_msg(c, t->series[1]);
	ch.empty = ctx_msg(c, "report.empty");
	ch.bars = t->bars;
	ch.n = t->nbars;
	ctx_set(c, "Chart.svg", svg_chart(c->arena, &ch));
}

/* ------------------------------------------------------------ pages */

/* The reports in their order, for the menu. */
static void
reports_list(struct ctx *c)
{
	HDF	*list = ctx_node(c, "Reports");
	size_t	 i;

	for (i = 0; i < NFIELDS(reports); i++)
		node_set(node_item(list, (int)i), "name", reports[i].name);
}

static const struct report *
report_find(struct ctx *c)
{
	size_t	i;

	for (i = 0; i < NFIELDS(reports); i++)
		if (strcmp(c->name, reports[i].name) == 0)
			return &reports[i];
	return NULL;
}

/*
 * Check the filters and run report name of the path with the scope of
 * act: 0 with the figures in t (none when a filter is wrong: status
 * 422, the messages beside the fields), or the status to answer.
 */
static int
report_load(struct ctx *c, enum action act, const struct report **rp,
    struct table *t)
{
	const struct report	*r;
	struct filter		 f;

	memset(t, 0, sizeof(*t));
	if ((*rp = r = report_find(c)) == NULL)
		return 404;
	if (filter_read(c, r, act, &f) == -1)
		return 500;
	reports_list(c);
	ctx_set(c, "Report.name", r->name);
	if (perm_scope(c, RT_REPORT, ACT_EXPORT) != SCOPE_NONE)
		ctx_set_int(c, "Can.export", 1);
	if (f.invalid) {
		c->status = 422;
		ctx_set(c, "Error", ctx_msg(c, "report.invalid"));
		return 0;
	}
	if (r->run(c, &f, t) == -1)
		return 500;
	ctx_set_int(c, "Report.ran", 1);
	table_to_hdf(c, t);
	chart_to_hdf(c, r, t);
	return 0;
}

int
reports_index(struct ctx *c)
{
	reports_list(c);
	/* Overdue payments are the contracts' list, on their grant. */
	if (perm_scope(c, RT_CONTRACT, ACT_VIEW) != SCOPE_NONE)
		ctx_set_int(c, "Can.overdue", 1);
	return http_page(c, "reports/index.cs");
}

int
report_page(struct ctx *c)
{
	const struct report	*r;
	struct table		 t;
	int			 rc;

	if ((rc = report_load(c, ACT_VIEW, &r, &t)) != 0)
		return rc;
	return http_page(c, "reports/report.cs");
}

int
report_print(struct ctx *c)
{
	const struct report	*r;
	struct table		 t;
	char			 now[32];
	struct tm		 tm;
	time_t			 clock = time(NULL);
	int			 rc;

	if ((rc = report_load(c, ACT_VIEW, &r, &t)) != 0)
		return rc;
	/* The process's local time is the company's (config.c). */
	strftime(now, sizeof(now), "%Y-%m-%d %H:%M",
	    localtime_r(&clock, &tm));
	ctx_set(c, "Printed.at", now);
	ctx_set(c, "Printed.by", c->user->name);
	return http_page(c, "reports/print.cs");
}

static void
table_to_csv(struct ctx *c, const struct table *t)
{
	size_t	i, j;

	/* A byte-order mark, so spreadsheets read the file as UTF-8. */
	buf_puts(&c->body, "\xef\xbb\xbf");
	for (j = 0; j < t->ncols; j++)
		csv_field(&c->body, j == 0, ctx_msg(c, t->cols[j].label));
	csv_row_end(&c->body);
	for (i = 0; i < t->nrows; i++) {
		for (j = 0; j < t->ncols; j++)
			csv_field(&c->body, j == 0, cell_format(c,
			    &t->rows[i].cells[j], 1));
		csv_row_end(&c->body);
	}
}

int
report_export(struct ctx *c)
{
	const struct report	*r;
	struct table		 t;
	char			 day[16];
	struct tm		 tm;
	time_t			 now = time(NULL);
	int			 rc;

	if ((rc = report_load(c, ACT_EXPORT, &r, &t)) != 0)
		return rc;
	if (c->status == 422)
		return http_page(c, "reports/report.cs");
	buf_truncate(&c->body, 0);
	table_to_csv(c, &t);
	if (audit_log(c, "export", "report", 0, r->name, NULL,
	    arena_printf(c->arena, "rows=%zu filter=%s", t.nrows,
	    c->req.query_string ? c->req.query_string : "")) == -1)
		return 500;
	strftime(day, sizeof(day), "%Y%m%d", localtime_r(&now, &tm));
	c->content_type = "text/csv; charset=utf-8";
	http_header(c, "Content-Disposition", arena_printf(c->arena,
	    "attachment; filename=\"report-%s-%s.csv\"", r->name, day));
	return 0;
}
