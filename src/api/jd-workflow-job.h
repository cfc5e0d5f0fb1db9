/* jd-workflow-job.h: one row of a job list: GET /v3/workflows/{id}/jobs
 * (WorkflowJobView: no disposition) or GET /v3/jobs on newer Servers
 * (PagedJobSummaryView: no disposition or created time, but the workflow,
 * who submitted the job, and its queue, start and execution times).
 */
#pragma once

#include <glib-object.h>

#include "jd-job.h"

G_BEGIN_DECLS

#define JD_TYPE_WORKFLOW_JOB (jd_workflow_job_get_type ())
G_DECLARE_FINAL_TYPE (JdWorkflowJob, jd_workflow_job, JD, WORKFLOW_JOB, GObject)

JdWorkflowJob *jd_workflow_job_new                (const char *id);
const char    *jd_workflow_job_get_id             (JdWorkflowJob *self);
GDateTime     *jd_workflow_job_get_created        (JdWorkflowJob *self);
const char    *jd_workflow_job_get_status         (JdWorkflowJob *self);
JdJobState     jd_workflow_job_get_state          (JdWorkflowJob *self);
const char    *jd_workflow_job_get_disposition    (JdWorkflowJob *self);
JdDisposition  jd_workflow_job_get_disposition_kind (JdWorkflowJob *self);
const char    *jd_workflow_job_get_priority       (JdWorkflowJob *self);
const char    *jd_workflow_job_get_worker_tag     (JdWorkflowJob *self);
gboolean       jd_workflow_job_get_has_run_with_e2 (JdWorkflowJob *self);
gboolean       jd_workflow_job_get_run_with_e2    (JdWorkflowJob *self);
/* Only GET /v3/jobs gives these. */
const char    *jd_workflow_job_get_workflow_name  (JdWorkflowJob *self);
const char    *jd_workflow_job_get_workflow_id    (JdWorkflowJob *self);
const char    *jd_workflow_job_get_submitted_by   (JdWorkflowJob *self);
GDateTime     *jd_workflow_job_get_queue_time     (JdWorkflowJob *self);
/* NULL while the job waits for a worker */
GDateTime     *jd_workflow_job_get_start_time     (JdWorkflowJob *self);
/* seconds; -1 when not given (a job that has not ended) or unreadable */
double         jd_workflow_job_get_execution_time (JdWorkflowJob *self);
/* the Server's text of it, kept even when it could not be read */
const char    *jd_workflow_job_get_execution_time_text (JdWorkflowJob *self);

void           jd_workflow_job_set_created        (JdWorkflowJob *self,
                                                   GDateTime     *created);
void           jd_workflow_job_set_status         (JdWorkflowJob *self,
                                                   const char    *status);
void           jd_workflow_job_set_disposition    (JdWorkflowJob *self,
                                                   const char    *disposition);
void           jd_workflow_job_set_priority       (JdWorkflowJob *self,
                                                   const char    *priority);
void           jd_workflow_job_set_worker_tag     (JdWorkflowJob *self,
                                                   const char    *worker_tag);
void           jd_workflow_job_set_run_with_e2    (JdWorkflowJob *self,
                                                   gboolean       run_with_e2);
void           jd_workflow_job_set_workflow_name  (JdWorkflowJob *self,
                                                   const char    *name);
void           jd_workflow_job_set_workflow_id    (JdWorkflowJob *self,
                                                   const char    *workflow_id);
void           jd_workflow_job_set_submitted_by   (JdWorkflowJob *self,
                                                   const char    *submitted_by);
void           jd_workflow_job_set_queue_time     (JdWorkflowJob *self,
                                                   GDateTime     *queue_time);
void           jd_workflow_job_set_start_time     (JdWorkflowJob *self,
                                                   GDateTime     *start_time);
/* seconds < 0: the text could not be read */
void           jd_workflow_job_set_execution_time (JdWorkflowJob *self,
                                                   const char    *text,
                                                   double         seconds);

G_END_DECLS
