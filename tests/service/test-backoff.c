/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pv-backoff.h"

static void
test_retry_after_seconds (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 22, 20, 0, 0);
  gint64 delay = -1;

  g_assert_true (pv_backoff_parse_retry_after ("315", now, &delay));
  g_assert_cmpint (delay, ==, 315 * G_USEC_PER_SEC);
  g_assert_true (pv_backoff_parse_retry_after (" 0 ", now, &delay));
  g_assert_cmpint (delay, ==, 0);

  /* A day at most, whatever the service says. */
  g_assert_true (pv_backoff_parse_retry_after ("99999999999999999999", now, &delay));
  g_assert_cmpint (delay, ==, (gint64) 24 * 3600 * G_USEC_PER_SEC);
}

static void
test_retry_after_date (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 22, 20, 0, 0);
  gint64 delay = -1;

  g_assert_true (pv_backoff_parse_retry_after ("Sun, 22 Nov 2026 20:00:30 GMT", now, &delay));
  g_assert_cmpint (delay, ==, 30 * G_USEC_PER_SEC);

  /* A date in the past means now. */
  g_assert_true (pv_backoff_parse_retry_after ("Sun, 22 Nov 2026 19:00:00 GMT", now, &delay));
  g_assert_cmpint (delay, ==, 0);
}

static void
test_retry_after_garbage (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 22, 20, 0, 0);
  const char *bad[] = { NULL, "", "-5", "5s", "soon", "12 monkeys", "1e3" };
  gint64 delay = 42;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (pv_backoff_parse_retry_after (bad[i], now, &delay));
      g_assert_cmpint (delay, ==, 42);
    }
}

static void
test_exponential_bounds (void)
{
  const gint64 base = 500 * G_TIME_SPAN_MILLISECOND;
  const gint64 cap = 60 * G_USEC_PER_SEC;

  /* The top of the jitter range doubles each attempt, up to the cap. */
  g_assert_cmpint (pv_backoff_exponential (0, base, cap, G_MAXUINT32), ==, base);
  g_assert_cmpint (pv_backoff_exponential (1, base, cap, G_MAXUINT32), ==, 2 * base);
  g_assert_cmpint (pv_backoff_exponential (3, base, cap, G_MAXUINT32), ==, 8 * base);
  g_assert_cmpint (pv_backoff_exponential (20, base, cap, G_MAXUINT32), ==, cap);
  g_assert_cmpint (pv_backoff_exponential (G_MAXUINT, base, cap, G_MAXUINT32), ==, cap);

  /* Full jitter: anywhere from zero to that bound. */
  g_assert_cmpint (pv_backoff_exponential (3, base, cap, 0), ==, 0);
  g_assert_cmpint (pv_backoff_exponential (3, base, cap, G_MAXUINT32 / 2), >=, 4 * base - 1);
  g_assert_cmpint (pv_backoff_exponential (3, base, cap, G_MAXUINT32 / 2), <=, 4 * base);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/backoff/retry-after-seconds", test_retry_after_seconds);
  g_test_add_func ("/backoff/retry-after-date", test_retry_after_date);
  g_test_add_func ("/backoff/retry-after-garbage", test_retry_after_garbage);
  g_test_add_func ("/backoff/exponential-bounds", test_exponential_bounds);

  return g_test_run ();
}
