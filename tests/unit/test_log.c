/*
 * test_log.c - nothing a user types can forge a log line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "log.h"
#include "suite.h"

START_TEST(control_characters_are_encoded)
{
	char	 path[] = "/tmp/crm-log-XXXXXX", line[4096];
	FILE	*f;
	int	 fd, lines = 0;

	ck_assert_int_ge(fd = mkstemp(path), 0);
	close(fd);
	log_open(path);
	log_warn("sign-in failed for \"%s\"", "x\r\n2026-01-01 [1] info forged");
	log_error("abc123", "tab\there \\ done");
	ck_assert_ptr_nonnull(f = fopen(path, "r"));
	while (fgets(line, sizeof(line), f) != NULL) {
		lines++;
		if (lines == 1) {
			ck_assert_ptr_nonnull(strstr(line, "x\\x0d\\x0a2026"));
			ck_assert_ptr_nonnull(strstr(line, " warn "));
		} else {
			ck_assert_ptr_nonnull(strstr(line, "ref=abc123"));
			ck_assert_ptr_nonnull(strstr(line, "tab\\x09here \\x5c"));
		}
	}
	fclose(f);
	unlink(path);
	ck_assert_int_eq(lines, 2);
}
END_TEST

static Suite *
log_suite(void)
{
	Suite	*s = suite_create("log");
	TCase	*tc = tcase_create("core");

	tcase_add_test(tc, control_characters_are_encoded);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_SUITE(log_suite)
