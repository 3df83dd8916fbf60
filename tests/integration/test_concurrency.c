/*
 * test_concurrency.c - simultaneous requests: customer and opportunity
 * codes stay unique and optimistic locking lets exactly one of several
 * edits through.
 *
 * Every browser signs in first; then one child process per browser waits
 * on a pipe, and closing the pipe starts them all at the same moment.
 */
#include <sys/wait.h>

#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "dbtest.h"
#include "fixture.h"
#include "http.h"
#include "keep.h"
#include "suite.h"

#define RACERS	8

/* What one racer reports back to the test. */
struct outcome {
	int		 status;
	long long	 id;		/* from Location, or -1 */
};

/* One racer's request; i tells the racers apart. */
typedef struct resp *(*race_fn)(struct browser *, int i, void *arg);

/* What a race runs and where its answers point: "/customers/". */
struct race {
	race_fn		 fn;
	void		*arg;
	const char	*prefix;
};

/* In the child: wait for the start, run, report, exit without Check. */
static void
racer(struct browser *b, int i, const struct race *rc, int go, int done)
{
	struct outcome	 o;
	struct resp	*r;
	char		 c;

	while (read(go, &c, 1) == -1)
		continue;
	r = rc->fn(b, i, rc->arg);
	o.status = r->status;
	o.id = it_location_id(r, rc->prefix);
	if (write(done, &o, sizeof(o)) != (ssize_t)sizeof(o))
		_exit(1);
	_exit(0);
}

/* Run the race in RACERS processes at once; outcomes in index order. */
static void
race(struct browser **b, const struct race *rc, struct outcome *out)
{
	int		 go[2], done[RACERS][2], i, status;
	pid_t		 pid[RACERS];

	ck_assert_int_eq(pipe(go), 0);
	for (i = 0; i < RACERS; i++) {
		ck_assert_int_eq(pipe(done[i]), 0);
		pid[i] = fork();
		ck_assert_int_ne(pid[i], -1);
		if (pid[i] == 0) {
			close(go[1]);
			racer(b[i], i, rc, go[0], done[i][1]);
		}
		close(done[i][1]);
	}
	close(go[0]);
	close(go[1]);
	for (i = 0; i < RACERS; i++) {
		ck_assert_int_eq(read(done[i][0], &out[i], sizeof(out[i])),
		    sizeof(out[i]));
		close(done[i][0]);
		ck_assert_int_eq(waitpid(pid[i], &status, 0), pid[i]);
		ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	}
}

/* RACERS browsers signed in as one user of this run. */
static void
sign_in_all(struct arena *a, struct browser **b)
{
	const char	*login = it_user(a, "race", "sales_rep", "华东销售部",
			    0);
	int		 i;

	for (i = 0; i < RACERS; i++)
		b[i] = it_browser(login, IT_PASSWORD);
}

static void
free_all(struct browser **b)
{
	int	i;

	for (i = 0; i < RACERS; i++)
		browser_free(b[i]);
}

static struct resp *
create_one(struct browser *b, int i, void *arg)
{
	struct cust	*c = arg;

	return it_cust_submit(b, &c[i]);
}

START_TEST(concurrent_creates_get_distinct_codes)
{
	struct arena	*a = tarena_new();
	struct browser	*b[RACERS];
	struct cust	 c[RACERS];
	struct outcome	 out[RACERS];
	struct race	 rc = { create_one, c, "/customers/" };
	char		*code[RACERS];
	int		 i, j;

	sign_in_all(a, b);
	for (i = 0; i < RACERS; i++)
		it_cust_defaults(&c[i], arena_printf(a, "并发客户%d %s", i,
		    it_unique(a)), it_mobile(a));
	race(b, &rc, out);
	for (i = 0; i < RACERS; i++) {
		ck_assert_msg(out[i].status == 303 && out[i].id > 0,
		    "racer %d: HTTP %d", i, out[i].status);
		code[i] = tdb_str(a, "SELECT code FROM customer WHERE id = ?"
		    " AND name = ?", "is", out[i].id, c[i].name);
		ck_assert_msg(code[i] != NULL, "customer %lld is not %s",
		    out[i].id, c[i].name);
		ck_assert_msg(it_matches(code[i], CODE_PATTERN), "code %s",
		    code[i]);
		for (j = 0; j < i; j++)
			ck_assert_str_ne(code[i], code[j]);
	}
	free_all(b);
	tarena_free(a);
}
END_TEST

/* The edit race: everybody saves on top of version 1. */
struct edit_race {
	long long	 id;
	const char	*names[RACERS];
};

static struct resp *
edit_one(struct browser *b, int i, void *arg)
{
	struct edit_race	*e = arg;
	struct cust		 c;
	struct post		 p;

	it_cust_defaults(&c, e->names[i], NULL);
	c.contact_name = c.contact_title = c.contact_email = NULL;
	post_init(&p, b);
	it_cust_post(&p, &c);
	post_add(&p, "version", "1");
	return http_post(b, &p, "/customers/%lld", e->id);
}

START_TEST(concurrent_edits_one_wins)
{
	struct arena		*a = tarena_new();
	struct browser		*b[RACERS];
	struct outcome		 out[RACERS];
	struct edit_race	 e;
	struct race		 rc = { edit_one, &e, "/customers/" };
	const char		*saved;
	int			 i, winners = 0, winner = -1;

	sign_in_all(a, b);
	e.id = it_customer(b[0], arena_printf(a, "并发修改 %s", it_unique(a)),
	    it_mobile(a));
	for (i = 0; i < RACERS; i++)
		e.names[i] = arena_printf(a, "并发修改%d %s", i, it_unique(a));
	race(b, &rc, out);
	for (i = 0; i < RACERS; i++) {
		if (out[i].status == 303) {
			winners++;
			winner = i;
		} else
			ck_assert_msg(out[i].status == 409 ||
			    out[i].status == 422, "racer %d: HTTP %d", i,
			    out[i].status);
	}
	ck_assert_int_eq(winners, 1);
	saved = tdb_str(a, "SELECT name FROM customer WHERE id = ?", "i",
	    e.id);
	ck_assert_str_eq(saved, e.names[winner]);
	ck_assert_int_eq(tdb_int(-1, "SELECT version FROM customer"
	    " WHERE id = ?", "i", e.id), 2);
	ck_assert_int_eq(it_audit_count(e.id, "update", "name", NULL, NULL), 1);
	free_all(b);
	tarena_free(a);
}
END_TEST

/* Opportunities on one customer, everyone creating at once. */
struct opp_race {
	const char	*customer;	/* its code */
	const char	*close, *lead;
	const char	*names[RACERS];
};

static struct resp *
opp_create_one(struct browser *b, int i, void *arg)
{
	struct opp_race	*o = arg;
	struct post	 p;

	post_init(&p, b);
	post_add(&p, "name", o->names[i]);
	post_add(&p, "customer", o->customer);
	post_add(&p, "amount", "10000");
	post_add(&p, "expected_close", o->close);
	post_add(&p, "lead_source", "referral");
	post_add(&p, "lead_date", o->lead);
	post_add(&p, "stage", "lead");
	return http_post(b, &p, "/opportunities");
}

START_TEST(concurrent_opportunities_get_distinct_codes)
{
	struct arena	*a = tarena_new();
	struct browser	*b[RACERS];
	struct outcome	 out[RACERS];
	struct opp_race	 o;
	struct race	 rc = { opp_create_one, &o, "/opportunities/" };
	char		*code[RACERS];
	long long	 cid;
	int		 i, j;

	sign_in_all(a, b);
	cid = it_customer(b[0], arena_printf(a, "并发机会 %s", it_unique(a)),
	    it_mobile(a));
	o.customer = tdb_str(a, "SELECT code FROM customer WHERE id = ?", "i",
	    cid);
	o.close = it_day(a, 20);
	o.lead = it_day(a, -1);
	for (i = 0; i < RACERS; i++)
		o.names[i] = arena_printf(a, "并发机会%d %s", i, it_unique(a));
	race(b, &rc, out);
	for (i = 0; i < RACERS; i++) {
		ck_assert_msg(out[i].status == 303 && out[i].id > 0,
		    "racer %d: HTTP %d", i, out[i].status);
		code[i] = tdb_str(a, "SELECT code FROM opportunity"
		    " WHERE id = ? AND name = ?", "is", out[i].id, o.names[i]);
		ck_assert_msg(code[i] != NULL, "opportunity %lld is not %s",
		    out[i].id, o.names[i]);
		ck_assert_msg(it_matches(code[i], "^SO[0-9]{6}[0-9]{3,}$"),
		    "code %s", code[i]);
		for (j = 0; j < i; j++)
			ck_assert_str_ne(code[i], code[j]);
	}
	free_all(b);
	tarena_free(a);
}
END_TEST

static Suite *
concurrency_suite(void)
{
	Suite	*s = suite_create("concurrency");
	TCase	*tc = it_tcase("concurrency");

	tcase_add_test(tc, concurrent_creates_get_distinct_codes);
	tcase_add_test(tc, concurrent_edits_one_wins);
	tcase_add_test(tc, concurrent_opportunities_get_distinct_codes);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_SUITE(concurrency_suite)
