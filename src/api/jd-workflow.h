/* jd-workflow.h: one workflow as GET /v3/workflows lists it. */
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

void        jd_workflow_set_owner_id        (JdWorkflow *self,
                                             const char *owner_id);
void        jd_workflow_set_created         (JdWorkflow *self,
                                             GDateTime  *created);
void        jd_workflow_set_published_version (JdWorkflow *self,
                                               const char *version);

G_END_DECLS
