/* jd-workflow.h: one workflow, as GET /v3/workflows lists it
 * (ReducedWorkflowView) or GET /v3/workflows/{id} gives it (WorkflowView).
 * What a view does not hold stays "not given": NULL, or a run count of -1.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define JD_TYPE_WORKFLOW (jd_workflow_get_type ())
G_DECLARE_FINAL_TYPE (JdWorkflow, jd_workflow, JD, WORKFLOW, GObject)

JdWorkflow *jd_workflow_new                 (const char *id,
                                             const char *name);
const char *jd_workflow_get_id              (JdWorkflow *self);
const char *jd_workflow_get_name            (JdWorkflow *self);
const char *jd_workflow_get_owner_id        (JdWorkflow *self);
GDateTime  *jd_workflow_get_created         (JdWorkflow *self);
const char *jd_workflow_get_published_version (JdWorkflow *self);
const char *jd_workflow_get_published_version_id (JdWorkflow *self);
const char *jd_workflow_get_source_app_id   (JdWorkflow *self);
const char *jd_workflow_get_comments        (JdWorkflow *self);
const char *jd_workflow_get_worker_tag      (JdWorkflow *self);
const char *jd_workflow_get_execution_mode  (JdWorkflow *self);
/* how many times it ran; -1 when not given */
gint64      jd_workflow_get_run_count       (JdWorkflow *self);

void        jd_workflow_set_owner_id        (JdWorkflow *self,
                                             const char *owner_id);
void        jd_workflow_set_created         (JdWorkflow *self,
                                             GDateTime  *created);
void        jd_workflow_set_published_version (JdWorkflow *self,
                                               const char *version);
void        jd_workflow_set_published_version_id (JdWorkflow *self,
                                                  const char *version_id);
void        jd_workflow_set_source_app_id   (JdWorkflow *self,
                                             const char *source_app_id);
void        jd_workflow_set_comments        (JdWorkflow *self,
                                             const char *comments);
void        jd_workflow_set_worker_tag      (JdWorkflow *self,
                                             const char *worker_tag);
void        jd_workflow_set_execution_mode  (JdWorkflow *self,
                                             const char *execution_mode);
void        jd_workflow_set_run_count       (JdWorkflow *self,
                                             gint64      run_count);

G_END_DECLS
