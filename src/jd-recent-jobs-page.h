/* jd-recent-jobs-page.h: the recent jobs across all workflows
 * (GET /v3/jobs, on newer Servers and for accounts that may use it), a
 * page at a time.
 *
 * It loads when it is first shown for a client, not before. Where the
 * Server answers that it has no such list (404, 405) or that this account
 * may not use it (403), "available" turns FALSE and the window may hide
 * the page; jd_recent_jobs_page_probe () finds that out ahead, with one
 * small request.
 *
 * Signal "job-activated" (const char *job_id): the user opened a job.
 */
#pragma once

#include <adwaita.h>

#include "jd-client.h"
#include "jd-job-list.h"

G_BEGIN_DECLS

#define JD_TYPE_RECENT_JOBS_PAGE (jd_recent_jobs_page_get_type ())
G_DECLARE_FINAL_TYPE (JdRecentJobsPage, jd_recent_jobs_page, JD, RECENT_JOBS_PAGE, AdwBin)

GtkWidget      *jd_recent_jobs_page_new               (void);
JdClient       *jd_recent_jobs_page_get_client        (JdRecentJobsPage *self);
/* A new client (or none) starts afresh: available again, nothing loaded. */
void            jd_recent_jobs_page_set_client        (JdRecentJobsPage *self,
                                                       JdClient         *client);
/* Loads the shown page again (the first page if none was loaded). */
void            jd_recent_jobs_page_reload            (JdRecentJobsPage *self);
/* Asks the Server for one job, only to learn whether the list is
 * available to this account; "available" follows the answer. */
void            jd_recent_jobs_page_probe             (JdRecentJobsPage *self);
/* FALSE once the Server said it has no such list for this account. */
gboolean        jd_recent_jobs_page_get_available     (JdRecentJobsPage *self);

/* JD_JOB_LIST_STATE_IDLE until first shown. */
JdJobListState  jd_recent_jobs_page_get_state         (JdRecentJobsPage *self);
/* The jobs shown (JdJobSummary), at most 50, from this offset on. */
GListModel     *jd_recent_jobs_page_get_jobs          (JdRecentJobsPage *self);
guint           jd_recent_jobs_page_get_offset        (JdRecentJobsPage *self);
/* How many jobs match on all pages; -1 when the Server did not say. */
gint64          jd_recent_jobs_page_get_total_items   (JdRecentJobsPage *self);
gboolean        jd_recent_jobs_page_get_has_next_page (JdRecentJobsPage *self);
/* TRUE while a page of jobs is on its way. */
gboolean        jd_recent_jobs_page_is_loading        (JdRecentJobsPage *self);
JdJobList      *jd_recent_jobs_page_get_job_list      (JdRecentJobsPage *self);

G_END_DECLS
