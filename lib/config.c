/*
 * config.c - reads crm.conf into the process-wide, read-only configuration.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "config.h"

struct config	config;

static const struct {
	const char	*key;
	char		**value;
} keys[] = {
	{ "db_socket",		&config.db_socket },
	{ "db_name",		&config.db_name },
	{ "db_user",		&config.db_user },
	{ "db_password",	&config.db_password },
	{ "templates",		&config.templates },
	{ "static_dir",		&config.static_dir },
	{ "log_file",		&config.log_file },
	{ "key_file",		&config.key_file },
	{ "time_zone",		&config.time_zone },
	{ "smtp_url",		&config.smtp_url },
	{ "smtp_user",		&config.smtp_user },
	{ "smtp_password",	&config.smtp_password },
	{ "mail_from",		&config.mail_from },
	{ "site_url",		&config.site_url },
};

static char *
trim(char *s)
{
	char	*e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' ||
	    e[-1] == '\r'))
		*--e = '\0';
	return s;
}

static int
config_set(const char *key, const char *value)
{
	size_t	i;

	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		if (strcmp(keys[i].key, key) != 0)
			continue;
		free(*keys[i].value);
		if ((*keys[i].value = strdup(value)) == NULL)
			abort();
		return 0;
	}
	return -1;
}

int
config_load(const char *path)
{
	FILE	*f;
	char	 line[1024], *p, *eq;
	int	 lineno = 0, rc = 0;

	if ((f = fopen(path, "r")) == NULL) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		return -1;
	}
	while (fgets(line, sizeof(line), f) != NULL) {
		lineno++;
		p = trim(line);
		if (*p == '\0' || *p == '#')
			continue;
		if ((eq = strchr(p, '=')) == NULL) {
			fprintf(stderr, "%s:%d: expected key=value\n", path, lineno);
			rc = -1;
			continue;
		}
		*eq = '\0';
		if (config_set(trim(p), trim(eq + 1)) == -1) {
			fprintf(stderr, "%s:%d: unknown key %s\n", path, lineno,
			    trim(p));
			rc = -1;
		}
	}
	fclose(f);
	if (config.time_zone == NULL && config_set("time_zone", "+08:00") == -1)
		abort();
	if (rc == 0 && (config.db_socket == NULL || config.db_name == NULL ||
	    config.db_user == NULL || config.templates == NULL ||
	    config.key_file == NULL)) {
		fprintf(stderr, "%s: db_socket, db_name, db_user, templates "
		    "and key_file are required\n", path);
		rc = -1;
	}
	if (rc == 0 && config_mail() && (config.mail_from == NULL ||
	    *config.mail_from == '\0')) {
		fprintf(stderr, "%s: smtp_url needs mail_from\n", path);
		rc = -1;
	}
	return rc;
}

int
config_mail(void)
{
	return config.smtp_url != NULL && *config.smtp_url != '\0';
}

int
config_apply_time_zone(void)
{
	const char	*z = config.time_zone;
	char		 tz[32];

	if (strlen(z) != 6 || (z[0] != '+' && z[0] != '-') ||
	    strspn(z + 1, "0123456789") != 2 || z[3] != ':' ||
	    strspn(z + 4, "0123456789") != 2) {
		fprintf(stderr, "time_zone must look like +08:00, not %s\n", z);
		return -1;
	}
	/* POSIX TZ counts west of Greenwich: +08:00 is "<+0800>-08:00". */
	snprintf(tz, sizeof(tz), "<%c%.2s%.2s>%c%.5s", z[0], z + 1, z + 4,
	    z[0] == '+' ? '-' : '+', z + 1);
	if (setenv("TZ", tz, 1) == -1)
		return -1;
	tzset();
	return 0;
}
