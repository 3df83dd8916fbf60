/*
 * test_password.c - Argon2id, PHC strings and the password policy.
 *
 * Every test but the one about the defaults runs at a tiny cost so that
 * the suite stays fast, also under valgrind.
 */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "password.h"
#include "token.h"
#include "suite.h"

/* Produced by the reference implementation's argon2(1), not by us. */
#define REF_PW		"correct horse battery staple"
#define REF_HASH	"$argon2id$v=19$m=1024,t=2,p=2$c2FsdHNhbHRzYWx0c2FsdA" \
			"$B7Lg7r4dPLYXx4DapqyQk7Mm1CJqwWvQAok8GA1r6Tc"
#define REF_PW_64	"Ünïcödé pässwörd"
#define REF_HASH_64	"$argon2id$v=19$m=256,t=1,p=8$MTIzNDU2Nzg" \
			"$QZuK8wksicqZpVjxpU8bYo74GMSjyMBa8QSkGEut8p0aZJl6ro" \
			"IADnCzQnzGnQUdlnfSd9CqKQGSEpVRNQF8UQ"

static void
crypto_setup(void)
{
	if (crypto_init() == -1)
		abort();
}

static void
cheap_cost(void)
{
	password_set_cost(1, 1024, 1);
}

START_TEST(rfc9106_argon2id_vector)
{
	static const unsigned char	 expect[32] = {
		0x0d, 0x64, 0x0d, 0xf5, 0x8d, 0x78, 0x76, 0x6c,
		0x08, 0xc0, 0x37, 0xa3, 0x4a, 0x8b, 0x53, 0xc9,
		0xd0, 0x1e, 0xf0, 0x45, 0x2d, 0x75, 0xb6, 0x5e,
		0xb5, 0x25, 0x20, 0xe9, 0x6b, 0x01, 0xe6, 0x59
	};
	unsigned char	 pw[32], salt[16], secret[8], ad[12], tag[32];

	/* RFC 9106 section 5.3. */
	memset(pw, 0x01, sizeof(pw));
	memset(salt, 0x02, sizeof(salt));
	memset(secret, 0x03, sizeof(secret));
	memset(ad, 0x04, sizeof(ad));
	ck_assert_int_eq(password_argon2id_raw(tag, sizeof(tag),
	    pw, sizeof(pw), salt, sizeof(salt), secret, sizeof(secret),
	    ad, sizeof(ad), 3, 32, 4), 0);
	ck_assert_mem_eq(tag, expect, sizeof(expect));
}
END_TEST

START_TEST(raw_rejects_bad_parameters)
{
	unsigned char	 tag[32], salt[16] = { 0 };

	ck_assert_int_eq(password_argon2id_raw(tag, sizeof(tag), "x", 1,
	    salt, sizeof(salt), NULL, 0, NULL, 0, 0, 1024, 1), -1);
	ck_assert_int_eq(password_argon2id_raw(tag, sizeof(tag), "x", 1,
	    salt, sizeof(salt), NULL, 0, NULL, 0, 1, 1024, 0), -1);
	ck_assert_int_eq(password_argon2id_raw(tag, sizeof(tag), "x", 1,
	    salt, sizeof(salt), NULL, 0, NULL, 0, 1, 31, 4), -1);
	ck_assert_int_eq(password_argon2id_raw(tag, 3, "x", 1,
	    salt, sizeof(salt), NULL, 0, NULL, 0, 1, 1024, 1), -1);
}
END_TEST

START_TEST(reference_hashes_verify)
{
	ck_assert_int_eq(password_verify(REF_PW, REF_HASH), 1);
	ck_assert_int_eq(password_verify("correct horse battery stapl",
	    REF_HASH), 0);
	ck_assert_int_eq(password_verify(REF_PW_64, REF_HASH_64), 1);
	ck_assert_int_eq(password_verify(REF_PW, REF_HASH_64), 0);
}
END_TEST

START_TEST(hash_verify_round_trip)
{
	struct arena	*a = arena_new();
	char		*h, *salt, *tag;

	ck_assert_int_eq(password_hash(a, "Tr0ub4dor&3 horse", &h), 0);
	ck_assert_ptr_eq(strstr(h, "$argon2id$v=19$m=1024,t=1,p=1$"), h);
	salt = h + strlen("$argon2id$v=19$m=1024,t=1,p=1$");
	tag = strrchr(h, '$') + 1;
	ck_assert_ptr_null(strchr(salt, '='));	/* no padding */
	ck_assert_uint_eq((size_t)(tag - 1 - salt), 22);	/* 16 bytes */
	ck_assert_uint_eq(strlen(tag), 43);			/* 32 bytes */
	ck_assert_int_eq(password_verify("Tr0ub4dor&3 horse", h), 1);
	ck_assert_int_eq(password_verify("Tr0ub4dor&3 horsE", h), 0);
	ck_assert_int_eq(password_verify("", h), 0);
	arena_free(a);
}
END_TEST

START_TEST(empty_password)
{
	struct arena	*a = arena_new();
	char		*h = NULL;

	/* libgcrypt refuses it; the policy would have anyway. */
	ck_assert_int_eq(password_hash(a, "", &h), -1);
	ck_assert_ptr_null(h);
	ck_assert_int_eq(password_verify("", REF_HASH), 0);
	ck_assert_int_eq(password_verify("", "$argon2id$"), -1);
	arena_free(a);
}
END_TEST

START_TEST(no_truncation)
{
	struct arena	*a = arena_new();
	char		 pw[65];
	char		*h;

	memset(pw, 'k', 64);
	pw[64] = '\0';
	pw[10] = 'q';
	ck_assert_int_eq(password_hash(a, pw, &h), 0);
	ck_assert_int_eq(password_verify(pw, h), 1);
	pw[63] = '\0';
	ck_assert_int_eq(password_verify(pw, h), 0);
	arena_free(a);
}
END_TEST

START_TEST(salt_makes_hashes_differ)
{
	struct arena	*a = arena_new();
	char		*h1, *h2;

	ck_assert_int_eq(password_hash(a, "same password twice", &h1), 0);
	ck_assert_int_eq(password_hash(a, "same password twice", &h2), 0);
	ck_assert_str_ne(h1, h2);
	ck_assert_int_eq(password_verify("same password twice", h1), 1);
	ck_assert_int_eq(password_verify("same password twice", h2), 1);
	arena_free(a);
}
END_TEST

START_TEST(malformed_strings_are_rejected)
{
	/* Each differs from REF_HASH in one way. */
	static const char *const bad[] = {
		"",
		"$",
		"argon2id$v=19$m=1024,t=2,p=2$c2FsdHNhbHRzYWx0c2FsdA"
		    "$B7Lg7r4dPLYXx4DapqyQk7Mm1CJqwWvQAok8GA1r6Tc",
		"$argon2i$v=19$m=1024,t=2,p=2$c2FsdHNhbHRzYWx0c2FsdA"
		    "$B7Lg7r4dPLYXx4DapqyQk7Mm1CJqwWvQAok8GA1r6Tc",
		"$argon2d$v=19$m=1024,t=2,p=2$c2FsdHNhbHRzYWx0c2FsdA"
		    "$B7Lg7r4dPLYXx4DapqyQk7Mm1CJqwWvQAok8GA1r6Tc",
		"$ARGON2ID$v=19$m=1024,t=2,p=2$c2FsdHNhbHRzYWx0c2FsdA"
		    "$B7Lg7r4dPLYXx4DapqyQk7Mm1CJqwWvQAok8GA1r6Tc",
		"$argon2id$v=16$m=1024,t=2,p=2$c2FsdHNhbHRzYWx0c2FsdA"
		    "$B7Lg7r4dPLYXx4DapqyQk7Mm1CJqwWvQAok8GA1r6Tc",
		"$argon2id$v=190$m=1024,t=2,p=2$c2FsdHNhbHRzYWx0c2FsdA"
		    "$B7Lg7r4dPLYXx4DapqyQk7Mm1CJqwWvQAok8GA1r6Tc",
		"$argon2id$m=1024,t=2,p=2$c2FsdHNhbHRzYWx0c2FsdA"
		    "$B7Lg7r4dPLYXx4DapqyQk7Mm1CJqwWvQAok8GA1r6Tc",
		"$argon2id$v=19$m=0,t=2,p=2$c2FsdHNhbHRzYWx0c2FsdA"
		    "$B7Lg7r4dPLYXx4DapqyQk7Mm1CJqwWvQAok8GA1r6Tc",
		"$argon2id$v=19$m=01024,t=2,p=2$c2FsdHNhbHRzYWx0c2FsdA"
		    "$B7Lg7r4dPLYXx4DapqyQk7Mm1CJqwWvQAok8GA1r6Tc",
		"$argon2id$v=19$m=-1024,t=2,p=2$c2FsdHNhbHRzYWx0c2FsdA"
		    "$B7Lg7r4dPLYXx4DapqyQk7Mm1CJqwWvQAok8GA1r6Tc",
		"$argon2id$v=19$m=1048577,t=2,p=2$c2FsdHNhbHRzYWx0c2FsdA"
		    "$B7Lg7r4dPLYXx4DapqyQk7Mm1CJqwWvQAok8GA1r6Tc",
		"$argon2id$v=19$m=99999999999999999999999,t=2,p=2"
		    "$c2FsdHNhbHRzYWx0c2FsdA"
		    "$B7Lg7r4dPLYXx4DapqyQk7Mm1CJqwWvQAok8GA1r6Tc",
		"$argon2id$v=19$m=1024,t=0,p=2$c2FsdHNhbHRzYWx0c2FsdA"
		    "$B7Lg7r4dPLYXx4DapqyQk7Mm1CJqwWvQAok8GA1r6Tc",
		"$argon2id$v=19$m=1024,t=21,p=2$c2FsdHNhbHRzYWx0c2FsdA"
		    "$B7Lg7r4dPLYXx4DapqyQk7Mm1CJqwWvQAok8GA1r6Tc",
		"$argon2id$v=19$m=1024,t=2,p=0$c2FsdHNhbHRzYWx0c2FsdA"
		    "$B7Lg7r4dPLYXx4DapqyQk7Mm1CJqwWvQAok8GA1r6Tc",
		"$argon2id$v=19$m=1024,t=2,p=17$c2FsdHNhbHRzYWx0c2FsdA"
		    "$B7Lg7r4dPLYXx4DapqyQk7Mm1CJqwWvQAok8GA1r6Tc",
		"$argon2id$v=19$m=8,t=2,p=2$c2FsdHNhbHRzYWx0c2FsdA"
		    "$B7Lg7r4dPLYXx4DapqyQk7Mm1CJqwWvQAok8GA1r6Tc",
		"$argon2id$v=19$t=2,m=1024,p=2$c2FsdHNhbHRzYWx0c2FsdA"
		    "$B7Lg7r4dPLYXx4DapqyQk7Mm1CJqwWvQAok8GA1r6Tc",
		"$argon2id$v=19$m=1024,t=2$c2FsdHNhbHRzYWx0c2FsdA"
		    "$B7Lg7r4dPLYXx4DapqyQk7Mm1CJqwWvQAok8GA1r6Tc",
		"$argon2id$v=19$m=1024,t=2,p=2,data=AAAA"
		    "$c2FsdHNhbHRzYWx0c2FsdA"
		    "$B7Lg7r4dPLYXx4DapqyQk7Mm1CJqwWvQAok8GA1r6Tc",
		"$argon2id$v=19$m=1024, t=2,p=2$c2FsdHNhbHRzYWx0c2FsdA"
		    "$B7Lg7r4dPLYXx4DapqyQk7Mm1CJqwWvQAok8GA1r6Tc",
		/* Salt of 7 bytes, padded salt, salt outside the alphabet. */
		"$argon2id$v=19$m=1024,t=2,p=2$c2FsdHNhbA"
		    "$B7Lg7r4dPLYXx4DapqyQk7Mm1CJqwWvQAok8GA1r6Tc",
		"$argon2id$v=19$m=1024,t=2,p=2$c2FsdHNhbHRzYWx0c2FsdA=="
		    "$B7Lg7r4dPLYXx4DapqyQk7Mm1CJqwWvQAok8GA1r6Tc",
		"$argon2id$v=19$m=1024,t=2,p=2$c2FsdHNhbHRz-Wx0c2FsdA"
		    "$B7Lg7r4dPLYXx4DapqyQk7Mm1CJqwWvQAok8GA1r6Tc",
		"$argon2id$v=19$m=1024,t=2,p=2$"
		    "$B7Lg7r4dPLYXx4DapqyQk7Mm1CJqwWvQAok8GA1r6Tc",
		/* Tag of 15 bytes, of 65, and one digit too many. */
		"$argon2id$v=19$m=1024,t=2,p=2$c2FsdHNhbHRzYWx0c2FsdA"
		    "$AAAAAAAAAAAAAAAAAAAA",
		"$argon2id$v=19$m=1024,t=2,p=2$c2FsdHNhbHRzYWx0c2FsdA"
		    "$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
		    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
		"$argon2id$v=19$m=1024,t=2,p=2$c2FsdHNhbHRzYWx0c2FsdA"
		    "$B7Lg7r4dPLYXx4DapqyQk7Mm1CJqwWvQAok8GA1r6TcAA",
		/* Same bytes, but the unused low bits of the last digit set. */
		"$argon2id$v=19$m=1024,t=2,p=2$c2FsdHNhbHRzYWx0c2FsdA"
		    "$B7Lg7r4dPLYXx4DapqyQk7Mm1CJqwWvQAok8GA1r6Td",
		"$argon2id$v=19$m=1024,t=2,p=2$c2FsdHNhbHRzYWx0c2FsdA"
		    "$B7Lg7r4dPLYXx4DapqyQk7Mm1CJqwWvQAok8GA1r6Tc$",
		"$argon2id$v=19$m=1024,t=2,p=2$c2FsdHNhbHRzYWx0c2FsdA"
		    "$B7Lg7r4dPLYXx4DapqyQk7Mm1CJqwWvQAok8GA1r6Tc ",
		"$argon2id$v=19$m=1024,t=2,p=2$c2FsdHNhbHRzYWx0c2FsdA",
	};
	size_t	 i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		ck_assert_msg(password_verify(REF_PW, bad[i]) == -1,
		    "accepted: %s", bad[i]);
		ck_assert_msg(password_needs_rehash(bad[i]) == -1,
		    "parsed: %s", bad[i]);
	}
}
END_TEST

START_TEST(cost_comes_from_the_string)
{
	struct arena	*a = arena_new();
	char		*weak, *strong;

	ck_assert_int_eq(password_hash(a, "a password of today", &weak), 0);
	ck_assert_int_eq(password_needs_rehash(weak), 0);
	ck_assert_int_eq(password_needs_rehash(REF_HASH), 0);
	password_set_cost(2, 2048, 2);
	ck_assert_int_eq(password_verify("a password of today", weak), 1);
	ck_assert_int_eq(password_needs_rehash(weak), 1);
	ck_assert_int_eq(password_hash(a, "a password of today", &strong), 0);
	ck_assert_ptr_nonnull(strstr(strong, "$m=2048,t=2,p=2$"));
	ck_assert_int_eq(password_needs_rehash(strong), 0);
	ck_assert_int_eq(password_verify("a password of today", strong), 1);
	ck_assert_int_eq(password_needs_rehash(REF_HASH), 1);
	password_set_cost(1, 1024, 4);
	ck_assert_int_eq(password_needs_rehash(REF_HASH), 1);
	arena_free(a);
}
END_TEST

/* The only test at full cost; it runs first, before any cheap_cost(). */
START_TEST(defaults)
{
	struct arena	*a = arena_new();
	char		*h;

	ck_assert_int_eq(password_hash(a, "slow but sure, on purpose", &h), 0);
	ck_assert_ptr_eq(strstr(h, "$argon2id$v=19$m=65536,t=3,p=4$"), h);
	ck_assert_int_eq(password_needs_rehash(h), 0);
	ck_assert_int_eq(password_needs_rehash(REF_HASH), 1);
	ck_assert_int_eq(password_verify("slow but sure, on purpose", h), 1);
	arena_free(a);
}
END_TEST

START_TEST(policy_length_in_code_points)
{
	char	 s[600];
	size_t	 i;

	ck_assert_int_eq(password_check_policy("Tr0ub4dor&3x", NULL),
	    PASSWORD_OK);
	ck_assert_int_eq(password_check_policy("Tr0ub4dor&3", NULL),
	    PASSWORD_TOO_SHORT);
	ck_assert_int_eq(password_check_policy("", NULL), PASSWORD_TOO_SHORT);
	/* 11 code points in 22 bytes. */
	ck_assert_int_eq(password_check_policy("äöüßéèêñçåø", NULL),
	    PASSWORD_TOO_SHORT);
	ck_assert_int_eq(password_check_policy("äöüßéèêñçåøx", NULL),
	    PASSWORD_OK);
	/* 128 and 129 code points, in ASCII and in 3-byte characters. */
	for (i = 0; i < 128; i++)
		s[i] = "abcdefgh"[i % 8];
	s[128] = '\0';
	ck_assert_int_eq(password_check_policy(s, NULL), PASSWORD_OK);
	s[128] = 'z';
	s[129] = '\0';
	ck_assert_int_eq(password_check_policy(s, NULL), PASSWORD_TOO_LONG);
	for (i = 0; i < 64; i++)
		memcpy(s + 6 * i, "日本", 6);
	s[384] = '\0';
	ck_assert_int_eq(password_check_policy(s, NULL), PASSWORD_OK);
	s[384] = 'x';
	s[385] = '\0';
	ck_assert_int_eq(password_check_policy(s, NULL), PASSWORD_TOO_LONG);
	memset(s, 'q', 599);
	s[0] = 'w';
	s[599] = '\0';
	ck_assert_int_eq(password_check_policy(s, NULL), PASSWORD_TOO_LONG);
}
END_TEST

START_TEST(policy_rejects_bad_utf8)
{
	ck_assert_int_eq(password_check_policy("abcdefghijkl\xff", NULL),
	    PASSWORD_BAD_UTF8);
	ck_assert_int_eq(password_check_policy("abcdefghijkl\xc0\xaf", NULL),
	    PASSWORD_BAD_UTF8);
	ck_assert_int_eq(password_check_policy("abcdefghijkl\xed\xa0\x80",
	    NULL), PASSWORD_BAD_UTF8);
	ck_assert_int_eq(password_check_policy("abcdefghijkl\xe6\x97", NULL),
	    PASSWORD_BAD_UTF8);
}
END_TEST

START_TEST(policy_rejects_repetition)
{
	ck_assert_int_eq(password_check_policy("kkkkkkkkkkkkkkkk", NULL),
	    PASSWORD_REPEATED);
	ck_assert_int_eq(password_check_policy("kKkKkKkKkKkKkKkK", NULL),
	    PASSWORD_REPEATED);
	ck_assert_int_eq(password_check_policy("éééééééééééééé", NULL),
	    PASSWORD_REPEATED);
	ck_assert_int_eq(password_check_policy("111111111111", NULL),
	    PASSWORD_REPEATED);
	ck_assert_int_eq(password_check_policy("kkkkkkkkkkkkkkkl", NULL),
	    PASSWORD_OK);
	ck_assert_int_eq(password_check_policy("ééééééééééééée", NULL),
	    PASSWORD_OK);
}
END_TEST

START_TEST(policy_rejects_username)
{
	ck_assert_int_eq(password_check_policy("alice in wonderland",
	    "alice"), PASSWORD_USERNAME);
	ck_assert_int_eq(password_check_policy("the ALICE springs 9",
	    "Alice"), PASSWORD_USERNAME);
	ck_assert_int_eq(password_check_policy("Margaret.Hamilton",
	    "margaret.hamilton"), PASSWORD_USERNAME);
	ck_assert_int_eq(password_check_policy("a margaret hamilton",
	    "margaret.hamilton"), PASSWORD_OK);
	ck_assert_int_eq(password_check_policy("alice in wonderland", NULL),
	    PASSWORD_OK);
	ck_assert_int_eq(password_check_policy("alice in wonderland", ""),
	    PASSWORD_OK);
	/* Too short a name to look for inside ordinary words. */
	ck_assert_int_eq(password_check_policy("enjoy the silence", "jo"),
	    PASSWORD_OK);
}
END_TEST

START_TEST(policy_rejects_common)
{
	ck_assert_int_eq(password_check_policy("password1234", NULL),
	    PASSWORD_COMMON);
	ck_assert_int_eq(password_check_policy("PassWord1234", NULL),
	    PASSWORD_COMMON);
	ck_assert_int_eq(password_check_policy("Spring2024!!", NULL),
	    PASSWORD_COMMON);
	ck_assert_int_eq(password_check_policy("1q2w3e4r5t6y", "bob"),
	    PASSWORD_COMMON);
	ck_assert_int_eq(password_check_policy("Administrator", NULL),
	    PASSWORD_COMMON);
	ck_assert_int_eq(password_check_policy("password12345x", NULL),
	    PASSWORD_OK);
	/* The ends of the sorted list, so a broken order shows up. */
	ck_assert_int_eq(password_is_common("!QAZ@WSX#EDC"), 1);
	ck_assert_int_eq(password_is_common("000000000000"), 1);
	ck_assert_int_eq(password_is_common("ZZZZZZZZZZZZ"), 1);
	ck_assert_int_eq(password_is_common("zxczxczxczxc"), 1);
	ck_assert_int_eq(password_is_common("qwertyuiop12"), 1);
	ck_assert_int_eq(password_is_common("qwertyuiop1"), 0);
	ck_assert_int_eq(password_is_common(""), 0);
	ck_assert_int_eq(password_is_common("zzzzzzzzzzzzz"), 0);
}
END_TEST

START_TEST(problems_have_catalogue_keys)
{
	int	 p;

	ck_assert_ptr_null(password_problem_key(PASSWORD_OK));
	for (p = PASSWORD_OK + 1; p <= PASSWORD_COMMON; p++)
		ck_assert_ptr_nonnull(
		    password_problem_key((enum password_problem)p));
	ck_assert_str_eq(password_problem_key(PASSWORD_TOO_SHORT),
	    "password.too_short");
}
END_TEST

/* Initial passwords: the right length and alphabet, policy-proof, unique. */
START_TEST(initial_passwords_are_random_and_valid)
{
	struct arena	*a = arena_new();
	char		*prev = NULL, *pw;
	int		 i;

	for (i = 0; i < 200; i++) {
		pw = password_initial(a);
		ck_assert_uint_eq(strlen(pw), PASSWORD_INITIAL_LEN);
		ck_assert_uint_eq(strcspn(pw, "0O1lIo"), PASSWORD_INITIAL_LEN);
		ck_assert_int_eq(password_check_policy(pw, "someone"),
		    PASSWORD_OK);
		if (prev != NULL)
			ck_assert_str_ne(pw, prev);
		prev = pw;
	}
	arena_free(a);
}
END_TEST

static Suite *
password_suite(void)
{
	Suite	*s = suite_create("password");
	TCase	*slow = tcase_create("defaults");
	TCase	*kdf = tcase_create("kdf");
	TCase	*policy = tcase_create("policy");

	/* 64 MiB three times over takes long under valgrind. */
	tcase_add_unchecked_fixture(slow, crypto_setup, NULL);
	tcase_set_timeout(slow, 120);
	tcase_add_test(slow, defaults);
	suite_add_tcase(s, slow);

	tcase_add_unchecked_fixture(kdf, crypto_setup, NULL);
	tcase_add_checked_fixture(kdf, cheap_cost, NULL);
	tcase_add_test(kdf, rfc9106_argon2id_vector);
	tcase_add_test(kdf, raw_rejects_bad_parameters);
	tcase_add_test(kdf, reference_hashes_verify);
	tcase_add_test(kdf, hash_verify_round_trip);
	tcase_add_test(kdf, empty_password);
	tcase_add_test(kdf, no_truncation);
	tcase_add_test(kdf, salt_makes_hashes_differ);
	tcase_add_test(kdf, malformed_strings_are_rejected);
	tcase_add_test(kdf, cost_comes_from_the_string);
	suite_add_tcase(s, kdf);

	tcase_add_test(policy, policy_length_in_code_points);
	tcase_add_test(policy, policy_rejects_bad_utf8);
	tcase_add_test(policy, policy_rejects_repetition);
	tcase_add_test(policy, policy_rejects_username);
	tcase_add_test(policy, policy_rejects_common);
	tcase_add_test(policy, problems_have_catalogue_keys);
	tcase_add_test(policy, initial_passwords_are_random_and_valid);
	suite_add_tcase(s, policy);
	return s;
}

UNIT_SUITE(password_suite)
