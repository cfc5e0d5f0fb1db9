/* jd-demo-job.h: the types of the sample data (jd-demo-data.h): jobs,
 * their workflows, users and outputs. A header of its own so that the
 * files that make the data (jd-demo-data.c, jd-demo-messages.c) share the
 * types without depending on each other.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  JD_DEMO_KIND_GENERATED,
  JD_DEMO_KIND_SUCCESS,
  JD_DEMO_KIND_WARNING,
  JD_DEMO_KIND_ERROR,
  JD_DEMO_KIND_FAILED,
  JD_DEMO_KIND_CANCELLED,
  JD_DEMO_KIND_QUEUED,
  JD_DEMO_KIND_RUNNING,
  JD_DEMO_KIND_CREATED,
  JD_DEMO_KIND_INITIALIZING,
  JD_DEMO_KIND_NO_MESSAGES,
  JD_DEMO_KIND_MANY_MESSAGES,
  JD_DEMO_KIND_HUGE,
  JD_DEMO_KIND_PROGRESSING,
  JD_DEMO_KIND_SPARSE,
  JD_DEMO_KIND_LONG_QUEUED,
} JdDemoKind;

typedef struct
{
  const char *id;
  const char *name;
} JdDemoUser;

typedef struct
{
  const char *id;
  const char *name;
  const char *owner_id;
  const char *date_created;
  guint       published_version;   /* its versions are 1 to this one */
  const char *comments;
  const char *source_app_id;
  const char *worker_tag;
  const char *execution_mode;
  gboolean    is_amp;
  gboolean    others_can_view_history;
  gboolean    others_can_execute;
} JdDemoWorkflow;

typedef struct
{
  const char        *id;
  const char        *file_name;   /* as the Server reports it: UNC or local path */
  const char *const *formats;     /* NULL-terminated availableFormats */
  guint              csv_rows;    /* rows of the tabular content */
} JdDemoOutput;

typedef struct
{
  char                  id[25];
  JdDemoKind            kind;
  const JdDemoWorkflow *workflow;      /* NULL: the job names none */
  guint                 index;         /* position in its workflow, oldest first */
  gint64                create_ms;     /* Unix time in milliseconds, UTC; 0: none */
  gint64                start_ms;      /* when a worker started it; 0: not yet */
  gint64                complete_ms;   /* 0 while not finished */
  const char           *status;
  const char           *disposition;
  const char           *priority;
  const char           *worker_tag;
  gboolean              run_with_e2;
  const JdDemoOutput   *outputs;
  guint                 n_outputs;
  const JdDemoUser     *submitted_by;
} JdDemoJob;

/* When a job was queued, started and ended, as a PagedJobSummaryView
 * tells it (Unix time in ms, UTC; 0: not given). */
typedef struct
{
  gint64 queue_ms;
  gint64 start_ms;
  gint64 end_ms;
} JdDemoTimes;

G_END_DECLS
