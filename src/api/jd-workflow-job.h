/* jd-workflow-job.h: one row of GET /v3/workflows/{id}/jobs (WorkflowJobView),
 * and of GET /v3/jobs on newer Servers.
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
/* only GET /v3/jobs names the workflow */
const char    *jd_workflow_job_get_workflow_name  (JdWorkflowJob *self);

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

G_END_DECLS
