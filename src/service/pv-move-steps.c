/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "pv-json.h"
#include "pv-run-journal.h"
#include "pv-move-steps.h"
#include "pv-phone-number.h"
#include "pv-service-error.h"
#include "pv-user.h"
#include "pv-voice-calls.h"
#include "pv-voice-readiness.h"

/* The two guided moves to Operator Connect as run steps, four a person.
 *
 * Every step reads the tenant before it changes anything and answers
 * "already done" when the change is there: a step may be run again after
 * a lost answer, a killed run, or a retry once the operator has done its
 * part, and it never repeats what took effect. The steps the service
 * cannot do (the operator acquires, ports and uploads numbers) are
 * checked, not done: when the number is not in the tenant yet, the
 * person stops there with "to be done with the operator", and a later
 * run continues from that step.
 *
 * Removing a number puts it out of service until the Operator Connect
 * number is assigned, so the first step refuses, before any change, a
 * person who could not receive one (not TeamsOnly, or no Phone System). */

#define USER_SELECT "id,displayName,userPrincipalName,usageLocation,teamsUpgradeEffectiveMode,assignedPlans," \
                    "sipAddress,registrarPool,lineUri,onPremLineUri,voiceRoutingPolicy"

typedef struct
{
  char     *name;    /* for the messages and what the run waits for */
  char     *upn;     /* how the exports name them */
  char     *current_number;
  char     *target_number;
  gboolean  on_premises;
  guint     from;    /* the steps before took effect in an earlier run */
} Person;

static void
person_free (Person *person)
{
  g_free (person->name);
  g_free (person->upn);
  g_free (person->current_number);
  g_free (person->target_number);
  g_free (person);
}

struct _PvMoveSteps
{
  GObject          parent_instance;

  PvServiceClient *client;
  PvMoveKind       kind;
  char            *operator_id;
  char            *operator_name;
  char            *tenant_id;
  gboolean         port_confirmed;
  GPtrArray       *items;     /* user ids, in the order added */
  GHashTable      *people;    /* user id → Person */
  GHashTable      *records;   /* user id → PvOperationResult *[PV_MOVE_N_STEPS] */
};

static void pv_move_steps_iface_init (PvRunStepsInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PvMoveSteps, pv_move_steps, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (PV_TYPE_RUN_STEPS, pv_move_steps_iface_init))

enum {
  STEP_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * pv_move_step_title:
 *
 * Returns: the translated name of @step of a @kind move, as the wizard
 *   and the exports show it
 */
const char *
pv_move_step_title (PvMoveKind kind,
                    guint      step)
{
  static const char * const direct_routing[PV_MOVE_N_STEPS] = {
    N_("Remove the Direct Routing number"),
    N_("Remove the online voice routing policy"),
    N_("Acquire the number from the operator"),
    N_("Assign the Operator Connect number"),
  };
  static const char * const calling_plan[PV_MOVE_N_STEPS] = {
    N_("Port the number to the operator"),
    N_("Unassign the Calling Plan number"),
    N_("Number uploaded by the operator"),
    N_("Assign the Operator Connect number"),
  };

  g_return_val_if_fail (step < PV_MOVE_N_STEPS, NULL);

  return gettext (kind == PV_MOVE_KIND_CALLING_PLAN ? calling_plan[step] : direct_routing[step]);
}

/**
 * pv_move_step_name:
 * @on_premises: Direct Routing: whether the person's number is assigned
 *   on-premises (OnPremLineURI), which changes how step 1 removes it
 *
 * Returns: the untranslated name of @step, as the results file gives it
 *   (docs/results-xml.md)
 */
const char *
pv_move_step_name (PvMoveKind kind,
                   guint      step,
                   gboolean   on_premises)
{
  static const char * const direct_routing[PV_MOVE_N_STEPS] = {
    "removeNumberOnline", "removeVoiceRoutingPolicy", "acquireNumber", "assignNumber",
  };
  static const char * const calling_plan[PV_MOVE_N_STEPS] = {
    "portNumber", "unassignCallingPlanNumber", "numberUploaded", "assignNumber",
  };

  g_return_val_if_fail (step < PV_MOVE_N_STEPS, NULL);

  if (kind == PV_MOVE_KIND_CALLING_PLAN)
    return calling_plan[step];
  if (step == 0 && on_premises)
    return "removeNumberOnPremises";
  return direct_routing[step];
}

static guint
pv_move_steps_get_n_steps (PvRunSteps *steps,
                           const char *item)
{
  return PV_MOVE_N_STEPS;
}

/* --- One step. --- */

typedef struct
{
  char   *item;
  guint   step;
  Person *person;   /* owned by the steps object */
  PvUser *user;
  char   *found;    /* a number found assigned to the person */
} StepCall;

static void
step_call_free (StepCall *call)
{
  g_free (call->item);
  g_clear_object (&call->user);
  g_free (call->found);
  g_free (call);
}

static PvOperationResult **
records_of (PvMoveSteps *self,
            const char  *item)
{
  PvOperationResult **records = g_hash_table_lookup (self->records, item);

  if (records == NULL)
    {
      records = g_new0 (PvOperationResult *, PV_MOVE_N_STEPS);
      g_hash_table_insert (self->records, g_strdup (item), records);
    }

  return records;
}

static void
records_free (PvOperationResult **records)
{
  for (guint i = 0; i < PV_MOVE_N_STEPS; i++)
    g_clear_object (&records[i]);
  g_free (records);
}

/* Ends the step with @status; the person's numbers go along so that a
 * result read alone (the final one, an export) says what moved. */
static void
finish (GTask          *task,
        PvResultStatus  status,
        const char     *message)
{
  PvMoveSteps *self = g_task_get_source_object (task);
  StepCall *call = g_task_get_task_data (task);
  PvOperationResult *result = pv_operation_result_new ();
  PvOperationResult **records = records_of (self, call->item);

  pv_operation_result_set_item (result, call->item);
  pv_operation_result_set_status (result, status);
  pv_operation_result_set_message (result, message);
  pv_operation_result_set_before (result, call->person->current_number);
  if (call->step == PV_MOVE_N_STEPS - 1 &&
      (status == PV_RESULT_STATUS_DONE || status == PV_RESULT_STATUS_ALREADY_DONE))
    pv_operation_result_set_after (result, call->person->target_number);

  g_set_object (&records[call->step], result);
  g_signal_emit (self, signals[STEP_FINISHED], 0, call->item, call->step, result);
  g_task_return_pointer (task, result, g_object_unref);
  g_object_unref (task);
}

/* A call that failed: an undecided step is the runner's to handle;
 * anything else is this person's failure at this step, with the
 * service's reason. */
static void
fail (GTask  *task,
      GError *error)
{
  if (pv_run_steps_error_is_undecided (error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  finish (task, PV_RESULT_STATUS_FAILED, error->message);
  g_error_free (error);
}

static const char *
display_name (StepCall *call)
{
  const char *name = call->user != NULL ? pv_user_get_display_name (call->user) : NULL;

  return name != NULL ? name : call->item;
}

static const char *
action_status (PvServiceResponse *response)
{
  JsonNode *body = pv_service_response_get_body (response);

  if (body == NULL || !JSON_NODE_HOLDS_OBJECT (body))
    return NULL;
  return pv_json_object_get_string (json_node_get_object (body), "status");
}

static const char *
action_user_string (PvServiceResponse *response,
                    const char        *member)
{
  JsonNode *body = pv_service_response_get_body (response);
  JsonNode *user;

  if (body == NULL || !JSON_NODE_HOLDS_OBJECT (body))
    return NULL;
  user = json_object_get_member (json_node_get_object (body), "user");
  if (user == NULL || !JSON_NODE_HOLDS_OBJECT (user))
    return NULL;
  return pv_json_object_get_string (json_node_get_object (user), member);
}

/* The answer to an action on the person, when it says the change was
 * made (or already was); otherwise %NULL, and the step is over. */
static PvServiceResponse *
action_answer_finish (GTask        *task,
                      GObject      *client,
                      GAsyncResult *async_result)
{
  g_autoptr(PvServiceResponse) response = NULL;
  const char *status;
  GError *error = NULL;

  response = pv_service_client_request_finish (PV_SERVICE_CLIENT (client), async_result, &error);
  if (response == NULL)
    {
      fail (task, error);
      return NULL;
    }

  status = action_status (response);
  if (g_strcmp0 (status, "done") != 0 && g_strcmp0 (status, "alreadyDone") != 0)
    {
      g_task_return_error (task, pv_run_steps_new_outcome_unknown_error ());
      g_object_unref (task);
      return NULL;
    }

  return g_steal_pointer (&response);
}

/* Sends the action @action on the person, clearing @member ({@member: null}). */
static void
send_clearing (GTask               *task,
               const char          *action,
               const char          *member,
               GAsyncReadyCallback  callback)
{
  PvMoveSteps *self = g_task_get_source_object (task);
  StepCall *call = g_task_get_task_data (task);
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = pv_run_steps_dup_user_path (call->item, action);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, member);
  json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  pv_service_client_request_async (self->client, SOUP_METHOD_POST, path, body,
                                   PV_REQUEST_FLAGS_IDEMPOTENT, g_task_get_cancellable (task),
                                   callback, task);
}

/* Step 1, Direct Routing, on-premises: Set-CsUser -LineURI $null. */
static void
line_removed_cb (GObject      *object,
                 GAsyncResult *async_result,
                 gpointer      user_data)
{
  GTask *task = user_data;
  StepCall *call = g_task_get_task_data (task);
  g_autoptr(PvServiceResponse) response = action_answer_finish (task, object, async_result);
  g_autofree char *message = NULL;

  if (response == NULL)
    return;

  /* Teams sees the removal once the directory has synchronised it; until
   * then the number is not free to move. */
  if (action_user_string (response, "onPremLineUri") != NULL)
    {
      /* Translators: %s is a person's name. */
      message = g_strdup_printf (_("The number of %s was removed on-premises, but Teams still shows it: the change has not been synchronised yet. Resume the move once it has (this can take a while)."),
                                 display_name (call));
      finish (task, PV_RESULT_STATUS_SKIPPED, message);
      return;
    }

  /* Translators: %1$s is a phone number, %2$s a person's name. */
  message = g_strdup_printf (_("Removed %1$s from %2$s on-premises (Set-CsUser -LineURI $null); the number is out of service until step 4."),
                             call->person->current_number, display_name (call));
  finish (task, PV_RESULT_STATUS_DONE, message);
}

/* Step 1 (Direct Routing) and 2 (Calling Plan), online: unassign. */
static void
unassigned_cb (GObject      *object,
               GAsyncResult *async_result,
               gpointer      user_data)
{
  GTask *task = user_data;
  PvMoveSteps *self = g_task_get_source_object (task);
  StepCall *call = g_task_get_task_data (task);
  g_autofree char *message = NULL;
  GError *error = NULL;

  if (!pv_service_client_unassign_number_finish (PV_SERVICE_CLIENT (object), async_result, &error))
    {
      fail (task, error);
      return;
    }

  if (self->kind == PV_MOVE_KIND_DIRECT_ROUTING)
    /* Translators: %1$s is a phone number, %2$s a person's name. */
    message = g_strdup_printf (_("Removed the Direct Routing number %1$s from %2$s online; it is out of service until step 4."),
                               call->found, display_name (call));
  else
    /* Translators: %1$s is a phone number, %2$s a person's name. */
    message = g_strdup_printf (_("Unassigned the Calling Plan number %1$s from %2$s. Remember to remove the Calling Plan licence once every number has moved."),
                               call->found, display_name (call));
  finish (task, PV_RESULT_STATUS_DONE, message);
}

static void
assigned_numbers_cb (GObject      *object,
                     GAsyncResult *async_result,
                     gpointer      user_data)
{
  GTask *task = user_data;
  PvMoveSteps *self = g_task_get_source_object (task);
  StepCall *call = g_task_get_task_data (task);
  g_autoptr(GListStore) store = g_object_steal_data (G_OBJECT (task), "pv-numbers");
  PvNumberType type = self->kind == PV_MOVE_KIND_DIRECT_ROUTING ? PV_NUMBER_TYPE_DIRECT_ROUTING
                                                                : PV_NUMBER_TYPE_CALLING_PLAN;
  g_autoptr(PvPhoneNumber) number = NULL;
  g_autofree char *message = NULL;
  GError *error = NULL;

  if (!pv_service_client_list_numbers_finish (PV_SERVICE_CLIENT (object), async_result, &error))
    {
      fail (task, error);
      return;
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (store)) == 0)
    {
      const char *line = call->user != NULL ? pv_user_get_line_uri (call->user) : NULL;

      /* The number being moved still on the line URI, with no number of
       * the tenant behind it, cannot be removed as a Direct Routing
       * number: say so rather than guess. Another number there (the
       * Operator Connect one, on a later run) means it is gone. */
      if (self->kind == PV_MOVE_KIND_DIRECT_ROUTING && line != NULL &&
          *call->person->current_number != '\0' && strstr (line, call->person->current_number) != NULL)
        {
          /* Translators: %1$s is a person's name, %2$s a line URI such as tel:+33123456789. */
          message = g_strdup_printf (_("%1$s has the line URI %2$s, which is not one of the tenant’s Direct Routing numbers. Remove it with Remove-CsPhoneNumberAssignment, then resume the move."),
                                     display_name (call), line);
          finish (task, PV_RESULT_STATUS_FAILED, message);
          return;
        }

      if (self->kind == PV_MOVE_KIND_DIRECT_ROUTING)
        /* Translators: %s is a person's name. */
        message = g_strdup_printf (_("%s has no Direct Routing number any more."), display_name (call));
      else
        /* Translators: %s is a person's name. */
        message = g_strdup_printf (_("%s has no Calling Plan number any more."), display_name (call));
      finish (task, PV_RESULT_STATUS_ALREADY_DONE, message);
      return;
    }

  number = g_list_model_get_item (G_LIST_MODEL (store), 0);
  call->found = g_strdup (pv_phone_number_get_telephone_number (number));
  pv_service_client_unassign_number_async (self->client, call->found, type, g_task_get_cancellable (task),
                                           unassigned_cb, task);
}

static void
find_assigned_number (GTask *task)
{
  PvMoveSteps *self = g_task_get_source_object (task);
  StepCall *call = g_task_get_task_data (task);
  GListStore *store = g_list_store_new (PV_TYPE_PHONE_NUMBER);
  PvNumberFilter filter;

  pv_number_filter_init (&filter);
  filter.assigned_user_id = call->item;
  filter.number_type = self->kind == PV_MOVE_KIND_DIRECT_ROUTING ? PV_NUMBER_TYPE_DIRECT_ROUTING
                                                                 : PV_NUMBER_TYPE_CALLING_PLAN;
  g_object_set_data_full (G_OBJECT (task), "pv-numbers", store, g_object_unref);
  pv_service_client_list_numbers_async (self->client, &filter, 0, store, g_task_get_cancellable (task),
                                        assigned_numbers_cb, task);
}

/* Whether the person can receive an Operator Connect number; when not,
 * the move must not start, since it would leave them without a number. */
static gboolean
check_prerequisites (GTask *task)
{
  StepCall *call = g_task_get_task_data (task);
  g_autofree char *reason = pv_voice_readiness_dup_reason (call->user, PV_NUMBER_TYPE_OPERATOR_CONNECT);
  g_autofree char *message = NULL;

  if (reason != NULL)
    /* Translators: %s says what the person lacks and what to do, as sentences. */
    message = g_strdup_printf (_("Nothing was changed, since removing the number would leave this person without one. %s"),
                               reason);

  if (message != NULL)
    {
      finish (task, PV_RESULT_STATUS_FAILED, message);
      return FALSE;
    }

  return TRUE;
}

static void
send_set_voice_null (GTask *task)
{
  send_clearing (task, "setVoice", "lineUri", line_removed_cb);
}

/* Step 2, Direct Routing: Grant-CsOnlineVoiceRoutingPolicy -PolicyName $null. */
static void
policy_removed_cb (GObject      *object,
                   GAsyncResult *async_result,
                   gpointer      user_data)
{
  GTask *task = user_data;
  StepCall *call = g_task_get_task_data (task);
  g_autoptr(PvServiceResponse) response = action_answer_finish (task, object, async_result);
  g_autofree char *message = NULL;

  if (response == NULL)
    return;

  /* Translators: %1$s is a voice routing policy, %2$s a person's name. */
  message = g_strdup_printf (_("Removed the voice routing policy %1$s from %2$s."),
                             pv_user_get_voice_routing_policy (call->user), display_name (call));
  finish (task, PV_RESULT_STATUS_DONE, message);
}

static void
remove_policy (GTask *task)
{
  StepCall *call = g_task_get_task_data (task);

  if (pv_user_get_voice_routing_policy (call->user) == NULL)
    {
      /* Translators: %s is a person's name. */
      g_autofree char *message = g_strdup_printf (_("%s has no online voice routing policy."),
                                                  display_name (call));

      finish (task, PV_RESULT_STATUS_ALREADY_DONE, message);
      return;
    }

  send_clearing (task, "grantVoiceRoutingPolicy", "policyName", policy_removed_cb);
}

/* Step 1, Calling Plan, without a port order to go by: the
 * administrator's word that the operator completed it. */
static void
check_port_confirmed (GTask *task)
{
  PvMoveSteps *self = g_task_get_source_object (task);
  StepCall *call = g_task_get_task_data (task);
  g_autofree char *message = NULL;

  if (self->port_confirmed)
    {
      /* Translators: %1$s is an operator, %2$s a phone number. */
      message = g_strdup_printf (_("You confirmed that %1$s has completed the port order for %2$s."),
                                 self->operator_name, call->person->current_number);
      finish (task, PV_RESULT_STATUS_ALREADY_DONE, message);
      return;
    }

  /* Translators: %1$s is an operator, %2$s a phone number, %3$s the tenant ID. */
  message = g_strdup_printf (_("To be done with the operator: ask %1$s to port %2$s to Operator Connect (tenant ID %3$s). Once the port order is complete, run the move again; nothing was changed."),
                             self->operator_name, call->person->current_number,
                             self->tenant_id != NULL ? self->tenant_id : "?");
  finish (task, PV_RESULT_STATUS_SKIPPED, message);
}

/* The port order of @number among @orders (an answer's "value"), or
 * NULL; anything not shaped as an order is passed over. */
static JsonObject *
find_port_order (JsonNode   *body,
                 const char *number)
{
  JsonNode *value;

  if (body == NULL || !JSON_NODE_HOLDS_OBJECT (body))
    return NULL;
  value = json_object_get_member (json_node_get_object (body), "value");
  if (value == NULL || !JSON_NODE_HOLDS_ARRAY (value))
    return NULL;

  for (guint i = 0; i < json_array_get_length (json_node_get_array (value)); i++)
    {
      JsonNode *order = json_array_get_element (json_node_get_array (value), i);
      JsonNode *numbers;

      if (!JSON_NODE_HOLDS_OBJECT (order))
        continue;
      numbers = json_object_get_member (json_node_get_object (order), "numbers");
      if (numbers == NULL || !JSON_NODE_HOLDS_ARRAY (numbers))
        continue;
      for (guint j = 0; j < json_array_get_length (json_node_get_array (numbers)); j++)
        {
          JsonNode *entry = json_array_get_element (json_node_get_array (numbers), j);

          if (JSON_NODE_HOLDS_OBJECT (entry) &&
              g_strcmp0 (pv_json_object_get_string (json_node_get_object (entry), "telephoneNumber"),
                         number) == 0)
            return json_node_get_object (order);
        }
    }

  return NULL;
}

/* Step 1 refused: the number was ported to another operator than the
 * move's. */
static void
other_operator_listed_cb (GObject      *object,
                          GAsyncResult *async_result,
                          gpointer      user_data)
{
  GTask *task = user_data;
  PvMoveSteps *self = g_task_get_source_object (task);
  StepCall *call = g_task_get_task_data (task);
  GListModel *catalogue = g_object_get_data (G_OBJECT (task), "pv-catalogue");
  const char *order_id = g_object_get_data (G_OBJECT (task), "pv-order-id");
  const char *operator_id = g_object_get_data (G_OBJECT (task), "pv-order-operator");
  g_autoptr(PvOperator) named = NULL;
  g_autofree char *message = NULL;

  /* Without the catalogue, the operator is named by its id. */
  if (pv_service_client_list_operators_finish (PV_SERVICE_CLIENT (object), async_result, NULL))
    named = pv_operator_find (catalogue, operator_id);
  if (named != NULL && (pv_operator_get_name (named) == NULL || *pv_operator_get_name (named) == '\0'))
    g_clear_object (&named);

  /* Translators: %1$s is a phone number, %2$s a port order, %3$s the operator the number was ported to, %4$s the operator chosen for the move. */
  message = g_strdup_printf (_("Nothing was changed: %1$s is in port order %2$s with %3$s, not with %4$s. Move this person with %3$s."),
                             call->person->current_number, order_id,
                             named != NULL ? pv_operator_get_name (named) : operator_id,
                             self->operator_name);
  finish (task, PV_RESULT_STATUS_FAILED, message);
}

static void
port_orders_cb (GObject      *object,
                GAsyncResult *async_result,
                gpointer      user_data)
{
  GTask *task = user_data;
  PvMoveSteps *self = g_task_get_source_object (task);
  StepCall *call = g_task_get_task_data (task);
  g_autoptr(PvServiceResponse) response = NULL;
  g_autofree char *message = NULL;
  GError *error = NULL;
  JsonObject *order;
  const char *id;
  const char *operator_id;

  response = pv_service_client_request_finish (PV_SERVICE_CLIENT (object), async_result, &error);
  if (response == NULL)
    {
      /* A service that does not know port orders: the administrator's
       * word stands. */
      if (g_error_matches (error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_NOT_FOUND))
        {
          g_error_free (error);
          check_port_confirmed (task);
          return;
        }
      fail (task, error);
      return;
    }

  order = find_port_order (pv_service_response_get_body (response), call->person->current_number);
  if (order == NULL)
    {
      check_port_confirmed (task);
      return;
    }

  id = pv_json_object_get_string (order, "id");
  if (id == NULL)
    id = "?";
  operator_id = pv_json_object_get_string (order, "operatorId");
  if (g_strcmp0 (operator_id, self->operator_id) != 0)
    {
      /* The order knows the operator by its id; the message names it as
       * the administrator knows it, from the catalogue. */
      GListStore *catalogue = g_list_store_new (PV_TYPE_OPERATOR);

      g_object_set_data_full (G_OBJECT (task), "pv-catalogue", catalogue, g_object_unref);
      g_object_set_data_full (G_OBJECT (task), "pv-order-id", g_strdup (id), g_free);
      g_object_set_data_full (G_OBJECT (task), "pv-order-operator",
                              g_strdup (operator_id != NULL ? operator_id : "?"), g_free);
      pv_service_client_list_operators_async (self->client, NULL, PV_OPERATOR_SERVICE_NONE,
                                              catalogue, g_task_get_cancellable (task),
                                              other_operator_listed_cb, task);
      return;
    }
  if (g_strcmp0 (pv_json_object_get_string (order, "status"), "complete") != 0)
    {
      /* Translators: %1$s is an operator, %2$s a port order, %3$s a phone number. */
      message = g_strdup_printf (_("To be done with the operator: %1$s has not completed port order %2$s for %3$s yet. Run the move again once it is complete; nothing was changed."),
                                 self->operator_name, id, call->person->current_number);
      finish (task, PV_RESULT_STATUS_SKIPPED, message);
      return;
    }

  /* Translators: %1$s is an operator, %2$s a port order, %3$s a phone number. */
  message = g_strdup_printf (_("%1$s has completed port order %2$s for %3$s."),
                             self->operator_name, id, call->person->current_number);
  finish (task, PV_RESULT_STATUS_ALREADY_DONE, message);
}

/* Step 1, Calling Plan: the operator ports the number. The service's
 * port orders say where it stands when it has them (the sandbox does);
 * a pending order stops the person even if the administrator ticked the
 * port as complete, since unassigning the number then would leave them
 * without one. */
static void
check_port (GTask *task)
{
  PvMoveSteps *self = g_task_get_source_object (task);

  pv_service_client_request_async (self->client, SOUP_METHOD_GET, "/provisio/v1/portOrders", NULL,
                                   PV_REQUEST_FLAGS_NONE, g_task_get_cancellable (task),
                                   port_orders_cb, task);
}

static void
user_read_cb (GObject      *object,
              GAsyncResult *async_result,
              gpointer      user_data)
{
  GTask *task = user_data;
  PvMoveSteps *self = g_task_get_source_object (task);
  StepCall *call = g_task_get_task_data (task);
  g_autoptr(PvServiceResponse) response = NULL;
  GError *error = NULL;

  response = pv_service_client_request_finish (PV_SERVICE_CLIENT (object), async_result, &error);
  if (response == NULL)
    {
      fail (task, error);
      return;
    }

  call->user = pv_user_new_from_json (pv_service_response_get_body (response), "user", &error);
  if (call->user == NULL)
    {
      g_autoptr(GError) local = error;

      g_task_return_new_error (task, PV_SERVICE_ERROR, PV_SERVICE_ERROR_MALFORMED_ANSWER,
                               _("The service answered in an unexpected way: %s"), local->message);
      g_object_unref (task);
      return;
    }

  switch (call->step)
    {
    case 0:
      if (!check_prerequisites (task))
        return;
      if (self->kind == PV_MOVE_KIND_CALLING_PLAN)
        check_port (task);
      else if (pv_user_get_on_prem_line_uri (call->user) != NULL)
        send_set_voice_null (task);
      else
        find_assigned_number (task);
      return;
    case 1:
      if (self->kind == PV_MOVE_KIND_DIRECT_ROUTING)
        remove_policy (task);
      else
        find_assigned_number (task);
      return;
    default:
      g_assert_not_reached ();
    }
}

static void
read_user (GTask *task)
{
  PvMoveSteps *self = g_task_get_source_object (task);
  StepCall *call = g_task_get_task_data (task);
  g_autofree char *escaped = g_uri_escape_string (call->item, NULL, FALSE);
  g_autofree char *path = g_strdup_printf ("/v1.0/users/%s?$select=" USER_SELECT, escaped);

  pv_service_client_request_async (self->client, SOUP_METHOD_GET, path, NULL, PV_REQUEST_FLAGS_NONE,
                                   g_task_get_cancellable (task), user_read_cb, task);
}

/* Steps 3 and 4: where the Operator Connect number stands. */
static void
number_assigned_cb (GObject      *object,
                    GAsyncResult *async_result,
                    gpointer      user_data)
{
  GTask *task = user_data;
  StepCall *call = g_task_get_task_data (task);
  g_autofree char *message = NULL;
  GError *error = NULL;

  if (!pv_service_client_assign_number_finish (PV_SERVICE_CLIENT (object), async_result, &error))
    {
      fail (task, error);
      return;
    }

  /* Translators: %s is a phone number. */
  message = g_strdup_printf (_("Assigned %s as an Operator Connect number; the number is in service again."),
                             call->person->target_number);
  finish (task, PV_RESULT_STATUS_DONE, message);
}

static void
not_from_operator (GTask      *task,
                   const char *why)
{
  PvMoveSteps *self = g_task_get_source_object (task);
  StepCall *call = g_task_get_task_data (task);
  g_autofree char *message = NULL;

  if (call->step == 3)
    {
      /* Only reached when the number went away after step 3 said it was
       * there. */
      finish (task, PV_RESULT_STATUS_FAILED, why);
      return;
    }

  /* When the number itself moves, the operator uploads it once ported
   * and unassigned: there is nothing to order. */
  if (self->kind == PV_MOVE_KIND_CALLING_PLAN &&
      g_strcmp0 (call->person->current_number, call->person->target_number) == 0)
    /* Translators: %1$s says why, as a sentence; %2$s is an operator, %3$s a phone number, %4$s the tenant ID. */
    message = g_strdup_printf (_("Waiting for the operator: %1$s %2$s uploads %3$s into your tenant (ID %4$s) once the port order is complete and the Calling Plan number unassigned; run the move again then to assign it."),
                               why, self->operator_name, call->person->target_number,
                               self->tenant_id != NULL ? self->tenant_id : "?");
  else
    /* Translators: %1$s says why, as a sentence; %2$s is an operator, %3$s a phone number, %4$s the tenant ID. */
    message = g_strdup_printf (_("To be done with the operator: %1$s Order %3$s from %2$s with your tenant ID %4$s; once the operator has uploaded it, run the move again to assign it."),
                               why, self->operator_name, call->person->target_number,
                               self->tenant_id != NULL ? self->tenant_id : "?");
  finish (task, PV_RESULT_STATUS_SKIPPED, message);
}

static void
target_read_cb (GObject      *object,
                GAsyncResult *async_result,
                gpointer      user_data)
{
  GTask *task = user_data;
  PvMoveSteps *self = g_task_get_source_object (task);
  StepCall *call = g_task_get_task_data (task);
  g_autoptr(PvPhoneNumber) number = NULL;
  g_autofree char *message = NULL;
  const char *target = call->person->target_number;
  GError *error = NULL;

  number = pv_service_client_get_number_finish (PV_SERVICE_CLIENT (object), async_result, &error);
  if (number == NULL)
    {
      if (g_error_matches (error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_NOT_FOUND))
        {
          /* Translators: %s is a phone number. */
          message = g_strdup_printf (_("%s is not in the tenant yet."), target);
          g_error_free (error);
          not_from_operator (task, message);
          return;
        }
      fail (task, error);
      return;
    }

  if (pv_phone_number_get_number_type (number) != PV_NUMBER_TYPE_OPERATOR_CONNECT ||
      g_strcmp0 (pv_phone_number_get_operator_id (number), self->operator_id) != 0)
    {
      /* Translators: %1$s is a phone number, %2$s an operator. */
      message = g_strdup_printf (_("%1$s is in the tenant, but not yet as an Operator Connect number of %2$s."),
                                 target, self->operator_name);
      not_from_operator (task, message);
      return;
    }

  if (pv_phone_number_get_status (number) == PV_NUMBER_STATUS_PENDING)
    {
      /* Translators: %1$s is a phone number, %2$s an operator. */
      message = g_strdup_printf (_("%1$s is still being provisioned by %2$s."), target, self->operator_name);
      not_from_operator (task, message);
      return;
    }

  if (pv_phone_number_get_status (number) == PV_NUMBER_STATUS_ASSIGNED &&
      g_strcmp0 (pv_phone_number_get_assigned_user_id (number), call->item) != 0)
    {
      /* Translators: %s is a phone number. */
      message = g_strdup_printf (_("%s is already assigned to someone else. Choose another number, or unassign it first."),
                                 target);
      finish (task, PV_RESULT_STATUS_FAILED, message);
      return;
    }

  if (call->step == 2)
    {
      /* Translators: %1$s is an operator, %2$s a phone number. */
      message = g_strdup_printf (_("%1$s has provided %2$s in the tenant as an Operator Connect number."),
                                 self->operator_name, target);
      finish (task, PV_RESULT_STATUS_ALREADY_DONE, message);
      return;
    }

  if (pv_phone_number_get_status (number) == PV_NUMBER_STATUS_ASSIGNED)
    {
      /* Translators: %s is a phone number. */
      message = g_strdup_printf (_("%s is already assigned to this person as an Operator Connect number."), target);
      finish (task, PV_RESULT_STATUS_ALREADY_DONE, message);
      return;
    }

  pv_service_client_assign_number_async (self->client, target, call->item, PV_NUMBER_TYPE_OPERATOR_CONNECT,
                                         NULL, g_task_get_cancellable (task), number_assigned_cb, task);
}

static void
pv_move_steps_apply_step_async (PvRunSteps          *steps,
                                const char          *item,
                                guint                step,
                                gboolean             verify_first,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  PvMoveSteps *self = PV_MOVE_STEPS (steps);
  GTask *task;
  Person *person = g_hash_table_lookup (self->people, item);
  StepCall *call;

  /* Steps read back without a service only say where a run stands. */
  g_return_if_fail (self->client != NULL);

  task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, pv_move_steps_apply_step_async);
  g_task_set_check_cancellable (task, FALSE);

  if (person == NULL || step >= PV_MOVE_N_STEPS)
    {
      PvOperationResult *result = pv_operation_result_new ();

      pv_operation_result_set_item (result, item);
      pv_operation_result_set_status (result, PV_RESULT_STATUS_SKIPPED);
      pv_operation_result_set_message (result, _("This person is not in the plan."));
      g_task_return_pointer (task, result, g_object_unref);
      g_object_unref (task);
      return;
    }

  call = g_new0 (StepCall, 1);
  call->item = g_strdup (item);
  call->step = step;
  call->person = person;
  g_task_set_task_data (task, call, (GDestroyNotify) step_call_free);

  /* A run continued after waiting for the operator: what took effect
   * before is not read again. */
  if (step < person->from)
    {
      /* Translators: %u is a step's number. */
      g_autofree char *message = g_strdup_printf (_("Step %u took effect in an earlier run of this move."), step + 1);

      finish (task, PV_RESULT_STATUS_ALREADY_DONE, message);
      return;
    }

  /* Every step looks at the tenant first, so verify_first needs nothing
   * more. */
  if (step <= 1)
    read_user (task);
  else
    pv_service_client_get_number_async (self->client, person->target_number, cancellable,
                                        target_read_cb, task);
}

static PvOperationResult *
pv_move_steps_apply_step_finish (PvRunSteps    *steps,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, steps), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, pv_move_steps_apply_step_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* --- The plan, for the journal. --- */

#define PLAN_VERSION 1

static void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static const char *
kind_nick (PvMoveKind kind)
{
  return kind == PV_MOVE_KIND_CALLING_PLAN ? "callingPlan" : "directRouting";
}

/* The plan of the people of @items: everything needed to build the same
 * steps again, each person's name and numbers as the run was started
 * with them (the tenant has changed since), and the step each starts
 * from. */
static JsonNode *
build_plan (PvMoveSteps *self,
            GPtrArray   *items)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, PLAN_VERSION);
  add_string_member (builder, "kind", kind_nick (self->kind));
  add_string_member (builder, "service", self->client != NULL ? pv_service_client_get_base_url (self->client) : NULL);
  add_string_member (builder, "operatorId", self->operator_id);
  add_string_member (builder, "operatorName", self->operator_name);
  add_string_member (builder, "tenantId", self->tenant_id);
  json_builder_set_member_name (builder, "portConfirmed");
  json_builder_add_boolean_value (builder, self->port_confirmed);
  json_builder_set_member_name (builder, "people");
  json_builder_begin_array (builder);
  for (guint i = 0; i < items->len; i++)
    {
      const char *id = g_ptr_array_index (items, i);
      Person *person = g_hash_table_lookup (self->people, id);

      json_builder_begin_object (builder);
      add_string_member (builder, "id", id);
      add_string_member (builder, "name", person->name);
      add_string_member (builder, "userPrincipalName", person->upn);
      add_string_member (builder, "currentNumber", person->current_number);
      add_string_member (builder, "targetNumber", person->target_number);
      json_builder_set_member_name (builder, "onPremises");
      json_builder_add_boolean_value (builder, person->on_premises);
      json_builder_set_member_name (builder, "fromStep");
      json_builder_add_int_value (builder, person->from);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static JsonNode *
pv_move_steps_dup_plan (PvRunSteps *steps)
{
  PvMoveSteps *self = PV_MOVE_STEPS (steps);

  return build_plan (self, self->items);
}

/**
 * pv_move_steps_get_waiting_step:
 *
 * Returns: the step at which @item waits for the operator (their last
 *   step that ran was skipped: the port order, the upload, the number
 *   to acquire), or -1 when they do not
 */
int
pv_move_steps_get_waiting_step (PvMoveSteps *self,
                                const char  *item)
{
  PvOperationResult **records;

  g_return_val_if_fail (PV_IS_MOVE_STEPS (self), -1);

  records = g_hash_table_lookup (self->records, item);
  for (int step = PV_MOVE_N_STEPS - 1; records != NULL && step >= 0; step--)
    if (records[step] != NULL)
      return pv_operation_result_get_status (records[step]) == PV_RESULT_STATUS_SKIPPED ? step : -1;

  return -1;
}

/* A person whose last step was skipped waits: for the operator's port
 * order, upload or number, or for the directory to catch up. */
static gboolean
pv_move_steps_get_item_waits (PvRunSteps        *steps,
                              PvOperationResult *result)
{
  PvMoveSteps *self = PV_MOVE_STEPS (steps);
  const char *item = pv_operation_result_get_item (result);

  return item != NULL && g_hash_table_contains (self->people, item) &&
         pv_operation_result_get_status (result) == PV_RESULT_STATUS_SKIPPED;
}

static const char *
person_name (PvMoveSteps *self,
             const char  *item)
{
  Person *person = g_hash_table_lookup (self->people, item);

  return person != NULL && person->name != NULL && *person->name != '\0' ? person->name : item;
}

/* What one person waits for, as a sentence naming them. */
static char *
dup_person_waiting (PvMoveSteps *self,
                    const char  *item,
                    guint        step)
{
  Person *person = g_hash_table_lookup (self->people, item);
  const char *name = person_name (self, item);

  if (person == NULL)
    return NULL;

  if (step == 0 && self->kind == PV_MOVE_KIND_CALLING_PLAN)
    /* Translators: %1$s is a person's name, %2$s an operator, %3$s a phone number. */
    return g_strdup_printf (_("%1$s waits for %2$s to complete the port order of %3$s."),
                            name, self->operator_name, person->current_number);
  if (step == 0)
    /* Translators: %1$s is a person's name, %2$s a phone number. */
    return g_strdup_printf (_("%1$s waits for the directory to synchronise the removal of %2$s on-premises."),
                            name, person->current_number);
  if (step == 2 && self->kind == PV_MOVE_KIND_CALLING_PLAN)
    /* Translators: %1$s is a person's name, %2$s an operator, %3$s a phone number. */
    return g_strdup_printf (_("%1$s waits for %2$s to upload %3$s into the tenant."),
                            name, self->operator_name, person->target_number);
  if (step == 2)
    /* Translators: %1$s is a person's name, %2$s an operator, %3$s a phone number. */
    return g_strdup_printf (_("%1$s waits for %2$s to provide %3$s in the tenant."),
                            name, self->operator_name, person->target_number);
  /* Translators: %1$s is a person's name, %2$u a step's number, %3$s its name. */
  return g_strdup_printf (_("%1$s waits at step %2$u, %3$s."),
                          name, step + 1, pv_move_step_title (self->kind, MIN (step, PV_MOVE_N_STEPS - 1)));
}

static char *
pv_move_steps_dup_waiting (PvRunSteps  *steps,
                           GPtrArray   *results,
                           const guint *at)
{
  PvMoveSteps *self = PV_MOVE_STEPS (steps);
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GHashTable) waiting = NULL;

  if (results->len == 1)
    return dup_person_waiting (self, pv_operation_result_get_item (g_ptr_array_index (results, 0)), at[0]);

  /* In the plan's order, whatever order they stopped in. */
  waiting = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < results->len; i++)
    g_hash_table_add (waiting, (gpointer) pv_operation_result_get_item (g_ptr_array_index (results, i)));
  for (guint i = 0; i < self->items->len; i++)
    {
      const char *item = g_ptr_array_index (self->items, i);

      if (!g_hash_table_contains (waiting, item))
        continue;
      if (names->len > 0)
        /* Translators: between the names of a list of people. */
        g_string_append (names, _(", "));
      g_string_append (names, person_name (self, item));
    }
  /* Translators: %1$u is a number of people, %2$s an operator, %3$s the people's names. */
  return g_strdup_printf (ngettext ("%1$u person waits for %2$s: %3$s.",
                                    "%1$u people wait for %2$s: %3$s.",
                                    results->len),
                          results->len, self->operator_name, names->str);
}

/* --- Checking again, without changing anything. --- */

/* Whether @step of a @kind move only reads the tenant: the port order
 * (Calling Plan, step 1) and the operator's number (step 3). Removing a
 * number on-premises (Direct Routing, step 1) is a change: it is left
 * for the run. */
static gboolean
step_only_reads (PvMoveKind kind,
                 guint      step)
{
  return step == 2 || (step == 0 && kind == PV_MOVE_KIND_CALLING_PLAN);
}

typedef struct
{
  PvMoveSteps *steps;
  GPtrArray   *items;        /* char *, those who wait */
  GArray      *at;           /* guint, the step each waits at */
  guint        next;
  GPtrArray   *still;        /* PvOperationResult *, those who still wait */
  GArray      *still_at;
} Check;

static void
check_free (Check *check)
{
  g_clear_object (&check->steps);
  g_clear_pointer (&check->items, g_ptr_array_unref);
  g_clear_pointer (&check->at, g_array_unref);
  g_clear_pointer (&check->still, g_ptr_array_unref);
  g_clear_pointer (&check->still_at, g_array_unref);
  g_free (check);
}

static void check_next (GTask *task);

static void
still_waits (Check             *check,
             PvOperationResult *result,
             guint              step)
{
  g_ptr_array_add (check->still, g_object_ref (result));
  g_array_append_val (check->still_at, step);
}

static void
person_checked_cb (GObject      *object,
                   GAsyncResult *async_result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Check *check = g_task_get_task_data (task);
  guint step = g_array_index (check->at, guint, check->next);
  g_autoptr(PvOperationResult) result = NULL;
  GError *error = NULL;

  result = pv_run_steps_apply_step_finish (PV_RUN_STEPS (object), async_result, &error);
  if (result == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* Found done: the operator has done its part. Anything else (still
   * waiting, or a failure the run will say) leaves the person to the
   * run. */
  if (pv_operation_result_get_status (result) != PV_RESULT_STATUS_ALREADY_DONE)
    still_waits (check, result, step);
  check->next++;
  check_next (g_steal_pointer (&task));
}

static void
check_next (GTask *task)
{
  Check *check = g_task_get_task_data (task);

  while (check->next < check->items->len)
    {
      const char *item = g_ptr_array_index (check->items, check->next);
      guint step = g_array_index (check->at, guint, check->next);

      if (step_only_reads (check->steps->kind, step))
        {
          pv_run_steps_apply_step_async (PV_RUN_STEPS (check->steps), item, step, TRUE,
                                         g_task_get_cancellable (task), person_checked_cb, task);
          return;
        }

      {
        g_autoptr(PvOperationResult) result = pv_operation_result_new ();

        pv_operation_result_set_item (result, item);
        pv_operation_result_set_status (result, PV_RESULT_STATUS_SKIPPED);
        still_waits (check, result, step);
      }
      check->next++;
    }

  if (check->still->len == 0)
    g_task_return_pointer (task, NULL, NULL);
  else
    g_task_return_pointer (task, pv_run_steps_dup_waiting (PV_RUN_STEPS (check->steps), check->still,
                                                           (const guint *) check->still_at->data),
                           g_free);
  g_object_unref (task);
}

/**
 * pv_move_steps_check_waiting_async:
 * @client: the service
 * @run: a run of a move, read back from its journal
 *
 * Checks again, for each person who waits in @run, whether the
 * operator has done its part (completed the port order, uploaded or
 * provided the number), by reading the tenant only: nothing is changed.
 * Those who wait at a step that would change something are not checked
 * and still wait.
 */
void
pv_move_steps_check_waiting_async (PvServiceClient     *client,
                                   PvRunState          *run,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) finals = NULL;
  GError *error = NULL;
  Check *check;

  g_return_if_fail (PV_IS_SERVICE_CLIENT (client));
  g_return_if_fail (PV_IS_RUN_STATE (run));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pv_move_steps_check_waiting_async);

  check = g_new0 (Check, 1);
  g_task_set_task_data (task, check, (GDestroyNotify) check_free);
  check->steps = pv_move_steps_new_from_plan (client, pv_run_state_get_plan (run), &error);
  if (check->steps == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  check->items = g_ptr_array_new_with_free_func (g_free);
  check->at = g_array_new (FALSE, FALSE, sizeof (guint));
  check->still = g_ptr_array_new_with_free_func (g_object_unref);
  check->still_at = g_array_new (FALSE, FALSE, sizeof (guint));

  finals = pv_run_state_dup_final_results (run);
  for (guint i = 0; i < finals->len; i++)
    {
      PvOperationResult *result = g_ptr_array_index (finals, i);
      const char *item = pv_operation_result_get_item (result);
      guint step;

      if (!pv_run_steps_get_item_waits (PV_RUN_STEPS (check->steps), result))
        continue;
      step = pv_run_state_get_next_step (run, item);
      g_ptr_array_add (check->items, g_strdup (item));
      g_array_append_val (check->at, step);
    }

  check_next (g_steal_pointer (&task));
}

/**
 * pv_move_steps_check_waiting_finish:
 * @still_waiting: (out) (transfer full) (optional) (nullable): what the
 *   run still waits for, naming who and for what, or %NULL when the
 *   operator has done its part for everyone (the move is ready to finish)
 *
 * Returns: whether the check was made
 */
gboolean
pv_move_steps_check_waiting_finish (GAsyncResult  *result,
                                    char         **still_waiting,
                                    GError       **error)
{
  g_autofree char *waiting = NULL;
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, pv_move_steps_check_waiting_async), FALSE);

  waiting = g_task_propagate_pointer (G_TASK (result), &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (still_waiting != NULL)
    *still_waiting = g_steal_pointer (&waiting);
  return TRUE;
}

/**
 * pv_move_steps_new_from_plan:
 * @client: (nullable): the service, or %NULL for steps that only read
 *   the run (who waits, and for what), never applied
 * @plan: what pv_run_steps_dup_plan() gave for the run, read back from
 *   its journal (pv_run_state_get_plan())
 *
 * The same steps again, to resume a run, with the numbers the run was
 * started with. The journal is a file on disk: everything in it is
 * checked.
 *
 * Returns: (transfer full) (nullable): the steps, or %NULL with
 *   %PV_RUN_JOURNAL_ERROR_CORRUPT
 */
PvMoveSteps *
pv_move_steps_new_from_plan (PvServiceClient  *client,
                             JsonNode         *plan,
                             GError          **error)
{
  g_autoptr(PvMoveSteps) self = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *service = NULL;
  JsonObject *object;
  JsonNode *people;

  g_return_val_if_fail (!client || PV_IS_SERVICE_CLIENT (client), NULL);

  self = g_object_new (PV_TYPE_MOVE_STEPS, NULL);
  self->client = client != NULL ? g_object_ref (client) : NULL;

  object = pv_run_steps_get_plan_object (plan, PLAN_VERSION);
  if (object == NULL)
    goto unusable;

  if (!pv_json_object_read_string (object, "kind", FALSE, &kind) ||
      !pv_json_object_read_string (object, "service", TRUE, &service) ||
      !pv_json_object_read_string (object, "operatorId", FALSE, &self->operator_id) ||
      !pv_json_object_read_string (object, "operatorName", FALSE, &self->operator_name) ||
      !pv_json_object_read_string (object, "tenantId", TRUE, &self->tenant_id) ||
      !pv_json_object_read_boolean (object, "portConfirmed", &self->port_confirmed))
    goto unusable;
  if (g_strcmp0 (kind, kind_nick (PV_MOVE_KIND_DIRECT_ROUTING)) == 0)
    self->kind = PV_MOVE_KIND_DIRECT_ROUTING;
  else if (g_strcmp0 (kind, kind_nick (PV_MOVE_KIND_CALLING_PLAN)) == 0)
    self->kind = PV_MOVE_KIND_CALLING_PLAN;
  else
    goto unusable;

  people = json_object_get_member (object, "people");
  if (people == NULL || !JSON_NODE_HOLDS_ARRAY (people))
    goto unusable;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (people)); i++)
    {
      JsonNode *node = json_array_get_element (json_node_get_array (people), i);
      JsonObject *entry;
      JsonNode *from;
      g_autofree char *id = NULL;
      g_autofree char *name = NULL;
      g_autofree char *upn = NULL;
      g_autofree char *current = NULL;
      g_autofree char *target = NULL;
      gboolean on_premises;
      Person *person;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        goto unusable;
      entry = json_node_get_object (node);
      from = json_object_get_member (entry, "fromStep");
      if (!pv_json_object_read_string (entry, "id", FALSE, &id) || g_hash_table_contains (self->people, id) ||
          !pv_json_object_read_string (entry, "name", TRUE, &name) ||
          !pv_json_object_read_string (entry, "userPrincipalName", TRUE, &upn) ||
          !pv_json_object_read_string (entry, "currentNumber", TRUE, &current) ||
          !pv_json_object_read_string (entry, "targetNumber", FALSE, &target) ||
          !pv_json_object_read_boolean (entry, "onPremises", &on_premises) ||
          from == NULL || !JSON_NODE_HOLDS_VALUE (from) || json_node_get_value_type (from) != G_TYPE_INT64 ||
          json_node_get_int (from) < 0 || json_node_get_int (from) >= PV_MOVE_N_STEPS)
        goto unusable;

      pv_move_steps_add_person (self, id, current, target);
      person = g_hash_table_lookup (self->people, id);
      person->on_premises = on_premises;
      person->from = (guint) json_node_get_int (from);
      person->name = g_steal_pointer (&name);
      person->upn = g_steal_pointer (&upn);
    }

  return g_steal_pointer (&self);

unusable:
  pv_run_steps_set_unusable_plan_error (error);
  return NULL;
}

static void
pv_move_steps_iface_init (PvRunStepsInterface *iface)
{
  iface->get_n_steps = pv_move_steps_get_n_steps;
  iface->apply_step_async = pv_move_steps_apply_step_async;
  iface->apply_step_finish = pv_move_steps_apply_step_finish;
  iface->dup_plan = pv_move_steps_dup_plan;
  iface->get_item_waits = pv_move_steps_get_item_waits;
  iface->dup_waiting = pv_move_steps_dup_waiting;
}

static void
pv_move_steps_finalize (GObject *object)
{
  PvMoveSteps *self = PV_MOVE_STEPS (object);

  g_clear_object (&self->client);
  g_clear_pointer (&self->operator_id, g_free);
  g_clear_pointer (&self->operator_name, g_free);
  g_clear_pointer (&self->tenant_id, g_free);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->people, g_hash_table_unref);
  g_clear_pointer (&self->records, g_hash_table_unref);

  G_OBJECT_CLASS (pv_move_steps_parent_class)->finalize (object);
}

static void
pv_move_steps_class_init (PvMoveStepsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pv_move_steps_finalize;

  /**
   * PvMoveSteps::step-finished:
   * @item: the person's user id
   * @step: the step, from 0
   * @result: its outcome
   *
   * One step of one person has an outcome; the runner only keeps the
   * last step of each person, this tells every one.
   */
  signals[STEP_FINISHED] =
    g_signal_new ("step-finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_UINT, PV_TYPE_OPERATION_RESULT);
}

static void
pv_move_steps_init (PvMoveSteps *self)
{
  self->items = g_ptr_array_new_with_free_func (g_free);
  self->people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) person_free);
  self->records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) records_free);
}

/**
 * pv_move_steps_new:
 * @operator_id: the operator the numbers move to
 * @operator_name: its name, for the messages
 */
PvMoveSteps *
pv_move_steps_new (PvServiceClient *client,
                   PvMoveKind       kind,
                   const char      *operator_id,
                   const char      *operator_name)
{
  PvMoveSteps *self;

  g_return_val_if_fail (PV_IS_SERVICE_CLIENT (client), NULL);
  g_return_val_if_fail (operator_id != NULL, NULL);

  self = g_object_new (PV_TYPE_MOVE_STEPS, NULL);
  self->client = g_object_ref (client);
  self->kind = kind;
  self->operator_id = g_strdup (operator_id);
  self->operator_name = g_strdup (operator_name != NULL ? operator_name : operator_id);

  return self;
}

PvMoveKind
pv_move_steps_get_kind (PvMoveSteps *self)
{
  g_return_val_if_fail (PV_IS_MOVE_STEPS (self), PV_MOVE_KIND_DIRECT_ROUTING);

  return self->kind;
}

/* The tenant ID the operator orders numbers with, named in the steps
 * left to the operator. */
void
pv_move_steps_set_tenant_id (PvMoveSteps *self,
                             const char  *tenant_id)
{
  g_return_if_fail (PV_IS_MOVE_STEPS (self));

  g_free (self->tenant_id);
  self->tenant_id = g_strdup (tenant_id);
}

/**
 * pv_move_steps_set_port_confirmed:
 *
 * Calling Plan moves: whether the administrator confirmed that the
 * operator completed the port order. Without it, nobody goes past the
 * first step.
 */
void
pv_move_steps_set_port_confirmed (PvMoveSteps *self,
                                  gboolean     confirmed)
{
  g_return_if_fail (PV_IS_MOVE_STEPS (self));

  self->port_confirmed = !!confirmed;
}

/**
 * pv_move_steps_add_person:
 * @user_id: the person
 * @current_number: the E.164 number they have now, for the messages
 * @target_number: the E.164 Operator Connect number they will get
 */
void
pv_move_steps_add_person (PvMoveSteps *self,
                          const char  *user_id,
                          const char  *current_number,
                          const char  *target_number)
{
  Person *person;

  g_return_if_fail (PV_IS_MOVE_STEPS (self));
  g_return_if_fail (user_id != NULL && target_number != NULL);

  if (g_hash_table_contains (self->people, user_id))
    return;

  person = g_new0 (Person, 1);
  person->current_number = g_strdup (current_number != NULL ? current_number : "");
  person->target_number = g_strdup (target_number);
  g_hash_table_insert (self->people, g_strdup (user_id), person);
  g_ptr_array_add (self->items, g_strdup (user_id));
}

/* The person's name, for what the run says it waits for. */
void
pv_move_steps_set_name (PvMoveSteps *self,
                        const char  *user_id,
                        const char  *name)
{
  Person *person;

  g_return_if_fail (PV_IS_MOVE_STEPS (self));

  person = g_hash_table_lookup (self->people, user_id);
  if (person != NULL)
    {
      g_free (person->name);
      person->name = g_strdup (name);
    }
}

/* How the exports name the person: their userPrincipalName. */
void
pv_move_steps_set_user_principal_name (PvMoveSteps *self,
                                       const char  *user_id,
                                       const char  *upn)
{
  Person *person;

  g_return_if_fail (PV_IS_MOVE_STEPS (self));

  person = g_hash_table_lookup (self->people, user_id);
  if (person != NULL)
    {
      g_free (person->upn);
      person->upn = g_strdup (upn);
    }
}

const char *
pv_move_steps_get_user_principal_name (PvMoveSteps *self,
                                       const char  *user_id)
{
  Person *person;

  g_return_val_if_fail (PV_IS_MOVE_STEPS (self), NULL);

  person = g_hash_table_lookup (self->people, user_id);
  return person != NULL ? person->upn : NULL;
}

const char *
pv_move_steps_get_name (PvMoveSteps *self,
                        const char  *user_id)
{
  g_return_val_if_fail (PV_IS_MOVE_STEPS (self), NULL);

  return person_name (self, user_id);
}

/**
 * pv_move_steps_restore:
 * @state: the run of these steps, read back from its journal
 *
 * Takes back what the run recorded of each person, so that the steps of
 * a continued run say where everyone stands: the steps that took effect,
 * and the outcome each person was left with (moved, failed, or waiting
 * at a step). Those who wait are run again from there.
 */
void
pv_move_steps_restore (PvMoveSteps *self,
                       PvRunState  *state)
{
  g_return_if_fail (PV_IS_MOVE_STEPS (self));
  g_return_if_fail (PV_IS_RUN_STATE (state));

  for (guint i = 0; i < self->items->len; i++)
    {
      const char *item = g_ptr_array_index (self->items, i);
      PvOperationResult *final = pv_run_state_get_final_result (state, item);
      guint next = MIN (pv_run_state_get_next_step (state, item), PV_MOVE_N_STEPS);
      PvOperationResult **records;

      if (final == NULL && next == 0)
        continue;
      records = records_of (self, item);
      for (guint step = 0; step < next; step++)
        {
          g_autoptr(PvOperationResult) result = pv_operation_result_new ();
          /* Translators: %u is a step's number. */
          g_autofree char *message = g_strdup_printf (_("Step %u took effect in an earlier run of this move."), step + 1);

          pv_operation_result_set_item (result, item);
          pv_operation_result_set_status (result, PV_RESULT_STATUS_ALREADY_DONE);
          pv_operation_result_set_message (result, message);
          g_set_object (&records[step], result);
        }
      if (final != NULL)
        g_set_object (&records[MIN (next, PV_MOVE_N_STEPS - 1)], final);
    }
}

/* Direct Routing: whether the person's number is assigned on-premises
 * (OnPremLineURI), which the results name step 1 by. */
void
pv_move_steps_set_on_premises (PvMoveSteps *self,
                               const char  *user_id,
                               gboolean     on_premises)
{
  Person *person;

  g_return_if_fail (PV_IS_MOVE_STEPS (self));

  person = g_hash_table_lookup (self->people, user_id);
  if (person != NULL)
    person->on_premises = !!on_premises;
}

gboolean
pv_move_steps_get_on_premises (PvMoveSteps *self,
                               const char  *item)
{
  Person *person;

  g_return_val_if_fail (PV_IS_MOVE_STEPS (self), FALSE);

  person = g_hash_table_lookup (self->people, item);
  return person != NULL && person->on_premises;
}

const char *
pv_move_steps_get_operator_id (PvMoveSteps *self)
{
  g_return_val_if_fail (PV_IS_MOVE_STEPS (self), NULL);

  return self->operator_id;
}

const char *
pv_move_steps_get_tenant_id (PvMoveSteps *self)
{
  g_return_val_if_fail (PV_IS_MOVE_STEPS (self), NULL);

  return self->tenant_id;
}

gboolean
pv_move_steps_get_port_confirmed (PvMoveSteps *self)
{
  g_return_val_if_fail (PV_IS_MOVE_STEPS (self), FALSE);

  return self->port_confirmed;
}

/**
 * pv_move_steps_dup_items:
 *
 * Returns: (transfer full): the ids of the people to run, for the runner
 */
GStrv
pv_move_steps_dup_items (PvMoveSteps *self)
{
  GStrv items;

  g_return_val_if_fail (PV_IS_MOVE_STEPS (self), NULL);

  items = g_new0 (char *, self->items->len + 1);
  for (guint i = 0; i < self->items->len; i++)
    items[i] = g_strdup (g_ptr_array_index (self->items, i));

  return items;
}

/**
 * pv_move_steps_get_step_result:
 *
 * Returns: (transfer none) (nullable): the outcome of @step for @item in
 *   this session, or %NULL when it has not run
 */
PvOperationResult *
pv_move_steps_get_step_result (PvMoveSteps *self,
                               const char  *item,
                               guint        step)
{
  PvOperationResult **records;

  g_return_val_if_fail (PV_IS_MOVE_STEPS (self), NULL);
  g_return_val_if_fail (step < PV_MOVE_N_STEPS, NULL);

  records = g_hash_table_lookup (self->records, item);
  return records != NULL ? records[step] : NULL;
}

const char *
pv_move_steps_get_current_number (PvMoveSteps *self,
                                  const char  *item)
{
  Person *person;

  g_return_val_if_fail (PV_IS_MOVE_STEPS (self), NULL);

  person = g_hash_table_lookup (self->people, item);
  return person != NULL ? person->current_number : NULL;
}

const char *
pv_move_steps_get_target_number (PvMoveSteps *self,
                                 const char  *item)
{
  Person *person;

  g_return_val_if_fail (PV_IS_MOVE_STEPS (self), NULL);

  person = g_hash_table_lookup (self->people, item);
  return person != NULL ? person->target_number : NULL;
}

static gboolean
took_effect (PvResultStatus status)
{
  return status == PV_RESULT_STATUS_DONE || status == PV_RESULT_STATUS_ALREADY_DONE;
}

/**
 * pv_move_steps_get_moved:
 *
 * Returns: whether @item's last step has taken effect (done, or found
 *   done): their Operator Connect number is assigned
 */
gboolean
pv_move_steps_get_moved (PvMoveSteps *self,
                         const char  *item)
{
  PvOperationResult *last;

  g_return_val_if_fail (PV_IS_MOVE_STEPS (self), FALSE);

  last = pv_move_steps_get_step_result (self, item, PV_MOVE_N_STEPS - 1);
  return last != NULL && took_effect (pv_operation_result_get_status (last));
}

/**
 * pv_move_steps_dup_person_result:
 * @item: a person of the move
 * @on_premises: whether their number was assigned on-premises
 *
 * The person's move as one result, the way the exports write it: the
 * steps that ran inside it, in order; the outcome of the whole move
 * (done once moved, already done when every step was found done,
 * failed or skipped where it stopped); the reason of the last step that
 * ran; their number before, and the Operator Connect number after.
 *
 * Returns: (transfer full) (nullable): the result, or %NULL for someone
 *   not in the move
 */
PvOperationResult *
pv_move_steps_dup_person_result (PvMoveSteps *self,
                                 const char  *item,
                                 gboolean     on_premises)
{
  Person *person;
  PvOperationResult **records;
  PvOperationResult *result;
  PvOperationResult *last = NULL;
  gboolean any_done = FALSE;
  guint n = 0;

  g_return_val_if_fail (PV_IS_MOVE_STEPS (self), NULL);
  g_return_val_if_fail (item != NULL, NULL);

  person = g_hash_table_lookup (self->people, item);
  if (person == NULL)
    return NULL;
  records = g_hash_table_lookup (self->records, item);

  result = pv_operation_result_new ();
  pv_operation_result_set_item (result, item);
  pv_operation_result_set_before (result, person->current_number);
  pv_operation_result_set_after (result, person->target_number);
  pv_operation_result_set_n_planned_steps (result, PV_MOVE_N_STEPS);

  /* A run goes step by step: the steps that ran are the first ones. */
  for (; records != NULL && n < PV_MOVE_N_STEPS && records[n] != NULL; n++)
    {
      g_autoptr(PvOperationResult) step = pv_operation_result_new ();

      last = records[n];
      any_done |= pv_operation_result_get_status (last) == PV_RESULT_STATUS_DONE;
      pv_operation_result_set_item (step, pv_move_step_name (self->kind, n, on_premises));
      pv_operation_result_set_status (step, pv_operation_result_get_status (last));
      pv_operation_result_set_message (step, pv_operation_result_get_message (last));
      pv_operation_result_add_step (result, step);
    }

  if (last == NULL)
    {
      pv_operation_result_set_status (result, PV_RESULT_STATUS_SKIPPED);
      pv_operation_result_set_message (result, _("The move did not start for this person: nothing was changed."));
    }
  else
    {
      PvResultStatus status = pv_operation_result_get_status (last);

      if (n == PV_MOVE_N_STEPS && took_effect (status))
        status = any_done ? PV_RESULT_STATUS_DONE : PV_RESULT_STATUS_ALREADY_DONE;
      else if (status != PV_RESULT_STATUS_FAILED)
        /* Waiting for the operator, or stopped before the end. */
        status = PV_RESULT_STATUS_SKIPPED;
      pv_operation_result_set_status (result, status);
      pv_operation_result_set_message (result, pv_operation_result_get_message (last));
    }

  return result;
}
