/*
 * svg_chart.c - horizontal bar charts as inline SVG.
 */
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "svg_chart.h"

/* Geometry, in SVG units (CSS pixels at full size). */
#define LABEL_END	172	/* labels end here, right-aligned */
#define BAR_X		180
#define VALUE_ROOM	100	/* beside the longest bar */
#define BAR_MAX		(CHART_WIDTH - BAR_X - VALUE_ROOM)
#define ROW_ONE		24	/* a row with one bar */
#define ROW_TWO		36	/* with two */
#define BAR_ONE		16
#define BAR_TWO		14
#define LEGEND		24
#define FONT		12

static const char *const colour[CHART_SERIES_MAX] = {
	"#0b5cad", "#8a5a00"	/* the page's accent and warning inks */
};

static void
put_escaped(struct buf *b, const char *s)
{
	for (; s != NULL && *s != '\0'; s++)
		switch (*s) {
		case '&': buf_puts(b, "&amp;"); break;
		case '<': buf_puts(b, "&lt;"); break;
		case '>': buf_puts(b, "&gt;"); break;
		case '"': buf_puts(b, "&quot;"); break;
		case '\'': buf_puts(b, "&#39;"); break;
		default: buf_putc(b, *s); break;
		}
}

long long
svg_scale(long long value, long long max, long long width)
{
	if (value <= 0 || max <= 0 || width <= 0)
		return 0;
	if (value >= max)
		return width;
	return (long long)((unsigned __int128)value * (unsigned long long)width /
	    (unsigned long long)max);
}

/* Bytes of the UTF-8 sequence starting with c (1 for a stray byte). */
static size_t
seq_len(unsigned char c)
{
	if (c >= 0xf0)
		return 4;
	if (c >= 0xe0)
		return 3;
	if (c >= 0xc0)
		return 2;
	return 1;
}

char *
svg_label(struct arena *a, const char *s)
{
	size_t	i = 0, n, cut = 0, units = 0, w;

	if (s == NULL)
		return arena_strdup(a, "");
	while (s[i] != '\0') {
		n = seq_len((unsigned char)s[i]);
		if (strnlen(s + i, n) < n)
			n = 1;
		/* Three bytes and more: CJK and the like, two units wide. */
		w = n >= 3 ? 2 : 1;
		if (units + w <= CHART_LABEL_UNITS - 1)
			cut = i + n;
		units += w;
		i += n;
	}
	if (units <= CHART_LABEL_UNITS)
		return arena_strdup(a, s);
	return arena_printf(a, "%.*s…", (int)cut, s);
}

static void
legend(struct buf *b, const struct chart *ch)
{
	int	i, x = BAR_X;

	for (i = 0; i < CHART_SERIES_MAX; i++) {
		buf_printf(b, "<rect x=\"%d\" y=\"6\" width=\"10\" height=\"10\""
		    " fill=\"%s\"/><text x=\"%d\" y=\"15\">", x, colour[i],
		    x + 14);
		put_escaped(b, ch->series[i]);
		buf_puts(b, "</text>");
		x += 150;
	}
}

static long long
chart_max(const struct chart *ch, int nseries)
{
	long long	max = 0;
	size_t		i;
	int		s;

	for (i = 0; i < ch->n; i++)
		for (s = 0; s < nseries; s++)
			if (ch->bars[i].value[s] > max)
				max = ch->bars[i].value[s];
	return max;
}

static void
bar(struct buf *b, const struct chart_bar *cb, int s, long long max, int y,
    int h)
{
	long long	w = svg_scale(cb->value[s], max, BAR_MAX);

	/* A row may leave out its second bar (nothing written beside it). */
	if (cb->shown[s] == NULL)
		return;
	buf_printf(b, "<rect x=\"%d\" y=\"%d\" width=\"%lld\" height=\"%d\""
	    " fill=\"%s\"/><text x=\"%lld\" y=\"%d\">", BAR_X, y, w, h,
	    colour[s], BAR_X + w + 6, y + h - 3);
	put_escaped(b, cb->shown[s]);
	buf_puts(b, "</text>");
}

char *
svg_chart(struct arena *a, const struct chart *ch)
{
	struct buf	 b;
	int		 two = ch->series[1] != NULL, nseries = two ? 2 : 1;
	int		 row = two ? ROW_TWO : ROW_ONE, top = two ? LEGEND : 4;
	int		 height, y, s;
	long long	 max = chart_max(ch, nseries);
	size_t		 i;

	height = ch->n == 0 ? 40 : top + (int)ch->n * row + 4;
	buf_init(&b, a);
	buf_printf(&b, "<svg xmlns=\"http://www.w3.org/2000/svg\""
	    " class=\"chart\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\""
	    " role=\"img\" aria-labelledby=\"%s-t %s-d\">", CHART_WIDTH,
	    height, CHART_WIDTH, height, ch->id, ch->id);
	buf_printf(&b, "<title id=\"%s-t\">", ch->id);
	put_escaped(&b, ch->title);
	buf_printf(&b, "</title><desc id=\"%s-d\">", ch->id);
	put_escaped(&b, ch->desc);
	buf_printf(&b, "</desc><g font-size=\"%d\" fill=\"#1f2933\">", FONT);
	if (ch->n == 0) {
		buf_printf(&b, "<text x=\"%d\" y=\"24\" text-anchor=\"middle\">",
		    CHART_WIDTH / 2);
		put_escaped(&b, ch->empty);
		buf_puts(&b, "</text>");
	} else if (two)
		legend(&b, ch);
	for (i = 0; i < ch->n; i++) {
		y = top + (int)i * row;
		buf_printf(&b, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">",
		    LABEL_END, y + row / 2 + 4);
		put_escaped(&b, svg_label(a, ch->bars[i].label));
		buf_puts(&b, "</text>");
		for (s = 0; s < nseries; s++)
			bar(&b, &ch->bars[i], s, max, two ? y + 3 + s * 16 :
			    y + (ROW_ONE - BAR_ONE) / 2, two ? BAR_TWO : BAR_ONE);
	}
	buf_puts(&b, "</g></svg>");
	return (char *)buf_str(&b);
}
