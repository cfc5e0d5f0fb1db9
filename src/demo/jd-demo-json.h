/* jd-demo-json.h: JSON text helpers of the sample data and the server
 * (jd-demo-json.c), written straight into GStrings. Their names keep the
 * jd_demo_data_ prefix they had in jd-demo-data.c, where they were first.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* a JSON string literal, quotes included */
void jd_demo_data_append_json_string (GString    *json,
                                      const char *text);
/* a count with thousands separators, as the engine writes it: "12,800" */
void jd_demo_data_append_count       (GString    *out,
                                      guint       value);

G_END_DECLS
