/*
 * suite.h - registration of the integration test suites.
 *
 * Each test file ends with UNIT_SUITE(name_suite); a constructor hands the
 * suite to the runner in main.c, so adding a file needs no other edit.
 */
#ifndef IT_SUITE_H
#define IT_SUITE_H

#include <check.h>

typedef Suite *(*it_suite_fn)(void);

void	it_register(it_suite_fn);

#define UNIT_SUITE(fn)						\
	static void fn##_register(void) __attribute__((constructor));	\
	static void fn##_register(void) { it_register(fn); }

#endif
