/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "manage/pv-address-dialog.h"
#include "manage/pv-numbers-view.h"
#include "manage/pv-person-chooser.h"
#include "pv-manage-test.h"
#include "pv-test-util.h"
#include "pv-voice-calls.h"

/* Phone Numbers against the in-process sandbox tenant: filters and
 * search, releasing an assigned number (unassign then release, after
 * one confirmation), the checks before assigning, and an assignment. */

static gboolean
numbers_ready (gpointer data)
{
  return !pv_numbers_view_get_loading (data) && !pv_numbers_view_get_busy (data) &&
         gtk_filter_list_model_get_pending (GTK_FILTER_LIST_MODEL (pv_numbers_view_get_shown (data))) == 0;
}

static guint
n_shown (GtkWidget *view)
{
  pv_test_wait_until (numbers_ready, view);
  return g_list_model_get_n_items (pv_numbers_view_get_shown (PV_NUMBERS_VIEW (view)));
}

static gboolean
match_tooltip (GtkWidget     *widget,
               gconstpointer  data)
{
  return GTK_IS_DROP_DOWN (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), data) == 0;
}

/* Chooses @item in the drop-down the user knows as @name. */
static void
choose (GtkWidget  *view,
        const char *name,
        const char *item)
{
  GtkWidget *dropdown = pv_test_find_widget (view, match_tooltip, name);
  GListModel *model;

  g_assert_nonnull (dropdown);
  model = gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), item) == 0)
      {
        gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), i);
        return;
      }
  g_error ("%s has no item %s", name, item);
}

static GtkWidget *
open_view (PvManageFixture *fixture,
           GtkWindow      **window)
{
  GtkWidget *view = pv_numbers_view_new ();

  *window = GTK_WINDOW (g_object_ref (gtk_window_new ()));
  gtk_window_set_default_size (*window, 800, 600);
  gtk_window_set_child (*window, view);
  gtk_window_present (*window);
  pv_numbers_view_set_client (PV_NUMBERS_VIEW (view), fixture->client);
  pv_test_wait_until (numbers_ready, view);
  return view;
}

static void
close_view (GtkWindow *window)
{
  gtk_window_destroy (window);
  pv_test_iterate ();
  g_assert_finalize_object (window);
}

static void
test_filters_and_search (PvManageFixture *fixture,
                         gconstpointer    data)
{
  GtkWindow *window;
  GtkWidget *view = open_view (fixture, &window);
  PvNumbersView *numbers = PV_NUMBERS_VIEW (view);

  /* 28, the five French Calling Plan numbers of the port orders, and
   * the two Direct Routing numbers of the people ready for the move. */
  g_assert_cmpuint (n_shown (view), ==, 28 + 5 + 2);

  choose (view, "Number type", "Operator Connect");
  g_assert_cmpuint (n_shown (view), ==, 12);
  choose (view, "Operator", "Deutsche Telekom");
  g_assert_cmpuint (n_shown (view), ==, 5);
  choose (view, "Status", "Assigned");
  g_assert_cmpuint (n_shown (view), ==, 1);
  choose (view, "Status", "Not Assigned");
  g_assert_cmpuint (n_shown (view), ==, 4);
  choose (view, "Operator", "Any Operator");
  choose (view, "Number type", "Any Type");
  choose (view, "Status", "Pending");
  g_assert_cmpuint (n_shown (view), ==, 3);
  choose (view, "Status", "Any Status");
  choose (view, "Country", "United States");
  g_assert_cmpuint (n_shown (view), ==, 8);
  choose (view, "Country", "Any Country");
  g_assert_cmpuint (n_shown (view), ==, 28 + 5 + 2);

  /* Digits find numbers whatever their spacing; words find operators,
   * countries and people. */
  pv_numbers_view_set_search (numbers, "+49 30 900");
  g_assert_cmpuint (n_shown (view), ==, 5);
  pv_numbers_view_set_search (numbers, "ORANGE");
  g_assert_cmpuint (n_shown (view), ==, 7);
  /* People, by name or address, with or without their accents; a
   * longer query narrows what the shorter one found. */
  pv_numbers_view_set_search (numbers, "garc");
  g_assert_cmpuint (n_shown (view), ==, 1);
  pv_numbers_view_set_search (numbers, "García-L");
  g_assert_cmpuint (n_shown (view), ==, 1);
  pv_numbers_view_set_search (numbers, "helene.rousseau");
  g_assert_cmpuint (n_shown (view), ==, 1);
  pv_numbers_view_set_search (numbers, "ger");
  g_assert_cmpuint (n_shown (view), ==, 5);
  pv_numbers_view_set_search (numbers, "germany");
  g_assert_cmpuint (n_shown (view), ==, 5);
  choose (view, "Status", "Unassigned");
  g_assert_cmpuint (n_shown (view), ==, 4);
  pv_numbers_view_set_search (numbers, "no such thing");
  g_assert_cmpuint (n_shown (view), ==, 0);
  pv_numbers_view_set_search (numbers, "");
  g_assert_cmpuint (n_shown (view), ==, 21);

  close_view (window);
}

/* A search typed before the operators and people arrive finds them
 * once they do. */
static void
test_search_while_loading (PvManageFixture *fixture,
                           gconstpointer    data)
{
  GtkWidget *view = pv_numbers_view_new ();
  GtkWindow *window = GTK_WINDOW (g_object_ref (gtk_window_new ()));
  PvNumbersView *numbers = PV_NUMBERS_VIEW (view);

  gtk_window_set_child (window, view);
  gtk_window_present (window);
  pv_numbers_view_set_search (numbers, "garcia");
  pv_numbers_view_set_client (numbers, fixture->client);
  g_assert_cmpuint (n_shown (view), ==, 1);
  pv_numbers_view_set_search (numbers, "deutsche");
  g_assert_cmpuint (n_shown (view), ==, 5);
  choose (view, "Status", "Assigned");
  g_assert_cmpuint (n_shown (view), ==, 1);
  choose (view, "Status", "Any Status");
  g_assert_cmpuint (n_shown (view), ==, 5);

  close_view (window);
}

static void
test_release_assigned (PvManageFixture *fixture,
                       gconstpointer    data)
{
  GtkWindow *window;
  GtkWidget *view = open_view (fixture, &window);
  g_autoptr(GListStore) left = NULL;
  AdwMessageDialog *dialog;
  guint before = n_shown (view);

  g_assert_true (pv_numbers_view_select (PV_NUMBERS_VIEW (view), "+33180009998"));
  gtk_widget_activate_action (view, "numbers.release", NULL);
  dialog = pv_manage_wait_message ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Unassign and Release the Number?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "unassign it, then release it"));

  /* Cancel changes nothing. */
  pv_manage_respond (dialog, "cancel");
  g_assert_false (pv_numbers_view_get_busy (PV_NUMBERS_VIEW (view)));
  left = pv_manage_list_numbers (fixture->client, "orange-business", "FR");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (left)), ==, 7);
  g_clear_object (&left);

  gtk_widget_activate_action (view, "numbers.release", NULL);
  pv_manage_respond (pv_manage_wait_message (), "release");
  g_assert_cmpuint (n_shown (view), ==, before - 1);
  g_assert_null (pv_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  left = pv_manage_list_numbers (fixture->client, "orange-business", "FR");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (left)), ==, 6);
  for (guint i = 0; i < 6; i++)
    {
      g_autoptr(PvPhoneNumber) number = g_list_model_get_item (G_LIST_MODEL (left), i);

      g_assert_cmpstr (pv_phone_number_get_telephone_number (number), !=, "+33180009998");
    }

  close_view (window);
}

static PvUser *
find_person (GListModel *people,
             gboolean    teams_only,
             gboolean    phone_system)
{
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(PvUser) person = g_list_model_get_item (people, i);

      if ((pv_user_get_teams_upgrade_effective_mode (person) == PV_COEXISTENCE_MODE_TEAMS_ONLY) == teams_only &&
          pv_user_has_phone_system (person) == phone_system)
        return person;
    }
  g_assert_not_reached ();
}

static void
test_assign_checks (PvManageFixture *fixture,
                    gconstpointer    data)
{
  GtkWindow *window;
  GtkWidget *view = open_view (fixture, &window);
  GListModel *people = pv_numbers_model_get_people (pv_numbers_view_get_model (PV_NUMBERS_VIEW (view)));
  PvUser *no_phone_system = find_person (people, TRUE, FALSE);
  PvUser *not_teams_only = find_person (people, FALSE, TRUE);
  PvUser *ready = find_person (people, TRUE, TRUE);
  g_autoptr(GListStore) numbers = NULL;
  g_autoptr(PvPhoneNumber) number = NULL;
  g_autofree char *problem = NULL;
  AdwMessageDialog *dialog;
  GtkWindow *chooser;
  GListModel *shown;

  /* Refused before calling: the dialog says what is missing and what to
   * do, and the number stays free on the service. */
  g_assert_true (pv_numbers_view_select (PV_NUMBERS_VIEW (view), "+33180000001"));
  pv_numbers_view_assign_to (PV_NUMBERS_VIEW (view), no_phone_system);
  g_assert_false (pv_numbers_view_get_busy (PV_NUMBERS_VIEW (view)));
  dialog = pv_manage_wait_message ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "This Number Cannot Be Assigned Yet");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "has no Phone System"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "licence"));
  pv_manage_respond (dialog, "close");

  pv_numbers_view_assign_to (PV_NUMBERS_VIEW (view), not_teams_only);
  dialog = pv_manage_wait_message ();
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "not Teams only"));
  pv_manage_respond (dialog, "close");

  numbers = pv_manage_list_numbers (fixture->client, "orange-business", "FR");
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (numbers)); i++)
    {
      g_autoptr(PvPhoneNumber) candidate = g_list_model_get_item (G_LIST_MODEL (numbers), i);

      if (g_str_equal (pv_phone_number_get_telephone_number (candidate), "+33180000001"))
        g_set_object (&number, candidate);
    }
  g_assert_nonnull (number);
  g_assert_cmpint (pv_phone_number_get_status (number), ==, PV_NUMBER_STATUS_UNASSIGNED);

  /* Direct Routing numbers need Phone System, not Teams only mode. */
  pv_phone_number_set_number_type (number, PV_NUMBER_TYPE_DIRECT_ROUTING);
  problem = pv_numbers_check_assignment (number, not_teams_only, NULL);
  g_assert_null (problem);
  problem = pv_numbers_check_assignment (number, no_phone_system, NULL);
  g_assert_nonnull (problem);
  g_clear_pointer (&problem, g_free);
  pv_phone_number_set_status (number, PV_NUMBER_STATUS_PENDING);
  problem = pv_numbers_check_assignment (number, ready, NULL);
  g_assert_nonnull (strstr (problem, "pending"));
  g_clear_object (&number);
  g_clear_object (&numbers);

  /* Through the person chooser, someone ready gets the number. */
  gtk_widget_activate_action (view, "numbers.assign", NULL);
  chooser = pv_test_find_toplevel (PV_TYPE_PERSON_CHOOSER);
  g_assert_nonnull (chooser);
  pv_person_chooser_set_search (PV_PERSON_CHOOSER (chooser), pv_user_get_user_principal_name (ready));
  shown = pv_person_chooser_get_shown (PV_PERSON_CHOOSER (chooser));
  g_assert_cmpuint (g_list_model_get_n_items (shown), >=, 1);
  pv_person_chooser_select (PV_PERSON_CHOOSER (chooser), 0);
  gtk_widget_activate_action (GTK_WIDGET (chooser), "chooser.choose", NULL);
  pv_test_wait_until (numbers_ready, view);
  g_assert_null (pv_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  numbers = pv_manage_list_numbers (fixture->client, "orange-business", "FR");
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (numbers)); i++)
    {
      g_autoptr(PvPhoneNumber) candidate = g_list_model_get_item (G_LIST_MODEL (numbers), i);

      if (g_str_equal (pv_phone_number_get_telephone_number (candidate), "+33180000001"))
        g_set_object (&number, candidate);
    }
  g_assert_cmpint (pv_phone_number_get_status (number), ==, PV_NUMBER_STATUS_ASSIGNED);
  g_assert_cmpstr (pv_phone_number_get_assigned_user_id (number), ==, pv_user_get_id (ready));
  g_assert_cmpint (pv_phone_number_get_status (pv_numbers_view_get_selected (PV_NUMBERS_VIEW (view))), ==,
                   PV_NUMBER_STATUS_ASSIGNED);

  close_view (window);
}

/* The footer: the label under the list, after the busy spinner, that
 * says what the actions apply to (the count above has its own spinner,
 * but is dimmed). */
static gboolean
match_footer (GtkWidget     *widget,
              gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && GTK_IS_SPINNER (gtk_widget_get_prev_sibling (widget)) &&
         !gtk_widget_has_css_class (widget, "dim-label");
}

static PvPhoneNumber *
find_number (GListModel *numbers,
             const char *telephone_number)
{
  for (guint i = 0; i < g_list_model_get_n_items (numbers); i++)
    {
      g_autoptr(PvPhoneNumber) number = g_list_model_get_item (numbers, i);

      if (g_str_equal (pv_phone_number_get_telephone_number (number), telephone_number))
        return g_steal_pointer (&number);
    }
  return NULL;
}

/* What the user sees of the selection agrees with itself and with the
 * tenant: the highlighted row is @telephone_number, the footer names it
 * and its state, the buttons follow that state, and the service has the
 * number in that state. */
static void
assert_selection_agrees (PvManageFixture *fixture,
                         GtkWidget       *view,
                         const char      *telephone_number,
                         PvUser          *holder)
{
  GtkColumnView *column_view = GTK_COLUMN_VIEW (pv_test_find_by_type (view, GTK_TYPE_COLUMN_VIEW));
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (column_view));
  PvPhoneNumber *highlighted = gtk_single_selection_get_selected_item (selection);
  PvPhoneNumber *selected = pv_numbers_view_get_selected (PV_NUMBERS_VIEW (view));
  GtkWidget *footer = pv_test_find_widget (view, match_footer, NULL);
  g_autoptr(GListStore) numbers = pv_manage_list_numbers (fixture->client, NULL, NULL);
  g_autoptr(PvPhoneNumber) on_service = find_number (G_LIST_MODEL (numbers), telephone_number);
  g_autofree char *expected = NULL;

  pv_test_wait_until (numbers_ready, view);
  g_assert_nonnull (highlighted);
  g_assert_true (highlighted == selected);
  g_assert_cmpstr (pv_phone_number_get_telephone_number (highlighted), ==, telephone_number);

  g_assert_nonnull (on_service);
  if (holder != NULL)
    {
      g_assert_cmpint (pv_phone_number_get_status (on_service), ==, PV_NUMBER_STATUS_ASSIGNED);
      g_assert_cmpstr (pv_phone_number_get_assigned_user_id (on_service), ==, pv_user_get_id (holder));
      expected = g_strdup_printf ("%s, assigned to %s", telephone_number, pv_user_get_display_name (holder));
    }
  else
    {
      g_assert_cmpint (pv_phone_number_get_status (on_service), ==, PV_NUMBER_STATUS_UNASSIGNED);
      expected = g_strdup_printf ("%s, Unassigned", telephone_number);
    }
  g_assert_cmpint (pv_phone_number_get_status (highlighted), ==, pv_phone_number_get_status (on_service));
  g_assert_cmpstr (pv_phone_number_get_assigned_user_id (highlighted), ==,
                   pv_phone_number_get_assigned_user_id (on_service));

  g_assert_nonnull (footer);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (footer)), ==, expected);
  g_assert_cmpint (gtk_widget_get_sensitive (pv_test_find_button (view, "numbers.unassign")), ==, holder != NULL);
  g_assert_true (gtk_widget_get_sensitive (pv_test_find_button (view, "numbers.assign")));
  g_assert_true (gtk_widget_get_sensitive (pv_test_find_button (view, "numbers.release")));
}

/* Select a number, unassign it, assign it: after each, the highlighted
 * row, the footer, the buttons and the tenant agree on one number and
 * its state (issue 13: the actions went to the next number). */
static void
test_select_unassign_assign (PvManageFixture *fixture,
                             gconstpointer    data)
{
  GtkWindow *window;
  GtkWidget *view = open_view (fixture, &window);
  GListModel *people = pv_numbers_model_get_people (pv_numbers_view_get_model (PV_NUMBERS_VIEW (view)));
  g_autoptr(GListStore) numbers = pv_manage_list_numbers (fixture->client, NULL, NULL);
  g_autoptr(PvPhoneNumber) number = find_number (G_LIST_MODEL (numbers), "+33180009998");
  PvUser *holder = NULL;
  PvUser *ready = find_person (people, TRUE, TRUE);

  g_assert_nonnull (number);
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(PvUser) person = g_list_model_get_item (people, i);

      if (g_strcmp0 (pv_user_get_id (person), pv_phone_number_get_assigned_user_id (number)) == 0)
        holder = person;
    }
  g_assert_nonnull (holder);

  g_assert_true (pv_numbers_view_select (PV_NUMBERS_VIEW (view), "+33180009998"));
  pv_test_iterate ();
  assert_selection_agrees (fixture, view, "+33180009998", holder);

  /* A filter that hides the number leaves nothing to act on, not the
   * row that took its place; showing it again selects it again. */
  choose (view, "Status", "Unassigned");
  pv_test_wait_until (numbers_ready, view);
  g_assert_null (pv_numbers_view_get_selected (PV_NUMBERS_VIEW (view)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (pv_test_find_widget (view, match_footer, NULL))), ==,
                   "Select a number to act on it.");
  g_assert_false (gtk_widget_get_sensitive (pv_test_find_button (view, "numbers.release")));
  choose (view, "Status", "Any Status");
  pv_test_wait_until (numbers_ready, view);
  assert_selection_agrees (fixture, view, "+33180009998", holder);

  gtk_widget_activate_action (view, "numbers.unassign", NULL);
  g_assert_true (pv_numbers_view_get_busy (PV_NUMBERS_VIEW (view)));
  pv_test_wait_until (numbers_ready, view);
  assert_selection_agrees (fixture, view, "+33180009998", NULL);

  pv_numbers_view_assign_to (PV_NUMBERS_VIEW (view), ready);
  g_assert_true (pv_numbers_view_get_busy (PV_NUMBERS_VIEW (view)));
  pv_test_wait_until (numbers_ready, view);
  g_assert_null (pv_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  assert_selection_agrees (fixture, view, "+33180009998", ready);

  close_view (window);
}

static void
test_emergency_address (PvManageFixture *fixture,
                        gconstpointer    data)
{
  static const struct {
    const char *description, *street, *city, *postal_code, *country;
    const char *problem;
  } cases[] = {
    { NULL, "rue de la Paix", "Paris", "75002", "FR", "description" },
    { "Siège", "  ", "Paris", "75002", "FR", "street" },
    { "Siège", "rue de la Paix", NULL, "75002", "FR", "city" },
    { "Siège", "rue de la Paix", "Paris", "75002", NULL, "country" },
    { "Siège", "rue de la Paix", "Paris", "75002", "XX", "country" },
    { "Siège", "rue de la Paix", "Paris", "75@02", "FR", "postal code" },
    { "Siège", "rue de la Paix", "Paris", "SW1A 1AA 12345", "GB", "at most" },
    { "Siège", "rue de la Paix", "Paris", "75002", "FR", NULL },
  };
  GtkWindow *window;
  GtkWidget *view;
  AdwMessageDialog *dialog;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PvEmergencyAddress) address = pv_emergency_address_new ();
      g_autofree char *problem = NULL;

      pv_emergency_address_set_description (address, cases[i].description);
      pv_emergency_address_set_street_name (address, cases[i].street);
      pv_emergency_address_set_city (address, cases[i].city);
      pv_emergency_address_set_postal_code (address, cases[i].postal_code);
      pv_emergency_address_set_country_code (address, cases[i].country);
      problem = pv_emergency_address_check (address);
      if (cases[i].problem == NULL)
        g_assert_null (problem);
      else
        g_assert_nonnull (strstr (problem, cases[i].problem));
    }

  /* A number of an operator that locks addresses: explained, no choice. */
  view = open_view (fixture, &window);
  g_assert_true (pv_numbers_view_select (PV_NUMBERS_VIEW (view), "+49309000000"));
  gtk_widget_activate_action (view, "numbers.emergency-address", NULL);
  dialog = pv_manage_wait_message ();
  g_assert_false (adw_message_dialog_has_response (dialog, "save"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "only the operator can change"));
  pv_manage_respond (dialog, "close");

  /* An Orange number: the admin picks among the tenant's addresses. */
  g_assert_true (pv_numbers_view_select (PV_NUMBERS_VIEW (view), "+33180000002"));
  gtk_widget_activate_action (view, "numbers.emergency-address", NULL);
  dialog = pv_manage_wait_message ();
  g_assert_true (adw_message_dialog_has_response (dialog, "save"));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog)), 2);
  pv_manage_respond (dialog, "save");
  pv_test_wait_until (numbers_ready, view);
  {
    PvNumbersModel *model = pv_numbers_view_get_model (PV_NUMBERS_VIEW (view));
    g_autoptr(PvEmergencyAddress) chosen = g_list_model_get_item (pv_numbers_model_get_addresses (model), 2);
    g_autoptr(GListStore) numbers = pv_manage_list_numbers (fixture->client, "orange-business", "FR");

    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (numbers)); i++)
      {
        g_autoptr(PvPhoneNumber) number = g_list_model_get_item (G_LIST_MODEL (numbers), i);

        if (g_str_equal (pv_phone_number_get_telephone_number (number), "+33180000002"))
          g_assert_cmpstr (pv_phone_number_get_emergency_location_id (number), ==,
                           pv_emergency_address_get_id (chosen));
      }
  }

  close_view (window);
}

int
main (int   argc,
      char *argv[])
{
  pv_test_init (&argc, &argv);

  g_test_add ("/manage-numbers/filters-and-search", PvManageFixture, NULL,
              pv_manage_fixture_set_up, test_filters_and_search, pv_manage_fixture_tear_down);
  g_test_add ("/manage-numbers/search-while-loading", PvManageFixture, NULL,
              pv_manage_fixture_set_up, test_search_while_loading, pv_manage_fixture_tear_down);
  g_test_add ("/manage-numbers/release-assigned", PvManageFixture, NULL,
              pv_manage_fixture_set_up, test_release_assigned, pv_manage_fixture_tear_down);
  g_test_add ("/manage-numbers/assign-checks", PvManageFixture, NULL,
              pv_manage_fixture_set_up, test_assign_checks, pv_manage_fixture_tear_down);
  g_test_add ("/manage-numbers/select-unassign-assign", PvManageFixture, NULL,
              pv_manage_fixture_set_up, test_select_unassign_assign, pv_manage_fixture_tear_down);
  g_test_add ("/manage-numbers/emergency-address", PvManageFixture, NULL,
              pv_manage_fixture_set_up, test_emergency_address, pv_manage_fixture_tear_down);

  return g_test_run ();
}
