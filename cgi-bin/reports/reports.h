/*
 * reports.h - the pipeline's reports: one program, one file per report.
 *
 * cgi-bin/reports.c holds the route table. A report reads the summaries
 * of sql/016_reports.sql (never the opportunities themselves) for the
 * filters of filter.c, within the user's report scope, and fills a
 * table and its chart; show.c makes of them the page, the A4 print view
 * or the CSV export.
 */
#ifndef CRM_REPORTS_H
#define CRM_REPORTS_H

#include <stddef.h>

#include "perm.h"
#include "svg_chart.h"

struct ctx;
struct dbq;

#define NFIELDS(a)	(sizeof(a) / sizeof((a)[0]))

/*
 * The rows a report may count, in SQL: the scope (the SQL form of
 * perm_allows), then the team and owner filters, then the period on
 * the summary's month. filter_bind binds them in this order.
 */
#define SCOPE_WHERE							\
    " (? = 3 OR (? = 2 AND team_id = ?) OR (? = 1 AND owner_id = ?))"	\
    " AND (? IS NULL OR team_id = ?) AND (? IS NULL OR owner_id = ?)"
#define MONTHS_WHERE							\
    " AND (? IS NULL OR month >= ?) AND (? IS NULL OR month <= ?)"

/* The filters of a report as checked. */
struct filter {
	enum scope	 scope;		/* of the route's action */
	long long	 team, owner;	/* 0: everyone in scope */
	const char	*from, *to;	/* first days of months; NULL: open */
	int		 invalid;	/* an error beside a field: no figures */
};

/* A cell of a report's table: its value, shown and exported by kind. */
enum cell_kind {
	CELL_NONE,	/* undefined (a rate of nothing): "–", empty in CSV */
	CELL_TEXT,
	CELL_INT,
	CELL_MONEY,	/* cents */
	CELL_TENTHS	/* a percentage or days, in tenths: 45.5 */
};

struct cell {
	enum cell_kind	 kind;
	long long	 v;
	const char	*text;
};

enum row_level { ROW_DETAIL, ROW_SUBTOTAL, ROW_TOTAL };

struct trow {
	enum row_level	 level;
	struct cell	*cells;
};

/* A column: the catalogue key of its heading; numbers align right. */
struct column {
	const char	*label;
	int		 num;
};

#define CHART_BARS_MAX	24	/* more rows: the chart shows the first */

struct table {
	const struct column	*cols;
	size_t			 ncols;
	struct trow		*rows;
	size_t			 nrows, max;
	/* The chart: its series' catalogue keys and its bars. */
	const char		*series[CHART_SERIES_MAX];
	struct chart_bar	 bars[CHART_BARS_MAX];
	size_t			 nbars;
	int			 bars_cut;	/* more rows than bars */
};

/* A report: its name (URL and catalogue), default period and figures. */
struct report {
	const char	*name;
	/* The default period, in months from the current one. */
	int		 from_months, to_months;
	int		(*run)(struct ctx *, const struct filter *,
			    struct table *);
};

/* filter.c */
/*
 * Read and check the filters of the query for report r, with the scope
 * of action act: the period, and the team and owner among those the
 * scope reaches (any other is an error beside its field, so nothing is
 * counted). Sets the form, its options, the presets and the filters in
 * words. 0, or -1 on a database error.
 */
int	 filter_read(struct ctx *, const struct report *, enum action,
	    struct filter *);
/* Bind SCOPE_WHERE, and MONTHS_WHERE with months, from *i on. */
void	 filter_bind(struct ctx *, struct dbq *, unsigned *i,
	    const struct filter *, int months);
/* A month "2026-03-01" as it is shown, "2026-03". */
const char *month_shown(struct ctx *, const char *);

/* show.c */
/* A row appended to the table, its cells empty (CELL_NONE). */
struct trow	*table_row(struct ctx *, struct table *, enum row_level);
void	 cell_text(struct trow *, size_t col, const char *);
void	 cell_int(struct trow *, size_t col, long long);
void	 cell_money(struct trow *, size_t col, long long cents);
/*
 * num x scale / den in tenths (scale 1000: a percentage; 10: a plain
 * ratio), rounded half up; none when den is 0.
 */
void	 cell_ratio(struct trow *, size_t col, long long num, long long den,
	    long long scale);
/* num / den rounded half up (den > 0). */
long long ratio_round(long long num, long long den);
/* A chart bar of one or two values, as the cells show them. */
void	 table_bar(struct ctx *, struct table *, const char *label,
	    const struct cell *, const struct cell *);
/* A cell's value as the page shows it, in the arena. */
const char *cell_shown(struct ctx *, const struct cell *);
int	 reports_index(struct ctx *);
int	 report_page(struct ctx *);
int	 report_print(struct ctx *);
int	 report_export(struct ctx *);

/* One file each. */
int	 funnel_run(struct ctx *, const struct filter *, struct table *);
int	 forecast_run(struct ctx *, const struct filter *, struct table *);
int	 reasons_run(struct ctx *, const struct filter *, struct table *);
int	 performance_run(struct ctx *, const struct filter *, struct table *);

#endif
