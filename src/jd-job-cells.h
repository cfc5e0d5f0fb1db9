/* jd-job-cells.h: the cells every job list shares (JdJobList and the
 * columns its pages add): closures their list item templates call, and
 * the one place that styles a job's status and result. */
#pragma once

#include <gtk/gtk.h>

#include "jd-job.h"

G_BEGIN_DECLS

char   *jd_job_cells_created_text     (GtkListItem    *item,
                                       GDateTime      *created);
char   *jd_job_cells_created_tooltip  (GtkListItem    *item,
                                       GDateTime      *created);
char   *jd_job_cells_status_text      (GtkListItem    *item,
                                       const char     *status,
                                       JdJobState      state);
/* No check mark for a completed job whose result is not known. */
char   *jd_job_cells_status_icon_name (GtkListItem    *item,
                                       JdJobState      state,
                                       JdDisposition   disposition);
GStrv   jd_job_cells_status_css_classes (GtkListItem  *item,
                                       JdJobState      state,
                                       JdDisposition   disposition);
/* "Result not known" where the Server did not say (a NULL disposition). */
char   *jd_job_cells_result_text      (GtkListItem    *item,
                                       const char     *disposition,
                                       JdDisposition   kind);
char   *jd_job_cells_result_tooltip   (GtkListItem    *item,
                                       const char     *disposition);
GStrv   jd_job_cells_result_css_classes (GtkListItem  *item,
                                       const char     *disposition,
                                       JdDisposition   kind);
char   *jd_job_cells_priority_text    (GtkListItem    *item,
                                       const char     *priority);
/* Text from the Server, or a dash where it sent none. */
char   *jd_job_cells_or_dash          (GtkListItem    *item,
                                       const char     *text);
/* Text from the Server, or "Not given". */
char   *jd_job_cells_or_not_given     (GtkListItem    *item,
                                       const char     *text);
/* When a worker started the job, or "Not started". */
char   *jd_job_cells_started_text     (GtkListItem    *item,
                                       GDateTime      *start_time);
/* How long it ran; or, still, how long it has been queued or running. */
char   *jd_job_cells_duration_text    (GtkListItem    *item,
                                       JdJobState      state,
                                       GDateTime      *queue_time,
                                       GDateTime      *start_time,
                                       double          execution_time,
                                       const char     *execution_time_text);
double  jd_job_cells_selected_opacity (GtkListItem    *item,
                                       gboolean        selected);

/* "45 s", "12 min", "3 h 5 min", "4 days 2 h", "5 months", "2 years
 * 6 months": long spans in days, months and years, never in hours. */
char   *jd_job_cells_format_duration  (gint64          seconds);

/* Gives a filter drop-down of a job list its factories: a button that
 * shortens its text in a narrow window, a list that does not. */
void    jd_job_cells_setup_filter     (GtkDropDown    *dropdown);

/* Binds every closure above under its short name ("created_text", …). */
void    jd_job_cells_bind             (GtkWidgetClass *widget_class);

G_END_DECLS
