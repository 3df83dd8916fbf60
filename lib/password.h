/*
 * password.h - Argon2id password hashes and the password policy.
 *
 * Hashes are stored as PHC strings, the format of the reference argon2
 * implementation, e.g.
 *
 *	$argon2id$v=19$m=65536,t=3,p=4$<salt>$<tag>
 *
 * with salt and tag in standard base64 without padding. Verification takes
 * the cost from the string, so raising the defaults does not lock anyone
 * out; password_needs_rehash() says when to store a fresh hash after a
 * successful login. Call crypto_init() (token.h) before any of these.
 */
#ifndef CRM_PASSWORD_H
#define CRM_PASSWORD_H

#include <stddef.h>

struct arena;

/* Length limits of the policy, in code points. */
#define PASSWORD_MIN_LEN	12
#define PASSWORD_MAX_LEN	128

enum password_problem {
	PASSWORD_OK = 0,
	PASSWORD_BAD_UTF8,
	PASSWORD_TOO_SHORT,
	PASSWORD_TOO_LONG,
	PASSWORD_REPEATED,	/* a single character over and over */
	PASSWORD_USERNAME,	/* is or contains the user name */
	PASSWORD_COMMON		/* on the list of common or breached ones */
};

/* Hash a non-empty pw with a new salt at the current cost; 0 ok, -1 error. */
int	 password_hash(struct arena *, const char *pw, char **out);
/* 1 if pw matches the PHC string, 0 if not, -1 if it is malformed. */
int	 password_verify(const char *pw, const char *encoded);
/* 1 if encoded is weaker than the current cost, 0 if not, -1 malformed. */
/*
 * Spend the time of one verification at the current cost, so that an
 * unknown login answers as slowly as a wrong password.
 */
void	 password_spend(const char *pw);
int	 password_needs_rehash(const char *encoded);
/*
 * A random initial password (PASSWORD_INITIAL_LEN characters without look-
 * alikes such as 0/O and 1/l), shown once to the admin; the user must
 * replace it at first sign-in.
 */
#define PASSWORD_INITIAL_LEN	16
char	*password_initial(struct arena *);
/* Change the cost of new hashes; for tests and demo seeding only. */
void	 password_set_cost(unsigned t, unsigned m_kib, unsigned p);

/* Why pw is not acceptable for username (which may be NULL), if at all. */
enum password_problem
	 password_check_policy(const char *pw, const char *username);
/* Message catalogue key (ctx_msg) of a problem; NULL for PASSWORD_OK. */
const char *password_problem_key(enum password_problem);
/* 1 if pw, ignoring ASCII case, is on the list of common passwords. */
int	 password_is_common(const char *pw);

/* Raw Argon2id (RFC 9106) with optional secret and ad; 0 ok, -1 error. */
int	 password_argon2id_raw(void *tag, size_t taglen,
	    const void *pw, size_t pwlen, const void *salt, size_t saltlen,
	    const void *secret, size_t secretlen, const void *ad, size_t adlen,
	    unsigned t, unsigned m_kib, unsigned p);

#endif
