/*
 * suite.h - registration of Check suites, shared by the unit and the
 * integration tests.
 *
 * Each test file ends with UNIT_SUITE(name_suite); a constructor hands the
 * suite to the runner in suite.c, so adding a file needs no other edit.
 */
#ifndef CRM_SUITE_H
#define CRM_SUITE_H

#include <check.h>

typedef Suite *(*unit_suite_fn)(void);

void	unit_register(unit_suite_fn);
/* Run every registered suite; EXIT_SUCCESS when none failed. */
int	suites_run(void);

#define UNIT_SUITE(fn)						\
	static void fn##_register(void) __attribute__((constructor));	\
	static void fn##_register(void) { unit_register(fn); }

#endif
