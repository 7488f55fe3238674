/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "manage/pv-countries-dialog.h"
#include "manage/pv-numbers-view.h"
#include "manage/pv-operators-view.h"
#include "pv-manage-test.h"
#include "pv-test-util.h"
#include "pv-voice-calls.h"

/* My Operators against the in-process sandbox tenant: dropping a country
 * where numbers of the operator remain is refused with the numbers
 * named and a way to them; once they are unassigned and released from
 * the Phone Numbers view, the same change goes through. */

static gboolean
operators_ready (gpointer data)
{
  return !pv_operators_view_get_busy (data) &&
         g_list_model_get_n_items (pv_operators_view_get_tenant_operators (data)) > 0;
}

static gboolean
not_busy (gpointer data)
{
  return !pv_operators_view_get_busy (data);
}

static gboolean
numbers_ready (gpointer data)
{
  return !pv_numbers_view_get_loading (data) && !pv_numbers_view_get_busy (data) &&
         gtk_filter_list_model_get_pending (GTK_FILTER_LIST_MODEL (pv_numbers_view_get_shown (data))) == 0;
}

static void
show_numbers_cb (PvOperatorsView *view,
                 const char      *operator_id,
                 const char      *country,
                 GStrv           *shown)
{
  *shown = g_strdupv ((char *[]) { (char *) operator_id, (char *) country, NULL });
}

static PvTenantOperator *
find_tenant_operator (GListModel *model,
                      const char *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PvTenantOperator) operator_ = g_list_model_get_item (model, i);

      if (g_strcmp0 (pv_tenant_operator_get_operator_id (operator_), id) == 0)
        return operator_;
    }
  return NULL;
}

static void
test_country_removal (PvManageFixture *fixture,
                      gconstpointer    data)
{
  GtkWindow *window = GTK_WINDOW (g_object_ref (gtk_window_new ()));
  GtkWindow *numbers_window = GTK_WINDOW (g_object_ref (gtk_window_new ()));
  GtkWidget *view = pv_operators_view_new ();
  GtkWidget *numbers = pv_numbers_view_new ();
  g_auto(GStrv) shown = NULL;
  g_autoptr(GPtrArray) to_release = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GListStore) left = NULL;
  AdwMessageDialog *dialog;
  GtkWindow *countries;
  PvTenantOperator *orange;
  GListModel *list;

  gtk_window_set_child (window, view);
  gtk_window_present (window);
  pv_operators_view_set_client (PV_OPERATORS_VIEW (view), fixture->client);
  pv_test_wait_until (operators_ready, view);

  /* Manage Countries: the operator's countries, France and Belgium
   * ticked, searchable by name. */
  gtk_widget_activate_action (view, "operators.countries", "s", "orange-business");
  countries = pv_test_find_toplevel (PV_TYPE_COUNTRIES_DIALOG);
  g_assert_nonnull (countries);
  g_assert_cmpuint (pv_countries_dialog_get_n_shown (PV_COUNTRIES_DIALOG (countries)), ==, 5);
  pv_countries_dialog_set_search (PV_COUNTRIES_DIALOG (countries), "fran");
  g_assert_cmpuint (pv_countries_dialog_get_n_shown (PV_COUNTRIES_DIALOG (countries)), ==, 1);
  pv_countries_dialog_set_search (PV_COUNTRIES_DIALOG (countries), "");

  /* Unticking France: refused, with the numbers named, and a button to them. */
  pv_countries_dialog_set_chosen (PV_COUNTRIES_DIALOG (countries), "FR", FALSE);
  g_signal_connect (view, "show-numbers", G_CALLBACK (show_numbers_cb), &shown);
  gtk_widget_activate_action (GTK_WIDGET (countries), "countries.save", NULL);
  dialog = pv_manage_wait_message ();
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "+33180009998"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "France"));
  pv_manage_respond (dialog, "show-numbers");
  g_assert_nonnull (shown);
  g_assert_cmpstr (shown[0], ==, "orange-business");
  g_assert_cmpstr (shown[1], ==, "FR");
  pv_test_wait_until (not_busy, view);
  orange = find_tenant_operator (pv_operators_view_get_tenant_operators (PV_OPERATORS_VIEW (view)),
                                 "orange-business");
  g_assert_nonnull (orange);
  g_assert_true (pv_tenant_operator_has_country (orange, "FR"));

  /* The numbers there, as the button shows them: unassign and release
   * each one (the sandbox counts pending and free ones too). */
  gtk_window_set_child (numbers_window, numbers);
  gtk_window_present (numbers_window);
  pv_numbers_view_set_client (PV_NUMBERS_VIEW (numbers), fixture->client);
  pv_numbers_view_set_filter (PV_NUMBERS_VIEW (numbers), shown[0], shown[1]);
  pv_test_wait_until (numbers_ready, numbers);
  list = pv_numbers_view_get_shown (PV_NUMBERS_VIEW (numbers));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 7);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(PvPhoneNumber) number = g_list_model_get_item (list, i);

      g_assert_cmpstr (pv_phone_number_get_operator_id (number), ==, "orange-business");
      g_assert_cmpstr (pv_phone_number_get_country_code (number), ==, "FR");
      g_ptr_array_add (to_release, g_strdup (pv_phone_number_get_telephone_number (number)));
    }
  for (guint i = 0; i < to_release->len; i++)
    {
      const char *tel = g_ptr_array_index (to_release, i);
      gboolean assigned;

      g_assert_true (pv_numbers_view_select (PV_NUMBERS_VIEW (numbers), tel));
      assigned = pv_phone_number_get_status (pv_numbers_view_get_selected (PV_NUMBERS_VIEW (numbers))) ==
                 PV_NUMBER_STATUS_ASSIGNED;
      gtk_widget_activate_action (numbers, "numbers.release", NULL);
      dialog = pv_manage_wait_message ();
      g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                       assigned ? "Unassign and Release the Number?" : "Release the Number?");
      pv_manage_respond (dialog, "release");
      pv_test_wait_until (numbers_ready, numbers);
      g_assert_null (pv_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
    }
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  left = pv_manage_list_numbers (fixture->client, "orange-business", "FR");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (left)), ==, 0);

  /* The same change now goes through. */
  pv_operators_view_set_countries (PV_OPERATORS_VIEW (view), "orange-business", (const char *[]) { "BE", NULL });
  pv_test_wait_until (not_busy, view);
  g_assert_null (pv_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  orange = find_tenant_operator (pv_operators_view_get_tenant_operators (PV_OPERATORS_VIEW (view)),
                                 "orange-business");
  g_assert_nonnull (orange);
  g_assert_false (pv_tenant_operator_has_country (orange, "FR"));
  g_assert_true (pv_tenant_operator_has_country (orange, "BE"));

  /* Removing the operator: confirmed first, and refused while its
   * numbers in Belgium... there are none: so Deutsche Telekom, which
   * keeps its numbers, is refused. */
  gtk_widget_activate_action (view, "operators.remove", "s", "deutsche-telekom");
  dialog = pv_manage_wait_message ();
  pv_manage_respond (dialog, "remove");
  dialog = pv_manage_wait_message ();
  g_assert_true (adw_message_dialog_has_response (dialog, "show-numbers"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "+49309009998"));
  pv_manage_respond (dialog, "close");
  pv_test_wait_until (not_busy, view);
  g_assert_nonnull (find_tenant_operator (pv_operators_view_get_tenant_operators (PV_OPERATORS_VIEW (view)),
                                          "deutsche-telekom"));

  gtk_window_destroy (numbers_window);
  gtk_window_destroy (window);
  pv_test_iterate ();
  g_assert_finalize_object (numbers_window);
  g_assert_finalize_object (window);
}

static void
test_suspend_resume (PvManageFixture *fixture,
                     gconstpointer    data)
{
  GtkWindow *window = GTK_WINDOW (g_object_ref (gtk_window_new ()));
  GtkWidget *view = pv_operators_view_new ();
  GListModel *operators;

  gtk_window_set_child (window, view);
  gtk_window_present (window);
  pv_operators_view_set_client (PV_OPERATORS_VIEW (view), fixture->client);
  pv_test_wait_until (operators_ready, view);
  operators = pv_operators_view_get_tenant_operators (PV_OPERATORS_VIEW (view));

  gtk_widget_activate_action (view, "operators.resume", "s", "deutsche-telekom");
  pv_test_wait_until (operators_ready, view);
  g_assert_cmpint (pv_tenant_operator_get_status (find_tenant_operator (operators, "deutsche-telekom")), ==,
                   PV_OPERATOR_STATUS_ACTIVE);
  gtk_widget_activate_action (view, "operators.suspend", "s", "orange-business");
  pv_test_wait_until (operators_ready, view);
  g_assert_cmpint (pv_tenant_operator_get_status (find_tenant_operator (operators, "orange-business")), ==,
                   PV_OPERATOR_STATUS_SUSPENDED);

  gtk_window_destroy (window);
  pv_test_iterate ();
  g_assert_finalize_object (window);
}

int
main (int   argc,
      char *argv[])
{
  pv_test_init (&argc, &argv);

  g_test_add ("/manage-operators/country-removal", PvManageFixture, NULL,
              pv_manage_fixture_set_up, test_country_removal, pv_manage_fixture_tear_down);
  g_test_add ("/manage-operators/suspend-resume", PvManageFixture, NULL,
              pv_manage_fixture_set_up, test_suspend_resume, pv_manage_fixture_tear_down);

  return g_test_run ();
}
