/* jd-workflow-names.h: the names of workflows, by Server and ID.
 *
 * A job names its workflow only by ID (its app ID); the name takes a
 * call to GET /v3/workflows/{id}. One answer per Server and workflow is
 * kept for the life of the app, so twenty jobs of one workflow ask once.
 * A refusal (a viewer may not see the workflow) is kept too: the job
 * page then shows the ID and does not ask again.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How many entries are kept before the oldest are forgotten. */
#define JD_WORKFLOW_NAMES_MAX 256

/* TRUE when the Server answered for this workflow; *name is then its name,
 * or NULL when the Server refused or did not know it. */
gboolean jd_workflow_names_lookup (const char  *base_url,
                                   const char  *workflow_id,
                                   const char **name);
/* name NULL: refused or unknown; shown as the ID from now on. */
void     jd_workflow_names_store  (const char  *base_url,
                                   const char  *workflow_id,
                                   const char  *name);
guint    jd_workflow_names_get_size (void);
/* For the tests. */
void     jd_workflow_names_clear  (void);

G_END_DECLS
