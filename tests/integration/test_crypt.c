/*
 * test_crypt.c - sensitive fields sealed at rest: what reaches the
 * database, a dump of it, and the audit log; values moved or changed
 * behind the application's back; key rotation and the sealing of values
 * stored before encryption, with the real crmctl.
 */
#include <sys/wait.h>

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
#include "suite.h"

/* Format and key version: the first five bytes of a sealed value. */
static const char sql_budget_head[] =
    "SELECT HEX(LEFT(budget_range, 5)) FROM customer WHERE id = ?";
static const char sql_budget_len[] =
    "SELECT LENGTH(budget_range) FROM customer WHERE id = ?";
static const char sql_budget_hex[] =
    "SELECT HEX(budget_range) FROM customer WHERE id = ?";
static const char sql_budget_set_hex[] =
    "UPDATE customer SET budget_range = UNHEX(?) WHERE id = ?";
static const char sql_budget_set_plain[] =
    "UPDATE customer SET budget_range = ? WHERE id = ?";
/* Flip one bit of the ciphertext. */
static const char sql_budget_flip[] =
    "UPDATE customer SET budget_range = CONCAT(LEFT(budget_range, 20),"
    " CHAR(ASCII(SUBSTR(budget_range, 21, 1)) ^ 1),"
    " SUBSTR(budget_range, 22)) WHERE id = ?";
static const char sql_key_prefs_len[] =
    "SELECT LENGTH(preferences) FROM contact"
    " WHERE customer_id = ? AND is_key = 1";
static const char sql_key_prefs_head[] =
    "SELECT HEX(LEFT(preferences, 1)) FROM contact"
    " WHERE customer_id = ? AND is_key = 1";
static const char sql_audit_mentions[] =
    "SELECT COUNT(*) FROM audit_log WHERE old_value LIKE ?"
    " OR new_value LIKE ?";
static const char sql_sealed_change[] =
    "SELECT COUNT(*) FROM audit_log WHERE record_type = 'customer'"
    " AND record_id = ? AND action = 'update_sealed' AND field = 'budget'"
    " AND old_value IS NULL AND new_value IS NULL";
static const char sql_budget_stale[] =
    "SELECT COUNT(*) FROM customer WHERE budget_range IS NOT NULL"
    " AND LEFT(budget_range, 5) <> (SELECT LEFT(budget_range, 5)"
    " FROM customer WHERE id = ?)";

#define SEAL_OVERHEAD	33	/* format, version, nonce, tag */

/* Run argv, its standard output into out; the exit status, or -1. */
static int
run_capture(char *const argv[], struct buf *out)
{
	char	 chunk[65536];
	ssize_t	 n;
	pid_t	 pid;
	int	 fd[2], status;

	ck_assert_int_eq(pipe(fd), 0);
	if ((pid = fork()) == 0) {
		dup2(fd[1], STDOUT_FILENO);
		close(fd[0]);
		close(fd[1]);
		execvp(argv[0], argv);
		_exit(127);
	}
	ck_assert_int_gt(pid, 0);
	close(fd[1]);
	while ((n = read(fd[0], chunk, sizeof(chunk))) > 0)
		buf_append(out, chunk, (size_t)n);
	close(fd[0]);
	if (waitpid(pid, &status, 0) == -1 || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

/* crmctl of the build under test on this instance; asserts success. */
static void
crmctl(struct arena *a, const char *command)
{
	const char	*var = getenv("CRM_VAR"), *build = getenv("CRM_BUILD");
	char		*argv[5];
	struct buf	 out;

	ck_assert_msg(var != NULL, "CRM_VAR must name the instance");
	argv[0] = arena_printf(a, "%s/tools/crmctl", build ? build :
	    "build/rel");
	argv[1] = "--config";
	argv[2] = arena_printf(a, "%s/crm.conf", var);
	argv[3] = (char *)command;
	argv[4] = NULL;
	buf_init(&out, a);
	ck_assert_msg(run_capture(argv, &out) == 0, "%s %s failed: %s",
	    argv[0], command, buf_str(&out));
}

/* A new sales rep, signed in, who sees English pages. */
static struct browser *
rep(struct arena *a)
{
	return it_browser(it_user(a, it_unique(a), "sales_rep", NULL, 0),
	    IT_PASSWORD);
}

/* A customer with this budget and key contact preferences; its id. */
static long long
sealed_customer(struct arena *a, struct browser *b, const char *budget,
    const char *prefs)
{
	struct cust	 c;

	it_cust_defaults(&c, arena_printf(a, "密封%s", it_unique(a)),
	    it_mobile(a));
	c.budget = budget;
	c.contact_preferences = prefs;
	return it_cust_create(b, &c);
}

/* The budget range as the detail page shows it ("" for none). */
static char *
shown_budget(struct arena *a, struct browser *b, long long id)
{
	static const char	 mark[] = "Budget range</dt><dd>";
	struct resp		*r = http_get(b, "/customers/%lld", id);
	const char		*p, *end;

	ck_status(r, 200);
	p = strstr(r->body, mark);
	ck_assert_msg(p != NULL, "no budget on the page");
	p += sizeof(mark) - 1;
	end = strstr(p, "</dd>");
	ck_assert_ptr_nonnull(end);
	return arena_strndup(a, p, (size_t)(end - p));
}

START_TEST(sensitive_fields_are_sealed_where_they_are_stored)
{
	struct arena	*a = tarena_new();
	struct browser	*b = rep(a);
	const char	*prefs = arena_printf(a, "只在周二开会 %s", it_unique(a));
	long long	 id = sealed_customer(a, b, "300k_500k", prefs);
	struct resp	*r;
	struct cust	 c;

	ck_assert_str_eq(arena_strndup(a, tdb_str(a, sql_budget_head, "i",
	    id), 2), "01");
	ck_assert_int_eq(tdb_int(-1, sql_budget_len, "i", id),
	    SEAL_OVERHEAD + (long long)strlen("300k_500k"));
	ck_assert_str_eq(tdb_str(a, sql_key_prefs_head, "i", id), "01");
	ck_assert_int_eq(tdb_int(-1, sql_key_prefs_len, "i", id),
	    SEAL_OVERHEAD + (long long)strlen(prefs));

	/* The page opens both. */
	r = http_get(b, "/customers/%lld", id);
	ck_status(r, 200);
	ck_assert(resp_has(r, "300k–500k CNY"));
	ck_assert(resp_has(r, prefs));

	/* A change is audited as a change, without the values. */
	it_cust_defaults(&c, NULL, NULL);
	c.name = tdb_str(a, "SELECT name FROM customer WHERE id = ?", "i", id);
	c.contact_name = c.contact_title = c.contact_email = NULL;
	c.budget = "gt500k";
	ck_redirect(it_cust_edit(b, id, &c, "1"),
	    arena_printf(a, "/customers/%lld", id));
	ck_assert_int_eq(tdb_int(-1, sql_sealed_change, "i", id), 1);
	ck_assert_int_eq(tdb_int(-1, sql_audit_mentions, "ss", "%gt500k%",
	    "%gt500k%"), 0);
	ck_assert_int_eq(tdb_int(-1, sql_audit_mentions, "ss",
	    arena_printf(a, "%%%s%%", prefs), arena_printf(a, "%%%s%%",
	    prefs)), 0);
	ck_assert_str_eq(shown_budget(a, b, id), "&gt; 500k CNY");
	browser_free(b);
	tarena_free(a);
}
END_TEST

START_TEST(a_dump_holds_no_plaintext)
{
	struct arena	*a = tarena_new();
	struct browser	*b = rep(a);
	const char	*prefs = arena_printf(a, "dump-marker-%s", it_unique(a));
	char		*argv[9];
	struct buf	 out;

	sealed_customer(a, b, "300k_500k", prefs);
	argv[0] = "mariadb-dump";
	argv[1] = "--no-defaults";
	argv[2] = arena_printf(a, "--socket=%s", getenv("CRM_TEST_DB_SOCKET"));
	argv[3] = "-uroot";
	argv[4] = "--skip-extended-insert";
	argv[5] = "crm";
	argv[6] = NULL;
	buf_init(&out, a);
	ck_assert_int_eq(run_capture(argv, &out), 0);
	ck_assert_msg(out.len > 10000, "dump of %zu bytes", out.len);
	ck_assert(memmem(out.data, out.len, prefs, strlen(prefs)) == NULL);

	/* Budget codes appear in the choice list, never in customer rows. */
	argv[6] = "customer";
	argv[7] = "audit_log";
	argv[8] = NULL;
	buf_truncate(&out, 0);
	ck_assert_int_eq(run_capture(argv, &out), 0);
	ck_assert(memmem(out.data, out.len, "INSERT INTO `customer`", 22) !=
	    NULL);
	ck_assert(memmem(out.data, out.len, "300k_500k", 9) == NULL);
	ck_assert(memmem(out.data, out.len, "100k_300k", 9) == NULL);
	browser_free(b);
	tarena_free(a);
}
END_TEST

START_TEST(moved_or_changed_values_do_not_open)
{
	struct arena	*a = tarena_new();
	struct browser	*b = rep(a);
	long long	 one = sealed_customer(a, b, "300k_500k", NULL);
	long long	 two = sealed_customer(a, b, "lt100k", NULL);
	const char	*moved, *flipped;
	struct cust	 c;

	/* The other row's value, bit for bit: the row id does not match. */
	moved = tdb_str(a, sql_budget_hex, "i", one);
	tdb_exec(sql_budget_set_hex, "si", moved, two);
	ck_assert_str_eq(shown_budget(a, b, two), "");

	/* One bit changed: the tag does not match. */
	tdb_exec(sql_budget_flip, "i", one);
	flipped = tdb_str(a, sql_budget_hex, "i", one);
	ck_assert_str_ne(flipped, moved);
	ck_assert_str_eq(shown_budget(a, b, one), "");

	/* Saving the form, which showed no budget, leaves the value alone. */
	it_cust_defaults(&c, NULL, NULL);
	c.name = tdb_str(a, "SELECT name FROM customer WHERE id = ?", "i",
	    one);
	c.contact_name = c.contact_title = c.contact_email = NULL;
	c.budget = NULL;
	c.grade = "strategic";
	ck_redirect(it_cust_edit(b, one, &c, "1"),
	    arena_printf(a, "/customers/%lld", one));
	ck_assert_str_eq(tdb_str(a, sql_budget_hex, "i", one), flipped);

	/* Key rotation rightly stops at such values: clear them. */
	tdb_exec(sql_budget_set_plain, "ni", one);
	tdb_exec(sql_budget_set_plain, "ni", two);
	browser_free(b);
	tarena_free(a);
}
END_TEST

START_TEST(rotation_reseals_and_old_plaintext_is_sealed)
{
	struct arena	*a = tarena_new();
	struct browser	*b = rep(a);
	long long	 old = sealed_customer(a, b, "100k_300k", NULL);
	long long	 legacy = sealed_customer(a, b, "lt100k", NULL);
	const char	*before = tdb_str(a, sql_budget_head, "i", old);
	long long	 fresh;

	/* Plaintext as it was stored before the column was sealed. */
	tdb_exec(sql_budget_set_plain, "si", "gt500k", legacy);
	ck_assert_str_eq(shown_budget(a, b, legacy), "");

	crmctl(a, "key-rotate");
	ck_assert_str_ne(tdb_str(a, sql_budget_head, "i", old), before);
	ck_assert_int_eq(tdb_int(-1, sql_budget_stale, "i", old), 0);
	ck_assert_str_eq(tdb_str(a, sql_budget_head, "i", legacy),
	    tdb_str(a, sql_budget_head, "i", old));
	ck_assert_str_eq(shown_budget(a, b, old), "100k–300k CNY");
	ck_assert_str_eq(shown_budget(a, b, legacy), "&gt; 500k CNY");

	/* The running programs seal new values with the new key at once. */
	fresh = sealed_customer(a, b, "lt100k", NULL);
	ck_assert_str_eq(tdb_str(a, sql_budget_head, "i", fresh),
	    tdb_str(a, sql_budget_head, "i", old));
	browser_free(b);
	tarena_free(a);
}
END_TEST

static Suite *
crypt_suite(void)
{
	Suite	*s = suite_create("crypt");
	TCase	*tc = it_tcase("sealed fields");

	tcase_add_test(tc, sensitive_fields_are_sealed_where_they_are_stored);
	tcase_add_test(tc, a_dump_holds_no_plaintext);
	tcase_add_test(tc, moved_or_changed_values_do_not_open);
	tcase_add_test(tc, rotation_reseals_and_old_plaintext_is_sealed);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_SUITE(crypt_suite)
