/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <libsoup/soup.h>

#include "pv-backoff.h"

/* When to try again. Pure functions of their inputs, so that the rules
 * are tested without waiting. */

/* A server may say anything; a day is more than any run should wait for
 * one request, and the caller's total time cap applies anyway. */
#define MAX_RETRY_AFTER_US ((gint64) G_USEC_PER_SEC * 24 * 3600)

/**
 * pv_backoff_parse_retry_after:
 * @value: (nullable): a Retry-After header: seconds, or an HTTP date
 * @now: the current time, for dates
 * @delay_us: (out): how long to wait
 *
 * Returns: %TRUE if @value is a usable Retry-After
 */
gboolean
pv_backoff_parse_retry_after (const char *value,
                              GDateTime  *now,
                              gint64     *delay_us)
{
  g_autoptr(GDateTime) when = NULL;
  guint64 seconds;
  char *end = NULL;

  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (delay_us != NULL, FALSE);

  if (value == NULL)
    return FALSE;

  while (g_ascii_isspace (*value))
    value++;

  if (g_ascii_isdigit (*value))
    {
      seconds = g_ascii_strtoull (value, &end, 10);
      while (end != NULL && g_ascii_isspace (*end))
        end++;
      if (end == NULL || *end != '\0')
        return FALSE;
      *delay_us = (gint64) MIN (seconds, (guint64) (MAX_RETRY_AFTER_US / G_USEC_PER_SEC)) * G_USEC_PER_SEC;
      return TRUE;
    }

  when = soup_date_time_new_from_http_string (value);
  if (when == NULL)
    return FALSE;

  *delay_us = CLAMP (g_date_time_difference (when, now), 0, MAX_RETRY_AFTER_US);
  return TRUE;
}

/**
 * pv_backoff_exponential:
 * @attempt: 0 for the first retry
 * @base_us: the delay before the first retry
 * @cap_us: the longest delay
 * @random_value: a uniformly random 32-bit value
 *
 * Exponential backoff with "full jitter": a uniform delay between zero
 * and the exponential bound, so that many clients throttled together do
 * not come back together.
 *
 * Returns: the delay in microseconds
 */
gint64
pv_backoff_exponential (guint   attempt,
                        gint64  base_us,
                        gint64  cap_us,
                        guint32 random_value)
{
  gint64 bound = base_us;

  g_return_val_if_fail (base_us > 0 && cap_us >= base_us, base_us);

  for (guint i = 0; i < attempt && bound < cap_us; i++)
    bound *= 2;
  bound = MIN (bound, cap_us);

  return (gint64) ((double) bound * ((double) random_value / (double) G_MAXUINT32));
}
