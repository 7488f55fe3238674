/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "pv-iso-codes.h"
#include "pv-json.h"
#include "pv-licence-sku.h"
#include "pv-service-error.h"
#include "pv-voice-calls.h"
#include "pv-voice-routing-policy.h"

/* Operator Connect, numbers and emergency addresses over the generic
 * client. Each write is a small state machine (Call): send; on an answer
 * that proves the change, finish; on a refusal, explain it in the user's
 * language (looking up what blocks it when that helps); on a failure
 * whose outcome is unknown (a dropped connection after sending, an
 * answer cut in half), read the state back and send again only when the
 * change is not there. */

#define NUMBERS_PATH "/beta/admin/teams/telephoneNumberManagement"
#define EXTENSION_PATH "/provisio/v1"

/* Rounds of "unknown outcome, checked, not there, send again" before
 * giving up: a service that loses every answer will not get better. */
#define MAX_SENDS 3

/* How many blocking numbers a message names before summing up the rest. */
#define MAX_NUMBERS_NAMED 5

void
pv_number_filter_init (PvNumberFilter *filter)
{
  g_return_if_fail (filter != NULL);

  *filter = (PvNumberFilter) { .number_type = -1, .status = -1 };
}

/* --- Refusals, explained. --- */

typedef struct _Call Call;
typedef void (*CallStep) (GTask *task);
typedef void (*CallAnswer) (GTask *task, PvServiceResponse *response);

struct _Call
{
  /* The write. */
  char              *method;
  char              *path;
  JsonNode          *body;
  PvRequestFlags     flags;
  guint              sends;
  guint              checks;
  CallAnswer         on_answer;
  CallStep           check;

  /* What the messages and checks need. */
  char              *operator_id;
  char              *operator_name;
  GStrv              countries;
  GStrv              served;
  char              *telephone_number;
  char              *user_id;
  char              *location_id;
  PvNumberType       number_type;
  PvEmergencyAddress *address;
  char              *address_id;

  /* A refusal waiting for the lookup that explains it. */
  GError            *refusal;
  GListStore        *numbers;
};

static void
call_free (Call *call)
{
  g_clear_pointer (&call->method, g_free);
  g_clear_pointer (&call->path, g_free);
  g_clear_pointer (&call->body, json_node_unref);
  g_clear_pointer (&call->operator_id, g_free);
  g_clear_pointer (&call->operator_name, g_free);
  g_clear_pointer (&call->countries, g_strfreev);
  g_clear_pointer (&call->served, g_strfreev);
  g_clear_pointer (&call->telephone_number, g_free);
  g_clear_pointer (&call->user_id, g_free);
  g_clear_pointer (&call->location_id, g_free);
  g_clear_object (&call->address);
  g_clear_pointer (&call->address_id, g_free);
  g_clear_error (&call->refusal);
  g_clear_object (&call->numbers);
  g_free (call);
}

static GTask *
call_task_new (PvServiceClient     *self,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data,
               gpointer             source_tag,
               Call               **out_call)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Call *call = g_new0 (Call, 1);

  g_task_set_source_tag (task, source_tag);
  /* Cancellation comes back in the client's own domain, as every other
   * outcome does. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, call, (GDestroyNotify) call_free);
  *out_call = call;
  return task;
}

static char *
country_name (const char *code)
{
  const char *name = pv_iso_codes_get_country_name (code);

  return g_strdup (name != NULL ? name : code);
}

/* "France, Belgium": a list of names, not a sentence. */
static char *
country_names (const char * const *codes)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      g_autofree char *name = country_name (codes[i]);

      g_string_append_printf (text, "%s%s", i > 0 ? C_("list separator", ", ") : "", name);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const char *
operator_label (Call *call)
{
  if (call->operator_name != NULL)
    return call->operator_name;
  return call->operator_id != NULL ? call->operator_id : "?";
}

static const char *
number_label (Call *call)
{
  return call->telephone_number != NULL ? call->telephone_number : "?";
}

/* Replaces the message of @error (keeping its service code, request id
 * and status) and, where the HTTP status says less than the refusal,
 * its code. */
static void
set_message (GError         *error,
             PvServiceError  code,
             char           *message)
{
  g_free (error->message);
  error->message = message;
  error->code = code;
}

/* Countries of @call->countries that @call->served lacks. */
static GStrv
unserved_countries (Call *call)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; call->countries != NULL && call->countries[i] != NULL; i++)
    if (call->served == NULL || !g_strv_contains ((const char * const *) call->served, call->countries[i]))
      g_strv_builder_add (builder, call->countries[i]);
  return g_strv_builder_end (builder);
}

/* The numbers that keep @call's change from being made, and where. */
static void
describe_blocking_numbers (Call     *call,
                           GString  *numbers,
                           GStrv    *countries,
                           guint    *n_numbers)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = 0;
  guint n_items = call->numbers != NULL ? g_list_model_get_n_items (G_LIST_MODEL (call->numbers)) : 0;

  /* Assigned numbers first: they are the ones to unassign first. */
  for (guint i = 0; i < 2 * n_items; i++)
    {
      g_autoptr(PvPhoneNumber) number = g_list_model_get_item (G_LIST_MODEL (call->numbers),
                                                               i % n_items);
      const char *country = pv_phone_number_get_country_code (number);
      gboolean assigned = pv_phone_number_get_status (number) == PV_NUMBER_STATUS_ASSIGNED;

      if ((i < n_items) != assigned)
        continue;
      /* A change of countries is blocked by the countries dropped only. */
      if (call->countries != NULL && country != NULL &&
          g_strv_contains ((const char * const *) call->countries, country))
        continue;
      if (n < MAX_NUMBERS_NAMED)
        g_string_append_printf (numbers, "%s%s", n > 0 ? C_("list separator", ", ") : "",
                                pv_phone_number_get_telephone_number (number));
      n++;
      if (country != NULL && g_hash_table_add (seen, (gpointer) country))
        g_strv_builder_add (builder, country);
    }
  if (n > MAX_NUMBERS_NAMED)
    /* Translators: ends a list of phone numbers cut short; %u is how many
     * more there are. */
    g_string_append_printf (numbers, ngettext (" and %u more", " and %u more",
                                               n - MAX_NUMBERS_NAMED),
                            n - MAX_NUMBERS_NAMED);
  *countries = g_strv_builder_end (builder);
  *n_numbers = n;
}

static void
explain_numbers_still_assigned (GError *error,
                                Call   *call)
{
  g_autoptr(GString) numbers = g_string_new (NULL);
  g_auto(GStrv) codes = NULL;
  g_autofree char *where = NULL;
  guint n = 0;

  describe_blocking_numbers (call, numbers, &codes, &n);
  where = country_names ((const char * const *) codes);

  if (call->countries != NULL && n > 0)
    set_message (error, PV_SERVICE_ERROR_CONFLICT,
                 /* Translators: the first %s is an operator, the second one
                  * or more countries, the third the phone numbers. */
                 g_strdup_printf (ngettext ("%s still has a phone number in %s: %s. Unassign it, "
                                            "then release it with the operator, then remove the "
                                            "country.",
                                            "%s still has phone numbers in %s: %s. Unassign them, "
                                            "then release them with the operator, then remove the "
                                            "country.", n),
                                  operator_label (call), where, numbers->str));
  else if (call->countries != NULL)
    set_message (error, PV_SERVICE_ERROR_CONFLICT,
                 /* Translators: %s is an operator. */
                 g_strdup_printf (_("%s still has phone numbers in a country you are removing. "
                                    "Unassign them, then release them with the operator, then "
                                    "remove the country."), operator_label (call)));
  else if (n > 0)
    set_message (error, PV_SERVICE_ERROR_CONFLICT,
                 /* Translators: the first %s is an operator, the second one
                  * or more countries, the third the phone numbers. */
                 g_strdup_printf (ngettext ("%s still has a phone number in %s: %s. Unassign it, "
                                            "then release it with the operator, then remove the "
                                            "operator.",
                                            "%s still has phone numbers in %s: %s. Unassign them, "
                                            "then release them with the operator, then remove the "
                                            "operator.", n),
                                  operator_label (call), where, numbers->str));
  else
    set_message (error, PV_SERVICE_ERROR_CONFLICT,
                 /* Translators: %s is an operator. */
                 g_strdup_printf (_("%s still has phone numbers. Unassign them, then release them "
                                    "with the operator, then remove the operator."),
                                  operator_label (call)));
}

/* Gives a documented refusal (docs/api.md) a message that says what is
 * wrong and what to do, and the error code that fits it best. Other
 * errors keep the client's message. Takes @error. */
static GError *
explain (GError *error,
         Call   *call)
{
  const char *code = pv_service_error_get_service_code (error);

  if (error->domain != PV_SERVICE_ERROR || code == NULL)
    return error;

  /* Numbers. */
  if (g_str_equal (code, "invalidTelephoneNumber"))
    set_message (error, PV_SERVICE_ERROR_INVALID_REQUEST,
                 /* Translators: %s is what was given as a phone number. */
                 g_strdup_printf (_("“%s” is not a phone number in E.164 format such as "
                                    "+33123456789. Remove any “tel:” prefix, space or extension, "
                                    "then try again."), number_label (call)));
  else if (g_str_equal (code, "numberNotFound"))
    set_message (error, PV_SERVICE_ERROR_NOT_FOUND,
                 /* Translators: %s is a phone number. */
                 g_strdup_printf (_("%s is not one of the tenant’s phone numbers. Check the "
                                    "number, or refresh the list: it may have been released."),
                                  number_label (call)));
  else if (g_str_equal (code, "numberTypeMismatch"))
    set_message (error, PV_SERVICE_ERROR_INVALID_REQUEST,
                 /* Translators: the first %s is a phone number, the second
                  * a number type (Calling Plan, Direct Routing, Operator Connect). */
                 g_strdup_printf (_("%s is not a %s number. Give the number’s own type, as the "
                                    "list of numbers shows it, then try again."),
                                  number_label (call),
                                  pv_enum_get_label (PV_TYPE_NUMBER_TYPE, (int) call->number_type)));
  else if (g_str_equal (code, "numberAlreadyAssigned"))
    set_message (error, PV_SERVICE_ERROR_CONFLICT,
                 /* Translators: %s is a phone number. */
                 g_strdup_printf (_("%s is already assigned to someone else. Unassign it from "
                                    "that person first, or choose another number."),
                                  number_label (call)));
  else if (g_str_equal (code, "numberPending"))
    set_message (error, PV_SERVICE_ERROR_CONFLICT,
                 /* Translators: %s is a phone number. */
                 g_strdup_printf (_("%s is still being set up by its operator. Wait until the "
                                    "operator has finished, then try again."),
                                  number_label (call)));
  else if (g_str_equal (code, "userNotTeamsOnly"))
    set_message (error, PV_SERVICE_ERROR_INVALID_REQUEST,
                 g_strdup (_("This person is not in TeamsOnly mode, which Calling Plan and "
                             "Operator Connect numbers need. Move the person to Teams only "
                             "first, then assign the number.")));
  else if (g_str_equal (code, "licenceMissing"))
    set_message (error, PV_SERVICE_ERROR_INVALID_REQUEST,
                 g_strdup (_("This person has no licence with Phone System (for example "
                             "Microsoft 365 E5). Assign such a licence first, then assign the "
                             "number.")));
  else if (g_str_equal (code, "unknownEmergencyAddress"))
    set_message (error, PV_SERVICE_ERROR_INVALID_REQUEST,
                 g_strdup (_("The emergency address chosen does not exist. Choose another one, "
                             "or create it first.")));
  else if (g_str_equal (code, "emergencyAddressLocked") && call->telephone_number != NULL)
    set_message (error, PV_SERVICE_ERROR_CONFLICT,
                 /* Translators: %s is a phone number. */
                 g_strdup_printf (_("The operator of %s assigns and locks its emergency address: "
                                    "only the operator can change it. Ask the operator."),
                                  number_label (call)));
  else if (g_str_equal (code, "numberAssigned"))
    set_message (error, PV_SERVICE_ERROR_CONFLICT,
                 /* Translators: %s is a phone number. */
                 g_strdup_printf (_("%s is still assigned to someone. Unassign it first, then "
                                    "release it."), number_label (call)));

  /* Operators. */
  else if (g_str_equal (code, "unknownOperator"))
    set_message (error, PV_SERVICE_ERROR_NOT_FOUND,
                 /* Translators: %s is an operator id. */
                 g_strdup_printf (_("“%s” is not in the Operator Connect catalogue. Choose one of "
                                    "the operators the catalogue lists."), operator_label (call)));
  else if (g_str_equal (code, "operatorAlreadyEnabled"))
    set_message (error, PV_SERVICE_ERROR_CONFLICT,
                 /* Translators: %s is an operator. */
                 g_strdup_printf (_("%s is already one of your operators. To use it in more "
                                    "countries, change its countries in My operators instead."),
                                  operator_label (call)));
  else if (g_str_equal (code, "countriesRequired"))
    set_message (error, PV_SERVICE_ERROR_INVALID_REQUEST,
                 g_strdup (_("Choose at least one country where the operator will serve you.")));
  else if (g_str_equal (code, "countryNotServed"))
    {
      g_auto(GStrv) unserved = unserved_countries (call);
      g_autofree char *names = country_names ((const char * const *) unserved);
      g_autofree char *served = country_names ((const char * const *) call->served);

      if (call->served != NULL && unserved[0] != NULL)
        set_message (error, PV_SERVICE_ERROR_INVALID_REQUEST,
                     /* Translators: the first %s is an operator, the second one
                      * or more countries, the third the countries it serves. */
                     g_strdup_printf (_("%s does not serve %s. Choose among the countries it "
                                        "serves: %s."), operator_label (call), names, served));
      else
        set_message (error, PV_SERVICE_ERROR_INVALID_REQUEST,
                     /* Translators: %s is an operator. */
                     g_strdup_printf (_("%s does not serve one of the countries chosen. Choose "
                                        "among the countries the catalogue lists for it."),
                                      operator_label (call)));
    }
  else if (g_str_equal (code, "contactRequired"))
    set_message (error, PV_SERVICE_ERROR_INVALID_REQUEST,
                 g_strdup (_("Give the full name and a valid e-mail address of the person the "
                             "operator should contact.")));
  else if (g_str_equal (code, "companySizeRequired"))
    set_message (error, PV_SERVICE_ERROR_INVALID_REQUEST,
                 g_strdup (_("Give your company size, as a number of employees: the operator "
                             "needs it.")));
  else if (g_str_equal (code, "consentRequired"))
    set_message (error, PV_SERVICE_ERROR_INVALID_REQUEST,
                 g_strdup (_("Accept the data transfer notice: an operator cannot be added "
                             "without it.")));
  else if (g_str_equal (code, "operatorNotEnabled"))
    set_message (error, PV_SERVICE_ERROR_NOT_FOUND,
                 /* Translators: %s is an operator. */
                 g_strdup_printf (_("%s is not one of your operators. Refresh My operators: it "
                                    "may have been removed."), operator_label (call)));
  else if (g_str_equal (code, "numbersStillAssigned"))
    explain_numbers_still_assigned (error, call);

  /* Emergency addresses. */
  else if (g_str_equal (code, "invalidEmergencyAddress"))
    set_message (error, PV_SERVICE_ERROR_INVALID_REQUEST,
                 g_strdup (_("The emergency address is not valid: give at least its country or "
                             "region, as a two-letter code such as FR.")));
  else if (g_str_equal (code, "emergencyAddressNotFound"))
    set_message (error, PV_SERVICE_ERROR_NOT_FOUND,
                 g_strdup (_("This emergency address does not exist any more. Refresh the "
                             "list.")));
  else if (g_str_equal (code, "emergencyAddressLocked"))
    set_message (error, PV_SERVICE_ERROR_CONFLICT,
                 g_strdup (_("An operator assigns and locks this emergency address: only the "
                             "operator can change it. Ask the operator.")));
  else if (g_str_equal (code, "emergencyAddressInUse"))
    set_message (error, PV_SERVICE_ERROR_CONFLICT,
                 g_strdup (_("Phone numbers still use this emergency address. Give them another "
                             "address first, then delete it.")));

  return error;
}

/* --- The write state machine. --- */

static void send_write (GTask *task);

static gboolean
outcome_unknown (const GError *error)
{
  return g_error_matches (error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_OUTCOME_UNKNOWN) ||
         g_error_matches (error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_MALFORMED_ANSWER);
}

static void
catalogue_listed_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Call *call = g_task_get_task_data (task);
  GListModel *catalogue = g_object_get_data (G_OBJECT (task), "pv-catalogue");
  g_autoptr(GError) error = NULL;

  /* Without the catalogue, the operator is named by its id. */
  if (call->operator_name == NULL &&
      pv_service_client_list_operators_finish (PV_SERVICE_CLIENT (object), result, &error))
    {
      g_autoptr(PvOperator) operator_ = pv_operator_find (catalogue, call->operator_id);

      if (operator_ != NULL && pv_operator_get_name (operator_) != NULL &&
          *pv_operator_get_name (operator_) != '\0')
        call->operator_name = g_strdup (pv_operator_get_name (operator_));
    }
  g_task_return_error (task, explain (g_steal_pointer (&call->refusal), call));
}

static void
numbers_listed_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Call *call = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  /* Without the list, the refusal is still explained, less precisely. */
  if (!pv_service_client_list_numbers_finish (PV_SERVICE_CLIENT (object), result, &error))
    g_list_store_remove_all (call->numbers);

  /* The callers know the operator by its id; the message names it as
   * the administrator knows it, from the catalogue. */
  if (call->operator_name == NULL && !g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    {
      GListStore *catalogue = g_list_store_new (PV_TYPE_OPERATOR);
      GCancellable *cancellable = g_task_get_cancellable (task);

      g_object_set_data_full (G_OBJECT (task), "pv-catalogue", catalogue, g_object_unref);
      pv_service_client_list_operators_async (PV_SERVICE_CLIENT (object), NULL, PV_OPERATOR_SERVICE_NONE,
                                              catalogue, cancellable, catalogue_listed_cb,
                                              g_steal_pointer (&task));
      return;
    }
  g_task_return_error (task, explain (g_steal_pointer (&call->refusal), call));
}

/* Ends @task with @error explained; takes both. */
static void
fail_call (GTask  *task,
           GError *error)
{
  Call *call = g_task_get_task_data (task);

  if (g_strcmp0 (pv_service_error_get_service_code (error), "numbersStillAssigned") == 0 &&
      call->operator_id != NULL)
    {
      PvNumberFilter filter;

      /* Say which numbers block the change: the user has to act on them. */
      pv_number_filter_init (&filter);
      filter.operator_id = call->operator_id;
      call->refusal = error;
      call->numbers = g_list_store_new (PV_TYPE_PHONE_NUMBER);
      pv_service_client_list_numbers_async (g_task_get_source_object (task), &filter, 0,
                                            call->numbers, g_task_get_cancellable (task),
                                            numbers_listed_cb, task);
      return;
    }
  g_task_return_error (task, explain (error, call));
  g_object_unref (task);
}

static void
write_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  GTask *task = user_data;
  Call *call = g_task_get_task_data (task);
  g_autoptr(PvServiceResponse) response = NULL;
  GError *error = NULL;

  response = pv_service_client_request_finish (PV_SERVICE_CLIENT (object), result, &error);
  if (response != NULL)
    {
      call->on_answer (task, response);
      return;
    }
  if (outcome_unknown (error) && call->check != NULL && call->sends < MAX_SENDS)
    {
      g_debug ("%s %s: outcome unknown (%s); reading the state back", call->method, call->path,
               error->message);
      g_clear_error (&error);
      call->check (task);
      return;
    }
  fail_call (task, error);
}

/* Takes @task. */
static void
send_write (GTask *task)
{
  Call *call = g_task_get_task_data (task);

  call->sends++;
  pv_service_client_request_async (g_task_get_source_object (task), call->method, call->path,
                                   call->body, call->flags, g_task_get_cancellable (task),
                                   write_cb, task);
}

/* A read of the state that itself met a lost or cut answer is read
 * again, a few times: reads are safe to repeat. Takes @error when it
 * returns TRUE. */
static gboolean
recheck (GTask  *task,
         GError *error)
{
  Call *call = g_task_get_task_data (task);

  if (!outcome_unknown (error) || call->check == NULL || call->checks >= MAX_SENDS)
    return FALSE;
  g_error_free (error);
  call->checks++;
  call->check (task);
  return TRUE;
}

static void
call_set_write (Call           *call,
                const char     *method,
                char           *path,
                JsonNode       *body,
                PvRequestFlags  flags,
                CallAnswer      on_answer,
                CallStep        check)
{
  call->method = g_strdup (method);
  call->path = path;
  call->body = body;
  call->flags = flags;
  call->on_answer = on_answer;
  call->check = check;
}

static char *
escape_segment (const char *segment)
{
  return g_uri_escape_string (segment, NULL, FALSE);
}

static GError *
malformed (const char *what)
{
  /* Translators: %s says what could not be read. */
  return g_error_new (PV_SERVICE_ERROR, PV_SERVICE_ERROR_MALFORMED_ANSWER,
                      _("The service sent an answer that could not be read (%s)."), what);
}

/* Parses an answer's body with a core mapping; takes @task. */
static void
return_object (GTask             *task,
               PvServiceResponse *response,
               PvJsonParseFunc    parse)
{
  g_autoptr(GError) error = NULL;
  GObject *object = parse (pv_service_response_get_body (response), "", &error);

  if (object == NULL)
    {
      g_task_return_error (task, malformed (error != NULL ? error->message : "?"));
      g_object_unref (task);
      return;
    }
  g_task_return_pointer (task, object, g_object_unref);
  g_object_unref (task);
}

static gpointer
finish_pointer (PvServiceClient  *self,
                GAsyncResult     *result,
                gpointer          source_tag,
                GError          **error)
{
  g_return_val_if_fail (PV_IS_SERVICE_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, source_tag), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static gboolean
finish_boolean (PvServiceClient  *self,
                GAsyncResult     *result,
                gpointer          source_tag,
                GError          **error)
{
  g_return_val_if_fail (PV_IS_SERVICE_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, source_tag), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* --- Reads of one resource. --- */

typedef struct
{
  PvJsonParseFunc parse;
} ReadData;

static GObject *
parse_organization (JsonNode    *node,
                    const char  *path,
                    GError     **error)
{
  return G_OBJECT (pv_organization_new_from_json (node, path, error));
}

static GObject *
parse_user (JsonNode    *node,
            const char  *path,
            GError     **error)
{
  return G_OBJECT (pv_user_new_from_json (node, path, error));
}

static GObject *
parse_operator (JsonNode    *node,
                const char  *path,
                GError     **error)
{
  return G_OBJECT (pv_operator_new_from_json (node, path, error));
}

static GObject *
parse_tenant_operator (JsonNode    *node,
                       const char  *path,
                       GError     **error)
{
  return G_OBJECT (pv_tenant_operator_new_from_json (node, path, error));
}

static GObject *
parse_phone_number (JsonNode    *node,
                    const char  *path,
                    GError     **error)
{
  return G_OBJECT (pv_phone_number_new_from_json (node, path, error));
}

static GObject *
parse_emergency_address (JsonNode    *node,
                         const char  *path,
                         GError     **error)
{
  return G_OBJECT (pv_emergency_address_new_from_json (node, path, error));
}

static GObject *
parse_licence_sku (JsonNode    *node,
                   const char  *path,
                   GError     **error)
{
  return G_OBJECT (pv_licence_sku_new_from_json (node, path, error));
}

static GObject *
parse_voice_routing_policy (JsonNode    *node,
                            const char  *path,
                            GError     **error)
{
  return G_OBJECT (pv_voice_routing_policy_new_from_json (node, path, error));
}

/* The first item of a Graph list ({"value": [...]}), for /organization. */
static GObject *
parse_first_organization (JsonNode    *node,
                          const char  *path,
                          GError     **error)
{
  JsonObject *root = pv_json_expect_object (node, path, error);
  JsonNode *value;

  if (root == NULL)
    return NULL;
  value = json_object_get_member (root, "value");
  if (value == NULL || !JSON_NODE_HOLDS_ARRAY (value) ||
      json_array_get_length (json_node_get_array (value)) == 0)
    {
      g_set_error_literal (error, PV_JSON_ERROR, PV_JSON_ERROR_MISSING_MEMBER, "value[0]");
      return NULL;
    }
  return parse_organization (json_array_get_element (json_node_get_array (value), 0), "value[0]",
                             error);
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  ReadData *data = g_task_get_task_data (task);
  g_autoptr(PvServiceResponse) response = NULL;
  GError *error = NULL;

  response = pv_service_client_request_finish (PV_SERVICE_CLIENT (object), result, &error);
  if (response == NULL)
    {
      Call call = { 0 };

      g_task_return_error (task, explain (error, &call));
      g_object_unref (task);
      return;
    }
  return_object (task, response, data->parse);
}

static void
read_async (PvServiceClient     *self,
            const char          *path,
            PvJsonParseFunc      parse,
            gpointer             source_tag,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  ReadData *data = g_new0 (ReadData, 1);

  g_task_set_source_tag (task, source_tag);
  g_task_set_check_cancellable (task, FALSE);
  data->parse = parse;
  g_task_set_task_data (task, data, g_free);
  pv_service_client_request_async (self, SOUP_METHOD_GET, path, NULL, PV_REQUEST_FLAGS_NONE,
                                   cancellable, read_cb, task);
}

/* --- The tenant and the signed-in administrator. --- */

/**
 * pv_service_client_get_organization_async:
 *
 * Reads the tenant (`/v1.0/organization`): its id, which operators ask
 * for when numbers are ordered, its name and its domains.
 */
void
pv_service_client_get_organization_async (PvServiceClient     *self,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_return_if_fail (PV_IS_SERVICE_CLIENT (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  read_async (self, "/v1.0/organization", parse_first_organization,
              pv_service_client_get_organization_async, cancellable, callback, user_data);
}

/**
 * pv_service_client_get_organization_finish:
 *
 * Returns: (transfer full) (nullable): the organization
 */
PvOrganization *
pv_service_client_get_organization_finish (PvServiceClient  *self,
                                           GAsyncResult     *result,
                                           GError          **error)
{
  return finish_pointer (self, result, pv_service_client_get_organization_async, error);
}

/**
 * pv_service_client_get_me_async:
 *
 * Reads the signed-in administrator (`/v1.0/me`); the Connect an
 * operator wizard prefills the operator's contact with the name and
 * e-mail address.
 */
void
pv_service_client_get_me_async (PvServiceClient     *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (PV_IS_SERVICE_CLIENT (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  read_async (self, "/v1.0/me", parse_user, pv_service_client_get_me_async, cancellable,
              callback, user_data);
}

/**
 * pv_service_client_get_me_finish:
 *
 * Returns: (transfer full) (nullable): the administrator
 */
PvUser *
pv_service_client_get_me_finish (PvServiceClient  *self,
                                 GAsyncResult     *result,
                                 GError          **error)
{
  return finish_pointer (self, result, pv_service_client_get_me_async, error);
}

void
pv_service_client_list_licence_skus_async (PvServiceClient     *self,
                                           GListStore          *store,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  pv_service_client_list_async (self, "/v1.0/subscribedSkus", PV_REQUEST_FLAGS_NONE,
                                parse_licence_sku, store, cancellable, callback, user_data);
}

gboolean
pv_service_client_list_licence_skus_finish (PvServiceClient  *self,
                                            GAsyncResult     *result,
                                            GError          **error)
{
  return pv_service_client_list_finish (self, result, NULL, error);
}

void
pv_service_client_list_voice_routing_policies_async (PvServiceClient     *self,
                                                     GListStore          *store,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data)
{
  pv_service_client_list_async (self, EXTENSION_PATH "/voiceRoutingPolicies",
                                PV_REQUEST_FLAGS_NONE, parse_voice_routing_policy, store,
                                cancellable, callback, user_data);
}

gboolean
pv_service_client_list_voice_routing_policies_finish (PvServiceClient  *self,
                                                      GAsyncResult     *result,
                                                      GError          **error)
{
  return pv_service_client_list_finish (self, result, NULL, error);
}

/* --- The catalogue. --- */

/**
 * pv_service_client_list_operators_async:
 * @region: (nullable): only operators of this region ("Europe"…)
 * @service: one service, or %PV_OPERATOR_SERVICE_NONE for any
 * @store: a #GListStore of #PvOperator
 *
 * Lists the Operator Connect catalogue.
 */
void
pv_service_client_list_operators_async (PvServiceClient     *self,
                                        const char          *region,
                                        PvOperatorServices   service,
                                        GListStore          *store,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(GString) path = g_string_new (EXTENSION_PATH "/operators");
  char separator = '?';

  /* The service filters on one service at a time. */
  g_return_if_fail ((service & (service - 1)) == 0);

  if (region != NULL)
    {
      g_autofree char *escaped = escape_segment (region);

      g_string_append_printf (path, "%cregion=%s", separator, escaped);
      separator = '&';
    }
  if (service != PV_OPERATOR_SERVICE_NONE)
    {
      g_autoptr(GFlagsClass) klass = g_type_class_ref (PV_TYPE_OPERATOR_SERVICES);
      GFlagsValue *value = g_flags_get_first_value (klass, service);

      g_return_if_fail (value != NULL);
      g_string_append_printf (path, "%cservice=%s", separator, value->value_nick);
    }
  pv_service_client_list_async (self, path->str, PV_REQUEST_FLAGS_NONE, parse_operator, store,
                                cancellable, callback, user_data);
}

gboolean
pv_service_client_list_operators_finish (PvServiceClient  *self,
                                         GAsyncResult     *result,
                                         GError          **error)
{
  return pv_service_client_list_finish (self, result, NULL, error);
}

/* --- The tenant's operators. --- */

void
pv_service_client_list_tenant_operators_async (PvServiceClient     *self,
                                               GListStore          *store,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data)
{
  pv_service_client_list_async (self, EXTENSION_PATH "/tenantOperators", PV_REQUEST_FLAGS_NONE,
                                parse_tenant_operator, store, cancellable, callback, user_data);
}

gboolean
pv_service_client_list_tenant_operators_finish (PvServiceClient  *self,
                                                GAsyncResult     *result,
                                                GError          **error)
{
  return pv_service_client_list_finish (self, result, NULL, error);
}

static char *
tenant_operator_path (const char *operator_id,
                      const char *action)
{
  g_autofree char *escaped = escape_segment (operator_id);

  if (action == NULL)
    return g_strdup_printf (EXTENSION_PATH "/tenantOperators/%s", escaped);
  return g_strdup_printf (EXTENSION_PATH "/tenantOperators/%s/%s", escaped, action);
}

static void
tenant_operator_read_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(PvServiceResponse) response = NULL;
  GError *error = NULL;

  response = pv_service_client_request_finish (PV_SERVICE_CLIENT (object), result, &error);
  if (response == NULL)
    {
      fail_call (task, error);
      return;
    }
  return_object (task, response, parse_tenant_operator);
}

/**
 * pv_service_client_get_tenant_operator_async:
 * @operator_id: the operator's id in the catalogue
 *
 * Reads one of the tenant's operators; %PV_SERVICE_ERROR_NOT_FOUND
 * (service code "operatorNotEnabled") when the tenant has not added it.
 */
void
pv_service_client_get_tenant_operator_async (PvServiceClient     *self,
                                             const char          *operator_id,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  g_autofree char *path = NULL;
  Call *call;
  GTask *task;

  g_return_if_fail (PV_IS_SERVICE_CLIENT (self));
  g_return_if_fail (operator_id != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = call_task_new (self, cancellable, callback, user_data,
                        pv_service_client_get_tenant_operator_async, &call);
  call->operator_id = g_strdup (operator_id);
  path = tenant_operator_path (operator_id, NULL);
  pv_service_client_request_async (self, SOUP_METHOD_GET, path, NULL, PV_REQUEST_FLAGS_NONE,
                                   cancellable, tenant_operator_read_cb, task);
}

/**
 * pv_service_client_get_tenant_operator_finish:
 *
 * Returns: (transfer full) (nullable): the tenant's operator
 */
PvTenantOperator *
pv_service_client_get_tenant_operator_finish (PvServiceClient  *self,
                                              GAsyncResult     *result,
                                              GError          **error)
{
  return finish_pointer (self, result, pv_service_client_get_tenant_operator_async, error);
}

static void
answer_tenant_operator (GTask             *task,
                        PvServiceResponse *response)
{
  return_object (task, response, parse_tenant_operator);
}

/* After an unknown outcome: read the operator back and decide. */
typedef gboolean (*OperatorDone) (Call *call, PvTenantOperator *op);

static void
check_operator_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data,
                   OperatorDone  done)
{
  GTask *task = user_data;
  Call *call = g_task_get_task_data (task);
  g_autoptr(PvServiceResponse) response = NULL;
  g_autoptr(PvTenantOperator) op = NULL;
  GError *error = NULL;

  response = pv_service_client_request_finish (PV_SERVICE_CLIENT (object), result, &error);
  if (response != NULL)
    op = pv_tenant_operator_new_from_json (pv_service_response_get_body (response), "", NULL);

  if (op != NULL && done (call, op))
    {
      g_task_return_pointer (task, g_steal_pointer (&op), g_object_unref);
      g_object_unref (task);
      return;
    }
  if (response != NULL ||
      g_strcmp0 (pv_service_error_get_service_code (error), "operatorNotEnabled") == 0)
    {
      /* The change is not there: sending it again is not a repeat. */
      g_clear_error (&error);
      send_write (task);
      return;
    }
  if (!recheck (task, error))
    fail_call (task, error);
}

static void
check_operator (GTask               *task,
                GAsyncReadyCallback  callback)
{
  Call *call = g_task_get_task_data (task);
  g_autofree char *path = tenant_operator_path (call->operator_id, NULL);

  pv_service_client_request_async (g_task_get_source_object (task), SOUP_METHOD_GET, path, NULL,
                                   PV_REQUEST_FLAGS_NONE, g_task_get_cancellable (task), callback,
                                   task);
}

static gboolean
operator_exists (Call             *call,
                 PvTenantOperator *op)
{
  return TRUE;
}

static void
check_added_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  check_operator_cb (object, result, user_data, operator_exists);
}

static void
check_added (GTask *task)
{
  check_operator (task, check_added_cb);
}

static GStrv
strv_from (const char * const *countries)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; countries != NULL && countries[i] != NULL; i++)
    g_strv_builder_add (builder, countries[i]);
  return g_strv_builder_end (builder);
}

static JsonNode *
countries_json (const char * const *countries)
{
  JsonArray *array = json_array_new ();
  JsonNode *node = json_node_alloc ();

  for (guint i = 0; countries != NULL && countries[i] != NULL; i++)
    json_array_add_string_element (array, countries[i]);
  json_node_init_array (node, array);
  json_array_unref (array);
  return node;
}

/**
 * pv_service_client_add_operator_async:
 * @operator_: the operator, from the catalogue
 * @countries: the ISO 3166 alpha-2 codes of the countries to use it in
 * @contact: who the operator contacts; the company size is required
 * @consent_given: whether the data transfer notice was accepted
 *
 * Adds an operator to the tenant ("Add as my operator"). The result is
 * the tenant's operator. A connection lost before the answer is checked
 * by reading the operator back, so calling this again is never needed
 * for that case and a second add is never sent blindly.
 */
void
pv_service_client_add_operator_async (PvServiceClient     *self,
                                      PvOperator          *operator_,
                                      const char * const  *countries,
                                      PvContactDetails    *contact,
                                      gboolean             consent_given,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  Call *call;
  GTask *task;

  g_return_if_fail (PV_IS_SERVICE_CLIENT (self));
  g_return_if_fail (PV_IS_OPERATOR (operator_) && pv_operator_get_id (operator_) != NULL);
  g_return_if_fail (PV_IS_CONTACT_DETAILS (contact));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = call_task_new (self, cancellable, callback, user_data,
                        pv_service_client_add_operator_async, &call);
  call->operator_id = g_strdup (pv_operator_get_id (operator_));
  call->operator_name = g_strdup (pv_operator_get_name (operator_));
  call->countries = strv_from (countries);
  call->served = strv_from (pv_operator_get_countries (operator_));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "operatorId");
  json_builder_add_string_value (builder, call->operator_id);
  json_builder_set_member_name (builder, "countries");
  json_builder_add_value (builder, countries_json (countries));
  json_builder_set_member_name (builder, "contact");
  json_builder_add_value (builder, pv_contact_details_to_json (contact));
  json_builder_set_member_name (builder, "consentGiven");
  json_builder_add_boolean_value (builder, consent_given);
  json_builder_end_object (builder);

  /* Adding twice is refused (operatorAlreadyEnabled), so the add is not
   * idempotent: an unknown outcome is checked instead. */
  call_set_write (call, SOUP_METHOD_POST, g_strdup (EXTENSION_PATH "/tenantOperators"),
                  json_builder_get_root (builder), PV_REQUEST_FLAGS_NONE,
                  answer_tenant_operator, check_added);
  send_write (task);
}

/**
 * pv_service_client_add_operator_plan_async:
 * @plan: a complete plan of the Connect an operator wizard
 *
 * pv_service_client_add_operator_async() with what @plan holds; finish
 * with pv_service_client_add_operator_finish().
 */
void
pv_service_client_add_operator_plan_async (PvServiceClient     *self,
                                           PvOperatorPlan      *plan,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) countries = NULL;
  GListModel *selected;

  g_return_if_fail (PV_IS_OPERATOR_PLAN (plan));
  g_return_if_fail (pv_operator_plan_get_operator (plan) != NULL);

  selected = pv_operator_plan_get_countries (plan);
  for (guint i = 0; i < g_list_model_get_n_items (selected); i++)
    {
      g_autoptr(PvCountry) country = g_list_model_get_item (selected, i);

      g_strv_builder_add (builder, pv_country_get_code (country));
    }
  countries = g_strv_builder_end (builder);

  pv_service_client_add_operator_async (self, pv_operator_plan_get_operator (plan),
                                        (const char * const *) countries,
                                        pv_operator_plan_get_contact (plan),
                                        pv_operator_plan_get_notice_accepted (plan),
                                        cancellable, callback, user_data);
}

/**
 * pv_service_client_add_operator_finish:
 *
 * Returns: (transfer full) (nullable): the operator as the tenant now has it
 */
PvTenantOperator *
pv_service_client_add_operator_finish (PvServiceClient  *self,
                                       GAsyncResult     *result,
                                       GError          **error)
{
  return finish_pointer (self, result, pv_service_client_add_operator_async, error);
}

static gboolean
operator_has_countries (Call             *call,
                        PvTenantOperator *op)
{
  const char * const *have = pv_tenant_operator_get_countries (op);

  if (g_strv_length ((char **) have) != g_strv_length (call->countries))
    return FALSE;
  for (guint i = 0; call->countries[i] != NULL; i++)
    if (!g_strv_contains (have, call->countries[i]))
      return FALSE;
  return TRUE;
}

static void
check_countries_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  check_operator_cb (object, result, user_data, operator_has_countries);
}

static void
check_countries (GTask *task)
{
  check_operator (task, check_countries_cb);
}

/**
 * pv_service_client_set_operator_countries_async:
 * @countries: every country the operator is to serve the tenant in
 *
 * Changes the countries of one of the tenant's operators. Dropping a
 * country where numbers of the operator remain is refused
 * (%PV_SERVICE_ERROR_CONFLICT, service code "numbersStillAssigned") with
 * a message naming the numbers and saying what to do first.
 */
void
pv_service_client_set_operator_countries_async (PvServiceClient     *self,
                                                const char          *operator_id,
                                                const char * const  *countries,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  Call *call;
  GTask *task;

  g_return_if_fail (PV_IS_SERVICE_CLIENT (self));
  g_return_if_fail (operator_id != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = call_task_new (self, cancellable, callback, user_data,
                        pv_service_client_set_operator_countries_async, &call);
  call->operator_id = g_strdup (operator_id);
  call->countries = strv_from (countries);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "countries");
  json_builder_add_value (builder, countries_json (countries));
  json_builder_end_object (builder);

  /* The whole list is sent, so a repeat is the same change. */
  call_set_write (call, "PATCH", tenant_operator_path (operator_id, NULL),
                  json_builder_get_root (builder), PV_REQUEST_FLAGS_IDEMPOTENT,
                  answer_tenant_operator, check_countries);
  send_write (task);
}

PvTenantOperator *
pv_service_client_set_operator_countries_finish (PvServiceClient  *self,
                                                 GAsyncResult     *result,
                                                 GError          **error)
{
  return finish_pointer (self, result, pv_service_client_set_operator_countries_async, error);
}

static gboolean
operator_suspended (Call             *call,
                    PvTenantOperator *op)
{
  return pv_tenant_operator_get_status (op) == PV_OPERATOR_STATUS_SUSPENDED;
}

static gboolean
operator_active (Call             *call,
                 PvTenantOperator *op)
{
  return pv_tenant_operator_get_status (op) == PV_OPERATOR_STATUS_ACTIVE;
}

static void
check_suspended_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  check_operator_cb (object, result, user_data, operator_suspended);
}

static void
check_active_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  check_operator_cb (object, result, user_data, operator_active);
}

static void
check_suspended (GTask *task)
{
  check_operator (task, check_suspended_cb);
}

static void
check_active (GTask *task)
{
  check_operator (task, check_active_cb);
}

static void
set_status_async (PvServiceClient     *self,
                  const char          *operator_id,
                  gboolean             suspend,
                  gpointer             source_tag,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  Call *call;
  GTask *task;

  g_return_if_fail (PV_IS_SERVICE_CLIENT (self));
  g_return_if_fail (operator_id != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = call_task_new (self, cancellable, callback, user_data, source_tag, &call);
  call->operator_id = g_strdup (operator_id);
  /* Suspending a suspended operator is already done: idempotent. */
  call_set_write (call, SOUP_METHOD_POST,
                  tenant_operator_path (operator_id, suspend ? "suspend" : "resume"), NULL,
                  PV_REQUEST_FLAGS_IDEMPOTENT, answer_tenant_operator,
                  suspend ? check_suspended : check_active);
  send_write (task);
}

/**
 * pv_service_client_suspend_operator_async:
 *
 * Suspends one of the tenant's operators; suspending a suspended one is
 * done already.
 */
void
pv_service_client_suspend_operator_async (PvServiceClient     *self,
                                          const char          *operator_id,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  set_status_async (self, operator_id, TRUE, pv_service_client_suspend_operator_async,
                    cancellable, callback, user_data);
}

PvTenantOperator *
pv_service_client_suspend_operator_finish (PvServiceClient  *self,
                                           GAsyncResult     *result,
                                           GError          **error)
{
  return finish_pointer (self, result, pv_service_client_suspend_operator_async, error);
}

void
pv_service_client_resume_operator_async (PvServiceClient     *self,
                                         const char          *operator_id,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  set_status_async (self, operator_id, FALSE, pv_service_client_resume_operator_async,
                    cancellable, callback, user_data);
}

PvTenantOperator *
pv_service_client_resume_operator_finish (PvServiceClient  *self,
                                          GAsyncResult     *result,
                                          GError          **error)
{
  return finish_pointer (self, result, pv_service_client_resume_operator_async, error);
}

static void
answer_done (GTask             *task,
             PvServiceResponse *response)
{
  g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

static void
check_removed_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(PvServiceResponse) response = NULL;
  GError *error = NULL;

  response = pv_service_client_request_finish (PV_SERVICE_CLIENT (object), result, &error);
  if (response != NULL)
    {
      send_write (task);
      return;
    }
  if (g_strcmp0 (pv_service_error_get_service_code (error), "operatorNotEnabled") == 0)
    {
      g_clear_error (&error);
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }
  if (!recheck (task, error))
    fail_call (task, error);
}

static void
check_removed (GTask *task)
{
  check_operator (task, check_removed_cb);
}

/**
 * pv_service_client_remove_operator_async:
 *
 * Removes one of the tenant's operators. Refused while numbers of it
 * remain (%PV_SERVICE_ERROR_CONFLICT, "numbersStillAssigned"), with a
 * message naming them.
 */
void
pv_service_client_remove_operator_async (PvServiceClient     *self,
                                         const char          *operator_id,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  Call *call;
  GTask *task;

  g_return_if_fail (PV_IS_SERVICE_CLIENT (self));
  g_return_if_fail (operator_id != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = call_task_new (self, cancellable, callback, user_data,
                        pv_service_client_remove_operator_async, &call);
  call->operator_id = g_strdup (operator_id);
  /* A second DELETE answers 404: checked, not repeated. */
  call_set_write (call, SOUP_METHOD_DELETE, tenant_operator_path (operator_id, NULL), NULL,
                  PV_REQUEST_FLAGS_NONE, answer_done, check_removed);
  send_write (task);
}

gboolean
pv_service_client_remove_operator_finish (PvServiceClient  *self,
                                          GAsyncResult     *result,
                                          GError          **error)
{
  return finish_boolean (self, result, pv_service_client_remove_operator_async, error);
}

/* --- Numbers. --- */

static void
append_clause (GString    *filter,
               const char *member,
               const char *value)
{
  if (value == NULL)
    return;
  if (filter->len > 0)
    g_string_append (filter, " and ");
  g_string_append_printf (filter, "%s eq '", member);
  /* An OData literal: a quote is doubled. */
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '\'')
        g_string_append_c (filter, '\'');
      g_string_append_c (filter, *p);
    }
  g_string_append_c (filter, '\'');
}

static char *
numbers_list_path (const PvNumberFilter *filter,
                   guint                 page_size)
{
  g_autoptr(GString) clauses = g_string_new (NULL);
  g_autoptr(GString) path = g_string_new (NUMBERS_PATH "/numberAssignments");

  if (filter != NULL)
    {
      if (filter->number_type >= 0)
        append_clause (clauses, "numberType", pv_enum_to_nick (PV_TYPE_NUMBER_TYPE, filter->number_type));
      if (filter->status >= 0)
        append_clause (clauses, "assignmentStatus", pv_enum_to_nick (PV_TYPE_NUMBER_STATUS, filter->status));
      append_clause (clauses, "operatorId", filter->operator_id);
      append_clause (clauses, "isoCountryCode", filter->country_code);
      append_clause (clauses, "assignmentTargetId", filter->assigned_user_id);
      append_clause (clauses, "locationId", filter->location_id);
      append_clause (clauses, "telephoneNumber", filter->telephone_number);
    }

  g_string_append_printf (path, "?$top=%u", page_size > 0 ? MIN (page_size, PV_NUMBERS_PAGE_SIZE)
                                                          : PV_NUMBERS_PAGE_SIZE);
  if (clauses->len > 0)
    {
      g_autofree char *escaped = g_uri_escape_string (clauses->str, NULL, FALSE);

      g_string_append_printf (path, "&$filter=%s", escaped);
    }
  return g_string_free (g_steal_pointer (&path), FALSE);
}

/**
 * pv_service_client_list_numbers_async:
 * @filter: (nullable): what to keep; %NULL for every number
 * @page_size: numbers a page, 1 to 999; 0 for %PV_NUMBERS_PAGE_SIZE
 * @store: a #GListStore of #PvPhoneNumber, filled a page at a time
 *
 * Lists the tenant's phone numbers.
 */
void
pv_service_client_list_numbers_async (PvServiceClient      *self,
                                      const PvNumberFilter *filter,
                                      guint                 page_size,
                                      GListStore           *store,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data)
{
  g_autofree char *path = numbers_list_path (filter, page_size);

  g_return_if_fail (G_IS_LIST_STORE (store) &&
                    g_type_is_a (PV_TYPE_PHONE_NUMBER,
                                 g_list_model_get_item_type (G_LIST_MODEL (store))));

  pv_service_client_list_async (self, path, PV_REQUEST_FLAGS_NONE, parse_phone_number, store,
                                cancellable, callback, user_data);
}

gboolean
pv_service_client_list_numbers_finish (PvServiceClient  *self,
                                       GAsyncResult     *result,
                                       GError          **error)
{
  return pv_service_client_list_finish (self, result, NULL, error);
}

typedef struct
{
  GListStore *store;
  char       *telephone_number;
} GetNumber;

static void
get_number_free (GetNumber *data)
{
  g_clear_object (&data->store);
  g_clear_pointer (&data->telephone_number, g_free);
  g_free (data);
}

/* A 404 like the one the service gives for an unknown number, so that
 * callers see one error whichever call found the number missing. */
static GError *
number_not_found (const char *telephone_number)
{
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *json = NULL;
  g_autofree char *message = g_strdup_printf ("%s is not one of the tenant's numbers.",
                                              telephone_number);
  JsonObject *error = json_object_new ();
  JsonObject *root = json_object_new ();
  Call call = { .telephone_number = (char *) telephone_number };

  json_object_set_string_member (error, "code", "numberNotFound");
  json_object_set_string_member (error, "message", message);
  json_object_set_object_member (root, "error", error);
  body = json_node_init_object (json_node_alloc (), root);
  json_object_unref (root);
  return explain (pv_service_error_new_from_answer (SOUP_STATUS_NOT_FOUND, body, NULL), &call);
}

static void
number_listed_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GetNumber *data = g_task_get_task_data (task);
  GError *error = NULL;

  if (!pv_service_client_list_numbers_finish (PV_SERVICE_CLIENT (object), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (data->store)); i++)
    {
      g_autoptr(PvPhoneNumber) number = g_list_model_get_item (G_LIST_MODEL (data->store), i);

      /* The filter is the service's; the match is checked here too. */
      if (g_strcmp0 (pv_phone_number_get_telephone_number (number), data->telephone_number) == 0)
        {
          g_task_return_pointer (task, g_steal_pointer (&number), g_object_unref);
          return;
        }
    }
  g_task_return_error (task, number_not_found (data->telephone_number));
}

/**
 * pv_service_client_get_number_async:
 * @telephone_number: an E.164 number
 *
 * Reads one of the tenant's numbers; %PV_SERVICE_ERROR_NOT_FOUND
 * ("numberNotFound") when the tenant has no such number.
 */
void
pv_service_client_get_number_async (PvServiceClient     *self,
                                    const char          *telephone_number,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GetNumber *data;
  PvNumberFilter filter;

  g_return_if_fail (PV_IS_SERVICE_CLIENT (self));
  g_return_if_fail (telephone_number != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pv_service_client_get_number_async);
  g_task_set_check_cancellable (task, FALSE);
  data = g_new0 (GetNumber, 1);
  data->store = g_list_store_new (PV_TYPE_PHONE_NUMBER);
  data->telephone_number = g_strdup (telephone_number);
  g_task_set_task_data (task, data, (GDestroyNotify) get_number_free);

  pv_number_filter_init (&filter);
  filter.telephone_number = telephone_number;
  pv_service_client_list_numbers_async (self, &filter, 0, data->store, cancellable,
                                        number_listed_cb, g_steal_pointer (&task));
}

/**
 * pv_service_client_get_number_finish:
 *
 * Returns: (transfer full) (nullable): the number
 */
PvPhoneNumber *
pv_service_client_get_number_finish (PvServiceClient  *self,
                                     GAsyncResult     *result,
                                     GError          **error)
{
  return finish_pointer (self, result, pv_service_client_get_number_async, error);
}

static void
operation_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(PvServiceResponse) response = NULL;
  GError *error = NULL;

  response = pv_service_client_wait_operation_finish (PV_SERVICE_CLIENT (object), result, &error);
  if (response == NULL)
    {
      /* A poll whose answer was lost says nothing of the change: the
       * number itself does. */
      if (!recheck (task, error))
        fail_call (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

/* 202 and the Location of an operation: the change is made when the
 * operation ends. */
static void
answer_operation (GTask             *task,
                  PvServiceResponse *response)
{
  const char *location = pv_service_response_get_location (response);

  if (location == NULL)
    {
      /* A 200 or 204 means done at once. */
      if (pv_service_response_get_status (response) != SOUP_STATUS_ACCEPTED)
        {
          g_task_return_boolean (task, TRUE);
          g_object_unref (task);
          return;
        }
      g_task_return_error (task, malformed (_("an accepted change without the address of its operation")));
      g_object_unref (task);
      return;
    }
  pv_service_client_wait_operation_async (g_task_get_source_object (task), location,
                                          g_task_get_cancellable (task), operation_done_cb, task);
}

typedef gboolean (*NumberDone) (Call *call, PvPhoneNumber *number);

static void
check_number_cb (GObject      *object,
                 GAsyncResult *result,
                 GTask        *task,
                 NumberDone    done,
                 gboolean      missing_means_done)
{
  Call *call = g_task_get_task_data (task);
  g_autoptr(PvPhoneNumber) number = NULL;
  GError *error = NULL;

  number = pv_service_client_get_number_finish (PV_SERVICE_CLIENT (object), result, &error);
  if (number == NULL &&
      g_strcmp0 (pv_service_error_get_service_code (error), "numberNotFound") == 0 &&
      missing_means_done)
    {
      g_clear_error (&error);
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }
  if (number == NULL)
    {
      if (!recheck (task, error))
        fail_call (task, error);
      return;
    }
  if (done != NULL && done (call, number))
    {
      if (call->on_answer == answer_operation || call->on_answer == answer_done)
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_pointer (task, g_steal_pointer (&number), g_object_unref);
      g_object_unref (task);
      return;
    }
  send_write (task);
}

static gboolean
number_assigned_to_user (Call          *call,
                         PvPhoneNumber *number)
{
  /* The service stores the user's object id; a UPN given by the caller
   * is checked by the service on the next send. */
  return pv_phone_number_get_status (number) == PV_NUMBER_STATUS_ASSIGNED &&
         g_strcmp0 (pv_phone_number_get_assigned_user_id (number), call->user_id) == 0;
}

static gboolean
number_unassigned (Call          *call,
                   PvPhoneNumber *number)
{
  return pv_phone_number_get_status (number) != PV_NUMBER_STATUS_ASSIGNED;
}

static gboolean
number_has_location (Call          *call,
                     PvPhoneNumber *number)
{
  return g_strcmp0 (pv_phone_number_get_emergency_location_id (number), call->location_id) == 0;
}

static void
check_assigned_cb (GObject *object, GAsyncResult *result, gpointer task)
{
  check_number_cb (object, result, task, number_assigned_to_user, FALSE);
}

static void
check_unassigned_cb (GObject *object, GAsyncResult *result, gpointer task)
{
  check_number_cb (object, result, task, number_unassigned, FALSE);
}

static void
check_location_cb (GObject *object, GAsyncResult *result, gpointer task)
{
  check_number_cb (object, result, task, number_has_location, FALSE);
}

static void
check_released_cb (GObject *object, GAsyncResult *result, gpointer task)
{
  check_number_cb (object, result, task, NULL, TRUE);
}

static void
check_number (GTask               *task,
              GAsyncReadyCallback  callback)
{
  Call *call = g_task_get_task_data (task);

  pv_service_client_get_number_async (g_task_get_source_object (task), call->telephone_number,
                                      g_task_get_cancellable (task), callback, task);
}

static void check_assigned (GTask *task) { check_number (task, check_assigned_cb); }
static void check_unassigned (GTask *task) { check_number (task, check_unassigned_cb); }
static void check_location (GTask *task) { check_number (task, check_location_cb); }
static void check_released (GTask *task) { check_number (task, check_released_cb); }

/**
 * pv_service_client_assign_number_async:
 * @telephone_number: an E.164 number of the tenant
 * @user_id: the person's object id or userPrincipalName
 * @number_type: the number's type
 * @location_id: (nullable): an emergency address id
 *
 * Assigns a number to a person and waits for the service's operation to
 * end. Refusals say what the person lacks (TeamsOnly mode, a Phone
 * System licence) or what holds the number.
 */
void
pv_service_client_assign_number_async (PvServiceClient     *self,
                                       const char          *telephone_number,
                                       const char          *user_id,
                                       PvNumberType         number_type,
                                       const char          *location_id,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  Call *call;
  GTask *task;

  g_return_if_fail (PV_IS_SERVICE_CLIENT (self));
  g_return_if_fail (telephone_number != NULL && user_id != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = call_task_new (self, cancellable, callback, user_data,
                        pv_service_client_assign_number_async, &call);
  call->telephone_number = g_strdup (telephone_number);
  call->user_id = g_strdup (user_id);
  call->location_id = g_strdup (location_id);
  call->number_type = number_type;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "telephoneNumber");
  json_builder_add_string_value (builder, telephone_number);
  json_builder_set_member_name (builder, "assignmentTargetId");
  json_builder_add_string_value (builder, user_id);
  json_builder_set_member_name (builder, "numberType");
  json_builder_add_string_value (builder, pv_enum_to_nick (PV_TYPE_NUMBER_TYPE, number_type));
  json_builder_set_member_name (builder, "assignmentCategory");
  json_builder_add_string_value (builder, "primary");
  if (location_id != NULL)
    {
      json_builder_set_member_name (builder, "locationId");
      json_builder_add_string_value (builder, location_id);
    }
  json_builder_end_object (builder);

  /* Assigning a number to the person who has it is accepted again. */
  call_set_write (call, SOUP_METHOD_POST, g_strdup (NUMBERS_PATH "/numberAssignments/assignNumber"),
                  json_builder_get_root (builder), PV_REQUEST_FLAGS_IDEMPOTENT,
                  answer_operation, check_assigned);
  send_write (task);
}

gboolean
pv_service_client_assign_number_finish (PvServiceClient  *self,
                                        GAsyncResult     *result,
                                        GError          **error)
{
  return finish_boolean (self, result, pv_service_client_assign_number_async, error);
}

/**
 * pv_service_client_unassign_number_async:
 *
 * Unassigns a number and waits for the service's operation to end. A
 * number unassigned already is done.
 */
void
pv_service_client_unassign_number_async (PvServiceClient     *self,
                                         const char          *telephone_number,
                                         PvNumberType         number_type,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  Call *call;
  GTask *task;

  g_return_if_fail (PV_IS_SERVICE_CLIENT (self));
  g_return_if_fail (telephone_number != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = call_task_new (self, cancellable, callback, user_data,
                        pv_service_client_unassign_number_async, &call);
  call->telephone_number = g_strdup (telephone_number);
  call->number_type = number_type;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "telephoneNumber");
  json_builder_add_string_value (builder, telephone_number);
  json_builder_set_member_name (builder, "numberType");
  json_builder_add_string_value (builder, pv_enum_to_nick (PV_TYPE_NUMBER_TYPE, number_type));
  json_builder_end_object (builder);

  call_set_write (call, SOUP_METHOD_POST, g_strdup (NUMBERS_PATH "/numberAssignments/unassignNumber"),
                  json_builder_get_root (builder), PV_REQUEST_FLAGS_IDEMPOTENT,
                  answer_operation, check_unassigned);
  send_write (task);
}

gboolean
pv_service_client_unassign_number_finish (PvServiceClient  *self,
                                          GAsyncResult     *result,
                                          GError          **error)
{
  return finish_boolean (self, result, pv_service_client_unassign_number_async, error);
}

static void
updated_number_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GTask *task = user_data;
  GError *error = NULL;
  PvPhoneNumber *number;

  number = pv_service_client_get_number_finish (PV_SERVICE_CLIENT (object), result, &error);
  if (number == NULL)
    {
      fail_call (task, error);
      return;
    }
  g_task_return_pointer (task, number, g_object_unref);
  g_object_unref (task);
}

static void
updated_operation_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  GTask *task = user_data;
  Call *call = g_task_get_task_data (task);
  g_autoptr(PvServiceResponse) response = NULL;
  GError *error = NULL;

  response = pv_service_client_wait_operation_finish (PV_SERVICE_CLIENT (object), result, &error);
  if (response == NULL)
    {
      fail_call (task, error);
      return;
    }
  pv_service_client_get_number_async (PV_SERVICE_CLIENT (object), call->telephone_number,
                                      g_task_get_cancellable (task), updated_number_cb, task);
}

/* Graph answers updateNumber with the number (200); a service that runs
 * it as an operation (202) is waited for, then the number read. */
static void
answer_updated_number (GTask             *task,
                       PvServiceResponse *response)
{
  const char *location = pv_service_response_get_location (response);

  if (pv_service_response_get_status (response) == SOUP_STATUS_ACCEPTED && location != NULL)
    {
      pv_service_client_wait_operation_async (g_task_get_source_object (task), location,
                                              g_task_get_cancellable (task),
                                              updated_operation_cb, task);
      return;
    }
  return_object (task, response, parse_phone_number);
}

/**
 * pv_service_client_update_number_async:
 * @location_id: the emergency address to give the number
 *
 * Sets a number's emergency address. Refused for the numbers of an
 * operator that assigns and locks addresses.
 */
void
pv_service_client_update_number_async (PvServiceClient     *self,
                                       const char          *telephone_number,
                                       const char          *location_id,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  Call *call;
  GTask *task;

  g_return_if_fail (PV_IS_SERVICE_CLIENT (self));
  g_return_if_fail (telephone_number != NULL && location_id != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = call_task_new (self, cancellable, callback, user_data,
                        pv_service_client_update_number_async, &call);
  call->telephone_number = g_strdup (telephone_number);
  call->location_id = g_strdup (location_id);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "telephoneNumber");
  json_builder_add_string_value (builder, telephone_number);
  json_builder_set_member_name (builder, "locationId");
  json_builder_add_string_value (builder, location_id);
  json_builder_end_object (builder);

  call_set_write (call, SOUP_METHOD_POST, g_strdup (NUMBERS_PATH "/numberAssignments/updateNumber"),
                  json_builder_get_root (builder), PV_REQUEST_FLAGS_IDEMPOTENT,
                  answer_updated_number, check_location);
  send_write (task);
}

/**
 * pv_service_client_update_number_finish:
 *
 * Returns: (transfer full) (nullable): the number as it now is
 */
PvPhoneNumber *
pv_service_client_update_number_finish (PvServiceClient  *self,
                                        GAsyncResult     *result,
                                        GError          **error)
{
  return finish_pointer (self, result, pv_service_client_update_number_async, error);
}

/**
 * pv_service_client_release_number_async:
 *
 * Releases a number: it leaves the tenant. Refused while it is assigned
 * (%PV_SERVICE_ERROR_CONFLICT, "numberAssigned"): unassign it first.
 */
void
pv_service_client_release_number_async (PvServiceClient     *self,
                                        const char          *telephone_number,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autofree char *escaped = NULL;
  Call *call;
  GTask *task;

  g_return_if_fail (PV_IS_SERVICE_CLIENT (self));
  g_return_if_fail (telephone_number != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = call_task_new (self, cancellable, callback, user_data,
                        pv_service_client_release_number_async, &call);
  call->telephone_number = g_strdup (telephone_number);
  escaped = escape_segment (telephone_number);
  /* A second release answers 404: checked, not repeated. */
  call_set_write (call, SOUP_METHOD_POST,
                  g_strdup_printf (EXTENSION_PATH "/phoneNumbers/%s/release", escaped), NULL,
                  PV_REQUEST_FLAGS_NONE, answer_done, check_released);
  send_write (task);
}

gboolean
pv_service_client_release_number_finish (PvServiceClient  *self,
                                         GAsyncResult     *result,
                                         GError          **error)
{
  return finish_boolean (self, result, pv_service_client_release_number_async, error);
}

/* --- Emergency addresses. --- */

void
pv_service_client_list_emergency_addresses_async (PvServiceClient     *self,
                                                  GListStore          *store,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data)
{
  pv_service_client_list_async (self, EXTENSION_PATH "/emergencyAddresses", PV_REQUEST_FLAGS_NONE,
                                parse_emergency_address, store, cancellable, callback, user_data);
}

gboolean
pv_service_client_list_emergency_addresses_finish (PvServiceClient  *self,
                                                   GAsyncResult     *result,
                                                   GError          **error)
{
  return pv_service_client_list_finish (self, result, NULL, error);
}

static char *
address_path (const char *id)
{
  g_autofree char *escaped = escape_segment (id);

  return g_strdup_printf (EXTENSION_PATH "/emergencyAddresses/%s", escaped);
}

void
pv_service_client_get_emergency_address_async (PvServiceClient     *self,
                                               const char          *id,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (PV_IS_SERVICE_CLIENT (self));
  g_return_if_fail (id != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  path = address_path (id);
  read_async (self, path, parse_emergency_address, pv_service_client_get_emergency_address_async,
              cancellable, callback, user_data);
}

/**
 * pv_service_client_get_emergency_address_finish:
 *
 * Returns: (transfer full) (nullable): the address
 */
PvEmergencyAddress *
pv_service_client_get_emergency_address_finish (PvServiceClient  *self,
                                                GAsyncResult     *result,
                                                GError          **error)
{
  return finish_pointer (self, result, pv_service_client_get_emergency_address_async, error);
}

static void
answer_address (GTask             *task,
                PvServiceResponse *response)
{
  return_object (task, response, parse_emergency_address);
}

/* Whether @a and @b describe the same place (ids aside). */
static gboolean
same_address (PvEmergencyAddress *a,
              PvEmergencyAddress *b)
{
  g_autoptr(JsonNode) na = pv_emergency_address_to_json (a);
  g_autoptr(JsonNode) nb = pv_emergency_address_to_json (b);

  json_object_remove_member (json_node_get_object (na), "id");
  json_object_remove_member (json_node_get_object (nb), "id");
  return json_node_equal (na, nb);
}

static void
check_created_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GListStore) store = NULL;
  GTask *task = user_data;
  Call *call = g_task_get_task_data (task);
  GError *error = NULL;

  store = g_object_steal_data (G_OBJECT (task), "addresses");
  if (!pv_service_client_list_emergency_addresses_finish (PV_SERVICE_CLIENT (object), result, &error))
    {
      if (!recheck (task, error))
        fail_call (task, error);
      return;
    }
  /* The service gives every new address an id of its own, so the lost
   * answer is found by its content: an identical address is ours. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr(PvEmergencyAddress) address = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (same_address (address, call->address))
        {
          g_task_return_pointer (task, g_steal_pointer (&address), g_object_unref);
          g_object_unref (task);
          return;
        }
    }
  send_write (task);
}

static void
check_created (GTask *task)
{
  GListStore *store = g_list_store_new (PV_TYPE_EMERGENCY_ADDRESS);

  g_object_set_data_full (G_OBJECT (task), "addresses", g_object_ref (store), g_object_unref);
  pv_service_client_list_emergency_addresses_async (g_task_get_source_object (task), store,
                                                    g_task_get_cancellable (task),
                                                    check_created_cb, task);
  g_object_unref (store);
}

/* The address as the service takes it: without an id (the service gives
 * one) when @with_id is FALSE. */
static JsonNode *
address_body (PvEmergencyAddress *address,
              gboolean            with_id)
{
  JsonNode *node = pv_emergency_address_to_json (address);

  if (!with_id)
    json_object_remove_member (json_node_get_object (node), "id");
  return node;
}

/**
 * pv_service_client_create_emergency_address_async:
 * @address: the address; its id is ignored (the service gives one)
 *
 * Creates an emergency address. The result carries its new id.
 */
void
pv_service_client_create_emergency_address_async (PvServiceClient     *self,
                                                  PvEmergencyAddress  *address,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data)
{
  Call *call;
  GTask *task;

  g_return_if_fail (PV_IS_SERVICE_CLIENT (self));
  g_return_if_fail (PV_IS_EMERGENCY_ADDRESS (address));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = call_task_new (self, cancellable, callback, user_data,
                        pv_service_client_create_emergency_address_async, &call);
  call->address = g_object_ref (address);
  call_set_write (call, SOUP_METHOD_POST, g_strdup (EXTENSION_PATH "/emergencyAddresses"),
                  address_body (address, FALSE), PV_REQUEST_FLAGS_NONE, answer_address,
                  check_created);
  send_write (task);
}

/**
 * pv_service_client_create_emergency_address_finish:
 *
 * Returns: (transfer full) (nullable): the address with its id
 */
PvEmergencyAddress *
pv_service_client_create_emergency_address_finish (PvServiceClient  *self,
                                                   GAsyncResult     *result,
                                                   GError          **error)
{
  return finish_pointer (self, result, pv_service_client_create_emergency_address_async, error);
}

static void
check_address_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GTask *task = user_data;
  Call *call = g_task_get_task_data (task);
  g_autoptr(PvEmergencyAddress) address = NULL;
  GError *error = NULL;
  gboolean deleting = call->address == NULL;

  address = pv_service_client_get_emergency_address_finish (PV_SERVICE_CLIENT (object), result,
                                                            &error);
  if (address == NULL && deleting &&
      g_strcmp0 (pv_service_error_get_service_code (error), "emergencyAddressNotFound") == 0)
    {
      g_clear_error (&error);
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }
  if (address == NULL)
    {
      if (!recheck (task, error))
        fail_call (task, error);
      return;
    }
  if (!deleting && same_address (address, call->address))
    {
      g_task_return_pointer (task, g_steal_pointer (&address), g_object_unref);
      g_object_unref (task);
      return;
    }
  send_write (task);
}

static void
check_address (GTask *task)
{
  Call *call = g_task_get_task_data (task);

  pv_service_client_get_emergency_address_async (g_task_get_source_object (task),
                                                 call->address_id,
                                                 g_task_get_cancellable (task),
                                                 check_address_cb, task);
}

/**
 * pv_service_client_update_emergency_address_async:
 * @address: the address, with its id
 *
 * Changes an emergency address; refused when an operator locks it.
 */
void
pv_service_client_update_emergency_address_async (PvServiceClient     *self,
                                                  PvEmergencyAddress  *address,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data)
{
  Call *call;
  GTask *task;

  g_return_if_fail (PV_IS_SERVICE_CLIENT (self));
  g_return_if_fail (PV_IS_EMERGENCY_ADDRESS (address));
  g_return_if_fail (pv_emergency_address_get_id (address) != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = call_task_new (self, cancellable, callback, user_data,
                        pv_service_client_update_emergency_address_async, &call);
  call->address = g_object_ref (address);
  call->address_id = g_strdup (pv_emergency_address_get_id (address));
  /* Every member is sent, so a repeat is the same change. */
  call_set_write (call, "PATCH", address_path (call->address_id), address_body (address, FALSE),
                  PV_REQUEST_FLAGS_IDEMPOTENT, answer_address, check_address);
  send_write (task);
}

PvEmergencyAddress *
pv_service_client_update_emergency_address_finish (PvServiceClient  *self,
                                                   GAsyncResult     *result,
                                                   GError          **error)
{
  return finish_pointer (self, result, pv_service_client_update_emergency_address_async, error);
}

/**
 * pv_service_client_delete_emergency_address_async:
 *
 * Deletes an emergency address; refused while numbers use it.
 */
void
pv_service_client_delete_emergency_address_async (PvServiceClient     *self,
                                                  const char          *id,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data)
{
  Call *call;
  GTask *task;

  g_return_if_fail (PV_IS_SERVICE_CLIENT (self));
  g_return_if_fail (id != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = call_task_new (self, cancellable, callback, user_data,
                        pv_service_client_delete_emergency_address_async, &call);
  call->address_id = g_strdup (id);
  call_set_write (call, SOUP_METHOD_DELETE, address_path (id), NULL, PV_REQUEST_FLAGS_NONE,
                  answer_done, check_address);
  send_write (task);
}

gboolean
pv_service_client_delete_emergency_address_finish (PvServiceClient  *self,
                                                   GAsyncResult     *result,
                                                   GError          **error)
{
  return finish_boolean (self, result, pv_service_client_delete_emergency_address_async, error);
}
