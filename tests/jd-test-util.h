/* jd-test-util.h: small helpers shared by the test programs. */
#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

#include "jd-client.h"

G_BEGIN_DECLS

/* Spins the thread-default main context until *flag is TRUE or the
 * timeout passes; returns *flag. Never a fixed sleep. */
gboolean      jd_test_spin_until       (const gboolean *flag,
                                        guint           timeout_ms);
/* Spins the thread-default main context for about this long. */
void          jd_test_spin_for         (guint           milliseconds);

/* JD_TEST_SLOWDOWN (1 to 100, default 1): how many times slower this run
 * is than a plain one (sanitizers, valgrind). Waits for a result or a
 * condition allow that many times longer; fixed spins do not change. */
guint         jd_test_slowdown         (void);

/* A bound on how long something may take, in µs, for a test that asserts
 * "within": ms on an idle machine, times jd_test_slowdown (), plus
 * JD_TEST_LOAD_SLACK_MS for a loaded one (CI runs the plain suites beside
 * the sanitizers' and valgrind's on two cores, where a call may take
 * seconds longer than on an idle machine), but never past ceiling_ms unless that is 0: the
 * time at which the wrong behaviour would show (a deadline, a D-Bus
 * time-out), so that the bound still tells the two apart. */
#define JD_TEST_LOAD_SLACK_MS 3000
gint64        jd_test_bound_us         (guint           ms,
                                        guint           ceiling_ms);

/* An async callback that stores the GAsyncResult; wait with
 * jd_test_wait_result (). */
typedef struct
{
  GAsyncResult *result;
  gboolean      done;
} JdTestAsync;

void          jd_test_async_ready_cb   (GObject      *source,
                                        GAsyncResult *result,
                                        gpointer      user_data);
/* Waits for the callback (asserting it comes within timeout_ms) and
 * returns the result (owned by async; freed by jd_test_async_clear). */
GAsyncResult *jd_test_wait_result      (JdTestAsync  *async,
                                        guint         timeout_ms);
void          jd_test_async_clear      (JdTestAsync  *async);

/* GET /v3/jobs/{id} (with or without its messages) and GET
 * /v3/jobs/{id}/messages through client, waited for (asserting an answer
 * within 20 s, times the slowdown). */
JdJob        *jd_test_get_job          (JdClient     *client,
                                        const char   *id,
                                        gboolean      with_messages,
                                        GError      **error);
GListModel   *jd_test_get_job_messages (JdClient     *client,
                                        const char   *id,
                                        GError      **error);

/* An answer of a synchronous request: its status, body and headers. */
typedef struct
{
  guint               status;
  GBytes             *body;
  SoupMessageHeaders *headers;
} JdTestReply;

void          jd_test_reply_free       (JdTestReply  *reply);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdTestReply, jd_test_reply_free)

/* A session without a proxy: looking up the system's would read GSettings
 * schemas, which the isolated test directories do not have. */
SoupSession  *jd_test_new_session      (void);
/* method base_url+path, asking for JSON, with "Authorization: Bearer
 * token" when token is not NULL and a form body when form is not NULL;
 * asserts that an answer came. */
JdTestReply  *jd_test_send_request     (SoupSession  *session,
                                        const char   *base_url,
                                        const char   *method,
                                        const char   *path,
                                        const char   *token,
                                        const char   *form);

/* Reads a whole file of the source tree's tests/ folder. */
GBytes       *jd_test_load_data        (const char   *name);

/* Makes server listen on a loopback port of its own and returns the
 * port. The socket is made here, as JdDemoServer does, because
 * soup_server_listen_local () and soup_server_get_uris () leak an address
 * in libsoup 3.2. */
guint jd_test_listen_loopback (SoupServer *server);

G_END_DECLS
