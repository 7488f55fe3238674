/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include <glib/gstdio.h>

#include "sandbox-test-util.h"

/* Port orders: read over HTTP, completed by the operator's side (the
 * sandbox-only route, or by itself after the port delay), and the
 * operator's upload of a ported Calling Plan number once it is
 * unassigned or released, as an Operator Connect number of the order's
 * operator, once only. Time is driven by moving the operator's clock
 * forward, never by waiting. */

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

/* The order as GET gives it. */
static JsonObject *
get_order (Fixture    *fixture,
           const char *id)
{
  g_autofree char *path = g_strconcat ("/provisio/v1/portOrders/", id, NULL);
  g_autoptr(Reply) reply = sandbox_call (fixture, "GET", path, NULL, FALSE);

  g_assert_cmpuint (reply->status, ==, 200);
  return json_object_ref (json_node_get_object (reply->body));
}

static Reply *
complete_order (Fixture    *fixture,
                const char *encoded_id)
{
  g_autofree char *path = g_strconcat ("/provisio/v1/portOrders/", encoded_id, "/complete", NULL);

  return sandbox_call (fixture, "POST", path, NULL, FALSE);
}

/* The same state, read by a new server: what was acknowledged is on
 * disk. With @seed, the state is reset from it. */
static void
restart (Fixture    *fixture,
         const char *seed)
{
  g_autoptr(GError) error = NULL;

  pv_sandbox_server_stop (fixture->server);
  g_clear_object (&fixture->server);
  fixture->server = pv_sandbox_server_new (fixture->state, seed != NULL ? seed : PV_SANDBOX_SEED, &error);
  g_assert_no_error (error);
  pv_sandbox_server_set_operation_delay (fixture->server, 0);
  pv_sandbox_server_set_upload_delay (fixture->server, 0);
  if (seed != NULL)
    {
      g_assert_true (pv_sandbox_server_reset (fixture->server, &error));
      g_assert_no_error (error);
    }
  g_assert_true (pv_sandbox_server_start (fixture->server, 0, &error));
  g_assert_no_error (error);
}

static gint64
parse_time (const char *stamp)
{
  g_autoptr(GDateTime) time = NULL;

  g_assert_nonnull (stamp);
  time = g_date_time_new_from_iso8601 (stamp, NULL);
  g_assert_nonnull (time);
  return g_date_time_to_unix (time);
}

/* The operator completes the pending order: complete from then on, with
 * the time it completed, on disk; completing it again changes nothing.
 * The route is POST only, and an unknown order is refused with the
 * sandbox's error body, however its id is made. */
static void
test_complete (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(JsonObject) before = get_order (fixture, PENDING);
  g_autoptr(JsonObject) reread = NULL;
  g_autoptr(JsonObject) other = NULL;
  g_autoptr(Reply) done = NULL;
  g_autoptr(Reply) again = NULL;
  g_autoptr(Reply) get = NULL;
  g_autoptr(Reply) other_action = NULL;
  g_autoptr(Reply) unknown = NULL;
  g_autoptr(Reply) list = NULL;
  g_autofree char *completed = NULL;
  gint64 start = g_get_real_time () / G_USEC_PER_SEC;
  gint64 stamp;
  JsonObject *order;

  g_assert_cmpstr (member (before, "status"), ==, "pending");
  g_assert_null (member (before, "completedDateTime"));

  done = complete_order (fixture, PENDING);
  g_assert_cmpuint (done->status, ==, 200);
  order = json_node_get_object (done->body);
  g_assert_cmpstr (member (order, "id"), ==, PENDING);
  g_assert_cmpstr (member (order, "status"), ==, "complete");
  g_assert_cmpstr (member (order, "submittedDateTime"), ==, member (before, "submittedDateTime"));
  completed = g_strdup (member (order, "completedDateTime"));
  /* Now, to the second the stamp keeps. */
  stamp = parse_time (completed);
  g_assert_cmpint (stamp, >=, start);
  g_assert_cmpint (stamp, <=, g_get_real_time () / G_USEC_PER_SEC);

  /* Kept on disk, as every acknowledged change. */
  restart (fixture, NULL);
  reread = get_order (fixture, PENDING);
  g_assert_cmpstr (member (reread, "status"), ==, "complete");
  g_assert_cmpstr (member (reread, "completedDateTime"), ==, completed);

  /* Again, an hour later: the same order, the same time. */
  pv_sandbox_server_advance_clock (fixture->server, 3600 * 1000);
  again = complete_order (fixture, PENDING);
  g_assert_cmpuint (again->status, ==, 200);
  g_assert_cmpstr (reply_string (again, "status"), ==, "complete");
  g_assert_cmpstr (reply_string (again, "completedDateTime"), ==, completed);
  other = get_order (fixture, COMPLETE);
  g_assert_cmpstr (member (other, "completedDateTime"), ==, "2026-11-16T14:00:00Z");

  get = sandbox_call (fixture, "GET", "/provisio/v1/portOrders/" PENDING "/complete", NULL, FALSE);
  g_assert_cmpuint (get->status, ==, 405);
  g_assert_cmpstr (reply_error_code (get), ==, "methodNotAllowed");
  other_action = sandbox_call (fixture, "POST", "/provisio/v1/portOrders/" PENDING "/cancel", NULL, FALSE);
  g_assert_cmpuint (other_action->status, ==, 404);
  g_assert_cmpstr (reply_error_code (other_action), ==, "routeNotFound");
  unknown = complete_order (fixture, "FR-0000");
  g_assert_cmpuint (unknown->status, ==, 404);
  g_assert_cmpstr (reply_error_code (unknown), ==, "portOrderNotFound");
  list = sandbox_call (fixture, "GET", "/provisio/v1/portOrders", NULL, FALSE);
  g_assert_cmpuint (json_array_get_length (reply_value (list)), ==, 2);
}

/* Ids that are no order's, made to confuse the route, the store or the
 * error body: each is refused as an unknown order, with the sandbox's
 * error body, and nothing changes. Each segment is decoded once: an
 * encoded slash stays in the id, and an id encoded twice does not name
 * the order decoded twice; "%2E%2E" is ".." (the path goes up one
 * segment, to no route). A NUL, or what is not UTF-8, is no path. */
static void
test_complete_hostile_ids (Fixture       *fixture,
                           gconstpointer  data)
{
  static const struct
  {
    const char *id;
    guint status;
    const char *code;
  } cases[] = {
    { "fr-2026-00452", 404, "portOrderNotFound" },     /* ids keep their case */
    { "FR-2026-00452%20", 404, "portOrderNotFound" },
    { "%20FR-2026-00452", 404, "portOrderNotFound" },
    { "FR-2026-00452'%20OR%20'1'%3D'1", 404, "portOrderNotFound" },
    { "%22%7D%2C%22status%22%3A%22complete", 404, "portOrderNotFound" },
    { "FR-2026-0045%25", 404, "portOrderNotFound" },
    { "FR-2026-0045%2532", 404, "portOrderNotFound" },  /* "2" encoded twice */
    { "%F0%9F%93%9E", 404, "portOrderNotFound" },
    { "%C3%A9%E2%80%AE", 404, "portOrderNotFound" },
    { "FR-2026-00452%2Fcomplete", 404, "portOrderNotFound" },
    { "%2E%2E", 404, "routeNotFound" },                 /* "..", as RFC 3986 has it */
    { "FR-2026-00417%2F..%2FFR-2026-00452", 404, "portOrderNotFound" },
    { "FR-2026-00452%00", 400, "BadRequest" },
    { "%FF%FE", 400, "BadRequest" },                     /* not UTF-8 */
  };
  g_autoptr(GString) long_id = g_string_new (NULL);
  g_autoptr(JsonObject) pending = NULL;
  g_autoptr(JsonObject) complete = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Reply) reply = complete_order (fixture, cases[i].id);

      g_test_message ("%s", cases[i].id);
      g_assert_cmpuint (reply->status, ==, cases[i].status);
      g_assert_cmpstr (reply_error_code (reply), ==, cases[i].code);
    }
  for (guint i = 0; i < 4096; i++)
    g_string_append_c (long_id, 'A' + i % 26);
  {
    g_autoptr(Reply) reply = complete_order (fixture, long_id->str);

    g_assert_cmpuint (reply->status, ==, 404);
    g_assert_cmpstr (reply_error_code (reply), ==, "portOrderNotFound");
  }

  pending = get_order (fixture, PENDING);
  complete = get_order (fixture, COMPLETE);
  g_assert_cmpstr (member (pending, "status"), ==, "pending");
  g_assert_null (member (pending, "completedDateTime"));
  g_assert_cmpstr (member (complete, "completedDateTime"), ==, "2026-11-16T14:00:00Z");
}

/* An order in another state than pending or complete (a seed of one's
 * own) cannot complete: refused, left as it was. */
static void
test_complete_refused (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *seed = g_build_filename (fixture->folder, "seed.json", NULL);
  g_autoptr(Reply) refused = NULL;
  g_autoptr(JsonObject) order = NULL;
  JsonArray *orders;

  g_assert_true (json_parser_load_from_file (parser, PV_SANDBOX_SEED, &error));
  g_assert_no_error (error);
  orders = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "portOrders");
  for (guint i = 0; i < json_array_get_length (orders); i++)
    {
      JsonObject *seeded = json_array_get_object_element (orders, i);

      if (g_strcmp0 (member (seeded, "id"), PENDING) == 0)
        json_object_set_string_member (seeded, "status", "cancelled");
    }
  json_generator_set_root (generator, json_parser_get_root (parser));
  g_assert_true (json_generator_to_file (generator, seed, &error));
  g_assert_no_error (error);
  restart (fixture, seed);

  refused = complete_order (fixture, PENDING);
  g_assert_cmpuint (refused->status, ==, 409);
  g_assert_cmpstr (reply_error_code (refused), ==, "portOrderNotPending");
  order = get_order (fixture, PENDING);
  g_assert_cmpstr (member (order, "status"), ==, "cancelled");
  g_assert_null (member (order, "completedDateTime"));
  g_remove (seed);
}

/* Once its order is complete, the number that waited is uploaded when
 * its Calling Plan assignment goes, as any ported number. */
static void
test_complete_then_unassign (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(Reply) done = NULL;
  g_autoptr(JsonObject) still = NULL;
  g_autoptr(JsonObject) number = NULL;
  g_autoptr(JsonObject) entry = NULL;
  g_autoptr(JsonObject) waiting = NULL;

  done = complete_order (fixture, PENDING);
  g_assert_cmpuint (done->status, ==, 200);
  /* Completing uploads nothing still assigned. */
  still = get_number (fixture, PENDING_NUMBER);
  assert_calling_plan (still, "userAssigned");
  waiting = get_entry (fixture, PENDING, PENDING_NUMBER);
  g_assert_cmpstr (member (waiting, "uploadStatus"), ==, "notUploaded");

  unassign (fixture, PENDING_NUMBER, "callingPlan");
  number = get_number (fixture, PENDING_NUMBER);
  assert_uploaded (number);
  g_assert_cmpstr (member (number, "assignmentStatus"), ==, "unassigned");
  entry = get_entry (fixture, PENDING, PENDING_NUMBER);
  g_assert_cmpstr (member (entry, "uploadStatus"), ==, "uploaded");
  g_assert_nonnull (member (entry, "uploadedDateTime"));
}

/* A number freed while its order was pending is uploaded when the order
 * completes, and the answer already says so; one released meanwhile has
 * left the tenant and does not come back. */
static void
test_complete_uploads_free (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(Reply) done = NULL;
  g_autoptr(Reply) released = NULL;
  g_autoptr(JsonObject) number = NULL;
  JsonArray *numbers;

  unassign (fixture, PENDING_NUMBER, "callingPlan");
  done = complete_order (fixture, PENDING);
  g_assert_cmpuint (done->status, ==, 200);
  numbers = json_object_get_array_member (json_node_get_object (done->body), "numbers");
  g_assert_cmpstr (member (json_array_get_object_element (numbers, 0), "uploadStatus"), ==, "uploaded");
  number = get_number (fixture, PENDING_NUMBER);
  assert_uploaded (number);
  g_assert_cmpstr (member (number, "assignmentStatus"), ==, "unassigned");

  /* Released before the completion: gone for good. */
  sandbox_fixture_close (fixture);
  setup (fixture, data);
  unassign (fixture, PENDING_NUMBER, "callingPlan");
  released = sandbox_call (fixture, "POST", "/provisio/v1/phoneNumbers/" PENDING_NUMBER "/release", NULL, FALSE);
  g_assert_cmpuint (released->status, ==, 204);
  g_clear_pointer (&done, reply_free);
  done = complete_order (fixture, PENDING);
  g_assert_cmpuint (done->status, ==, 200);
  g_assert_null (get_number (fixture, PENDING_NUMBER));
  {
    g_autoptr(JsonObject) entry = get_entry (fixture, PENDING, PENDING_NUMBER);

    g_assert_cmpstr (member (entry, "uploadStatus"), ==, "notUploaded");
  }
}

/* The number given back as a Calling Plan number before the upload
 * delay has passed: when the delay passes, the operator finds it in use
 * and uploads nothing; its entry is notUploaded again and stays so,
 * however long after. Freed again, it is scheduled and uploaded anew. */
static void
test_upload_cancelled (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(JsonObject) before = get_number (fixture, PORTED_2);
  g_autoptr(JsonObject) scheduled = NULL;
  g_autoptr(JsonObject) taken_back = NULL;
  g_autofree char *user = g_strdup (member (before, "assignmentTargetId"));

  pv_sandbox_server_set_upload_delay (fixture->server, 60 * 1000);
  unassign (fixture, PORTED_2, "callingPlan");
  scheduled = get_entry (fixture, COMPLETE, PORTED_2);
  g_assert_cmpstr (member (scheduled, "uploadStatus"), ==, "scheduled");

  /* Half the delay on, given back to its user as a Calling Plan number. */
  pv_sandbox_server_advance_clock (fixture->server, 30 * 1000);
  g_assert_cmpuint (assign (fixture, PORTED_2, user, "callingPlan", NULL), ==, 202);
  taken_back = get_number (fixture, PORTED_2);
  assert_calling_plan (taken_back, "userAssigned");
  g_assert_cmpstr (member (taken_back, "assignmentTargetId"), ==, user);

  /* The delay passed, then a day: never uploaded. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(JsonObject) number = NULL;
      g_autoptr(JsonObject) entry = NULL;

      pv_sandbox_server_advance_clock (fixture->server, i == 0 ? 31 * 1000 : 24 * 3600 * 1000);
      number = get_number (fixture, PORTED_2);
      assert_calling_plan (number, "userAssigned");
      g_assert_cmpstr (member (number, "assignmentTargetId"), ==, user);
      entry = get_entry (fixture, COMPLETE, PORTED_2);
      g_assert_cmpstr (member (entry, "uploadStatus"), ==, "notUploaded");
      g_assert_null (member (entry, "uploadedDateTime"));
    }

  /* Freed again: the operator uploads it after the delay. */
  unassign (fixture, PORTED_2, "callingPlan");
  {
    g_autoptr(JsonObject) entry = get_entry (fixture, COMPLETE, PORTED_2);
    g_autoptr(JsonObject) number = NULL;

    g_assert_cmpstr (member (entry, "uploadStatus"), ==, "scheduled");
    pv_sandbox_server_advance_clock (fixture->server, 61 * 1000);
    number = get_number (fixture, PORTED_2);
    assert_uploaded (number);
  }
}

/* With a port delay, the operator completes a pending order that long
 * after the tenant first read it: not before, not when nobody asked,
 * and the schedule survives a restart. Without one, never. */
static void
test_port_delay (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(Reply) unrelated = NULL;
  g_autoptr(Reply) list = NULL;
  g_autofree char *completed = NULL;

  /* Without a port delay: pending for ever. */
  {
    g_autoptr(JsonObject) order = get_order (fixture, PENDING);

    pv_sandbox_server_advance_clock (fixture->server, 24 * 3600 * 1000);
    g_clear_pointer (&order, json_object_unref);
    order = get_order (fixture, PENDING);
    g_assert_cmpstr (member (order, "status"), ==, "pending");
  }

  /* Time passing while nobody reads the order starts nothing. */
  pv_sandbox_server_set_port_delay (fixture->server, 60 * 1000);
  unrelated = sandbox_call (fixture, "GET", NUMBERS "/numberAssignments", NULL, FALSE);
  g_assert_cmpuint (unrelated->status, ==, 200);
  pv_sandbox_server_advance_clock (fixture->server, 120 * 1000);

  /* The first read (the list) starts the operator's clock. */
  list = sandbox_call (fixture, "GET", "/provisio/v1/portOrders", NULL, FALSE);
  g_assert_cmpuint (list->status, ==, 200);
  pv_sandbox_server_advance_clock (fixture->server, 59 * 1000);
  {
    g_autoptr(JsonObject) order = get_order (fixture, PENDING);

    g_assert_cmpstr (member (order, "status"), ==, "pending");
  }

  /* Stored: a new server, even without a port delay of its own, keeps
   * to it once its clock is where the old one's was, and 2 s more. */
  restart (fixture, NULL);
  pv_sandbox_server_advance_clock (fixture->server, (24 * 3600 + 120 + 59 + 2) * 1000);
  {
    g_autoptr(JsonObject) order = get_order (fixture, PENDING);
    g_autoptr(JsonObject) other = get_order (fixture, COMPLETE);

    g_assert_cmpstr (member (order, "status"), ==, "complete");
    completed = g_strdup (member (order, "completedDateTime"));
    g_assert_nonnull (completed);
    g_assert_cmpstr (member (other, "completedDateTime"), ==, "2026-11-16T14:00:00Z");
  }

  /* Completed once: the route, later, finds it so. */
  pv_sandbox_server_advance_clock (fixture->server, 3600 * 1000);
  {
    g_autoptr(Reply) again = complete_order (fixture, PENDING);

    g_assert_cmpuint (again->status, ==, 200);
    g_assert_cmpstr (reply_string (again, "completedDateTime"), ==, completed);
  }
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
  ADD ("/sandbox/ports/upload-cancelled", test_upload_cancelled);
  ADD ("/sandbox/ports/complete", test_complete);
  ADD ("/sandbox/ports/complete-hostile-ids", test_complete_hostile_ids);
  ADD ("/sandbox/ports/complete-refused", test_complete_refused);
  ADD ("/sandbox/ports/complete-then-unassign", test_complete_then_unassign);
  ADD ("/sandbox/ports/complete-uploads-free", test_complete_uploads_free);
  ADD ("/sandbox/ports/port-delay", test_port_delay);

  return g_test_run ();
}
