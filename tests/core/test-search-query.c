/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "provisio-core.h"

/* PvSearchQuery, as the operator catalogue and the countries of the
 * operator wizard use it: a query matches a name whatever their case,
 * with or without the name's accents, and only the query's own spaces
 * around it are dropped. */

static void
test_empty (void)
{
  PvSearchQuery query = { 0 };

  pv_search_query_set_text (&query, NULL);
  g_assert_null (query.folded);
  pv_search_query_set_text (&query, "  \t ");
  g_assert_null (query.folded);
  g_assert_null (query.ascii);
  /* Nothing to look for: everything is shown. */
  g_assert_true (pv_search_query_matches (&query, "France"));
  g_assert_true (pv_search_query_matches (&query, NULL));
  pv_search_query_clear (&query);
}

static void
test_folding (void)
{
  PvSearchQuery query = { 0 };

  pv_search_query_set_text (&query, "  Cote ");
  g_assert_cmpstr (query.folded, ==, "cote");
  g_assert_null (query.ascii);
  g_assert_true (pv_search_query_matches (&query, "Côte d’Ivoire"));
  g_assert_true (pv_search_query_matches (&query, "COTE"));
  g_assert_false (pv_search_query_matches (&query, "Costa Rica"));
  g_assert_false (pv_search_query_matches (&query, NULL));

  pv_search_query_set_text (&query, "ÉTATS");
  g_assert_cmpstr (query.folded, ==, "états");
  g_assert_cmpstr (query.ascii, ==, "etats");
  g_assert_true (pv_search_query_matches (&query, "États-Unis"));
  /* A name written without its accents is found by the accented query. */
  g_assert_true (pv_search_query_matches (&query, "Etats-Unis"));
  g_assert_false (pv_search_query_matches (&query, "Émirats arabes unis"));

  /* A space inside the query is kept. */
  pv_search_query_set_text (&query, "royaume uni");
  g_assert_false (pv_search_query_matches (&query, "Royaume-Uni"));
  g_assert_true (pv_search_query_matches (&query, "Le royaume uni"));

  pv_search_query_clear (&query);
  g_assert_null (query.folded);
  g_assert_null (query.ascii);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search-query/empty", test_empty);
  g_test_add_func ("/search-query/folding", test_folding);

  return g_test_run ();
}
