/* jd-workflow-picker.h: a popover that lists the workflows of a Server
 * (GET /v3/workflows, where this account may list them) and searches
 * them by name.
 *
 * Signal "picked" (const char *workflow_id): the user chose a workflow.
 * Property "refused": the Server will not list workflows for this
 * account; offering the list again would only repeat the refusal.
 */
#pragma once

#include <gtk/gtk.h>

#include "jd-client.h"

G_BEGIN_DECLS

#define JD_TYPE_WORKFLOW_PICKER (jd_workflow_picker_get_type ())
G_DECLARE_FINAL_TYPE (JdWorkflowPicker, jd_workflow_picker, JD, WORKFLOW_PICKER, GtkPopover)

/* A new client (or none) forgets the old Server's workflows. */
void         jd_workflow_picker_set_client  (JdWorkflowPicker *self,
                                             JdClient         *client);
gboolean     jd_workflow_picker_get_refused (JdWorkflowPicker *self);
/* The name of a workflow seen in any list so far; NULL if none was. */
const char  *jd_workflow_picker_get_name    (JdWorkflowPicker *self,
                                             const char       *workflow_id);

G_END_DECLS
