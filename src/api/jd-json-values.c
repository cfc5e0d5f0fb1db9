/* jd-json-values.c: the dates and durations of the Server's answers.
 *
 * Dates are ISO 8601, with or without a zone; durations are .NET's
 * TimeSpan text or ISO 8601. Both are read from text json-glib made, on
 * worker threads: no global state.
 */
#define G_LOG_DOMAIN "jd-json-reader"

#include "config.h"

#include <string.h>

#include "jd-json-reader.h"

/* No date or duration a Server writes is longer. */
#define SHORT_VALUE_SIZE 64

/* text without the white space around it, into buffer; FALSE when there
 * is none, or too much to be a date or a duration */
static gboolean
copy_short_value (const char *text,
                  char        buffer[SHORT_VALUE_SIZE])
{
  gsize length = 0;

  if (text == NULL)
    return FALSE;

  while (g_ascii_isspace (*text))
    text++;

  while (text[length] != '\0' && length < SHORT_VALUE_SIZE)
    length++;
  if (length == SHORT_VALUE_SIZE)
    return FALSE;

  memcpy (buffer, text, length + 1);
  g_strchomp (buffer);
  return buffer[0] != '\0';
}

/**
 * jd_json_parse_date:
 * @text: (nullable): an ISO 8601 date and time
 *
 * Takes fractional seconds, "Z", offsets, and no zone at all, which
 * means UTC. "0001-01-01T00:00:00", the default date of .NET, means the
 * Server had none.
 *
 * Returns: (transfer full) (nullable): the time, or %NULL when @text is
 *   missing or cannot be read
 */
GDateTime *
jd_json_parse_date (const char *text)
{
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(GDateTime) date = NULL;
  char buffer[SHORT_VALUE_SIZE];

  if (!copy_short_value (text, buffer))
    return NULL;

  utc = g_time_zone_new_utc ();
  date = g_date_time_new_from_iso8601 (buffer, utc);

  if (date == NULL || g_date_time_get_year (date) <= 1)
    return NULL;

  return g_steal_pointer (&date);
}


/* Up to max_digits decimal digits at *p; moves *p past them. */
static gboolean
parse_digits (const char **p,
              guint        max_digits,
              guint64     *value)
{
  const char *s = *p;
  guint64 result = 0;
  guint n = 0;

  for (; g_ascii_isdigit (*s); s++)
    {
      if (++n > max_digits)
        return FALSE;
      result = result * 10 + (guint64)(*s - '0');
    }

  if (n == 0)
    return FALSE;

  *p = s;
  *value = result;
  return TRUE;
}

/* The digits after a decimal point, as a fraction; .NET writes seven. */
static gboolean
parse_fraction (const char **p,
                double      *fraction)
{
  const char *s = *p;
  double result = 0;
  double scale = 0.1;

  if (!g_ascii_isdigit (*s))
    return FALSE;

  for (; g_ascii_isdigit (*s); s++, scale /= 10)
    result += (*s - '0') * scale;

  *p = s;
  *fraction = result;
  return TRUE;
}

/* .NET's TimeSpan text: "hh:mm[:ss[.fffffff]]", "d.hh:mm:ss[.fffffff]"
 * (the "c" format) or "d:hh:mm:ss[.fffffff]" (the "g" format). A bare
 * number is refused: TimeSpan reads it as days, a person as seconds. */
static gboolean
parse_timespan (const char *p,
                double     *seconds)
{
  guint64 fields[4] = { 0, };
  guint64 days = 0;
  double fraction = 0;
  gboolean has_days = FALSE;
  guint n = 1;

  if (!parse_digits (&p, 9, &fields[0]))
    return FALSE;

  if (*p == '.')
    {
      p++;
      days = fields[0];
      has_days = TRUE;
      if (!parse_digits (&p, 2, &fields[0]) || *p != ':')
        return FALSE;
    }

  while (*p == ':' && n < G_N_ELEMENTS (fields))
    {
      p++;
      if (!parse_digits (&p, 2, &fields[n++]))
        return FALSE;
    }

  if (*p == '.' && n >= 3)
    {
      p++;
      if (!parse_fraction (&p, &fraction))
        return FALSE;
    }

  if (*p != '\0' || n == 1 || (n == 4 && has_days))
    return FALSE;

  if (n == 4)
    {
      days = fields[0];
      has_days = TRUE;
      memmove (fields, fields + 1, 3 * sizeof fields[0]);
    }

  /* hours, minutes, seconds; some Servers write 26:00:00 for a day and more */
  if ((has_days && fields[0] > 23) || fields[1] > 59 || fields[2] > 59)
    return FALSE;

  *seconds = (double)days * 86400 + (double)fields[0] * 3600 + (double)fields[1] * 60 +
             (double)fields[2] + fraction;
  return TRUE;
}

/* ISO 8601, after the "P": "PT5M12S", "P1DT2H", "PT0.5S". Years and
 * months are refused, as their length depends on the date. */
static gboolean
parse_iso_duration (const char *p,
                    double     *seconds)
{
  static const struct { char unit; gboolean in_time; double seconds; } units[] = {
    { 'W', FALSE, 7 * 86400 },
    { 'D', FALSE, 86400 },
    { 'H', TRUE, 3600 },
    { 'M', TRUE, 60 },
    { 'S', TRUE, 1 },
  };
  gboolean in_time = FALSE;
  gboolean any = FALSE;
  guint next_unit = 0;
  double total = 0;

  while (*p != '\0')
    {
      guint64 value;
      double fraction = 0;
      guint u;

      if (*p == 'T')
        {
          if (in_time)
            return FALSE;
          in_time = TRUE;
          p++;
          continue;
        }

      if (!parse_digits (&p, 9, &value))
        return FALSE;
      if (*p == '.' || *p == ',')
        {
          p++;
          if (!parse_fraction (&p, &fraction))
            return FALSE;
        }

      /* each unit once, in order, and "M" means minutes only after "T" */
      for (u = next_unit; u < G_N_ELEMENTS (units); u++)
        {
          if (units[u].unit == *p && units[u].in_time == in_time)
            break;
        }
      if (u == G_N_ELEMENTS (units))
        return FALSE;

      total += ((double)value + fraction) * units[u].seconds;
      next_unit = u + 1;
      any = TRUE;
      p++;
    }

  if (!any)
    return FALSE;

  *seconds = total;
  return TRUE;
}

/**
 * jd_json_parse_duration:
 * @text: (nullable): a duration as a Server writes it
 * @seconds: (out): how long it is, in seconds
 *
 * Takes .NET's TimeSpan text ("00:05:12", "1.02:03:04.5000000",
 * "1:02:03:04") and ISO 8601 ("PT5M12S", "P1DT2H"), with white space
 * around. Negative durations are refused: a job does not run backwards.
 *
 * Returns: whether @text could be read
 */
gboolean
jd_json_parse_duration (const char *text,
                        double     *seconds)
{
  char buffer[SHORT_VALUE_SIZE];
  gboolean ok;
  double value = 0;

  g_return_val_if_fail (seconds != NULL, FALSE);

  if (!copy_short_value (text, buffer))
    return FALSE;

  if (buffer[0] == 'P' || buffer[0] == 'p')
    {
      for (char *c = buffer; *c != '\0'; c++)
        *c = g_ascii_toupper (*c);
      ok = parse_iso_duration (buffer + 1, &value);
    }
  else
    {
      ok = parse_timespan (buffer, &value);
    }

  if (!ok)
    return FALSE;

  *seconds = value;
  return TRUE;
}
