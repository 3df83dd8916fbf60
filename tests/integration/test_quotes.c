/*
 * test_quotes.c - quotes of an opportunity over HTTP: exact totals
 * where floating point would be off, messages beside each line's
 * fields with the input kept, more rows without saving, scope, forged
 * fields, audited status changes with one accepted quote per
 * opportunity, a director's approval of a discount, optimistic locking,
 * and the print view.
 */
#include <string.h>

#include "arena.h"
#include "dbtest.h"
#include "fixture.h"
#include "http.h"
#include "keep.h"
#include "suite.h"

#define QUOTE_CODE_PATTERN	"^QT[0-9]{6}[0-9]{3,}$"
#define TEAM_EAST		"华东销售部"
#define TEAM_SOUTH		"华南销售部"

static const char sql_quote_state[] =
    "SELECT CONCAT_WS('|', status, subtotal, discount, total, version,"
    " (SELECT COUNT(*) FROM quote_line l WHERE l.quote_id = q.id))"
    " FROM quote q WHERE id = ?";
static const char sql_quotes_of[] =
    "SELECT COUNT(*) FROM quote WHERE opportunity_id = ?";
static const char sql_status_audits[] =
    "SELECT COUNT(*) FROM audit_log WHERE record_type = 'quote'"
    " AND record_id = ? AND field = 'status' AND old_value = ?"
    " AND new_value = ?";

/* One row of the form; NULL fields are left out. */
struct qline {
	const char	*product, *description, *qty, *price, *discount;
};

static void
add_if(struct post *p, const char *name, const char *value)
{
	if (value != NULL)
		post_add(p, name, value);
}

/* The form's fields: rows of lines, then the terms. */
static void
quote_fields(struct post *p, struct arena *a, const struct qline *l,
    size_t n, const char *valid_until)
{
	size_t	i;

	post_add(p, "rows", "5");
	for (i = 0; i < n; i++) {
		add_if(p, arena_printf(a, "product_%zu", i + 1), l[i].product);
		add_if(p, arena_printf(a, "description_%zu", i + 1),
		    l[i].description);
		add_if(p, arena_printf(a, "qty_%zu", i + 1), l[i].qty);
		add_if(p, arena_printf(a, "price_%zu", i + 1), l[i].price);
		add_if(p, arena_printf(a, "discount_%zu", i + 1),
		    l[i].discount);
	}
	add_if(p, "valid_until", valid_until);
}

static struct resp *
quote_submit(struct browser *b, struct arena *a, long long opp,
    const struct qline *l, size_t n)
{
	struct post	p;

	post_init(&p, b);
	quote_fields(&p, a, l, n, it_day(a, 30));
	return http_post(b, &p, "/opportunities/%lld/quotes", opp);
}

/* Save draft id's form with these lines and version. */
static struct resp *
quote_save(struct browser *b, struct arena *a, long long opp, long long id,
    const struct qline *l, size_t n, long long version)
{
	struct post	p;

	post_init(&p, b);
	post_add_int(&p, "version", version);
	quote_fields(&p, a, l, n, it_day(a, 45));
	return http_post(b, &p, "/opportunities/%lld/quotes/%lld", opp, id);
}

static struct resp *
quote_move(struct browser *b, long long opp, long long id, const char *to)
{
	struct post	p;

	post_init(&p, b);
	post_add(&p, "status", to);
	return http_post(b, &p, "/opportunities/%lld/quotes/%lld/status", opp,
	    id);
}

/* A decision on pending quote id; comment NULL: none. */
static struct resp *
quote_decide(struct browser *b, long long opp, long long id,
    const char *decision, const char *comment)
{
	struct post	p;

	post_init(&p, b);
	post_add(&p, "decision", decision);
	add_if(&p, "comment", comment);
	return http_post(b, &p, "/opportunities/%lld/quotes/%lld/decision",
	    opp, id);
}

/* The approval notices about quote id that login has. */
static long long
approval_notes(const char *login, long long id)
{
	return tdb_int(-1, "SELECT COUNT(*) FROM notification WHERE"
	    " kind = 'approval' AND quote_id = ? AND user_id = ?", "ii", id,
	    it_user_id(login));
}

static struct resp *
quote_submit_for_approval(struct browser *b, long long opp, long long id)
{
	return http_post_empty(b, "/opportunities/%lld/quotes/%lld/submit",
	    opp, id);
}

/* An opportunity of the browser's user on a new customer of theirs. */
static long long
opp_make(struct browser *b, struct arena *a)
{
	long long	 cid = it_customer(b, arena_printf(a, "%s 报价客户 %s",
	    it_tag(), it_unique(a)), it_mobile(a));
	struct post	 p;
	struct resp	*r;
	long long	 id;

	post_init(&p, b);
	post_add(&p, "name", arena_printf(a, "%s 报价机会 %s", it_tag(),
	    it_unique(a)));
	post_add(&p, "customer", tdb_str(a, "SELECT code FROM customer"
	    " WHERE id = ?", "i", cid));
	post_add(&p, "amount", "50000");
	post_add(&p, "expected_close", it_day(a, 30));
	post_add(&p, "lead_source", "expo");
	post_add(&p, "lead_date", it_day(a, -3));
	post_add(&p, "stage", "negotiation");
	r = http_post(b, &p, "/opportunities");
	ck_status(r, 303);
	id = it_location_id(r, "/opportunities/");
	ck_assert_msg(id > 0, "no opportunity made");
	return id;
}

/* A draft quote of one line (asserted); its id. */
static long long
quote_make(struct browser *b, struct arena *a, long long opp)
{
	static const struct qline	 one = { "erp", NULL, "2", "1000",
	    NULL };
	struct resp			*r = quote_submit(b, a, opp, &one, 1);
	long long			 id;

	ck_status(r, 303);
	id = it_location_id(r, arena_printf(a, "/opportunities/%lld/quotes/",
	    opp));
	ck_assert_msg(id > 0, "no quote made");
	return id;
}

static char *
quote_state(struct arena *a, long long id)
{
	char	*s = tdb_str(a, sql_quote_state, "i", id);

	ck_assert_msg(s != NULL, "no quote %lld", id);
	return s;
}

static long long
quote_version(long long id)
{
	return tdb_int(-1, "SELECT version FROM quote WHERE id = ?", "i", id);
}

START_TEST(totals_are_exact_to_the_cent)
{
	/*
	 * 3 x 33.33 less 10% is 89.991: 89.99. 0.10 + 0.20 is 0.30, which
	 * doubles miss. 0.5 x 2.01 is exactly 1.005, a double just below:
	 * half up gives 1.01 where rounding the double gives 1.00. 2.5 x
	 * 1000 less 12.5% is 2187.50.
	 */
	static const struct qline lines[] = {
		{ "crm_suite", "年度许可", "3", "33.33", "10" },
		{ "erp", NULL, "1", "0.10", NULL },
		{ "erp", NULL, "1", "0.20", "0" },
		{ "training", "半天培训", "0.5", "2.01", NULL },
		{ "consulting", NULL, "2.5", "1,000", "12.5" },
	};
	struct arena	*a = tarena_new();
	struct browser	*b = it_browser(it_user(a, "q_exact", "sales_rep",
	    TEAM_EAST, 0), IT_PASSWORD);
	long long	 opp = opp_make(b, a), id;
	const char	*code;
	struct resp	*r;

	r = http_get(b, "/opportunities/%lld/quotes/new", opp);
	ck_status(r, 200);
	ck_assert(resp_has(r, "name=\"product_5\""));
	ck_assert(!resp_has(r, "name=\"product_6\""));
	ck_assert(resp_has(r, "<option value=\"crm_suite\">"));

	r = quote_submit(b, a, opp, lines, 5);
	ck_status(r, 303);
	id = it_location_id(r, arena_printf(a, "/opportunities/%lld/quotes/",
	    opp));
	ck_assert_int_gt(id, 0);
	ck_assert_str_eq(quote_state(a, id), "draft|2601.30|322.50|2278.80|1|5");
	ck_assert_str_eq(tdb_str(a, "SELECT GROUP_CONCAT(CONCAT_WS(':',"
	    " position, product, quantity, unit_price, discount_pct,"
	    " line_total) ORDER BY position SEPARATOR ' ') FROM quote_line"
	    " WHERE quote_id = ?", "i", id),
	    "1:crm_suite:3.000:33.33:10.00:89.99 2:erp:1.000:0.10:0.00:0.10"
	    " 3:erp:1.000:0.20:0.00:0.20 4:training:0.500:2.01:0.00:1.01"
	    " 5:consulting:2.500:1000.00:12.50:2187.50");
	code = tdb_str(a, "SELECT code FROM quote WHERE id = ?", "i", id);
	ck_assert_msg(it_matches(code, QUOTE_CODE_PATTERN), "code %s", code);
	ck_assert_int_eq(tdb_int(-1, "SELECT COUNT(*) FROM audit_log WHERE"
	    " record_type = 'quote' AND record_id = ? AND action = 'create'"
	    " AND field = 'total' AND new_value = '2278.80'", "i", id), 1);

	r = http_get(b, "/opportunities/%lld/quotes/%lld", opp, id);
	ck_status(r, 200);
	ck_assert(resp_has(r, code));
	ck_assert(resp_has(r, "id=\"quote-subtotal\">2,601.30<"));
	ck_assert(resp_has(r, "id=\"quote-discount\">322.50<"));
	ck_assert(resp_has(r, "id=\"quote-total\">2,278.80<"));
	ck_assert(resp_has(r, "年度许可"));
	r = http_get(b, "/opportunities/%lld", opp);
	ck_status(r, 200);
	ck_assert(resp_has(r, arena_printf(a,
	    "href=\"/opportunities/%lld/quotes/%lld\"", opp, id)));
	ck_assert(resp_has(r, "2,278.80"));

	/* The print view: a page of its own, with totals and who made it. */
	r = http_get(b, "/opportunities/%lld/quotes/%lld/print", opp, id);
	ck_status(r, 200);
	ck_assert(resp_has(r, "class=\"print-doc\""));
	ck_assert(resp_has(r, "id=\"quote-total\">2,278.80<"));
	ck_assert(resp_has(r, arena_printf(a, "id=\"quote-valid\">%s<",
	    it_day(a, 30))));
	ck_assert(resp_has(r, "Generated by"));
	ck_assert(!resp_has(r, "<nav"));
	browser_free(b);
	tarena_free(a);
}
END_TEST

START_TEST(each_line_is_checked_and_kept)
{
	static const struct qline bad[] = {
		{ "erp", NULL, "1", "100", NULL },
		{ NULL, "无产品", "0", "-1", "120" },
		{ "no_such_product", NULL, "1.2345", "abc", NULL },
		{ NULL, NULL, NULL, NULL, NULL },
		{ "training", NULL, NULL, "50", NULL },
	};
	struct arena	*a = tarena_new();
	struct browser	*b = it_browser(it_user(a, "q_check", "sales_rep",
	    TEAM_EAST, 0), IT_PASSWORD);
	long long	 opp = opp_make(b, a);
	struct resp	*r;
	struct post	 p;
	static const char *const wrong[] = {
		"product_2", "qty_2", "price_2", "discount_2", "product_3",
		"qty_3", "price_3", "qty_5"
	};
	size_t		 i;

	r = quote_submit(b, a, opp, bad, 5);
	ck_status(r, 422);
	for (i = 0; i < sizeof(wrong) / sizeof(wrong[0]); i++)
		ck_assert_msg(html_field_error(r->body, wrong[i]),
		    "no message beside %s", wrong[i]);
	ck_assert(!html_field_error(r->body, "product_1"));
	ck_assert(!html_field_error(r->body, "qty_4"));
	ck_assert(resp_has(r, "quantity above 0"));
	ck_assert_str_eq(html_input(a, r->body, "qty_2"), "0");
	ck_assert_str_eq(html_input(a, r->body, "price_3"), "abc");
	ck_assert_str_eq(html_input(a, r->body, "description_2"), "无产品");
	ck_assert(resp_has(r, "<option value=\"training\" selected>"));
	ck_assert_int_eq(tdb_int(-1, sql_quotes_of, "i", opp), 0);

	/* No line at all. */
	r = quote_submit(b, a, opp, bad + 3, 1);
	ck_status(r, 422);
	ck_assert(resp_has(r, "id=\"lines-error\""));
	ck_assert_int_eq(tdb_int(-1, sql_quotes_of, "i", opp), 0);

	/* More rows: everything typed stays, nothing is saved. */
	post_init(&p, b);
	quote_fields(&p, a, bad, 5, it_day(a, 9));
	post_add(&p, "more", "1");
	r = http_post(b, &p, "/opportunities/%lld/quotes", opp);
	ck_status(r, 200);
	ck_assert(resp_has(r, "name=\"product_10\""));
	ck_assert(!resp_has(r, "name=\"product_11\""));
	ck_assert(resp_has(r, "name=\"rows\" value=\"10\""));
	ck_assert_str_eq(html_input(a, r->body, "price_3"), "abc");
	ck_assert_str_eq(html_input(a, r->body, "valid_until"), it_day(a, 9));
	ck_assert(!html_field_error(r->body, "qty_2"));
	ck_assert_int_eq(tdb_int(-1, sql_quotes_of, "i", opp), 0);
	browser_free(b);
	tarena_free(a);
}
END_TEST

START_TEST(quotes_are_in_the_opportunitys_scope)
{
	struct arena	*a = tarena_new();
	const char	*owner = it_user(a, "q_scope_a", "sales_rep",
	    TEAM_EAST, 0);
	const char	*mate = it_user(a, "q_scope_b", "sales_rep", TEAM_EAST,
	    0);
	const char	*dir = it_user(a, "q_scope_dir", "sales_director",
	    TEAM_EAST, 0);
	struct browser	*b = it_browser(owner, IT_PASSWORD), *m, *d;
	long long	 opp = opp_make(b, a), id = quote_make(b, a, opp);
	long long	 mine, v = quote_version(id);
	char		*before = quote_state(a, id);
	static const struct qline one = { "erp", NULL, "9", "9", NULL };

	m = it_browser(mate, IT_PASSWORD);
	mine = opp_make(m, a);
	ck_status(http_get(m, "/opportunities/%lld/quotes/%lld", opp, id),
	    404);
	ck_status(http_get(m, "/opportunities/%lld/quotes/%lld/print", opp,
	    id), 404);
	ck_status(http_get(m, "/opportunities/%lld/quotes/%lld/edit", opp,
	    id), 404);
	ck_status(http_get(m, "/opportunities/%lld/quotes/new", opp), 404);
	ck_status(quote_submit(m, a, opp, &one, 1), 404);
	ck_status(quote_save(m, a, opp, id, &one, 1, v), 404);
	ck_status(quote_move(m, opp, id, "sent"), 404);
	/* Nor through the mate's own opportunity. */
	ck_status(http_get(m, "/opportunities/%lld/quotes/%lld", mine, id),
	    404);
	ck_status(quote_save(m, a, mine, id, &one, 1, v), 404);
	ck_status(quote_move(m, mine, id, "sent"), 404);
	ck_assert_str_eq(quote_state(a, id), before);
	ck_assert_int_eq(tdb_int(-1, sql_quotes_of, "i", opp), 1);

	/* The team's director sees it. */
	d = it_browser(dir, IT_PASSWORD);
	ck_status(http_get(d, "/opportunities/%lld/quotes/%lld", opp, id),
	    200);
	ck_status(http_get(d, "/opportunities/%lld/quotes/%lld/print", opp,
	    id), 200);
	browser_free(b);
	browser_free(m);
	browser_free(d);
	tarena_free(a);
}
END_TEST

START_TEST(forged_fields_are_ignored)
{
	static const struct qline one = { "support", NULL, "4", "250", "0" };
	struct arena	*a = tarena_new();
	const char	*rep = it_user(a, "q_forge", "sales_rep", TEAM_EAST, 0);
	const char	*mate = it_user(a, "q_forge_b", "sales_rep", TEAM_EAST,
	    0);
	struct browser	*b = it_browser(rep, IT_PASSWORD);
	long long	 opp = opp_make(b, a), id;
	struct resp	*r;
	struct post	 p;

	post_init(&p, b);
	quote_fields(&p, a, &one, 1, it_day(a, 30));
	post_add(&p, "status", "accepted");
	post_add(&p, "total", "1");
	post_add(&p, "subtotal", "1");
	post_add(&p, "discount", "0.5");
	post_add(&p, "line_total_1", "1");
	post_add(&p, "version", "77");
	post_add_int(&p, "created_by", it_user_id(mate));
	post_add(&p, "code", "QT000000001");
	r = http_post(b, &p, "/opportunities/%lld/quotes", opp);
	ck_status(r, 303);
	id = it_location_id(r, arena_printf(a, "/opportunities/%lld/quotes/",
	    opp));
	ck_assert_str_eq(quote_state(a, id), "draft|1000.00|0.00|1000.00|1|1");
	ck_assert_int_eq(tdb_int(-1, "SELECT created_by FROM quote"
	    " WHERE id = ?", "i", id), it_user_id(rep));
	ck_assert(it_matches(tdb_str(a, "SELECT code FROM quote WHERE id = ?",
	    "i", id), QUOTE_CODE_PATTERN));
	ck_assert_str_eq(tdb_str(a, "SELECT line_total FROM quote_line"
	    " WHERE quote_id = ?", "i", id), "1000.00");
	browser_free(b);
	tarena_free(a);
}
END_TEST

START_TEST(status_changes_are_audited_and_one_is_accepted)
{
	struct arena	*a = tarena_new();
	struct browser	*b = it_browser(it_user(a, "q_status", "sales_rep",
	    TEAM_EAST, 0), IT_PASSWORD);
	long long	 opp = opp_make(b, a), first = quote_make(b, a, opp);
	long long	 second = quote_make(b, a, opp);
	const char	*page = arena_printf(a, "/opportunities/%lld/quotes/%lld",
	    opp, first);
	static const struct qline one = { "erp", NULL, "1", "1", NULL };
	struct resp	*r;

	/* A draft is not accepted before it is sent. */
	r = quote_move(b, opp, first, "accepted");
	ck_status(r, 409);
	ck_assert(resp_has(r, "not possible"));
	ck_status(quote_move(b, opp, first, "draft"), 409);
	ck_status(quote_move(b, opp, first, "nonsense"), 409);
	ck_assert_str_eq(quote_state(a, first), "draft|2000.00|0.00|2000.00|1|1");

	ck_redirect(quote_move(b, opp, first, "sent"), page);
	ck_assert_int_eq(tdb_int(-1, sql_status_audits, "iss", first,
	    "draft", "sent"), 1);
	/* Sent: no longer edited. */
	ck_redirect(http_get(b, "%s/edit", page), page);
	ck_status(quote_save(b, a, opp, first, &one, 1,
	    quote_version(first)), 409);
	ck_assert_str_eq(quote_state(a, first), "sent|2000.00|0.00|2000.00|2|1");
	r = http_get(b, "%s", page);
	ck_assert(resp_has(r, "id=\"quote-status\">Sent<"));
	ck_assert(resp_has(r, "value=\"accepted\""));
	ck_assert(!resp_has(r, "/edit\""));

	ck_redirect(quote_move(b, opp, first, "accepted"), page);
	ck_assert_int_eq(tdb_int(-1, sql_status_audits, "iss", first, "sent",
	    "accepted"), 1);
	/* A second accepted quote of the opportunity is refused. */
	ck_status(quote_move(b, opp, second, "sent"), 303);
	r = quote_move(b, opp, second, "accepted");
	ck_status(r, 409);
	ck_assert(resp_has(r, "already has an accepted quote"));
	ck_assert_str_eq(tdb_str(a, "SELECT status FROM quote WHERE id = ?",
	    "i", second), "sent");
	ck_assert_int_eq(tdb_int(-1, sql_status_audits, "iss", second, "sent",
	    "accepted"), 0);
	ck_status(quote_move(b, opp, second, "rejected"), 303);
	ck_assert_int_eq(tdb_int(-1, sql_status_audits, "iss", second, "sent",
	    "rejected"), 1);
	/* Accepted and rejected are final. */
	ck_status(quote_move(b, opp, first, "rejected"), 409);
	ck_assert_int_eq(tdb_int(-1, "SELECT COUNT(*) FROM quote"
	    " WHERE opportunity_id = ? AND status = 'accepted'", "i", opp), 1);
	r = http_get(b, "%s", page);
	ck_assert(resp_has(r, "id=\"quote-status\">Accepted<"));
	ck_assert(!resp_has(r, "/status\""));
	browser_free(b);
	tarena_free(a);
}
END_TEST

START_TEST(a_discount_is_approved_before_the_quote_is_sent)
{
	static const struct qline discounted = { "erp", NULL, "4", "500",
	    "10" };
	static const struct qline listed = { "erp", NULL, "4", "500", NULL };
	struct arena	*a = tarena_new();
	const char	*rep_login = it_user(a, "q_ap_rep", "sales_rep",
	    TEAM_EAST, 0);
	const char	*dir_login = it_user(a, "q_ap_dir", "sales_director",
	    TEAM_EAST, 0);
	const char	*far_login = it_user(a, "q_ap_far", "sales_director",
	    TEAM_SOUTH, 0);
	const char	*admin_login = it_user(a, "q_ap_admin", "admin", NULL,
	    0);
	struct browser	*rep = it_browser(rep_login, IT_PASSWORD);
	struct browser	*dir = it_browser(dir_login, IT_PASSWORD);
	struct browser	*far = it_browser(far_login, IT_PASSWORD);
	struct browser	*admin = it_browser(admin_login, IT_PASSWORD);
	long long	 note;
	long long	 opp = opp_make(rep, a), id, own_opp, own;
	const char	*page, *link;
	char		*before;
	struct resp	*r;

	r = quote_submit(rep, a, opp, &discounted, 1);
	ck_status(r, 303);
	id = it_location_id(r, arena_printf(a, "/opportunities/%lld/quotes/",
	    opp));
	page = arena_printf(a, "/opportunities/%lld/quotes/%lld", opp, id);
	/* 4 x 500 less 10%: it goes to a director, it is not sent. */
	ck_assert_str_eq(quote_state(a, id), "draft|2000.00|200.00|1800.00|1|1");
	r = http_get(rep, "%s", page);
	ck_assert(resp_has(r, arena_printf(a, "action=\"%s/submit\"", page)));
	ck_assert(!resp_has(r, "value=\"sent\""));
	r = quote_move(rep, opp, id, "sent");
	ck_status(r, 409);
	ck_assert(resp_has(r, "submit it for approval first"));
	ck_status(quote_decide(dir, opp, id, "approve", NULL), 409);
	ck_assert_str_eq(quote_state(a, id), "draft|2000.00|200.00|1800.00|1|1");

	ck_redirect(quote_submit_for_approval(rep, opp, id), page);
	ck_assert_str_eq(quote_state(a, id), "pending|2000.00|200.00|1800.00|2|1");
	ck_assert_int_eq(tdb_int(-1, "SELECT submitted_by FROM quote"
	    " WHERE id = ?", "i", id), tdb_int(-2, "SELECT created_by"
	    " FROM quote WHERE id = ?", "i", id));
	ck_assert_int_eq(tdb_int(-1, sql_status_audits, "iss", id, "draft",
	    "pending"), 1);
	/* It waits on the home page of the team's director, not of a
	 * director of another team, nor of the rep. */
	link = arena_printf(a, "href=\"%s\"", page);
	ck_assert(resp_has(http_get(dir, "/home"), link));
	ck_assert(!resp_has(http_get(far, "/home"), link));
	ck_assert(!resp_has(http_get(rep, "/home"), "id=\"pending\""));
	/* The team's director is told in the inbox; the other team's, the
	 * admin (who approves for all teams) and the rep are not. */
	ck_assert_int_eq(approval_notes(dir_login, id), 1);
	ck_assert_int_eq(approval_notes(far_login, id), 0);
	ck_assert_int_eq(approval_notes(admin_login, id), 0);
	ck_assert_int_eq(approval_notes(rep_login, id), 0);
	ck_assert(resp_has(http_get(dir, "/inbox"), arena_printf(a,
	    "Quote %s (", tdb_str(a, "SELECT code FROM quote WHERE id = ?",
	    "i", id))));
	note = tdb_int(-1, "SELECT id FROM notification WHERE kind = 'approval'"
	    " AND quote_id = ? AND user_id = ?", "ii", id,
	    it_user_id(dir_login));
	ck_redirect(http_post_empty(dir, "/inbox/%lld/open", note), page);
	/* Pending: not edited, not sent, not decided by a rep or a director
	 * of another team. */
	before = quote_state(a, id);
	ck_redirect(http_get(rep, "%s/edit", page), page);
	ck_status(quote_save(rep, a, opp, id, &listed, 1, quote_version(id)),
	    409);
	ck_status(quote_move(rep, opp, id, "sent"), 409);
	ck_status(quote_decide(rep, opp, id, "approve", NULL), 403);
	ck_status(quote_decide(far, opp, id, "approve", NULL), 404);
	/* Printed now, it says it is no offer yet. */
	ck_assert(resp_has(http_get(rep, "%s/print", page), "id=\"not-offer\""));
	r = http_get(rep, "%s", page);
	ck_assert(resp_has(r, "id=\"waiting\""));
	ck_assert(!resp_has(r, "value=\"approve\""));
	/* Returned: the comment is needed, kept and shown to the rep. */
	r = http_get(dir, "%s", page);
	ck_assert(resp_has(r, "value=\"approve\""));
	r = quote_decide(dir, opp, id, "return", NULL);
	ck_status(r, 422);
	ck_assert(html_field_error(r->body, "comment"));
	ck_assert_str_eq(quote_state(a, id), before);
	ck_redirect(quote_decide(dir, opp, id, "return", "折扣请降到5%以内。"),
	    page);
	ck_assert_str_eq(tdb_str(a, "SELECT status FROM quote WHERE id = ?",
	    "i", id), "draft");
	ck_assert_int_eq(tdb_int(-1, "SELECT COUNT(*) FROM audit_log WHERE"
	    " record_type = 'quote' AND record_id = ? AND action = 'return'"
	    " AND field = 'comment' AND new_value = '折扣请降到5%以内。'", "i",
	    id), 1);
	r = http_get(rep, "%s", page);
	ck_assert(resp_has(r, "折扣请降到5%以内。"));
	ck_assert(resp_has(r, "Returned for changes"));
	ck_assert(resp_has(r, arena_printf(a, "href=\"%s/edit\"", page)));

	/* Submitted again and approved: then it is sent and accepted. */
	ck_redirect(quote_submit_for_approval(rep, opp, id), page);
	ck_redirect(quote_decide(dir, opp, id, "approve", "同意"), page);
	ck_assert(!resp_has(http_get(dir, "/home"), link));
	ck_assert_str_eq(tdb_str(a, "SELECT GROUP_CONCAT(decision ORDER BY id)"
	    " FROM quote_approval WHERE quote_id = ?", "i", id),
	    "submitted,returned,submitted,approved");
	ck_status(quote_submit_for_approval(rep, opp, id), 409);
	ck_status(quote_move(rep, opp, id, "accepted"), 409);
	ck_redirect(quote_move(rep, opp, id, "sent"), page);
	ck_assert(!resp_has(http_get(rep, "%s/print", page),
	    "id=\"not-offer\""));
	ck_redirect(quote_move(rep, opp, id, "accepted"), page);
	ck_assert_int_eq(tdb_int(-1, sql_status_audits, "iss", id, "approved",
	    "sent"), 1);

	/* A director's own submission needs another approver. */
	own_opp = opp_make(dir, a);
	r = quote_submit(dir, a, own_opp, &discounted, 1);
	ck_status(r, 303);
	own = it_location_id(r, arena_printf(a, "/opportunities/%lld/quotes/",
	    own_opp));
	ck_status(quote_submit_for_approval(dir, own_opp, own), 303);
	r = quote_decide(dir, own_opp, own, "approve", NULL);
	ck_status(r, 403);
	ck_assert(resp_has(r, "another approver"));
	ck_status(quote_decide(admin, own_opp, own, "approve", NULL), 303);
	ck_assert_str_eq(tdb_str(a, "SELECT status FROM quote WHERE id = ?",
	    "i", own), "approved");
	/* A quote at list prices is not submitted: it is sent. */
	own = quote_make(dir, a, own_opp);
	ck_status(quote_submit_for_approval(dir, own_opp, own), 409);
	ck_status(quote_move(dir, own_opp, own, "sent"), 303);
	browser_free(rep);
	browser_free(dir);
	browser_free(far);
	browser_free(admin);
	tarena_free(a);
}
END_TEST

START_TEST(a_discount_within_the_setting_needs_no_approval)
{
	static const struct qline five = { "erp", NULL, "1", "1000", "5" };
	static const struct qline fifteen = { "erp", NULL, "1", "1000",
	    "15" };
	struct arena	*a = tarena_new();
	struct browser	*b = it_browser(it_user(a, "q_free", "sales_rep",
	    TEAM_EAST, 0), IT_PASSWORD);
	long long	 opp = opp_make(b, a), small, big;
	struct resp	*r;

	tdb_exec("UPDATE sales_setting SET quote_free_discount = 10", "");
	r = quote_submit(b, a, opp, &five, 1);
	ck_status(r, 303);
	small = it_location_id(r, arena_printf(a, "/opportunities/%lld/quotes/",
	    opp));
	r = quote_submit(b, a, opp, &fifteen, 1);
	ck_status(r, 303);
	big = it_location_id(r, arena_printf(a, "/opportunities/%lld/quotes/",
	    opp));
	/* 5% of 1000.00 is within 10%: sent at once, never submitted. */
	ck_status(quote_submit_for_approval(b, opp, small), 409);
	ck_status(quote_move(b, opp, small, "sent"), 303);
	/* 15% is not. */
	ck_status(quote_move(b, opp, big, "sent"), 409);
	ck_status(quote_submit_for_approval(b, opp, big), 303);
	ck_assert_str_eq(tdb_str(a, "SELECT GROUP_CONCAT(status ORDER BY id)"
	    " FROM quote WHERE opportunity_id = ?", "i", opp), "sent,pending");
	tdb_exec("UPDATE sales_setting SET quote_free_discount = 0", "");
	browser_free(b);
	tarena_free(a);
}
END_TEST

START_TEST(a_new_quote_starts_from_an_old_one)
{
	struct arena	*a = tarena_new();
	struct browser	*b = it_browser(it_user(a, "q_copy", "sales_rep",
	    TEAM_EAST, 0), IT_PASSWORD);
	struct browser	*m = it_browser(it_user(a, "q_copy_b", "sales_rep",
	    TEAM_EAST, 0), IT_PASSWORD);
	long long	 opp = opp_make(b, a), id = quote_make(b, a, opp), copy;
	const char	*page = arena_printf(a, "/opportunities/%lld/quotes/%lld",
	    opp, id);
	static const struct qline revised = { "erp", NULL, "2", "900", NULL };
	struct resp	*r;

	ck_redirect(quote_move(b, opp, id, "sent"), page);
	ck_redirect(quote_move(b, opp, id, "rejected"), page);
	r = http_get(b, "%s", page);
	ck_assert(resp_has(r, arena_printf(a, "href=\"%s/copy\"", page)));
	/* The form of a new quote, filled with the old one's lines. */
	r = http_get(b, "%s/copy", page);
	ck_status(r, 200);
	ck_assert(resp_has(r, arena_printf(a, "action=\"/opportunities/%lld"
	    "/quotes\"", opp)));
	ck_assert(resp_has(r, "id=\"copy-of\""));
	ck_assert(resp_has(r, tdb_str(a, "SELECT code FROM quote WHERE id = ?",
	    "i", id)));
	ck_assert_str_eq(html_input(a, r->body, "qty_1"), "2");
	ck_assert_str_eq(html_input(a, r->body, "price_1"), "1000.00");
	ck_assert_str_eq(html_input(a, r->body, "valid_until"), it_day(a, 30));
	/* Saved with a lower price: a new draft; the old one stays. */
	r = quote_submit(b, a, opp, &revised, 1);
	ck_status(r, 303);
	copy = it_location_id(r, arena_printf(a, "/opportunities/%lld/quotes/",
	    opp));
	ck_assert_int_ne(copy, id);
	ck_assert_str_eq(quote_state(a, copy), "draft|1800.00|0.00|1800.00|1|1");
	ck_assert_str_eq(quote_state(a, id), "rejected|2000.00|0.00|2000.00|3|1");
	/* Not for someone who may not edit the opportunity. */
	ck_status(http_get(m, "%s/copy", page), 404);
	browser_free(b);
	browser_free(m);
	tarena_free(a);
}
END_TEST

START_TEST(a_stale_draft_is_not_saved_over_a_newer_one)
{
	static const struct qline first[] = {
		{ "erp", NULL, "10", "99.99", "5" },
	};
	static const struct qline second[] = {
		{ "cloud_hosting", "两年", "24", "1500", NULL },
		{ "support", NULL, "1", "8000", "15" },
	};
	struct arena	*a = tarena_new();
	struct browser	*b = it_browser(it_user(a, "q_lock", "sales_rep",
	    TEAM_EAST, 0), IT_PASSWORD);
	long long	 opp = opp_make(b, a), id = quote_make(b, a, opp);
	long long	 v = quote_version(id);
	char		*saved;
	struct resp	*r;

	r = http_get(b, "/opportunities/%lld/quotes/%lld/edit", opp, id);
	ck_status(r, 200);
	ck_assert_str_eq(html_input(a, r->body, "qty_1"), "2");
	ck_assert_str_eq(html_input(a, r->body, "price_1"), "1000.00");
	ck_assert_str_eq(html_input(a, r->body, "version"), arena_printf(a,
	    "%lld", v));
	/* 10 x 99.99 = 999.90, less 5% = 949.905: 949.91. */
	ck_redirect(quote_save(b, a, opp, id, first, 1, v), arena_printf(a,
	    "/opportunities/%lld/quotes/%lld", opp, id));
	ck_assert_str_eq(quote_state(a, id), "draft|999.90|49.99|949.91|2|1");
	ck_assert_int_eq(tdb_int(-1, "SELECT COUNT(*) FROM audit_log WHERE"
	    " record_type = 'quote' AND record_id = ? AND field = 'total'"
	    " AND old_value = '2000.00' AND new_value = '949.91'", "i", id), 1);
	ck_assert_int_eq(tdb_int(-1, "SELECT COUNT(*) FROM audit_log WHERE"
	    " record_type = 'quote' AND record_id = ? AND field = 'lines'"
	    " AND old_value = 'erp 2 x 1000.00 -0.00%'"
	    " AND new_value = 'erp 10 x 99.99 -5.00%'", "i", id), 1);

	/* The form read before that save: refused, what was typed kept. */
	saved = quote_state(a, id);
	r = quote_save(b, a, opp, id, second, 2, v);
	ck_status(r, 409);
	ck_assert(resp_has(r, "Someone else saved this quote"));
	ck_assert_str_eq(html_input(a, r->body, "qty_1"), "24");
	ck_assert_str_eq(html_input(a, r->body, "description_1"), "两年");
	ck_assert_str_eq(html_input(a, r->body, "version"), arena_printf(a,
	    "%lld", v + 1));
	ck_assert_str_eq(quote_state(a, id), saved);
	/* Saved again with the version shown, it goes through. */
	ck_status(quote_save(b, a, opp, id, second, 2, v + 1), 303);
	ck_assert_str_eq(quote_state(a, id), "draft|44000.00|1200.00|42800.00|3|2");
	browser_free(b);
	tarena_free(a);
}
END_TEST

static Suite *
quotes_suite(void)
{
	Suite	*s = suite_create("quotes");
	TCase	*tc = it_tcase("quotes");

	tcase_add_test(tc, totals_are_exact_to_the_cent);
	tcase_add_test(tc, each_line_is_checked_and_kept);
	tcase_add_test(tc, quotes_are_in_the_opportunitys_scope);
	tcase_add_test(tc, forged_fields_are_ignored);
	tcase_add_test(tc, status_changes_are_audited_and_one_is_accepted);
	tcase_add_test(tc, a_discount_is_approved_before_the_quote_is_sent);
	tcase_add_test(tc, a_new_quote_starts_from_an_old_one);
	tcase_add_test(tc, a_discount_within_the_setting_needs_no_approval);
	tcase_add_test(tc, a_stale_draft_is_not_saved_over_a_newer_one);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_SUITE(quotes_suite)
