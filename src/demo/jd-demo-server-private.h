/* jd-demo-server-private.h: what the files of JdDemoServer share: its
 * instance struct and the handlers each file gives the router in
 * jd-demo-server.c (tokens in jd-demo-server-auth.c; jobs, job lists and
 * workflows in jd-demo-server-jobs.c). Only the server's own files
 * include it.
 */
#pragma once

#include <libsoup/soup.h>

#include "jd-demo-data.h"
#include "jd-demo-request.h"
#include "jd-demo-server.h"

G_BEGIN_DECLS

#define DEFAULT_TOKEN_LIFETIME 3599
#define DEFAULT_PROGRESS_STEP  20000
/* GET /v3/jobs pages by this many jobs when no limit is given. */
#define DEFAULT_PAGE_SIZE      20

typedef enum
{
  ROLE_VIEWER,
  ROLE_CURATOR,
} Role;

typedef struct
{
  gint64 expires_at;    /* monotonic µs */
  Role   role;
} Token;

/* What a DELETE did to a job. */
typedef struct
{
  const char *status;
  const char *disposition;
  gboolean    removed;
  gint64      cancelled_ms;   /* Unix time in ms */
} Override;

/* A generated output, kept because the large ones take a moment. */
typedef struct
{
  GBytes *bytes;
  char   *content_type;
  char   *file_name;
} CachedOutput;

typedef enum
{
  ROUTE_NONE,
  ROUTE_TOKEN,
  ROUTE_SWAGGER,
  ROUTE_JOBS,
  ROUTE_JOB,
  ROUTE_JOB_MESSAGES,
  ROUTE_WORKFLOWS,
  ROUTE_WORKFLOW,
  ROUTE_WORKFLOW_JOBS,
  ROUTE_OUTPUT,
} Route;

/* One row of a job list, with the state this server gives the job now. */
typedef struct
{
  const JdDemoJob *job;
  const char      *status;
  const char      *disposition;
  JdDemoTimes      times;
} ListedJob;

typedef enum
{
  SORT_CREATE_DATE,
  SORT_APP_NAME,
  SORT_COMPLETION,
  SORT_PRIORITY,
  SORT_STATUS,
} SortField;

typedef struct
{
  SortField field;
  gboolean  ascending;
} SortOrder;

struct _JdDemoServer
{
  GObject             parent_instance;

  /* Only the thread that serves touches these. */
  SoupServer         *server;
  GMainContext       *thread_context;
  GThread            *thread;
  guint               requested_port;
  gint                stopping;          /* atomic */

  GMutex              mutex;
  GCond               cond;

  /* Guarded by mutex. */
  gboolean            thread_ready;
  GError             *thread_error;
  char               *base_url;
  guint               token_lifetime;
  guint               progress_step;
  gboolean            basic_only;
  gboolean            legacy;
  GHashTable         *tokens;            /* token → Token */
  GPtrArray          *issued_tokens;     /* every token ever issued, for tests */
  GHashTable         *overrides;         /* job ID → Override */
  GHashTable         *cache;             /* key → GBytes (messages) */
  GHashTable         *output_cache;      /* key → CachedOutput */
  gint64              progress_started;  /* monotonic µs; 0: not looked up yet */
  gint64              progress_started_ms; /* the same moment, Unix time in ms */
  SoupMessageHeaders *last_headers;

  gint                request_count;     /* atomic */
  gint                token_request_count;
};


void jd_demo_server_handle_token (JdDemoServer      *self,
                                  SoupServerMessage *msg);
gboolean jd_demo_server_authorize (JdDemoServer      *self,
                                   SoupServerMessage *msg,
                                   Role              *role);
gboolean jd_demo_server_require_curator (SoupServerMessage *msg,
                                         Role               role);
const JdDemoJob *jd_demo_server_find_job (JdDemoServer       *self,
                                          SoupServerMessage  *msg,
                                          const char         *id,
                                          gboolean            start_clock,
                                          const char        **status,
                                          const char        **disposition);
void jd_demo_server_handle_get_job (JdDemoServer      *self,
                                    SoupServerMessage *msg,
                                    GHashTable        *query,
                                    const char        *id);
void jd_demo_server_handle_get_messages (JdDemoServer      *self,
                                         SoupServerMessage *msg,
                                         const char        *id);
void jd_demo_server_handle_delete_job (JdDemoServer      *self,
                                       SoupServerMessage *msg,
                                       const char        *id);
void jd_demo_server_handle_workflow_jobs (JdDemoServer      *self,
                                          SoupServerMessage *msg,
                                          GHashTable        *query,
                                          const char        *workflow_id);
void jd_demo_server_handle_jobs (JdDemoServer      *self,
                                 SoupServerMessage *msg,
                                 GHashTable        *query,
                                 Role               role);
void jd_demo_server_handle_workflows (JdDemoServer      *self,
                                      SoupServerMessage *msg,
                                      GHashTable        *query);
void jd_demo_server_handle_get_workflow (JdDemoServer      *self,
                                         SoupServerMessage *msg,
                                         const char        *workflow_id);

G_END_DECLS
