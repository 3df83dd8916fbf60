/*
 * test_choices.c - the choice list editor in the admin area, and what its
 * changes do to the customer forms and pages.
 *
 * Each test adds its own options to the industry list (codes carry the
 * run's tag) and never touches the seeded ones, which other suites use.
 * Options cannot be deleted; the clean-up deactivates this run's, so that
 * the forms of a shared instance do not fill up with them.
 */
#include <string.h>

#include "arena.h"
#include "dbtest.h"
#include "fixture.h"
#include "http.h"
#include "keep.h"
#include "suite.h"

/* A list's address is its name in the registry (lib/choice_lists.c). */
#define INDUSTRY	"/admin/choices/industry"

static const char sql_option_id[] =
    "SELECT id FROM choice WHERE list = 'industry' AND code = ?";
static const char sql_option_count[] =
    "SELECT COUNT(*) FROM choice WHERE code = ?";
static const char sql_choice_audit[] =
    "SELECT COUNT(*) FROM audit_log WHERE record_type = 'choice'"
    " AND record_id = ? AND action = ? AND field = ?"
    " AND COALESCE(old_value, '-') = ? AND new_value = ?";
static const char sql_options_retire[] =
    "UPDATE choice SET active = 0 WHERE code LIKE CONCAT(?, '%')";
/*
 * The next action list (a follow-up requires one) down to its last seeded
 * option, and back: no other suite deactivates or counts its options.
 */
#define NEXT_ACTION	"/admin/choices/next_action"
static const char sql_next_action_set[] =
    "UPDATE choice SET active = ? WHERE list = 'next_action' AND code <> ?";
static const char sql_next_action_last[] =
    "SELECT id FROM choice WHERE list = 'next_action' AND code = 'contract'";

static void
options_retire(void)
{
	tdb_exec(sql_options_retire, "s", it_tag());
	tdb_exec(sql_next_action_set, "is", 1LL, "");
	tdb_close();
}

/* POST a new industry option, as the list page's form does. */
static struct resp *
option_add(struct browser *b, const char *code, const char *en,
    const char *zh)
{
	struct post	p;

	post_init(&p, b);
	post_add(&p, "code", code);
	post_add(&p, "label_en", en);
	post_add(&p, "label_zh", zh);
	return http_post(b, &p, INDUSTRY);
}

/* A new industry option (asserted); its id. */
static long long
option_new(struct browser *b, const char *code, const char *en,
    const char *zh)
{
	ck_redirect(option_add(b, code, en, zh), INDUSTRY);
	return tdb_int(-1, sql_option_id, "s", code);
}

/* POST to an option's action ("", "/up", "/deactivate", ...). */
static struct resp *
option_post(struct browser *b, long long id, const char *action,
    struct post *p)
{
	struct post	empty;

	if (p == NULL) {
		post_init(&empty, b);
		p = &empty;
	}
	return http_post(b, p, INDUSTRY "/options/%lld%s", id, action);
}

/* The row of the industry list page that shows code. */
static const char *
list_row(struct browser *b, const char *code)
{
	struct resp	*r = http_get(b, INDUSTRY);
	const char	*row, *end;

	ck_status(r, 200);
	row = strstr(r->body, arena_printf(b->arena, "<code>%s</code>", code));
	ck_assert_ptr_nonnull(row);
	ck_assert_ptr_nonnull(end = strstr(row, "</tr>"));
	return arena_strndup(b->arena, row, (size_t)(end - row));
}

static long long
choice_audit(long long id, const char *action, const char *field,
    const char *old_value, const char *new_value)
{
	return tdb_int(-1, sql_choice_audit, "issss", id, action, field,
	    old_value, new_value);
}

/* Where the new customer form offers code, or -1. */
static long long
form_offers(struct browser *b, const char *code)
{
	struct resp	*r = http_get(b, "/customers/new");
	const char	*at;

	ck_status(r, 200);
	at = strstr(r->body, arena_printf(b->arena, "value=\"%s\"", code));
	return at == NULL ? -1 : at - r->body;
}

/* A customer of the admin's with industry code; its id. */
static long long
customer_in(struct browser *b, struct arena *a, const char *code)
{
	struct cust	 cu;
	struct resp	*r;
	long long	 id;

	ck_status(http_get(b, "/customers/new"), 200);
	it_cust_defaults(&cu, arena_printf(a, "%s 行业客户", it_tag()),
	    it_mobile(a));
	cu.industry = code;
	r = it_cust_submit(b, &cu);
	ck_status(r, 303);
	id = it_location_id(r, "/customers/");
	ck_assert_int_gt(id, 0);
	return id;
}

static int
customer_shows(struct browser *b, long long id, const char *label)
{
	struct resp	*r = http_get(b, "/customers/%lld", id);

	ck_status(r, 200);
	return resp_has(r, arena_printf(b->arena, "<dd>%s</dd>", label));
}

static void
switch_lang(struct browser *b, const char *lang)
{
	struct post	p;

	post_init(&p, b);
	post_add(&p, "lang", lang);
	post_add(&p, "back", "/home");
	ck_redirect(http_post(b, &p, "/lang"), "/home");
}

START_TEST(the_lists_are_shown_by_name)
{
	struct arena	*a = tarena_new();
	struct browser	*adm = it_admin(a, NULL);
	struct resp	*r;
	struct post	 p;
	long long	 retail;

	r = http_get(adm, "/admin/choices");
	ck_status(r, 200);
	ck_assert(resp_has(r, "<a href=\"" INDUSTRY "\">Industry</a>"));
	ck_assert(resp_has(r, "Follow-up method"));
	r = http_get(adm, INDUSTRY);
	ck_status(r, 200);
	ck_assert(resp_has(r, "<code>manufacturing</code>"));
	ck_assert(resp_has(r, "制造业"));
	/* Only registered lists, only their own options. */
	ck_status(http_get(adm, "/admin/choices/nosuchlist"), 404);
	ck_status(http_get(adm, "/admin/choices/1"), 404);
	ck_status(http_get(adm, "/admin/choices/Industry"), 404);
	ck_status(http_get(adm, "/admin/choices/cf_x"), 404);
	retail = tdb_int(-1, sql_option_id, "s", "retail");
	ck_status(http_get(adm, "/admin/choices/grade/options/%lld", retail),
	    404);
	post_init(&p, adm);
	ck_status(http_post(adm, &p, "/admin/choices/grade/options/%lld/up",
	    retail), 404);
	browser_free(adm);
	tarena_free(a);
}
END_TEST

START_TEST(adding_an_option_checks_its_code)
{
	struct arena	*a = tarena_new();
	struct browser	*adm = it_admin(a, NULL);
	const char	*code = it_unique(a);
	struct resp	*r;
	long long	 id;

	r = option_add(adm, "Bad Code!", "Agriculture", "农业");
	ck_status(r, 422);
	ck_assert(html_field_error(r->body, "code"));
	ck_assert_str_eq(html_input(a, r->body, "code"), "Bad Code!");
	ck_assert_str_eq(html_input(a, r->body, "label_en"), "Agriculture");
	ck_assert_str_eq(html_input(a, r->body, "label_zh"), "农业");
	r = option_add(adm, code, "Agriculture", "");
	ck_status(r, 422);
	ck_assert(html_field_error(r->body, "label_zh"));
	ck_assert_int_eq(tdb_int(-1, sql_option_count, "s", code), 0);

	id = option_new(adm, code, "Agriculture", "农业");
	ck_assert_int_gt(id, 0);
	ck_assert_int_eq(choice_audit(id, "create", "label_zh", "-", "农业"),
	    1);
	ck_assert_int_eq(choice_audit(id, "create", "code", "-", code), 1);
	ck_assert_ptr_nonnull(strstr(list_row(adm, code), "农业"));
	/* New options come last in the form. */
	ck_assert_int_gt(form_offers(adm, code), form_offers(adm, "energy"));

	r = option_add(adm, code, "Farming", "种植业");
	ck_status(r, 422);
	ck_assert(html_field_error(r->body, "code"));
	ck_assert(resp_has(r, "already has an option with this code"));
	ck_assert_str_eq(html_input(a, r->body, "label_en"), "Farming");
	ck_assert_int_eq(tdb_int(-1, sql_option_count, "s", code), 1);
	browser_free(adm);
	tarena_free(a);
}
END_TEST

START_TEST(renaming_shows_on_the_customer_page)
{
	struct arena	*a = tarena_new();
	struct browser	*adm = it_admin(a, NULL);
	const char	*code = it_unique(a);
	long long	 id, cust;
	struct post	 p;
	struct resp	*r;

	id = option_new(adm, code, "Mining", "采矿业");
	cust = customer_in(adm, a, code);
	ck_assert(customer_shows(adm, cust, "Mining"));

	r = http_get(adm, INDUSTRY "/options/%lld", id);
	ck_status(r, 200);
	ck_assert_str_eq(html_input(a, r->body, "label_en"), "Mining");
	post_init(&p, adm);
	post_add(&p, "label_en", "Mining and quarrying");
	post_add(&p, "label_zh", "");
	r = option_post(adm, id, "", &p);
	ck_status(r, 422);
	ck_assert(html_field_error(r->body, "label_zh"));
	ck_assert_str_eq(html_input(a, r->body, "label_en"),
	    "Mining and quarrying");

	post_init(&p, adm);
	post_add(&p, "label_en", "Mining and quarrying");
	post_add(&p, "label_zh", "采矿及采石业");
	ck_redirect(option_post(adm, id, "", &p), INDUSTRY);
	ck_assert(customer_shows(adm, cust, "Mining and quarrying"));
	switch_lang(adm, "zh-CN");
	ck_assert(customer_shows(adm, cust, "采矿及采石业"));
	ck_assert_int_eq(choice_audit(id, "update", "label_en", "Mining",
	    "Mining and quarrying"), 1);
	ck_assert_int_eq(choice_audit(id, "update", "label_zh", "采矿业",
	    "采矿及采石业"), 1);
	/* The option's history link shows them. */
	r = http_get(adm, "/admin/audit?type=choice&record=%lld", id);
	ck_status(r, 200);
	ck_assert(resp_has(r, "<td>采矿及采石业</td>"));
	browser_free(adm);
	tarena_free(a);
}
END_TEST

START_TEST(moving_an_option_reorders_the_form)
{
	struct arena	*a = tarena_new();
	struct browser	*adm = it_admin(a, NULL);
	const char	*first = it_unique(a), *second = it_unique(a);
	long long	 id1, id2, sort1, sort2, up1, up2;

	id1 = option_new(adm, first, "Tourism", "旅游业");
	id2 = option_new(adm, second, "Media", "传媒");
	ck_assert_int_lt(form_offers(adm, first), form_offers(adm, second));
	sort1 = tdb_int(-1, "SELECT sort FROM choice WHERE id = ?", "i", id1);
	sort2 = tdb_int(-1, "SELECT sort FROM choice WHERE id = ?", "i", id2);

	/* Sorts are renumbered on the list's grid: read where they went. */
	ck_redirect(option_post(adm, id2, "/up", NULL), INDUSTRY);
	ck_assert_int_gt(form_offers(adm, first), form_offers(adm, second));
	up1 = tdb_int(-1, "SELECT sort FROM choice WHERE id = ?", "i", id1);
	up2 = tdb_int(-1, "SELECT sort FROM choice WHERE id = ?", "i", id2);
	ck_assert_int_lt(up2, up1);
	ck_assert_int_eq(choice_audit(id2, "update", "sort",
	    arena_printf(a, "%lld", sort2), arena_printf(a, "%lld", up2)), 1);
	ck_assert_int_eq(choice_audit(id1, "update", "sort",
	    arena_printf(a, "%lld", sort1), arena_printf(a, "%lld", up1)), 1);
	/* And back down. */
	ck_redirect(option_post(adm, id2, "/down", NULL), INDUSTRY);
	ck_assert_int_lt(form_offers(adm, first), form_offers(adm, second));
	up2 = tdb_int(-1, "SELECT sort FROM choice WHERE id = ?", "i", id2);
	/* The last option has nowhere further down to go. */
	ck_redirect(option_post(adm, id2, "/down", NULL), INDUSTRY);
	ck_assert_int_lt(form_offers(adm, first), form_offers(adm, second));
	ck_assert_int_eq(tdb_int(-1, "SELECT sort FROM choice WHERE id = ?",
	    "i", id2), up2);
	browser_free(adm);
	tarena_free(a);
}
END_TEST

START_TEST(an_inactive_option_keeps_its_label)
{
	struct arena	*a = tarena_new();
	struct browser	*adm = it_admin(a, NULL);
	const char	*code = it_unique(a);
	struct cust	 cu;
	struct resp	*r;
	long long	 id, cust;

	id = option_new(adm, code, "Shipbuilding", "造船业");
	cust = customer_in(adm, a, code);
	ck_redirect(option_post(adm, id, "/deactivate", NULL), INDUSTRY);
	ck_assert_int_eq(choice_audit(id, "deactivate", "active", "1", "0"),
	    1);
	ck_assert_int_lt(form_offers(adm, code), 0);
	ck_assert_ptr_nonnull(strstr(list_row(adm, code), "Inactive"));

	/* A forged form with the code is refused; the old record keeps it. */
	it_cust_defaults(&cu, arena_printf(a, "%s 伪造", it_tag()),
	    it_mobile(a));
	cu.industry = code;
	r = it_cust_submit(adm, &cu);
	ck_status(r, 422);
	ck_assert(html_field_error(r->body, "industry"));
	ck_assert(customer_shows(adm, cust, "Shipbuilding"));

	/* The old record's own form keeps offering it, and saves with it. */
	r = http_get(adm, "/customers/%lld/edit", cust);
	ck_status(r, 200);
	ck_assert(resp_has(r, arena_printf(a, "value=\"%s\" selected", code)));
	it_cust_defaults(&cu, tdb_str(a, "SELECT name FROM customer"
	    " WHERE id = ?", "i", cust), NULL);
	cu.contact_name = cu.contact_title = cu.contact_email = NULL;
	cu.industry = code;
	ck_redirect(it_cust_edit(adm, cust, &cu, html_input(a, r->body,
	    "version")), arena_printf(a, "/customers/%lld", cust));
	ck_assert_str_eq(tdb_str(a, "SELECT industry FROM customer"
	    " WHERE id = ?", "i", cust), code);

	ck_redirect(option_post(adm, id, "/reactivate", NULL), INDUSTRY);
	ck_assert_int_eq(choice_audit(id, "reactivate", "active", "0", "1"),
	    1);
	ck_assert_int_gt(form_offers(adm, code), 0);
	browser_free(adm);
	tarena_free(a);
}
END_TEST

START_TEST(a_required_list_keeps_an_active_option)
{
	struct arena	*a = tarena_new();
	struct browser	*adm = it_admin(a, NULL);
	long long	 last = tdb_int(-1, sql_next_action_last, "");
	long long	 audited;
	struct post	 p;
	struct resp	*r;

	audited = tdb_int(-1, "SELECT COUNT(*) FROM audit_log"
	    " WHERE record_type = 'choice' AND record_id = ?", "i", last);
	tdb_exec(sql_next_action_set, "is", 0LL, "contract");
	post_init(&p, adm);
	r = http_post(adm, &p, NEXT_ACTION "/options/%lld/deactivate", last);
	ck_status(r, 409);
	ck_assert(resp_has(r, "the last active option of a list that a form"
	    " requires"));
	ck_assert(resp_has(r, "<code>contract</code>"));
	switch_lang(adm, "zh-CN");
	post_init(&p, adm);
	r = http_post(adm, &p, NEXT_ACTION "/options/%lld/deactivate", last);
	ck_status(r, 409);
	ck_assert(resp_has(r, "最后一个启用的选项"));
	ck_assert_int_eq(tdb_int(-1, "SELECT active FROM choice WHERE id = ?",
	    "i", last), 1);
	ck_assert_int_eq(tdb_int(-1, "SELECT COUNT(*) FROM audit_log"
	    " WHERE record_type = 'choice' AND record_id = ?", "i", last),
	    audited);
	/* With another option active again, it may go. */
	tdb_exec(sql_next_action_set, "is", 1LL, "contract");
	ck_redirect(http_post(adm, &p, NEXT_ACTION
	    "/options/%lld/deactivate", last), NEXT_ACTION);
	ck_redirect(http_post(adm, &p, NEXT_ACTION
	    "/options/%lld/reactivate", last), NEXT_ACTION);
	browser_free(adm);
	tarena_free(a);
}
END_TEST

START_TEST(other_roles_cannot_edit_choices)
{
	struct arena	*a = tarena_new();
	struct browser	*rep = it_demo(&demo_rep1);
	struct browser	*dir = it_demo(&demo_director);
	const char	*code = it_unique(a);
	long long	 retail = tdb_int(-1, sql_option_id, "s", "retail");

	ck_status(http_get(rep, "/admin/choices"), 403);
	ck_status(http_get(dir, INDUSTRY), 403);
	ck_status(option_add(rep, code, "Forged", "伪造"), 403);
	ck_status(option_post(dir, retail, "/deactivate", NULL), 403);
	ck_assert_int_eq(tdb_int(-1, sql_option_count, "s", code), 0);
	ck_assert_int_eq(tdb_int(-1, "SELECT active FROM choice WHERE id = ?",
	    "i", retail), 1);
	browser_free(rep);
	browser_free(dir);
	tarena_free(a);
}
END_TEST

static Suite *
choices_suite(void)
{
	Suite	*s = suite_create("choices");
	TCase	*tc = it_tcase("choices");

	tcase_add_unchecked_fixture(tc, NULL, options_retire);
	tcase_add_test(tc, the_lists_are_shown_by_name);
	tcase_add_test(tc, adding_an_option_checks_its_code);
	tcase_add_test(tc, renaming_shows_on_the_customer_page);
	tcase_add_test(tc, moving_an_option_reorders_the_form);
	tcase_add_test(tc, an_inactive_option_keeps_its_label);
	tcase_add_test(tc, a_required_list_keeps_an_active_option);
	tcase_add_test(tc, other_roles_cannot_edit_choices);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_SUITE(choices_suite)
