/*
 * test_contracts.c - contracts over HTTP: made from a won opportunity or
 * an accepted quote and from nothing else, a schedule that must add up
 * to the total to the cent (the message beside it, the input kept),
 * approval by a director of the team and never by the submitter, a
 * rejection that needs a comment and can be resubmitted, no edits once
 * approved, payments applied oldest due first and never beyond what is
 * owed, overdue instalments on the owner's and the director's home page
 * and in the overdue list and its export, scope, and CSRF on every POST.
 */
#include <string.h>

#include "arena.h"
#include "dbtest.h"
#include "fixture.h"
#include "http.h"
#include "keep.h"
#include "suite.h"

#define CONTRACT_CODE_PATTERN	"^HT[0-9]{6}[0-9]{3,}$"

static const char sql_team_make[] =
    "INSERT IGNORE INTO team (name) VALUES (?)";
static const char sql_won[] =
    "UPDATE opportunity SET stage = 'won', close_reason = 'price'"
    " WHERE id = ?";
/* Everything about a contract a request could change. */
static const char sql_contract_state[] =
    "SELECT CONCAT_WS('|', k.status, k.version, k.total, k.paid, k.title,"
    " (SELECT GROUP_CONCAT(CONCAT_WS(':', i.due_date, i.amount, i.paid,"
    "  i.live) ORDER BY i.position) FROM contract_instalment i"
    "  WHERE i.contract_id = k.id),"
    " (SELECT COUNT(*) FROM contract_payment p WHERE p.contract_id = k.id),"
    " (SELECT COUNT(*) FROM contract_approval a"
    "  WHERE a.contract_id = k.id))"
    " FROM contract k WHERE k.id = ?";
static const char sql_paid_of[] =
    "SELECT GROUP_CONCAT(paid ORDER BY position SEPARATOR ' ')"
    " FROM contract_instalment WHERE contract_id = ?";
static const char sql_due_back[] =
    "UPDATE contract_instalment SET due_date = CURDATE() - INTERVAL ? DAY"
    " WHERE contract_id = ? AND position = ?";

/* One instalment row of the form; NULL fields are left out. */
struct inst {
	const char	*due, *amount, *note;
};

static const char *
team_make(struct arena *a, const char *which)
{
	const char	*name = arena_printf(a, "%s 合同%s", it_tag(), which);

	tdb_exec(sql_team_make, "s", name);
	return name;
}

/* An opportunity of the browser's user, won unless open is set. */
static long long
opp_make(struct browser *b, struct arena *a, const char *amount, int open)
{
	long long	 cid = it_customer(b, arena_printf(a, "%s 合同客户 %s",
	    it_tag(), it_unique(a)), it_mobile(a));
	struct post	 p;
	struct resp	*r;
	long long	 id;

	post_init(&p, b);
	post_add(&p, "name", arena_printf(a, "%s 合同机会 %s", it_tag(),
	    it_unique(a)));
	post_add(&p, "customer", tdb_str(a, "SELECT code FROM customer"
	    " WHERE id = ?", "i", cid));
	post_add(&p, "amount", amount);
	post_add(&p, "expected_close", it_day(a, 30));
	post_add(&p, "lead_source", "expo");
	post_add(&p, "lead_date", it_day(a, -3));
	post_add(&p, "stage", "negotiation");
	r = http_post(b, &p, "/opportunities");
	ck_status(r, 303);
	id = it_location_id(r, "/opportunities/");
	ck_assert_msg(id > 0, "no opportunity made");
	if (!open)
		ck_assert_int_eq(tdb_exec(sql_won, "i", id), 1);
	return id;
}

static void
add_if(struct post *p, const char *name, const char *value)
{
	if (value != NULL)
		post_add(p, name, value);
}

/* The form's fields: the terms, then rows of instalments. */
static void
contract_fields(struct post *p, struct arena *a, const struct inst *in,
    size_t n, const char *title)
{
	size_t	i;

	post_add(p, "rows", "4");
	post_add(p, "title", title);
	post_add(p, "sign_date", it_day(a, 0));
	post_add(p, "start_date", it_day(a, 0));
	post_add(p, "end_date", it_day(a, 365));
	post_add(p, "terms", "按合同约定分期付款。");
	for (i = 0; i < n; i++) {
		add_if(p, arena_printf(a, "due_%zu", i + 1), in[i].due);
		add_if(p, arena_printf(a, "amount_%zu", i + 1), in[i].amount);
		add_if(p, arena_printf(a, "note_%zu", i + 1), in[i].note);
	}
}

/* POST a new contract from source ("opportunity" or "quote") id. */
static struct resp *
contract_submit(struct browser *b, struct arena *a, const char *source,
    long long id, const struct inst *in, size_t n)
{
	struct post	p;

	post_init(&p, b);
	post_add_int(&p, source, id);
	contract_fields(&p, a, in, n, "年度服务合同");
	return http_post(b, &p, "/contracts");
}

/* Save contract id's form with these instalments and version. */
static struct resp *
contract_save(struct browser *b, struct arena *a, long long id,
    const struct inst *in, size_t n, long long version, const char *title)
{
	struct post	p;

	post_init(&p, b);
	post_add_int(&p, "version", version);
	contract_fields(&p, a, in, n, title);
	return http_post(b, &p, "/contracts/%lld", id);
}

/* A contract of two instalments, 30 and 60 days ahead (asserted). */
static long long
contract_make(struct browser *b, struct arena *a, long long opp,
    const char *first, const char *second)
{
	struct inst	 in[2];
	struct resp	*r;
	long long	 id;

	in[0] = (struct inst){ it_day(a, 30), first, "首付" };
	in[1] = (struct inst){ it_day(a, 60), second, NULL };
	r = contract_submit(b, a, "opportunity", opp, in, 2);
	ck_status(r, 303);
	id = it_location_id(r, "/contracts/");
	ck_assert_msg(id > 0, "no contract made");
	return id;
}

static char *
contract_state(struct arena *a, long long id)
{
	char	*s = tdb_str(a, sql_contract_state, "i", id);

	ck_assert_msg(s != NULL, "no contract %lld", id);
	return s;
}

static const char *
contract_status(struct arena *a, long long id)
{
	return tdb_str(a, "SELECT status FROM contract WHERE id = ?", "i", id);
}

static long long
contract_version(long long id)
{
	return tdb_int(-1, "SELECT version FROM contract WHERE id = ?", "i",
	    id);
}

/* POST one field (and the token) to path. */
static struct resp *
post_to(struct browser *b, const char *path, const char *name,
    const char *value)
{
	struct post	p;

	post_init(&p, b);
	post_add(&p, name, value);
	return http_post(b, &p, "%s", path);
}

static struct resp *
decide(struct browser *b, long long id, const char *decision,
    const char *comment)
{
	struct post	p;

	post_init(&p, b);
	post_add(&p, "decision", decision);
	if (comment != NULL)
		post_add(&p, "comment", comment);
	return http_post(b, &p, "/contracts/%lld/decision", id);
}

static struct resp *
pay(struct browser *b, struct arena *a, long long id, const char *amount,
    int day)
{
	struct post	p;

	post_init(&p, b);
	post_add(&p, "pay_date", it_day(a, day));
	post_add(&p, "pay_amount", amount);
	post_add(&p, "pay_method", "bank_transfer");
	post_add(&p, "pay_reference", "BOC-20240501");
	return http_post(b, &p, "/contracts/%lld/payments", id);
}

/* Submitted by sub, approved by dir (asserted). */
static void
approve(struct browser *sub, struct browser *dir, struct arena *a,
    long long id)
{
	ck_status(http_post_empty(sub, "/contracts/%lld/submit", id), 303);
	ck_status(decide(dir, id, "approve", NULL), 303);
	ck_assert_str_eq(contract_status(a, id), "approved");
}

START_TEST(made_from_a_won_opportunity_or_an_accepted_quote)
{
	struct arena	*a = tarena_new();
	const char	*team = team_make(a, "甲");
	struct browser	*b = it_browser(it_user(a, "k_make", "sales_rep",
	    team, 0), IT_PASSWORD);
	struct browser	*dir = it_browser(it_user(a, "k_make_dir",
	    "sales_director", team, 0), IT_PASSWORD);
	long long	 open = opp_make(b, a, "50000", 1), won, id, quote;
	long long	 qopp, qid;
	struct inst	 one;
	struct resp	*r;
	const char	*code;
	struct post	 p;

	/* An open opportunity makes no contract. */
	r = http_get(b, "/contracts/new?opportunity=%lld", open);
	ck_status(r, 409);
	ck_assert(resp_has(r, "only from a won opportunity"));
	ck_assert(!resp_has(r, "name=\"due_1\""));
	one = (struct inst){ it_day(a, 30), "50000", NULL };
	ck_status(contract_submit(b, a, "opportunity", open, &one, 1), 409);
	ck_assert_int_eq(tdb_int(-1, "SELECT COUNT(*) FROM contract"
	    " WHERE opportunity_id = ?", "i", open), 0);
	/* Nor does nothing at all. */
	r = http_get(b, "/contracts/new");
	ck_status(r, 200);
	ck_assert(resp_has(r, "New contract"));
	ck_status(post_to(b, "/contracts", "title", "x"), 422);

	/* A won one: the form offers its amount in one instalment. */
	won = opp_make(b, a, "50000", 0);
	r = http_get(b, "/opportunities/%lld", won);
	ck_assert(resp_has(r, arena_printf(a,
	    "href=\"/contracts/new?opportunity=%lld\"", won)));
	r = http_get(b, "/contracts/new?opportunity=%lld", won);
	ck_status(r, 200);
	ck_assert(resp_has(r, "id=\"f-total\">50,000.00<"));
	ck_assert_str_eq(html_input(a, r->body, "amount_1"), "50000.00");
	ck_assert(resp_has(r, "name=\"due_4\""));
	id = contract_make(b, a, won, "20000", "30000");
	code = tdb_str(a, "SELECT code FROM contract WHERE id = ?", "i", id);
	ck_assert_msg(it_matches(code, CONTRACT_CODE_PATTERN), "code %s",
	    code);
	ck_assert_str_eq(tdb_str(a, "SELECT CONCAT_WS('|', status, total,"
	    " owner_id, COALESCE(quote_id, '-')) FROM contract WHERE id = ?",
	    "i", id), arena_printf(a, "draft|50000.00|%lld|-",
	    it_user_id(arena_printf(a, "%s_k_make", it_tag()))));
	ck_assert_int_eq(tdb_int(-1, "SELECT COUNT(*) FROM audit_log WHERE"
	    " record_type = 'contract' AND record_id = ? AND action = 'create'"
	    " AND field = 'total' AND new_value = '50000.00'", "i", id), 1);
	r = http_get(b, "/contracts/%lld", id);
	ck_status(r, 200);
	ck_assert(resp_has(r, code));
	ck_assert(resp_has(r, "id=\"contract-status\">Draft<"));
	ck_assert(resp_has(r, "id=\"contract-outstanding\">50,000.00<"));
	/* The opportunity links its contract; a second one is not made. */
	r = http_get(b, "/opportunities/%lld", won);
	ck_assert(resp_has(r, arena_printf(a, "href=\"/contracts/%lld\"",
	    id)));
	ck_redirect(http_get(b, "/contracts/new?opportunity=%lld", won),
	    arena_printf(a, "/contracts/%lld", id));
	ck_status(contract_submit(b, a, "opportunity", won, &one, 1), 409);
	ck_assert_int_eq(tdb_int(-1, "SELECT COUNT(*) FROM contract"
	    " WHERE opportunity_id = ?", "i", won), 1);

	/* A quote: refused while a draft, made once accepted. */
	qopp = opp_make(b, a, "99999", 1);
	post_init(&p, b);
	post_add(&p, "rows", "5");
	post_add(&p, "product_1", "erp");
	post_add(&p, "description_1", "年度许可");
	post_add(&p, "qty_1", "3");
	post_add(&p, "price_1", "33.33");
	post_add(&p, "discount_1", "10");
	post_add(&p, "valid_until", it_day(a, 30));
	r = http_post(b, &p, "/opportunities/%lld/quotes", qopp);
	ck_status(r, 303);
	quote = it_location_id(r, arena_printf(a,
	    "/opportunities/%lld/quotes/", qopp));
	ck_status(http_get(b, "/contracts/new?quote=%lld", quote), 409);
	one = (struct inst){ it_day(a, 30), "89.99", NULL };
	ck_status(contract_submit(b, a, "quote", quote, &one, 1), 409);
	/* Its discount is approved by the team's director first. */
	ck_status(http_post_empty(b, "/opportunities/%lld/quotes/%lld/submit",
	    qopp, quote), 303);
	ck_status(post_to(dir, arena_printf(a, "/opportunities/%lld/quotes/%lld"
	    "/decision", qopp, quote), "decision", "approve"), 303);
	ck_status(post_to(b, arena_printf(a, "/opportunities/%lld/quotes/%lld"
	    "/status", qopp, quote), "status", "sent"), 303);
	ck_status(post_to(b, arena_printf(a, "/opportunities/%lld/quotes/%lld"
	    "/status", qopp, quote), "status", "accepted"), 303);
	r = http_get(b, "/opportunities/%lld/quotes/%lld", qopp, quote);
	ck_assert(resp_has(r, arena_printf(a,
	    "href=\"/contracts/new?quote=%lld\"", quote)));
	r = http_get(b, "/contracts/new?quote=%lld", quote);
	ck_status(r, 200);
	/* 3 x 33.33 less 10%: 89.99, the quote's total, not the amount. */
	ck_assert(resp_has(r, "id=\"f-total\">89.99<"));
	ck_assert(resp_has(r, "年度许可"));
	r = contract_submit(b, a, "quote", quote, &one, 1);
	ck_status(r, 303);
	qid = it_location_id(r, "/contracts/");
	ck_assert_str_eq(tdb_str(a, "SELECT CONCAT_WS('|', total, quote_id,"
	    " opportunity_id) FROM contract WHERE id = ?", "i", qid),
	    arena_printf(a, "89.99|%lld|%lld", quote, qopp));
	r = http_get(b, "/contracts/%lld", qid);
	ck_assert(resp_has(r, "年度许可"));
	ck_assert(resp_has(r, "id=\"quote-total\">89.99<"));
	r = http_get(b, "/contracts/%lld/print", qid);
	ck_status(r, 200);
	ck_assert(resp_has(r, "class=\"print-doc\""));
	ck_assert(resp_has(r, "id=\"print-total\">89.99<"));
	ck_assert(resp_has(r, "Generated by"));
	ck_assert(!resp_has(r, "<nav"));
	browser_free(b);
	browser_free(dir);
	tarena_free(a);
}
END_TEST

START_TEST(instalments_must_add_up_to_the_total)
{
	struct arena	*a = tarena_new();
	struct browser	*b = it_browser(it_user(a, "k_sum", "sales_rep",
	    team_make(a, "甲"), 0), IT_PASSWORD);
	long long	 opp = opp_make(b, a, "1000", 0), id, v;
	struct inst	 thirds[3], two[2];
	struct resp	*r;
	struct post	 p;

	/* 3 x 333.33 is 999.99: a cent short, and said so. */
	thirds[0] = (struct inst){ it_day(a, 30), "333.33", "首期" };
	thirds[1] = (struct inst){ it_day(a, 60), "333.33", NULL };
	thirds[2] = (struct inst){ it_day(a, 90), "333.33", "尾款" };
	r = contract_submit(b, a, "opportunity", opp, thirds, 3);
	ck_status(r, 422);
	ck_assert(resp_has(r, "id=\"schedule-error\""));
	ck_assert(resp_has(r, "must add up exactly"));
	ck_assert(resp_has(r, "999.99"));
	ck_assert_str_eq(html_input(a, r->body, "amount_3"), "333.33");
	ck_assert_str_eq(html_input(a, r->body, "note_3"), "尾款");
	ck_assert_str_eq(html_input(a, r->body, "due_2"), it_day(a, 60));
	ck_assert_int_eq(tdb_int(-1, "SELECT COUNT(*) FROM contract"
	    " WHERE opportunity_id = ?", "i", opp), 0);
	/* A row with a note only, and a bad amount: beside each. */
	two[0] = (struct inst){ NULL, NULL, "无日期" };
	two[1] = (struct inst){ it_day(a, 10), "-5", NULL };
	r = contract_submit(b, a, "opportunity", opp, two, 2);
	ck_status(r, 422);
	ck_assert(html_field_error(r->body, "due_1"));
	ck_assert(html_field_error(r->body, "amount_1"));
	ck_assert(html_field_error(r->body, "amount_2"));
	ck_assert(!html_field_error(r->body, "due_2"));
	/* More rows: kept, nothing saved. */
	post_init(&p, b);
	post_add_int(&p, "opportunity", opp);
	contract_fields(&p, a, thirds, 3, "加行测试");
	post_add(&p, "more", "1");
	r = http_post(b, &p, "/contracts");
	ck_status(r, 200);
	ck_assert(resp_has(r, "name=\"due_8\""));
	ck_assert(!resp_has(r, "name=\"due_9\""));
	ck_assert_str_eq(html_input(a, r->body, "amount_2"), "333.33");
	ck_assert_str_eq(html_input(a, r->body, "title"), "加行测试");
	ck_assert_int_eq(tdb_int(-1, "SELECT COUNT(*) FROM contract"
	    " WHERE opportunity_id = ?", "i", opp), 0);

	/* 333.33 + 333.33 + 333.34 is exactly 1000.00. */
	thirds[2].amount = "333.34";
	r = contract_submit(b, a, "opportunity", opp, thirds, 3);
	ck_status(r, 303);
	id = it_location_id(r, "/contracts/");
	ck_assert_str_eq(tdb_str(a, "SELECT GROUP_CONCAT(amount ORDER BY"
	    " position SEPARATOR ' ') FROM contract_instalment"
	    " WHERE contract_id = ?", "i", id), "333.33 333.33 333.34");

	/* A save that does not add up keeps what was typed. */
	v = contract_version(id);
	two[0] = (struct inst){ it_day(a, 20), "400", NULL };
	two[1] = (struct inst){ it_day(a, 40), "500", NULL };
	r = contract_save(b, a, id, two, 2, v, "改后");
	ck_status(r, 422);
	ck_assert(resp_has(r, "id=\"schedule-error\""));
	ck_assert_str_eq(html_input(a, r->body, "amount_2"), "500");
	two[1].amount = "600";
	ck_redirect(contract_save(b, a, id, two, 2, v, "改后"),
	    arena_printf(a, "/contracts/%lld", id));
	ck_assert_str_eq(tdb_str(a, sql_paid_of, "i", id), "0.00 0.00");
	ck_assert_int_eq(tdb_int(-1, "SELECT COUNT(*) FROM audit_log WHERE"
	    " record_type = 'contract' AND record_id = ? AND field = 'title'"
	    " AND old_value = '年度服务合同' AND new_value = '改后'", "i", id),
	    1);
	/* The form read before that save: 409, what was typed kept. */
	two[0].amount = "100";
	two[1].amount = "900";
	r = contract_save(b, a, id, two, 2, v, "过期");
	ck_status(r, 409);
	ck_assert(resp_has(r, "Someone else saved this contract"));
	ck_assert_str_eq(html_input(a, r->body, "amount_2"), "900");
	ck_assert_str_eq(html_input(a, r->body, "version"), arena_printf(a,
	    "%lld", v + 1));
	ck_assert_str_eq(tdb_str(a, "SELECT title FROM contract WHERE id = ?",
	    "i", id), "改后");
	browser_free(b);
	tarena_free(a);
}
END_TEST

START_TEST(a_director_of_the_team_approves_but_not_their_own)
{
	struct arena	*a = tarena_new();
	const char	*team = team_make(a, "乙"), *other = team_make(a, "丙");
	struct browser	*rep = it_browser(it_user(a, "k_ap_rep", "sales_rep",
	    team, 0), IT_PASSWORD);
	struct browser	*dir = it_browser(it_user(a, "k_ap_dir",
	    "sales_director", team, 0), IT_PASSWORD);
	struct browser	*dir2 = it_browser(it_user(a, "k_ap_dir2",
	    "sales_director", team, 0), IT_PASSWORD);
	struct browser	*far = it_browser(it_user(a, "k_ap_far",
	    "sales_director", other, 0), IT_PASSWORD);
	long long	 id = contract_make(rep, a, opp_make(rep, a, "8000", 0),
	    "3000", "5000");
	const char	*page = arena_printf(a, "/contracts/%lld", id), *told;
	struct inst	 in[2];
	char		*before;
	struct resp	*r;

	/* A draft is not decided on, and a rep decides nothing. */
	ck_status(decide(dir, id, "approve", NULL), 409);
	ck_redirect(http_post_empty(rep, "%s/submit", page), page);
	ck_assert_str_eq(contract_status(a, id), "pending");
	/* Both directors of the team are told, not the other team's. */
	ck_assert_int_eq(tdb_int(-1, "SELECT COUNT(DISTINCT user_id)"
	    " FROM notification WHERE kind = 'approval' AND contract_id = ?",
	    "i", id), 2);
	told = arena_printf(a, "Contract %s (", tdb_str(a, "SELECT code"
	    " FROM contract WHERE id = ?", "i", id));
	ck_assert(resp_has(http_get(dir2, "/inbox"), told));
	ck_assert(!resp_has(http_get(far, "/inbox"), told));
	before = contract_state(a, id);
	ck_status(decide(rep, id, "approve", NULL), 403);
	/* Pending: not edited; another team's director does not see it. */
	in[0] = (struct inst){ it_day(a, 5), "8000", NULL };
	ck_status(contract_save(rep, a, id, in, 1, contract_version(id),
	    "改"), 409);
	ck_status(decide(far, id, "approve", NULL), 404);
	ck_status(http_get(far, "%s", page), 404);
	/* A rejection needs its comment. */
	r = decide(dir, id, "reject", NULL);
	ck_status(r, 422);
	ck_assert(html_field_error(r->body, "comment"));
	ck_assert_str_eq(contract_state(a, id), before);
	r = http_get(dir, "%s", page);
	ck_assert(resp_has(r, "value=\"approve\""));
	ck_redirect(decide(dir, id, "reject", "付款周期过长，请改为两期。"),
	    page);
	ck_assert_str_eq(contract_status(a, id), "rejected");
	ck_assert_int_eq(tdb_int(-1, "SELECT COUNT(*) FROM audit_log WHERE"
	    " record_type = 'contract' AND record_id = ? AND action = 'reject'"
	    " AND field = 'status' AND new_value = 'rejected'", "i", id), 1);
	r = http_get(rep, "%s", page);
	ck_assert(resp_has(r, "付款周期过长"));
	ck_assert(resp_has(r, "id=\"contract-status\">Rejected<"));

	/* Rejected: edited and submitted again, here by the director. */
	in[0] = (struct inst){ it_day(a, 15), "4000", NULL };
	in[1] = (struct inst){ it_day(a, 45), "4000", NULL };
	ck_redirect(contract_save(rep, a, id, in, 2, contract_version(id),
	    "两期"), page);
	ck_redirect(http_post_empty(dir, "%s/submit", page), page);
	ck_assert_str_eq(contract_status(a, id), "pending");
	r = http_get(dir, "%s", page);
	ck_assert(resp_has(r, "id=\"own-submission\""));
	ck_assert(!resp_has(r, "value=\"approve\""));
	r = decide(dir, id, "approve", NULL);
	ck_status(r, 403);
	ck_assert(resp_has(r, "another approver"));
	ck_assert_str_eq(contract_status(a, id), "pending");
	/* Another director of the team may. */
	ck_redirect(decide(dir2, id, "approve", "同意"), page);
	ck_assert_str_eq(contract_status(a, id), "approved");
	ck_assert_int_eq(tdb_int(-1, "SELECT COUNT(*) FROM contract_instalment"
	    " WHERE contract_id = ? AND live = 1", "i", id), 2);
	r = http_get(rep, "%s", page);
	ck_assert(resp_has(r, "Submitted for approval"));
	ck_assert(resp_has(r, "同意"));
	ck_assert(!resp_has(r, arena_printf(a, "href=\"%s/edit\"", page)));

	/* Approved: no more edits, submissions or decisions. */
	before = contract_state(a, id);
	ck_redirect(http_get(rep, "%s/edit", page), page);
	ck_status(contract_save(rep, a, id, in, 2, contract_version(id),
	    "再改"), 409);
	ck_status(http_post_empty(rep, "%s/submit", page), 409);
	ck_status(decide(dir, id, "reject", "晚了"), 409);
	ck_assert_str_eq(contract_state(a, id), before);
	browser_free(rep);
	browser_free(dir);
	browser_free(dir2);
	browser_free(far);
	tarena_free(a);
}
END_TEST

START_TEST(payments_pay_the_oldest_first_and_never_too_much)
{
	struct arena	*a = tarena_new();
	const char	*team = team_make(a, "丁");
	struct browser	*rep = it_browser(it_user(a, "k_pay_rep",
	    "sales_rep", team, 0), IT_PASSWORD);
	struct browser	*dir = it_browser(it_user(a, "k_pay_dir",
	    "sales_director", team, 0), IT_PASSWORD);
	long long	 id = contract_make(rep, a, opp_make(rep, a, "1000", 0),
	    "300", "700"), draft;
	char		*before;
	struct resp	*r;

	/* Not before it is approved. */
	ck_status(pay(rep, a, id, "100", 0), 409);
	approve(rep, dir, a, id);
	/* The later instalment first in the form: due order decides. */
	ck_assert_int_eq(tdb_exec("UPDATE contract_instalment SET due_date ="
	    " CURDATE() + INTERVAL (3 - position) * 10 DAY WHERE"
	    " contract_id = ?", "i", id), 2);
	ck_redirect(pay(rep, a, id, "750", -1), arena_printf(a,
	    "/contracts/%lld#payments", id));
	ck_assert_str_eq(tdb_str(a, sql_paid_of, "i", id), "50.00 700.00");
	ck_assert_str_eq(tdb_str(a, "SELECT paid FROM contract WHERE id = ?",
	    "i", id), "750.00");
	ck_assert_int_eq(tdb_int(-1, "SELECT COUNT(*) FROM audit_log WHERE"
	    " record_type = 'contract' AND record_id = ? AND action ="
	    " 'payment'", "i", id), 1);

	/* 250.00 is owed: 250.01 is refused beside the amount. */
	before = contract_state(a, id);
	r = pay(rep, a, id, "250.01", 0);
	ck_status(r, 422);
	ck_assert(html_field_error(r->body, "pay_amount"));
	ck_assert(resp_has(r, "more than is still owed"));
	ck_assert_str_eq(html_input(a, r->body, "pay_amount"), "250.01");
	/* Nor a date ahead, nor nothing. */
	ck_assert(html_field_error(pay(rep, a, id, "10", 1)->body,
	    "pay_date"));
	ck_status(pay(rep, a, id, "0", 0), 422);
	ck_assert_str_eq(contract_state(a, id), before);
	ck_redirect(pay(rep, a, id, "250", 0), arena_printf(a,
	    "/contracts/%lld#payments", id));
	ck_assert_str_eq(tdb_str(a, sql_paid_of, "i", id), "300.00 700.00");
	r = http_get(rep, "/contracts/%lld", id);
	ck_assert(resp_has(r, "id=\"contract-outstanding\">0.00<"));
	ck_assert(!resp_has(r, "/payments\""));
	ck_status(pay(rep, a, id, "0.01", 0), 422);

	/* A draft takes no payment. */
	draft = contract_make(rep, a, opp_make(rep, a, "10", 0), "4", "6");
	ck_status(pay(rep, a, draft, "1", 0), 409);
	ck_assert_str_eq(tdb_str(a, sql_paid_of, "i", draft), "0.00 0.00");
	browser_free(rep);
	browser_free(dir);
	tarena_free(a);
}
END_TEST

START_TEST(overdue_instalments_show_to_the_owner_and_the_director)
{
	struct arena	*a = tarena_new();
	const char	*team = team_make(a, "戊"), *other = team_make(a, "己");
	const char	*owner = it_user(a, "k_od_rep", "sales_rep", team, 0);
	const char	*mate = it_user(a, "k_od_mate", "sales_rep", team, 0);
	struct browser	*rep = it_browser(owner, IT_PASSWORD);
	struct browser	*m = it_browser(mate, IT_PASSWORD);
	struct browser	*dir = it_browser(it_user(a, "k_od_dir",
	    "sales_director", team, 0), IT_PASSWORD);
	struct browser	*far = it_browser(it_user(a, "k_od_far", "sales_rep",
	    other, 0), IT_PASSWORD);
	struct browser	*boss = it_browser(it_user(a, "k_od_boss",
	    "management", NULL, 0), IT_PASSWORD);
	long long	 id = contract_make(rep, a, opp_make(rep, a, "900", 0),
	    "400", "500");
	long long	 draft = contract_make(rep, a, opp_make(rep, a, "90", 0),
	    "40", "50");
	const char	*code = tdb_str(a, "SELECT code FROM contract"
	    " WHERE id = ?", "i", id);
	const char	*dcode = tdb_str(a, "SELECT code FROM contract"
	    " WHERE id = ?", "i", draft);
	struct resp	*r;

	approve(rep, dir, a, id);
	/* Due in the future: nothing overdue yet. */
	ck_assert(!resp_has(http_get(rep, "/home"), code));
	/* Set back: the first is overdue, unpaid, on an approved contract. */
	ck_assert_int_eq(tdb_exec(sql_due_back, "iii", 12LL, id, 1LL), 1);
	ck_assert_int_eq(tdb_exec(sql_due_back, "iii", 12LL, draft, 1LL), 1);
	r = http_get(rep, "/home");
	ck_status(r, 200);
	ck_assert(resp_has(r, "id=\"overdue\""));
	ck_assert(resp_has(r, code));
	ck_assert(resp_has(r, it_day(a, -12)));
	/* A draft's instalment is not owed yet. */
	ck_assert(!resp_has(r, dcode));
	ck_assert(resp_has(http_get(dir, "/home"), code));
	ck_assert(resp_has(http_get(boss, "/home"), "id=\"overdue\""));
	ck_assert(!resp_has(http_get(m, "/home"), code));
	ck_assert(!resp_has(http_get(far, "/home"), code));
	/* The page shows the instalment as overdue. */
	r = http_get(rep, "/contracts/%lld", id);
	ck_assert(resp_has(r, "class=\"overdue\""));

	/* The full list, by owner, and its export. */
	r = http_get(dir, "/contracts/overdue");
	ck_status(r, 200);
	ck_assert(resp_has(r, code));
	ck_assert(resp_has(r, "400.00"));
	ck_assert(!resp_has(http_get(dir, "/contracts/overdue?owner=%lld",
	    it_user_id(mate)), code));
	ck_assert(resp_has(http_get(dir, "/contracts/overdue?owner=%lld",
	    it_user_id(owner)), code));
	ck_assert(!resp_has(http_get(m, "/contracts/overdue"), code));
	r = http_get(dir, "/contracts/overdue/export");
	ck_status(r, 200);
	ck_assert(strncmp(resp_header(r, "Content-Type"), "text/csv", 8) == 0);
	ck_assert(resp_has(r, code));
	ck_assert(resp_has(r, "Days overdue"));
	ck_status(http_get(rep, "/contracts/overdue/export"), 403);

	/* Part paid: still overdue for the rest; paid in full: gone. */
	ck_status(pay(rep, a, id, "100", 0), 303);
	r = http_get(rep, "/home");
	ck_assert(resp_has(r, code));
	ck_assert(resp_has(r, "300.00"));
	ck_status(pay(rep, a, id, "300", 0), 303);
	ck_assert(!resp_has(http_get(rep, "/home"), code));
	ck_assert(!resp_has(http_get(dir, "/contracts/overdue"), code));
	browser_free(rep);
	browser_free(m);
	browser_free(dir);
	browser_free(far);
	browser_free(boss);
	tarena_free(a);
}
END_TEST

START_TEST(another_reps_contract_is_not_found)
{
	struct arena	*a = tarena_new();
	const char	*team = team_make(a, "庚");
	struct browser	*rep = it_browser(it_user(a, "k_sc_a", "sales_rep",
	    team, 0), IT_PASSWORD);
	struct browser	*b = it_browser(it_user(a, "k_sc_b", "sales_rep",
	    team, 0), IT_PASSWORD);
	struct browser	*dir = it_browser(it_user(a, "k_sc_dir",
	    "sales_director", team, 0), IT_PASSWORD);
	long long	 opp = opp_make(rep, a, "500", 0);
	long long	 id = contract_make(rep, a, opp, "200", "300");
	long long	 approved = contract_make(rep, a, opp_make(rep, a, "50",
	    0), "20", "30");
	const char	*page = arena_printf(a, "/contracts/%lld", id);
	const char	*code = tdb_str(a, "SELECT code FROM contract"
	    " WHERE id = ?", "i", id);
	struct inst	 in = { it_day(a, 9), "500", NULL };
	char		*before = contract_state(a, id), *before2;

	approve(rep, dir, a, approved);
	before2 = contract_state(a, approved);
	ck_status(http_get(b, "%s", page), 404);
	ck_status(http_get(b, "%s/print", page), 404);
	ck_status(http_get(b, "%s/edit", page), 404);
	ck_status(contract_save(b, a, id, &in, 1, contract_version(id), "x"),
	    404);
	ck_status(http_post_empty(b, "%s/submit", page), 404);
	ck_status(pay(b, a, approved, "10", 0), 404);
	ck_status(http_get(b, "/contracts/new?opportunity=%lld", opp), 404);
	ck_status(decide(b, id, "approve", NULL), 403);
	ck_assert(!resp_has(http_get(b, "/contracts"), code));
	ck_assert(resp_has(http_get(rep, "/contracts"), code));
	ck_assert(resp_has(http_get(dir, "/contracts?status=draft"), code));
	ck_assert(!resp_has(http_get(dir, "/contracts?status=approved"),
	    code));
	ck_assert_str_eq(contract_state(a, id), before);
	ck_assert_str_eq(contract_state(a, approved), before2);
	browser_free(rep);
	browser_free(b);
	browser_free(dir);
	tarena_free(a);
}
END_TEST

START_TEST(every_post_needs_the_token)
{
	struct arena	*a = tarena_new();
	const char	*team = team_make(a, "辛");
	struct browser	*rep = it_browser(it_user(a, "k_csrf_rep",
	    "sales_rep", team, 0), IT_PASSWORD);
	struct browser	*dir = it_browser(it_user(a, "k_csrf_dir",
	    "sales_director", team, 0), IT_PASSWORD);
	long long	 opp = opp_make(rep, a, "100", 0);
	long long	 id = contract_make(rep, a, opp, "40", "60");
	long long	 ok = contract_make(rep, a, opp_make(rep, a, "10", 0),
	    "4", "6");
	static const char *const routes[] = {
		"", "/submit", "/decision", "/payments", "/delete"
	};
	char		*before, *before2;
	struct post	 p;
	size_t		 i;

	approve(rep, dir, a, ok);
	before = contract_state(a, id);
	before2 = contract_state(a, ok);
	post_init_bare(&p, rep);
	post_add_int(&p, "opportunity", opp);
	contract_fields(&p, a, NULL, 0, "无令牌");
	ck_status(http_post(rep, &p, "/contracts"), 403);
	for (i = 0; i < sizeof(routes) / sizeof(routes[0]); i++) {
		post_init_bare(&p, dir);
		post_add(&p, "decision", "approve");
		post_add(&p, "pay_date", it_day(a, 0));
		post_add(&p, "pay_amount", "1");
		post_add(&p, "pay_method", "cash");
		ck_status(http_post(dir, &p, "/contracts/%lld%s", id,
		    routes[i]), 403);
		ck_status(http_post(dir, &p, "/contracts/%lld%s", ok,
		    routes[i]), 403);
	}
	ck_assert_str_eq(contract_state(a, id), before);
	ck_assert_str_eq(contract_state(a, ok), before2);
	ck_assert_int_eq(tdb_int(-1, "SELECT COUNT(*) FROM contract"
	    " WHERE opportunity_id = ?", "i", opp), 1);
	browser_free(rep);
	browser_free(dir);
	tarena_free(a);
}
END_TEST

/* Reverse payment pid of contract id with reason (NULL: none). */
static struct resp *
reverse(struct browser *b, long long id, long long pid, const char *reason)
{
	struct post	p;

	post_init(&p, b);
	if (reason != NULL)
		post_add(&p, "reason", reason);
	return http_post(b, &p, "/contracts/%lld/payments/%lld/reverse", id,
	    pid);
}

START_TEST(a_payment_recorded_by_mistake_is_reversed)
{
	struct arena	*a = tarena_new();
	const char	*team = team_make(a, "庚");
	struct browser	*rep = it_browser(it_user(a, "k_rev_rep",
	    "sales_rep", team, 0), IT_PASSWORD);
	struct browser	*dir = it_browser(it_user(a, "k_rev_dir",
	    "sales_director", team, 0), IT_PASSWORD);
	struct browser	*far = it_browser(it_user(a, "k_rev_far",
	    "sales_rep", team_make(a, "辛"), 0), IT_PASSWORD);
	long long	 id = contract_make(rep, a, opp_make(rep, a, "1000", 0),
	    "300", "700"), first, second, other;
	const char	*page = arena_printf(a, "/contracts/%lld#payments", id);
	char		*before;
	struct resp	*r;

	approve(rep, dir, a, id);
	ck_redirect(pay(rep, a, id, "200", 0), page);
	ck_redirect(pay(rep, a, id, "500", 0), page);
	first = tdb_int(-1, "SELECT MIN(id) FROM contract_payment"
	    " WHERE contract_id = ?", "i", id);
	second = tdb_int(-1, "SELECT MAX(id) FROM contract_payment"
	    " WHERE contract_id = ?", "i", id);
	ck_assert_str_eq(tdb_str(a, sql_paid_of, "i", id), "300.00 400.00");

	/* The reason is needed; the form says so beside that payment. */
	before = contract_state(a, id);
	r = reverse(rep, id, first, NULL);
	ck_status(r, 422);
	ck_assert(resp_has(r, arena_printf(a, "id=\"reverse-error-%lld\"",
	    first)));
	ck_assert(!resp_has(r, arena_printf(a, "id=\"reverse-error-%lld\"",
	    second)));
	/* Nobody outside the contract's scope reverses anything. */
	ck_status(reverse(far, id, first, "错"), 404);
	ck_assert_str_eq(contract_state(a, id), before);

	/* The first payment was 20.00, not 200.00: the sum received is now
	 * 500.00, which fills the first instalment and 200.00 of the second. */
	ck_redirect(reverse(rep, id, first, "金额录错，应为20元。"), page);
	ck_assert_str_eq(tdb_str(a, sql_paid_of, "i", id), "300.00 200.00");
	ck_assert_str_eq(tdb_str(a, "SELECT paid FROM contract WHERE id = ?",
	    "i", id), "500.00");
	ck_assert_str_eq(tdb_str(a, "SELECT CONCAT_WS('|', amount, method,"
	    " reference, note) FROM contract_payment WHERE reverses_id = ?",
	    "i", first), "-200.00|bank_transfer|BOC-20240501|金额录错，应为20元。");
	ck_assert_int_eq(tdb_int(-1, "SELECT COUNT(*) FROM audit_log WHERE"
	    " record_type = 'contract' AND record_id = ? AND action ="
	    " 'reverse' AND new_value = '金额录错，应为20元。'", "i", id), 1);
	r = http_get(rep, "/contracts/%lld", id);
	ck_assert(resp_has(r, "id=\"contract-outstanding\">500.00<"));
	ck_assert(resp_has(r, "reversed"));
	ck_assert(!resp_has(r, arena_printf(a, "/payments/%lld/reverse\"",
	    first)));
	ck_assert(resp_has(r, arena_printf(a, "/payments/%lld/reverse\"",
	    second)));

	/* Once only; a reversal is not reversed; another contract's
	 * payment is not found through this one. */
	ck_status(reverse(rep, id, first, "again"), 409);
	ck_status(reverse(rep, id, tdb_int(-1, "SELECT id FROM"
	    " contract_payment WHERE reverses_id = ?", "i", first), "x"), 404);
	other = contract_make(rep, a, opp_make(rep, a, "10", 0), "4", "6");
	approve(rep, dir, a, other);
	ck_status(reverse(rep, other, second, "x"), 404);
	ck_assert_str_eq(tdb_str(a, sql_paid_of, "i", id), "300.00 200.00");

	/* The rest reversed too: nothing paid, all owed again. */
	ck_redirect(reverse(rep, id, second, "退票"), page);
	ck_assert_str_eq(tdb_str(a, sql_paid_of, "i", id), "0.00 0.00");
	ck_assert_str_eq(tdb_str(a, "SELECT paid FROM contract WHERE id = ?",
	    "i", id), "0.00");
	browser_free(rep);
	browser_free(dir);
	browser_free(far);
	tarena_free(a);
}
END_TEST

/* The director gives opportunity opp to the user to (login). */
static struct resp *
opp_reassign(struct browser *dir, struct arena *a, long long opp,
    const char *to)
{
	struct post	p;

	post_init(&p, dir);
	post_add(&p, "name", tdb_str(a, "SELECT name FROM opportunity"
	    " WHERE id = ?", "i", opp));
	post_add(&p, "amount", tdb_str(a, "SELECT amount FROM opportunity"
	    " WHERE id = ?", "i", opp));
	post_add(&p, "expected_close", it_day(a, 30));
	post_add(&p, "lead_source", "expo");
	post_add(&p, "lead_date", it_day(a, -3));
	post_add(&p, "probability", "100");
	post_add_int(&p, "owner", it_user_id(to));
	post_add_int(&p, "version", tdb_int(-1, "SELECT version FROM"
	    " opportunity WHERE id = ?", "i", opp));
	return http_post(dir, &p, "/opportunities/%lld", opp);
}

START_TEST(a_reassigned_opportunity_takes_its_contract_along)
{
	struct arena	*a = tarena_new();
	const char	*team = team_make(a, "丁");
	const char	*from = it_user(a, "k_re_from", "sales_rep", team, 0);
	const char	*to = it_user(a, "k_re_to", "sales_rep", team, 0);
	struct browser	*old = it_browser(from, IT_PASSWORD);
	struct browser	*new = it_browser(to, IT_PASSWORD);
	struct browser	*dir = it_browser(it_user(a, "k_re_dir",
	    "sales_director", team, 0), IT_PASSWORD);
	long long	 opp = opp_make(old, a, "6000", 0);
	long long	 id = contract_make(old, a, opp, "2000", "4000");

	ck_status(http_get(new, "/contracts/%lld", id), 404);
	ck_status(opp_reassign(dir, a, opp, to), 303);
	ck_assert_int_eq(tdb_int(-1, "SELECT owner_id FROM opportunity"
	    " WHERE id = ?", "i", opp), it_user_id(to));
	ck_status(http_get(new, "/contracts/%lld", id), 200);
	ck_status(http_get(old, "/contracts/%lld", id), 404);
	ck_assert_int_eq(tdb_int(-1, "SELECT owner_id FROM contract"
	    " WHERE id = ?", "i", id), it_user_id(to));
	ck_assert_int_eq(tdb_int(-1, "SELECT COUNT(*) FROM contract_instalment"
	    " WHERE contract_id = ? AND owner_id = ?", "ii", id,
	    it_user_id(to)), 2);
	ck_assert_int_eq(tdb_int(-1, "SELECT COUNT(*) FROM audit_log"
	    " WHERE record_type = 'contract' AND record_id = ?"
	    " AND field = 'owner' AND old_value = ? AND new_value = ?", "iss",
	    id, arena_printf(a, "%lld", it_user_id(from)),
	    arena_printf(a, "%lld", it_user_id(to))), 1);
	browser_free(old);
	browser_free(new);
	browser_free(dir);
	tarena_free(a);
}
END_TEST

static Suite *
contracts_suite(void)
{
	Suite	*s = suite_create("contracts");
	TCase	*tc = it_tcase("contracts");

	tcase_add_test(tc, made_from_a_won_opportunity_or_an_accepted_quote);
	tcase_add_test(tc, instalments_must_add_up_to_the_total);
	tcase_add_test(tc, a_director_of_the_team_approves_but_not_their_own);
	tcase_add_test(tc, payments_pay_the_oldest_first_and_never_too_much);
	tcase_add_test(tc, overdue_instalments_show_to_the_owner_and_the_director);
	tcase_add_test(tc, another_reps_contract_is_not_found);
	tcase_add_test(tc, a_reassigned_opportunity_takes_its_contract_along);
	tcase_add_test(tc, a_payment_recorded_by_mistake_is_reversed);
	tcase_add_test(tc, every_post_needs_the_token);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_SUITE(contracts_suite)
