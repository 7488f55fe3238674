/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "provisio-core.h"
#include "sandbox-test-util.h"

/* Numbers (the beta assignment API and its operations), Operator
 * Connect, emergency addresses, federation and readiness over HTTP. */

#define NUMBERS "/beta/admin/teams/telephoneNumberManagement"

typedef SandboxFixture Fixture;

static void
setup (Fixture       *fixture,
       gconstpointer  data)
{
  sandbox_fixture_open (fixture, 0, NULL);
}

static void
teardown (Fixture       *fixture,
          gconstpointer  data)
{
  sandbox_fixture_close (fixture);
}

static void
expect (Reply      *reply,
        guint       status,
        const char *code)
{
  g_assert_cmpuint (reply->status, ==, status);
  if (code != NULL)
    g_assert_cmpstr (reply_error_code (reply), ==, code);
}

static void
call_expect (Fixture    *fixture,
             const char *method,
             const char *path,
             const char *body,
             guint       status,
             const char *code)
{
  g_autoptr(Reply) reply = sandbox_call (fixture, method, path, body, FALSE);

  g_test_message ("%s %s %s", method, path, body != NULL ? body : "");
  expect (reply, status, code);
}

static JsonObject *
find_number (Reply      *reply,
             const char *telephone)
{
  JsonArray *value = reply_value (reply);

  for (guint i = 0; i < json_array_get_length (value); i++)
    {
      JsonObject *number = json_array_get_object_element (value, i);

      if (g_str_equal (json_object_get_string_member (number, "telephoneNumber"), telephone))
        return number;
    }
  return NULL;
}

static const char *
telephone_at (JsonArray *numbers,
              guint      index)
{
  return json_object_get_string_member (json_array_get_object_element (numbers, index),
                                        "telephoneNumber");
}

static void
test_number_list (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(Reply) reply = sandbox_call (fixture, "GET", NUMBERS "/numberAssignments", NULL,
                                         FALSE);
  guint types = 0;
  guint statuses = 0;
  JsonArray *value;

  expect (reply, 200, NULL);
  value = reply_value (reply);
  for (guint i = 0; i < json_array_get_length (value); i++)
    {
      g_autoptr(PvPhoneNumber) number =
        pv_phone_number_new_from_json (json_array_get_element (value, i), "number", NULL);

      g_assert_nonnull (number);
      types |= 1u << pv_phone_number_get_number_type (number);
      statuses |= 1u << pv_phone_number_get_status (number);
    }
  g_assert_cmpuint (types, ==, 0x7);
  g_assert_cmpuint (statuses, ==, 0x7);

  {
    g_autoptr(Reply) filtered =
      sandbox_call (fixture, "GET", NUMBERS "/numberAssignments?$filter="
                    "assignmentStatus%20eq%20'unassigned'%20and%20operatorId%20eq%20'orange-business'",
                    NULL, FALSE);
    JsonArray *kept;

    expect (filtered, 200, NULL);
    kept = reply_value (filtered);
    g_assert_cmpuint (json_array_get_length (kept), ==, 5);
    for (guint i = 0; i < json_array_get_length (kept); i++)
      {
        JsonObject *number = json_array_get_object_element (kept, i);

        g_assert_cmpstr (json_object_get_string_member (number, "operatorId"), ==,
                         "orange-business");
        g_assert_cmpstr (json_object_get_string_member (number, "assignmentStatus"), ==,
                         "unassigned");
      }
  }
  /* Pages of three follow the numbers' order and, put together, give the
   * unpaged answer: every number once, a filter kept across pages. */
  for (guint f = 0; f < 2; f++)
    {
      const char *query = f == 0 ? "" : "&$filter=operatorId%20eq%20'orange-business'";
      g_autofree char *whole_path = g_strdup_printf (NUMBERS "/numberAssignments?$top=999%s", query);
      g_autofree char *first_path = g_strdup_printf (NUMBERS "/numberAssignments?$top=3%s", query);
      g_autoptr(Reply) whole = sandbox_call (fixture, "GET", whole_path, NULL, FALSE);
      g_autoptr(Reply) page = sandbox_call (fixture, "GET", first_path, NULL, FALSE);
      JsonArray *all;
      guint seen = 0;
      guint n_pages = 0;

      expect (whole, 200, NULL);
      all = reply_value (whole);
      g_assert_cmpuint (json_array_get_length (all), >, 3);
      for (;;)
        {
          JsonArray *part;
          JsonObject *root;
          const char *next;
          g_autoptr(Reply) following = NULL;

          expect (page, 200, NULL);
          part = reply_value (page);
          g_assert_cmpuint (json_array_get_length (part), <=, 3);
          for (guint i = 0; i < json_array_get_length (part); i++, seen++)
            {
              g_assert_cmpuint (seen, <, json_array_get_length (all));
              g_assert_cmpstr (telephone_at (part, i), ==, telephone_at (all, seen));
              if (seen > 0)
                g_assert_cmpint (strcmp (telephone_at (all, seen - 1), telephone_at (all, seen)), <, 0);
            }
          n_pages++;
          root = json_node_get_object (page->body);
          next = json_object_get_string_member_with_default (root, "@odata.nextLink", NULL);
          if (next == NULL)
            break;
          following = sandbox_call_url (fixture, "GET", next, NULL, FALSE);
          g_clear_pointer (&page, reply_free);
          page = g_steal_pointer (&following);
        }
      g_assert_cmpuint (seen, ==, json_array_get_length (all));
      g_assert_cmpuint (n_pages, ==, (json_array_get_length (all) + 2) / 3);
    }
  call_expect (fixture, "GET", NUMBERS "/numberAssignments?$filter=city%20eq%20'Paris'", NULL,
               400, "Request_UnsupportedQuery");
  call_expect (fixture, "GET", NUMBERS "/numberAssignments?$filter=numberType%20ne%20'x'", NULL,
               400, "Request_UnsupportedQuery");
  call_expect (fixture, "GET", NUMBERS "/numberAssignments?$filter=numberType%20eq%20'x''", NULL,
               400, "Request_UnsupportedQuery");
}

static char *
operation_status (Fixture    *fixture,
                  const char *location)
{
  g_autoptr(Reply) reply = sandbox_call_url (fixture, "GET", location, NULL, FALSE);

  g_assert_cmpuint (reply->status, ==, 200);
  return g_strdup (reply_string (reply, "status"));
}

static void
test_assign_number (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *teams_only = sandbox_find_user_id (fixture, "Hélène Rousseau");
  g_autofree char *other = sandbox_find_user_id (fixture, "José García-López");
  g_autofree char *body = g_strdup_printf ("{\"telephoneNumber\":\"+14255550000\","
                                           "\"assignmentTargetId\":\"%s\","
                                           "\"numberType\":\"callingPlan\","
                                           "\"assignmentCategory\":\"primary\"}", teams_only);
  g_autofree char *location = NULL;
  g_autofree char *status = NULL;

  {
    g_autoptr(Reply) reply = sandbox_call (fixture, "POST", NUMBERS "/numberAssignments/assignNumber",
                                           body, FALSE);

    expect (reply, 202, NULL);
    location = g_strdup (soup_message_headers_get_one (reply->headers, "Location"));
    g_assert_nonnull (location);
    g_assert_true (g_str_has_prefix (location, pv_sandbox_server_get_base_url (fixture->server)));
  }
  status = operation_status (fixture, location);
  g_assert_cmpstr (status, ==, "running");
  /* It completes after a short delay. */
  for (guint i = 0; i < 100 && g_strcmp0 (status, "succeeded") != 0; i++)
    {
      g_usleep (50 * 1000);
      g_free (status);
      status = operation_status (fixture, location);
    }
  g_assert_cmpstr (status, ==, "succeeded");
  {
    g_autoptr(Reply) reply = sandbox_call (fixture, "GET", NUMBERS "/numberAssignments", NULL,
                                           FALSE);
    JsonObject *number = find_number (reply, "+14255550000");

    g_assert_cmpstr (json_object_get_string_member (number, "assignmentStatus"), ==,
                     "userAssigned");
    g_assert_cmpstr (json_object_get_string_member (number, "assignmentTargetId"), ==, teams_only);
  }
  {
    g_autofree char *path = g_strdup_printf ("/provisio/v1/users/%s/voice", teams_only);
    g_autoptr(Reply) reply = sandbox_call (fixture, "GET", path, NULL, FALSE);

    g_assert_cmpstr (reply_string (reply, "lineUri"), ==, "tel:+14255550000");
  }
  /* Again: already done, accepted. */
  call_expect (fixture, "POST", NUMBERS "/numberAssignments/assignNumber", body, 202, NULL);
  {
    g_autofree char *steal = g_strdup_printf ("{\"telephoneNumber\":\"+14255550000\","
                                              "\"assignmentTargetId\":\"%s\","
                                              "\"numberType\":\"callingPlan\"}", other);

    call_expect (fixture, "POST", NUMBERS "/numberAssignments/assignNumber", steal, 409,
                 "numberAlreadyAssigned");
  }
  /* Releasing an assigned number is refused; unassigned, it goes. */
  call_expect (fixture, "POST", "/provisio/v1/phoneNumbers/+14255550000/release", NULL, 409,
               "numberAssigned");
  call_expect (fixture, "POST", NUMBERS "/numberAssignments/unassignNumber",
               "{\"telephoneNumber\":\"+14255550000\",\"numberType\":\"callingPlan\"}", 202, NULL);
  call_expect (fixture, "POST", "/provisio/v1/phoneNumbers/+14255550000/release", NULL, 204, NULL);
  call_expect (fixture, "POST", "/provisio/v1/phoneNumbers/+14255550000/release", NULL, 404,
               "numberNotFound");
  call_expect (fixture, "GET", NUMBERS "/operations/nothing", NULL, 404,
               "Request_ResourceNotFound");
}

static void
test_assign_refusals (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *islands = sandbox_find_user_id (fixture, "Yannick Girard");
  g_autofree char *unlicensed = sandbox_find_user_id (fixture, "Zoë O'Brien");
  g_autofree char *teams_only = sandbox_find_user_id (fixture, "Hélène Rousseau");
  const struct { const char *number; const char *user; const char *type; guint status;
                 const char *code; } cases[] = {
    { "+14255550001", islands, "callingPlan", 400, "userNotTeamsOnly" },
    { "+33190000001", unlicensed, "directRouting", 400, "licenceMissing" },
    { "tel:+14255550001", teams_only, "callingPlan", 400, "invalidTelephoneNumber" },
    { "+14255550001;ext=1", teams_only, "callingPlan", 400, "invalidTelephoneNumber" },
    { "+14255550001", teams_only, "directRouting", 400, "numberTypeMismatch" },
    { "+14255550001", teams_only, "landline", 400, "BadRequest" },
    { "+19999999999", teams_only, "callingPlan", 404, "numberNotFound" },
    { "+14255559999", teams_only, "callingPlan", 409, "numberPending" },
    { "+14255550001", "nobody", "callingPlan", 404, "Request_ResourceNotFound" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *body = g_strdup_printf ("{\"telephoneNumber\":\"%s\","
                                               "\"assignmentTargetId\":\"%s\","
                                               "\"numberType\":\"%s\"}",
                                               cases[i].number, cases[i].user, cases[i].type);

      call_expect (fixture, "POST", NUMBERS "/numberAssignments/assignNumber", body,
                   cases[i].status, cases[i].code);
    }
  call_expect (fixture, "POST", NUMBERS "/numberAssignments/assignNumber", "{}", 400,
               "BadRequest");
  call_expect (fixture, "GET", NUMBERS "/numberAssignments/assignNumber", NULL, 405,
               "Request_BadRequest");
}

static void
test_update_number (Fixture       *fixture,
                    gconstpointer  data)
{
  /* Deutsche Telekom assigns and locks its addresses. */
  call_expect (fixture, "POST", NUMBERS "/numberAssignments/updateNumber",
               "{\"telephoneNumber\":\"+49309000000\","
               "\"locationId\":\"b1d3a0e2-0002-4c3e-9a00-000000000002\"}",
               403, "emergencyAddressLocked");
  call_expect (fixture, "POST", NUMBERS "/numberAssignments/updateNumber",
               "{\"telephoneNumber\":\"+33180000000\",\"locationId\":\"nowhere\"}",
               400, "unknownEmergencyAddress");
  {
    g_autoptr(Reply) reply = sandbox_call (fixture, "POST", NUMBERS "/numberAssignments/updateNumber",
                                           "{\"telephoneNumber\":\"+33180000000\","
                                           "\"locationId\":\"b1d3a0e2-0002-4c3e-9a00-000000000002\"}",
                                           FALSE);

    expect (reply, 200, NULL);
    g_assert_cmpstr (reply_string (reply, "locationId"), ==,
                     "b1d3a0e2-0002-4c3e-9a00-000000000002");
  }
}

static void
test_operator_catalogue (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *regions[] = { "Europe", "North America", "Asia Pacific", "Latin America",
                            "Middle East and Africa" };
  guint models = 0;

  {
    g_autoptr(Reply) reply = sandbox_call (fixture, "GET", "/provisio/v1/operators", NULL, FALSE);
    JsonArray *value = reply_value (reply);

    g_assert_cmpuint (json_array_get_length (value), >=, 12);
    for (guint i = 0; i < json_array_get_length (value); i++)
      {
        g_autoptr(PvOperator) operator =
          pv_operator_new_from_json (json_array_get_element (value, i), "operator", NULL);

        g_assert_nonnull (operator);
        models |= 1u << pv_operator_get_emergency_model (operator);
      }
    g_assert_cmpuint (models, ==, 0x7);
  }
  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    {
      g_autofree char *escaped = g_uri_escape_string (regions[i], NULL, FALSE);
      g_autofree char *path = g_strdup_printf ("/provisio/v1/operators?region=%s", escaped);
      g_autoptr(Reply) reply = sandbox_call (fixture, "GET", path, NULL, FALSE);

      g_assert_cmpuint (json_array_get_length (reply_value (reply)), >=, 1);
    }
  {
    g_autoptr(Reply) reply = sandbox_call (fixture, "GET",
                                           "/provisio/v1/operators?service=teamsPhoneMobile",
                                           NULL, FALSE);
    g_autoptr(Reply) all = sandbox_call (fixture, "GET", "/provisio/v1/operators", NULL, FALSE);

    g_assert_cmpuint (json_array_get_length (reply_value (reply)), >=, 1);
    g_assert_cmpuint (json_array_get_length (reply_value (reply)), <,
                      json_array_get_length (reply_value (all)));
  }
}

static void
test_tenant_operators (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *contact = "\"contact\":{\"fullName\":\"Camille\",\"email\":\"camille@contoso.com\","
                        "\"companySize\":\"2500\"}";
  g_autofree char *bt = g_strdup_printf ("{\"operatorId\":\"bt\",\"countries\":[\"GB\"],%s,"
                                         "\"consentGiven\":true}", contact);
  g_autofree char *bt_fr = g_strdup_printf ("{\"operatorId\":\"bt\",\"countries\":[\"FR\"],%s,"
                                            "\"consentGiven\":true}", contact);
  g_autofree char *no_consent = g_strdup_printf ("{\"operatorId\":\"bt\",\"countries\":[\"GB\"],"
                                                 "%s,\"consentGiven\":false}", contact);
  g_autofree char *unknown = g_strdup_printf ("{\"operatorId\":\"acme\",\"countries\":[\"GB\"],"
                                              "%s,\"consentGiven\":true}", contact);
  g_autofree char *orange = g_strdup_printf ("{\"operatorId\":\"orange-business\","
                                             "\"countries\":[\"FR\"],%s,\"consentGiven\":true}",
                                             contact);

  call_expect (fixture, "POST", "/provisio/v1/tenantOperators", unknown, 404, "unknownOperator");
  call_expect (fixture, "POST", "/provisio/v1/tenantOperators", orange, 409,
               "operatorAlreadyEnabled");
  call_expect (fixture, "POST", "/provisio/v1/tenantOperators", bt_fr, 400, "countryNotServed");
  call_expect (fixture, "POST", "/provisio/v1/tenantOperators", no_consent, 400,
               "consentRequired");
  call_expect (fixture, "POST", "/provisio/v1/tenantOperators",
               "{\"operatorId\":\"bt\",\"countries\":[\"GB\"],\"contact\":{\"fullName\":\"C\","
               "\"email\":\"c@contoso.com\"},\"consentGiven\":true}", 400, "companySizeRequired");
  call_expect (fixture, "POST", "/provisio/v1/tenantOperators",
               "{\"operatorId\":\"bt\",\"countries\":[],\"consentGiven\":true}", 400,
               "countriesRequired");
  call_expect (fixture, "POST", "/provisio/v1/tenantOperators", bt, 201, NULL);
  call_expect (fixture, "GET", "/provisio/v1/tenantOperators/bt", NULL, 200, NULL);

  /* France has Orange numbers: it cannot be dropped. */
  call_expect (fixture, "PATCH", "/provisio/v1/tenantOperators/orange-business",
               "{\"countries\":[\"BE\"]}", 409, "numbersStillAssigned");
  call_expect (fixture, "PATCH", "/provisio/v1/tenantOperators/orange-business",
               "{\"countries\":[\"FR\",\"ES\"]}", 200, NULL);
  call_expect (fixture, "PATCH", "/provisio/v1/tenantOperators/orange-business",
               "{\"countries\":[\"FR\",\"JP\"]}", 400, "countryNotServed");

  {
    g_autoptr(Reply) reply = sandbox_call (fixture, "POST",
                                           "/provisio/v1/tenantOperators/bt/suspend", NULL, FALSE);

    expect (reply, 200, NULL);
    g_assert_cmpstr (reply_string (reply, "status"), ==, "suspended");
  }
  {
    g_autoptr(Reply) reply = sandbox_call (fixture, "POST",
                                           "/provisio/v1/tenantOperators/bt/resume", NULL, FALSE);

    expect (reply, 200, NULL);
    g_assert_cmpstr (reply_string (reply, "status"), ==, "active");
  }
  call_expect (fixture, "DELETE", "/provisio/v1/tenantOperators/deutsche-telekom", NULL, 409,
               "numbersStillAssigned");
  call_expect (fixture, "DELETE", "/provisio/v1/tenantOperators/bt", NULL, 204, NULL);
  call_expect (fixture, "GET", "/provisio/v1/tenantOperators/bt", NULL, 404,
               "operatorNotEnabled");
}

static void
test_emergency_addresses (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *id = NULL;

  {
    g_autoptr(Reply) reply = sandbox_call (fixture, "GET", "/provisio/v1/emergencyAddresses",
                                           NULL, FALSE);

    expect (reply, 200, NULL);
    g_assert_cmpuint (json_array_get_length (reply_value (reply)), >=, 3);
  }
  {
    g_autoptr(Reply) reply = sandbox_call (fixture, "POST", "/provisio/v1/emergencyAddresses",
                                           "{\"description\":\"Lyon\",\"streetName\":\"rue de "
                                           "la République\",\"city\":\"Lyon\","
                                           "\"countryOrRegion\":\"FR\"}", FALSE);

    expect (reply, 201, NULL);
    id = g_strdup (reply_string (reply, "id"));
    g_assert_nonnull (id);
  }
  {
    g_autofree char *path = g_strdup_printf ("/provisio/v1/emergencyAddresses/%s", id);
    g_autoptr(Reply) reply = sandbox_call (fixture, "PATCH", path, "{\"postalCode\":\"69002\"}",
                                           FALSE);

    expect (reply, 200, NULL);
    g_assert_cmpstr (reply_string (reply, "postalCode"), ==, "69002");
    g_assert_cmpstr (reply_string (reply, "city"), ==, "Lyon");
    call_expect (fixture, "DELETE", path, NULL, 204, NULL);
    call_expect (fixture, "GET", path, NULL, 404, "emergencyAddressNotFound");
  }
  call_expect (fixture, "POST", "/provisio/v1/emergencyAddresses", "{\"city\":\"Nowhere\"}", 400,
               "invalidEmergencyAddress");
  /* Used by Deutsche Telekom, which locks its addresses. */
  call_expect (fixture, "PATCH",
               "/provisio/v1/emergencyAddresses/b1d3a0e2-0003-4c3e-9a00-000000000003",
               "{\"city\":\"Potsdam\"}", 403, "emergencyAddressLocked");
  call_expect (fixture, "DELETE",
               "/provisio/v1/emergencyAddresses/b1d3a0e2-0001-4c3e-9a00-000000000001", NULL, 409,
               "emergencyAddressInUse");
  call_expect (fixture, "DELETE",
               "/provisio/v1/emergencyAddresses/b1d3a0e2-0004-4c3e-9a00-000000000004", NULL, 204,
               NULL);
}

static void
test_federation (Fixture       *fixture,
                 gconstpointer  data)
{
  call_expect (fixture, "PATCH", "/provisio/v1/federation",
               "{\"sharedSipAddressSpace\":false}", 409, "usersStillOnPremises");
  call_expect (fixture, "PATCH", "/provisio/v1/federation", "{\"colour\":true}", 400,
               "invalidRequest");
  call_expect (fixture, "PATCH", "/provisio/v1/federation", "{\"allowPublicUsers\":\"yes\"}", 400,
               "invalidRequest");
  {
    g_autoptr(Reply) reply = sandbox_call (fixture, "PATCH", "/provisio/v1/federation",
                                           "{\"allowPublicUsers\":true}", FALSE);

    expect (reply, 200, NULL);
    g_assert_true (json_object_get_boolean_member (json_node_get_object (reply->body),
                                                   "sharedSipAddressSpace"));
    g_assert_true (json_object_get_boolean_member (json_node_get_object (reply->body),
                                                   "allowPublicUsers"));
  }
  {
    g_autoptr(Reply) reply = sandbox_call (fixture, "GET", "/provisio/v1/readiness", NULL, FALSE);
    JsonObject *facts;

    expect (reply, 200, NULL);
    facts = json_node_get_object (reply->body);
    g_assert_true (json_object_get_boolean_member (facts, "sharedSipAddressSpace"));
    g_assert_true (json_object_get_boolean_member (facts, "onPremisesDeploymentValidated"));
    g_assert_false (json_object_get_boolean_member (facts, "remotePowerShellConfigured"));
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)

  ADD ("/sandbox/numbers/list", test_number_list);
  ADD ("/sandbox/numbers/assign", test_assign_number);
  ADD ("/sandbox/numbers/assign-refusals", test_assign_refusals);
  ADD ("/sandbox/numbers/update", test_update_number);
  ADD ("/sandbox/operators/catalogue", test_operator_catalogue);
  ADD ("/sandbox/operators/tenant", test_tenant_operators);
  ADD ("/sandbox/tenant/emergency-addresses", test_emergency_addresses);
  ADD ("/sandbox/tenant/federation", test_federation);

  return g_test_run ();
}
