/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include "sandbox-test-util.h"

/* Port orders: read-only over HTTP, and the operator's upload of a
 * ported Calling Plan number once it is unassigned or released, as an
 * Operator Connect number of the order's operator, once only. */

#define NUMBERS "/beta/admin/teams/telephoneNumberManagement"
#define COMPLETE "FR-2026-00417"
#define PENDING "FR-2026-00452"
#define PORTED_1 "+33170360101"
#define PORTED_2 "+33170360102"
#define PORTED_3 "+33170360103"
#define PORTED_4 "+33170360104"
#define PENDING_NUMBER "+33170360105"
#define US_CALLING_PLAN "+14255559998"   /* assigned, in no port order */

typedef SandboxFixture Fixture;

static void
setup (Fixture       *fixture,
       gconstpointer  data)
{
  sandbox_fixture_open (fixture, 0, NULL);
  pv_sandbox_server_set_operation_delay (fixture->server, 0);
  pv_sandbox_server_set_upload_delay (fixture->server, 0);
}

static void
teardown (Fixture       *fixture,
          gconstpointer  data)
{
  sandbox_fixture_close (fixture);
}

/* The number as the list gives it, or NULL when it is not in the tenant. */
static JsonObject *
get_number (Fixture    *fixture,
            const char *telephone)
{
  g_autofree char *path = g_strdup_printf (NUMBERS "/numberAssignments?$filter=telephoneNumber%%20eq%%20'%s'",
                                           telephone);
  g_autoptr(Reply) reply = sandbox_call (fixture, "GET", path, NULL, FALSE);
  JsonArray *value;

  g_assert_cmpuint (reply->status, ==, 200);
  value = reply_value (reply);
  g_assert_cmpuint (json_array_get_length (value), <=, 1);
  if (json_array_get_length (value) == 0)
    return NULL;
  return json_object_ref (json_array_get_object_element (value, 0));
}

static const char *
member (JsonObject *object,
        const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_string (node) : NULL;
}

/* The entry of @telephone in port order @id. */
static JsonObject *
get_entry (Fixture    *fixture,
           const char *id,
           const char *telephone)
{
  g_autofree char *path = g_strconcat ("/provisio/v1/portOrders/", id, NULL);
  g_autoptr(Reply) reply = sandbox_call (fixture, "GET", path, NULL, FALSE);
  JsonArray *numbers;

  g_assert_cmpuint (reply->status, ==, 200);
  numbers = json_object_get_array_member (json_node_get_object (reply->body), "numbers");
  for (guint i = 0; i < json_array_get_length (numbers); i++)
    {
      JsonObject *entry = json_array_get_object_element (numbers, i);

      if (g_strcmp0 (member (entry, "telephoneNumber"), telephone) == 0)
        return json_object_ref (entry);
    }
  g_assert_not_reached ();
  return NULL;
}

static void
unassign (Fixture    *fixture,
          const char *telephone,
          const char *type)
{
  g_autofree char *body = g_strdup_printf ("{\"telephoneNumber\":\"%s\",\"numberType\":\"%s\"}",
                                           telephone, type);
  g_autoptr(Reply) reply = sandbox_call (fixture, "POST", NUMBERS "/numberAssignments/unassignNumber",
                                         body, FALSE);

  g_assert_cmpuint (reply->status, ==, 202);
}

static guint
assign (Fixture    *fixture,
        const char *telephone,
        const char *user,
        const char *type,
        char      **code)
{
  g_autofree char *body = g_strdup_printf ("{\"telephoneNumber\":\"%s\",\"assignmentTargetId\":\"%s\","
                                           "\"numberType\":\"%s\"}", telephone, user, type);
  g_autoptr(Reply) reply = sandbox_call (fixture, "POST", NUMBERS "/numberAssignments/assignNumber",
                                         body, FALSE);

  if (code != NULL)
    *code = g_strdup (reply_error_code (reply));
  return reply->status;
}

static void
assert_calling_plan (JsonObject *number,
                     const char *status)
{
  g_assert_nonnull (number);
  g_assert_cmpstr (member (number, "numberType"), ==, "callingPlan");
  g_assert_null (member (number, "operatorId"));
  g_assert_cmpstr (member (number, "assignmentStatus"), ==, status);
}

static void
assert_uploaded (JsonObject *number)
{
  g_assert_nonnull (number);
  g_assert_cmpstr (member (number, "numberType"), ==, "operatorConnect");
  g_assert_cmpstr (member (number, "operatorId"), ==, "orange-business");
  g_assert_cmpstr (member (number, "isoCountryCode"), ==, "FR");
}

static void
test_list (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(Reply) list = sandbox_call (fixture, "GET", "/provisio/v1/portOrders", NULL, FALSE);
  g_autoptr(Reply) one = sandbox_call (fixture, "GET", "/provisio/v1/portOrders/" PENDING, NULL, FALSE);
  g_autoptr(Reply) unknown = sandbox_call (fixture, "GET", "/provisio/v1/portOrders/FR-0000", NULL, FALSE);
  g_autoptr(Reply) post = sandbox_call (fixture, "POST", "/provisio/v1/portOrders", "{}", FALSE);
  g_autoptr(Reply) deep = sandbox_call (fixture, "GET", "/provisio/v1/portOrders/" PENDING "/numbers", NULL, FALSE);
  g_autoptr(JsonObject) entry = get_entry (fixture, COMPLETE, PORTED_1);
  JsonObject *order;

  g_assert_cmpuint (list->status, ==, 200);
  g_assert_cmpuint (json_array_get_length (reply_value (list)), ==, 2);
  g_assert_cmpuint (one->status, ==, 200);
  order = json_node_get_object (one->body);
  g_assert_cmpstr (member (order, "status"), ==, "pending");
  g_assert_cmpstr (member (order, "operatorId"), ==, "orange-business");
  g_assert_cmpstr (member (order, "isoCountryCode"), ==, "FR");
  g_assert_cmpuint (unknown->status, ==, 404);
  g_assert_cmpstr (reply_error_code (unknown), ==, "portOrderNotFound");
  g_assert_cmpuint (post->status, ==, 405);
  g_assert_cmpstr (reply_error_code (post), ==, "methodNotAllowed");
  g_assert_cmpuint (deep->status, ==, 404);
  g_assert_cmpstr (member (entry, "uploadStatus"), ==, "notUploaded");
}

/* Unassigned, the ported number comes back at once (delay 0) as an
 * Operator Connect number of Orange Business in France, free, with its
 * emergency address; it can be assigned as such, and not as a Calling
 * Plan number any more; unassigning it again uploads nothing twice. */
static void
test_upload_on_unassign (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(JsonObject) before = get_number (fixture, PORTED_1);
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(JsonObject) entry = NULL;
  g_autoptr(JsonObject) again = NULL;
  g_autoptr(JsonObject) entry_again = NULL;
  g_autofree char *user = NULL;
  g_autofree char *code = NULL;
  g_autofree char *location = NULL;
  g_autofree char *uploaded_at = NULL;

  assert_calling_plan (before, "userAssigned");
  user = g_strdup (member (before, "assignmentTargetId"));
  location = g_strdup (member (before, "locationId"));
  g_assert_nonnull (user);
  g_assert_nonnull (location);

  unassign (fixture, PORTED_1, "callingPlan");
  after = get_number (fixture, PORTED_1);
  assert_uploaded (after);
  g_assert_cmpstr (member (after, "assignmentStatus"), ==, "unassigned");
  g_assert_null (member (after, "assignmentTargetId"));
  g_assert_cmpstr (member (after, "locationId"), ==, location);
  entry = get_entry (fixture, COMPLETE, PORTED_1);
  g_assert_cmpstr (member (entry, "uploadStatus"), ==, "uploaded");
  uploaded_at = g_strdup (member (entry, "uploadedDateTime"));
  g_assert_nonnull (uploaded_at);
  {
    g_autofree char *path = g_strdup_printf ("/provisio/v1/users/%s/voice", user);
    g_autoptr(Reply) voice = sandbox_call (fixture, "GET", path, NULL, FALSE);

    g_assert_cmpuint (voice->status, ==, 200);
    g_assert_null (reply_string (voice, "lineUri"));
  }

  g_assert_cmpuint (assign (fixture, PORTED_1, user, "callingPlan", &code), ==, 400);
  g_assert_cmpstr (code, ==, "numberTypeMismatch");
  g_assert_cmpuint (assign (fixture, PORTED_1, user, "operatorConnect", NULL), ==, 202);
  {
    g_autoptr(JsonObject) assigned = get_number (fixture, PORTED_1);

    assert_uploaded (assigned);
    g_assert_cmpstr (member (assigned, "assignmentStatus"), ==, "userAssigned");
    g_assert_cmpstr (member (assigned, "assignmentTargetId"), ==, user);
  }

  /* Once is enough: the Operator Connect number unassigned stays so. */
  unassign (fixture, PORTED_1, "operatorConnect");
  again = get_number (fixture, PORTED_1);
  assert_uploaded (again);
  g_assert_cmpstr (member (again, "assignmentStatus"), ==, "unassigned");
  entry_again = get_entry (fixture, COMPLETE, PORTED_1);
  g_assert_cmpstr (member (entry_again, "uploadedDateTime"), ==, uploaded_at);
}

/* Only numbers of a complete port order are uploaded: a Calling Plan
 * number in no order, or in a pending one, stays a Calling Plan number. */
static void
test_only_ported (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(JsonObject) us = NULL;
  g_autoptr(JsonObject) pending = NULL;
  g_autoptr(JsonObject) entry = NULL;
  g_autoptr(JsonObject) other = NULL;

  unassign (fixture, US_CALLING_PLAN, "callingPlan");
  unassign (fixture, PENDING_NUMBER, "callingPlan");
  us = get_number (fixture, US_CALLING_PLAN);
  pending = get_number (fixture, PENDING_NUMBER);
  assert_calling_plan (us, "unassigned");
  assert_calling_plan (pending, "unassigned");
  entry = get_entry (fixture, PENDING, PENDING_NUMBER);
  g_assert_cmpstr (member (entry, "uploadStatus"), ==, "notUploaded");
  /* The other numbers of the complete order wait for theirs. */
  other = get_number (fixture, PORTED_2);
  assert_calling_plan (other, "userAssigned");
}

/* With a delay, the number stays a free Calling Plan number until the
 * delay has passed; the first request after it sees the upload. */
static void
test_upload_after_delay (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(JsonObject) waiting = NULL;
  g_autoptr(JsonObject) entry = NULL;
  g_autoptr(JsonObject) uploaded = NULL;
  g_autoptr(JsonObject) later = NULL;

  /* Far in the future: not uploaded yet. */
  pv_sandbox_server_set_upload_delay (fixture->server, 3600 * 1000);
  unassign (fixture, PORTED_2, "callingPlan");
  waiting = get_number (fixture, PORTED_2);
  assert_calling_plan (waiting, "unassigned");
  entry = get_entry (fixture, COMPLETE, PORTED_2);
  g_assert_cmpstr (member (entry, "uploadStatus"), ==, "scheduled");

  /* A millisecond: any read after it sees the number uploaded. */
  pv_sandbox_server_set_upload_delay (fixture->server, 1);
  unassign (fixture, PORTED_3, "callingPlan");
  g_usleep (20 * 1000);
  uploaded = get_number (fixture, PORTED_3);
  assert_uploaded (uploaded);
  g_assert_cmpstr (member (uploaded, "assignmentStatus"), ==, "unassigned");
  later = get_number (fixture, PORTED_2);
  assert_calling_plan (later, "unassigned");
}

/* Released rather than only unassigned, the ported number comes back as
 * the operator's; released before the port completes, it is gone. */
static void
test_upload_on_release (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(Reply) refused = NULL;
  g_autoptr(Reply) released = NULL;
  g_autoptr(Reply) gone = NULL;
  g_autoptr(JsonObject) number = NULL;

  refused = sandbox_call (fixture, "POST", "/provisio/v1/phoneNumbers/" PORTED_4 "/release", NULL, FALSE);
  g_assert_cmpuint (refused->status, ==, 409);
  g_assert_cmpstr (reply_error_code (refused), ==, "numberAssigned");

  /* Scheduled far away, then released with uploads immediate. */
  pv_sandbox_server_set_upload_delay (fixture->server, 3600 * 1000);
  unassign (fixture, PORTED_4, "callingPlan");
  pv_sandbox_server_set_upload_delay (fixture->server, 0);
  released = sandbox_call (fixture, "POST", "/provisio/v1/phoneNumbers/" PORTED_4 "/release", NULL, FALSE);
  g_assert_cmpuint (released->status, ==, 204);
  number = get_number (fixture, PORTED_4);
  assert_uploaded (number);
  g_assert_cmpstr (member (number, "assignmentStatus"), ==, "unassigned");

  unassign (fixture, PENDING_NUMBER, "callingPlan");
  gone = sandbox_call (fixture, "POST", "/provisio/v1/phoneNumbers/" PENDING_NUMBER "/release", NULL, FALSE);
  g_assert_cmpuint (gone->status, ==, 204);
  g_assert_null (get_number (fixture, PENDING_NUMBER));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)

  ADD ("/sandbox/ports/list", test_list);
  ADD ("/sandbox/ports/upload-on-unassign", test_upload_on_unassign);
  ADD ("/sandbox/ports/only-ported", test_only_ported);
  ADD ("/sandbox/ports/upload-after-delay", test_upload_after_delay);
  ADD ("/sandbox/ports/upload-on-release", test_upload_on_release);

  return g_test_run ();
}
