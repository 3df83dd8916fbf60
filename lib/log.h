/*
 * log.h - the operator's log.
 *
 * One line per event with time, pid, level and message. Control characters
 * (CR, LF, ...) are encoded so that nothing a user typed can forge a line.
 * Users only ever see a reference id; the details are here.
 */
#ifndef CRM_LOG_H
#define CRM_LOG_H

/* Open the log file named by the configuration, or use stderr. */
void	log_open(const char *path);
void	log_info(const char *, ...) __attribute__((format(printf, 1, 2)));
void	log_warn(const char *, ...) __attribute__((format(printf, 1, 2)));
/* Log an error under reference ref (may be NULL). */
void	log_error(const char *ref, const char *, ...)
	    __attribute__((format(printf, 2, 3)));

#endif
