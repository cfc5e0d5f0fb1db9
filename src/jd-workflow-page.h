/* jd-workflow-page.h: the jobs of one workflow, a page at a time.
 *
 * Signal "job-activated" (const char *job_id): the user opened a job.
 */
#pragma once

#include <adwaita.h>

#include "jd-client.h"
#include "jd-job-list.h"

G_BEGIN_DECLS

#define JD_TYPE_WORKFLOW_PAGE (jd_workflow_page_get_type ())
G_DECLARE_FINAL_TYPE (JdWorkflowPage, jd_workflow_page, JD, WORKFLOW_PAGE, AdwBin)

GtkWidget      *jd_workflow_page_new               (void);
JdClient       *jd_workflow_page_get_client        (JdWorkflowPage *self);
void            jd_workflow_page_set_client        (JdWorkflowPage *self,
                                                    JdClient       *client);
/* Shows the first page of this workflow's jobs (workflow_id may be text
 * that holds the ID; without one the entry says so and nothing is sent).
 * With highlight_job_id, the filters are cleared, and that job's row is
 * selected, scrolled to and marked if it is on the first page. */
void            jd_workflow_page_show_workflow     (JdWorkflowPage *self,
                                                    const char     *workflow_id,
                                                    const char     *highlight_job_id);

/* Loads the shown page of jobs again. */
void            jd_workflow_page_reload            (JdWorkflowPage *self);
/* Stops a load in flight and shows what was there before. */
void            jd_workflow_page_cancel            (JdWorkflowPage *self);
void            jd_workflow_page_focus_entry       (JdWorkflowPage *self);

/* JD_JOB_LIST_STATE_IDLE: no workflow asked for yet. Never UNAVAILABLE. */
JdJobListState  jd_workflow_page_get_state         (JdWorkflowPage *self);
/* The workflow asked for last, and its name where the Server said it. */
const char     *jd_workflow_page_get_workflow_id   (JdWorkflowPage *self);
const char     *jd_workflow_page_get_workflow_name (JdWorkflowPage *self);
/* The jobs shown (JdJobSummary), at most 50, from this offset on. */
GListModel     *jd_workflow_page_get_jobs          (JdWorkflowPage *self);
guint           jd_workflow_page_get_offset        (JdWorkflowPage *self);
gboolean        jd_workflow_page_get_has_next_page (JdWorkflowPage *self);
/* TRUE while a page of jobs is on its way. */
gboolean        jd_workflow_page_is_loading        (JdWorkflowPage *self);
JdJobList      *jd_workflow_page_get_job_list      (JdWorkflowPage *self);

G_END_DECLS
