/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pv-run-results.h"

/* The results model: one outcome a person, a later one replacing the
 * earlier in place, and a count per outcome that follows every change,
 * for every value of PvResultStatus (so a new one is counted without
 * touching the pages). */

static PvOperationResult *
make_result (const char     *item,
             PvResultStatus  status,
             const char     *after)
{
  PvOperationResult *result = pv_operation_result_new ();

  pv_operation_result_set_item (result, item);
  pv_operation_result_set_status (result, status);
  pv_operation_result_set_after (result, after);
  return result;
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GString    *log)
{
  g_string_append_printf (log, "%u-%u+%u;", position, removed, added);
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           GString    *log)
{
  g_string_append_printf (log, "%s;", g_param_spec_get_name (pspec));
}

static guint
count_property (PvRunResults *results,
                const char   *name)
{
  guint value = G_MAXUINT;

  g_object_get (results, name, &value, NULL);
  return value;
}

static void
test_replace_in_place (void)
{
  g_autoptr(PvRunResults) results = pv_run_results_new ();
  g_autoptr(GString) changes = g_string_new (NULL);
  g_autoptr(GString) notified = g_string_new (NULL);
  g_autoptr(PvOperationResult) a = make_result ("a", PV_RESULT_STATUS_DONE, NULL);
  g_autoptr(PvOperationResult) b = make_result ("b", PV_RESULT_STATUS_FAILED, NULL);
  g_autoptr(PvOperationResult) c = make_result ("c", PV_RESULT_STATUS_SKIPPED, "sip:c@contoso.com");
  g_autoptr(PvOperationResult) b_again = make_result ("b", PV_RESULT_STATUS_ALREADY_DONE, NULL);
  g_autoptr(PvOperationResult) b_same = make_result ("b", PV_RESULT_STATUS_ALREADY_DONE, NULL);
  g_autoptr(PvOperationResult) second = NULL;

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (results)) == PV_TYPE_OPERATION_RESULT);
  g_signal_connect (results, "items-changed", G_CALLBACK (items_changed_cb), changes);
  g_signal_connect (results, "notify", G_CALLBACK (notify_cb), notified);

  pv_run_results_set (results, a);
  pv_run_results_set (results, b);
  pv_run_results_set (results, c);
  g_assert_cmpstr (changes->str, ==, "0-0+1;1-0+1;2-0+1;");
  g_assert_cmpstr (notified->str, ==, "n-items;n-done;n-items;n-failed;n-items;n-skipped;n-proposed;");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (results)), ==, 3);
  g_assert_cmpuint (count_property (results, "n-done"), ==, 1);
  g_assert_cmpuint (count_property (results, "n-failed"), ==, 1);
  g_assert_cmpuint (count_property (results, "n-skipped"), ==, 1);
  g_assert_cmpuint (count_property (results, "n-already-done"), ==, 0);
  g_assert_cmpuint (count_property (results, "n-proposed"), ==, 1);
  g_assert_cmpuint (count_property (results, "n-items"), ==, 3);

  /* b again: in its place, the counts moved from failed to already done. */
  g_string_truncate (changes, 0);
  g_string_truncate (notified, 0);
  pv_run_results_set (results, b_again);
  g_assert_cmpstr (changes->str, ==, "1-1+1;");
  g_assert_cmpstr (notified->str, ==, "n-already-done;n-failed;");
  second = g_list_model_get_item (G_LIST_MODEL (results), 1);
  g_assert_true (second == b_again);
  g_assert_true (pv_run_results_lookup (results, "b") == b_again);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (results)), ==, 3);
  g_assert_cmpuint (pv_run_results_get_count (results, PV_RESULT_STATUS_FAILED), ==, 0);
  g_assert_cmpuint (pv_run_results_get_count (results, PV_RESULT_STATUS_ALREADY_DONE), ==, 1);

  /* The same outcome again changes the item, not the counts. */
  g_string_truncate (changes, 0);
  g_string_truncate (notified, 0);
  pv_run_results_set (results, b_same);
  g_assert_cmpstr (changes->str, ==, "1-1+1;");
  g_assert_cmpstr (notified->str, ==, "");

  g_signal_handlers_disconnect_by_data (results, changes);
  g_signal_handlers_disconnect_by_data (results, notified);
}

/* Every status the enum has is counted, by a property named for it. */
static void
test_every_status_counted (void)
{
  g_autoptr(PvRunResults) results = pv_run_results_new ();
  g_autoptr(GEnumClass) statuses = g_type_class_ref (PV_TYPE_RESULT_STATUS);

  for (guint i = 0; i < statuses->n_values; i++)
    for (guint n = 0; n <= i; n++)
      {
        g_autofree char *item = g_strdup_printf ("%u-%u", i, n);
        g_autoptr(PvOperationResult) result = make_result (item, statuses->values[i].value, NULL);

        pv_run_results_set (results, result);
      }

  for (guint i = 0; i < statuses->n_values; i++)
    {
      g_autoptr(GString) name = g_string_new ("n-");
      GParamSpec *pspec;

      g_assert_cmpuint (pv_run_results_get_count (results, statuses->values[i].value), ==, i + 1);
      for (const char *c = statuses->values[i].value_nick; *c != '\0'; c++)
        {
          if (g_ascii_isupper (*c))
            g_string_append_c (name, '-');
          g_string_append_c (name, g_ascii_tolower (*c));
        }
      pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (results), name->str);
      g_assert_nonnull (pspec);
      g_assert_true (pspec->flags & G_PARAM_EXPLICIT_NOTIFY);
      g_assert_cmpuint (count_property (results, name->str), ==, i + 1);
    }
}

/* What is kept with the run reads back the same: order, outcomes,
 * names. */
static void
test_json_round_trip (void)
{
  g_autoptr(PvRunResults) results = pv_run_results_new ();
  g_autoptr(PvRunResults) read = NULL;
  g_autoptr(PvRunInfo) info = pv_run_info_new (PV_FLOW_MOVE_CALLING_PLAN);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  const char *const ids[] = { "z", "a", "m" };
  const char *const countries[] = { "FR", NULL };

  pv_run_info_set_operator (info, "op-1", "Opérateur");
  pv_run_info_set_countries (info, countries);
  pv_run_results_set_info (results, info);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(PvOperationResult) result = make_result (ids[i], i == 1 ? PV_RESULT_STATUS_FAILED : PV_RESULT_STATUS_DONE, NULL);

      pv_run_results_set (results, result);
    }
  pv_run_results_set_name (results, "a", "Anaïs Lefèvre");

  node = pv_run_results_to_json (results);
  read = pv_run_results_new_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (read)), ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(PvOperationResult) result = g_list_model_get_item (G_LIST_MODEL (read), i);

      g_assert_cmpstr (pv_operation_result_get_item (result), ==, ids[i]);
    }
  g_assert_cmpuint (pv_run_results_get_count (read, PV_RESULT_STATUS_FAILED), ==, 1);
  g_assert_cmpstr (pv_run_results_get_name (read, "a"), ==, "Anaïs Lefèvre");
  g_assert_cmpstr (pv_run_results_get_name (read, "z"), ==, "z");
  g_assert_cmpint (pv_run_info_get_flow (pv_run_results_get_info (read)), ==, PV_FLOW_MOVE_CALLING_PLAN);
  g_assert_cmpstr (pv_run_info_get_operator_name (pv_run_results_get_info (read)), ==, "Opérateur");
  g_assert_cmpstr (pv_run_info_get_countries (pv_run_results_get_info (read))[0], ==, "FR");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/run-results/replace-in-place", test_replace_in_place);
  g_test_add_func ("/run-results/every-status-counted", test_every_status_counted);
  g_test_add_func ("/run-results/json-round-trip", test_json_round_trip);

  return g_test_run ();
}
