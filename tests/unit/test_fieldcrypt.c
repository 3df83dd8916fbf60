/*
 * test_fieldcrypt.c - sealed fields: round trip, tamper detection, the key
 * file and key rotation.
 *
 * Each test has its own directory for its key file. Its error messages
 * (stderr) go to a file there, so a test can check that a refusal says why.
 */
#include <sys/stat.h>
#include <sys/wait.h>

#include <ctype.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "fieldcrypt.h"
#include "sealed.h"
#include "token.h"
#include "suite.h"

#define HEX_A	"00112233445566778899aabbccddeeff" \
		"00112233445566778899aabbccddeeff"
#define HEX_B	"0f1e2d3c4b5a69788796a5b4c3d2e1f0" \
		"0f1e2d3c4b5a69788796a5b4c3d2e1f0"
#define OVERHEAD	(1 + 4 + 12 + 16)
#define BIG		10240

static char	 dir[] = "/tmp/crm-fieldcrypt-XXXXXX";
static char	 key_path[sizeof(dir) + 16], log_path[sizeof(dir) + 16];
static int	 saved_stderr = -1;

static void
crypto_setup(void)
{
	if (crypto_init() == -1)
		abort();
}

static void
dir_setup(void)
{
	int	 fd;

	strcpy(dir, "/tmp/crm-fieldcrypt-XXXXXX");
	if (mkdtemp(dir) == NULL)
		abort();
	snprintf(key_path, sizeof(key_path), "%s/crm.key", dir);
	snprintf(log_path, sizeof(log_path), "%s/log", dir);
	if ((fd = open(log_path, O_WRONLY | O_CREAT | O_TRUNC, 0600)) == -1 ||
	    (saved_stderr = dup(STDERR_FILENO)) == -1 ||
	    dup2(fd, STDERR_FILENO) == -1)
		abort();
	close(fd);
}

static void
dir_teardown(void)
{
	DIR		*d;
	struct dirent	*e;
	char		 path[sizeof(dir) + 300];

	dup2(saved_stderr, STDERR_FILENO);
	close(saved_stderr);
	if ((d = opendir(dir)) == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		unlink(path);
	}
	closedir(d);
	rmdir(dir);
}

/* Replace the key file as an editor would: a new file renamed over it. */
static void
key_write(const char *text, mode_t mode)
{
	char	 tmp[sizeof(key_path) + 8];
	FILE	*f;

	snprintf(tmp, sizeof(tmp), "%s.new", key_path);
	ck_assert_ptr_nonnull(f = fopen(tmp, "w"));
	fputs(text, f);
	ck_assert_int_eq(fclose(f), 0);
	ck_assert_int_eq(chmod(tmp, mode), 0);
	ck_assert_int_eq(rename(tmp, key_path), 0);
}

/* 1 if the messages so far mention why. */
static int
logged(const char *why)
{
	char	 buf[8192];
	FILE	*f;
	size_t	 n;

	if ((f = fopen(log_path, "r")) == NULL)
		return 0;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	return strstr(buf, why) != NULL;
}

/* Seal s for customer.budget_range of row 42. */
static unsigned char *
seal(struct arena *a, const char *s, size_t *len)
{
	unsigned char	*out;

	ck_assert_int_eq(fieldcrypt_seal(a, "customer", "budget_range", 42, s,
	    strlen(s), &out, len), 0);
	return out;
}

/* Open a value of customer.budget_range of row 42; NULL if it fails. */
static char *
open_42(struct arena *a, const unsigned char *v, size_t len)
{
	char	*p = NULL;
	size_t	 n;

	if (fieldcrypt_open(a, "customer", "budget_range", 42, v, len, &p,
	    &n) == -1)
		return NULL;
	ck_assert_uint_eq(n, strlen(p));
	return p;
}

START_TEST(round_trip)
{
	struct arena	*a = arena_new();
	const char	*texts[] = { "", "50-100k CNY", "华东销售部：预算五十万元" };
	unsigned char	*v;
	char		*big, *p;
	size_t		 i, len, n;

	key_write("1 " HEX_A "\n", 0600);
	ck_assert_int_eq(fieldcrypt_load(key_path), 0);
	ck_assert_int_eq(fieldcrypt_current_version(), 1);
	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		v = seal(a, texts[i], &len);
		ck_assert_uint_eq(len, strlen(texts[i]) + OVERHEAD);
		ck_assert_int_eq(fieldcrypt_version(v, len), 1);
		ck_assert_ptr_nonnull(p = open_42(a, v, len));
		ck_assert_str_eq(p, texts[i]);
	}
	big = arena_alloc(a, BIG + 1);
	for (i = 0; i < BIG; i++)
		big[i] = (char)('a' + i % 26);
	ck_assert_int_eq(fieldcrypt_seal(a, "contact", "preferences", 7, big,
	    BIG, &v, &len), 0);
	ck_assert_int_eq(fieldcrypt_open(a, "contact", "preferences", 7, v,
	    len, &p, &n), 0);
	ck_assert_uint_eq(n, BIG);
	ck_assert_mem_eq(p, big, BIG);
	ck_assert_int_eq(p[BIG], '\0');
	arena_free(a);
}
END_TEST

START_TEST(nonce_is_fresh)
{
	struct arena	*a = arena_new();
	unsigned char	*v, *w;
	size_t		 vlen, wlen;

	key_write("1 " HEX_A "\n", 0600);
	ck_assert_int_eq(fieldcrypt_load(key_path), 0);
	v = seal(a, "same text", &vlen);
	w = seal(a, "same text", &wlen);
	ck_assert_uint_eq(vlen, wlen);
	ck_assert_int_ne(memcmp(v + 5, w + 5, 12), 0);
	ck_assert_int_ne(memcmp(v + 17, w + 17, vlen - 17), 0);
	ck_assert_str_eq(open_42(a, v, vlen), "same text");
	ck_assert_str_eq(open_42(a, w, wlen), "same text");
	arena_free(a);
}
END_TEST

START_TEST(every_flipped_bit_is_detected)
{
	struct arena	*a = arena_new();
	unsigned char	*v;
	size_t		 len, i;
	int		 bit;

	key_write("1 " HEX_A "\n", 0600);
	ck_assert_int_eq(fieldcrypt_load(key_path), 0);
	v = seal(a, "customer secret", &len);
	for (i = 0; i < len; i++)
		for (bit = 0; bit < 8; bit++) {
			v[i] ^= (unsigned char)(1 << bit);
			ck_assert_ptr_null(open_42(a, v, len));
			v[i] ^= (unsigned char)(1 << bit);
		}
	ck_assert_str_eq(open_42(a, v, len), "customer secret");
	arena_free(a);
}
END_TEST

START_TEST(other_places_do_not_open)
{
	struct arena	*a = arena_new();
	unsigned char	*v;
	char		*p;
	size_t		 len, n;

	key_write("1 " HEX_A "\n", 0600);
	ck_assert_int_eq(fieldcrypt_load(key_path), 0);
	v = seal(a, "only here", &len);
	ck_assert_int_eq(fieldcrypt_open(a, "contact", "budget_range", 42, v,
	    len, &p, &n), -1);
	ck_assert_int_eq(fieldcrypt_open(a, "customer", "address", 42, v, len,
	    &p, &n), -1);
	ck_assert_int_eq(fieldcrypt_open(a, "customer", "budget_range", 43, v,
	    len, &p, &n), -1);
	ck_assert_int_eq(fieldcrypt_open(a, "customer", "budget_range", -42, v,
	    len, &p, &n), -1);
	/* The names are delimited: moving a letter across is another place. */
	ck_assert_int_eq(fieldcrypt_seal(a, "ab", "c", 1, "x", 1, &v, &len), 0);
	ck_assert_int_eq(fieldcrypt_open(a, "a", "bc", 1, v, len, &p, &n), -1);
	ck_assert_int_eq(fieldcrypt_open(a, "ab", "c1", 1, v, len, &p, &n),
	    -1);
	ck_assert_int_eq(fieldcrypt_open(a, "ab", "c", 1, v, len, &p, &n), 0);
	arena_free(a);
}
END_TEST

START_TEST(truncated_values_fail)
{
	struct arena	*a = arena_new();
	unsigned char	*v;
	size_t		 len, i;

	key_write("1 " HEX_A "\n", 0600);
	ck_assert_int_eq(fieldcrypt_load(key_path), 0);
	v = seal(a, "truncate me", &len);
	for (i = 0; i < len; i++)
		ck_assert_ptr_null(open_42(a, v, i));
	/* The tag alone decides; a shorter head is not a value at all. */
	ck_assert_int_eq(fieldcrypt_version(v, OVERHEAD - 1), -1);
	ck_assert_int_eq(fieldcrypt_version(v, OVERHEAD), 1);
	ck_assert_ptr_null(open_42(a, v + 1, len - 1));
	arena_free(a);
}
END_TEST

START_TEST(unknown_version_fails)
{
	struct arena	*a = arena_new();
	unsigned char	*v;
	size_t		 len;

	key_write("7 " HEX_B "\n", 0600);
	ck_assert_int_eq(fieldcrypt_load(key_path), 0);
	v = seal(a, "under seven", &len);
	ck_assert_int_eq(fieldcrypt_version(v, len), 7);
	key_write("1 " HEX_A "\n", 0600);
	ck_assert_int_eq(fieldcrypt_load(key_path), 0);
	ck_assert_ptr_null(open_42(a, v, len));
	ck_assert(logged("key version 7"));
	/* Version 0 and a foreign format byte are not values. */
	v[4] = 0;
	ck_assert_int_eq(fieldcrypt_version(v, len), -1);
	v[4] = 7;
	v[0] = 2;
	ck_assert_int_eq(fieldcrypt_version(v, len), -1);
	arena_free(a);
}
END_TEST

START_TEST(rotation_keeps_old_values_readable)
{
	struct arena	*a = arena_new();
	unsigned char	*v, *w;
	struct stat	 st;
	size_t		 vlen, wlen;

	key_write("1 " HEX_A "\n", 0600);
	ck_assert_int_eq(fieldcrypt_load(key_path), 0);
	v = seal(a, "rotate me", &vlen);
	ck_assert_int_eq(fieldcrypt_add_key(key_path), 0);
	ck_assert_int_eq(fieldcrypt_current_version(), 2);
	ck_assert_int_eq(stat(key_path, &st), 0);
	ck_assert_uint_eq(st.st_mode & 07777, 0600);
	ck_assert_str_eq(open_42(a, v, vlen), "rotate me");
	ck_assert_int_eq(fieldcrypt_reseal(a, "customer", "budget_range", 42,
	    v, vlen, &w, &wlen), 0);
	ck_assert_int_eq(fieldcrypt_version(w, wlen), 2);
	ck_assert_str_eq(open_42(a, w, wlen), "rotate me");
	/* Resealing checks the old value like opening does. */
	ck_assert_int_eq(fieldcrypt_reseal(a, "customer", "budget_range", 43,
	    v, vlen, &w, &wlen), -1);
	v[vlen - 1] ^= 1;
	ck_assert_int_eq(fieldcrypt_reseal(a, "customer", "budget_range", 42,
	    v, vlen, &w, &wlen), -1);
	ck_assert_int_eq(fieldcrypt_add_key(key_path), 0);
	ck_assert_int_eq(fieldcrypt_current_version(), 3);
	w = seal(a, "x", &wlen);
	ck_assert_int_eq(fieldcrypt_version(w, wlen), 3);
	arena_free(a);
}
END_TEST

/*
 * Another process (crmctl key-rotate) adds a key and seals with it; this
 * one, still holding only version 1, reads the file again to open it.
 */
START_TEST(open_reloads_for_a_newer_key)
{
	struct arena	*a = arena_new();
	unsigned char	*v, buf[256];
	size_t		 len;
	ssize_t		 n;
	pid_t		 pid;
	int		 fds[2], status;

	key_write("1 " HEX_A "\n", 0600);
	ck_assert_int_eq(fieldcrypt_load(key_path), 0);
	ck_assert_int_eq(pipe(fds), 0);
	ck_assert_int_ne(pid = fork(), -1);
	if (pid == 0) {
		close(fds[0]);
		status = fieldcrypt_add_key(key_path) == -1 ||
		    fieldcrypt_seal(a, "customer", "budget_range", 42,
		    "from elsewhere", 14, &v, &len) == -1 ||
		    write(fds[1], v, len) != (ssize_t)len;
		arena_free(a);
		_exit(status);
	}
	close(fds[1]);
	n = read(fds[0], buf, sizeof(buf));
	close(fds[0]);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	ck_assert_int_gt(n, 0);
	ck_assert_int_eq(fieldcrypt_version(buf, (size_t)n), 2);
	ck_assert_int_eq(fieldcrypt_current_version(), 1);
	ck_assert_str_eq(open_42(a, buf, (size_t)n), "from elsewhere");
	ck_assert_int_eq(fieldcrypt_current_version(), 2);
	arena_free(a);
}
END_TEST

START_TEST(seal_follows_a_changed_file)
{
	struct arena	*a = arena_new();
	unsigned char	*v;
	size_t		 len;

	key_write("1 " HEX_A "\n", 0600);
	ck_assert_int_eq(fieldcrypt_load(key_path), 0);
	v = seal(a, "before", &len);
	ck_assert_int_eq(fieldcrypt_version(v, len), 1);
	key_write("1 " HEX_A "\n2 " HEX_B "\n", 0600);
	v = seal(a, "after the rotation began", &len);
	ck_assert_int_eq(fieldcrypt_version(v, len), 2);
	ck_assert_int_eq(fieldcrypt_current_version(), 2);
	/* A broken file stops sealing rather than sealing with a stale key. */
	key_write("1 " HEX_A "\n2 " HEX_B "\n3 nonsense\n", 0600);
	ck_assert_int_eq(fieldcrypt_seal(a, "customer", "budget_range", 42,
	    "x", 1, &v, &len), -1);
	ck_assert_int_eq(fieldcrypt_current_version(), 2);
	arena_free(a);
}
END_TEST

START_TEST(malformed_files_are_refused)
{
	static const struct {
		const char	*text;
		const char	*why;
	} bad[] = {
		{ "1 " HEX_A "0\n", "64 hex digits" },
		{ "1 " HEX_A "\n2 " HEX_B "\n1 " HEX_B "\n", "appears twice" },
		{ HEX_A "\n1 " HEX_B "\n", "appears twice" },
		{ HEX_A "\n" HEX_B "\n", "appears twice" },
		{ "1 00112233445566778899aabbccddeeff\n", "64 hex digits" },
		{ "1 g0112233445566778899aabbccddeeff"
		    "00112233445566778899aabbccddeeff\n", "64 hex digits" },
		{ "1 " HEX_A " 2\n", "64 hex digits" },
		{ "0 " HEX_A "\n", "positive number" },
		{ "-1 " HEX_A "\n", "positive number" },
		{ "+1 " HEX_A "\n", "positive number" },
		{ "1x " HEX_A "\n", "positive number" },
		{ "2147483648 " HEX_A "\n", "positive number" },
		{ "v1 " HEX_A "\n", "positive number" },
		{ "", "no key" },
		{ "# only a comment\n\n", "no key" },
	};
	struct arena	*a = arena_new();
	unsigned char	*v;
	size_t		 i, len;

	key_write("1 " HEX_A "\n", 0600);
	ck_assert_int_eq(fieldcrypt_load(key_path), 0);
	v = seal(a, "still readable", &len);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		key_write(bad[i].text, 0600);
		ck_assert_msg(fieldcrypt_load(key_path) == -1, "case %zu", i);
		ck_assert_msg(logged(bad[i].why), "case %zu: %s", i,
		    bad[i].why);
	}
	/* A refused file leaves the keys already loaded in place. */
	ck_assert_int_eq(fieldcrypt_current_version(), 1);
	ck_assert_str_eq(open_42(a, v, len), "still readable");
	arena_free(a);
}
END_TEST

START_TEST(readable_by_others_is_refused)
{
	static const mode_t	 bad[] = { 0640, 0604, 0620, 0660, 0644 };
	size_t			 i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		key_write("1 " HEX_A "\n", bad[i]);
		ck_assert_int_eq(fieldcrypt_load(key_path), -1);
	}
	ck_assert(logged("it must be 0600"));
	key_write("1 " HEX_A "\n", 0400);
	ck_assert_int_eq(fieldcrypt_load(key_path), 0);
	ck_assert_int_eq(fieldcrypt_load(dir), -1);
	ck_assert(logged("not a regular file"));
}
END_TEST

START_TEST(comments_blank_lines_and_gaps)
{
	struct arena	*a = arena_new();
	unsigned char	*v;
	size_t		 len;

	key_write("# field keys\n\n  1 " HEX_A "  \r\n#\t3 old\n3\t" HEX_B "\n",
	    0600);
	ck_assert_int_eq(fieldcrypt_load(key_path), 0);
	ck_assert_int_eq(fieldcrypt_current_version(), 3);
	v = seal(a, "under three", &len);
	ck_assert_int_eq(fieldcrypt_version(v, len), 3);
	ck_assert_int_eq(fieldcrypt_add_key(key_path), 0);
	ck_assert_int_eq(fieldcrypt_current_version(), 4);
	ck_assert_str_eq(open_42(a, v, len), "under three");
	arena_free(a);
}
END_TEST

/* The file scripts/lib.sh wrote before versions: one line, no newline. */
START_TEST(bare_key_is_version_one)
{
	struct arena	*a = arena_new();
	unsigned char	*v;
	char		 text[256];
	size_t		 len;
	FILE		*f;

	key_write(HEX_A "\n", 0600);
	ck_assert_int_eq(fieldcrypt_load(key_path), 0);
	ck_assert_int_eq(fieldcrypt_current_version(), 1);
	key_write(HEX_A, 0600);
	ck_assert_int_eq(fieldcrypt_load(key_path), 0);
	v = seal(a, "legacy", &len);
	ck_assert_int_eq(fieldcrypt_version(v, len), 1);
	ck_assert_int_eq(fieldcrypt_add_key(key_path), 0);
	ck_assert_int_eq(fieldcrypt_current_version(), 2);
	ck_assert_str_eq(open_42(a, v, len), "legacy");
	ck_assert_ptr_nonnull(f = fopen(key_path, "r"));
	ck_assert_ptr_nonnull(fgets(text, sizeof(text), f));
	ck_assert_str_eq(text, HEX_A "\n");
	ck_assert_ptr_nonnull(fgets(text, sizeof(text), f));
	ck_assert_uint_eq(strlen(text), 2 + 64 + 1);
	ck_assert(text[0] == '2' && text[1] == ' ');
	ck_assert_ptr_null(fgets(text, sizeof(text), f));
	fclose(f);
	arena_free(a);
}
END_TEST

/* The registry's statements compare this with HEX(LEFT(column, 5)). */
START_TEST(prefix_is_the_head_in_sql_hex)
{
	struct arena	*a = arena_new();
	unsigned char	*v;
	char		*hex;
	size_t		 len, i;

	key_write("258 " HEX_A "\n", 0600);
	ck_assert_int_eq(fieldcrypt_load(key_path), 0);
	v = seal(a, "x", &len);
	hex = token_hex(a, v, 5);
	for (i = 0; hex[i] != '\0'; i++)
		hex[i] = (char)toupper((unsigned char)hex[i]);
	ck_assert_str_eq(fieldcrypt_current_prefix(a), hex);
	ck_assert_str_eq(hex, "0100000102");
	/* key-reseal tells sealed values from plaintext stored before. */
	ck_assert_int_eq(sealed_is_legacy(v, len), 0);
	ck_assert_int_eq(sealed_is_legacy((const unsigned char *)"100k", 4),
	    1);
	ck_assert_int_eq(sealed_is_legacy(v, 0), 1);
	for (i = 0; i < SEALED__MAX; i++) {
		ck_assert_ptr_nonnull(strstr(sealed_columns[i].sql_stale,
		    sealed_columns[i].column));
		ck_assert_ptr_nonnull(strstr(sealed_columns[i].sql_update,
		    sealed_columns[i].table));
	}
	arena_free(a);
}
END_TEST

static Suite *
fieldcrypt_suite(void)
{
	Suite	*s = suite_create("fieldcrypt");
	TCase	*tc = tcase_create("core");

	tcase_add_unchecked_fixture(tc, crypto_setup, NULL);
	tcase_add_checked_fixture(tc, dir_setup, dir_teardown);
	tcase_add_test(tc, round_trip);
	tcase_add_test(tc, nonce_is_fresh);
	tcase_add_test(tc, every_flipped_bit_is_detected);
	tcase_add_test(tc, other_places_do_not_open);
	tcase_add_test(tc, truncated_values_fail);
	tcase_add_test(tc, unknown_version_fails);
	tcase_add_test(tc, rotation_keeps_old_values_readable);
	tcase_add_test(tc, open_reloads_for_a_newer_key);
	tcase_add_test(tc, seal_follows_a_changed_file);
	tcase_add_test(tc, malformed_files_are_refused);
	tcase_add_test(tc, readable_by_others_is_refused);
	tcase_add_test(tc, comments_blank_lines_and_gaps);
	tcase_add_test(tc, bare_key_is_version_one);
	tcase_add_test(tc, prefix_is_the_head_in_sql_hex);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_SUITE(fieldcrypt_suite)
