/*
 * svg_chart.h - horizontal bar charts drawn on the server as inline SVG.
 *
 * A chart is a row per bar: its label, one or two bars side by side (a
 * series each, with a legend), and each value written beside its bar.
 * Bars are scaled to the largest value of the chart. The <svg> is an
 * image with a title and a description (role="img", aria-labelledby);
 * the page's table of the same figures is its text alternative. It is
 * 640 units wide and scales down with the page: on A4 it fits the 180 mm
 * of a print view. Every text in it is escaped here, so that the
 * template may output it as it is (the one raw output of the templates).
 */
#ifndef CRM_SVG_CHART_H
#define CRM_SVG_CHART_H

#include <stddef.h>

struct arena;

#define CHART_SERIES_MAX	2
#define CHART_WIDTH		640
/* The room for a label, in half-widths of a Chinese character. */
#define CHART_LABEL_UNITS	24

struct chart_bar {
	const char	*label;
	long long	 value[CHART_SERIES_MAX];	/* its length; < 0 as 0 */
	/* Written beside it; NULL: no bar of that series in this row. */
	const char	*shown[CHART_SERIES_MAX];
};

struct chart {
	const char		*id;	/* unique in the page: [a-z0-9-] */
	const char		*title, *desc;
	/* The series' names; one series when series[1] is NULL. */
	const char		*series[CHART_SERIES_MAX];
	const char		*empty;	/* said when there are no bars */
	const struct chart_bar	*bars;
	size_t			 n;
};

/* The chart as an <svg> element, in the arena. */
char		*svg_chart(struct arena *, const struct chart *);
/*
 * The length of value on a scale where max is width: rounded down, 0
 * for value <= 0 or max <= 0, width for value >= max. Exact for any
 * long long.
 */
long long	 svg_scale(long long value, long long max, long long width);
/*
 * The label as drawn: cut to CHART_LABEL_UNITS (a wide character counts
 * two) with "…" when longer; not yet escaped.
 */
char		*svg_label(struct arena *, const char *);

#endif
