/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "pv-licence-sku.h"
#include "pv-sandbox-server.h"
#include "pv-service-error.h"
#include "pv-voice-calls.h"
#include "pv-voice-routing-policy.h"

/* The Operator Connect, numbers and emergency address calls against the
 * in-process sandbox tenant over loopback, on a fresh copy of the seed
 * tenant for each test; every change is read back from the tenant. */

#define CHLOE "8fc71796-820e-5607-94a7-57aa611f1a69"        /* TeamsOnly, Phone System, no number */
#define HELENE "f8b94c44-a02c-547e-b82e-7429c551dcdd"       /* holds +33180009998 */
#define EMILIE "e3e1ea56-24f9-5b45-b972-1cb0e2358791"       /* Islands */
#define NO_LICENCE "7965462f-5710-5bf1-8c11-3757a25e162d"   /* TeamsOnly, no Phone System */
#define ORANGE_ASSIGNED "+33180009998"
#define ORANGE_PENDING "+33180009999"
#define ORANGE_FREE "+33180000000"
#define DT_FREE "+49309000000"

/* How many writes met an unknown outcome and were checked: the fault
 * test must exercise that path, not only the client's own retries. */
static guint n_checked;

static GLogWriterOutput
count_checks (GLogLevelFlags   level,
              const GLogField *fields,
              gsize            n_fields,
              gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0 &&
        strstr (fields[i].value, "outcome unknown") != NULL)
      n_checked++;
  return g_log_writer_default (level, fields, n_fields, user_data);
}

typedef struct
{
  char            *dir;
  char            *state;
  PvSandboxServer *server;
  PvServiceClient *client;
} Fixture;

static void
start (Fixture    *fixture,
       const char *faults)
{
  g_autoptr(GError) error = NULL;

  fixture->server = pv_sandbox_server_new (fixture->state, PV_SANDBOX_SEED, &error);
  g_assert_no_error (error);
  if (faults != NULL)
    {
      g_autoptr(PvSandboxFaults) spec = pv_sandbox_faults_new (faults, &error);

      g_assert_no_error (error);
      pv_sandbox_server_set_faults (fixture->server, spec);
    }
  /* Short operations keep the tests quick; they are still polled. */
  pv_sandbox_server_set_operation_delay (fixture->server, 50);
  g_assert_true (pv_sandbox_server_start (fixture->server, 0, &error));
  g_assert_no_error (error);

  fixture->client = pv_service_client_new (pv_sandbox_server_get_base_url (fixture->server), NULL,
                                           &error);
  g_assert_no_error (error);
  pv_service_client_set_retry_limits (fixture->client, 10, 60 * G_USEC_PER_SEC,
                                      5 * G_TIME_SPAN_MILLISECOND);
}

static void
stop (Fixture *fixture)
{
  g_clear_object (&fixture->client);
  pv_sandbox_server_stop (fixture->server);
  g_clear_object (&fixture->server);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("provisio-voice-calls-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->state = g_build_filename (fixture->dir, "sandbox.db", NULL);
  start (fixture, data);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  stop (fixture);
  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->state);
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Runs the default context until the call started with &slot ends. */
static GAsyncResult *
wait (GAsyncResult **slot)
{
  g_clear_object (slot);
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static GListStore *
catalogue (Fixture            *fixture,
           const char         *region,
           PvOperatorServices  service)
{
  GListStore *store = g_list_store_new (PV_TYPE_OPERATOR);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  pv_service_client_list_operators_async (fixture->client, region, service, store, NULL,
                                          store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (pv_service_client_list_operators_finish (fixture->client, result, &error));
  g_assert_no_error (error);
  return store;
}

static PvOperator *
find_operator (Fixture    *fixture,
               const char *id)
{
  g_autoptr(GListStore) all = catalogue (fixture, NULL, PV_OPERATOR_SERVICE_NONE);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (all)); i++)
    {
      g_autoptr(PvOperator) op = g_list_model_get_item (G_LIST_MODEL (all), i);

      if (g_str_equal (pv_operator_get_id (op), id))
        return g_steal_pointer (&op);
    }
  g_assert_not_reached ();
}

static GListStore *
tenant_operators (Fixture *fixture)
{
  GListStore *store = g_list_store_new (PV_TYPE_TENANT_OPERATOR);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  pv_service_client_list_tenant_operators_async (fixture->client, store, NULL, store_result_cb,
                                                 &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (pv_service_client_list_tenant_operators_finish (fixture->client, result, &error));
  g_assert_no_error (error);
  return store;
}

static guint
count_tenant_operator (Fixture    *fixture,
                       const char *id)
{
  g_autoptr(GListStore) store = tenant_operators (fixture);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr(PvTenantOperator) op = g_list_model_get_item (G_LIST_MODEL (store), i);

      n += g_str_equal (pv_tenant_operator_get_operator_id (op), id);
    }
  return n;
}

static PvContactDetails *
contact (int company_size)
{
  PvContactDetails *details = pv_contact_details_new ();

  pv_contact_details_set_full_name (details, "Camille Administratrice");
  pv_contact_details_set_email (details, "camille.admin@contoso.com");
  pv_contact_details_set_company_size (details, company_size);
  pv_contact_details_set_phone (details, "+33123456700");
  return details;
}

static PvTenantOperator *
add_operator (Fixture             *fixture,
              const char          *id,
              const char * const  *countries,
              int                  company_size,
              gboolean             consent,
              GError             **error)
{
  g_autoptr(PvOperator) op = find_operator (fixture, id);
  g_autoptr(PvContactDetails) details = contact (company_size);
  g_autoptr(GAsyncResult) result = NULL;

  pv_service_client_add_operator_async (fixture->client, op, countries, details, consent, NULL,
                                        store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return pv_service_client_add_operator_finish (fixture->client, result, error);
}

static PvTenantOperator *
set_countries (Fixture             *fixture,
               const char          *id,
               const char * const  *countries,
               GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  pv_service_client_set_operator_countries_async (fixture->client, id, countries, NULL,
                                                  store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return pv_service_client_set_operator_countries_finish (fixture->client, result, error);
}

static PvPhoneNumber *
get_number (Fixture     *fixture,
            const char  *number,
            GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  pv_service_client_get_number_async (fixture->client, number, NULL, store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return pv_service_client_get_number_finish (fixture->client, result, error);
}

static gboolean
assign (Fixture       *fixture,
        const char    *number,
        const char    *user,
        PvNumberType   type,
        GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  pv_service_client_assign_number_async (fixture->client, number, user, type, NULL, NULL,
                                         store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return pv_service_client_assign_number_finish (fixture->client, result, error);
}

static gboolean
unassign (Fixture     *fixture,
          const char  *number,
          GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  pv_service_client_unassign_number_async (fixture->client, number,
                                           PV_NUMBER_TYPE_OPERATOR_CONNECT, NULL,
                                           store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return pv_service_client_unassign_number_finish (fixture->client, result, error);
}

static gboolean
release (Fixture     *fixture,
         const char  *number,
         GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  pv_service_client_release_number_async (fixture->client, number, NULL, store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return pv_service_client_release_number_finish (fixture->client, result, error);
}

static void
count_change (guint *n)
{
  (*n)++;
}

static GListStore *
list_numbers (Fixture              *fixture,
              const PvNumberFilter *filter,
              guint                 page_size,
              guint                *n_pages)
{
  GListStore *store = g_list_store_new (PV_TYPE_PHONE_NUMBER);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint changes = 0;

  /* One splice a page: the signals count the pages. */
  g_signal_connect_swapped (store, "items-changed", G_CALLBACK (count_change), &changes);
  pv_service_client_list_numbers_async (fixture->client, filter, page_size, store, NULL,
                                        store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (pv_service_client_list_numbers_finish (fixture->client, result, &error));
  g_assert_no_error (error);
  if (n_pages != NULL)
    *n_pages = changes;
  return store;
}

static void
assert_refused (const GError   *error,
                PvServiceError  code,
                const char     *service_code)
{
  g_assert_error (error, PV_SERVICE_ERROR, (gint) code);
  g_assert_cmpstr (pv_service_error_get_service_code (error), ==, service_code);
  /* The explanation is ours, not the service's English. */
  g_assert_null (strstr (error->message, "The service said"));
  g_test_message ("%s: %s", service_code, error->message);
}

/* --- Tests. --- */

static void
test_organization_and_me (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PvOrganization) organization = NULL;
  g_autoptr(PvUser) me = NULL;

  pv_service_client_get_organization_async (fixture->client, NULL, store_result_cb, &result);
  organization = pv_service_client_get_organization_finish (fixture->client, wait (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pv_organization_get_id (organization), ==, "a3f1c2d4-5b6e-4f70-8a91-b2c3d4e5f607");
  g_assert_cmpstr (pv_organization_get_display_name (organization), ==, "Contoso");
  g_assert_cmpstr (pv_organization_get_default_domain (organization), ==, "contoso.com");
  g_assert_cmpstr (pv_organization_get_initial_domain (organization), ==, "contoso.onmicrosoft.com");
  g_assert_cmpuint (g_strv_length ((char **) pv_organization_get_verified_domains (organization)), ==, 5);

  pv_service_client_get_me_async (fixture->client, NULL, store_result_cb, &result);
  me = pv_service_client_get_me_finish (fixture->client, wait (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pv_user_get_display_name (me), ==, "Camille Administratrice");
  g_assert_cmpstr (pv_user_get_mail (me), ==, "camille.admin@contoso.com");
}

static void
test_licences_and_policies (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GListStore) skus = g_list_store_new (PV_TYPE_LICENCE_SKU);
  g_autoptr(GListStore) policies = g_list_store_new (PV_TYPE_VOICE_ROUTING_POLICY);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  pv_service_client_list_licence_skus_async (fixture->client, skus, NULL, store_result_cb, &result);
  g_assert_true (pv_service_client_list_licence_skus_finish (fixture->client, wait (&result), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (skus)), ==, 5);

  pv_service_client_list_voice_routing_policies_async (fixture->client, policies, NULL,
                                                       store_result_cb, &result);
  g_assert_true (pv_service_client_list_voice_routing_policies_finish (fixture->client,
                                                                       wait (&result), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (policies)), ==, 4);
}

static gboolean
all_have (GListStore         *store,
          const char         *region,
          PvOperatorServices  service)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr(PvOperator) op = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (region != NULL && !g_strv_contains (pv_operator_get_regions (op), region))
        return FALSE;
      if ((pv_operator_get_services (op) & service) != service)
        return FALSE;
    }
  return TRUE;
}

static void
test_catalogue_filters (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GListStore) all = catalogue (fixture, NULL, PV_OPERATOR_SERVICE_NONE);
  g_autoptr(GListStore) europe = catalogue (fixture, "Europe", PV_OPERATOR_SERVICE_NONE);
  g_autoptr(GListStore) mobile = catalogue (fixture, NULL, PV_OPERATOR_SERVICE_TEAMS_PHONE_MOBILE);
  g_autoptr(GListStore) both = catalogue (fixture, "Europe", PV_OPERATOR_SERVICE_TEAMS_PHONE_MOBILE);
  g_autoptr(GListStore) none = catalogue (fixture, "Antarctica", PV_OPERATOR_SERVICE_NONE);
  g_autoptr(PvOperator) orange = find_operator (fixture, "orange-business");

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==, 14);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (europe)), ==, 5);
  g_assert_true (all_have (europe, "Europe", PV_OPERATOR_SERVICE_NONE));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (mobile)), ==, 5);
  g_assert_true (all_have (mobile, NULL, PV_OPERATOR_SERVICE_TEAMS_PHONE_MOBILE));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (both)), ==, 3);
  g_assert_true (all_have (both, "Europe", PV_OPERATOR_SERVICE_TEAMS_PHONE_MOBILE));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (none)), ==, 0);

  /* The contract's members, through the core mapping. */
  g_assert_cmpstr (pv_operator_get_name (orange), ==, "Orange Business");
  g_assert_true (pv_operator_serves_country (orange, "BE"));
  g_assert_cmpint (pv_operator_get_services (orange), ==,
                   PV_OPERATOR_SERVICE_CALLING | PV_OPERATOR_SERVICE_AUDIO_CONFERENCING);
  g_assert_cmpint (pv_operator_get_emergency_model (orange), ==, PV_EMERGENCY_MODEL_ADMIN_ASSIGNS);
}

static void
test_add_then_list (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char * const countries[] = { "GB", "IE", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(PvTenantOperator) added = NULL;
  g_autoptr(PvTenantOperator) again = NULL;
  g_autoptr(PvTenantOperator) read = NULL;
  g_autoptr(GListStore) list = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  PvContactDetails *details;

  added = add_operator (fixture, "bt", countries, 250, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pv_tenant_operator_get_operator_id (added), ==, "bt");
  g_assert_cmpint (pv_tenant_operator_get_status (added), ==, PV_OPERATOR_STATUS_ACTIVE);
  g_assert_true (g_strv_equal (pv_tenant_operator_get_countries (added), countries));
  g_assert_true (pv_tenant_operator_get_consent_given (added));

  list = tenant_operators (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  g_assert_cmpuint (count_tenant_operator (fixture, "bt"), ==, 1);

  /* Read back whole, the contact and its company size included; the
   * seed's operators read as well. */
  pv_service_client_get_tenant_operator_async (fixture->client, "bt", NULL, store_result_cb, &result);
  read = pv_service_client_get_tenant_operator_finish (fixture->client, wait (&result), &error);
  g_assert_no_error (error);
  details = pv_tenant_operator_get_contact (read);
  g_assert_cmpstr (pv_contact_details_get_full_name (details), ==, "Camille Administratrice");
  g_assert_cmpstr (pv_contact_details_get_email (details), ==, "camille.admin@contoso.com");
  g_assert_cmpint (pv_contact_details_get_company_size (details), ==, 250);
  g_assert_cmpstr (pv_contact_details_get_phone (details), ==, "+33123456700");
  g_clear_object (&read);
  pv_service_client_get_tenant_operator_async (fixture->client, "orange-business", NULL,
                                               store_result_cb, &result);
  read = pv_service_client_get_tenant_operator_finish (fixture->client, wait (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (pv_contact_details_get_company_size (pv_tenant_operator_get_contact (read)), ==, 2500);

  again = add_operator (fixture, "bt", countries, 250, TRUE, &error);
  g_assert_null (again);
  assert_refused (error, PV_SERVICE_ERROR_CONFLICT, "operatorAlreadyEnabled");
  g_assert_nonnull (strstr (error->message, "BT"));
  g_assert_cmpuint (count_tenant_operator (fixture, "bt"), ==, 1);
}

static void
test_add_refusals (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char * const not_served[] = { "GB", "FR", NULL };
  static const char * const gb[] = { "GB", NULL };
  static const char * const empty[] = { NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(PvTenantOperator) op = NULL;
  g_autoptr(PvOperator) unknown = pv_operator_new ();
  g_autoptr(PvContactDetails) details = contact (10);
  g_autoptr(GAsyncResult) result = NULL;

  op = add_operator (fixture, "bt", not_served, 250, TRUE, &error);
  g_assert_null (op);
  assert_refused (error, PV_SERVICE_ERROR_INVALID_REQUEST, "countryNotServed");
  /* Which country, by name, and what the operator serves. */
  g_assert_nonnull (strstr (error->message, "France"));
  g_assert_nonnull (strstr (error->message, "Ireland"));
  g_clear_error (&error);

  op = add_operator (fixture, "bt", gb, 250, FALSE, &error);
  assert_refused (error, PV_SERVICE_ERROR_INVALID_REQUEST, "consentRequired");
  g_clear_error (&error);

  op = add_operator (fixture, "bt", gb, 0, TRUE, &error);
  assert_refused (error, PV_SERVICE_ERROR_INVALID_REQUEST, "companySizeRequired");
  g_clear_error (&error);

  op = add_operator (fixture, "bt", empty, 250, TRUE, &error);
  assert_refused (error, PV_SERVICE_ERROR_INVALID_REQUEST, "countriesRequired");
  g_clear_error (&error);

  pv_contact_details_set_email (details, "not an address");
  pv_operator_set_id (unknown, "bt");
  pv_service_client_add_operator_async (fixture->client, unknown, gb, details, TRUE, NULL,
                                        store_result_cb, &result);
  op = pv_service_client_add_operator_finish (fixture->client, wait (&result), &error);
  assert_refused (error, PV_SERVICE_ERROR_INVALID_REQUEST, "contactRequired");
  g_clear_error (&error);

  pv_operator_set_id (unknown, "no-such-operator");
  pv_service_client_add_operator_async (fixture->client, unknown, gb, details, TRUE, NULL,
                                        store_result_cb, &result);
  op = pv_service_client_add_operator_finish (fixture->client, wait (&result), &error);
  assert_refused (error, PV_SERVICE_ERROR_NOT_FOUND, "unknownOperator");
  g_clear_error (&error);

  /* Nothing of it reached the tenant. */
  g_assert_cmpuint (count_tenant_operator (fixture, "bt"), ==, 0);
}

static void
test_add_plan (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(PvOperatorPlan) plan = pv_operator_plan_new ();
  g_autoptr(PvOperator) swisscom = find_operator (fixture, "swisscom");
  g_autoptr(PvTenantOperator) added = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  pv_operator_plan_set_operator (plan, swisscom);
  g_assert_true (pv_operator_plan_select_country (plan, "CH", &error));
  pv_operator_plan_prefill_contact (plan, "Camille Administratrice", "camille.admin@contoso.com");
  pv_contact_details_set_company_size (pv_operator_plan_get_contact (plan), 120);
  pv_operator_plan_set_notice_accepted (plan, TRUE);

  pv_service_client_add_operator_plan_async (fixture->client, plan, NULL, store_result_cb, &result);
  added = pv_service_client_add_operator_finish (fixture->client, wait (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pv_tenant_operator_get_countries (added)[0], ==, "CH");
  g_assert_cmpint (pv_contact_details_get_company_size (pv_tenant_operator_get_contact (added)), ==, 120);
}

static void
test_suspend_resume (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PvTenantOperator) op = NULL;

  pv_service_client_resume_operator_async (fixture->client, "deutsche-telekom", NULL,
                                           store_result_cb, &result);
  op = pv_service_client_resume_operator_finish (fixture->client, wait (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (pv_tenant_operator_get_status (op), ==, PV_OPERATOR_STATUS_ACTIVE);
  g_clear_object (&op);

  pv_service_client_suspend_operator_async (fixture->client, "orange-business", NULL,
                                            store_result_cb, &result);
  op = pv_service_client_suspend_operator_finish (fixture->client, wait (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (pv_tenant_operator_get_status (op), ==, PV_OPERATOR_STATUS_SUSPENDED);
  g_clear_object (&op);

  /* Again: done already. */
  pv_service_client_suspend_operator_async (fixture->client, "orange-business", NULL,
                                            store_result_cb, &result);
  op = pv_service_client_suspend_operator_finish (fixture->client, wait (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (pv_tenant_operator_get_status (op), ==, PV_OPERATOR_STATUS_SUSPENDED);
  g_clear_object (&op);

  pv_service_client_suspend_operator_async (fixture->client, "bt", NULL, store_result_cb, &result);
  op = pv_service_client_suspend_operator_finish (fixture->client, wait (&result), &error);
  g_assert_null (op);
  assert_refused (error, PV_SERVICE_ERROR_NOT_FOUND, "operatorNotEnabled");
}

static void
test_country_removal (Fixture       *fixture,
                      gconstpointer  data)
{
  static const char * const belgium[] = { "BE", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(PvTenantOperator) op = NULL;
  g_autoptr(GListStore) french = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  PvNumberFilter filter;

  /* Orange serves the tenant in France, where it has numbers, and in
   * Belgium, where it has none. */
  op = set_countries (fixture, "orange-business", belgium, &error);
  g_assert_null (op);
  assert_refused (error, PV_SERVICE_ERROR_CONFLICT, "numbersStillAssigned");
  /* Who, where, which numbers, and what to do first: the operator by
   * the name the administrator knows, not its id. */
  g_assert_true (g_str_has_prefix (error->message, "Orange Business still has "));
  g_assert_null (strstr (error->message, "orange-business"));
  g_assert_nonnull (strstr (error->message, "France"));
  g_assert_nonnull (strstr (error->message, ORANGE_ASSIGNED));
  g_assert_nonnull (strstr (error->message, "Unassign"));
  g_assert_nonnull (strstr (error->message, "release"));
  g_clear_error (&error);

  /* Unassigning is not enough: the numbers are still the operator's. */
  g_assert_true (unassign (fixture, ORANGE_ASSIGNED, &error));
  g_assert_no_error (error);
  op = set_countries (fixture, "orange-business", belgium, &error);
  assert_refused (error, PV_SERVICE_ERROR_CONFLICT, "numbersStillAssigned");
  g_clear_error (&error);

  /* Removing the operator is refused the same way. */
  pv_service_client_remove_operator_async (fixture->client, "orange-business", NULL,
                                           store_result_cb, &result);
  g_assert_false (pv_service_client_remove_operator_finish (fixture->client, wait (&result), &error));
  assert_refused (error, PV_SERVICE_ERROR_CONFLICT, "numbersStillAssigned");
  g_assert_true (g_str_has_prefix (error->message, "Orange Business still has "));
  g_assert_nonnull (strstr (error->message, "remove the operator"));
  g_clear_error (&error);

  /* Released with the operator, the country can go. */
  pv_number_filter_init (&filter);
  filter.operator_id = "orange-business";
  filter.country_code = "FR";
  french = list_numbers (fixture, &filter, 0, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (french)), ==, 7);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (french)); i++)
    {
      g_autoptr(PvPhoneNumber) number = g_list_model_get_item (G_LIST_MODEL (french), i);

      g_assert_true (release (fixture, pv_phone_number_get_telephone_number (number), &error));
      g_assert_no_error (error);
    }
  op = set_countries (fixture, "orange-business", belgium, &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_equal (pv_tenant_operator_get_countries (op), belgium));
  g_clear_object (&op);

  pv_service_client_remove_operator_async (fixture->client, "orange-business", NULL,
                                           store_result_cb, &result);
  g_assert_true (pv_service_client_remove_operator_finish (fixture->client, wait (&result), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_tenant_operator (fixture, "orange-business"), ==, 0);
}

static void
test_assign_unassign (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PvPhoneNumber) number = NULL;

  g_assert_true (assign (fixture, ORANGE_FREE, CHLOE, PV_NUMBER_TYPE_OPERATOR_CONNECT, &error));
  g_assert_no_error (error);
  number = get_number (fixture, ORANGE_FREE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pv_phone_number_get_status (number), ==, PV_NUMBER_STATUS_ASSIGNED);
  g_assert_cmpstr (pv_phone_number_get_assigned_user_id (number), ==, CHLOE);
  g_clear_object (&number);

  /* Assigning it to the same person again is done already. */
  g_assert_true (assign (fixture, ORANGE_FREE, CHLOE, PV_NUMBER_TYPE_OPERATOR_CONNECT, &error));
  g_assert_no_error (error);

  g_assert_true (unassign (fixture, ORANGE_FREE, &error));
  g_assert_no_error (error);
  number = get_number (fixture, ORANGE_FREE, &error);
  g_assert_cmpint (pv_phone_number_get_status (number), ==, PV_NUMBER_STATUS_UNASSIGNED);
  g_assert_null (pv_phone_number_get_assigned_user_id (number));
}

static void
test_assign_refusals (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (assign (fixture, ORANGE_FREE, EMILIE, PV_NUMBER_TYPE_OPERATOR_CONNECT, &error));
  assert_refused (error, PV_SERVICE_ERROR_INVALID_REQUEST, "userNotTeamsOnly");
  g_clear_error (&error);

  g_assert_false (assign (fixture, ORANGE_FREE, NO_LICENCE, PV_NUMBER_TYPE_OPERATOR_CONNECT, &error));
  assert_refused (error, PV_SERVICE_ERROR_INVALID_REQUEST, "licenceMissing");
  g_assert_nonnull (strstr (error->message, "Phone System"));
  g_clear_error (&error);

  g_assert_false (assign (fixture, ORANGE_FREE, CHLOE, PV_NUMBER_TYPE_CALLING_PLAN, &error));
  assert_refused (error, PV_SERVICE_ERROR_INVALID_REQUEST, "numberTypeMismatch");
  g_clear_error (&error);

  g_assert_false (assign (fixture, ORANGE_ASSIGNED, CHLOE, PV_NUMBER_TYPE_OPERATOR_CONNECT, &error));
  assert_refused (error, PV_SERVICE_ERROR_CONFLICT, "numberAlreadyAssigned");
  g_assert_nonnull (strstr (error->message, ORANGE_ASSIGNED));
  g_clear_error (&error);

  g_assert_false (assign (fixture, ORANGE_PENDING, CHLOE, PV_NUMBER_TYPE_OPERATOR_CONNECT, &error));
  assert_refused (error, PV_SERVICE_ERROR_CONFLICT, "numberPending");
  g_clear_error (&error);

  g_assert_false (assign (fixture, "tel:+33180000000", CHLOE, PV_NUMBER_TYPE_OPERATOR_CONNECT, &error));
  assert_refused (error, PV_SERVICE_ERROR_INVALID_REQUEST, "invalidTelephoneNumber");
  g_clear_error (&error);

  g_assert_false (assign (fixture, "+33999999999", CHLOE, PV_NUMBER_TYPE_OPERATOR_CONNECT, &error));
  assert_refused (error, PV_SERVICE_ERROR_NOT_FOUND, "numberNotFound");
}

static void
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

static void
test_assign_waits_for_operation (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PvPhoneNumber) number = NULL;

  /* An operation that runs for a minute: the call is still waiting on
   * it when cancelled, so it does not end before the operation does. */
  stop (fixture);
  fixture->server = pv_sandbox_server_new (fixture->state, PV_SANDBOX_SEED, &error);
  g_assert_no_error (error);
  pv_sandbox_server_set_operation_delay (fixture->server, 60 * 1000);
  g_assert_true (pv_sandbox_server_start (fixture->server, 0, &error));
  fixture->client = pv_service_client_new (pv_sandbox_server_get_base_url (fixture->server), NULL,
                                           &error);
  g_assert_no_error (error);

  pv_service_client_assign_number_async (fixture->client, ORANGE_FREE, CHLOE,
                                         PV_NUMBER_TYPE_OPERATOR_CONNECT, NULL, cancellable,
                                         store_result_cb, &result);
  g_timeout_add_once (1000, cancel_cb, cancellable);
  g_assert_false (pv_service_client_assign_number_finish (fixture->client, wait (&result), &error));
  g_assert_error (error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_CANCELLED);
  g_clear_error (&error);

  /* The service took the change when it accepted it. */
  number = get_number (fixture, ORANGE_FREE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pv_phone_number_get_status (number), ==, PV_NUMBER_STATUS_ASSIGNED);
}

static void
test_release (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PvPhoneNumber) number = NULL;

  g_assert_false (release (fixture, ORANGE_ASSIGNED, &error));
  assert_refused (error, PV_SERVICE_ERROR_CONFLICT, "numberAssigned");
  g_assert_nonnull (strstr (error->message, "Unassign it first"));
  g_clear_error (&error);
  number = get_number (fixture, ORANGE_ASSIGNED, &error);
  g_assert_no_error (error);
  g_clear_object (&number);

  g_assert_true (unassign (fixture, ORANGE_ASSIGNED, &error));
  g_assert_true (release (fixture, ORANGE_ASSIGNED, &error));
  g_assert_no_error (error);

  number = get_number (fixture, ORANGE_ASSIGNED, &error);
  g_assert_null (number);
  assert_refused (error, PV_SERVICE_ERROR_NOT_FOUND, "numberNotFound");
  g_clear_error (&error);

  g_assert_false (release (fixture, ORANGE_ASSIGNED, &error));
  assert_refused (error, PV_SERVICE_ERROR_NOT_FOUND, "numberNotFound");
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
test_numbers_paging (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GListStore) whole = NULL;
  g_autoptr(GListStore) paged = NULL;
  g_autoptr(GListStore) orange = NULL;
  g_autoptr(GListStore) assigned = NULL;
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  PvNumberFilter filter;
  guint pages = 0;
  guint n;

  whole = list_numbers (fixture, NULL, 0, &pages);
  n = g_list_model_get_n_items (G_LIST_MODEL (whole));
  /* 28, the five French Calling Plan numbers of the port orders, and
   * the two Direct Routing numbers of the people ready for the move. */
  g_assert_cmpuint (n, ==, 28 + 5 + 2);
  g_assert_cmpuint (pages, ==, 1);

  paged = list_numbers (fixture, NULL, 5, &pages);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (paged)), ==, n);
  g_assert_cmpuint (pages, ==, (n + 4) / 5);
  /* Every number once, the same numbers as in one page. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PvPhoneNumber) a = g_list_model_get_item (G_LIST_MODEL (paged), i);
      g_autoptr(PvPhoneNumber) b = g_list_model_get_item (G_LIST_MODEL (whole), i);

      g_assert_cmpstr (pv_phone_number_get_telephone_number (a), ==,
                       pv_phone_number_get_telephone_number (b));
      g_ptr_array_add (seen, (gpointer) pv_phone_number_get_telephone_number (a));
    }
  g_ptr_array_sort (seen, compare_strings);
  for (guint i = 1; i < seen->len; i++)
    g_assert_cmpstr (g_ptr_array_index (seen, i - 1), !=, g_ptr_array_index (seen, i));

  /* Filters hold across pages. */
  pv_number_filter_init (&filter);
  filter.operator_id = "orange-business";
  orange = list_numbers (fixture, &filter, 2, &pages);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (orange)), ==, 7);
  g_assert_cmpuint (pages, ==, 4);

  pv_number_filter_init (&filter);
  filter.status = PV_NUMBER_STATUS_ASSIGNED;
  filter.number_type = PV_NUMBER_TYPE_OPERATOR_CONNECT;
  assigned = list_numbers (fixture, &filter, 0, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (assigned)), ==, 2);
}

static void
test_emergency_addresses (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(PvEmergencyAddress) address = pv_emergency_address_new ();
  g_autoptr(PvEmergencyAddress) created = NULL;
  g_autoptr(PvEmergencyAddress) read = NULL;
  g_autoptr(PvEmergencyAddress) updated = NULL;
  g_autoptr(PvEmergencyAddress) invalid = pv_emergency_address_new ();
  g_autoptr(PvPhoneNumber) number = NULL;
  g_autoptr(GListStore) all = g_list_store_new (PV_TYPE_EMERGENCY_ADDRESS);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  pv_emergency_address_set_description (address, "Lyon Part-Dieu");
  pv_emergency_address_set_company_name (address, "Contoso");
  pv_emergency_address_set_house_number (address, "129");
  pv_emergency_address_set_street_name (address, "rue Servient");
  pv_emergency_address_set_city (address, "Lyon");
  pv_emergency_address_set_postal_code (address, "69003");
  pv_emergency_address_set_country_code (address, "FR");

  pv_service_client_create_emergency_address_async (fixture->client, address, NULL,
                                                    store_result_cb, &result);
  created = pv_service_client_create_emergency_address_finish (fixture->client, wait (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (pv_emergency_address_get_id (created));
  g_assert_cmpstr (pv_emergency_address_get_city (created), ==, "Lyon");

  pv_service_client_list_emergency_addresses_async (fixture->client, all, NULL, store_result_cb, &result);
  g_assert_true (pv_service_client_list_emergency_addresses_finish (fixture->client, wait (&result), &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==, 5);

  pv_service_client_get_emergency_address_async (fixture->client, pv_emergency_address_get_id (created),
                                                 NULL, store_result_cb, &result);
  read = pv_service_client_get_emergency_address_finish (fixture->client, wait (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pv_emergency_address_get_street_name (read), ==, "rue Servient");

  pv_emergency_address_set_description (read, "Lyon, Part-Dieu tower");
  pv_service_client_update_emergency_address_async (fixture->client, read, NULL, store_result_cb, &result);
  updated = pv_service_client_update_emergency_address_finish (fixture->client, wait (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pv_emergency_address_get_description (updated), ==, "Lyon, Part-Dieu tower");

  /* Orange leaves addresses to the admin; Deutsche Telekom locks them. */
  pv_service_client_update_number_async (fixture->client, ORANGE_FREE,
                                         pv_emergency_address_get_id (created), NULL,
                                         store_result_cb, &result);
  number = pv_service_client_update_number_finish (fixture->client, wait (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pv_phone_number_get_emergency_location_id (number), ==,
                   pv_emergency_address_get_id (created));
  g_clear_object (&number);

  pv_service_client_update_number_async (fixture->client, DT_FREE,
                                         pv_emergency_address_get_id (created), NULL,
                                         store_result_cb, &result);
  number = pv_service_client_update_number_finish (fixture->client, wait (&result), &error);
  g_assert_null (number);
  assert_refused (error, PV_SERVICE_ERROR_CONFLICT, "emergencyAddressLocked");
  g_assert_nonnull (strstr (error->message, DT_FREE));
  g_clear_error (&error);

  pv_service_client_delete_emergency_address_async (fixture->client,
                                                    pv_emergency_address_get_id (created), NULL,
                                                    store_result_cb, &result);
  g_assert_false (pv_service_client_delete_emergency_address_finish (fixture->client, wait (&result), &error));
  assert_refused (error, PV_SERVICE_ERROR_CONFLICT, "emergencyAddressInUse");
  g_clear_error (&error);

  pv_service_client_create_emergency_address_async (fixture->client, invalid, NULL,
                                                    store_result_cb, &result);
  g_assert_null (pv_service_client_create_emergency_address_finish (fixture->client, wait (&result), &error));
  assert_refused (error, PV_SERVICE_ERROR_INVALID_REQUEST, "invalidEmergencyAddress");
  g_clear_error (&error);

  pv_service_client_get_emergency_address_async (fixture->client, "no-such-address", NULL,
                                                 store_result_cb, &result);
  g_assert_null (pv_service_client_get_emergency_address_finish (fixture->client, wait (&result), &error));
  assert_refused (error, PV_SERVICE_ERROR_NOT_FOUND, "emergencyAddressNotFound");
}

/* Lost connections, unavailability, throttling and answers cut in half
 * after the change was made: every write still ends done, once. When
 * connections are lost, at least one write must have met an unknown
 * outcome and been checked. Lost connections while an operation is polled
 * also exercise the way the client avoids libsoup 3.2's own resend, which
 * crashed here about one run in five (see send_with_token). */
static void
test_writes_under_faults (Fixture       *fixture,
                          gconstpointer  data)
{
  static const char * const countries[] = { "GB", NULL };
  static const char * const more[] = { "GB", "IE", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(PvTenantOperator) op = NULL;
  g_autoptr(PvPhoneNumber) number = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListStore) addresses = g_list_store_new (PV_TYPE_EMERGENCY_ADDRESS);
  g_autoptr(PvEmergencyAddress) address = pv_emergency_address_new ();
  g_autoptr(PvEmergencyAddress) created = NULL;

  n_checked = 0;
  op = add_operator (fixture, "bt", countries, 250, TRUE, &error);
  g_assert_no_error (error);
  g_clear_object (&op);
  op = set_countries (fixture, "bt", more, &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_equal (pv_tenant_operator_get_countries (op), more));
  g_assert_true (assign (fixture, ORANGE_FREE, CHLOE, PV_NUMBER_TYPE_OPERATOR_CONNECT, &error));
  g_assert_no_error (error);
  g_assert_true (unassign (fixture, ORANGE_ASSIGNED, &error));
  g_assert_no_error (error);
  g_assert_true (release (fixture, ORANGE_ASSIGNED, &error));
  g_assert_no_error (error);
  pv_emergency_address_set_city (address, "Nantes");
  pv_emergency_address_set_country_code (address, "FR");
  pv_service_client_create_emergency_address_async (fixture->client, address, NULL,
                                                    store_result_cb, &result);
  created = pv_service_client_create_emergency_address_finish (fixture->client, wait (&result), &error);
  g_assert_no_error (error);

  g_test_message ("%u writes met an unknown outcome and were checked", n_checked);
  if (strstr (data, "drop") != NULL)
    g_assert_cmpuint (n_checked, >, 0);

  /* The tenant, read without faults, holds each change once. */
  stop (fixture);
  start (fixture, NULL);
  g_assert_cmpuint (count_tenant_operator (fixture, "bt"), ==, 1);
  number = get_number (fixture, ORANGE_FREE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pv_phone_number_get_assigned_user_id (number), ==, CHLOE);
  g_clear_object (&number);
  number = get_number (fixture, ORANGE_ASSIGNED, &error);
  g_assert_error (error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  pv_service_client_list_emergency_addresses_async (fixture->client, addresses, NULL,
                                                    store_result_cb, &result);
  g_assert_true (pv_service_client_list_emergency_addresses_finish (fixture->client, wait (&result), &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (addresses)), ==, 5);
}

int
main (int    argc,
      char **argv)
{
  g_log_set_writer_func (count_checks, NULL, NULL);
  g_test_init (&argc, &argv, NULL);
  g_setenv ("LANGUAGE", "C", TRUE);

#define ADD(path, func, faults) \
  g_test_add (path, Fixture, faults, fixture_set_up, func, fixture_tear_down)

  ADD ("/voice/organization-and-me", test_organization_and_me, NULL);
  ADD ("/voice/licences-and-policies", test_licences_and_policies, NULL);
  ADD ("/voice/catalogue/filters", test_catalogue_filters, NULL);
  ADD ("/voice/operators/add-then-list", test_add_then_list, NULL);
  ADD ("/voice/operators/add-refusals", test_add_refusals, NULL);
  ADD ("/voice/operators/add-plan", test_add_plan, NULL);
  ADD ("/voice/operators/suspend-resume", test_suspend_resume, NULL);
  ADD ("/voice/operators/country-removal", test_country_removal, NULL);
  ADD ("/voice/numbers/assign-unassign", test_assign_unassign, NULL);
  ADD ("/voice/numbers/assign-refusals", test_assign_refusals, NULL);
  ADD ("/voice/numbers/assign-waits-for-operation", test_assign_waits_for_operation, NULL);
  ADD ("/voice/numbers/release", test_release, NULL);
  ADD ("/voice/numbers/paging", test_numbers_paging, NULL);
  ADD ("/voice/emergency-addresses", test_emergency_addresses, NULL);
  /* Seeds under which some writes lose their answer after taking effect
   * (the test checks that they do); PV_TEST_FAULTS tries another. Faults
   * follow the order of requests, and how many polls an operation takes
   * depends on timing, so only the requests before the first poll meet
   * the same faults in every run: under these seeds the first write
   * already loses its answer. (Under seed 3 the first such write came
   * after polls, and in the sanitizer build 7 runs in 60 met none.) */
  if (g_getenv ("PV_TEST_FAULTS") != NULL)
    ADD ("/voice/writes-under-faults/env", test_writes_under_faults, g_getenv ("PV_TEST_FAULTS"));
  ADD ("/voice/writes-under-faults/seed-29", test_writes_under_faults,
       "rate=0.4,kinds=drop+503+429+malformed,seed=29,retry-after=0");
  ADD ("/voice/writes-under-faults/seed-9", test_writes_under_faults,
       "rate=0.4,kinds=drop+503+429+malformed,seed=9,retry-after=0");

  return g_test_run ();
}
