/* jd-demo-server.h: a SoupServer that plays an Alteryx Server.
 *
 * It serves realistic sample jobs, workflows, messages and output files on
 * 127.0.0.1, so the app can be tried and the client tested over real HTTP.
 */
#pragma once

#include <gio/gio.h>

#include "jd-demo-ids.h"

G_BEGIN_DECLS

#define JD_TYPE_DEMO_SERVER (jd_demo_server_get_type ())
G_DECLARE_FINAL_TYPE (JdDemoServer, jd_demo_server, JD, DEMO_SERVER, GObject)

JdDemoServer *jd_demo_server_new                (void);
/* Listens on 127.0.0.1:port (0: any free port) and serves from the
 * thread-default main context of the caller. */
gboolean      jd_demo_server_listen             (JdDemoServer  *self,
                                                 guint          port,
                                                 GError       **error);
/* Listens on 127.0.0.1:port and serves from a thread of its own, so large
 * answers never hold up the caller's main loop. */
gboolean      jd_demo_server_start_thread       (JdDemoServer  *self,
                                                 guint          port,
                                                 GError       **error);
void          jd_demo_server_stop               (JdDemoServer  *self);
/* "http://127.0.0.1:PORT/webapi", no trailing slash */
const char   *jd_demo_server_get_base_url       (JdDemoServer  *self);

/* Seconds a token lives (default 3599); set before tokens are issued. */
void          jd_demo_server_set_token_lifetime (JdDemoServer  *self,
                                                 guint          seconds);
/* Milliseconds JD_DEMO_JOB_PROGRESSING spends queued and then running,
 * counted from its first lookup (default 20000 each). */
void          jd_demo_server_set_progress_step  (JdDemoServer  *self,
                                                 guint          milliseconds);
/* When TRUE the token endpoint takes only HTTP Basic credentials and
 * refuses a form body with 400, as some Servers do. */
void          jd_demo_server_set_basic_auth_only (JdDemoServer *self,
                                                  gboolean      basic_only);
/* When TRUE, GET /v3/jobs answers 404 as older Servers do. */
void          jd_demo_server_set_legacy         (JdDemoServer  *self,
                                                 gboolean       legacy);
/* Makes the next token invalid now, as if it had expired on the Server. */
void          jd_demo_server_expire_tokens      (JdDemoServer  *self);

/* Counters for tests (thread-safe). */
guint         jd_demo_server_get_request_count  (JdDemoServer  *self);
guint         jd_demo_server_get_token_request_count (JdDemoServer *self);
/* Every token the server has issued, oldest first, so tests can check
 * that none of them leaks into logs. */
char        **jd_demo_server_dup_issued_tokens  (JdDemoServer  *self);
/* The value of a header in the most recent request that was not a token
 * request, or NULL. */
char         *jd_demo_server_dup_last_header    (JdDemoServer  *self,
                                                 const char    *name);

/* One line per sample job: "ID  words about it". */
char         *jd_demo_server_describe_jobs      (void);

G_END_DECLS
