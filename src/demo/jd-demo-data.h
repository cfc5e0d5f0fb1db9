/* jd-demo-data.h: the sample jobs, workflows, users, messages and output
 * files that JdDemoServer serves (jd-demo-data.c, jd-demo-messages.c,
 * jd-demo-files.c), and the Server's objects made of them, as its
 * published schemas name them (jd-demo-views.c).
 *
 * Everything here is generated deterministically (fixed tables, seeded
 * GRand, arithmetic on indexes), built once per process and never changed:
 * the tables may be read from any thread. Per-server state (cancelled
 * jobs, the progressing job's clock) lives in JdDemoServer, which passes
 * the effective status and disposition in.
 */
#pragma once

#include <glib.h>

#include "jd-demo-job.h"
#include "jd-demo-json.h"
#include "jd-demo-messages.h"

G_BEGIN_DECLS

/* Workflows */
const JdDemoWorkflow  *jd_demo_data_get_workflows      (guint                *n_workflows);
const JdDemoWorkflow  *jd_demo_data_find_workflow      (const char           *id);
guint                  jd_demo_data_count_jobs         (const JdDemoWorkflow *workflow);

/* Users: who submitted the jobs; found by ID or by name, in any case */
const JdDemoUser      *jd_demo_data_find_user          (const char           *id_or_name);

/* Jobs: the named samples first, then the generated jobs of each
 * workflow, oldest first. */
const JdDemoJob      **jd_demo_data_get_jobs           (guint                *n_jobs);
const JdDemoJob       *jd_demo_data_find_job           (const char           *id);
const JdDemoOutput    *jd_demo_data_find_output        (const JdDemoJob      *job,
                                                        const char           *output_id);
gboolean               jd_demo_data_output_has_format  (const JdDemoOutput   *output,
                                                        const char           *format);
/* The job's own queue, start and end times (queued: none before it is) */
void                   jd_demo_data_get_times          (const JdDemoJob      *job,
                                                        JdDemoTimes          *times);

/* The Server's objects (jd-demo-views.c), field by field as
 * tests/data/server-schema.json lists them.
 *
 * JobView: HEAD [ ',"messages":' MESSAGES ] ',' TAIL, so that a cached
 * messages array is served without copying. HEAD opens the object and
 * TAIL closes it. Outputs are listed only when @status is Completed. */
char                  *jd_demo_data_build_job_head     (const JdDemoJob      *job,
                                                        const char           *status,
                                                        const char           *disposition);
char                  *jd_demo_data_build_job_tail     (const JdDemoJob      *job);
/* WorkflowJobView: no disposition */
void                   jd_demo_data_append_workflow_job (GString             *json,
                                                         const JdDemoJob     *job,
                                                         const char          *status);
/* PagedJobSummaryView: "jobId", the workflow, who submitted it, times */
void                   jd_demo_data_append_job_summary (GString              *json,
                                                        const JdDemoJob      *job,
                                                        const char           *status,
                                                        const JdDemoTimes    *times);
/* ReducedWorkflowView */
void                   jd_demo_data_append_workflow    (GString              *json,
                                                        const JdDemoWorkflow *workflow);
/* WorkflowView */
void                   jd_demo_data_append_workflow_view (GString              *json,
                                                          const JdDemoWorkflow *workflow);
/* .NET's TimeSpan text: "00:05:12.4810000", "1.02:03:04" */
char                  *jd_demo_data_format_duration    (gint64                milliseconds);

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
char                  *jd_demo_data_format_time        (gint64                unix_ms);
gboolean               jd_demo_data_is_object_id       (const char           *text);
guint32                jd_demo_data_crc32              (guint32               crc,
                                                        const guint8         *data,
                                                        gsize                 length);

/* Helpers shared by the data files (jd-demo-data.c, -files.c). */
/* the last part of a UNC or local path */
const char            *jd_demo_data_file_basename      (const char           *path);

G_END_DECLS
