/* jd-display-text.h: server-supplied text made fit for the screen.
 *
 * A job's messages, status, worker tag and file names come from the
 * Server as they are: a 60,000-character word, bidirectional controls that
 * make "invoice\u202Eslx.exe" read "invoiceexe.xls", invisible characters.
 * These functions cap what a GtkLabel is asked to lay out (Pango shapes
 * every character of a label, even an ellipsized one, and a list measures
 * its rows many times), make invisible and control characters visible,
 * and turn a name into one that is safe to suggest for saving. The exact
 * text stays where it came from, for copying and the "whole text" view.
 *
 * Pure GLib: no GTK, so it is unit-tested on its own.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a wrapping label (a message) shows at most, in characters. */
#define JD_DISPLAY_TEXT_MAX_CHARS      2000
/* What a single-line, ellipsized label (a status, a file name) shows at
 * most: more than any window is wide. */
#define JD_DISPLAY_TEXT_MAX_LINE_CHARS 400
/* The longest file name the file systems we save to take, in bytes. */
#define JD_DISPLAY_TEXT_MAX_FILE_NAME  255

typedef enum
{
  JD_DISPLAY_TEXT_NONE       = 0,
  /* Keep line breaks and tabs (a wrapping label); without it they are
   * shown as symbols, so a single-line label stays one line. */
  JD_DISPLAY_TEXT_MULTI_LINE = 1 << 0,
  /* Give a wrapping label a place to break (U+200B, zero width) in every
   * JD_DISPLAY_TEXT_MAX_RUN characters without a space: Pango breaks a
   * word wider than the line a character at a time, at a cost that grows
   * with the square of its length (a 60,000-character word took 11 s in
   * a GtkTextView, 2,000 characters 5 ms a layout against 0.6 ms). */
  JD_DISPLAY_TEXT_BREAK_RUNS = 1 << 1,
} JdDisplayTextFlags;

/* Narrower than any window's line. */
#define JD_DISPLAY_TEXT_MAX_RUN 32

/* TRUE for a character that shows nothing (or reorders what follows)
 * and can therefore hide what a text really says: C0 and C1 controls,
 * bidirectional embeddings, overrides, isolates and marks, zero-width
 * characters, the byte-order mark, other invisible format characters and
 * fillers. Line feed and tab are controls too: the caller decides. */
gboolean  jd_display_text_is_hidden_char (gunichar            c);

/* A copy of text for a label: invalid UTF-8 repaired, each hidden
 * character shown as "⟨U+202E⟩" (control pictures for the C0 controls),
 * and at most max_chars characters of the result (not counting the breaks
 * JD_DISPLAY_TEXT_BREAK_RUNS adds), then "…". truncated
 * (may be NULL) tells whether anything was left out. NULL text gives "". */
char     *jd_display_text_prepare        (const char         *text,
                                          gsize               max_chars,
                                          JdDisplayTextFlags  flags,
                                          gboolean           *truncated);

/* jd_display_text_prepare () with the caps of a wrapping label (and
 * JD_DISPLAY_TEXT_BREAK_RUNS)... */
char     *jd_display_text_for_label      (const char         *text,
                                          gboolean           *truncated);
/* ...and of a single-line, ellipsized one... */
char     *jd_display_text_for_line       (const char         *text,
                                          gboolean           *truncated);
/* ...and of a tooltip: the wrapping label's cap, without the added
 * breaks (a tooltip is laid out only when it shows, and a path in it
 * reads as the Server wrote it). */
char     *jd_display_text_for_tooltip    (const char         *text,
                                          gboolean           *truncated);

/* TRUE when jd_display_text_prepare () with these flags would change
 * text in any way but length. */
gboolean  jd_display_text_has_hidden     (const char         *text,
                                          JdDisplayTextFlags  flags);

/* A file name fit to suggest in a file chooser: hidden format characters
 * (bidi controls, zero-width characters, …) removed, controls and path
 * separators replaced by "_", no leading dot (a hidden file), no leading
 * or trailing spaces, and at most JD_DISPLAY_TEXT_MAX_FILE_NAME bytes,
 * keeping the extension. Returns "" when nothing is left. */
char     *jd_display_text_safe_file_name (const char         *name);

G_END_DECLS
