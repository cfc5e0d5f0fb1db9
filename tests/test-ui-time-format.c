/* test-ui-time-format.c: the one time formatter and the one toast helper
 * every page uses. */
#include "config.h"

#include <string.h>

#include "jd-time-format.h"
#include "jd-toast.h"
#include "jd-ui-test-util.h"

/* Whole spans back from a fixed local noon. */
static void
test_relative_spans (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_local (2024, 11, 20, 12, 0, 0);
  const struct { GTimeSpan before; const char *expected; } cases[] = {
    { 0, "just now" },
    { 30 * G_TIME_SPAN_SECOND, "just now" },
    { G_TIME_SPAN_MINUTE, "1 minute ago" },
    { 5 * G_TIME_SPAN_MINUTE, "5 minutes ago" },
    { 3 * G_TIME_SPAN_HOUR, "3 hours ago" },
    { G_TIME_SPAN_DAY, "yesterday" },
    { 4 * G_TIME_SPAN_DAY, "4 days ago" },
    { 62 * G_TIME_SPAN_DAY, "2 months ago" },
    { 400 * G_TIME_SPAN_DAY, "1 year ago" },
    { 800 * G_TIME_SPAN_DAY, "2 years ago" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) then = g_date_time_add (now, -cases[i].before);
      g_autofree char *text = jd_time_format_relative (then, now);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

/* A server clock ahead of ours says so; a few seconds ahead is just now. */
static void
test_relative_future (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_local (2024, 11, 20, 12, 0, 0);
  g_autoptr(GDateTime) soon = g_date_time_add_seconds (now, 20);
  g_autoptr(GDateTime) later = g_date_time_add_hours (now, 2);
  g_autoptr(GDateTime) next_year = g_date_time_add_years (now, 1);
  g_autofree char *soon_text = jd_time_format_relative (soon, now);
  g_autofree char *later_text = jd_time_format_relative (later, now);
  g_autofree char *next_year_text = jd_time_format_relative (next_year, now);
  g_autofree char *with = jd_time_format_with_relative (later, JD_TIME_STYLE_LONG, now);

  g_assert_cmpstr (soon_text, ==, "just now");
  g_assert_cmpstr (later_text, ==, "in the future");
  g_assert_cmpstr (next_year_text, ==, "in the future");
  g_assert_true (g_str_has_suffix (with, " (in the future)"));
}

/* "yesterday" is the calendar's: late last night is hours ago, and a
 * morning two days back is not yesterday. */
static void
test_relative_yesterday (void)
{
  g_autoptr(GDateTime) early_morning = g_date_time_new_local (2024, 11, 21, 1, 10, 0);
  g_autoptr(GDateTime) late_last_night = g_date_time_new_local (2024, 11, 20, 23, 10, 0);
  g_autoptr(GDateTime) evening = g_date_time_new_local (2024, 11, 21, 20, 0, 0);
  g_autoptr(GDateTime) yesterday_morning = g_date_time_new_local (2024, 11, 20, 7, 0, 0);
  g_autoptr(GDateTime) two_days_back = g_date_time_new_local (2024, 11, 19, 23, 0, 0);
  g_autofree char *night = jd_time_format_relative (late_last_night, early_morning);
  g_autofree char *yesterday = jd_time_format_relative (yesterday_morning, evening);
  g_autofree char *before = jd_time_format_relative (two_days_back, evening);

  g_assert_cmpstr (night, ==, "2 hours ago");
  g_assert_cmpstr (yesterday, ==, "yesterday");
  g_assert_cmpstr (before, ==, "2 days ago");
}

/* Months are calendar months, not 30-day blocks. */
static void
test_relative_calendar_months (void)
{
  g_autoptr(GDateTime) sep19 = g_date_time_new_local (2024, 9, 19, 12, 0, 0);
  g_autoptr(GDateTime) nov18 = g_date_time_new_local (2024, 11, 18, 12, 0, 0);
  g_autoptr(GDateTime) nov19 = g_date_time_new_local (2024, 11, 19, 12, 0, 0);
  g_autoptr(GDateTime) jan31 = g_date_time_new_local (2024, 1, 31, 12, 0, 0);
  g_autoptr(GDateTime) feb29 = g_date_time_new_local (2024, 2, 29, 12, 0, 0);
  g_autoptr(GDateTime) mar1 = g_date_time_new_local (2024, 3, 1, 12, 0, 0);
  g_autoptr(GDateTime) next_sep18 = g_date_time_new_local (2025, 9, 18, 12, 0, 0);
  g_autoptr(GDateTime) next_sep19 = g_date_time_new_local (2025, 9, 19, 12, 0, 0);
  g_autofree char *one = jd_time_format_relative (sep19, nov18);
  g_autofree char *two = jd_time_format_relative (sep19, nov19);
  g_autofree char *days = jd_time_format_relative (jan31, feb29);
  g_autofree char *month = jd_time_format_relative (feb29, mar1 /* 1 day */);
  g_autofree char *eleven = jd_time_format_relative (sep19, next_sep18);
  g_autofree char *year = jd_time_format_relative (sep19, next_sep19);

  /* 60 days, but not yet two months by the calendar */
  g_assert_cmpstr (one, ==, "1 month ago");
  g_assert_cmpstr (two, ==, "2 months ago");
  /* 29 days, and no whole month */
  g_assert_cmpstr (days, ==, "29 days ago");
  g_assert_cmpstr (month, ==, "yesterday");
  g_assert_cmpstr (eleven, ==, "11 months ago");
  g_assert_cmpstr (year, ==, "1 year ago");
}

static void
test_absolute_styles (void)
{
  g_autoptr(GDateTime) utc = g_date_time_new_utc (2024, 9, 19, 10, 2, 54);
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);
  g_autoptr(GDateTime) now = g_date_time_add_days (utc, 62);
  g_autofree char *month_name = g_date_time_format (local, "%B");
  g_autofree char *month_abbr = g_date_time_format (local, "%b");
  g_autofree char *short_text = jd_time_format_absolute (utc, JD_TIME_STYLE_SHORT);
  g_autofree char *long_text = jd_time_format_absolute (utc, JD_TIME_STYLE_LONG);
  g_autofree char *full_text = jd_time_format_absolute (utc, JD_TIME_STYLE_FULL);
  g_autofree char *with = jd_time_format_with_relative (utc, JD_TIME_STYLE_LONG, now);
  g_autofree char *seconds = g_date_time_format (local, ":%S");

  /* the local day, month and year, no padding around */
  g_assert_nonnull (strstr (long_text, month_name));
  g_assert_nonnull (strstr (long_text, "2024"));
  g_assert_false (g_ascii_isspace (long_text[0]));
  /* a list cell has the short month name ("Sep"), not the long one */
  g_assert_nonnull (strstr (short_text, month_abbr));
  g_assert_null (strstr (short_text, month_name));
  g_assert_nonnull (strstr (full_text, seconds));
  g_assert_cmpuint (strlen (short_text), <, strlen (long_text));
  g_assert_cmpuint (strlen (long_text), <, strlen (full_text));
  g_assert_true (g_str_has_prefix (with, long_text));
  g_assert_true (g_str_has_suffix (with, " (2 months ago)"));
}

/* A toast shows the text as it is, markup characters and all, in the
 * overlay around the widget; a widget outside any overlay shows nothing
 * and does not fail. */
static void
test_toast_plain_text (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *button = gtk_button_new ();
  GtkWidget *alone = g_object_ref_sink (gtk_label_new (""));
  GtkWidget *label;
  const char *text = "Saved “<b>a & b</b>.csv”";

  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), box);
  gtk_box_append (GTK_BOX (box), button);
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  gtk_window_present (GTK_WINDOW (window));

  jd_toast_show (alone, text);
  jd_toast_show (button, text);
  jd_ui_test_spin (300);

  label = jd_ui_test_find_by_text (overlay, text);
  g_assert_nonnull (label);
  g_assert_true (GTK_IS_LABEL (label));
  g_assert_true (gtk_widget_is_ancestor (label, overlay));

  g_object_unref (alone);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  jd_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/time-format/relative/spans", test_relative_spans);
  g_test_add_func ("/ui/time-format/relative/in-the-future", test_relative_future);
  g_test_add_func ("/ui/time-format/relative/yesterday-by-the-calendar", test_relative_yesterday);
  g_test_add_func ("/ui/time-format/relative/calendar-months", test_relative_calendar_months);
  g_test_add_func ("/ui/time-format/absolute/styles", test_absolute_styles);
  g_test_add_func ("/ui/toast/shows-plain-text", test_toast_plain_text);

  return g_test_run ();
}
