/*
 * test_notifications.c - the stage rules over HTTP: who is notified when
 * an opportunity enters a stage, the rules page and its audit, the inbox
 * and whose notifications it shows, stale opportunities and the
 * scheduler's one notice per stage entry, and mail through the outbox to
 * an SMTP sink (smtpsink.h), before and after the sink is up.
 */
#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "buf.h"
#include "dbtest.h"
#include "fixture.h"
#include "http.h"
#include "keep.h"
#include "smtpsink.h"
#include "suite.h"

#define TEAM_EAST	"华东销售部"

static const char sql_notes[] =
    "SELECT COUNT(*) FROM notification WHERE user_id = ?"
    " AND opportunity_id = ? AND kind = ?";
static const char sql_unread_rows[] =
    "SELECT COUNT(*) FROM notification WHERE user_id = ? AND read_at IS NULL";
static const char sql_unread_counter[] =
    "SELECT unread_notifications FROM app_user WHERE id = ?";
static const char sql_role_add[] =
    "INSERT INTO user_role (user_id, role_id)"
    " SELECT ?, id FROM role WHERE code = ?";
/* A notification as the rules would write it, with its count. */
static const char sql_note_insert[] =
    "INSERT INTO notification (user_id, kind, opportunity_id, from_stage,"
    " to_stage) VALUES (?, 'stage', ?, 'lead', 'needs')";
static const char sql_counter_add[] =
    "UPDATE app_user SET unread_notifications = unread_notifications + 1"
    " WHERE id = ?";
static const char sql_last_id[] =
    "SELECT LAST_INSERT_ID()";

/* --- helpers --------------------------------------------------------- */

static const char *
customer_code(struct browser *b, struct arena *a)
{
	long long	id = it_customer(b, arena_printf(a, "%s 通知客户 %s",
	    it_tag(), it_unique(a)), it_mobile(a));

	return tdb_str(a, "SELECT code FROM customer WHERE id = ?", "i", id);
}

/* A new opportunity (asserted) of the browser's user in stage; its id. */
static long long
opp_make(struct browser *b, struct arena *a, const char *stage)
{
	struct post	 p;
	struct resp	*r;
	long long	 id;

	post_init(&p, b);
	post_add(&p, "name", arena_printf(a, "%s 通知机会 %s", it_tag(),
	    it_unique(a)));
	post_add(&p, "customer", customer_code(b, a));
	post_add(&p, "amount", "50000");
	post_add(&p, "expected_close", it_day(a, 30));
	post_add(&p, "lead_source", "expo");
	post_add(&p, "lead_date", it_day(a, -3));
	post_add(&p, "stage", stage);
	r = http_post(b, &p, "/opportunities");
	ck_status(r, 303);
	id = it_location_id(r, "/opportunities/");
	ck_assert_msg(id > 0, "no opportunity made");
	return id;
}

static void
move(struct browser *b, long long id, const char *stage)
{
	struct post	p;

	post_init(&p, b);
	post_add(&p, "stage", stage);
	ck_status(http_post(b, &p, "/opportunities/%lld/stage", id), 303);
}

static long long
notes(long long user, long long opp, const char *kind)
{
	return tdb_int(-1, sql_notes, "iis", user, opp, kind);
}

/* The unread count of the page's header; 0 without one. */
static long long
header_count(const struct resp *r)
{
	const char	*p = strstr(r->body, "id=\"unread-count\">");

	return p == NULL ? 0 : atoll(p + strlen("id=\"unread-count\">"));
}

/* The counter agrees with the rows, and the header with both. */
static void
unread_check(struct browser *b, long long user)
{
	long long	rows = tdb_int(-1, sql_unread_rows, "i", user);
	struct resp	*r = http_get(b, "/home");

	ck_status(r, 200);
	ck_assert_int_eq(tdb_int(-1, sql_unread_counter, "i", user), rows);
	ck_assert_int_eq(header_count(r), rows);
}

static long long
note_make(long long user, long long opp)
{
	tdb_exec(sql_note_insert, "ii", user, opp);
	tdb_exec(sql_counter_add, "i", user);
	return tdb_int(-1, sql_last_id, "");
}

/* The instance's configuration file ($CRM_VAR/crm.conf). */
static const char *
instance_conf(struct arena *a)
{
	const char	*var = getenv("CRM_VAR");

	ck_assert_msg(var != NULL, "CRM_VAR must name the instance: the"
	    " scheduler runs with its crm.conf");
	return arena_printf(a, "%s/crm.conf", var);
}

/* A value of crm.conf, or NULL. */
static char *
conf_value(struct arena *a, const char *key)
{
	FILE	*f = fopen(instance_conf(a), "r");
	char	 line[1024], *v = NULL;
	size_t	 n = strlen(key);

	ck_assert_msg(f != NULL, "cannot read %s", instance_conf(a));
	while (fgets(line, sizeof(line), f) != NULL)
		if (strncmp(line, key, n) == 0 && line[n] == '=') {
			line[strcspn(line, "\r\n")] = '\0';
			v = *(line + n + 1) ? arena_strdup(a, line + n + 1) :
			    NULL;
		}
	fclose(f);
	return v;
}

/*
 * tools/scheduler --once of $CRM_BUILD, else build/rel (asserted); what
 * it says goes to the instance's log/scheduler-once.log.
 */
static void
scheduler_once(struct arena *a)
{
	const char	*build = getenv("CRM_BUILD"), *bin;
	struct stat	 st;

	bin = arena_printf(a, "%s/tools/scheduler", build ? build :
	    "build/rel");
	ck_assert_msg(stat(bin, &st) == 0, "no %s (run from the repository"
	    " root after make)", bin);
	ck_assert_msg(system(arena_printf(a, "'%s' --once --config '%s'"
	    " >>'%s/log/scheduler-once.log' 2>&1", bin, instance_conf(a),
	    getenv("CRM_VAR"))) == 0, "%s --once failed (see"
	    " log/scheduler-once.log)", bin);
}

/* --- who is notified ------------------------------------------------- */

START_TEST(entering_demo_notifies_the_product_manager)
{
	struct arena	*a = tarena_new();
	const char	*pm = it_user(a, "nt_pm", "product_manager", NULL, 0);
	const char	*actor = it_user(a, "nt_actor", "sales_rep", TEAM_EAST,
	    0);
	long long	 pm_id = it_user_id(pm), actor_id = it_user_id(actor);
	struct browser	*b, *pmb;
	struct resp	*r;
	long long	 id, created, note;
	const char	*code;

	/* The mover is a product manager too: nobody hears of their own. */
	tdb_exec(sql_role_add, "is", actor_id, "product_manager");
	b = it_browser(actor, IT_PASSWORD);
	id = opp_make(b, a, "lead");
	code = tdb_str(a, "SELECT code FROM opportunity WHERE id = ?", "i", id);
	ck_assert_int_eq(notes(pm_id, id, "stage"), 0);
	move(b, id, "demo");
	ck_assert_int_eq(notes(pm_id, id, "stage"), 1);
	ck_assert_int_eq(notes(actor_id, id, "stage"), 0);
	ck_assert_int_eq(tdb_int(-1, "SELECT COUNT(*) FROM notification"
	    " WHERE user_id = ? AND opportunity_id = ? AND actor_id = ?"
	    " AND from_stage = 'lead' AND to_stage = 'demo' AND read_at IS NULL",
	    "iii", pm_id, id, actor_id), 1);
	/* Moving within demo's neighbours tells nobody more. */
	move(b, id, "negotiation");
	ck_assert_int_eq(notes(pm_id, id, "stage"), 1);

	/* The inbox names it, who moved it and from where to where. */
	pmb = it_browser(pm, IT_PASSWORD);
	unread_check(pmb, pm_id);
	ck_assert_int_ge(header_count(http_get(pmb, "/home")), 1);
	r = http_get(pmb, "/inbox");
	ck_status(r, 200);
	ck_assert(resp_has(r, code));
	ck_assert(resp_has(r, "Lead confirmation → Demo, moved by 集成测试"
	    " nt_actor"));
	note = tdb_int(-1, "SELECT id FROM notification WHERE user_id = ?"
	    " AND opportunity_id = ?", "ii", pm_id, id);
	ck_assert(resp_has(r, arena_printf(a, "action=\"/inbox/%lld/open\"",
	    note)));
	ck_assert(resp_has(r, arena_printf(a, "action=\"/inbox/%lld/read\"",
	    note)));
	/* The actor's own inbox has nothing of it. */
	ck_assert(!resp_has(http_get(b, "/inbox"), code));

	/* Opening it marks it read and goes to the opportunity. */
	ck_redirect(http_post_empty(pmb, "/inbox/%lld/open", note),
	    arena_printf(a, "/opportunities/%lld", id));
	ck_assert_int_eq(tdb_int(-1, "SELECT read_at IS NOT NULL FROM"
	    " notification WHERE id = ?", "i", note), 1);
	unread_check(pmb, pm_id);
	r = http_get(pmb, "/inbox");
	ck_assert(!resp_has(r, arena_printf(a, "action=\"/inbox/%lld/read\"",
	    note)));

	/* Created right in demo: told too, as opened there. */
	created = opp_make(b, a, "demo");
	ck_assert_int_eq(notes(pm_id, created, "stage"), 1);
	ck_assert(resp_has(http_get(pmb, "/inbox"), "opened in Demo by"));
	browser_free(pmb);
	browser_free(b);
	tarena_free(a);
}
END_TEST

START_TEST(admins_set_the_rules_and_each_change_is_audited)
{
	struct arena	*a = tarena_new();
	const char	*admin, *rep = it_user(a, "nt_rule_rep", "sales_rep",
	    TEAM_EAST, 0);
	const char	*named = it_user(a, "nt_named", "sales_director",
	    TEAM_EAST, 0);
	/* Named too, but the rep's opportunities are not this one's to see. */
	const char	*blind = it_user(a, "nt_blind", "sales_rep", NULL, 0);
	const char	*role_code = it_unique(a), *member;
	struct browser	*adm = it_admin(a, &admin), *b;
	struct post	 p;
	struct resp	*r;
	long long	 role, id, rule, named_id = it_user_id(named);
	long long	 admin_id = it_user_id(admin), member_id;
	long long	 blind_id = it_user_id(blind);
	const char	*was;

	/* A role of this run that views every opportunity, with one member. */
	tdb_exec("INSERT INTO role (code, name_en, name_zh) VALUES (?, ?, ?)",
	    "sss", role_code, arena_printf(a, "Rule role %s", role_code),
	    arena_printf(a, "规则角色 %s", role_code));
	role = it_role_id(role_code);
	tdb_exec("INSERT INTO role_permission (role_id, record_type, action,"
	    " scope) VALUES (?, 'opportunity', 'view', 3)", "i", role);
	member = it_user(a, "nt_member", "sales_rep", NULL, 0);
	member_id = it_user_id(member);
	tdb_exec("INSERT INTO user_role (user_id, role_id) VALUES (?, ?)",
	    "ii", member_id, role);

	/* Only an administrator sees or changes the rules. */
	b = it_browser(rep, IT_PASSWORD);
	ck_status(http_get(b, "/opportunities/rules"), 403);
	post_init(&p, b);
	post_add(&p, "stage", "negotiation");
	post_add(&p, "user", arena_printf(a, "%lld", it_user_id(rep)));
	ck_status(http_post(b, &p, "/opportunities/rules/recipients"), 403);
	ck_status(http_post_empty(b, "/opportunities/rules"), 403);

	r = http_get(adm, "/opportunities/rules");
	ck_status(r, 200);
	ck_assert(resp_has(r, "name=\"h_demo\""));
	/* Closed stages never go stale: no limit for them. */
	ck_assert(!resp_has(r, "name=\"h_won\""));

	/* A user rule and a role rule for negotiation. */
	post_init(&p, adm);
	post_add(&p, "stage", "negotiation");
	post_add(&p, "user", arena_printf(a, "%lld", named_id));
	ck_redirect(http_post(adm, &p, "/opportunities/rules/recipients"),
	    "/opportunities/rules?saved=1");
	post_init(&p, adm);
	post_add(&p, "stage", "negotiation");
	post_add(&p, "user", arena_printf(a, "%lld", blind_id));
	ck_redirect(http_post(adm, &p, "/opportunities/rules/recipients"),
	    "/opportunities/rules?saved=1");
	post_init(&p, adm);
	post_add(&p, "stage", "negotiation");
	post_add(&p, "role", arena_printf(a, "%lld", role));
	ck_redirect(http_post(adm, &p, "/opportunities/rules/recipients"),
	    "/opportunities/rules?saved=1");
	ck_assert_int_eq(tdb_int(-1, "SELECT COUNT(*) FROM audit_log WHERE"
	    " action = 'recipient_add' AND record_type = 'stage_rule'"
	    " AND field = 'negotiation' AND new_value = ? AND user_id = ?",
	    "si", arena_printf(a, "user:%s", named), admin_id), 1);
	ck_assert_int_eq(tdb_int(-1, "SELECT COUNT(*) FROM audit_log WHERE"
	    " action = 'recipient_add' AND new_value = ? AND user_id = ?",
	    "si", arena_printf(a, "role:%s", role_code), admin_id), 1);
	r = http_get(adm, "/opportunities/rules");
	ck_assert(resp_has(r, arena_printf(a, "Rule role %s", role_code)));

	/* The same rule again, or neither a role nor a user: refused. */
	r = http_post(adm, &p, "/opportunities/rules/recipients");
	ck_status(r, 422);
	ck_assert(html_field_error(r->body, "role"));
	post_init(&p, adm);
	post_add(&p, "stage", "negotiation");
	r = http_post(adm, &p, "/opportunities/rules/recipients");
	ck_status(r, 422);
	ck_assert(html_field_error(r->body, "role"));

	/*
	 * Entering negotiation now tells both, but not the mover, nor the
	 * named user who may not view the opportunity.
	 */
	id = opp_make(b, a, "needs");
	move(b, id, "negotiation");
	ck_assert_int_eq(notes(named_id, id, "stage"), 1);
	ck_assert_int_eq(notes(member_id, id, "stage"), 1);
	ck_assert_int_eq(notes(it_user_id(rep), id, "stage"), 0);
	ck_assert_int_eq(notes(blind_id, id, "stage"), 0);
	tdb_exec("DELETE FROM stage_recipient WHERE user_id = ?", "i",
	    blind_id);

	/* Removing the user rule is audited with what it was. */
	rule = tdb_int(-1, "SELECT id FROM stage_recipient WHERE stage ="
	    " 'negotiation' AND user_id = ?", "i", named_id);
	ck_redirect(http_post_empty(adm,
	    "/opportunities/rules/recipients/%lld/delete", rule),
	    "/opportunities/rules?saved=1");
	ck_assert_int_eq(tdb_int(-1, "SELECT COUNT(*) FROM stage_recipient"
	    " WHERE id = ?", "i", rule), 0);
	ck_assert_int_eq(tdb_int(-1, "SELECT COUNT(*) FROM audit_log WHERE"
	    " action = 'recipient_remove' AND record_id = ? AND old_value = ?"
	    " AND new_value IS NULL", "is", rule, arena_printf(a, "user:%s",
	    named)), 1);
	ck_status(http_post_empty(adm,
	    "/opportunities/rules/recipients/%lld/delete", rule), 404);
	move(b, id, "contract");
	move(b, id, "negotiation");
	ck_assert_int_eq(notes(named_id, id, "stage"), 1);
	ck_assert_int_eq(notes(member_id, id, "stage"), 2);

	/* A stale limit: checked beside its field, audited old and new. */
	r = http_get(adm, "/opportunities/rules");
	was = html_input(a, r->body, "h_contract");
	ck_assert_ptr_nonnull(was);
	post_init(&p, adm);
	post_add(&p, "h_lead", "24");
	post_add(&p, "h_needs", "24");
	post_add(&p, "h_demo", "24");
	post_add(&p, "h_negotiation", "24");
	post_add(&p, "h_contract", "0");
	r = http_post(adm, &p, "/opportunities/rules");
	ck_status(r, 422);
	ck_assert(html_field_error(r->body, "h_contract"));
	post_init(&p, adm);
	post_add(&p, "h_lead", "24");
	post_add(&p, "h_needs", "24");
	post_add(&p, "h_demo", "24");
	post_add(&p, "h_negotiation", "24");
	post_add(&p, "h_contract", strcmp(was, "73") == 0 ? "74" : "73");
	ck_redirect(http_post(adm, &p, "/opportunities/rules"),
	    "/opportunities/rules?saved=1");
	ck_assert_int_eq(tdb_int(-1, "SELECT COUNT(*) FROM audit_log WHERE"
	    " record_type = 'stage_rule' AND field = 'contract.stale_hours'"
	    " AND old_value = ? AND user_id = ?", "si", was, admin_id), 1);
	/* Without the CSRF token nothing changes. */
	post_init_bare(&p, adm);
	post_add(&p, "stage", "negotiation");
	post_add(&p, "user", arena_printf(a, "%lld", named_id));
	ck_status(http_post(adm, &p, "/opportunities/rules/recipients"), 403);
	ck_assert_int_eq(tdb_int(-1, "SELECT COUNT(*) FROM stage_recipient"
	    " WHERE user_id = ?", "i", named_id), 0);
	/* Put the limit back, for the other tests' expectations. */
	tdb_exec("UPDATE stage_rule SET stale_hours = ? WHERE stage ="
	    " 'contract'", "s", was);
	browser_free(b);
	browser_free(adm);
	tarena_free(a);
}
END_TEST

/* --- the inbox ------------------------------------------------------- */

START_TEST(a_users_notifications_are_their_own)
{
	struct arena	*a = tarena_new();
	const char	*owner = it_user(a, "nt_owner", "sales_rep", TEAM_EAST,
	    0);
	const char	*other = it_user(a, "nt_other", "sales_rep", TEAM_EAST,
	    0);
	long long	 owner_id = it_user_id(owner), opp, mine, first;
	struct browser	*ob = it_browser(owner, IT_PASSWORD);
	struct browser	*xb = it_browser(other, IT_PASSWORD);
	struct post	 p;
	struct resp	*r;
	char		*next;
	int		 i;

	opp = opp_make(ob, a, "lead");
	mine = note_make(owner_id, opp);
	/* Someone else's id is as unknown as no id at all. */
	ck_status(http_post_empty(xb, "/inbox/%lld/read", mine), 404);
	ck_status(http_post_empty(xb, "/inbox/%lld/open", mine), 404);
	ck_status(http_post_empty(xb, "/inbox/999999999999/read"), 404);
	ck_assert(!resp_has(http_get(xb, "/inbox"), arena_printf(a,
	    "id=\"note-%lld\"", mine)));
	ck_assert_int_eq(tdb_int(-1, "SELECT read_at IS NULL FROM"
	    " notification WHERE id = ?", "i", mine), 1);

	/* Marking read needs the CSRF token, one or all. */
	post_init_bare(&p, ob);
	ck_status(http_post(ob, &p, "/inbox/%lld/read", mine), 403);
	post_init_bare(&p, ob);
	ck_status(http_post(ob, &p, "/inbox/read"), 403);
	ck_assert_int_eq(tdb_int(-1, "SELECT read_at IS NULL FROM"
	    " notification WHERE id = ?", "i", mine), 1);
	unread_check(ob, owner_id);
	ck_redirect(http_post_empty(ob, "/inbox/%lld/read", mine), "/inbox");
	ck_assert_int_eq(tdb_int(-1, "SELECT read_at IS NULL FROM"
	    " notification WHERE id = ?", "i", mine), 0);
	unread_check(ob, owner_id);
	/* Again: already read, nothing counts twice. */
	ck_redirect(http_post_empty(ob, "/inbox/%lld/read", mine), "/inbox");
	unread_check(ob, owner_id);

	/* Newest first, twenty a page, the rest on the next. */
	first = note_make(owner_id, opp);
	for (i = 1; i < 25; i++)
		note_make(owner_id, opp);
	unread_check(ob, owner_id);
	r = http_get(ob, "/inbox");
	ck_status(r, 200);
	ck_assert(!resp_has(r, arena_printf(a, "id=\"note-%lld\"", first)));
	next = html_next(a, r->body);
	ck_assert_ptr_nonnull(next);
	r = http_get(ob, "%s", next);
	ck_status(r, 200);
	ck_assert(resp_has(r, arena_printf(a, "id=\"note-%lld\"", first)));
	ck_assert(resp_has(r, arena_printf(a, "id=\"note-%lld\"", mine)));
	ck_assert(html_next(a, r->body) == NULL);

	/* All read at once: none left, no count in the header. */
	ck_redirect(http_post_empty(ob, "/inbox/read"), "/inbox");
	ck_assert_int_eq(tdb_int(-1, sql_unread_rows, "i", owner_id), 0);
	unread_check(ob, owner_id);
	ck_assert(!resp_has(http_get(ob, "/inbox"), "id=\"unread-count\""));
	browser_free(xb);
	browser_free(ob);
	tarena_free(a);
}
END_TEST

/* --- stale opportunities --------------------------------------------- */

/* Make opportunity id look untouched for hours since entering its stage. */
static void
backdate(long long id, int hours)
{
	tdb_exec("UPDATE opportunity SET stage_entered_at = NOW() - INTERVAL ?"
	    " HOUR, updated_at = NOW() - INTERVAL ? HOUR WHERE id = ?", "iii",
	    (long long)hours, (long long)hours, id);
}

START_TEST(a_stale_opportunity_is_flagged_and_its_owner_told_once)
{
	struct arena	*a = tarena_new();
	const char	*rep = it_user(a, "nt_stale", "sales_rep", TEAM_EAST, 0);
	long long	 rep_id = it_user_id(rep), id;
	struct browser	*b = it_browser(rep, IT_PASSWORD);
	struct resp	*r;
	const char	*code, *plan;

	id = opp_make(b, a, "needs");
	code = tdb_str(a, "SELECT code FROM opportunity WHERE id = ?", "i", id);
	r = http_get(b, "/opportunities/%lld", id);
	ck_assert(!resp_has(r, "id=\"opp-stale\""));

	/* 30 hours without an update in a stage of 24: stale everywhere. */
	backdate(id, 30);
	r = http_get(b, "/opportunities/%lld", id);
	ck_assert(resp_has(r, "id=\"opp-stale\""));
	r = http_get(b, "/opportunities?q=%s", code);
	ck_status(r, 200);
	ck_assert(resp_has(r, "class=\"tag stale\""));
	r = http_get(b, "/opportunities/board");
	ck_assert(strstr(r->body, arena_printf(a, "href=\"/opportunities/%lld\"",
	    id)) != NULL);
	ck_assert(resp_has(r, "class=\"tag stale\""));

	/* The owner hears of it once, however often the scheduler runs. */
	scheduler_once(a);
	scheduler_once(a);
	ck_assert_int_eq(notes(rep_id, id, "stale"), 1);
	ck_assert(resp_has(http_get(b, "/inbox"),
	    "no update for 24 hours in Needs analysis"));
	unread_check(b, rep_id);

	/* A new stage is a new entry: told again once it goes stale. */
	move(b, id, "demo");
	ck_assert(!resp_has(http_get(b, "/opportunities/%lld", id),
	    "id=\"opp-stale\""));
	scheduler_once(a);
	ck_assert_int_eq(notes(rep_id, id, "stale"), 1);
	backdate(id, 30);
	scheduler_once(a);
	scheduler_once(a);
	ck_assert_int_eq(notes(rep_id, id, "stale"), 2);
	/* Closed, it is never stale. */
	{
		struct post	p;

		post_init(&p, b);
		post_add(&p, "stage", "lost");
		post_add(&p, "close_reason", "budget_cut");
		ck_status(http_post(b, &p, "/opportunities/%lld/stage", id),
		    303);
	}
	backdate(id, 100);
	ck_assert(!resp_has(http_get(b, "/opportunities/%lld", id),
	    "id=\"opp-stale\""));

	/* The scheduler's scan reads the index of those not yet told. */
	plan = tdb_str(a, "EXPLAIN FORMAT=JSON SELECT id FROM opportunity"
	    " WHERE stage = 'needs' AND deleted_at IS NULL"
	    " AND stale_notice_at IS NULL"
	    " AND updated_at <= NOW() - INTERVAL 24 HOUR"
	    " ORDER BY updated_at LIMIT 100", "");
	ck_assert_msg(strstr(plan, "\"key\": \"opportunity_stale\"") != NULL,
	    "plan: %s", plan);
	ck_assert_msg(strstr(plan, "filesort") == NULL, "plan: %s", plan);
	browser_free(b);
	tarena_free(a);
}
END_TEST

/* --- mail ------------------------------------------------------------ */

static int
b64_value(int ch)
{
	const char	*set = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuv"
	    "wxyz0123456789+/", *p;

	return ch != '\0' && (p = strchr(set, ch)) != NULL ? (int)(p - set) :
	    -1;
}

/* The text of base64 s up to its first character outside the set. */
static void
b64_decode(struct buf *out, const char *s)
{
	unsigned long	v = 0;
	int		bits = 0, d;

	for (; (d = b64_value(*s)) >= 0; s++) {
		v = v << 6 | (unsigned long)d;
		if ((bits += 6) >= 8) {
			bits -= 8;
			buf_putc(out, (int)(v >> bits & 0xff));
		}
	}
}

/* The decoded Subject of the first message in the sink's record to rcpt. */
static char *
sink_subject(struct arena *a, const char *record, const char *rcpt)
{
	struct buf	 b;
	const char	*p, *end, *w;

	if ((p = strstr(record, arena_printf(a, "RCPT TO:<%s>", rcpt))) ==
	    NULL || (p = strstr(p, "\nSubject: ")) == NULL)
		return NULL;
	/* The header goes on over lines that start with a space. */
	for (end = strchr(p + 1, '\n'); end != NULL && end[1] == ' ';
	    end = strchr(end + 1, '\n'))
		;
	buf_init(&b, a);
	for (w = p; (w = strstr(w, "=?UTF-8?B?")) != NULL &&
	    (end == NULL || w < end); w += 10)
		b64_decode(&b, w + 10);
	return arena_strdup(a, buf_str(&b));
}

static char *
file_text(struct arena *a, const char *path)
{
	FILE	*f = fopen(path, "r");
	char	 chunk[4096];
	size_t	 n;
	struct buf b;

	buf_init(&b, a);
	if (f == NULL)
		return arena_strdup(a, "");
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_append(&b, chunk, n);
	fclose(f);
	return arena_strdup(a, buf_str(&b));
}

START_TEST(mail_waits_in_the_outbox_until_the_server_takes_it)
{
	struct arena	*a = tarena_new();
	const char	*smtp = conf_value(a, "smtp_url");
	const char	*en = it_user(a, "nt_mail_en", "product_manager", NULL, 0);
	const char	*zh = it_user(a, "nt_mail_zh", "product_manager", NULL, 0);
	const char	*rep = it_user(a, "nt_mail_rep", "sales_rep", TEAM_EAST,
	    0);
	const char	*en_mail = arena_printf(a, "%s@example.com", en);
	const char	*zh_mail = arena_printf(a, "%s@example.com", zh);
	const char	*record, *port, *subject, *text;
	struct browser	*b;
	long long	 id, mail, tries;
	pid_t		 sink;

	tdb_exec("UPDATE app_user SET email = ? WHERE login = ?", "ss",
	    en_mail, en);
	tdb_exec("UPDATE app_user SET email = ?, lang = 'zh-CN' WHERE"
	    " login = ?", "ss", zh_mail, zh);
	b = it_browser(rep, IT_PASSWORD);
	id = opp_make(b, a, "needs");
	move(b, id, "demo");
	if (smtp == NULL) {
		/* No SMTP server configured: nothing is queued at all. */
		ck_assert_int_eq(tdb_int(-1, "SELECT COUNT(*) FROM outbox"
		    " WHERE recipient IN (?, ?)", "ss", en_mail, zh_mail), 0);
		fprintf(stderr, "notifications: the instance has no smtp_url"
		    " (CRM_SMTP_URL): mail delivery was not exercised\n");
		browser_free(b);
		tarena_free(a);
		return;
	}
	/* One mail per recipient, in the recipient's language. */
	ck_assert_int_eq(tdb_int(-1, "SELECT COUNT(*) FROM outbox WHERE"
	    " recipient = ? AND subject LIKE '[CRM] % → Demo, moved by %'",
	    "s", en_mail), 1);
	ck_assert_int_eq(tdb_int(-1, "SELECT COUNT(*) FROM outbox WHERE"
	    " recipient = ? AND subject LIKE '【CRM】%移至“方案演示”'", "s",
	    zh_mail), 1);
	mail = tdb_int(-1, "SELECT id FROM outbox WHERE recipient = ?", "s",
	    en_mail);
	port = strrchr(smtp, ':');
	ck_assert_msg(port != NULL && atoi(port + 1) > 0, "smtp_url %s has"
	    " no port", smtp);
	record = arena_printf(a, "/tmp/crm-sink-%s-%ld", it_tag(),
	    (long)getpid());
	unlink(record);

	/* The server is down: the mail waits with the reason. */
	scheduler_once(a);
	ck_assert_int_eq(tdb_int(-1, "SELECT attempts >= 1 AND last_error IS"
	    " NOT NULL AND sent_at IS NULL AND next_attempt_at > NOW()"
	    " FROM outbox WHERE id = ?", "i", mail), 1);

	/* Up again, and the retry falls due: delivered, to the right one. */
	sink = sink_start(atoi(port + 1), record);
	ck_assert_msg(sink > 0, "cannot listen on %s for the sink", smtp);
	tdb_exec("UPDATE outbox SET next_attempt_at = NOW() WHERE recipient"
	    " IN (?, ?) AND sent_at IS NULL", "ss", en_mail, zh_mail);
	scheduler_once(a);
	/* The running scheduler may have taken it first: same server. */
	for (tries = 0; tries < 50 && tdb_int(0, "SELECT COUNT(*) FROM outbox"
	    " WHERE recipient IN (?, ?) AND sent_at IS NOT NULL", "ss",
	    en_mail, zh_mail) < 2; tries++)
		usleep(200000);
	sink_stop(sink);
	ck_assert_int_eq(tdb_int(-1, "SELECT sent_at IS NOT NULL AND"
	    " last_error IS NULL FROM outbox WHERE id = ?", "i", mail), 1);
	text = file_text(a, record);
	unlink(record);
	subject = sink_subject(a, text, en_mail);
	ck_assert_msg(subject != NULL, "no mail to %s in: %.500s", en_mail,
	    text);
	ck_assert_str_eq(subject, tdb_str(a, "SELECT subject FROM outbox"
	    " WHERE id = ?", "i", mail));
	subject = sink_subject(a, text, zh_mail);
	ck_assert_ptr_nonnull(subject);
	ck_assert_msg(strstr(subject, "【CRM】") == subject, "subject %s",
	    subject);
	browser_free(b);
	tarena_free(a);
}
END_TEST

/*
 * A mail to a bad address is given up at once, and kept; mail sent or
 * given up over 30 days ago goes, newer mail stays.
 */
START_TEST(old_mail_leaves_the_outbox)
{
	struct arena	*a = tarena_new();
	const char	*to = arena_printf(a, "%s-purge@example.com",
	    it_unique(a));
	const char	*bad = arena_printf(a, "%s bad address", it_unique(a));
	const char	*age[] = { "31", "29" };
	size_t		 i;

	tdb_exec("INSERT INTO outbox (recipient, subject, body) VALUES (?,"
	    " 'bad', 'bad')", "s", bad);

	for (i = 0; i < 2; i++) {
		/* One sent, one given up, each that many days ago. */
		tdb_exec("INSERT INTO outbox (recipient, subject, body,"
		    " created_at, sent_at) VALUES (?, 'sent', ?,"
		    " NOW() - INTERVAL ? DAY, NOW() - INTERVAL ? DAY)", "ssss",
		    to, age[i], age[i], age[i]);
		tdb_exec("INSERT INTO outbox (recipient, subject, body,"
		    " attempts, next_attempt_at, created_at) VALUES (?,"
		    " 'given up', ?, 12, NULL, NOW() - INTERVAL ? DAY)", "sss",
		    to, age[i], age[i]);
	}
	scheduler_once(a);
	ck_assert_int_eq(tdb_int(-1, "SELECT COUNT(*) FROM outbox WHERE"
	    " recipient = ? AND sent_at IS NULL AND next_attempt_at IS NULL"
	    " AND attempts = 1 AND last_error = 'bad address'", "s", bad), 1);
	ck_assert_int_eq(tdb_int(-1, "SELECT COUNT(*) FROM outbox WHERE"
	    " recipient = ? AND body = '31'", "s", to), 0);
	ck_assert_int_eq(tdb_int(-1, "SELECT COUNT(*) FROM outbox WHERE"
	    " recipient = ? AND body = '29'", "s", to), 2);
	tdb_exec("DELETE FROM outbox WHERE recipient IN (?, ?)", "ss", to,
	    bad);
	tarena_free(a);
}
END_TEST

static Suite *
notifications_suite(void)
{
	Suite	*s = suite_create("notifications");
	TCase	*tc = it_tcase("notifications");

	tcase_add_test(tc, entering_demo_notifies_the_product_manager);
	tcase_add_test(tc, admins_set_the_rules_and_each_change_is_audited);
	tcase_add_test(tc, a_users_notifications_are_their_own);
	tcase_add_test(tc, a_stale_opportunity_is_flagged_and_its_owner_told_once);
	tcase_add_test(tc, mail_waits_in_the_outbox_until_the_server_takes_it);
	tcase_add_test(tc, old_mail_leaves_the_outbox);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_SUITE(notifications_suite)
