/*
 * fixture.h - what the integration suites share: the run's tag, users and
 * customers made for a test, signed-in browsers, and reading HTML.
 *
 * Everything a run creates carries its tag ("it" and hex digits), so that
 * runs never see each other's data and the clean-up finds exactly ours.
 * Users made here sign in with IT_PASSWORD and see English pages.
 */
#ifndef IT_FIXTURE_H
#define IT_FIXTURE_H

#include <check.h>
#include <stddef.h>

#include "http.h"

struct arena;

/* Seconds per test case: Argon2 sign-ins are slow under sanitizers. */
#define IT_TIMEOUT	300
#define IT_PASSWORD	"Integration-Test-Pass-7781"

/* A demo login of crmctl seed-demo. */
struct login {
	const char	*login;
	const char	*pw;
};

extern const struct login demo_director, demo_rep1, demo_rep3, demo_agent;

/* The fields of a new customer and its key contact; NULL ones are left
 * out of the form, products is a comma-separated list of codes sent as
 * one checkbox each. it_cust_defaults fills in valid values. */
struct cust {
	const char	*name, *industry, *grade, *address, *products;
	const char	*budget, *purchase_date, *satisfaction, *owner;
	const char	*contact_name, *contact_title, *contact_mobile;
	const char	*contact_email, *contact_preferences;
};

/* Check the environment and prepare the run; -1 (explained) if unusable. */
int		 it_init(void);
/* End of the run: remove login failures and retire the users it made. */
void		 it_finish(void);
/* A test case with a generous timeout and clean-up after it. */
TCase		*it_tcase(const char *name);

const char	*it_tag(void);
/* Lowercase letters and digits, never the same twice. */
char		*it_unique(struct arena *);
/* A valid mainland mobile number no contact has yet. */
char		*it_mobile(struct arena *);
/* Today as the database sees it, YYYY-MM-DD, with an offset in days. */
char		*it_day(struct arena *, int offset);

/* The login "<tag>_<suffix>", made once with role, team (name or NULL)
 * and must_change_pw; password IT_PASSWORD. */
const char	*it_user(struct arena *, const char *suffix, const char *role,
		    const char *team, int must_change);
long long	 it_user_id(const char *login);
/* A fresh browser signed in (asserted) as login. */
struct browser	*it_browser(const char *login, const char *pw);
struct browser	*it_demo(const struct login *);
/* GET /confirm?next=next, then POST the password pw from that page. */
struct resp	*it_confirm(struct browser *, const char *pw, const char *next);
/* A new admin, signed in and past the password confirmation; its login
 * in *login unless NULL. */
struct browser	*it_admin(struct arena *, const char **login);

void		 it_cust_defaults(struct cust *, const char *name,
		    const char *mobile);
void		 it_cust_post(struct post *, const struct cust *);
/* POST /customers with the browser's token. */
struct resp	*it_cust_submit(struct browser *, const struct cust *);
/* POST the edit form of customer id with these fields and version. */
struct resp	*it_cust_edit(struct browser *, long long id,
		    const struct cust *, const char *version);
/* Create this customer (asserted); its id. */
long long	 it_cust_create(struct browser *, const struct cust *);
/* Create a customer (asserted); its id. */
long long	 it_customer(struct browser *, const char *name,
		    const char *mobile);
/* Everything about a customer that a request could change, as one
 * string: equal before and after means nothing was written. */
char		*it_customer_state(struct arena *, long long id);
/* Audit rows of customer id with this action and, unless NULL, field,
 * old and new value. */
long long	 it_audit_count(long long id, const char *action,
		    const char *field, const char *old_value,
		    const char *new_value);
/* One field's access on a role's rules form. */
struct it_rule {
	const char	*field;		/* "<record type>.<field>" */
	const char	*access;	/* NULL: left out of the form */
};
/*
 * POST role id's field rules form with these rules; every other field of
 * the form gets others, or with others NULL keeps its access.
 */
struct resp	*it_rules_post(struct browser *, long long role,
		    const struct it_rule *, size_t n, const char *others);
/* The id of the role with this code, or -1. */
long long	 it_role_id(const char *code);

/* The id in a Location of prefix followed by digits, or -1. */
long long	 it_location_id(const struct resp *, const char *prefix);

/* The part of a page worth showing in a failure message. */
const char	*it_snippet(const struct resp *);
/* Fail unless r has status want (or is a 303 to where); the message
 * names the caller's line. Each evaluates r once. */
void		 it_check_status(const struct resp *r, int want,
		    const char *file, int line);
void		 it_check_redirect(const struct resp *r, const char *where,
		    const char *file, int line);
#define ck_status(r, want)	it_check_status((r), (want), __FILE__, __LINE__)
#define ck_redirect(r, where)	it_check_redirect((r), (where), __FILE__, \
				    __LINE__)

/* Whether s matches the extended regular expression pattern. */
int		 it_matches(const char *s, const char *pattern);
#define CODE_PATTERN	"^CRM[0-9]{4}[0-9]{3,}$"

/* The value attribute of the input called name, still escaped; or NULL. */
char		*html_input(struct arena *, const char *html,
		    const char *name);
/* Whether the error message beside field name is shown. */
int		 html_field_error(const char *html, const char *name);
/* The href of the rel="next" link, unescaped; or NULL. */
char		*html_next(struct arena *, const char *html);
/* The customer ids linked from the rows of a table, in order. */
size_t		 html_ids(const char *html, long long *ids, size_t max);
/* Whether a table row links to customer id. */
int		 html_has_id(const char *html, long long id);

#endif
