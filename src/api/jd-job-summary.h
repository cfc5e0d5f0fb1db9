/* jd-job-summary.h: what every view of a job tells: its ID, status,
 * disposition, priority, worker tag, E2 and, on newer Servers, its
 * workflow, who submitted it and when it queued, started and how long it
 * ran.
 *
 * A job list gives it as it is: GET /v3/workflows/{id}/jobs
 * (WorkflowJobView: no disposition) or GET /v3/jobs (PagedJobSummaryView:
 * no disposition or created time, but the workflow, the submitter and the
 * times). JdJob (GET /v3/jobs/{id}) extends it with outputs, messages and
 * the answer's JSON. Fields a Server leaves out stay "not given" (NULL
 * strings and dates, has-run-with-e2 FALSE, execution-time -1).
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* status is an open set: the raw string is kept; the kind is our reading of it */
typedef enum
{
  JD_JOB_STATE_UNKNOWN,
  JD_JOB_STATE_CREATED,
  JD_JOB_STATE_QUEUED,
  JD_JOB_STATE_INITIALIZING,
  JD_JOB_STATE_RUNNING,
  JD_JOB_STATE_COMPLETED,
  JD_JOB_STATE_CANCELLED,
  JD_JOB_STATE_ERROR,
} JdJobState;

typedef enum
{
  JD_DISPOSITION_UNKNOWN,
  JD_DISPOSITION_NONE,
  JD_DISPOSITION_SUCCESS,
  JD_DISPOSITION_WARNING,
  JD_DISPOSITION_ERROR,
  JD_DISPOSITION_CANCELLED,
} JdDisposition;

#define JD_TYPE_JOB_SUMMARY (jd_job_summary_get_type ())
G_DECLARE_DERIVABLE_TYPE (JdJobSummary, jd_job_summary, JD, JOB_SUMMARY, GObject)

struct _JdJobSummaryClass
{
  GObjectClass parent_class;

  /*< private >*/
  gpointer padding[4];
};

const char    *jd_job_summary_get_id               (JdJobSummary *self);
GDateTime     *jd_job_summary_get_created          (JdJobSummary *self);
const char    *jd_job_summary_get_status           (JdJobSummary *self);
JdJobState     jd_job_summary_get_state            (JdJobSummary *self);
const char    *jd_job_summary_get_disposition      (JdJobSummary *self);
JdDisposition  jd_job_summary_get_disposition_kind (JdJobSummary *self);
const char    *jd_job_summary_get_priority         (JdJobSummary *self);
const char    *jd_job_summary_get_worker_tag       (JdJobSummary *self);
gboolean       jd_job_summary_get_has_run_with_e2  (JdJobSummary *self);
gboolean       jd_job_summary_get_run_with_e2      (JdJobSummary *self);
/* Only GET /v3/jobs gives these. */
const char    *jd_job_summary_get_workflow_name    (JdJobSummary *self);
const char    *jd_job_summary_get_workflow_id      (JdJobSummary *self);
const char    *jd_job_summary_get_submitted_by     (JdJobSummary *self);
GDateTime     *jd_job_summary_get_queue_time       (JdJobSummary *self);
/* NULL while the job waits for a worker */
GDateTime     *jd_job_summary_get_start_time       (JdJobSummary *self);
/* seconds; -1 when not given (a job that has not ended) or unreadable */
double         jd_job_summary_get_execution_time   (JdJobSummary *self);
/* the Server's text of it, kept even when it could not be read */
const char    *jd_job_summary_get_execution_time_text (JdJobSummary *self);
gboolean       jd_job_summary_is_finished          (JdJobSummary *self);
void           jd_job_summary_update_from          (JdJobSummary *self,
                                                    JdJobSummary *newer);

JdJobState     jd_job_state_from_string            (const char *status);
JdDisposition  jd_disposition_from_string          (const char *disposition);

G_END_DECLS
