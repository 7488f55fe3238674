/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pv-manage-test.h"
#include "pv-test-util.h"
#include "pv-voice-calls.h"

void
pv_manage_fixture_set_up (PvManageFixture *fixture,
                          gconstpointer    data)
{
  pv_service_fixture_open (fixture, "provisio-manage-XXXXXX");
  pv_sandbox_server_set_operation_delay (fixture->server, 20);
  pv_service_fixture_start (fixture, FALSE);
}

void
pv_manage_fixture_tear_down (PvManageFixture *fixture,
                             gconstpointer    data)
{
  pv_service_fixture_close (fixture);
}

static gboolean
message_shown (gpointer data)
{
  return pv_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

AdwMessageDialog *
pv_manage_wait_message (void)
{
  pv_test_wait_until (message_shown, NULL);
  return ADW_MESSAGE_DIALOG (pv_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

/* What a click on a response button does. */
void
pv_manage_respond (AdwMessageDialog *dialog,
                   const char       *response)
{
  g_assert_true (adw_message_dialog_has_response (dialog, response));
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, response));
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  pv_test_iterate ();
}

/* The tenant's numbers as the service has them now. */
GListStore *
pv_manage_list_numbers (PvServiceClient *client,
                        const char      *operator_id,
                        const char      *country)
{
  g_autoptr(GListStore) numbers = g_list_store_new (PV_TYPE_PHONE_NUMBER);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  PvNumberFilter filter;

  pv_number_filter_init (&filter);
  filter.operator_id = operator_id;
  filter.country_code = country;
  pv_service_client_list_numbers_async (client, &filter, 0, numbers, NULL, pv_test_store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (pv_service_client_list_numbers_finish (client, result, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&numbers);
}
