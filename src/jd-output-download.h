/* jd-output-download.h: one output being saved to a file.
 *
 * A download outlives the row that started it: looking up another job or
 * refreshing this one rebuilds the output list, and the file should still
 * arrive. It reports through a toast on the window it started in, and
 * stops when that window goes away.
 */
#pragma once

#include <adwaita.h>

#include "jd-client.h"

G_BEGIN_DECLS

#define JD_TYPE_OUTPUT_DOWNLOAD (jd_output_download_get_type ())
G_DECLARE_FINAL_TYPE (JdOutputDownload, jd_output_download, JD, OUTPUT_DOWNLOAD, GObject)

/* Returns (transfer none) the running download, which holds itself until
 * it ends ("finished"). toast_overlay may be NULL. */
JdOutputDownload *jd_output_download_start        (JdClient         *client,
                                                   const char       *job_id,
                                                   const char       *output_id,
                                                   const char       *format,
                                                   GFile            *file,
                                                   AdwToastOverlay  *toast_overlay);
/* The running download of this output, or NULL (transfer none). */
JdOutputDownload *jd_output_download_find         (const char       *job_id,
                                                   const char       *output_id);
const char       *jd_output_download_get_job_id    (JdOutputDownload *self);
const char       *jd_output_download_get_output_id (JdOutputDownload *self);
GFile            *jd_output_download_get_file      (JdOutputDownload *self);
/* From 0 to 1; below 0 while the size is unknown. */
double            jd_output_download_get_fraction  (JdOutputDownload *self);
gboolean          jd_output_download_get_running   (JdOutputDownload *self);
/* Stops it without a word: the user asked. */
void              jd_output_download_cancel        (JdOutputDownload *self);

G_END_DECLS
