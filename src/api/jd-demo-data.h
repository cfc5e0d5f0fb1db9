/* jd-demo-data.h: the sample jobs, workflows, messages and output files
 * that JdDemoServer serves.
 *
 * Everything here is generated deterministically (fixed tables, seeded
 * GRand, arithmetic on indexes), built once per process and never changed:
 * the tables may be read from any thread. Per-server state (cancelled
 * jobs, the progressing job's clock) lives in JdDemoServer, which passes
 * the effective status and disposition in.
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
} JdDemoKind;

typedef struct
{
  const char *id;
  const char *name;
  const char *owner_id;
  const char *date_created;
  guint       published_version;
  const char *comments;
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
  gint64                complete_ms;   /* 0 while not finished */
  const char           *status;
  const char           *disposition;
  const char           *priority;
  const char           *worker_tag;
  gboolean              run_with_e2;
  const JdDemoOutput   *outputs;
  guint                 n_outputs;
} JdDemoJob;

/* Workflows */
const JdDemoWorkflow  *jd_demo_data_get_workflows      (guint                *n_workflows);
const JdDemoWorkflow  *jd_demo_data_find_workflow      (const char           *id);

/* Jobs: the named samples first, then the generated jobs of each
 * workflow, oldest first. */
const JdDemoJob      **jd_demo_data_get_jobs           (guint                *n_jobs);
const JdDemoJob       *jd_demo_data_find_job           (const char           *id);
const JdDemoOutput    *jd_demo_data_find_output        (const JdDemoJob      *job,
                                                        const char           *output_id);
gboolean               jd_demo_data_output_has_format  (const JdDemoOutput   *output,
                                                        const char           *format);

/* JobView pieces. The JSON of a job is HEAD [ ',"messages":' MESSAGES ]
 * ',' TAIL, so that a cached messages array is served without copying.
 * HEAD opens the object and TAIL closes it. Outputs are listed only when
 * @status is Completed. */
char                  *jd_demo_data_build_job_head     (const JdDemoJob      *job,
                                                        const char           *status,
                                                        const char           *disposition);
char                  *jd_demo_data_build_job_tail     (const JdDemoJob      *job);
/* FALSE when the job's JSON never has a "messages" member. */
gboolean               jd_demo_data_job_has_messages   (const JdDemoJob      *job);
/* The messages array as the job shows it in @status (a job cancelled by a
 * request gets a closing message; the progressing job grows). */
GBytes                *jd_demo_data_build_messages     (const JdDemoJob      *job,
                                                        const char           *status,
                                                        guint                *n_messages);
/* A WorkflowJobView object; @with_workflow adds "workflowName" and
 * "disposition" as GET /v3/jobs answers them. */
void                   jd_demo_data_append_job_summary (GString              *json,
                                                        const JdDemoJob      *job,
                                                        const char           *status,
                                                        const char           *disposition,
                                                        gboolean              with_workflow);
void                   jd_demo_data_append_workflow    (GString              *json,
                                                        const JdDemoWorkflow *workflow,
                                                        gboolean              full);

/* The bytes of one output in one format. @content_type and @file_name
 * (the name a browser would save it under) are set when not NULL. */
GBytes                *jd_demo_data_build_output       (const JdDemoJob      *job,
                                                        const JdDemoOutput   *output,
                                                        const char           *format,
                                                        char                **content_type,
                                                        char                **file_name);

/* "ID  words about it", one line per named sample job. */
char                  *jd_demo_data_describe_jobs      (void);

/* Helpers, shared with the server. */
void                   jd_demo_data_append_json_string (GString              *json,
                                                        const char           *text);
char                  *jd_demo_data_format_time        (gint64                unix_ms);
gboolean               jd_demo_data_is_object_id       (const char           *text);
guint32                jd_demo_data_crc32              (guint32               crc,
                                                        const guint8         *data,
                                                        gsize                 length);

G_END_DECLS
