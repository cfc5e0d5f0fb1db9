/* jd-job-page.h: one answer of a job list, with what it says about the
 * others: the rows of GET /v3/workflows/{id}/jobs or GET /v3/jobs, how many
 * rows could not be read, and the Server's PaginationInfo where it sent one.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define JD_TYPE_JOB_PAGE (jd_job_page_get_type ())
G_DECLARE_FINAL_TYPE (JdJobPage, jd_job_page, JD, JOB_PAGE, GObject)

/* A page without pagination: the numbers are -1, the flags FALSE. */
JdJobPage  *jd_job_page_new                   (GListModel *jobs,
                                               guint       n_unreadable);
/* Items are JdJobSummary. */
GListModel *jd_job_page_get_jobs              (JdJobPage  *self);
/* Rows the Server sent that could not be read (not an object, no usable
 * job ID): they are not in jobs, and the UI says so. */
guint       jd_job_page_get_n_unreadable      (JdJobPage  *self);
/* Whether the answer held a PaginationInfo at all. */
gboolean    jd_job_page_get_has_pagination    (JdJobPage  *self);
/* PaginationInfo; -1 (or FALSE) where the Server did not say. */
gint64      jd_job_page_get_current_page      (JdJobPage  *self);
gint64      jd_job_page_get_page_size         (JdJobPage  *self);
gint64      jd_job_page_get_total_items       (JdJobPage  *self);
gint64      jd_job_page_get_total_pages       (JdJobPage  *self);
gboolean    jd_job_page_get_has_next_page     (JdJobPage  *self);
gboolean    jd_job_page_get_has_previous_page (JdJobPage  *self);

G_END_DECLS
