/*
 * config.h - the instance configuration file (crm.conf).
 *
 * Read once by the master before it forks; workers only read it. Lines are
 * "key=value"; '#' starts a comment line.
 */
#ifndef CRM_CONFIG_H
#define CRM_CONFIG_H

struct config {
	char	*db_socket;
	char	*db_name;
	char	*db_user;
	char	*db_password;
	char	*templates;
	char	*static_dir;
	char	*log_file;
	char	*key_file;
	char	*time_zone;	/* the company's, e.g. +08:00 */
};

extern struct config	config;

/* Load path into the global config; 0 on success, -1 with a message on stderr. */
int	config_load(const char *path);
/*
 * Make the process's local time the company's (time_zone, "+08:00"), as
 * the database sessions' is, so "today" is the same day in C and in SQL.
 */
int	config_apply_time_zone(void);

#endif
