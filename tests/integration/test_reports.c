/*
 * test_reports.c - the pipeline reports over HTTP: the figures of each
 * report for opportunities made here through the pages, in a team of
 * the test's own (so that nobody else's data counts), the weighted
 * forecast's rounding in cents, whose figures each role sees and what a
 * forged filter gets, the CSV export and its grant, and the summaries
 * against a recomputation from the base tables after a series of
 * changes, again after crmctl report-rebuild, and after a rep moved to
 * another team.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "dbtest.h"
#include "fixture.h"
#include "http.h"
#include "keep.h"
#include "suite.h"

static const char sql_team_make[] =
    "INSERT INTO team (name) VALUES (?)";
static const char sql_team_id[] =
    "SELECT id FROM team WHERE name = ?";
static const char sql_customer_code[] =
    "SELECT code FROM customer WHERE id = ?";
static const char sql_month[] =
    "SELECT DATE_FORMAT(CURDATE() + INTERVAL ? MONTH, '%Y-%m')";
static const char sql_mid_month[] =
    "SELECT DATE_FORMAT(CURDATE() + INTERVAL ? MONTH, '%Y-%m-15')";
/* Stays seem to have begun days earlier: the history and the row. */
static const char sql_backdate_history[] =
    "UPDATE opportunity_stage_change SET at = at - INTERVAL ? DAY"
    " WHERE opportunity_id = ?";
static const char sql_backdate_entry[] =
    "UPDATE opportunity SET stage_entered_at = stage_entered_at"
    " - INTERVAL ? DAY WHERE id = ?";

/*
 * Each summary of the team as one string, rows in order, and the same
 * computed from the opportunities and their stage history in another
 * way than lib/report_sum.c does (correlated subqueries, no window):
 * equal strings mean equal figures. Rows that add nothing are left out.
 */
static const char sql_funnel_kept[] =
    "SELECT COALESCE(GROUP_CONCAT(CONCAT_WS(',', month, owner_id, stage,"
    " open_count, open_cents, entered_secs, reached, visits, visit_secs)"
    " ORDER BY month, owner_id, stage SEPARATOR ';'), '')"
    " FROM report_funnel WHERE team_id = ? AND (open_count <> 0"
    " OR open_cents <> 0 OR entered_secs <> 0 OR reached <> 0"
    " OR visits <> 0 OR visit_secs <> 0)";
static const char sql_funnel_base[] =
    "SELECT COALESCE(GROUP_CONCAT(CONCAT_WS(',', m, owner, stage, n, cents,"
    " secs, reached, visits, vsecs) ORDER BY m, owner, stage"
    " SEPARATOR ';'), '') FROM ("
    " SELECT m, owner, stage, SUM(n) AS n, SUM(cents) AS cents,"
    " SUM(secs) AS secs, SUM(reached) AS reached, SUM(visits) AS visits,"
    " SUM(vsecs) AS vsecs FROM ("
    "  SELECT DATE_FORMAT(o.lead_date, '%Y-%m-01') AS m, o.owner_id AS owner,"
    "  o.stage AS stage, 1 AS n, ROUND(o.amount * 100) AS cents,"
    "  TIMESTAMPDIFF(SECOND, '1970-01-01', o.stage_entered_at) AS secs,"
    "  0 AS reached, 0 AS visits, 0 AS vsecs"
    "  FROM opportunity o WHERE o.team_id = ? AND o.deleted_at IS NULL"
    "  UNION ALL"
    "  SELECT DATE_FORMAT(o.lead_date, '%Y-%m-01'), o.owner_id, h.to_stage,"
    "  0, 0, 0,"
    "  NOT EXISTS (SELECT 1 FROM opportunity_stage_change p"
    "   WHERE p.opportunity_id = h.opportunity_id"
    "   AND p.to_stage = h.to_stage AND p.id < h.id),"
    "  nx.id IS NOT NULL, COALESCE(TIMESTAMPDIFF(SECOND, h.at, nx.at), 0)"
    "  FROM opportunity_stage_change h"
    "  JOIN opportunity o ON o.id = h.opportunity_id"
    "  LEFT JOIN opportunity_stage_change nx ON nx.id ="
    "   (SELECT MIN(q.id) FROM opportunity_stage_change q"
    "   WHERE q.opportunity_id = h.opportunity_id AND q.id > h.id)"
    "  WHERE o.team_id = ? AND o.deleted_at IS NULL) u"
    " GROUP BY m, owner, stage) g";
static const char sql_forecast_kept[] =
    "SELECT COALESCE(GROUP_CONCAT(CONCAT_WS(',', month, owner_id,"
    " open_count, open_cents, weighted) ORDER BY month, owner_id"
    " SEPARATOR ';'), '') FROM report_forecast WHERE team_id = ?"
    " AND (open_count <> 0 OR open_cents <> 0 OR weighted <> 0)";
static const char sql_forecast_base[] =
    "SELECT COALESCE(GROUP_CONCAT(CONCAT_WS(',', m, owner, n, cents, w)"
    " ORDER BY m, owner SEPARATOR ';'), '') FROM ("
    " SELECT DATE_FORMAT(o.expected_close, '%Y-%m-01') AS m,"
    " o.owner_id AS owner, COUNT(*) AS n, SUM(ROUND(o.amount * 100)) AS cents,"
    " SUM(ROUND(o.amount * 100) * o.probability) AS w"
    " FROM opportunity o LEFT JOIN opportunity_stage s ON s.code = o.stage"
    " WHERE o.team_id = ? AND o.deleted_at IS NULL"
    " AND COALESCE(s.outcome, 'open') = 'open'"
    " GROUP BY m, owner) g";
static const char sql_outcome_kept[] =
    "SELECT COALESCE(GROUP_CONCAT(CONCAT_WS(',', month, owner_id, outcome,"
    " close_reason, closed_count, closed_cents) ORDER BY month, owner_id,"
    " outcome, close_reason SEPARATOR ';'), '') FROM report_outcome"
    " WHERE team_id = ? AND (closed_count <> 0 OR closed_cents <> 0)";
static const char sql_outcome_base[] =
    "SELECT COALESCE(GROUP_CONCAT(CONCAT_WS(',', m, owner, outcome, reason,"
    " n, cents) ORDER BY m, owner, outcome, reason SEPARATOR ';'), '')"
    " FROM (SELECT DATE_FORMAT(o.stage_entered_at, '%Y-%m-01') AS m,"
    " o.owner_id AS owner, s.outcome AS outcome,"
    " COALESCE(o.close_reason, '') AS reason, COUNT(*) AS n,"
    " SUM(ROUND(o.amount * 100)) AS cents"
    " FROM opportunity o JOIN opportunity_stage s ON s.code = o.stage"
    " WHERE o.team_id = ? AND o.deleted_at IS NULL AND s.outcome <> 'open'"
    " GROUP BY m, owner, outcome, reason) g";

/* A team of the test's own: its members, a customer of each rep. */
struct world {
	struct arena	*a;
	const char	*team;
	long long	 team_id;
	const char	*rep, *mate, *director;
	struct browser	*b_rep, *b_mate, *b_dir;
	const char	*cust_rep, *cust_mate;	/* codes */
	const char	*month;			/* this one, "YYYY-MM" */
};

static const char *
customer_of(struct world *w, struct browser *b)
{
	long long	id = it_customer(b, arena_printf(w->a, "%s 报表客户 %s",
	    it_tag(), it_unique(w->a)), it_mobile(w->a));

	return tdb_str(w->a, sql_customer_code, "i", id);
}

static void
world_make(struct world *w, const char *name)
{
	memset(w, 0, sizeof(*w));
	w->a = tarena_new();
	w->team = arena_printf(w->a, "%s 报表%s", it_tag(), it_unique(w->a));
	ck_assert_int_eq(tdb_exec(sql_team_make, "s", w->team), 1);
	w->team_id = tdb_int(-1, sql_team_id, "s", w->team);
	w->rep = it_user(w->a, arena_printf(w->a, "%s_rep", name),
	    "sales_rep", w->team, 0);
	w->mate = it_user(w->a, arena_printf(w->a, "%s_mate", name),
	    "sales_rep", w->team, 0);
	w->director = it_user(w->a, arena_printf(w->a, "%s_dir", name),
	    "sales_director", w->team, 0);
	w->b_rep = it_browser(w->rep, IT_PASSWORD);
	w->b_mate = it_browser(w->mate, IT_PASSWORD);
	w->b_dir = it_browser(w->director, IT_PASSWORD);
	w->cust_rep = customer_of(w, w->b_rep);
	w->cust_mate = customer_of(w, w->b_mate);
	w->month = tdb_str(w->a, sql_month, "i", 0LL);
}

static void
world_end(struct world *w)
{
	browser_free(w->b_rep);
	browser_free(w->b_mate);
	browser_free(w->b_dir);
	tarena_free(w->a);
}

/* A new opportunity (asserted): lead date today, closing on close. */
static long long
opp_new(struct world *w, struct browser *b, const char *customer,
    const char *stage, const char *amount, const char *close)
{
	struct post	 p;
	struct resp	*r;
	long long	 id;

	post_init(&p, b);
	post_add(&p, "name", arena_printf(w->a, "%s 报表机会 %s", it_tag(),
	    it_unique(w->a)));
	post_add(&p, "customer", customer);
	post_add(&p, "amount", amount);
	post_add(&p, "expected_close", close ? close : it_day(w->a, 30));
	post_add(&p, "lead_source", "expo");
	post_add(&p, "lead_date", it_day(w->a, 0));
	post_add(&p, "stage", stage);
	r = http_post(b, &p, "/opportunities");
	ck_status(r, 303);
	id = it_location_id(r, "/opportunities/");
	ck_assert_msg(id > 0, "no opportunity made");
	return id;
}

static void
move(struct browser *b, long long id, const char *stage, const char *reason)
{
	struct post	p;

	post_init(&p, b);
	post_add(&p, "stage", stage);
	if (reason != NULL)
		post_add(&p, "close_reason", reason);
	ck_status(http_post(b, &p, "/opportunities/%lld/stage", id), 303);
}

/* Save the edit form with amount, close date, probability (and owner). */
static void
edit(struct world *w, struct browser *b, long long id, const char *amount,
    const char *close, const char *probability, const char *owner)
{
	struct post	p;

	post_init(&p, b);
	post_add(&p, "version", tdb_str(w->a, "SELECT version FROM"
	    " opportunity WHERE id = ?", "i", id));
	post_add(&p, "name", tdb_str(w->a, "SELECT name FROM opportunity"
	    " WHERE id = ?", "i", id));
	post_add(&p, "amount", amount);
	post_add(&p, "expected_close", close);
	post_add(&p, "lead_source", "expo");
	post_add(&p, "lead_date", tdb_str(w->a, "SELECT lead_date FROM"
	    " opportunity WHERE id = ?", "i", id));
	post_add(&p, "probability", probability);
	post_add(&p, "amount_note", "报表测试");
	if (owner != NULL)
		post_add(&p, "owner", owner);
	ck_status(http_post(b, &p, "/opportunities/%lld", id), 303);
}

static void
backdate(long long id, int days)
{
	tdb_exec(sql_backdate_history, "ii", (long long)days, id);
	tdb_exec(sql_backdate_entry, "ii", (long long)days, id);
}

/* The report's page for this query (asserted status). */
static struct resp *
report(struct browser *b, const char *path, const char *query, int status)
{
	struct resp	*r = http_get(b, "%s?%s", path, query);

	ck_status(r, status);
	return r;
}

/*
 * Whether the page has a table row named first with these cells: "|"
 * between them, a cell starting with "~" is text, the others numbers.
 */
static int
has_row(struct arena *a, const struct resp *r, const char *first,
    const char *cells)
{
	struct buf	 b;
	const char	*p = cells, *end;
	size_t		 n;

	buf_init(&b, a);
	buf_printf(&b, "<th scope=\"row\">%s</th>", first);
	while (*p != '\0') {
		end = strchr(p, '|');
		n = end ? (size_t)(end - p) : strlen(p);
		if (*p == '~')
			buf_printf(&b, "<td>%.*s</td>", (int)n - 1, p + 1);
		else
			buf_printf(&b, "<td class=\"num\">%.*s</td>", (int)n, p);
		p += n;
		if (*p == '|')
			p++;
	}
	return resp_has(r, buf_str(&b));
}

#define ck_row(a, r, first, cells)					\
	ck_assert_msg(has_row((a), (r), (first), (cells)),		\
	    "no row %s | %s in: %s", (first), (cells), it_snippet(r))

/* This month's period of the world, plus more of the query. */
static const char *
period(struct world *w, const char *more)
{
	return arena_printf(w->a, "from=%s&to=%s%s", w->month, w->month,
	    more);
}

START_TEST(the_funnel_counts_stages_conversion_and_days)
{
	struct world	 w;
	struct resp	*r;
	long long	 o1, o2, o4;

	world_make(&w, "rpf");
	/* Lead 10 days, then needs; lead 4 days, then lost; lead now. */
	o1 = opp_new(&w, w.b_rep, w.cust_rep, "lead", "100000", NULL);
	backdate(o1, 10);
	move(w.b_rep, o1, "needs", NULL);
	o2 = opp_new(&w, w.b_rep, w.cust_rep, "lead", "50000", NULL);
	backdate(o2, 4);
	move(w.b_rep, o2, "lost", "competitor");
	opp_new(&w, w.b_rep, w.cust_rep, "lead", "30000", NULL);
	/* Needs, then won at once: it skipped demo to contract. */
	o4 = opp_new(&w, w.b_rep, w.cust_rep, "needs", "200000", NULL);
	move(w.b_rep, o4, "won", "price");

	/* The director's team scope is this team alone. */
	r = report(w.b_dir, "/reports/funnel", period(&w, ""), 200);
	/* Lead: 1 open for 30,000; 3 entered, 2 of them needs; (10 + 4 + 0)
	 * days over 3 stays. */
	ck_row(w.a, r, "Lead confirmation", "1|30,000.00|3|66.7|4.7");
	ck_row(w.a, r, "Needs analysis", "1|100,000.00|2|0.0|0.0");
	/* Nothing entered demo: no rate, no days. */
	ck_row(w.a, r, "Demo", "0|0.00|0|–|–");
	ck_row(w.a, r, "Contract", "0|0.00|0|–|–");
	ck_row(w.a, r, "Won", "–|–|1|–|–");
	ck_row(w.a, r, "Lost", "–|–|1|–|–");
	/* Won of all that entered the first stage: 1 of 3. */
	ck_row(w.a, r, "All open stages", "2|130,000.00|–|33.3|–");
	ck_assert(resp_has(r, "<svg xmlns=\"http://www.w3.org/2000/svg\""));
	ck_assert(resp_has(r, "role=\"img\" aria-labelledby=\"chart-funnel-t"
	    " chart-funnel-d\""));
	ck_assert(resp_has(r, "id=\"period\">" ));
	ck_assert(resp_has(r, w.month));

	/* The rep's own figures are the same here; the mate has none. */
	r = report(w.b_rep, "/reports/funnel", period(&w, ""), 200);
	ck_row(w.a, r, "Lead confirmation", "1|30,000.00|3|66.7|4.7");
	r = report(w.b_mate, "/reports/funnel", period(&w, ""), 200);
	ck_row(w.a, r, "Lead confirmation", "0|0.00|0|–|–");
	ck_row(w.a, r, "All open stages", "0|0.00|–|–|–");
	/* Another period: nothing of this month. */
	r = report(w.b_dir, "/reports/funnel", arena_printf(w.a,
	    "from=%s&to=%s", tdb_str(w.a, sql_month, "i", -2LL),
	    tdb_str(w.a, sql_month, "i", -1LL)), 200);
	ck_row(w.a, r, "Lead confirmation", "0|0.00|0|–|–");
	world_end(&w);
}
END_TEST

START_TEST(the_forecast_weighs_in_cents_and_rounds_once)
{
	struct world	 w;
	struct resp	*r;
	const char	*m1, *m2, *m3, *d1, *d2, *d3;
	long long	 big, small;

	world_make(&w, "rpw");
	m1 = tdb_str(w.a, sql_month, "i", 1LL);
	m2 = tdb_str(w.a, sql_month, "i", 2LL);
	m3 = tdb_str(w.a, sql_month, "i", 3LL);
	d1 = tdb_str(w.a, sql_mid_month, "i", 1LL);
	d2 = tdb_str(w.a, sql_mid_month, "i", 2LL);
	d3 = tdb_str(w.a, sql_mid_month, "i", 3LL);
	/* 0.05 x 10% = 0.005: the month shows 0.01. */
	opp_new(&w, w.b_rep, w.cust_rep, "lead", "0.05", d1);
	/* 0.05 x 30% = 0.015: 0.02. */
	opp_new(&w, w.b_rep, w.cust_rep, "needs", "0.05", d2);
	/* 1,234.55 x 30% = 370.365 and 99.99 x 10% = 9.999: 380.364. */
	big = opp_new(&w, w.b_rep, w.cust_rep, "needs", "1234.55", d3);
	small = opp_new(&w, w.b_mate, w.cust_mate, "lead", "99.99", d3);
	/* Closed ones are not forecast. */
	move(w.b_rep, opp_new(&w, w.b_rep, w.cust_rep, "lead", "777", d3),
	    "won", "price");

	r = report(w.b_dir, "/reports/forecast", arena_printf(w.a,
	    "from=%s&to=%s", m1, m3), 200);
	ck_row(w.a, r, m1, "1|0.05|0.01");
	ck_row(w.a, r, m2, "1|0.05|0.02");
	ck_row(w.a, r, m3, "2|1,334.54|380.36");
	/* 0.005 + 0.015 + 380.364 = 380.384, rounded once: not 380.39. */
	ck_row(w.a, r, "Total", "4|1,334.64|380.38");

	/* A director confirms 50%: 617.275 + 9.999 = 627.274. */
	{
		struct post	p;

		post_init(&p, w.b_dir);
		post_add(&p, "probability", "50");
		ck_status(http_post(w.b_dir, &p, "/opportunities/%lld/confirm",
		    big), 303);
	}
	r = report(w.b_dir, "/reports/forecast", arena_printf(w.a,
	    "from=%s&to=%s", m1, m3), 200);
	ck_row(w.a, r, m3, "2|1,334.54|627.27");
	/* The mate's moves to the month before, for more, at 20%. */
	edit(&w, w.b_mate, small, "199.99", d2, "20", NULL);
	r = report(w.b_dir, "/reports/forecast", arena_printf(w.a,
	    "from=%s&to=%s", m1, m3), 200);
	ck_row(w.a, r, m2, "2|200.04|40.01");
	ck_row(w.a, r, m3, "1|1,234.55|617.28");
	/* The owner filter: the mate's alone. */
	r = report(w.b_dir, "/reports/forecast", arena_printf(w.a,
	    "from=%s&to=%s&owner=%lld", m1, m3, it_user_id(w.mate)), 200);
	ck_row(w.a, r, "Total", "1|199.99|40.00");
	world_end(&w);
}
END_TEST

START_TEST(reasons_and_performance_per_owner_and_team)
{
	struct world	 w;
	struct resp	*r;
	const char	*q;

	world_make(&w, "rpr");
	move(w.b_rep, opp_new(&w, w.b_rep, w.cust_rep, "contract", "1000",
	    NULL), "won", "price");
	move(w.b_rep, opp_new(&w, w.b_rep, w.cust_rep, "demo", "3000", NULL),
	    "won", "price");
	move(w.b_rep, opp_new(&w, w.b_rep, w.cust_rep, "demo", "500", NULL),
	    "lost", "competitor");
	move(w.b_mate, opp_new(&w, w.b_mate, w.cust_mate, "lead", "250",
	    NULL), "lost", "budget_cut");
	opp_new(&w, w.b_rep, w.cust_rep, "lead", "8000", NULL);
	opp_new(&w, w.b_mate, w.cust_mate, "needs", "2000", NULL);
	q = period(&w, "");

	r = report(w.b_dir, "/reports/reasons", q, 200);
	ck_row(w.a, r, "Won", "~Price|2|100.0|4,000.00|2,000.00");
	ck_row(w.a, r, "Won", "~Subtotal|2|–|4,000.00|2,000.00");
	ck_row(w.a, r, "Lost", "~Chose a competitor|1|50.0|500.00|500.00");
	ck_row(w.a, r, "Lost", "~Budget cut|1|50.0|250.00|250.00");
	ck_row(w.a, r, "Lost", "~Subtotal|2|–|750.00|375.00");
	ck_row(w.a, r, "Total", "~–|4|–|4,750.00|1,187.50");

	r = report(w.b_dir, "/reports/performance", q, 200);
	/* Won 2 of 3 closed, 4,000 won, 8,000 open, 2,000 a deal. */
	ck_row(w.a, r, w.team, arena_printf(w.a,
	    "~集成测试 rpr_rep|2|4,000.00|1|66.7|1|8,000.00|2,000.00"));
	ck_row(w.a, r, w.team, arena_printf(w.a,
	    "~集成测试 rpr_mate|0|0.00|1|0.0|1|2,000.00|–"));
	ck_row(w.a, r, w.team, "~Team total|2|4,000.00|2|50.0|2|10,000.00|"
	    "2,000.00");
	ck_row(w.a, r, "Total", "~–|2|4,000.00|2|50.0|2|10,000.00|2,000.00");
	world_end(&w);
}
END_TEST

START_TEST(each_role_sees_only_its_own_figures)
{
	struct world	 w;
	struct resp	*r;
	struct browser	*b;
	long long	 other_team = tdb_int(-1, sql_team_id, "s", "华南销售部");
	long long	 outsider = it_user_id("rep1");

	world_make(&w, "rps");
	opp_new(&w, w.b_rep, w.cust_rep, "lead", "1000", NULL);
	opp_new(&w, w.b_mate, w.cust_mate, "lead", "20", NULL);

	/* A rep: their own only, no team or owner to choose. */
	r = report(w.b_rep, "/reports/funnel", period(&w, ""), 200);
	ck_row(w.a, r, "All open stages", "1|1,000.00|–|0.0|–");
	ck_assert(!resp_has(r, "id=\"f-owner\""));
	ck_assert(!resp_has(r, "id=\"f-team\""));
	ck_assert(resp_has(r, "Your own figures"));
	/* A forged owner: refused, and no figures. */
	r = report(w.b_rep, "/reports/funnel", period(&w, arena_printf(w.a,
	    "&owner=%lld", it_user_id(w.mate))), 422);
	ck_assert(resp_has(r, "<p class=\"error\" role=\"alert\">"));
	ck_assert(!resp_has(r, "<tbody>"));
	ck_assert(!resp_has(r, "20.00"));
	r = report(w.b_rep, "/reports/performance/print", period(&w,
	    arena_printf(w.a, "&team=%lld", w.team_id)), 422);
	ck_assert(!resp_has(r, "<tbody>"));
	/* The rep's own id is no forgery. */
	r = report(w.b_rep, "/reports/funnel", period(&w, arena_printf(w.a,
	    "&owner=%lld", it_user_id(w.rep))), 200);
	ck_row(w.a, r, "All open stages", "1|1,000.00|–|0.0|–");

	/* A director: the team, its members to choose, nobody else. */
	r = report(w.b_dir, "/reports/funnel", period(&w, ""), 200);
	ck_row(w.a, r, "All open stages", "2|1,020.00|–|0.0|–");
	ck_assert(resp_has(r, arena_printf(w.a, "<option value=\"%lld\">",
	    it_user_id(w.mate))));
	ck_assert(!resp_has(r, arena_printf(w.a, "<option value=\"%lld\">",
	    outsider)));
	r = report(w.b_dir, "/reports/funnel", period(&w, arena_printf(w.a,
	    "&owner=%lld", outsider)), 422);
	ck_assert(html_field_error(r->body, "owner"));
	report(w.b_dir, "/reports/funnel", period(&w, arena_printf(w.a,
	    "&team=%lld", other_team)), 422);
	r = report(w.b_dir, "/reports/funnel", period(&w, arena_printf(w.a,
	    "&owner=%lld", it_user_id(w.mate))), 200);
	ck_row(w.a, r, "All open stages", "1|20.00|–|0.0|–");

	/* Management: everyone, narrowed to this team by the filter. */
	b = it_browser(it_user(w.a, "rps_mgmt", "management", NULL, 0),
	    IT_PASSWORD);
	r = report(b, "/reports/funnel", period(&w, arena_printf(w.a,
	    "&team=%lld", w.team_id)), 200);
	ck_row(w.a, r, "All open stages", "2|1,020.00|–|0.0|–");
	ck_assert(resp_has(r, "Everyone&#39;s figures"));
	browser_free(b);

	/* Roles without the report grant. */
	b = it_browser(it_user(w.a, "rps_agent", "service_agent", NULL, 0),
	    IT_PASSWORD);
	ck_status(http_get(b, "/reports"), 403);
	ck_status(http_get(b, "/reports/funnel"), 403);
	browser_free(b);
	b = it_browser(it_user(w.a, "rps_pm", "product_manager", NULL, 0),
	    IT_PASSWORD);
	ck_status(http_get(b, "/reports/performance/print"), 403);
	browser_free(b);
	/* No such report. */
	ck_status(http_get(w.b_dir, "/reports/nothing"), 404);
	world_end(&w);
}
END_TEST

START_TEST(a_bad_period_keeps_what_was_typed)
{
	struct world	 w;
	struct resp	*r;

	world_make(&w, "rpp");
	r = report(w.b_dir, "/reports/forecast", "from=2026-13&to=3%E6%9C%88", 422);
	ck_assert(html_field_error(r->body, "from"));
	ck_assert(html_field_error(r->body, "to"));
	ck_assert_str_eq(html_input(w.a, r->body, "from"), "2026-13");
	ck_assert_str_eq(html_input(w.a, r->body, "to"), "3月");
	r = report(w.b_dir, "/reports/forecast", "from=2026-05&to=2026-04",
	    422);
	ck_assert(html_field_error(r->body, "to"));
	/* A date is taken as its month; an open end is fine. */
	r = report(w.b_dir, "/reports/forecast", "from=2026-05-17&to=", 200);
	ck_assert(resp_has(r, "From 2026-05"));
	r = report(w.b_dir, "/reports/funnel", "from=&to=", 200);
	ck_assert(resp_has(r, "All time"));
	world_end(&w);
}
END_TEST

START_TEST(the_csv_export_needs_its_grant_and_is_audited)
{
	/* A byte-order mark, then the headings. */
	static const char	 head[] = "\xef\xbb\xbfTeam,Owner,Won,"
	    "Won amount (CNY),Lost,Win rate %,Open now,Open amount (CNY),"
	    "Average won deal (CNY)\r\n";
	struct world	 w;
	struct resp	*r;
	const char	*q, *type;
	long long	 before;

	world_make(&w, "rpx");
	move(w.b_rep, opp_new(&w, w.b_rep, w.cust_rep, "contract", "1234.5",
	    NULL), "won", "price");
	opp_new(&w, w.b_mate, w.cust_mate, "lead", "99", NULL);
	/* A name a spreadsheet would run as a formula. */
	tdb_exec("UPDATE app_user SET name = '=1+2' WHERE login = ?", "s",
	    w.mate);
	q = period(&w, "");

	/* A rep may view, not export. */
	ck_status(http_get(w.b_rep, "/reports/performance/export?%s", q), 403);
	before = tdb_int(0, "SELECT COUNT(*) FROM audit_log WHERE"
	    " record_type = 'report' AND action = 'export' AND user_id = ?",
	    "i", it_user_id(w.director));
	r = report(w.b_dir, "/reports/performance/export", q, 200);
	type = resp_header(r, "Content-Type");
	ck_assert_ptr_nonnull(type);
	ck_assert(strncmp(type, "text/csv", 8) == 0);
	ck_assert(strstr(resp_header(r, "Content-Disposition"),
	    "attachment; filename=\"report-performance-") != NULL);
	ck_assert(strncmp(r->body, head, strlen(head)) == 0);
	ck_assert(resp_has(r, arena_printf(w.a, "%s,集成测试 rpx_rep,1,"
	    "1234.50,0,100.0,0,0.00,1234.50\r\n", w.team)));
	ck_assert(resp_has(r, arena_printf(w.a, "%s,\"'=1+2\",0,0.00,0,,1,"
	    "99.00,\r\n", w.team)));
	ck_assert(resp_has(r, "Total,,1,1234.50,0,100.0,1,99.00,1234.50\r\n"));
	ck_assert_int_eq(tdb_int(0, "SELECT COUNT(*) FROM audit_log WHERE"
	    " record_type = 'report' AND action = 'export' AND user_id = ?"
	    " AND field = 'performance' AND new_value LIKE 'rows=4 %'", "i",
	    it_user_id(w.director)), before + 1);

	/* The print view: the same figures, who and when, the filters. */
	r = report(w.b_dir, "/reports/performance/print", q, 200);
	ck_assert(resp_has(r, "<body class=\"print-doc\">"));
	ck_assert(resp_has(r, arena_printf(w.a, "by 集成测试 rpx_dir · ")));
	ck_assert(resp_has(r, arena_printf(w.a, "<dd>%s – %s</dd>", w.month,
	    w.month)));
	ck_assert(resp_has(r, "&#39;=1+2") || resp_has(r, "=1+2"));
	world_end(&w);
}
END_TEST

/* The team's three summaries as kept, and as recomputed. */
static void
summaries_match(struct world *w, char **kept)
{
	const char	*pairs[][2] = {
		{ sql_funnel_kept, sql_funnel_base },
		{ sql_forecast_kept, sql_forecast_base },
		{ sql_outcome_kept, sql_outcome_base },
	};
	char		*k, *b;
	size_t		 i;

	for (i = 0; i < 3; i++) {
		k = tdb_str(w->a, pairs[i][0], "i", w->team_id);
		b = i == 0 ? tdb_str(w->a, pairs[i][1], "ii", w->team_id,
		    w->team_id) : tdb_str(w->a, pairs[i][1], "i", w->team_id);
		ck_assert_msg(k != NULL && b != NULL && strcmp(k, b) == 0,
		    "summary %zu: kept %s, recomputed %s", i, k, b);
		ck_assert_msg(*k != '\0', "summary %zu empty", i);
		if (kept != NULL)
			kept[i] = k;
	}
}

/* crmctl report-rebuild of the build under test, on this instance. */
static void
rebuild(struct arena *a)
{
	const char	*var = getenv("CRM_VAR"), *build = getenv("CRM_BUILD");
	char		 line[256];
	FILE		*f;

	ck_assert_msg(var != NULL, "CRM_VAR must name the instance");
	f = popen(arena_printf(a, "'%s/tools/crmctl' --config '%s/crm.conf'"
	    " report-rebuild", build ? build : "build/rel", var), "r");
	ck_assert_ptr_nonnull(f);
	while (fgets(line, sizeof(line), f) != NULL)
		;
	ck_assert_int_eq(pclose(f), 0);
}

START_TEST(the_summaries_follow_every_change)
{
	struct world	 w;
	char		*kept[3];
	long long	 a, b, c, d;
	size_t		 i;
	const char	*later = NULL;

	world_make(&w, "rpc");
	later = tdb_str(w.a, sql_mid_month, "i", 2LL);
	a = opp_new(&w, w.b_rep, w.cust_rep, "lead", "1000.10", NULL);
	b = opp_new(&w, w.b_rep, w.cust_rep, "needs", "2500", later);
	c = opp_new(&w, w.b_mate, w.cust_mate, "demo", "333.33", NULL);
	d = opp_new(&w, w.b_mate, w.cust_mate, "lead", "42", NULL);
	backdate(a, 3);
	/* Forward, back, forward again: entered once, stayed twice. */
	move(w.b_rep, a, "demo", NULL);
	move(w.b_rep, a, "needs", NULL);
	move(w.b_rep, a, "demo", NULL);
	move(w.b_rep, a, "negotiation", NULL);
	/* Won, then reopened: no longer an outcome, forecast again. */
	move(w.b_mate, c, "won", "relationship");
	move(w.b_mate, c, "contract", NULL);
	move(w.b_mate, c, "lost", "budget_cut");
	/* Amount, close month and probability; then another owner. */
	edit(&w, w.b_rep, b, "3100.99", it_day(w.a, 10), "45", NULL);
	edit(&w, w.b_dir, d, "50", later, "10", arena_printf(w.a, "%lld",
	    it_user_id(w.rep)));
	{
		struct post	p;

		post_init(&p, w.b_dir);
		post_add(&p, "probability", "65");
		ck_status(http_post(w.b_dir, &p, "/opportunities/%lld/confirm",
		    b), 303);
	}
	move(w.b_dir, b, "won", "product_fit");
	summaries_match(&w, kept);

	/* The rebuild from the base tables gives the same. */
	rebuild(w.a);
	summaries_match(&w, NULL);
	for (i = 0; i < 3; i++)
		ck_assert_str_eq(tdb_str(w.a, i == 0 ? sql_funnel_kept :
		    i == 1 ? sql_forecast_kept : sql_outcome_kept, "i",
		    w.team_id), kept[i]);
	/* And the updates go on from it. */
	move(w.b_rep, a, "contract", NULL);
	summaries_match(&w, NULL);
	world_end(&w);
}
END_TEST

/* An owner's board totals under a team: count and cents, as one string. */
static const char sql_board_owner_team[] =
    "SELECT CONCAT(COALESCE(SUM(n), 0), '/',"
    " CAST(COALESCE(SUM(amount), 0) AS DECIMAL(20, 2)))"
    " FROM opportunity_board_total WHERE owner_id = ? AND team_id = ?";

/*
 * The admin moves a rep to another team: the rep's opportunities, their
 * board totals and their part in the reports go along, so that the new
 * team's director sees them and the old one no longer does.
 */
START_TEST(a_rep_who_changes_team_takes_the_figures_along)
{
	struct world	 w, to;
	struct browser	*adm;
	struct post	 p;
	struct resp	*r;
	long long	 open, won, rep;
	const char	*own;

	world_make(&w, "rpm");
	world_make(&to, "rpt");
	rep = it_user_id(w.rep);
	open = opp_new(&w, w.b_rep, w.cust_rep, "needs", "1200.50", NULL);
	won = opp_new(&w, w.b_rep, w.cust_rep, "demo", "800", NULL);
	move(w.b_rep, won, "won", "relationship");
	opp_new(&w, w.b_mate, w.cust_mate, "lead", "10", NULL);
	move(w.b_mate, opp_new(&w, w.b_mate, w.cust_mate, "lead", "20",
	    NULL), "lost", "budget_cut");
	ck_status(http_get(w.b_dir, "/opportunities/%lld", open), 200);

	adm = it_admin(w.a, &own);
	post_init(&p, adm);
	post_add(&p, "name", "Moved rep");
	post_add(&p, "lang", "en");
	post_add_int(&p, "team", to.team_id);
	post_add(&p, "roles", "sales_rep");
	ck_redirect(http_post(adm, &p, "/admin/users/%lld", rep),
	    "/admin/users");

	ck_status(http_get(to.b_dir, "/opportunities/%lld", open), 200);
	ck_status(http_get(w.b_dir, "/opportunities/%lld", open), 404);
	ck_assert_str_eq(tdb_str(w.a, sql_board_owner_team, "ii", rep,
	    to.team_id), "2/2000.50");
	ck_assert_str_eq(tdb_str(w.a, sql_board_owner_team, "ii", rep,
	    w.team_id), "0/0.00");
	/* Both teams' summaries: each as recomputed from the base tables. */
	summaries_match(&w, NULL);
	summaries_match(&to, NULL);
	r = report(to.b_dir, "/reports/performance", period(&to, ""), 200);
	ck_row(w.a, r, to.team,
	    "~Moved rep|1|800.00|0|100.0|1|1,200.50|800.00");
	r = report(w.b_dir, "/reports/performance", period(&w, ""), 200);
	ck_assert(!resp_has(r, "Moved rep"));
	browser_free(adm);
	world_end(&to);
	world_end(&w);
}
END_TEST

static Suite *
reports_suite(void)
{
	Suite	*s = suite_create("reports");
	TCase	*tc = it_tcase("reports");

	tcase_add_test(tc, the_funnel_counts_stages_conversion_and_days);
	tcase_add_test(tc, the_forecast_weighs_in_cents_and_rounds_once);
	tcase_add_test(tc, reasons_and_performance_per_owner_and_team);
	tcase_add_test(tc, each_role_sees_only_its_own_figures);
	tcase_add_test(tc, a_bad_period_keeps_what_was_typed);
	tcase_add_test(tc, the_csv_export_needs_its_grant_and_is_audited);
	tcase_add_test(tc, the_summaries_follow_every_change);
	tcase_add_test(tc, a_rep_who_changes_team_takes_the_figures_along);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_SUITE(reports_suite)
