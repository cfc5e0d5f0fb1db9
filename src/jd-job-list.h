/* jd-job-list.h: a list of jobs a page at a time, from a JdJobPageSource.
 *
 * The one job table of the app: the requests (a newer one supersedes the
 * older, a spinner only after 250 ms), paging, the rows the Server sent
 * that could not be read, and the status pages for signed out, nothing
 * asked yet, no jobs, errors and a list the Server does not offer. Pages
 * give it their source and add their own columns as <child> elements
 * (type "leading" before the shared Status, Result and Priority columns;
 * others before the Job ID column, which is always last).
 *
 * Signals:
 *  "job-activated" (JdJobSummary *job): the user opened a job. The list
 *    looks the job up itself as well, to fill in a result the list did
 *    not give.
 *  "load-failed" (const GError *error) -> gboolean: before an error is
 *    shown; a handler returns TRUE when it has dealt with it (for
 *    example with jd_job_list_show_unavailable ()).
 *  "loaded": a page of jobs (or none) has arrived and is shown.
 */
#pragma once

#include <adwaita.h>

#include "jd-client.h"
#include "jd-job-list-state.h"
#include "jd-job-page-source.h"

G_BEGIN_DECLS

#define JD_JOB_LIST_PAGE_SIZE 50

#define JD_TYPE_JOB_LIST (jd_job_list_get_type ())
G_DECLARE_FINAL_TYPE (JdJobList, jd_job_list, JD, JOB_LIST, AdwBin)

GtkWidget        *jd_job_list_new                 (void);

void              jd_job_list_set_source          (JdJobList       *self,
                                                   JdJobPageSource *source);
/* A new client (or none) forgets what was shown: idle, or signed out. */
void              jd_job_list_set_client          (JdJobList       *self,
                                                   JdClient        *client);
/* Shown in the idle state (e.g. "paste a workflow ID"). */
void              jd_job_list_set_idle_child      (JdJobList       *self,
                                                   GtkWidget       *child);

/* Loads page @page (0 for the first), cancelling a load in flight. The
 * page shown stays until a slow answer earns the spinner. */
void              jd_job_list_load                (JdJobList       *self,
                                                   guint            page);
/* The page on its way or that failed to come, else the page shown (the
 * first when none was). */
void              jd_job_list_reload              (JdJobList       *self);
/* Stops a load in flight and shows what was there before. */
void              jd_job_list_cancel              (JdJobList       *self);
/* Forgets the jobs shown: idle (signed out without a client). */
void              jd_job_list_reset               (JdJobList       *self);
void              jd_job_list_show_unavailable    (JdJobList       *self,
                                                   const char      *title,
                                                   const char      *description);
/* Selects, scrolls to and marks this job's row once the next page comes;
 * nothing if that page does not hold it. */
void              jd_job_list_highlight_job       (JdJobList       *self,
                                                   const char      *job_id);

JdJobListState    jd_job_list_get_state           (JdJobList       *self);
/* Items are JdJobSummary: the jobs shown, at most JD_JOB_LIST_PAGE_SIZE. */
GListModel       *jd_job_list_get_jobs            (JdJobList       *self);
guint             jd_job_list_get_offset          (JdJobList       *self);
gboolean          jd_job_list_get_has_next_page   (JdJobList       *self);
/* What the Server's pagination said; -1 where it did not. */
gint64            jd_job_list_get_total_items     (JdJobList       *self);
/* Rows of the page shown that could not be read. */
guint             jd_job_list_get_n_unreadable    (JdJobList       *self);
/* TRUE once a page came for this client. */
gboolean          jd_job_list_get_loaded          (JdJobList       *self);
gboolean          jd_job_list_is_loading          (JdJobList       *self);
/* The highlighted row, or GTK_INVALID_LIST_POSITION. */
guint             jd_job_list_get_highlighted     (JdJobList       *self);

G_END_DECLS
