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
	/*
	 * Mail (tools/scheduler.c): without smtp_url no mail is queued or
	 * sent. smtp_url is smtp:// or smtps://host[:port]; mail_from is
	 * the sender's address; site_url (optional) begins the links in
	 * mail, e.g. https://crm.example.com.
	 */
	char	*smtp_url;
	char	*smtp_user;
	char	*smtp_password;
	char	*mail_from;
	char	*site_url;
};

extern struct config	config;

/* Load path into the global config; 0 on success, -1 with a message on stderr. */
int	config_load(const char *path);
/* 1 when mail is configured (smtp_url set): only then is it queued and sent. */
int	config_mail(void);
/*
 * Make the process's local time the company's (time_zone, "+08:00"), as
 * the database sessions' is, so "today" is the same day in C and in SQL.
 */
int	config_apply_time_zone(void);

#endif
