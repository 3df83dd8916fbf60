/*
 * test_scope.c - who may see and change which customer: own, team and
 * all scopes, the route permission check, and 404 rather than 403 for
 * records out of scope, with the database left as it was.
 */
#include <string.h>

#include "arena.h"
#include "dbtest.h"
#include "fixture.h"
#include "http.h"
#include "keep.h"
#include "suite.h"

#define NO_SUCH_CUSTOMER	999999999LL

/* A demo customer of one owner, with a contact and a follow-up. */
struct target {
	long long	 id, contact, followup;
	const char	*name;
	const char	*version;
};

static void
target_of(struct arena *a, const char *owner, struct target *t)
{
	t->id = tdb_int(-1, "SELECT c.id FROM customer c JOIN app_user u"
	    " ON u.id = c.owner_id WHERE u.login = ? AND c.deleted_at IS NULL"
	    " AND EXISTS (SELECT 1 FROM followup f WHERE f.customer_id = c.id)"
	    " AND EXISTS (SELECT 1 FROM contact k WHERE k.customer_id = c.id)"
	    " ORDER BY c.id LIMIT 1", "s", owner);
	ck_assert_msg(t->id > 0, "no demo customer of %s", owner);
	t->contact = tdb_int(-1, "SELECT id FROM contact WHERE customer_id = ?"
	    " ORDER BY is_key, id LIMIT 1", "i", t->id);
	t->followup = tdb_int(-1, "SELECT id FROM followup"
	    " WHERE customer_id = ? ORDER BY done, id LIMIT 1", "i", t->id);
	t->name = tdb_str(a, "SELECT name FROM customer WHERE id = ?", "i",
	    t->id);
	t->version = tdb_str(a, "SELECT version FROM customer WHERE id = ?",
	    "i", t->id);
}

/* Whether a search for the customer's exact name lists it. */
static int
listed(struct browser *b, const struct target *t)
{
	struct resp	*r;

	r = http_get(b, "/customers?q=%s", http_escape(b->arena, t->name));
	ck_status(r, 200);
	return html_has_id(r->body, t->id);
}

/* A form-less POST (delete, make key, done) to path. */
static struct resp *
post_path(struct browser *b, const char *path)
{
	struct post	p;

	post_init(&p, b);
	return http_post(b, &p, "%s", path);
}

/* Save the edit form of customer id; owner NULL leaves it out. */
static struct resp *
post_edit(struct browser *b, long long id, const char *version,
    const char *owner)
{
	struct cust	c;
	struct post	p;

	it_cust_defaults(&c, "越权修改", NULL);
	c.contact_name = c.contact_title = c.contact_email = NULL;
	c.owner = owner;
	post_init(&p, b);
	it_cust_post(&p, &c);
	post_add(&p, "version", version);
	return http_post(b, &p, "/customers/%lld", id);
}

static char *
delete_path(struct arena *a, long long id)
{
	return arena_printf(a, "/customers/%lld/delete", id);
}

/* A valid contact form, new (path .../contacts) or edited. */
static struct resp *
post_contact(struct browser *b, const char *path, const char *mobile)
{
	struct post	p;

	post_init(&p, b);
	post_add(&p, "contact_name", "越权联系人");
	post_add(&p, "contact_mobile", mobile);
	post_add(&p, "contact_key", "1");
	return http_post(b, &p, "%s", path);
}

static char *
contacts_path(struct arena *a, long long id)
{
	return arena_printf(a, "/customers/%lld/contacts", id);
}

static struct resp *
post_followup(struct browser *b, long long id, struct arena *a)
{
	struct post	p;

	post_init(&p, b);
	post_add(&p, "fu_at", "2026-11-01T10:00");
	post_add(&p, "fu_method", "phone");
	post_add(&p, "fu_content", "越权跟进");
	post_add(&p, "fu_action", "demo");
	post_add(&p, "fu_due", it_day(a, 0));
	return http_post(b, &p, "/customers/%lld/followups", id);
}

static struct resp *
post_order(struct browser *b, long long id)
{
	struct post	p;

	post_init(&p, b);
	post_add(&p, "order_date", "2026-11-01");
	post_add(&p, "order_amount", "99999");
	return http_post(b, &p, "/customers/%lld/orders", id);
}

/* Every read and write of t by b answers want (and writes nothing). */
static void
all_refused(struct browser *b, const struct target *t, int want_read,
    int want_write, int want_delete)
{
	struct arena	*a = tarena_new();
	char		*state = it_customer_state(a, t->id);

	ck_status(http_get(b, "/customers/%lld", t->id), want_read);
	ck_status(http_get(b, "/customers/%lld/edit", t->id), want_write);
	ck_status(post_edit(b, t->id, t->version, NULL), want_write);
	ck_status(post_path(b, delete_path(a, t->id)), want_delete);
	ck_status(post_contact(b, contacts_path(a, t->id), it_mobile(a)),
	    want_write);
	ck_status(post_path(b, arena_printf(a, "/customers/%lld/contacts/%lld"
	    "/key", t->id, t->contact)), want_write);
	ck_status(post_path(b, arena_printf(a, "/customers/%lld/contacts/%lld"
	    "/delete", t->id, t->contact)), want_write);
	ck_status(http_get(b, "/customers/%lld/contacts/%lld/edit", t->id,
	    t->contact), want_write);
	ck_status(post_contact(b, arena_printf(a, "/customers/%lld/contacts/"
	    "%lld", t->id, t->contact), it_mobile(a)), want_write);
	ck_status(post_followup(b, t->id, a), want_write);
	ck_status(post_path(b, arena_printf(a, "/customers/%lld/followups/%lld"
	    "/done", t->id, t->followup)), want_write);
	ck_status(post_order(b, t->id), want_write);
	ck_assert_str_eq(it_customer_state(a, t->id), state);
	tarena_free(a);
}

START_TEST(rep_cannot_reach_other_reps_customer)
{
	struct arena	*a = tarena_new();
	struct browser	*b = it_demo(&demo_rep1);
	struct browser	*owner = it_demo(&demo_rep3);
	struct target	 t, none;

	target_of(a, "rep3", &t);
	ck_assert(listed(owner, &t));
	ck_assert(!listed(b, &t));
	/* Out of scope looks exactly like absent: 404, never 403 or 200.
	 * Delete is 403 for any id: a sales rep may not delete at all. */
	all_refused(b, &t, 404, 404, 403);
	ck_status(http_get(b, "/customers/%lld", NO_SUCH_CUSTOMER), 404);
	ck_status(post_path(b, delete_path(a, NO_SUCH_CUSTOMER)), 403);
	/* The rep's own customers are fine. */
	target_of(a, "rep1", &none);
	ck_status(http_get(b, "/customers/%lld", none.id), 200);
	ck_status(http_get(b, "/customers/%lld/edit", none.id), 200);
	ck_assert(listed(b, &none));
	browser_free(b);
	browser_free(owner);
	tarena_free(a);
}
END_TEST

START_TEST(director_sees_own_team_only)
{
	struct arena	*a = tarena_new();
	struct browser	*b = it_demo(&demo_director);
	struct target	 t1, t2, t3;
	struct resp	*r;

	target_of(a, "rep1", &t1);
	target_of(a, "rep2", &t2);
	target_of(a, "rep3", &t3);
	ck_status(http_get(b, "/customers/%lld", t1.id), 200);
	ck_status(http_get(b, "/customers/%lld", t2.id), 200);
	ck_assert(listed(b, &t1));
	ck_assert(listed(b, &t2));
	ck_assert(!listed(b, &t3));
	/* The director may delete in the team: rep3's is simply not there. */
	all_refused(b, &t3, 404, 404, 404);
	r = http_get(b, "/customers/%lld", t1.id);
	ck_assert(resp_has(r, "/delete\""));
	browser_free(b);
	tarena_free(a);
}
END_TEST

START_TEST(agent_views_all_but_edits_nothing)
{
	struct arena	*a = tarena_new();
	struct browser	*b = it_demo(&demo_agent);
	const char	*mobile = it_mobile(a);
	struct target	 t1, t3;
	struct cust	 c;
	struct resp	*r;

	target_of(a, "rep1", &t1);
	target_of(a, "rep3", &t3);
	ck_assert(listed(b, &t1));
	ck_assert(listed(b, &t3));
	r = http_get(b, "/customers/%lld", t3.id);
	ck_status(r, 200);
	ck_assert(resp_has(r, t3.name));
	ck_assert(strstr(r->body, "/edit\"") == NULL);
	ck_status(http_get(b, "/customers/new"), 403);
	it_cust_defaults(&c, arena_printf(a, "客服新建%s", it_unique(a)),
	    mobile);
	ck_status(it_cust_submit(b, &c), 403);
	ck_assert_int_eq(tdb_int(-1, "SELECT COUNT(*) FROM contact"
	    " WHERE mobile = ?", "s", mobile), 0);
	/* The route's permission check answers first: 403. */
	ck_status(post_edit(b, t3.id, t3.version, NULL), 403);
	ck_status(http_get(b, "/customers/%lld/edit", t3.id), 403);
	ck_status(post_path(b, delete_path(a, t3.id)), 403);
	ck_status(post_contact(b, contacts_path(a, t3.id), mobile), 403);
	ck_status(post_order(b, t3.id), 403);
	ck_assert_str_eq(tdb_str(a, "SELECT version FROM customer"
	    " WHERE id = ?", "i", t3.id), t3.version);
	browser_free(b);
	tarena_free(a);
}
END_TEST

START_TEST(rep_cannot_assign_owner)
{
	struct arena	*a = tarena_new();
	struct browser	*b = it_demo(&demo_rep1);
	const char	*rep3 = arena_printf(a, "%lld", it_user_id("rep3"));
	struct cust	 c;
	struct resp	*r;
	long long	 id;

	it_cust_defaults(&c, arena_printf(a, "指定负责人%s", it_unique(a)),
	    it_mobile(a));
	c.owner = rep3;
	r = it_cust_submit(b, &c);
	ck_status(r, 303);
	id = it_location_id(r, "/customers/");
	ck_assert_int_gt(id, 0);
	ck_assert_int_eq(tdb_int(-1, "SELECT owner_id FROM customer"
	    " WHERE id = ?", "i", id), it_user_id("rep1"));
	ck_assert_int_eq(tdb_int(-1, "SELECT c.team_id = u.team_id"
	    " FROM customer c, app_user u WHERE c.id = ? AND u.login = 'rep1'",
	    "i", id), 1);
	/* An edit cannot hand it over either. */
	ck_status(post_edit(b, id, "1", rep3), 303);
	ck_assert_int_eq(tdb_int(-1, "SELECT owner_id FROM customer"
	    " WHERE id = ?", "i", id), it_user_id("rep1"));
	browser_free(b);
	tarena_free(a);
}
END_TEST

static Suite *
scope_suite(void)
{
	Suite	*s = suite_create("scope");
	TCase	*tc = it_tcase("scope");

	tcase_add_test(tc, rep_cannot_reach_other_reps_customer);
	tcase_add_test(tc, director_sees_own_team_only);
	tcase_add_test(tc, agent_views_all_but_edits_nothing);
	tcase_add_test(tc, rep_cannot_assign_owner);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_SUITE(scope_suite)
