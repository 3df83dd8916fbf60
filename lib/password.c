/*
 * password.c - Argon2id hashing, PHC strings and the password policy.
 *
 * libgcrypt 1.10 offers Argon2 only through gcry_kdf_open(); it keeps
 * pointers to the inputs and wipes its own memory on close. This file owns
 * the process-wide cost of new hashes and everything derived from a
 * password on its way through: those stack buffers are wiped before return.
 * The list of common passwords is in password_common.c.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <gcrypt.h>

#include "arena.h"
#include "password.h"
#include "token.h"
#include "utf8.h"

#define SALT_LEN	16
#define TAG_LEN		32

/*
 * What a stored string may ask for. The ceilings keep a forged or corrupt
 * hash from tying up a worker for minutes or gigabytes (and keep libgcrypt's
 * 32-bit block arithmetic from overflowing).
 */
#define SALT_MIN	8
#define SALT_MAX	64
#define TAG_MIN		16
#define TAG_MAX		64
#define RAW_TAG_MIN	4		/* RFC 9106, for the raw interface */
#define T_MAX		20
#define P_MAX		16
#define M_MAX		(1024UL * 1024)	/* KiB: 1 GiB */

/* Base64 characters for n bytes without padding, plus the NUL. */
#define B64_SIZE(n)	(((n) * 4 + 2) / 3 + 1)

/*
 * A shorter user name would forbid ordinary words ("jo" in "enjoy"), and
 * could never equal a password of the minimum length anyway.
 */
#define USERNAME_MIN	3

struct cost {
	unsigned long	 t;	/* passes */
	unsigned long	 m;	/* memory in KiB */
	unsigned long	 p;	/* lanes */
};

struct phc {
	struct cost	 cost;
	unsigned char	 salt[SALT_MAX];
	size_t		 saltlen;
	unsigned char	 tag[TAG_MAX];
	size_t		 taglen;
};

/* RFC 9106's choice for when 2 GiB per hash is too much (section 4). */
static struct cost	 cost = { 3, 65536, 4 };

static const char	 b64chars[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static int
cost_ok(const struct cost *c)
{
	return c->t >= 1 && c->t <= T_MAX &&
	    c->p >= 1 && c->p <= P_MAX &&
	    c->m >= 8 * c->p && c->m <= M_MAX;
}

int
password_argon2id_raw(void *tag, size_t taglen,
    const void *pw, size_t pwlen, const void *salt, size_t saltlen,
    const void *secret, size_t secretlen, const void *ad, size_t adlen,
    unsigned t, unsigned m_kib, unsigned p)
{
	struct cost	 c = { t, m_kib, p };
	unsigned long	 param[4];
	gcry_kdf_hd_t	 h;
	gcry_error_t	 err;

	/* Argon2 hashes every length as 32 bits. */
	if (!cost_ok(&c) || taglen < RAW_TAG_MIN || taglen > TAG_MAX ||
	    pwlen > UINT32_MAX || saltlen > UINT32_MAX ||
	    secretlen > UINT32_MAX || adlen > UINT32_MAX)
		return -1;
	param[0] = taglen;
	param[1] = c.t;
	param[2] = c.m;
	param[3] = c.p;
	if (gcry_kdf_open(&h, GCRY_KDF_ARGON2, GCRY_KDF_ARGON2ID, param, 4,
	    pw, pwlen, salt, saltlen, secret, secretlen, ad, adlen) != 0)
		return -1;
	if ((err = gcry_kdf_compute(h, NULL)) == 0)
		err = gcry_kdf_final(h, taglen, tag);
	gcry_kdf_close(h);
	return err == 0 ? 0 : -1;
}

static int
argon2id(unsigned char *tag, size_t taglen, const char *pw,
    const unsigned char *salt, size_t saltlen, const struct cost *c)
{
	/* Every byte counts: no truncation, whatever the length. */
	return password_argon2id_raw(tag, taglen, pw, strlen(pw),
	    salt, saltlen, NULL, 0, NULL, 0, c->t, c->m, c->p);
}

/* Standard base64 without padding, as the reference argon2 writes it. */
static void
b64_encode(char *dst, const unsigned char *src, size_t n)
{
	uint32_t	 acc = 0;
	unsigned	 bits = 0;
	size_t		 i;

	for (i = 0; i < n; i++) {
		acc = acc << 8 | src[i];
		bits += 8;
		while (bits >= 6) {
			bits -= 6;
			*dst++ = b64chars[(acc >> bits) & 0x3f];
		}
	}
	if (bits > 0)
		*dst++ = b64chars[(acc << (6 - bits)) & 0x3f];
	*dst = '\0';
}

static int
b64_value(int c)
{
	const char	*p;

	if (c == '\0' || (p = strchr(b64chars, c)) == NULL)
		return -1;
	return (int)(p - b64chars);
}

/*
 * Decode base64 up to the next '$' or the end into out[0..outsz).
 * Padding and leftover non-zero bits are rejected, so that every hash has
 * exactly one spelling.
 */
static int
b64_decode(const char **sp, unsigned char *out, size_t outsz, size_t *outlen)
{
	const char	*s = *sp;
	uint32_t	 acc = 0;
	unsigned	 bits = 0;
	size_t		 n = 0;
	int		 v;

	for (; *s != '$' && *s != '\0'; s++) {
		if ((v = b64_value((unsigned char)*s)) == -1)
			return -1;
		acc = acc << 6 | (uint32_t)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			if (n == outsz)
				return -1;
			out[n++] = (unsigned char)(acc >> bits);
		}
	}
	if (bits > 4 || (acc & ((1U << bits) - 1)) != 0)
		return -1;
	*sp = s;
	*outlen = n;
	return 0;
}

static int
expect(const char **sp, const char *lit)
{
	size_t	 n = strlen(lit);

	if (strncmp(*sp, lit, n) != 0)
		return -1;
	*sp += n;
	return 0;
}

/* A decimal from 1 to max with no sign and no leading zero. */
static int
decimal(const char **sp, unsigned long max, unsigned long *v)
{
	const char	*s = *sp;
	unsigned long	 n = 0;

	if (*s < '1' || *s > '9')
		return -1;
	for (; *s >= '0' && *s <= '9'; s++)
		if ((n = n * 10 + (unsigned long)(*s - '0')) > max)
			return -1;
	*sp = s;
	*v = n;
	return 0;
}

/* Only the exact form we write is accepted: fixed order, no extras. */
static int
phc_parse(const char *s, struct phc *ph)
{
	if (expect(&s, "$argon2id$v=19$m=") == -1 ||
	    decimal(&s, M_MAX, &ph->cost.m) == -1 ||
	    expect(&s, ",t=") == -1 ||
	    decimal(&s, T_MAX, &ph->cost.t) == -1 ||
	    expect(&s, ",p=") == -1 ||
	    decimal(&s, P_MAX, &ph->cost.p) == -1 ||
	    expect(&s, "$") == -1 ||
	    b64_decode(&s, ph->salt, sizeof(ph->salt), &ph->saltlen) == -1 ||
	    expect(&s, "$") == -1 ||
	    b64_decode(&s, ph->tag, sizeof(ph->tag), &ph->taglen) == -1 ||
	    *s != '\0')
		return -1;
	if (!cost_ok(&ph->cost) || ph->saltlen < SALT_MIN ||
	    ph->taglen < TAG_MIN)
		return -1;
	return 0;
}

int
password_hash(struct arena *a, const char *pw, char **out)
{
	unsigned char	 salt[SALT_LEN], tag[TAG_LEN];
	char		 salt64[B64_SIZE(SALT_LEN)], tag64[B64_SIZE(TAG_LEN)];
	int		 rc = -1;

	token_random(salt, sizeof(salt));
	if (argon2id(tag, sizeof(tag), pw, salt, sizeof(salt), &cost) == 0) {
		b64_encode(salt64, salt, sizeof(salt));
		b64_encode(tag64, tag, sizeof(tag));
		*out = arena_printf(a, "$argon2id$v=19$m=%lu,t=%lu,p=%lu$%s$%s",
		    cost.m, cost.t, cost.p, salt64, tag64);
		rc = 0;
	}
	explicit_bzero(tag, sizeof(tag));
	explicit_bzero(tag64, sizeof(tag64));
	return rc;
}

int
password_verify(const char *pw, const char *encoded)
{
	struct phc	 ph;
	unsigned char	 tag[TAG_MAX];
	int		 rc;

	if (phc_parse(encoded, &ph) == -1)
		return -1;
	/* libgcrypt refuses an empty password, and none can have been set. */
	if (pw[0] == '\0')
		return 0;
	if (argon2id(tag, ph.taglen, pw, ph.salt, ph.saltlen, &ph.cost) == -1)
		rc = -1;
	else
		rc = token_equal(tag, ph.tag, ph.taglen);
	explicit_bzero(tag, sizeof(tag));
	return rc;
}

void
password_spend(const char *pw)
{
	unsigned char	salt[SALT_LEN] = { 0 }, tag[TAG_LEN];

	(void)argon2id(tag, sizeof(tag), pw[0] ? pw : "-", salt, sizeof(salt),
	    &cost);
	explicit_bzero(tag, sizeof(tag));
}

int
password_needs_rehash(const char *encoded)
{
	struct phc	 ph;

	if (phc_parse(encoded, &ph) == -1)
		return -1;
	return ph.cost.t < cost.t || ph.cost.m < cost.m ||
	    ph.cost.p < cost.p || ph.saltlen < SALT_LEN ||
	    ph.taglen < TAG_LEN;
}

void
password_set_cost(unsigned t, unsigned m_kib, unsigned p)
{
	struct cost	 c = { t, m_kib, p };

	/* Only tests and seeding call this: nonsense is a bug to stop at. */
	if (!cost_ok(&c))
		abort();
	cost = c;
}

static int
ascii_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* 1 if s[0..n) is one code point over and over, ignoring ASCII case. */
static int
repeated(const char *s, size_t n)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 cp, i;

	/* The string is valid UTF-8, so the lead byte gives the length. */
	cp = p[0] < 0x80 ? 1 : p[0] < 0xe0 ? 2 : p[0] < 0xf0 ? 3 : 4;
	for (i = cp; i < n; i++)
		if (ascii_lower(p[i]) != ascii_lower(p[i % cp]))
			return 0;
	return 1;
}

/* 1 if needle occurs in hay, ignoring ASCII case. */
static int
contains(const char *hay, const char *needle)
{
	size_t	 hn = strlen(hay), nn = strlen(needle), i, j;

	for (i = 0; nn <= hn && i <= hn - nn; i++) {
		for (j = 0; j < nn; j++)
			if (ascii_lower((unsigned char)hay[i + j]) !=
			    ascii_lower((unsigned char)needle[j]))
				break;
		if (j == nn)
			return 1;
	}
	return 0;
}

enum password_problem
password_check_policy(const char *pw, const char *username)
{
	size_t	 n, len;

	/* Longer than the longest possible 128 code points: no need to look. */
	if ((n = strnlen(pw, 4 * PASSWORD_MAX_LEN + 1)) > 4 * PASSWORD_MAX_LEN)
		return PASSWORD_TOO_LONG;
	if (!utf8_valid(pw, n))
		return PASSWORD_BAD_UTF8;
	if ((len = utf8_len(pw)) < PASSWORD_MIN_LEN)
		return PASSWORD_TOO_SHORT;
	if (len > PASSWORD_MAX_LEN)
		return PASSWORD_TOO_LONG;
	if (repeated(pw, n))
		return PASSWORD_REPEATED;
	if (username != NULL && strlen(username) >= USERNAME_MIN &&
	    contains(pw, username))
		return PASSWORD_USERNAME;
	if (password_is_common(pw))
		return PASSWORD_COMMON;
	return PASSWORD_OK;
}

const char *
password_problem_key(enum password_problem p)
{
	switch (p) {
	case PASSWORD_OK:
		break;
	case PASSWORD_BAD_UTF8:
		return "password.bad_utf8";
	case PASSWORD_TOO_SHORT:
		return "password.too_short";
	case PASSWORD_TOO_LONG:
		return "password.too_long";
	case PASSWORD_REPEATED:
		return "password.repeated";
	case PASSWORD_USERNAME:
		return "password.username";
	case PASSWORD_COMMON:
		return "password.common";
	}
	return NULL;
}

char *
password_initial(struct arena *a)
{
	static const char	 alphabet[] =
	    "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
	const size_t		 n = sizeof(alphabet) - 1;
	char			*pw = arena_alloc(a, PASSWORD_INITIAL_LEN + 1);
	unsigned char		 r;
	size_t			 i = 0;

	while (i < PASSWORD_INITIAL_LEN) {
		token_random(&r, 1);
		/* Rejection keeps every character equally likely. */
		if (r < 256 - 256 % n)
			pw[i++] = alphabet[r % n];
	}
	return pw;
}
