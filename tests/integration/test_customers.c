/*
 * test_customers.c - the customer profile through customers.c: create,
 * validation, edit with audit and conflicts, contacts, follow-ups and the
 * home page's due list, orders, soft delete, search, paging and sorting.
 *
 * Most tests work as a sales rep made for this run, so that the rep's own
 * scope holds nothing but this run's customers.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "dbtest.h"
#include "fixture.h"
#include "http.h"
#include "keep.h"
#include "suite.h"

#define PAGE		50
#define MAX_ROWS	2000

static const char sql_contact_id[] =
    "SELECT id FROM contact WHERE mobile = ?";
static const char sql_contact_key[] =
    "SELECT is_key FROM contact WHERE id = ?";
static const char sql_key_count[] =
    "SELECT COUNT(*) FROM contact WHERE customer_id = ? AND is_key = 1";
static const char sql_contact_count[] =
    "SELECT COUNT(*) FROM contact WHERE customer_id = ?";
static const char sql_last_followup[] =
    "SELECT MAX(id) FROM followup WHERE customer_id = ?";
static const char sql_now_local[] =
    "SELECT DATE_FORMAT(NOW(), '%Y-%m-%dT%H:%i')";

/* The sales rep of this run, signed in afresh. */
static struct browser *
rep(struct arena *a)
{
	return it_browser(it_user(a, "rep", "sales_rep", "华东销售部", 0),
	    IT_PASSWORD);
}

static struct resp *
page(struct browser *b, const char *path, long long id)
{
	struct resp	*r = http_get(b, "%s/%lld", path, id);

	ck_status(r, 200);
	return r;
}

static struct resp *
home(struct browser *b)
{
	struct resp	*r = http_get(b, "/home");

	ck_status(r, 200);
	return r;
}

/* GET /customers?q=term: whether customer id is among the rows. */
static int
search_finds(struct browser *b, const char *term, long long id)
{
	struct resp	*r;

	r = http_get(b, "/customers?q=%s", http_escape(b->arena, term));
	ck_status(r, 200);
	return html_has_id(r->body, id);
}

static size_t
search_rows(struct browser *b, const char *term)
{
	long long	 ids[PAGE + 1];
	struct resp	*r;

	r = http_get(b, "/customers?q=%s", http_escape(b->arena, term));
	ck_status(r, 200);
	return html_ids(r->body, ids, PAGE + 1);
}

/* POST a sub-form of customer id: /customers/ID<what>. */
static struct resp *
post_to(struct browser *b, struct post *p, long long id, const char *what)
{
	return http_post(b, p, "/customers/%lld%s", id, what);
}

static struct resp *
add_contact(struct browser *b, long long id, const char *name,
    const char *mobile, int key)
{
	struct post	p;

	post_init(&p, b);
	post_add(&p, "contact_name", name);
	post_add(&p, "contact_title", "工程师");
	post_add(&p, "contact_mobile", mobile);
	post_add(&p, "contact_email", "");
	if (key)
		post_add(&p, "contact_key", "1");
	return post_to(b, &p, id, "/contacts");
}

/* POST /customers/ID/contacts/CID/<action>. */
static struct resp *
contact_action(struct browser *b, long long id, long long cid,
    const char *action)
{
	struct post	p;

	post_init(&p, b);
	return http_post(b, &p, "/customers/%lld/contacts/%lld/%s", id, cid,
	    action);
}

static struct resp *
add_followup(struct browser *b, long long id, const char *at,
    const char *content, const char *due)
{
	struct post	p;

	post_init(&p, b);
	post_add(&p, "fu_at", at);
	post_add(&p, "fu_method", "visit");
	post_add(&p, "fu_content", content);
	post_add(&p, "fu_action", "quote");
	post_add(&p, "fu_due", due);
	return post_to(b, &p, id, "/followups");
}

static struct resp *
add_order(struct browser *b, long long id, const char *amount,
    const char *note)
{
	struct post	p;

	post_init(&p, b);
	post_add(&p, "order_date", "2026-10-01");
	post_add(&p, "order_amount", amount);
	post_add(&p, "order_margin", "12.5");
	post_add(&p, "order_note", note);
	return post_to(b, &p, id, "/orders");
}

static char *
expect_to(struct arena *a, long long id, const char *anchor)
{
	return arena_printf(a, "/customers/%lld%s", id, anchor);
}

START_TEST(create_gives_code_and_detail)
{
	struct arena	*a = tarena_new();
	struct browser	*b = rep(a);
	const char	*name = "华东测试科技有限公司";
	const char	*mobile = it_mobile(a);
	long long	 id = it_customer(b, name, mobile);
	char		*code, year[8];
	time_t		 now = time(NULL);
	struct tm	 tm;
	struct resp	*r;

	code = tdb_str(a, "SELECT code FROM customer WHERE id = ?", "i", id);
	ck_assert_ptr_nonnull(code);
	ck_assert_msg(it_matches(code, CODE_PATTERN), "code %s", code);
	localtime_r(&now, &tm);
	strftime(year, sizeof(year), "%Y", &tm);
	ck_assert_int_eq(strncmp(code + 3, year, 4), 0);
	ck_assert_str_eq(tdb_str(a, "SELECT name FROM customer WHERE id = ?",
	    "i", id), name);
	ck_assert_int_eq(tdb_int(-1, "SELECT owner_id FROM customer"
	    " WHERE id = ?", "i", id), it_user_id(it_user(a, "rep",
	    "sales_rep", "华东销售部", 0)));
	ck_assert_int_eq(tdb_int(-1, "SELECT c.team_id = t.id FROM customer c,"
	    " team t WHERE c.id = ? AND t.name = '华东销售部'", "i", id), 1);
	ck_assert_int_eq(tdb_int(-1, "SELECT is_key FROM contact"
	    " WHERE customer_id = ? AND mobile = ?", "is", id, mobile), 1);
	ck_assert_str_eq(tdb_str(a, "SELECT GROUP_CONCAT(product) FROM"
	    " customer_need WHERE customer_id = ?", "i", id), "erp");
	ck_assert_int_eq(it_audit_count(id, "create", "code", NULL, code), 1);

	r = page(b, "/customers", id);
	ck_assert(resp_has(r, name));
	ck_assert(resp_has(r, code));
	ck_assert(resp_has(r, mobile));
	ck_assert(resp_has(r, "ERP system"));
	ck_assert(resp_has(r, "Manufacturing"));
	ck_assert(resp_has(r, "key decision maker"));
	browser_free(b);
	tarena_free(a);
}
END_TEST

START_TEST(invalid_form_keeps_input)
{
	struct arena	*a = tarena_new();
	struct browser	*b = rep(a);
	const char	*who = arena_printf(a, "联系人%s", it_unique(a));
	const char	*where = arena_printf(a, "杭州市%s", it_unique(a));
	struct cust	 c;
	struct resp	*r;

	it_cust_defaults(&c, "", "12345");
	c.contact_name = who;
	c.address = where;
	r = it_cust_submit(b, &c);
	ck_status(r, 422);
	ck_assert(html_field_error(r->body, "name"));
	ck_assert(html_field_error(r->body, "contact_mobile"));
	ck_assert(!html_field_error(r->body, "industry"));
	ck_assert(!html_field_error(r->body, "contact_name"));
	ck_assert(resp_has(r, "This field is required."));
	ck_assert(resp_has(r, "Please enter a mainland mobile number"));
	ck_assert_str_eq(html_input(a, r->body, "contact_mobile"), "12345");
	ck_assert_str_eq(html_input(a, r->body, "contact_name"), who);
	ck_assert_str_eq(html_input(a, r->body, "address"), where);
	ck_assert(resp_has(r, "<option value=\"manufacturing\" selected>"));
	ck_assert(resp_has(r, "value=\"erp\" checked"));
	ck_assert_int_eq(tdb_int(-1, "SELECT COUNT(*) FROM contact"
	    " WHERE name = ?", "s", who), 0);

	/* A wrong choice code is an error too, never stored. */
	it_cust_defaults(&c, arena_printf(a, "客户%s", it_unique(a)),
	    it_mobile(a));
	c.industry = "no_such_industry";
	r = it_cust_submit(b, &c);
	ck_status(r, 422);
	ck_assert(html_field_error(r->body, "industry"));
	ck_assert_int_eq(tdb_int(-1, "SELECT COUNT(*) FROM customer"
	    " WHERE name = ?", "s", c.name), 0);
	browser_free(b);
	tarena_free(a);
}
END_TEST

START_TEST(duplicate_mobile_is_refused)
{
	struct arena	*a = tarena_new();
	struct browser	*b = rep(a);
	const char	*mobile = it_mobile(a);
	struct cust	 c;
	struct resp	*r;

	it_customer(b, arena_printf(a, "先来公司%s", it_unique(a)), mobile);
	/* The same number written another way is the same number. */
	it_cust_defaults(&c, arena_printf(a, "后到公司%s", it_unique(a)),
	    arena_printf(a, "+86 %.3s-%.4s-%s", mobile, mobile + 3,
	    mobile + 7));
	r = it_cust_submit(b, &c);
	ck_status(r, 422);
	ck_assert(html_field_error(r->body, "contact_mobile"));
	ck_assert(resp_has(r, "already belongs to another contact"));
	ck_assert_str_eq(html_input(a, r->body, "name"), c.name);
	ck_assert_int_eq(tdb_int(-1, "SELECT COUNT(*) FROM customer"
	    " WHERE name = ?", "s", c.name), 0);
	ck_assert_int_eq(tdb_int(-1, "SELECT COUNT(*) FROM contact"
	    " WHERE mobile = ?", "s", mobile), 1);
	browser_free(b);
	tarena_free(a);
}
END_TEST

START_TEST(edit_is_audited_and_conflicts_detected)
{
	struct arena	*a = tarena_new();
	struct browser	*b = rep(a);
	const char	*old = arena_printf(a, "旧名称%s", it_unique(a));
	long long	 id = it_customer(b, old, it_mobile(a));
	const char	*version, *state;
	struct cust	 c;
	struct resp	*r;

	r = http_get(b, "/customers/%lld/edit", id);
	ck_status(r, 200);
	ck_assert_str_eq(html_input(a, r->body, "name"), old);
	version = html_input(a, r->body, "version");
	ck_assert_ptr_nonnull(version);
	ck_assert_str_eq(version, "1");

	it_cust_defaults(&c, arena_printf(a, "新名称%s", it_unique(a)), NULL);
	c.contact_name = c.contact_title = c.contact_email = NULL;
	c.grade = "strategic";
	c.address = "南京市鼓楼区中山路1号";
	ck_redirect(it_cust_edit(b, id, &c, version), expect_to(a, id, ""));
	ck_assert_str_eq(tdb_str(a, "SELECT name FROM customer WHERE id = ?",
	    "i", id), c.name);
	ck_assert_int_eq(tdb_int(-1, "SELECT version FROM customer"
	    " WHERE id = ?", "i", id), 2);
	ck_assert_int_eq(it_audit_count(id, "update", "name", old, c.name), 1);
	ck_assert_int_eq(it_audit_count(id, "update", "grade", "key",
	    "strategic"), 1);
	ck_assert_int_eq(it_audit_count(id, "update", "address",
	    "上海市浦东新区张江路88号", c.address), 1);
	ck_assert_int_eq(it_audit_count(id, "update", "industry", NULL, NULL),
	    0);
	ck_assert(resp_has(page(b, "/customers", id), "南京市鼓楼区中山路1号"));
	/* The history names each change by its label, not its code. */
	ck_assert(resp_has(page(b, "/customers", id),
	    arena_printf(a, "<td>Changed</td><td>name</td><td>%s</td>", old)));

	/* A save based on version 1 comes too late now. */
	state = it_customer_state(a, id);
	c.name = arena_printf(a, "过时名称%s", it_unique(a));
	r = it_cust_edit(b, id, &c, version);
	ck_assert_msg(r->status == 409 || r->status == 422,
	    "stale save: HTTP %d", r->status);
	ck_assert(resp_has(r, "Someone else saved this customer"));
	ck_assert_str_eq(html_input(a, r->body, "name"), c.name);
	ck_assert_str_eq(html_input(a, r->body, "version"), "2");
	ck_assert_str_eq(it_customer_state(a, id), state);
	browser_free(b);
	tarena_free(a);
}
END_TEST

START_TEST(saving_unchanged_form_audits_nothing)
{
	struct arena	*a = tarena_new();
	struct browser	*b = rep(a);
	struct cust	 c;
	long long	 id;
	struct resp	*r;

	/* Checkboxes arrive in the order of the form: by the list's sort. */
	it_cust_defaults(&c, arena_printf(a, "原样保存%s", it_unique(a)),
	    it_mobile(a));
	c.products = "crm_suite,erp,cloud_hosting";
	r = it_cust_submit(b, &c);
	ck_status(r, 303);
	id = it_location_id(r, "/customers/");
	c.contact_name = c.contact_title = c.contact_mobile = NULL;
	c.contact_email = NULL;
	ck_redirect(it_cust_edit(b, id, &c, "1"), expect_to(a, id, ""));
	ck_assert_int_eq(tdb_int(-1, "SELECT COUNT(*) FROM customer_need"
	    " WHERE customer_id = ?", "i", id), 3);
	ck_assert_msg(it_audit_count(id, "update", NULL, NULL, NULL) == 0,
	    "unchanged save audited: %s", tdb_str(a, "SELECT GROUP_CONCAT("
	    "field, ': ', old_value, ' -> ', new_value) FROM audit_log"
	    " WHERE record_type = 'customer' AND record_id = ?"
	    " AND action = 'update'", "i", id));
	browser_free(b);
	tarena_free(a);
}
END_TEST

START_TEST(contacts_keep_one_key_decision_maker)
{
	struct arena	*a = tarena_new();
	struct browser	*b = rep(a);
	const char	*m1 = it_mobile(a), *m2 = it_mobile(a);
	const char	*m3 = it_mobile(a), *m4 = it_mobile(a);
	long long	 id, other, k1, k2, k3, k4;
	char		*state;
	struct resp	*r;

	id = it_customer(b, arena_printf(a, "联系人公司%s", it_unique(a)), m1);
	other = it_customer(b, arena_printf(a, "别家公司%s", it_unique(a)), m4);
	k1 = tdb_int(-1, sql_contact_id, "s", m1);
	k4 = tdb_int(-1, sql_contact_id, "s", m4);

	ck_redirect(add_contact(b, id, "李四", m2, 0),
	    expect_to(a, id, "#contacts"));
	k2 = tdb_int(-1, sql_contact_id, "s", m2);
	ck_assert_int_eq(tdb_int(-1, sql_contact_key, "i", k1), 1);
	ck_assert_int_eq(tdb_int(-1, sql_contact_key, "i", k2), 0);

	/* The key decision maker cannot go. */
	r = contact_action(b, id, k1, "delete");
	ck_status(r, 422);
	ck_assert(resp_has(r, "cannot be deleted"));
	ck_assert_int_eq(tdb_int(-1, sql_contact_count, "i", id), 2);

	/* A new key contact takes the role over. */
	ck_redirect(add_contact(b, id, "王五", m3, 1),
	    expect_to(a, id, "#contacts"));
	k3 = tdb_int(-1, sql_contact_id, "s", m3);
	ck_assert_int_eq(tdb_int(-1, sql_contact_key, "i", k3), 1);
	ck_assert_int_eq(tdb_int(-1, sql_key_count, "i", id), 1);
	ck_redirect(contact_action(b, id, k2, "key"),
	    expect_to(a, id, "#contacts"));
	ck_assert_int_eq(tdb_int(-1, sql_contact_key, "i", k2), 1);
	ck_assert_int_eq(tdb_int(-1, sql_key_count, "i", id), 1);

	/* A former key contact can go now. */
	ck_redirect(contact_action(b, id, k1, "delete"),
	    expect_to(a, id, "#contacts"));
	ck_assert_int_eq(tdb_int(-1, sql_contact_count, "i", id), 2);
	ck_assert_int_eq(tdb_int(-1, sql_contact_id, "s", m1), -1);
	ck_status(contact_action(b, id, k2, "delete"), 422);

	/* Another customer's contact is not reachable through this one. */
	state = it_customer_state(a, other);
	ck_status(contact_action(b, id, k4, "key"), 404);
	ck_status(contact_action(b, id, k4, "delete"), 404);
	ck_assert_str_eq(it_customer_state(a, other), state);
	ck_assert_int_eq(tdb_int(-1, sql_contact_key, "i", k2), 1);

	/* A mobile number belongs to one contact only. */
	r = add_contact(b, id, "重复", m4, 0);
	ck_status(r, 422);
	ck_assert(html_field_error(r->body, "contact_mobile"));
	ck_assert_int_eq(tdb_int(-1, sql_contact_count, "i", id), 2);

	ck_assert_int_eq(it_audit_count(id, "contact_add", NULL, NULL, NULL),
	    2);
	ck_assert_int_eq(it_audit_count(id, "contact_key", NULL, NULL, NULL),
	    1);
	ck_assert_int_eq(it_audit_count(id, "contact_delete", NULL, NULL,
	    NULL), 1);
	browser_free(b);
	tarena_free(a);
}
END_TEST

START_TEST(contact_edit_is_audited)
{
	struct arena	*a = tarena_new();
	struct browser	*b = rep(a);
	const char	*m1 = it_mobile(a), *m2 = it_mobile(a);
	const char	*m3 = it_mobile(a);
	long long	 id, k1;
	struct post	 p;
	struct resp	*r;

	id = it_customer(b, arena_printf(a, "改联系人公司%s", it_unique(a)), m1);
	it_customer(b, arena_printf(a, "占号公司%s", it_unique(a)), m3);
	k1 = tdb_int(-1, sql_contact_id, "s", m1);
	r = http_get(b, "/customers/%lld/contacts/%lld/edit", id, k1);
	ck_status(r, 200);
	ck_assert_str_eq(html_input(a, r->body, "contact_mobile"), m1);
	ck_assert_str_eq(html_input(a, r->body, "contact_name"), "王小明");

	post_init(&p, b);
	post_add(&p, "contact_name", "王大明");
	post_add(&p, "contact_title", "总经理");
	post_add(&p, "contact_mobile", m2);
	post_add(&p, "contact_email", "");
	ck_redirect(http_post(b, &p, "/customers/%lld/contacts/%lld", id, k1),
	    expect_to(a, id, "#contacts"));
	ck_assert_str_eq(tdb_str(a, "SELECT CONCAT(name, '|', title, '|',"
	    " mobile, '|', is_key) FROM contact WHERE id = ?", "i", k1),
	    arena_printf(a, "王大明|总经理|%s|1", m2));
	ck_assert_int_eq(it_audit_count(id, "update", "contact_name", "王小明",
	    "王大明"), 1);
	ck_assert_int_eq(it_audit_count(id, "update", "contact_mobile", m1,
	    m2), 1);

	/* Someone else's number is refused beside the field. */
	post_init(&p, b);
	post_add(&p, "contact_name", "王大明");
	post_add(&p, "contact_mobile", m3);
	r = http_post(b, &p, "/customers/%lld/contacts/%lld", id, k1);
	ck_status(r, 422);
	ck_assert(html_field_error(r->body, "contact_mobile"));
	ck_assert_str_eq(tdb_str(a, "SELECT mobile FROM contact WHERE id = ?",
	    "i", k1), m2);
	browser_free(b);
	tarena_free(a);
}
END_TEST

START_TEST(followup_due_shows_on_home_until_done)
{
	struct arena	*a = tarena_new();
	struct browser	*b = rep(a);
	long long	 id, first, fid;
	const char	*now = tdb_str(a, sql_now_local, "");
	const char	*content = arena_printf(a, "回访记录%s", it_unique(a));
	struct resp	*r;

	id = it_customer(b, arena_printf(a, "回访公司%s", it_unique(a)),
	    it_mobile(a));
	/* Due next week: not on the home page yet. */
	ck_redirect(add_followup(b, id, now, "第一次拜访", it_day(a, 7)),
	    expect_to(a, id, "#followups"));
	first = tdb_int(-1, sql_last_followup, "i", id);
	ck_assert(!html_has_id(home(b)->body, id));
	ck_assert_int_eq(tdb_int(-1, "SELECT last_followup_at IS NOT NULL"
	    " FROM customer WHERE id = ?", "i", id), 1);

	/* Due today: listed; the new one answers the open one. */
	ck_redirect(add_followup(b, id, now, content, it_day(a, 0)),
	    expect_to(a, id, "#followups"));
	fid = tdb_int(-1, sql_last_followup, "i", id);
	ck_assert_int_ne(fid, first);
	ck_assert_int_eq(tdb_int(-1, "SELECT done FROM followup WHERE id = ?",
	    "i", first), 1);
	r = home(b);
	ck_assert_msg(html_has_id(r->body, id), "customer %lld not due", id);
	ck_assert(resp_has(page(b, "/customers", id), content));
	browser_free(b);
	tarena_free(a);
}
END_TEST

START_TEST(followup_done_leaves_home)
{
	struct arena	*a = tarena_new();
	struct browser	*b = rep(a);
	long long	 id, fid;
	const char	*now = tdb_str(a, sql_now_local, "");
	struct post	 p;
	struct resp	*r;

	id = it_customer(b, arena_printf(a, "完成公司%s", it_unique(a)),
	    it_mobile(a));
	ck_redirect(add_followup(b, id, now, "电话沟通", it_day(a, -1)),
	    expect_to(a, id, "#followups"));
	fid = tdb_int(-1, sql_last_followup, "i", id);
	r = home(b);
	ck_assert(html_has_id(r->body, id));
	ck_assert(resp_has(r, "overdue"));
	post_init(&p, b);
	ck_redirect(http_post(b, &p, "/customers/%lld/followups/%lld/done",
	    id, fid), expect_to(a, id, "#followups"));
	ck_assert_int_eq(tdb_int(-1, "SELECT done FROM followup WHERE id = ?",
	    "i", fid), 1);
	ck_assert(!html_has_id(home(b)->body, id));
	ck_assert_int_eq(it_audit_count(id, "followup_done", NULL, NULL, NULL),
	    1);
	/* A follow-up with a broken time is refused beside the field. */
	r = add_followup(b, id, "2026-13-01T10:00", "坏时间", it_day(a, 0));
	ck_status(r, 422);
	ck_assert(html_field_error(r->body, "fu_at"));
	ck_assert_int_eq(tdb_int(-1, sql_last_followup, "i", id), fid);
	browser_free(b);
	tarena_free(a);
}
END_TEST

START_TEST(orders_update_totals)
{
	struct arena	*a = tarena_new();
	struct browser	*b = rep(a);
	long long	 id;
	struct resp	*r;

	id = it_customer(b, arena_printf(a, "订单公司%s", it_unique(a)),
	    it_mobile(a));
	ck_redirect(add_order(b, id, "1000.50", "首单"),
	    expect_to(a, id, "#orders"));
	ck_redirect(add_order(b, id, "2,000", "续约"),
	    expect_to(a, id, "#orders"));
	ck_assert_int_eq(tdb_int(-1, "SELECT order_count FROM customer"
	    " WHERE id = ?", "i", id), 2);
	ck_assert_str_eq(tdb_str(a, "SELECT order_total FROM customer"
	    " WHERE id = ?", "i", id), "3000.50");
	ck_assert_str_eq(tdb_str(a, "SELECT SUM(amount) FROM customer_order"
	    " WHERE customer_id = ?", "i", id), "3000.50");
	r = page(b, "/customers", id);
	ck_assert(resp_has(r, "<dd>3000.50</dd>"));
	ck_assert(resp_has(r, "<dd>1500.25</dd>"));
	ck_assert(resp_has(r, "<dd>2</dd>"));
	ck_assert_int_eq(it_audit_count(id, "order_add", NULL, NULL, NULL), 2);

	r = add_order(b, id, "12abc", "坏金额");
	ck_status(r, 422);
	ck_assert(html_field_error(r->body, "order_amount"));
	ck_assert_int_eq(tdb_int(-1, "SELECT order_count FROM customer"
	    " WHERE id = ?", "i", id), 2);
	browser_free(b);
	tarena_free(a);
}
END_TEST

START_TEST(soft_delete_hides_but_keeps)
{
	struct arena	*a = tarena_new();
	struct browser	*b = it_browser(it_user(a, "dir", "sales_director",
			    "华东销售部", 0), IT_PASSWORD);
	const char	*mobile = it_mobile(a);
	long long	 id;
	const char	*code;
	struct post	 p;

	id = it_customer(b, arena_printf(a, "删除公司%s", it_unique(a)), mobile);
	code = tdb_str(a, "SELECT code FROM customer WHERE id = ?", "i", id);
	ck_assert(search_finds(b, code, id));
	/* GET never deletes. */
	ck_status(http_get(b, "/customers/%lld/delete", id), 405);
	ck_status(http_get(b, "/customers/%lld", id), 200);

	post_init(&p, b);
	ck_redirect(post_to(b, &p, id, "/delete"), "/customers");
	ck_status(http_get(b, "/customers/%lld", id), 404);
	ck_status(http_get(b, "/customers/%lld/edit", id), 404);
	ck_status(post_to(b, &p, id, "/delete"), 404);
	ck_status(add_contact(b, id, "迟到", it_mobile(a), 0), 404);
	ck_assert(!search_finds(b, code, id));
	ck_assert(!search_finds(b, mobile, id));
	ck_assert_int_eq(tdb_int(-1, "SELECT deleted_at IS NOT NULL"
	    " FROM customer WHERE id = ?", "i", id), 1);
	ck_assert_int_eq(tdb_int(-1, sql_contact_count, "i", id), 1);
	ck_assert_int_eq(it_audit_count(id, "delete", NULL, code, NULL), 1);
	browser_free(b);
	tarena_free(a);
}
END_TEST

START_TEST(search_by_name_code_and_mobile)
{
	struct arena	*a = tarena_new();
	struct browser	*b = rep(a);
	const char	*u = it_unique(a);
	const char	*mobile = it_mobile(a);
	const char	*name, *code;
	char		*upper;
	long long	 id;
	size_t		 i;

	name = arena_printf(a, "华东测试科技有限公司 Kx%sVw", u);
	id = it_customer(b, name, mobile);
	code = tdb_str(a, "SELECT code FROM customer WHERE id = ?", "i", id);

	ck_assert(search_finds(b, "测试", id));
	ck_assert(search_finds(b, "测", id));
	ck_assert(search_finds(b, "东测试科", id));
	ck_assert(search_finds(b, "有限", id));
	/* Latin: part of a word, any case. */
	ck_assert(search_finds(b, u, id));
	ck_assert_uint_eq(search_rows(b, u), 1);
	upper = arena_strdup(a, u);
	for (i = 0; upper[i] != '\0'; i++)
		if (upper[i] >= 'a' && upper[i] <= 'z')
			upper[i] = (char)(upper[i] - 'a' + 'A');
	ck_assert(search_finds(b, upper, id));
	ck_assert(search_finds(b, arena_printf(a, "x%sv", u), id));
	ck_assert(!search_finds(b, arena_printf(a, "%sQz", u), id));
	/* The code, whole or its start, in either case. */
	ck_assert(search_finds(b, code, id));
	ck_assert_uint_eq(search_rows(b, code), 1);
	ck_assert(search_finds(b, "crm", id));
	/* The mobile, whole, with +86, or its first digits. */
	ck_assert(search_finds(b, mobile, id));
	ck_assert(search_finds(b, arena_printf(a, "+86%s", mobile), id));
	ck_assert(search_finds(b, arena_printf(a, "%.7s", mobile), id));
	ck_assert(!search_finds(b, "19999999999", id));
	browser_free(b);
	tarena_free(a);
}
END_TEST

/*
 * A term of several words finds the names that hold it whole: the rarest
 * word drives, a second is checked on the way, LIKE decides.
 */
START_TEST(search_by_several_words)
{
	struct arena	*a = tarena_new();
	struct browser	*b = rep(a);
	const char	*u = it_unique(a);
	long long	 both, first, other;

	both = it_customer(b, arena_printf(a, "Zeta%s Omega%s Trading", u, u),
	    it_mobile(a));
	first = it_customer(b, arena_printf(a, "Zeta%s Delta", u),
	    it_mobile(a));
	other = it_customer(b, arena_printf(a, "Omega%s Zeta%s", u, u),
	    it_mobile(a));

	ck_assert(search_finds(b, arena_printf(a, "Zeta%s Omega%s", u, u),
	    both));
	ck_assert_uint_eq(search_rows(b, arena_printf(a, "Zeta%s Omega%s", u,
	    u)), 1);
	/* The first word from its middle, the last to its middle. */
	ck_assert(search_finds(b, arena_printf(a, "ta%s Ome", u), both));
	ck_assert(!search_finds(b, arena_printf(a, "ta%s Ome", u), first));
	ck_assert(!search_finds(b, arena_printf(a, "ta%s Ome", u), other));
	ck_assert(search_finds(b, arena_printf(a, "Omega%s Zeta", u), other));
	ck_assert_uint_eq(search_rows(b, arena_printf(a, "Omega%s Zeta", u)),
	    1);
	ck_assert(search_finds(b, arena_printf(a, "%s Omega%s trad", u, u),
	    both));
	ck_assert(!search_finds(b, arena_printf(a, "Zeta%s Omega%s Delta", u,
	    u), both));
	browser_free(b);
	tarena_free(a);
}
END_TEST

/*
 * Walk up to npages pages of path as demo rep1, following the "next"
 * links, and compare every row with the ids the database gives in the
 * same order (sql takes rep1's id).
 */
static void
pages_match(const char *path, const char *sql, int npages)
{
	struct arena	*a = tarena_new();
	struct browser	*b = it_demo(&demo_rep1);
	long long	*want = arena_calloc(a, MAX_ROWS, sizeof(*want));
	long long	 got[PAGE + 1];
	size_t		 nwant, n, off = 0, i;
	const char	*next = path;
	struct resp	*r;
	int		 pages;

	nwant = tdb_ints(want, MAX_ROWS, sql, "i", it_user_id("rep1"));
	ck_assert_msg(nwant > PAGE, "rep1 has only %zu customers", nwant);
	for (pages = 0; pages < npages && next != NULL; pages++) {
		r = http_get(b, "%s", next);
		ck_status(r, 200);
		n = html_ids(r->body, got, PAGE + 1);
		for (i = 0; i < n && off + i < nwant; i++)
			ck_assert_msg(got[i] == want[off + i], "%s page %d row"
			    " %zu: customer %lld, expected %lld", path,
			    pages + 1, i + 1, got[i], want[off + i]);
		ck_assert_msg(n == (nwant - off < PAGE ? nwant - off : PAGE),
		    "%s page %d: %zu rows, expected %zu", path, pages + 1, n,
		    nwant - off < PAGE ? nwant - off : PAGE);
		off += n;
		next = html_next(a, r->body);
		ck_assert_msg((next != NULL) == (off < nwant),
		    "page %d: next link %s with %zu of %zu rows shown",
		    pages + 1, next ? next : "missing", off, nwant);
	}
	ck_assert_uint_ge(off, npages > 1 ? PAGE + 1 : PAGE);
	browser_free(b);
	tarena_free(a);
}

static const char sql_by_name[] =
    "SELECT id FROM customer WHERE owner_id = ? AND deleted_at IS NULL"
    " ORDER BY name_sort, id";
static const char sql_by_code_desc[] =
    "SELECT id FROM customer WHERE owner_id = ? AND deleted_at IS NULL"
    " ORDER BY code DESC, id DESC";
static const char sql_by_created[] =
    "SELECT id FROM customer WHERE owner_id = ? AND deleted_at IS NULL"
    " ORDER BY created_at, id";

START_TEST(sorted_by_name_and_code)
{
	pages_match("/customers", sql_by_name, 1);
	pages_match("/customers?sort=code&dir=desc", sql_by_code_desc, 1);
	pages_match("/customers?sort=created&dir=asc", sql_by_created, 1);
}
END_TEST

START_TEST(paging_by_name_has_no_overlap)
{
	pages_match("/customers", sql_by_name, 3);
}
END_TEST

START_TEST(paging_by_code_descending)
{
	pages_match("/customers?sort=code&dir=desc", sql_by_code_desc, 3);
}
END_TEST

START_TEST(paging_by_created)
{
	pages_match("/customers?sort=created&dir=asc", sql_by_created, 3);
}
END_TEST

static Suite *
customers_suite(void)
{
	Suite	*s = suite_create("customers");
	TCase	*tc;

	tc = it_tcase("create");
	tcase_add_test(tc, create_gives_code_and_detail);
	tcase_add_test(tc, invalid_form_keeps_input);
	tcase_add_test(tc, duplicate_mobile_is_refused);
	suite_add_tcase(s, tc);

	tc = it_tcase("edit");
	tcase_add_test(tc, edit_is_audited_and_conflicts_detected);
	tcase_add_test(tc, saving_unchanged_form_audits_nothing);
	tcase_add_test(tc, soft_delete_hides_but_keeps);
	suite_add_tcase(s, tc);

	tc = it_tcase("related");
	tcase_add_test(tc, contacts_keep_one_key_decision_maker);
	tcase_add_test(tc, contact_edit_is_audited);
	tcase_add_test(tc, followup_due_shows_on_home_until_done);
	tcase_add_test(tc, followup_done_leaves_home);
	tcase_add_test(tc, orders_update_totals);
	suite_add_tcase(s, tc);

	tc = it_tcase("list");
	tcase_add_test(tc, search_by_name_code_and_mobile);
	tcase_add_test(tc, search_by_several_words);
	tcase_add_test(tc, sorted_by_name_and_code);
	tcase_add_test(tc, paging_by_name_has_no_overlap);
	tcase_add_test(tc, paging_by_code_descending);
	tcase_add_test(tc, paging_by_created);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_SUITE(customers_suite)
