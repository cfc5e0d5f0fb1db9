/* jd-job-lead.h: what a failed job's page opens on: the first error and
 * the first warning, each with its tool ID, and "Show All Messages"
 * (job-view.show-messages, with "errors", "warnings" or "all"). */
#pragma once

#include <adwaita.h>

#include "jd-job.h"

G_BEGIN_DECLS

#define JD_TYPE_JOB_LEAD (jd_job_lead_get_type ())
G_DECLARE_FINAL_TYPE (JdJobLead, jd_job_lead, JD, JOB_LEAD, AdwBin)

/* TRUE for a job the page leads with: disposition Error or Warning, or
 * status Error. */
gboolean    jd_job_lead_wants         (JdJob      *job);
/* TRUE when it leads with a warning rather than an error. */
gboolean    jd_job_lead_is_warning    (JdJob      *job);

GtkWidget  *jd_job_lead_new           (void);
/* pending: the messages are on their way (status first); failure: why
 * they did not come, or NULL. The messages are walked once per model. */
void        jd_job_lead_update        (JdJobLead  *self,
                                       JdJob      *job,
                                       gboolean    pending,
                                       const char *failure);

G_END_DECLS
