/* jd-output-row.h: one row of a job's output list: the file name, its
 * formats, copy, and "Save Output…" with a progress bar. */
#pragma once

#include <adwaita.h>

#include "jd-client.h"
#include "jd-job-output.h"

G_BEGIN_DECLS

#define JD_TYPE_OUTPUT_ROW (jd_output_row_get_type ())
G_DECLARE_FINAL_TYPE (JdOutputRow, jd_output_row, JD, OUTPUT_ROW, AdwBin)

GtkWidget   *jd_output_row_new              (void);
JdJobOutput *jd_output_row_get_output       (JdOutputRow *self);
void         jd_output_row_set_output       (JdOutputRow *self,
                                             JdJobOutput *output);
const char  *jd_output_row_get_job_id       (JdOutputRow *self);
void         jd_output_row_set_job_id       (JdOutputRow *self,
                                             const char  *job_id);
JdClient    *jd_output_row_get_client       (JdOutputRow *self);
void         jd_output_row_set_client       (JdOutputRow *self,
                                             JdClient    *client);
/* TRUE while a download this row started runs. */
gboolean     jd_output_row_get_downloading  (JdOutputRow *self);

/* Downloads the output in format into file: the step after the file
 * chooser, so tests (and drag and drop, one day) can give the file. */
void         jd_output_row_save_to          (JdOutputRow *self,
                                             const char  *format,
                                             GFile       *file);

/* The file chooser "Save Output…" has open, or NULL: for tests. */
GtkFileChooserNative *jd_output_row_get_chooser (JdOutputRow *self);

/* The name the file chooser suggests: the output's base name (from a
 * Windows or UNC path as the Server gives it) with the extension of
 * format; "Raw" keeps the original one. Hidden characters are dropped
 * (jd_display_text_safe_file_name ()), so "invoice\u202Eslx.exe" is
 * suggested as "invoiceslx.exe", the .exe it is. */
char        *jd_output_suggest_file_name    (const char  *file_name,
                                             const char  *format);

G_END_DECLS
