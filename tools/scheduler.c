/*
 * scheduler.c - the CRM's background work, one process beside the
 * programs (scripts/lib.sh starts it with them and stops it with them).
 *
 *	scheduler --config FILE [--pidfile FILE]	every TICK_SECONDS
 *	scheduler --config FILE --once			one pass, then exit
 *
 * A pass delivers the mail that is due in the outbox through the SMTP
 * server of the configuration (libcurl; without smtp_url nothing is
 * sent), and tells the owners of opportunities that went stale
 * (lib/stagerule.h). A pass runs under the database lock SCHEDULER_LOCK,
 * so two schedulers take turns; and each outbox row and each stale
 * notice is claimed in the database before it is acted on, so even
 * without the lock nothing goes out twice. The outbox is a table: mail
 * waits there across restarts of everything.
 *
 * A mail that fails is tried again after 1, 2, 4, ... minutes (at most
 * BACKOFF_MAX_MINUTES), OUTBOX_ATTEMPTS times in all; the last error is
 * kept on its row. A row is claimed by moving its next attempt past the
 * backoff before sending, so a scheduler killed in the middle of a send
 * leaves the row to be tried again later, never by two at once. Mail sent
 * or given up is kept OUTBOX_KEEP_DAYS, for whoever asks what went out,
 * then deleted.
 */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>

#include "arena.h"
#include "buf.h"
#include "config.h"
#include "db.h"
#include "log.h"
#include "server.h"
#include "stagerule.h"
#include "tmpl.h"

#define TICK_SECONDS		10
#define LOCK_WAIT_ONCE		60	/* seconds --once waits for a turn */
#define OUTBOX_BATCH		20
#define OUTBOX_BATCH_SQL	"20"
#define OUTBOX_ATTEMPTS		12
#define BACKOFF_MAX_MINUTES	360
#define STALE_PER_TICK		200	/* per stage: a backlog drains slowly */
#define ERROR_MAX		500	/* outbox.last_error */
#define SMTP_TIMEOUT		60
#define OUTBOX_KEEP_DAYS	30
#define PURGE_BATCH_SQL		"500"	/* rows per statement, per pass */

static const char sql_lock[] =
    "SELECT GET_LOCK('crm_scheduler', ?)";
static const char sql_unlock[] =
    "SELECT RELEASE_LOCK('crm_scheduler')";
/* Index outbox_due: pending rows in the order they fall due. */
static const char sql_due[] =
    "SELECT id, recipient, subject, body FROM outbox"
    " WHERE sent_at IS NULL AND next_attempt_at <= NOW()"
    " ORDER BY next_attempt_at LIMIT " OUTBOX_BATCH_SQL;
/*
 * The claim: one more attempt, the next one after the backoff (NULL:
 * none, given up). Assignments run left to right, so attempts is
 * already the new count where next_attempt_at reads it.
 */
static const char sql_claim[] =
    "UPDATE outbox SET attempts = attempts + 1,"
    " next_attempt_at = IF(attempts >= ?, NULL,"
    " NOW() + INTERVAL LEAST(1 << (attempts - 1), ?) MINUTE)"
    " WHERE id = ? AND sent_at IS NULL AND next_attempt_at <= NOW()";
static const char sql_sent[] =
    "UPDATE outbox SET sent_at = NOW(), last_error = NULL WHERE id = ?";
static const char sql_failed[] =
    "UPDATE outbox SET last_error = ? WHERE id = ?";
static const char sql_give_up[] =
    "UPDATE outbox SET last_error = ?, next_attempt_at = NULL WHERE id = ?";
/* Index outbox_due: a range of sent rows, and the given-up rows. */
static const char *const sql_purge[] = {
	"DELETE FROM outbox WHERE sent_at < NOW() - INTERVAL ? DAY"
	" LIMIT " PURGE_BATCH_SQL,
	"DELETE FROM outbox WHERE sent_at IS NULL AND next_attempt_at IS NULL"
	" AND created_at < NOW() - INTERVAL ? DAY LIMIT " PURGE_BATCH_SQL,
};

static volatile sig_atomic_t	stopping;

static void
on_term(int sig)
{
	(void)sig;
	stopping = 1;
}

/* --- the message ---------------------------------------------------- */

static const char b64[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static void
base64(struct buf *b, const unsigned char *p, size_t n)
{
	unsigned long	v;
	size_t		i;

	for (i = 0; i + 2 < n; i += 3) {
		v = (unsigned long)p[i] << 16 | (unsigned long)p[i + 1] << 8 |
		    p[i + 2];
		buf_putc(b, b64[v >> 18 & 63]);
		buf_putc(b, b64[v >> 12 & 63]);
		buf_putc(b, b64[v >> 6 & 63]);
		buf_putc(b, b64[v & 63]);
	}
	if (i == n)
		return;
	v = (unsigned long)p[i] << 16 | (i + 1 < n ? (unsigned long)p[i + 1]
	    << 8 : 0);
	buf_putc(b, b64[v >> 18 & 63]);
	buf_putc(b, b64[v >> 12 & 63]);
	buf_putc(b, i + 1 < n ? b64[v >> 6 & 63] : '=');
	buf_putc(b, '=');
}

/*
 * The subject as RFC 2047 encoded words of at most 45 bytes of UTF-8
 * each (60 characters encoded), never splitting a character, folded.
 */
static void
subject_encode(struct buf *b, const char *s)
{
	size_t	len = strlen(s), n;

	do {
		n = len < 45 ? len : 45;
		while (n < len && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
		buf_puts(b, "=?UTF-8?B?");
		base64(b, (const unsigned char *)s, n);
		buf_puts(b, "?=");
		s += n;
		len -= n;
		if (len > 0)
			buf_puts(b, "\r\n ");
	} while (len > 0);
}

/* The body with CRLF line ends, in base64 lines of 76 characters. */
static void
body_encode(struct buf *b, struct arena *a, const char *body)
{
	struct buf	 crlf, enc;
	const char	*p;
	size_t		 i;

	buf_init(&crlf, a);
	for (p = body; *p != '\0'; p++) {
		if (*p == '\n' && (p == body || p[-1] != '\r'))
			buf_putc(&crlf, '\r');
		buf_putc(&crlf, *p);
	}
	buf_init(&enc, a);
	base64(&enc, (const unsigned char *)crlf.data, crlf.len);
	for (i = 0; i < enc.len; i += 76) {
		buf_append(b, enc.data + i, enc.len - i < 76 ? enc.len - i :
		    76);
		buf_puts(b, "\r\n");
	}
}

/* An address that can stand in a header and an SMTP command. */
static int
address_ok(const char *s)
{
	const char	*p;

	if (s == NULL || strchr(s, '@') == NULL || strlen(s) > 254)
		return 0;
	for (p = s; *p != '\0'; p++)
		if ((unsigned char)*p <= ' ' || *p == '<' || *p == '>' ||
		    *p == '"' || *p == ',' || *p == 0x7f)
			return 0;
	return 1;
}

static const char *
message(struct arena *a, long long id, const char *to, const char *subject,
    const char *body)
{
	struct buf	 b;
	char		 date[64];
	time_t		 now = time(NULL);
	struct tm	 tm;

	localtime_r(&now, &tm);
	strftime(date, sizeof(date), "%a, %d %b %Y %H:%M:%S %z", &tm);
	buf_init(&b, a);
	buf_printf(&b, "Date: %s\r\nFrom: %s\r\nTo: %s\r\nSubject: ", date,
	    config.mail_from, to);
	subject_encode(&b, subject);
	buf_printf(&b, "\r\nMessage-ID: <crm-outbox-%lld.%lld@%s>\r\n"
	    "MIME-Version: 1.0\r\n"
	    "Content-Type: text/plain; charset=UTF-8\r\n"
	    "Content-Transfer-Encoding: base64\r\n\r\n", id, (long long)now,
	    strchr(config.mail_from, '@') + 1);
	body_encode(&b, a, body);
	return buf_str(&b);
}

/* --- SMTP ------------------------------------------------------------ */

struct upload {
	const char	*data;
	size_t		 left;
};

static size_t
upload_read(char *out, size_t size, size_t n, void *arg)
{
	struct upload	*u = arg;
	size_t		 len = size * n < u->left ? size * n : u->left;

	memcpy(out, u->data, len);
	u->data += len;
	u->left -= len;
	return len;
}

/* Hand one message to the server: 0, or -1 with the reason in err. */
static int
smtp_send(struct arena *a, const char *to, const char *msg,
    char err[CURL_ERROR_SIZE])
{
	CURL			*h;
	struct curl_slist	*rcpt;
	struct upload		 u = { msg, strlen(msg) };
	CURLcode		 rc;

	err[0] = '\0';
	if ((h = curl_easy_init()) == NULL) {
		snprintf(err, CURL_ERROR_SIZE, "curl_easy_init failed");
		return -1;
	}
	rcpt = curl_slist_append(NULL, arena_printf(a, "<%s>", to));
	curl_easy_setopt(h, CURLOPT_URL, config.smtp_url);
	curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
	curl_easy_setopt(h, CURLOPT_MAIL_FROM, arena_printf(a, "<%s>",
	    config.mail_from));
	curl_easy_setopt(h, CURLOPT_MAIL_RCPT, rcpt);
	if (config.smtp_user != NULL && *config.smtp_user != '\0') {
		/* A password never crosses the network in the clear. */
		curl_easy_setopt(h, CURLOPT_USERNAME, config.smtp_user);
		curl_easy_setopt(h, CURLOPT_PASSWORD, config.smtp_password ?
		    config.smtp_password : "");
		curl_easy_setopt(h, CURLOPT_USE_SSL, (long)CURLUSESSL_ALL);
	} else
		curl_easy_setopt(h, CURLOPT_USE_SSL, (long)CURLUSESSL_TRY);
	curl_easy_setopt(h, CURLOPT_READFUNCTION, upload_read);
	curl_easy_setopt(h, CURLOPT_READDATA, &u);
	curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(h, CURLOPT_ERRORBUFFER, err);
	curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, 10L);
	curl_easy_setopt(h, CURLOPT_TIMEOUT, (long)SMTP_TIMEOUT);
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	rc = curl_easy_perform(h);
	if (rc != CURLE_OK && err[0] == '\0')
		snprintf(err, CURL_ERROR_SIZE, "%s", curl_easy_strerror(rc));
	curl_slist_free_all(rcpt);
	curl_easy_cleanup(h);
	return rc == CURLE_OK ? 0 : -1;
}

/* --- the outbox ------------------------------------------------------ */

struct mail {
	long long	 id;
	const char	*to, *subject, *body;
};

/* Claim, send and record one mail: 1 if sent, 0 if not, -1 on error. */
static int
mail_deliver(struct db *db, struct arena *a, const struct mail *m)
{
	char		err[CURL_ERROR_SIZE];
	long long	claimed;

	if ((claimed = db_exec(db, a, sql_claim, "iii",
	    (long long)OUTBOX_ATTEMPTS, (long long)BACKOFF_MAX_MINUTES,
	    m->id)) != 1)
		return claimed == 0 ? 0 : -1;
	if (!address_ok(m->to))
		return db_exec(db, a, sql_give_up, "si", "bad address",
		    m->id) < 0 ? -1 : 0;
	if (smtp_send(a, m->to, message(a, m->id, m->to, m->subject,
	    m->body), err) == 0)
		return db_exec(db, a, sql_sent, "i", m->id) < 0 ? -1 : 1;
	err[ERROR_MAX < CURL_ERROR_SIZE ? ERROR_MAX : CURL_ERROR_SIZE - 1] =
	    '\0';
	log_warn("outbox %lld to %s: %s", m->id, m->to, err);
	return db_exec(db, a, sql_failed, "si", err, m->id) < 0 ? -1 : 0;
}

/* Every mail due now, a batch at a time. The number sent, or -1. */
static long long
outbox_deliver(struct db *db, struct arena *a)
{
	struct mail	 m[OUTBOX_BATCH];
	struct dbq	 q;
	size_t		 n, i;
	long long	 sent = 0;
	int		 rc;

	do {
		n = 0;
		if (db_prepare(&q, db, a, sql_due) == -1)
			return -1;
		while (db_step(&q) == DB_ROW && n < OUTBOX_BATCH) {
			m[n].id = db_int(&q, 0);
			m[n].to = db_str(&q, 1);
			m[n].subject = db_str(&q, 2);
			m[n++].body = db_str(&q, 3);
		}
		if (db_finish(&q) == DB_ERROR)
			return -1;
		for (i = 0; i < n && !stopping; i++) {
			if ((rc = mail_deliver(db, a, &m[i])) == -1)
				return -1;
			sent += rc;
		}
	} while (n == OUTBOX_BATCH && !stopping);
	return sent;
}

/* Mail sent or given up long ago: the number of rows, or -1 on error. */
static long long
outbox_purge(struct db *db, struct arena *a)
{
	long long	n, all = 0;
	size_t		i;

	for (i = 0; i < sizeof(sql_purge) / sizeof(sql_purge[0]); i++) {
		if ((n = db_exec(db, a, sql_purge[i], "i",
		    (long long)OUTBOX_KEEP_DAYS)) < 0)
			return -1;
		all += n;
	}
	return all;
}

/* --- a pass ---------------------------------------------------------- */

/*
 * One pass under the lock, waiting up to wait seconds for it: 0 done (or
 * another scheduler's turn), -1 on error.
 */
static int
pass(struct db *db, struct arena *a, long long wait, int stale_batch)
{
	long long	sent = 0, told, purged;

	if (db_ready(db) == -1)
		return -1;
	switch (db_int_query(db, a, sql_lock, -1, "i", wait)) {
	case 1:
		break;
	case 0:
		return wait > 0 ? -1 : 0;
	default:
		return -1;
	}
	if (config_mail())
		sent = outbox_deliver(db, a);
	told = sent == -1 ? -1 : stagerule_stale_scan(db, a, stale_batch);
	purged = told == -1 ? -1 : outbox_purge(db, a);
	(void)db_int_query(db, a, sql_unlock, -1, "");
	if (sent == -1 || told == -1 || purged == -1)
		return -1;
	if (sent > 0 || told > 0 || purged > 0)
		log_info("scheduler: %lld mail sent, %lld stale notices,"
		    " %lld old mail deleted", sent, told, purged);
	return 0;
}

static void
catch_term(void)
{
	struct sigaction	sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_term;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
}

static void __attribute__((noreturn))
usage(void)
{
	fprintf(stderr, "usage: scheduler --config FILE [--once]"
	    " [--pidfile FILE]\n");
	exit(2);
}

int
main(int argc, char *argv[])
{
	static const struct option	 opts[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "pidfile", required_argument, NULL, 'p' },
		{ "once", no_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	const char	*conf = NULL, *pidfile = NULL;
	struct arena	*a;
	struct db	*db;
	int		 ch, once = 0, rc = 0;

	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1)
		switch (ch) {
		case 'c': conf = optarg; break;
		case 'p': pidfile = optarg; break;
		case 'o': once = 1; break;
		default: usage();
		}
	if (conf == NULL || optind != argc)
		usage();
	if (config_load(conf) == -1 || config_apply_time_zone() == -1)
		return 1;
	/* One pass by hand reports on stderr; the daemon in the log. */
	if (!once)
		log_open(config.log_file);
	signal(SIGPIPE, SIG_IGN);
	if (nerr_init() != STATUS_OK || tmpl_init(config.templates) == -1 ||
	    curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		fprintf(stderr, "scheduler: initialisation failed\n");
		return 1;
	}
	if (pidfile != NULL && pidfile_claim(pidfile) == -1)
		return 1;
	catch_term();
	db = db_open();
	a = arena_new();
	if (once)
		rc = pass(db, a, LOCK_WAIT_ONCE, 0) == -1;
	else {
		log_info("scheduler: started, mail %s", config_mail() ?
		    "on" : "off");
		while (!stopping) {
			if (pass(db, a, 0, STALE_PER_TICK) == -1)
				log_warn("scheduler: pass failed");
			arena_reset(a);
			/* A signal ends the sleep early. */
			sleep(TICK_SECONDS);
		}
		log_info("scheduler: stopped");
	}
	arena_free(a);
	db_close(db);
	curl_global_cleanup();
	tmpl_shutdown();
	if (pidfile != NULL)
		unlink(pidfile);
	return rc;
}
