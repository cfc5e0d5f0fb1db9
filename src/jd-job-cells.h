/* jd-job-cells.h: the cells job lists share (the workflow page and the
 * recent jobs page): closures their list item templates call. */
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
char   *jd_job_cells_status_icon_name (GtkListItem    *item,
                                      JdJobState      state);
char   *jd_job_cells_priority_text    (GtkListItem    *item,
                                      const char     *priority);
double  jd_job_cells_selected_opacity (GtkListItem    *item,
                                      gboolean        selected);

/* Binds every closure above under its short name ("created_text", …). */
void    jd_job_cells_bind             (GtkWidgetClass *widget_class);

G_END_DECLS
