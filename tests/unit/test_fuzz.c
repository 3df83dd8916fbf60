/*
 * test_fuzz.c - the request parsers against mutated input.
 *
 * A deterministic mutation fuzzer: seeds of each input kind are mutated
 * (bit flips, inserted framing tokens, deletions, truncation) and fed to
 * the parsers, which run under ASan/UBSan and valgrind in make check. Any
 * crash or out-of-bounds access fails the run; every accepted result must
 * still satisfy the parser's promises (valid UTF-8, no NUL in values).
 */
#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "req.h"
#include "suite.h"
#include "utf8.h"

#define ROUNDS		20000
#define MAX_INPUT	2048

static uint64_t	rng = 0x9e3779b97f4a7c15ULL;

static uint32_t
next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)rng;
}

static const char *const tokens[] = {
	"%", "%0", "%00", "%C3%28", "%ED%A0%80", "+", "=", "&", ";", "\"",
	"\r\n", "\r\n\r\n", "--", "--XyZ", "--XyZ--", "name=\"", "filename=\"",
	"Content-Disposition: form-data; ", "\xc3", "\xe4\xb8\xad", "\xff",
};

/* Mutate buf[0..*len) in place a few times. */
static void
mutate(char *buf, size_t *len)
{
	size_t		 n = next() % 4 + 1, pos, tl;
	const char	*t;

	while (n-- > 0) {
		pos = *len ? next() % *len : 0;
		switch (next() % 4) {
		case 0:
			if (*len)
				buf[pos] ^= (char)(1u << (next() % 8));
			break;
		case 1:
			t = tokens[next() % (sizeof(tokens) / sizeof(*tokens))];
			tl = strlen(t);
			if (*len + tl >= MAX_INPUT)
				break;
			memmove(buf + pos + tl, buf + pos, *len - pos);
			memcpy(buf + pos, t, tl);
			*len += tl;
			break;
		case 2:
			if (*len) {
				memmove(buf + pos, buf + pos + 1, *len - pos - 1);
				(*len)--;
			}
			break;
		default:
			*len = pos;
			break;
		}
	}
	buf[*len] = '\0';
}

static void
check_params(const struct param *p)
{
	for (; p != NULL; p = p->next) {
		ck_assert(utf8_valid(p->name, strlen(p->name)));
		ck_assert(utf8_valid(p->value, strlen(p->value)));
		ck_assert_uint_eq(strlen(p->value), p->len);
	}
}

/* Run fn on ROUNDS mutations of seed. */
static void
fuzz(const char *seed, enum req_err (*fn)(struct arena *, const char *,
    size_t))
{
	struct arena	*a = arena_new();
	char		 buf[MAX_INPUT + 1];
	size_t		 len;
	int		 i;
	enum req_err	 e;

	for (i = 0; i < ROUNDS; i++) {
		len = strlen(seed);
		memcpy(buf, seed, len + 1);
		mutate(buf, &len);
		e = fn(a, buf, len);
		ck_assert(e >= REQ_OK && e <= REQ_ERR_IO);
		arena_reset(a);
	}
	arena_free(a);
}

static enum req_err
run_urlencoded(struct arena *a, const char *s, size_t n)
{
	struct param	*p;
	enum req_err	 e = req_parse_urlencoded(a, s, n, &p);

	if (e == REQ_OK)
		check_params(p);
	return e;
}

static enum req_err
run_cookies(struct arena *a, const char *s, size_t n)
{
	struct param	*p;
	enum req_err	 e;

	(void)n;
	if ((e = req_parse_cookies(a, s, &p)) == REQ_OK)
		check_params(p);
	return e;
}

static enum req_err
run_multipart(struct arena *a, const char *s, size_t n)
{
	struct param	*p;
	struct upload	*u;
	enum req_err	 e = req_parse_multipart(a, "XyZ", s, n, &p, &u);

	if (e == REQ_OK)
		check_params(p);
	return e;
}

START_TEST(urlencoded_survives_mutation)
{
	fuzz("name=%E5%8D%8E%E4%B8%BA+Tech&industry=retail&q=a%2Bb&x",
	    run_urlencoded);
}
END_TEST

START_TEST(cookies_survive_mutation)
{
	fuzz("crm_session=0123abcd; lang=zh-CN; crm_pre=\"quoted\"",
	    run_cookies);
}
END_TEST

START_TEST(multipart_survives_mutation)
{
	fuzz("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n"
	    "\xe4\xb8\xad\xe6\x96\x87\r\n--XyZ\r\nContent-Disposition: "
	    "form-data; name=\"f\"; filename=\"x.png\"\r\nContent-Type: "
	    "image/png\r\n\r\n\x89PNG\x01\r\n--XyZ--\r\n", run_multipart);
}
END_TEST

static Suite *
fuzz_suite(void)
{
	Suite	*s = suite_create("fuzz");
	TCase	*tc = tcase_create("parsers");

	tcase_set_timeout(tc, 300);
	tcase_add_test(tc, urlencoded_survives_mutation);
	tcase_add_test(tc, cookies_survive_mutation);
	tcase_add_test(tc, multipart_survives_mutation);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_SUITE(fuzz_suite)
