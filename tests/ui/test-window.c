/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "pv-application.h"
#include "pv-assistant.h"
#include "pv-language.h"
#include "pv-preferences-window.h"
#include "pv-run-row.h"
#include "pv-start-page.h"
#include "pv-test-flow.h"
#include "pv-flow.h"
#include "pv-test-util.h"
#include "pv-window.h"

static const PvFlowInfo *const test_flows[] = { &pv_test_flow, NULL };
static char *scratch;

static void
reset_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (PV_SETTINGS_SCHEMA_ID);

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  g_settings_reset (settings, "window-maximized");
  g_settings_reset (settings, "language");
}

static void
destroy_and_finalize (GtkWindow *window)
{
  gtk_window_destroy (window);
  pv_test_iterate ();
  g_assert_finalize_object (window);
}

static gboolean
match_label_text (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

static void
test_start_page_offers_registered_flows (void)
{
  static const PvFlowInfo *const no_flows[] = { NULL };
  PvWindow *window = g_object_ref (pv_window_new (NULL));
  PvStartPage *start_page = PV_START_PAGE (pv_window_get_start_page (window));
  const PvFlowInfo *const *registered = pv_flows_get_registered ();
  GtkStack *stack;
  guint n_registered = 0;

  gtk_window_present (GTK_WINDOW (window));
  pv_test_iterate ();

  /* The registered flows, from the one table. */
  while (registered[n_registered] != NULL)
    n_registered++;
  g_assert_cmpuint (n_registered, >=, 4);
  g_assert_cmpuint (pv_start_page_get_n_flows (start_page), ==, n_registered);
  g_assert_nonnull (pv_test_find_widget (GTK_WIDGET (start_page), match_label_text, "Welcome to Provisio"));
  stack = GTK_STACK (pv_test_find_by_type (GTK_WIDGET (start_page), GTK_TYPE_STACK));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "flows");

  /* With none, the page explains what Provisio is for, offering nothing. */
  pv_window_set_flows (window, no_flows);
  g_assert_cmpuint (pv_start_page_get_n_flows (start_page), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "intro");
  g_assert_nonnull (pv_test_find_widget (GTK_WIDGET (start_page), match_label_text, "What Provisio Is For"));
  g_assert_null (pv_window_get_assistant (window));

  destroy_and_finalize (GTK_WINDOW (window));
}

static void
test_start_page_starts_flow (void)
{
  PvWindow *window = g_object_ref (pv_window_new (NULL));
  PvStartPage *start_page = PV_START_PAGE (pv_window_get_start_page (window));
  GtkWidget *row;
  GtkWidget *assistant;

  pv_window_set_flows (window, test_flows);
  gtk_window_present (GTK_WINDOW (window));
  pv_test_iterate ();

  g_assert_cmpuint (pv_start_page_get_n_flows (start_page), ==, 1);
  row = pv_test_find_by_type (GTK_WIDGET (start_page), ADW_TYPE_ACTION_ROW);
  while (row != NULL && !gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)))
    row = NULL;
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Test flow");

  /* Activating the row is what a click or Enter does. */
  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  pv_test_iterate ();
  assistant = pv_window_get_assistant (window);
  g_assert_true (PV_IS_ASSISTANT (assistant));
  g_assert_true (gtk_widget_get_mapped (assistant));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (start_page)));

  /* Cancelling an untouched wizard returns to the start page. */
  g_object_add_weak_pointer (G_OBJECT (assistant), (gpointer *) &assistant);
  gtk_widget_activate_action (assistant, "assistant.cancel", NULL);
  pv_test_iterate ();
  g_assert_null (pv_window_get_assistant (window));
  g_assert_null (assistant);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (start_page)));

  destroy_and_finalize (GTK_WINDOW (window));
}

static GObject *
create_state (void)
{
  return g_object_new (G_TYPE_OBJECT, NULL);
}

static GObject *
create_resume_state (const char *journal_path,
                     PvRunState *run)
{
  return g_object_new (G_TYPE_OBJECT, NULL);
}

static const PvFlowInfo resumable_flow = {
  .id = "test",
  .title = "Test flow",
  .description = "A flow whose runs can be resumed",
  .icon_name = "applications-system-symbolic",
  .create_state = create_state,
  .pages = NULL,
  .create_resume_state = create_resume_state,
};

static void
runs_listed_cb (PvStartPage *start_page,
                GArray      *listed)
{
  guint n_runs = pv_start_page_get_n_runs (start_page);

  g_array_append_val (listed, n_runs);
}

static gboolean
match_trash_button (GtkWidget     *widget,
                    gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "user-trash-symbolic") == 0;
}

static gboolean
listed_once (gpointer data)
{
  return ((GArray *) data)->len > 0;
}

/* The page lists the runs again each time it is shown, replacing the
 * listing under way: what it then reports is the newer listing, never
 * the empty answer of the one it cut short. */
static void
test_start_page_lists_stopped_runs (void)
{
  static const PvFlowInfo *const flows[] = { &resumable_flow, NULL };
  PvWindow *window = g_object_ref (pv_window_new (NULL));
  PvStartPage *start_page = PV_START_PAGE (pv_window_get_start_page (window));
  g_autofree char *runs = g_build_filename (g_get_user_state_dir (), "provisio", "runs", NULL);
  g_autofree char *journal = g_build_filename (runs, "stopped.jsonl", NULL);
  g_autoptr(GArray) listed = g_array_new (FALSE, FALSE, sizeof (guint));
  GtkWidget *resume;
  GtkWidget *discard;
  GtkWidget *row;

  g_assert_cmpint (g_mkdir_with_parents (runs, 0700), ==, 0);
  g_assert_true (g_file_set_contents (journal,
                                      "{\"event\":\"run\",\"run\":\"stopped\",\"flow\":\"test\",\"items\":2,\"time\":5,\"plan\":{}}\n"
                                      "{\"event\":\"end\",\"cancelled\":true,\"time\":6}\n",
                                      -1, NULL));
  g_signal_connect (start_page, "runs-listed", G_CALLBACK (runs_listed_cb), listed);

  /* Setting the flows lists once; the refresh replaces that listing. */
  pv_window_set_flows (window, flows);
  pv_start_page_refresh_runs (start_page);
  gtk_window_present (GTK_WINDOW (window));
  pv_test_wait_until (listed_once, listed);
  pv_test_iterate ();
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpuint (g_array_index (listed, guint, 0), ==, 1);
  /* A screen reader names the button after what it resumes, once: not
   * after the row's title alone, which the row makes it labelled by. */
  resume = gtk_widget_get_ancestor (pv_test_find_widget (GTK_WIDGET (start_page), match_label_text, "Resume"),
                                    GTK_TYPE_BUTTON);
  g_assert_false (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (resume), GTK_ACCESSIBLE_RELATION_LABELLED_BY));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (resume), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Resume the unfinished run of “Test flow”");
  /* The row's other controls say what they act on, and its icon where
   * the run stands. */
  discard = pv_test_find_widget (GTK_WIDGET (start_page), match_trash_button, NULL);
  g_assert_nonnull (discard);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (discard), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Discard the run of “Test flow”");
  row = gtk_widget_get_ancestor (resume, PV_TYPE_RUN_ROW);
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Stopped"));

  /* Gone from the disk, gone from the page. */
  g_assert_cmpint (g_remove (journal), ==, 0);
  g_array_set_size (listed, 0);
  pv_start_page_refresh_runs (start_page);
  pv_test_wait_until (listed_once, listed);
  g_assert_cmpuint (g_array_index (listed, guint, 0), ==, 0);

  g_signal_handlers_disconnect_by_data (start_page, listed);
  destroy_and_finalize (GTK_WINDOW (window));
}

static gboolean
match_run_row (GtkWidget     *widget,
               gconstpointer  data)
{
  return PV_IS_RUN_ROW (widget);
}

/* A run whose flow waits for something (an operator's upload) is neither
 * finished nor stopped: the history says what it waits for, and does not
 * offer to resume it. */
static void
test_start_page_shows_waiting_runs (void)
{
  static const PvFlowInfo *const flows[] = { &resumable_flow, NULL };
  PvWindow *window = g_object_ref (pv_window_new (NULL));
  PvStartPage *start_page = PV_START_PAGE (pv_window_get_start_page (window));
  g_autofree char *runs = g_build_filename (g_get_user_state_dir (), "provisio", "runs", NULL);
  g_autofree char *journal = g_build_filename (runs, "waiting.jsonl", NULL);
  g_autoptr(GArray) listed = g_array_new (FALSE, FALSE, sizeof (guint));
  GtkWidget *row;

  g_assert_cmpint (g_mkdir_with_parents (runs, 0700), ==, 0);
  g_assert_true (g_file_set_contents (journal,
                                      "{\"event\":\"run\",\"run\":\"waiting\",\"flow\":\"test\",\"items\":1,\"time\":5,\"plan\":{}}\n"
                                      "{\"event\":\"started\",\"item\":\"a\",\"step\":0,\"time\":5}\n"
                                      "{\"event\":\"finished\",\"step\":0,\"final\":true,\"result\":{\"item\":\"a\",\"status\":\"done\"},\"time\":5}\n"
                                      "{\"event\":\"end\",\"cancelled\":false,\"waiting\":\"The operator’s upload\",\"time\":6}\n",
                                      -1, NULL));
  g_signal_connect (start_page, "runs-listed", G_CALLBACK (runs_listed_cb), listed);
  pv_window_set_flows (window, flows);
  pv_start_page_refresh_runs (start_page);
  gtk_window_present (GTK_WINDOW (window));
  pv_test_wait_until (listed_once, listed);
  pv_test_iterate ();

  g_assert_cmpuint (pv_start_page_get_n_runs (start_page), ==, 1);
  g_assert_cmpuint (pv_start_page_get_n_resumable (start_page), ==, 0);
  row = pv_test_find_widget (GTK_WIDGET (start_page), match_run_row, NULL);
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Waiting: The operator’s upload"));
  g_assert_false (pv_run_row_get_resumable (PV_RUN_ROW (row)));

  g_assert_cmpint (g_remove (journal), ==, 0);
  g_signal_handlers_disconnect_by_data (start_page, listed);
  destroy_and_finalize (GTK_WINDOW (window));
}

static gboolean
window_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
test_close_asks_while_wizard_holds_data (void)
{
  PvWindow *window = pv_window_new (NULL);
  GtkWidget *assistant;
  AdwMessageDialog *dialog;
  PvPage *page;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_present (GTK_WINDOW (window));
  assistant = pv_window_start_flow (window, &pv_test_flow);
  page = pv_assistant_get_current_page (PV_ASSISTANT (assistant));
  gtk_editable_set_text (pv_test_entry_page_get_entry (PV_TEST_ENTRY_PAGE (page)), "Jean");
  pv_test_iterate ();

  /* Closing asks, and keeping on editing keeps the window. */
  gtk_window_close (GTK_WINDOW (window));
  pv_test_iterate ();
  dialog = ADW_MESSAGE_DIALOG (pv_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "keep");
  gtk_window_destroy (GTK_WINDOW (dialog));
  pv_test_iterate ();
  g_assert_nonnull (window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  /* Discarding closes it. */
  gtk_window_close (GTK_WINDOW (window));
  pv_test_iterate ();
  dialog = ADW_MESSAGE_DIALOG (pv_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  gtk_window_destroy (GTK_WINDOW (dialog));
  pv_test_wait_until (window_gone, &window);
}

static void
test_close_without_data_does_not_ask (void)
{
  PvWindow *window = pv_window_new (NULL);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_present (GTK_WINDOW (window));
  pv_window_start_flow (window, &pv_test_flow);
  pv_test_iterate ();

  gtk_window_close (GTK_WINDOW (window));
  pv_test_wait_until (window_gone, &window);
  g_assert_null (pv_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

static void
test_window_size_restored (void)
{
  g_autoptr(GSettings) settings = g_settings_new (PV_SETTINGS_SCHEMA_ID);
  PvWindow *window;
  int width, height;

  reset_settings ();
  g_settings_set_int (settings, "window-width", 1000);
  g_settings_set_int (settings, "window-height", 650);

  window = g_object_ref (pv_window_new (NULL));
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1000);
  g_assert_cmpint (height, ==, 650);

  /* The size is saved when the window closes. */
  gtk_window_set_default_size (GTK_WINDOW (window), 820, 610);
  gtk_window_present (GTK_WINDOW (window));
  pv_test_iterate ();
  gtk_window_close (GTK_WINDOW (window));
  pv_test_iterate ();
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 820);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 610);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
  g_assert_finalize_object (window);

  reset_settings ();
}

static void
test_preferences_language (void)
{
  g_autoptr(GSettings) settings = g_settings_new (PV_SETTINGS_SCHEMA_ID);
  GtkWidget *preferences;
  AdwComboRow *row;
  char *language;

  reset_settings ();
  preferences = g_object_ref (pv_preferences_window_new (NULL));
  row = ADW_COMBO_ROW (pv_test_find_by_type (preferences, ADW_TYPE_COMBO_ROW));
  g_assert_nonnull (row);
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);

  adw_combo_row_set_selected (row, 2);
  language = g_settings_get_string (settings, "language");
  g_assert_cmpstr (language, ==, "fr");
  g_free (language);
  adw_combo_row_set_selected (row, 1);
  language = g_settings_get_string (settings, "language");
  g_assert_cmpstr (language, ==, "en");
  g_free (language);

  g_settings_set_string (settings, "language", "");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);

  /* The preference says when it applies. */
  g_assert_nonnull (pv_test_find_by_type (preferences, ADW_TYPE_PREFERENCES_GROUP));
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (pv_test_find_by_type (preferences, ADW_TYPE_PREFERENCES_GROUP))),
                   ==, "Provisio uses the chosen language the next time it starts.");

  destroy_and_finalize (GTK_WINDOW (preferences));
  reset_settings ();
}

static void
test_language_from_preference (void)
{
  g_assert_null (pv_language_from_preference ("", NULL));
  g_assert_null (pv_language_from_preference (NULL, "fr"));
  g_assert_cmpstr (pv_language_from_preference ("fr", NULL), ==, "fr");
  g_assert_cmpstr (pv_language_from_preference ("en", "fr:en"), ==, "en");
  g_assert_null (pv_language_from_preference ("fr", "fr"));
  /* A value edited by hand into an unknown language is ignored. */
  g_assert_null (pv_language_from_preference ("de", NULL));
  g_assert_null (pv_language_from_preference ("fr; rm -rf /", NULL));
}

typedef struct
{
  gboolean checked;
} AppCheck;

static void
check_accels (GtkApplication *application,
              const char     *action,
              const char     *accel)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (application, action);

  g_assert_true (g_strv_contains ((const char *const *) accels, accel));
}

static void
application_activate_cb (GApplication *application,
                         AppCheck     *check)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));
  GtkWindow *about;
  GtkWindow *preferences;

  g_assert_true (PV_IS_WINDOW (window));

  check_accels (GTK_APPLICATION (application), "app.quit", "<Control>q");
  check_accels (GTK_APPLICATION (application), "window.close", "<Control>w");
  check_accels (GTK_APPLICATION (application), "app.preferences", "<Control>comma");

  /* The shortcuts window comes from gtk/help-overlay.ui in the resources. */
  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_nonnull (g_action_map_lookup_action (G_ACTION_MAP (window), "show-help-overlay"));

  about = pv_application_show_about (PV_APPLICATION (application));
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==, GTK_LICENSE_GPL_3_0);
  g_assert_cmpstr (adw_about_window_get_website (ADW_ABOUT_WINDOW (about)), ==, "https://github.com/provisio/provisio");
  g_assert_nonnull (adw_about_window_get_translator_credits (ADW_ABOUT_WINDOW (about)));
  g_assert_true (gtk_window_get_transient_for (about) == window);
  gtk_window_destroy (about);

  preferences = pv_application_show_preferences (PV_APPLICATION (application));
  g_assert_true (PV_IS_PREFERENCES_WINDOW (preferences));
  g_assert_true (gtk_window_get_transient_for (preferences) == window);
  gtk_window_destroy (preferences);

  check->checked = TRUE;

  /* Quitting closes the windows, which ends the application. */
  g_action_group_activate_action (G_ACTION_GROUP (application), "quit", NULL);
}

static void
test_application (void)
{
  g_autoptr(PvApplication) application = pv_application_new ();
  AppCheck check = { FALSE };
  int status;

  g_assert_cmpstr (g_application_get_application_id (G_APPLICATION (application)), ==, APP_ID);
  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (application, "activate", G_CALLBACK (application_activate_cb), &check);

  status = g_application_run (G_APPLICATION (application), 0, NULL);

  g_assert_cmpint (status, ==, 0);
  g_assert_true (check.checked);
  g_assert_null (gtk_application_get_active_window (GTK_APPLICATION (application)));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *state = NULL;
  int status;

  /* Private journals, not the user's: set before GLib reads them. */
  scratch = g_dir_make_tmp ("provisio-window-XXXXXX", &error);
  g_assert_no_error (error);
  state = g_build_filename (scratch, "state", NULL);
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  /* Accessible names are checked here: GTK keeps them for tests without
   * an accessibility bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);

  pv_test_init (&argc, &argv);

  g_test_add_func ("/window/start-page-offers-registered-flows", test_start_page_offers_registered_flows);
  g_test_add_func ("/window/start-page-starts-flow", test_start_page_starts_flow);
  g_test_add_func ("/window/start-page-lists-stopped-runs", test_start_page_lists_stopped_runs);
  g_test_add_func ("/window/start-page-shows-waiting-runs", test_start_page_shows_waiting_runs);
  g_test_add_func ("/window/close-asks-while-wizard-holds-data", test_close_asks_while_wizard_holds_data);
  g_test_add_func ("/window/close-without-data-does-not-ask", test_close_without_data_does_not_ask);
  g_test_add_func ("/window/size-restored", test_window_size_restored);
  g_test_add_func ("/window/preferences-language", test_preferences_language);
  g_test_add_func ("/window/language-from-preference", test_language_from_preference);
  g_test_add_func ("/window/application", test_application);
  status = g_test_run ();

  pv_test_remove_tree (scratch);
  g_free (scratch);
  return status;
}
