/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "pv-assistant.h"
#include "pv-test-flow.h"
#include "pv-test-util.h"

typedef struct
{
  GtkWindow   *window;
  PvAssistant *assistant;
  guint        n_finished;
  gboolean     last_completed;
} Fixture;

static void
finished_cb (PvAssistant *assistant,
             gboolean     completed,
             Fixture     *fixture)
{
  fixture->n_finished++;
  fixture->last_completed = completed;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->window = GTK_WINDOW (gtk_window_new ());
  g_object_ref (fixture->window);
  fixture->assistant = PV_ASSISTANT (pv_assistant_new (&pv_test_flow));
  g_signal_connect (fixture->assistant, "finished", G_CALLBACK (finished_cb), fixture);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->assistant));
  gtk_window_present (fixture->window);
  pv_test_iterate ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWindow *dialog;

  while ((dialog = pv_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)))
    gtk_window_destroy (dialog);

  gtk_window_destroy (fixture->window);
  pv_test_iterate ();
  g_assert_finalize_object (fixture->window);
}

static GtkWidget *
button (Fixture    *fixture,
        const char *action)
{
  GtkWidget *widget = pv_test_find_button (GTK_WIDGET (fixture->assistant), action);

  g_assert_nonnull (widget);
  return widget;
}

static gboolean
button_usable (Fixture    *fixture,
               const char *action)
{
  GtkWidget *widget = button (fixture, action);

  return gtk_widget_get_visible (widget) && gtk_widget_is_sensitive (widget);
}

static void
assert_step (Fixture    *fixture,
             const char *expected)
{
  g_autofree char *label = pv_assistant_dup_step_label (fixture->assistant);

  g_assert_cmpstr (label, ==, expected);
}

static PvPage *
current (Fixture *fixture)
{
  return pv_assistant_get_current_page (fixture->assistant);
}

static void
go_to_apply_page (Fixture *fixture)
{
  PvTestEntryPage *entry_page = PV_TEST_ENTRY_PAGE (current (fixture));

  gtk_editable_set_text (pv_test_entry_page_get_entry (entry_page), "Jean Dupont");
  gtk_widget_activate_action (GTK_WIDGET (fixture->assistant), "assistant.next", NULL);
  pv_test_iterate ();
  g_assert_true (PV_IS_TEST_APPLY_PAGE (current (fixture)));
}

static gboolean
match_message_box (GtkWidget     *widget,
                   gconstpointer  data)
{
  return gtk_widget_has_css_class (widget, "pv-assistant-message");
}

static gboolean
message_shows (Fixture    *fixture,
               const char *text)
{
  GtkWidget *box = pv_test_find_widget (GTK_WIDGET (fixture->assistant), match_message_box, NULL);
  GtkWidget *label;

  g_assert_nonnull (box);
  label = pv_test_find_by_type (box, GTK_TYPE_LABEL);

  return gtk_widget_get_visible (box) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), text) == 0;
}

static void
test_pages_from_factories (Fixture       *fixture,
                           gconstpointer  data)
{
  /* The NULL factory dropped its step; the hidden page exists but is not
   * counted. */
  g_assert_cmpuint (pv_assistant_get_n_pages (fixture->assistant), ==, 4);
  g_assert_nonnull (pv_assistant_get_state (fixture->assistant));
  g_assert_true (PV_IS_TEST_ENTRY_PAGE (current (fixture)));
  assert_step (fixture, "Step 1 of 3");
}

static void
test_next_follows_complete (Fixture       *fixture,
                            gconstpointer  data)
{
  PvTestEntryPage *entry_page = PV_TEST_ENTRY_PAGE (current (fixture));
  GtkEditable *entry = pv_test_entry_page_get_entry (entry_page);

  /* Incomplete: Next is insensitive, does nothing, and the reason shows. */
  g_assert_false (button_usable (fixture, "assistant.next"));
  g_assert_true (message_shows (fixture, "Type a name to continue."));
  gtk_widget_activate_action (GTK_WIDGET (fixture->assistant), "assistant.next", NULL);
  pv_test_iterate ();
  g_assert_true (current (fixture) == PV_PAGE (entry_page));

  /* No Back on the first page. */
  g_assert_false (gtk_widget_get_visible (button (fixture, "assistant.back")));

  gtk_editable_set_text (entry, "Jean");
  g_assert_true (button_usable (fixture, "assistant.next"));
  g_assert_false (message_shows (fixture, "Type a name to continue."));

  gtk_editable_set_text (entry, "");
  g_assert_false (button_usable (fixture, "assistant.next"));
}

static void
test_next_skips_hidden_and_back_returns (Fixture       *fixture,
                                         gconstpointer  data)
{
  go_to_apply_page (fixture);
  assert_step (fixture, "Step 2 of 3");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button (fixture, "assistant.next"))), ==, "_Apply");
  g_assert_true (button_usable (fixture, "assistant.back"));

  gtk_widget_activate_action (GTK_WIDGET (fixture->assistant), "assistant.back", NULL);
  pv_test_iterate ();
  g_assert_true (PV_IS_TEST_ENTRY_PAGE (current (fixture)));
  /* What was typed is still there. */
  g_assert_cmpstr (gtk_editable_get_text (pv_test_entry_page_get_entry (PV_TEST_ENTRY_PAGE (current (fixture)))),
                   ==, "Jean Dupont");
}

static void
test_hidden_page_shown_counts (Fixture       *fixture,
                               gconstpointer  data)
{
  PvPage *hidden = pv_assistant_get_page (fixture->assistant, 1);

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (hidden)));
  gtk_widget_set_visible (GTK_WIDGET (hidden), TRUE);
  assert_step (fixture, "Step 1 of 4");

  /* Navigation now stops on it. */
  gtk_editable_set_text (pv_test_entry_page_get_entry (PV_TEST_ENTRY_PAGE (current (fixture))), "Jean");
  gtk_widget_activate_action (GTK_WIDGET (fixture->assistant), "assistant.next", NULL);
  pv_test_iterate ();
  g_assert_true (current (fixture) == hidden);
  assert_step (fixture, "Step 2 of 4");
}

static void
test_apply_success (Fixture       *fixture,
                    gconstpointer  data)
{
  PvTestApplyPage *page;

  go_to_apply_page (fixture);
  page = PV_TEST_APPLY_PAGE (current (fixture));

  gtk_widget_activate_action (GTK_WIDGET (fixture->assistant), "assistant.next", NULL);
  pv_test_iterate ();

  /* While the page applies, the user can neither move nor edit, only
   * cancel, and a spinner says something is happening. */
  g_assert_true (pv_test_apply_page_is_pending (page));
  g_assert_true (pv_assistant_get_applying (fixture->assistant));
  g_assert_false (button_usable (fixture, "assistant.next"));
  g_assert_false (button_usable (fixture, "assistant.back"));
  g_assert_true (button_usable (fixture, "assistant.cancel"));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (page)));
  g_assert_true (gtk_widget_get_visible (pv_test_find_by_type (GTK_WIDGET (fixture->assistant),
                                                               GTK_TYPE_SPINNER)));

  /* A second Next while applying does not start a second apply. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->assistant), "assistant.next", NULL);
  g_assert_cmpuint (pv_test_apply_page_get_n_applies (page), ==, 1);

  pv_test_apply_page_finish_pending (page, NULL);
  pv_test_iterate ();

  g_assert_false (pv_assistant_get_applying (fixture->assistant));
  g_assert_true (PV_IS_TEST_PLAIN_PAGE (current (fixture)));
  assert_step (fixture, "Step 3 of 3");

  /* The final page: no way back, no Cancel, Next says Done. */
  g_assert_false (gtk_widget_get_visible (button (fixture, "assistant.back")));
  g_assert_false (gtk_widget_get_visible (button (fixture, "assistant.cancel")));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button (fixture, "assistant.next"))), ==, "_Done");

  g_assert_cmpuint (fixture->n_finished, ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (fixture->assistant), "assistant.next", NULL);
  pv_test_iterate ();
  g_assert_cmpuint (fixture->n_finished, ==, 1);
  g_assert_true (fixture->last_completed);
}

static void
test_apply_failure_stays (Fixture       *fixture,
                          gconstpointer  data)
{
  PvTestApplyPage *page;
  g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED,
                                                 "The pool is not reachable.");

  go_to_apply_page (fixture);
  page = PV_TEST_APPLY_PAGE (current (fixture));

  gtk_widget_activate_action (GTK_WIDGET (fixture->assistant), "assistant.next", NULL);
  pv_test_iterate ();
  pv_test_apply_page_finish_pending (page, error);
  pv_test_iterate ();

  g_assert_true (current (fixture) == PV_PAGE (page));
  g_assert_false (pv_assistant_get_applying (fixture->assistant));
  g_assert_true (message_shows (fixture, "The pool is not reachable."));
  g_assert_true (button_usable (fixture, "assistant.next"));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (page)));

  /* Trying again works and clears the error. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->assistant), "assistant.next", NULL);
  pv_test_iterate ();
  g_assert_false (message_shows (fixture, "The pool is not reachable."));
  pv_test_apply_page_finish_pending (page, NULL);
  pv_test_iterate ();
  g_assert_true (PV_IS_TEST_PLAIN_PAGE (current (fixture)));
}

static gboolean
not_applying (gpointer data)
{
  Fixture *fixture = data;

  return !pv_assistant_get_applying (fixture->assistant);
}

static void
test_cancel_during_apply (Fixture       *fixture,
                          gconstpointer  data)
{
  PvTestApplyPage *page;

  go_to_apply_page (fixture);
  page = PV_TEST_APPLY_PAGE (current (fixture));
  gtk_widget_activate_action (GTK_WIDGET (fixture->assistant), "assistant.next", NULL);
  pv_test_iterate ();
  g_assert_true (pv_assistant_get_applying (fixture->assistant));

  /* Cancel stops the step, not the wizard, and is not reported as an
   * error. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->assistant), "assistant.cancel", NULL);
  pv_test_wait_until (not_applying, fixture);
  g_assert_false (pv_test_apply_page_is_pending (page));
  g_assert_true (current (fixture) == PV_PAGE (page));
  g_assert_cmpuint (fixture->n_finished, ==, 0);
  g_assert_null (pv_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_true (button_usable (fixture, "assistant.next"));
}

static void
test_cancel_unmodified_leaves_at_once (Fixture       *fixture,
                                       gconstpointer  data)
{
  gtk_widget_activate_action (GTK_WIDGET (fixture->assistant), "assistant.cancel", NULL);
  pv_test_iterate ();

  g_assert_null (pv_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpuint (fixture->n_finished, ==, 1);
  g_assert_false (fixture->last_completed);
}

static void
test_cancel_modified_asks (Fixture       *fixture,
                           gconstpointer  data)
{
  AdwMessageDialog *dialog;

  gtk_editable_set_text (pv_test_entry_page_get_entry (PV_TEST_ENTRY_PAGE (current (fixture))), "Jean");
  g_assert_true (pv_assistant_get_modified (fixture->assistant));

  gtk_widget_activate_action (GTK_WIDGET (fixture->assistant), "assistant.cancel", NULL);
  pv_test_iterate ();
  dialog = ADW_MESSAGE_DIALOG (pv_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpuint (fixture->n_finished, ==, 0);
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "keep");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "discard"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);

  /* Keeping on editing loses nothing. */
  adw_message_dialog_response (dialog, "keep");
  gtk_window_destroy (GTK_WINDOW (dialog));
  pv_test_iterate ();
  g_assert_cmpuint (fixture->n_finished, ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (pv_test_entry_page_get_entry (PV_TEST_ENTRY_PAGE (current (fixture)))),
                   ==, "Jean");

  gtk_widget_activate_action (GTK_WIDGET (fixture->assistant), "assistant.cancel", NULL);
  pv_test_iterate ();
  dialog = ADW_MESSAGE_DIALOG (pv_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  gtk_window_destroy (GTK_WINDOW (dialog));
  pv_test_iterate ();
  g_assert_cmpuint (fixture->n_finished, ==, 1);
  g_assert_false (fixture->last_completed);
}

static void
test_enter_in_entry_moves_on (Fixture       *fixture,
                             gconstpointer  data)
{
  /* Enter in a page's entry moves the wizard on once the page is complete. */
  PvTestEntryPage *entry_page = PV_TEST_ENTRY_PAGE (current (fixture));
  GtkEditable *entry = pv_test_entry_page_get_entry (entry_page);

  g_signal_emit_by_name (entry, "activate");
  pv_test_iterate ();
  g_assert_true (current (fixture) == PV_PAGE (entry_page));

  gtk_editable_set_text (entry, "Jean");
  g_signal_emit_by_name (entry, "activate");
  pv_test_iterate ();
  g_assert_true (PV_IS_TEST_APPLY_PAGE (current (fixture)));
}

static const char *
action_for_trigger (PvAssistant *assistant,
                    const char  *accelerator)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (assistant));
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accelerator);

  g_assert_nonnull (wanted);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted) &&
              GTK_IS_NAMED_ACTION (action))
            return gtk_named_action_get_action_name (GTK_NAMED_ACTION (action));
        }
    }

  return NULL;
}

static void
test_keyboard_bindings (Fixture       *fixture,
                        gconstpointer  data)
{
  /* The keys a keyboard user relies on are bound to the same actions as
   * the header's buttons, so they follow the same sensitivity. */
  g_assert_cmpstr (action_for_trigger (fixture->assistant, "Return"), ==, "assistant.next");
  g_assert_cmpstr (action_for_trigger (fixture->assistant, "KP_Enter"), ==, "assistant.next");
  g_assert_cmpstr (action_for_trigger (fixture->assistant, "Escape"), ==, "assistant.cancel");
  g_assert_cmpstr (action_for_trigger (fixture->assistant, "<Alt>Left"), ==, "assistant.back");
}

static void
test_destroy_while_applying (Fixture       *fixture,
                             gconstpointer  data)
{
  go_to_apply_page (fixture);
  gtk_widget_activate_action (GTK_WIDGET (fixture->assistant), "assistant.next", NULL);
  pv_test_iterate ();
  g_assert_true (pv_assistant_get_applying (fixture->assistant));
  /* Tear-down destroys the window with the apply pending: nothing may
   * crash or leak. */
}

int
main (int   argc,
      char *argv[])
{
  pv_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/assistant/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("pages-from-factories", test_pages_from_factories);
  ADD ("next-follows-complete", test_next_follows_complete);
  ADD ("next-skips-hidden-and-back-returns", test_next_skips_hidden_and_back_returns);
  ADD ("hidden-page-shown-counts", test_hidden_page_shown_counts);
  ADD ("apply-success", test_apply_success);
  ADD ("apply-failure-stays", test_apply_failure_stays);
  ADD ("cancel-during-apply", test_cancel_during_apply);
  ADD ("cancel-unmodified-leaves-at-once", test_cancel_unmodified_leaves_at_once);
  ADD ("cancel-modified-asks", test_cancel_modified_asks);
  ADD ("enter-in-entry-moves-on", test_enter_in_entry_moves_on);
  ADD ("destroy-while-applying", test_destroy_while_applying);
  ADD ("keyboard-bindings", test_keyboard_bindings);

  return g_test_run ();
}
