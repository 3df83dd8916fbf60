/*
 * test_opportunities.c - the sales pipeline over HTTP: codes, the stage
 * history, close reasons, the note a big change of amount needs, who may
 * confirm a win probability, who sees which opportunity, and the board's
 * totals. (Simultaneous creates are in test_concurrency.c.)
 */
#include <string.h>

#include "arena.h"
#include "dbtest.h"
#include "fixture.h"
#include "http.h"
#include "keep.h"
#include "suite.h"

#define OPP_CODE_PATTERN	"^SO[0-9]{6}[0-9]{3,}$"
/* The teams of the demo data; each test's users are new members. */
#define TEAM_EAST		"华东销售部"
#define TEAM_SOUTH		"华南销售部"

static const char sql_opp_field[] =
    "SELECT CONCAT_WS('|', stage, probability, COALESCE(close_reason, '-'),"
    " amount, version, COALESCE(probability_confirmed_by, 0))"
    " FROM opportunity WHERE id = ?";
static const char sql_changes[] =
    "SELECT COUNT(*) FROM opportunity_stage_change WHERE opportunity_id = ?";

/* What a new opportunity's form sends; NULL fields are left out. */
struct opp {
	const char	*name, *customer, *amount, *expected_close;
	const char	*lead_source, *lead_date, *stage, *owner;
};

static void
opp_defaults(struct arena *a, struct opp *o, const char *customer_code)
{
	memset(o, 0, sizeof(*o));
	o->name = arena_printf(a, "%s 商机 %s", it_tag(), it_unique(a));
	o->customer = customer_code;
	o->amount = "100000";
	o->expected_close = it_day(a, 30);
	o->lead_source = "expo";
	o->lead_date = it_day(a, -10);
	o->stage = "lead";
}

static void
add_if(struct post *p, const char *name, const char *value)
{
	if (value != NULL)
		post_add(p, name, value);
}

static struct resp *
opp_submit(struct browser *b, const struct opp *o)
{
	struct post	p;

	post_init(&p, b);
	add_if(&p, "name", o->name);
	add_if(&p, "customer", o->customer);
	add_if(&p, "amount", o->amount);
	add_if(&p, "expected_close", o->expected_close);
	add_if(&p, "lead_source", o->lead_source);
	add_if(&p, "lead_date", o->lead_date);
	add_if(&p, "stage", o->stage);
	add_if(&p, "owner", o->owner);
	return http_post(b, &p, "/opportunities");
}

/* A customer of the browser's user; its code. */
static const char *
customer_code(struct browser *b, struct arena *a, long long *id)
{
	long long	cid = it_customer(b, arena_printf(a, "%s 机会客户 %s",
	    it_tag(), it_unique(a)), it_mobile(a));

	if (id != NULL)
		*id = cid;
	return tdb_str(a, "SELECT code FROM customer WHERE id = ?", "i", cid);
}

/* Create an opportunity (asserted) in stage with amount; its id. */
static long long
opp_make(struct browser *b, struct arena *a, const char *code,
    const char *stage, const char *amount)
{
	struct opp	 o;
	struct resp	*r;
	long long	 id;

	opp_defaults(a, &o, code);
	o.stage = stage;
	o.amount = amount;
	r = opp_submit(b, &o);
	ck_status(r, 303);
	id = it_location_id(r, "/opportunities/");
	ck_assert_msg(id > 0, "no opportunity made");
	return id;
}

/* The state a request may change, as one string. */
static char *
opp_state(struct arena *a, long long id)
{
	char	*s = tdb_str(a, sql_opp_field, "i", id);

	ck_assert_msg(s != NULL, "no opportunity %lld", id);
	return s;
}

static struct resp *
move(struct browser *b, long long id, const char *stage, const char *reason,
    const char *note)
{
	struct post	p;

	post_init(&p, b);
	post_add(&p, "stage", stage);
	add_if(&p, "close_reason", reason);
	add_if(&p, "note", note);
	return http_post(b, &p, "/opportunities/%lld/stage", id);
}

/* The same from a card of the board, as its form sends it. */
static struct resp *
board_move(struct browser *b, long long id, const char *stage,
    const char *reason)
{
	struct post	p;

	post_init(&p, b);
	post_add(&p, "back", "board");
	post_add(&p, "stage", stage);
	post_add(&p, "close_reason", reason ? reason : "");
	return http_post(b, &p, "/opportunities/%lld/stage", id);
}

/* Save the edit form with this amount, probability and note. */
static struct resp *
edit(struct browser *b, struct arena *a, long long id, const char *amount,
    const char *probability, const char *note)
{
	struct post	 p;
	const char	*version = tdb_str(a, "SELECT version FROM opportunity"
	    " WHERE id = ?", "i", id);

	post_init(&p, b);
	post_add(&p, "version", version);
	post_add(&p, "name", tdb_str(a, "SELECT name FROM opportunity"
	    " WHERE id = ?", "i", id));
	post_add(&p, "amount", amount);
	post_add(&p, "expected_close", it_day(a, 45));
	post_add(&p, "lead_source", "referral");
	post_add(&p, "lead_date", it_day(a, -10));
	post_add(&p, "probability", probability);
	add_if(&p, "amount_note", note);
	return http_post(b, &p, "/opportunities/%lld", id);
}

static struct resp *
confirm(struct browser *b, long long id, const char *probability)
{
	struct post	p;

	post_init(&p, b);
	post_add(&p, "probability", probability);
	return http_post(b, &p, "/opportunities/%lld/confirm", id);
}

START_TEST(a_new_opportunity_is_coded_and_starts_its_history)
{
	struct arena	*a = tarena_new();
	struct browser	*b = it_browser(it_user(a, "opp_new", "sales_rep",
	    TEAM_EAST, 0), IT_PASSWORD);
	long long	 cid, id;
	const char	*code = customer_code(b, a, &cid), *opp_code;
	struct resp	*r;

	/* The customer page offers to open one for it. */
	r = http_get(b, "/customers/%lld", cid);
	ck_status(r, 200);
	ck_assert(resp_has(r, arena_printf(a,
	    "href=\"/opportunities/new?customer=%lld\"", cid)));
	r = http_get(b, "/opportunities/new?customer=%lld", cid);
	ck_status(r, 200);
	ck_assert_str_eq(html_input(a, r->body, "customer"), code);

	id = opp_make(b, a, code, "needs", "250000.50");
	opp_code = tdb_str(a, "SELECT code FROM opportunity WHERE id = ?",
	    "i", id);
	ck_assert_msg(it_matches(opp_code, OPP_CODE_PATTERN), "code %s",
	    opp_code);
	/* The period is this year and month. */
	ck_assert_int_eq(tdb_int(0, "SELECT SUBSTRING(code, 3, 6) ="
	    " DATE_FORMAT(NOW(), '%Y%m') FROM opportunity WHERE id = ?", "i",
	    id), 1);
	/* It entered its stage with the stage's default probability. */
	ck_assert_str_eq(opp_state(a, id), "needs|30|-|250000.50|1|0");
	ck_assert_int_eq(tdb_int(-1, "SELECT COUNT(*) FROM"
	    " opportunity_stage_change WHERE opportunity_id = ?"
	    " AND from_stage IS NULL AND to_stage = 'needs'", "i", id), 1);
	ck_assert_int_eq(tdb_int(-1, "SELECT COUNT(*) FROM audit_log WHERE"
	    " record_type = 'opportunity' AND record_id = ? AND action ="
	    " 'create' AND new_value = ?", "is", id, opp_code), 1);

	/* The detail page shows it; the customer page lists it. */
	r = http_get(b, "/opportunities/%lld", id);
	ck_status(r, 200);
	ck_assert(resp_has(r, opp_code));
	ck_assert(resp_has(r, "250,000.50"));
	r = http_get(b, "/customers/%lld", cid);
	ck_assert(resp_has(r, arena_printf(a, "href=\"/opportunities/%lld\"",
	    id)));

	/* A customer code nobody has, or none: the form says so. */
	{
		struct opp	o;

		opp_defaults(a, &o, "CRM1999999");
		r = opp_submit(b, &o);
		ck_status(r, 422);
		ck_assert(html_field_error(r->body, "customer"));
		/* Won is not a stage to start in. */
		opp_defaults(a, &o, code);
		o.stage = "won";
		r = opp_submit(b, &o);
		ck_status(r, 422);
		ck_assert(html_field_error(r->body, "stage"));
	}
	browser_free(b);
	tarena_free(a);
}
END_TEST

START_TEST(every_stage_change_is_kept)
{
	struct arena	*a = tarena_new();
	struct browser	*b = it_browser(it_user(a, "opp_move", "sales_rep",
	    TEAM_EAST, 0), IT_PASSWORD);
	const char	*code = customer_code(b, a, NULL);
	long long	 id = opp_make(b, a, code, "lead", "80000");
	long long	 me = it_user_id(it_user(a, "opp_move", "sales_rep",
	    TEAM_EAST, 0));
	struct resp	*r;

	/* Back-date the entry, so that the move visibly sets it anew. */
	tdb_exec("UPDATE opportunity SET stage_entered_at = NOW() -"
	    " INTERVAL 9 DAY WHERE id = ?", "i", id);
	r = http_get(b, "/opportunities/%lld", id);
	ck_assert(strstr(r->body, "id=\"opp-days\">9<") != NULL);

	ck_redirect(move(b, id, "demo", NULL, "客户要求演示"),
	    arena_printf(a, "/opportunities/%lld#timeline", id));
	ck_assert_str_eq(opp_state(a, id), "demo|50|-|80000.00|2|0");
	ck_assert_int_eq(tdb_int(-1, "SELECT COUNT(*) FROM"
	    " opportunity_stage_change WHERE opportunity_id = ? AND user_id = ?"
	    " AND from_stage = 'lead' AND to_stage = 'demo'"
	    " AND note = '客户要求演示' AND at >= NOW() - INTERVAL 1 MINUTE",
	    "ii", id, me), 1);
	ck_assert_int_eq(tdb_int(-1, "SELECT DATEDIFF(CURDATE(),"
	    " stage_entered_at) FROM opportunity WHERE id = ?", "i", id), 0);
	ck_assert_int_eq(tdb_int(-1, "SELECT COUNT(*) FROM audit_log WHERE"
	    " record_type = 'opportunity' AND record_id = ? AND field = 'stage'"
	    " AND old_value = 'lead' AND new_value = 'demo'", "i", id), 1);

	/* The same stage again is no change and no history. */
	ck_status(move(b, id, "demo", NULL, NULL), 303);
	ck_assert_int_eq(tdb_int(-1, sql_changes, "i", id), 2);

	/* A move from the board goes back to the board. */
	{
		struct post	p;

		post_init(&p, b);
		post_add(&p, "stage", "negotiation");
		post_add(&p, "back", "board");
		ck_redirect(http_post(b, &p, "/opportunities/%lld/stage", id),
		    "/opportunities/board");
	}
	ck_assert_int_eq(tdb_int(-1, sql_changes, "i", id), 3);
	/* The timeline shows every step, newest first. */
	r = http_get(b, "/opportunities/%lld", id);
	ck_status(r, 200);
	ck_assert(resp_has(r, "Demo → Negotiation"));
	ck_assert(resp_has(r, "Lead confirmation → Demo"));
	ck_assert(resp_has(r, "客户要求演示"));
	ck_assert(strstr(r->body, "Demo → Negotiation") <
	    strstr(r->body, "Lead confirmation → Demo"));
	browser_free(b);
	tarena_free(a);
}
END_TEST

START_TEST(won_and_lost_need_a_close_reason)
{
	struct arena	*a = tarena_new();
	struct browser	*b = it_browser(it_user(a, "opp_close", "sales_rep",
	    TEAM_EAST, 0), IT_PASSWORD);
	long long	 id = opp_make(b, a, customer_code(b, a, NULL),
	    "contract", "500000");
	char		*before = opp_state(a, id);
	struct resp	*r;

	r = move(b, id, "won", NULL, "签了");
	ck_status(r, 422);
	ck_assert(html_field_error(r->body, "close_reason"));
	/* What was typed stays. */
	ck_assert(resp_has(r, "签了"));
	ck_assert_str_eq(opp_state(a, id), before);
	ck_assert_int_eq(tdb_int(-1, sql_changes, "i", id), 1);
	ck_status(move(b, id, "lost", NULL, NULL), 422);
	ck_status(move(b, id, "lost", "no_such_reason", NULL), 422);
	ck_assert_str_eq(opp_state(a, id), before);

	ck_status(move(b, id, "won", "product_fit", NULL), 303);
	ck_assert_str_eq(opp_state(a, id), "won|100|product_fit|500000.00|2|0");
	ck_status(move(b, id, "lost", "competitor", NULL), 303);
	ck_assert_str_eq(opp_state(a, id), "lost|0|competitor|500000.00|3|0");
	/* Open again: the reason goes. */
	ck_status(move(b, id, "needs", "price", NULL), 303);
	ck_assert_str_eq(opp_state(a, id), "needs|30|-|500000.00|4|0");
	ck_assert_int_eq(tdb_int(-1, sql_changes, "i", id), 4);

	/* From the board: the board again, the message beside the card. */
	r = board_move(b, id, "won", NULL);
	ck_status(r, 422);
	ck_assert_msg(resp_has(r, arena_printf(a, "id=\"move-error-%lld\">"
	    "Won and lost need a close reason.<", id)), "%s", it_snippet(r));
	ck_assert(resp_has(r, "id=\"board-count\">"));
	/* The card keeps the stage chosen. */
	ck_assert(resp_has(r, "<option value=\"won\" selected>"));
	ck_assert_str_eq(opp_state(a, id), "needs|30|-|500000.00|4|0");
	ck_redirect(board_move(b, id, "won", "price"), "/opportunities/board");
	ck_assert_int_eq(tdb_int(-1, "SELECT COUNT(*) FROM opportunity"
	    " WHERE id = ? AND stage = 'won' AND close_reason = 'price'", "i",
	    id), 1);
	/* An open stage ignores the empty reason a card sends. */
	ck_redirect(board_move(b, id, "contract", NULL),
	    "/opportunities/board");
	ck_assert_int_eq(tdb_int(-1, sql_changes, "i", id), 6);
	browser_free(b);
	tarena_free(a);
}
END_TEST

START_TEST(a_big_change_of_amount_needs_a_note)
{
	struct arena	*a = tarena_new();
	struct browser	*b = it_browser(it_user(a, "opp_amount", "sales_rep",
	    TEAM_EAST, 0), IT_PASSWORD);
	long long	 id = opp_make(b, a, customer_code(b, a, NULL), "lead",
	    "100000");
	char		*before = opp_state(a, id);
	struct resp	*r;

	/* 25% up without a note: refused, the note field says why. */
	r = edit(b, a, id, "125000", "10", NULL);
	ck_status(r, 422);
	ck_assert(html_field_error(r->body, "amount_note"));
	ck_assert_str_eq(html_input(a, r->body, "amount"), "125000");
	ck_assert_str_eq(opp_state(a, id), before);
	/* 20.01% down: the same. */
	ck_status(edit(b, a, id, "79990", "10", NULL), 422);
	ck_assert_str_eq(opp_state(a, id), before);
	/* Exactly 20% needs none. */
	ck_status(edit(b, a, id, "120000", "10", NULL), 303);
	ck_assert_str_eq(opp_state(a, id), "lead|10|-|120000.00|2|0");
	/* With a note it goes through, and the history keeps the note. */
	ck_status(edit(b, a, id, "300000", "10", "客户扩大采购范围"), 303);
	ck_assert_str_eq(opp_state(a, id), "lead|10|-|300000.00|3|0");
	ck_assert_int_eq(tdb_int(-1, "SELECT COUNT(*) FROM audit_log WHERE"
	    " record_type = 'opportunity' AND record_id = ?"
	    " AND field = 'amount_note' AND new_value = '客户扩大采购范围'",
	    "i", id), 1);
	ck_assert_int_eq(tdb_int(-1, "SELECT COUNT(*) FROM audit_log WHERE"
	    " record_type = 'opportunity' AND record_id = ? AND field = 'amount'"
	    " AND old_value = '120000.00' AND new_value = '300000.00'", "i",
	    id), 1);
	r = http_get(b, "/opportunities/%lld", id);
	ck_assert(resp_has(r, "客户扩大采购范围"));
	browser_free(b);
	tarena_free(a);
}
END_TEST

START_TEST(only_an_approver_confirms_a_probability)
{
	struct arena	*a = tarena_new();
	const char	*rep = it_user(a, "opp_prob_rep", "sales_rep",
	    TEAM_EAST, 0);
	const char	*dir = it_user(a, "opp_prob_dir", "sales_director",
	    TEAM_EAST, 0);
	const char	*far = it_user(a, "opp_prob_far", "sales_director",
	    TEAM_SOUTH, 0);
	struct browser	*b = it_browser(rep, IT_PASSWORD), *d, *f;
	long long	 id = opp_make(b, a, customer_code(b, a, NULL), "needs",
	    "60000");
	char		*before = opp_state(a, id);
	struct resp	*r;

	/* A rep has no approve grant: 403, and no button. */
	ck_status(confirm(b, id, "45"), 403);
	ck_assert_str_eq(opp_state(a, id), before);
	r = http_get(b, "/opportunities/%lld", id);
	ck_assert(!resp_has(r, "/confirm\""));
	/* A director of another team does not see it at all. */
	f = it_browser(far, IT_PASSWORD);
	ck_status(confirm(f, id, "45"), 404);
	ck_assert_str_eq(opp_state(a, id), before);
	/* The rep's director confirms, correcting the figure. */
	d = it_browser(dir, IT_PASSWORD);
	ck_status(http_get(d, "/opportunities/%lld", id), 200);
	ck_status(confirm(d, id, "45"), 303);
	ck_assert_str_eq(opp_state(a, id), arena_printf(a,
	    "needs|45|-|60000.00|2|%lld", it_user_id(dir)));
	ck_status(confirm(d, id, "101"), 422);
	/* A confirmed probability holds through an open stage... */
	ck_status(move(b, id, "demo", NULL, NULL), 303);
	ck_assert_str_eq(opp_state(a, id), arena_printf(a,
	    "demo|45|-|60000.00|3|%lld", it_user_id(dir)));
	/* ...until someone changes it. */
	ck_status(edit(b, a, id, "60000", "55", NULL), 303);
	ck_assert_str_eq(opp_state(a, id), "demo|55|-|60000.00|4|0");
	/* Unconfirmed, the next stage's default applies. */
	ck_status(move(b, id, "negotiation", NULL, NULL), 303);
	ck_assert_str_eq(opp_state(a, id), "negotiation|70|-|60000.00|5|0");
	browser_free(b);
	browser_free(d);
	browser_free(f);
	tarena_free(a);
}
END_TEST

START_TEST(a_rep_sees_only_own_opportunities)
{
	struct arena	*a = tarena_new();
	const char	*owner = it_user(a, "opp_scope_a", "sales_rep",
	    TEAM_EAST, 0);
	const char	*mate = it_user(a, "opp_scope_b", "sales_rep",
	    TEAM_EAST, 0);
	const char	*dir = it_user(a, "opp_scope_dir", "sales_director",
	    TEAM_EAST, 0);
	struct browser	*b = it_browser(owner, IT_PASSWORD), *m, *d;
	const char	*code = customer_code(b, a, NULL);
	long long	 id = opp_make(b, a, code, "lead", "70000");
	const char	*opp_code = tdb_str(a, "SELECT code FROM opportunity"
	    " WHERE id = ?", "i", id);
	const char	*link = arena_printf(a, "href=\"/opportunities/%lld\"",
	    id);
	char		*before = opp_state(a, id);
	struct opp	 o;
	struct resp	*r;

	m = it_browser(mate, IT_PASSWORD);
	ck_status(http_get(m, "/opportunities/%lld", id), 404);
	ck_status(http_get(m, "/opportunities/%lld/edit", id), 404);
	ck_status(move(m, id, "demo", NULL, NULL), 404);
	ck_status(edit(m, a, id, "70000", "90", NULL), 404);
	ck_assert_str_eq(opp_state(a, id), before);
	r = http_get(m, "/opportunities?q=%s", opp_code);
	ck_status(r, 200);
	ck_assert(!resp_has(r, link));
	r = http_get(m, "/opportunities");
	ck_assert(!resp_has(r, link));
	r = http_get(m, "/opportunities/board");
	ck_status(r, 200);
	ck_assert(!resp_has(r, link));
	/* Nor may the teammate open one on the owner's customer. */
	opp_defaults(a, &o, code);
	r = opp_submit(m, &o);
	ck_status(r, 422);
	ck_assert(html_field_error(r->body, "customer"));
	/* The owner and the team's director see it in the list. */
	r = http_get(b, "/opportunities?q=%s", opp_code);
	ck_assert(resp_has(r, link));
	d = it_browser(dir, IT_PASSWORD);
	r = http_get(d, "/opportunities?q=%s", opp_code);
	ck_assert(resp_has(r, link));
	r = http_get(d, "/opportunities/board?owner=%lld", it_user_id(owner));
	ck_assert(resp_has(r, link));
	ck_status(http_get(d, "/opportunities/%lld", id), 200);
	/* A rep may not give one to someone else. */
	opp_defaults(a, &o, code);
	o.owner = arena_printf(a, "%lld", it_user_id(mate));
	ck_status(opp_submit(b, &o), 303);
	ck_assert_int_eq(tdb_int(-1, "SELECT COUNT(*) FROM opportunity"
	    " WHERE name = ? AND owner_id = ?", "si", o.name,
	    it_user_id(owner)), 1);
	browser_free(b);
	browser_free(m);
	browser_free(d);
	tarena_free(a);
}
END_TEST

START_TEST(the_board_totals_each_open_stage)
{
	struct arena	*a = tarena_new();
	const char	*rep = it_user(a, "opp_board", "sales_rep", TEAM_EAST,
	    0);
	struct browser	*b = it_browser(rep, IT_PASSWORD);
	const char	*code = customer_code(b, a, NULL);
	struct resp	*r;
	long long	 won, lead, demo;

	lead = opp_make(b, a, code, "lead", "100000.50");
	opp_make(b, a, code, "lead", "200000.25");
	demo = opp_make(b, a, code, "demo", "1234567.89");
	won = opp_make(b, a, code, "contract", "999");
	ck_status(move(b, won, "won", "price", NULL), 303);
	r = http_get(b, "/opportunities/board");
	ck_status(r, 200);
	ck_assert_msg(resp_has(r, "data-stage=\"lead\"><span class=\"count\">2"
	    "</span> · <span class=\"total\">300,000.75</span>"), "%s",
	    it_snippet(r));
	ck_assert(resp_has(r, "data-stage=\"demo\"><span class=\"count\">1"
	    "</span> · <span class=\"total\">1,234,567.89</span>"));
	ck_assert(resp_has(r, "data-stage=\"needs\"><span class=\"count\">0"
	    "</span> · <span class=\"total\">0.00</span>"));
	/* Won and lost have no column; the sum is of the open ones. */
	ck_assert(!resp_has(r, "data-stage=\"won\""));
	ck_assert(resp_has(r, "id=\"board-count\">3<"));
	ck_assert(resp_has(r, "id=\"board-total\">1,534,568.64<"));

	/*
	 * The totals are kept by the database (sql/017) through every
	 * change, whoever writes: a move, a change of amount, a deletion.
	 */
	ck_status(move(b, demo, "needs", NULL, NULL), 303);
	ck_assert_int_eq(tdb_exec("UPDATE opportunity SET amount = 1.11"
	    " WHERE id = ?", "i", lead), 1);
	ck_assert_int_eq(tdb_exec("UPDATE opportunity SET deleted_at = NOW()"
	    " WHERE id = ?", "i", won), 1);
	r = http_get(b, "/opportunities/board");
	ck_assert_msg(resp_has(r, "data-stage=\"lead\"><span class=\"count\">2"
	    "</span> · <span class=\"total\">200,001.36</span>"), "%s",
	    it_snippet(r));
	ck_assert(resp_has(r, "data-stage=\"demo\"><span class=\"count\">0"
	    "</span> · <span class=\"total\">0.00</span>"));
	ck_assert(resp_has(r, "data-stage=\"needs\"><span class=\"count\">1"
	    "</span> · <span class=\"total\">1,234,567.89</span>"));
	ck_assert(resp_has(r, "id=\"board-total\">1,434,569.25<"));
	/* The deleted won one counts nowhere: every total is the sum. */
	ck_assert_int_eq(tdb_int(-1, "SELECT COUNT(*) FROM"
	    " opportunity_board_total t WHERE t.owner_id = ? AND (t.n <> (SELECT COUNT(*) FROM opportunity o"
	    "  WHERE o.stage = t.stage AND COALESCE(o.team_id, 0) = t.team_id"
	    "  AND o.owner_id = t.owner_id AND o.deleted_at IS NULL)"
	    " OR t.amount <> (SELECT COALESCE(SUM(o.amount), 0) FROM opportunity o"
	    "  WHERE o.stage = t.stage AND COALESCE(o.team_id, 0) = t.team_id"
	    "  AND o.owner_id = t.owner_id AND o.deleted_at IS NULL))", "i",
	    it_user_id(rep)), 0);
	browser_free(b);
	tarena_free(a);
}
END_TEST

START_TEST(stage_defaults_are_the_admins)
{
	struct arena	*a = tarena_new();
	const char	*admin;
	struct browser	*adm = it_admin(a, &admin);
	struct browser	*b = it_browser(it_user(a, "opp_defaults",
	    "sales_rep", TEAM_EAST, 0), IT_PASSWORD);
	long long	 was = tdb_int(-1, "SELECT probability FROM"
	    " opportunity_stage WHERE code = 'demo'", "");
	struct resp	*r;
	struct post	 p;

	ck_status(http_get(b, "/opportunities/stages"), 403);
	r = http_get(adm, "/opportunities/stages");
	ck_status(r, 200);
	ck_assert_str_eq(html_input(a, r->body, "p_demo"), arena_printf(a,
	    "%lld", was));
	post_init(&p, adm);
	post_add(&p, "p_lead", "10");
	post_add(&p, "p_needs", "30");
	post_add(&p, "p_demo", "101");
	post_add(&p, "p_negotiation", "70");
	post_add(&p, "p_contract", "90");
	post_add(&p, "p_won", "100");
	post_add(&p, "p_lost", "0");
	post_add(&p, "quote_free_discount", "101");
	r = http_post(adm, &p, "/opportunities/stages");
	ck_status(r, 422);
	ck_assert(html_field_error(r->body, "p_demo"));
	ck_assert(html_field_error(r->body, "quote_free_discount"));
	ck_assert_str_eq(html_input(a, r->body, "quote_free_discount"), "101");
	ck_assert_int_eq(tdb_int(-1, "SELECT probability FROM"
	    " opportunity_stage WHERE code = 'demo'", ""), was);
	post_init(&p, adm);
	post_add(&p, "p_lead", "10");
	post_add(&p, "p_needs", "30");
	post_add(&p, "p_demo", was == 55 ? "50" : "55");
	post_add(&p, "p_negotiation", "70");
	post_add(&p, "p_contract", "90");
	post_add(&p, "p_won", "100");
	post_add(&p, "p_lost", "0");
	post_add(&p, "quote_free_discount", "10");
	ck_redirect(http_post(adm, &p, "/opportunities/stages"),
	    "/opportunities/stages?saved=1");
	ck_assert_int_eq(tdb_int(-1, "SELECT quote_free_discount FROM"
	    " sales_setting", ""), 10);
	ck_assert_int_eq(tdb_int(-1, "SELECT COUNT(*) FROM audit_log WHERE"
	    " record_type = 'sales_setting' AND field = 'quote_free_discount'"
	    " AND old_value = '0' AND new_value = '10' AND user_id = ?", "i",
	    it_user_id(admin)), 1);
	ck_assert_str_eq(html_input(a, http_get(adm,
	    "/opportunities/stages")->body, "quote_free_discount"), "10");
	ck_assert_int_eq(tdb_int(-1, "SELECT COUNT(*) FROM audit_log WHERE"
	    " record_type = 'opportunity_stage' AND user_id = ?", "i",
	    it_user_id(admin)), 1);
	ck_assert_int_eq(tdb_int(-1, "SELECT COUNT(*) FROM audit_log WHERE"
	    " record_type = 'opportunity_stage' AND field = 'demo'"
	    " AND old_value = ? AND user_id = ?", "si", arena_printf(a, "%lld",
	    was), it_user_id(admin)), 1);
	/* Put them back, for the other tests' expectations. */
	tdb_exec("UPDATE opportunity_stage SET probability = ?"
	    " WHERE code = 'demo'", "i", was);
	tdb_exec("UPDATE sales_setting SET quote_free_discount = 0", "");
	browser_free(adm);
	browser_free(b);
	tarena_free(a);
}
END_TEST

static Suite *
opportunities_suite(void)
{
	Suite	*s = suite_create("opportunities");
	TCase	*tc = it_tcase("opportunities");

	tcase_add_test(tc, a_new_opportunity_is_coded_and_starts_its_history);
	tcase_add_test(tc, every_stage_change_is_kept);
	tcase_add_test(tc, won_and_lost_need_a_close_reason);
	tcase_add_test(tc, a_big_change_of_amount_needs_a_note);
	tcase_add_test(tc, only_an_approver_confirms_a_probability);
	tcase_add_test(tc, a_rep_sees_only_own_opportunities);
	tcase_add_test(tc, the_board_totals_each_open_stage);
	tcase_add_test(tc, stage_defaults_are_the_admins);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_SUITE(opportunities_suite)
