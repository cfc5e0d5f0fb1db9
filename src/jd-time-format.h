/* jd-time-format.h: the one way the app writes a time, absolute and
 * relative ("5 minutes ago", "yesterday", "2 months ago"). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  JD_TIME_STYLE_SHORT,   /* "19 Sep 2024, 12:02": a list cell */
  JD_TIME_STYLE_LONG,    /* "19 September 2024, 12:02": a job's page */
  JD_TIME_STYLE_FULL,    /* "Thursday, 19 September 2024, 12:02:54": a tooltip */
} JdTimeStyle;

/* In the local time zone. */
char *jd_time_format_absolute      (GDateTime   *time,
                                    JdTimeStyle  style);
/* How long before now time was, by the calendar: "just now",
 * "3 hours ago", "yesterday", "4 days ago", "2 months ago", "1 year ago";
 * "in the future" for a time more than a minute after now (a server clock
 * ahead of ours). */
char *jd_time_format_relative      (GDateTime   *time,
                                    GDateTime   *now);
/* "19 September 2024, 12:02 (2 months ago)" */
char *jd_time_format_with_relative (GDateTime   *time,
                                    JdTimeStyle  style,
                                    GDateTime   *now);

G_END_DECLS
