/* jd-time-format.c: the one way the app writes a time.
 *
 * Relative times count calendar days and months in the local time zone,
 * as a person does: a job from 23:10 seen at 01:10 is "2 hours ago", not
 * "yesterday"; 19 September seen on 20 November is "2 months ago" and on
 * 18 November still "1 month ago".
 */
#define G_LOG_DOMAIN "jd-time-format"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-time-format.h"

static int
months_between (GDateTime *earlier,
                GDateTime *later)
{
  int months = (g_date_time_get_year (later) - g_date_time_get_year (earlier)) * 12 +
               (g_date_time_get_month (later) - g_date_time_get_month (earlier));

  /* Not a whole month yet. */
  if (g_date_time_get_day_of_month (later) < g_date_time_get_day_of_month (earlier))
    months--;

  return months;
}

static int
calendar_days_between (GDateTime *earlier,
                       GDateTime *later)
{
  g_autoptr(GDateTime) start = g_date_time_new_local (g_date_time_get_year (earlier),
                                                      g_date_time_get_month (earlier),
                                                      g_date_time_get_day_of_month (earlier),
                                                      12, 0, 0);
  g_autoptr(GDateTime) end = g_date_time_new_local (g_date_time_get_year (later),
                                                    g_date_time_get_month (later),
                                                    g_date_time_get_day_of_month (later),
                                                    12, 0, 0);

  /* Noon to noon, so a daylight saving change cannot round it off. */
  return (int) ((g_date_time_difference (end, start) + G_TIME_SPAN_HOUR * 12) / G_TIME_SPAN_DAY);
}

char *
jd_time_format_relative (GDateTime *time,
                         GDateTime *now)
{
  g_autoptr(GDateTime) local_time = NULL;
  g_autoptr(GDateTime) local_now = NULL;
  GTimeSpan elapsed;
  int minutes, hours, days, months;

  g_return_val_if_fail (time != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  elapsed = g_date_time_difference (now, time);

  /* A little ahead is a clock a little off. */
  if (elapsed < -G_TIME_SPAN_MINUTE)
    return g_strdup (_("in the future"));

  if (elapsed < G_TIME_SPAN_MINUTE)
    return g_strdup (_("just now"));

  minutes = (int) (elapsed / G_TIME_SPAN_MINUTE);
  if (minutes < 60)
    return g_strdup_printf (ngettext ("%d minute ago", "%d minutes ago", minutes), minutes);

  local_time = g_date_time_to_local (time);
  local_now = g_date_time_to_local (now);
  hours = (int) (elapsed / G_TIME_SPAN_HOUR);
  days = calendar_days_between (local_time, local_now);

  /* Late last night is "3 hours ago" rather than "yesterday". */
  if (days == 0 || (days == 1 && hours < 12))
    return g_strdup_printf (ngettext ("%d hour ago", "%d hours ago", hours), hours);

  if (days == 1)
    return g_strdup (_("yesterday"));

  months = months_between (local_time, local_now);
  if (months < 1)
    return g_strdup_printf (ngettext ("%d day ago", "%d days ago", days), days);

  if (months < 12)
    return g_strdup_printf (ngettext ("%d month ago", "%d months ago", months), months);

  return g_strdup_printf (ngettext ("%d year ago", "%d years ago", months / 12), months / 12);
}

char *
jd_time_format_absolute (GDateTime   *time,
                         JdTimeStyle  style)
{
  g_autoptr(GDateTime) local = NULL;
  const char *format;
  char *text;

  g_return_val_if_fail (time != NULL, NULL);

  local = g_date_time_to_local (time);
  switch (style)
    {
    case JD_TIME_STYLE_SHORT:
      /* Translators: a date and time in a list, "19 Sep 2024, 12:02";
       * see g_date_time_format() for the codes */
      format = C_("time format", "%-d %b %Y, %H:%M");
      break;
    case JD_TIME_STYLE_FULL:
      /* Translators: a date and time in full, "Thursday, 19 September
       * 2024, 12:02:54"; see g_date_time_format() for the codes */
      format = C_("time format", "%A, %-d %B %Y, %H:%M:%S");
      break;
    case JD_TIME_STYLE_LONG:
    default:
      /* Translators: a date and time, "19 September 2024, 12:02";
       * see g_date_time_format() for the codes */
      format = C_("time format", "%-d %B %Y, %H:%M");
      break;
    }

  text = g_date_time_format (local, format);
  /* A translation with a code GLib does not know: the locale's own form. */
  if (text == NULL)
    text = g_date_time_format (local, "%x %X");

  return g_strstrip (text);
}

char *
jd_time_format_with_relative (GDateTime   *time,
                              JdTimeStyle  style,
                              GDateTime   *now)
{
  g_autofree char *absolute = NULL;
  g_autofree char *relative = NULL;

  g_return_val_if_fail (time != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  absolute = jd_time_format_absolute (time, style);
  relative = jd_time_format_relative (time, now);

  /* Translators: a date and time, then how long ago it was:
   * "19 September 2024, 12:02 (2 months ago)" */
  return g_strdup_printf (_("%s (%s)"), absolute, relative);
}
