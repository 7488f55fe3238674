/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pv-application.h"
#include "pv-test-flow.h"
#include "pv-test-util.h"
#include "pv-window.h"

/* Provisio as it runs, with the test-only flow on its start page, for
 * tests that drive it from outside through the accessibility tree. With
 * PROVISIO_TEST_REAL_FLOWS set, the start page keeps the real flows, on
 * the embedded sandbox tenant. */

static const PvFlowInfo *const test_flows[] = { &pv_test_flow, NULL };

static void
window_added_cb (GtkApplication *application,
                 GtkWindow      *window)
{
  if (PV_IS_WINDOW (window) && g_getenv ("PROVISIO_TEST_REAL_FLOWS") == NULL)
    pv_window_set_flows (PV_WINDOW (window), test_flows);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PvApplication) application = NULL;

  pv_test_setup_translations ();

  application = pv_application_new ();
  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  g_signal_connect (application, "window-added", G_CALLBACK (window_added_cb), NULL);

  return g_application_run (G_APPLICATION (application), argc, argv);
}
