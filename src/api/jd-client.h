/* jd-client.h: talks to one Alteryx Server's Web API (V3, OAuth 2).
 *
 * A JdClient holds the base URL, the credentials and the current token. It
 * requests a token before the first call, renews it before it expires and,
 * once, when a call answers 401; calls that need a token at the same time
 * share one token request. Every call is asynchronous, takes a
 * GCancellable and reports failures in JD_CLIENT_ERROR.
 */
#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

#include "jd-client-address.h"
#include "jd-client-error.h"
#include "jd-job.h"
#include "jd-job-page.h"
#include "jd-token-source.h"
#include "jd-workflow.h"

G_BEGIN_DECLS

typedef enum
{
  JD_SORT_DESCENDING,
  JD_SORT_ASCENDING,
} JdSortDirection;

/* Query for the jobs of a workflow. NULL strings and a limit of 0 are left
 * out of the request. */
typedef struct
{
  const char      *sort_field;   /* e.g. "createDate" */
  JdSortDirection  direction;
  guint            offset;
  guint            limit;
  const char      *status;       /* Complete, Error, Running, Queued */
  const char      *result_code;  /* Success, Warning, Error */
} JdJobQuery;

/* Query for the recent jobs across workflows (GET /v3/jobs, newer
 * Servers). NULL strings and dates, a limit of 0 and all_users FALSE are
 * left out of the request; without users or all_users, a Server lists the
 * caller's own jobs. */
typedef struct
{
  const char      *sort_field;       /* CreateDate, AppName, CompletionDateTime, Priority, Status */
  JdSortDirection  direction;
  guint            offset;
  guint            limit;
  const char      *statuses;         /* comma-separated: Complete, Error, Running, Queued */
  const char      *workflow_names;   /* comma-separated */
  const char      *priorities;       /* comma-separated: Low, Default, Medium, High, Critical */
  const char      *users;            /* comma-separated user IDs */
  gboolean         all_users;        /* every user's jobs (Curators) */
  GDateTime       *completed_after;  /* sent as its date, yyyy-MM-dd */
  GDateTime       *completed_before;
} JdRecentJobsQuery;

/* The largest answer the client reads before giving up (BAD_RESPONSE), by
 * default. The largest real answer, a job with 100,000 messages, is about
 * 11 MB; the limit only keeps a broken or hostile server from filling the
 * memory. Downloads stream to a file and have no limit. */
#define JD_CLIENT_MAX_RESPONSE_SIZE (256 * 1024 * 1024)
/* The default time a whole call may take, in seconds. */
#define JD_CLIENT_DEFAULT_TIMEOUT 60

#define JD_TYPE_CLIENT (jd_client_get_type ())
G_DECLARE_FINAL_TYPE (JdClient, jd_client, JD, CLIENT, GObject)

/* One SoupSession for the app: user agent JobDesk/VERSION, I/O timeout. */
SoupSession *jd_client_session_new        (void);


JdClient    *jd_client_new                (SoupSession *session,
                                           const char  *base_url);
SoupSession *jd_client_get_session        (JdClient    *self);
const char  *jd_client_get_base_url       (JdClient    *self);
JdAuthKind   jd_client_get_auth_kind      (JdClient    *self);

void         jd_client_set_api_key        (JdClient    *self,
                                           const char  *key,
                                           const char  *secret);
void         jd_client_set_access_token   (JdClient    *self,
                                           const char  *token);
void         jd_client_sign_out           (JdClient    *self);

/* Whole-call deadline in seconds (0: the default). */
void         jd_client_set_timeout        (JdClient    *self,
                                           guint        seconds);
guint        jd_client_get_timeout        (JdClient    *self);
/* The largest JSON answer read, in bytes (0: JD_CLIENT_MAX_RESPONSE_SIZE).
 * Lowered by tests, which cannot stream 256 MB quickly. */
void         jd_client_set_max_response_size (JdClient *self,
                                              gsize     bytes);
gsize        jd_client_get_max_response_size (JdClient *self);
/* Credentials go over plain http:// to loopback only, unless allowed. */
void         jd_client_set_allow_insecure (JdClient    *self,
                                           gboolean     allow);
gboolean     jd_client_get_allow_insecure (JdClient    *self);
/* The retry-after a 429 named, in seconds; 0 when it named none. */
guint        jd_client_get_retry_after    (JdClient    *self);

/* Verifies the credentials against the Server: a token request for a key
 * and secret; a harmless authorised call for a pasted token. */
void         jd_client_sign_in_async      (JdClient            *self,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean     jd_client_sign_in_finish     (JdClient            *self,
                                           GAsyncResult        *result,
                                           GError             **error);

void         jd_client_get_job_async      (JdClient            *self,
                                           const char          *job_id,
                                           gboolean             include_messages,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
JdJob       *jd_client_get_job_finish     (JdClient            *self,
                                           GAsyncResult        *result,
                                           GError             **error);

/* The Curator endpoint; items are JdJobMessage (a JdMessageList). */
void         jd_client_get_job_messages_async  (JdClient            *self,
                                                const char          *job_id,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
GListModel  *jd_client_get_job_messages_finish (JdClient            *self,
                                                GAsyncResult        *result,
                                                GError             **error);

/* GET /v3/workflows/{id}/jobs: the page's jobs are JdJobSummary without
 * a disposition (WorkflowJobView has none); it has no pagination. */
void         jd_client_list_workflow_jobs_async  (JdClient            *self,
                                                  const char          *workflow_id,
                                                  const JdJobQuery    *query,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
JdJobPage   *jd_client_list_workflow_jobs_finish (JdClient            *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

/* GET /v3/jobs: one page of the recent jobs across workflows, with the
 * Server's PaginationInfo; the jobs are JdJobSummary with their
 * workflow's name and ID, who submitted them and their queue, start and
 * execution times. Servers without the endpoint answer NOT_SUPPORTED,
 * accounts that may not use it FORBIDDEN. */
void         jd_client_list_jobs_async    (JdClient                 *self,
                                           const JdRecentJobsQuery  *query,
                                           GCancellable             *cancellable,
                                           GAsyncReadyCallback       callback,
                                           gpointer                  user_data);
JdJobPage   *jd_client_list_jobs_finish   (JdClient                 *self,
                                           GAsyncResult             *result,
                                           GError                  **error);

/* DELETE /v3/jobs/{id}: cancels a running job, or removes a queued one
 * from the queue. A Curator may do so to any job, others to their own. */
void         jd_client_delete_job_async   (JdClient            *self,
                                           const char          *job_id,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean     jd_client_delete_job_finish  (JdClient            *self,
                                           GAsyncResult        *result,
                                           GError             **error);

/* Items are JdWorkflow; name may be NULL. */
void         jd_client_list_workflows_async  (JdClient            *self,
                                              const char          *name,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
GListModel  *jd_client_list_workflows_finish (JdClient            *self,
                                              GAsyncResult        *result,
                                              GError             **error);

/* GET /v3/workflows/{id}: the workflow (WorkflowView), e.g. for the name
 * of a job's workflow (its app ID). An account that may not see it gets
 * FORBIDDEN (or UNAUTHORIZED), an unknown ID NOT_FOUND. */
void         jd_client_get_workflow_async  (JdClient            *self,
                                            const char          *workflow_id,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
JdWorkflow  *jd_client_get_workflow_finish (JdClient            *self,
                                            GAsyncResult        *result,
                                            GError             **error);

/* Writes the output to destination (replacing it). The answer is looked
 * at first: a web page (a login page in front of the Server) or a JSON
 * error where another format was asked for is BAD_RESPONSE, and nothing
 * is written. The body goes to a hidden temporary file beside the
 * destination, which replaces it only once complete; a failure, a cut
 * or a cancel leaves the destination as it was and no file behind. */
void         jd_client_download_output_async  (JdClient              *self,
                                               const char            *job_id,
                                               const char            *output_id,
                                               const char            *format,
                                               GFile                 *destination,
                                               GFileProgressCallback  progress,
                                               gpointer               progress_data,
                                               GCancellable          *cancellable,
                                               GAsyncReadyCallback    callback,
                                               gpointer               user_data);
gboolean     jd_client_download_output_finish (JdClient              *self,
                                               GAsyncResult          *result,
                                               GError               **error);

G_END_DECLS
