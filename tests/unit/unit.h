/*
 * unit.h - registration of Check suites.
 *
 * Each test file ends with UNIT_SUITE(name_suite); the runner in main.c
 * collects every registered suite, so adding a file needs no other edit.
 */
#ifndef CRM_UNIT_H
#define CRM_UNIT_H

#include <check.h>

typedef Suite *(*unit_suite_fn)(void);

void	unit_register(unit_suite_fn);

#define UNIT_SUITE(fn)						\
	static void fn##_register(void) __attribute__((constructor));	\
	static void fn##_register(void) { unit_register(fn); }

#endif
