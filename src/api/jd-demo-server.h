/* jd-demo-server.h: a SoupServer that plays an Alteryx Server.
 *
 * It serves realistic sample jobs, workflows, messages and output files on
 * 127.0.0.1, so the app can be tried and the client tested over real HTTP.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Sample credentials: a Curator, and a user who is not one. */
#define JD_DEMO_API_KEY           "demo"
#define JD_DEMO_API_SECRET        "demo"
#define JD_DEMO_VIEWER_API_KEY    "viewer"
#define JD_DEMO_VIEWER_API_SECRET "viewer"

/* Sample jobs (24 hexadecimal characters each). */
#define JD_DEMO_JOB_SUCCESS        "66ebd18d3d6200007e000d8c" /* Completed, Success, outputs, a few messages */
#define JD_DEMO_JOB_WARNING        "66ebd18d3d6200007e000d8d" /* Completed, Warning */
#define JD_DEMO_JOB_ERROR          "66ebd18d3d6200007e000d8e" /* Completed, Error */
#define JD_DEMO_JOB_FAILED         "66ebd18d3d6200007e000d8f" /* status Error */
#define JD_DEMO_JOB_CANCELLED      "66ebd18d3d6200007e000d90" /* Cancelled, Cancelled */
#define JD_DEMO_JOB_QUEUED         "66ebd18d3d6200007e000d91" /* Queued, None */
#define JD_DEMO_JOB_RUNNING        "66ebd18d3d6200007e000d92" /* Running, None */
#define JD_DEMO_JOB_CREATED        "66ebd18d3d6200007e000d93" /* Created */
#define JD_DEMO_JOB_INITIALIZING   "66ebd18d3d6200007e000d94" /* Initializing */
#define JD_DEMO_JOB_NO_MESSAGES    "66ebd18d3d6200007e000d95" /* Completed, Success, no messages */
#define JD_DEMO_JOB_MANY_MESSAGES  "66ebd18d3d6200007e000d96" /* 5,000 messages of every severity */
#define JD_DEMO_JOB_HUGE           "66ebd18d3d6200007e000d97" /* 100,000 messages, about 11 MB */
#define JD_DEMO_JOB_PROGRESSING    "66ebd18d3d6200007e000d98" /* Queued -> Running -> Completed */
#define JD_DEMO_JOB_SPARSE         "66ebd18d3d6200007e000d99" /* most fields missing, "Complete", unknown priority */
#define JD_DEMO_JOB_LONG_QUEUED    "66ebd18d3d6200007e000d9a" /* Queued since June 2024: no worker has its tag */
#define JD_DEMO_JOB_UNKNOWN        "000000000000000000000000" /* never exists: 404 */

/* Sample workflows, each with more than 60 jobs. GET /v3/workflows/{id}
 * answers the Curator, and refuses the other account with 403. */
#define JD_DEMO_WORKFLOW_SALES     "5f3a0c9e1b2d4e0012345678"
#define JD_DEMO_WORKFLOW_INVENTORY "5f3a0c9e1b2d4e0012345679"

/* The users the sample accounts sign in as. A PagedJobSummaryView names
 * who submitted a job (submittedBy); GET /v3/jobs lists the caller's own
 * jobs unless it asks for allUsers or names users (by ID or name). */
#define JD_DEMO_USER_CURATOR_ID    "5e1f2a3b4c5d6e7f80910a1b"
#define JD_DEMO_USER_CURATOR_NAME  "Dana Whitfield"
#define JD_DEMO_USER_VIEWER_ID     "5e1f2a3b4c5d6e7f80910a1e"
#define JD_DEMO_USER_VIEWER_NAME   "Lukas Brandt"

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
