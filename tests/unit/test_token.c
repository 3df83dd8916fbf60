/*
 * test_token.c - random tokens, SHA-256, hex and constant-time comparison.
 */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "token.h"
#include "suite.h"

#define NTOKENS	1000

/* In the runner before it forks, as a server would do it. */
static void
crypto_setup(void)
{
	if (crypto_init() == -1)
		abort();
}

static int
strp_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

START_TEST(init_is_idempotent)
{
	ck_assert_int_eq(crypto_init(), 0);
	ck_assert_int_eq(crypto_init(), 0);
}
END_TEST

START_TEST(new_tokens_are_lowercase_hex)
{
	struct arena	*a = arena_new();
	char		*t;

	t = token_new(a, 16);
	ck_assert_uint_eq(strlen(t), 32);
	ck_assert_uint_eq(strspn(t, "0123456789abcdef"), 32);
	ck_assert_uint_eq(strlen(token_new(a, 32)), 64);
	ck_assert_str_eq(token_new(a, 0), "");
	arena_free(a);
}
END_TEST

START_TEST(thousand_tokens_are_distinct)
{
	struct arena	*a = arena_new();
	char		**t;
	size_t		 i;

	t = arena_calloc(a, NTOKENS, sizeof(*t));
	for (i = 0; i < NTOKENS; i++)
		t[i] = token_new(a, 16);
	qsort(t, NTOKENS, sizeof(*t), strp_cmp);
	for (i = 1; i < NTOKENS; i++)
		ck_assert_str_ne(t[i - 1], t[i]);
	arena_free(a);
}
END_TEST

START_TEST(random_fills_the_buffer)
{
	unsigned char	 buf[64], zero[64];

	memset(buf, 0, sizeof(buf));
	memset(zero, 0, sizeof(zero));
	token_random(buf, sizeof(buf));
	ck_assert_int_ne(memcmp(buf, zero, sizeof(buf)), 0);
}
END_TEST

START_TEST(sha256_known_vectors)
{
	struct arena	*a = arena_new();
	unsigned char	 md[32];

	/* FIPS 180-2 appendix B.1 and the empty string. */
	ck_assert_str_eq(token_sha256_hex(a, "abc"),
	    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	ck_assert_str_eq(token_sha256_hex(a, ""),
	    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	token_sha256("abc", 3, md);
	ck_assert_str_eq(token_hex(a, md, sizeof(md)),
	    token_sha256_hex(a, "abc"));
	arena_free(a);
}
END_TEST

START_TEST(equal_compares_every_byte)
{
	unsigned char	 x[32], y[32];

	memset(x, 0xa5, sizeof(x));
	memcpy(y, x, sizeof(y));
	ck_assert_int_eq(token_equal(x, y, sizeof(x)), 1);
	y[0] ^= 1;
	ck_assert_int_eq(token_equal(x, y, sizeof(x)), 0);
	y[0] ^= 1;
	y[31] ^= 0x80;
	ck_assert_int_eq(token_equal(x, y, sizeof(x)), 0);
	ck_assert_int_eq(token_equal(x, y, 31), 1);
	ck_assert_int_eq(token_equal(x, y, 0), 1);
}
END_TEST

START_TEST(hex_round_trip)
{
	static const unsigned char	 raw[] = { 0, 0x01, 0x7f, 0xab, 0xff };
	struct arena			*a = arena_new();
	unsigned char			 out[5];

	ck_assert_str_eq(token_hex(a, raw, sizeof(raw)), "00017fabff");
	ck_assert_str_eq(token_hex(a, raw, 0), "");
	ck_assert_int_eq(token_unhex("00017fabff", out, sizeof(out)), 0);
	ck_assert_mem_eq(out, raw, sizeof(raw));
	ck_assert_int_eq(token_unhex("00017FABFF", out, sizeof(out)), 0);
	ck_assert_mem_eq(out, raw, sizeof(raw));
	ck_assert_int_eq(token_unhex("", out, 0), 0);
	arena_free(a);
}
END_TEST

START_TEST(unhex_rejects_malformed)
{
	unsigned char	 out[4];

	ck_assert_int_eq(token_unhex("0011223", out, sizeof(out)), -1);
	ck_assert_int_eq(token_unhex("001122334", out, sizeof(out)), -1);
	ck_assert_int_eq(token_unhex("0011223344", out, sizeof(out)), -1);
	ck_assert_int_eq(token_unhex("001122g3", out, sizeof(out)), -1);
	ck_assert_int_eq(token_unhex("0011 233", out, sizeof(out)), -1);
	ck_assert_int_eq(token_unhex("-0112233", out, sizeof(out)), -1);
	ck_assert_int_eq(token_unhex("", out, sizeof(out)), -1);
}
END_TEST

static Suite *
token_suite(void)
{
	Suite	*s = suite_create("token");
	TCase	*tc = tcase_create("core");

	tcase_add_unchecked_fixture(tc, crypto_setup, NULL);
	tcase_add_test(tc, init_is_idempotent);
	tcase_add_test(tc, new_tokens_are_lowercase_hex);
	tcase_add_test(tc, thousand_tokens_are_distinct);
	tcase_add_test(tc, random_fills_the_buffer);
	tcase_add_test(tc, sha256_known_vectors);
	tcase_add_test(tc, equal_compares_every_byte);
	tcase_add_test(tc, hex_round_trip);
	tcase_add_test(tc, unhex_rejects_malformed);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_SUITE(token_suite)
