/*
 * log.c - the operator's log: line-oriented, append-only, CR/LF-safe.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "log.h"

static FILE	*log_fp;

void
log_open(const char *path)
{
	FILE	*f;

	if (path == NULL || (f = fopen(path, "a")) == NULL)
		return;
	setvbuf(f, NULL, _IOLBF, 0);
	log_fp = f;
}

static void
log_write(const char *level, const char *ref, const char *fmt, va_list ap)
{
	char		 msg[2048], out[4096], stamp[32];
	size_t		 i, o = 0;
	time_t		 now = time(NULL);
	struct tm	 tm;
	unsigned char	 c;

	vsnprintf(msg, sizeof(msg), fmt, ap);
	for (i = 0; msg[i] != '\0' && o + 5 < sizeof(out); i++) {
		c = (unsigned char)msg[i];
		if (c < 0x20 || c == 0x7f || c == '\\') {
			o += (size_t)snprintf(out + o, sizeof(out) - o,
			    "\\x%02x", c);
		} else
			out[o++] = (char)c;
	}
	out[o] = '\0';
	gmtime_r(&now, &tm);
	strftime(stamp, sizeof(stamp), "%Y-%m-%dT%H:%M:%SZ", &tm);
	fprintf(log_fp ? log_fp : stderr, "%s [%ld] %s%s%s %s\n", stamp,
	    (long)getpid(), level, ref ? " ref=" : "", ref ? ref : "", out);
}

void
log_info(const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	log_write("info", NULL, fmt, ap);
	va_end(ap);
}

void
log_warn(const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	log_write("warn", NULL, fmt, ap);
	va_end(ap);
}

void
log_error(const char *ref, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	log_write("error", ref, fmt, ap);
	va_end(ap);
}
