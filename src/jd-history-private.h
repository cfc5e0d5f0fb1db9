/* jd-history-private.h: hooks for the tests only. */
#pragma once

#include "jd-history.h"

G_BEGIN_DECLS

/* The history kept in file rather than the user data folder's. */
JdHistory *jd_history_new_for_file    (GSettings *settings,
                                       GFile     *file);
/* Reads the file again (moving the old setting's rows into it when
 * there is no file), as a start does. */
void       jd_history_reload          (JdHistory *self);
/* TRUE while a write is under way; how many writes have ended. */
gboolean   jd_history_is_writing      (JdHistory *self);
guint      jd_history_get_write_count (JdHistory *self);

G_END_DECLS
