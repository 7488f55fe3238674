/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pv-assistant.h"
#include "pv-test-flow.h"
#include "pv-test-util.h"
#include "pv-window.h"

/* Runs with LANGUAGE=fr and the translations of the build tree: the
 * interface must come up in French, not in a mix of both. */

static gboolean
match_label_text (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

static void
test_start_page_in_french (void)
{
  PvWindow *window = g_object_ref (pv_window_new (NULL));
  GtkWidget *start_page = pv_window_get_start_page (window);

  g_assert_cmpstr (_("Welcome to Provisio"), !=, "Welcome to Provisio");
  g_assert_nonnull (pv_test_find_widget (start_page, match_label_text, _("Welcome to Provisio")));
  g_assert_null (pv_test_find_widget (start_page, match_label_text, "Welcome to Provisio"));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static void
test_wizard_frame_in_french (void)
{
  GtkWindow *window = GTK_WINDOW (g_object_ref (gtk_window_new ()));
  GtkWidget *assistant = pv_assistant_new (&pv_test_flow);
  g_autofree char *step = NULL;
  GtkWidget *cancel;

  gtk_window_set_child (window, assistant);
  step = pv_assistant_dup_step_label (PV_ASSISTANT (assistant));
  g_assert_cmpstr (step, ==, "Étape 1 sur 3");

  cancel = pv_test_find_button (assistant, "assistant.cancel");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (cancel)), ==, "_Annuler");

  gtk_window_destroy (window);
  g_assert_finalize_object (window);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "fr", TRUE);
  pv_test_init (&argc, &argv);

  g_test_add_func ("/french/start-page", test_start_page_in_french);
  g_test_add_func ("/french/wizard-frame", test_wizard_frame_in_french);

  return g_test_run ();
}
