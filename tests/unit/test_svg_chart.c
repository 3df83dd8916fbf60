/*
 * test_svg_chart.c - the reports' bar charts: every text escaped, bars
 * scaled to the largest value, long labels cut, no data said so.
 */
#include <string.h>

#include "arena.h"
#include "svg_chart.h"
#include "suite.h"

/* How often needle occurs in s. */
static int
count(const char *s, const char *needle)
{
	int	n = 0;

	while ((s = strstr(s, needle)) != NULL) {
		n++;
		s += strlen(needle);
	}
	return n;
}

START_TEST(every_text_is_escaped)
{
	struct arena		*a = arena_new();
	struct chart_bar	 bars[] = {
		{ "<script>alert(1)</script>", { 5, 0 },
		    { "\"5\" & 'more'", NULL } },
	};
	struct chart		 ch = { "c1", "A < B", "x & y", { "s", NULL },
	    "none", bars, 1 };
	char			*svg = svg_chart(a, &ch);

	ck_assert_ptr_null(strstr(svg, "<script"));
	ck_assert_ptr_nonnull(strstr(svg, "&lt;script&gt;alert(1)&lt;/scrip…"));
	ck_assert_ptr_nonnull(strstr(svg, "&quot;5&quot; &amp; &#39;more&#39;"));
	ck_assert_ptr_nonnull(strstr(svg, "<title id=\"c1-t\">A &lt; B</title>"));
	ck_assert_ptr_nonnull(strstr(svg, "<desc id=\"c1-d\">x &amp; y</desc>"));
	/* An image named by its title and description. */
	ck_assert_ptr_nonnull(strstr(svg, "role=\"img\""));
	ck_assert_ptr_nonnull(strstr(svg, "aria-labelledby=\"c1-t c1-d\""));
	ck_assert(strncmp(svg, "<svg ", 5) == 0);
	ck_assert(strcmp(svg + strlen(svg) - 6, "</svg>") == 0);
	arena_free(a);
}
END_TEST

START_TEST(bars_scale_to_the_largest_value)
{
	struct arena		*a = arena_new();
	struct chart_bar	 bars[] = {
		{ "甲", { 200, 0 }, { "200", NULL } },
		{ "乙", { 100, 0 }, { "100", NULL } },
		{ "丙", { 0, 0 }, { "0", NULL } },
		{ "丁", { -5, 0 }, { "-5", NULL } },
	};
	struct chart		 ch = { "c2", "t", "d", { "s", NULL }, "none",
	    bars, 4 };
	char			*svg = svg_chart(a, &ch);

	/* The longest bar fills the room between labels and values. */
	ck_assert_ptr_nonnull(strstr(svg, "width=\"360\" height=\"16\""));
	ck_assert_ptr_nonnull(strstr(svg, "width=\"180\" height=\"16\""));
	ck_assert_int_eq(count(svg, "width=\"0\" height=\"16\""), 2);
	ck_assert_int_eq(count(svg, "<rect "), 4);
	/* Four rows of 24, a margin above and below. */
	ck_assert_ptr_nonnull(strstr(svg, "viewBox=\"0 0 640 104\""));

	ck_assert_int_eq(svg_scale(1, 3, 360), 120);
	ck_assert_int_eq(svg_scale(2, 3, 360), 240);
	ck_assert_int_eq(svg_scale(5, 3, 360), 360);
	ck_assert_int_eq(svg_scale(0, 3, 360), 0);
	ck_assert_int_eq(svg_scale(7, 0, 360), 0);
	/* No overflow on the largest amounts. */
	ck_assert_int_eq(svg_scale(4611686018427387903LL,
	    9223372036854775807LL, 360), 179);
	arena_free(a);
}
END_TEST

START_TEST(two_series_have_a_legend)
{
	struct arena		*a = arena_new();
	struct chart_bar	 bars[] = {
		{ "2026-05", { 1000, 250 }, { "10.00", "2.50" } },
	};
	struct chart		 ch = { "c3", "t", "d",
	    { "金额", "加权金额" }, "none", bars, 1 };
	char			*svg = svg_chart(a, &ch);

	ck_assert_ptr_nonnull(strstr(svg, ">金额</text>"));
	ck_assert_ptr_nonnull(strstr(svg, ">加权金额</text>"));
	/* Two legend keys, two bars. */
	ck_assert_int_eq(count(svg, "<rect "), 4);
	ck_assert_ptr_nonnull(strstr(svg, "width=\"360\" height=\"14\""));
	ck_assert_ptr_nonnull(strstr(svg, "width=\"90\" height=\"14\""));
	arena_free(a);
}
END_TEST

START_TEST(no_data_says_so)
{
	struct arena	*a = arena_new();
	struct chart	 ch = { "c4", "t", "d", { "s", NULL },
	    "没有数据 <none>", NULL, 0 };
	char		*svg = svg_chart(a, &ch);

	ck_assert_ptr_null(strstr(svg, "<rect"));
	ck_assert_ptr_nonnull(strstr(svg, ">没有数据 &lt;none&gt;</text>"));
	ck_assert_ptr_nonnull(strstr(svg, "viewBox=\"0 0 640 40\""));
	arena_free(a);
}
END_TEST

START_TEST(long_labels_are_cut)
{
	struct arena	*a = arena_new();

	ck_assert_str_eq(svg_label(a, "短"), "短");
	ck_assert_str_eq(svg_label(a, NULL), "");
	/* Twelve Chinese characters fit; the thirteenth makes a cut. */
	ck_assert_str_eq(svg_label(a, "一二三四五六七八九十一二"),
	    "一二三四五六七八九十一二");
	ck_assert_str_eq(svg_label(a, "一二三四五六七八九十一二三"),
	    "一二三四五六七八九十一…");
	ck_assert_str_eq(svg_label(a, "abcdefghijklmnopqrstuvwx"),
	    "abcdefghijklmnopqrstuvwx");
	ck_assert_str_eq(svg_label(a, "abcdefghijklmnopqrstuvwxy"),
	    "abcdefghijklmnopqrstuvw…");
	arena_free(a);
}
END_TEST

static Suite *
svg_chart_suite(void)
{
	Suite	*s = suite_create("svg_chart");
	TCase	*tc = tcase_create("svg_chart");

	tcase_add_test(tc, every_text_is_escaped);
	tcase_add_test(tc, bars_scale_to_the_largest_value);
	tcase_add_test(tc, two_series_have_a_legend);
	tcase_add_test(tc, no_data_says_so);
	tcase_add_test(tc, long_labels_are_cut);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_SUITE(svg_chart_suite)
